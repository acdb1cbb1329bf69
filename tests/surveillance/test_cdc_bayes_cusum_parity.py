"""CDC historical limits, Bayes and CUSUM against R `surveillance` 1.20.3 on generated weekly series:
identical alarms; upper bounds within 1e-9 relative (cdc, cusum with m = NULL or a number; bayes is a
whole number), 1e-6 relative for cusum with m = "glm" (our IRLS stops where R's does, to 1e-8 deviance);
trans = "anscombeNegBin" within 1e-7 (its ₂F₁ table is computed here and R's stored one agrees to 2.5e-10
relative; the CUSUM sums those differences: 1.4e-8 absolute seen)."""

import pytest

from tests.surveillance.rcontrol import r_control
from tests.surveillance.rsurveillance import compare, run_r, skip_without_r
from tests.surveillance.series import seasonal_series
from tixi.surveillance.engine import bayes, cdc, cusum

skip_without_r()

SERIES = seasonal_series(24, 330, seed=150)


def check(method, r_body, first, last, control, rtol):
    ours = method.run(SERIES[:, :last], first, last, **method.check_control(control))
    r_alarm, r_upper = run_r(SERIES[:, :last], r_body)
    figures = compare(ours, r_alarm, r_upper, rtol=rtol, atol=rtol)
    assert figures["alarm_mismatches"] == 0, figures
    assert figures["upperbound_mismatches"] == 0, figures
    return figures


@pytest.mark.parametrize(
    "control",
    [{}, {"b": 4, "m": 2}, {"alpha": 0.05, "m": 0}, {"b": 3}],
    ids=["defaults", "b4m2", "alpha05m0", "b3"],
)
def test_cdc_matches_r(control):
    b, m = control.get("b", 5), control.get("m", 1)
    first = 52 * b + 4 * m + 4
    body = f"""
    r <- algo.cdc(sts2disProg(sts(observed = y, frequency = 52)), control = {r_control(first, 330, {"b": b, "m": m, "alpha": control.get("alpha", 0.025)})})
    list(alarm = r$alarm, upperbound = r$upperbound)
    """
    figures = check(cdc.METHODS[0], body, first, 330, control, 1e-9)
    assert figures["r_alarms"] > 0


@pytest.mark.parametrize(
    "control",
    [{}, {"b": 1}, {"b": 2, "w": 4, "actY": False}, {"b": 1, "w": 3, "alpha": 0.01}],
    ids=["bayes1", "bayes2", "bayes3", "b1w3alpha01"],
)
def test_bayes_matches_r(control):
    first = 52 * control.get("b", 0) + control.get("w", 6) + 1
    body = f"""
    r <- bayes(sts(observed = y, frequency = 52), control = {r_control(first, 330, control)})
    list(alarm = r@alarm, upperbound = r@upperbound)
    """
    figures = check(bayes.METHODS[0], body, first, 330, control, 1e-12)
    assert figures["r_alarms"] > 0


@pytest.mark.parametrize(
    "control",
    [
        {},
        {"k": 0.5, "h": 4.0},
        {"trans": "rossi"},
        {"trans": "anscombe", "m": 6.5},
        {"trans": "anscombe2nd"},
        {"trans": "pearsonNegBin", "alpha": 0.3},
        {"trans": "none", "h": 30.0, "k": 8.0},
        {"m": "glm"},
        {"m": "glm", "trans": "anscombe"},
        {"trans": "anscombeNegBin"},
        {"trans": "anscombeNegBin", "alpha": 0.3, "m": 6.5},
        {"trans": "anscombeNegBin", "alpha": 2.5, "h": 1.0, "k": 0.2},
    ],
    ids=[
        "defaults",
        "k05h4",
        "rossi",
        "anscombe-m",
        "anscombe2nd",
        "pearsonNegBin",
        "none",
        "glm",
        "glm-anscombe",
        "anscombeNegBin",
        "anscombeNegBin-alpha-m",
        "anscombeNegBin-interpolated",
    ],
)
@pytest.mark.parametrize("first", [104, 300])
def test_cusum_matches_r(control, first):
    body = f"""
    r <- cusum(sts(observed = y, frequency = 52), control = {r_control(first, 330, control)})
    list(alarm = r@alarm, upperbound = r@upperbound)
    """
    rtol = 1e-6 if control.get("m") == "glm" else 1e-7 if control.get("trans") == "anscombeNegBin" else 1e-9
    check(cusum.METHODS[0], body, first, 330, control, rtol)
