"""The registry API: filters, paging, writes with their audit and refusals by field, figures."""

import pytest

from tests import factories
from tixi.accounts.models import AuditEntry
from tixi.registry.models import Institution, InstitutionYear

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
# the kit's city and county (factories.two_cities): the planner's and the county user's scopes
PANZHIHUA, MIYI = "990100000000", "990102000000"
CLINICS = 50  # village clinics added to the kit's registry: more than a page of the API (50)


@pytest.fixture
def users(db):
    """The kit's roles on its region; the registry with a 3A central hospital and 50 more village
    clinics reporting in 2020 without beds (the city holds 54 institutions reporting for 2020, 51 of them
    village clinics), 1,200 residents in the
    county's township in 2020."""
    region = factories.two_cities()
    people = factories.seven_roles(region)
    built = factories.institutions_in(region)
    Institution.objects.filter(pk=built["central"].pk).update(grade="A")
    for _ in range(CLINICS):
        clinic = factories.institution(region["township"], type="village_clinic", level=None)
        factories.yearly_report(clinic, 2020, health_workers=1)  # no beds
    factories.population(region["township"], 2020)
    return people


def test_institutions_open_in_a_year_within_a_division(api):
    response = api("planner").get("/api/institutions/", {"division": PANZHIHUA, "year": 2020})
    assert response.status_code == 200
    assert response.data["count"] == 4 + CLINICS
    assert len(response.data["results"]) == 50 and response.data["next"]
    assert {"code", "name", "type", "category", "grade_code", "division"} <= response.data["results"][
        0
    ].keys()


def test_institution_filters(api):
    response = api("planner").get("/api/institutions/", {"division": PANZHIHUA, "year": 2020, "grade": "3A"})
    assert [r["name"] for r in response.data["results"]] == ["测试市中心医院"]
    response = api("planner").get(
        "/api/institutions/", {"division": PANZHIHUA, "year": 2020, "type": "village_clinic"}
    )
    assert response.data["count"] == 1 + CLINICS  # not the one closed in 2019


@pytest.mark.parametrize(
    "params, field",
    [
        ({"division": "99010"}, "division"),
        ({"year": "20x0"}, "year"),
        ({"type": "spaceport"}, "type"),
        ({"division": "999999000000"}, "division"),
    ],
)
def test_bad_filters_are_400_with_the_field(api, params, field):
    response = api("planner").get("/api/institutions/", params)
    assert response.status_code == 400
    assert field in response.data


def new_institution(**overrides):
    data = {
        "code": "TEST0001",
        "name": "测试医院",
        "type": "general_hospital",
        "ownership": "private",
        "operator": "private",
        "division": MIYI,
    }
    return {**data, **overrides}


def test_create_and_audit(api):
    response = api("county").post("/api/institutions/", new_institution(), format="json")
    assert response.status_code == 201, response.data
    entry = AuditEntry.objects.filter(
        model="registry.Institution", object_pk=str(Institution.objects.get(code="TEST0001").pk)
    ).get()
    assert entry.username == "kit-county" and entry.action == "create" and entry.after["name"] == "测试医院"
    response = api("county").patch("/api/institutions/TEST0001/", {"name": "测试医院二"}, format="json")
    assert response.status_code == 200
    update = AuditEntry.objects.filter(action="update", model="registry.Institution").latest("id")
    assert update.before == {"name": "测试医院"} and update.after == {"name": "测试医院二"}


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"division": "9901020"}, "division"),
        ({"division": "990100000000"}, "division"),  # the city: outside the county user's scope
        ({"opened_on": "2020-05-01", "closed_on": "2019-01-01"}, "closed_on"),
        ({"type": "spaceport"}, "type"),
    ],
)
def test_bad_institutions_are_refused_and_nothing_is_written(api, overrides, field):
    before = Institution.objects.count()
    response = api("county").post("/api/institutions/", new_institution(**overrides), format="json")
    assert response.status_code == 400
    assert field in response.data, response.data
    assert Institution.objects.count() == before


def test_negative_beds_are_refused(api):
    hospital = Institution.objects.get(name="测试县人民医院")
    before = InstitutionYear.objects.filter(institution=hospital).count()
    response = api("county").post(
        "/api/resources/", {"institution": hospital.code, "year": 2027, "actual_beds": -5}, format="json"
    )
    assert response.status_code == 400 and "actual_beds" in response.data
    assert InstitutionYear.objects.filter(institution=hospital).count() == before


def test_chinese_is_the_default_language_of_errors(api):
    response = api("county").post("/api/institutions/", new_institution(division="123"), format="json")
    assert "12" in str(response.data["division"][0])
    assert "区划代码" in str(response.data["division"][0])


def test_resources_of_a_year(api):
    response = api("planner").get("/api/resources/", {"division": PANZHIHUA, "year": 2020})
    assert response.status_code == 200
    assert response.data["count"] == 4 + CLINICS  # the reports of 2020 in the city


def test_division_figures_endpoint(api):
    response = api("planner").get(f"/api/divisions/{PANZHIHUA}/figures/", {"year": 2020})
    assert response.status_code == 200
    assert response.data["actual_beds"] == 10 + 20 + 30 + 40  # factories.institutions_in's 2020 beds


def test_divisions_and_population(api):
    response = api("planner").get("/api/divisions/", {"parent": PANZHIHUA, "year": 2020})
    assert [d["code"] for d in response.data["results"]] == [MIYI]
    response = api("planner").get("/api/population/total/", {"division": PANZHIHUA, "year": 2020})
    assert response.data["resident_population"] == 1200
    response = api("planner").post(
        "/api/divisions/", {"code": "99010200", "name": "x", "level": 4, "parent": MIYI}, format="json"
    )
    assert response.status_code == 400 and "code" in response.data


def test_token_authentication(users, client):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=users["planner"])
    response = client.get(
        "/api/institutions/", {"division": PANZHIHUA, "year": 2020}, HTTP_AUTHORIZATION=f"Token {token.key}"
    )
    assert response.status_code == 200 and response.json()["count"] == 4 + CLINICS
    assert client.get("/api/institutions/").status_code == 401
    wrong = client.get("/api/institutions/", HTTP_AUTHORIZATION=f"Token {token.key[:-1]}x")
    assert wrong.status_code == 401


def test_schema_and_docs_are_served_locally(web):
    client = web("planner")
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/institutions/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"cdn" not in docs.content.lower()
