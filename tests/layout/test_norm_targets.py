"""A plan target that reads an allocation norm's result for its division, judged on the scorecard."""

import pytest
from django.test import Client

from tests import factories as f
from tixi.accounts.models import Role
from tixi.indicators.models import Indicator, Target
from tixi.indicators.services import evaluate_plan
from tixi.layout.models import Norm

pytestmark = pytest.mark.without_demo
COUNTY = "990102000000"


@pytest.fixture
def plan(db):
    """测试县 with 120,000 residents and an EMS centre of 2 ambulances (4 needed at 1 per 30,000), in
    2024 and 2025; its plan has one indicator target (beds per 1,000)."""
    county = f.sample_county()
    for year in (2024, 2025):
        f.peopled(f"99010200{year - 2023}000", county, f"测试镇{year}", 120_000, year)
    ems = f.institution(county, type="ems_centre", level=None)
    for year in (2024, 2025):
        f.yearly_report(ems, year, ambulances=2)
    Norm.objects.create(
        code="t-ambulances", name="救护车", name_en="Ambulances", region="990102", kind="per_population",
        level=3, measure="R{ambulances}", basis="P{}", minimum=1, per=30_000, unit="vehicles",
        counted="救护车", counted_en="ambulance", source="测试", clause="1辆/3万人", version="t",
    )  # fmt: skip
    plan = f.plan(county, code="t-county-plan")
    beds = Indicator.objects.create(
        code="t-beds-per-1000",
        name="每千人口床位数",
        numerator="R{actual_beds}",
        denominator="P{}",
        factor=1000,
    )
    Target.objects.create(
        plan=plan, order=1, label="每千人口床位数", indicator=beds, division=county, target_year=2025,
        target_value=6, clause="每千人口床位数达到6张",
    )  # fmt: skip
    return plan


def norm_target(plan, code, order=900):
    return Target.objects.create(
        plan=plan,
        order=order,
        label=f"按配置标准：{code}",
        division=plan.region,
        norm=code,
        target_year=2025,
        clause="原则上按1辆/3万人的标准配备救护车",
    )


def test_a_norm_target_reads_required_actual_and_pass_fail(plan):
    norm_target(plan, "t-ambulances")
    norm_target(plan, "no-such-norm", order=901)
    rows = {r["indicator"]: r for r in evaluate_plan(plan, plan.region, 2024)}
    assert set(rows) == {"t-beds-per-1000", "norm:t-ambulances", "norm:no-such-norm"}
    row = rows["norm:t-ambulances"]
    assert (row["required"], row["actual"], row["target"], row["passed"]) == (4, 2, 4, False)
    assert row["status"] == "at_risk"  # 2024, before the target year
    assert row["gap"]["units"] == 2 and row["gap"]["text"] == "测试县 还需 2 辆救护车"
    assert rows["norm:no-such-norm"]["status"] == "no_data"
    # the same norm judged in the target year is off track, as it still fails
    late = {r["indicator"]: r for r in evaluate_plan(plan, plan.region, 2025)}["norm:t-ambulances"]
    assert late["status"] == "off_track"
    # and achieved once the fleet is large enough
    f.yearly_report(f.institution(plan.region, type="ems_centre", level=None), 2025, ambulances=2)
    met = {r["indicator"]: r for r in evaluate_plan(plan, plan.region, 2025)}["norm:t-ambulances"]
    assert (met["actual"], met["status"], met["gap"]) == (4, "achieved", None)


def test_the_scorecard_shows_a_norm_target(plan):
    norm_target(plan, "t-ambulances")
    planner = f.user(Role.PLANNER, divisions=[plan.region])
    client = Client()
    client.force_login(planner)
    html = client.get(f"/plans/{plan.code}/?year=2024&division={COUNTY}").content.decode()
    assert "按配置标准：t-ambulances" in html and "还需 2 辆救护车" in html
    english = Client()
    english.cookies["django_language"] = "en"
    english.force_login(planner)
    html = english.get(f"/plans/{plan.code}/?year=2024&division={COUNTY}").content.decode()
    assert "still needs 2 ambulances" in html


def test_a_target_cannot_read_both_an_indicator_and_a_norm(plan):
    from django.core.exceptions import ValidationError

    target = Target.objects.get(plan=plan, indicator__isnull=False)
    target.norm = "t-ambulances"
    with pytest.raises(ValidationError, match="norm"):
        target.full_clean()
