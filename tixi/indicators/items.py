"""Values of expression items for many cells (division × year) at once, in a few grouped queries.

Registry items become conditional aggregates (SUM(x) FILTER (WHERE ...)) of one GROUP BY over the
yearly reports, keyed by the division prefix of the report's year; population items the same over
population rows; data elements are read and aggregated in Python (they are sparse).
"""

import operator
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db import connection
from django.db.models import Count, Q, Sum
from django.db.models.functions import Length, Substr

from tixi.geo.models import AGE_BANDS, Division, Population, subtree_filter
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine.evaluate import item_key
from tixi.indicators.models import DataValue
from tixi.registry.cube import CUBE_PATH_LENGTH
from tixi.registry.engine import classification as cls
from tixi.registry.models import (
    RESOURCE_FIELDS,
    Department,
    Designation,
    Institution,
    InstitutionYear,
    ResourceCube,
)

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


def _values(values: tuple[str, ...], key: str):
    if key == "level":
        try:
            return [int(v) for v in values]
        except ValueError as error:
            raise ItemError(f"level: {values} is not a number") from error
    return list(values)


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
    """Cells grouped by the length of their division path, with their index."""
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


FLAG_KEYS = {"designation", "department", "emr_level", "smart_stars"}
ATTRIBUTES = ("type", "level", "grade", "ownership", "operator")


def _needs_rows(node) -> bool:
    """Items that need the institutions themselves: dated designations/departments, or a name."""
    return any(f.key in FLAG_KEYS or f.key == "name" for f in node.filters)


def _attribute_mask(filters, columns: dict, flags=None) -> np.ndarray:
    """A boolean mask over rows for the filters, from columns of attributes (and flag arrays)."""
    size = len(columns["__n"])
    mask = np.ones(size, dtype=bool)
    for f in filters:
        negate = f.op == "!="
        if f.key in ("type", "ownership", "operator", "name"):
            m = _isin(columns, f.key, f.values)
        elif f.key == "category":
            unknown = [v for v in f.values if v not in cls.CATEGORIES]
            if unknown:
                raise ItemError(f"category: unknown {unknown}")
            m = _isin(columns, "type", [t for c in f.values for t in cls.types_in(c)])
        elif f.key == "level":
            levels = columns["level"]
            wanted = _values(f.values, "level")
            op = "=" if negate else f.op
            m = {
                "=": np.isin(levels, wanted),
                ">=": levels >= wanted[0],
                "<=": levels <= wanted[0],
                ">": levels > wanted[0],
                "<": levels < wanted[0],
            }[op]
        elif f.key == "grade":
            m = np.zeros(size, dtype=bool)
            for v in f.values:
                if len(v) == 2:
                    m |= (columns["level"] == int(v[0])) & _isin(columns, "grade", [v[1]])
                else:
                    m |= _isin(columns, "grade", [v])
        elif f.key in FLAG_KEYS:
            m = flags[_flag_key(f)]
        else:
            raise ItemError(f"unknown filter {f.key}")
        mask &= ~m if negate else m
    return mask


def _isin(columns: dict, name: str, values) -> np.ndarray:
    codes = columns[f"{name}__values"]
    return np.isin(columns[name], [codes[v] for v in values if v in codes])


def _flag_key(f: ex.Filter):
    return (f.key, f.op, f.values)


def _flag_arrays(filters, institution_ids: np.ndarray, years: np.ndarray) -> dict:
    """For each designation/department filter, whether each (institution, year) row has it at year end.

    A grid institution × year per filter, painted span by span (spans are few), then read per row."""
    wanted = {_flag_key(f): f for f in filters if f.key in FLAG_KEYS}
    if not wanted:
        return {}
    designation_kinds, department_kinds = set(), set()
    for f in wanted.values():
        if f.key == "designation":
            designation_kinds.update(f.values)
        elif f.key == "department":
            department_kinds.update(f.values)
        else:
            designation_kinds.add("emr_level" if f.key == "emr_level" else "smart_hospital")
    spans: dict = defaultdict(list)  # kind -> [(institution, first year, year ended or 9999, value)]
    for inst, kind, value, start, end in Designation.objects.filter(kind__in=designation_kinds).values_list(
        "institution_id", "kind", "value", "obtained_on", "revoked_on"
    ):
        spans[kind].append((inst, start.year, end.year if end else 9999, value))
    for inst, kind, start, end in Department.objects.filter(kind__in=department_kinds).values_list(
        "institution_id", "kind", "opened_on", "closed_on"
    ):
        spans[kind].append((inst, start.year, end.year if end else 9999, None))
    institutions, row_institution = np.unique(institution_ids, return_inverse=True)
    position = {inst: k for k, inst in enumerate(institutions.tolist())}
    first_year = int(years.min())
    width = int(years.max()) - first_year + 1
    result = {}
    for key, f in wanted.items():
        kinds = (
            list(f.values)
            if f.key in ("designation", "department")
            else (["emr_level"] if f.key == "emr_level" else ["smart_hospital"])
        )
        threshold = float(f.values[0]) if f.key in ("emr_level", "smart_stars") else None
        compare = COMPARE["=" if f.op == "!=" else f.op]
        grid = np.zeros((len(institutions), width), dtype=bool)
        for kind in kinds:
            for inst, start, end, value in spans.get(kind, ()):
                row = position.get(inst)
                if row is None or (
                    threshold is not None and (value is None or not compare(value, threshold))
                ):
                    continue
                grid[row, max(start - first_year, 0) : max(end - first_year, 0)] = True
        result[key] = grid[row_institution, years - first_year]
    return result


COMPARE = {"=": operator.eq, ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt}


class RowPlaces:
    """Where rows (division path or prefix, year) fall among the cells, for each path length.

    Paths are encoded once; each length needs one dictionary lookup per distinct path and year."""

    def __init__(self, prefixes, years: np.ndarray):
        codes: dict[str, int] = {}
        self.path_of_row = np.fromiter(
            (codes.setdefault(p, len(codes)) for p in prefixes), dtype=np.int64, count=len(prefixes)
        )
        self.paths = list(codes)
        self.years = years
        self.first_year = int(years.min()) if len(years) else 0
        self.width = int(years.max()) - self.first_year + 1 if len(years) else 0

    def cells_of(self, length: int, index: dict) -> np.ndarray:
        """For each row, the index of the cell (path cut to `length`, year) it falls in, or -1."""
        table = np.full((len(self.paths), self.width), -1, dtype=np.int64)
        for k, path in enumerate(self.paths):
            cut = path[:length]
            for y in range(self.width):
                table[k, y] = index.get((cut, self.first_year + y), -1)
        return table[self.path_of_row, self.years - self.first_year]


def _accumulate(result, nodes, cells, prefixes, years, masks_and_weights):
    """Add each node's masked weights into the cells its rows' prefixes fall in."""
    places = RowPlaces(prefixes, years)
    for length, index in _grouped_by_prefix(cells).items():
        cell_of = places.cells_of(length, index)
        valid = cell_of >= 0
        for node in nodes:
            mask, weights = masks_and_weights(node)
            take = valid & mask
            sums = np.bincount(cell_of[take], weights=weights[take], minlength=len(cells))
            target = result[item_key(node)]
            cells_here = np.fromiter(index.values(), dtype=np.int64)
            target[cells_here] = np.nan_to_num(target[cells_here]) + sums[cells_here]


def registry_values(nodes, cells: list[Cell]) -> dict:
    """Values of R{} and N{} items for every cell.

    One grouped query of the yearly reports by (deepest prefix, year, classification) gives a small
    cube; every item is a masked sum over it (numpy), rolled up to each requested level. Items that
    need dated designations/departments or institution names read the few institutions concerned."""
    result = {item_key(n): np.full(len(cells), np.nan) for n in nodes}
    if not nodes or not cells:
        return result
    for node in nodes:
        if isinstance(node, ex.RegistrySum) and node.measure not in RESOURCE_FIELDS:
            raise ItemError(f"R{{{node.measure}}}: unknown measure; use one of {', '.join(RESOURCE_FIELDS)}")
    for node in nodes:  # every cell starts at zero: no institution means none of anything
        result[item_key(node)][:] = 0
    years = sorted({c.year for c in cells})
    root = _common_root(c.division.path for c in cells)
    longest = max(len(c.division.path) for c in cells)
    scope = InstitutionYear.objects.filter(year__in=years).filter(
        subtree_filter("division_path", root) if root else Q()
    )
    plain = [n for n in nodes if not _needs_rows(n)]
    special = [n for n in nodes if _needs_rows(n)]
    measures = sorted({n.measure for n in nodes if isinstance(n, ex.RegistrySum)})
    seen_years: set = set()  # years with a report under the root (no query of their own)
    if plain:
        rows = _fetch(_registry_cube(years, root, longest, measures, scope))
        seen_years = {r[1] for r in rows}
        if rows:
            columns = _columns(rows, ATTRIBUTES, measures, offset=2)
            _accumulate(
                result,
                plain,
                cells,
                [r[0] for r in rows],
                np.array([r[1] for r in rows]),
                lambda node: (_attribute_mask(node.filters, columns), _weights(node, columns)),
            )
    if special:
        names = {v for n in special for f in n.filters if f.key == "name" for v in f.values}
        flag_filters = [f for n in special for f in n.filters if f.key in FLAG_KEYS]
        kinds_d = {v for f in flag_filters if f.key == "designation" for v in f.values}
        kinds_d |= {"emr_level" for f in flag_filters if f.key == "emr_level"}
        kinds_d |= {"smart_hospital" for f in flag_filters if f.key == "smart_stars"}
        kinds_p = {v for f in flag_filters if f.key == "department" for v in f.values}
        named = dict(Institution.objects.filter(name__in=names).values_list("id", "name"))
        designated = Designation.objects.filter(kind__in=kinds_d).values_list("institution_id", flat=True)
        with_department = Department.objects.filter(kind__in=kinds_p).values_list("institution_id", flat=True)
        columns_wanted = ("division_path", "year", "institution_id", *ATTRIBUTES, *measures)
        if root.count("/") >= 2:  # a city or smaller: its range of reports is small, filter it
            candidates = (
                Q(institution_id__in=designated)
                | Q(institution_id__in=with_department)
                | Q(institution_id__in=list(named))
            )
            rows = _fetch(scope.filter(candidates).values_list(*columns_wanted).order_by())
        else:  # a province: the candidates first (a few thousand ids), then their reports by id
            ordered = sorted(set(designated) | set(with_department) | set(named))
            rows = []
            for chunk in range(0, len(ordered), IN_CHUNK):
                rows += _fetch(
                    # no path range here: it would steer SQLite off the (institution, year) index
                    InstitutionYear.objects.filter(
                        year__in=years, institution_id__in=ordered[chunk : chunk + IN_CHUNK]
                    )
                    .values_list(*columns_wanted)
                    .order_by()
                )
        rows = [(*r[:3], named.get(r[2], ""), *r[3:]) for r in rows]
        if rows:
            columns = _columns(rows, ("name", *ATTRIBUTES), measures, offset=3, count=False)
            ids = np.array([r[2] for r in rows])
            year_array = np.array([r[1] for r in rows])
            flags = _flag_arrays(flag_filters, ids, year_array)
            _accumulate(
                result,
                special,
                cells,
                [r[0] for r in rows],
                year_array,
                lambda node: (_attribute_mask(node.filters, columns, flags), _weights(node, columns)),
            )
    # a year in which nothing under the cells' root is reported while other years are (one not yet
    # closed, or not yet begun) has no data: not zero of everything, which a scorecard would show as
    # "0 village clinics"; a root with no report in any year keeps its zeros (no institution, none of
    # anything). Read off the cube's rows: no query of its own.
    unreported = [y for y in years if y not in seen_years] if seen_years else []
    if unreported:
        missing = np.array([c.year in unreported for c in cells])
        for node in nodes:
            result[item_key(node)][missing] = np.nan
    return result


def _registry_cube(years, root: str, longest: int, measures, scope):
    """Sums by (path cut to `longest`, year, classification). At township depth or above the
    trigger-kept cube serves (no grouping at all at township depth); deeper, the yearly reports."""
    if longest > CUBE_PATH_LENGTH:
        source, count, path = scope, Count("id"), "division_path"
    else:
        source = ResourceCube.objects.filter(year__in=years).filter(
            subtree_filter("prefix", root) if root else Q()
        )
        if longest == CUBE_PATH_LENGTH:
            return source.values_list("prefix", "year", *ATTRIBUTES, "n", *measures)
        count, path = Sum("n"), "prefix"
    return (
        source.annotate(cut=Substr(path, 1, longest))
        .values_list("cut", "year", *ATTRIBUTES)
        .annotate(count=count, **{m: Sum(m) for m in measures})
        .order_by()
    )


# ids per IN (...) list: well under SQLite's limit on bound parameters
IN_CHUNK = 20_000


def _fetch(queryset) -> list[tuple]:
    """Rows of a values_list queryset straight from the cursor (these columns need no conversion)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _columns(rows, attributes, measures, offset: int, count: bool = True) -> dict:
    """Columns of the rows as arrays: attributes as small integer codes, measures as floats.

    Rows share few attribute combinations (a province has a few dozen), so each row's combination
    is looked up once and every attribute column is read off the table of combinations."""
    width = len(attributes)
    combinations: dict[tuple, int] = {}
    combination_of_row = np.fromiter(
        (combinations.setdefault(r[offset : offset + width], len(combinations)) for r in rows),
        dtype=np.int64,
        count=len(rows),
    )
    table = list(combinations)
    columns = {}
    for k, name in enumerate(attributes):
        if name == "level":
            per_combination = np.array([c[k] or 0 for c in table], dtype=np.int64)
        else:  # strings as integer codes: isin over ints is fast
            codes: dict[str, int] = {}
            per_combination = np.array(
                [codes.setdefault(c[k] or "", len(codes)) for c in table], dtype=np.int64
            )
            columns[f"{name}__values"] = codes
        columns[name] = per_combination[combination_of_row] if len(rows) else per_combination[:0]
    transposed = list(zip(*rows, strict=True)) if rows else []
    position = offset + width
    columns["__n"] = np.array(transposed[position], dtype=float) if count else np.ones(len(rows))
    position += 1 if count else 0
    for k, m in enumerate(measures):
        columns[m] = np.nan_to_num(np.array(transposed[position + k], dtype=float))
    return columns


def _weights(node, columns) -> np.ndarray:
    return columns[node.measure] if isinstance(node, ex.RegistrySum) else columns["__n"]


def population_values(nodes, cells: list[Cell]) -> dict:
    """P{} items: the shallowest level with rows under each division (no double counting).
    One grouped query at the deepest requested level, rolled up in numpy."""
    result = {item_key(n): np.full(len(cells), np.nan) for n in nodes}
    if not nodes or not cells:
        return result
    years = sorted({c.year for c in cells})
    root = _common_root(c.division.path for c in cells)
    longest = max(len(c.division.path) for c in cells)
    shortest = min(len(c.division.path) for c in cells)
    aggregates = {f"p{k}": Sum("count", filter=population_condition(n.filters)) for k, n in enumerate(nodes)}
    rows = _fetch(
        Population.objects.filter(year__in=years)
        .filter(subtree_filter("division__path", root) if root else Q())
        .annotate(prefix=Substr("division__path", 1, longest), depth=Length("division__path"))
        .filter(depth__gte=shortest)
        .values_list("prefix", "year", "depth")
        .annotate(**aggregates)
        .order_by()
    )
    if not rows:
        return result
    transposed = list(zip(*rows, strict=True))
    prefixes, row_years = transposed[0], np.array(transposed[1])
    depths = np.array(transposed[2])
    values = [np.array([v or 0 for v in transposed[3 + k]], dtype=float) for k in range(len(nodes))]
    places = RowPlaces(prefixes, row_years)
    for length, index in _grouped_by_prefix(cells).items():
        cell_of = places.cells_of(length, index)
        usable = (cell_of >= 0) & (depths >= length)
        # the shallowest depth with rows, per cell
        shallowest = np.full(len(cells), np.iinfo(np.int64).max)
        np.minimum.at(shallowest, cell_of[usable], depths[usable])
        take = usable.copy()
        take[usable] = depths[usable] == shallowest[cell_of[usable]]
        present = np.zeros(len(cells), dtype=bool)
        present[cell_of[take]] = True
        for k, node in enumerate(nodes):
            sums = np.bincount(cell_of[take], weights=values[k][take], minlength=len(cells))
            target = result[item_key(node)]
            target[present] = sums[present]
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
    # (code, option, year) -> {path: value} (own values) and {(ancestor path, depth): sum} (roll-ups)
    own: dict = defaultdict(dict)
    below: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    for (code, option, path, year), value in aggregated.items():
        own[(code, option, year)][path] = value
        if elements[code].additive:
            rolled = below[(code, option, year)]
            for cut in range(len(path) - 1, 0, -1):
                if path[cut - 1] == "/":
                    rolled[path[:cut]][len(path)] += value
    for node in nodes:
        element, option = elements[node.code], node.option or ""
        array = result[item_key(node)]
        for i, cell in enumerate(cells):
            key = (node.code, option, cell.year)
            if key not in own:
                continue
            value = own[key].get(cell.division.path)
            if value is None and element.additive:
                depths = below[key].get(cell.division.path)
                if depths:  # the sum over the shallowest level below with values
                    value = depths[min(depths)]
            if value is not None:
                array[i] = value
    return result
