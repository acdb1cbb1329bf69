"""The platform's today: the TIXI_TODAY setting when it is set (a test pins a date; `tixi demo` sets
it), else, on a demo database, the day the demo was built for (`DemoToday`, written by `tixi demo`,
so a demo served by `tixi serve` or the systemd unit still lives in its own year), else the
calendar's. Deadlines, overdue flags and default years read it here.

The demo's day is read from the database at most once per request (the cache is emptied when a
request starts, and when the row is written or deleted), and once per process outside requests."""

import datetime as dt

from django.conf import settings
from django.core.signals import request_started
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

_UNREAD = object()
_demo_day = _UNREAD


def demo_today() -> dt.date | None:
    """The day this database's demo was built for; None on a database that is not a demo's."""
    global _demo_day
    if _demo_day is _UNREAD:
        _demo_day = _read_demo_day()
    return _demo_day


_table_seen = False


def _read_demo_day() -> dt.date | None:
    global _table_seen
    from tixi.core.models import DemoToday

    days = DemoToday.objects.values_list("day", flat=True).order_by("-pk")[:1]
    try:
        if _table_seen:
            return next(iter(days), None)
        # the first read of the process in a savepoint: a database not yet migrated (no table)
        # leaves the transaction usable
        with transaction.atomic():
            day = next(iter(days), None)
        _table_seen = True
        return day
    except DatabaseError:
        return None
    except RuntimeError:
        # no database access at all (a test without one): nothing remembered
        return None


def forget(**kwargs) -> None:
    """Empties the cache: read again on the next call."""
    global _demo_day
    _demo_day = _UNREAD


def pinned() -> dt.date | None:
    """The day the platform takes as today when it is not the calendar's: TIXI_TODAY, else the demo's."""
    return getattr(settings, "TIXI_TODAY", None) or demo_today()


def today() -> dt.date:
    return pinned() or dt.date.today()


def now() -> dt.datetime:
    """The clock's time of day on the platform's today: with the day pinned (TIXI_TODAY, or the demo's
    today on a demo database), a login is stamped on the demo's today, not on a day after everything
    the demo holds; else timezone.now()."""
    current = timezone.now()
    day = pinned()
    if not day:
        return current
    # the date in the platform's time zone (Asia/Shanghai), not UTC's, which lags it 8 hours
    local = timezone.localtime(current)
    return local.replace(year=day.year, month=day.month, day=day.day)


def remember_demo_today(day: dt.date) -> None:
    """Written by `tixi demo`: this database is a demo built for `day`."""
    from tixi.core.models import DemoToday

    DemoToday.objects.all().delete()
    DemoToday.objects.create(day=day)


def connect_signals() -> None:
    from tixi.core.models import DemoToday

    request_started.connect(forget, dispatch_uid="tixi_clock_request_started")
    post_save.connect(forget, sender=DemoToday, dispatch_uid="tixi_clock_saved")
    post_delete.connect(forget, sender=DemoToday, dispatch_uid="tixi_clock_deleted")
