"""A gap in beds (or doctors) over residents is counted on the target year's population: its own once
the year is known, else projected, saying from which years. Before, the mid-term (2023) and the final
(2025) evaluation of 达川 printed two "预测常住人口" for the same 2025 (1,075,531 and 1,075,609), the second
a trend's value where the year's population was known (journey15 saw it)."""

import re

import pytest

from tixi.geo.models import Division
from tixi.indicators.models import Plan
from tixi.indicators.services import evaluate_plan

pytestmark = pytest.mark.django_db


def beds_gap(plan: Plan, year: int) -> dict:
    region = Division.objects.at(plan.region.code, year)
    rows = {r["indicator"]: r for r in evaluate_plan(plan, region, year)}
    return rows["beds_per_1000"]["gap"]


def test_the_target_year_s_own_population_once_known_else_a_projection_from_named_years():
    plan = Plan.objects.get(code="dachuan-14th-health")
    final = beds_gap(plan, 2025)
    assert final["text"].startswith("按2025年常住人口") and "预测" not in final["text"]
    counted = int(re.search(r"常住人口([\d,]+)人", final["text"]).group(1).replace(",", ""))
    assert counted == final["projected_population"]
    mid_term = beds_gap(plan, 2023)
    assert mid_term["text"].startswith("按2020—2023年趋势预测2025年常住人口"), mid_term["text"]
