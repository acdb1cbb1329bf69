"""The served demo lives on its own today without TIXI_TODAY: `tixi demo` makes the database remember
the day it was built for (`DemoToday`), and the clock reads it when TIXI_TODAY is not set. A database
that is not a demo's (a commission's) keeps the calendar's date. Pages on a demo say, discreetly,
whose today it is (issue 12, point 2)."""

import datetime as dt

import pytest

from tests import factories
from tixi.core import clock
from tixi.core.models import DemoToday
from tixi.ledger.models import Task

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

DEMO_DAY = dt.date(2025, 10, 15)
# due after the demo's day, before any calendar day this code runs on: late by the calendar only
DUE = dt.date(2025, 12, 31)


@pytest.fixture
def tasks(region):
    plan = factories.plan(region["city"], period_start=2021, period_end=2025)
    return {
        "due_at_the_end_of_the_year": factories.task(plan, deadline=DUE),
        "due_in_june": factories.task(plan, deadline=dt.date(2025, 6, 30)),
    }


def late_on_the_page(client) -> set[str]:
    """The tasks the ledger lists as overdue."""
    html = client.get("/ledger/", {"status": "overdue"}).content.decode()
    return {t.title for t in Task.objects.all() if f" {t.title}</a>" in html}


def test_served_without_tixi_today_a_demo_database_lives_on_the_demo_s_today(web, tasks, settings):
    settings.TIXI_TODAY = None  # `tixi serve` with no TIXI_TODAY in its environment
    clock.remember_demo_today(DEMO_DAY)  # what `tixi demo` writes when it builds
    assert clock.today() == DEMO_DAY and clock.now().date() == DEMO_DAY
    client = web("planner")
    served = late_on_the_page(client)
    assert served == {tasks["due_in_june"].title}  # the one due at the end of the year is not late yet
    # as it is with TIXI_TODAY set to that day (what `tixi demo` passes to the server)
    settings.TIXI_TODAY = DEMO_DAY
    assert late_on_the_page(client) == served
    settings.TIXI_TODAY = None
    # the page says whose today it is, in Chinese and in English
    html = client.get("/ledger/").content.decode()
    assert 'id="demo-day"' in html and "演示的今天 2025-10-15" in html
    client.cookies["django_language"] = "en"
    html = client.get("/ledger/").content.decode()
    assert "the demo's today" in html and "2025-10-15" in html and "演示" not in html


def test_a_database_that_is_not_a_demo_s_keeps_the_calendar_s_date(web, tasks, settings):
    settings.TIXI_TODAY = None
    assert not DemoToday.objects.exists()
    assert clock.demo_today() is None and clock.today() == dt.date.today()
    client = web("planner")
    # both are late by the calendar (the code runs after 2025)
    assert late_on_the_page(client) == {t.title for t in tasks.values()}
    assert 'id="demo-day"' not in client.get("/ledger/").content.decode()


def test_tixi_today_wins_over_the_demo_s_remembered_day(settings):
    clock.remember_demo_today(DEMO_DAY)
    settings.TIXI_TODAY = dt.date(2025, 3, 1)
    assert clock.today() == dt.date(2025, 3, 1)
    settings.TIXI_TODAY = None
    assert clock.today() == DEMO_DAY


def test_the_day_is_read_once_per_request_not_at_each_call(web, settings, django_assert_num_queries):
    settings.TIXI_TODAY = None
    clock.remember_demo_today(DEMO_DAY)
    clock.forget()
    with django_assert_num_queries(1):
        for _ in range(5):
            assert clock.today() == DEMO_DAY
    # a new day written (a rebuild) is read at once; a request reads it afresh
    DemoToday.objects.update(day=dt.date(2025, 11, 1))  # no signal: the cache is stale ...
    assert clock.today() == DEMO_DAY
    from django.core.signals import request_started
    from django.db import close_old_connections

    # ... until the next request starts (sent as the test client does, without closing the
    # connection: on PostgreSQL that would close the test's transaction under it)
    request_started.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
    assert clock.today() == dt.date(2025, 11, 1)
    clock.remember_demo_today(DEMO_DAY)  # a save empties it
    assert clock.today() == DEMO_DAY
