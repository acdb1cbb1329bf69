"""A synthetic grid for a region of the registry (no Django): friction, township zones and population.

The demo's townships are rectangles (lon/lat boxes) and its institutions points; there is no land
cover or road data. So the friction is the synthetic surface of `synthetic.py` (walking 2-5 km/h,
straight roads, a river and lakes), labelled synthetic, on a local equirectangular projection in
metres; each township's population is spread over its cells in proportion to settlement weights
around the registry's points (villages' clinics, township centres), in whole persons.
"""

import math
from dataclasses import dataclass

import numpy as np

from tixi.layout.engine.coverage import spread_population
from tixi.layout.engine.synthetic import friction_surface

METRES_PER_DEGREE = 111_320.0
WALKING = 3.6 / 4.0  # s/m at 4 km/h: a facility's own cell is never a barrier


@dataclass
class RegionGrid:
    friction: np.ndarray  # s/m, NaN = barrier
    zones: np.ndarray  # int64 zone id per cell, 0 = none
    population: np.ndarray  # int64 persons per cell
    west: float
    north: float
    lat0: float
    cell: float  # metres

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

    def as_arrays(self) -> dict:
        return {
            "friction": self.friction,
            "zones": self.zones,
            "population": self.population,
            "frame": np.array([self.west, self.north, self.lat0, self.cell]),
        }

    @classmethod
    def from_arrays(cls, arrays) -> "RegionGrid":
        west, north, lat0, cell = (float(v) for v in arrays["frame"])
        return cls(arrays["friction"], arrays["zones"], arrays["population"], west, north, lat0, cell)


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
    grid = RegionGrid(
        friction_surface(rows, cols, seed), np.zeros((rows, cols), np.int64), None, west, north, lat0, cell
    )
    for zone, (w, s, e, n) in sorted(zone_boxes.items()):
        top, left = grid.cells_of([w], [n])
        bottom, right = grid.cells_of([e - 1e-9], [s + 1e-9])
        grid.zones[top[0] : bottom[0] + 1, left[0] : right[0] + 1] = zone
    weights = np.full((rows, cols), 0.02)  # scattered houses everywhere
    r, c = grid.cells_of(*settlements)
    np.add.at(weights, (r, c), 1.0)
    for dr in (-1, 0, 1):  # a settlement spills over its neighbours
        for dc in (-1, 0, 1):
            np.add.at(weights, (np.clip(r + dr, 0, rows - 1), np.clip(c + dc, 0, cols - 1)), 0.25)
    weights[np.isnan(grid.friction)] = 0.0  # nobody lives in the river
    present = set(np.unique(grid.zones[grid.zones > 0]).tolist())
    people = {z: n for z, n in zone_population.items() if z in present}
    grid.population = spread_population(grid.zones, grid.zones > 0, people, weights)
    return grid
