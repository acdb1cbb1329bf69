"""Published figures against the registry: occupancy over open bed-days, and a check that tells the
seed's own contradiction (proven by its other figures) from a shortfall of the demo."""

import pytest
from django.core.exceptions import ValidationError

from tixi.registry.engine.figures import (
    CONTRADICTION,
    MATCH,
    SHORTFALL,
    Group,
    PopulationSummary,
    check,
    compute,
)


def hospital(beds, bed_days, open_bed_days=None, unreported=None):
    sums = {"actual_beds": beds, "bed_days": bed_days, "discharges": bed_days // 10}
    if open_bed_days is not None:
        sums["open_bed_days"] = open_bed_days
    if unreported is not None:
        sums["beds_without_open_bed_days"] = unreported
    return Group("general_hospital", 2, "A", "public", "county", 1, sums)


def test_occupancy_is_over_the_open_bed_days_where_reported():
    # 100 beds open 90 % of the year, 29,565 bed-days occupied: 90 % of the open, 81 % of beds × 365
    f = compute([hospital(100, 29_565, open_bed_days=32_850, unreported=0)], PopulationSummary(1000))
    assert f["bed_occupancy_pct"] == 90.0 and f["hospital_bed_occupancy_pct"] == 90.0
    assert f["level2plus_hospital_bed_occupancy_pct"] == 90.0
    # an institution that reports no open bed-days counts its beds × 365 (as before)
    f = compute([hospital(100, 29_565, open_bed_days=0, unreported=100)], PopulationSummary(1000))
    assert f["bed_occupancy_pct"] == 81.0


def test_a_group_mixing_reporting_and_silent_institutions_adds_both_denominators():
    # one reports 18,250 open bed-days (50 beds open the whole year is 18,250), one of 50 beds is silent
    f = compute([hospital(100, 32_850, open_bed_days=18_250, unreported=50)], PopulationSummary(1000))
    assert f["bed_occupancy_pct"] == 90.0  # 32,850 / (18,250 + 50 × 365)


@pytest.mark.django_db
def test_open_bed_days_above_the_beds_of_the_year_are_refused_naming_the_field():
    from tixi.registry.models import InstitutionYear

    existing = (
        InstitutionYear.objects.filter(year=2021, actual_beds=100).select_related("institution").first()
    )
    existing = existing or InstitutionYear.objects.filter(year=2021, actual_beds__gt=0).first()
    report = InstitutionYear(
        institution=existing.institution, year=2021, division=existing.division, actual_beds=100
    )
    report.open_bed_days = 36_501
    with pytest.raises(ValidationError) as refused:
        report.clean()
    assert "open_bed_days" in refused.value.message_dict
    report.open_bed_days = 36_500  # every bed open all of 2021
    report.clean()
    report.year, report.open_bed_days = 2020, 36_600  # a leap year has 366 days
    report.clean()


PUBLISHED = [
    {"key": "physicians_per_1000", "value": 3.63, "decimals": 2},
    {"key": "nurses_per_1000", "value": 4.1, "decimals": 1},
    {
        "key": "nurses_per_physician",
        "value": 1.28,
        "decimals": 2,
        "contradicted_by": {"ratio": ["nurses_per_1000", "physicians_per_1000"]},
    },
    {"key": "enterprise_hospitals", "value": 3, "contradicted_by": {"value": 4, "source": "表2"}},
    {"key": "bed_occupancy_pct", "value": 79.67, "decimals": 2, "note": "over open bed-days"},
]


def statuses(computed):
    return {r.key: r.status for r in check(PUBLISHED, computed)}


def test_a_mismatch_explained_in_words_only_is_a_shortfall_of_the_demo():
    computed = {
        "physicians_per_1000": 3.63,
        "nurses_per_1000": 4.1,
        "nurses_per_physician": 1.13,
        "enterprise_hospitals": 4,
        "bed_occupancy_pct": 76.7,
    }
    assert statuses(computed) == {
        "physicians_per_1000": MATCH,
        "nurses_per_1000": MATCH,
        "nurses_per_physician": CONTRADICTION,  # 4.05-4.15 over 3.625-3.635 is 1.11-1.14, never 1.28
        "enterprise_hospitals": CONTRADICTION,  # the registry reproduces the other statement, 4
        "bed_occupancy_pct": SHORTFALL,  # a note is no proof: the demo could reproduce it
    }
    (result,) = [r for r in check(PUBLISHED, computed) if r.key == "nurses_per_physician"]
    assert "1.11" in result.proof


def test_a_contradiction_is_proven_only_by_what_the_seed_states():
    # the registry reproduces neither statement (5 enterprise hospitals): the demo falls short
    assert statuses({"enterprise_hospitals": 5})["enterprise_hospitals"] == SHORTFALL
    # a ratio the published figures allow is no contradiction: 1.13 would be the demo's shortfall
    consistent = [*PUBLISHED[:2], {**PUBLISHED[2], "value": 1.13}]
    (ratio,) = [
        r for r in check(consistent, {"nurses_per_physician": 1.2}) if r.key == "nurses_per_physician"
    ]
    assert ratio.status == SHORTFALL
