import pytest

from tests.conftest import DACHUAN, MIYI, PANZHIHUA
from tixi.indicators.models import DataValue, Indicator

pytestmark = pytest.mark.django_db


def test_describe_endpoint(api):
    response = api("planner").get("/api/expressions/describe/", {"expression": "R{physicians} * 1000 / P{}"})
    assert response.status_code == 200 and "执业" in response.data["description"]
    response = api("planner").get("/api/expressions/describe/", {"expression": "R{physicians} * / P{}"})
    assert (
        response.status_code == 400
        and "expression" in response.data
        and "17" in response.data["expression"][0]
    )


def test_malformed_indicator_is_refused(catalogue_manager):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(catalogue_manager)
    before = Indicator.objects.count()
    response = client.post(
        "/api/indicators/", {"code": "bad", "name": "坏", "numerator": "R{nurses} +"}, format="json"
    )
    assert response.status_code == 400 and "numerator" in response.data
    assert Indicator.objects.count() == before


def test_data_values_are_stored_with_who(api):
    response = api("planner").post(
        "/api/datavalues/",
        {
            "element": "health_literacy",
            "division": PANZHIHUA,
            "period": "2024",
            "value": 31.5,
            "comment": "年报",
        },
        format="json",
    )
    assert response.status_code == 201, response.data
    value = DataValue.objects.get(element__code="health_literacy", division__code=PANZHIHUA, period="2024")
    assert value.stored_by.username == "planner" and value.value == 31.5
    bad = api("planner").post(
        "/api/datavalues/",
        {"element": "health_literacy", "division": PANZHIHUA, "period": "2024-1", "value": 1},
        format="json",
    )
    assert bad.status_code == 400 and "period" in bad.data
    outside = api("county").post(
        "/api/datavalues/",
        {"element": "health_literacy", "division": PANZHIHUA, "period": "2024", "value": 1},
        format="json",
    )
    assert outside.status_code == 400 and "division" in outside.data


def test_a_value_written_is_in_the_next_scorecard(api):
    before = api("planner").get("/api/plans/panzhihua-14th-system/evaluation/", {"year": 2024}).data
    literacy = [t for t in before["targets"] if t["indicator"] == "life_expectancy"][0]
    api("planner").post(
        "/api/datavalues/",
        {"element": "life_expectancy", "division": PANZHIHUA, "period": "2024", "value": 81.23},
        format="json",
    )
    after = api("planner").get("/api/plans/panzhihua-14th-system/evaluation/", {"year": 2024}).data
    updated = [t for t in after["targets"] if t["indicator"] == "life_expectancy"][0]
    assert updated["actual"] == 81.23 and updated["status"] == "achieved" and literacy["actual"] != 81.23


def test_analytics_like_dhis2(api):
    response = api("planner").get(
        "/api/analytics/",
        {
            "dimension": ["dx:beds_per_1000;physicians_per_1000", "pe:2020;2021", f"ou:{PANZHIHUA}"],
            "includeNumDen": "true",
        },
    )
    assert response.status_code == 200
    assert [h["name"] for h in response.data["headers"]][:4] == ["dx", "pe", "ou", "value"]
    rows = {(r[0], r[1]): r for r in response.data["rows"]}
    assert rows[("physicians_per_1000", "2020")][3] == "3.63"
    assert float(rows[("beds_per_1000", "2020")][4]) == 10389
    assert response.data["metaData"]["items"][PANZHIHUA]["name"] == "攀枝花市"
    assert (
        api("planner").get("/api/analytics/", {"dx": "nope", "pe": "2020", "ou": PANZHIHUA}).status_code
        == 400
    )
    assert (
        api("county").get("/api/analytics/", {"dx": "beds_per_1000", "pe": "2020", "ou": DACHUAN}).status_code
        == 400
    )


def test_scorecard_page_and_downloads(web):
    client = web("planner")
    page = client.get("/plans/panzhihua-14th-system/", {"year": 2023})
    text = page.content.decode()
    assert page.status_code == 200 and "每千人口注册护士数" in text and "status" in text
    filtered = client.get(
        "/plans/panzhihua-14th-system/", {"year": 2023, "nature": "binding"}
    ).content.decode()
    assert "每千人口注册护士数" not in filtered and "设置中医馆" in filtered
    ranking = client.get("/plans/panzhihua-14th-system/targets/10/", {"year": 2023})
    assert ranking.status_code == 200 and "米易县" in ranking.content.decode()
    docx = client.get("/plans/panzhihua-14th-system/report.docx", {"year": 2023})
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert client.get("/plans/").status_code == 200


def test_scorecard_is_scoped(web):
    assert (
        web("county").get("/plans/panzhihua-14th-system/", {"year": 2023, "division": PANZHIHUA}).status_code
        == 404
    )
    assert (
        web("county")
        .get("/plans/panzhihua-14th-system/", {"year": 2023, "division": "510421000000"})
        .status_code
        == 200
    )


def test_scorecard_query_count_is_constant(client, django_user_model):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(django_user_model.objects.create(username="root", is_superuser=True))
    client.get("/plans/")  # the session's first request also notes when it was last seen (idle timeout)
    # the same plan for a city and for one of its counties (many more rows): the same count
    counts = {}
    for code, division in (
        ("dachuan-14th-health", DACHUAN),
        ("dachuan-14th-health", DACHUAN[:4] + "00000000"),
        ("panzhihua-14th-system", PANZHIHUA),
        ("panzhihua-14th-system", MIYI),
    ):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/plans/{code}/", {"year": 2023, "division": division}).status_code == 200
        counts.setdefault(code, []).append(len(queries))
    for code, (first, second) in counts.items():
        assert first == second < 25, (code, counts)


def test_data_value_page(web):
    client = web("planner")
    assert client.get("/datavalues/").status_code == 200
    element = __import__("tixi.indicators.models", fromlist=["DataElement"]).DataElement.objects.get(
        code="health_literacy"
    )
    ok = client.post(
        "/datavalues/",
        {
            "element": element.pk,
            "option": "",
            "division_code": PANZHIHUA,
            "period": "2025",
            "value": "33.3",
            "comment": "抽样调查",
        },
    )
    assert ok.status_code == 302
    assert DataValue.objects.get(element=element, division__code=PANZHIHUA, period="2025").value == 33.3
    bad = client.post(
        "/datavalues/", {"element": element.pk, "division_code": "12", "period": "20251", "value": "x"}
    )
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "field-division_code" in text and "field-period" in text and "field-value" in text
