"""Registry figures of a division and year, from aggregated rows. No Django.

The service hands over one row per combination of institution attributes with the count of
institutions and the sums of their yearly resources; this module turns those into the figures a
planner reads (counts by kind, totals, per-1,000 rates). Ratios are ratios of sums.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from tixi.geo.engine.population import PopulationSummary
from tixi.registry.engine import classification as cls

MEASURES = (
    "approved_beds",
    "actual_beds",
    "icu_beds",
    "rehabilitation_beds",
    "psychiatric_beds",
    "infectious_beds",
    "emergency_observation_beds",
    "health_workers",
    "health_technicians",
    "physicians",
    "nurses",
    "pharmacists",
    "gps",
    "tcm_physicians",
    "public_health_physicians",
    "ambulances",
    "negative_pressure_ambulances",
    "childcare_places",
    "outpatient_visits",
    "discharges",
    "bed_days",
    "open_bed_days",
)

PUBLIC_RUN_BY_COUNTY_OR_BELOW = ("county", "township", "village")


@dataclass
class Group:
    """Institutions sharing type, level, grade, ownership and operator, with summed resources."""

    type: str
    level: int | None
    grade: str
    ownership: str
    operator: str
    institutions: int
    sums: Mapping[str, int] = field(default_factory=dict)

    @property
    def category(self) -> str:
        return cls.category_of(self.type)

    @property
    def open_bed_days_or_beds(self) -> int:
        """The denominator of bed occupancy (病床使用率): the open bed-days reported, and the year-end
        beds × 365 of the institutions that report none (`beds_without_open_bed_days`, summed apart)."""
        reported = self.sums.get("open_bed_days", 0) or 0
        unreported = self.sums.get("beds_without_open_bed_days")
        if unreported is None:  # not summed apart: the group reports for all or for none
            unreported = 0 if reported else (self.sums.get("actual_beds", 0) or 0)
        return reported + (unreported or 0) * 365

    @property
    def is_hospital_like(self) -> bool:
        return self.category == cls.HOSPITAL or self.type in cls.BEDDED_PUBLIC_HEALTH_TYPES


def rate_per(
    numerator: float | None, denominator: float | None, factor: int, decimals: int | None = 2
) -> float | None:
    if numerator is None or not denominator:
        return None
    value = numerator * factor / denominator
    return value if decimals is None else round_like(value, decimals)


def compute(groups: Iterable[Group], population: PopulationSummary, decimals: int | None = 2) -> dict:
    """All figures; rates rounded to `decimals` (None keeps full precision, for checks)."""
    groups = list(groups)

    def rate(n, d, factor):
        return rate_per(n, d, factor, decimals)

    totals: Counter = Counter()
    by_category: Counter = Counter()
    by_type: Counter = Counter()
    by_grade: Counter = Counter()
    by_level: Counter = Counter()
    subtotal: Counter = Counter()
    shares: dict[str, list[int]] = {}

    def share(name: str, members: int, having: int) -> None:
        pair = shares.setdefault(name, [0, 0])
        pair[0] += members
        pair[1] += having

    for g in groups:
        by_category[g.category] += g.institutions
        by_type[g.type] += g.institutions
        for m in MEASURES:
            totals[m] += g.sums.get(m, 0) or 0
        grade = cls.grade_code(g.level, g.grade)
        if g.category == cls.HOSPITAL and grade:
            by_grade[grade] += g.institutions
        if g.category == cls.HOSPITAL and g.level:
            by_level[str(g.level)] += g.institutions
        departments = g.sums.get("departments", {})
        if g.type in cls.GENERAL_AND_TCM_HOSPITAL_TYPES and (g.level or 0) >= 2:
            share(
                "level2plus_general_hospitals_with_geriatrics",
                g.institutions,
                departments.get("geriatrics", 0),
            )
            share(
                "level2plus_general_hospitals_with_infectious_disease_department",
                g.institutions,
                departments.get("infectious_disease", 0),
            )
            if g.type in cls.GENERAL_HOSPITAL_TYPES and g.ownership == "public":
                share(
                    "level2plus_public_general_hospitals_with_tcm_department",
                    g.institutions,
                    departments.get("tcm_department", 0),
                )
        if g.type in cls.TOWNSHIP_HEALTH_CENTRE_TYPES or g.type == "community_health_centre":
            share("centres_with_tcm_hall", g.institutions, departments.get("tcm_hall", 0))
            share("centres_with_fever_clinic", g.institutions, departments.get("fever_clinic", 0))
        beds = g.sums.get("actual_beds", 0) or 0
        if g.category == cls.PRIMARY_CARE:
            subtotal["primary_care_beds"] += beds
        if g.category == cls.PUBLIC_HEALTH:
            subtotal["public_health_staff"] += g.sums.get("health_workers", 0) or 0
        if g.is_hospital_like and g.ownership == "public":
            if g.operator == "city":
                subtotal["city_public_hospital_beds"] += beds
            elif g.operator in PUBLIC_RUN_BY_COUNTY_OR_BELOW:
                subtotal["county_public_hospital_beds"] += beds
            if g.type in cls.TCM_HOSPITAL_TYPES:
                subtotal["public_tcm_hospital_beds"] += beds
        # Service volumes by category, for the shares and bed occupancy the seeds publish.
        for flow in ("outpatient_visits", "discharges", "bed_days"):
            subtotal[f"{g.category}_{flow}"] += g.sums.get(flow, 0) or 0
        subtotal[f"{g.category}_open_bed_days"] += g.open_bed_days_or_beds
        subtotal["open_bed_days"] += g.open_bed_days_or_beds
        if g.category == cls.HOSPITAL and (g.level or 0) >= 2:
            subtotal["level2plus_hospital_bed_days"] += g.sums.get("bed_days", 0) or 0
            subtotal["level2plus_hospital_open_bed_days"] += g.open_bed_days_or_beds
        if g.type in cls.GENERAL_HOSPITAL_TYPES and g.level == 3:
            subtotal["level3_general_discharges"] += g.sums.get("discharges", 0) or 0
            subtotal["level3_general_bed_days"] += g.sums.get("bed_days", 0) or 0

    institutions = sum(by_category.values())
    pop = population.total
    figures: dict = {
        "resident_population": pop,
        "children_under_3": population.under_3,
        "residents_65_plus": population.aged_65_plus,
        "institutions": institutions,
        "hospitals": by_category[cls.HOSPITAL],
        "primary_care_institutions": by_category[cls.PRIMARY_CARE],
        "public_health_institutions": by_category[cls.PUBLIC_HEALTH],
        "other_institutions": by_category[cls.OTHER],
        "township_health_centres": sum(by_type[t] for t in cls.TOWNSHIP_HEALTH_CENTRE_TYPES),
        "central_township_health_centres": by_type["central_township_health_centre"],
        "community_health_service_centres": by_type["community_health_centre"],
        "community_health_service_stations": by_type["community_health_station"],
        "village_clinics": by_type["village_clinic"],
        "cdcs": by_type["cdc"],
        "mch_institutions": by_type["mch_centre"],
        "institutions_by_type": dict(sorted(by_type.items())),
        "hospitals_by_grade": dict(sorted(by_grade.items(), key=lambda kv: cls.GRADES.index(kv[0]))),
        "hospitals_by_level": dict(sorted(by_level.items(), reverse=True)),
        **{m: totals[m] for m in MEASURES},
        "public_health_staff": subtotal["public_health_staff"],
        "public_health_staff_10k": rate(subtotal["public_health_staff"], 10000, 1),
        "primary_care_beds": subtotal["primary_care_beds"],
        "city_public_hospital_beds": subtotal["city_public_hospital_beds"],
        "county_public_hospital_and_primary_care_beds": subtotal["county_public_hospital_beds"]
        + subtotal["primary_care_beds"],
        "public_tcm_hospital_beds": subtotal["public_tcm_hospital_beds"],
        "primary_care_share_pct": rate(by_category[cls.PRIMARY_CARE], institutions, 100),
        "beds_per_1000": rate(totals["actual_beds"], pop, 1000),
        "approved_beds_per_1000": rate(totals["approved_beds"], pop, 1000),
        "physicians_per_1000": rate(totals["physicians"], pop, 1000),
        "nurses_per_1000": rate(totals["nurses"], pop, 1000),
        "pharmacists_per_1000": rate(totals["pharmacists"], pop, 1000),
        "tcm_physicians_per_1000": rate(totals["tcm_physicians"], pop, 1000),
        "health_workers_per_1000": rate(totals["health_workers"], pop, 1000),
        "gps_per_10000": rate(totals["gps"], pop, 10000),
        "public_health_staff_per_10000": rate(subtotal["public_health_staff"], pop, 10000),
        "childcare_places_per_1000": rate(totals["childcare_places"], pop, 1000),
        "primary_care_beds_per_1000": rate(subtotal["primary_care_beds"], pop, 1000),
        "city_public_hospital_beds_per_1000": rate(subtotal["city_public_hospital_beds"], pop, 1000),
        "county_public_hospital_and_primary_care_beds_per_1000": rate(
            subtotal["county_public_hospital_beds"] + subtotal["primary_care_beds"], pop, 1000
        ),
        "public_tcm_hospital_beds_per_1000": rate(subtotal["public_tcm_hospital_beds"], pop, 1000),
        "icu_beds_per_1000": rate(totals["icu_beds"], pop, 1000),
        "rehabilitation_beds_per_1000": rate(totals["rehabilitation_beds"], pop, 1000),
        "psychiatric_beds_per_1000": rate(totals["psychiatric_beds"], pop, 1000),
        "ambulances_per_10000": rate(totals["ambulances"], pop, 10000),
        # 医护比 1:x and 床人比 1:x, as the seeds write them.
        "nurses_per_physician": rate(totals["nurses"], totals["physicians"], 1),
        "health_workers_per_bed": rate(totals["health_workers"], totals["actual_beds"], 1),
        "average_length_of_stay": rate(totals["bed_days"], totals["discharges"], 1),
        "hospital_outpatient_visits_pct": rate(
            subtotal["hospital_outpatient_visits"], totals["outpatient_visits"], 100
        ),
        "primary_care_outpatient_visits_pct": rate(
            subtotal["primary_care_outpatient_visits"], totals["outpatient_visits"], 100
        ),
        "hospital_discharges_pct": rate(subtotal["hospital_discharges"], totals["discharges"], 100),
        "primary_care_discharges_pct": rate(subtotal["primary_care_discharges"], totals["discharges"], 100),
        # 病床使用率, as the statistical report defines it: occupied bed-days over open bed-days
        # (实际开放总床日数), the year-end beds × 365 where an institution reports none.
        "bed_occupancy_pct": rate(totals["bed_days"], subtotal["open_bed_days"], 100),
        "hospital_bed_occupancy_pct": rate(
            subtotal["hospital_bed_days"], subtotal["hospital_open_bed_days"], 100
        ),
        "level2plus_hospital_bed_occupancy_pct": rate(
            subtotal["level2plus_hospital_bed_days"], subtotal["level2plus_hospital_open_bed_days"], 100
        ),
        "level3_general_hospital_average_length_of_stay": rate(
            subtotal["level3_general_bed_days"], subtotal["level3_general_discharges"], 1
        ),
    }
    for name, (members, having) in sorted(shares.items()):
        figures[f"{name}_pct"] = rate(having, members, 100)
    return figures


def round_like(value: float, decimals: int) -> float:
    """Round half away from zero, as statistical yearbooks do (Python's round() is half-even)."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


# How a published figure stands against the registry. A mismatch is the seed's own contradiction only
# when the seed's other figures prove it: the demo cannot reproduce both sides. A mismatch explained
# in words and nothing more is the demo's shortfall, and `tixi figures --check` fails on it.
MATCH = "match"
CONTRADICTION = "contradiction"  # the seed states something else that the registry reproduces
SHORTFALL = "shortfall"  # the demo could reproduce it and does not


@dataclass
class CheckResult:
    key: str
    published: object
    computed: object
    matches: bool
    source: str
    note: str = ""
    status: str = ""
    proof: str = ""
    decimals: int | None = None

    def shown(self, value) -> str:
        """A figure as the seed publishes it: at its decimals ("53.3"), a count whole ("28", not
        "28.0"); a table of figures as it is."""
        return shown(value, self.decimals, self.published)


def shown(value, decimals: int | None, published=None) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if decimals is None:
        decimals = 0 if isinstance(published, int) and not isinstance(published, bool) else None
    if decimals is None:
        return f"{value:g}" if float(value).is_integer() else str(value)
    return f"{value:.{decimals}f}"


def interval(value: float, decimals: int) -> tuple[float, float]:
    """The values that round to `value` at `decimals` (half away from zero)."""
    half = 0.5 * 10.0**-decimals
    return value - half, value + half


def same(got, value, decimals: int | None) -> bool:
    if got is None:
        return False
    if isinstance(value, Mapping):
        return got == dict(value)
    if isinstance(value, int) and not isinstance(value, bool) and decimals is None:
        return got == value
    decimals = 2 if decimals is None else decimals
    return round_like(float(got), decimals) == round_like(float(value), decimals)


def contradiction_proof(item: Mapping, by_key: Mapping[str, Mapping], computed: Mapping) -> str:
    """Why the seed contradicts itself on `item`, or "" when nothing the seed states proves it.
    `contradicted_by` is either another statement of the same figure (`value`, with its `source`),
    proven when the registry reproduces that one, or a ratio of two other published figures (`ratio`:
    [numerator key, denominator key], `factor`), proven when no values that round to the published
    numerator and denominator give a ratio that rounds to the published one."""
    other = item.get("contradicted_by")
    if not other:
        return ""
    decimals = item.get("decimals")
    if "value" in other:
        if not same(computed.get(item["key"]), other["value"], decimals):
            return ""
        return f"{other.get('source', '')}: {other['value']} (reproduced)"
    numerator, denominator = (by_key.get(k) for k in other["ratio"])
    if numerator is None or denominator is None:
        return ""
    n_low, n_high = interval(float(numerator["value"]), numerator.get("decimals", 0) or 0)
    d_low, d_high = interval(float(denominator["value"]), denominator.get("decimals", 0) or 0)
    if d_low <= 0:
        return ""
    factor = other.get("factor", 1)
    low, high = factor * n_low / d_high, factor * n_high / d_low
    p_low, p_high = interval(float(item["value"]), 2 if decimals is None else decimals)
    if p_high <= low or p_low >= high:
        return (
            f"{other['ratio'][0]} {numerator['value']} / {other['ratio'][1]} {denominator['value']} "
            f"gives {low:.4g}–{high:.4g}, not {item['value']}"
        )
    return ""


def check(published: Iterable[Mapping], computed: Mapping) -> list[CheckResult]:
    """Compare published figures with computed ones at the precision the publication uses; a
    mismatch is a contradiction of the seed where its other figures prove it, else a shortfall."""
    published = list(published)
    by_key = {item["key"]: item for item in published}
    results = []
    for item in published:
        key, value = item["key"], item["value"]
        got = computed.get(key)
        matches = same(got, value, item.get("decimals"))
        proof = "" if matches else contradiction_proof(item, by_key, computed)
        status = MATCH if matches else CONTRADICTION if proof else SHORTFALL
        results.append(
            CheckResult(
                key,
                value,
                got,
                matches,
                item.get("source", ""),
                item.get("note", ""),
                status,
                proof,
                item.get("decimals"),
            )
        )
    return results
