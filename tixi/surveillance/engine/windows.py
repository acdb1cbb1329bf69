"""Helpers the simple methods share: checking the monitored range, reading fixed windows of past counts,
and R's mean/sd over those windows (two-pass, so a flat window has sd exactly 0 as in R)."""

from statistics import NormalDist

import numpy as np

from tixi.surveillance.engine.spec import DetectionError

CHUNK_SERIES = 4096  # windows are copied per chunk of series so 100,000 series stay within memory


def monitored(counts: np.ndarray, first: int, last: int, earliest: int, name: str) -> np.ndarray:
    """0-based columns of `first..last` (1-based, inclusive); refuses a range before `earliest` (1-based),
    the first period whose history the method can read, or past the end of the series."""
    counts = np.asarray(counts)
    if counts.ndim != 2:
        raise DetectionError(f"{name}: counts must be a matrix of series × periods")
    n_periods = counts.shape[1]
    if first > last:
        raise DetectionError(f"{name}: range {first}:{last} is empty")
    if last > n_periods or first < 1:
        raise DetectionError(f"{name}: range {first}:{last} is outside the {n_periods} periods of the series")
    if first < earliest:
        raise DetectionError(
            f"{name}: the series is too short: the first monitored period must be at least {earliest} "
            f"(got {first})"
        )
    return np.arange(first - 1, last)


def window_values(counts: np.ndarray, columns: np.ndarray, lags: np.ndarray) -> np.ndarray:
    """counts[:, columns - lag] for each lag: shape (n_series, n_columns, n_lags)."""
    index = columns[:, None] - lags[None, :]
    return counts[:, index]


def mean_sd(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and n−1 sample sd over the last axis (R's mean() and sd(); NaN when a value is missing)."""
    mean = values.mean(axis=-1)
    deviation = values - mean[..., None]
    sd = np.sqrt((deviation * deviation).sum(axis=-1) / (values.shape[-1] - 1))
    return mean, sd


def qnorm_upper(alpha: float) -> float:
    """qnorm(1 - alpha)."""
    return NormalDist().inv_cdf(1.0 - alpha)


def check_number(name: str, option: str, value, *, low=None, high=None, integer=False, strict_low=False):
    """An option's value as a number within bounds, or a DetectionError naming the option."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise DetectionError(f"{name}: option {option} must be a number (got {value!r})")
    if integer and float(value) != int(value):
        raise DetectionError(f"{name}: option {option} must be a whole number (got {value!r})")
    if not np.isfinite(value):
        raise DetectionError(f"{name}: option {option} must be finite (got {value!r})")
    if low is not None and (value <= low if strict_low else value < low):
        bound = f"greater than {low}" if strict_low else f"at least {low}"
        raise DetectionError(f"{name}: option {option} must be {bound} (got {value!r})")
    if high is not None and value > high:
        raise DetectionError(f"{name}: option {option} must be at most {high} (got {value!r})")
    return int(value) if integer else float(value)


def check_choice(name: str, option: str, value, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise DetectionError(f"{name}: option {option} must be one of {', '.join(choices)} (got {value!r})")
    return value
