"""The CUSUM of R `surveillance` 1.20.3 `algo.cusum` (Rossi et al. 1999 and its transformations).

The in-control mean m is the mean of all counts before the monitored range (m = NULL), a number, or
m = "glm": a Poisson GLM with one harmonic, log μ = a + b cos(2πt/p) + c sin(2πt/p), fitted to the
periods before the range (t = the period's number, p = frequency) and predicted over it. Each monitored
count is standardised (trans: standard (x − m)/√m, rossi, anscombe, anscombe2nd, pearsonNegBin with alpha,
none); S(t) = max(0, S(t−1) + z(t) − k), S = 0 before the range; alarm iff S(t) ≥ h. The upper bound is
the count that would have reached h at t given S(t−1), back-transformed as R does (standard: ceiling);
negative or undefined bounds are 0, as in R. anscombeNegBin is R's Anscombe residual of the negative
binomial, 1.5·(y^⅔·F(−αy) − μ^⅔·F(−αμ)) / (μ + αμ²)^⅙ with F = ₂F₁(⅓, ⅔; 5/3; ·) looked up as R does in its
table (nearest of 0, −0.01 … −10; linear between −10, −11 … −100; undefined beyond −100); the table is
computed here with scipy (R's stored values agree to 2.5e-10 relative); its bound is h − S(t), as R's.
R stops for anscombeNegBin with m = glm (a vector reaches a scalar test), so it is refused here."""

import numpy as np
from scipy.special import hyp2f1

from tixi.surveillance.engine.countglm import harmonic_design, poisson_fit
from tixi.surveillance.engine.spec import Detection, DetectionError, Method
from tixi.surveillance.engine.windows import check_choice, check_number, monitored, option_error

TRANSFORMS = ("standard", "rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "anscombeNegBin", "none")
# R's surveillance.gvar.z / .hyp: ₂F₁(1/3, 2/3; 5/3; z) at z = 0, −0.01, …, −10, then −11, …, −100
_HYP_Z = np.concatenate([-np.arange(0, 1001) / 100, -np.arange(11, 101, dtype=np.float64)])
_HYP = hyp2f1(1 / 3, 2 / 3, 5 / 3, _HYP_Z)


def _hypergeometric_special(x):
    """R's hypgeom2F1special, element by element: the nearest tabulated value from −10 up, linear
    interpolation between neighbours below −10 (NaN past the table's end, as R's NA)."""
    x = np.asarray(x, dtype=np.float64)
    flat = x.ravel()
    out = np.empty_like(flat)
    for start in range(0, flat.size, 4096):
        chunk = flat[start : start + 4096]
        idx = np.argmin(np.abs(_HYP_Z[None, :] - chunk[:, None]), axis=1)  # which.min: the first nearest
        below = chunk - _HYP_Z[idx] < 0
        low = np.where(below, idx + 1, idx)
        up = np.where(below, idx, idx - 1)
        inside = (low < _HYP.size) & (up >= 0)
        lowc, upc = np.clip(low, 0, _HYP.size - 1), np.clip(up, 0, _HYP.size - 1)
        line = _HYP[lowc] + (_HYP[upc] - _HYP[lowc]) * (chunk - _HYP_Z[lowc])
        line = np.where(inside, line, np.nan)
        out[start : start + chunk.size] = np.where(chunk >= -10, _HYP[idx], line)
    return out.reshape(x.shape)


def anscombe_negative_binomial(y, mu, alpha):
    """R's anscombeNB(y, mu, alpha)."""
    at_mean = 1.5 * mu ** (2 / 3) * _hypergeometric_special(-alpha * mu)
    up = 1.5 * y ** (2 / 3) * _hypergeometric_special(-alpha * y) - at_mean
    return up / (mu + alpha * mu**2) ** (1 / 6)


def _in_control_mean(counts, columns, m, frequency, name):
    training = counts[:, : columns[0]]
    if m is None:
        return training.mean(axis=1)[:, None]
    if isinstance(m, str):
        if m != "glm":
            raise option_error(
                "%(method)s: option %(option)s must be a number or glm (given: %(value)s).", name, "m", m
            )
        missing = np.isnan(training).any(axis=1)
        if missing.any():
            raise DetectionError(
                "%(method)s: m=glm needs every count before the monitored range.",
                method=name,
                series=int(np.argmax(missing)),
            )
        design = harmonic_design(np.arange(1, columns[0] + 1), frequency, 1, False)
        beta = poisson_fit(design, training)
        return np.exp(beta @ harmonic_design(columns + 1, frequency, 1, False).T)
    return np.full((1, 1), check_number(name, "m", m, low=0, strict_low=True))


def _standardise(x, m, trans, alpha):
    if trans == "rossi":
        return (x - 3 * m + 2 * np.sqrt(x * m)) / (2 * np.sqrt(m))
    if trans == "standard":
        return (x - m) / np.sqrt(m)
    if trans == "anscombe":
        return 1.5 * (x ** (2 / 3) - m ** (2 / 3)) / m ** (1 / 6)
    if trans == "anscombe2nd":
        return (x ** (2 / 3) - (m ** (2 / 3) - m ** (-1 / 3) / 9)) / (2 / 3 * m ** (1 / 6))
    if trans == "pearsonNegBin":
        return (x - m) / np.sqrt(m + alpha * m**2)
    if trans == "anscombeNegBin":
        return anscombe_negative_binomial(x, m, alpha)
    return x


def _bound(m, h, k, previous, cusum, trans, alpha):
    if trans == "rossi":
        sm = np.sqrt(m)
        return (
            2 * h * sm
            + 2 * k * sm
            - 2 * previous * sm
            + 5 * m
            - 2 * np.sqrt(4 * m**2 + 2 * m**1.5 * h + 2 * m**1.5 * k - 2 * m**1.5 * previous)
        )
    if trans == "standard":
        return np.ceil(np.sqrt(m) * (h + k - previous) + m)
    if trans == "anscombe":
        base = 2 / 3 * m ** (1 / 6) * (h + k - previous) + m ** (2 / 3)
        return np.where(base < 0, 0.0, np.abs(base) ** 1.5)
    if trans == "anscombe2nd":
        base = 2 / 3 * m ** (1 / 6) * (h + k - previous) + (m ** (2 / 3) - m ** (1 / 3) / 9)
        return np.where(base < 0, 0.0, np.abs(base) ** 1.5)
    if trans == "pearsonNegBin":
        return np.sqrt(m + alpha * m**2) * (h + k - previous) + m
    return h - cusum


def run(counts, first, last, *, k=1.04, h=2.26, m=None, trans="standard", alpha=None, frequency=52):
    name = "cusum"
    k = check_number(name, "k", k)
    h = check_number(name, "h", h)
    trans = check_choice(name, "trans", trans, TRANSFORMS)
    alpha = 0.1 if alpha is None else check_number(name, "alpha", alpha, low=0)
    frequency = check_number(name, "frequency", frequency, low=1, integer=True)
    counts = np.asarray(counts, dtype=np.float64)
    if trans == "anscombeNegBin" and isinstance(m, str):
        raise DetectionError(
            "%(method)s: trans=anscombeNegBin needs m as the mean before the range or a number.", method=name
        )
    columns = monitored(counts, first, last, 2 if m is None or m == "glm" else 1, name)
    mean = _in_control_mean(counts, columns, m, frequency, name)
    x = counts[:, columns]
    mean = np.broadcast_to(mean, x.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = _standardise(x, mean, trans, alpha)
        cusum = np.empty_like(x)
        running = np.zeros(x.shape[0])
        for column in range(x.shape[1]):
            # R's max(0, NaN) is NaN: an undefined statistic stays undefined
            running = np.maximum(0.0, running + (z[:, column] - k))
            cusum[:, column] = running
        previous = np.concatenate([np.zeros((x.shape[0], 1)), cusum[:, :-1]], axis=1)
        upper = _bound(mean, h, k, previous, cusum, trans, alpha)
    upper = np.where(np.isnan(upper) | (upper < 0), 0.0, upper)
    return Detection(alarm=cusum >= h, upperbound=upper, expected=np.array(mean, dtype=np.float64))


METHODS: tuple[Method, ...] = (
    Method(
        "cusum",
        run,
        {"k": 1.04, "h": 2.26, "m": None, "trans": "standard", "alpha": None, "frequency": 52},
        "R surveillance 1.20.3 algo.cusum",
    ),
)
