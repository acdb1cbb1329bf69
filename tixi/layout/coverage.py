"""Population coverage per zone as one action: check every input, then count (nothing is written);
and the population grid spread from a zone table (written all or nothing).

Used by `tixi access coverage`; the engine's English msgids are translated here (Chinese by default).
"""

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.utils.translation import gettext_noop

from tixi.layout.engine.coverage import (
    DEFAULT_MINUTES,
    MAX_MINUTES,
    ZoneCoverage,
    coverage_by_zone,
    spread_population,
)
from tixi.layout.engine.rasters import (
    InputError,
    check_output,
    check_same_grid,
    first_bad_cell,
    read_csv_text,
    read_grid,
    write_population,
)
from tixi.layout.surface import SurfaceError, translated

ENGINE_MESSAGES = [
    gettext_noop(
        "The raster has %(rows)s x %(cols)s cells but --%(other)s has %(their_rows)s x %(their_cols)s; "
        "put both on the same grid."
    ),
    gettext_noop("The raster is in %(crs)s but --%(other)s is in %(their_crs)s; put both on the same grid."),
    gettext_noop(
        "The raster's origin or cell size differs from --%(other)s's (%(transform)s vs %(their_transform)s); "
        "put both on the same grid."
    ),
]
MINUTES_BAD = gettext_noop("%(value)r is not a list of minutes above 0 and at most 240, such as 15,30,60.")
TIME_NEGATIVE = gettext_noop(
    "Travel time is negative (%(value)s) at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); "
    "mark unreachable cells as nodata."
)
POPULATION_BAD = gettext_noop(
    "Population is %(value)s at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); "
    "it must be a number >= 0 (nodata for no people)."
)
ZONES_NOT_WHOLE = gettext_noop(
    "Zone id %(value)s at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s) is not a whole number."
)
ZONES_NONE = gettext_noop("The raster has no zone: every cell is nodata.")
NAMES_HEADER = gettext_noop("The CSV needs the header id,name; missing: %(missing)s.")
NAMES_ID = gettext_noop("Line %(line)s: id %(value)r is not a whole number.")
NAMES_DUPLICATE = gettext_noop("Line %(line)s: id %(value)s is also on line %(other)s.")
NAMES_UNKNOWN = gettext_noop(
    "%(count)s zone(s) of --zones have no name here: %(ids)s; list every zone id of the raster."
)


@dataclass(frozen=True)
class CoverageResult:
    coverage: ZoneCoverage
    names: dict[int, str]
    asked: list[float]  # the thresholds asked for (without their edges)


def parse_minutes(text: str | None) -> list[float]:
    if text is None:
        return list(DEFAULT_MINUTES)
    try:
        values = [float(part) for part in str(text).split(",") if part.strip()]
    except ValueError:
        values = []
    if not values or not all(math.isfinite(v) and 0 < v <= MAX_MINUTES for v in values):
        raise InputError("minutes", MINUTES_BAD, value=text)
    return sorted(set(values))


def whole_zone_ids(zone_grid) -> np.ndarray:
    """The zone raster's ids as whole numbers; a fractional id or a raster without zones is refused."""
    ids = zone_grid.values
    if not np.issubdtype(ids.dtype, np.integer):
        fractional = zone_grid.valid & ~(np.isfinite(ids) & (np.floor(ids) == ids))
        if fractional.any():
            where = first_bad_cell(fractional, zone_grid.transform)
            raise InputError("zones", ZONES_NOT_WHOLE, value=ids[where["row"], where["col"]], **where)
        ids = np.where(zone_grid.valid, ids, 0).astype(np.int64)
    if not zone_grid.valid.any():
        raise InputError("zones", ZONES_NONE)
    return ids


def id_rows(path: str | Path, field: str, value_column: str, header_problem: str):
    """(line, id, value text) of a CSV keyed by a whole-number `id` (UTF-8 or GBK); the file, its
    header, each id and duplicates are refused with the option and line named."""
    reader = csv.DictReader(io.StringIO(read_csv_text(path, field)))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [name for name in ("id", value_column) if name not in header]
    if missing:
        raise InputError(field, header_problem, missing=",".join(missing))
    reader.fieldnames = header
    lines: dict[int, int] = {}
    for line, record in enumerate(reader, start=2):
        try:
            ident = int((record["id"] or "").strip())
        except ValueError:
            raise InputError(field, NAMES_ID, line=line, value=record["id"]) from None
        if ident in lines:
            raise InputError(field, NAMES_DUPLICATE, line=line, value=ident, other=lines[ident])
        lines[ident] = line
        yield line, ident, record[value_column]


def read_zone_names(path: str | Path) -> dict[int, str]:
    return {
        ident: (name or "").strip()
        for _line, ident, name in id_rows(path, "zone-names", "name", NAMES_HEADER)
    }


def compute_coverage(
    time: str | Path,
    population: str | Path,
    zones: str | Path,
    zone_names: str | Path | None = None,
    minutes: str | None = None,
) -> CoverageResult:
    try:
        asked = parse_minutes(minutes)
        seconds_grid = read_grid(time, "time")
        people_grid = read_grid(population, "population")
        check_same_grid(seconds_grid, "time", people_grid, "population")
        zone_grid = read_grid(zones, "zones")
        check_same_grid(seconds_grid, "time", zone_grid, "zones")
        seconds = seconds_grid.values.astype(np.float64)
        negative = seconds_grid.valid & (seconds < 0)
        if negative.any():
            where = first_bad_cell(negative, seconds_grid.transform)
            raise InputError("time", TIME_NEGATIVE, value=seconds[where["row"], where["col"]], **where)
        seconds[~seconds_grid.valid] = np.nan  # nodata: unreachable
        people = people_grid.values.astype(np.float64)
        bad = people_grid.valid & ~(np.isfinite(people) & (people >= 0))
        if bad.any():
            where = first_bad_cell(bad, people_grid.transform)
            raise InputError("population", POPULATION_BAD, value=people[where["row"], where["col"]], **where)
        people[~people_grid.valid] = 0.0
        ids = whole_zone_ids(zone_grid)
        names = read_zone_names(zone_names) if zone_names else {}
        coverage = coverage_by_zone(seconds, people, ids, zone_grid.valid, asked)
        if zone_names:
            unknown = [int(z) for z in coverage.zones if int(z) not in names]
            if unknown:
                raise InputError(
                    "zone-names",
                    NAMES_UNKNOWN,
                    count=len(unknown),
                    ids=", ".join(str(z) for z in unknown[:10]) + (" ..." if len(unknown) > 10 else ""),
                )
    except InputError as error:
        raise SurfaceError(translated(error)) from error
    return CoverageResult(coverage, names, asked)


def persons(value: float):
    """Whole persons as an int; a fractional population (a modelled grid) keeps two decimals."""
    value = float(value)
    return int(value) if value.is_integer() else round(value, 2)


def minutes_key(value: float) -> str:
    return f"{value:g}"


def as_json(result: CoverageResult) -> dict:
    coverage = result.coverage
    share = coverage.share()
    keys = [minutes_key(m) for m in coverage.minutes]
    zones = []
    for i, zone in enumerate(coverage.zones):
        zones.append(
            {
                "zone": int(zone),
                "name": result.names.get(int(zone), ""),
                "population": persons(coverage.total[i]),
                "reachable": persons(coverage.reachable[i]),
                "within": {k: persons(coverage.within[i, j]) for j, k in enumerate(keys)},
                "share": {k: round(float(share[i, j]), 2) for j, k in enumerate(keys)},
            }
        )
    return {
        "minutes": [minutes_key(m) for m in result.asked],
        "columns": keys,  # with the +-1 minute edges
        "zones": zones,
        "population": persons(coverage.total.sum()),
        "within": {k: persons(coverage.within[:, j].sum()) for j, k in enumerate(keys)},
        "outside_zones": persons(coverage.outside_zones),
    }


TABLE_HEADER = gettext_noop("The CSV needs the header id,population; missing: %(missing)s.")
TABLE_PEOPLE = gettext_noop("Line %(line)s: population %(value)r is not a whole number >= 0.")
TABLE_UNKNOWN = gettext_noop(
    "%(count)s zone(s) of --zones are not in the table: %(ids)s; give every zone its population."
)
TABLE_NO_CELL = gettext_noop("%(count)s zone(s) of the table have no cell in --zones: %(ids)s.")
WEIGHTS_BAD = gettext_noop(
    "Weight is %(value)s at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); it must be a number >= 0."
)


def listed(ids: list[int]) -> str:
    return ", ".join(str(z) for z in ids[:10]) + (" ..." if len(ids) > 10 else "")


def read_population_table(path: str | Path) -> dict[int, int]:
    table = {}
    for line, ident, value in id_rows(path, "table", "population", TABLE_HEADER):
        try:
            people = int((value or "").strip())
        except ValueError:
            people = -1
        if people < 0:
            raise InputError("table", TABLE_PEOPLE, line=line, value=value)
        table[ident] = people
    return table


def build_population(zones: str | Path, table: str | Path, weights: str | Path, out: str | Path) -> dict:
    """Spread the table's population over --zones in proportion to --weights; write POP.tif (int32)."""
    try:
        out_path = check_output(out, "out", [Path(zones), Path(table), Path(weights)])
        zone_grid = read_grid(zones, "zones")
        weight_grid = read_grid(weights, "weights")
        check_same_grid(zone_grid, "zones", weight_grid, "weights")
        ids = whole_zone_ids(zone_grid)
        weight = weight_grid.values.astype(np.float64)
        bad = weight_grid.valid & ~(np.isfinite(weight) & (weight >= 0))
        if bad.any():
            where = first_bad_cell(bad, weight_grid.transform)
            raise InputError("weights", WEIGHTS_BAD, value=weight[where["row"], where["col"]], **where)
        weight[~weight_grid.valid] = 0.0
        people = read_population_table(table)
        present = [int(z) for z in np.unique(ids[zone_grid.valid])]
        unknown = [z for z in present if z not in people]
        if unknown:
            raise InputError("table", TABLE_UNKNOWN, count=len(unknown), ids=listed(unknown))
        try:
            grid = spread_population(ids, zone_grid.valid, people, weight)
        except KeyError as error:
            empty = error.args[0]
            raise InputError("table", TABLE_NO_CELL, count=len(empty), ids=listed(empty)) from None
        if grid.max(initial=0) > np.iinfo(np.int32).max:
            raise InputError("table", TABLE_PEOPLE, line="-", value=int(grid.max()))
    except InputError as error:
        raise SurfaceError(translated(error)) from error
    write_population(grid, zone_grid, out_path)
    return {"zones": len(present), "population": int(grid.sum()), "cells": int((grid > 0).sum())}
