import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tixi.exchange import approval
from tixi.exchange.models import Finding, ValidationRule
from tixi.exchange.validation import broken_on_reports, check_rule_text, load_default_rules, run_batch
from tixi.geo.models import Division
from tixi.registry.models import InstitutionYear

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.without_demo,
    pytest.mark.usefixtures("catalogue_once", "rules"),
]
ON_TIME, LATE = dt.datetime(2025, 2, 1, tzinfo=dt.UTC), dt.datetime(2025, 5, 1, tzinfo=dt.UTC)  # due 31 March


@pytest.fixture
def rules(db):
    """The default validation rules, as `tixi demo` loads them."""
    load_default_rules()


@pytest.fixture
def hospital(region):
    """The kit's registry, with a county hospital in the county's township (as 米易县人民医院 in its
    town), every 2024 report filed on time."""
    factories.institutions_in(region)
    made = factories.institution(region["township"], name="测试县人民医院", level=2)
    factories.yearly_report(
        made, 2024, actual_beds=300, approved_beds=300, physicians=80, gps=10, ambulances=2
    )
    InstitutionYear.objects.filter(year=2024).update(reported_at=ON_TIME)
    return made


@pytest.fixture
def sibling_county(region):
    """A second county of the city (as 盐边 beside 米易): a hospital that reported 2024 late, and a
    clinic that has not reported it."""
    county = factories.division("990103000000", parent=region["city"], name="测试邻县")
    late = factories.institution(county, name="测试邻县医院")
    factories.yearly_report(late, 2024, actual_beds=50, approved_beds=50, reported_at=LATE)
    factories.institution(county, name="测试邻县卫生室", type="village_clinic", level=None)
    return county


def test_rules_are_data_and_checked(users):
    rule = ValidationRule(
        code="x", name="x", left="R{actual_beds: type=cdc}", operator="<=", right="1", message="x"
    )
    with pytest.raises(ValidationError):
        check_rule_text(rule)
    report = InstitutionYear(actual_beds=100, approved_beds=50, icu_beds=90, rehabilitation_beds=20)
    broken = {r.code for _i, r, _l, _x in broken_on_reports([report])}
    assert {"beds_within_approved", "beds_by_kind_within_total"} <= broken


def test_blocking_rule_refuses_the_save_and_warning_is_shown(web, hospital):
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


def test_batch_and_follow_up(web, region, hospital):
    city = region["city"].code
    division = Division.objects.at(city, 2024)
    InstitutionYear.objects.filter(year=2024, institution=hospital).update(gps=9999)
    findings = run_batch(division, 2024)
    assert any(f.rule.code == "gps_within_physicians" and f.institution == hospital for f in findings)
    page = web("planner").get("/validation/", {"division": city, "year": 2024})
    assert page.status_code == 200 and "全科医生数多于执业" in page.content.decode()
    finding = Finding.objects.get(rule__code="gps_within_physicians", institution=hospital)
    web("planner").post(
        "/validation/",
        {"division": city, "year": 2024, "finding": finding.pk, "status": "explained", "note": "已核实"},
    )
    finding.refresh_from_db()
    assert finding.status == "explained" and finding.note == "已核实"


def test_approval_is_bottom_up_locks_and_can_be_returned(users, api, region, hospital):
    county = Division.objects.at(region["county"].code, 2024)
    with pytest.raises(ValidationError):
        approval.approve(county, 2024, users["county"])  # townships first
    for township in approval.children(county, 2024):
        approval.approve(township, 2024, users["county"])
    approval.approve(county, 2024, users["county"])
    locked = api("county").patch(
        # the open bed-days go with the beds (a report with 1 bed cannot have 150,000 open bed-days)
        f"/api/resources/{hospital.years.get(year=2024).pk}/",
        {"actual_beds": 1, "open_bed_days": 366},
        format="json",
    )
    assert locked.status_code == 400 and "锁定" in str(locked.data)
    with pytest.raises(ValidationError):  # the county cannot return itself; the city does
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


def test_completeness_page(web, region, hospital, sibling_county):
    city = region["city"].code
    page = web("planner").get("/approvals/", {"division": city, "year": 2024})
    assert page.status_code == 200 and "测试邻县" in page.content.decode()
    rows = approval.completeness(Division.objects.at(city, 2024), 2024)
    # the county: its hospital, health centre and village clinic, and the county hospital (the clinic
    # closed in 2019 is not expected); the sibling county: one report of two, filed late
    assert [(r["division"], r["expected"], r["received"], r["share"], r["on_time_share"]) for r in rows] == [
        (region["county"], 4, 4, 100.0, 100.0),
        (sibling_county, 2, 1, 50.0, 0.0),
    ]


def test_completeness_api(api, region, hospital, sibling_county):
    city = region["city"].code
    rows = api("planner").get("/api/completeness/", {"division": city, "year": 2024}).data
    assert [(r["division"], r["expected"], r["received"], r["on_time_share"]) for r in rows] == [
        (region["county"].code, 4, 4, 100.0),
        (sibling_county.code, 2, 1, 0.0),
    ]
    assert api("county").get("/api/completeness/", {"division": city, "year": 2024}).status_code == 404


def test_the_completeness_page_opens_on_the_platform_s_year_not_a_fixed_one(web, region, settings):
    city = region["city"].code
    for today, year in ((dt.date(2023, 5, 1), 2023), (dt.date(2024, 11, 1), 2024)):
        settings.TIXI_TODAY = today
        page = web("planner").get("/approvals/", {"division": city})
        assert page.status_code == 200 and page.context["year"] == year
