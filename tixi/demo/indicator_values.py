"""Synthetic yearly values of the data elements that the plans' targets use (demo only).

The published baseline is reproduced exactly in the baseline year; other years move toward the
target, some on track and some behind. Each value follows the kind of thing it measures (from the
data element's unit and the indicator's decimals):

- a count (specialties, 个) is the number of designations obtained by the end of the year: whole,
  never negative, never falling, as a registry of designations would give it;
- a share (%) stays within 0-100;
- a mortality rate (‰, per 100,000) is a whole number of deaths over the year's births, so a small
  county shows 0 or one death's worth, not a fraction of a death;
- an amount (years of life, 万人, 亿元) is never negative;
all rounded to the indicator's decimals. Elements whose data arrives with a later capability
(hospital performance, family doctors, appointments) get no values: their targets show no data.
Every value is stored with `is_synthetic` (pages show it with a badge).
"""

import zlib

import numpy as np
from django.db import transaction
from django.db.models import Sum

from tixi.geo.models import Population
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine import trajectory as tj
from tixi.indicators.models import DataElement, DataValue, Target
from tixi.registry.engine.figures import round_like

LATER_CAPABILITIES = {
    "case_mix_index",
    "minimally_invasive_share",
    "level4_surgery_share",
    "day_surgery_share_level2",
    "day_surgery_share_level3",
    "clinical_pathway_share_level2",
    "clinical_pathway_share_level3",
    "family_doctor_key_population_coverage",
    "timed_appointment_share_level2",
    "timed_appointment_share_level3",
    "bedside_settlement_share_level2",
    "bedside_settlement_share_level3",
    "in_county_hospitalisation",
}
START_WITHOUT_BASELINE = {
    "healthy_life_expectancy": 68.5,
    "child_myopia_rate": 52.0,
    "health_industry_size": 6.1,
    "cdc_standard_infrastructure": 60.0,
    "provincial_key_specialties": 3.0,
    "village_clinics_basic_standard": 35.0,
}
COUNT_UNITS = {"个", "所", "家", "张", "人", "项"}
PER_BIRTHS = {"‰": 1000, "/10万": 100000}  # mortality of mothers and children, over live births
BIRTHS_PER_RESIDENT = 0.0075  # Sichuan and Chongqing, 2020-2023


def kind_of(element: DataElement) -> str:
    if element.unit == "%":
        return "share"
    if element.unit in PER_BIRTHS:
        return "mortality"
    if element.unit in COUNT_UNITS:
        return "count"
    return "amount"


def path_value(base: float, goal: float, base_year: int, target_year: int, year: int, achievement: float):
    """Where the value stands in `year` on its way from `base` to `goal`. Before the base year the
    trend runs backward gently (at most 5 % of the base a year: the years before a plan moved more
    slowly); after the target year it goes on at a quarter of the pace."""
    span = max(target_year - base_year, 1)
    step = (goal - base) / span * achievement
    if year < base_year:
        step = np.sign(step) * min(abs(step) / 2, 0.05 * abs(base))
        return base + step * (year - base_year)
    if year > target_year:
        return base + step * span + step / 4 * (year - target_year)
    return base + step * (year - base_year)


def counts_by_designation(base: int, goal: float, base_year: int, target_year: int, years, achievement, rng):
    """Whole counts that never fall: designations obtained each year toward the goal (fewer after
    the target year), and before the base year a few less each year, never below none."""
    pace = max(goal - base, 0) / max(target_year - base_year, 1) * achievement
    values = {base_year: base}
    for year in range(base_year + 1, max(years) + 1):
        values[year] = values[year - 1] + int(rng.poisson(pace if year <= target_year else pace / 4))
    for year in range(base_year - 1, min(years) - 1, -1):
        values[year] = max(values[year + 1] - int(rng.poisson(min(pace / 2, 0.05 * base + 0.3))), 0)
    return {y: v for y, v in values.items() if y in years}


def births(division_id: int, years) -> dict[int, float]:
    totals = dict(
        Population.objects.filter(division__path__startswith=_path(division_id), year__in=list(years))
        .values_list("year")
        .annotate(total=Sum("count"))
    )
    return {y: max(n * BIRTHS_PER_RESIDENT, 1.0) for y, n in totals.items()}


def _path(division_id: int) -> str:
    from tixi.geo.models import Division

    return Division.objects.only("path").get(pk=division_id).path


@transaction.atomic
def generate(years=range(2018, 2027), seed: int = 20201231) -> int:
    elements = {e.code: e for e in DataElement.objects.all()}
    rows, drawn = {}, set()
    for target in Target.objects.select_related("indicator", "plan", "division").order_by(
        "plan__code", "order"
    ):
        node = ex.parse(target.indicator.numerator)
        if not isinstance(node, ex.DataItem) or node.code in LATER_CAPABILITIES:
            continue
        element = elements[node.code]
        base_year = target.baseline_year or target.plan.period_start - 1
        base = (
            target.baseline_value
            if target.baseline_value is not None
            else START_WITHOUT_BASELINE.get(node.code)
        )
        if base is None:
            continue
        goal = target.target_value
        if target.kind == "change_per_year":
            goal = base + target.change_per_year * (target.target_year - base_year)
        elif target.kind in ("increase", "maintain", "national") or goal is None:
            goal = base * (1.01 if target.kind == "increase" else 1.0)
        elif target.kind == "value" and tj.meets(target.comparator, base, goal, target.target_high):
            goal = base  # already within the target: a region holds its level, it does not fall to the line
        key = (element.id, node.option or "", target.division_id)
        if key in drawn:  # another target of the region already drew this element
            continue
        drawn.add(key)
        # draws of their own per element and division: a new target leaves the others' series as they were
        rng = np.random.default_rng(
            [seed, zlib.crc32(f"{element.code}|{node.option or ''}|{target.division.code}".encode())]
        )
        achievement = float(rng.choice([1.1, 0.9, 0.6]))
        kind = kind_of(element)
        decimals = target.indicator.decimals
        if kind == "count":
            series = counts_by_designation(
                int(round(base)), goal, base_year, target.target_year, years, achievement, rng
            )
            rows.update({(*key, str(y)): float(v) for y, v in series.items()})
            continue
        born = births(target.division_id, years) if kind == "mortality" else {}
        for year in years:
            if year == base_year:
                value = base
            else:
                value = path_value(base, goal, base_year, target.target_year, year, achievement)
                value += float(rng.normal(0, abs(goal - base) * 0.05 + abs(base) * 0.002))
                if kind == "share":
                    value = min(max(value, 0.0), 100.0)
                elif kind == "mortality":
                    factor = PER_BIRTHS[element.unit]
                    n = born.get(year, 1.0)
                    # a region at zero still loses a mother or an infant now and then
                    expected = max(value, 0.25 * (target.target_value or 0.0), 0.0)
                    deaths = int(rng.poisson(expected * n / factor))
                    value = deaths * factor / n
                else:
                    value = max(value, 0.0)
                value = round_like(value, decimals)
            rows[(*key, str(year))] = value
    DataValue.objects.filter(is_synthetic=True).delete()
    DataValue.objects.bulk_create(
        [
            DataValue(
                element_id=e,
                option=o,
                division_id=d,
                period=p,
                year=int(p),
                value=v,
                is_synthetic=True,
            )
            for (e, o, d, p), v in rows.items()
        ],
        batch_size=2000,
    )
    return len(rows)
