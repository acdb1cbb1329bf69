"""Population coverage per zone (township) from a travel-time raster, a population grid built from a
zone table, and a two-step floating catchment (2SFCA) supply/demand ratio.

Everything here is whole-array numpy: one pass of np.bincount over (zone, time band) pairs gives every
threshold at once, so a 16 M-cell grid takes about a second, not a Python loop over cells.
A cell is within M minutes when its travel time is <= M x 60 s; unreachable cells (NaN or inf) are
within no threshold but still count in the zone's total.
"""

from dataclasses import dataclass

import numpy as np

from tixi.layout.engine.fields import build_fields

DEFAULT_MINUTES = (15.0, 30.0, 60.0)
EDGE_MINUTES = 1.0  # each threshold is also reported at -1 and +1 minute (AccessMod's 59-vs-60 edge)


@dataclass(frozen=True)
class ZoneCoverage:
    zones: np.ndarray  # int64 zone ids, ascending
    total: np.ndarray  # population of each zone (float64)
    reachable: np.ndarray  # population reachable at all (finite travel time)
    minutes: np.ndarray  # the thresholds asked for, plus their +-1 minute edges, ascending
    within: np.ndarray  # (zones, minutes): population within each threshold
    outside_zones: float  # population on cells without a zone

    def share(self) -> np.ndarray:
        """Per cent of each zone's population within each threshold (0 for an empty zone)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            percent = 100.0 * self.within / self.total[:, None]
        return np.where(self.total[:, None] > 0, np.clip(percent, 0.0, 100.0), 0.0)

    def column(self, minutes: float) -> np.ndarray:
        return self.within[:, int(np.flatnonzero(self.minutes == minutes)[0])]


def threshold_minutes(minutes, edge: float = EDGE_MINUTES) -> np.ndarray:
    """The thresholds with their edges: 15, 30, 60 -> 14, 15, 16, 29, 30, 31, 59, 60, 61 (none below 0)."""
    asked = np.asarray(minutes, dtype=np.float64)
    with_edges = np.concatenate([asked - edge, asked, asked + edge]) if edge else asked
    return np.unique(with_edges[with_edges >= 0])


def zone_index(zone_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ids (ascending) and each cell's position among them, as np.unique(return_inverse)
    but without its sort of every cell when the ids span a modest range (township codes usually do)."""
    if zone_ids.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    low, high = int(zone_ids.min()), int(zone_ids.max())
    if high - low > max(4 * zone_ids.size, 1 << 20):
        return np.unique(zone_ids, return_inverse=True)
    offset = zone_ids.astype(np.int64) - low
    present = np.bincount(offset, minlength=high - low + 1) > 0
    position = np.cumsum(present) - 1
    return np.flatnonzero(present).astype(np.int64) + low, position[offset]


def coverage_by_zone(
    seconds: np.ndarray,
    population: np.ndarray,
    zones: np.ndarray,
    zone_valid: np.ndarray | None = None,
    minutes=DEFAULT_MINUTES,
    edge: float = EDGE_MINUTES,
) -> ZoneCoverage:
    """Population per zone within each threshold.

    seconds: travel time, NaN or inf where unreachable; population: >= 0, same shape (checked by the
    caller); zones: integer ids; zone_valid: False on cells that belong to no zone.
    """
    thresholds = threshold_minutes(minutes, edge)
    seconds = np.asarray(seconds, dtype=np.float64).ravel()
    people = np.asarray(population, dtype=np.float64).ravel()
    zone_ids = np.asarray(zones).ravel()
    valid = np.ones(zone_ids.shape, bool) if zone_valid is None else np.asarray(zone_valid, bool).ravel()
    outside = float(people[~valid].sum())
    ids, index = zone_index(zone_ids[valid])
    seconds, people = seconds[valid], people[valid]
    # band k: the first threshold a cell is within; len(thresholds) = reachable beyond them all,
    # len(thresholds) + 1 = unreachable. A cumulative sum over bands turns bands into "within".
    bands = np.searchsorted(thresholds * 60.0, seconds, side="left")
    bands[~np.isfinite(seconds)] = len(thresholds) + 1
    width = len(thresholds) + 2
    counts = np.bincount(index * width + bands, weights=people, minlength=len(ids) * width)
    cumulative = np.cumsum(counts.reshape(len(ids), width), axis=1)
    return ZoneCoverage(
        zones=ids.astype(np.int64),
        total=cumulative[:, -1],
        reachable=cumulative[:, -2],
        minutes=thresholds,
        within=cumulative[:, : len(thresholds)],
        outside_zones=outside,
    )


def spread_population(
    zones: np.ndarray, zone_valid: np.ndarray, zone_population: dict[int, int], weights: np.ndarray
) -> np.ndarray:
    """A grid of whole persons: each zone's population spread over its cells in proportion to weights.

    Largest-remainder rounding: every cell gets the floor of its exact share, and the persons left over
    go one each to the cells with the largest fractions, so each zone's total is exact and no cell is
    negative. A zone whose cells all weigh 0 (no settlement mapped) is spread evenly over its cells.
    Zones of the table without a cell raise KeyError (listing them); cells of zones not in the table get 0.
    """
    zone_ids = np.asarray(zones).ravel()
    valid = np.asarray(zone_valid, bool).ravel()
    weight = np.asarray(weights, dtype=np.float64).ravel()
    if (weight[valid] < 0).any() or not np.isfinite(weight[valid]).all():
        raise ValueError("weights must be finite and >= 0")
    table_ids = np.array(sorted(zone_population), dtype=np.int64)
    table_people = np.array([int(zone_population[z]) for z in table_ids], dtype=np.int64)
    if (table_people < 0).any():
        raise ValueError("a zone's population is negative")
    cells = np.flatnonzero(valid)
    position = np.searchsorted(table_ids, zone_ids[cells])
    position = np.minimum(position, max(len(table_ids) - 1, 0))
    known = (table_ids[position] == zone_ids[cells]) if len(table_ids) else np.zeros(len(cells), bool)
    cells, zone_of = cells[known], position[known]
    cell_count = np.bincount(zone_of, minlength=len(table_ids))
    empty = (cell_count == 0) & (table_people > 0)
    if empty.any():
        raise KeyError([int(z) for z in table_ids[empty]])
    w = weight[cells]
    zone_weight = np.bincount(zone_of, weights=w, minlength=len(table_ids))
    unweighted = zone_weight[zone_of] == 0
    w = np.where(unweighted, 1.0, w)
    zone_weight = np.bincount(zone_of, weights=w, minlength=len(table_ids))
    exact = table_people[zone_of] * (w / zone_weight[zone_of])
    base = np.floor(exact).astype(np.int64)
    left = table_people - np.bincount(zone_of, weights=base, minlength=len(table_ids)).astype(np.int64)
    if (left < 0).any():  # floating error on a share; cannot happen with exact = p x w / sum(w) <= p
        raise ArithmeticError("largest-remainder rounding overshot a zone's population")
    # rank the cells of each zone by their fraction, largest first (ties: the earlier cell); only
    # cells with a fraction can get one of the persons left over (left = the sum of fractions < their count)
    fraction = exact - base
    candidates = np.flatnonzero(fraction > 0)
    order = candidates[np.lexsort((candidates, -fraction[candidates], zone_of[candidates]))]
    per_zone = np.bincount(zone_of[candidates], minlength=len(table_ids))
    first_of_zone = np.concatenate([[0], np.cumsum(per_zone)[:-1]])
    rank = np.arange(len(order)) - first_of_zone[zone_of[order]]
    base[order[rank < left[zone_of[order]]]] += 1
    grid = np.zeros(zone_ids.shape, np.int64)
    grid[cells] = base
    return grid.reshape(np.shape(zones))


@dataclass(frozen=True)
class Catchments:
    ratio: np.ndarray  # per facility: supply / population within its catchment (NaN if none)
    demand: np.ndarray  # per facility: population within its catchment
    accessibility: np.ndarray  # per cell: sum of the ratios of the facilities within reach


def two_step_catchment(
    friction: np.ndarray,
    cell_x: float,
    cell_y: float,
    facility_rows,
    facility_cols,
    supply,
    population: np.ndarray,
    minutes: float,
    moves: int = 8,
) -> Catchments:
    """2SFCA (Luo & Wang 2003) with a hard catchment of `minutes`.

    Step 1: each facility's ratio R_j = supply_j / population within `minutes` of it.
    Step 2: each cell's accessibility = sum of R_j over the facilities within `minutes` of it.
    Travel times are symmetric here (isotropic r.cost moves), so "the cell within reach of j" and
    "j within reach of the cell" are the same set. Each facility's catchment is its own capped field
    (engine/fields.py), searched in a window around it that holds every cell within the cap, by
    several threads at once: the cost is the catchments', not facilities x the grid's.
    """
    people = np.asarray(population, dtype=np.float64)
    flat_people = people.ravel()
    cap = minutes * 60.0
    count = len(facility_rows)
    ratio = np.full(count, np.nan)
    demand = np.zeros(count)
    accessibility = np.zeros(people.shape)
    flat_access = accessibility.ravel()
    kept = build_fields(
        friction, cell_x, cell_y, facility_rows, facility_cols, range(count), cap, moves=moves
    )
    for j, catchment in enumerate(kept.fields):
        demand[j] = flat_people[catchment.cells].sum()
        if demand[j] > 0:
            ratio[j] = float(supply[j]) / demand[j]
            flat_access[catchment.cells] += ratio[j]
    return Catchments(ratio=ratio, demand=demand, accessibility=accessibility)
