"""Indicators and plans: loading the catalogue and plan packs, evaluating targets in bulk."""

import dataclasses
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import yaml
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tixi.core import clock
from tixi.geo.models import AGE_BANDS, Division
from tixi.indicators import items as item_values
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine import trajectory as tj
from tixi.indicators.engine.describe import describe
from tixi.indicators.engine.evaluate import Evaluator, IndicatorDef, missing_reasons
from tixi.indicators.models import (
    Comparator,
    DataElement,
    DataSet,
    Direction,
    Indicator,
    NationalTarget,
    Plan,
    Target,
    TargetKind,
    Trajectory,
)
from tixi.registry.engine import classification as cls
from tixi.registry.models import RESOURCE_FIELDS, DepartmentKind, DesignationKind, InstitutionType

DATA_DIR = Path(__file__).parent / "data"
PLAN_FILES = ("dachuan.yaml", "panzhihua.yaml", "dazhou.yaml", "wushan.yaml", "bazhong.yaml")
NATURES = {"expected": "expected", "binding": "binding"}


def stated_nature(target: dict) -> str:
    """The nature the seed gives a target: the pack's own, else the clause's 预期性/约束性, else none."""
    if target.get("nature"):
        return NATURES[target["nature"]]
    clause = target.get("clause", "")
    if "约束性" in clause:
        return "binding"
    if "预期性" in clause:
        return "expected"
    return ""


# ------------------------------------------------------------------ loading
@transaction.atomic
def load_catalogue(path: Path = DATA_DIR / "catalogue.yaml") -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for d in data["data_elements"]:
        DataElement.objects.update_or_create(
            code=d["code"],
            defaults={
                "name": d["name"],
                "name_en": d.get("name_en", ""),
                "unit": d.get("unit", ""),
                "aggregation": d.get("aggregation", "stock"),
                "additive": d.get("additive", False),
                "options": d.get("options", []),
            },
        )
    for i in data["indicators"]:
        indicator = Indicator(
            code=i["code"],
            name=i["name"],
            name_en=i.get("name_en", ""),
            unit=i.get("unit", ""),
            factor=i.get("factor", 1),
            numerator=i["numerator"],
            denominator=i.get("denominator", ""),
            decimals=i.get("decimals", 2),
            direction=i.get("direction", Direction.HIGHER),
            description=i.get("description", ""),
        )
        indicator.full_clean(validate_unique=False)
        Indicator.objects.update_or_create(
            code=indicator.code,
            defaults={
                f.name: getattr(indicator, f.name)
                for f in Indicator._meta.fields
                if f.name not in ("id", "code", "version")  # Indicator.save keeps the version
            },
        )
    national = load_national_targets()
    data_sets = load_data_sets()
    return {
        "data_elements": len(data["data_elements"]),
        "indicators": len(data["indicators"]),
        "national_targets": national,
        "data_sets": data_sets,
    }


def load_data_sets(path: Path = DATA_DIR / "data_sets.yaml") -> int:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["data_sets"]
    elements = {e.code: e for e in DataElement.objects.all()}
    for e in entries:
        data_set, _created = DataSet.objects.update_or_create(
            code=e["code"],
            defaults={
                "name": e["name"],
                "name_en": e.get("name_en", ""),
                "reporter": e.get("reporter", "division"),
                "period_type": e.get("period_type", "yearly"),
                "level": e.get("level", 3),
                "due_days": e.get("due_days", 90),
            },
        )
        data_set.elements.set([elements[code] for code in e.get("elements", [])])
    return len(entries)


def load_national_targets(path: Path = DATA_DIR / "national_targets.yaml") -> int:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["national_targets"]
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=[e["indicator"] for e in entries])}
    for e in entries:
        NationalTarget.objects.update_or_create(
            indicator=indicators[e["indicator"]],
            year=e["year"],
            defaults={"value": e["value"], "source": e["source"], "clause": e.get("clause", "")},
        )
    return len(entries)


def national_values(indicator_ids) -> dict[int, dict[int, float]]:
    """indicator id -> {year: national target}."""
    result: dict = defaultdict(dict)
    for indicator_id, year, value in NationalTarget.objects.filter(
        indicator_id__in=indicator_ids
    ).values_list("indicator_id", "year", "value"):
        result[indicator_id][year] = value
    return result


def national_for(national: dict, target: Target) -> float | None:
    """The national target for the plan target's year, else the latest one set before it."""
    years = national.get(target.indicator_id, {})
    usable = [y for y in years if y <= target.target_year]
    return years[max(usable)] if usable else None


def load_pack_file(name: str) -> dict:
    return yaml.safe_load((DATA_DIR / "plans" / name).read_text(encoding="utf-8"))


@transaction.atomic
def load_plan_pack(pack: dict) -> Plan:
    region = Division.objects.at(pack["region"].ljust(12, "0"))
    plan, _created = Plan.objects.update_or_create(
        code=pack["code"],
        defaults={
            "title": pack["title"],
            "title_en": pack.get("title_en", ""),
            "issuer": pack["issuer"],
            "document_number": pack.get("document_number", ""),
            "region": region,
            "period_start": pack["period"][0],
            "period_end": pack["period"][1],
            "issued_on": pack.get("issued_on"),
            "source": pack.get("source", ""),
        },
    )
    plan.targets.all().delete()
    indicators = {i.code: i for i in Indicator.objects.all()}
    for order, t in enumerate(pack["targets"], start=1):
        kind = t.get("kind", "value")
        target = Target(
            plan=plan,
            order=order,
            area=t.get("area", ""),
            label=t["label"],
            indicator=indicators[t["indicator"]],
            division=region,
            institution_name=t.get("institution", ""),
            kind=kind,
            comparator=t.get("comparator", "le" if indicators[t["indicator"]].direction == "lower" else "ge"),
            nature=stated_nature(t),
            baseline_year=pack.get("baseline_year")
            if t.get("baseline") is not None or kind in ("change_per_year", "increase", "maintain", "new")
            else None,
            baseline_value=t.get("baseline"),
            baseline_comparator=t.get("baseline_comparator", ""),
            deadline_stated="deadline" not in t,  # "逐步" or no year in the seed
            note=t.get("note", ""),
            note_en=t.get("note_en", ""),
            target_year=t.get("target_year", pack["target_year"]),
            target_value=t.get("target"),
            target_high=t.get("target_high"),
            change_per_year=t.get("change_per_year"),
            trajectory=t.get("trajectory", "linear"),
            clause=t["clause"],
        )
        target.full_clean()
        target.save()
    return plan


def plan_summaries(plans=None) -> list[dict]:
    """The plans with their number of targets (one query)."""
    from django.db.models import Count

    return [
        {
            "code": p.code,
            "title": p.title,
            "title_en": p.title_en,
            "document_number": p.document_number,
            "region": p.region.code,
            "period": [p.period_start, p.period_end],
            "targets": p.n,
        }
        for p in (plans if plans is not None else Plan.objects)
        .select_related("region")
        .annotate(n=Count("targets"))
        .order_by("code")
    ]


def load_plan_packs() -> list[Plan]:
    return [load_plan_pack(load_pack_file(name)) for name in PLAN_FILES]


# ------------------------------------------------------------------ labels and parsing
def labels(language: str | None = None) -> dict[str, str]:
    """Names of codes for describing expressions in the active language."""
    names = {code: str(label) for code, label in InstitutionType.choices}
    names.update({code: str(label) for code, label in DesignationKind.choices})
    names.update({code: str(label) for code, label in DepartmentKind.choices})
    names.update({code: str(label) for code, label in RESOURCE_FIELDS.items()})
    names.update(
        {
            cls.HOSPITAL: _("hospitals"),
            cls.PRIMARY_CARE: _("primary care institutions"),
            cls.PUBLIC_HEALTH: _("public health institutions"),
            cls.OTHER: _("other institutions"),
            # items without a code (see engine.evaluate.missing_reasons): a year without yearly reports
            "RegistryCount": _("the institutions' yearly reports"),
            "PopulationItem": _("the resident population"),
        }
    )
    english = (language or get_language() or "").startswith("en")
    for code, name, name_en in DataElement.objects.values_list("code", "name", "name_en"):
        names[code] = name_en if english and name_en else name
    for code, name, name_en in Indicator.objects.values_list("code", "name", "name_en"):
        names.setdefault(code, name_en if english and name_en else name)
    return names


def describe_expression(text: str, language: str = "zh-hans") -> str:
    """Validate an expression and render it in words; ExpressionError names the position."""
    node = ex.parse(text)
    known_elements = set(DataElement.objects.values_list("code", flat=True))
    known_indicators = set(Indicator.objects.values_list("code", flat=True))
    for item in ex.items_of(node):
        if isinstance(item, ex.DataItem) and item.code not in known_elements:
            raise ex.ExpressionError("Unknown data element %(code)r.", item.position, code=item.code)
        if isinstance(item, ex.IndicatorRef) and item.code not in known_indicators:
            raise ex.ExpressionError("Unknown indicator %(code)r.", item.position, code=item.code)
        if isinstance(item, ex.RegistrySum) and item.measure not in RESOURCE_FIELDS:
            raise ex.ExpressionError("Unknown resource measure %(code)r.", item.position, code=item.measure)
        for f in getattr(item, "filters", ()):
            check_filter_values(f, item.position)
    return describe(node, labels(language), language)


def check_filter_values(f: ex.Filter, position: int) -> None:
    known = {
        "type": set(InstitutionType.values),
        "category": set(cls.CATEGORIES),
        "designation": set(DesignationKind.values),
        "department": set(DepartmentKind.values),
        "ownership": {"public", "private"},
        "grade": set(cls.GRADES) | {"A", "B", "C"},
        "age": set(AGE_BANDS),
        "sex": {"M", "F"},
        "level": {"1", "2", "3"},
    }.get(f.key)
    if known is None:
        return
    for value in f.values:
        if value not in known:
            raise ex.ExpressionError("Unknown value %(value)r for %(key)s.", position, value=value, key=f.key)


def with_institution(node: ex.Node, name: str) -> ex.Node:
    """The same expression restricted to one institution (Table 2 targets name hospitals)."""
    if isinstance(node, ex.RegistrySum | ex.RegistryCount):
        return dataclasses.replace(node, filters=(*node.filters, ex.Filter("name", "=", (name,))))
    if isinstance(node, ex.Unary):
        return dataclasses.replace(node, operand=with_institution(node.operand, name))
    if isinstance(node, ex.Binary):
        return dataclasses.replace(
            node, left=with_institution(node.left, name), right=with_institution(node.right, name)
        )
    if isinstance(node, ex.Call):
        return dataclasses.replace(node, args=tuple(with_institution(a, name) for a in node.args))
    return node


def definition_of(indicator: Indicator, institution: str = "") -> IndicatorDef:
    numerator = ex.parse(indicator.numerator)
    denominator = ex.parse(indicator.denominator) if indicator.denominator else None
    if institution:
        numerator = with_institution(numerator, institution)
        denominator = with_institution(denominator, institution) if denominator else None
    code = f"{indicator.code}@{institution}" if institution else indicator.code
    return IndicatorDef(code, numerator, denominator, indicator.factor)


# ------------------------------------------------------------------ evaluation
@dataclass
class Evaluation:
    cells: list[item_values.Cell]
    values: dict[str, np.ndarray]  # definition code -> value per cell
    numerators: dict[str, np.ndarray]
    denominators: dict[str, np.ndarray]
    reasons: dict[str, list]
    population: np.ndarray = field(default_factory=lambda: np.array([]))


def evaluate(
    definitions: list[IndicatorDef], cells: list[item_values.Cell], all_indicators=None, reasons: bool = True
) -> Evaluation:
    """Every definition over every cell, fetching each item once for all of them. `reasons` says why
    a cell has no value (worth it for a page, not for a whole province)."""
    all_indicators = all_indicators or {}
    referenced = dict(all_indicators)
    referenced.update({d.code: d for d in definitions})
    nodes: dict = {}
    pending = list(referenced.values())
    for d in pending:
        for node in ex.items_of(d.numerator) + (ex.items_of(d.denominator) if d.denominator else []):
            nodes.setdefault(item_values.item_key(node), node)
    population_node = ex.PopulationItem(0, ())
    nodes.setdefault(item_values.item_key(population_node), population_node)
    by_type: dict = {"registry": [], "population": [], "data": []}
    for node in nodes.values():
        if isinstance(node, ex.RegistrySum | ex.RegistryCount):
            by_type["registry"].append(node)
        elif isinstance(node, ex.PopulationItem):
            by_type["population"].append(node)
        elif isinstance(node, ex.DataItem):
            by_type["data"].append(node)
    elements = {e.code: e for e in DataElement.objects.all()} if by_type["data"] else {}
    values = {}
    values.update(item_values.registry_values(by_type["registry"], cells))
    values.update(item_values.population_values(by_type["population"], cells))
    values.update(item_values.data_values(by_type["data"], cells, elements))
    evaluator = Evaluator(values, len(cells), referenced)
    result = Evaluation(cells, {}, {}, {}, {}, values[item_values.item_key(population_node)])
    names = labels() if reasons else {}
    for d in definitions:
        result.values[d.code] = evaluator.indicator(d.code)
        result.numerators[d.code] = evaluator.eval(d.numerator)
        result.denominators[d.code] = evaluator.eval(d.denominator) if d.denominator else np.ones(len(cells))
        result.reasons[d.code] = missing_reasons(d, evaluator, names) if reasons else [None] * len(cells)
    return result


def all_definitions() -> dict[str, IndicatorDef]:
    return {i.code: definition_of(i) for i in Indicator.objects.all()}


def spec_of(target: Target, trajectory: str | None = None) -> tj.TargetSpec:
    """The engine's view of a target; `trajectory` overrides the target's own (linear/geometric)."""
    return tj.TargetSpec(
        kind=target.kind,
        comparator=target.comparator,
        lower_is_better=target.indicator.direction == Direction.LOWER if target.indicator_id else False,
        target_year=target.target_year,
        target_value=target.target_value,
        target_high=target.target_high,
        baseline_year=target.baseline_year,
        baseline_value=target.baseline_value,
        change_per_year=target.change_per_year,
        trajectory=trajectory if trajectory in Trajectory.values else target.trajectory,
    )


TOWNSHIP = 4


def township_norm(target: Target, division: Division, targets) -> Target | None:
    """The plan's target of the same indicator set for the township `division` lies in (a township
    norm), if any."""
    return next(
        (
            t
            for t in targets
            if t.indicator_id == target.indicator_id
            and t.institution_name == target.institution_name
            and t.division.level >= TOWNSHIP
            and division.path.startswith(t.division.path)
        ),
        None,
    )


def applicable_targets(targets: list[Target], division: Division) -> list[Target]:
    """The plan's targets that judge `division`: a township norm judges its township alone, in the
    place of the region's target of the same indicator."""
    norms = [t for t in targets if t.division.level >= TOWNSHIP]
    if not norms:
        return targets
    kept = []
    for t in targets:
        if t.division.level >= TOWNSHIP:
            if division.path.startswith(t.division.path):
                kept.append(t)
        elif division.level < TOWNSHIP or township_norm(t, division, norms) is None:
            kept.append(t)
    return kept


def additive_elements() -> set[str]:
    """The codes of the data elements that add up over divisions (counts, not rates)."""
    return set(DataElement.objects.filter(additive=True).values_list("code", flat=True))


def total_exemption(
    target: Target, definition: IndicatorDef, division: Division, additive=None
) -> str | None:
    """Why a smaller division (a county or a township of the plan's region) is not judged against
    `target`, or None when it is: a total of the region (its staff, beds, institutions, new ones
    built) is the region's target, not a target of each of its parts. Its value is shown without a
    status. A target of one institution is kept (its value is the institution's wherever it stands)."""
    if division.level <= target.division.level or target.institution_name:
        return None
    additive = additive_elements() if additive is None else additive
    if not ex.is_total(definition.numerator, definition.denominator, additive):
        return None
    return _(
        "Not judged: the target is a total of %(region)s, not a target of each of its parts; "
        "%(division)s's value is shown for reference."
    ) % {"region": target.division.display_name, "division": division.display_name}


def township_exemption(
    target: Target, definition: IndicatorDef, division: Division, targets, additive=None
) -> str | None:
    """Why a division is not judged against `target`, or None when it is. A total of the plan's region
    judges no part of it (`total_exemption`). A county's (or a city's) per-1,000 target does not fit a
    township: the county's hospitals stand in one township and serve them all. A target the plan sets
    for the township (a township norm) judges it instead."""
    total = total_exemption(target, definition, division, additive)
    if total:
        return total
    if division.level < TOWNSHIP or target.division.level >= TOWNSHIP:
        return None
    if not isinstance(definition.denominator, ex.PopulationItem):
        return None
    if township_norm(target, division, targets) is not None:
        return None
    return _(
        "Not judged: a township's rate per residents is not held to the target of %(region)s "
        "(the county's hospitals serve every township), and no township norm is set."
    ) % {"region": target.division.display_name}


def _number(value) -> float | None:
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)


def evaluate_plan(
    plan: Plan, division: Division, year: int, years: list[int] | None = None, trajectory: str | None = None
) -> list[dict]:
    """Every target of the plan for the division: baseline, trajectory, actual, target, status, gap,
    and the actual series over `years` (default: baseline year to the target year). `trajectory`
    ("linear" or "geometric") overrides each target's own way from baseline to target."""
    every = list(plan.targets.select_related("indicator", "division").order_by("order"))
    norm_rows = [norm_target_row(t, division, year) for t in every if t.norm]
    targets = applicable_targets([t for t in every if not t.norm], division)
    if not targets:
        return norm_rows
    first = min([t.baseline_year or plan.period_start for t in targets] + [year - 1])
    last = max([t.target_year for t in targets] + [year])
    years = years or list(range(first, last + 1))
    current = clock.today().year
    cells, index = [], {}
    versions = list(Division.objects.filter(code=division.code))  # one query for every year's row
    for y in years:
        row = next((v for v in versions if v.valid_in(y)), division)
        index[y] = len(cells)
        cells.append(item_values.Cell(row, y))
    # Several targets may share an indicator (a count for 2022 and for 2025): each keeps its row.
    pairs = [(definition_of(t.indicator, t.institution_name), t) for t in targets]
    unique = {d.code: d for d, _ in pairs}
    evaluation = evaluate(list(unique.values()), cells, all_definitions())
    population = evaluation.population
    names = labels()
    result = []
    national = national_values({t.indicator_id for t in targets})
    additive = additive_elements()
    finders = [provider(division, year) for provider in CASE_GAPS]
    in_cases = (lambda code, value: next((f for f in (find(code, value) for find in finders) if f), None)) if finders else None  # fmt: skip
    for d, t in pairs:
        code = d.code
        series = evaluation.values[code]
        if t.kind == TargetKind.NEW:
            series = tj.since_baseline(series, index.get(t.baseline_year))
        spec = spec_of(t, trajectory)
        actual = _number(series[index[year]]) if year in index else None
        previous = _number(series[index[year - 1]]) if year - 1 in index else None
        baseline_actual = _number(series[index[t.baseline_year]]) if t.baseline_year in index else None
        national_value = national_for(national, t)
        state = tj.status(spec, year, actual, previous, baseline_actual, national_value)
        rule = rule_text(state)
        exemption = township_exemption(t, d, division, targets, additive)  # in the user's language
        if exemption:
            state, rule = tj.Status(tj.NOT_JUDGED, exemption, {}), exemption
        start = t.baseline_value if t.baseline_value is not None else baseline_actual
        expected = whole_if_counted(t, tj.trajectory_value(spec, year, start))
        path = {}
        if t.baseline_year and t.target_value is not None and start is not None:
            for y in range(t.baseline_year, t.target_year + 1):
                point = whole_if_counted(t, tj.trajectory_value(spec, y, start))
                if point is not None:
                    path[y] = round(point, t.indicator.decimals + 2)
        decimals = t.indicator.decimals
        result.append(
            {
                "order": t.order,
                "area": t.area,
                "label": t.label,
                "indicator": t.indicator.code,
                "indicator_name": t.indicator.name,
                "indicator_name_en": t.indicator.name_en,
                "unit": t.indicator.unit,
                "institution": t.institution_name,
                "nature": t.nature,
                "kind": t.kind,
                "comparator": t.comparator,
                "comparator_sign": str(Comparator(t.comparator).label),
                "decimals": decimals,
                "baseline_year": t.baseline_year,
                "baseline": t.baseline_value,
                "target_year": t.target_year,
                "target": t.target_value,
                "target_high": t.target_high,
                "change_per_year": t.change_per_year,
                "trajectory": None if expected is None else round(expected, decimals + 2),
                "trajectory_kind": spec.trajectory,
                "trajectory_path": path,
                "national": national_value,
                "target_text": target_text(t, national_value),
                "actual": None if actual is None else round(actual, decimals + 2),
                "status": state.status,
                "rule": rule,
                "no_data_reason": no_data_reason(t, evaluation.reasons[code], index, year)
                if actual is None and year in index
                else None,
                "gap": None
                if exemption
                else gap(t, d, evaluation, index, year, years, population, names, in_cases),
                "series": {y: _number(series[index[y]]) for y in years if y <= max(year, current)},
                "clause": t.clause,
                "note": t.note,
                "note_en": t.note_en,
                "baseline_comparator": t.baseline_comparator,
                "baseline_text": baseline_text(t),
                "deadline_stated": t.deadline_stated,
            }
        )
    return sorted(result + norm_rows, key=lambda row: row["order"])


# A plan target that reads an allocation norm: a higher app (layout) registers fn(code, division, year)
# -> {name, name_en, unit, required, actual, gap, passed, skipped, sentences} or None.
NORM_RESULTS: list = []


def norm_target_row(t: Target, division: Division, year: int) -> dict:
    """The scorecard row of a norm target: required against actual; achieved when the norm passes."""
    found = next((r for r in (read(t.norm, division, year) for read in NORM_RESULTS) if r), None)
    if found is None:
        state, rule = tj.NO_DATA, _("No allocation norm %(code)s applies here.") % {"code": t.norm}
    elif found["skipped"]:
        state, rule = tj.NOT_JUDGED, found["skipped"]
    elif found["passed"] is None:
        state, rule = tj.NO_DATA, _("The norm has no data for %(year)s.") % {"year": year}
    elif found["passed"]:
        state, rule = tj.ACHIEVED, _("The norm is met: %(actual)s against %(required)s required.") % found
    else:
        state = tj.OFF_TRACK if year >= t.target_year else tj.AT_RISK
        rule = _("The norm is not met: %(actual)s against %(required)s required.") % found
    found = found or {}
    gap_text = "；".join(found.get("sentences") or []) if found.get("gap") else None
    return {
        "order": t.order,
        "area": t.area,
        "label": t.label,
        "indicator": f"norm:{t.norm}",
        "indicator_name": found.get("name", t.label),
        "indicator_name_en": found.get("name_en", ""),
        "unit": found.get("unit", ""),
        "institution": t.institution_name,
        "nature": t.nature,
        "kind": t.kind,
        "comparator": Comparator.GE,
        "comparator_sign": str(Comparator(Comparator.GE).label),
        "decimals": 2,
        "baseline_year": t.baseline_year,
        "baseline": t.baseline_value,
        "target_year": t.target_year,
        "target": found.get("required"),
        "target_high": None,
        "change_per_year": None,
        "trajectory": None,
        "trajectory_kind": t.trajectory,
        "trajectory_path": {},
        "national": None,
        "target_text": _("norm: %(required)s required") % {"required": found.get("required", "—")},
        "actual": found.get("actual"),
        "status": state,
        "rule": rule,
        "no_data_reason": rule if state == tj.NO_DATA else None,
        "gap": None
        if not gap_text
        else {"value": -float(found["gap"]), "text": gap_text, "units": found["gap"]},
        "series": {year: found.get("actual")},
        "clause": t.clause,
        "note": t.note,
        "note_en": t.note_en,
        "baseline_comparator": t.baseline_comparator,
        "baseline_text": baseline_text(t),
        "deadline_stated": t.deadline_stated,
        "norm": t.norm,
        "required": found.get("required"),
        "passed": found.get("passed"),
    }


# Units of things counted one by one (institutions, beds, people, specialties)
COUNT_UNITS = {"个", "所", "家", "张", "人", "辆", "名", "项"}


def is_counted(indicator: Indicator) -> bool:
    """A count of things (no denominator, a unit of things, no decimals): 2 sub-centres, 600 beds."""
    return not indicator.denominator.strip() and indicator.decimals == 0 and indicator.unit in COUNT_UNITS


def whole_if_counted(target: Target, expected: float | None) -> float | None:
    """The value expected on the way to a count is a whole number of things: at least the next whole
    one for a floor ("0.4 community hospitals by 2021" is 1), at most the last for a ceiling. Judged
    against whole actuals this changes no status (k >= 0.4 exactly when k >= 1)."""
    if expected is None or not is_counted(target.indicator):
        return expected
    if target.comparator in ("le", "lt"):
        return float(math.floor(expected + 1e-9))
    if target.comparator in ("ge", "gt"):
        return float(math.ceil(expected - 1e-9))
    return float(round(expected))


def no_data_reason(target: Target, reasons: list, index: dict, year: int) -> str | None:
    if (
        target.kind == TargetKind.NEW
        and target.baseline_year in index
        and reasons[index[target.baseline_year]]
    ):
        return _("No value for the baseline year %(year)s to count the new ones from: %(reason)s") % {
            "year": target.baseline_year,
            "reason": reason_text(reasons[index[target.baseline_year]]),
        } + where_reported(target)
    reason = reason_text(reasons[index[year]])
    return reason + where_reported(target) if reason else reason


_sets_by_element: dict[str, list[tuple[str, str]]] | None = None


def sets_by_element() -> dict[str, list[tuple[str, str]]]:
    """Data element code -> (name, English name) of the data sets that report it; read once, forgotten
    when a data set changes (the scorecard asks for every target without data: no query per row)."""
    global _sets_by_element
    if _sets_by_element is None:
        found: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for code, name, name_en in DataSet.elements.through.objects.values_list(
            "dataelement__code", "dataset__name", "dataset__name_en"
        ):
            found[code].append((name, name_en))
        _sets_by_element = dict(found)
    return _sets_by_element


def forget_data_sets(**kwargs) -> None:
    global _sets_by_element
    _sets_by_element = None


post_save.connect(forget_data_sets, sender=DataSet, dispatch_uid="forget-data-sets-saved")
post_delete.connect(forget_data_sets, sender=DataSet, dispatch_uid="forget-data-sets-deleted")
m2m_changed.connect(
    forget_data_sets, sender=DataSet.elements.through, dispatch_uid="forget-data-sets-elements"
)


def where_reported(target: Target) -> str:
    """Which report brings the missing figure: the data sets that hold the target's data elements,
    or that none does yet (the value is entered as a data value of the division)."""
    codes = {i.code for i in ex.items_of(ex.parse(target.indicator.numerator)) if isinstance(i, ex.DataItem)}
    if not codes:
        return ""
    # an English page names the data set in English where it has an English name (journey18's sweep:
    # "no data for life expectancy (reported in the data set 区县卫生健康统计年报)")
    english = not (get_language() or "").startswith("zh")
    names = sorted(
        {(en or name) if english else name for code in codes for name, en in sets_by_element().get(code, ())}
    )
    if names:
        return _(" (reported in the data set %(sets)s)") % {"sets": _("; ").join(names)}
    return _(" (in no data set yet: entered as a data value of the division)")


def baseline_text(target: Target) -> str:
    """The baseline as the seed states it, its comparator kept (">85", not 85)."""
    if target.baseline_value is None:
        return ""
    sign = str(Comparator(target.baseline_comparator).label) if target.baseline_comparator else ""
    return f"{sign}{target.baseline_value:g}"


def target_text(target: Target, national: float | None = None) -> str:
    """The target as a planner reads it: "≥85", "maintain", "−0.5 a year", "national target (85)"."""
    if target.kind == TargetKind.NATIONAL:
        return (
            _("national target (%(value)s)") % {"value": f"{national:g}"}
            if national is not None
            else str(TargetKind.NATIONAL.label)
        )
    if target.kind == TargetKind.CHANGE_PER_YEAR and target.change_per_year is not None:
        return change_text(target.change_per_year, target.indicator)
    if target.target_value is None:
        if target.kind == TargetKind.INCREASE and target.indicator.direction == Direction.LOWER:
            return str(_("decrease year on year"))  # 孕产妇死亡率 "稳中有降" is not "逐年提高"
        return str(TargetKind(target.kind).label)
    if target.kind == TargetKind.NEW:
        return _("%(sign)s%(value)s new since %(year)s") % {
            "sign": Comparator(target.comparator).label,
            "value": f"{target.target_value:g}",
            "year": target.baseline_year,
        }
    if target.comparator == Comparator.ABOUT:
        return _("about %(value)s") % {"value": f"{target.target_value:g}"}
    if target.comparator == Comparator.RANGE and target.target_high is not None:
        return f"{target.target_value:g}–{target.target_high:g}"
    return f"{Comparator(target.comparator).label}{target.target_value:g}"


# Higher apps that know the cases behind a data element (hospitals: surgery patients behind a share)
# register here how many more cases a target needs: a provider fn(division, year) (one query, made once
# per evaluation) returning a finder fn(code, target value) -> {"units": n, "text": ...} or None.
CASE_GAPS: list = []


def gap(
    target: Target,
    d: IndicatorDef,
    evaluation: Evaluation,
    index,
    year,
    years,
    population,
    names,
    in_cases=None,
) -> dict | None:
    """How far from the target, in natural units where the indicator is a rate over residents."""
    if target.kind in (TargetKind.CHANGE_PER_YEAR, TargetKind.INCREASE) and year in index:
        return change_gap(target, evaluation.values[d.code], index, year)
    if target.kind not in ("value", "count", "new") or target.target_value is None or year not in index:
        return None
    actual = _number(evaluation.values[d.code][index[year]])
    if actual is None:
        return None
    if target.kind == TargetKind.NEW:  # the new ones since the baseline against the number asked
        stock = (
            _number(evaluation.values[d.code][index[target.baseline_year]])
            if target.baseline_year in index
            else None
        )
        if stock is None:
            return None
        actual -= stock
        if tj.meets(target.comparator, actual, target.target_value, target.target_high):
            return {"value": 0.0, "text": _("met")}
        return {
            "value": round(target.target_value - actual, 4),
            "text": gap_text(target.target_value - actual, target.indicator, target.comparator),
        }
    if tj.meets(target.comparator, actual, target.target_value, target.target_high):
        return {"value": 0.0, "text": _("met")}
    difference = target.target_value - actual
    items = ex.items_of(d.numerator)
    if in_cases is not None and len(items) == 1 and isinstance(items[0], ex.DataItem):
        found = in_cases(items[0].code, target.target_value)
        if found:
            return {"value": round(difference, 4), **found}
    per_residents = isinstance(d.denominator, ex.PopulationItem) and not d.denominator.filters
    numerator_items = ex.items_of(d.numerator)
    if per_residents and len(numerator_items) == 1 and isinstance(numerator_items[0], ex.RegistrySum):
        known = [
            (y, _number(population[index[y]])) for y in years if y <= year and _number(population[index[y]])
        ]
        # the target year's own population once it is known; before, the trend of the years known,
        # saying from which years (a mid-term and a final evaluation give two figures for one year)
        counted = dict(known).get(target.target_year)
        projected = counted or tj.project([y for y, _ in known], [v for _, v in known], target.target_year)
        if projected:
            needed = target.target_value * projected / d.factor
            have = _number(evaluation.numerators[d.code][index[year]]) or 0
            units = int(np.ceil(needed - have))
            what = names.get(numerator_items[0].measure, numerator_items[0].measure)
            words = {
                "units": f"{units:,}",
                "what": what,
                "year": target.target_year,
                "population": f"{int(projected):,}",
                "first": known[0][0],
                "last": known[-1][0],
            }
            return {
                "value": round(difference, 4),
                "units": units,
                "projected_population": int(projected),
                "text": (
                    _("%(units)s more %(what)s are needed at %(year)s's population of %(population)s.")
                    % words
                    if counted
                    else _(
                        "%(units)s more %(what)s are needed by %(year)s at the population of %(population)s "
                        "projected from %(first)s–%(last)s."
                    )
                    % words
                ),
            }
    return {"value": round(difference, 4), "text": gap_text(difference, target.indicator, target.comparator)}


def value_text(value: float, indicator) -> str:
    """A value at the indicator's decimals with its unit: "12.3%", "0.14 万人"."""
    raw = indicator.unit or ""
    number = f"{value:,.{indicator.decimals}f}"
    if raw in ("%", "％", "‰"):
        return f"{number}{raw}"
    label = unit_label(raw)
    if label.startswith("/"):
        return f"{number}{label}"  # "0.00/10万": a rate's unit follows its number ("0.00 per 100,000" in English)
    return _one_spaced(f"{number} {label}")


def change_gap(target: Target, series, index, year) -> dict | None:
    """What is behind in a target of change: "逐年提高" against last year's value ("比上年（12.0%）下降
    0.3 个百分点"), a fixed change a year against the value expected this year ("距 2025 年应达到的
    11.5% 还差 0.3 个百分点")."""
    actual = _number(series[index[year]])
    if actual is None:
        return None
    d = target.indicator
    lower = d.direction == Direction.LOWER
    if target.kind == TargetKind.INCREASE:
        previous = _number(series[index[year - 1]]) if year - 1 in index else None
        if previous is None:
            return None
        if (actual < previous) if lower else (actual > previous):
            return {"value": 0.0, "text": _("met")}
        if lower and actual <= 0 and previous <= 0:
            # a death rate at nought two years running cannot fall: met, as its status says (已达成),
            # not "与上年持平" beside it (the trajectory's status rule)
            return {"value": 0.0, "text": _("met")}
        amount, unit = gap_amount(actual - previous, d)
        values = {"previous": value_text(previous, d), "amount": amount, "unit": unit}
        if not amount:
            text = _("the same as the year before (%(previous)s)") % values
        elif actual > previous:
            text = _("up %(amount)s %(unit)s on the year before (%(previous)s)") % values
        else:
            text = _("down %(amount)s %(unit)s on the year before (%(previous)s)") % values
        return {"value": round(actual - previous, 4), "text": _one_spaced(text)}
    if target.change_per_year is None or target.baseline_year is None:
        return None
    start = target.baseline_value
    if start is None and target.baseline_year in index:
        start = _number(series[index[target.baseline_year]])
    if start is None:
        return None
    expected = start + target.change_per_year * (year - target.baseline_year)
    if not ((expected < actual) if lower else (expected > actual)):
        return {"value": 0.0, "text": _("met")}
    amount, unit = gap_amount(expected - actual, d)
    values = {"expected": value_text(expected, d), "year": year, "amount": amount, "unit": unit}
    return {
        "value": round(expected - actual, 4),
        "text": _one_spaced(_("%(amount)s %(unit)s short of the %(expected)s expected in %(year)s") % values),
    }


def row_gap_text(target: Target, values: dict[int, float | None], year: int) -> str:
    """A ranking row's own distance from the target in `year`, from its values by year (`year`, the
    year before, the baseline year): "还差 0.3 个百分点", "比上年（8.1%）下降 0.2 个百分点"; "" where it
    has no value, is met (its status says so) or the target has no distance of its own (national, new
    since the baseline)."""
    actual = _number(values.get(year))
    if actual is None:
        return ""
    if target.kind in (TargetKind.CHANGE_PER_YEAR, TargetKind.INCREASE):
        known = {y: v for y, v in values.items() if _number(v) is not None}
        index = {y: n for n, y in enumerate(known)}
        found = change_gap(target, list(known.values()), index, year)
        return "" if found is None or str(found["text"]) == str(_("met")) else str(found["text"])
    if target.kind not in (TargetKind.VALUE, TargetKind.COUNT) or target.target_value is None:
        return ""
    if tj.meets(target.comparator, actual, target.target_value, target.target_high):
        return ""
    return gap_text(target.target_value - actual, target.indicator, target.comparator)


def rule_text(state) -> str:
    """The rule that gave a status, translated, with a comparator's sign ("≥") and plain numbers."""
    if not state.params:
        return _(state.rule)
    params = {
        key: str(Comparator(value).label)
        if key == "comparator"
        else (f"{value:g}" if isinstance(value, float) else value)
        for key, value in state.params.items()
    }
    return _(state.rule) % params


# A unit as an English page or report writes it: a count word (个, 所, 家) is no unit in English.
UNITS_EN = {
    "个": "",
    "所": "",
    "家": "",
    "项": "",
    "张": "beds",
    "人": "people",
    "名": "people",
    "辆": "vehicles",
    "万人": "×10,000 people",
    "万人次": "×10,000 visits",
    "人次": "visits",
    "支": "teams",
    "类": "types",
    "岁": "years",
    "天": "days",
    "小时": "hours",
    "分钟": "minutes",
    "元": "yuan",
    "万元": "×10,000 yuan",
    "亿元": "×100 million yuan",
    "吨": "tonnes",
    "亩": "mu",
    "万亩": "×10,000 mu",
    "万张": "×10,000 beds",
    "星": "stars",
    "次": "times",
    "例": "cases",
    "/10万": "per 100,000",
}


def unit_label(unit: str, language: str | None = None) -> str:
    """The unit in the active language: Chinese units as they are, English ones for an English page."""
    language = language or get_language() or ""
    if language.startswith("zh") or not unit:
        return unit
    return UNITS_EN.get(unit, unit)


def is_yes_no(indicator) -> bool:
    """A goal met or not (创建三甲, 建成中心), counted 0 or 1: "（是=1）" in its name."""
    return "是=1" in (indicator.name or "")


# A unit of ten thousand (or a hundred million) and the unit it counts: a gap that rounds to nothing
# at the indicator's decimals of 万人 is written in 人 ("还差 37 人"), not "less than 0.01 万人".
BASE_UNITS = {
    "万人": ("人", 10_000),
    "万人次": ("人次", 10_000),
    "万亩": ("亩", 10_000),
    "万元": ("元", 10_000),
    "亿元": ("万元", 10_000),
    "万张": ("张", 10_000),
}
MORE_DECIMALS = 4  # at most this many decimals beyond the indicator's to show a gap that is not zero


def gap_amount(difference: float, indicator) -> tuple[str, str]:
    """The distance without a sign and its unit, in the user's language, precise enough to be seen:
    at the indicator's decimals; where that rounds to nothing (34.996 万人 against ≥35: "0.00 万人"
    reads as met), in the base unit of a 万 unit (40 人) or with more decimals (0.004 个百分点).
    ("", "") when the distance is nothing at all (a value equal to a strict target)."""
    raw = indicator.unit or ""
    unit = _("percentage points") if raw in ("%", "％") else unit_label(raw)
    size = abs(difference)
    amount = f"{size:,.{indicator.decimals}f}"
    if float(amount.replace(",", "")) != 0:
        return amount, unit
    if raw in BASE_UNITS and round(size, 9) > 0:
        base, times = BASE_UNITS[raw]
        whole = int(np.ceil(round(size * times, 6)))
        return f"{whole:,}", unit_label(base)
    for decimals in range(indicator.decimals + 1, indicator.decimals + MORE_DECIMALS + 1):
        amount = f"{size:,.{decimals}f}"
        if float(amount.replace(",", "")) != 0:
            return amount, unit
    return "", ""


def gap_text(difference: float, indicator, comparator: str | None = None) -> str:
    """ "还差 0.23 个百分点" / "3 个 to go": the distance without a sign (whether the target is a floor
    or a ceiling says which way), at the indicator's decimals, a rate's gap in percentage points;
    a distance that rounds to nothing at those decimals more precisely (see gap_amount), so that an
    official reading "0.14, target ≥0.14, behind" sees why ("还差 37 人")."""
    if is_yes_no(indicator):
        return _("not done yet")  # a centre built or not: "还差 1" says nothing
    amount, unit = gap_amount(difference, indicator)
    if not amount:  # equal to a strict target (>2 万亩): nothing is missing but the target is more
        if comparator == Comparator.LT:
            return _("equal to the target; it must be below it")
        return _("equal to the target; it must exceed it")
    return _one_spaced(_("%(difference)s %(unit)s to go") % {"difference": amount, "unit": unit})


def change_text(change: float, indicator) -> str:
    """A fixed change a year as a planner says it: "每年下降 0.5 个百分点" (a rate's change is in
    percentage points), "每年增加 2 个"; never "每年-0.5%"."""
    raw = indicator.unit or ""
    unit = _("percentage points") if raw in ("%", "％") else unit_label(raw)
    values = {"amount": f"{abs(change):g}", "unit": unit}
    if change < 0:
        return _one_spaced(_("down %(amount)s %(unit)s a year") % values)
    return _one_spaced(_("up %(amount)s %(unit)s a year") % values)


def _one_spaced(text: str) -> str:
    """A unitless ratio leaves "0.11  to go": one space between words, none at the ends; a rate's unit
    follows its number without one ("还差 10.6/10万", not "10.6 /10万": journey17, as `value_text`)."""
    return re.sub(r"(?<=\d) (?=/)", "", " ".join(text.split()))


def reason_text(reason: str | None) -> str | None:
    """The engine's reasons ("no data: X; denominator is zero") in the user's language."""
    if not reason:
        return reason
    parts = []
    for part in reason.split("; "):
        if part.startswith("no data: "):
            parts.append(_("no data for %(item)s") % {"item": part.removeprefix("no data: ")})
        elif part == "denominator is zero":
            parts.append(_("the denominator is zero"))
        else:
            parts.append(part)
    return _("; ").join(parts)
