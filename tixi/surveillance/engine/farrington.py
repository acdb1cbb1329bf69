"""Farrington (1996) and farringtonFlexible (Noufaily 2013) over many series at once.

Reproduces R `surveillance` 1.20.3: `algo.farrington` (fitFun `algo.farrington.fitGLM.fast`) and
`farringtonFlexible`, with weekly/monthly/daily series indexed 1, 2, 3... (no dates). Per series
and monitored period k: a quasi-Poisson log-link GLM on the reference periods (intercept, optional
trend `wtime`, and for noPeriods > 1 a seasonal factor), fitted by the same IRLS as R's `glm.fit`
(start mu = y + 0.1, the deviance criterion 1e-8, at most 25 iterations, mu floored at the machine
epsilon), so that even the degenerate fits of all-zero baselines stop where R's stop. Reweighting
by Anscombe residuals, the trend kept only if significant, b >= 3 and no extrapolation, then the
threshold (delta on the power scale, NB plug-in or `muan`), the 5-cases-in-4-weeks rule and the
alarm exactly as R writes them, including R's quirks:
- farringtonFlexible passes `dispersion` to `predict.glm` inside `newdata`, so the prediction's
  standard error uses the model's summary dispersion, not phi = max(1, dispersion) as
  `algo.farrington` does; and its fitFun overwrites the model's working weights with the Anscombe
  weights, so that summary dispersion (behind the trend's p-value too) is
  sum(omega * ((y - mu)/mu)^2) / df;
- for thresholdMethod nbPlugin/muan the score is (y - eta0) / (U - eta0) with eta0 on the log scale.

The IRLS is the same iteration as R's but solved in closed form: with cell-means coding of the
seasonal factor (the same column space as R's treatment contrasts, so the same fit) the weighted
normal equations reduce to per-level sums and one Schur complement for the trend; the hat values,
the trend's t statistic and the prediction's variance follow from the same sums.
"""

import math

import numba
import numpy as np
from numba import prange
from scipy import special, stats

from tixi.surveillance.engine.spec import Detection, DetectionError, Method

EPS = float(np.finfo(np.float64).eps)  # R's .Machine$double.eps: the floor of mu in the log link
LOG_EPS = math.log(EPS)
MAXIT = 25  # glm.control()
EPSILON = 1e-8  # glm.control()
POWERS = {"none": 1.0, "1/2": 1 / 2, "2/3": 2 / 3}
THRESHOLD_METHODS = ("delta", "nbPlugin", "muan")

FARRINGTON_DEFAULTS = {
    "frequency": 52,
    "b": 5,
    "w": 3,
    "reweight": True,
    "alpha": 0.05,
    "trend": True,
    "limit54": (5, 4),
    "powertrans": "2/3",
}
FLEXIBLE_DEFAULTS = {
    "frequency": 52,
    "b": 5,
    "w": 3,
    "reweight": True,
    "weightsThreshold": 2.58,
    "alpha": 0.05,
    "trend": True,
    "pThresholdTrend": 0.05,
    "limit54": (5, 4),
    "powertrans": "2/3",
    "populationOffset": False,
    "noPeriods": 1,
    "pastWeeksNotIncluded": None,  # None: w, as R
    "thresholdMethod": "delta",
}


def refuse(msgid: str, **params) -> DetectionError:
    """A DetectionError whose English msgid and parameters the app translates."""
    return DetectionError(msgid, **params)


# ---------------------------------------------------------------------------------------------
# Reference periods (the same for every series): which periods enter the GLM, and their level
# ---------------------------------------------------------------------------------------------


def _r_colon(a: int, b: int) -> range:
    """R's a:b, which counts down when b < a."""
    return range(a, b + 1) if b >= a else range(a, b - 1, -1)


def classic_periods(k: int, b: int, w: int, frequency: int) -> np.ndarray:
    """algo.farrington: k - frequency*i - w .. k - frequency*i + w for i = b..1, those >= 1 (1-based)."""
    periods = [t for i in range(b, 0, -1) for t in range(k - frequency * i - w, k - frequency * i + w + 1)]
    return np.array([t for t in periods if t > 0], dtype=np.int64)


def flexible_periods(
    k: int, b: int, w: int, frequency: int, no_periods: int, past_weeks_not_included: int
) -> tuple[np.ndarray, np.ndarray]:
    """farringtonFlexible's `blocks()` and `algo.farrington.data.glm()`: the periods (1-based,
    ascending) and their seasonal level (1..noPeriods; noPeriods is the level of the windows)."""
    factors: dict[int, int] = {}

    def assign(first: int, last: int, level: int) -> None:
        for t in _r_colon(first, last):
            if t < 0:
                raise refuse(
                    "The reference periods of period %(k)s reach before period 1; "
                    "decrease b or w or start the range later.",
                    k=k,
                )
            if t > 0:  # R ignores the index 0
                factors[t] = level

    p = no_periods
    assign(k - w, k, p)
    for i in range(1, b + 1):
        ref, previous = k - i * frequency, k - (i - 1) * frequency
        assign(ref - w, ref + w, p)
        if p != 1:
            period = previous - 2 * w - 1 - ref
            if period < p - (2 * w + 1):
                raise refuse(
                    "noPeriods=%(p)s is too big for frequency %(frequency)s and w=%(w)s.",
                    p=p,
                    frequency=frequency,
                    w=w,
                )
            length, rest = divmod(period, p - 1)
            ends = np.cumsum([0] + [length + (1 if j < rest else 0) for j in range(p - 1)])
            for j in range(1, p):
                assign(ref + w + 1 + int(ends[j - 1]), ref + w + 1 + int(ends[j]) - 1, j)
    for t in _r_colon(k - past_weeks_not_included, k):
        factors.pop(t, None)
    periods = np.array(sorted(factors), dtype=np.int64)
    return periods, np.array([factors[t] for t in periods], dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# The compiled part: R's IRLS, reweighting and trend choice, per series and monitored period
# ---------------------------------------------------------------------------------------------


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _irls_flat(y, lev, prior, ylogy, ieta, imu, idev, n, n_levels, work):
    """`_irls` without trend and offset: after the first step every level has one mu, so each
    further step costs O(levels) from the per-level sums of prior, prior*y and prior*y*log(y)."""
    mu, eta, w, z, s0, s1, sz, tbar, zbar, sum_p, sum_py, sum_pylogy, level_eta, level_mu, old_mu = work
    devold = 0.0
    for level in range(n_levels):
        s0[level] = 0.0
        sz[level] = 0.0
        sum_p[level] = 0.0
        sum_py[level] = 0.0
        sum_pylogy[level] = 0.0
        tbar[level] = 0.0
    for i in range(n):
        level = lev[i]
        pi = prior[i]
        wi = pi * imu[i]
        w[i] = wi
        s0[level] += wi
        sz[level] += wi * (ieta[i] + (y[i] - imu[i]) / imu[i])
        sum_p[level] += pi
        sum_py[level] += pi * y[i]
        sum_pylogy[level] += pi * ylogy[i]
        devold += pi * idev[i]
    converged = False
    for iteration in range(MAXIT):
        dev = 0.0
        for level in range(n_levels):
            if iteration > 0:
                m = level_mu[level]
                old_mu[level] = m
                s0[level] = m * sum_p[level]
                if s0[level] > 0:
                    zbar[level] = level_eta[level] + (sum_py[level] - s0[level]) / s0[level]
            elif s0[level] > 0:
                zbar[level] = sz[level] / s0[level]
            if s0[level] <= 0:
                zbar[level] = 0.0
            e = zbar[level]
            m = math.exp(e)
            log_m = e
            if m < EPS:
                m = EPS
                log_m = LOG_EPS
            level_eta[level] = e
            level_mu[level] = m
            dev += 2.0 * (sum_pylogy[level] - log_m * sum_py[level] - sum_py[level] + m * sum_p[level])
        if abs(dev - devold) / (abs(dev) + 0.1) < EPSILON:
            converged = True
            break
        devold = dev
    for i in range(n):
        level = lev[i]
        mu[i] = level_mu[level]
        eta[i] = level_eta[level]
    if converged and iteration == 0:
        return True  # the working weights are the first step's, already in w
    for i in range(n):
        w[i] = prior[i] * old_mu[lev[i]]
    return converged


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _irls(y, t, lev, off, prior, ylogy, ieta, imu, idev, n, n_levels, trend, flat, work):
    """glm.fit(x, y, weights=prior, offset=off, family=quasipoisson()) for x = level indicators
    (+ t). Leaves in work.w the working weights of the last weighted least squares (R's `weights`),
    in work.mu/eta the final fit, in s0/tbar/zbar that least squares' per-level sums.
    ieta, imu, idev: R's start, log(y + 0.1), its mu and deviance terms.
    Returns (converged, slope of t, Schur complement D = sum w (t - tbar_level)^2)."""
    if flat:
        return _irls_flat(y, lev, prior, ylogy, ieta, imu, idev, n, n_levels, work), 0.0, 1.0
    mu, eta, w, z, s0, s1, sz, tbar, zbar = work[:9]
    devold = 0.0
    for i in range(n):
        eta[i] = ieta[i]
        mu[i] = imu[i]
        devold += prior[i] * idev[i]
    slope = 0.0
    schur = 1.0
    for _iteration in range(MAXIT):
        for level in range(n_levels):
            s0[level] = 0.0
            s1[level] = 0.0
            sz[level] = 0.0
        for i in range(n):
            wi = prior[i] * mu[i]
            w[i] = wi
            zi = eta[i] - off[i] + (y[i] - mu[i]) / mu[i]
            z[i] = zi
            level = lev[i]
            s0[level] += wi
            s1[level] += wi * t[i]
            sz[level] += wi * zi
        for level in range(n_levels):
            if s0[level] > 0:
                tbar[level] = s1[level] / s0[level]
                zbar[level] = sz[level] / s0[level]
            else:
                tbar[level] = 0.0
                zbar[level] = 0.0
        slope = 0.0
        schur = 1.0
        if trend:
            schur = 0.0
            cross = 0.0
            for i in range(n):
                dt = t[i] - tbar[lev[i]]
                schur += w[i] * dt * dt
                cross += w[i] * dt * z[i]
            slope = cross / schur
        dev = 0.0
        for i in range(n):
            level = lev[i]
            e = zbar[level] + slope * (t[i] - tbar[level]) + off[i]
            eta[i] = e
            m = math.exp(e)
            log_m = e
            if m < EPS:
                m = EPS
                log_m = LOG_EPS
            mu[i] = m
            if y[i] > 0:
                dev += 2.0 * prior[i] * (ylogy[i] - y[i] * log_m - (y[i] - m))
            else:
                dev += 2.0 * prior[i] * m
        if abs(dev - devold) / (abs(dev) + 0.1) < EPSILON:
            return True, slope, schur
        devold = dev
    return False, slope, schur


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _dispersion(y, prior, n, rank, work):
    """summary.glm's Pearson dispersion: sum(working weights * working residuals^2) / df.r."""
    mu, w = work[0], work[2]
    total = 0.0
    used = 0
    for i in range(n):
        if prior[i] > 0:
            used += 1
        if w[i] > 0:
            r = (y[i] - mu[i]) / mu[i]
            total += w[i] * r * r
    df = used - rank
    if df <= 0:
        return math.nan, df
    return total / df, df


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _anscombe_weights(y, y23, t, lev, n, trend, schur, phi, threshold, work, omega):
    """anscombe.residuals() and algo.farrington.assign.weights(): omega = gamma * s^-2 where the
    standardised residual s exceeds the threshold, gamma elsewhere, gamma so that sum = n."""
    mu, eta, w, s0, tbar = work[0], work[1], work[2], work[4], work[7]
    total = 0.0
    last_mu = -1.0
    root6 = 0.0
    root2 = 0.0
    for i in range(n):
        level = lev[i]
        h = 1.0 / s0[level]
        if trend:
            dt = t[i] - tbar[level]
            h += dt * dt / schur
        h *= w[i]  # lm.influence: the hat values of the last weighted least squares
        if h > 1.0 - 10.0 * EPS:
            h = 1.0
        if mu[i] != last_mu:  # mu^(-1/6) and mu^(1/2), once per distinct mu
            last_mu = mu[i]
            if last_mu > EPS:
                root6 = math.exp(-eta[i] / 6.0)
                root2 = 1.0 / (root6 * root6 * root6)
            else:
                root6 = last_mu ** (-1.0 / 6.0)
                root2 = math.sqrt(last_mu)
        s = 1.5 * (y23[i] * root6 - root2) / math.sqrt(phi * (1.0 - h))
        if s > threshold:
            omega[i] = 1.0 / (s * s)
        else:
            omega[i] = 1.0
        total += omega[i]
    gamma = n / total
    for i in range(n):
        omega[i] *= gamma


@numba.njit(cache=True, nogil=True, error_model="numpy")
def _fit(
    y,
    y23,
    ylogy,
    ieta,
    imu,
    idev,
    t,
    lev,
    off,
    n,
    n_levels,
    trend,
    offset,
    reweight,
    threshold,
    quirk,
    prior,
    work,
):
    """The fitFun: fit, dispersion, then (if reweight) refit with Anscombe weights. Returns
    (whether the first fit converged, slope, schur, the dispersion behind phi, the dispersion
    that summary.glm and predict.glm see later, df). They differ for farringtonFlexible (`quirk`):
    its fitFun overwrites the model's working weights with the Anscombe weights after computing
    phi, so later summaries use sum(omega * ((y - mu)/mu)^2) / df."""
    for i in range(n):
        prior[i] = 1.0
    rank = n_levels + (1 if trend else 0)
    flat = not trend and not offset
    converged, slope, schur = _irls(
        y, t, lev, off, prior, ylogy, ieta, imu, idev, n, n_levels, trend, flat, work
    )
    disp, df = _dispersion(y, prior, n, rank, work)
    seen = disp
    if reweight:
        _anscombe_weights(y, y23, t, lev, n, trend, schur, max(disp, 1.0), threshold, work, prior)
        _c, slope, schur = _irls(
            y, t, lev, off, prior, ylogy, ieta, imu, idev, n, n_levels, trend, flat, work
        )
        disp, df = _dispersion(y, prior, n, rank, work)
        seen = disp
        if quirk and df > 0:
            mu = work[0]
            total = 0.0
            for i in range(n):
                if prior[i] > 0:
                    r = (y[i] - mu[i]) / mu[i]
                    total += prior[i] * r * r
            seen = total / df
    return converged, slope, schur, disp, seen, df


@numba.njit(cache=True, parallel=True, error_model="numpy")
def _fit_all(
    counts,
    log_population,
    use_offset,
    columns,
    starts,
    periods,
    levels,
    n_levels,
    predict_level,
    trend,
    reweight,
    threshold,
    trend_allowed,
    quirk,
    t_critical,
    out_eta0,
    out_var0,
    out_disp,
    out_seen,
    out_state,
):
    """For every series and monitored period: the final model's log-scale prediction eta0, its
    unscaled variance x0' (X'WX)^-1 x0, the dispersion behind phi, the dispersion later summaries
    see (`_fit`), and a state (1: R gets no model, 2: the trend was kept)."""
    n_series, n_periods = counts.shape
    n_monitored = columns.shape[0]
    longest = 1
    most_levels = 1
    for j in range(n_monitored):
        longest = max(longest, starts[j + 1] - starts[j])
        most_levels = max(most_levels, n_levels[j])
    for s in prange(n_series):
        row = counts[s]
        row23 = np.empty(n_periods)
        rowlog = np.empty(n_periods)
        row_eta = np.empty(n_periods)
        row_mu = np.empty(n_periods)
        row_dev = np.empty(n_periods)
        for c in range(n_periods):
            value = row[c]
            row23[c] = value ** (2.0 / 3.0)
            rowlog[c] = value * math.log(value) if value > 0 else 0.0
            row_eta[c] = math.log(value + 0.1)  # glm's start: mustart = y + 0.1
            row_mu[c] = max(math.exp(row_eta[c]), EPS)
            if value > 0:
                row_dev[c] = 2.0 * (rowlog[c] - value * row_eta[c] - (value - row_mu[c]))
            else:
                row_dev[c] = 2.0 * row_mu[c]
        y = np.empty(longest)
        y23 = np.empty(longest)
        ylogy = np.empty(longest)
        ieta = np.empty(longest)
        imu = np.empty(longest)
        idev = np.empty(longest)
        t = np.empty(longest)
        lev = np.empty(longest, dtype=np.int64)
        off = np.zeros(longest)
        prior = np.empty(longest)
        work = (
            np.empty(longest),
            np.empty(longest),
            np.empty(longest),
            np.empty(longest),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
            np.empty(most_levels),
        )
        for j in range(n_monitored):
            n = 0
            top = -math.inf
            for m in range(starts[j], starts[j + 1]):
                c = periods[m]
                value = row[c]
                if math.isnan(value):
                    continue
                y[n] = value
                y23[n] = row23[c]
                ylogy[n] = rowlog[c]
                ieta[n] = row_eta[c]
                imu[n] = row_mu[c]
                idev[n] = row_dev[c]
                t[n] = c + 1.0
                lev[n] = levels[m]
                if use_offset:
                    off[n] = log_population[s, c]
                top = max(top, value)
                n += 1
            k = columns[j]
            tk = k + 1.0
            offk = log_population[s, k] if use_offset else 0.0
            p = predict_level[j]
            nl = n_levels[j]
            out_state[s, j] = 0
            out_eta0[s, j] = math.nan
            out_var0[s, j] = math.nan
            out_disp[s, j] = math.nan
            out_seen[s, j] = math.nan
            if n == 0:
                out_state[s, j] = 1
                continue
            with_trend = trend
            converged, slope, schur, disp, seen, df = _fit(
                y,
                y23,
                ylogy,
                ieta,
                imu,
                idev,
                t,
                lev,
                off,
                n,
                nl,
                with_trend,
                use_offset,
                reweight,
                threshold,
                quirk,
                prior,
                work,
            )
            if not converged and with_trend:
                with_trend = False
                converged, slope, schur, disp, seen, df = _fit(
                    y,
                    y23,
                    ylogy,
                    ieta,
                    imu,
                    idev,
                    t,
                    lev,
                    off,
                    n,
                    nl,
                    False,
                    use_offset,
                    reweight,
                    threshold,
                    quirk,
                    prior,
                    work,
                )
            if not converged:
                out_state[s, j] = 1
            s0, tbar, zbar = work[4], work[7], work[8]
            if with_trend:
                mu0 = max(math.exp(zbar[p] + slope * (tk - tbar[p]) + offk), EPS)
                significant = False
                if df > 0 and seen == seen:
                    significant = abs(slope) / math.sqrt(seen / schur) > t_critical[df]
                if trend_allowed and significant and mu0 <= top:
                    out_state[s, j] += 2
                else:
                    with_trend = False
                    _c, slope, schur, disp, seen, df = _fit(
                        y,
                        y23,
                        ylogy,
                        ieta,
                        imu,
                        idev,
                        t,
                        lev,
                        off,
                        n,
                        nl,
                        False,
                        use_offset,
                        reweight,
                        threshold,
                        quirk,
                        prior,
                        work,
                    )
            if s0[p] > 0:
                out_eta0[s, j] = zbar[p] + slope * (tk - tbar[p]) + offk
                var0 = 1.0 / s0[p]
                if with_trend:
                    var0 += (tk - tbar[p]) ** 2 / schur
                out_var0[s, j] = var0
            else:
                out_state[s, j] = 1
            out_disp[s, j] = disp
            out_seen[s, j] = seen


# ---------------------------------------------------------------------------------------------
# Thresholds (vectorised), R's threshold functions
# ---------------------------------------------------------------------------------------------


def delta_upper(mu0, tau, z, powertrans):
    """algo.farrington.threshold(.farrington): the upper end of mu0 +- z*se on the power scale."""
    exponent = POWERS[powertrans]
    with np.errstate(invalid="ignore", divide="ignore"):
        if powertrans == "none":
            se = np.sqrt(mu0 * tau)
        elif powertrans == "1/2":
            se = np.sqrt(1 / 4 * tau)
        else:
            se = np.sqrt(4 / 9 * mu0 ** (1 / 3) * tau)
        centre = mu0**exponent
        lower = (centre - z * se) ** (1 / exponent)
        upper = (centre + z * se) ** (1 / exponent)
    # R: sort(c(lower, upper), na.last=FALSE)[2]
    return np.fmax(lower, upper)


def discrete_quantile(p, cdf, guess):
    """The smallest integer y >= 0 with cdf(y) >= p (R's qnbinom/qpois), vectorised: from a
    guess (R's Cornish-Fisher start), doubling steps away from it, then bisection.
    `cdf(y, where)` evaluates the distributions at positions `where` for the counts y."""
    guess = np.where(np.isfinite(guess), np.maximum(guess, 0.0), 0.0)
    everyone = np.arange(guess.size)
    below = cdf(guess, everyone) < p
    lo = np.where(below, guess, -1.0)  # cdf(lo) < p; -1: nothing below
    hi = np.where(below, np.inf, guess)  # cdf(hi) >= p
    step = np.ones_like(guess)
    todo = everyone[below]
    while todo.size:  # upwards until cdf >= p
        probe = guess[todo] + step[todo]
        ok = cdf(probe, todo) >= p[todo]
        hi[todo[ok]] = probe[ok]
        lo[todo[~ok]] = probe[~ok]
        step[todo] *= 2
        todo = todo[~ok]
    todo = everyone[~below & (guess > 0)]
    while todo.size:  # downwards while cdf >= p
        probe = guess[todo] - step[todo]
        inside = probe >= 0
        ok = inside & (cdf(np.maximum(probe, 0.0), todo) >= p[todo])
        hi[todo[ok]] = probe[ok]
        lo[todo[inside & ~ok]] = probe[inside & ~ok]
        step[todo] *= 2
        todo = todo[ok]
    todo = everyone[hi - lo > 1]
    while todo.size:
        middle = np.floor((lo[todo] + hi[todo]) / 2)
        ok = cdf(middle, todo) >= p[todo]
        hi[todo[ok]] = middle[ok]
        lo[todo[~ok]] = middle[~ok]
        todo = todo[hi[todo] - lo[todo] > 1]
    return hi


def nb_upper(mean, phi, alpha):
    """R's qnbinom(1 - alpha, size = mean/(phi - 1), prob = 1/phi) where phi > 1, else
    qpois(1 - alpha, mean); NaN where the mean is not finite (R: NA)."""
    mean = np.asarray(mean, dtype=float)
    phi = np.broadcast_to(np.asarray(phi, dtype=float), mean.shape)
    upper = np.full(mean.shape, np.nan)
    ok = np.isfinite(mean) & np.isfinite(phi)
    upper[ok] = 0.0  # a mean of 0: R's quantile is 0
    ok &= mean > 0
    m, f = mean[ok], phi[ok]
    nb = f > 1
    size = m / np.where(nb, f - 1, 1.0)
    prob = 1 / f
    q = 1 / prob
    big_p = (1 - prob) * q
    sigma = np.where(nb, np.sqrt(size * big_p * q), np.sqrt(m))
    gamma = np.where(nb, (q + big_p) / sigma, 1 / sigma)
    z = special.ndtri(1 - alpha)
    guess = np.rint(m + sigma * (z + gamma * (z * z - 1) / 6))

    def cdf(y, where):
        out = np.empty(where.size)
        is_nb = nb[where]
        out[is_nb] = special.betainc(size[where][is_nb], y[is_nb] + 1, prob[where][is_nb])
        out[~is_nb] = special.gammaincc(y[~is_nb] + 1, m[where][~is_nb])
        return out

    upper[ok] = discrete_quantile(np.full(m.size, 1 - alpha), cdf, guess)
    return upper


# ---------------------------------------------------------------------------------------------
# The methods
# ---------------------------------------------------------------------------------------------


def _whole(control, name, minimum):
    value = control[name]
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise refuse(
            "%(name)s must be a whole number >= %(minimum)s (given: %(value)s).",
            name=name,
            minimum=minimum,
            value=value,
        )
    return int(value)


def _number(control, name, low, high):
    value = control[name]
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not low < value < high:
        raise refuse(
            "%(name)s must be a number between %(low)s and %(high)s (given: %(value)s).",
            name=name,
            low=low,
            high=high,
            value=value,
        )
    return float(value)


def _flag(control, name):
    value = control[name]
    if not isinstance(value, (bool, np.bool_)):
        raise refuse("%(name)s must be TRUE or FALSE (given: %(value)s).", name=name, value=value)
    return bool(value)


def _limit54(control):
    value = control["limit54"]
    try:
        cases, weeks = (int(v) for v in value)
    except (TypeError, ValueError):
        raise refuse("limit54 is two whole numbers, cases and periods (e.g. 5,4).") from None
    if cases < 0 or weeks <= 0:
        raise refuse("The limit54 arguments are out of bounds: cases >= 0 and period > 0.")
    return cases, weeks


def _check_range(counts, first, last, minimum, method):
    n_periods = counts.shape[1]
    if first > last:
        raise refuse(
            "The range %(first)s:%(last)s is empty: the first period comes after the last.",
            first=first,
            last=last,
        )
    if first < minimum:
        raise refuse(
            "%(method)s with these options monitors from period %(minimum)s on (it needs the periods "
            "before as its baseline); the range starts at %(first)s.",
            method=method,
            minimum=minimum,
            first=first,
        )
    if last > n_periods:
        raise refuse(
            "The range ends at period %(last)s but the series have %(n)s periods.", last=last, n=n_periods
        )


def _pack(designs):
    """Ragged reference periods of every monitored k -> flat arrays for the kernel (0-based)."""
    starts = np.zeros(len(designs) + 1, dtype=np.int64)
    periods, levels, n_levels, predict_level = [], [], [], []
    for j, (k, idx, lev, level_of_k) in enumerate(designs):
        present = np.unique(lev)
        if level_of_k not in present:
            raise refuse(
                "No reference period of period %(k)s is in the seasonal level of the current window; "
                "decrease pastWeeksNotIncluded.",
                k=k,
            )
        code = np.searchsorted(present, lev)
        periods.append(idx - 1)
        levels.append(code)
        n_levels.append(present.size)
        predict_level.append(int(np.searchsorted(present, level_of_k)))
        starts[j + 1] = starts[j] + idx.size
    return (
        starts,
        np.concatenate(periods).astype(np.int64),
        np.concatenate(levels).astype(np.int64),
        np.array(n_levels, dtype=np.int64),
        np.array(predict_level, dtype=np.int64),
    )


def _t_critical(longest, p_threshold):
    """|t| above which R's 2*pt(-|t|, df) < pThresholdTrend, for df = 0..longest."""
    df = np.arange(longest + 1, dtype=float)
    if p_threshold > 1:
        return np.full(df.size, -np.inf)
    if p_threshold <= 0:
        return np.full(df.size, np.inf)
    with np.errstate(all="ignore"):
        critical = stats.t.isf(p_threshold / 2, np.maximum(df, 1))
    critical[0] = np.inf
    return critical


def _as_counts(counts):
    counts = np.ascontiguousarray(counts, dtype=np.float64)
    if counts.ndim != 2:
        raise refuse("counts must be a matrix: one row per series, one column per period.")
    if np.any(counts < 0):
        raise refuse("Counts cannot be negative.")
    return counts


def _fit_models(counts, designs, *, trend, reweight, threshold, b, p_threshold, quirk, log_population=None):
    """Per series and monitored period: eta0, its unscaled variance, phi's dispersion, the
    dispersion summaries see, and the state (see `_fit_all`)."""
    starts, periods, levels, n_levels, predict_level = _pack(designs)
    columns = np.array([k - 1 for k, *_ in designs], dtype=np.int64)
    shape = (counts.shape[0], len(designs))
    eta0, var0, disp, seen = (np.empty(shape) for _ in range(4))
    state = np.empty(shape, dtype=np.int64)
    use_offset = log_population is not None
    _fit_all(
        counts,
        log_population if use_offset else np.zeros((1, 1)),
        use_offset,
        columns,
        starts,
        periods,
        levels,
        n_levels,
        predict_level,
        trend,
        reweight,
        float(threshold),
        b >= 3,
        quirk,
        _t_critical(int(np.diff(starts).max()), p_threshold),
        eta0,
        var0,
        disp,
        seen,
        state,
    )
    return eta0, var0, disp, seen, state


def _enough_cases(counts, first, last, limit54):
    """sum(observed[(k - limit54[2] + 1):k]) >= limit54[1] (R ignores the index 0)."""
    cases, weeks = limit54
    enough = np.empty((counts.shape[0], last - first + 1), dtype=bool)
    for j, k in enumerate(range(first, last + 1)):
        enough[:, j] = counts[:, max(k - weeks, 0) : k].sum(axis=1) >= cases
    return enough


def run_farrington(counts, first, last, **control):
    """R: algo.farrington(disProg, control=list(range=first:last, b, w, reweight, alpha, trend,
    limit54, powertrans)) for each series (fitFun algo.farrington.fitGLM.fast)."""
    counts = _as_counts(counts)
    frequency = _whole(control, "frequency", 1)
    b = _whole(control, "b", 1)
    w = _whole(control, "w", 0)
    alpha = _number(control, "alpha", 0, 1)
    reweight, trend = _flag(control, "reweight"), _flag(control, "trend")
    limit54 = _limit54(control)
    powertrans = control["powertrans"]
    if powertrans not in POWERS:
        raise refuse("powertrans is one of none, 1/2, 2/3 (given: %(value)s).", value=powertrans)
    _check_range(counts, first, last, max(frequency * b - w, limit54[1], 1), "farrington")
    designs = []
    for k in range(first, last + 1):
        idx = classic_periods(k, b, w, frequency)
        designs.append((k, idx, np.ones(idx.size, dtype=np.int64), 1))
    eta0, var0, disp, _seen, _state = _fit_models(
        counts, designs, trend=trend, reweight=reweight, threshold=1.0, b=b, p_threshold=0.05, quirk=False
    )
    phi = np.maximum(disp, 1.0)
    with np.errstate(over="ignore", invalid="ignore"):
        mu0 = np.maximum(np.exp(eta0), EPS)
        # predict.glm(..., dispersion = phi, type = "response"): se = sqrt(var0 * phi) * mu0
        tau = phi + var0 * phi * mu0
        upper = delta_upper(mu0, tau, special.ndtri(1 - alpha / 2), powertrans)
        observed = counts[:, first - 1 : last]
        enough = _enough_cases(counts, first, last, limit54)
        score = np.where(enough, (observed - mu0) / (upper - mu0), 0.0)
    return Detection(alarm=score > 1, upperbound=np.where(enough, upper, 0.0), expected=mu0)


def run_flexible(counts, first, last, *, population=None, **control):
    """R: farringtonFlexible(sts, control=list(range=first:last, ...)) for each series.
    `population` (n_series, n_periods) is the sts's population, used when populationOffset."""
    counts = _as_counts(counts)
    frequency = _whole(control, "frequency", 1)
    b = _whole(control, "b", 1)
    w = _whole(control, "w", 0)
    alpha = _number(control, "alpha", 0, 1)
    reweight, trend = _flag(control, "reweight"), _flag(control, "trend")
    weights_threshold = _number(control, "weightsThreshold", -math.inf, math.inf)
    p_threshold = _number(control, "pThresholdTrend", -math.inf, math.inf)
    limit54 = _limit54(control)
    powertrans = control["powertrans"]
    if powertrans not in POWERS:
        raise refuse("powertrans is one of none, 1/2, 2/3 (given: %(value)s).", value=powertrans)
    no_periods = _whole(control, "noPeriods", 1)
    past = control["pastWeeksNotIncluded"]
    past = w if past is None else past
    if isinstance(past, bool) or not isinstance(past, (int, np.integer)) or past < 0:
        raise refuse("pastWeeksNotIncluded must be a whole number >= 0 (given: %(value)s).", value=past)
    method = control["thresholdMethod"]
    if method not in THRESHOLD_METHODS:
        raise refuse("thresholdMethod is one of delta, nbPlugin, muan (given: %(value)s).", value=method)
    use_offset = _flag(control, "populationOffset")
    log_population = None
    if use_offset:
        if population is None:
            raise refuse("populationOffset needs a population for every series and period.")
        population = np.asarray(population, dtype=float)
        if population.shape != counts.shape or not np.all(population > 0):
            raise refuse("The population must be positive for every series and period.")
        log_population = np.ascontiguousarray(np.log(population))
    _check_range(
        counts,
        first,
        last,
        max(frequency * b + w, past, limit54[1], 1),
        "farrington-flexible",
    )
    designs = []
    for k in range(first, last + 1):
        idx, lev = flexible_periods(k, b, w, frequency, no_periods, past)
        designs.append((k, idx, lev, no_periods))
    eta0, var0, disp, seen, state = _fit_models(
        counts,
        designs,
        quirk=True,
        trend=trend,
        reweight=reweight,
        threshold=weights_threshold,
        b=b,
        p_threshold=p_threshold,
        log_population=log_population,
    )
    phi = np.maximum(disp, 1.0)
    observed = counts[:, first - 1 : last]
    with np.errstate(over="ignore", invalid="ignore"):
        mu0 = np.maximum(np.exp(eta0), EPS)
        if method == "delta":
            # predict.glm's se uses the dispersion summaries see (see `_fit`), not phi
            tau = phi + var0 * seen * mu0
            upper = delta_upper(mu0, tau, special.ndtri(1 - alpha), powertrans)
            fit = mu0
        else:
            if method == "nbPlugin":
                mean = np.exp(eta0)
            else:
                mean = np.exp(eta0 + special.ndtri(1 - alpha) * np.sqrt(var0 * seen))
            upper = nb_upper(mean, phi, alpha)
            fit = eta0
        enough = _enough_cases(counts, first, last, limit54)
        score = (observed - fit) / (upper - fit)
    no_model = (state & 1).astype(bool)
    alarm = enough & (score > 1) & (observed != 0) & ~no_model
    upperbound = np.where(enough & ~no_model, upper, np.nan)
    return Detection(alarm=alarm, upperbound=upperbound, expected=np.where(no_model, np.nan, mu0))


METHODS: tuple[Method, ...] = (
    Method(
        "farrington",
        run_farrington,
        FARRINGTON_DEFAULTS,
        "R surveillance 1.20.3 algo.farrington (fitFun algo.farrington.fitGLM.fast)",
    ),
    Method(
        "farrington-flexible",
        run_flexible,
        FLEXIBLE_DEFAULTS,
        "R surveillance 1.20.3 farringtonFlexible",
    ),
)
