"""Every list, page and count is filtered by the user's scope; auditors read only."""

import pytest

from tests.conftest import MIYI, PANZHIHUA
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db


def test_county_user_sees_only_the_county(api):
    response = api("county").get("/api/institutions/", {"year": 2020})
    assert response.status_code == 200
    expected = Institution.objects.filter(division__path__contains=MIYI).open_in(2020).count()
    assert response.data["count"] == expected > 0
    outside = Institution.objects.get(name="攀枝花市中心医院")
    assert api("county").get(f"/api/institutions/{outside.code}/").status_code == 404
    assert api("county").get(f"/api/divisions/{PANZHIHUA}/figures/", {"year": 2020}).status_code == 404


def test_institution_user_sees_only_the_institution(api):
    response = api("institution").get("/api/institutions/")
    assert [r["name"] for r in response.data["results"]] == ["攀枝花市中心医院"]
    response = api("institution").get("/api/resources/", {"year": 2020})
    assert response.data["count"] == 1


def test_auditor_reads_but_cannot_write(api):
    assert (
        api("auditor").get("/api/institutions/", {"division": PANZHIHUA, "year": 2020}).data["count"] == 1009
    )
    response = api("auditor").post("/api/institutions/", {"code": "X"}, format="json")
    assert response.status_code == 403


@pytest.mark.parametrize("role", ["planner", "county", "institution", "cdc", "auditor"])
def test_every_page_as_every_role(web, role):
    client = web(role)
    home = client.get("/")
    assert home.status_code == 302
    page = client.get(home["Location"])
    assert page.status_code == 200
    assert client.get("/divisions/").status_code == 200
    assert client.get("/institutions/").status_code == 200
    dashboard = client.get(f"/divisions/{PANZHIHUA}/")
    assert dashboard.status_code == (200 if role in ("planner", "cdc", "auditor") else 404)
    new = client.get("/institutions/new/")
    assert new.status_code == (403 if role in ("auditor", "cdc") else 200)  # the CDC analyst only reads


def test_pages_need_a_login(client):
    assert client.get(f"/divisions/{PANZHIHUA}/").status_code == 302
    assert client.get("/api/institutions/").status_code in (401, 403)


def test_out_of_scope_institution_page_is_404(web):
    outside = Institution.objects.get(name="攀枝花市中心医院")
    assert web("county").get(f"/institutions/{outside.code}/").status_code == 404


def test_a_report_cannot_be_placed_outside_the_scope(api):
    hospital = Institution.objects.get(name="米易县人民医院")
    response = api("county").post(
        "/api/resources/",
        {"institution": hospital.code, "year": 2026, "division": "510402000000", "actual_beds": 1},
        format="json",
    )
    assert response.status_code == 400 and "division" in response.data
    outside = Institution.objects.get(name="攀枝花市中心医院")
    response = api("county").patch(
        f"/api/institutions/{hospital.code}/", {"parent": outside.code}, format="json"
    )
    assert response.status_code == 400 and "parent" in response.data
