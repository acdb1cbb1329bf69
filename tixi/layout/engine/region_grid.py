"""A synthetic grid for a region of the registry (no Django): friction, township zones and population.

The demo's townships are rectangles (lon/lat boxes) and its institutions points; there is no land
cover or road data. So the friction is the synthetic off-road surface of `synthetic.py` (walking
2-5 km/h, a river and lakes) with a synthetic road network burnt in as GeoJSON roads are (county
roads joining the township centres by a minimum spanning tree, a provincial road across), all
labelled synthetic, on a local equirectangular projection in metres; each township's population is spread over its cells in proportion to settlement weights
around the registry's points (villages' clinics, township centres), in whole persons.
"""

import math
from dataclasses import dataclass

import numpy as np
from rasterio.transform import Affine

from tixi.layout.engine.coverage import spread_population
from tixi.layout.engine.roads import Roads, burn_roads, road_friction
from tixi.layout.engine.synthetic import friction_surface

METRES_PER_DEGREE = 111_320.0
WALKING = 3.6 / 4.0  # s/m at 4 km/h: a facility's own cell is never a barrier
SYNTHETIC_SPEEDS = {"provincial": 60.0, "county": 40.0, "village": 25.0}  # km/h of the synthetic road classes


@dataclass
class RegionGrid:
    friction: np.ndarray  # s/m, NaN = barrier
    zones: np.ndarray  # int64 zone id per cell, 0 = none
    population: np.ndarray  # int64 persons per cell
    west: float
    north: float
    lat0: float
    cell: float  # metres
    walking: np.ndarray | None = None  # off-road s/m, NaN = barrier (the friction without roads)
    road_index: np.ndarray | None = None  # 1-based road burnt in each cell, 0 = none
    road_speeds: np.ndarray | None = None  # km/h per road

    @property
    def transform(self) -> Affine:
        """Local metres: x east of the west edge, y north of the north edge (negative inside)."""
        return Affine(self.cell, 0.0, 0.0, 0.0, -self.cell, 0.0)

    def friction_without(self, closed_roads=()) -> np.ndarray:
        """The friction with some roads closed (0-based), their cells walked again."""
        if self.road_index is None:
            return self.friction.copy()
        open_speeds = self.road_speeds.astype(np.float64).copy()
        open_speeds[list(closed_roads)] = 0.0
        return road_friction(self.walking, self.road_index, open_speeds)

    @property
    def shape(self) -> tuple[int, int]:
        return self.friction.shape

    def cells_of(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of each point (clipped to the grid)."""
        x = (np.asarray(lon, float) - self.west) * METRES_PER_DEGREE * math.cos(math.radians(self.lat0))
        y = (self.north - np.asarray(lat, float)) * METRES_PER_DEGREE
        rows = np.clip((y // self.cell).astype(np.int64), 0, self.shape[0] - 1)
        cols = np.clip((x // self.cell).astype(np.int64), 0, self.shape[1] - 1)
        return rows, cols

    def open_cells(self, rows, cols) -> None:
        """Facilities stand somewhere passable."""
        blocked = np.isnan(self.friction[rows, cols])
        self.friction[np.asarray(rows)[blocked], np.asarray(cols)[blocked]] = WALKING
        if self.walking is not None:
            off_road = np.isnan(self.walking[rows, cols])
            self.walking[np.asarray(rows)[off_road], np.asarray(cols)[off_road]] = WALKING

    def as_arrays(self) -> dict:
        return {
            "friction": self.friction,
            "zones": self.zones,
            "population": self.population,
            "frame": np.array([self.west, self.north, self.lat0, self.cell]),
            **(
                {"walking": self.walking, "road_index": self.road_index, "road_speeds": self.road_speeds}
                if self.road_index is not None
                else {}
            ),
        }

    @classmethod
    def from_arrays(cls, arrays) -> "RegionGrid":
        west, north, lat0, cell = (float(v) for v in arrays["frame"])
        roads = [arrays.get(k) for k in ("walking", "road_index", "road_speeds")]
        return cls(arrays["friction"], arrays["zones"], arrays["population"], west, north, lat0, cell, *roads)


class ZoneBox(tuple):
    """A zone's (west, south, east, north) that may carry its outline (`ring`, lon/lat pairs): zones
    are then filled by their shape, not their box (irregular shapes' boxes overlap)."""

    ring: list | None = None

    def __new__(cls, box, ring=None):
        made = super().__new__(cls, box)
        made.ring = ring
        return made


def fill_zone_shapes(grid: "RegionGrid", zone_boxes: dict) -> None:
    """Each cell whose centre lies inside a zone's outline belongs to it (rasterio's rasterize, cells
    outside every outline belong to none); zones without an outline keep their boxes."""
    from rasterio.features import rasterize

    shapes = []
    scale = METRES_PER_DEGREE * math.cos(math.radians(grid.lat0))
    for zone, box in sorted(zone_boxes.items()):
        ring = getattr(box, "ring", None)
        if ring is None:
            return
        local = [((lon - grid.west) * scale, -(grid.north - lat) * METRES_PER_DEGREE) for lon, lat in ring]
        shapes.append(({"type": "Polygon", "coordinates": [local]}, zone))
    if shapes:
        grid.zones = rasterize(shapes, out_shape=grid.shape, transform=grid.transform, fill=0, dtype="int64")


def cell_size(bbox, max_cells: int, smallest: float = 100.0) -> float:
    west, south, east, north = bbox
    lat0 = (south + north) / 2
    width = (east - west) * METRES_PER_DEGREE * math.cos(math.radians(lat0))
    height = (north - south) * METRES_PER_DEGREE
    return max(smallest, math.ceil(math.sqrt(width * height / max_cells) / 10) * 10)


def build_region_grid(
    bbox: tuple[float, float, float, float],
    zone_boxes: dict[int, tuple[float, float, float, float]],
    zone_population: dict[int, int],
    settlements: tuple[np.ndarray, np.ndarray],
    seed: int,
    max_cells: int = 200_000,
) -> RegionGrid:
    west, south, east, north = bbox
    lat0 = (south + north) / 2
    cell = cell_size(bbox, max_cells)
    width = (east - west) * METRES_PER_DEGREE * math.cos(math.radians(lat0))
    height = (north - south) * METRES_PER_DEGREE
    rows, cols = max(1, math.ceil(height / cell)), max(1, math.ceil(width / cell))
    walking = friction_surface(rows, cols, seed, roads=False)
    grid = RegionGrid(
        walking.copy(), np.zeros((rows, cols), np.int64), None, west, north, lat0, cell, walking
    )
    centres = []
    for zone, (w, s, e, n) in sorted(zone_boxes.items()):
        top, left = grid.cells_of([w], [n])
        bottom, right = grid.cells_of([e - 1e-9], [s + 1e-9])
        grid.zones[top[0] : bottom[0] + 1, left[0] : right[0] + 1] = zone
        centres.append(((left[0] + right[0] + 1) / 2 * cell, -(top[0] + bottom[0] + 1) / 2 * cell))
    r, c = grid.cells_of(*settlements)
    places = sorted(set(zip(r.tolist(), c.tolist(), strict=True)))[:MAX_SETTLEMENTS]
    villages = [((col + 0.5) * cell, -(row + 0.5) * cell) for row, col in places]
    roads = synthetic_roads(centres, rows, cols, cell, villages)
    grid.road_index = burn_roads(roads, (rows, cols), grid.transform)
    grid.road_speeds = roads.speeds
    grid.friction = road_friction(walking, grid.road_index, roads.speeds)
    weights = np.full((rows, cols), 0.02)  # scattered houses everywhere
    r, c = grid.cells_of(*settlements)
    np.add.at(weights, (r, c), 1.0)
    for dr in (-1, 0, 1):  # a settlement spills over its neighbours
        for dc in (-1, 0, 1):
            np.add.at(weights, (np.clip(r + dr, 0, rows - 1), np.clip(c + dc, 0, cols - 1)), 0.25)
    weights[np.isnan(grid.friction)] = 0.0  # nobody lives in the river
    fill_zone_shapes(grid, zone_boxes)
    present = set(np.unique(grid.zones[grid.zones > 0]).tolist())
    people = {z: n for z, n in zone_population.items() if z in present}
    grid.population = spread_population(grid.zones, grid.zones > 0, people, weights)
    return grid


MAX_SETTLEMENTS = 3000


def synthetic_roads(centres, rows: int, cols: int, cell: float, villages=()) -> Roads:
    """A minimum spanning tree (Prim's) over the township centres and the settlements (the registry's
    points): county roads between two centres, village roads to the settlements, and one provincial
    road across the middle, in the grid's local metres: a made-up network, labelled as such."""
    lines, speeds, names = [], [], []
    width, height = cols * cell, rows * cell
    across = [[0.0, -height * 0.45], [width * 0.5, -height * 0.55], [width, -height * 0.5]]
    lines.append({"type": "LineString", "coordinates": across})
    speeds.append(SYNTHETIC_SPEEDS["provincial"])
    names.append("provincial-1")
    points = np.array(list(centres) + list(villages), np.float64).reshape(-1, 2)
    is_centre = np.arange(len(points)) < len(centres)
    if len(points) > 1:
        joined = [0]
        best = np.hypot(*(points - points[0]).T)
        parent = np.zeros(len(points), np.int64)
        best[0] = np.inf
        for _ in range(len(points) - 1):
            nearest = int(np.argmin(best))
            a, b = points[parent[nearest]], points[nearest]
            lines.append({"type": "LineString", "coordinates": [a.tolist(), b.tolist()]})
            kind = "county" if is_centre[parent[nearest]] and is_centre[nearest] else "village"
            speeds.append(SYNTHETIC_SPEEDS[kind])
            names.append(f"{kind}-{len(names)}")
            joined.append(nearest)
            distance = np.hypot(*(points - b).T)
            closer = distance < best
            closer[joined] = False
            best = np.where(closer, distance, best)
            parent = np.where(closer, nearest, parent)
            best[joined] = np.inf
    bounds = np.array([[0.0, -height, width, 0.0]] * len(lines))
    return Roads(lines, bounds, np.array(speeds), names)
