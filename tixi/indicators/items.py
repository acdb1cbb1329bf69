"""Values of expression items for many cells (division × year) at once, in a few grouped queries.

Registry items become conditional aggregates (SUM(x) FILTER (WHERE ...)) of one GROUP BY over the
yearly reports, keyed by the division prefix of the report's year; population items the same over
population rows; data elements are read and aggregated in Python (they are sparse).
"""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Length, Substr

from tixi.geo.models import AGE_BANDS, Division, Population, subtree_filter
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine.evaluate import item_key
from tixi.indicators.models import DataValue
from tixi.registry.engine import classification as cls
from tixi.registry.models import RESOURCE_FIELDS, Department, Designation, InstitutionYear

DIRECT_FIELDS = {
    "type": "type",
    "level": "level",
    "ownership": "ownership",
    "operator": "operator",
    "name": "name",
}
LOOKUPS = {"=": "in", ">=": "gte", "<=": "lte", ">": "gt", "<": "lt"}


class ItemError(ValueError):
    pass


@dataclass(frozen=True)
class Cell:
    division: Division
    year: int


def _designation_exists(kind: str, op: str | None = None, value: str | None = None):
    condition = Q(institution=OuterRef("institution"), kind=kind, obtained_on__year__lte=OuterRef("year")) & (
        Q(revoked_on__isnull=True) | Q(revoked_on__year__gt=OuterRef("year"))
    )
    if op:
        condition &= Q(**{f"value__{LOOKUPS[op]}": float(value)})
    return Exists(Designation.objects.filter(condition))


def _department_exists(kind: str):
    condition = Q(institution=OuterRef("institution"), kind=kind, opened_on__year__lte=OuterRef("year")) & (
        Q(closed_on__isnull=True) | Q(closed_on__year__gt=OuterRef("year"))
    )
    return Exists(Department.objects.filter(condition))


def _values(values: tuple[str, ...], key: str):
    if key == "level":
        try:
            return [int(v) for v in values]
        except ValueError as error:
            raise ItemError(f"level: {values} is not a number") from error
    return list(values)


def institution_condition(filters: tuple[ex.Filter, ...]):
    """A Q over InstitutionYear rows (with `year` for the date of designations and departments)."""
    condition = Q()
    for f in filters:
        negate = f.op == "!="
        op = "=" if negate else f.op
        if f.key in DIRECT_FIELDS:
            values = _values(f.values, f.key)
            if op == "=":
                q = Q(**{f"institution__{DIRECT_FIELDS[f.key]}__in": values})
            else:
                q = Q(**{f"institution__{DIRECT_FIELDS[f.key]}__{LOOKUPS[op]}": values[0]})
        elif f.key == "category":
            unknown = [v for v in f.values if v not in cls.CATEGORIES]
            if unknown:
                raise ItemError(f"category: unknown {unknown}")
            q = Q(institution__type__in=[t for c in f.values for t in cls.types_in(c)])
        elif f.key == "grade":
            q = Q()
            for v in f.values:
                q |= (
                    Q(institution__level=int(v[0]), institution__grade=v[1])
                    if len(v) == 2
                    else Q(institution__grade=v)
                )
        elif f.key == "designation":
            q = Q()
            for v in f.values:
                q |= Q(_designation_exists(v))
        elif f.key == "department":
            q = Q()
            for v in f.values:
                q |= Q(_department_exists(v))
        elif f.key in ("emr_level", "smart_stars"):
            kind = "emr_level" if f.key == "emr_level" else "smart_hospital"
            q = Q(_designation_exists(kind, op, f.values[0]))
        else:
            raise ItemError(f"unknown filter {f.key}")
        condition &= ~q if negate else q
    return condition


def population_condition(filters: tuple[ex.Filter, ...]):
    condition = Q()
    for f in filters:
        if f.key == "sex":
            q = Q(sex__in=list(f.values))
        else:
            unknown = [v for v in f.values if v not in AGE_BANDS]
            if unknown:
                raise ItemError(f"age: unknown band {unknown}; bands are {', '.join(AGE_BANDS)}")
            q = Q(age_band__in=list(f.values))
        condition &= ~q if f.op == "!=" else q
    return condition


def _grouped_by_prefix(cells: list[Cell]):
    """Cells grouped by the length of their division path (one GROUP BY each), with their index."""
    groups: dict[int, dict[tuple[str, int], int]] = defaultdict(dict)
    for index, cell in enumerate(cells):
        groups[len(cell.division.path)][(cell.division.path, cell.year)] = index
    return groups


def _common_root(paths) -> str:
    """The longest path prefix shared by all the paths (ends with '/')."""
    paths = list(paths)
    first, last = min(paths), max(paths)
    i = 0
    while i < min(len(first), len(last)) and first[i] == last[i]:
        i += 1
    return first[: first.rfind("/", 0, i) + 1] if "/" in first[:i] else ""


def registry_values(nodes, cells: list[Cell]) -> dict:
    """Values of R{} and N{} items for every cell: one query per path length."""
    result = {item_key(n): np.full(len(cells), np.nan) for n in nodes}
    if not nodes:
        return result
    aggregates = {}
    for k, node in enumerate(nodes):
        condition = institution_condition(node.filters)
        if isinstance(node, ex.RegistrySum):
            if node.measure not in RESOURCE_FIELDS:
                raise ItemError(
                    f"R{{{node.measure}}}: unknown measure; use one of {', '.join(RESOURCE_FIELDS)}"
                )
            aggregates[f"i{k}"] = Sum(node.measure, filter=condition) if condition else Sum(node.measure)
        else:
            aggregates[f"i{k}"] = Count("id", filter=condition) if condition else Count("id")
    for length, index in _grouped_by_prefix(cells).items():
        years = sorted({y for _, y in index})
        root = _common_root(p for p, _ in index)
        rows = (
            InstitutionYear.objects.filter(year__in=years)
            .filter(subtree_filter("division_path", root) if root else Q())
            .annotate(prefix=Substr("division_path", 1, length))
            .values("prefix", "year")
            .annotate(**aggregates)
            .order_by()
        )
        seen = set()
        for row in rows:
            i = index.get((row["prefix"], row["year"]))
            if i is None:
                continue
            seen.add(i)
            for k, node in enumerate(nodes):
                result[item_key(node)][i] = row[f"i{k}"] or 0
        # a division with no institution that year has zero of everything
        for i in set(index.values()) - seen:
            for node in nodes:
                result[item_key(node)][i] = 0
    return result


def population_values(nodes, cells: list[Cell]) -> dict:
    """P{} items: the shallowest level with rows under each division (no double counting)."""
    result = {item_key(n): np.full(len(cells), np.nan) for n in nodes}
    if not nodes:
        return result
    aggregates = {f"p{k}": Sum("count", filter=population_condition(n.filters)) for k, n in enumerate(nodes)}
    for length, index in _grouped_by_prefix(cells).items():
        years = sorted({y for _, y in index})
        root = _common_root(p for p, _ in index)
        rows = (
            Population.objects.filter(year__in=years)
            .filter(subtree_filter("division__path", root) if root else Q())
            .annotate(prefix=Substr("division__path", 1, length), depth=Length("division__path"))
            .filter(depth__gte=length)
            .values("prefix", "year", "depth")
            .annotate(**aggregates)
            .order_by()
        )
        best: dict[int, tuple[int, dict]] = {}
        for row in rows:
            i = index.get((row["prefix"], row["year"]))
            if i is not None and (i not in best or row["depth"] < best[i][0]):
                best[i] = (row["depth"], row)
        for i, (_depth, row) in best.items():
            for k, node in enumerate(nodes):
                result[item_key(node)][i] = row[f"p{k}"] or 0
    return result


def data_values(nodes, cells: list[Cell], elements: dict) -> dict:
    """#{} items: the division's own value; for additive elements, else the sum of the shallowest
    level below it. Stocks take the latest period of the year, flows add the year's periods."""
    result = {item_key(n): np.full(len(cells), np.nan) for n in nodes}
    if not nodes:
        return result
    for node in nodes:
        if node.code not in elements:
            raise ItemError(f"#{{{node.code}}}: unknown data element")
        element = elements[node.code]
        if node.option and node.option not in (element.options or []):
            raise ItemError(f"#{{{node.code}.{node.option}}}: unknown disaggregation")
    codes = {n.code for n in nodes}
    years = sorted({c.year for c in cells})
    root = _common_root(c.division.path for c in cells)
    rows = (
        DataValue.objects.filter(element__code__in=codes, year__in=years)
        .filter(subtree_filter("division__path", root) if root else Q())
        .values_list("element__code", "option", "division__path", "period", "year", "value")
    )
    # (code, option, path, year) -> value over the year
    by_cell: dict = defaultdict(dict)
    for code, option, path, period, year, value in rows:
        by_cell[(code, option, path, year)][period] = value
    aggregated = {}
    for key, periods in by_cell.items():
        element = elements[key[0]]
        if key[3] and str(key[3]) in periods:
            aggregated[key] = periods[str(key[3])]
        elif element.aggregation == "flow":
            aggregated[key] = sum(periods.values())
        else:
            aggregated[key] = periods[max(periods)]
    by_option_year: dict = defaultdict(list)
    for (code, option, path, year), value in aggregated.items():
        by_option_year[(code, option, year)].append((path, value))
    for node in nodes:
        element, option = elements[node.code], node.option or ""
        array = result[item_key(node)]
        for i, cell in enumerate(cells):
            entries = by_option_year.get((node.code, option, cell.year), [])
            own = [v for p, v in entries if p == cell.division.path]
            if own:
                array[i] = own[0]
            elif element.additive:
                below = [(len(p), v) for p, v in entries if p.startswith(cell.division.path)]
                if below:
                    depth = min(d for d, _ in below)
                    array[i] = sum(v for d, v in below if d == depth)
    return result
