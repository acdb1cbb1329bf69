"""Count GLMs with a log link fitted to many series at once on one shared design matrix, as R fits them:
`glm(family = poisson())` (IRLS of glm.fit, started at y + 0.1), `glm(family = negative.binomial(theta))`
and MASS `glm.nb` (alternating IRLS and theta.ml). Each series is iterated until its own convergence."""

import numba
import numpy as np
from scipy.special import digamma, gammaln

EPSILON = 1e-8  # glm.control()
MAXIT = 25


def _irls(design: np.ndarray, y: np.ndarray, eta: np.ndarray, theta: np.ndarray | None):
    """glm.fit's IRLS for the Poisson (theta None) or negative binomial(theta per series) log-link GLM.
    Returns (beta, mu)."""
    n_series = y.shape[0]
    beta = np.zeros((n_series, design.shape[1]))
    mu = np.exp(eta)
    deviance_old = _deviance(y, mu, theta)
    active = np.ones(n_series, dtype=bool)
    for _ in range(MAXIT):
        if not active.any():
            break
        m = mu[active]
        variance = m if theta is None else m + m * m / theta[active, None]
        weights = m * m / variance  # (dmu/deta)² / V
        working = eta[active] + (y[active] - m) / m
        xtwx = np.einsum("ni,sn,nj->sij", design, weights, design)
        xtwz = np.einsum("ni,sn->si", design, weights * working)
        new_beta = np.linalg.solve(xtwx, xtwz[..., None])[..., 0]
        beta[active] = new_beta
        eta[active] = new_beta @ design.T
        mu[active] = np.exp(eta[active])
        deviance = _deviance(y[active], mu[active], None if theta is None else theta[active])
        done = np.abs(deviance - deviance_old[active]) / (np.abs(deviance) + 0.1) < EPSILON
        deviance_old[active] = deviance
        index = np.flatnonzero(active)
        active[index[done]] = False
    return beta, mu


def _deviance(y, mu, theta):
    with np.errstate(divide="ignore", invalid="ignore"):
        ylogy = np.where(y > 0, y * np.log(y / mu), 0.0)
        if theta is None:
            return 2 * (ylogy - (y - mu)).sum(axis=1)
        th = theta[:, None]
        return 2 * (ylogy - (y + th) * np.log((y + th) / (mu + th))).sum(axis=1)


def poisson_fit(design: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Coefficients (n_series, p) of glm(y ~ design - 1, family = poisson())."""
    return _irls(design, y, np.log(y + 0.1), None)[0]


def negative_binomial_fit(design: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """glm(family = negative.binomial(theta)), started as glm.fit does (mustart = y + (y == 0)/6)."""
    return _irls(design, y, np.log(y + (y == 0) / 6.0), np.asarray(theta, dtype=np.float64))[0]


@numba.vectorize(["float64(float64)"], cache=True)
def _trigamma(x):
    """ψ′(x) for x > 0: the recurrence ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series
    (relative error below 1e-12; scipy's polygamma goes through the Hurwitz zeta and is far slower)."""
    total = 0.0
    while x < 10:
        total += 1.0 / (x * x)
        x += 1.0
    inverse = 1.0 / x
    inverse2 = inverse * inverse
    series = (
        inverse
        + inverse2 / 2
        + inverse
        * inverse2
        * (1 / 6 - inverse2 * (1 / 30 - inverse2 * (1 / 42 - inverse2 * (1 / 30 - inverse2 * 5 / 66))))
    )
    return total + series


def _theta_ml(y: np.ndarray, mu: np.ndarray, limit: int = MAXIT) -> np.ndarray:
    """MASS::theta.ml per series (Newton steps from the moment estimate, eps = .Machine$double.eps^0.25)."""
    eps = np.finfo(float).eps ** 0.25
    n = y.shape[1]
    theta = n / ((y / mu - 1) ** 2).sum(axis=1)
    delta = np.ones(y.shape[0])
    for _ in range(limit - 1):
        active = np.abs(delta) > eps
        if not active.any():
            break
        t = np.abs(theta[active])[:, None]
        ya, ma = y[active], mu[active]
        score = (digamma(t + ya) - digamma(t) + np.log(t) + 1 - np.log(t + ma) - (ya + t) / (ma + t)).sum(1)
        info = (-_trigamma(t + ya) + _trigamma(t) - 1 / t + 2 / (ma + t) - (ya + t) / (ma + t) ** 2).sum(1)
        delta[active] = score / info
        theta[active] = t[:, 0] + delta[active]
    return np.maximum(theta, 0.0)


def _nb_loglik(theta, mu, y):
    th = theta[:, None]
    return (
        gammaln(th + y)
        - gammaln(th)
        - gammaln(y + 1)
        + th * np.log(th)
        + y * np.log(mu + (y == 0))
        - (th + y) * np.log(th + mu)
    ).sum(axis=1)


def glm_nb(design: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """MASS::glm.nb per series: (coefficients (n_series, p), theta (n_series,))."""
    beta, mu = _irls(design, y, np.log(y + 0.1), None)
    theta = _theta_ml(y, mu)
    d1 = np.sqrt(2 * max(1, y.shape[1] - design.shape[1]))
    loglik = _nb_loglik(theta, mu, y)
    loglik_old = loglik + 2 * d1
    delta = np.ones(y.shape[0])
    active = np.ones(y.shape[0], dtype=bool)
    for _ in range(MAXIT):
        active &= np.abs(loglik_old - loglik) / d1 + np.abs(delta) > EPSILON
        if not active.any():
            break
        index = np.flatnonzero(active)
        new_beta, new_mu = _irls(design, y[index], np.log(mu[index]), theta[index])
        theta_old = theta[index]
        new_theta = _theta_ml(y[index], mu[index])  # glm.nb updates theta on the previous fit's mu
        beta[index], mu[index], theta[index] = new_beta, new_mu, new_theta
        delta[index] = theta_old - new_theta
        loglik_old[index] = loglik[index]
        loglik[index] = _nb_loglik(new_theta, new_mu, y[index])
    return beta, theta


def harmonic_design(t: np.ndarray, frequency: int, harmonics: int, trend: bool) -> np.ndarray:
    """Columns 1, [t], cos(2πst/p), sin(2πst/p) for s = 1..harmonics, as R's formula builds them."""
    columns = [np.ones_like(t, dtype=np.float64)]
    if trend:
        columns.append(t.astype(np.float64))
    for s in range(1, harmonics + 1):
        columns.append(np.cos(2 * s * np.pi / frequency * t))
        columns.append(np.sin(2 * s * np.pi / frequency * t))
    return np.column_stack(columns)
