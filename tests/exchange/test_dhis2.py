"""DHIS2 dataValueSets: export a period, empty it, import the export, compare: the demo's 攀枝花 of 2020
once (over 10,000 values of every element: the scale), the kit's county otherwise."""

import json

import pytest

from tests import factories as f
from tests.conftest import PANZHIHUA
from tixi.geo.models import Division, Population
from tixi.indicators.models import DataValue
from tixi.registry.models import RESOURCE_FIELDS, InstitutionYear

pytestmark = pytest.mark.django_db
# the kit's `two_cities()`: the county user's county, and the city above it (beyond the county's scope)
COUNTY, CITY = "990102000000", "990100000000"


@pytest.fixture
def registry(region, api):
    """The kit's registry reporting in 2020 and 2024, the county's residents in 2020 (1,200) and its
    health literacy of 2020 as a data value."""
    built = f.institutions_in(region, years=(2020, 2024))
    f.population(region["county"], 2020)
    value = {"element": "health_literacy", "division": COUNTY, "period": "2020", "value": 28.5}
    assert api("county").post("/api/datavalues/", value, format="json").status_code == 201
    return built


def snapshot(path: str, year: int):
    resources = {
        (r.institution_id, f): getattr(r, f)
        for r in InstitutionYear.objects.filter(year=year, division_path__startswith=path)
        for f in RESOURCE_FIELDS
    }
    population = {
        (p.division_id, p.sex, p.age_band): p.count
        for p in Population.objects.filter(year=year, division__path__startswith=path)
    }
    data = {
        (v.element_id, v.option, v.division_id, v.period): v.value
        for v in DataValue.objects.filter(year=year, division__path__startswith=path)
    }
    return resources, population, data


def round_trip(api, user, code, year, fmt):
    division = Division.objects.at(code, year)
    before = snapshot(division.path, year)
    exported = api(user).get(f"/api/dataValueSets.{fmt}", {"orgUnit": code, "period": str(year)})
    assert exported.status_code == 200
    InstitutionYear.objects.filter(year=year, division_path__startswith=division.path).delete()
    Population.objects.filter(year=year, division__path__startswith=division.path).delete()
    DataValue.objects.filter(year=year, division__path__startswith=division.path).delete()
    assert not any(snapshot(division.path, year))
    content_type = "text/csv" if fmt == "csv" else "application/json"
    summary = api(user).post(f"/api/dataValueSets.{fmt}", exported.content, content_type=content_type)
    assert summary.status_code == 200, summary.data
    assert summary.data["status"] == "SUCCESS"
    assert snapshot(division.path, year) == before
    return before, summary.data["importCount"]["imported"]


def test_round_trip_of_a_period_at_the_demos_scale(api):
    before, imported = round_trip(api, "planner", PANZHIHUA, 2020, "json")
    assert all(before) and len(before[0]) > 10000 and imported > 10000


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
def test_round_trip_of_a_period(api, registry, fmt):
    before, imported = round_trip(api, "county", COUNTY, 2020, fmt)
    resources, population, data = before
    # the county's hospital, township centre and village clinic (the closed clinic filed nothing)
    assert len(resources) == 3 * len(RESOURCE_FIELDS) and len(population) == 12
    assert list(data.values()) == [28.5]
    filled = sum(v is not None for v in resources.values())
    assert filled >= 12 and imported == filled + 12 + 1


@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
def test_conflicts_import_nothing(registry, api):
    values = {
        "dataValues": [
            {"dataElement": "actual_beds", "period": "2026", "orgUnit": "NOPE", "value": "5"},
            {"dataElement": "health_literacy", "period": "2026", "orgUnit": COUNTY, "value": "abc"},
            {"dataElement": "health_literacy", "period": "2026", "orgUnit": COUNTY, "value": "31"},
        ]
    }
    before = DataValue.objects.count()
    response = api("county").post("/api/dataValueSets", json.dumps(values), content_type="application/json")
    assert response.status_code == 409 and response.data["status"] == "ERROR"
    assert len(response.data["conflicts"]) == 2 and DataValue.objects.count() == before
    outside = {
        "dataValues": [{"dataElement": "health_literacy", "period": "2026", "orgUnit": CITY, "value": "1"}]
    }
    response = api("county").post("/api/dataValueSets", json.dumps(outside), content_type="application/json")
    assert response.status_code == 409


@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
def test_dry_run_and_adx(registry, api):
    values = {
        "dataValues": [{"dataElement": "health_literacy", "period": "2026", "orgUnit": COUNTY, "value": "31"}]
    }
    response = api("county").post(
        "/api/dataValueSets?dryRun=true", json.dumps(values), content_type="application/json"
    )
    assert response.status_code == 200 and response.data["importCount"]["imported"] == 1
    assert not DataValue.objects.filter(
        period="2026", division__code=COUNTY, element__code="health_literacy"
    ).exists()
    adx = api("county").get("/api/dataValueSets.adx", {"orgUnit": COUNTY, "period": "2020"})
    assert adx.status_code == 200 and b'<adx xmlns="urn:ihe:qrph:adx:2015">' in adx.content
    assert b'period="2020-01-01/P1Y"' in adx.content
    assert api("county").get("/api/dataValueSets", {"orgUnit": CITY, "period": "2020"}).status_code == 404
    bad = api("county").post("/api/dataValueSets", b"{not json", content_type="application/json")
    assert bad.status_code == 400


@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
def test_an_approved_year_and_a_blocking_rule_refuse_the_whole_import(registry, api, users):
    from tixi.exchange import approval

    county = Division.objects.at(COUNTY, 2024)
    hospital = registry["township_centre"].years.get(year=2024)  # in a township: approved below
    before = (hospital.actual_beds, DataValue.objects.count())
    values = {
        "dataValues": [
            {
                "dataElement": "actual_beds",
                "period": "2024",
                "orgUnit": hospital.institution.code,
                "value": "1",
            },
            {"dataElement": "health_literacy", "period": "2024", "orgUnit": COUNTY, "value": "31"},
        ]
    }
    body = json.dumps(values)
    for township in approval.children(county, 2024):
        approval.approve(township, 2024, users["county"])
    approval.approve(county, 2024, users["county"])
    locked = api("county").post("/api/dataValueSets", body, content_type="application/json")
    assert locked.status_code == 409 and locked.data["status"] == "ERROR"
    assert len(locked.data["conflicts"]) == 2 and all("锁定" in c["value"] for c in locked.data["conflicts"])
    hospital.refresh_from_db()
    assert (hospital.actual_beds, DataValue.objects.count()) == before
    # unlocked, a report that breaks a blocking rule (more negative-pressure ambulances than ambulances)
    approval.Approval.objects.filter(year=2024).delete()
    blocking = {
        "dataValues": [
            {
                "dataElement": "ambulances",
                "period": "2024",
                "orgUnit": hospital.institution.code,
                "value": "1",
            },
            {
                "dataElement": "negative_pressure_ambulances",
                "period": "2024",
                "orgUnit": hospital.institution.code,
                "value": "2",
            },
        ]
    }
    refused = api("county").post("/api/dataValueSets", json.dumps(blocking), content_type="application/json")
    assert refused.status_code == 409 and refused.data["conflicts"]
    hospital.refresh_from_db()
    assert hospital.negative_pressure_ambulances != 2


@pytest.mark.without_demo
def test_population_goes_out_once_where_villages_have_residents_too(db):
    """DHIS2 sums a subtree's values: where a township and its villages both have rows, only the
    township's go out, so the county's total in DHIS2 is the registry's."""
    from tests import factories as f
    from tixi.exchange.dhis2 import POPULATION, collect
    from tixi.geo.models import Population

    county = f.division("990102000000", parent=f.division("990100000000", parent=f.division("990000000000")))
    town = f.division("990102101000", parent=county)
    other = f.division("990102102000", parent=county)
    for place, people in ((town, 900), (other, 400)):
        Population.objects.create(division=place, year=2024, sex="F", age_band="15-59", count=people)
    for code, people in (("990102101201", 600), ("990102101202", 300)):
        village = f.division(code, parent=town)
        Population.objects.create(division=village, year=2024, sex="F", age_band="15-59", count=people)
    rows = [v for v in collect(county, "2024") if v["dataElement"] == POPULATION]
    assert sorted((v["orgUnit"], v["value"]) for v in rows) == [
        ("990102101000", "900"),
        ("990102102000", "400"),
    ]
    assert sum(int(v["value"]) for v in rows) == 1300
