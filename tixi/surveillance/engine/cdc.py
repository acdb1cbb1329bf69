"""CDC historical limits as R `surveillance` 1.20.3 `algo.cdc` computes them (weekly data only).

For week t: the current 4-week total y(t−3..t) is compared with the 4-week totals of the same season in the
b previous years: in each year j = 1..b the 8m+4 weeks −4m−3..4m around t − 52·j form 2m+1 blocks of 4
weeks, so b(2m+1) block totals (15 by default). With their mean x̄, sd s and count n, U = x̄ + qnorm(1 − alpha/2)·s·√(1 + 1/n); alarm iff the 4-week total > U. The upper bound is on the
4-week total, as R returns it."""

from statistics import NormalDist

import numpy as np

from tixi.surveillance.engine.spec import Detection, Method
from tixi.surveillance.engine.windows import (
    CHUNK_SERIES,
    check_below_one,
    check_number,
    mean_sd,
    monitored,
    option_error,
)

FREQUENCY = 52


class _FourWeekTotals:
    """Sums of 4 consecutive weeks from running totals; a window holding a missing count is NaN, as in R."""

    def __init__(self, counts: np.ndarray):
        missing = np.isnan(counts)
        zero = np.zeros((counts.shape[0], 1))
        self.totals = np.concatenate([zero, np.cumsum(np.where(missing, 0.0, counts), axis=1)], axis=1)
        self.gaps = np.concatenate([zero, np.cumsum(missing, axis=1)], axis=1) if missing.any() else None

    def starting_at(self, starts: np.ndarray) -> np.ndarray:
        """Totals of weeks s..s+3 for 0-based starts s (any shape)."""
        sums = self.totals[:, starts + 4] - self.totals[:, starts]
        if self.gaps is not None:
            sums[(self.gaps[:, starts + 4] - self.gaps[:, starts]) > 0] = np.nan
        return sums


def run(counts, first, last, *, b=5, m=1, alpha=0.025, frequency=FREQUENCY) -> Detection:
    name = "cdc"
    b = check_number(name, "b", b, low=1, integer=True)
    m = check_number(name, "m", m, low=0, integer=True)
    alpha = check_number(name, "alpha", alpha, low=0, strict_low=True)
    check_below_one(name, "alpha", alpha)
    if frequency != FREQUENCY:
        raise option_error(
            "%(method)s: option %(option)s must be 52: algo.cdc only works for weekly data (given: %(value)s).",
            name,
            "frequency",
            frequency,
        )
    counts = np.asarray(counts, dtype=np.float64)
    # the oldest week read is t − 52b − 4m − 3
    columns = monitored(counts, first, last, FREQUENCY * b + 4 * m + 4, name)
    block_starts = np.array(
        [-FREQUENCY * year + offset for year in range(b, 0, -1) for offset in range(-4 * m - 3, 4 * m + 1, 4)]
    )
    starts = columns[:, None] + block_starts[None, :]
    z = NormalDist().inv_cdf(1 - alpha / 2)
    mean = np.empty((counts.shape[0], columns.size))
    upper = np.empty_like(mean)
    current = np.empty_like(mean)
    for chunk in range(0, counts.shape[0], CHUNK_SERIES):
        totals = _FourWeekTotals(counts[chunk : chunk + CHUNK_SERIES])
        # R truncates the block totals with as.integer (a no-op for whole counts)
        block_mean, block_sd = mean_sd(np.trunc(totals.starting_at(starts)))
        mean[chunk : chunk + CHUNK_SERIES] = block_mean
        upper[chunk : chunk + CHUNK_SERIES] = block_mean + z * block_sd * np.sqrt(1 + 1 / block_starts.size)
        current[chunk : chunk + CHUNK_SERIES] = totals.starting_at(columns - 3)
    return Detection(alarm=current > upper, upperbound=upper, expected=mean)


METHODS: tuple[Method, ...] = (
    Method(
        "cdc",
        run,
        {"b": 5, "m": 1, "alpha": 0.025, "frequency": FREQUENCY},
        "R surveillance 1.20.3 algo.cdc (historical limits)",
    ),
)
