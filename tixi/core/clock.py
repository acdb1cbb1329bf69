"""The platform's today: the TIXI_TODAY setting when it is set (the demo lives in its own year;
a test pins a date), else the calendar's. Deadlines, overdue flags and default years read it here."""

import datetime as dt

from django.conf import settings


def today() -> dt.date:
    return getattr(settings, "TIXI_TODAY", None) or dt.date.today()
