"""The travel-time surface as one action: check every input, compute, then write (all or nothing).

Used by `tixi access surface`; the engine's English msgids are translated here (Chinese by default).
"""

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.utils.translation import gettext, gettext_noop

from tixi.layout.engine.landcover import landcover_friction, read_landcover, read_speed_table
from tixi.layout.engine.rasters import (
    MOTORIZED,
    WALKING,
    InputError,
    check_output,
    read_elevation,
    read_facilities,
    read_friction,
    write_friction,
    write_surfaces,
)
from tixi.layout.engine.roads import (
    burn_roads,
    outside,
    parse_speeds,
    read_roads,
    road_friction,
)
from tixi.layout.engine.travel import Tobler, Walk, travel_time

SLOPES = ("rwalk", "tobler")

WALK_PROBLEMS = {
    "numbers": ("walk-coeff", "Every parameter must be a finite number."),
    "signs": (
        "walk-coeff",
        "a must be > 0, b >= 0, d <= 0, lambda >= 0 and the slope factor < 0 (a move would cost less than nothing).",
    ),
    "descent": (
        "slope-factor",
        "a + c x slope factor must be > 0: a moderate descent would cost less than nothing.",
    ),
}


def walk_of(walk_coeff: str | None, lam: float | None, slope_factor: float | None) -> Walk:
    """r.walk's parameters as given on the command line (its defaults for the others), checked."""
    defaults = Walk()
    a, b, c, d = defaults.a, defaults.b, defaults.c, defaults.d
    if walk_coeff is not None:
        try:
            a, b, c, d = (float(v) for v in walk_coeff.split(","))
        except ValueError:
            raise InputError(
                "walk-coeff",
                "Give four numbers a,b,c,d (r.walk's walk_coeff), e.g. 0.72,6.0,1.9998,-1.9998.",
            ) from None
    walk = Walk(
        a,
        b,
        c,
        d,
        defaults.lam if lam is None else float(lam),
        defaults.slope_factor if slope_factor is None else float(slope_factor),
    )
    problem = walk.problem()
    if problem:
        raise InputError(*WALK_PROBLEMS[problem])
    return walk


# The engine's messages (it cannot import Django): listed so that makemessages extracts them.
ENGINE_MESSAGES = [
    gettext_noop("%(path)s does not exist."),
    gettext_noop("The file is %(size)s GB; the limit is %(limit)s GB."),
    gettext_noop("%(path)s is not a raster GDAL can read (GeoTIFF)."),
    gettext_noop(
        "The raster has %(cells)s cells and needs about %(need)s GB of memory; the limit is %(limit)s GB."
    ),
    gettext_noop("The raster has no coordinate reference system (CRS)."),
    gettext_noop(
        "The raster is in degrees (%(crs)s); friction is per metre: reproject it to a projected CRS in metres."
    ),
    gettext_noop("The raster is rotated; warp it north-up first."),
    gettext_noop(
        "Friction is NaN at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); mark barriers as nodata."
    ),
    gettext_noop(
        "Friction is infinite at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); mark barriers as nodata."
    ),
    gettext_noop("Friction is negative (%(value)s) at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s)."),
    gettext_noop("%(crs)s is not a coordinate reference system."),
    gettext_noop(
        "The facilities are in %(theirs)s but the raster is in %(ours)s; give them in the raster's CRS."
    ),
    gettext_noop("The CSV is neither UTF-8 nor GBK text."),
    gettext_noop("The CSV needs the header id,x,y; missing: %(missing)s."),
    gettext_noop("Line %(line)s: id %(value)r is not a whole number."),
    gettext_noop("Line %(line)s: id %(value)s is out of range."),
    gettext_noop("Line %(line)s: id %(value)s is also on line %(other)s."),
    gettext_noop("Line %(line)s: x and y must be numbers."),
    gettext_noop("Line %(line)s: facility %(id)s (x=%(x)s, y=%(y)s) is outside the raster."),
    gettext_noop("Line %(line)s: facility %(id)s (x=%(x)s, y=%(y)s) is on a barrier (nodata)."),
    gettext_noop("The CSV lists no facilities."),
    gettext_noop("The folder %(path)s does not exist."),
    gettext_noop("The output would overwrite an input file."),
    gettext_noop("Moves must be 8 or 16."),
    gettext_noop("The cap must be a positive number of minutes."),
    gettext_noop(
        "Elevation is not a number at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); mark gaps as nodata."
    ),
    gettext_noop(
        "The raster has %(rows)s x %(cols)s cells but --%(other)s has %(their_rows)s x %(their_cols)s; put both on the same grid."
    ),
    gettext_noop("The raster is in %(crs)s but --%(other)s is in %(their_crs)s; put both on the same grid."),
    gettext_noop(
        "The raster's origin or cell size differs from --%(other)s's (%(transform)s vs %(their_transform)s); put both on the same grid."
    ),
    gettext_noop("Line %(line)s: facility %(id)s is where --elevation has no data (a barrier)."),
    gettext_noop("%(part)s is not class=km/h with a speed above 0 and at most %(max)s."),
    gettext_noop("%(path)s is not GeoJSON (JSON text)."),
    gettext_noop("The GeoJSON must be a FeatureCollection."),
    gettext_noop("The roads are in %(theirs)s but the raster is in %(ours)s; give them in the raster's CRS."),
    gettext_noop("Feature %(number)s: a road must be a LineString or MultiLineString, not %(type)s."),
    gettext_noop("Feature %(number)s: the coordinates are not numbers."),
    gettext_noop(
        "Feature %(number)s: class %(kind)s has no speed; give --speeds %(kind)s=km/h or a speed property."
    ),
    gettext_noop("Feature %(number)s: speed %(speed)s is not above 0 and at most %(max)s km/h."),
    gettext_noop("The GeoJSON holds no roads."),
    gettext_noop("Feature %(number)s lies wholly outside the raster: are the roads in the raster's CRS?"),
    gettext_noop("--speeds is read only with --roads."),
    gettext_noop("Walking needs --elevation (a DEM on the friction's grid)."),
    gettext_noop("--elevation is used by walking only: add --walk."),
    gettext_noop("r.walk's parameters are read only with --walk."),
    gettext_noop("Give four numbers a,b,c,d (r.walk's walk_coeff), e.g. 0.72,6.0,1.9998,-1.9998."),
    gettext_noop("Every parameter must be a finite number."),
    gettext_noop(
        "a must be > 0, b >= 0, d <= 0, lambda >= 0 and the slope factor < 0 (a move would cost less than nothing)."
    ),
    gettext_noop("a + c x slope factor must be > 0: a moderate descent would cost less than nothing."),
    gettext_noop("--slope is read only with --walk."),
    gettext_noop("The slope pricing is rwalk or tobler."),
    gettext_noop("r.walk's parameters are read only with --slope rwalk."),
    gettext_noop("Give either --walking WALK.tif or --landcover LC.tif."),
    gettext_noop("--landcover needs --speeds TABLE.csv (class,label,speed)."),
    gettext_noop("--walking needs --roads ROADS.geojson."),
    gettext_noop("The table is empty; it needs the header class,speed (label optional)."),
    gettext_noop("Line 1: unknown column %(column)r; the columns are class, label, speed and mode."),
    gettext_noop(
        "Line %(line)s, column mode: %(value)r is not a travel mode; "
        "the modes are WALKING, BICYCLING and MOTORIZED."
    ),
    gettext_noop(
        "Line %(line)s, column mode: road class %(name)s is burnt as a driven road (MOTORIZED); "
        "give a footpath as a land-cover class."
    ),
    gettext_noop(
        "The mode band holds %(value)s at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s); "
        "the modes are 1 (WALKING), 2 (BICYCLING) and 3 (MOTORIZED)."
    ),
    gettext_noop("The table needs the columns class and speed; missing: %(missing)s."),
    gettext_noop("Line 1: a column is named twice."),
    gettext_noop("Line %(line)s has %(count)s fields but the header names %(columns)s columns."),
    gettext_noop("Line %(line)s: the class is empty."),
    gettext_noop("Line %(line)s: class %(name)s is also on line %(other)s."),
    gettext_noop("Line %(line)s: speed %(value)r is not a number of km/h (0 or barrier: impassable)."),
    gettext_noop("Line %(line)s: speed %(value)s is not between 0 (barrier) and %(max)s km/h."),
    gettext_noop("Line %(line)s: road class %(name)s needs a speed above 0."),
    gettext_noop("The table gives no land-cover class (a whole number)."),
    gettext_noop("The class at row %(row)s, column %(col)s (x=%(x)s, y=%(y)s) is not a whole number."),
    gettext_noop(
        "Class %(code)s of --landcover (first at row %(row)s, column %(col)s) has no row in the table."
    ),
]


class SurfaceError(ValueError):
    """A refused input, its message translated and prefixed with the option at fault."""


def translated(error: InputError) -> str:
    message = gettext(error.message)
    if error.params:
        message = message % error.params
    return f"--{error.field}: {message}"


@dataclass(frozen=True)
class SurfaceSummary:
    rows: int
    cols: int
    facilities: int
    reached: int
    barriers: int
    max_seconds: float
    seconds: float  # wall time of the computation


def compute_surface(
    friction: str | Path,
    facilities: str | Path,
    out: str | Path,
    nearest: str | Path | None = None,
    moves: int = 8,
    max_minutes: float | None = None,
    crs: str | None = None,
    max_bytes: int | None = None,
    walking: bool = False,
    elevation: str | Path | None = None,
    walk_coeff: str | None = None,
    lam: float | None = None,
    slope_factor: float | None = None,
    roads: str | Path | None = None,
    speeds: str | None = None,
    slope: str | None = None,
) -> SurfaceSummary:
    """With `walking`, moves are priced over `elevation` as GRASS r.walk prices them (r.walk's options),
    or with `slope="tobler"` by Tobler's hiking function over the friction's flat-ground speed; on the
    walked cells only: the friction's mode band (see rasters.MODES) and the `roads` burnt here mark
    the driven cells, whose time slope does not change."""
    try:
        if slope is not None and not walking:
            raise InputError("slope", "--slope is read only with --walk.")
        if slope is not None and slope not in SLOPES:
            raise InputError("slope", "The slope pricing is rwalk or tobler.")
        if slope == "tobler" and (walk_coeff, lam, slope_factor) != (None, None, None):
            raise InputError("slope", "r.walk's parameters are read only with --slope rwalk.")
        if walking and elevation is None:
            raise InputError("walk", "Walking needs --elevation (a DEM on the friction's grid).")
        if not walking and elevation is not None:
            raise InputError("elevation", "--elevation is used by walking only: add --walk.")
        if not walking and (walk_coeff, lam, slope_factor) != (None, None, None):
            raise InputError("walk", "r.walk's parameters are read only with --walk.")
        if not walking:
            walk = None
        elif slope == "tobler":
            walk = Tobler()
        else:
            walk = walk_of(walk_coeff, lam, slope_factor)
        if moves not in (8, 16):
            raise InputError("moves", "Moves must be 8 or 16.")
        if max_minutes is not None and not (max_minutes > 0 and np.isfinite(max_minutes)):
            raise InputError("max-minutes", "The cap must be a positive number of minutes.")
        inputs = [Path(friction), Path(facilities)] + [Path(p) for p in (elevation, roads) if p]
        time_path = check_output(out, "out", inputs)
        nearest_path = check_output(nearest, "nearest", inputs) if nearest else None
        if nearest_path is not None and nearest_path.resolve() == time_path.resolve():
            raise InputError("nearest", "The output would overwrite an input file.")
        if speeds is not None and roads is None:
            raise InputError("speeds", "--speeds is read only with --roads.")
        grid = read_friction(friction, max_bytes=max_bytes)
        if roads is not None:
            grid, _count = with_roads(grid, roads, speeds)
        sites = read_facilities(facilities, grid, crs=crs)
        heights = read_elevation(elevation, grid, max_bytes=max_bytes) if walking else None
        if heights is not None:
            check_facilities_on_ground(sites, heights)
    except InputError as error:
        raise SurfaceError(translated(error)) from error
    started = time.perf_counter()
    surface = travel_time(
        grid.values,
        grid.cell_x,
        grid.cell_y,
        sites.rows,
        sites.cols,
        sites.ids,
        moves=moves,
        max_seconds=None if max_minutes is None else max_minutes * 60.0,
        elevation=heights,
        walk=walk,
        padded=grid.padded,
        driven=grid.driven,
    )
    elapsed = time.perf_counter() - started
    write_surfaces(surface, grid, time_path, nearest_path)
    reached = surface.reached
    return SurfaceSummary(
        rows=grid.shape[0],
        cols=grid.shape[1],
        facilities=len(sites.ids),
        reached=int(reached.sum()),
        barriers=int((np.isnan(grid.values) | (np.isnan(heights) if heights is not None else False)).sum()),
        max_seconds=float(surface.seconds[reached].max()),
        seconds=elapsed,
    )


def check_facilities_on_ground(sites, heights: np.ndarray) -> None:
    """A facility where the DEM has no data stands on a barrier for walking: refused by its CSV line."""
    for line, ident, row, col in zip(sites.lines, sites.ids, sites.rows, sites.cols, strict=True):
        if np.isnan(heights[row, col]):
            raise InputError(
                "facilities",
                "Line %(line)s: facility %(id)s is where --elevation has no data (a barrier).",
                line=line,
                id=int(ident),
            )


def with_roads(grid, roads_path, speeds_text, table_speeds: dict[str, float] | None = None):
    """The friction with the roads burnt in (a copy of `grid` with new values), and how many roads.

    Road speeds by class: the defaults, overridden by `speeds_text` (class=km/h,...) or by
    `table_speeds` (a land-cover table's road rows)."""
    speeds = {**parse_speeds(speeds_text), **(table_speeds or {})}
    roads = read_roads(roads_path, grid.crs, speeds)
    stray = outside(roads, grid.shape, grid.transform)
    if stray is not None:
        raise InputError(
            "roads",
            "Feature %(number)s lies wholly outside the raster: are the roads in the raster's CRS?",
            number=stray,
        )
    index = burn_roads(roads, grid.shape, grid.transform)
    values = road_friction(grid.values, index, roads.speeds)
    # the roads' cells are driven (slope is not priced there), the others keep their mode
    modes = np.full(grid.shape, WALKING, np.uint8) if grid.modes is None else grid.modes.copy()
    modes[index > 0] = MOTORIZED
    merged = type(grid)(values, grid.transform, grid.crs, grid.cell_x, grid.cell_y, modes=modes)
    return merged, len(roads.speeds)


def build_friction(
    walking: str | Path | None,
    roads: str | Path | None,
    out: str | Path,
    speeds: str | None = None,
    landcover: str | Path | None = None,
) -> dict:
    """FRICTION.tif, all or nothing: off-road walking friction (`walking`, s/m) or land cover (`landcover`
    with `speeds` a table of km/h per class), with roads burnt in by class and speed."""
    try:
        if (walking is None) == (landcover is None):
            raise InputError("landcover", "Give either --walking WALK.tif or --landcover LC.tif.")
        if landcover is not None and speeds is None:
            raise InputError("speeds", "--landcover needs --speeds TABLE.csv (class,label,speed).")
        if walking is not None and roads is None:
            raise InputError("roads", "--walking needs --roads ROADS.geojson.")
        inputs = [Path(p) for p in (walking, roads, landcover) if p]
        if landcover is not None:
            inputs.append(Path(speeds))
        target = check_output(out, "out", inputs)
        table = None
        if landcover is not None:
            table = read_speed_table(speeds)
            grid = landcover_friction(read_landcover(landcover), table)
        else:
            grid = read_friction(walking)
        merged, count = grid, 0
        if roads is not None:
            if table is not None:
                merged, count = with_roads(grid, roads, None, table.roads)
            else:
                merged, count = with_roads(grid, roads, speeds)
    except InputError as error:
        raise SurfaceError(translated(error)) from error
    write_friction(merged, target)
    on_roads = ~np.isclose(merged.values, grid.values, equal_nan=True)
    driven = merged.driven
    return {
        "driven": 0 if driven is None else int(driven.sum()),
        "roads": count,
        "cells": int(on_roads.sum()),
        "bridges": int((on_roads & np.isnan(grid.values)).sum()),
        "barriers": int(np.isnan(merged.values).sum()),
        "classes": 0 if table is None else len(table.land),
    }
