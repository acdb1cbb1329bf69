"""CIDARS methods: the moving percentile over the same window of past years, and fixed thresholds."""

import numpy as np
import pytest

from tixi.surveillance.engine.methods import METHODS
from tixi.surveillance.engine.spec import DetectionError

MPM = METHODS["cidars-percentile"]
FIXED = METHODS["fixed-threshold"]


def test_the_baseline_is_the_same_window_of_each_past_year():
    # frequency 4, 2 years, 1 period either side: period 10 (1-based) compares with periods
    # 5, 6, 7 (a year back) and 1, 2, 3 (two years back)
    counts = np.array([[1, 2, 3, 40, 4, 5, 6, 50, 60, 7]], dtype=float)
    found = MPM.run(counts, 10, 10, frequency=4, b=2, w=1, percentile=50)
    baseline = [1, 2, 3, 4, 5, 6]
    assert found.upperbound[0, 0] == pytest.approx(np.percentile(baseline, 50)) == 3.5
    assert found.alarm[0, 0]  # 7 > 3.5
    lower = MPM.run(counts, 10, 10, frequency=4, b=2, w=1, percentile=100)
    assert lower.upperbound[0, 0] == 6 and lower.alarm[0, 0]
    quiet = counts.copy()
    quiet[0, 9] = 6
    assert not MPM.run(quiet, 10, 10, frequency=4, b=2, w=1, percentile=100).alarm[0, 0]  # equal: no signal


def test_linear_percentile_as_r_quantile_type_7_and_zero_never_signals():
    counts = np.zeros((2, 9))
    counts[0, 1:4] = [7, 7, 10]  # outside the window: no part of the baseline
    counts[0, 8] = 3
    found = MPM.run(counts, 9, 9, frequency=4, b=2, w=0, percentile=80)
    # period 9 compares with periods 5 and 1 (both 0): the threshold is 0
    assert found.upperbound[0, 0] == 0 and found.alarm[0, 0]
    assert not found.alarm[1, 0]  # a zero count is not a signal even above a zero baseline


def test_many_series_at_once_equal_one_by_one():
    rng = np.random.default_rng(7)
    counts = rng.poisson(5, size=(50, 52 * 5 + 30)).astype(float)
    together = MPM.run(counts, 52 * 5 + 3, counts.shape[1], **MPM.defaults)
    for k in (0, 17, 49):
        alone = MPM.run(counts[k : k + 1], 52 * 5 + 3, counts.shape[1], **MPM.defaults)
        np.testing.assert_array_equal(alone.alarm[0], together.alarm[k])
        np.testing.assert_array_equal(alone.upperbound[0], together.upperbound[k])


def test_a_series_too_short_is_refused_with_what_it_needs():
    with pytest.raises(DetectionError, match="monitors from period 263 on"):
        MPM.run(np.ones((1, 300)), 100, 300, **MPM.defaults)
    with pytest.raises(DetectionError, match="percentile"):
        MPM.run(np.ones((1, 300)), 290, 300, frequency=52, b=5, w=2, percentile=120)
    with pytest.raises(DetectionError, match="Unknown option"):
        MPM.check_control({"alpha": 0.05})


def test_fixed_threshold_one_case_is_a_signal():
    counts = np.array([[0, 1, 0, 3], [0, 0, 0, 0]], dtype=float)
    found = FIXED.run(counts, 1, 4, **FIXED.defaults)
    assert found.alarm.tolist() == [[False, True, False, True], [False] * 4]
    assert (found.upperbound == 1).all()
    two = FIXED.run(counts, 1, 4, threshold=2)
    assert two.alarm[0].tolist() == [False, False, False, True]
