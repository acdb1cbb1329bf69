"""Every time Django fills in (auto_now, auto_now_add) is taken from the platform's clock: on the
served demo, living on its own today, a change made by a user (its audit entry, a progress report,
a data value, an import, a notification) is dated on that today, not on the calendar's, which is
after everything the demo holds (issue 12, point 2: "the demo's today makes sense")."""

import datetime as dt

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from tests import factories
from tixi.accounts.models import AuditEntry
from tixi.core.fields import StampField
from tixi.ledger.models import Progress

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

DEMO_DAY = dt.date(2025, 10, 15)


def test_no_model_stamps_a_time_from_the_calendar_s_clock():
    on_the_calendar = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("tixi.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField)
        and (field.auto_now or field.auto_now_add)
        and not isinstance(field, StampField)
    ]
    assert on_the_calendar == []


def test_on_the_served_demo_a_change_is_dated_on_the_demo_s_today(settings, region):
    settings.TIXI_TODAY = DEMO_DAY
    entry = AuditEntry.objects.create(action=AuditEntry.Action.UPDATE, model="x", username="planner")
    assert timezone.localtime(entry.at).date() == DEMO_DAY
    plan = factories.plan(region["city"], period_start=2021, period_end=2025)
    unit = factories.unit("市卫生健康委", region["city"])
    task = factories.task(plan, lead=[unit], deadline=dt.date(2025, 12, 31))
    progress = Progress.objects.create(
        task=task, unit=unit, period="2025-09", status="in_progress", percent=40
    )
    assert timezone.localtime(progress.at).date() == DEMO_DAY


def test_on_a_commission_s_database_it_is_the_real_time(settings):
    settings.TIXI_TODAY = None
    before = timezone.now()
    entry = AuditEntry.objects.create(action=AuditEntry.Action.UPDATE, model="x", username="planner")
    assert before <= entry.at <= timezone.now()
