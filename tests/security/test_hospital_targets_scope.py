"""The hospital performance page shows the plan targets a hospital is held to only from plans the
viewer may read (targets are read through the scope layer, not all at once): a plan of another region
whose target names a division above the hospital does not reach a 攀枝花 user's page."""

import pytest

from tixi.geo.models import Division
from tixi.indicators.models import Indicator, Plan, Target

pytestmark = pytest.mark.django_db
CENTRAL_HOSPITAL = "510402100001"  # 攀枝花市中心医院: tertiary, general, public; demo discharge records
SICHUAN, DAZHOU = "510000000000", "511700000000"


@pytest.fixture
def other_regions_target():
    """A 达州 plan whose CMI target names the province (as a hand-written pack or a migration could)."""
    plan = Plan.objects.create(
        code="dazhou-secret-hospitals",
        title="达州内部医院目标",
        issuer="达州市人民政府",
        region=Division.objects.get(code=DAZHOU),
        period_start=2021,
        period_end=2025,
    )
    return Target.objects.create(
        plan=plan,
        label="达州机密病例组合指数",
        indicator=Indicator.objects.get(code="case_mix_index_level3_public"),
        division=Division.objects.get(code=SICHUAN),
        target_year=2025,
        target_value=1.7,
        clause="达州机密病例组合指数达到1.7",
    )


def held_to(client) -> list[str]:
    page = client.get(f"/hospitals/{CENTRAL_HOSPITAL}/")
    assert page.status_code == 200
    return [t["label"] for chart in page.context["charts"] for t in chart["targets"]]


@pytest.mark.parametrize("role", ["institution", "cdc", "auditor"])  # those who see the hospital
def test_a_hospital_page_shows_no_target_of_a_plan_the_viewer_cannot_read(
    web, users, role, other_regions_target
):
    client = web(role)
    labels = held_to(client)
    assert not Plan.objects.visible_to(users[role]).filter(pk=other_regions_target.plan_id).exists()
    assert "三级公立医院病例组合指数（CMI）" in labels  # 攀枝花's own plan, which the user reads
    assert other_regions_target.label not in labels
    assert "达州内部医院目标" not in client.get(f"/hospitals/{CENTRAL_HOSPITAL}/").content.decode()


def test_a_user_who_reads_both_plans_sees_both_targets(web, other_regions_target):
    labels = held_to(web("planner"))  # the demo planner's scope holds 攀枝花 and 达州
    assert {"三级公立医院病例组合指数（CMI）", other_regions_target.label} <= set(labels)
