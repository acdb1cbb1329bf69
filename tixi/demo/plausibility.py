"""Does the demo look real? Every target of every plan over every division of its region and every
year, checked by the kind of thing the indicator measures (from its catalogue definition):

- a count (institutions, beds, specialties: no denominator, a unit of things, no decimals) is a
  whole number and never negative;
- a share (unit %) lies within 0-100;
- a goal met or not (是=1: a grade reached, a centre built) is 0 or 1;
- a density of a county or a city (beds, physicians... per 1,000 residents) lies in the range real
  Chinese counties show;
- nothing is negative (every indicator of the catalogue measures a quantity).

The sweep walks every plan, every division of its region and every year the platform offers
(TIXI_YEARS, 2018-2026: past the demo's last year too, where a page must show no data rather than
nonsense) three ways: the indicator engine over the region, its counties and townships; the
scorecard a user reads (`evaluate_plan`: actual, baseline, expected value, series) for the region and
every county, one evaluation per year (and the first township of each county in the last full
year), where no total of the region (its staff, beds, institutions) judges a part of it; and the
registry figures (`tixi figures`: counts whole and
never negative, shares within 0-100) of the region and every county.

Besides, every county and city shows densities in that range whether or not a plan targets them,
and no two counties share a population in a year. `problems()` lists what fails, so that a
test and a person (`tixi manage shell -c "from tixi.demo.plausibility import report; report()"`)
read the same list.
"""

from collections import Counter
from dataclasses import dataclass

from django.conf import settings

from tixi.core import clock
from tixi.geo.engine import codes
from tixi.geo.models import Division, Population
from tixi.indicators import items as item_values
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine import trajectory as tj
from tixi.indicators.models import Indicator, Plan
from tixi.indicators.services import (
    additive_elements,
    all_definitions,
    definition_of,
    evaluate,
    evaluate_plan,
)
from tixi.registry.engine import classification as cls
from tixi.registry.models import Institution
from tixi.registry.services import division_figures

YEARS = tuple(settings.TIXI_YEARS)  # every year a page offers (2018-2026)
COUNT_UNITS = {"个", "所", "家", "张", "人", "辆", "名", "项"}
# Per 1,000 (or 10,000) residents, as Chinese counties and cities show them (统计年鉴 2018-2023:
# county beds 3-10 per 1,000, physicians 1-6, nurses 1-7); townships are not held to these, the
# county hospital stands in one of them.
DENSITY_RANGES = {
    "beds_per_1000": (3.0, 10.0),
    "physicians_per_1000": (1.0, 6.0),
    "nurses_per_1000": (1.0, 7.0),
    "pharmacists_per_1000": (0.1, 1.0),
    "gps_per_10000": (0.5, 8.0),
    "tcm_physicians_per_1000": (0.1, 1.5),
}
# A district (市辖区) where the city's own hospitals stand serves the whole city: its density runs
# higher than a county's (攀枝花东区, 成都青羊区: beds 15-25 per 1,000), TCM physicians too where the
# city's TCM and integrated hospitals stand.
CITY_HOSPITAL_DISTRICT_RANGES = {
    "beds_per_1000": (3.0, 25.0),
    "physicians_per_1000": (1.0, 9.0),
    "nurses_per_1000": (1.0, 12.0),
    "tcm_physicians_per_1000": (0.1, 2.5),
}
COUNTY = 3
# Bed occupancy (%, bed-days over open bed-days, or beds × days open) and average stay (days) of one institution-year,
# as Chinese institutions of its kind show them (卫生健康统计年鉴 2018-2023: hospitals 60-100 %,
# stays 5-14 days, psychiatric hospitals up to 60; township and community centres 35-85 %).
BED_USE_RANGES = {
    "psychiatric": (60.0, 105.0, 20.0, 70.0),
    cls.HOSPITAL: (60.0, 105.0, 5.0, 14.0),
    "mch": (55.0, 95.0, 3.0, 8.0),
    cls.PRIMARY_CARE: (35.0, 90.0, 4.0, 10.0),
}
# Where a seed's own figures leave little room: 攀枝花 2020 publishes 29.99万 discharges at 9.7 days,
# 82.82 % for its hospitals and 79.67 % for all (over open bed-days), which leaves its primary care
# and MCH beds about 42 % (an MCH centre of 50 % is below the range of its kind).
BED_USE_SET_BY_THE_SEED = {("510000000000/510400000000/", 2020): "non-hospital"}


def kind_of(indicator: Indicator) -> str:
    """count, share, rate (over residents or per 1,000/100,000 events) or amount."""
    if indicator.unit == "%":
        return "share"
    if indicator.denominator.strip() or indicator.unit in ("‰", "/10万"):
        return "rate"
    if indicator.unit in COUNT_UNITS and indicator.decimals == 0:
        return "count"
    return "amount"


def per_residents(indicator: Indicator) -> bool:
    """A rate over the resident population (per 1,000, per 10,000)."""
    if not indicator.denominator.strip():
        return False
    return isinstance(ex.parse(indicator.denominator), ex.PopulationItem)


@dataclass(frozen=True)
class Problem:
    plan: str
    division: str
    year: int
    indicator: str
    value: float
    what: str

    def __str__(self):
        return f"{self.plan} {self.division} {self.year} {self.indicator} = {self.value:g}: {self.what}"


def city_hospital_counties() -> set[str]:
    """Codes of the counties and districts where a city-run hospital stands."""
    found = set()
    for type_, path in Institution.objects.filter(operator="city").values_list("type", "division__path"):
        if cls.category_of(type_) == cls.HOSPITAL or type_ in cls.BEDDED_PUBLIC_HEALTH_TYPES:
            found.update(code for code in path.strip("/").split("/") if codes.level_of(code) == COUNTY)
    return found


def density_range(code: str, division: Division, hosts_city_hospitals: bool = False):
    if division.level > COUNTY:
        return None
    if hosts_city_hospitals and code in CITY_HOSPITAL_DISTRICT_RANGES:
        return CITY_HOSPITAL_DISTRICT_RANGES[code]
    return DENSITY_RANGES.get(code)


def value_problem(
    indicator: Indicator,
    value: float,
    division: Division,
    hosts_city_hospitals: bool = False,
    judge_density: bool = True,
) -> str | None:
    kind = kind_of(indicator)
    if value < -1e-9:
        return f"negative {kind}"
    if kind == "count" and abs(value - round(value)) > 1e-9:
        return "fractional count"
    if kind == "share" and value > 100 + 1e-9:
        return "share above 100"
    if "是=1" in indicator.name and value not in (0, 1):
        return "yes-or-no goal neither 0 nor 1"
    low_high = judge_density and density_range(indicator.code, division, hosts_city_hospitals)
    if low_high and not low_high[0] <= value <= low_high[1]:
        return f"density outside {low_high[0]:g}-{low_high[1]:g}"
    return None


def share_of_units_problem(indicator: Indicator, value: float, division: Division, year: int) -> str | None:
    """A share of counties (townships), or of the hospitals (institutions) of a kind the registry holds
    there, is k of the n there are: 92.8 % of 7 counties is not, nor 47.3 % of 7 hospitals."""
    from tixi.demo.indicator_values import units_of_share

    if not (n := units_of_share(indicator, division, year)):
        return None
    k = round(value * n / 100)
    if abs(value - 100 * k / n) > 0.5 * 10**-indicator.decimals + 1e-9:
        return f"share of {n} units is not a whole number of them"
    return None


def seed_figures() -> dict:
    """(element, option, division code) -> (year, value) of the figures the seeds publish."""
    from tixi.demo.indicator_values import published_values

    return published_values()


def plan_cells(plan: Plan, years=YEARS) -> list[item_values.Cell]:
    """The region and every county and township under it, each on the map of each year."""
    rows = Division.objects.filter(path__startswith=plan.region.path, level__lte=4).order_by("path")
    return [item_values.Cell(row, y) for row in rows for y in years if row.valid_in(y)]


def plan_problems(plan: Plan, years=YEARS, city_hospitals: set[str] | None = None) -> list[Problem]:
    city_hospitals = city_hospital_counties() if city_hospitals is None else city_hospitals
    targets = list(plan.targets.select_related("indicator").order_by("order"))
    cells = plan_cells(plan, years)
    definitions = {}
    for t in targets:
        d = definition_of(t.indicator, t.institution_name)
        definitions[d.code] = (d, t.indicator)
    evaluation = evaluate([d for d, _ in definitions.values()], cells, all_definitions(), reasons=False)
    published: dict[str, set] = {}  # the seed's own baselines stand as published
    figures = seed_figures()
    for t in targets:
        if t.baseline_value is not None:
            published.setdefault(t.indicator.code, set()).add((t.baseline_year, float(t.baseline_value)))
        # and the figures the seed publishes for its baseline year (达川 2020: 省级卫生乡镇 74.19 %, 23 of
        # the 31 townships before its reform), which the demo stores as published
        node = ex.parse(t.indicator.numerator)
        if isinstance(node, ex.DataItem):
            figure = figures.get((node.code, node.option or "", t.division.code))
            if figure:
                published.setdefault(t.indicator.code, set()).add(figure)
    found = []
    for code, (_d, indicator) in definitions.items():
        for cell, value in zip(cells, evaluation.values[code], strict=True):
            if value != value:  # no data
                continue
            division = cell.division
            what = value_problem(indicator, float(value), division, division.code in city_hospitals)
            if (cell.year, float(value)) not in published.get(indicator.code, ()):
                what = what or share_of_units_problem(indicator, float(value), division, cell.year)
            if what:
                found.append(
                    Problem(plan.code, cell.division.name, cell.year, indicator.code, float(value), what)
                )
    return found


def duplicate_county_populations(years=YEARS) -> list[Problem]:
    """Counties that share their resident population with another county in a year."""
    from django.db.models import Sum

    totals = (
        Population.objects.filter(division__level=4)
        .values("division__parent__code", "division__parent__name", "year")
        .annotate(total=Sum("count"))
    )
    by_year: dict[int, dict[str, tuple[str, int]]] = {}
    for row in totals:
        if row["year"] in years:
            county = by_year.setdefault(row["year"], {}).setdefault(
                row["division__parent__code"], [row["division__parent__name"], 0]
            )
            county[1] += row["total"]
    found = []
    for year, counties in by_year.items():
        counts = Counter(total for _name, total in counties.values())
        for name, total in counties.values():
            if counts[total] > 1:
                found.append(
                    Problem("-", name, year, "population", total, "population shared with another county")
                )
    return found


def density_problems(years=YEARS, city_hospitals: set[str] | None = None) -> list[Problem]:
    """The densities of every county and city, whether or not a plan sets a target for them."""
    city_hospitals = city_hospital_counties() if city_hospitals is None else city_hospitals
    indicators = list(Indicator.objects.filter(code__in=DENSITY_RANGES))
    rows = Division.objects.filter(level__in=(2, COUNTY)).order_by("path")
    cells = [item_values.Cell(row, y) for row in rows for y in years if row.valid_in(y)]
    evaluation = evaluate([definition_of(i) for i in indicators], cells, all_definitions(), reasons=False)
    found = []
    for indicator in indicators:
        for cell, value in zip(cells, evaluation.values[indicator.code], strict=True):
            division = cell.division
            what = value == value and value_problem(
                indicator, float(value), division, division.code in city_hospitals
            )
            if what:
                found.append(Problem("-", division.name, cell.year, indicator.code, float(value), what))
    return found


def bed_use_kind(report) -> str | None:
    """Which range of BED_USE_RANGES holds an institution's yearly report (None: no beds to judge)."""
    if report.type == "specialty_hospital" and (report.psychiatric_beds or 0) * 2 > report.actual_beds:
        return "psychiatric"
    if report.type in cls.BEDDED_PUBLIC_HEALTH_TYPES:
        return "mch"
    category = cls.category_of(report.type)
    return category if category in (cls.HOSPITAL, cls.PRIMARY_CARE) else None


def seed_sets_bed_use(path: str, year: int) -> bool:
    return any(path.startswith(prefix) and year == y for prefix, y in BED_USE_SET_BY_THE_SEED)


def bed_use_problems(years=YEARS) -> list[Problem]:
    """Every institution-year with beds: its occupancy (over the days it was open, in its opening
    year) and average stay within what its kind shows."""
    import datetime as dt

    from tixi.registry.models import InstitutionYear

    found = []
    reports = (
        InstitutionYear.objects.filter(year__in=years, actual_beds__gt=0)
        .select_related("institution")
        .order_by("institution__code", "year")
    )
    for r in reports:
        kind = bed_use_kind(r)
        if kind is None or (kind != cls.HOSPITAL and seed_sets_bed_use(r.division_path, r.year)):
            continue
        low, high, stay_low, stay_high = BED_USE_RANGES[kind]
        opened = r.institution.opened_on
        start = opened if opened and opened.year == r.year else dt.date(r.year, 1, 1)
        days = (dt.date(r.year, 12, 31) - start).days + 1
        # over the open bed-days where the report gives them (病床使用率), else the beds × days open
        occupancy = 100 * (r.bed_days or 0) / (r.open_bed_days or r.actual_beds * days)
        stay = r.bed_days / r.discharges if r.discharges else None
        name = r.institution.name
        psychiatric_share = (r.psychiatric_beds or 0) / r.actual_beds
        if psychiatric_share > 0.5 and "精神" not in name:
            found.append(
                Problem(
                    "-",
                    name,
                    r.year,
                    "psychiatric beds",
                    r.psychiatric_beds,
                    "mostly psychiatric, named otherwise",
                )
            )
        if not low <= occupancy <= high:
            found.append(
                Problem("-", name, r.year, "occupancy", round(occupancy, 1), f"outside {low:g}-{high:g} %")
            )
        if stay is None or not stay_low <= stay <= stay_high:
            found.append(
                Problem(
                    "-",
                    name,
                    r.year,
                    "average stay",
                    stay and round(stay, 1),
                    f"outside {stay_low:g}-{stay_high:g} days",
                )
            )
    return found


def scorecard_divisions(plan: Plan, year: int):
    """The plan's region and every county under it, each as it stood in `year`."""
    rows = Division.objects.filter(path__startswith=plan.region.path, level__lte=COUNTY).valid_in(year)
    return list(rows.order_by("path"))


def part_judged(plan: Plan, division: Division, year: int, rows: list[dict], targets=None, additive=None):
    """A total of the plan's region (staff, beds, institutions counted) judged on a part of it (a county,
    a township): a status where the row must say it is not judged."""
    targets = targets if targets is not None else plan_targets(plan)
    additive = additive_elements() if additive is None else additive
    found = []
    for row in rows:
        t = targets.get(row["order"])
        if t is None or t.indicator_id is None or t.institution_name or division.level <= t.division.level:
            continue
        d = definition_of(t.indicator)
        if row["status"] != tj.NOT_JUDGED and ex.is_total(d.numerator, d.denominator, additive):
            value = float("nan") if row["actual"] is None else float(row["actual"])
            what = f"a total of {t.division.name} judged on a part ({row['status']})"
            found.append(Problem(plan.code, division.name, year, row["indicator"], value, what))
    return found


def plan_targets(plan: Plan) -> dict:
    return {t.order: t for t in plan.targets.select_related("indicator", "division")}


def township_sample(plan: Plan, year: int) -> list[Division]:
    """The first township of each county of the plan's region in `year` (every township is too many for
    a sweep: 436 of them take 20 minutes): where a region's target might wrongly judge a township."""
    rows = Division.objects.filter(path__startswith=plan.region.path, level=4).valid_in(year).order_by("path")
    first = {}
    for row in rows:
        first.setdefault(row.parent_id, row)
    return list(first.values())


def township_problems(plan: Plan, year: int | None = None) -> list[Problem]:
    """The scorecards of a sample of townships (`township_sample`) in the last full year: no total of
    the region judged on them."""
    year = year or clock.today().year - 1
    targets, additive = plan_targets(plan), additive_elements()
    found = []
    for township in township_sample(plan, year):
        rows = evaluate_plan(plan, township, year)
        found += part_judged(plan, township, year, rows, targets, additive)
    return found


def scorecard_problems(plan: Plan, years=YEARS, city_hospitals: set[str] | None = None) -> list[Problem]:
    """The scorecard of the region and every county in every year (evaluate_plan, as the plan page,
    the Word report and `tixi plans evaluate` read it): actual, baseline, expected value and the series."""
    city_hospitals = city_hospital_counties() if city_hospitals is None else city_hospitals
    indicators = {i.code: i for i in Indicator.objects.filter(target__plan=plan)}
    targets, additive = plan_targets(plan), additive_elements()
    found = []
    for year in years:
        for division in scorecard_divisions(plan, year):
            hosts = division.code in city_hospitals
            rows = evaluate_plan(plan, division, year, years=list(years))
            found += part_judged(plan, division, year, rows, targets, additive)
            for row in rows:
                indicator = indicators.get(row["indicator"])
                if indicator is None:  # a norm's row: read by the layout's own checks
                    continue
                shown = {"actual": row["actual"], "baseline": row.get("baseline")}
                shown.update({f"series {y}": v for y, v in (row.get("series") or {}).items()})
                for what, value in shown.items():
                    # a baseline is the seed's published figure: its kind is judged, not its density
                    problem = value is not None and value_problem(
                        indicator, float(value), division, hosts, judge_density=what != "baseline"
                    )
                    if problem:
                        found.append(
                            Problem(
                                plan.code,
                                division.name,
                                year,
                                row["indicator"],
                                float(value),
                                f"{what}: {problem}",
                            )
                        )
                # the value expected on the way (进度值) is read as one of its kind too: a whole
                # number of things for a count, never negative, a share within 0-100
                expected = row.get("trajectory")
                problem = expected is not None and value_problem(
                    indicator, float(expected), division, judge_density=False
                )
                if problem:
                    found.append(
                        Problem(
                            plan.code, division.name, year, row["indicator"], expected, f"expected: {problem}"
                        )
                    )
    return found


def figure_kind(name: str) -> str:
    """What a registry figure measures, from its name: a share (…_pct), a rate (per residents, per
    physician, per bed, an average) or a count."""
    if name.endswith("_pct"):
        return "occupancy" if "occupancy" in name else "share"
    if "_per_" in name or name.startswith("per_") or "average" in name or name.endswith("_10k"):
        return "rate"
    return "count"


def figure_problems(years=YEARS) -> list[Problem]:
    """The registry figures (`tixi figures`) of every plan region and every county under it, every year:
    counts whole and never negative, shares within 0-100, bed occupancy within what hospitals show."""
    occupancy_high = max(high for _low, high, _sl, _sh in BED_USE_RANGES.values())
    regions = {plan.region.path: plan.region for plan in Plan.objects.select_related("region")}
    found = []
    for year in years:
        seen = set()
        for path in sorted(regions):
            divisions = Division.objects.filter(path__startswith=path, level__lte=COUNTY).valid_in(year)
            for division in divisions.order_by("path"):
                if division.pk in seen:
                    continue
                seen.add(division.pk)
                figures = division_figures(division, year)
                values = {}
                for name, value in figures.items():
                    if isinstance(value, dict):
                        values.update({f"{name}.{k}": v for k, v in value.items()})
                    elif isinstance(value, int | float) and name != "year":
                        values[name] = value
                for name, value in values.items():
                    kind = figure_kind(name.split(".")[0])
                    if value is None or value != value:
                        continue
                    what = None
                    if value < -1e-9:
                        what = f"negative {kind}"
                    elif kind == "count" and abs(value - round(value)) > 1e-9:
                        what = "fractional count"
                    elif kind == "share" and value > 100 + 1e-9:
                        what = "share above 100"
                    elif kind == "occupancy" and value > occupancy_high:
                        what = f"occupancy above {occupancy_high:g}"
                    if what:
                        found.append(Problem("figures", division.name, year, name, float(value), what))
    return found


def problems(years=YEARS) -> list[Problem]:
    found, city_hospitals = [], city_hospital_counties()
    for plan in Plan.objects.select_related("region").order_by("code"):
        found += plan_problems(plan, years, city_hospitals)
        found += scorecard_problems(plan, years, city_hospitals)
        found += township_problems(plan)
    return (
        found
        + figure_problems(years)
        + density_problems(years, city_hospitals)
        + duplicate_county_populations(years)
        + bed_use_problems(years)
    )


def report(years=YEARS) -> list[Problem]:
    found = problems(years)
    for problem in found:
        print(problem)
    print(f"{len(found)} implausible values")
    return found
