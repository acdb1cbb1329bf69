"""EARS without R: R's C3 lags a spike by a period, the textbook C3 does not; options are checked."""

import numpy as np
import pytest

from tixi.surveillance.engine.ears import METHODS
from tixi.surveillance.engine.spec import DetectionError

BY_NAME = {method.name: method for method in METHODS}


def spike_series():
    rng = np.random.default_rng(1)
    y = rng.poisson(5, size=40).astype(float)
    y[32] = 30.0  # period 33
    return y[None, :]


def test_r_c3_alarms_after_a_spike_and_the_textbook_c3_on_it():
    counts = spike_series()
    r_c3 = BY_NAME["ears-c3"].run(counts, 33, 36)
    textbook = BY_NAME["ears-c3-textbook"].run(counts, 33, 36)
    assert r_c3.alarm[0].tolist() == [False, True, True, False]
    assert textbook.alarm[0, 0]
    assert textbook.upperbound[0, 0] < 30.0


def test_c1_bound_is_mean_plus_z_sd_of_the_last_seven():
    counts = np.array([[1, 2, 3, 4, 5, 6, 7, 100.0]])
    result = BY_NAME["ears-c1"].run(counts, 8, 8)
    window = counts[0, :7]
    assert result.upperbound[0, 0] == pytest.approx(window.mean() + 3.090232306167813 * window.std(ddof=1))
    assert result.alarm[0, 0]


def test_flat_window_with_min_sigma():
    counts = np.full((1, 12), 4.0)
    counts[0, -1] = 5.0
    assert BY_NAME["ears-c1"].run(counts, 12, 12).alarm[0, 0]  # sd 0: any excess alarms
    assert not BY_NAME["ears-c1"].run(counts, 12, 12, minSigma=0.5).alarm[0, 0]
    r_c3 = BY_NAME["ears-c3"].run(counts, 12, 12)
    assert np.isnan(r_c3.upperbound[0, 0]) and not r_c3.alarm[0, 0]  # R's NA


@pytest.mark.parametrize(
    ("control", "option"),
    [
        ({"baseline": 2}, "baseline"),
        ({"minSigma": -1}, "minSigma"),
        ({"alpha": 1.5}, "alpha"),
        ({"alpha": "x"}, "alpha"),
    ],
)
def test_bad_options_name_the_option(control, option):
    with pytest.raises(DetectionError, match=option):
        BY_NAME["ears-c1"].run(np.ones((1, 20)), 15, 20, **control)


def test_too_short_series_is_refused():
    with pytest.raises(DetectionError, match="monitors from period 12 on"):
        BY_NAME["ears-c3"].run(np.ones((1, 20)), 11, 20)
    with pytest.raises(DetectionError, match="Unknown option"):
        BY_NAME["ears-c2"].check_control({"b": 3})
