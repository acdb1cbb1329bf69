import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tixi.registry.models import Institution, InstitutionYear

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def registry(region):
    """The kit's registry (reports for 2020, 2024 and 2025) with figures that need a thousands separator:
    the city's central hospital (a 3A) has 1,496 beds and 2,178 physicians, its city 600,000 residents
    in 2020 (3.63 physicians per 1,000; 1,586 beds in all); and six more townships of the county, each
    with a village clinic, so that the county's dashboard lists seven divisions where the city's lists one."""
    built = factories.institutions_in(region, years=(2020, 2024, 2025))
    central = built["central"]
    Institution.objects.filter(pk=central.pk).update(grade="A")  # level 3: a 3A
    InstitutionYear.objects.filter(institution=central).update(actual_beds=1496, physicians=2178)
    InstitutionYear.objects.filter(institution=built["county_hospital"]).update(health_workers=300)
    factories.population(region["township"], 2020, per_band=50_000)
    for n in range(2, 8):
        township = factories.division(f"990102{n}00000", parent=region["county"])
        clinic = factories.institution(township, type="village_clinic", level=None)
        factories.yearly_report(clinic, 2020, health_workers=1)
    return built


@pytest.fixture
def codes(region):
    return {"city": region["city"].code, "county": region["county"].code}


def test_dashboard_shows_the_figures_in_chinese(web, registry, codes):
    response = web("planner").get(f"/divisions/{codes['city']}/", {"year": 2020})
    text = response.content.decode()
    assert "600,000" in text and "1,586" in text and "3.63" in text  # thousands separated
    assert "卫生人员" in text  # Chinese is the default language
    assert "chart-data" in text


def test_dashboard_query_count_does_not_grow_with_divisions(web, registry, codes):
    client = web("planner")
    client.get("/plans/")  # the session's first request also notes when it was last seen (idle timeout)
    counts = []
    for code in (codes["city"], codes["county"]):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/divisions/{code}/", {"year": 2020}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] < 25


def test_english_is_complete(web, registry, codes):
    client = web("planner")
    client.cookies["django_language"] = "en"
    text = client.get(f"/divisions/{codes['city']}/", {"year": 2020}).content.decode()
    assert "Health workers" in text and "卫生人员" not in text


def test_institution_list_filters_and_htmx_partial(web, registry, codes):
    client = web("planner")
    response = client.get("/institutions/", {"division": codes["city"], "year": 2020, "grade": "3A"})
    graded = response.content.decode()
    assert response.status_code == 200 and "测试市中心医院" in graded and "测试县人民医院" not in graded
    partial = client.get("/institutions/", {"division": codes["city"], "year": 2020}, HTTP_HX_REQUEST="true")
    # the four open in the city and the six clinics of the new townships (not the clinic closed in 2019)
    assert b"<html" not in partial.content and "共 10 个机构" in partial.content.decode()
    bad = client.get("/institutions/", {"division": "12"})
    assert bad.status_code == 200 and "division" in bad.content.decode()


def test_institution_page(web, registry):
    hospital = registry["central"]
    text = web("institution").get(f"/institutions/{hospital.code}/").content.decode()
    assert "测试市中心医院" in text and "1,496" in text  # with thousands separators


def test_form_refuses_bad_input_naming_the_field(web, region):
    client = web("county")
    before = Institution.objects.count()
    response = client.post(
        "/institutions/new/",
        {
            "code": "FORM1",
            "name": "表单医院",
            "type": "general_hospital",
            "ownership": "public",
            "operator": "county",
            "division_code": region["other_county"].code,  # outside the county user's scope
            "opened_on": "2020-01-01",
            "closed_on": "2019-01-01",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "field-division_code" in text and "field-closed_on" in text
    assert Institution.objects.count() == before


def test_resources_form_refuses_negative_beds(web, users, registry):
    hospital = registry["county_hospital"]
    client = web("county")
    page = client.get(f"/institutions/{hospital.code}/resources/2024/")
    assert page.status_code == 200
    data = {field.name: field.value() or 0 for field in page.context["form"]}
    before = hospital.years.get(year=2024).actual_beds
    response = client.post(f"/institutions/{hospital.code}/resources/2024/", {**data, "actual_beds": -3})
    assert response.status_code == 400 and "field-actual_beds" in response.content.decode()
    assert hospital.years.get(year=2024).actual_beds == before
    response = client.post(
        f"/institutions/{hospital.code}/resources/2024/", {**data, "actual_beds": before + 10}
    )
    assert response.status_code == 302
    assert hospital.years.get(year=2024).actual_beds == before + 10
    history = client.get(f"/institutions/{hospital.code}/").content.decode()
    assert str(before + 10) in history and users["county"].username in history


def test_auditor_cannot_open_the_resources_form(web, registry):
    hospital = registry["central"]
    assert web("auditor").get(f"/institutions/{hospital.code}/resources/2024/").status_code == 403


def test_resources_field_saves_as_you_go(web, registry):
    hospital = registry["county_hospital"]
    client = web("county")
    url = f"/institutions/{hospital.code}/resources/2025/field/"
    ok = client.post(url, {"field": "nurses", "nurses": "１２"})  # full-width digits
    assert ok.status_code == 200 and hospital.years.get(year=2025).nurses == 12
    bad = client.post(url, {"field": "nurses", "nurses": "-3"})
    assert bad.status_code == 400 and "注册护士" in bad.content.decode()
    too_many = client.post(url, {"field": "nurses", "nurses": "1,000,000"})
    assert too_many.status_code == 400 and "卫生人员" in too_many.content.decode()
    assert hospital.years.get(year=2025).nurses == 12
    assert client.post(url, {"field": "colour", "colour": "1"}).status_code == 400
    assert (
        web("auditor").post(url, {"field": "nurses", "nurses": "1"}).status_code == 403
    )  # reads, may not write


def test_a_list_without_a_year_holds_the_institutions_open_today(web, region, settings):
    """Without a year the list (and its download) holds the institutions open on the platform's today,
    as many as the dashboard counts for today's year; the clinic closed in 2019 only with "closed ones
    too" (issue 12: it was listed among the open ones)."""
    import datetime as dt

    from tixi.registry.services import division_figures

    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    built = factories.institutions_in(region, years=(2024, 2025))
    closed = built["closed_clinic"].name
    client = web("planner")
    for place in ("county", "city"):
        division = region[place]
        shown = client.get("/institutions/", {"division": division.code}).content.decode()
        counted = division_figures(division, 2025)["institutions"]
        assert closed not in shown and f"共 {counted} 个机构" in shown, place
        everything = client.get("/institutions/", {"division": division.code, "closed": "1"}).content.decode()
        assert closed in everything and f"共 {counted + 1} 个机构" in everything
    # no division either: the user's whole list, open today
    assert closed not in client.get("/institutions/").content.decode()
    assert closed in client.get("/institutions/", {"closed": "1"}).content.decode()
    # a year still lists those open that year, whatever the box says
    assert closed not in client.get("/institutions/", {"year": 2024, "closed": "1"}).content.decode()
    assert closed in client.get("/institutions/", {"year": 2018}).content.decode()
    # the download holds what the page shows
    download = client.get("/institutions/", {"division": region["county"].code, "format": "csv"})
    assert closed not in download.content.decode("utf-8-sig")


def test_resources_form_groups_the_previous_years_figures(web, registry):
    """Before: "诊疗人次: 2024: 560557" beside the field, where the institution page groups it."""
    hospital = registry["county_hospital"]
    hospital.years.filter(year=2024).update(outpatient_visits=560557)
    text = web("county").get(f"/institutions/{hospital.code}/resources/2025/").content.decode()
    assert '<span class="muted">2024：560,557</span>' in text and "560557" not in text
