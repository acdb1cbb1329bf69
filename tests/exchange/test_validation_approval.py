import pytest
from django.core.exceptions import ValidationError

from tests.conftest import MIYI, PANZHIHUA
from tixi.exchange import approval
from tixi.exchange.models import Finding, ValidationRule
from tixi.exchange.validation import broken_on_reports, check_rule_text, run_batch
from tixi.geo.models import Division
from tixi.registry.models import Institution, InstitutionYear

pytestmark = pytest.mark.django_db


def test_rules_are_data_and_checked(users):
    rule = ValidationRule(
        code="x", name="x", left="R{actual_beds: type=cdc}", operator="<=", right="1", message="x"
    )
    with pytest.raises(ValidationError):
        check_rule_text(rule)
    report = InstitutionYear(actual_beds=100, approved_beds=50, icu_beds=90, rehabilitation_beds=20)
    broken = {r.code for _i, r, _l, _x in broken_on_reports([report])}
    assert {"beds_within_approved", "beds_by_kind_within_total"} <= broken


def test_blocking_rule_refuses_the_save_and_warning_is_shown(web):
    hospital = Institution.objects.get(name="米易县人民医院")
    client = web("county")
    page = client.get(f"/institutions/{hospital.code}/resources/2024/")
    data = {field.name: field.value() or 0 for field in page.context["form"]}
    before = hospital.years.get(year=2024).ambulances
    refused = client.post(
        f"/institutions/{hospital.code}/resources/2024/",
        {**data, "ambulances": 1, "negative_pressure_ambulances": 2},
    )
    assert refused.status_code == 400 and hospital.years.get(year=2024).ambulances == before
    warned = client.post(
        f"/institutions/{hospital.code}/resources/2024/",
        {**data, "approved_beds": 10, "actual_beds": data["actual_beds"]},
        follow=True,
    )
    assert "1.5" in warned.content.decode()


def test_batch_and_follow_up(web):
    division = Division.objects.at(PANZHIHUA, 2024)
    InstitutionYear.objects.filter(year=2024, institution__name="米易县人民医院").update(gps=9999)
    findings = run_batch(division, 2024)
    assert any(
        f.rule.code == "gps_within_physicians" and f.institution.name == "米易县人民医院" for f in findings
    )
    page = web("planner").get("/validation/", {"division": PANZHIHUA, "year": 2024})
    assert page.status_code == 200 and "全科医生数多于执业" in page.content.decode()
    finding = Finding.objects.filter(rule__code="gps_within_physicians").first()
    web("planner").post(
        "/validation/",
        {"division": PANZHIHUA, "year": 2024, "finding": finding.pk, "status": "explained", "note": "已核实"},
    )
    finding.refresh_from_db()
    assert finding.status == "explained" and finding.note == "已核实"


def test_approval_is_bottom_up_locks_and_can_be_returned(users, api):
    county = Division.objects.at(MIYI, 2024)
    with pytest.raises(ValidationError):
        approval.approve(county, 2024, users["county"])  # townships first
    for township in approval.children(county, 2024):
        approval.approve(township, 2024, users["county"])
    approval.approve(county, 2024, users["county"])
    hospital = Institution.objects.get(name="米易县人民医院")
    locked = api("county").patch(
        # the open bed-days go with the beds (a report with 1 bed cannot have 150,000 open bed-days)
        f"/api/resources/{hospital.years.get(year=2024).pk}/",
        {"actual_beds": 1, "open_bed_days": 366},
        format="json",
    )
    assert locked.status_code == 400 and "锁定" in str(locked.data)
    with pytest.raises(ValidationError):  # 米易县 cannot return itself; the city does
        approval.send_back(approval.children(county, 2024).first(), 2024, users["county"], "")
    approval.send_back(county, 2024, users["planner"], "床位数与上年差异过大")
    assert (
        approval.is_locked(hospital.years.get(year=2024).division_path, 2024) is not False
    )  # townships still approved
    for township in approval.children(county, 2024):
        approval.send_back(township, 2024, users["county"], "请补充说明")
    assert not approval.is_locked(hospital.years.get(year=2024).division_path, 2024)
    unlocked = api("county").patch(
        f"/api/resources/{hospital.years.get(year=2024).pk}/",
        {"actual_beds": 400, "open_bed_days": 400 * 366},
        format="json",
    )
    assert unlocked.status_code == 200, unlocked.data


def test_completeness_page(web):
    page = web("planner").get("/approvals/", {"division": PANZHIHUA, "year": 2024})
    assert page.status_code == 200 and "米易县" in page.content.decode()
    rows = approval.completeness(Division.objects.at(PANZHIHUA, 2024), 2024)
    assert all(r["received"] == r["expected"] for r in rows) and sum(r["expected"] for r in rows) > 900


def test_completeness_api(api):
    rows = api("planner").get("/api/completeness/", {"division": PANZHIHUA, "year": 2024}).data
    assert len(rows) == 5 and all(r["expected"] == r["received"] for r in rows)
    assert all(r["on_time_share"] == 100.0 for r in rows)  # the demo's reports predate Tixi: on time
    assert api("county").get("/api/completeness/", {"division": PANZHIHUA, "year": 2024}).status_code == 404
