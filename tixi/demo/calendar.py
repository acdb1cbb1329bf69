"""The demo's calendar: the day it lives on and the years it holds data for.

The demo lives on its own today (TIXI_TODAY overrides it): in the last quarter of the 14th
five-year plan, when most tasks fall due at the end of the year. Its data runs from the platform's
first year (TIXI_FIRST_YEAR) to the year of that today and no further: the year still open is
partly reported (discharges up to today, the quarters that have ended), and nothing is reported for
a year that has not begun.
"""

import datetime as dt

from django.conf import settings

DEMO_TODAY = dt.date(2025, 10, 15)


def demo_today() -> dt.date:
    return getattr(settings, "TIXI_TODAY", None) or DEMO_TODAY


def demo_years(today: dt.date | None = None) -> range:
    """The platform's years (TIXI_YEARS) up to the year of the demo's today."""
    today = today or demo_today()
    return range(settings.TIXI_YEARS.start, min(settings.TIXI_YEARS.stop, today.year + 1))
