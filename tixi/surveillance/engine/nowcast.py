"""Nowcasting the last periods of an onset-date series from the reporting delays of the line list: the
reverse-time discrete hazard of Lawless (1994) as R `surveillance` 1.20.3 `nowcast(method = "lawless")`
computes it (aggregate.by "1 day" or "1 week", m.interpretation "hoehle_anderheiden2014").

Periods are whole numbers from the first onset period (t = 0) to `now` (t = T). n[t, x] counts the cases
with onset t and delay x reported by `now` (delays beyond D count as D); for each delay x the hazard
ĝ(x) = n.x / N.x sums over the onset periods t from max(0, T − m) to T − x (the cases of delay x over
those of delay ≤ x; 0 where undefined, ĝ(0) = 1). The share of the cases of period t reported by now is
Ŵ(t) = Π_{x = T−t+1..D} (1 − ĝ(x)) (1 when t < T − D), the estimate N̂(t) = N(t; T) / Ŵ(t).
R's prediction interval: its variance V̂(Z_t) is only the second term of Lawless's (2.16),
N(t; T)·(1 − Ŵ)/Ŵ² (in R's source the sum is split over two lines, and a braced block's value is its
last line), so the delay distribution's own uncertainty (V̂(W_t)) is left out; its distribution is the normal CDF divided by
1 − Φ(N(t; T)) from N(t; T) up (not a proper truncated normal); the median and the α/2, 1 − α/2 limits
are the first whole numbers of 0..N.tInf.max where that CDF exceeds ½, α/2, 1 − α/2 (0 where none does).
Kept as R has them, so that the figures are R's."""

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm


class NowcastError(ValueError):
    pass


@dataclass
class Nowcast:
    observed: np.ndarray  # N(t; T): cases of onset period t reported by now, t = 0..T
    estimate: np.ndarray  # N̂(t) = N(t; T) / Ŵ(t)
    median: np.ndarray  # R's upperbound slot
    lower: np.ndarray  # R's pi[, , α/2]
    upper: np.ndarray  # R's pi[, , 1 − α/2]
    reported_share: np.ndarray  # Ŵ(t)
    delay_cdf: np.ndarray  # R's delayCDF$lawless: Ŵ in reverse time order


def lawless(onset, report, now: int, D: int = 15, m: int | None = None, alpha=0.05, n_max=300) -> Nowcast:
    """`onset`, `report`: whole period numbers of each case (0 = the first onset period); `now`: T."""
    onset = np.asarray(onset, dtype=np.int64)
    report = np.asarray(report, dtype=np.int64)
    if onset.shape != report.shape or not onset.size:
        raise NowcastError("onset and report periods must be given for every case")
    if (report < onset).any():
        raise NowcastError("a report period is before its onset period")
    T = int(now)
    if D > T:
        raise NowcastError(f"D = {D} is longer than the series before now ({T} periods)")
    m = T if m is None else int(m)
    if m < 1:
        raise NowcastError("m must be at least 1")
    seen = report <= T
    delay = np.minimum(report[seen] - onset[seen], D)
    n = np.zeros((T + 1, D + 1))
    np.add.at(n, (onset[seen], delay), 1)
    n_x = np.zeros(D + 1)
    N_x = np.zeros(D + 1)
    cumulative = np.cumsum(n, axis=1)
    for x in range(D + 1):
        a, b = max(0, T - m), T - x
        rows = np.arange(min(a, b), max(a, b) + 1)  # R's a:b counts down when a > b
        n_x[x] = n[rows, x].sum()
        N_x[x] = cumulative[rows, x].sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(np.isnan(n_x / N_x), 0.0, n_x / N_x)
    g[0] = 1.0
    t = np.arange(T + 1)
    observed = np.array([cumulative[s, min(D, T - s)] for s in t])
    share = np.ones(T + 1)
    for s in t[t >= T - D]:
        share[s] = np.prod(1 - g[np.arange(T - s + 1, D + 1)])
    with np.errstate(divide="ignore", invalid="ignore"):
        estimate = observed / share
        variance_z = np.where(t < T - D, 0.0, observed * (1 - share) / share**2)
    variance_z = np.where(np.isnan(variance_z), -1e99, variance_z)
    support = np.arange(n_max + 1, dtype=np.float64)
    median, lower, upper = (np.zeros(T + 1) for _ in range(3))
    for s in t:
        if variance_z[s] > 0:
            sd = np.sqrt(variance_z[s])
            cdf = np.where(
                support < observed[s],
                0.0,
                norm.cdf(support, estimate[s], sd) / (1 - norm.cdf(observed[s], estimate[s], sd)),
            )
        else:
            cdf = np.cumsum((support == estimate[s]) * 1.0)
        median[s], lower[s], upper[s] = (
            _first_above(cdf, level, support) for level in (0.5, alpha / 2, 1 - alpha / 2)
        )
    return Nowcast(observed, estimate, median, lower, upper, share, share[::-1].copy())


def _first_above(cdf, level, support) -> float:
    above = np.flatnonzero(cdf > level)
    return float(support[above[0]]) if above.size else 0.0
