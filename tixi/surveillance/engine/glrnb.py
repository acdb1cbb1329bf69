"""The GLR detectors of R `surveillance` 1.20.3 `algo.glrnb` (Höhle & Paul 2008), change = "intercept"
and change = "epi" (the epidemic chart, μ₁(t) = μ₀(t) + λ·x(t−1): Poisson as glr_epi_window, negative
binomial as glr_nbgeneral_window, with that C code's Newton step; ret = "value" only, as in R).

In-control means: by default (mu0 = NULL) R fits, to the periods before the monitored range, MASS `glm.nb`
of y ~ 1 + cos(2πt/p) + sin(2πt/p) (mu0 = {"S": harmonics, "trend": bool} changes the formula; t = the
period's number, p = frequency) and predicts over the range; alpha = 1/θ̂ unless alpha is given (alpha 0:
a Poisson GLM; alpha > 0: a negative binomial GLM with θ = 1/alpha). mu0 may also be given as numbers
(one per monitored period, or a matrix series × periods), and then alpha must be given.

Detectors, as R's C code (src/surveillance.c) computes them:
- theta NULL, alpha 0: Poisson GLR, max over change points k ≤ n of the log-likelihood ratio at the MLE
  κ̂ = max(0, log(Σx/Σμ₀)) (dir "dec": min(0, ·)); window-limited when M > 0 (k ≥ n − M), and at least
  Mtilde observations after the change point;
- theta NULL, alpha > 0: negative binomial GLR, κ̂ by R's Newton–Raphson for each k (max(0, n−M)..n−Mtilde+1);
- theta given: the LR CUSUM with known κ = theta (Poisson or negative binomial), alarm iff > c.ARL.
The GLR alarms iff the statistic ≥ c.ARL; after an alarm the detector restarts at the next period, as R
does. The upper bound is R's: the statistic itself (ret "value") or the count that would have sounded the
alarm (ret "cases"; for the negative binomial GLR by R's brute force, bounded by xMax)."""

import math

import numba
import numpy as np

from tixi.surveillance.engine.countglm import glm_nb, harmonic_design, negative_binomial_fit, poisson_fit
from tixi.surveillance.engine.spec import Detection, DetectionError, Method
from tixi.surveillance.engine.windows import check_choice, check_number, monitored, option_error, too_short

MAX_CASES = 10_000_000  # R loops until the alarm; we stop counting here


@numba.njit(cache=True, error_model="numpy")
def _fmax(a, b):
    # C's fmax: a NaN argument loses
    if a != a:
        return b
    if b != b:
        return a
    return a if a > b else b


@numba.njit(cache=True, error_model="numpy")
def _log_ratio(sumx, summu0):
    # C's log(0) is -inf
    return math.log(sumx / summu0) if sumx > 0 else -math.inf


@numba.njit(cache=True, error_model="numpy")
def _glr(n, x, mu0, direction):
    sumx = 0.0
    summu0 = 0.0
    best = -1e99
    for k in range(n, -1, -1):
        sumx += x[k]
        summu0 += mu0[k]
        kappa = direction * _fmax(0.0, direction * _log_ratio(sumx, summu0))
        value = kappa * sumx + (1 - math.exp(kappa)) * summu0
        if value > best:
            best = value
    return best


@numba.njit(cache=True, error_model="numpy")
def _glr_window(n, x, mu0, direction, big_m, mtilde):
    best = -1e99
    sumx = 0.0
    summu0 = 0.0
    for i in range(n - mtilde + 1, n + 1):
        sumx += x[i]
        summu0 += mu0[i]
    low = max(0, n - big_m)
    for k in range(n - mtilde, low - 1, -1):
        sumx += x[k]
        summu0 += mu0[k]
        kappa = direction * _fmax(0.0, direction * _log_ratio(sumx, summu0))
        value = kappa * sumx + (1 - math.exp(kappa)) * summu0
        if value > best:
            best = value
    return best


@numba.njit(cache=True, error_model="numpy")
def _poisson_statistic(n, x, mu0, direction, big_m, mtilde, windowed):
    if windowed:
        return _glr_window(n, x, mu0, direction, big_m, mtilde)
    return _glr(n, x, mu0, direction)


@numba.njit(cache=True, error_model="numpy")
def _glr_poisson(x, mu0, c_arl, direction, mtilde, big_m, want_cases, val, cases):
    """glr_cusum (big_m <= 0) or glr_cusum_window; returns R's N (1-based alarm position or len + 1)."""
    lx = x.size
    windowed = big_m > 0
    n = mtilde if windowed else max(mtilde - 1, 0)
    while n < lx:
        val[n] = _poisson_statistic(n, x, mu0, direction, big_m, mtilde, windowed)
        if want_cases:
            new = -1
            statistic = c_arl - direction
            old = x[n]
            while direction * statistic < c_arl * direction and new < MAX_CASES:
                new += 1
                x[n] = new
                statistic = _poisson_statistic(n, x, mu0, direction, big_m, mtilde, windowed)
            cases[n] = new
            x[n] = old
        if val[n] >= c_arl:
            return n + 1
        n += 1
    return lx + 1


@numba.njit(cache=True, error_model="numpy")
def _nb_score(kappa, x, mu0, alpha, k, n):
    total = 0.0
    for i in range(k, n + 1):
        total += (x[i] - math.exp(kappa) * mu0[i]) / (1 + alpha * math.exp(kappa) * mu0[i])
    return total


@numba.njit(cache=True, error_model="numpy")
def _nb_fisher(kappa, x, mu0, alpha, k, n):
    total = 0.0
    for i in range(k, n + 1):
        denominator = 1 + alpha * math.exp(kappa) * mu0[i]
        total += mu0[i] * (alpha * x[i] + 1) / (denominator * denominator)
    return math.exp(kappa) * total


@numba.njit(cache=True, error_model="numpy")
def _nb_lnk(kappa, x, mu0, alpha, k, n):
    total = 0.0
    for i in range(k, n + 1):
        total += kappa * x[i] + (x[i] + 1 / alpha) * math.log(
            (1 + alpha * mu0[i]) / (1 + alpha * mu0[i] * math.exp(kappa))
        )
    return total


@numba.njit(cache=True, error_model="numpy")
def _nb_statistic(n, x, mu0, alpha, direction, mtilde, big_m):
    """The negative binomial GLR statistic at n, as glr_nb_window computes it (Newton–Raphson per k)."""
    best = -1e99
    kappa_ml = 0.5
    low = 0 if big_m == -1 else max(0, n - big_m)
    up = n - (mtilde - 1)
    for k in range(low, up + 1):
        kappa_old = 0.4
        kappa_new = kappa_ml
        iterations = 0
        while kappa_new > -18 and abs(kappa_new - kappa_old) > 1e-6 and iterations < 1000:
            iterations += 1
            kappa_old = kappa_new
            kappa_new = kappa_old + _nb_score(kappa_old, x, mu0, alpha, k, n) / _nb_fisher(
                kappa_old, x, mu0, alpha, k, n
            )
        kappa_ml = direction * _fmax(0.0, direction * kappa_new)
        lnk = _nb_lnk(kappa_ml, x, mu0, alpha, k, n)
        if lnk > best:
            best = lnk
    return best


@numba.njit(cache=True, error_model="numpy")
def _glr_nb(x, mu0, alpha, c_arl, direction, mtilde, big_m, val):
    """glr_nb_window."""
    lx = x.size
    n = max(mtilde - 1, 0)
    while n < lx:
        val[n] = _nb_statistic(n, x, mu0, alpha, direction, mtilde, big_m)
        if val[n] >= c_arl:
            return n + 1
        n += 1
    return lx + 1


@numba.njit(cache=True, error_model="numpy")
def _nb_cases(x, mu0, alpha, c_arl, direction, mtilde, big_m, n_alarm, x_max, cases):
    """R's brute force for ret = "cases" of the negative binomial GLR: at each period up to the alarm, move
    the count by one until the alarm appears (or, at the alarm, disappears). R's quirks kept: a count of 0
    without alarm gives 1e99, as does no alarm below xMax; an alarm that stays down to 0 gives NA (then 0)."""
    first_alarm = max(mtilde - 1, 0)
    for pos in range(min(x.size, n_alarm)):
        got_alarm = n_alarm <= pos + 1
        step = -1.0 if got_alarm else 1.0
        trial = x.copy()
        changed = False
        while not changed and trial[pos] <= x_max and trial[pos] >= 1:
            trial[pos] += step
            # positions before pos are unchanged and silent, so R's rerun alarms at pos iff its statistic does
            alarm_here = (
                pos >= first_alarm
                and _nb_statistic(pos, trial, mu0, alpha, direction, mtilde, big_m) >= c_arl
            )
            if not got_alarm and alarm_here:
                changed = True
                cases[pos] = trial[pos]
            if got_alarm and not alarm_here:
                changed = True
                cases[pos] = trial[pos] + 1
        if not changed:
            cases[pos] = np.nan if got_alarm else 1e99


@numba.njit(cache=True, error_model="numpy")
def _lr(x, mu0, alpha, kappa, c_arl, val, cases):
    """lr_cusum (alpha 0) or lr_cusum_nb with known kappa."""
    lx = x.size
    previous = 0.0
    for n in range(lx):
        if alpha == 0:
            z = kappa * x[n] + (1 - math.exp(kappa)) * mu0[n]
            cases[n] = (c_arl - previous + mu0[n] * (math.exp(kappa) - 1)) / kappa
        else:
            ratio = math.log((1 + alpha * mu0[n]) / (1 + alpha * mu0[n] * math.exp(kappa)))
            z = kappa * x[n] + (x[n] + 1 / alpha) * ratio
            cases[n] = -(previous * alpha + ratio - c_arl * alpha) / alpha / (kappa + ratio)
        val[n] = _fmax(0.0, previous + z)
        previous = val[n]
        if val[n] > c_arl:
            return n + 1
    return lx + 1


@numba.njit(cache=True, error_model="numpy")
def _epi_previous(x, xm10):
    xm1 = np.empty(x.size)
    xm1[0] = xm10
    xm1[1:] = x[:-1]
    return xm1


@numba.njit(cache=True, error_model="numpy")
def _glr_epi_poisson(x, mu0, xm10, c_arl, mtilde, big_m, val):
    """glr_epi_window (Held et al. 2005): μ₁ = μ₀ + λ·x(t−1), λ̂ by Newton–Raphson on φ = log λ, started
    at the previous k's λ̂; alarm iff the statistic > c.ARL (strict, as the C code)."""
    lx = x.size
    xm1 = _epi_previous(x, xm10)
    n = max(mtilde - 1, 0)
    while n < lx:
        best = -1e99
        lambda_ml = 0.5
        low = 0 if big_m == -1 else max(0, n - big_m)
        for k in range(low, n - (mtilde - 1) + 1):
            phi_old = 2.0
            phi_new = math.log(lambda_ml) if lambda_ml > 0 else -math.inf
            iterations = 0
            while phi_new > -18 and abs(math.exp(phi_new) - math.exp(phi_old)) > 1e-6 and iterations < 1000:
                iterations += 1
                phi_old = phi_new
                total = 0.0
                for i in range(k, n + 1):
                    total += (x[i] * xm1[i]) / (math.exp(phi_old) * xm1[i] + mu0[i]) - xm1[i]
                score = math.exp(phi_old) * total
                total = 0.0
                for i in range(k, n + 1):
                    denominator = math.exp(phi_old) * xm1[i] + mu0[i]
                    total += (x[i] * xm1[i] * xm1[i]) / (denominator * denominator)
                fisher = -score + math.exp(2.0 * phi_old) * total
                phi_new = phi_old + score / fisher
            lambda_ml = math.exp(phi_new)
            lnk = 0.0
            for i in range(k, n + 1):
                lnk += x[i] * math.log(lambda_ml * xm1[i] / mu0[i] + 1.0) - lambda_ml * xm1[i]
            if lnk > best:
                best = lnk
        val[n] = best
        if best > c_arl:
            return n + 1
        n += 1
    return lx + 1


@numba.njit(cache=True, error_model="numpy")
def _glr_epi_nb(x, mu0, xm10, alpha, c_arl, mtilde, big_m, val):
    """glr_nbgeneral_window: the epidemic negative binomial GLR as R's C code computes it. Its
    Newton–Raphson step is the intercept chart's (score and Fisher information of μ₀·e^θ), the
    likelihood ratio the epidemic one (μ₁ = μ₀ + e^θ·x(t−1)); alarm iff the statistic ≥ c.ARL."""
    lx = x.size
    xm1 = _epi_previous(x, xm10)
    n = max(mtilde - 1, 0)
    while n < lx:
        best = -1e99
        theta_ml = 0.5
        low = 0 if big_m == -1 else max(0, n - big_m)
        for k in range(low, n - (mtilde - 1) + 1):
            theta_old = 0.4
            theta_new = theta_ml
            iterations = 0
            while theta_new > -18 and abs(theta_new - theta_old) > 1e-6 and iterations < 1000:
                iterations += 1
                theta_old = theta_new
                theta_new = theta_old + _nb_score(theta_old, x, mu0, alpha, k, n) / _nb_fisher(
                    theta_old, x, mu0, alpha, k, n
                )
            theta_ml = theta_new
            lnk = 0.0
            for i in range(k, n + 1):
                mu1 = mu0[i] + math.exp(theta_ml) * xm1[i]
                lnk += x[i] * (
                    math.log(mu1)
                    - math.log(mu0[i])
                    + math.log(1 + alpha * mu0[i])
                    - math.log(1 + alpha * mu1)
                ) + 1 / alpha * (math.log(1 + alpha * mu0[i]) - math.log(1 + alpha * mu1))
            if lnk > best:
                best = lnk
        val[n] = best
        if best >= c_arl:
            return n + 1
        n += 1
    return lx + 1


@numba.njit(cache=True, error_model="numpy")
def _detect(
    x, mu0, alpha, c_arl, direction, mtilde, big_m, theta, use_theta, want_cases, x_max, alarm, upper, epi
):
    """R's restart loop for one series: after an alarm the detector starts afresh at the next period
    (the epidemic chart remembers the count of the alarm as x(t−1) of its first period)."""
    total = x.size
    done = 0
    alarms = 0
    val = np.zeros(0)
    cases = np.zeros(0)
    last_n = 0
    xm10 = 0.0
    while done < total:
        xs = x[done:].copy()
        ms = mu0[done:]
        val = np.zeros(xs.size)
        cases = np.zeros(xs.size)
        if epi:
            if alpha == 0:
                n_alarm = _glr_epi_poisson(xs, ms, xm10, c_arl, mtilde, big_m, val)
            else:
                n_alarm = _glr_epi_nb(xs, ms, xm10, alpha, c_arl, mtilde, big_m, val)
            if n_alarm <= xs.size:
                xm10 = xs[n_alarm - 1]
        elif use_theta:
            n_alarm = _lr(xs, ms, alpha, theta, c_arl, val, cases)
        elif alpha == 0:
            n_alarm = _glr_poisson(xs, ms, c_arl, direction, mtilde, big_m, want_cases, val, cases)
        else:
            n_alarm = _glr_nb(xs, ms, alpha, c_arl, direction, mtilde, big_m, val)
            if want_cases:
                _nb_cases(xs, ms, alpha, c_arl, direction, mtilde, big_m, n_alarm, x_max, cases)
        result = cases if want_cases else val
        if n_alarm <= xs.size:
            upper[done : done + n_alarm] = result[:n_alarm]
            alarm[done + n_alarm - 1] = True
            alarms += 1
        done += n_alarm
        last_n = n_alarm
    result = cases if want_cases else val
    if alarms == 0:
        upper[:] = result
    else:
        start = done - last_n
        upper[start:] = result[: total - start]
    for i in range(total):
        if upper[i] != upper[i] or upper[i] < 0:
            upper[i] = 0.0


def _estimated_mu0(counts, columns, model, alpha, frequency, name):
    training = counts[:, : columns[0]]
    missing = np.isnan(training).any(axis=1)
    if missing.any():
        raise DetectionError(
            "%(method)s: estimating mu0 needs every count before the monitored range.",
            method=name,
            series=int(np.argmax(missing)),
        )
    harmonics = check_number(name, "mu0.S", model.get("S", 1), low=0, integer=True)
    trend = model.get("trend", False)
    if not isinstance(trend, bool):
        raise option_error(
            "%(method)s: option %(option)s must be true or false (given: %(value)s).",
            name,
            "mu0.trend",
            trend,
        )
    if model.get("refit"):
        raise DetectionError("%(method)s: option mu0.refit is not supported.", method=name)
    unknown = sorted(set(model) - {"S", "trend", "refit"})
    if unknown:
        raise DetectionError(
            "Unknown option for %(method)s: %(options)s.", method=name, options=", ".join(unknown)
        )
    design = harmonic_design(np.arange(1, columns[0] + 1), frequency, harmonics, trend)
    if training.shape[1] <= design.shape[1]:
        # the fit needs more periods before the range than it has coefficients
        raise too_short(name, design.shape[1] + 2, int(columns[0]) + 1)
    predict = harmonic_design(columns + 1, frequency, harmonics, trend)
    if alpha is None:
        beta, theta = glm_nb(design, training)
        alphas = 1.0 / theta
    elif alpha == 0:
        beta = poisson_fit(design, training)
        alphas = np.zeros(counts.shape[0])
    else:
        beta = negative_binomial_fit(design, training, np.full(counts.shape[0], 1.0 / alpha))
        alphas = np.full(counts.shape[0], alpha)
    return np.exp(beta @ predict.T), alphas


DEFAULTS = {
    "mu0": None,
    "alpha": None,
    "theta": None,
    "c.ARL": 5.0,
    "Mtilde": 1,
    "M": -1,
    "change": "intercept",
    "dir": "inc",
    "ret": "value",
    "xMax": 10000,
    "frequency": 52,
}


def run(counts, first, last, **control) -> Detection:
    """R's control names, "c.ARL" included (hence a keyword dictionary)."""
    name = "glrnb"
    unknown = sorted(set(control) - set(DEFAULTS))
    if unknown:
        raise DetectionError(
            "Unknown option for %(method)s: %(options)s.", method=name, options=", ".join(unknown)
        )
    options = {**DEFAULTS, **control}
    mu0, alpha, theta, Mtilde, M = (options[key] for key in ("mu0", "alpha", "theta", "Mtilde", "M"))
    change, dir, ret, frequency = (options[key] for key in ("change", "dir", "ret", "frequency"))
    c_arl = check_number(name, "c.ARL", options["c.ARL"])
    mtilde = check_number(name, "Mtilde", Mtilde, low=1, integer=True)
    big_m = check_number(name, "M", M, low=-1, integer=True)
    if big_m != -1 and big_m < mtilde:
        raise option_error(
            "%(method)s: option %(option)s must be -1 or at least Mtilde (given: %(value)s).", name, "M", M
        )
    epi = check_choice(name, "change", change, ("intercept", "epi")) == "epi"
    direction = 1 if check_choice(name, "dir", dir, ("inc", "dec")) == "inc" else -1
    want_cases = check_choice(name, "ret", ret, ("value", "cases")) == "cases"
    if epi and want_cases:  # R's epidemic charts return no cases (algo.glrnb stops with an error)
        raise DetectionError("%(method)s: change=epi returns the statistic only (ret=value).", method=name)
    frequency = check_number(name, "frequency", frequency, low=1, integer=True)
    x_max = check_number(name, "xMax", options["xMax"], low=0)
    if alpha is not None:
        alpha = check_number(name, "alpha", alpha, low=0)
    if theta is not None:
        theta = check_number(name, "theta", theta)
        if theta == 1:
            raise option_error(
                "%(method)s: option %(option)s must not be 1 (given: %(value)s).", name, "theta", theta
            )
    counts = np.asarray(counts, dtype=np.float64)
    columns = monitored(counts, first, last, 2 if mu0 is None or isinstance(mu0, dict) else 1, name)
    if mu0 is None or isinstance(mu0, dict):
        means, alphas = _estimated_mu0(counts, columns, mu0 or {}, alpha, frequency, name)
    else:
        if alpha is None:
            raise DetectionError("%(method)s: option alpha is needed when mu0 is given.", method=name)
        try:
            means = np.broadcast_to(np.asarray(mu0, dtype=np.float64), (counts.shape[0], columns.size))
        except ValueError as error:
            raise DetectionError(
                "%(method)s: option mu0 must have one value per monitored period.", method=name
            ) from error
        if not np.all(np.isfinite(means)) or (means <= 0).any():
            raise DetectionError("%(method)s: option mu0 must be positive numbers.", method=name)
        alphas = np.full(counts.shape[0], alpha)
    observed = counts[:, columns]
    missing = np.argwhere(np.isnan(observed))
    if missing.size:
        series, period = missing[0]
        raise DetectionError(
            "%(method)s: a series has no count at period %(period)s of the monitored range.",
            method=name,
            period=int(columns[period]) + 1,
            series=int(series),
        )
    x = np.trunc(observed)  # R passes as.integer(x)
    alarm = np.zeros(observed.shape, dtype=np.bool_)
    upper = np.zeros(observed.shape)
    for index in range(observed.shape[0]):
        _detect(
            x[index],
            np.ascontiguousarray(means[index]),
            float(alphas[index]),
            c_arl,
            direction,
            mtilde,
            big_m,
            0.0 if theta is None else theta,
            theta is not None,
            want_cases,
            x_max,
            alarm[index],
            upper[index],
            epi,
        )
    return Detection(alarm=alarm, upperbound=upper, expected=np.array(means))


METHODS: tuple[Method, ...] = (
    Method("glrnb", run, dict(DEFAULTS), "R surveillance 1.20.3 algo.glrnb (change = 'intercept' or 'epi')"),
)
