"""A total of the plan's region (its staff in 万人, its beds, its institutions) is the region's target,
not a target of each of its parts: a county or a township is shown its value without a status, saying
why (review13 fault 2: 攀枝花's 0.14 万 public health staff judged "off track" on every township). Rates
and shares still judge the parts; the region itself is judged."""

import pytest

from tests import factories as f
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine import trajectory as tj
from tixi.indicators.models import Indicator, Target
from tixi.indicators.services import evaluate_plan

pytestmark = [pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


@pytest.fixture
def plan(region):
    """The kit city's plan: beds in all (a total, 10,000 by 2025: far above the kit's) and the share of
    primary care institutions (a share of the institutions: judged everywhere)."""
    f.institutions_in(region, years=(2020, 2024))
    made = f.plan(region["city"], code="kit-total-plan", period_start=2021, period_end=2025)
    beds = Indicator.objects.create(
        code="kit_beds_total", name="床位总数", name_en="beds in all", unit="张", numerator="R{actual_beds}"
    )
    for order, (indicator, label, value) in enumerate(
        [(beds, "床位总数", 10000), (Indicator.objects.get(code="primary_care_share"), "基层机构占比", 99)],
        start=1,
    ):
        Target.objects.create(
            plan=made, order=order, label=label, indicator=indicator, division=region["city"], comparator="ge",
            target_year=2025, target_value=value, nature="expected", clause=f"{label}达到{value}",
        )  # fmt: skip
    return made


def rows(plan, division, year=2024):
    return {r["order"]: r for r in evaluate_plan(plan, division, year)}


@pytest.mark.parametrize("part", ["county", "township"])
def test_a_part_is_not_judged_against_the_total_of_its_region(plan, region, part):
    total = rows(plan, region[part])[1]
    assert total["status"] == tj.NOT_JUDGED and total["gap"] is None
    assert total["actual"] is not None  # shown, for reference
    assert "不评价" in total["rule"] and "总量" in total["rule"] and region["city"].name in total["rule"]
    # a share of the part's institutions still judges it
    assert rows(plan, region[part])[2]["status"] != tj.NOT_JUDGED


def test_the_region_itself_is_judged_on_its_total(plan, region):
    assert rows(plan, region["city"])[1]["status"] in (tj.AT_RISK, tj.OFF_TRACK)


def test_the_reason_reads_in_english_too(plan, region):
    from django.utils import translation

    with translation.override("en"):
        rule = rows(plan, region["county"])[1]["rule"]
    assert "total of" in rule and "不" not in rule


def test_the_scorecard_page_of_a_county_shows_no_status_for_the_total(plan, region, web):
    page = web("planner").get(f"/plans/{plan.code}/", {"division": region["county"].code, "year": 2024})
    html = page.content.decode()
    assert page.status_code == 200 and "总量" in html and "不评价" in html


@pytest.mark.parametrize(
    ("numerator", "denominator", "total"),
    [
        ("R{health_workers: category=public_health} / 10000", None, True),
        ("R{actual_beds} + N{category=primary_care}", None, True),
        ("#{staff_count} * 2", None, True),
        ("#{myopia_rate}", None, False),  # a rate reported as a value does not add up
        ("R{actual_beds}", "P{}", False),
        ("N{category=primary_care}", "N{}", False),
        ("R{actual_beds} / R{physicians}", None, False),
        ("I{beds_per_1000}", None, False),
    ],
)
def test_what_a_total_is(numerator, denominator, total):
    parsed = ex.parse(denominator) if denominator else None
    assert ex.is_total(ex.parse(numerator), parsed, {"staff_count"}) is total
