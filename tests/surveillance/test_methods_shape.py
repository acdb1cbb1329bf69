"""Every method of this part keeps to the shared shape (name, R's defaults by R's names, a Detection over the
monitored range) and refuses what R refuses, naming the option; no R needed."""

import numpy as np
import pytest

from tixi.surveillance.engine import bayes, cdc, cusum, ears, glrnb
from tixi.surveillance.engine.spec import Detection, DetectionError

ALL = [*ears.METHODS, *cdc.METHODS, *cusum.METHODS, *glrnb.METHODS, *bayes.METHODS]
R_DEFAULTS = {
    "ears-c1": {"baseline": 7, "minSigma": 0.0, "alpha": 0.001},
    "ears-c2": {"baseline": 7, "minSigma": 0.0, "alpha": 0.001},
    "ears-c3": {"baseline": 7, "minSigma": 0.0, "alpha": 0.025},
    "ears-c3-textbook": {"baseline": 7, "minSigma": 0.0, "alpha": 0.025},
    "cdc": {"b": 5, "m": 1, "alpha": 0.025, "frequency": 52},
    "cusum": {"k": 1.04, "h": 2.26, "m": None, "trans": "standard", "alpha": None, "frequency": 52},
    "glrnb": {
        "mu0": None,
        "alpha": None,
        "theta": None,
        "c.ARL": 5.0,
        "Mtilde": 1,
        "M": -1,
        "change": "intercept",
        "dir": "inc",
        "ret": "value",
        "xMax": 10000,
        "frequency": 52,
    },
    "bayes": {"b": 0, "w": 6, "actY": True, "alpha": 0.05, "frequency": 52},
}


def weekly(n_series=5, weeks=330, seed=0):
    return np.random.default_rng(seed).poisson(6.0, size=(n_series, weeks)).astype(float)


def test_names_and_r_defaults():
    assert {m.name: m.defaults for m in ALL} == R_DEFAULTS
    assert all(m.reference.startswith(("R surveillance 1.20.3", "Hutwagner")) for m in ALL)


@pytest.mark.parametrize("method", ALL, ids=lambda m: m.name)
def test_detection_covers_the_monitored_range(method):
    counts = weekly()
    result = method.run(counts, 300, 330, **method.defaults)
    assert isinstance(result, Detection)
    assert result.alarm.shape == result.upperbound.shape == (5, 31) and result.alarm.dtype == bool


@pytest.mark.parametrize(
    ("method", "control", "named"),
    [
        (cdc.METHODS[0], {"frequency": 12}, "frequency"),
        (cdc.METHODS[0], {"alpha": 0}, "alpha"),
        (bayes.METHODS[0], {"b": 0, "actY": False}, "actY"),
        (bayes.METHODS[0], {"w": -1}, "w"),
        (cusum.METHODS[0], {"trans": "log"}, "trans"),
        (cusum.METHODS[0], {"m": "loess"}, "m"),
        (glrnb.METHODS[0], {"c.ARL": "high"}, "c.ARL"),
        (glrnb.METHODS[0], {"theta": 1}, "theta"),
        (glrnb.METHODS[0], {"change": "slope"}, "change"),
        (glrnb.METHODS[0], {"ret": "count"}, "ret"),
        (glrnb.METHODS[0], {"xMax": -1}, "xMax"),
        (glrnb.METHODS[0], {"mu0": [2.0] * 31}, "alpha"),
        (glrnb.METHODS[0], {"mu0": {"S": 1, "refit": True}}, "refit"),
    ],
)
def test_bad_options_name_the_option(method, control, named):
    with pytest.raises(DetectionError, match=named):
        method.run(weekly(), 300, 330, **method.check_control(control))


@pytest.mark.parametrize(("method", "first"), [(cdc.METHODS[0], 267), (bayes.METHODS[0], 6)])
def test_too_short_history_is_refused(method, first):
    with pytest.raises(DetectionError, match=f"monitors from period {first + 1} on") as raised:
        method.run(weekly(), first, 330, **method.check_control({}))
    assert raised.value.params["minimum"] == first + 1  # the command names a series shorter than that


def test_cdc_missing_week_only_spoils_its_windows():
    counts = weekly(1)
    full = cdc.METHODS[0].run(counts, 300, 330)
    counts[0, 268] = np.nan  # week 269 is in last year's blocks (weeks t−59..t−48) of weeks 317-328
    gap = cdc.METHODS[0].run(counts, 300, 330)
    spoiled = np.isnan(gap.upperbound[0])
    assert np.flatnonzero(spoiled).tolist() == list(range(17, 29))
    assert np.array_equal(gap.upperbound[0][~spoiled], full.upperbound[0][~spoiled])


def test_glrnb_given_mu0_and_restart_after_alarm():
    counts = np.full((1, 60), 5.0)
    counts[0, 40:43] = 25.0
    result = glrnb.METHODS[0].run(counts, 31, 60, mu0=5.0, alpha=0)
    assert result.alarm[0].tolist().index(True) == 10  # period 41: x log(x/μ) − (x − μ) = 20.2 ≥ 5
    assert result.alarm[0, 11] and result.alarm[0, 12]  # restarted, and alarms again
    assert result.upperbound[0, 10] == pytest.approx(25 * np.log(5) - 20)
