"""A hospital's time and cost efficiency indices and low-risk-group mortality are judged against its
city's hospitals (the national assessment's reference population), not against itself: on its page they
are what `tixi hospitals indicators --division <city> --hospital CODE` prints, and what the city's whole
load gives that hospital."""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tixi.hospitals import figures, views
from tixi.registry.models import Institution

pytestmark = pytest.mark.django_db
OWN = "攀枝花市中心医院"
REFERENCED = ("time_efficiency", "cost_efficiency", "low_risk_mortality")


def cli(capsys, *args) -> list[dict]:
    capsys.readouterr()
    call_command("hospitals", "indicators", *args, "--format", "json")  # prints on sys.stdout
    return json.loads(capsys.readouterr().out)


def test_the_page_judges_a_hospital_against_its_city_as_the_command_does(web, capsys):
    hospital = Institution.objects.get(name=OWN)
    city = figures.city_of(hospital.division, 2024)
    assert city.code == "510400000000"
    page = web("planner").get(f"/hospitals/{hospital.code}/", {"year": 2024})
    assert page.status_code == 200
    on_page = {c["id"]: c["values"]["2024"] for c in page.context["charts"]}
    (printed,) = cli(capsys, "--division", city.code, "--year", "2024", "--hospital", hospital.code)
    for key in REFERENCED:
        # the page shows the figure's decimals (views.DECIMALS), the command its full precision
        assert on_page[key] == round(printed[key], views.DECIMALS[key]), key
    # the page names its reference
    assert city.name in page.content.decode().split('id="reference">')[1].split("</p>")[0]
    # not trivially 1: the hospital is not its own reference
    assert printed["time_efficiency"] != 1.0 and printed["cost_efficiency"] != 1.0
    # the same figures as the whole city's load gives that hospital
    whole = {r["hospital"]: r for r in cli(capsys, "--division", city.code, "--year", "2024")}[hospital.code]
    for key in REFERENCED:
        assert printed[key] == pytest.approx(whole[key], abs=1e-3), key


def test_the_reference_is_summed_by_the_database_in_a_fixed_number_of_queries():
    hospital = Institution.objects.get(name=OWN)
    city = figures.city_of(hospital.division, 2024)
    counts = []
    for years in ([2024], [2020, 2021, 2022, 2023, 2024]):
        with CaptureQueriesContext(connection) as queries:
            table = figures.reference_sums(city, years, None)
        counts.append(len(queries))
        assert set(table.column("year").to_pylist()) == set(years)
    assert counts[0] == counts[1] <= 3


def test_departments_and_months_are_judged_against_the_same_reference():
    hospital = Institution.objects.get(name=OWN)
    city = figures.city_of(hospital.division, 2024)
    loaded = figures.load(city, 2024, hospital=hospital.code)
    (year,) = figures.hospital_figures(loaded)
    for by in (("hospital", "department"), ("hospital", "month")):
        rows = figures.hospital_figures(loaded, by)
        for key in ("time_efficiency", "cost_efficiency"):
            # the year's index is the stays-weighted mean of its parts' (every grouped stay has a reference)
            cases = [(r[key], r["discharges"] - r["not_grouped"]) for r in rows if r[key] is not None]
            mean = sum(v * n for v, n in cases) / sum(n for _v, n in cases)
            assert mean == pytest.approx(year[key], abs=1e-3), (by, key)
    loaded.con.close()
