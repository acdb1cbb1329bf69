"""Allocation norms: loaded from `data/norms.yaml` (the seeds' clauses), judged for a division and year.

`gaps(division, year)` answers, per norm that applies there, what is required, what the registry
has, and the gap in whole units (beds, persons, institutions, vehicles), naming the places or
institutions that lack them. Measures and bases are expressions of the indicator language, evaluated
by the indicators' engine over (place, year) cells.
"""

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from tixi.geo.models import Division, Level, subtree_filter
from tixi.indicators import items as item_values
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine import rules as rule_engine
from tixi.indicators.engine.evaluate import IndicatorDef
from tixi.indicators.services import evaluate
from tixi.layout.engine.norms import Judgement, judge, whole_units
from tixi.layout.models import Norm, NormKind, PlaceKind, Unit, region_code
from tixi.ledger.services import planned_additions
from tixi.registry.engine import classification as cls
from tixi.registry.models import InstitutionYear
from tixi.registry.planned import planned_bed_projects_in

NORMS_FILE = Path(__file__).parent / "data" / "norms.yaml"
FIELDS = set(Norm.DEFINITION)


@transaction.atomic
def load_norms(path: Path = NORMS_FILE) -> int:
    """Create or update every norm of the file (by code) through the one write action (so each is
    versioned and audited); a bad entry refuses the whole file."""
    from tixi.layout.actions import save_norm

    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["norms"]
    for entry in entries:
        values = {k: v for k, v in entry.items() if k in FIELDS}
        values["region"] = str(values["region"])
        try:
            save_norm(values, None, Norm.objects.filter(code=values["code"]).first())
        except ValidationError as error:
            raise ValidationError(f"{values['code']}: {error}") from error
    return len(entries)


def check_expressions(norm: Norm) -> None:
    for name in ("measure", "basis"):
        text = getattr(norm, name)
        if text:
            try:
                ex.parse(text)
            except ex.ExpressionError as error:
                raise ValidationError({name: str(error)}) from error
    if norm.institutions:
        institution_filters(norm.institutions)
    if norm.kind == NormKind.PER_INSTITUTION and (
        not isinstance(ex.parse(norm.measure), ex.RegistrySum)
        or not isinstance(ex.parse(norm.basis), ex.RegistrySum)
    ):
        raise ValidationError({"measure": _("A norm in every institution compares two resources R{...}.")})


def institution_filters(text: str) -> tuple[ex.Filter, ...]:
    try:
        node = ex.parse("N{" + text + "}")
    except ex.ExpressionError as error:
        raise ValidationError({"institutions": str(error)}) from error
    return node.filters


LOOKUPS = {"=": "in", ">=": "gte", "<=": "lte", ">": "gt", "<": "lt"}


def filters_q(filters: tuple[ex.Filter, ...]) -> Q:
    """Filters on the yearly report's own classification (type, category, level, grade, ownership, operator)."""
    q = Q()
    for f in filters:
        key, values = f.key, list(f.values)
        if key == "category":
            key, values = "type", [t for c in values for t in cls.types_in(c)]
        if key == "level":
            values = [int(v) for v in values]
        if key not in ("type", "level", "grade", "ownership", "operator"):
            raise ValidationError(
                {"institutions": _("%(key)s cannot filter institutions here.") % {"key": key}}
            )
        if f.op == "!=":
            q &= ~Q(**{f"{key}__in": values})
        elif f.op == "=":
            q &= Q(**{f"{key}__in": values})
        else:
            q &= Q(**{f"{key}__{LOOKUPS[f.op]}": values[0]})
    return q


def place_kind_of(division: Division) -> str:
    """Towns and subdistricts (街道), administrative villages (村) and communities (社区), by name."""
    if division.level == Level.TOWNSHIP:
        return PlaceKind.SUBDISTRICT if division.name.endswith("街道") else PlaceKind.TOWN
    if division.level == Level.VILLAGE:
        return PlaceKind.COMMUNITY if division.name.endswith("社区") else PlaceKind.VILLAGE
    return PlaceKind.ANY


@dataclass
class Row:
    """One place or institution judged by a norm."""

    code: str
    name: str
    judgement: Judgement
    basis: float | None = None
    planned: int | None = None  # what the ledger's projects sited here will add (`Norm.planned_by`)
    facts: dict | None = None  # a rule's own figures (occupancy, average stay)
    projects: list | None = None  # the ledger's projects the rule forbids, or those that add `planned`
    exempt: bool = False  # lacks one but has fewer residents than the norm's `exempt_below`: not short

    def as_json(self) -> dict:
        j = self.judgement
        return {
            "code": self.code,
            "name": self.name,
            "basis": None if self.basis is None else number(self.basis),
            "required": j.required,
            "allowed": j.allowed,
            "actual": None if j.actual is None else number(j.actual),
            "gap": j.gap,
            "excess": j.excess,
            "passed": j.passed,
            "planned": self.planned,
            "gap_after_planned": None
            if self.planned is None or j.gap is None
            else max(0, j.gap - self.planned),
            "exempt": self.exempt,
            **({"facts": self.facts, "projects": self.projects or []} if self.facts is not None else {}),
            **({"planned_projects": self.projects or []} if self.planned is not None else {}),
        }


@dataclass
class NormGap:
    norm: Norm
    rows: list[Row] = field(default_factory=list)
    skipped: str = ""  # why the norm is not judged here

    @property
    def required(self) -> int | None:
        values = [r.judgement.required for r in self.rows]
        return None if not values or None in values else sum(values)

    @property
    def actual(self) -> float | None:
        values = [r.judgement.actual for r in self.rows]
        return None if not values or None in values else sum(values)

    @property
    def gap(self) -> int | None:
        values = [r.judgement.gap for r in self.rows]
        return None if not values or None in values else sum(values)

    @property
    def excess(self) -> int | None:
        values = [r.judgement.excess for r in self.rows]
        return None if not values or None in values else sum(values)

    @property
    def lacking(self) -> list[Row]:
        return [r for r in self.rows if r.judgement.gap]

    @property
    def passed(self) -> bool | None:
        states = [r.judgement.passed for r in self.rows]
        if not states or None in states:
            return None
        return all(states)


def number(value: float):
    value = float(value)
    return int(value) if value.is_integer() else round(value, 2)


def norms_for(division: Division, year: int) -> list[tuple[Norm, Division]]:
    """The norms whose region contains the division or lies inside it, with the region's row."""
    found = []
    for norm in Norm.objects.order_by("id"):
        region = Division.objects.at(region_code(norm.region), year)
        if region is None:
            continue
        if division.path.startswith(region.path) or region.path.startswith(division.path):
            found.append((norm, region))
    return found


def judged_places(norm: Norm, region: Division, division: Division, year: int) -> list[Division]:
    base = division if division.path.startswith(region.path) else region
    if norm.level <= base.level:
        places = [base]
    else:
        places = list(
            Division.objects.descendants_of(base.code, year).filter(level=norm.level).order_by("code")
        )
    if norm.place_kind:
        places = [p for p in places if place_kind_of(p) == norm.place_kind]
    return places


def values_of(text: str, cells: list[item_values.Cell]) -> list[float]:
    definition = IndicatorDef("norm", ex.parse(text), None)
    result = evaluate([definition], cells, reasons=False)
    return [float(v) for v in result.numerators["norm"]]


def finite(value: float) -> float | None:
    return value if value is not None and math.isfinite(value) else None


# kinds whose figure is the judged place's own total or rate: not judged on a place below their level
JUDGED_ON_ITS_LEVEL = (NormKind.PER_POPULATION, NormKind.SHARE, NormKind.PER_PLACE)


def judge_norm(norm: Norm, region: Division, division: Division, year: int) -> NormGap:
    result = NormGap(norm)
    if norm.kind == NormKind.COUNT and norm.level < division.level and division.path.startswith(region.path):
        result.skipped = _("a number set for the whole of %(region)s is not split among its parts") % {
            "region": region.display_name
        }
        return result
    if (
        norm.kind in JUDGED_ON_ITS_LEVEL
        and norm.level < division.level
        and division.path.startswith(region.path)
    ):
        # 攀枝花's beds per 1,000 of its city-level hospitals are the city's: a county has none of
        # them, and a county's rate is not a city's (nor a township's a county's)
        result.skipped = _("set for the %(level)s as a whole (%(region)s), not judged on a %(here)s") % {
            "level": Level(norm.level).label,
            "region": region.display_name,
            "here": Level(division.level).label,
        }
        return result
    places = judged_places(norm, region, division, year)
    if norm.kind == NormKind.PER_INSTITUTION:
        return judge_institutions(result, places, year)
    if norm.kind == NormKind.BED_FREEZE:
        return judge_bed_freeze(result, places, year)
    if norm.kind in (NormKind.REACH, NormKind.RADIUS):
        return judge_reach(result, places, year)
    if not places:
        result.skipped = _("no place of this kind here")
        return result
    cells = [item_values.Cell(p, year) for p in places]
    actual = values_of(norm.measure, cells)
    bases = values_of(norm.basis, cells) if norm.basis else [None] * len(places)
    # what the ledger's projects sited in each place will add of the norm's measure, after the year
    planned = (
        planned_additions(places, norm.planned_by, year) if norm.planned_by else [(None, None)] * len(places)
    )
    for place, value, basis, (adds, projects) in zip(places, actual, bases, planned, strict=True):
        if basis is not None:
            basis = basis if math.isfinite(basis) else math.nan
        if norm.exempt_below is not None:
            judgement, exempt = judge_sparing_small(finite(value), norm, basis)
        else:
            judgement, exempt = judge(finite(value), norm.minimum, norm.maximum, basis, norm.per), False
        result.rows.append(Row(place.code, place.name, judgement, basis, adds, None, projects, exempt=exempt))
    return result


def judge_sparing_small(value: float | None, norm: Norm, residents: float | None) -> tuple[Judgement, bool]:
    """A norm in every place that spares small places: the basis is the place's residents, not a
    rate's denominator. A place that lacks and has fewer residents than `exempt_below` is served by a
    neighbour's or by tours (巫山: 邻村卫生室共建、乡镇卫生院定期巡诊): no gap. Without its residents
    (no population row at that level) it is judged like any other place."""
    judgement = judge(value, norm.minimum, norm.maximum)
    small = residents is not None and math.isfinite(residents) and residents < norm.exempt_below
    if judgement.gap and small:
        return Judgement(0, judgement.allowed, judgement.actual, 0, judgement.excess), True
    return judgement, False


def judge_institutions(result: NormGap, places: list[Division], year: int) -> NormGap:
    norm = result.norm
    measure, basis = ex.parse(norm.measure).measure, ex.parse(norm.basis).measure
    for report in reports_in(norm, places, (year,)):
        total = float(getattr(report, basis))
        judgement = judge(float(getattr(report, measure)), norm.minimum, norm.maximum, total, norm.per)
        result.rows.append(Row(report.institution.code, report.institution.display_name, judgement, total))
    if not result.rows:
        result.skipped = _("no institution of this kind reported for %(year)s") % {"year": year}
    return result


def reports_in(norm: Norm, places: list[Division], years):
    place_filter = Q()
    for place in places:
        place_filter |= subtree_filter("division_path", place.path)
    return (
        InstitutionYear.objects.filter(year__in=years)
        .filter(place_filter)
        .filter(filters_q(institution_filters(norm.institutions)))
        .select_related("institution")
        .order_by("institution__code", "year")
    )


def judge_bed_freeze(result: NormGap, places: list[Division], year: int) -> NormGap:
    """Each hospital the rule names, by the plans' own rule engine (the scorecard's): concerned when
    its bed occupancy was below `minimum` % and its average stay above `stay_above` days in the year
    before; it breaks the rule when its beds grew, or when a ledger project adds beds there (a
    project is the hospital's when its name or site names it). The excess is those beds."""
    from tixi.indicators.statements import hospital_years

    norm = result.norm
    hospitals = hospital_years(reports_in(norm, places, (year - 1, year)), year)
    projects = [p for place in places for p in planned_bed_projects_in(place)]
    concerned = (rule_engine.BREACH, rule_engine.HELD)
    for j in rule_engine.no_new_beds_when_underused(hospitals, norm.minimum, norm.stay_above):
        frozen = None if j.status == rule_engine.NO_DATA else j.status in concerned
        theirs = [p for p in projects if j.name in p["name"] or j.name in p["site"]] if frozen else []
        added = max(0, j.beds - j.beds_before) if j.status == rule_engine.BREACH else 0
        forbidden = added + sum(p["beds"] for p in theirs)
        if frozen is None:
            judgement = Judgement(None, None, None, None, None)
        else:
            judgement = Judgement(None, j.beds_before if frozen else None, j.beds, 0, forbidden)
        facts = {
            "occupancy": None if j.occupancy is None else round(j.occupancy, 1),
            "average_stay": None if j.average_stay is None else round(j.average_stay, 1),
            "beds_before": j.beds_before,
            "beds": j.beds,
            "beds_added": added,
            "frozen": frozen,
            "status": j.status,
        }
        result.rows.append(Row(j.code, j.name, judgement, None, None, facts, theirs))
    if not result.rows:
        result.skipped = _("no institution of this kind reported for %(year)s") % {"year": year}
    return result


def county_of(place: Division, year: int) -> Division | None:
    if place.level <= Level.COUNTY:
        return place
    return Division.objects.at(place.code[:6].ljust(12, "0"), year)


def judge_reach(result: NormGap, places: list[Division], year: int) -> NormGap:
    """Residents of each place within `within` minutes (reach: travel time on the county's grid) or
    km (radius: straight line) of the facilities the norm names, counted on each county's grid."""
    from tixi.layout import access  # the grids sit above the norms (access reads norms' radii)
    from tixi.layout.engine.coverage import coverage_by_zone
    from tixi.registry.models import Institution

    norm = result.norm
    wanted = {p.code for p in places if p.level >= Level.TOWNSHIP}
    counties = {}
    for place in places:
        county = county_of(place, year)
        if county is not None:
            counties[county.code] = county
    for county in counties.values():
        try:
            region = access.region(county, year)
        except access.AccessError as error:
            result.skipped = str(error).removeprefix("--division: ")
            return result
        grid = region.grid
        if is_ems_radius(norm):  # the EMS points are the registry's rule, as on the coverage page
            facilities = access.ems_points(county, year)
        else:
            facilities = list(
                Institution.objects.in_division(county, year)
                .filter(filters_q(institution_filters(norm.institutions)))
                .filter(longitude__isnull=False, latitude__isnull=False)
                .order_by("code")
            )
        if norm.kind == NormKind.RADIUS:
            # km as "minutes" (1 km = 60 "seconds") to reuse the per-zone count
            metres = access.distance_to_nearest(
                grid, [f.longitude for f in facilities], [f.latitude for f in facilities]
            )
            seconds = metres * 0.06
        elif facilities:
            seconds = access.surface(grid, facilities, norm.within + 1).seconds
        else:
            seconds = np.full(grid.shape, np.inf)
        cover = coverage_by_zone(seconds, grid.population, grid.zones, grid.zones > 0, (norm.within,), edge=0)
        for i, township in enumerate(region.townships):
            if wanted and township.code not in wanted:
                continue
            at = np.flatnonzero(cover.zones == i + 1)
            if not len(at):
                continue
            total, inside = int(cover.total[at[0]]), int(cover.within[at[0], 0])
            if norm.minimum is None:  # the plan states no share: counted, not judged
                judgement = Judgement(None, None, inside, None, None)
            else:
                judgement = judge(inside, norm.minimum, None, total, norm.per)
            facts = {"population": total, "within": inside, "beyond": total - inside}
            result.rows.append(Row(township.code, township.name, judgement, total, None, facts, None))
    if not result.rows:
        result.skipped = _("no place of this kind here")
    return result


def reach_json(r: NormGap) -> dict:
    """Residents within and beyond the reach, and the townships with the largest share beyond it;
    `passed` only where the plan states a share."""
    n = r.norm
    population = sum(row.facts["population"] for row in r.rows)
    within = sum(row.facts["within"] for row in r.rows)
    beyond = population - within
    furthest = sorted(
        (row for row in r.rows if row.facts["beyond"]),
        key=lambda row: (-row.facts["beyond"] / max(row.facts["population"], 1), row.code),
    )
    judged = n.minimum is not None
    unit_words = _("minutes") if n.kind == NormKind.REACH else _("km")
    sentences = []
    if r.rows:
        # "还有 0 人在5公里以外" reads as a gap: with nobody beyond, say that all are within
        words = (
            _("%(n)s residents are beyond %(within)s %(unit)s")
            if beyond
            else _("All %(total)s residents are within %(within)s %(unit)s")
        )
        sentences.append(
            words
            % {"n": f"{beyond:,}", "total": f"{population:,}", "within": number(n.within), "unit": unit_words}
        )
    for row in furthest[:8]:
        sentences.append(
            _("%(place)s: %(n)s of %(total)s residents beyond %(within)s %(unit)s")
            % {
                "place": row.name,
                "n": f"{row.facts['beyond']:,}",
                "total": f"{row.facts['population']:,}",
                "within": number(n.within),
                "unit": unit_words,
            }
        )
    return {
        **norm_fields(n, r),
        "maximum": None,
        "within": number(n.within),
        "population": population,
        "within_residents": within,
        "beyond": beyond,
        "required": r.required if judged else None,
        "actual": within if r.rows else None,
        "gap": r.gap if judged else None,
        "excess": None,
        "passed": r.passed if judged and not r.skipped else None,
        "verdict": "" if judged else _("not judged: the plan states no share"),
        "planned": None,
        "furthest": [dict(row.as_json(), **row.facts) for row in furthest[:20]],
        "lacking": [row.as_json() for row in r.lacking] if judged else [],
        "rows": [dict(row.as_json(), **row.facts) for row in r.rows] if len(r.rows) <= 50 else [],
        "sentences": sentences,
    }


def is_ems_radius(norm: Norm) -> bool:
    """A radius norm on EMS centres or stations: judged at every EMS point (`access.ems_points`: the
    centres, the stations and the institutions whose report holds ambulances), not at those types only."""
    return norm.kind == NormKind.RADIUS and "ems" in norm.institutions


def radius_norms(division: Division, year: int) -> list[Norm]:
    """The norms on distance to EMS that bind the division (the coverage page reads its radii here)."""
    return [norm for norm, _region in norms_for(division, year) if is_ems_radius(norm)]


def freeze_sentences(rows: list[Row], year: int) -> list[str]:
    """The hospitals where the rule forbids new beds, and the beds added there all the same."""
    sentences = []
    for row in rows:
        if not row.facts or not row.facts["frozen"]:
            continue
        sentences.append(
            _("%(name)s: beds %(occupancy)s%% in use, average stay %(stay)s days in %(year)s — no new beds")
            % {
                "name": row.name,
                "occupancy": row.facts["occupancy"],
                "stay": row.facts["average_stay"],
                "year": year - 1,
            }
        )
        if row.facts["beds_added"]:
            sentences.append(
                _("%(name)s added %(beds)s beds all the same")
                % {"name": row.name, "beds": row.facts["beds_added"]}
            )
        for project in row.projects or []:
            sentences.append(
                _("Project %(project)s adds %(beds)s beds at %(name)s, which the rule forbids")
                % {"project": project["name"], "beds": project["beds"], "name": row.name}
            )
    return sentences


def gaps(division: Division, year: int) -> list[NormGap]:
    return [judge_norm(norm, region, division, year) for norm, region in norms_for(division, year)]


UNIT_WORDS = {
    "beds": lambda n: _("%(n)s beds") % {"n": n},
    "persons": lambda n: _("%(n)s persons") % {"n": n},
    "institutions": lambda n: _("%(n)s institutions") % {"n": n},
    "vehicles": lambda n: _("%(n)s vehicles") % {"n": n},
    "places": lambda n: _("%(n)s childcare places") % {"n": n},
}
# the Chinese measure word of each unit: 3 个社区卫生服务站, 2 辆救护车, 120 张床位, 5 名全科医生
MEASURE_WORDS = {"beds": "张", "persons": "名", "institutions": "个", "vehicles": "辆", "places": "个"}


def english() -> bool:
    return (get_language() or "").startswith("en")


def plural(noun: str) -> str:
    """The plural of a counted noun written in the singular (its last word takes the ending)."""
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def counted_amount(n: int, norm: Norm) -> str | None:
    """ "3 个社区卫生服务站" / "3 community health service stations": the gap named by what it counts
    (None where the norm does not say what it counts in the reader's language)."""
    if english():
        if not norm.counted_en:
            return None
        return f"{n:,} {norm.counted_en if n == 1 else plural(norm.counted_en)}"
    if not norm.counted:
        return None
    return f"{n:,} {MEASURE_WORDS[norm.unit]}{norm.counted}"


def gap_sentence(place: str, row_gap: int, norm: Norm) -> str:
    amount = counted_amount(row_gap, norm)
    if amount is not None:
        return _("%(place)s still needs %(amount)s") % {"place": place, "amount": amount}
    return _("%(place)s needs %(amount)s more (%(what)s)") % {
        "place": place,
        "amount": UNIT_WORDS[norm.unit](row_gap),
        "what": norm.label,
    }


def share_part(share: Norm, whole: Norm) -> str:
    """What sets the share's units apart from the whole's: 负压 of 负压救护车 beside 救护车."""
    if english():
        part, of_whole = share.counted_en, whole.counted_en
        return part.removesuffix(" " + of_whole) if of_whole and part.endswith(" " + of_whole) else part
    part, of_whole = share.counted, whole.counted
    return part.removesuffix(of_whole) if of_whole and part.endswith(of_whole) and part != of_whole else part


def share_pairs(results: list["NormGap"]) -> dict[str, tuple["NormGap", "NormGap"]]:
    """Norms on one stock of a place (one ambulance per 3万 residents) and on a share of that stock
    (≥40% of them negative-pressure): by code of each, the pair (whole, share), so that one sentence
    says both ("盐边县 还需 2 辆救护车，其中负压 1 辆")."""
    pairs = {}
    for whole in results:
        w = whole.norm
        if w.kind not in (NormKind.PER_POPULATION, NormKind.COUNT) or whole.skipped or not whole.rows:
            continue
        for share in results:
            s = share.norm
            if (
                s.kind == NormKind.SHARE
                and not share.skipped
                and share.rows
                and s.basis.strip() == w.measure.strip()
                and s.level == w.level
                and s.unit == w.unit
            ):
                pairs[w.code] = pairs[s.code] = (whole, share)
    return pairs


def paired_sentences(whole: "NormGap", share: "NormGap", on_share: bool) -> list[str]:
    """Per place: the units the whole norm still needs and how many of them the share needs, the share
    counted on the stock once it meets the whole norm (2 more of 5 ambulances, 40%: 2 of the 7)."""
    shares = {row.code: row for row in share.rows}
    sentences = []
    for row in whole.rows:
        j, other = row.judgement, shares.get(row.code)
        if j.gap is None or other is None or other.judgement.actual is None or j.actual is None:
            continue
        stock = max(j.actual, j.required)
        share_gap = max(
            0, whole_units(share.norm.minimum, stock, share.norm.per) - int(other.judgement.actual)
        )
        if not j.gap and not share_gap:
            continue
        if not j.gap:
            if on_share:  # the whole norm's row speaks only of its own gap
                sentences.append(gap_sentence(row.name, share_gap, share.norm))
            continue
        amount = counted_amount(j.gap, whole.norm) or UNIT_WORDS[whole.norm.unit](j.gap)
        values = {
            "place": row.name,
            "amount": amount,
            "n": min(share_gap, j.gap),
            "part": share_part(share.norm, whole.norm),
            "measure": "" if english() else MEASURE_WORDS[whole.norm.unit],
        }
        if not share_gap:
            sentences.append(_("%(place)s still needs %(amount)s") % values)
        elif share_gap <= j.gap:
            sentences.append(
                _("%(place)s still needs %(amount)s, %(n)s of them %(part)s%(measure)s") % values
            )
        else:
            values["replaced"] = share_gap - j.gap
            sentences.append(
                _(
                    "%(place)s still needs %(amount)s, all %(part)s, and %(replaced)s%(measure)s of those it has "
                    "replaced by %(part)s ones"
                )
                % values
            )
    return sentences


PLACE_KIND_WORDS = {
    PlaceKind.TOWN: lambda n: ngettext("%(n)s town", "%(n)s towns", n) % {"n": n},
    PlaceKind.SUBDISTRICT: lambda n: ngettext("%(n)s subdistrict", "%(n)s subdistricts", n) % {"n": n},
    PlaceKind.VILLAGE: lambda n: (
        ngettext("%(n)s administrative village", "%(n)s administrative villages", n) % {"n": n}
    ),
    PlaceKind.COMMUNITY: lambda n: ngettext("%(n)s community", "%(n)s communities", n) % {"n": n},
}
PLACE_WORDS = {
    Level.PROVINCE: lambda n: ngettext("%(n)s province", "%(n)s provinces", n) % {"n": n},
    Level.CITY: lambda n: ngettext("%(n)s city", "%(n)s cities", n) % {"n": n},
    Level.COUNTY: lambda n: ngettext("%(n)s county", "%(n)s counties", n) % {"n": n},
    Level.TOWNSHIP: lambda n: ngettext("%(n)s township", "%(n)s townships", n) % {"n": n},
    Level.VILLAGE: lambda n: ngettext("%(n)s village", "%(n)s villages", n) % {"n": n},
}


def gap_rule(r: "NormGap") -> dict:
    """The total gap is the sum of the gaps of the places (or institutions) that lack: a surplus in
    one does not serve another, so the total need not be required − actual. `gap_note` says so on
    the row ("缺口 2：2 个乡镇不足，1 个乡镇有余，一地之余不补他处")."""
    n = r.norm
    short = [row for row in r.rows if row.judgement.gap]
    surplus = [
        row
        for row in r.rows
        if row.judgement.actual is not None
        and row.judgement.required is not None
        and row.judgement.actual > row.judgement.required
    ]
    if n.kind == NormKind.PER_INSTITUTION:
        words = lambda k: ngettext("%(n)s institution", "%(n)s institutions", k) % {"n": k}  # noqa: E731
    elif n.place_kind:
        words = PLACE_KIND_WORDS[PlaceKind(n.place_kind)]
    else:
        words = PLACE_WORDS[Level(n.level)]
    note = ""
    if len(r.rows) > 1 and r.gap:
        values = {"gap": f"{r.gap:,}", "short": words(len(short)), "surplus": words(len(surplus))}
        if surplus:
            note = (
                _(
                    "Gap %(gap)s: %(short)s short, %(surplus)s with more than required; a surplus in one does not serve another"
                )
                % values
            )
        else:
            note = _("Gap %(gap)s: the sum over %(short)s short") % values
    return {
        "gap_rule": "sum_of_places" if len(r.rows) > 1 else "one_place",
        "places_judged": len(r.rows),
        "places_short": len(short),
        "places_above": len(surplus),
        "gap_note": note,
    }


def norm_fields(n: Norm, r: NormGap) -> dict:
    """What every kind of norm says of itself in JSON: its identity, source clause and thresholds
    (as stored: `maximum`, `within` or `stay_above` is None where the kind has none)."""
    return {
        "code": n.code,
        "name": n.label,
        "name_zh": n.name,
        "kind": n.kind,
        "unit": n.unit,
        "minimum": None if n.minimum is None else number(n.minimum),
        "maximum": None if n.maximum is None else number(n.maximum),
        "per": number(n.per),
        "by_year": n.year,
        "source": n.source,
        "version": n.version,
        "clause": n.clause,
        "note": n.note_label,
        "note_zh": n.note,
        "judged": len(r.rows),
        "skipped": r.skipped,
    }


def as_json(division: Division, year: int, results: list[NormGap]) -> dict:
    norms = []
    pairs = share_pairs(results)
    for r in results:
        n = r.norm
        lacking = r.lacking
        if n.kind == NormKind.BED_FREEZE:
            norms.append(freeze_json(r, year))
            continue
        if n.kind in (NormKind.REACH, NormKind.RADIUS):
            norms.append(reach_json(r))
            continue
        norms.append(
            {
                **norm_fields(n, r),
                "required": r.required,
                "actual": None if r.actual is None else number(r.actual),
                "gap": r.gap,
                "excess": r.excess,
                "passed": r.passed,
                **planned_json(r),
                "lacking": [row.as_json() for row in lacking],
                "rows": [row.as_json() for row in r.rows] if len(r.rows) <= 50 else [],
                **gap_rule(r),
                "with_share": pairs[n.code][0 if n.kind == NormKind.SHARE else 1].norm.code
                if n.code in pairs
                else None,
                "sentences": paired_sentences(*pairs[n.code], n.kind == NormKind.SHARE)[:20]
                if n.code in pairs
                else [gap_sentence(row.name, row.judgement.gap, n) for row in lacking[:20]],
                "spared": [row.as_json() for row in r.rows if row.exempt],
                "spared_note": (spared_sentences(r) or [""])[0],
            }
        )
    return {"division": division.code, "name": division.display_name, "year": year, "norms": norms}


def spared_sentences(r: NormGap) -> list[str]:
    """The places a norm in every place spares because few live there, named (up to eight)."""
    spared = [row for row in r.rows if row.exempt]
    if not spared:
        return []
    names = (", " if english() else "、").join(row.name for row in spared[:8])
    if len(spared) > 8:
        names = _("%(names)s and %(n)s more") % {"names": names, "n": len(spared) - 8}
    n = r.norm
    places = PLACE_KIND_WORDS[PlaceKind(n.place_kind)] if n.place_kind else PLACE_WORDS[Level(n.level)]
    return [
        ngettext(
            "%(places)s with fewer than %(residents)s residents has none of its own (%(names)s): served by a neighbour's or by tours, not counted short",
            "%(places)s with fewer than %(residents)s residents have none of their own (%(names)s): served by a neighbour's or by tours, not counted short",
            len(spared),
        )
        % {"places": places(len(spared)), "residents": f"{n.exempt_below:,}", "names": names}
    ]


def planned_json(r: NormGap) -> dict:
    """What the ledger's projects will add against the norm (None: the norm counts no additions), the
    gap left after them (place by place: what one place's project adds does not fill another's gap),
    the projects, and a sentence per place whose gap they narrow or close."""
    n = r.norm
    if not n.planned_by or not r.rows:
        return {"planned": None, "gap_after_planned": None, "planned_projects": [], "planned_sentences": []}
    after = [row.as_json()["gap_after_planned"] for row in r.rows]
    sentences = []
    for row in r.rows:
        gap = row.judgement.gap
        if not row.planned or not gap:
            continue
        values = {
            "place": row.name,
            "amount": counted_amount(row.planned, n) or UNIT_WORDS[n.unit](row.planned),
            "projects": (", " if english() else "、").join(p["name"] for p in row.projects[:3])
            + ("…" if len(row.projects) > 3 else ""),
            "gap": f"{gap:,}",
            "after": f"{max(0, gap - row.planned):,}",
        }
        if row.planned >= gap:
            sentences.append(
                _("%(place)s: projects will add %(amount)s (%(projects)s), which closes the gap of %(gap)s")
                % values
            )
        else:
            sentences.append(
                _(
                    "%(place)s: projects will add %(amount)s (%(projects)s); the gap narrows from %(gap)s to %(after)s"
                )
                % values
            )
    return {
        "planned": sum(row.planned for row in r.rows),
        "planned_by": n.planned_by,
        "gap_after_planned": None if None in after else sum(after),
        "planned_projects": [dict(p, place=row.name) for row in r.rows for p in row.projects or []][:50],
        "planned_sentences": sentences[:20],
    }


def freeze_json(r: NormGap, year: int) -> dict:
    """A rule on new beds: judged per hospital; `frozen` lists those where no beds may be added, and
    `passed` is False when a ledger project adds beds at one of them (None: no hospital's figures)."""
    n = r.norm
    known = [row for row in r.rows if row.facts and row.facts["frozen"] is not None]
    frozen = [row for row in known if row.facts["frozen"]]
    flagged = [row for row in frozen if row.judgement.excess]
    return {
        **norm_fields(n, r),
        "maximum": None,
        "stay_above": number(n.stay_above),
        "required": None,
        "actual": None,
        "gap": None,
        "excess": sum(row.judgement.excess for row in flagged) if known else None,
        "passed": None if r.skipped or not known else not flagged,
        "planned": None,
        "frozen": [row.as_json() for row in frozen],
        "flagged_projects": [
            dict(project, institution=row.name) for row in flagged for project in row.projects
        ],
        "lacking": [row.as_json() for row in flagged],
        "rows": [row.as_json() for row in r.rows] if len(r.rows) <= 50 else [],
        "sentences": freeze_sentences(r.rows, year),
    }


def norm_result(code: str, division: Division, year: int) -> dict | None:
    """A norm's result for one division and year, as a plan target reads it (None: no such norm or it
    does not reach the division): required, actual, pass/fail and the gap in words."""
    norm = Norm.objects.filter(code=code).first()
    if norm is None:
        return None
    region = Division.objects.at(region_code(norm.region), year)
    if region is None or not (division.path.startswith(region.path) or region.path.startswith(division.path)):
        return None
    result = judge_norm(norm, region, division, year)
    return {
        "code": norm.code,
        "name": norm.name,
        "name_en": norm.name_en,
        "unit": str(Unit(norm.unit).label),
        "required": result.required,
        "actual": None if result.actual is None else number(result.actual),
        "gap": result.gap,
        "passed": None if result.skipped else result.passed,
        "skipped": result.skipped,
        "sentences": [gap_sentence(row.name, row.judgement.gap, norm) for row in result.lacking[:5]],
    }
