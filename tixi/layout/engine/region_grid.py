"""A synthetic grid for a region of the registry (no Django): friction, township zones and population.

The demo's townships are rectangles (lon/lat boxes) and its institutions points; there is no land
cover, road or elevation data. So the friction is the synthetic off-road surface of `synthetic.py`
(walking 2-5 km/h, a river and lakes) with a synthetic road network burnt in as GeoJSON roads are
(county roads joining the township centres by a minimum spanning tree, a provincial road across),
over a synthetic elevation in the place's real range (`terrain.py`: walking priced by Tobler's
function, the roads' cells driven at their speed whatever the slope), all labelled synthetic, on a local equirectangular projection in metres; each township's population is spread over its cells in proportion to settlement weights
around the registry's points (villages' clinics, township centres), in whole persons.
"""

import math
from dataclasses import dataclass

import numpy as np
from rasterio.transform import Affine

from tixi.layout.engine.coverage import spread_population
from tixi.layout.engine.roads import Roads, burn_roads, road_friction
from tixi.layout.engine.synthetic import friction_surface
from tixi.layout.engine.terrain import synthetic_elevation
from tixi.layout.engine.travel import Tobler

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
    elevation: np.ndarray | None = None  # metres (synthetic, engine/terrain.py); None: flat, no slope

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

    def driven_without(self, closed_roads=()) -> np.ndarray | None:
        """The cells driven (on an open road): slope is not priced there; None without roads."""
        if self.road_index is None:
            return None
        open_roads = np.concatenate([[False], np.ones(len(self.road_speeds), bool)])
        open_roads[np.asarray(list(closed_roads), np.int64) + 1] = False
        return open_roads[self.road_index]

    def travel(self, closed_roads=()) -> dict:
        """The options of travel_time / build_fields for walking over the terrain: Tobler's function
        on the walked cells, roads driven at their speed whatever the slope ({} on flat ground).

        The search runs outward from the facilities, but people walk toward them: the terrain is
        given mirrored (heights negated), so that each move is priced as walked the other way, which
        makes every time the time to reach the facility (a village above a health centre walks
        down to it)."""
        if self.elevation is None:
            return {}
        return {"elevation": -self.elevation, "walk": Tobler(), "driven": self.driven_without(closed_roads)}

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
            **({"elevation": self.elevation} if self.elevation is not None else {}),
        }

    @classmethod
    def from_arrays(cls, arrays) -> "RegionGrid":
        west, north, lat0, cell = (float(v) for v in arrays["frame"])
        roads = [arrays.get(k) for k in ("walking", "road_index", "road_speeds", "elevation")]
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
    hubs: dict | None = None,
    seat: tuple[float, float] | None = None,
    relief: tuple[float, float, float] | None = None,
) -> RegionGrid:
    """`hubs`: a (lon, lat) per zone where its township centre stands (else its box's middle);
    `seat`: the county seat (lon, lat), where the provincial road passes and county roads meet;
    `relief`: the place's (lowest, typical, highest) metres (terrain.RELIEF): a synthetic elevation
    with its valley along the river and the centres on level ground, walked by Tobler's function
    (see RegionGrid.travel); None: flat ground."""
    west, south, east, north = bbox
    lat0 = (south + north) / 2
    cell = cell_size(bbox, max_cells)
    width = (east - west) * METRES_PER_DEGREE * math.cos(math.radians(lat0))
    height = (north - south) * METRES_PER_DEGREE
    rows, cols = max(1, math.ceil(height / cell)), max(1, math.ceil(width / cell))
    walking, river = friction_surface(rows, cols, seed, roads=False, with_river=True)
    grid = RegionGrid(
        walking.copy(), np.zeros((rows, cols), np.int64), None, west, north, lat0, cell, walking
    )
    centres = []
    for zone, (w, s, e, n) in sorted(zone_boxes.items()):
        top, left = grid.cells_of([w], [n])
        bottom, right = grid.cells_of([e - 1e-9], [s + 1e-9])
        grid.zones[top[0] : bottom[0] + 1, left[0] : right[0] + 1] = zone
        if hubs and zone in hubs:
            row, col = (int(v[0]) for v in grid.cells_of([hubs[zone][0]], [hubs[zone][1]]))
            centres.append(((col + 0.5) * cell, -(row + 0.5) * cell))
        else:
            centres.append(((left[0] + right[0] + 1) / 2 * cell, -(top[0] + bottom[0] + 1) / 2 * cell))
    r, c = grid.cells_of(*settlements)
    places = sorted(set(zip(r.tolist(), c.tolist(), strict=True)))[:MAX_SETTLEMENTS]
    villages = [((col + 0.5) * cell, -(row + 0.5) * cell) for row, col in places]
    at_seat = None
    if seat is not None:
        row, col = (int(v[0]) for v in grid.cells_of([seat[0]], [seat[1]]))
        at_seat = ((col + 0.5) * cell, -(row + 0.5) * cell)
    roads = synthetic_roads(centres, rows, cols, cell, villages, seed, at_seat)
    grid.road_index = burn_roads(roads, (rows, cols), grid.transform)
    grid.road_speeds = roads.speeds
    grid.friction = road_friction(walking, grid.road_index, roads.speeds)
    if relief is not None:
        main = np.array([not name.startswith("village") for name in roads.names] or [False])
        main_roads = (grid.road_index > 0) & np.concatenate([[False], main])[grid.road_index]
        grid.elevation = region_elevation(grid, seed, relief, river, centres, at_seat, main_roads)
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


def region_elevation(
    grid: RegionGrid, seed: int, relief, river, centres, seat, main_roads=None
) -> np.ndarray:
    """The synthetic elevation, the township centres and the seat (local metres) on level ground, the
    provincial and county roads (`main_roads`, cells) in side valleys."""

    def cell_of(point):
        x, y = point
        return (
            min(grid.shape[0] - 1, max(0, int(-y // grid.cell))),
            min(grid.shape[1] - 1, max(0, int(x // grid.cell))),
        )

    towns = [cell_of(point) for point in centres]
    return synthetic_elevation(
        *grid.shape,
        grid.cell,
        seed,
        relief,
        river,
        towns=towns,
        seat=cell_of(seat) if seat is not None else None,
        roads=main_roads,
    )


def synthetic_roads(
    centres, rows: int, cols: int, cell: float, villages=(), seed: int = 0, seat=None
) -> Roads:
    """A made-up network in the grid's local metres, labelled as such, in three classes, laid out as
    a Chinese county's roads are:

    - provincial (and national) roads between county seats: one along the region's longer side
      through the county seat (`seat`, else the middle), and one across it through the seat, so
      that the seat is the crossing of four arms towards the neighbouring seats;
    - county roads (县道), which join the county seat and the township centres: a minimum spanning
      tree over them (Prim's), plus a direct road from the seat to each centre that the tree reaches
      only by a detour of more than DETOUR x the straight line (nearest first), so that every
      township seat is on a county road to the county seat;
    - village roads from each settlement (the registry's points) and from the village groups'
      hamlets (`hamlets`: 村民小组 on a lattice, which the registry does not hold) to the nearest of
      the centres and the places already joined (Prim's again, started from every centre at once):
      the 村村通 and 组组通 hardened roads that reach every village and nearly every group.

    Every road bends at a point beside its middle (a fixed seed) so that it is not a ruler line."""
    rng = np.random.default_rng(seed)
    lines, speeds, names = [], [], []
    width, height = cols * cell, rows * cell

    def add(kind: str, a, b) -> None:
        a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
        along = b - a
        across = np.array([-along[1], along[0]])
        middle = (a + b) / 2 + across * rng.uniform(-0.12, 0.12)
        middle = np.clip(middle, [0.0, -height], [width, 0.0])
        lines.append({"type": "LineString", "coordinates": [a.tolist(), middle.tolist(), b.tolist()]})
        speeds.append(SYNTHETIC_SPEEDS[kind])
        names.append(f"{kind}-{len(names) + 1}")

    middle = np.array(seat if seat is not None else (width * 0.5, -height * 0.5), np.float64)
    if width >= height:
        ends = [[0.0, -height * 0.5], [width, -height * 0.5]]
    else:
        ends = [[width * 0.5, 0.0], [width * 0.5, -height]]
    add("provincial", ends[0], middle)
    add("provincial", middle, ends[1])
    across = (
        [[middle[0], 0.0], [middle[0], -height]]
        if width >= height
        else [[0.0, middle[1]], [width, middle[1]]]
    )
    add("provincial", across[0], middle)
    add("provincial", middle, across[1])
    hubs = np.array(([seat] if seat is not None else []) + list(centres), np.float64).reshape(-1, 2)
    tree = spanning_tree(hubs)
    for i, j in tree:
        add("county", hubs[i], hubs[j])
    if seat is not None and len(hubs) > 2:
        for i, j in shortcuts_from_seat(hubs, tree):
            add("county", hubs[i], hubs[j])
    places = np.array(list(villages), np.float64).reshape(-1, 2)
    places = np.vstack([places, hamlets(hubs, places, width, height, seed)])
    if len(places) and len(hubs):
        best = np.full(len(places), np.inf)
        nearest = np.zeros(len(places), np.int64)  # index into hubs + places: the joined point it is nearest
        for h, hub in enumerate(hubs):
            distance = np.hypot(*(places - hub).T)
            closer = distance < best
            best[closer], nearest[closer] = distance[closer], h
        joined = np.zeros(len(places), bool)
        everything = np.vstack([hubs, places])
        for _ in range(len(places)):
            j = int(np.argmin(np.where(joined, np.inf, best)))
            joined[j] = True
            if best[j] > 0:
                add("village", everything[nearest[j]], places[j])
            distance = np.hypot(*(places - places[j]).T)
            closer = (distance < best) & ~joined
            best[closer], nearest[closer] = distance[closer], len(hubs) + j
    bounds = np.array([[0.0, -height, width, 0.0]] * len(lines))
    return Roads(lines, bounds, np.array(speeds), names)


DETOUR = 1.3  # a county road straight from the seat where the tree's way is longer than this x the line
# 组组通: the village groups' (村民小组) hamlets, a few hundred people each, about one per 2 km² of a
# hill county: on a lattice of this spacing (m), jittered; a lattice point farther than HAMLET_REACH
# from every centre and settlement is outside the county (the grid is the county's box)
HAMLET_SPACING = 1500.0
HAMLET_REACH = 5000.0


def hamlets(hubs: np.ndarray, places: np.ndarray, width: float, height: float, seed: int) -> np.ndarray:
    """The village groups' hamlets that village roads reach besides the registry's settlements: a
    jittered lattice over the grid, kept where a centre or settlement is within HAMLET_REACH."""
    known = np.vstack([hubs.reshape(-1, 2), places.reshape(-1, 2)])
    if not len(known):
        return np.zeros((0, 2))
    rng = np.random.default_rng([seed, 7])
    xs = np.arange(HAMLET_SPACING / 2, width, HAMLET_SPACING)
    ys = -np.arange(HAMLET_SPACING / 2, height, HAMLET_SPACING)
    lattice = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
    lattice = lattice + rng.uniform(-0.35, 0.35, lattice.shape) * HAMLET_SPACING
    lattice = np.clip(lattice, [0.0, -height], [width, 0.0])
    from scipy.spatial import cKDTree

    distance, _ = cKDTree(known).query(lattice)
    return lattice[distance <= HAMLET_REACH]


def shortcuts_from_seat(hubs: np.ndarray, tree) -> list[tuple[int, int]]:
    """Direct roads from the seat (hub 0) to the centres the network reaches only by a long detour,
    nearest first, each added road shortening the ways to the others."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    count = len(hubs)
    edges = list(tree)
    straight = np.hypot(*(hubs - hubs[0]).T)
    added = []
    for target in np.argsort(straight)[1:]:
        i, j = np.array(edges).T
        lengths = np.hypot(*(hubs[i] - hubs[j]).T)
        graph = csr_matrix((lengths, (i, j)), shape=(count, count))
        way = dijkstra(graph, directed=False, indices=0)
        if way[target] > DETOUR * straight[target]:
            edges.append((0, int(target)))
            added.append((0, int(target)))
    return added


def spanning_tree(points: np.ndarray) -> list[tuple[int, int]]:
    """Prim's minimum spanning tree over the points (straight-line lengths), as (parent, child) edges."""
    if len(points) < 2:
        return []
    best = np.hypot(*(points - points[0]).T)
    parent = np.zeros(len(points), np.int64)
    joined = np.zeros(len(points), bool)
    joined[0] = True
    edges = []
    for _ in range(len(points) - 1):
        j = int(np.argmin(np.where(joined, np.inf, best)))
        joined[j] = True
        edges.append((int(parent[j]), j))
        distance = np.hypot(*(points - points[j]).T)
        closer = (distance < best) & ~joined
        best[closer], parent[closer] = distance[closer], j
    return edges
