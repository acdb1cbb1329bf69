"""EARS C1/C2/C3 against R `surveillance` 1.20.3 `earsC` on generated series: identical alarms, upper bounds
within 1e-9 relative (both are the same arithmetic; only summation order differs)."""

import pytest

from tests.surveillance.rsurveillance import compare, run_r, skip_without_r
from tests.surveillance.series import seasonal_series
from tixi.surveillance.engine.ears import METHODS

skip_without_r()

BY_NAME = {method.name: method for method in METHODS}
SERIES = seasonal_series(30, 160, seed=15)
SHORT = seasonal_series(10, 160, seed=16)  # the shortest history each method accepts


def r_ears(counts, method, first, last, control):
    options = ", ".join(f"{key} = {value!r}" for key, value in control.items())
    body = f"""
    r <- earsC(sts(observed = y, frequency = freq),
               control = list(method = "{method}", range = {first}:{last}{", " + options if options else ""}))
    list(alarm = r@alarm, upperbound = r@upperbound)
    """
    return run_r(counts, body)


@pytest.mark.parametrize(
    "control",
    [
        {},
        {"baseline": 3},
        {"baseline": 10, "minSigma": 0.5},
        {"minSigma": 1.0, "alpha": 0.05},
        {"alpha": 0.01},
    ],
    ids=["defaults", "baseline3", "baseline10-minSigma", "minSigma1-alpha05", "alpha01"],
)
@pytest.mark.parametrize("method", ["C1", "C2", "C3"])
def test_ears_matches_r(method, control):
    ours_method = BY_NAME[f"ears-{method.lower()}"]
    baseline = control.get("baseline", 7)
    first = baseline + {"C1": 1, "C2": 3, "C3": 5}[method]
    for counts, last in ((SERIES, SERIES.shape[1]), (SHORT[:, : first + 1], first + 1)):
        ours = ours_method.run(counts, first, last, **ours_method.check_control(control))
        r_alarm, r_upper = r_ears(counts, method, first, last, control)
        figures = compare(ours, r_alarm, r_upper, rtol=1e-9, atol=1e-9)
        assert figures["alarm_mismatches"] == 0, figures
        assert figures["upperbound_mismatches"] == 0, figures
