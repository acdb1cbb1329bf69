"""Count series built on the fly: disease (or channel category) × division × period (day, ISO week,
month), dated by onset or report, in one query and numpy."""

import datetime as dt
from dataclasses import dataclass

import numpy as np

from tixi.geo.models import Division
from tixi.surveillance.models import CASES, CaseReport, ChannelCount, DateBasis, Resolution

SEGMENT = 13  # a division code and its slash in a materialised path


@dataclass(frozen=True)
class SeriesKey:
    source: str  # "cases" or a channel
    code: str  # disease code or channel category
    division_path: str
    resolution: str
    basis: str


@dataclass
class SeriesSet:
    keys: list[SeriesKey]
    starts: list[dt.date]  # the first day of each period
    counts: np.ndarray  # (len(keys), len(starts)) float64, whole numbers
    divisions: dict[str, Division]  # path -> the division of a series

    def labels(self) -> list[str]:
        return [
            period_label(s, self.keys[0].resolution if self.keys else Resolution.DAY) for s in self.starts
        ]

    def row(self, key: SeriesKey) -> np.ndarray | None:
        try:
            return self.counts[self.keys.index(key)]
        except ValueError:
            return None


def period_start(day: dt.date, resolution: str) -> dt.date:
    if resolution == Resolution.WEEK:
        return day - dt.timedelta(days=day.weekday())  # the Monday of its ISO week
    if resolution == Resolution.MONTH:
        return day.replace(day=1)
    return day


def period_label(start: dt.date, resolution: str) -> str:
    if resolution == Resolution.WEEK:
        year, week, _day = start.isocalendar()
        return f"{year}-W{week:02d}"
    if resolution == Resolution.MONTH:
        return f"{start:%Y-%m}"
    return start.isoformat()


def period_starts(first: dt.date, last: dt.date, resolution: str) -> list[dt.date]:
    start, end = period_start(first, resolution), period_start(last, resolution)
    if resolution == Resolution.MONTH:
        months = (end.year - start.year) * 12 + end.month - start.month
        return [
            dt.date(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1, 1)
            for k in range(months + 1)
        ]
    step = 7 if resolution == Resolution.WEEK else 1
    return [start + dt.timedelta(days=step * k) for k in range((end - start).days // step + 1)]


def _period_index(days: np.ndarray, first: dt.date, resolution: str) -> np.ndarray:
    """Column of each date (datetime64[D]) in the series that starts with the period of `first`."""
    origin = np.datetime64(period_start(first, resolution), "D")
    if resolution == Resolution.MONTH:
        months = days.astype("datetime64[M]").astype(np.int64)
        return months - origin.astype("datetime64[M]").astype(np.int64)
    offset = (days - origin).astype(np.int64)
    if resolution == Resolution.WEEK:
        # datetime64 day 0 (1970-01-01) is a Thursday: weeks counted from the origin Monday
        return offset // 7
    return offset


def ancestor(path: str, level: int) -> str | None:
    """The path of the division at `level` (1 = province) above or at `path`; None when above it."""
    parts = path.rstrip("/").split("/")
    if len(parts) < level:
        return None
    return "/".join(parts[:level]) + "/"


def build(
    source: str,
    codes,
    level: int,
    resolution: str,
    first: dt.date,
    last: dt.date,
    *,
    basis: str = DateBasis.REPORT,
    within: str = "",
    queryset=None,
) -> SeriesSet:
    """Every series of `source` for `codes` at division `level`, from `first` to `last` (whole periods):
    one query, counted with numpy. `within` (a division path) keeps one subtree; `queryset` (already
    scoped to a user) replaces the model's whole table."""
    starts = period_starts(first, last, resolution)
    lo, hi = starts[0], last
    if source == CASES:
        date_field = "onset_date" if basis == DateBasis.ONSET else "report_date"
        rows = (queryset if queryset is not None else CaseReport.objects.all()).filter(
            disease_code__in=list(codes), **{f"{date_field}__gte": lo, f"{date_field}__lte": hi}
        )
        if within:
            rows = rows.filter(division__path__startswith=within)
        data = list(rows.values_list("disease_code", "division__path", date_field))
        weights = None
    else:
        rows = (queryset if queryset is not None else ChannelCount.objects.all()).filter(
            channel=source, category__in=list(codes), date__gte=lo, date__lte=hi
        )
        if within:
            rows = rows.filter(division__path__startswith=within)
        data = list(rows.values_list("category", "division__path", "date", "count"))
        weights = np.array([r[3] for r in data], dtype=np.float64)
    if source != CASES:
        basis = DateBasis.REPORT  # a channel's count is dated by the day it counts
    placed = [(code, ancestor(path, level)) for code, path, *_rest in data]
    keep = np.array([p is not None for _c, p in placed], dtype=bool)
    pairs = sorted({(c, p) for c, p in placed if p is not None})
    keys = [SeriesKey(source, c, p, resolution, basis) for c, p in pairs]
    counts = np.zeros((len(keys), len(starts)), dtype=np.float64)
    if keys:
        index_of = {pair: k for k, pair in enumerate(pairs)}
        rows_index = np.array([index_of.get(pair, -1) for pair in placed], dtype=np.int64)
        days = np.array([r[2] for r in data], dtype="datetime64[D]")
        columns = _period_index(days, starts[0], resolution)
        ok = keep & (columns >= 0) & (columns < len(starts))
        np.add.at(counts, (rows_index[ok], columns[ok]), 1.0 if weights is None else weights[ok])
    divisions = _divisions({k.division_path for k in keys})
    return SeriesSet(keys=keys, starts=starts, counts=counts, divisions=divisions)


def _divisions(paths: set[str]) -> dict[str, Division]:
    """The division of each path (its latest version where a code has several)."""
    found: dict[str, Division] = {}
    for division in Division.objects.filter(path__in=paths).order_by("valid_from"):
        found[division.path] = division
    return found
