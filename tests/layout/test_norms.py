"""Allocation norms: whole units required, the seeds' clauses verbatim, gaps from the registry."""

import json
import re

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from tests import factories as f
from tixi.geo.models import Division, Population
from tixi.layout.engine.norms import judge
from tixi.layout.models import Norm
from tixi.layout.norms import NORMS_FILE, gaps, load_norms

YEAR = 2024


# ------------------------------------------------------------------ engine
def test_per_population_rounds_up_to_whole_units():
    # 8.6 beds per 1,000 of 1,000,000 residents: exactly 8,600 (not 8,601 from 8.600000000000001)
    assert judge(8599, 8.6, basis=1_000_000, per=1000).gap == 1
    assert judge(8600, 8.6, basis=1_000_000, per=1000).gap == 0
    # one ambulance per 30,000: 30,001 residents need two
    assert judge(1, 1, basis=30_001, per=30_000).required == 2
    assert judge(1, 1, basis=30_000, per=30_000).gap == 0


def test_share_and_range():
    # at least 40% of 6 ambulances negative-pressure: 3 (2.4 rounded up)
    j = judge(1, 40, basis=6, per=100)
    assert (j.required, j.gap, j.passed) == (3, 2, False)
    # 2-3% of 180 beds as emergency observation beds: at least 4, at most 5
    assert judge(6, 2, 3, basis=180, per=100) == judge(6, 2, 3, basis=180, per=100)
    j = judge(6, 2, 3, basis=180, per=100)
    assert (j.required, j.allowed, j.gap, j.excess, j.passed) == (4, 5, 0, 1, False)
    # 5-8 sub-centres outright
    assert (judge(3, 5, 8).gap, judge(9, 5, 8).excess, judge(6, 5, 8).passed) == (2, 1, True)


def test_unknown_basis_or_actual_is_no_verdict():
    assert judge(None, 1, basis=100, per=10).passed is None
    assert judge(5, 1, basis=float("nan"), per=10).required is None


# ------------------------------------------------------------------ the seeds' norms
NORMS = yaml.safe_load(NORMS_FILE.read_text(encoding="utf-8"))["norms"]


@pytest.mark.parametrize("entry", NORMS, ids=[n["code"] for n in NORMS])
def test_every_clause_is_quoted_verbatim_with_its_numbers(entry):
    text = (settings.TIXI_SEEDS_DIR / entry["seed"]).read_text(encoding="utf-8")
    assert entry["clause"] in text
    if entry["kind"] in ("reach", "radius"):  # the minutes or km; a share only "every resident" (100)
        assert f"{entry['within']:g}" in entry["clause"] and entry.get("minimum") in (None, 100)
    elif entry.get("exempt_below"):  # the clause states whom it spares; "one each" is inferred, and said so
        assert f"{entry['exempt_below']}" in entry["clause"] and entry["minimum"] == 1
        assert "推知" in entry["note"] and "follows from" in entry["note_en"]
    else:
        assert f"{entry['minimum']:g}" in entry["clause"]
    if entry.get("year"):  # a year only where the clause states it (十四五 ends in 2025)
        assert str(entry["year"]) in re.sub(r"\s", "", entry["clause"]) or (
            entry["year"] == 2025 and "十四五" in entry["clause"]
        )


def test_the_seeds_norms_are_all_loaded(db):
    # every norm of the seeds that the layout issue names, by seed: one missing or renamed fails here
    codes = {n["code"] for n in NORMS}
    assert codes == {
        "pzh-beds",
        "pzh-beds-city",
        "pzh-beds-county",
        "pzh-beds-private",
        "pzh-icu-beds",
        "pzh-rehab-beds",
        "pzh-psych-beds",
        "pzh-tcm-beds",
        "pzh-physicians",
        "pzh-nurses",
        "pzh-gps",
        "pzh-township-centre",
        "pzh-community-centre",
        "pzh-village-clinic",
        "pzh-sub-centres",
        "pzh-emergency-observation-beds",
        "pzh-no-new-beds",
        "pzh-ems-radius-urban",
        "dc-15-minute-circle",
        "dc-30-minute-rural-circle",
        "dc-ems-radius-urban",
        "dc-ems-radius-rural",
        "dc-ambulances",
        "dc-negative-pressure",
        "dc-physicians",
        "dc-nurses",
        "dc-pharmacists",
        "dc-gps",
        "dc-township-centre",
        "dc-village-clinic",
        "dc-sub-centres",
        "dc-beds",
        "dc-childcare",
        "ws-community-station",
        "ws-village-clinic",
        "ws-grade-a-township",
        "ws-sub-centres",
        "ws-community-hospital",
        "dz-sub-centres",
        "dz-community-hospitals",
        "bz-sub-centres",
    }
    assert load_norms() == len(NORMS)
    assert Norm.objects.filter(code__in=codes).count() == len(NORMS)


# ------------------------------------------------------------------ gaps from the registry
def township(code, parent, name, people):
    return f.peopled(code, parent, name, people, YEAR)


@pytest.fixture
def county(db):
    county = f.sample_county()
    towns = [
        township("990102001000", county, "甲镇", 40_000),
        township("990102002000", county, "乙镇", 20_001),
        township("990102003000", county, "丙街道", 30_000),
    ]
    hospital = f.institution(county, name="测试县人民医院", type="general_hospital", level=2)
    f.yearly_report(hospital, YEAR, actual_beds=200, emergency_observation_beds=3, ambulances=2)
    small = f.institution(county, name="测试县中医院", type="tcm_hospital", level=2)
    f.yearly_report(small, YEAR, actual_beds=100, emergency_observation_beds=2, ambulances=1)
    centre = f.institution(towns[0], name="甲镇卫生院", type="township_health_centre", level=None)
    f.yearly_report(centre, YEAR)
    common = {"region": "990102", "source": "测试", "clause": "测试条文", "version": "t"}
    Norm.objects.create(
        code="t-ambulances",
        name="救护车",
        kind="per_population",
        level=3,
        measure="R{ambulances}",
        basis="P{}",
        minimum=1,
        per=30_000,
        unit="vehicles",
        **common,
    )
    Norm.objects.create(
        code="t-centres",
        name="乡镇卫生院",
        kind="per_place",
        level=4,
        place_kind="town",
        measure="N{type=township_health_centre}",
        minimum=1,
        unit="institutions",
        **common,
    )
    Norm.objects.create(
        code="t-observation",
        name="观察床位",
        kind="per_institution",
        level=3,
        institutions="type=general_hospital|tcm_hospital & level>=2",
        measure="R{emergency_observation_beds}",
        basis="R{actual_beds}",
        minimum=2,
        maximum=3,
        per=100,
        unit="beds",
        **common,
    )
    return county


def test_gaps_in_whole_units_naming_who_lacks(county):
    by_code = {g.norm.code: g for g in gaps(county, YEAR) if g.norm.code.startswith("t-")}
    ambulances = by_code["t-ambulances"]
    # 90,001 residents / 30,000 -> 4 ambulances; 3 reported
    assert (ambulances.required, ambulances.actual, ambulances.gap) == (4, 3, 1)
    centres = by_code["t-centres"]  # the subdistrict is not a town
    assert (centres.required, centres.gap) == (2, 1)
    assert [r.name for r in centres.lacking] == ["乙镇"]
    observation = by_code["t-observation"]  # 2% of 200 = 4 (has 3); 2% of 100 = 2 (has 2)
    assert [(r.name, r.judgement.required, r.judgement.gap) for r in observation.lacking] == [
        ("测试县人民医院", 4, 1)
    ]
    assert observation.gap == 1


def test_cli_gaps_json_and_table(county, capsys):
    call_command("layout", "gaps", "--division", "990102", "--year", str(YEAR), "--format", "json")
    data = json.loads(capsys.readouterr().out)
    row = next(n for n in data["norms"] if n["code"] == "t-centres")
    assert (row["required"], row["actual"], row["gap"], row["passed"]) == (2, 1, 1, False)
    assert row["lacking"][0]["name"] == "乙镇" and row["clause"] == "测试条文"
    call_command("layout", "gaps", "--division", "990102000000", "--year", str(YEAR))
    out = capsys.readouterr().out
    assert "乙镇" in out and "救护车" in out


def test_demo_norms_judge_the_seed_regions(db):
    dachuan = Division.objects.at("511703000000", YEAR)
    by_code = {g.norm.code: g for g in gaps(dachuan, YEAR)}
    assert by_code["dc-ambulances"].required > 0 and by_code["dc-ambulances"].gap is not None
    assert len(by_code["dc-village-clinic"].rows) > 100  # every administrative village of 达川
    assert by_code["dz-sub-centres"].skipped  # a city's count is not split among its districts


def test_demo_wushan_spares_its_smallest_villages_and_counts_residents_once(db):
    from tixi.geo.services import population_by_child, population_of
    from tixi.indicators import items as item_values
    from tixi.layout.norms import values_of

    wushan = Division.objects.at("500237000000", YEAR)
    judged = {g.norm.code: g for g in gaps(wushan, YEAR)}["ws-village-clinic"]
    spared = [row for row in judged.rows if row.exempt]
    # the demo leaves its smallest villages without a clinic: some are spared, none of 300 or more
    assert spared and all(row.basis < 300 and row.judgement.actual == 0 for row in spared)
    assert all(row.basis >= 300 for row in judged.lacking if row.basis is not None)
    # villages have residents of their own, and the county's total counts them once
    villages = Population.objects.filter(division__path__startswith=wushan.path, division__level=5, year=YEAR)
    townships = Population.objects.filter(
        division__path__startswith=wushan.path, division__level=4, year=YEAR
    )
    in_villages = sum(villages.values_list("count", flat=True))
    assert in_villages == sum(townships.values_list("count", flat=True)) > 0
    assert population_of(wushan, YEAR).total == in_villages
    assert sum(p.total for p in population_by_child(wushan, YEAR).values()) == in_villages
    (people,) = values_of("P{}", [item_values.Cell(wushan, YEAR)])
    assert people == in_villages


@pytest.mark.parametrize("code", ["51", "abc", "5104000000001"])
def test_bad_division_is_refused(db, code):
    with pytest.raises(CommandError, match="--division"):
        call_command("layout", "gaps", "--division", code, "--year", str(YEAR))


def test_a_bad_expression_refuses_the_whole_file(db, tmp_path):
    broken = tmp_path / "norms.yaml"
    entries = [dict(NORMS[0]), dict(NORMS[1], code="broken", measure="R{actual_beds")]
    broken.write_text(yaml.safe_dump({"norms": entries}, allow_unicode=True), encoding="utf-8")
    Norm.objects.filter(code__in=["broken", NORMS[0]["code"]]).delete()
    with pytest.raises(Exception, match="broken"):
        load_norms(broken)
    assert not Norm.objects.filter(code=NORMS[0]["code"]).exists()


def test_planned_beds_count_against_the_bed_norm(county):
    from tixi.ledger.models import ProjectAddition

    Norm.objects.create(
        code="t-beds",
        name="床位",
        kind="per_population",
        level=3,
        measure="R{actual_beds}",
        basis="P{}",
        minimum=5,
        per=1000,
        unit="beds",
        planned_by="beds",
        region="990102",
        source="测试",
        clause="测试条文",
        version="t",
    )
    project = f.project(f.plan(county), division=county, start_year=2024, end_year=2026)
    ProjectAddition.objects.create(project=project, what="beds", amount=120)
    row = next(g for g in gaps(county, YEAR) if g.norm.code == "t-beds").rows[0]
    # 90,001 residents x 5 / 1,000 -> 451 beds; 300 reported; projects plan 120 more -> 31 still missing
    assert (row.judgement.required, row.judgement.gap, row.planned) == (451, 151, 120)
    assert row.as_json()["gap_after_planned"] == 31
