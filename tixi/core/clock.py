"""The platform's today: the TIXI_TODAY setting when it is set (the demo lives in its own year;
a test pins a date), else the calendar's. Deadlines, overdue flags and default years read it here."""

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    return getattr(settings, "TIXI_TODAY", None) or dt.date.today()


def now() -> dt.datetime:
    """The clock's time of day on the platform's today: with TIXI_TODAY set (the served demo), a login
    is stamped on the demo's today, not on a day after everything the demo holds; else timezone.now()."""
    current = timezone.now()
    pinned = getattr(settings, "TIXI_TODAY", None)
    if not pinned:
        return current
    # the date in the platform's time zone (Asia/Shanghai), not UTC's, which lags it 8 hours
    local = timezone.localtime(current)
    return local.replace(year=pinned.year, month=pinned.month, day=pinned.day)
