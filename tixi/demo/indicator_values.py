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
all rounded to the indicator's decimals. A goal the seed gives without a baseline starts from the
figure the seed publishes for the baseline year where there is one (达川 2020: 4 national hygienic
towns, 68.64 % of diabetes patients managed...), else from a plausible start drawn below (or, for a
ceiling, above) the target; a yes-or-no goal (是=1) is 0 until the year the thing is done. The family
doctors' quarterly report is drawn as whole residents per township (tixi.demo.family_doctors). Elements
whose data arrives with a later capability (hospital performance, appointments) get
no values, nor does a goal with neither a baseline nor a target value: their targets show no data
and say which data element is missing. Every value is stored with `is_synthetic` (pages show it
with a badge).
"""

import re
import zlib

import numpy as np
from django.db import transaction

from tixi.demo import family_doctors, key_specialties
from tixi.demo.calendar import demo_today, demo_years
from tixi.geo.models import Division
from tixi.geo.services import population_by_year
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine import periods
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
    "in_county_hospitalisation",
    # 攀枝花's hospital figures without a baseline: `tixi hospitals publish` computes them from the
    # discharge records, so the demo draws none (a drawn 2026 would sit beside computed 2020-2025)
    "case_mix_index_level3_public",
    "minimally_invasive_share_level3_public",
    "level4_surgery_share_level3_public",
}
START_WITHOUT_BASELINE = {
    # goals of "increase" (or "decrease") with no baseline in the seed: plausible county/city levels
    "appointment_share": 45.0,
    "cross_province_direct_settlement_rate": 62.0,
    "primary_share_of_services": 53.0,
    "primary_share_of_insurance_payments": 24.0,
    "energy_cost_per_10k_revenue": 96.0,
    "service_revenue_share": 27.0,
    "cross_city_care_share": 11.0,
    "early_pneumoconiosis_share": 18.0,
    "healthy_life_expectancy": 68.5,
    "child_myopia_rate": 52.0,
    "health_industry_size": 6.1,
    "cdc_standard_infrastructure": 60.0,
    "provincial_key_specialties": 3.0,
    "village_clinics_basic_standard": 35.0,
    "in_county_visit_rate": 86.0,
    "day_surgery_share_level3_hospitals": 11.0,
    "neonatal_mortality": 2.4,
    "unpaid_blood_collection": 16.0,
    # 达川's goals found by the sentence ledger: typical county levels (失能、院感、乙肝 come down)
    "elderly_disability_incidence": 11.0,
    "nosocomial_infection_rate": 1.8,
    "hbv_infection_rate": 5.5,
    "government_health_expenditure_share": 8.0,
    "healthy_lifestyle_action_township_coverage": 100.0,  # "继续保持……全覆盖": covered already
    # 达川's goals found by reading the ledger by hand (ledger13): plausible district levels per 100,000
    # residents for the injuries (the seed gives none), the COVID-19 vaccination rate of the population
    "covid_vaccination_rate": 86.0,
    "child_traffic_injury_rate": 45.0,
    "child_drowning_rate": 3.5,
    "elderly_fall_rate": 420.0,
    "suicide_rate": 6.5,
    "accidental_poisoning_rate": 8.0,
}
# Counts of hospitals practising a service (公立医院便民服务年报), drawn per county against the
# registry's count of the hospitals the indicator's denominator names: whole, never above it, never
# falling (a hospital that books by time slot keeps doing so).
SERVICE_COUNTS = {
    "timed_booking_level2_public_hospitals": "timed_appointment_share_level2",
    "timed_booking_level3_public_hospitals": "timed_appointment_share_level3",
    "bedside_settlement_level2_public_hospitals": "bedside_settlement_share_level2",
    "bedside_settlement_level3_public_hospitals": "bedside_settlement_share_level3",
}
# Whole residents counted each quarter (家庭医生签约服务季报): drawn by tixi.demo.family_doctors
QUARTERLY_COUNTS = {family_doctors.SIGNED, family_doctors.KEY_POPULATION}
COUNT_UNITS = {"个", "所", "家", "张", "人", "项"}
# Shares of a few units of a level (县（市、区）of a city, 建制乡镇 of a county): a whole number of
# them over how many there are (7 counties give k/7, never 92.8 %)
COUNTED_UNITS = (
    (re.compile(r"(县（市、区）|县（区）)(疾控中心)?比例$"), 3),
    (re.compile(r"(建制乡镇|乡镇（街道）)比例$"), 4),
    # a count of townships over the townships there are (国家卫生乡镇数量占比: 达川's 12.9 % is 4 of the
    # 31 townships before its 2020 reform, not a free share), and of a township's seat (乡（镇）)
    (re.compile(r"(乡镇数量占比|乡镇总体数量比例|乡（镇）比例)$"), 4),
    # villages (行政村, 村（居）委会, 卫生村（社区）) over the villages there are
    (re.compile(r"(卫生村（社区）覆盖率|行政村比例|村（居）委会比例)$"), 5),
)
# Shares of a region's institutions of a kind that do something (二级公立医院提供检查检验集中预约服务比例):
# a whole number of the institutions the registry holds there (3 of 7 hospitals, never 47.3 %)
COUNTED_INSTITUTIONS = {
    "central_test_booking_share_level2": "N{category=hospital & level=2 & ownership=public}",
    "central_test_booking_share_level3": "N{category=hospital & level=3 & ownership=public}",
    "elderly_friendly_share_level2plus_public": "N{category=hospital & level>=2 & ownership=public}",
    "drug_evaluation_share_level2plus": "N{category=hospital & level>=2}",
    "geriatric_clinic_share_level2plus": "N{category=hospital & level>=2}",
    "health_promoting_hospital_share": "N{category=hospital & level>=2}",
    "legal_adviser_share": "N{category=hospital & level>=2}",
    "level2plus_appointment_system_share": "N{category=hospital & level>=2}",
    "county_hospitals_recommended_standard_share": "N{type=general_hospital & operator=county}",
    "community_hospital_share_of_centres": "N{type=community_health_centre}",
    "centres_with_integrated_elderly_care_share": (
        "N{type=township_health_centre|central_township_health_centre|community_health_centre}"
    ),
    "centres_with_upper_specialist_share": (
        "N{type=township_health_centre|central_township_health_centre|community_health_centre}"
    ),
}
# The yearly pace of a goal of direction alone, as a share of the value (逐年提高: 27 % -> 28 %), by unit
DIRECTIONAL_PACE = {"": (0.02, 0.05), "岁": (0.003, 0.006)}
DIRECTIONAL_SPREAD = 0.6  # the spread of a year about its path, in years' paces: about 1 year in 6 goes back (24 of 145 in the demo)
PER_BIRTHS = {"‰": 1000, "/10万": 100000}  # mortality of mothers and children, over live births
OVER_BIRTHS = {"maternal_mortality", "infant_mortality", "under5_mortality", "neonatal_mortality"}
BIRTHS_PER_RESIDENT = 0.0075  # Sichuan and Chongqing, 2020-2023


def kind_of(element: DataElement) -> str:
    if element.unit == "%":
        return "share"
    if element.unit in PER_BIRTHS:
        return "mortality"
    if element.unit in COUNT_UNITS:
        return "count"
    return "amount"


def counted_level(indicator) -> int | None:
    """The division level whose units a share counts (3 counties, 4 townships), None for another share."""
    if indicator.unit != "%":
        return None
    return next((level for pattern, level in COUNTED_UNITS if pattern.search(indicator.name)), None)


def units_in(division, level: int, year: int) -> int:
    """How many units of `level` the division holds in `year` (itself alone at that level or below)."""
    from tixi.geo.models import Division

    if division.level >= level:
        return 1
    return Division.objects.filter(path__startswith=division.path, level=level).valid_in(year).count()


def counted_institutions(indicator) -> str | None:
    """The registry count (N{...}) of the institutions a share is over, None for another share."""
    if indicator.unit != "%":
        return None
    return COUNTED_INSTITUTIONS.get(indicator.numerator.strip("#{}"))


def institutions_in(division, expression: str, year: int) -> int:
    """How many institutions of the registry count `expression` the division holds in `year`."""
    from tixi.indicators.items import Cell, item_key, registry_values

    node = ex.parse(expression)
    return int(registry_values([node], [Cell(division, year)])[item_key(node)][0])


def units_of_share(indicator, division, year: int) -> int:
    """n of a share that is k of n: counties or townships, or the institutions it is over; 0 otherwise."""
    if level := counted_level(indicator):
        return units_in(division, level, year)
    if expression := counted_institutions(indicator):
        return institutions_in(division, expression, year)
    return 0


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


def directional_goal(base: float, kind: str, unit: str, decimals: int, lower: bool, span: int, rng) -> float:
    """Where a goal of direction alone ("逐年提高", "持续下降": no number) plausibly stands by its
    target year: `base` moved each year by a pace drawn from DIRECTIONAL_PACE (a share, a rate, an
    amount: 2-5 % of its level a year; a life expectancy 0.3-0.6 %), at least two of the last digit
    the indicator shows (a step rounded away leaves the value "与上年持平" year after year), never
    past what the thing allows (a share below 100, a rate or amount above half its level)."""
    low, high = DIRECTIONAL_PACE.get(unit, DIRECTIONAL_PACE[""])
    step = abs(base) * float(rng.uniform(low, high))
    step = max(step, 2 * 10.0**-decimals if kind != "count" else 0.5)
    if lower:
        step = min(step, abs(base) / 2 / span)  # a rate at 0 stays at 0: nothing to lower
    elif kind == "share":
        step = min(step, max(100.0 - base, 0.0) * 0.1)  # the room left below 100, a tenth of it a year
    return base - step * span if lower else base + step * span


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


def published_values() -> dict[tuple[str, str, str], tuple[int, float]]:
    """(element, option, division code) -> (year, value) of every figure the seeds publish as a
    data value (the same list `published.store_published_values` writes)."""
    from tixi.demo.builder import load_specs

    found = {}
    for spec in load_specs():
        cal = spec.get("calibration")
        for item in spec.get("published", []) if cal else []:
            if "element" in item:
                key = (item["element"], item.get("option", ""), cal["division"].ljust(12, "0"))
                found[key] = (int(cal["year"]), float(item["value"]))
    return found


def is_yes_no(target) -> bool:
    """A goal met or not (创建三甲, 建成中心: "（是=1）"), counted 0 or 1."""
    return "是=1" in target.indicator.name or "是=1" in target.label


def drawn_start(target, kind: str, rng) -> float | None:
    """Where a goal the seed states without a baseline plausibly stood in the baseline year: below
    its floor (above its ceiling), a whole count for a count, within 0-100 for a share."""
    goal = target.target_value
    if goal is None or target.kind in ("increase", "maintain", "national", "change_per_year"):
        return None  # nothing to start from: the scorecard names the missing data element
    if is_yes_no(target):
        return 0.0
    ceiling = target.comparator in ("le", "lt")
    if target.kind == "new":
        return float(rng.integers(0, 4))  # the stock before the new ones
    if kind == "count":
        return float(int(goal * rng.uniform(0.3, 0.7)))
    if ceiling:
        start = goal * rng.uniform(1.08, 1.3)
        return min(start, 100.0) if kind == "share" else start
    if kind == "share" and goal >= 100:
        return float(rng.uniform(75, 95))
    return goal * rng.uniform(0.6, 0.9)


def yes_no_series(base_year: int, target_year: int, years, achievement: float, rng) -> dict[int, float]:
    """0 until the year the thing is done, then 1: ahead of its deadline, on it, or late."""
    done = {1.1: target_year - int(rng.integers(1, 3)), 0.9: target_year, 0.6: target_year + 2}[achievement]
    done = max(done, base_year + 1)
    return {y: float(y >= done) for y in years}


def service_counts(years, seed: int) -> dict:
    """(element, option, county, period) -> how many of the county's hospitals (those the indicator's
    denominator counts in the registry) practise the service: from a quarter or so of the share the
    target asks in the baseline year to about it by the target year, some counties ahead and some
    behind, whole, within the hospitals there are, never falling."""
    from tixi.geo.models import Division
    from tixi.indicators.items import Cell, item_key, registry_values
    from tixi.indicators.models import Indicator

    years = list(years)
    rows: dict = {}
    for code, indicator_code in SERVICE_COUNTS.items():
        element = DataElement.objects.filter(code=code).first()
        indicator = Indicator.objects.filter(code=indicator_code).first()
        if element is None or indicator is None or not indicator.denominator:
            continue
        denominator = ex.parse(indicator.denominator)
        for target in Target.objects.filter(indicator=indicator).select_related("division", "plan"):
            counties = list(Division.objects.filter(path__startswith=target.division.path, level=3))
            cells = [Cell(c, y) for c in counties for y in years]
            hospitals = registry_values([denominator], cells)[item_key(denominator)]
            base_year = target.baseline_year or target.plan.period_start - 1
            goal = (target.target_value or 100.0) / 100
            for k, county in enumerate(counties):
                rng = np.random.default_rng([seed, zlib.crc32(f"{code}|{county.code}".encode())])
                reach = goal * float(rng.choice([0.7, 0.9, 1.05, 1.25]))
                start = reach * float(rng.uniform(0.15, 0.4))
                adopted = 0
                for j, year in enumerate(years):
                    n = int(hospitals[k * len(years) + j])
                    share = min(
                        max(path_value(start, reach, base_year, target.target_year, year, 1.0), 0.0), 1.0
                    )
                    adopted = min(max(int(round(share * n)), adopted), n)
                    rows[(element.id, "", county.id, str(year))] = float(adopted)
    return rows


def births(division_id: int, years) -> dict[int, float]:
    # the shallowest level with rows: a county whose villages have residents of their own too
    totals = population_by_year(Division.objects.get(pk=division_id), years)
    return {y: max(p.total * BIRTHS_PER_RESIDENT, 1.0) for y, p in totals.items() if p.total}


@transaction.atomic
def generate(years=None, seed: int = 20201231, today=None) -> int:
    """Every synthetic value, over the demo's years (to the year of its today: none for a year not
    yet begun); the family doctors' quarterly report up to the last quarter ended by today."""
    today = today or demo_today()
    years = list(years or demo_years(today))
    elements = {e.code: e for e in DataElement.objects.all()}
    published = published_values()
    rows, drawn = {}, set()
    for target in Target.objects.select_related("indicator", "plan", "division").order_by(
        "plan__code", "order"
    ):
        node = ex.parse(target.indicator.numerator)
        if (
            not isinstance(node, ex.DataItem)
            or node.code in LATER_CAPABILITIES
            or node.code in SERVICE_COUNTS
            or node.code in QUARTERLY_COUNTS
        ):
            continue
        element = elements[node.code]
        base_year = target.baseline_year or target.plan.period_start - 1
        base = (
            target.baseline_value
            if target.baseline_value is not None
            else START_WITHOUT_BASELINE.get(node.code)
        )
        seed_figure = published.get((node.code, node.option or "", target.division.code))
        if base is None and seed_figure and seed_figure[0] == base_year:
            base = seed_figure[1]  # the seed's own figure of the baseline year
        key = (element.id, node.option or "", target.division_id)
        if key in drawn:  # another target of the region already drew this element
            continue
        # draws of their own per element and division: a new target leaves the others' series as they were
        rng = np.random.default_rng(
            [seed, zlib.crc32(f"{element.code}|{node.option or ''}|{target.division.code}".encode())]
        )
        achievement = float(rng.choice([1.1, 0.9, 0.6]))
        kind = kind_of(element)
        if kind == "mortality" and element.code not in OVER_BIRTHS:
            kind = "amount"  # deaths per 100,000 residents (心脑血管疾病死亡率), not over births
        decimals = target.indicator.decimals
        from_seed = target.baseline_value is not None or bool(
            seed_figure and seed_figure[0] == base_year and base == seed_figure[1]
        )
        if base is None:
            base = drawn_start(target, kind, rng)
            if base is None:
                continue
            base = round_like(base, decimals)
        drawn.add(key)
        goal = target.target_value
        if target.kind == "new" and goal is not None:
            goal = base + goal  # "新建 N 个": N more than the stock of the baseline year
        if target.kind == "change_per_year":
            goal = base + target.change_per_year * (target.target_year - base_year)
        elif target.kind == "increase":  # "逐年提高", "持续下降" of a lower-is-better: a pace of its own
            span = max(target.target_year - base_year, 1)
            lower = target.indicator.direction == "lower"
            goal = directional_goal(base, kind, element.unit, decimals, lower, span, rng)
        elif target.kind in ("maintain", "national") or goal is None:
            goal = base
        elif target.kind == "value" and tj.meets(target.comparator, base, goal, target.target_high):
            goal = base  # already within the target: a region holds its level, it does not fall to the line
        counted_share = kind == "share" and bool(
            counted_level(target.indicator) or counted_institutions(target.indicator)
        )
        # "持续提升" of a share of a few units (国家卫生乡镇数量占比 of 24 townships) rises by whole
        # units: at least one more by the target year, else it reads flat year after year
        rising = counted_share and target.kind == "increase" and target.indicator.direction != "lower"
        if rising and (n := units_of_share(target.indicator, target.division, target.target_year)):
            goal = min(max(goal, 100 * (np.ceil(base * n / 100 - 1e-9) + 1) / n), 100.0)
        if is_yes_no(target):
            series = yes_no_series(base_year, target.target_year, years, achievement, rng)
            rows.update({(*key, str(y)): v for y, v in series.items()})
            continue
        if kind == "count":
            series = counts_by_designation(
                int(round(base)), goal, base_year, target.target_year, years, achievement, rng
            )
            if element.code.endswith("_min"):
                # the fewest any institution has (至少配备1名): it rises as the last ones staff up and
                # stops at the goal, not climbing past it as a count of designations would
                series = {y: min(v, max(int(round(base)), int(goal))) for y, v in series.items()}
            rows.update({(*key, str(y)): float(v) for y, v in series.items()})
            continue
        born = births(target.division_id, years) if kind == "mortality" else {}
        counted = 0  # units already counted: a county that has built its centre keeps it
        for year in years:
            if year == base_year:
                value = base
            else:
                value = path_value(base, goal, base_year, target.target_year, year, achievement)
                if target.kind == "increase":  # a year off track now and then, as real data is
                    spread = DIRECTIONAL_SPREAD * abs(goal - base) / max(target.target_year - base_year, 1)
                else:
                    spread = abs(goal - base) * 0.05 + abs(base) * 0.002
                value += float(rng.normal(0, spread))
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
            if counted_share and (n := units_of_share(target.indicator, target.division, year)):
                whole = value * n / 100
                if year == base_year and from_seed and goal >= base:
                    # the seed's baseline stays as published, over the seed's own count of units (12.9 %
                    # is 4 of 31): the units counted from it are at least as many, so a rising goal's
                    # next year does not read below the published baseline (3 of 24 is 12.5 %)
                    whole = np.ceil(whole - 1e-9)
                counted = min(max(int(round(whole)), counted if goal >= base else 0), n)
                if year != base_year or not from_seed:  # the seed's own baseline stays as published
                    value = 100 * counted / n
            if year != base_year or not from_seed:
                value = round_like(value, decimals)
            rows[(*key, str(year))] = value
    # key specialties: designations at institutions, the counts read from them
    key_specialties.rebuild(rows, elements, years, today, seed, published)
    key_specialties.rebuild_tcm(rows, elements, years, today, seed, published)
    rows.update(service_counts(years, seed))
    rows.update(family_doctors.quarterly_rows(years, today, seed))
    DataValue.objects.filter(is_synthetic=True).delete()
    DataValue.objects.bulk_create(
        [
            DataValue(
                element_id=e,
                option=o,
                division_id=d,
                period=p,
                year=periods.year_of(p),
                value=v,
                is_synthetic=True,
            )
            for (e, o, d, p), v in rows.items()
        ],
        batch_size=2000,
    )
    family_doctors.date_the_reports(today, seed)
    return len(rows)
