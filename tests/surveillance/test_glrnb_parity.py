"""GLR detectors against R `surveillance` 1.20.3 `glrnb` on generated weekly series: identical alarms; the
upper bound (R's statistic, or the cases needed) within 1e-9 relative (change = "intercept" and "epi") where mu0 comes from a Poisson or fixed-θ
GLM, 1e-6 where glm.nb estimates θ (R's alternation stops at 1e-8 on the log-likelihood; measured: 1e-9)."""

import numpy as np
import pytest

from tests.surveillance.rcontrol import r_control
from tests.surveillance.rsurveillance import compare, run_r, skip_without_r
from tests.surveillance.series import seasonal_series
from tixi.surveillance.engine import glrnb

skip_without_r()

SERIES = seasonal_series(20, 300, seed=1500)
METHOD = glrnb.METHODS[0]

CASES = [
    ({}, 1e-6),
    ({"alpha": 0}, 1e-9),
    ({"alpha": 0, "M": 10, "Mtilde": 2}, 1e-9),
    ({"alpha": 0, "ret": "cases"}, 1e-9),
    ({"alpha": 0, "M": 8, "ret": "cases", "c.ARL": 3.0}, 1e-9),
    ({"alpha": 0, "dir": "dec"}, 1e-9),
    ({"alpha": 0.2}, 1e-9),
    ({"alpha": 0.2, "M": 20, "Mtilde": 2, "c.ARL": 3.0}, 1e-9),
    ({"mu0": {"S": 2, "trend": True}}, 1e-6),
    ({"alpha": 0, "theta": float(np.log(2)), "ret": "cases"}, 1e-9),
    ({"alpha": 0.3, "theta": 0.7}, 1e-9),
    ({"alpha": 0.3, "theta": 0.7, "ret": "cases"}, 1e-9),
    ({"ret": "cases"}, 1e-9),
    ({"alpha": 0.2, "ret": "cases", "M": 10, "c.ARL": 3.0}, 1e-9),
    # the epidemic chart (μ₁ = μ₀ + λ·x(t−1)), Poisson and negative binomial
    ({"alpha": 0, "change": "epi"}, 1e-9),
    ({"alpha": 0, "change": "epi", "M": 10, "Mtilde": 2, "c.ARL": 3.0}, 1e-9),
    ({"alpha": 0.2, "change": "epi"}, 1e-9),
    ({"alpha": 0.2, "change": "epi", "M": 20, "c.ARL": 2.0}, 1e-9),
    ({"change": "epi"}, 1e-6),
]


@pytest.mark.parametrize(("control", "rtol"), CASES, ids=[str(i) for i in range(len(CASES))])
@pytest.mark.parametrize(("first", "last"), [(209, 260), (260, 300)])
def test_glrnb_matches_r(control, rtol, first, last):
    counts = SERIES[:, :last]
    ours = METHOD.run(counts, first, last, **METHOD.check_control(control))
    body = f"""
    r <- suppressWarnings(suppressMessages(glrnb(sts(observed = y, frequency = 52),
                                                  control = {r_control(first, last, control)})))
    list(alarm = r@alarm, upperbound = r@upperbound)
    """
    r_alarm, r_upper = run_r(counts, body)
    figures = compare(ours, r_alarm, r_upper, rtol=rtol, atol=rtol)
    assert figures["alarm_mismatches"] == 0, figures
    assert figures["upperbound_mismatches"] == 0, figures


def test_the_epidemic_chart_alarms_on_growth_and_refuses_cases():
    growing = np.concatenate([np.full(60, 3.0), 3.0 * 1.5 ** np.arange(1, 9)]).round()[None, :]
    control = METHOD.check_control({"alpha": 0, "change": "epi", "mu0": [3.0] * 60})
    result = METHOD.run(growing[:, :68], 9, 68, **control)
    assert result.alarm[0].any() and not result.alarm[0, :50].any()
    with pytest.raises(glrnb.DetectionError, match="ret=value"):
        METHOD.run(SERIES[:1, :260], 209, 260, **METHOD.check_control({"change": "epi", "ret": "cases"}))
