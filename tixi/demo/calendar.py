"""The demo's calendar: the day it lives on and the years it holds data for.

The demo lives on its own today (TIXI_TODAY overrides it): in the last quarter of the 14th
five-year plan, when most tasks fall due at the end of the year. Its data runs from the platform's
first year (TIXI_FIRST_YEAR) to the year of that today and no further: the year still open is
partly reported (discharges up to today, the quarters that have ended), and nothing is reported for
a year that has not begun.
"""

import contextlib
import datetime as dt
import time
from unittest import mock

from django.conf import settings
from django.utils import timezone

DEMO_TODAY = dt.date(2025, 10, 15)


def demo_today() -> dt.date:
    return getattr(settings, "TIXI_TODAY", None) or DEMO_TODAY


def demo_years(today: dt.date | None = None) -> range:
    """The platform's years (TIXI_YEARS) up to the year of the demo's today."""
    today = today or demo_today()
    return range(settings.TIXI_YEARS.start, min(settings.TIXI_YEARS.stop, today.year + 1))


def not_after(day: dt.date, today: dt.date) -> dt.date:
    """A date drawn in the open year that falls after today, moved back before it (by what it was
    ahead, within a quarter), in the same year where today leaves room: a designation "obtained on
    2025-12-01" in a demo living on 2025-10-15 is obtained on 2025-08-28; other dates are kept."""
    if day <= today:
        return day
    moved = today - dt.timedelta(days=(day - today).days % 90 + 1)
    return max(moved, min(dt.date(today.year, 1, 1), today))


@contextlib.contextmanager
def stamped_on_the_demo_s_today(today: dt.date | None = None, hour: int = 8):
    """What the demo writes is stamped on its today, not on the calendar's: the times Django fills in
    (`auto_now`, `auto_now_add`, `timezone.now()`: audit entries, data values, imports, notifications)
    run from `hour` o'clock of the demo's today as the build goes, so no record is dated after it."""
    today = today or demo_today()
    start = dt.datetime.combine(today, dt.time(hour), tzinfo=timezone.get_default_timezone())
    last = dt.datetime.combine(today, dt.time(23, 59), tzinfo=start.tzinfo)
    began = time.monotonic()

    def now() -> dt.datetime:
        return min(start + dt.timedelta(seconds=time.monotonic() - began), last).astimezone(dt.UTC)

    with mock.patch.object(timezone, "now", now):
        yield now
