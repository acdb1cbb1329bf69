"""The test kit's factories build a small region of their own: scope and figures on a tree of four
divisions, without reading the demo."""

import pytest

from tests import factories
from tixi.accounts.models import Role
from tixi.registry.models import Institution, InstitutionYear
from tixi.registry.services import division_figures

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.region("two_counties")]


def test_paths_and_levels_follow_the_codes(region):
    assert region["west"].path == "990000000000/990100000000/990102000000/"
    assert [region[k].level for k in ("province", "city", "east")] == [1, 2, 3]


def test_each_role_sees_its_own_scope(region):
    east_hospital = factories.institution(region["east"])
    west_hospital = factories.institution(region["west"])
    users = {
        Role.PLANNER: factories.user(Role.PLANNER, divisions=[region["city"]]),
        Role.COUNTY: factories.user(Role.COUNTY, divisions=[region["east"]]),
        Role.INSTITUTION: factories.user(Role.INSTITUTION, institutions=[west_hospital]),
        Role.CDC: factories.user(Role.CDC, divisions=[region["city"]]),
        Role.AUDITOR: factories.user(Role.AUDITOR, divisions=[region["west"]]),
    }
    seen = {
        role: set(Institution.objects.visible_to(u).filter(code__startswith="T")) for role, u in users.items()
    }
    assert seen[Role.PLANNER] == seen[Role.CDC] == {east_hospital, west_hospital}
    assert seen[Role.COUNTY] == {east_hospital}
    assert seen[Role.INSTITUTION] == seen[Role.AUDITOR] == {west_hospital}
    assert not users[Role.AUDITOR].may["edit_registry"] and users[Role.COUNTY].may["edit_registry"]


def test_figures_of_a_small_region(region):
    for beds, county in ((120, "east"), (80, "west")):
        factories.yearly_report(
            factories.institution(region[county]), 2024, actual_beds=beds, approved_beds=beds
        )
    assert division_figures(region["city"], 2024)["actual_beds"] == 200
    assert division_figures(region["west"], 2024)["actual_beds"] == 80
    assert InstitutionYear.objects.filter(division_path__startswith=region["city"].path).count() == 2


def test_a_plan_of_the_region(region):
    plan = factories.plan(region["city"])
    assert plan.region == region["city"] and plan.period_end == 2025
