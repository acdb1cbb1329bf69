"""Out-of-scope writes with real bodies on the newer apps (the role matrix sends empty ones): a planner
of another city (达州) and a CDC analyst of 攀枝花 try to reach the other city's scenarios, plans,
norms, case reports and channel counts. Each is refused and nothing changes."""

import datetime as dt

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tests.conftest import DACHUAN, MIYI, PANZHIHUA

pytestmark = pytest.mark.django_db


def page_for(user):
    client = Client()
    client.force_login(user)
    return client


def api_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def scenario_of(code):
    from tixi.geo.models import Division
    from tixi.layout.models import SitingScenario

    county = Division.objects.current().get(code=code)
    township = Division.objects.current().filter(parent=county).order_by("code").first()
    site = {
        "place": township.code,
        "place_name": township.name,
        "near": "",
        "longitude": 102.0,
        "latitude": 26.8,
    }
    return SitingScenario.objects.create(
        name=f"方案{code}", division=county, year=2024, kind="township", minutes=30, sites=[site],
        covered_before=0, newly_covered=10, bound=10, gap_percent=0,
    )  # fmt: skip


def test_a_planner_of_another_city_makes_no_projects_of_a_scenario_or_plan_outside_its_scope(users):
    from tixi.indicators.models import Plan

    miyi, dachuan = scenario_of(MIYI), scenario_of(DACHUAN)
    dazhou = page_for(users["dazhou"])
    city_plan = Plan.objects.filter(region__code=PANZHIHUA).first().code
    own_plan = Plan.objects.filter(region__code=DACHUAN).first().code
    attempts = [
        (f"/layout/{MIYI}/site/?year=2024", miyi.pk, own_plan),  # 米易's page
        (f"/layout/{DACHUAN}/site/?year=2024", miyi.pk, own_plan),  # 米易's scenario on its own page
        (f"/layout/{DACHUAN}/site/?year=2024", dachuan.pk, city_plan),  # into 攀枝花's plan
    ]
    for path, scenario, plan in attempts:
        response = dazhou.post(path, {"action": "projects", "scenario": scenario, "plan": plan})
        assert response.status_code == 404, (path, scenario, plan)
    for scenario in (miyi, dachuan):
        scenario.refresh_from_db()
        assert scenario.projects == []
    # and a siting answer is not saved as a scenario of 米易 by the county of 达川 or the 达州 planner
    for role in ("dazhou", "dachuan"):
        response = page_for(users[role]).post(
            f"/layout/{MIYI}/site/?year=2024", {"action": "save", "k": 1, "candidates": 5, "name": "越权"}
        )
        assert response.status_code in (403, 404), role
    from tixi.layout.models import SitingScenario

    assert not SitingScenario.objects.filter(name="越权").exists()


def test_a_planner_of_another_city_cannot_move_its_norm_into_panzhihua(users):
    from tixi.layout.models import Norm

    norm = Norm.objects.get(code="dc-ambulances")
    before = norm.definition()
    api = api_for(users["dazhou"])
    assert api.patch("/api/norms/dc-ambulances/", {"region": PANZHIHUA}, format="json").status_code == 403
    page = page_for(users["dazhou"])
    assert page.post("/layout/norms/pzh-beds/delete/").status_code == 404
    norm.refresh_from_db()
    assert norm.definition() == before
    assert Norm.objects.filter(code="pzh-beds").exists()


def test_surveillance_data_of_another_place_is_refused_with_real_bodies(users):
    from tixi.geo.models import Division
    from tixi.surveillance.models import CaseReport, ChannelCount

    township = Division.objects.current().filter(parent__code=DACHUAN).order_by("code").first()
    own = Division.objects.current().filter(parent__code=MIYI).order_by("code").first()
    day = dt.date(2025, 10, 14).isoformat()
    case = {"card_id": "越权-1", "disease_code": "hfmd", "onset_date": day, "report_date": day,
            "division": township.code, "sex": "M", "status": "clinical"}  # fmt: skip
    count = {"channel": "pharmacy", "category": "antipyretic", "division": township.code, "site": "药店",
             "date": day, "count": 3}  # fmt: skip
    cdc = api_for(users["cdc"])  # 攀枝花's CDC analyst
    assert cdc.post("/api/case-reports/", case, format="json").status_code == 400
    assert cdc.post("/api/channel-counts/", count, format="json").status_code == 400
    mine = cdc.post("/api/case-reports/", {**case, "card_id": "本地-1", "division": own.code}, format="json")
    assert mine.status_code == 201
    moved = cdc.patch(f"/api/case-reports/{mine.json()['id']}/", {"division": township.code}, format="json")
    assert moved.status_code == 400
    assert CaseReport.objects.get(card_id="本地-1").division == own
    assert not CaseReport.objects.filter(card_id="越权-1").exists()
    assert not ChannelCount.objects.filter(division=township, site="药店", count=3, date=day).exists()
