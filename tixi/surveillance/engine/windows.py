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
        raise DetectionError("counts must be a matrix: one row per series, one column per period.")
    n_periods = counts.shape[1]
    if first > last:
        raise DetectionError(
            "The range %(first)s:%(last)s is empty: the first period comes after the last.",
            first=first,
            last=last,
        )
    if last > n_periods or first < 1:
        raise DetectionError(
            "The range %(first)s:%(last)s is outside the %(n)s periods of the series.",
            first=first,
            last=last,
            n=n_periods,
        )
    if first < earliest:
        raise too_short(name, earliest, first)
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
        raise option_error(
            "%(method)s: option %(option)s must be a number (given: %(value)s).", name, option, value
        )
    if integer and float(value) != int(value):
        raise option_error(
            "%(method)s: option %(option)s must be a whole number (given: %(value)s).", name, option, value
        )
    if not np.isfinite(value):
        raise option_error(
            "%(method)s: option %(option)s must be finite (given: %(value)s).", name, option, value
        )
    if low is not None and value <= low and strict_low:
        raise option_error(
            "%(method)s: option %(option)s must be greater than %(bound)s (given: %(value)s).",
            name,
            option,
            value,
            bound=low,
        )
    if low is not None and value < low:
        raise option_error(
            "%(method)s: option %(option)s must be at least %(bound)s (given: %(value)s).",
            name,
            option,
            value,
            bound=low,
        )
    if high is not None and value > high:
        raise option_error(
            "%(method)s: option %(option)s must be at most %(bound)s (given: %(value)s).",
            name,
            option,
            value,
            bound=high,
        )
    return int(value) if integer else float(value)


def check_choice(name: str, option: str, value, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise option_error(
            "%(method)s: option %(option)s must be one of %(choices)s (given: %(value)s).",
            name,
            option,
            value,
            choices=", ".join(choices),
        )
    return value


def check_below_one(name: str, option: str, value: float) -> float:
    """A level such as alpha: R refuses 1 and above."""
    if value >= 1:
        raise option_error(
            "%(method)s: option %(option)s must be below 1 (given: %(value)s).", name, option, value
        )
    return value


def option_error(msgid: str, name: str, option: str, value, **params) -> DetectionError:
    return DetectionError(msgid, method=name, option=option, value=value, **params)


def too_short(name: str, earliest: int, first: int) -> DetectionError:
    """The range starts before the first period the method can monitor; `minimum` lets the caller
    name a series that is shorter than that."""
    return DetectionError(
        "%(method)s with these options monitors from period %(minimum)s on (it needs the periods before as "
        "its baseline); the range starts at %(first)s.",
        method=name,
        minimum=earliest,
        first=first,
    )
