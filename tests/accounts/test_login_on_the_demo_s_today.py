"""The served demo lives on its own today (TIXI_TODAY): its logins were stamped with the calendar's
date, a day after everything the demo holds (last_login in the admin's user list, failed logins and
idle logouts in the audit trail). They now fall on the demo's today, and only when TIXI_TODAY is set."""

import datetime as dt
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tixi.accounts.models import AuditEntry
from tixi.core import clock
from tixi.demo.calendar import DEMO_TODAY
from tixi.demo.load import DEMO_PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def planner(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    county = factories.division("990102000000", parent=factories.division("990100000000"))
    user = factories.user("planner", username="t-demo-planner", divisions=[county])
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def log_in(client, password):
    return client.post(reverse("login"), {"username": "t-demo-planner", "password": password})


def local_day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def test_on_the_served_demo_a_login_is_stamped_on_the_demo_s_today(client, planner, settings):
    settings.TIXI_TODAY = DEMO_TODAY
    assert log_in(client, "wrong-password").status_code == 200
    assert log_in(client, DEMO_PASSWORD).status_code == 302
    planner.refresh_from_db()
    assert local_day(planner.last_login) == DEMO_TODAY
    failed = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN_FAILED, username="t-demo-planner")
    assert local_day(failed.at) == DEMO_TODAY
    # at the clock's time of day: a second login is later than the first, never earlier
    first = planner.last_login
    client.logout()
    assert log_in(client, DEMO_PASSWORD).status_code == 302
    planner.refresh_from_db()
    assert planner.last_login >= first and local_day(planner.last_login) == DEMO_TODAY


def test_without_the_demo_s_today_a_login_is_stamped_on_the_calendar_s(client, planner, settings):
    settings.TIXI_TODAY = None
    before = timezone.now()
    assert log_in(client, "wrong-password").status_code == 200
    assert log_in(client, DEMO_PASSWORD).status_code == 302
    planner.refresh_from_db()
    assert before <= planner.last_login <= timezone.now()
    failed = AuditEntry.objects.get(action=AuditEntry.Action.LOGIN_FAILED, username="t-demo-planner")
    assert before <= failed.at <= timezone.now()


def test_the_demo_s_idle_logout_is_stamped_on_its_today(client, planner, settings):
    import time

    from tixi.accounts.idle import LAST_SEEN

    settings.TIXI_TODAY = DEMO_TODAY
    settings.IDLE_MINUTES = 30
    client.force_login(planner)
    session = client.session
    session[LAST_SEEN] = time.time() - 31 * 60
    session.save()
    assert client.get("/institutions/").status_code == 302
    entry = AuditEntry.objects.get(action=AuditEntry.Action.SESSION_EXPIRED, username="t-demo-planner")
    assert local_day(entry.at) == DEMO_TODAY


def test_the_platform_s_now_takes_the_date_in_the_platform_s_time_zone(settings):
    """16:30 UTC is 00:30 of the next day in Asia/Shanghai: the demo's today, not the day before it."""
    settings.TIXI_TODAY = DEMO_TODAY
    late = dt.datetime(2026, 11, 30, 16, 30, tzinfo=dt.UTC)
    with mock.patch.object(timezone, "now", lambda: late):
        stamped = clock.now()
    assert local_day(stamped) == DEMO_TODAY and timezone.localtime(stamped).time() == dt.time(0, 30)
    settings.TIXI_TODAY = None
    with mock.patch.object(timezone, "now", lambda: late):
        assert clock.now() == late
