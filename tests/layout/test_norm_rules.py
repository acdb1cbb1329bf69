"""Norms that are rules or reach rather than quantities: 攀枝花's "no new beds" at underused hospitals."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tests import factories as f
from tixi.geo.models import Division
from tixi.layout.actions import save_norm
from tixi.layout.models import Norm
from tixi.layout.norms import as_json, gaps
from tixi.registry import planned

YEAR = 2024  # a leap year: 366 days

FREEZE = {
    "code": "t-no-new-beds",
    "name": "不再新增床位",
    "region": "990102",
    "kind": "bed_freeze",
    "level": 3,
    "institutions": "type=general_hospital & ownership=public",
    "measure": "R{actual_beds}",
    "minimum": 75,
    "stay_above": 9,
    "per": 100,
    "unit": "beds",
    "source": "测试",
    "clause": "病床使用率低于75%，平均住院日高于9天的公立综合医院，不再新增床位",
    "version": "t",
}


@pytest.fixture
def county(db):
    city = f.division("990100000000", parent=f.division("990000000000"), name="测试市")
    county = f.division("990102000000", parent=city, name="测试县")
    # the condition is read from the year before (2023: 365 days), beds from the year judged
    # 200 beds x 365 days; 50,000 bed-days = 68.5% in use, 5,000 discharges = 10 days: concerned
    idle = f.institution(county, name="测试县人民医院", ownership="public")
    f.yearly_report(idle, YEAR - 1, actual_beds=200, bed_days=50_000, discharges=5_000)
    f.yearly_report(idle, YEAR, actual_beds=200)
    # 80% in use, 12 days: may add beds
    busy = f.institution(county, name="测试县第二人民医院", ownership="public")
    f.yearly_report(busy, YEAR - 1, actual_beds=100, bed_days=29_200, discharges=2_433)
    f.yearly_report(busy, YEAR, actual_beds=150)
    # 50% in use but 6 days: may add beds (both conditions are needed)
    short = f.institution(county, name="测试县第三人民医院", ownership="public")
    f.yearly_report(short, YEAR - 1, actual_beds=100, bed_days=18_250, discharges=3_042)
    f.yearly_report(short, YEAR, actual_beds=100)
    # a private hospital is not named by the rule
    private = f.institution(county, name="测试民营医院", ownership="private")
    f.yearly_report(private, YEAR - 1, actual_beds=100, bed_days=10_000, discharges=500)
    f.yearly_report(private, YEAR, actual_beds=120)
    save_norm(dict(FREEZE))
    return county


@pytest.fixture
def projects():
    listed = []

    def provider(division):
        return [p for p in listed if division.code == "990102000000"]

    planned.register_planned_bed_projects(provider)
    yield listed
    planned._bed_project_providers.remove(provider)


def freeze_of(county):
    return next(n for n in as_json(county, YEAR, gaps(county, YEAR))["norms"] if n["code"] == "t-no-new-beds")


def test_the_rule_names_the_hospitals_where_no_beds_may_be_added(county, projects):
    row = freeze_of(county)
    assert [h["name"] for h in row["frozen"]] == ["测试县人民医院"]
    facts = row["frozen"][0]["facts"]
    assert (facts["occupancy"], facts["average_stay"], facts["status"]) == (68.5, 10.0, "held")
    assert row["judged"] == 3  # the private hospital is not judged
    assert row["passed"] is True and row["flagged_projects"] == []
    assert any("测试县人民医院" in s and "68.5" in s for s in row["sentences"])


def test_beds_added_at_a_concerned_hospital_break_the_rule(county, projects):
    from tixi.registry.models import InstitutionYear

    InstitutionYear.objects.filter(institution__name="测试县人民医院", year=YEAR).update(actual_beds=230)
    row = freeze_of(county)
    assert row["passed"] is False and row["excess"] == 30
    assert row["frozen"][0]["facts"]["status"] == "breach"
    assert any("30" in s and "测试县人民医院" in s for s in row["sentences"][1:])


def test_a_project_adding_beds_at_a_frozen_hospital_is_flagged(county, projects):
    projects.append(
        {"name": "测试县人民医院住院楼", "site": "城关", "beds": 150, "url": "/ledger/projects/1/"}
    )
    projects.append(
        {"name": "测试县第二人民医院扩建", "site": "城关", "beds": 80, "url": "/ledger/projects/2/"}
    )
    row = freeze_of(county)
    assert row["passed"] is False and row["excess"] == 150
    assert [(p["name"], p["institution"]) for p in row["flagged_projects"]] == [
        ("测试县人民医院住院楼", "测试县人民医院")
    ]
    assert any("测试县人民医院住院楼" in s and "150" in s for s in row["sentences"])


def test_the_cli_json_carries_the_rule(county, projects, capsys):
    call_command("layout", "gaps", "--division", "990102", "--year", str(YEAR), "--format", "json")
    row = next(n for n in json.loads(capsys.readouterr().out)["norms"] if n["code"] == "t-no-new-beds")
    assert (row["minimum"], row["stay_above"], row["kind"]) == (75, 9, "bed_freeze")
    assert [h["name"] for h in row["frozen"]] == ["测试县人民医院"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"stay_above": None}, "stay_above"),
        ({"institutions": ""}, "institutions"),
        ({"minimum": 175}, "minimum"),
        ({"kind": "count", "code": "t-count"}, "stay_above"),  # a count has no average stay
    ],
)
def test_the_action_refuses_an_incomplete_rule(db, change, field):
    f.division("990102000000", parent=f.division("990100000000", parent=f.division("990000000000")))
    with pytest.raises(ValidationError) as error:
        save_norm(dict(FREEZE, **change))
    assert field in error.value.message_dict
    assert not Norm.objects.filter(code__startswith="t-").exists()


def test_the_demo_loads_panzhihuas_rule(db):
    norm = Norm.objects.get(code="pzh-no-new-beds")
    assert "病床使用率低于75%，平均住院日高于9天的公立综合医院，不再新增床位" in norm.clause
    assert (norm.minimum, norm.stay_above) == (75, 9)
    city = Division.objects.at("510400000000", YEAR)
    row = freeze_of_code(city, "pzh-no-new-beds")
    assert row["judged"] > 0 and row["passed"] is not None
    # the same hospitals as the plan's scorecard rule (enterprise hospitals set apart there too)
    from tixi.indicators.engine.rules import no_new_beds_when_underused
    from tixi.indicators.statements import hospital_rows

    rows, _apart = hospital_rows(city, YEAR, ["general_hospital"], "public", ["city", "county", "township"])
    scorecard = {
        j.code: j.status for j in no_new_beds_when_underused(rows, 75, 9) if j.status in ("breach", "held")
    }
    assert {h["code"]: h["facts"]["status"] for h in row["frozen"]} == scorecard


def freeze_of_code(division, code):
    return next(n for n in as_json(division, YEAR, gaps(division, YEAR))["norms"] if n["code"] == code)


# ------------------------------------------------------------------ reach and radius (达川, 攀枝花)
@pytest.fixture
def dachuan(db):
    return Division.objects.at("511703000000", YEAR)


def test_the_15_minute_circle_counts_residents_beyond_and_judges_no_share(dachuan):
    row = freeze_of_code(dachuan, "dc-15-minute-circle")
    assert "初步形成15分钟基本医疗服务圈" in row["clause"] and row["within"] == 15
    # the plan states no share: counted, not judged
    assert row["minimum"] is None and row["passed"] is None and row["gap"] is None
    assert row["verdict"] and not row["skipped"]
    assert row["population"] > 0 and row["beyond"] == row["population"] - row["within_residents"]
    assert f"{row['beyond']:,}" in row["sentences"][0]
    # the townships furthest out first, by the share of their residents beyond 15 minutes
    shares = [t["beyond"] / t["population"] for t in row["furthest"]]
    assert shares == sorted(shares, reverse=True)


def test_the_rural_30_minute_circle_counts_towns_only(dachuan):
    row = freeze_of_code(dachuan, "dc-30-minute-rural-circle")
    urban = freeze_of_code(dachuan, "dc-15-minute-circle")
    assert 0 < row["judged"] < urban["judged"]
    assert all(not t["name"].endswith("街道") for t in row["furthest"])


def test_the_ems_radius_norm_judges_each_township_in_persons(dachuan):
    from tixi.layout.access import ems_radius, region

    ems = ems_radius(region(dachuan, YEAR))
    rural = freeze_of_code(dachuan, "dc-ems-radius-rural")
    urban = freeze_of_code(dachuan, "dc-ems-radius-urban")
    # every resident within the radius is required: the gap is the residents beyond, in persons
    for row in (rural, urban):
        assert row["required"] == row["population"] and row["gap"] == row["beyond"]
        assert row["passed"] is (row["beyond"] == 0)
    # the coverage page's EMS part and the norms count the same residents
    assert ems["inside"] == rural["within_residents"] + urban["within_residents"]


def test_the_coverage_page_reads_its_ems_radii_from_the_norms(dachuan):
    from tixi.layout.access import ems_radius, region

    norm = Norm.objects.get(code="dc-ems-radius-rural")
    save_norm({"within": 10}, None, norm)
    ems = ems_radius(region(dachuan, YEAR))
    assert ems["radii"] == ["5", "10"]
    assert {t["radius"] for t in ems["townships"].values()} == {"5", "10"}


def test_a_reach_norm_needs_its_minutes_and_facilities(db):
    f.division("990102000000", parent=f.division("990100000000", parent=f.division("990000000000")))
    reach = dict(FREEZE, code="t-reach", kind="reach", level=4, within=15, unit="persons")
    reach.pop("stay_above")
    reach.pop("minimum")
    assert save_norm(dict(reach)).minimum is None  # a reach with no share is allowed
    for change, field in (
        ({"within": None}, "within"),
        ({"minimum": 0}, "minimum"),
        ({"institutions": ""}, "institutions"),
    ):
        with pytest.raises(ValidationError) as error:
            save_norm(dict(reach, code="t-reach-2", **change))
        assert field in error.value.message_dict
    with pytest.raises(ValidationError) as error:  # only reach and radius have minutes or km
        save_norm(dict(FREEZE, code="t-freeze-2", within=5))
    assert "within" in error.value.message_dict


def test_the_gaps_page_says_who_is_beyond_the_circle_in_chinese_and_english(users):
    from tests.layout.test_pages import client_for

    zh = client_for(users, "planner").get("/layout/511703000000/gaps/?year=2024").content.decode()
    assert 'data-norm="dc-15-minute-circle"' in zh and "人在15分钟以外" in zh
    # every rural resident of 达川 is within 20 km of an EMS point: said so, not "0 beyond"
    assert "不作判断：规划未规定比例" in zh and "名居民都在20公里以内" in zh
    en = client_for(users, "planner", "en").get("/layout/511703000000/gaps/?year=2024").content.decode()
    assert "not judged: the plan states no share" in en and "residents are beyond 15 minutes" in en
    pzh = client_for(users, "planner").get("/layout/510400000000/gaps/?year=2024").content.decode()
    assert 'data-norm="pzh-no-new-beds"' in pzh and 'data-norm="pzh-ems-radius-urban"' in pzh


@pytest.mark.parametrize(
    ("within", "zh", "en"),
    [
        (1_000, "全部 1,000 名居民都在5公里以内", "All 1,000 residents are within 5 km"),
        (940, "还有 60 人在5公里以外", "60 residents are beyond 5 km"),
    ],
)
def test_a_radius_met_by_everyone_says_so_rather_than_zero_beyond(within, zh, en):
    from django.utils import translation

    from tixi.layout.engine.norms import Judgement
    from tixi.layout.models import Norm
    from tixi.layout.norms import NormGap, Row, reach_json

    norm = Norm(
        code="t-radius", name="急救半径", kind="radius", level=4, within=5, minimum=100, unit="persons"
    )
    facts = {"population": 1_000, "within": within, "beyond": 1_000 - within}
    row = Row("990102001000", "甲街道", Judgement(1_000, None, within, 1_000 - within, 0), 1_000, facts=facts)
    result = NormGap(norm, [row])
    for language, sentence in (("zh-hans", zh), ("en", en)):
        with translation.override(language):
            assert reach_json(result)["sentences"][0] == sentence
