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

from tixi.surveillance.engine.spec import Detection, Method
from tixi.surveillance.engine.windows import check_number, monitored, too_short

VERSION = "1"


def moving_percentile(
    counts: np.ndarray, first: int, last: int, *, frequency=52, b=5, w=2, percentile=80.0
) -> Detection:
    name = "cidars-percentile"
    counts = np.asarray(counts, dtype=np.float64)
    monitored_columns = monitored(counts, first, last, 1, name)
    frequency = check_number(name, "frequency", frequency, low=1, integer=True)
    b = check_number(name, "b", b, low=1, integer=True)
    w = check_number(name, "w", w, low=0, integer=True)
    percentile = check_number(name, "percentile", percentile, low=0, high=100)
    needed = b * frequency + w + 1  # the first period with a full baseline (1-based)
    if first < needed:
        raise too_short(name, needed, first)
    offsets = np.array([-y * frequency + j for y in range(1, b + 1) for j in range(-w, w + 1)])
    columns = monitored_columns[:, None] + offsets[None, :]  # (n_monitored, b·(2w+1))
    baseline = counts[:, columns]  # (n_series, n_monitored, n_baseline)
    # a window that reaches past the data's end (w periods after the same week a year ago never
    # does) or holds missing counts uses what it has
    with np.errstate(all="ignore"):
        upper = np.nanpercentile(baseline, float(percentile), axis=2)
        expected = np.nanmedian(baseline, axis=2)
    observed = counts[:, monitored_columns]
    alarm = (observed > upper) & (observed > 0) & ~np.isnan(observed)
    return Detection(alarm=alarm, upperbound=upper, expected=expected)


def fixed_threshold(counts: np.ndarray, first: int, last: int, *, threshold=1) -> Detection:
    counts = np.asarray(counts, dtype=np.float64)
    monitored(counts, first, last, 1, "fixed-threshold")
    threshold = check_number("fixed-threshold", "threshold", threshold, low=0, strict_low=True)
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
