"""A plan drafted from a document is written by one action, all or nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tixi.indicators.models import Plan
from tixi.ledger.actions import DraftedTask, create_plan_from_draft
from tixi.ledger.models import Unit

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def draft_plan(code="drafted-plan"):
    region = factories.two_cities()["county"]
    return Plan(
        code=code,
        title="米易县卫生健康事业发展规划",
        issuer="米易县人民政府",
        region=region,
        period_start=2026,
        period_end=2030,
    )


def task(deadline=dt.date(2028, 12, 31), **kwargs):
    fields = {
        "clause": "（一）",
        "title": "建设县域医疗次中心",
        "text": "建设县域医疗次中心。",
        "deadline": deadline,
        "lead": ["县卫生健康局"],
        "cooperating": ["县发展改革局", "县财政局"],
    }
    return DraftedTask(**{**fields, **kwargs})


TARGET = {"label": "每千人口注册护士数达到3.8人", "comparator": "ge", "value": 3.8, "year": 2030}


def test_the_plan_its_tasks_with_their_units_and_its_targets():
    plan = create_plan_from_draft(draft_plan(), [task(), task(clause="（二）", lead=["县财政局"])], [TARGET])
    assert plan.tasks.count() == 2 and plan.targets.count() == 1
    first, second = plan.tasks.order_by("order")
    assert [u.name for u in first.lead_units.all()] == ["县卫生健康局"]
    # a unit named by two tasks is created once, in the plan's region
    assert Unit.objects.filter(name="县财政局", division=plan.region).count() == 1
    assert second.lead_units.get().pk == first.cooperating_units.get(name="县财政局").pk


def test_a_refused_task_writes_nothing():
    with pytest.raises(ValidationError):
        create_plan_from_draft(draft_plan(), [task(), task(deadline=dt.date(2020, 1, 1))], [TARGET])
    assert not Plan.objects.filter(code="drafted-plan").exists()
    assert not Unit.objects.filter(name="县发展改革局").exists()
