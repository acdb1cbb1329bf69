"""The demo's discharge records follow each hospital's yearly report: the occupancy and stay the hospital
page and `tixi hospitals indicators` compute from the records are the registry's."""

import datetime as dt

import pytest

from tixi.demo import discharges
from tixi.demo.ledger_story import DEMO_TODAY
from tixi.geo.models import Division
from tixi.hospitals import figures
from tixi.hospitals.models import Discharge
from tixi.registry.engine import classification as cls
from tixi.registry.models import InstitutionType, InstitutionYear

# Each record stands for about 150 stays, so a hospital's discharges are off by at most half a record's
# rounding and its bed-days by the whole days of its stays: 2 % covers both for every hospital
TOLERANCE = 0.02


def _records_by_hospital_year() -> dict:
    found: dict = {}
    for d in Discharge.objects.filter(is_synthetic=True).values(
        "institution_id", "year", "admitted_at", "discharged_at", "represents"
    ):
        stays, days = found.get((d["institution_id"], d["year"]), (0, 0))
        found[(d["institution_id"], d["year"])] = (
            stays + d["represents"],
            days + discharges.stay_days(d["admitted_at"], d["discharged_at"]) * d["represents"],
        )
    return found


@pytest.mark.django_db
def test_every_hospital_s_records_give_its_reported_discharges_and_bed_days():
    """Every demo hospital and whole year (2020-2024): the records' stays and bed-days within 2 % of the
    yearly report. 2025's records end at the demo's today (2025-10-15), so the year holds the share
    of its reported stays discharged by then (the report is the whole year's)."""
    records = _records_by_hospital_year()
    hospital_types = [t for t in InstitutionType.values if cls.category_of(t) == cls.HOSPITAL]
    reports = InstitutionYear.objects.filter(
        year__in=range(2020, 2026),
        type__in=hospital_types,
        actual_beds__gt=0,
        discharges__gt=0,
        bed_days__gt=0,
    )
    checked, off = 0, []
    reported_2025 = recorded_2025 = 0
    for r in reports.select_related("institution"):
        stays, days = records.get((r.institution_id, r.year), (0, 0))
        if r.year == 2025:
            reported_2025 += r.discharges
            recorded_2025 += stays
            continue
        if stays == 0:
            off.append((r.institution.name, r.year, "no records"))
            continue
        checked += 1
        if abs(stays / r.discharges - 1) > TOLERANCE or abs(days / r.bed_days - 1) > TOLERANCE:
            off.append((r.institution.name, r.year, stays, r.discharges, days, r.bed_days))
    assert checked > 1000
    assert off == [], off[:20]
    elapsed = (DEMO_TODAY - dt.date(2025, 1, 1)).days / 365
    assert recorded_2025 / reported_2025 == pytest.approx(elapsed, abs=0.03)


@pytest.mark.django_db
def test_the_hospital_figures_read_the_registry_s_occupancy_for_panzhihua_s_central_hospital():
    """The case that was reported: 攀枝花市中心医院 read ~63 % from its records, the registry 83 %."""
    report = InstitutionYear.objects.get(institution__name="攀枝花市中心医院", year=2020)
    loaded = figures.load(Division.objects.get(code="510400000000"), 2020, report.institution.code)
    (row,) = [r for r in figures.hospital_figures(loaded) if r["hospital"] == report.institution.code]
    registry = 100 * report.bed_days / (report.actual_beds * 366)
    # its wards were open about 96 % of 2020: 83 % of the open bed-days (the hospitals' 82.82 %)
    assert 100 * report.bed_days / report.open_bed_days == pytest.approx(83.2, abs=0.5)
    assert registry == pytest.approx(79.5, abs=0.3)
    assert row["bed_occupancy"] == pytest.approx(registry, abs=1.0)
    assert row["alos"] == pytest.approx(report.bed_days / report.discharges, abs=0.2)


@pytest.mark.without_demo
def test_stays_are_spread_in_whole_days_of_at_least_one_that_add_up():
    assert discharges.spread([10, 5, 5], 40) == [20, 10, 10]
    assert sum(discharges.spread([3, 1, 7, 2], 101)) == 101
    assert discharges.spread([1, 1, 50], 10) == [1, 1, 8]  # none shortened below a day
    assert discharges.spread([4, 4], 1) == [1, 1]  # fewer days than stays: a day each
