"""China CDC's CIDARS methods: the moving percentile method (temporal diseases) and fixed thresholds
(single-case diseases), over many series at once.

Moving percentile method (移动百分位数法), as CIDARS runs it and as the published evaluations describe
it (Yang 2011; Songjiang, BMC Public Health 2017): the count of the current period is compared with
the same calendar window of the past `b` years — for each past year the period `frequency·y` back and
`w` periods either side of it, so b·(2w+1) values (5 years × 5 weeks = 25 with the defaults) — and a
signal is raised when the current count exceeds the chosen percentile of them (P80 by default; the
per-disease values P40–P80 are the Disease table's). The percentile is numpy's linear one (R's
`quantile(type = 7)`). A zero count never signals. National baseline details (years, window) were not
published; the defaults follow the Songjiang 5-week × 5-year window and can be set per disease.

Fixed threshold (固定阈值法): `threshold` cases (1 by default: plague, cholera, SARS, polio, human
avian influenza, pulmonary anthrax...) in a period is a signal. The upper bound reported is the
threshold itself; the alarm is `count >= threshold` (a bound that is reached, not exceeded).
"""

import numpy as np

from tixi.surveillance.engine.spec import Detection, DetectionError, Method

VERSION = "1"


def _check_range(counts: np.ndarray, first: int, last: int) -> None:
    if counts.ndim != 2:
        raise DetectionError("counts must be a matrix: one row per series, one column per period")
    if not 1 <= first <= last <= counts.shape[1]:
        raise DetectionError(f"range {first}:{last} is outside the series' 1:{counts.shape[1]} periods")


def moving_percentile(
    counts: np.ndarray, first: int, last: int, *, frequency=52, b=5, w=2, percentile=80.0
) -> Detection:
    counts = np.asarray(counts, dtype=np.float64)
    _check_range(counts, first, last)
    frequency, b, w = int(frequency), int(b), int(w)
    if frequency < 1 or b < 1 or w < 0:
        raise DetectionError("frequency and b must be at least 1, w at least 0")
    if not 0 <= float(percentile) <= 100:
        raise DetectionError("percentile must lie between 0 and 100")
    needed = b * frequency + w + 1  # the first period with a full baseline (1-based)
    if first < needed:
        raise DetectionError(
            f"the moving percentile method with b={b}, w={w}, frequency={frequency} needs "
            f"{needed - 1} periods before the first monitored one; the range starts at {first}"
        )
    monitored = np.arange(first - 1, last)  # 0-based columns
    offsets = np.array([-y * frequency + j for y in range(1, b + 1) for j in range(-w, w + 1)])
    columns = monitored[:, None] + offsets[None, :]  # (n_monitored, b·(2w+1))
    baseline = counts[:, columns]  # (n_series, n_monitored, n_baseline)
    # a window that reaches past the data's end (w periods after the same week a year ago never
    # does) or holds missing counts uses what it has
    with np.errstate(all="ignore"):
        upper = np.nanpercentile(baseline, float(percentile), axis=2)
        expected = np.nanmedian(baseline, axis=2)
    observed = counts[:, monitored]
    alarm = (observed > upper) & (observed > 0) & ~np.isnan(observed)
    return Detection(alarm=alarm, upperbound=upper, expected=expected)


def fixed_threshold(counts: np.ndarray, first: int, last: int, *, threshold=1) -> Detection:
    counts = np.asarray(counts, dtype=np.float64)
    _check_range(counts, first, last)
    if float(threshold) <= 0:
        raise DetectionError("threshold must be a positive number of cases")
    observed = counts[:, first - 1 : last]
    alarm = ~np.isnan(observed) & (observed >= float(threshold))
    upper = np.full(observed.shape, float(threshold))
    return Detection(alarm=alarm, upperbound=upper, expected=np.zeros(observed.shape))


METHODS: tuple[Method, ...] = (
    Method(
        "cidars-percentile",
        moving_percentile,
        defaults={"frequency": 52, "b": 5, "w": 2, "percentile": 80.0},
        reference=f"CIDARS moving percentile method v{VERSION} (count > P of b years × (2w+1) periods)",
    ),
    Method(
        "fixed-threshold",
        fixed_threshold,
        defaults={"threshold": 1},
        reference=f"CIDARS fixed threshold v{VERSION} (count >= threshold)",
    ),
)
