"""Turning what people type into values: full-width digits, thousands separators, Excel serial dates,
dates as text, stray spaces. Each parser returns a value or raises CellError with an English msgid."""

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from tixi.core.text import control_character


class CellError(ValueError):
    def __init__(self, message: str, **params):
        self.message, self.params = message, params
        super().__init__(message % params if params else message)


def clean(value):
    """Strip spaces (full-width too) and fold full-width characters (１２３ → 123)."""
    if isinstance(value, str):
        value = unicodedata.normalize("NFKC", value).strip()
        return value or None
    return value


def no_control_characters(value: str, multiline: bool) -> str:
    """The typed text, refused when it holds a control character (a multi-line text keeps tab and
    newline): the same rule as the forms, the API and the models (`tixi.core.text`)."""
    found = control_character(value, multiline)
    if found is not None:
        raise CellError(
            "Character %(position)s is a control character (%(code)s); remove it.",
            position=found[0],
            code=found[1],
        )
    return value


def verbatim(value, max_length: int = 200, multiline: bool = False) -> str | None:
    """Text kept as typed (a clause quoted from a plan keeps its full-width ，：“”): stray spaces
    stripped and the protective apostrophe of our CSV exports dropped, nothing folded."""
    if isinstance(value, str):
        value = value.strip(" \t\r\n\u3000") or None
        if value is not None and value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
            value = value[1:]
        if value is not None and len(value) > max_length:
            raise CellError("Longer than %(n)s characters.", n=max_length)
        return value if value is None else no_control_characters(value, multiline)
    return text(value, max_length, multiline)


def text(value, max_length: int = 200, multiline: bool = False) -> str | None:
    value = clean(value)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    value = str(value)
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        value = value[1:]  # the apostrophe our CSV exports put before text that looks like a formula
    if len(value) > max_length:
        raise CellError("Longer than %(n)s characters.", n=max_length)
    return no_control_characters(value, multiline)


def _bounded(result, minimum, maximum):
    if minimum is not None and result < minimum:
        raise CellError("Must be at least %(minimum)s.", minimum=minimum)
    if maximum is not None and result > maximum:
        raise CellError("Must be at most %(maximum)s.", maximum=maximum)
    return result


def number(value, integer: bool = False, minimum=None, maximum=None):
    if isinstance(value, bool):
        raise CellError("Not a number.")
    if (
        isinstance(value, int | float) and value == value and abs(value) != float("inf")
    ):  # fast path: a number cell
        if integer:
            if value != int(value):
                raise CellError("Must be a whole number.")
            value = int(value)
        return _bounded(value if integer else float(value), minimum, maximum)
    value = clean(value)
    if value is None:
        return None
    if isinstance(value, str):
        candidate = value.replace(",", "").replace("，", "").replace(" ", "")
        if candidate.endswith("%"):
            raise CellError("Give the number without a percent sign.")
        try:
            value = Decimal(candidate)
        except InvalidOperation as error:
            raise CellError("Not a number.") from error
    else:
        raise CellError("Not a number.")
    if not value.is_finite():
        raise CellError("Not a number.")
    if integer:
        if value != value.to_integral_value():
            raise CellError("Must be a whole number.")
        return _bounded(int(value), minimum, maximum)
    return _bounded(float(value), minimum, maximum)


EXCEL_EPOCH = dt.date(1899, 12, 30)
DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日?$"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
)


def date(value) -> dt.date | None:
    value = clean(value)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel serial day numbers up to 9999-12-31
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellError("Not a date.")
    value = str(value).split(" ")[0]
    if re.fullmatch(r"\d{5}(\.0)?", value):
        return EXCEL_EPOCH + dt.timedelta(days=int(float(value)))
    for pattern in DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError as error:
                raise CellError("No such date.") from error
    raise CellError("Not a date; write it as 2024-06-30.")


def choice(value, choices: dict[str, list[str]]) -> str | None:
    """A coded value given by its code or by its label (Chinese or English), case-insensitively. The
    labels are folded as the value is: the template's own 县（区） arrives as 县(区)."""
    value = text(value)
    if value is None:
        return None
    folded = value.casefold()
    for code, labels in choices.items():
        if folded == code.casefold() or any(folded == clean(label).casefold() for label in labels):
            return code
    raise CellError("Not one of the allowed values.")
