"""Every list, page and count is filtered by the user's scope; auditors read only."""

import pytest

from tests import factories
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def registry(region, users):
    return factories.institutions_in(region)


def test_county_user_sees_only_the_county(api, region, registry):
    response = api("county").get("/api/institutions/", {"year": 2020})
    assert response.status_code == 200
    # the county hospital, the township centre and the village clinic; not the clinic closed in 2019
    assert {r["code"] for r in response.data["results"]} == {
        registry[k].code for k in ("county_hospital", "township_centre", "village_clinic")
    }
    assert response.data["count"] == 3
    outside = registry["central"]
    assert api("county").get(f"/api/institutions/{outside.code}/").status_code == 404
    city = region["city"].code
    assert api("county").get(f"/api/divisions/{city}/figures/", {"year": 2020}).status_code == 404


def test_institution_user_sees_only_the_institution(api, registry):
    response = api("institution").get("/api/institutions/")
    assert [r["name"] for r in response.data["results"]] == ["测试市中心医院"]
    response = api("institution").get("/api/resources/", {"year": 2020})
    assert response.data["count"] == 1
    assert response.data["results"][0]["institution"] == registry["central"].code


def test_auditor_reads_but_cannot_write(api, region, registry):
    response = api("auditor").get("/api/institutions/", {"division": region["city"].code, "year": 2020})
    # the city's four open institutions, not the other city's hospital nor the closed clinic
    assert response.data["count"] == 4
    assert registry["other_city_hospital"].code not in {r["code"] for r in response.data["results"]}
    response = api("auditor").post("/api/institutions/", {"code": "X"}, format="json")
    assert response.status_code == 403
    assert not Institution.objects.filter(code="X").exists()


@pytest.mark.parametrize("role", ["planner", "county", "institution", "cdc", "auditor"])
def test_every_page_as_every_role(web, region, registry, role):
    client = web(role)
    home = client.get("/")
    assert home.status_code == 302
    page = client.get(home["Location"])
    assert page.status_code == 200
    assert client.get("/divisions/").status_code == 200
    assert client.get("/institutions/").status_code == 200
    dashboard = client.get(f"/divisions/{region['city'].code}/")
    assert dashboard.status_code == (200 if role in ("planner", "cdc", "auditor") else 404)
    new = client.get("/institutions/new/")
    assert new.status_code == (403 if role in ("auditor", "cdc") else 200)  # the CDC analyst only reads


def test_pages_need_a_login(client, region):
    assert client.get(f"/divisions/{region['city'].code}/").status_code == 302
    anonymous = client.get("/api/institutions/")
    # 401 with the challenge of the first authentication class (a token), not a bare 403
    assert anonymous.status_code == 401 and anonymous["WWW-Authenticate"] == "Token"


def test_out_of_scope_institution_page_is_404(web, registry):
    assert web("county").get(f"/institutions/{registry['central'].code}/").status_code == 404


def test_a_report_cannot_be_placed_outside_the_scope(api, region, registry):
    hospital = registry["county_hospital"]
    response = api("county").post(
        "/api/resources/",
        {"institution": hospital.code, "year": 2026, "division": region["city"].code, "actual_beds": 1},
        format="json",
    )
    assert response.status_code == 400 and "division" in response.data
    assert not hospital.years.filter(year=2026).exists()
    response = api("county").patch(
        f"/api/institutions/{hospital.code}/", {"parent": registry["central"].code}, format="json"
    )
    assert response.status_code == 400 and "parent" in response.data
    assert Institution.objects.get(pk=hospital.pk).parent is None
