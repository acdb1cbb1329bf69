"""The ledger's rules live in its actions, not in the page: calling the action directly (as the API
or a command would) as a user without the right is refused, and with the right it writes."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from tests import factories as make
from tixi.ledger import services
from tixi.ledger.models import Rectification, Task

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def ledger():
    region = make.two_cities()
    people = make.seven_roles(region)
    plan = make.plan(region["city"])
    member = make.user("county", divisions=[region["county"]], username="member-of-unit")
    lead = make.unit("卫生健康局", region["city"], members=[member])
    return {"plan": plan, "task": make.task(plan, lead=[lead]), "member": member, **people}


def test_assigning_down_is_refused_to_all_but_a_planner_of_the_region(ledger):
    task = ledger["task"]
    for name in ("county", "institution", "cdc", "auditor", "member", "dazhou"):
        with pytest.raises(PermissionDenied):
            services.assign_down(task, ledger[name])
    assert not Task.objects.filter(parent=task).exists()
    created = services.assign_down(task, ledger["planner"])
    assert created and all(sub.parent_id == task.pk for sub in created)


def test_raising_a_problem_is_refused_to_who_neither_plans_nor_answers_for_the_task(ledger):
    task, deadline = ledger["task"], dt.date(2030, 1, 1)
    for name in ("cdc", "auditor", "institution", "dazhou"):
        with pytest.raises(PermissionDenied):
            services.raise_rectification(task, ledger[name], "问题", "措施", deadline)
    assert not Rectification.objects.filter(task=task).exists()
    services.raise_rectification(task, ledger["member"], "问题", "措施", deadline)
    services.raise_rectification(task, ledger["planner"], "问题二", "措施二", deadline)
    assert Rectification.objects.filter(task=task).count() == 2
