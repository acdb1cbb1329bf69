"""The CUSUM of R `surveillance` 1.20.3 `algo.cusum` (Rossi et al. 1999 and its transformations).

The in-control mean m is the mean of all counts before the monitored range (m = NULL), a number, or
m = "glm": a Poisson GLM with one harmonic, log μ = a + b cos(2πt/p) + c sin(2πt/p), fitted to the
periods before the range (t = the period's number, p = frequency) and predicted over it. Each monitored
count is standardised (trans: standard (x − m)/√m, rossi, anscombe, anscombe2nd, pearsonNegBin with alpha,
none); S(t) = max(0, S(t−1) + z(t) − k), S = 0 before the range; alarm iff S(t) ≥ h. The upper bound is
the count that would have reached h at t given S(t−1), back-transformed as R does (standard: ceiling);
negative or undefined bounds are 0, as in R. R's anscombeNegBin (a tabulated hypergeometric function) is
not implemented."""

import numpy as np

from tixi.surveillance.engine.countglm import harmonic_design, poisson_fit
from tixi.surveillance.engine.spec import Detection, DetectionError, Method
from tixi.surveillance.engine.windows import check_choice, check_number, monitored

TRANSFORMS = ("standard", "rossi", "anscombe", "anscombe2nd", "pearsonNegBin", "none")


def _in_control_mean(counts, columns, m, frequency, name):
    training = counts[:, : columns[0]]
    if m is None:
        return training.mean(axis=1)[:, None]
    if isinstance(m, str):
        if m != "glm":
            raise DetectionError(f"{name}: option m must be a number or glm (got {m!r})")
        if np.isnan(training).any():
            raise DetectionError(f"{name}: m=glm needs every count before the monitored range")
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
