"""The demo's 家庭医生签约服务季报 (data set `family_doctor_quarterly`), synthetic: for every county a
plan targets the family-doctor coverage of key populations (巫山: 73 % by 2027), each quarter up to
the demo's today, per township and for the county:

- key population (重点人群): the township's residents aged 65 and over and children aged 0-6, and
  the people with hypertension or type-2 diabetes among those aged 15-64 (about one in ten), so
  whole residents drawn from its population of the year;
- signed (签约): a whole number of them, never more, their share moving from where the county stood
  in the plan's baseline year (below the goal, as the notice's "达到73%" implies) toward the goal,
  some townships ahead and some behind, renewals in the first quarter of each year lower than the
  year's end;
- the county's own report is the sum of its townships, filed within the 20 days after each quarter.
"""

import datetime as dt
import zlib

import numpy as np

from tixi.indicators.engine import periods

SIGNED = "key_population_signed"
KEY_POPULATION = "key_population"
COVERAGE = "family_doctor_key_population_coverage"  # the indicator the plans target
CHRONIC_SHARE_15_64 = 0.10  # hypertension and type-2 diabetes under management, ages 15-64
KEY_BANDS = ("0-2", "3-6", "65+")
ADULT_BANDS = ("15-59", "60-64")
CEILING = 0.95  # some of a key population always declines a contract


def quarters(years, today: dt.date) -> list[str]:
    """Every quarter of `years` that has ended by `today` (the open year partly reported)."""
    return [p for y in years for p in periods.periods_of(y, periods.QUARTERLY) if periods.end_of(p) <= today]


def key_populations(townships, years) -> dict[tuple[int, int], int]:
    """(township id, year) -> its key population, from its residents by age band."""
    from django.db.models import Sum

    from tixi.geo.models import Population

    by_band: dict = {}
    rows = (
        Population.objects.filter(division__in=townships, year__in=list(years))
        .values("division_id", "year", "age_band")
        .annotate(n=Sum("count"))
    )
    for row in rows:
        cell = by_band.setdefault((row["division_id"], row["year"]), {})
        cell[row["age_band"]] = row["n"]
    return {
        key: int(
            round(
                sum(b.get(x, 0) for x in KEY_BANDS)
                + CHRONIC_SHARE_15_64 * sum(b.get(x, 0) for x in ADULT_BANDS)
            )
        )
        for key, b in by_band.items()
    }


def coverage_path(
    start: float, goal: float, base_year: int, target_year: int, when: float, pace: float
) -> float:
    """The county's share at `when` (a year with its quarter as a fraction: 2024.25 is the end of Q1)."""
    step = (goal - start) / max(target_year - base_year, 1) * pace
    if when < base_year:  # the years before the plan moved more slowly
        return start + step / 2 * (when - base_year)
    return start + step * (when - base_year)


def quarterly_rows(years, today: dt.date, seed: int = 20201231) -> dict:
    """(element id, option, division id, period) -> value, for the counties a coverage target covers."""
    from tixi.geo.models import Division
    from tixi.indicators.models import DataElement, Target

    elements = {e.code: e.id for e in DataElement.objects.filter(code__in=(SIGNED, KEY_POPULATION))}
    if len(elements) < 2:
        return {}
    years = list(years)
    rows: dict = {}
    targets = Target.objects.filter(indicator__code=COVERAGE).select_related("division", "plan")
    for target in targets.order_by("plan__code", "order"):
        goal = (target.target_value or 70.0) / 100
        base_year = target.baseline_year or target.plan.period_start - 1
        counties = Division.objects.filter(path__startswith=target.division.path, level=3)
        for county in counties.order_by("path", "valid_from"):
            rng = np.random.default_rng([seed, zlib.crc32(f"{COVERAGE}|{county.code}".encode())])
            start = goal * float(rng.uniform(0.78, 0.9))  # below the goal in the baseline year
            pace = float(rng.choice([1.1, 0.9, 0.7]))
            offsets: dict = {}
            for period in quarters(years, today):
                year, quarter = periods.year_of(period), int(period[-1])
                if not county.valid_in(year):
                    continue
                townships = list(Division.objects.filter(parent=county).valid_in(year).order_by("code"))
                people = key_populations(townships, [year])
                county_share = coverage_path(
                    start, goal, base_year, target.target_year, year - 1 + quarter / 4, pace
                )
                # contracts are renewed every year: the first quarter counts fewer than the year's end
                county_share -= 0.04 if quarter == 1 else 0.0
                totals = [0, 0]
                for township in townships:
                    key = people.get((township.id, year))
                    if not key:
                        continue
                    if township.code not in offsets:
                        offsets[township.code] = float(rng.normal(0, 0.05))
                    share = county_share + offsets[township.code] + float(rng.normal(0, 0.01))
                    signed = min(int(round(key * min(max(share, 0.0), CEILING))), key)
                    rows[(elements[KEY_POPULATION], "", township.id, period)] = float(key)
                    rows[(elements[SIGNED], "", township.id, period)] = float(signed)
                    totals[0] += key
                    totals[1] += signed
                if totals[0]:
                    rows[(elements[KEY_POPULATION], "", county.id, period)] = float(totals[0])
                    rows[(elements[SIGNED], "", county.id, period)] = float(totals[1])
    return rows


def date_the_reports(today: dt.date, seed: int = 20201231) -> int:
    """Each quarter's reports were filed within the data set's 20 days after the quarter, never after
    today (bulk writes stamp them with the build's clock otherwise, and every one would read late)."""
    from tixi.indicators.models import DataSet, DataValue

    data_set = DataSet.objects.filter(code="family_doctor_quarterly").first()
    due_days = data_set.due_days if data_set else 20
    values = DataValue.objects.filter(element__code__in=(SIGNED, KEY_POPULATION), is_synthetic=True)
    updated = 0
    for period in sorted(set(values.values_list("period", flat=True))):
        rng = np.random.default_rng([seed, zlib.crc32(period.encode())])
        end = periods.end_of(period)
        filed = min(end + dt.timedelta(days=int(rng.integers(5, due_days + 1))), today)
        stamp = dt.datetime.combine(filed, dt.time(10, 0), tzinfo=dt.UTC)
        updated += values.filter(period=period).update(updated_at=stamp)
    return updated
