"""Parity with R `surveillance` 1.20.3 (Debian's r-cran-surveillance): the same alarms, and upper
bounds within a relative 1e-6 (NA where R gives NA), for algo.farrington and farringtonFlexible
across option combinations, on series of every shape (tests/surveillance/cases.py).
CI sets TIXI_REQUIRE_R=1 so that a missing R fails instead of skipping."""

import os

import numpy as np
import pytest

from tixi.surveillance.engine.methods import METHODS
from tixi.surveillance.engine.rsurveillance import has_surveillance, run_r

from .cases import seasonal_mean, weekly_cases

if not has_surveillance():
    if os.environ.get("TIXI_REQUIRE_R"):
        raise RuntimeError(
            "TIXI_REQUIRE_R is set but Rscript with the surveillance package is missing "
            "(apt-get install r-base-core r-cran-surveillance)"
        )
    pytest.skip(
        "R surveillance is not installed (apt-get install r-cran-surveillance); CI runs these",
        allow_module_level=True,
    )

RTOL = 1e-6

WEEKLY = weekly_cases()
MONTHLY = weekly_cases(weeks=84, seed=2, frequency=12)
SHORT = weekly_cases(weeks=300, seed=3)
population = np.round(1e5 * seasonal_mean(WEEKLY.shape[1], 0.0, trend=0.002, amplitude=0.1))
POPULATION = np.vstack([population * (1 + s / 10) for s in range(WEEKLY.shape[0])])

CASES = {
    "farrington defaults": ("farrington", {}, WEEKLY, 387, 416),
    "farrington b=3 w=2 alpha=0.01": ("farrington", {"b": 3, "w": 2, "alpha": 0.01}, WEEKLY, 387, 416),
    "farrington no reweight, no trend, sqrt": (
        "farrington",
        {"reweight": False, "trend": False, "powertrans": "1/2"},
        WEEKLY,
        387,
        416,
    ),
    "farrington b=1 untransformed, every bound": (
        "farrington",
        {"b": 1, "powertrans": "none", "limit54": (0, 4)},
        SHORT,
        271,
        300,
    ),
    "farrington monthly": ("farrington", {"frequency": 12, "b": 3, "w": 1}, MONTHLY, 60, 84),
    "flexible defaults": ("farrington-flexible", {}, WEEKLY, 387, 416),
    "flexible Noufaily (noPeriods=10, nbPlugin)": (
        "farrington-flexible",
        {"noPeriods": 10, "pastWeeksNotIncluded": 26, "pThresholdTrend": 1.0, "thresholdMethod": "nbPlugin"},
        WEEKLY,
        397,
        416,
    ),
    "flexible muan alpha=0.01": (
        "farrington-flexible",
        {"noPeriods": 10, "pastWeeksNotIncluded": 26, "thresholdMethod": "muan", "alpha": 0.01},
        WEEKLY,
        397,
        416,
    ),
    "flexible as 1996 (weightsThreshold=1), sqrt, every bound": (
        "farrington-flexible",
        {"weightsThreshold": 1.0, "powertrans": "1/2", "limit54": (0, 4)},
        WEEKLY,
        387,
        416,
    ),
    "flexible no reweight, no trend, untransformed": (
        "farrington-flexible",
        {"reweight": False, "trend": False, "powertrans": "none"},
        WEEKLY,
        387,
        416,
    ),
    "flexible b=3 w=2, current window in the baseline, limit 3 in 2": (
        "farrington-flexible",
        {"b": 3, "w": 2, "pastWeeksNotIncluded": 0, "limit54": (3, 2), "pThresholdTrend": 0.2},
        WEEKLY,
        387,
        416,
    ),
    "flexible population offset": (
        "farrington-flexible",
        {"populationOffset": True, "noPeriods": 10, "pastWeeksNotIncluded": 26},
        WEEKLY,
        397,
        416,
    ),
    "flexible short history from the first possible period, b=2": (
        "farrington-flexible",
        {"b": 2, "w": 3, "thresholdMethod": "nbPlugin"},
        weekly_cases(weeks=140, seed=4),
        107,
        140,
    ),
    "flexible monthly noPeriods=4": (
        "farrington-flexible",
        {
            "frequency": 12,
            "b": 3,
            "w": 1,
            "noPeriods": 4,
            "thresholdMethod": "nbPlugin",
            "pastWeeksNotIncluded": 2,
        },
        MONTHLY,
        60,
        84,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_same_alarms_and_upper_bounds_as_r(case):
    name, options, counts, first, last = CASES[case]
    method = METHODS[name]
    control = method.check_control(options)
    extra = {"population": POPULATION} if control.get("populationOffset") else {}
    ours = method.run(counts, first, last, **control, **extra)
    theirs = run_r(name, counts, first, last, control, population=extra.get("population"))
    r_alarm = np.nan_to_num(theirs.alarm, nan=0.0).astype(bool)  # R's NA alarm: no model, no alarm
    assert r_alarm.shape == ours.alarm.shape == (counts.shape[0], last - first + 1)
    mismatched = np.argwhere(r_alarm != ours.alarm)
    assert not mismatched.size, [(int(s), first + int(j)) for s, j in mismatched[:10]]
    assert np.array_equal(np.isnan(ours.upperbound), np.isnan(theirs.upperbound))
    close = np.isclose(ours.upperbound, theirs.upperbound, rtol=RTOL, atol=0, equal_nan=True)
    far = np.argwhere(~close)
    assert not far.size, [
        (int(s), first + int(j), ours.upperbound[s, j], theirs.upperbound[s, j]) for s, j in far[:10]
    ]
    # the cases are not vacuous: alarms and bounds to compare
    assert np.isfinite(theirs.upperbound).sum() >= counts.shape[0] * (last - first + 1) // 3
