"""巫山's family-doctor coverage of key populations comes from the demo's 家庭医生签约服务季报: whole
residents per township and county each quarter up to the demo's today, signed never more than the
key population, and every target of every plan has data from its baseline year to the year of today."""

import pytest
from django.db.models import Sum

from tixi.demo import family_doctors
from tixi.demo.calendar import DEMO_TODAY
from tixi.exchange.datasets import completeness
from tixi.geo.models import Division, Population
from tixi.indicators.engine import periods
from tixi.indicators.models import DataSet, DataValue, Plan
from tixi.indicators.services import evaluate_plan

pytestmark = pytest.mark.django_db

WUSHAN = "500237000000"


def test_every_target_of_every_plan_has_data_from_its_baseline_to_the_year_of_today():
    """巫山's `family_doctor_key_population_coverage` had none: 1 of 37 targets without data in 2025."""
    missing = []
    for plan in Plan.objects.select_related("region").order_by("code"):
        first = min(t.baseline_year or plan.period_start - 1 for t in plan.targets.all())
        for year in range(first, DEMO_TODAY.year + 1):
            for row in evaluate_plan(plan, plan.region, year):
                since = row["baseline_year"] or plan.period_start - 1
                if year >= since and row["actual"] is None:
                    missing.append(f"{plan.code} {year} {row['indicator']}")
    assert missing == [], missing[:20]


def values(code, division=None):
    found = DataValue.objects.filter(element__code=code)
    if division is not None:
        found = found.filter(division=division)
    return {(v.division_id, v.period): v for v in found}


def test_the_quarterly_report_counts_whole_residents_per_township_and_county():
    county = Division.objects.at(WUSHAN, 2024)
    signed, key = values(family_doctors.SIGNED), values(family_doctors.KEY_POPULATION)
    assert signed and signed.keys() == key.keys()
    assert all(v.is_synthetic for v in [*signed.values(), *key.values()])
    for cell, value in signed.items():
        assert value.value == int(value.value) >= 0 and key[cell].value == int(key[cell].value) > 0
        assert value.value <= key[cell].value, cell
    # every quarter ended by the demo's today, none after it: 2025Q3 is in, 2025Q4 is not
    quarters = {p for _d, p in signed}
    assert quarters == set(family_doctors.quarters(range(2018, 2026), DEMO_TODAY))
    assert (
        "2025Q3" in quarters and "2025Q4" not in quarters and not any(p.startswith("2026") for p in quarters)
    )
    # per township, and the county's own report is their sum
    townships = list(Division.objects.filter(parent=county).valid_in(2024))
    assert len(townships) > 10
    for period in ("2024Q4", "2025Q3"):
        own = signed[(county.id, period)].value
        assert own == sum(signed[(t.id, period)].value for t in townships)
        assert key[(county.id, period)].value == sum(key[(t.id, period)].value for t in townships)
    # the key population: the 65+, children 0-6 and a tenth of the adults, about a third of residents
    residents = Population.objects.filter(division__in=townships, year=2024).aggregate(n=Sum("count"))["n"]
    assert 0.25 < key[(county.id, "2024Q4")].value / residents < 0.4


def test_the_coverage_follows_the_notice_from_below_its_goal():
    """ "到2027年…重点人群覆盖率达到73%": below 73 % in the baseline year 2023, rising toward it, each
    township's share within 0-100."""
    plan = Plan.objects.get(code="wushan-2027-system")
    county = Division.objects.at(WUSHAN, 2024)
    series = {}
    for year in range(2018, 2026):
        row = next(r for r in evaluate_plan(plan, county, year) if r["indicator"] == family_doctors.COVERAGE)
        series[year] = row["actual"]
    assert all(v is not None and 0 <= v <= 100 for v in series.values()), series
    assert series[2023] < 73 and series[2025] > series[2023] > series[2018], series
    for township in Division.objects.filter(parent=county).valid_in(2025)[:5]:
        row = next(
            r for r in evaluate_plan(plan, township, 2025) if r["indicator"] == family_doctors.COVERAGE
        )
        assert row["actual"] is not None and 0 <= row["actual"] <= 100


def test_the_county_filed_each_quarter_on_time_and_the_entry_form_shows_it(web):
    data_set = DataSet.objects.get(code="family_doctor_quarterly")
    assert {e.code for e in data_set.elements.all()} >= {family_doctors.SIGNED, family_doctors.KEY_POPULATION}
    county = Division.objects.at(WUSHAN, 2025)
    (row,) = completeness(data_set, county, "2025Q2")
    assert row["received"] == row["expected"] == 1 and row["on_time_share"] == 100.0
    stamps = DataValue.objects.filter(element__code=family_doctors.SIGNED, period="2025Q3")
    assert all(v.updated_at.date() <= DEMO_TODAY for v in stamps)
    assert all(v.updated_at.date() > periods.end_of("2025Q3") for v in stamps)
    page = web("planner").get(
        "/datasets/family_doctor_quarterly/entry/", {"division": WUSHAN, "period": "2025Q3"}
    )
    html = page.content.decode()
    assert page.status_code == 200 and "重点人群家庭医生签约人数" in html
    signed = int(
        DataValue.objects.get(element__code=family_doctors.SIGNED, division=county, period="2025Q3").value
    )
    # whole residents read as whole numbers, in the field and beside it
    assert f'value="{signed}"' in html and f"{signed}.0" not in html and f"{signed:,}.0" not in html
