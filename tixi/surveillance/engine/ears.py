"""EARS C1, C2 and C3 as R `surveillance` 1.20.3 `earsC` computes them, and the textbook C3 of Hutwagner.

For period t (baseline b, z = qnorm(1 − alpha), sd the n−1 sample sd, s = max(sd, minSigma)):
- C1: mean and sd of t−b..t−1; U = mean + z·s; alarm iff y > U.
- C2: the same over t−b−2..t−3 (a two-period guard band).
- C3 (R): C2(i) = (y(i) − mean₂(i)) / s₂(i); U(t) = max(0, y(t) + s₂(t)·(z − max(0, C2(t−1) − 1)
  − max(0, C2(t−2) − 1))). So the alarm fires iff the two *previous* excesses sum above z; the current
  period never counts (R's code, not its Rd, which writes mean₂ for y(t)). A flat C2 window (sd 0 with
  minSigma 0) gives R's NA: no upper bound, no alarm.
- C3 textbook (Hutwagner 2003): S(t) = Σ_{i=t−2..t} max(0, C2(i) − 1); alarm iff S(t) > z with the same
  z as R's C3 (alpha 0.025). U(t) = max(0, mean₂ + s₂·(1 + z − excess(t−1) − excess(t−2))), the count at
  which period t alone would reach z; when the two previous excesses already exceed z the alarm fires
  whatever y(t) is. An excess over a flat window is 0 when y equals the mean and +∞ above it.
"""

import numpy as np

from tixi.surveillance.engine.spec import Detection, Method
from tixi.surveillance.engine.windows import (
    CHUNK_SERIES,
    check_below_one,
    check_number,
    mean_sd,
    monitored,
    qnorm_upper,
    window_values,
)


def _check(name: str, baseline, minSigma, alpha) -> tuple[int, float, float]:
    baseline = check_number(name, "baseline", baseline, low=3, integer=True)
    minSigma = check_number(name, "minSigma", minSigma, low=0)
    alpha = check_number(name, "alpha", alpha, low=0, high=1, strict_low=True)
    check_below_one(name, "alpha", alpha)
    return baseline, minSigma, alpha


def _c2_parts(counts, columns, baseline, minSigma):
    """mean₂, s₂ = max(sd₂, minSigma) and the C2 statistic at `columns` (0-based)."""
    lags = np.arange(baseline + 2, 2, -1)
    out_mean = np.empty((counts.shape[0], columns.size))
    out_sigma = np.empty_like(out_mean)
    for start in range(0, counts.shape[0], CHUNK_SERIES):
        chunk = counts[start : start + CHUNK_SERIES]
        mean, sd = mean_sd(window_values(chunk, columns, lags))
        out_mean[start : start + CHUNK_SERIES] = mean
        out_sigma[start : start + CHUNK_SERIES] = np.maximum(sd, minSigma)
    with np.errstate(divide="ignore", invalid="ignore"):
        c2 = (counts[:, columns] - out_mean) / out_sigma
    return out_mean, out_sigma, c2


def _c1_c2(name: str, guard: int):
    def run(counts, first, last, *, baseline=7, minSigma=0.0, alpha=0.001) -> Detection:
        baseline_, minSigma_, alpha_ = _check(name, baseline, minSigma, alpha)
        counts = np.asarray(counts, dtype=np.float64)
        columns = monitored(counts, first, last, baseline_ + guard + 1, name)
        z = qnorm_upper(alpha_)
        lags = np.arange(baseline_ + guard, guard, -1)
        upper = np.empty((counts.shape[0], columns.size))
        expected = np.empty_like(upper)
        for start in range(0, counts.shape[0], CHUNK_SERIES):
            mean, sd = mean_sd(window_values(counts[start : start + CHUNK_SERIES], columns, lags))
            expected[start : start + CHUNK_SERIES] = mean
            upper[start : start + CHUNK_SERIES] = mean + z * np.maximum(sd, minSigma_)
        observed = counts[:, columns]
        return Detection(alarm=observed > upper, upperbound=upper, expected=expected)

    return run


def _excess(c2: np.ndarray) -> np.ndarray:
    """max(0, C2 − 1) as R's pmax computes it (NaN stays NaN)."""
    return np.where(np.isnan(c2), np.nan, np.maximum(c2 - 1.0, 0.0))


def run_c3(counts, first, last, *, baseline=7, minSigma=0.0, alpha=0.025) -> Detection:
    name = "ears-c3"
    baseline_, minSigma_, alpha_ = _check(name, baseline, minSigma, alpha)
    counts = np.asarray(counts, dtype=np.float64)
    columns = monitored(counts, first, last, baseline_ + 5, name)
    z = qnorm_upper(alpha_)
    columns_c2 = np.arange(columns[0] - 2, columns[-1] + 1)
    mean, sigma, c2 = _c2_parts(counts, columns_c2, baseline_, minSigma_)
    excess = _excess(c2)
    with np.errstate(invalid="ignore"):
        upper = counts[:, columns] + sigma[:, 2:] * (z - (excess[:, :-2] + excess[:, 1:-1]))
        # R: pmax(0, NA) is NA, so a missing bound stays missing
        upper = np.where(np.isnan(upper), np.nan, np.maximum(upper, 0.0))
        alarm = counts[:, columns] > upper
    return Detection(alarm=alarm, upperbound=upper, expected=mean[:, 2:])


def run_c3_textbook(counts, first, last, *, baseline=7, minSigma=0.0, alpha=0.025) -> Detection:
    name = "ears-c3-textbook"
    baseline_, minSigma_, alpha_ = _check(name, baseline, minSigma, alpha)
    counts = np.asarray(counts, dtype=np.float64)
    columns = monitored(counts, first, last, baseline_ + 5, name)
    z = qnorm_upper(alpha_)
    columns_c2 = np.arange(columns[0] - 2, columns[-1] + 1)
    mean, sigma, c2 = _c2_parts(counts, columns_c2, baseline_, minSigma_)
    # y equal to a flat window's mean is no excess (0/0); above it the excess is infinite
    excess = np.where(np.isnan(c2) & ~np.isnan(counts[:, columns_c2]), 0.0, _excess(c2))
    previous = excess[:, :-2] + excess[:, 1:-1]
    statistic = previous + excess[:, 2:]
    with np.errstate(invalid="ignore"):
        upper = mean[:, 2:] + sigma[:, 2:] * (1.0 + z - previous)
        upper = np.where(np.isnan(upper), np.nan, np.maximum(upper, 0.0))
        alarm = statistic > z
    return Detection(alarm=alarm, upperbound=upper, expected=mean[:, 2:])


_EARS_DEFAULTS = {"baseline": 7, "minSigma": 0.0}

METHODS: tuple[Method, ...] = (
    Method(
        "ears-c1",
        _c1_c2("ears-c1", 0),
        {**_EARS_DEFAULTS, "alpha": 0.001},
        "R surveillance 1.20.3 earsC(method='C1')",
    ),
    Method(
        "ears-c2",
        _c1_c2("ears-c2", 2),
        {**_EARS_DEFAULTS, "alpha": 0.001},
        "R surveillance 1.20.3 earsC(method='C2')",
    ),
    Method("ears-c3", run_c3, {**_EARS_DEFAULTS, "alpha": 0.025}, "R surveillance 1.20.3 earsC(method='C3')"),
    Method(
        "ears-c3-textbook",
        run_c3_textbook,
        {**_EARS_DEFAULTS, "alpha": 0.025},
        "Hutwagner et al. 2003 C3: sum of the C2 excesses of periods t−2..t",
    ),
)
