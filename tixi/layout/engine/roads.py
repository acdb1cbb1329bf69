"""Roads into the friction surface: GeoJSON lines by class and speed, burnt onto the grid.

A road cell's friction is 3.6 / speed (km/h -> s/m); every other cell keeps its off-road walking
friction, so that one multi-source pass walks to the road, drives along it and walks from it. As in
AccessMod's merged land cover, a road laid over a barrier (a river) is a bridge, and where roads
cross the faster one wins. Each road keeps its index so that a closure reverts just its cells.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rasterio.crs import CRS
from rasterio.errors import CRSError
from rasterio.features import rasterize

from tixi.layout.engine.rasters import InputError, read_csv_text

# Default speeds (km/h) by class, as the AccessMod pipelines give OSM classes; a road's own
# `speed` property overrides its class.
DEFAULT_SPEEDS = {
    "motorway": 100.0,
    "trunk": 80.0,
    "primary": 70.0,
    "secondary": 50.0,
    "tertiary": 30.0,
    "residential": 15.0,
    "track": 10.0,
}
MAX_SPEED = 300.0


@dataclass(frozen=True)
class Roads:
    geometries: list  # GeoJSON line geometries in the raster's CRS
    bounds: np.ndarray  # west, south, east, north per road
    speeds: np.ndarray  # km/h per road
    names: list[str]  # a road's `id` property, else its position (1-based)


def parse_speeds(text: str | None) -> dict[str, float]:
    """`primary=70,secondary=50`: speeds by class on top of the defaults."""
    speeds = dict(DEFAULT_SPEEDS)
    if not text:
        return speeds
    for part in text.split(","):
        name, _, value = part.partition("=")
        try:
            speed = float(value)
        except ValueError:
            speed = math.nan
        if not name.strip() or not (0 < speed <= MAX_SPEED):
            raise InputError(
                "speeds",
                "%(part)s is not class=km/h with a speed above 0 and at most %(max)s.",
                part=part,
                max=f"{MAX_SPEED:g}",
            )
        speeds[name.strip()] = speed
    return speeds


def read_roads(path: str | Path, raster_crs: CRS, speeds: dict[str, float]) -> Roads:
    """LineString / MultiLineString features with a `class` (or a `speed` in km/h), refused by feature."""
    field = "roads"
    text = read_csv_text(path, field)  # UTF-8 or GBK text, as the CSVs
    try:
        data = json.loads(text)
    except ValueError:
        raise InputError(field, "%(path)s is not GeoJSON (JSON text).", path=str(path)) from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputError(field, "The GeoJSON must be a FeatureCollection.")
    declared = ((data.get("crs") or {}).get("properties") or {}).get("name")
    if declared:
        try:
            theirs = CRS.from_user_input(declared)
        except CRSError:
            raise InputError(field, "%(crs)s is not a coordinate reference system.", crs=declared) from None
        if theirs != raster_crs:
            raise InputError(
                field,
                "The roads are in %(theirs)s but the raster is in %(ours)s; give them in the raster's CRS.",
                theirs=theirs.to_string(),
                ours=raster_crs.to_string(),
            )
    geometries, bounds, road_speeds, names = [], [], [], []
    for number, feature in enumerate(data.get("features") or [], start=1):
        geometry = (feature or {}).get("geometry") or {}
        properties = (feature or {}).get("properties") or {}
        if geometry.get("type") not in ("LineString", "MultiLineString"):
            raise InputError(
                field,
                "Feature %(number)s: a road must be a LineString or MultiLineString, not %(type)s.",
                number=number,
                type=geometry.get("type") or "-",
            )
        points = coordinates_of(geometry)
        if points is None:
            raise InputError(field, "Feature %(number)s: the coordinates are not numbers.", number=number)
        speed = properties.get("speed")
        if speed is None:
            kind = properties.get("class")
            if kind not in speeds:
                raise InputError(
                    field,
                    "Feature %(number)s: class %(kind)s has no speed; give --speeds %(kind)s=km/h or a speed property.",
                    number=number,
                    kind=kind if kind is not None else "-",
                )
            speed = speeds[kind]
        if isinstance(speed, bool) or not isinstance(speed, (int, float)) or not (0 < speed <= MAX_SPEED):
            raise InputError(
                field,
                "Feature %(number)s: speed %(speed)s is not above 0 and at most %(max)s km/h.",
                number=number,
                speed=speed,
                max=f"{MAX_SPEED:g}",
            )
        geometries.append(geometry)
        bounds.append((*points.min(axis=0), *points.max(axis=0)))
        road_speeds.append(float(speed))
        names.append(str(properties.get("id", number)))
    if not geometries:
        raise InputError(field, "The GeoJSON holds no roads.")
    return Roads(geometries, np.array(bounds, np.float64), np.array(road_speeds), names)


def coordinates_of(geometry: dict) -> np.ndarray | None:
    """The (x, y) points of a LineString or MultiLineString (each part two points or more), or None."""
    parts = geometry.get("coordinates")
    if geometry.get("type") == "LineString":
        parts = [parts]
    if not isinstance(parts, list) or not parts:
        return None
    points = []
    for part in parts:
        if not isinstance(part, list) or len(part) < 2:
            return None
        for point in part:
            if not isinstance(point, list) or len(point) < 2:
                return None
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in point[:2]):
                return None
            points.append(point[:2])
    array = np.array(points, np.float64)
    return array if np.isfinite(array).all() else None


def burn_roads(roads: Roads, shape_: tuple[int, int], transform, closed=()) -> np.ndarray:
    """Index (1-based) of the fastest open road in each cell, 0 off the roads; every cell a line touches."""
    closed = set(closed)
    order = [i for i in np.argsort(roads.speeds, kind="stable") if i not in closed]  # the faster win
    if not order:
        return np.zeros(shape_, np.int32)
    index = rasterize(
        ((roads.geometries[i], int(i) + 1) for i in order),
        out_shape=shape_,
        transform=transform,
        fill=0,
        all_touched=True,
        dtype="int32",
    )
    return index


def road_friction(walking: np.ndarray, road_index: np.ndarray, speeds: np.ndarray) -> np.ndarray:
    """Seconds per metre: 3.6 / speed on the roads' cells (bridges over barriers), walking elsewhere."""
    friction = walking.copy()
    speed = np.concatenate([[0.0], speeds]).astype(np.float64)[road_index]
    on_road = speed > 0
    friction[on_road] = 3.6 / speed[on_road]
    return friction


def outside(roads: Roads, shape_: tuple[int, int], transform) -> int | None:
    """The 1-based number of the first road wholly outside the raster, or None."""
    rows, cols = shape_
    west, north = transform.c, transform.f
    east, south = transform @ (cols, rows)
    for number, (x0, y0, x1, y1) in enumerate(roads.bounds, start=1):
        if x1 < min(west, east) or x0 > max(west, east) or y1 < min(south, north) or y0 > max(south, north):
            return number
    return None
