"""Siting with a candidate file, the k = 1..K sweep, saving a scenario and making it planned projects;
bad input refused by field with nothing written."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from tests import factories as f
from tixi.accounts.models import AuditEntry
from tixi.geo.models import Division
from tixi.indicators.models import Plan
from tixi.layout.access import AccessError
from tixi.layout.models import SitingScenario
from tixi.layout.scenarios import scenario_to_projects
from tixi.ledger.models import Project

pytestmark = pytest.mark.without_demo
# the kit's other county (达川's place; its planner is the other city's, `dazhou`)
DACHUAN = "990203000000"
SITE = ["layout", "site", "--division", "990203", "--year", "2024"]
PLAN = "kit-county-plan"


@pytest.fixture(autouse=True)
def county(region):
    """The other county as nine townships of 0.1° in a square, 1,200 to 10,800 residents, a village
    clinic at each one's centre (the registry's candidates) and one township health centre in the
    middle one; the county's plan."""
    county = region["other_county"]
    for town, i, j in f.nine_square_towns(county, 2024, per_band=lambda n: 100 * n):
        centre = (107.05 + 0.1 * j, 31.05 + 0.1 * i)
        clinic = f.institution(town, name=f"镇{i}{j}村卫生室", type="village_clinic", level=None,
                               longitude=centre[0], latitude=centre[1])  # fmt: skip
        f.yearly_report(clinic, 2024)
        if (i, j) == (1, 1):
            health = f.institution(town, type="township_health_centre", level=None,
                                   longitude=centre[0], latitude=centre[1])  # fmt: skip
            f.yearly_report(health, 2024)
    f.plan(county, code=PLAN)
    return county


def places(n: int) -> list[Division]:
    dachuan = Division.objects.at(DACHUAN, 2024)
    return list(
        Division.objects.valid_in(2024).filter(level=4, path__startswith=dachuan.path).order_by("code")[:n]
    )


def site_json(capsys, *args) -> dict:
    call_command(*SITE, *args, "--format", "json")
    return json.loads(capsys.readouterr().out)


def test_candidate_file_sweep_and_save(tmp_path, capsys):
    file = tmp_path / "candidates.csv"
    rows = "\n".join(f"{p.code},候选{i}" for i, p in enumerate(places(8)))
    file.write_text("code,name\n" + rows + "\n", encoding="utf-8")
    data = site_json(capsys, "--k", "3", "--candidates", str(file), "--sweep", "4", "--save", "三个新中心")
    assert data["candidates"] <= 8 and len(data["exact"]["sites"]) == 3
    assert all(s["near"].startswith("候选") for s in data["exact"]["sites"])
    sweep = data["sweep"]
    assert [s["k"] for s in sweep] == [1, 2, 3, 4]
    assert [s["newly_covered"] for s in sweep] == sorted(s["newly_covered"] for s in sweep)
    assert sum(s["marginal"] for s in sweep) == sweep[-1]["newly_covered"]
    assert sweep[2]["newly_covered"] == data["exact"]["newly_covered"]  # k=3 of the sweep is the answer
    scenario = SitingScenario.objects.get(name="三个新中心")
    assert [s["place"] for s in scenario.sites] == [s["code"] for s in data["exact"]["sites"]]
    assert scenario.newly_covered == data["exact"]["newly_covered"]
    assert AuditEntry.objects.filter(model="layout.SitingScenario", object_pk=str(scenario.pk)).exists()
    with pytest.raises(CommandError, match="--save"):  # the same name again
        call_command(*SITE, "--k", "1", "--candidates", str(file), "--save", "三个新中心")


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "--candidates：.*须有 code 列"),
        ("code,name\n", "--candidates：.*没有候选点"),
        ("code,beds\n990203000000,3\n", "--candidates：.*未知的列 beds"),
        ("code,capacity\n990203000000,0\n", "--candidates：.*第 2 行，capacity"),
        ("code\n999999999999\n", "--candidates：.*第 2 行，code：999999999999"),
        ("code,longitude,latitude\n{code},东经,北纬\n", "--candidates：.*第 2 行，经度/纬度"),
    ],
)
def test_bad_candidate_files_are_refused_in_chinese_and_nothing_is_saved(tmp_path, content, message):
    file = tmp_path / "candidates.csv"
    file.write_text(content.format(code=places(1)[0].code), encoding="utf-8")
    with translation.override("zh-hans"), pytest.raises(CommandError, match=message) as refused:
        call_command(*SITE, "--k", "1", "--candidates", str(file), "--save", "坏")
    assert "候选" in str(refused.value)
    assert not SitingScenario.objects.exists()


def test_k_above_the_candidates_and_minutes_are_refused_by_field(tmp_path):
    file = tmp_path / "candidates.csv"
    file.write_text("code\n" + "\n".join(p.code for p in places(2)) + "\n", encoding="utf-8")
    with translation.override("zh-hans"):
        with pytest.raises(CommandError, match="--k") as refused:
            call_command(*SITE, "--k", "3", "--candidates", str(file), "--save", "多")
        assert "候选" in str(refused.value)
        with pytest.raises(CommandError, match="--minutes") as refused:
            call_command(*SITE, "--k", "1", "--minutes", "0", "--candidates", str(file), "--save", "零")
        assert "分钟" in str(refused.value)
    assert not SitingScenario.objects.exists()


def saved_scenario(capsys) -> SitingScenario:
    site_json(capsys, "--k", "2", "--candidates", "8", "--save", "两站")
    return SitingScenario.objects.get(name="两站")


def test_a_scenario_becomes_projects_once_audited_and_only_for_planners(users, capsys):
    scenario = saved_scenario(capsys)
    plan = Plan.objects.get(code=PLAN)
    for outsider in ("county", "auditor", "dachuan"):
        with pytest.raises(PermissionDenied):
            scenario_to_projects(scenario, plan, users[outsider])
    before = Project.objects.filter(plan=plan).count()
    call_command(
        *SITE[:1],
        "projects",
        "--division",
        "990203",
        "--year",
        "2024",
        "--scenario",
        "两站",
        "--plan",
        PLAN,
        "--user",
        "kit-dazhou",
    )
    made = Project.objects.filter(plan=plan).order_by("-number")[:2]
    assert Project.objects.filter(plan=plan).count() == before + 2
    assert {p.division.code for p in made} == {s["place"] for s in scenario.sites}
    assert all(p.status == "planned" and p.longitude for p in made)
    scenario.refresh_from_db()
    assert sorted(scenario.projects) == sorted(p.pk for p in made)
    assert (
        AuditEntry.objects.filter(model="ledger.Project", object_pk__in=[str(p.pk) for p in made]).count()
        == 2
    )
    with pytest.raises(AccessError):  # once only
        scenario_to_projects(scenario, plan, users["dazhou"])


def test_a_plan_of_another_region_is_refused(users, region, capsys):
    scenario = saved_scenario(capsys)
    elsewhere = f.plan(region["city"])
    with pytest.raises((AccessError, PermissionDenied)):
        scenario_to_projects(scenario, elsewhere, users["dazhou"])
    assert not scenario.projects and not elsewhere.projects.exists()
