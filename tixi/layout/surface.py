"""The travel-time surface as one action: check every input, compute, then write (all or nothing).

Used by `tixi access surface`; the engine's English msgids are translated here (Chinese by default).
"""

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from django.utils.translation import gettext, gettext_noop

from tixi.layout.engine.rasters import (
    InputError,
    check_output,
    read_facilities,
    read_friction,
    write_surfaces,
)
from tixi.layout.engine.travel import travel_time

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
) -> SurfaceSummary:
    try:
        if moves not in (8, 16):
            raise InputError("moves", "Moves must be 8 or 16.")
        if max_minutes is not None and not (max_minutes > 0 and np.isfinite(max_minutes)):
            raise InputError("max-minutes", "The cap must be a positive number of minutes.")
        inputs = [Path(friction), Path(facilities)]
        time_path = check_output(out, "out", inputs)
        nearest_path = check_output(nearest, "nearest", inputs) if nearest else None
        if nearest_path is not None and nearest_path.resolve() == time_path.resolve():
            raise InputError("nearest", "The output would overwrite an input file.")
        grid = read_friction(friction, max_bytes=max_bytes)
        sites = read_facilities(facilities, grid, crs=crs)
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
    )
    elapsed = time.perf_counter() - started
    write_surfaces(surface, grid, time_path, nearest_path)
    reached = surface.reached
    return SurfaceSummary(
        rows=grid.shape[0],
        cols=grid.shape[1],
        facilities=len(sites.ids),
        reached=int(reached.sum()),
        barriers=int(np.isnan(grid.values).sum()),
        max_seconds=float(surface.seconds[reached].max()),
        seconds=elapsed,
    )
