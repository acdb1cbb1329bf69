import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import DACHUAN, MIYI, PANZHIHUA
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db


def test_dashboard_shows_the_figures_in_chinese(web):
    response = web("planner").get(f"/divisions/{PANZHIHUA}/", {"year": 2020})
    text = response.content.decode()
    assert "1,009" in text and "10,389" in text and "3.63" in text  # thousands separated
    assert "卫生人员" in text  # Chinese is the default language
    assert "chart-data" in text


def test_dashboard_query_count_does_not_grow_with_divisions(web, django_assert_max_num_queries):
    client = web("planner")
    client.get("/plans/")  # the session's first request also notes when it was last seen (idle timeout)
    counts = []
    for code in (PANZHIHUA, MIYI):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/divisions/{code}/", {"year": 2020}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] < 25


def test_english_is_complete(web):
    client = web("planner")
    client.cookies["django_language"] = "en"
    text = client.get(f"/divisions/{PANZHIHUA}/", {"year": 2020}).content.decode()
    assert "Health workers" in text and "卫生人员" not in text


def test_institution_list_filters_and_htmx_partial(web):
    client = web("planner")
    response = client.get("/institutions/", {"division": PANZHIHUA, "year": 2020, "grade": "3A"})
    assert response.status_code == 200 and "攀枝花市中心医院" in response.content.decode()
    partial = client.get("/institutions/", {"division": PANZHIHUA, "year": 2020}, HTTP_HX_REQUEST="true")
    assert b"<html" not in partial.content and b"1009" in partial.content
    bad = client.get("/institutions/", {"division": "12"})
    assert bad.status_code == 200 and "division" in bad.content.decode()


def test_institution_page(web):
    hospital = Institution.objects.get(name="攀枝花市中心医院")
    text = web("institution").get(f"/institutions/{hospital.code}/").content.decode()
    assert "攀枝花市中心医院" in text and "1,496" in text  # with thousands separators


def test_form_refuses_bad_input_naming_the_field(web):
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
            "division_code": DACHUAN,
            "opened_on": "2020-01-01",
            "closed_on": "2019-01-01",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "field-division_code" in text and "field-closed_on" in text
    assert Institution.objects.count() == before


def test_resources_form_refuses_negative_beds(web):
    hospital = Institution.objects.get(name="米易县人民医院")
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
    assert str(before + 10) in history and "county" in history


def test_auditor_cannot_open_the_resources_form(web):
    hospital = Institution.objects.get(name="攀枝花市中心医院")
    assert web("auditor").get(f"/institutions/{hospital.code}/resources/2024/").status_code == 403


def test_resources_field_saves_as_you_go(web):
    hospital = Institution.objects.get(name="米易县人民医院")
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
