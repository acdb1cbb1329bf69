"""Out-of-scope writes with real bodies on the newer apps (the role matrix sends empty ones): a planner
of another city and a CDC analyst of the city try to reach the other's scenarios, plans, norms, case
reports and channel counts. Each is refused and nothing changes. (The kit's `two_cities()`: its city
and county are 攀枝花 and 米易 of the demo, the other city and county 达州 and 达川.)"""

import datetime as dt

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests import factories as f
from tixi.layout.models import Norm, SitingScenario

pytestmark = pytest.mark.without_demo


def page_for(user):
    client = Client()
    client.force_login(user)
    return client


def api_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def places(region):
    """A township in each county, a plan of the city and one of the other county."""
    other_township = f.division("990203100000", parent=region["other_county"])
    city_plan = f.plan(region["city"], code="kit-city-plan")
    county_plan = f.plan(region["other_county"], code="kit-other-county-plan")
    return {**region, "other_township": other_township, "city_plan": city_plan, "county_plan": county_plan}


def scenario_of(county, township):
    site = {
        "place": township.code,
        "place_name": township.name,
        "near": "",
        "longitude": 102.0,
        "latitude": 26.8,
    }
    return SitingScenario.objects.create(
        name=f"方案{county.code}", division=county, year=2024, kind="township", minutes=30, sites=[site],
        covered_before=0, newly_covered=10, bound=10, gap_percent=0,
    )  # fmt: skip


def test_a_planner_of_another_city_makes_no_projects_of_a_scenario_or_plan_outside_its_scope(users, places):
    county, other_county = places["county"].code, places["other_county"].code
    mine = scenario_of(places["county"], places["township"])
    theirs = scenario_of(places["other_county"], places["other_township"])
    other_planner = page_for(users["dazhou"])
    city_plan, own_plan = places["city_plan"].code, places["county_plan"].code
    attempts = [
        (f"/layout/{county}/site/?year=2024", mine.pk, own_plan),  # the city's county's page
        (f"/layout/{other_county}/site/?year=2024", mine.pk, own_plan),  # its scenario on one's own page
        (f"/layout/{other_county}/site/?year=2024", theirs.pk, city_plan),  # into the city's plan
    ]
    for path, scenario, plan in attempts:
        response = other_planner.post(path, {"action": "projects", "scenario": scenario, "plan": plan})
        assert response.status_code == 404, (path, scenario, plan)
    for scenario in (mine, theirs):
        scenario.refresh_from_db()
        assert scenario.projects == []
    assert not places["city_plan"].projects.exists() and not places["county_plan"].projects.exists()
    # and a siting answer is not saved as a scenario of the county by the other county or city
    for role in ("dazhou", "dachuan"):
        response = page_for(users[role]).post(
            f"/layout/{county}/site/?year=2024", {"action": "save", "k": 1, "candidates": 5, "name": "越权"}
        )
        assert response.status_code == 404, role
    assert not SitingScenario.objects.filter(name="越权").exists()


def norm(code: str, region: str) -> Norm:
    return Norm.objects.create(
        code=code, name="救护车", region=region, kind="per_population", level=3, measure="R{ambulances}",
        basis="P{}", minimum=1, per=30_000, unit="vehicles", counted="救护车", counted_en="ambulance",
        source="测试", clause="1辆/3万人", version="t",
    )  # fmt: skip


def test_a_planner_of_another_city_cannot_move_its_norm_into_the_city(users, places):
    own = norm("t-other-ambulances", "990203")
    norm("t-city-beds", "990100")
    before = own.definition()
    api = api_for(users["dazhou"])
    assert api.patch(f"/api/norms/{own.code}/", {"region": "990100"}, format="json").status_code == 403
    page = page_for(users["dazhou"])
    assert page.post("/layout/norms/t-city-beds/delete/").status_code == 404
    own.refresh_from_db()
    assert own.definition() == before and own.region == "990203"
    assert Norm.objects.filter(code="t-city-beds").exists()
    # (its own norm it may change: the refusal is the scope's, not a refusal of every change)
    assert api.patch(f"/api/norms/{own.code}/", {"name": "救护车数"}, format="json").status_code == 200


def test_surveillance_data_of_another_place_is_refused_with_real_bodies(users, places):
    from tixi.surveillance.models import CaseReport, ChannelCount

    township, own = places["other_township"], places["township"]
    day = dt.date(2025, 10, 14).isoformat()
    case = {"card_id": "越权-1", "disease_code": "hfmd", "onset_date": day, "report_date": day,
            "division": township.code, "sex": "M", "status": "clinical"}  # fmt: skip
    count = {"channel": "pharmacy", "category": "antipyretic", "division": township.code, "site": "药店",
             "date": day, "count": 3}  # fmt: skip
    cdc = api_for(users["cdc"])  # the city's CDC analyst
    assert cdc.post("/api/case-reports/", case, format="json").status_code == 400
    assert cdc.post("/api/channel-counts/", count, format="json").status_code == 400
    mine = cdc.post("/api/case-reports/", {**case, "card_id": "本地-1", "division": own.code}, format="json")
    assert mine.status_code == 201
    moved = cdc.patch(f"/api/case-reports/{mine.json()['id']}/", {"division": township.code}, format="json")
    assert moved.status_code == 400
    assert CaseReport.objects.get(card_id="本地-1").division == own
    assert not CaseReport.objects.filter(card_id="越权-1").exists()
    assert not ChannelCount.objects.filter(division=township).exists()
