"""The hospital performance page shows the plan targets a hospital is held to only from plans the
viewer may read (targets are read through the scope layer, not all at once): a plan of another region
whose target names a division above the hospital does not reach a city user's page.

On the kit: the city's tertiary public hospital (the `institution` user's) with a month of discharge
records and a weight table, so its CMI is charted; the city's plan and the other city's."""

import pytest

from tests import factories as f
from tests.hospitals.test_import import HEAD, good_rows, run_import, write
from tixi.accounts.models import Role
from tixi.hospitals import importing
from tixi.indicators.models import Indicator, Plan, Target

pytestmark = [pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]
CMI = "三级公立医院病例组合指数（CMI）"


def cmi_target(plan, division, label, value):
    return Target.objects.create(
        plan=plan, label=label, indicator=Indicator.objects.get(code="case_mix_index_level3_public"),
        division=division, target_year=2025, target_value=value, clause=f"{label}达到{value}",
    )  # fmt: skip


@pytest.fixture
def hospital(region, users, tmp_path):
    """The central hospital's stays of March 2019 (all HC39, weight 1.2) and the city's CMI target."""
    central = users["institution"].scope_institutions.get()
    assert run_import(write(tmp_path, [HEAD, *good_rows(central.code, "03", 3)])).ok
    # (allowed to lack DRGs: beside the demo, in a mixed run, the demo's stays are stored too)
    importing.import_weights(
        "W-kit", write(tmp_path, ["drg,weight", "HC39,1.2"], "w.csv"), allow_missing=True
    )
    cmi_target(f.plan(region["city"], title="测试市卫生健康规划"), region["city"], CMI, 1.1)
    return central


@pytest.fixture
def other_regions_target(region):
    """The other city's plan whose CMI target names the province (as a hand-written pack or a
    migration could)."""
    plan = f.plan(region["other_city"], code="other-city-secret-hospitals", title="外市内部医院目标")
    return cmi_target(plan, region["province"], "外市机密病例组合指数", 1.7)


def held_to(client, hospital) -> list[str]:
    page = client.get(f"/hospitals/{hospital.code}/")
    assert page.status_code == 200
    charts = {chart["id"]: chart for chart in page.context["charts"]}
    assert charts["cmi"]["values"] == {"2019": 1.2}
    return [t["label"] for chart in charts.values() for t in chart["targets"]]


@pytest.mark.parametrize("role", ["institution", "cdc", "auditor"])  # those who see the hospital
def test_a_hospital_page_shows_no_target_of_a_plan_the_viewer_cannot_read(
    web, users, role, hospital, other_regions_target
):
    client = web(role)
    assert not Plan.objects.visible_to(users[role]).filter(pk=other_regions_target.plan_id).exists()
    assert held_to(client, hospital) == [CMI]  # the city's own plan, which the user reads
    assert "外市内部医院目标" not in client.get(f"/hospitals/{hospital.code}/").content.decode()


def test_a_user_who_reads_both_plans_sees_both_targets(client, region, hospital, other_regions_target):
    both = f.user(Role.PLANNER, divisions=[region["city"], region["other_city"]])
    client.force_login(both)
    assert sorted(held_to(client, hospital)) == sorted([CMI, other_regions_target.label])
