"""The Bayes system of R `surveillance` 1.20.3 `algo.bayes` (Riebler 2004).

For period t the reference values are the w periods before t in the current year (when actY) and, for each
of the b previous years j, the 2w+1 periods around t − j·frequency; missing counts are left out. With their
total S and number n, the upper bound is the (1 − alpha) quantile of the negative binomial predictive
distribution qnbinom(1 − alpha, size = S + ½, prob = n/(n + 1)); alarm iff y(t) > U. R's presets: bayes1
(b=0, w=6, actY), bayes2 (b=1, w=6, actY), bayes3 (b=2, w=4, no actY)."""

import numpy as np
from scipy.stats import nbinom

from tixi.surveillance.engine.spec import Detection, DetectionError, Method
from tixi.surveillance.engine.windows import (
    CHUNK_SERIES,
    check_below_one,
    check_number,
    monitored,
    option_error,
    window_values,
)


def run(counts, first, last, *, b=0, w=6, actY=True, alpha=0.05, frequency=52) -> Detection:
    name = "bayes"
    b = check_number(name, "b", b, low=0, integer=True)
    w = check_number(name, "w", w, low=0, integer=True)
    frequency = check_number(name, "frequency", frequency, low=1, integer=True)
    alpha = check_number(name, "alpha", alpha, low=0, strict_low=True)
    check_below_one(name, "alpha", alpha)
    if not isinstance(actY, bool | np.bool_):
        raise option_error(
            "%(method)s: option %(option)s must be true or false (given: %(value)s).", name, "actY", actY
        )
    lags = []
    if actY:
        lags.extend(range(w, 0, -1))
    for year in range(1, b + 1):
        lags.extend(range(year * frequency + w, year * frequency - w - 1, -1))
    if not lags:
        raise DetectionError("%(method)s: options b=0 and actY=false leave no reference values.", method=name)
    counts = np.asarray(counts, dtype=np.float64)
    columns = monitored(counts, first, last, b * frequency + w + 1, name)
    lags = np.array(lags)
    total = np.empty((counts.shape[0], columns.size))
    present = np.empty_like(total)
    for start in range(0, counts.shape[0], CHUNK_SERIES):
        values = window_values(counts[start : start + CHUNK_SERIES], columns, lags)
        total[start : start + CHUNK_SERIES] = np.nansum(values, axis=-1)
        present[start : start + CHUNK_SERIES] = (~np.isnan(values)).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        upper = nbinom.ppf(1 - alpha, total + 0.5, present / (present + 1)).astype(np.float64)
    upper[present == 0] = np.nan
    observed = counts[:, columns]
    return Detection(alarm=observed > upper, upperbound=upper, expected=total / np.maximum(present, 1))


METHODS: tuple[Method, ...] = (
    Method(
        "bayes",
        run,
        {"b": 0, "w": 6, "actY": True, "alpha": 0.05, "frequency": 52},
        "R surveillance 1.20.3 algo.bayes",
    ),
)
