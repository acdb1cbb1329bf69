"""The demo holds no report of a year not yet begun: its data ends with the year of its today
(2025-10-15), the open year partly reported (discharges up to today, the quarters ended), and its
years come from the settings (TIXI_YEARS, the demo's today), not from literals."""

import datetime as dt

import pytest

from tixi.demo.builder import DemoBuilder
from tixi.demo.calendar import DEMO_TODAY, demo_today, demo_years
from tixi.geo.models import Population
from tixi.hospitals.models import Discharge
from tixi.indicators.models import DataValue
from tixi.registry.models import InstitutionYear

pytestmark = pytest.mark.django_db


def test_nothing_is_reported_for_a_year_after_the_demo_s_today():
    after = DEMO_TODAY.year + 1
    assert not InstitutionYear.objects.filter(year__gte=after).exists()
    assert not Population.objects.filter(year__gte=after).exists()
    assert not DataValue.objects.filter(year__gte=after).exists()
    assert not Discharge.objects.filter(year__gte=after).exists()
    # the open year is there, partly: yearly resources, the quarters ended, stays up to today
    assert InstitutionYear.objects.filter(year=DEMO_TODAY.year).exists()
    assert DataValue.objects.filter(year=DEMO_TODAY.year, period__endswith="Q3").exists()
    assert not DataValue.objects.filter(year=DEMO_TODAY.year, period__endswith="Q4").exists()
    last = Discharge.objects.filter(year=DEMO_TODAY.year).order_by("-discharged_at").first()
    assert last.discharged_at < DEMO_TODAY.isoformat()


def test_the_demo_years_come_from_the_settings(settings):
    settings.TIXI_TODAY = None
    assert demo_today() == DEMO_TODAY == dt.date(2025, 10, 15)
    assert list(demo_years()) == list(range(2018, 2026))
    settings.TIXI_TODAY = dt.date(2023, 3, 1)
    assert list(demo_years()) == list(range(2018, 2024))
    settings.TIXI_YEARS = range(2020, 2027)
    assert list(demo_years()) == [2020, 2021, 2022, 2023]
    assert DemoBuilder().years == (2020, 2021, 2022, 2023)
    settings.TIXI_TODAY = dt.date(2030, 1, 1)  # a today past the platform's years: its last year
    assert demo_years()[-1] == 2026


def test_a_year_without_reports_shows_no_data_not_zero_of_everything():
    """2026 has no yearly report: 攀枝花's scorecard reads no data for its village clinics and beds,
    not "0"; a reported year still counts what the registry holds."""
    from tixi.indicators.models import Plan
    from tixi.indicators.services import evaluate_plan

    plan = Plan.objects.get(code="panzhihua-14th-system")
    rows = {r["indicator"]: r for r in evaluate_plan(plan, plan.region, 2026)}
    assert rows["village_clinics"]["actual"] is None and rows["beds_per_1000"]["actual"] is None
    # and says why in words, not the engine's names of its items (RegistryCount, PopulationItem)
    assert "机构年报" in rows["village_clinics"]["no_data_reason"]
    assert "常住人口" in rows["beds_per_1000"]["no_data_reason"]
    reasons = " ".join(r["no_data_reason"] or "" for r in rows.values())
    assert "RegistryCount" not in reasons and "PopulationItem" not in reasons
    reported = {r["indicator"]: r for r in evaluate_plan(plan, plan.region, 2025)}
    assert reported["village_clinics"]["actual"] > 100
