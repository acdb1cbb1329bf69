"""Nothing in the demo is dated after its today (2025-10-15): designations, departments, approvals,
imports, progress reports, notifications, signals, audit entries, validity dates. The sweep reads
every date and time field of every model of the platform on the built demo; only what is planned
(a deadline, a milestone's planned date, a signal's verify-by time) may lie ahead."""

import datetime as dt

import pytest
from django.apps import apps
from django.db import models

from tixi.demo.calendar import DEMO_TODAY, not_after, stamped_on_the_demo_s_today

pytestmark = pytest.mark.django_db

# dates that say what is to come, not what happened
PLANNED = {
    "ledger.Task.deadline",
    "ledger.Rectification.deadline",
    "ledger.Milestone.planned",
    "surveillance.Signal.verify_by",
}


def date_fields():
    for model in apps.get_models():
        if not model.__module__.startswith("tixi."):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateField):  # DateTimeField is one too
                yield model, field, f"{model._meta.label}.{field.name}"


def test_nothing_in_the_demo_is_dated_after_its_today():
    swept, after = set(), []
    for model, field, name in date_fields():
        swept.add(name)
        if name in PLANNED:
            continue
        lookup = f"{field.name}__date__gt" if isinstance(field, models.DateTimeField) else f"{field.name}__gt"
        late = model.objects.filter(**{lookup: DEMO_TODAY})
        if late.exists():
            first = late.order_by(f"-{field.name}").values_list(field.name, flat=True).first()
            after.append(f"{name}: {late.count()} after {DEMO_TODAY}, the latest {first}")
    assert after == [], "\n".join(after)
    # the sweep reaches what the demo writes (and the planned dates it leaves alone still exist)
    assert swept >= PLANNED
    assert {
        "registry.Designation.obtained_on",
        "registry.Department.opened_on",
        "accounts.AuditEntry.at",
        "accounts.User.date_joined",
        "indicators.DataValue.updated_at",
        "ledger.Progress.at",
        "ledger.Notification.created",
        "hospitals.PublishedFigure.computed_at",
        "geo.Division.valid_to",
    } <= swept


def test_what_the_sweep_reads_is_there():
    """Not an empty database passing for a dated one: the records it reads exist and most lie in the
    demo's own year or before it."""
    from tixi.accounts.models import AuditEntry
    from tixi.ledger.models import Notification, Progress
    from tixi.registry.models import Designation

    assert Designation.objects.filter(obtained_on__year=DEMO_TODAY.year).exists()
    assert AuditEntry.objects.filter(at__date=DEMO_TODAY).exists()
    assert Notification.objects.filter(created__date=DEMO_TODAY).exists()
    # the quarterly reports come in through the year, not all on one day
    assert Progress.objects.dates("at", "month").count() >= 6


def test_a_date_drawn_after_today_moves_back_within_its_year():
    today = dt.date(2025, 10, 15)
    assert not_after(dt.date(2025, 12, 1), today) == dt.date(2025, 8, 28)
    assert not_after(dt.date(2025, 10, 16), today) == dt.date(2025, 10, 13)
    assert not_after(dt.date(2025, 6, 30), today) == dt.date(2025, 6, 30)
    # early in a year, never into the year before
    assert not_after(dt.date(2025, 12, 1), dt.date(2025, 1, 20)) == dt.date(2025, 1, 1)


def test_what_django_stamps_while_the_demo_is_built_is_on_its_today():
    from django.utils import timezone

    real = timezone.now
    with stamped_on_the_demo_s_today(dt.date(2025, 10, 15)):
        first = timezone.now()
        assert timezone.localtime(first).date() == dt.date(2025, 10, 15)
        assert timezone.localtime(first).hour == 8
        assert timezone.now() >= first  # the clock runs on: entries keep their order
    assert timezone.now is real
