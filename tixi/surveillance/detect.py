"""Detection on a file as one action: read SERIES.csv, check every row and option, run the method,
write the alarms (all or nothing). Used by `tixi surveillance detect`; messages are translated
here (Chinese by default), the engine stays without Django.
"""

import csv
import datetime as dt
import io
import json
import math
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.utils.translation import gettext, gettext_noop

from tixi.core.exports import Column, Table, csv_bytes
from tixi.exchange.engine import reading
from tixi.surveillance.engine.methods import METHODS
from tixi.surveillance.engine.methods import method as method_named
from tixi.surveillance.engine.spec import Detection, DetectionError, Method
from tixi.surveillance.models import Resolution
from tixi.surveillance.refusals import translated

ALIASES = {"freq": "frequency"}  # R's sts slot; the CLI says --frequency
TRUE, FALSE = {"true", "t", "1", "yes"}, {"false", "f", "0", "no"}


class DetectInputError(ValueError):
    """A refused input, its message translated (Chinese by default)."""


def refuse(msgid: str, **params) -> DetectInputError:
    """The refusal in the user's language; call with gettext_noop("...") so that the msgid is extracted."""
    return DetectInputError(gettext(msgid) % params if params else gettext(msgid))


def option_name(r_name: str) -> str:
    """The CLI's name of an R control: noPeriods -> no-periods, c.ARL -> c-arl."""
    r_name = ALIASES.get(r_name, r_name)
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", r_name).replace(".", "-").replace("_", "-").lower()


# ------------------------------------------------------------------------------------------
# Options
# ------------------------------------------------------------------------------------------


def parse_controls(method: Method, tokens: list[str]) -> dict:
    """`--b 5 --alpha=0.01 ...` -> R's control names with values of the defaults' types. An option
    the method does not use is refused, naming the ones it does."""
    by_option = {option_name(name): name for name in method.defaults}
    allowed = ", ".join(f"--{o}" for o in sorted(by_option))
    control: dict = {}
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if not token.startswith("--") or token == "--":
            raise refuse(gettext_noop("Unexpected argument %(token)s."), token=token)
        name, equals, value = token[2:].partition("=")
        if not equals:
            if position + 1 >= len(tokens):
                raise refuse(gettext_noop("--%(option)s needs a value."), option=name)
            value = tokens[position + 1]
            position += 1
        position += 1
        if name not in by_option:
            raise refuse(
                gettext_noop("--%(option)s is not an option of %(method)s; its options are: %(allowed)s."),
                option=name,
                method=method.name,
                allowed=allowed,
            )
        r_name = by_option[name]
        if r_name in control:
            raise refuse(gettext_noop("--%(option)s is given twice."), option=name)
        control[r_name] = parse_value(name, value, method.defaults[r_name])
    return control


def parse_value(option: str, text: str, default):
    text = text.strip()
    if isinstance(default, bool):
        if text.lower() in TRUE:
            return True
        if text.lower() in FALSE:
            return False
        raise refuse(
            gettext_noop("--%(option)s is TRUE or FALSE (given: %(value)s)."), option=option, value=text
        )
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise refuse(
                gettext_noop("--%(option)s is a whole number (given: %(value)s)."), option=option, value=text
            ) from None
    if isinstance(default, float):
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise refuse(
                gettext_noop("--%(option)s is a number (given: %(value)s)."), option=option, value=text
            )
        return number
    if isinstance(default, tuple):
        try:
            return tuple(int(part) for part in text.split(","))
        except ValueError:
            raise refuse(
                gettext_noop("--%(option)s is whole numbers separated by commas (given: %(value)s)."),
                option=option,
                value=text,
            ) from None
    if default is None:  # e.g. pastWeeksNotIncluded: a number when given
        for kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                pass
    return text


def parse_range(text: str | None, series: "Series") -> tuple[int, int] | None:
    """FIRST:LAST as period numbers (1 = the CSV's first period) or, for dated rows, in the CSV's own
    terms (2024-W10:2024-W20, 2024-03-01:2024-05-31)."""
    if text is None:
        return None
    first, colon, last = text.partition(":")

    def number(part: str) -> int | None:
        part = part.strip()
        if re.fullmatch(r"-?\d+", part):
            return int(part)
        return series.number(part) if series.calendar.dated else None

    first_period, last_period = number(first), number(last)
    if not colon or first_period is None or last_period is None:
        if series.calendar.dated:
            raise refuse(
                gettext_noop(
                    "--range is FIRST:LAST, two period numbers or two periods written as in the CSV's "
                    "%(column)s column (given: %(value)s)."
                ),
                column=series.calendar.column,
                value=text,
            )
        raise refuse(
            gettext_noop("--range is FIRST:LAST, two period numbers (given: %(value)s)."), value=text
        )
    if first_period < 1 or last_period < first_period:
        if series.calendar.dated:
            raise refuse(
                gettext_noop(
                    "--range %(value)s: the CSV starts at %(first)s and FIRST comes no later than LAST."
                ),
                value=text,
                first=series.label(1),
            )
        raise refuse(
            gettext_noop("--range %(value)s: periods start at 1 and FIRST comes no later than LAST."),
            value=text,
        )
    return first_period, last_period


def default_range(method: Method, control: dict, n_periods: int) -> tuple[int, int]:
    """R's default range: farringtonFlexible (freq*b + w + 1):n, algo.farrington (freq*b - w):n;
    other methods: from the first period they can monitor (as the method refuses) to the end."""
    frequency, b, w = control.get("frequency"), control.get("b"), control.get("w")
    if method.name == "farrington-flexible":
        return frequency * b + w + 1, n_periods
    if method.name == "farrington":
        return frequency * b - w, n_periods
    raise refuse(gettext_noop("--range is required with %(method)s."), method=method.name)


# ------------------------------------------------------------------------------------------
# SERIES.csv
# ------------------------------------------------------------------------------------------

PERIODS = ("day", "week", "month")
TIME_COLUMNS = ("period", "date", "week", "month")
ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True)
class Calendar:
    """How the CSV's time column reads: `period` (1, 2, 3 …) or dated by `date` (a day; `--period`
    day, week or month puts it in its period), `week` (ISO week, 2024-W05) or `month` (2024-03).
    A period is a whole number here (a day's, week's or month's ordinal) and a label for the output."""

    column: str
    period: str  # "index", "day", "week" or "month"

    @property
    def dated(self) -> bool:
        return self.period != "index"

    def ordinal(self, text: str, series: str, row: int) -> int:
        text = text.strip()
        if not self.dated:
            value = _whole(text, series, row, "period")
            if value < 1:
                raise refuse(
                    gettext_noop(
                        "Series %(series)s, row %(row)s: the period is %(value)s; periods start at 1."
                    ),
                    series=series,
                    row=row,
                    value=value,
                )
            return value
        try:
            if self.column == "week":
                match = ISO_WEEK.match(text)
                if not match:
                    raise ValueError
                day = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            elif self.column == "month":
                match = MONTH.match(text)
                if not match:
                    raise ValueError
                day = dt.date(int(match[1]), int(match[2]), 1)
            else:
                day = dt.date.fromisoformat(text.replace("/", "-"))
        except ValueError:
            raise refuse(
                {
                    "date": gettext_noop(
                        "Series %(series)s, row %(row)s: the date %(value)r is not a date (YYYY-MM-DD)."
                    ),
                    "week": gettext_noop(
                        "Series %(series)s, row %(row)s: the week %(value)r is not an ISO week (YYYY-Www)."
                    ),
                    "month": gettext_noop(
                        "Series %(series)s, row %(row)s: the month %(value)r is not a month (YYYY-MM)."
                    ),
                }[self.column],
                series=series,
                row=row,
                value=text,
            ) from None
        if self.period == "week":
            return (day.toordinal() - 1) // 7  # day 1 (0001-01-01) is a Monday: weeks from Monday
        if self.period == "month":
            return day.year * 12 + day.month - 1
        return day.toordinal()

    def label(self, ordinal: int) -> str:
        if self.period == "index":
            return str(ordinal)
        if self.period == "week":
            year, week, _day = dt.date.fromordinal(ordinal * 7 + 1).isocalendar()
            return f"{year}-W{week:02d}"
        if self.period == "month":
            return f"{ordinal // 12:04d}-{ordinal % 12 + 1:02d}"
        return dt.date.fromordinal(ordinal).isoformat()


def calendar_of(header: list[str], period: str | None) -> Calendar:
    """The calendar of a header: one time column, and `--period` only where it fits it."""
    if period is not None and period not in PERIODS:
        raise refuse(gettext_noop("--period is day, week or month (given: %(value)s)."), value=period)
    present = [name for name in TIME_COLUMNS if name in header]
    if len(present) > 1:
        raise refuse(
            gettext_noop("The CSV has %(columns)s: give one time column (period, date, week or month)."),
            columns=", ".join(present),
        )
    column = present[0] if present else "period"
    if column == "period":
        if period is not None:
            raise refuse(
                gettext_noop(
                    "--period %(period)s needs dated rows: a date, week or month column instead of period."
                ),
                period=period,
            )
        return Calendar("period", "index")
    if column == "date":
        return Calendar("date", period or "day")
    if period is not None and period != column:
        raise refuse(
            gettext_noop("The %(column)s column counts by %(column)s; --period %(period)s does not fit it."),
            column=column,
            period=period,
        )
    return Calendar(column, column)


@dataclass(frozen=True)
class Series:
    names: list[str]
    counts: np.ndarray  # (n_series, longest), NaN after a series' end
    population: np.ndarray | None
    lengths: list[int]
    last_rows: list[int]  # the CSV row of each series' last period
    calendar: Calendar = Calendar("period", "index")
    origin: int = 1  # the ordinal of period 1

    def label(self, period: int) -> str:
        """Period number `period` (1 = the first) in the CSV's own terms: 7, 2024-W05, 2024-03-01."""
        return self.calendar.label(self.origin + period - 1)

    def number(self, label: str) -> int | None:
        """The period number of a label in the CSV's terms, None when it is not one."""
        try:
            ordinal = self.calendar.ordinal(label, "", 0)
        except DetectInputError:
            return None
        return ordinal - self.origin + 1


def decode(raw: bytes) -> str:
    try:
        return reading.decode(raw)[0]  # the imports' reader: UTF-8 (BOM or not), else GBK
    except reading.ReadError:
        raise refuse(gettext_noop("The CSV is neither UTF-8 nor GBK text.")) from None


def read_series(path: str | Path, period: str | None = None) -> Series:
    path = Path(path)
    if not path.is_file():
        raise refuse(gettext_noop("%(path)s does not exist."), path=str(path))
    reader = csv.reader(io.StringIO(decode(path.read_bytes())))
    header = [cell.strip() for cell in next(reader, [])]
    calendar = calendar_of(header, period)
    required = ["series", calendar.column, "count"]
    missing = [name for name in required if name not in header]
    if missing:
        raise refuse(
            gettext_noop(
                "The CSV needs the header series,period,count (or date, week or month instead of period); "
                "missing: %(missing)s."
            ),
            missing=", ".join(missing),
        )
    extra = [name for name in header if name not in {*required, "population"}]
    if extra:
        raise refuse(
            gettext_noop(
                "Unknown column %(columns)s: the columns are series, period (or date, week or month), count "
                "and optionally population."
            ),
            columns=", ".join(extra),
        )
    column = {name: header.index(name) for name in header}
    seen: dict[tuple[str, int], int] = {}
    rows: dict[str, dict[int, tuple[float, float, int]]] = {}
    for cells in reader:
        row = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise refuse(
                gettext_noop("Row %(row)s has %(n)s cells; the header has %(m)s."),
                row=row,
                n=len(cells),
                m=len(header),
            )
        name = cells[column["series"]].strip()
        if not name:
            raise refuse(gettext_noop("Row %(row)s: the series is empty."), row=row)
        ordinal = calendar.ordinal(cells[column[calendar.column]], name, row)
        count = _whole(cells[column["count"]], name, row, "count")
        if count < 0:
            raise refuse(
                gettext_noop("Series %(series)s, row %(row)s: the count %(value)s is negative."),
                series=name,
                row=row,
                value=count,
            )
        population = math.nan
        if "population" in column:
            population = _positive(cells[column["population"]], name, row)
        if (name, ordinal) in seen:
            if calendar.dated:
                raise refuse(
                    gettext_noop(
                        "Series %(series)s, row %(row)s: %(period)s is also on row %(other)s (one row per "
                        "%(unit)s)."
                    ),
                    series=name,
                    row=row,
                    period=calendar.label(ordinal),
                    other=seen[(name, ordinal)],
                    unit=Resolution(calendar.period).label,
                )
            raise refuse(
                gettext_noop("Series %(series)s, row %(row)s: period %(period)s is also on row %(other)s."),
                series=name,
                row=row,
                period=ordinal,
                other=seen[(name, ordinal)],
            )
        seen[(name, ordinal)] = row
        rows.setdefault(name, {})[ordinal] = (float(count), population, row)
    if not rows:
        raise refuse(gettext_noop("The CSV has no rows."))
    names = list(rows)
    origin = min(min(periods) for periods in rows.values()) if calendar.dated else 1
    lengths, last_rows = [], []
    for name in names:
        periods = rows[name]
        first, longest = min(periods), max(periods)
        if first != origin:  # dated series share one calendar: all start with the first period
            raise refuse(
                gettext_noop(
                    "Series %(series)s starts at %(start)s (row %(row)s) but the first period of the CSV is "
                    "%(first)s: every series starts at the same period."
                ),
                series=name,
                start=calendar.label(first),
                row=periods[first][2],
                first=calendar.label(origin),
            )
        if len(periods) != longest - origin + 1:
            gap = next(p for p in range(origin, longest + 1) if p not in periods)
            following = min(p for p in periods if p > gap)
            if calendar.dated:
                raise refuse(
                    gettext_noop("Series %(series)s: %(period)s is missing (row %(row)s has %(next)s)."),
                    series=name,
                    period=calendar.label(gap),
                    row=periods[following][2],
                    next=calendar.label(following),
                )
            raise refuse(
                gettext_noop(
                    "Series %(series)s: period %(period)s is missing (row %(row)s has period %(next)s)."
                ),
                series=name,
                period=gap,
                row=periods[following][2],
                next=following,
            )
        lengths.append(longest - origin + 1)
        last_rows.append(periods[longest][2])
    counts = np.full((len(names), max(lengths)), np.nan)
    population = np.full(counts.shape, np.nan) if "population" in column else None
    for s, name in enumerate(names):
        for ordinal, (count, people, _row) in rows[name].items():
            counts[s, ordinal - origin] = count
            if population is not None:
                population[s, ordinal - origin] = people
    return Series(names, counts, population, lengths, last_rows, calendar, origin)


def _whole(text: str, series: str, row: int, field: str) -> int:
    text = text.strip()
    try:
        value = float(text)
        if not value.is_integer():
            raise ValueError
        return int(value)
    except (ValueError, OverflowError):
        if field == "period":
            raise refuse(
                gettext_noop("Series %(series)s, row %(row)s: the period %(value)r is not a whole number."),
                series=series,
                row=row,
                value=text,
            ) from None
        raise refuse(
            gettext_noop("Series %(series)s, row %(row)s: the count %(value)r is not a whole number."),
            series=series,
            row=row,
            value=text,
        ) from None


def _positive(text: str, series: str, row: int) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise refuse(
            gettext_noop(
                "Series %(series)s, row %(row)s: the population %(value)r is not a positive number."
            ),
            series=series,
            row=row,
            value=text.strip(),
        )
    return value


# ------------------------------------------------------------------------------------------
# The action
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DetectResult:
    method: Method
    control: dict
    first: int
    last: int
    series: Series
    detection: Detection

    @property
    def alarms(self) -> int:
        return int(self.detection.alarm.sum())


def detect(
    method: str,
    input: str | Path,
    range_text: str | None = None,
    options: list[str] | None = None,
    period: str | None = None,
) -> DetectResult:
    """`period` (day, week, month) puts the dates of a `date` column in their periods."""
    try:
        chosen = method_named(method)
    except DetectionError as error:
        raise DetectInputError(translated(error)) from error
    control = chosen.check_control(parse_controls(chosen, options or []))
    series = read_series(input, period)
    span = parse_range(range_text, series)
    first, last = span or default_range(chosen, control, max(series.lengths))
    if span is None and first > last:  # R's default range is empty: the series are too short
        raise too_short(series, chosen, first)
    for name, length, row in zip(series.names, series.lengths, series.last_rows, strict=True):
        if length < last and series.calendar.dated:
            raise refuse(
                gettext_noop("Series %(series)s ends at %(end)s (row %(row)s); the range needs %(last)s."),
                series=name,
                end=series.label(length),
                row=row,
                last=series.label(last),
            )
        if length < last:
            raise refuse(
                gettext_noop(
                    "Series %(series)s ends at period %(length)s (row %(row)s); the range needs period %(last)s."
                ),
                series=name,
                length=length,
                row=row,
                last=last,
            )
    counts = series.counts[:, :last]
    extra = {}
    if series.population is not None and "populationOffset" in chosen.defaults:
        extra["population"] = series.population[:, :last]
    try:
        detection = chosen.run(counts, first, last, **control, **extra)
    except DetectionError as error:
        minimum = error.params.get("minimum")
        if minimum is not None and min(series.lengths) < minimum:
            raise too_short(series, chosen, minimum) from error
        raise DetectInputError(translated(error, series.names)) from error
    return DetectResult(chosen, control, first, last, series, detection)


def too_short(series: Series, method: Method, minimum: int) -> DetectInputError:
    """The shortest series, named with its last row, against the periods the method needs."""
    shortest = int(np.argmin(series.lengths))
    return refuse(
        gettext_noop(
            "Series %(series)s has %(length)s periods (its last row is %(row)s); %(method)s with these "
            "options needs at least %(minimum)s periods (it monitors from period %(minimum)s on)."
        ),
        series=series.names[shortest],
        length=series.lengths[shortest],
        row=series.last_rows[shortest],
        method=method.name,
        minimum=minimum,
    )


def _number(value: float) -> str:
    return "" if math.isnan(value) else repr(float(value))


def render(result: DetectResult, format: str) -> str:
    detection = result.detection
    periods = range(result.first, result.last + 1)
    if format == "json":
        rows = [
            {
                "series": name,
                "period": result.series.label(period) if result.series.calendar.dated else period,
                "alarm": int(detection.alarm[s, j]),
                "upperbound": None
                if math.isnan(detection.upperbound[s, j])
                else float(detection.upperbound[s, j]),
            }
            for s, name in enumerate(result.series.names)
            for j, period in enumerate(periods)
        ]
        document = {
            "method": result.method.name,
            "reference": result.method.reference,
            "control": {name: list(v) if isinstance(v, tuple) else v for name, v in result.control.items()},
            "range": [result.first, result.last],
            "calendar": result.series.calendar.period,
            "first_period": result.series.label(1),
            "rows": rows,
        }
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    # the one CSV writer: a series named like a formula (=, +, -, @) is never a live one in Excel
    table = Table("alarms", [Column("series"), Column("period"), Column("alarm"), Column("upperbound")])
    for s, name in enumerate(result.series.names):
        for j, period in enumerate(periods):
            table.add(
                name,
                result.series.label(period),
                int(detection.alarm[s, j]),
                _number(detection.upperbound[s, j]),
            )
    return csv_bytes([table], byte_order_mark=False).decode("utf-8")


def check_out(out: str | Path | None) -> Path | None:
    if out is None:
        return None
    out = Path(out)
    if not out.parent.is_dir():
        raise refuse(gettext_noop("The folder %(path)s does not exist."), path=str(out.parent))
    return out


def write_atomically(out: Path, text: str) -> None:
    """The whole file or none: written beside the target, then renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def known_methods() -> list[str]:
    return sorted(METHODS)
