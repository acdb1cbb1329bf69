"""A saved siting scenario becomes projects of a plan that still runs: from the year after the
scenario's, or within the plan's last year when the scenario is of that year (review12: every demo plan
ending in 2025 refused a 2025 scenario as "2026-2025 not within the period"); a plan that ended
before the scenario's year is refused by name."""

import pytest

from tests import factories as f
from tixi.layout.access import AccessError
from tixi.layout.models import SitingScenario
from tixi.layout.scenarios import scenario_to_projects

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def scenario_of(division, year: int) -> SitingScenario:
    return SitingScenario.objects.create(
        name=f"方案{year}",
        division=division,
        year=year,
        kind="township",
        minutes=30,
        sites=[
            {
                "place": division.code,
                "place_name": division.name,
                "near": "候选1",
                "longitude": 104.0,
                "latitude": 30.0,
            }
        ],
        covered_before=1000,
        newly_covered=200,
        bound=210,
        gap_percent=4.8,
    )


def test_a_scenario_of_the_plan_s_last_year_becomes_projects_of_that_year(region, users):
    plan = f.plan(region["city"], period_start=2021, period_end=2025)
    made = scenario_to_projects(scenario_of(region["county"], 2025), plan, users["planner"])
    assert [(p.start_year, p.end_year) for p in made] == [(2025, 2025)]
    made = scenario_to_projects(scenario_of(region["county"], 2023), plan, users["planner"])
    assert [(p.start_year, p.end_year) for p in made] == [(2024, 2025)]


def test_a_plan_that_ended_before_the_scenario_s_year_is_refused_by_name(region, users):
    plan = f.plan(region["city"], period_start=2016, period_end=2020)
    with pytest.raises(AccessError, match="2020"):
        scenario_to_projects(scenario_of(region["county"], 2024), plan, users["planner"])
