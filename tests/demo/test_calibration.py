"""Every figure a seed publishes for its baseline year comes out of the registry as published."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from tests.conftest import DACHUAN, PANZHIHUA
from tixi.demo.builder import load_specs
from tixi.registry.engine.figures import round_like

pytestmark = pytest.mark.django_db


def figures_json(code, year):
    out = StringIO()
    call_command("figures", division=code, year=year, format="json", stdout=out)
    return json.loads(out.getvalue())


def test_panzhihua_2020_figures_as_published():
    f = figures_json(PANZHIHUA, 2020)
    assert (f["institutions"], f["hospitals"], f["primary_care_institutions"]) == (1009, 27, 960)
    assert (f["public_health_institutions"], f["other_institutions"]) == (20, 2)
    assert f["hospitals_by_grade"] == {"3A": 5, "3B": 1, "2A": 7, "2B": 1}
    assert (f["health_workers"], f["actual_beds"]) == (13402, 10389)
    assert f["physicians_per_1000"] == 3.63
    assert round_like(f["nurses_per_1000"], 1) == 4.1
    assert f["gps_per_10000"] == 2.73
    assert f["public_health_staff_per_10000"] == 9.52
    assert round_like(f["beds_per_1000"], 0) == 8
    assert round_like(f["childcare_places_per_1000"], 1) == 1.9
    assert (f["township_health_centres"], f["community_health_service_centres"], f["village_clinics"]) == (
        37,
        14,
        450,
    )
    required = {
        "resident_population",
        "institutions",
        "hospitals",
        "primary_care_institutions",
        "public_health_institutions",
        "other_institutions",
        "township_health_centres",
        "community_health_service_centres",
        "village_clinics",
        "health_workers",
        "actual_beds",
        "approved_beds",
        "physicians",
        "nurses",
        "beds_per_1000",
        "physicians_per_1000",
        "nurses_per_1000",
        "pharmacists_per_1000",
        "gps_per_10000",
        "public_health_staff_per_10000",
        "childcare_places_per_1000",
        "hospitals_by_grade",
    }
    assert required <= f.keys()


def test_dachuan_2020_figures_as_published():
    f = figures_json(DACHUAN, 2020)
    assert f["actual_beds"] == 6804
    assert (f["beds_per_1000"], f["physicians_per_1000"], f["nurses_per_1000"]) == (6.2, 2.29, 2.79)
    assert f["primary_care_institutions"] == 702
    assert f["primary_care_share_pct"] == 73.28


@pytest.mark.parametrize("code", [PANZHIHUA, DACHUAN])
def test_check_lists_every_published_figure(code):
    spec = next(
        s for s in load_specs() if s.get("calibration", {}).get("division", "").ljust(12, "0") == code
    )
    out = StringIO()
    call_command("figures", division=code, year=2020, format="json", check=True, stdout=out)
    results = json.loads(out.getvalue())
    assert len(results) == len(spec["published"])
    by_status = {}
    for r in results:
        by_status.setdefault(r["status"], []).append(r["key"])
    # a mismatch is the seed's contradiction only where its other figures prove it (with the proof)
    assert by_status.get("contradiction", []) == (
        ["nurses_per_physician", "enterprise_hospitals"] if code == PANZHIHUA else []
    )
    assert all(r["proof"] for r in results if r["status"] == "contradiction")
    assert by_status.get("shortfall", []) == []  # 攀枝花's 79.67 % and 达川's 31 centres included


def test_the_check_fails_on_a_mismatch_only_explained(monkeypatch):
    """A figure the demo could reproduce and does not fails the check, whatever its note says."""
    from tixi.demo import calibration

    year, items, seed = calibration.published_for(PANZHIHUA)
    explained = {"key": "institutions", "value": 1010, "source": "test", "note": "explained in words"}
    monkeypatch.setattr(calibration, "published_for", lambda code: (year, [*items, explained], seed))
    out = StringIO()
    with pytest.raises(SystemExit) as failed:
        call_command("figures", division=PANZHIHUA, year=2020, check=True, stdout=out)
    assert failed.value.code == 1
    assert "MISMATCH (the demo falls short)" in out.getvalue()
    assert "1 not reproduced by the demo" in out.getvalue()
    monkeypatch.undo()
    out = StringIO()
    call_command("figures", division=PANZHIHUA, year=2020, check=True, stdout=out)
    assert "66 reproduced, 2 contradicted by the seed's own figures, 0 not reproduced" in out.getvalue()


def test_dachuan_2020_has_31_centres_at_the_basic_standard_on_a_consistent_map():
    """第一章一: 31 institutions at the basic standard, 2 of them at the recommended one, out of the 52
    township centres (第一章一9) and the community centres of 2020; the merged townships' centres are
    branches from 2022, their standards held by their town's centre."""
    results = check_results(DACHUAN)
    assert results["primary_basic_standard_institutions"]["computed"] == 31
    assert results["primary_care_institutions"]["computed"] == 702
    f = figures_json(DACHUAN, 2020)
    assert f["township_health_centres"] == 52
    assert figures_json(DACHUAN, 2022)["township_health_centres"] == 20


def test_table2_hospitals_by_name():
    out = StringIO()
    call_command("figures", division=PANZHIHUA, year=2020, format="json", check=True, stdout=out)
    by_key = {r["key"]: r for r in json.loads(out.getvalue())}
    assert by_key["攀枝花市中心医院:approved_beds"]["computed"] == 1496
    assert by_key["table2_approved_beds_total"]["computed"] == 7852


def test_the_demo_moves_over_the_years():
    years = {y: figures_json(PANZHIHUA, y) for y in (2018, 2020, 2025)}
    assert years[2018]["institutions"] != years[2020]["institutions"] or years[2018]["actual_beds"] != 10389
    assert years[2025]["physicians_per_1000"] > years[2020]["physicians_per_1000"]
    assert years[2025]["nurses_per_1000"] < 4.7  # behind the 2025 target, as the demo intends


def check_results(code):
    out = StringIO()
    call_command("figures", division=code, year=2020, format="json", check=True, stdout=out)
    return {r["key"]: r for r in json.loads(out.getvalue())}


def test_panzhihua_2020_service_volumes_as_published():
    """第一章: 887.50万 visits (hospitals 45.35%, primary care 50.63%), 29.99万 inpatients (91.8%, 5.67%),
    an average stay of 9.7 days and hospital bed occupancy of 82.82%."""
    f = figures_json(PANZHIHUA, 2020)
    assert (f["outpatient_visits"], f["discharges"]) == (8875000, 299900)
    assert round_like(f["hospital_outpatient_visits_pct"], 2) == 45.35
    assert round_like(f["primary_care_outpatient_visits_pct"], 2) == 50.63
    assert round_like(f["hospital_discharges_pct"], 1) == 91.8
    assert round_like(f["primary_care_discharges_pct"], 2) == 5.67
    assert round_like(f["average_length_of_stay"], 1) == 9.7
    assert round_like(f["hospital_bed_occupancy_pct"], 2) == 82.82
    # 病床使用率 over the open bed-days (实际开放总床日数): 79.67 % of all, with the stay and volumes above
    assert round_like(f["bed_occupancy_pct"], 2) == 79.67
    assert f["open_bed_days"] < f["actual_beds"] * 365


def test_reported_figures_and_designations_as_published():
    panzhihua, dachuan = check_results(PANZHIHUA), check_results(DACHUAN)
    assert panzhihua["national_key_specialties"]["computed"] == 1
    assert panzhihua["provincial_key_specialties"]["computed"] == 28
    assert panzhihua["chest_pain_centres"]["computed"] == 2 and panzhihua["stroke_centres"]["computed"] == 2
    assert dachuan["tcm_physicians"]["computed"] == 680
    assert dachuan["primary_recommended_standard_institutions"]["computed"] == 2
    assert round_like(dachuan["level2plus_hospital_bed_occupancy_pct"]["computed"], 2) == 94.87
    assert dachuan["health_literacy"]["matches"] and dachuan["family_doctor_contract_rate"]["matches"]


def test_contradictions_inside_the_seeds_are_listed_beside_the_figures():
    out = StringIO()
    call_command("figures", division=PANZHIHUA, year=2020, format="table", check=True, stdout=out)
    text = out.getvalue()
    assert "企业医院4家" in text and "0 not reproduced by the demo" in text
    out = StringIO()
    call_command("figures", division=DACHUAN, year=2020, format="table", check=True, stdout=out)
    assert "附件第29项" in out.getvalue() and "1星" in out.getvalue()


def test_more_results_of_the_13th_plan_as_published():
    panzhihua, dachuan = check_results(PANZHIHUA), check_results(DACHUAN)
    assert (panzhihua["cdcs"]["computed"], panzhihua["mch_institutions"]["computed"]) == (6, 6)
    assert (
        panzhihua["infant_mortality"]["computed"] == 3.06 and panzhihua["maternal_mortality"]["computed"] == 0
    )
    assert dachuan["rural_sanitary_toilet_rate"]["computed"] == 90.14
    assert dachuan["tcm_model_village_clinics"]["computed"] == 234
    assert dachuan["sex_ratio_at_birth"]["computed"] == 105.85


def test_each_district_has_its_own_cdc_and_mch_beside_the_city_ones():
    """攀枝花: 6 CDCs and 6 MCH institutions, one of each city-run and one in each of the 5 districts
    and counties (a city-run one seated in 东区 does not stand for 东区's own)."""
    from tixi.registry.models import Institution

    for type_ in ("cdc", "mch_centre"):
        found = Institution.objects.filter(type=type_, division__path__contains="510400")
        assert found.filter(operator="city").count() == 1
        county_run = found.filter(operator="county")
        assert county_run.count() == 5
        assert {i.division.path.split("/")[2][:6] for i in county_run} == {
            "510402",
            "510403",
            "510411",
            "510421",
            "510422",
        }
        assert len({i.name for i in found}) == 6


def test_the_last_13th_plan_counts_of_dachuan_as_published():
    """Famous TCM doctors, the migrant population entered, the support and poverty-relief funds (第一章一7-9)."""
    dachuan = check_results(DACHUAN)
    expected = {
        "provincial_famous_tcm_doctors": 3,
        "municipal_famous_tcm_doctors": 1,
        "district_famous_tcm_doctors": 11,
        "migrant_population_records": 241159,
        "family_planning_support_funds": 2.65,
        "poverty_relief_fund_payments": 1115.95,
        "poverty_relief_beneficiaries": 8.64,
    }
    for key, value in expected.items():
        assert dachuan[key]["computed"] == value and dachuan[key]["matches"], key


def test_dachuan_keeps_its_branches_beds_the_year_they_stop_reporting_alone(db):
    """达川's merged townships' centres become branches of their town's centre in 2022: their beds and
    staff go on inside the town centre's report, so the district's beds grow on, not drop by a fifth."""
    from django.db.models import Sum

    from tixi.geo.models import Division
    from tixi.registry.models import InstitutionYear

    dachuan = Division.objects.get(code="511703000000", valid_to__isnull=True)
    beds = {
        year: InstitutionYear.objects.filter(year=year, division__path__startswith=dachuan.path).aggregate(
            n=Sum("actual_beds")
        )["n"]
        for year in (2021, 2022, 2023)
    }
    assert beds[2021] < beds[2022] < beds[2023]
    assert beds[2022] < beds[2021] * 1.08  # grown as a year grows, not by the branches counted twice
