"""The ledger's projects as capacity that closes a gap: a norm says which addition counts against it
(`Norm.planned_by`); a project counts in the division of its site, against that norm only, until it is
done (then the registry's reports hold it) or while it is not suspended."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from tests import factories as f
from tixi.layout.actions import save_norm
from tixi.layout.models import Norm
from tixi.layout.norms import as_json, gaps
from tixi.ledger.models import Milestone, ProjectAddition, ProjectStatus

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

YEAR = 2024
COMMON = {"region": "990102", "source": "测试", "clause": "测试条文", "version": "t"}


def township(code, parent, name, people):
    return f.peopled(code, parent, name, people, YEAR)


@pytest.fixture
def county(db):
    county = f.sample_county()
    towns = {
        "甲": township("990102001000", county, "甲街道", 40_000),
        "乙": township("990102002000", county, "乙街道", 20_000),
    }
    hospital = f.institution(county, name="测试县人民医院", type="general_hospital", level=2)
    f.yearly_report(hospital, YEAR, actual_beds=200, psychiatric_beds=0, ambulances=1)
    Norm.objects.create(
        code="t-beds", name="床位", kind="per_population", level=3, measure="R{actual_beds}",
        basis="P{}", minimum=5, per=1000, unit="beds", planned_by="beds", counted="床位", **COMMON,
    )  # fmt: skip
    Norm.objects.create(
        code="t-psych", name="精神科床位", kind="per_population", level=3, measure="R{psychiatric_beds}",
        basis="P{}", minimum=0.5, per=1000, unit="beds", planned_by="psychiatric_beds", **COMMON,
    )  # fmt: skip
    Norm.objects.create(
        code="t-ambulances", name="救护车", kind="per_population", level=3, measure="R{ambulances}",
        basis="P{}", minimum=1, per=30_000, unit="vehicles", **COMMON,
    )  # fmt: skip
    Norm.objects.create(
        code="t-centre", name="社区卫生服务中心", kind="per_place", level=4, place_kind="subdistrict",
        measure="N{type=community_health_centre}", minimum=1, unit="institutions",
        planned_by="community_health_centre", counted="社区卫生服务中心", **COMMON,
    )  # fmt: skip
    county.towns = towns
    county.plan = f.plan(county)
    return county


def adds(county, where, status=ProjectStatus.UNDER_WAY, end_year=2026, **amounts):
    project = f.project(county.plan, division=where, status=status, start_year=2023, end_year=end_year)
    for what, amount in amounts.items():
        ProjectAddition.objects.create(project=project, what=what, amount=amount)
    return project


def judged(division, code):
    return next(g for g in gaps(division, YEAR) if g.norm.code == code)


def json_row(division, code):
    return next(n for n in as_json(division, YEAR, gaps(division, YEAR))["norms"] if n["code"] == code)


def test_an_addition_counts_against_the_norm_on_its_measure_only(county):
    adds(county, county.towns["甲"], psychiatric_beds=20)
    # 60,000 x 0.5 / 1,000 = 30 psychiatric beds, none reported: 20 planned, 10 left
    psych = json_row(county, "t-psych")
    assert (psych["gap"], psych["planned"], psych["gap_after_planned"]) == (30, 20, 10)
    # the norm on all beds reads the `beds` addition: a psychiatric addition alone is not one
    beds = json_row(county, "t-beds")
    assert (beds["gap"], beds["planned"], beds["gap_after_planned"]) == (100, 0, 100)
    # a norm that counts no addition shows none
    ambulances = json_row(county, "t-ambulances")
    assert ambulances["planned"] is None and ambulances["gap_after_planned"] is None


def test_a_project_counts_in_the_division_of_its_site_down_to_townships(county):
    project = adds(county, county.towns["甲"], community_health_centre=1, beds=80)
    centre = judged(county, "t-centre")
    by_place = {row.name: row for row in centre.rows}
    assert by_place["甲街道"].planned == 1 and by_place["乙街道"].planned == 0
    row = json_row(county, "t-centre")
    assert (row["gap"], row["planned"], row["gap_after_planned"]) == (2, 1, 1)
    assert row["planned_projects"][0]["name"] == project.name
    assert row["planned_projects"][0]["place"] == "甲街道"
    # drilled down: the county's bed norm (a rate of the county as a whole) is not judged on a township
    # (normlevel), so no gap there; the project's 80 beds count in the county's judgement
    town = json_row(county.towns["甲"], "t-beds")
    assert (town["gap"], town["planned"], town["gap_after_planned"]) == (None, None, None)
    assert json_row(county, "t-beds")["planned"] == 80


def test_a_planned_surplus_in_one_place_does_not_fill_another(county):
    adds(county, county.towns["甲"], community_health_centre=3)
    row = json_row(county, "t-centre")
    assert (row["gap"], row["planned"], row["gap_after_planned"]) == (2, 3, 1)


def test_done_suspended_and_given_up_projects_do_not_count(county):
    where = county.towns["甲"]
    adds(county, where, status=ProjectStatus.IN_USE, end_year=2023, beds=50)  # in 2024's reports
    adds(county, where, status=ProjectStatus.SUSPENDED, beds=40)
    adds(county, where, status=ProjectStatus.PLANNED, beds=7)
    assert json_row(county, "t-beds")["planned"] == 7
    # completed after the year judged (its last milestone reached in 2025): still to come in 2024
    late = adds(county, where, status=ProjectStatus.COMPLETED, end_year=2024, beds=30)
    Milestone.objects.create(
        project=late, name="竣工验收", planned=dt.date(2024, 11, 30), reached=dt.date(2025, 3, 1)
    )
    assert json_row(county, "t-beds")["planned"] == 37
    # done in the year judged: the year's report holds it, so it is not counted a second time
    Milestone.objects.filter(project=late).update(reached=dt.date(2024, 12, 1))
    assert json_row(county, "t-beds")["planned"] == 7


def test_sentences_say_which_project_narrows_or_closes_a_gap(county):
    adds(county, county.towns["甲"], community_health_centre=1)
    with translation.override("zh-hans"):
        sentences = json_row(county, "t-centre")["planned_sentences"]
    assert len(sentences) == 1 and sentences[0].startswith("甲街道")
    assert "测试建设项目" in sentences[0] and "补齐" in sentences[0]
    with translation.override("en"):
        assert "closes the gap of 1" in json_row(county, "t-centre")["planned_sentences"][0]


def test_cli_json_gives_planned_and_gap_after_planned(county, capsys):
    adds(county, county.towns["乙"], beds=60)
    call_command("layout", "gaps", "--division", "990102", "--year", str(YEAR), "--format", "json")
    row = next(n for n in json.loads(capsys.readouterr().out)["norms"] if n["code"] == "t-beds")
    assert (row["gap"], row["planned"], row["gap_after_planned"], row["planned_by"]) == (100, 60, 40, "beds")


def test_only_a_norm_on_a_number_counts_additions_refused_in_chinese(county):
    values = {
        "code": "t-reach", "name": "15分钟", "kind": "reach", "level": 4, "within": 15, "minimum": 100,
        "institutions": "type=township_health_centre", "measure": "N{type=township_health_centre}",
        "unit": "persons", "planned_by": "beds", **COMMON,
    }  # fmt: skip
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        save_norm(values)
    assert "只有" in error.value.message_dict["planned_by"][0]
    assert not Norm.objects.filter(code="t-reach").exists()
    with translation.override("zh-hans"), pytest.raises(ValidationError) as error:
        save_norm(dict(values, kind="per_population", basis="P{}", within=None, planned_by="castles"))
    assert "planned_by" in error.value.message_dict
