import pytest

from tests.conftest import MIYI, PANZHIHUA
from tixi.accounts.models import AuditEntry
from tixi.registry.models import Institution, InstitutionYear

pytestmark = pytest.mark.django_db


def test_institutions_open_in_a_year_within_a_division(api):
    response = api("planner").get("/api/institutions/", {"division": PANZHIHUA, "year": 2020})
    assert response.status_code == 200
    assert response.data["count"] == 1009
    assert len(response.data["results"]) == 50
    assert {"code", "name", "type", "category", "grade_code", "division"} <= response.data["results"][
        0
    ].keys()


def test_institution_filters(api):
    response = api("planner").get("/api/institutions/", {"division": PANZHIHUA, "year": 2020, "grade": "3A"})
    assert response.data["count"] == 5
    response = api("planner").get(
        "/api/institutions/", {"division": PANZHIHUA, "year": 2020, "type": "village_clinic"}
    )
    assert response.data["count"] == 450


@pytest.mark.parametrize(
    "params, field",
    [
        ({"division": "51040"}, "division"),
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
    assert entry.username == "county" and entry.action == "create" and entry.after["name"] == "测试医院"
    response = api("county").patch("/api/institutions/TEST0001/", {"name": "测试医院二"}, format="json")
    assert response.status_code == 200
    update = AuditEntry.objects.filter(action="update", model="registry.Institution").latest("id")
    assert update.before == {"name": "测试医院"} and update.after == {"name": "测试医院二"}


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"division": "5104210"}, "division"),
        ({"division": "510402000000"}, "division"),  # 东区: outside the county user's scope
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
    hospital = Institution.objects.get(name="米易县人民医院")
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
    assert response.data["count"] == 1009


def test_division_figures_endpoint(api):
    response = api("planner").get(f"/api/divisions/{PANZHIHUA}/figures/", {"year": 2020})
    assert response.status_code == 200
    assert response.data["actual_beds"] == 10389


def test_divisions_and_population(api):
    response = api("planner").get("/api/divisions/", {"parent": PANZHIHUA, "year": 2020})
    assert response.data["count"] == 5
    response = api("planner").get("/api/population/total/", {"division": PANZHIHUA, "year": 2020})
    assert response.data["resident_population"] == 1298600
    response = api("planner").post(
        "/api/divisions/", {"code": "51042100", "name": "x", "level": 4, "parent": MIYI}, format="json"
    )
    assert response.status_code == 400 and "code" in response.data


def test_token_authentication(users, client):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=users["planner"])
    response = client.get(
        "/api/institutions/", {"division": PANZHIHUA, "year": 2020}, HTTP_AUTHORIZATION=f"Token {token.key}"
    )
    assert response.status_code == 200 and response.json()["count"] == 1009
    assert client.get("/api/institutions/").status_code in (401, 403)


def test_schema_and_docs_are_served_locally(web):
    client = web("planner")
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/institutions/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"cdn" not in docs.content.lower()
