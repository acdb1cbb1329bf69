"""A friction surface from land cover: a GeoTIFF of class codes and a table of speeds per class.

As AccessMod's travel scenario: each land-cover class has a flat-ground speed in km/h, its cells a
friction of 3.6 / speed seconds per metre; a class at speed 0 (or `barrier`) is impassable, and so is
the raster's nodata. The same table may give road classes by name (`primary`, `track`...) for the
roads burnt on top (see roads.py). Each class has a travel mode, as AccessMod's `mode` column:
WALKING, BICYCLING or MOTORIZED; slope prices the cells of the first two only (burnt roads are
MOTORIZED). AccessMod prices bicycling by a power model; here it is priced as walking (Tobler or
r.walk), the one difference.
"""

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tixi.layout.engine.rasters import (
    BICYCLING,
    MOTORIZED,
    WALKING,
    Friction,
    InputError,
    first_bad_cell,
    read_csv_text,
    read_grid,
)
from tixi.layout.engine.roads import MAX_SPEED

COLUMNS = ("class", "label", "speed", "mode")
BARRIER_WORDS = {"barrier", "障碍"}
# AccessMod's modes, in its words (any case) and in Chinese; an empty mode is walking
MODE_WORDS = {
    "walking": WALKING,
    "步行": WALKING,
    "bicycling": BICYCLING,
    "骑行": BICYCLING,
    "motorized": MOTORIZED,
    "机动": MOTORIZED,
}


@dataclass(frozen=True)
class SpeedTable:
    land: dict[int, float]  # km/h per land-cover class; 0 = barrier
    roads: dict[str, float]  # km/h per road class named in the table
    lines: dict[int, int]  # each land-cover class's CSV line, for messages
    modes: dict[int, int] | None = None  # travel mode per land-cover class (rasters.MODES), walking if absent


def read_speed_table(path: str | Path) -> SpeedTable:
    """`class,label,speed,mode` (label and mode optional): refused by line for an unknown column, a class
    given twice, a speed that is not a number, negative or above MAX_SPEED, a road class without a
    speed, a mode that is not WALKING, BICYCLING or MOTORIZED (步行, 骑行, 机动; empty: walking), a road
    class not driven (roads burnt with --roads are MOTORIZED; a footpath is a land-cover class)."""
    field = "speeds"
    rows = list(csv.reader(io.StringIO(read_csv_text(path, field))))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError(field, "The table is empty; it needs the header class,speed (label optional).")
    header = [name.strip().lower() for name in rows[0]]
    unknown = [name for name in header if name not in COLUMNS]
    if unknown:
        raise InputError(
            field,
            "Line 1: unknown column %(column)r; the columns are class, label, speed and mode.",
            column=unknown[0],
        )
    missing = [name for name in ("class", "speed") if name not in header]
    if missing:
        raise InputError(
            field,
            "The table needs the columns class and speed; missing: %(missing)s.",
            missing=", ".join(missing),
        )
    if len(set(header)) != len(header):
        raise InputError(field, "Line 1: a column is named twice.")
    land, roads, lines, seen, modes = {}, {}, {}, {}, {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) > len(header):
            raise InputError(
                field,
                "Line %(line)s has %(count)s fields but the header names %(columns)s columns.",
                line=line,
                count=len(row),
                columns=len(header),
            )
        values = dict(zip(header, (cell.strip() for cell in row), strict=False))
        name, text = values.get("class", ""), values.get("speed", "")
        if not name:
            raise InputError(field, "Line %(line)s: the class is empty.", line=line)
        if name in seen:
            raise InputError(
                field,
                "Line %(line)s: class %(name)s is also on line %(other)s.",
                line=line,
                name=name,
                other=seen[name],
            )
        seen[name] = line
        speed = 0.0 if text.lower() in BARRIER_WORDS else number_or_nan(text)
        if not math.isfinite(speed):
            raise InputError(
                field,
                "Line %(line)s: speed %(value)r is not a number of km/h (0 or barrier: impassable).",
                line=line,
                value=text,
            )
        if speed < 0 or speed > MAX_SPEED:
            raise InputError(
                field,
                "Line %(line)s: speed %(value)s is not between 0 (barrier) and %(max)s km/h.",
                line=line,
                value=text,
                max=f"{MAX_SPEED:g}",
            )
        written = values.get("mode", "")
        mode = MODE_WORDS.get(written.lower()) if written else WALKING
        if mode is None:
            raise InputError(
                field,
                "Line %(line)s, column mode: %(value)r is not a travel mode; "
                "the modes are WALKING, BICYCLING and MOTORIZED.",
                line=line,
                value=written,
            )
        code = whole_number(name)
        if code is None:  # a road class by name
            if speed == 0:
                raise InputError(
                    field,
                    "Line %(line)s: road class %(name)s needs a speed above 0.",
                    line=line,
                    name=name,
                )
            if written and mode != MOTORIZED:
                raise InputError(
                    field,
                    "Line %(line)s, column mode: road class %(name)s is burnt as a driven road (MOTORIZED); "
                    "give a footpath as a land-cover class.",
                    line=line,
                    name=name,
                )
            roads[name] = speed
        else:
            land[code] = speed
            lines[code] = line
            modes[code] = mode
    if not land:
        raise InputError(field, "The table gives no land-cover class (a whole number).")
    return SpeedTable(land, roads, lines, modes)


def number_or_nan(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan


def whole_number(text: str) -> int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if math.isfinite(value) and value == int(value) else None


def read_landcover(path: str | Path, max_bytes: int | None = None):
    """The class codes (int64) and where they are valid, as read; refused by name if unusable."""
    field = "landcover"
    grid = read_grid(path, field, max_bytes=max_bytes)
    if grid.crs is None:
        raise InputError(field, "The raster has no coordinate reference system (CRS).")
    if grid.crs.is_geographic:
        raise InputError(
            field,
            "The raster is in degrees (%(crs)s); friction is per metre: reproject it to a projected CRS in metres.",
            crs=grid.crs.to_string(),
        )
    if grid.transform.b != 0 or grid.transform.d != 0:
        raise InputError(field, "The raster is rotated; warp it north-up first.")
    values = np.asarray(grid.values, np.float64)
    fractional = grid.valid & ~(np.isfinite(values) & (values == np.round(values)))
    if fractional.any():
        raise InputError(
            field,
            "The class at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s) is not a whole number.",
            **first_bad_cell(fractional, grid.transform),
        )
    return grid


def landcover_friction(grid, table: SpeedTable) -> Friction:
    """Seconds per metre: 3.6 / speed of each cell's class; NaN (barrier) for speed 0 and nodata.

    A class in the raster that the table lacks is refused with its first cell."""
    codes = np.where(grid.valid, grid.values, 0).astype(np.int64)
    present = np.unique(codes[grid.valid])
    absent = [int(code) for code in present if int(code) not in table.land]
    if absent:
        raise InputError(
            "speeds",
            "Class %(code)s of --landcover (first at row %(row)s, column %(col)s) has no row in the table.",
            code=absent[0],
            **{
                k: v
                for k, v in first_bad_cell(grid.valid & (codes == absent[0]), grid.transform).items()
                if k in ("row", "col")
            },
        )
    lookup = np.array([table.land[int(code)] for code in present], np.float64)
    speed = np.zeros(codes.shape, np.float64)
    if present.size:
        speed[grid.valid] = lookup[np.searchsorted(present, codes[grid.valid])]
    friction = np.full(codes.shape, np.nan)
    moving = speed > 0
    friction[moving] = 3.6 / speed[moving]
    modes = np.full(codes.shape, WALKING, np.uint8)
    if present.size:
        table_modes = table.modes or {}
        mode_of = np.array([table_modes.get(int(code), WALKING) for code in present], np.uint8)
        modes[grid.valid] = mode_of[np.searchsorted(present, codes[grid.valid])]
    transform = grid.transform
    return Friction(friction, transform, grid.crs, abs(transform.a), abs(transform.e), modes=modes)
