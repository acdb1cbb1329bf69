"""Periods of data sets: years (2024), quarters (2024Q1) and months (202403), as DHIS2 writes them."""

import datetime as dt

from tixi.core.text import digits

YEARLY, QUARTERLY, MONTHLY = "yearly", "quarterly", "monthly"


class PeriodError(ValueError):
    pass


def type_of(period: str) -> str:
    """The period type of a period string, or PeriodError."""
    p = period or ""
    if len(p) == 4 and digits(p):
        return YEARLY
    if len(p) == 6 and digits(p[:4]) and p[4] == "Q" and p[5] in "1234":
        return QUARTERLY
    if len(p) == 6 and digits(p) and 1 <= int(p[4:]) <= 12:
        return MONTHLY
    raise PeriodError(f"{period!r} is not a period: use YYYY, YYYYQn or YYYYMM")


def year_of(period: str) -> int:
    type_of(period)
    return int(period[:4])


def previous(period: str) -> str:
    kind, year = type_of(period), int(period[:4])
    if kind == YEARLY:
        return str(year - 1)
    if kind == QUARTERLY:
        q = int(period[5])
        return f"{year - 1}Q4" if q == 1 else f"{year}Q{q - 1}"
    m = int(period[4:])
    return f"{year - 1}12" if m == 1 else f"{year}{m - 1:02d}"


def end_of(period: str) -> dt.date:
    kind, year = type_of(period), int(period[:4])
    if kind == YEARLY:
        return dt.date(year, 12, 31)
    month = int(period[5]) * 3 if kind == QUARTERLY else int(period[4:])
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def periods_of(year: int, kind: str) -> list[str]:
    if kind == YEARLY:
        return [str(year)]
    if kind == QUARTERLY:
        return [f"{year}Q{q}" for q in range(1, 5)]
    if kind == MONTHLY:
        return [f"{year}{m:02d}" for m in range(1, 13)]
    raise PeriodError(f"unknown period type {kind!r}")


def since(first_year: int, kind: str, today: dt.date) -> list[str]:
    """Every period of this type from `first_year` to this year (what a period picker offers)."""
    return [p for year in range(first_year, today.year + 1) for p in periods_of(year, kind)]


def latest_closed(kind: str, today: dt.date) -> str:
    """The last period of this type that has ended by `today`."""
    for year in (today.year, today.year - 1):
        closed = [p for p in periods_of(year, kind) if end_of(p) < today]
        if closed:
            return closed[-1]
    return periods_of(today.year - 1, kind)[-1]


def start_of(period: str) -> dt.date:
    kind, year = type_of(period), int(period[:4])
    if kind == YEARLY:
        return dt.date(year, 1, 1)
    month = (int(period[5]) - 1) * 3 + 1 if kind == QUARTERLY else int(period[4:])
    return dt.date(year, month, 1)


def adx(period: str) -> str:
    """ADX's period: start date and ISO 8601 duration (2024-04-01/P3M)."""
    duration = {YEARLY: "P1Y", QUARTERLY: "P3M", MONTHLY: "P1M"}[type_of(period)]
    return f"{start_of(period).isoformat()}/{duration}"
