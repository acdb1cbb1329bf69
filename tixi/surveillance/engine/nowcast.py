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
Kept as R has them, so that the figures are R's.

The Bayesian nowcasts of Höhle & an der Heiden (2014), R's `nowcast(method = "bayes.trunc")` and
`"bayes.notrunc"`: the delay distribution p(0..D) gets a generalized Dirichlet posterior, built in reverse
delay order (component 1 = delay D, …, component D = delay 1, the rest = delay 0) from the prior
α = κ, β_i = (D − i + 1)κ (R's gd.prior.kappa, 0.1) and the counts of the moving window:
α_i += n.x(D − i + 1) and β_i += the window's cases of shorter delays — "trunc" counts only the onset
periods in which delay D − i + 1 could have been seen (N.x − n.x, the reporting triangle's truncation
respected), "notrunc" every case of the window (an ordinary Dirichlet). N(t, ∞) has a negative-binomial
prior (R's N.tInf.prior "poisgamma": mean.lambda, var.lambda = mean + mean²/size); given the share
F(t) = P(delay ≤ T − t) its posterior is ∝ Binomial(N(t; T) | N, F) · NB(N), N = 0..N.tInf.max, and the
predictive PMF is that posterior averaged over `n_samples` draws of p (R's pmfBySampling). Periods
before T − D are complete (their count is certain). Median and limits as for Lawless above. R draws p
with its own random numbers: for equal figures the draws can be given (`draws`)."""

from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln, xlog1py, xlogy
from scipy.stats import norm

from tixi.surveillance.engine.errors import EngineError

BAYES_METHODS = ("bayes.trunc", "bayes.notrunc")
METHODS = ("lawless", *BAYES_METHODS)


class NowcastError(EngineError):
    """A nowcast's refusal (an English msgid and its parameters, translated by the app)."""


@dataclass
class Nowcast:
    observed: np.ndarray  # N(t; T): cases of onset period t reported by now, t = 0..T
    estimate: np.ndarray  # N̂(t) = N(t; T) / Ŵ(t)
    median: np.ndarray  # R's upperbound slot
    lower: np.ndarray  # R's pi[, , α/2]
    upper: np.ndarray  # R's pi[, , 1 − α/2]
    reported_share: np.ndarray  # Ŵ(t); for the Bayes methods its posterior mean
    delay_cdf: np.ndarray  # R's delayCDF[[method]]
    method: str = "lawless"
    pmf: np.ndarray | None = None  # the Bayes methods' predictive PMF of N(t, ∞), (N.tInf.max + 1) × (T + 1)


def lawless(onset, report, now: int, D: int = 15, m: int | None = None, alpha=0.05, n_max=300) -> Nowcast:
    """`onset`, `report`: whole period numbers of each case (0 = the first onset period); `now`: T."""
    onset, report, T, m = _checked(onset, report, now, D, m)
    n, n_x, N_x = _triangle(onset, report, T, D, m)
    cumulative = np.cumsum(n, axis=1)
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


def _checked(onset, report, now, D, m):
    onset = np.asarray(onset, dtype=np.int64)
    report = np.asarray(report, dtype=np.int64)
    if onset.shape != report.shape or not onset.size:
        raise NowcastError("Onset and report periods must be given for every case.")
    if (report < onset).any():
        raise NowcastError("A report period is before its onset period.")
    if onset.min() < 0:
        raise NowcastError("Onset periods are counted from 0, the first onset period.")
    T = int(now)
    if D < 1:
        raise NowcastError("D must be at least 1 (given: %(D)s).", D=D)
    if D > T:
        raise NowcastError(
            "D = %(D)s is longer than the series before now (%(T)s periods): give a smaller D.", D=D, T=T
        )
    m = T if m is None else int(m)
    if m < 1:
        raise NowcastError("m must be at least 1 (given: %(m)s).", m=m)
    return onset, report, T, m


def _triangle(onset, report, T, D, m):
    """R's reporting triangle n[t, x] (cases of onset t reported by T with delay x, delays beyond D as D)
    and, per delay x, the moving window's n.x (cases of delay x) and N.x (cases of delay ≤ x) over the
    onset periods max(0, T − m) .. T − x (R's a:b, which counts down when a > b)."""
    seen = report <= T
    delay = np.minimum(report[seen] - onset[seen], D)
    n = np.zeros((T + 1, D + 1))
    np.add.at(n, (onset[seen], delay), 1)
    cumulative = np.cumsum(n, axis=1)
    n_x = np.zeros(D + 1)
    N_x = np.zeros(D + 1)
    for x in range(D + 1):
        a, b = max(0, T - m), T - x
        rows = np.arange(min(a, b), max(a, b) + 1)
        n_x[x] = n[rows, x].sum()
        N_x[x] = cumulative[rows, x].sum()
    return n, n_x, N_x


def prior_size(mean: float, variance: float) -> float:
    """The negative-binomial size of R's "poisgamma" prior with this mean and variance (R finds it with
    uniroot on (1e-12, 50), to about 1e-4; here it is exact: mean² / (variance − mean))."""
    if not mean > 0:
        raise NowcastError(
            "The prior mean of the cases per period must be positive (given: %(value)s).", value=mean
        )
    if not variance > mean:
        raise NowcastError(
            "The prior variance must be larger than its mean (a Poisson-gamma prior; given: mean %(mean)s, "
            "variance %(variance)s).",
            mean=mean,
            variance=variance,
        )
    return mean * mean / (variance - mean)


def delay_posterior(n_x, N_x, D: int, method: str, kappa: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """The generalized Dirichlet posterior (α*, β*) of the delay distribution, R's component order
    (delay D first, delay 1 last; delay 0 is the rest)."""
    if method not in BAYES_METHODS:
        raise NowcastError(
            "Unknown nowcast method %(method)s; methods are %(known)s.",
            method=method,
            known=", ".join(BAYES_METHODS),
        )
    if not kappa > 0:
        raise NowcastError("kappa (gd.prior.kappa) must be positive (given: %(value)s).", value=kappa)
    alpha_prior = np.full(D, float(kappa))
    beta_prior = kappa * np.arange(D, 0, -1, dtype=np.float64)  # β_i = α_{i+1} + β_{i+1}, β_D = κ
    delays = np.arange(D, 0, -1)  # component i ↔ delay D − i + 1
    alpha = n_x[delays]
    if method == "bayes.trunc":
        beta = N_x[delays] - n_x[delays]
    else:
        shorter = np.concatenate([[0.0], np.cumsum(n_x)])  # shorter[x] = Σ n.x over delays < x
        beta = shorter[delays]
    return alpha_prior + alpha, beta_prior + beta


def mean_generalized_dirichlet(alpha_star, beta_star) -> np.ndarray:
    """R's Egd: the expected components (D + 1 of them, the rest last)."""
    mu = alpha_star / (alpha_star + beta_star)
    left = np.concatenate([[1.0], np.cumprod(1 - mu)])
    return np.concatenate([mu * left[:-1], [left[-1]]])


def draw_generalized_dirichlet(rng, size: int, alpha_star, beta_star) -> np.ndarray:
    """`size` draws of the components as R's rgd returns them: size × (D + 1), the rest last."""
    x = rng.beta(alpha_star, beta_star, size=(size, alpha_star.size))
    left = np.concatenate([np.ones((size, 1)), np.cumprod(1 - x, axis=1)], axis=1)
    parts = x * left[:, :-1]
    return np.concatenate([parts, 1 - parts.sum(axis=1, keepdims=True)], axis=1)


def bayes(
    onset,
    report,
    now: int,
    D: int = 15,
    m: int | None = None,
    method: str = "bayes.trunc",
    prior_mean: float | None = None,
    prior_variance: float | None = None,
    size: float | None = None,
    alpha=0.05,
    kappa=0.1,
    n_samples=1000,
    n_max=300,
    seed=0,
    draws=None,
) -> Nowcast:
    """R's `nowcast(method = "bayes.trunc" | "bayes.notrunc")` with the "poisgamma" prior of mean
    `prior_mean` and variance `prior_variance` (or its NB `size` directly). `draws`: the delay
    distribution's draws (n_samples × (D + 1), R's rgd order) instead of drawing them with `seed`."""
    onset, report, T, m = _checked(onset, report, now, D, m)
    if prior_mean is None:
        raise NowcastError("The prior mean of the cases per period is needed (mean.lambda).")
    if size is None:
        if prior_variance is None:
            raise NowcastError("The prior variance (var.lambda) or the NB size is needed.")
        size = prior_size(prior_mean, prior_variance)
    elif not (size > 0 and prior_mean > 0):
        raise NowcastError("The prior mean and size must be positive.")
    if m < D:
        # R's window then reaches cells of the triangle not observed yet (NA) and stops
        raise NowcastError("m = %(m)s is shorter than D = %(D)s: the Bayes methods need m ≥ D.", m=m, D=D)
    n, n_x, N_x = _triangle(onset, report, T, D, m)
    alpha_star, beta_star = delay_posterior(n_x, N_x, D, method, kappa)
    cumulative = np.cumsum(n, axis=1)
    t = np.arange(T + 1)
    observed = cumulative[t, np.minimum(D, T - t)]
    if observed.max() > n_max:
        raise NowcastError(
            "A period has %(cases)s cases reported, more than N.tInf.max = %(n_max)s.",
            cases=int(observed.max()),
            n_max=n_max,
        )
    if draws is None:
        draws = draw_generalized_dirichlet(np.random.default_rng(seed), int(n_samples), alpha_star, beta_star)
    draws = np.asarray(draws, dtype=np.float64)
    if draws.ndim != 2 or draws.shape[1] != D + 1:
        raise NowcastError("The draws must be a matrix with D + 1 = %(columns)s columns.", columns=D + 1)
    by_delay = draws[:, ::-1]  # delay 0 first
    share_drawn = np.minimum(np.cumsum(by_delay, axis=1), 1.0)  # F = P(delay ≤ x), x = 0..D
    support = np.arange(n_max + 1, dtype=np.float64)
    log_prior = (
        gammaln(support + size)
        - gammaln(size)
        - gammaln(support + 1)
        + size * np.log(size / (size + prior_mean))
        + support * np.log(prior_mean / (size + prior_mean))
    )
    pmf = np.zeros((n_max + 1, T + 1))
    pmf[observed[: max(0, T - D)].astype(np.int64), np.arange(max(0, T - D))] = 1.0  # complete periods
    for s in range(max(0, T - D), T + 1):
        k = observed[s]
        F = share_drawn[:, T - s][:, None]  # one per draw
        with np.errstate(divide="ignore", invalid="ignore"):
            log_binomial = np.where(
                support >= k,
                gammaln(support + 1)
                - gammaln(k + 1)
                - gammaln(np.maximum(support - k, 0) + 1)
                + xlogy(k, F)
                + xlog1py(support - k, -F),
                -np.inf,
            )
        log_post = log_binomial + log_prior
        # a draw that gives the k cases already reported no chance at all (its share reported by this
        # delay is 0 while k > 0) has an empty row (all −inf): it is ruled out by the data, so its
        # posterior weight is 0 and it leaves the average; normalising it would give 0/0 = NaN
        possible = np.isfinite(log_post).any(axis=1)
        if not possible.any():
            raise NowcastError(
                "No draw of the delay distribution allows the %(cases)s cases of period %(period)s reported so far.",
                cases=int(k),
                period=int(s),
            )
        log_post = log_post[possible]
        log_post -= log_post.max(axis=1, keepdims=True)
        post = np.exp(log_post)
        pmf[:, s] = (post / post.sum(axis=1, keepdims=True)).mean(axis=0)
    cdf = np.cumsum(pmf, axis=0)
    median, lower, upper = (
        np.array([_first_above(cdf[:, s], level, support) for s in t])
        for level in (0.5, alpha / 2, 1 - alpha / 2)
    )
    expected = mean_generalized_dirichlet(alpha_star, beta_star)
    delay_cdf = np.cumsum(expected[::-1])
    share = np.ones(T + 1)
    late = t >= T - D
    share[late] = np.minimum(delay_cdf[T - t[late]], 1.0)
    return Nowcast(observed, support @ pmf, median, lower, upper, share, delay_cdf, method, pmf)


def run(method: str, onset, report, now: int, **options) -> Nowcast:
    """One entry for every method (the page and the command name it)."""
    if method == "lawless":
        options = {k: v for k, v in options.items() if k in ("D", "m", "alpha", "n_max")}
        return lawless(onset, report, now, **options)
    if method in BAYES_METHODS:
        return bayes(onset, report, now, method=method, **options)
    raise NowcastError(
        "Unknown nowcast method %(method)s; methods are %(known)s.", method=method, known=", ".join(METHODS)
    )
