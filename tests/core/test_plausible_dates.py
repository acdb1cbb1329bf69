"""Dates and years a record can carry: every date field of Tixi's models takes 1900–2100 and every year
field likewise, so a slip (a milestone planned for the year 1, a norm "by 99999") is refused naming the
field on every path (form, API, action), on SQLite as on PostgreSQL; and a milestone named by a
non-number is a refusal, not a server error."""

import pytest
from django.core.exceptions import ValidationError

from tests import factories as f
from tests.layout.test_norm_writes import new_norm
from tixi.layout import actions as layout_actions
from tixi.ledger.models import Milestone
from tixi.ledger.services import change_project

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def project(region):
    return f.project(f.plan(region["city"]))


@pytest.mark.parametrize(
    "data, field",
    [
        ({"action": "milestone", "name": "主体完工", "planned": "0001-01-01"}, "planned"),
        ({"action": "milestone", "name": "主体完工", "planned": "2101-01-01"}, "planned"),
        ({"action": "milestone", "name": "主体完工", "planned": "2024-02-30"}, "planned"),
    ],
)
def test_a_milestone_date_out_of_any_plan_s_span_is_refused(project, users, data, field):
    with pytest.raises(ValidationError) as refused:
        change_project(project, data, users["planner"])
    assert field in refused.value.message_dict
    assert not Milestone.objects.filter(project=project).exists()


@pytest.mark.parametrize("number", ["abc", "1e3", "٣", "-1", ""])
def test_reaching_a_milestone_named_by_a_non_number_is_a_refusal(project, users, number):
    change_project(
        project, {"action": "milestone", "name": "主体完工", "planned": "2025-06-30"}, users["planner"]
    )
    with pytest.raises(ValidationError) as refused:
        change_project(project, {"action": "reached", "milestone": number}, users["planner"])
    assert "milestone" in refused.value.message_dict
    assert Milestone.objects.get(project=project).reached is None


def test_reaching_a_milestone_in_the_year_1_is_refused(project, users):
    change_project(
        project, {"action": "milestone", "name": "主体完工", "planned": "2025-06-30"}, users["planner"]
    )
    milestone = Milestone.objects.get(project=project)
    with pytest.raises(ValidationError) as refused:
        change_project(
            project,
            {"action": "reached", "milestone": str(milestone.pk), "reached": "0001-01-01"},
            users["planner"],
        )
    assert "reached" in refused.value.message_dict
    change_project(
        project,
        {"action": "reached", "milestone": str(milestone.pk), "reached": "2025-07-01"},
        users["planner"],
    )
    assert str(Milestone.objects.get(project=project).reached) == "2025-07-01"


def test_a_norm_by_the_year_99999_is_refused_on_every_database(region, users):
    norm = new_norm(region=region["city"].code, year=99999)
    with pytest.raises(ValidationError) as refused:
        layout_actions.save_norm(norm, users["planner"])
    assert "year" in refused.value.message_dict
    assert "2100" in " ".join(refused.value.message_dict["year"])


@pytest.mark.parametrize("text", ["1e300", "4294967296", "10000001"])
def test_a_siting_capacity_beyond_any_county_is_refused_not_a_500(text):
    from tixi.layout.access import AccessError, parse_capacity

    with pytest.raises(AccessError, match="10,000,000"):
        parse_capacity(text, "capacity")
    assert parse_capacity("10,000,000", "capacity") == 10_000_000
