"""Detection on a file as one action: read SERIES.csv, check every row and option, run the method,
write the alarms (all or nothing). Used by `tixi surveillance detect`; messages are translated
here (Chinese by default), the engine stays without Django.
"""

import csv
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

# The engine's messages (it cannot import Django): listed so that makemessages extracts them.
ENGINE_MESSAGES = [
    gettext_noop("Unknown method %(name)s; the methods are: %(known)s."),
    gettext_noop(
        "The reference periods of period %(k)s reach before period 1; decrease b or w or start the range later."
    ),
    gettext_noop("noPeriods=%(p)s is too big for frequency %(frequency)s and w=%(w)s."),
    gettext_noop("%(name)s must be a whole number >= %(minimum)s (given: %(value)s)."),
    gettext_noop("%(name)s must be a number between %(low)s and %(high)s (given: %(value)s)."),
    gettext_noop("%(name)s must be TRUE or FALSE (given: %(value)s)."),
    gettext_noop("limit54 is two whole numbers, cases and periods (e.g. 5,4)."),
    gettext_noop("The limit54 arguments are out of bounds: cases >= 0 and period > 0."),
    gettext_noop("The range %(first)s:%(last)s is empty: the first period comes after the last."),
    gettext_noop(
        "%(method)s with these options monitors from period %(minimum)s on (it needs the periods before as "
        "its baseline); the range starts at %(first)s."
    ),
    gettext_noop("The range ends at period %(last)s but the series have %(n)s periods."),
    gettext_noop(
        "No reference period of period %(k)s is in the seasonal level of the current window; decrease "
        "pastWeeksNotIncluded."
    ),
    gettext_noop("counts must be a matrix: one row per series, one column per period."),
    gettext_noop("Counts cannot be negative."),
    gettext_noop("powertrans is one of none, 1/2, 2/3 (given: %(value)s)."),
    gettext_noop("pastWeeksNotIncluded must be a whole number >= 0 (given: %(value)s)."),
    gettext_noop("thresholdMethod is one of delta, nbPlugin, muan (given: %(value)s)."),
    gettext_noop("populationOffset needs a population for every series and period."),
    gettext_noop("The population must be positive for every series and period."),
]
ALIASES = {"freq": "frequency"}  # R's sts slot; the CLI says --frequency
TRUE, FALSE = {"true", "t", "1", "yes"}, {"false", "f", "0", "no"}


class DetectInputError(ValueError):
    """A refused input, its message translated (Chinese by default)."""


def translated(error: DetectionError) -> str:
    msgid = getattr(error, "msgid", None)
    if msgid is None:
        return gettext(str(error))
    message = gettext(msgid)
    params = getattr(error, "params", None)
    return message % params if params else message


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


def parse_range(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    first, colon, last = text.partition(":")
    try:
        if not colon:
            raise ValueError
        first_period, last_period = int(first), int(last)
    except ValueError:
        raise refuse(
            gettext_noop("--range is FIRST:LAST, two period numbers (given: %(value)s)."), value=text
        ) from None
    if first_period < 1 or last_period < first_period:
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


@dataclass(frozen=True)
class Series:
    names: list[str]
    counts: np.ndarray  # (n_series, longest), NaN after a series' end
    population: np.ndarray | None
    lengths: list[int]
    last_rows: list[int]  # the CSV row of each series' last period


def decode(raw: bytes) -> str:
    try:
        return reading.decode(raw)[0]  # the imports' reader: UTF-8 (BOM or not), else GBK
    except reading.ReadError:
        raise refuse(gettext_noop("The CSV is neither UTF-8 nor GBK text.")) from None


def read_series(path: str | Path) -> Series:
    path = Path(path)
    if not path.is_file():
        raise refuse(gettext_noop("%(path)s does not exist."), path=str(path))
    reader = csv.reader(io.StringIO(decode(path.read_bytes())))
    header = [cell.strip() for cell in next(reader, [])]
    required = ["series", "period", "count"]
    missing = [name for name in required if name not in header]
    if missing:
        raise refuse(
            gettext_noop("The CSV needs the header series,period,count; missing: %(missing)s."),
            missing=", ".join(missing),
        )
    extra = [name for name in header if name not in {*required, "population"}]
    if extra:
        raise refuse(
            gettext_noop(
                "Unknown column %(columns)s: the columns are series, period, count and optionally population."
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
        period = _whole(cells[column["period"]], name, row, "period")
        if period < 1:
            raise refuse(
                gettext_noop("Series %(series)s, row %(row)s: the period is %(value)s; periods start at 1."),
                series=name,
                row=row,
                value=period,
            )
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
        if (name, period) in seen:
            raise refuse(
                gettext_noop("Series %(series)s, row %(row)s: period %(period)s is also on row %(other)s."),
                series=name,
                row=row,
                period=period,
                other=seen[(name, period)],
            )
        seen[(name, period)] = row
        rows.setdefault(name, {})[period] = (float(count), population, row)
    if not rows:
        raise refuse(gettext_noop("The CSV has no rows."))
    names = list(rows)
    lengths, last_rows = [], []
    for name in names:
        periods = rows[name]
        longest = max(periods)
        if len(periods) != longest:
            gap = next(p for p in range(1, longest + 1) if p not in periods)
            following = min(p for p in periods if p > gap)
            raise refuse(
                gettext_noop(
                    "Series %(series)s: period %(period)s is missing (row %(row)s has period %(next)s)."
                ),
                series=name,
                period=gap,
                row=periods[following][2],
                next=following,
            )
        lengths.append(longest)
        last_rows.append(periods[longest][2])
    counts = np.full((len(names), max(lengths)), np.nan)
    population = np.full(counts.shape, np.nan) if "population" in column else None
    for s, name in enumerate(names):
        for period, (count, people, _row) in rows[name].items():
            counts[s, period - 1] = count
            if population is not None:
                population[s, period - 1] = people
    return Series(names, counts, population, lengths, last_rows)


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
    method: str, input: str | Path, range_text: str | None = None, options: list[str] | None = None
) -> DetectResult:
    try:
        chosen = method_named(method)
    except DetectionError as error:
        raise DetectInputError(translated(error)) from error
    control = chosen.check_control(parse_controls(chosen, options or []))
    span = parse_range(range_text)
    series = read_series(input)
    first, last = span or default_range(chosen, control, max(series.lengths))
    for name, length, row in zip(series.names, series.lengths, series.last_rows, strict=True):
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
        raise DetectInputError(translated(error)) from error
    return DetectResult(chosen, control, first, last, series, detection)


def _number(value: float) -> str:
    return "" if math.isnan(value) else repr(float(value))


def render(result: DetectResult, format: str) -> str:
    detection = result.detection
    periods = range(result.first, result.last + 1)
    if format == "json":
        rows = [
            {
                "series": name,
                "period": period,
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
            "rows": rows,
        }
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    # the one CSV writer: a series named like a formula (=, +, -, @) is never a live one in Excel
    table = Table("alarms", [Column("series"), Column("period"), Column("alarm"), Column("upperbound")])
    for s, name in enumerate(result.series.names):
        for j, period in enumerate(periods):
            table.add(name, period, int(detection.alarm[s, j]), _number(detection.upperbound[s, j]))
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
