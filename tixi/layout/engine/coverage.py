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
# The longest travel time a user may ask about: four hours, past every service circle the seeds name
# (15 minutes, 30 minutes, an hour); the cost search runs to the largest threshold, so an unbounded
# one (minutes=100000) ties a web worker up for minutes.
MAX_MINUTES = 240.0
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


BLOCK = 1 << 21  # cells per block: the work arrays are a block's, never the grid's (146 M cells)
FRACTION_BINS = 256  # a power of two: fraction x bins is exact, so the bins keep the fractions' order


def blocks(size: int):
    for start in range(0, size, BLOCK):
        yield start, min(size, start + BLOCK)


def carried_bincount(index, weights, totals: np.ndarray) -> np.ndarray:
    """np.bincount(index, weights) added to `totals` as if the previous blocks' cells came first in
    one bincount: the running totals enter first, so every bin is summed in cell order, the same
    floating-point sum as one bincount over the whole grid."""
    size = len(totals)
    return np.bincount(
        np.concatenate([np.arange(size), index]), np.concatenate([totals, weights]), minlength=size
    )


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


def distinct_zones(zone_ids: np.ndarray, valid: np.ndarray | None):
    """The distinct ids of the valid cells (ascending), block by block, and a function giving a
    block's cells their positions among them."""
    low, high, seen = None, None, []
    for start, stop in blocks(zone_ids.size):
        ids = zone_ids[start:stop] if valid is None else zone_ids[start:stop][valid[start:stop]]
        if ids.size:
            low = int(ids.min()) if low is None else min(low, int(ids.min()))
            high = int(ids.max()) if high is None else max(high, int(ids.max()))
    if low is None:
        return np.zeros(0, np.int64), lambda ids: np.zeros(0, np.int64)
    if high - low <= max(4 * zone_ids.size, 1 << 20):
        present = np.zeros(high - low + 1, bool)
        for start, stop in blocks(zone_ids.size):
            ids = zone_ids[start:stop] if valid is None else zone_ids[start:stop][valid[start:stop]]
            present[ids.astype(np.int64) - low] = True
        position = np.cumsum(present) - 1
        return np.flatnonzero(present).astype(np.int64) + low, lambda ids: position[
            ids.astype(np.int64) - low
        ]
    for start, stop in blocks(zone_ids.size):
        ids = zone_ids[start:stop] if valid is None else zone_ids[start:stop][valid[start:stop]]
        seen.append(np.unique(ids))
    distinct = np.unique(np.concatenate(seen)).astype(np.int64)
    return distinct, lambda ids: np.searchsorted(distinct, ids)


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
    caller); zones: integer ids; zone_valid: False on cells that belong to no zone. Counted block by
    block (a province's grid is never copied whole), each zone's sums in cell order.
    """
    thresholds = threshold_minutes(minutes, edge)
    seconds = np.asarray(seconds).ravel()
    people = np.asarray(population).ravel()
    zone_ids = np.asarray(zones).ravel()
    valid = None if zone_valid is None else np.asarray(zone_valid, bool).ravel()
    ids, index_of = distinct_zones(zone_ids, valid)
    # band k: the first threshold a cell is within; len(thresholds) = reachable beyond them all,
    # len(thresholds) + 1 = unreachable. A cumulative sum over bands turns bands into "within".
    width = len(thresholds) + 2
    counts = np.zeros(len(ids) * width)
    outside = np.zeros(1)
    for start, stop in blocks(zone_ids.size):
        time = seconds[start:stop].astype(np.float64)
        persons = people[start:stop].astype(np.float64)
        here = zone_ids[start:stop]
        if valid is not None:
            inside = valid[start:stop]
            outside = carried_bincount(np.zeros((~inside).sum(), np.int64), persons[~inside], outside)
            time, persons, here = time[inside], persons[inside], here[inside]
        bands = np.searchsorted(thresholds * 60.0, time, side="left")
        bands[~np.isfinite(time)] = len(thresholds) + 1
        counts = carried_bincount(index_of(here) * width + bands, persons, counts)
    cumulative = np.cumsum(counts.reshape(len(ids), width), axis=1)
    return ZoneCoverage(
        zones=ids.astype(np.int64),
        total=cumulative[:, -1],
        reachable=cumulative[:, -2],
        minutes=thresholds,
        within=cumulative[:, : len(thresholds)],
        outside_zones=float(outside[0]),
    )


def weighted_median_by_zone(
    values: np.ndarray, weights: np.ndarray, zones: np.ndarray, zone_ids
) -> np.ndarray:
    """Per zone of `zone_ids`: the value at or below which half the zone's weight lies (with values a
    distance and weights residents: the distance half the residents live within); NaN for a zone with
    no weight on a finite value."""
    values = np.asarray(values, float).ravel()
    weights = np.asarray(weights, float).ravel()
    zones = np.asarray(zones).ravel()
    keep = np.isfinite(values) & (weights > 0)
    medians = np.full(len(zone_ids), np.nan)
    for k, zone in enumerate(zone_ids):
        at = keep & (zones == zone)
        if not at.any():
            continue
        order = np.argsort(values[at], kind="stable")
        cumulative = np.cumsum(weights[at][order])
        medians[k] = values[at][order][np.searchsorted(cumulative, cumulative[-1] / 2)]
    return medians


def spread_population(
    zones: np.ndarray,
    zone_valid: np.ndarray | None,
    zone_population: dict[int, int],
    weights: np.ndarray,
    dtype=np.int64,
) -> np.ndarray:
    """A grid of whole persons: each zone's population spread over its cells in proportion to weights.

    Largest-remainder rounding: every cell gets the floor of its exact share, and the persons left over
    go one each to the cells with the largest fractions (ties: the earlier cell), so each zone's total
    is exact and no cell is negative. A zone whose cells all weigh 0 (no settlement mapped) is spread
    evenly over its cells. Zones of the table without a cell raise KeyError (listing them); cells of
    zones not in the table get 0. `zone_valid` None: every cell belongs to its zone.

    Done block by block, so that a province's grid needs the result and a block's work arrays, not a
    dozen arrays of the grid's size: sums per zone (weights, then floors) in cell order, a histogram
    of each zone's fractions to find the bin where its last person left over falls, and a final pass
    that gives one more to every cell above that bin and ranks only the cells inside it.
    """
    zone_ids = np.asarray(zones).ravel()
    valid = None if zone_valid is None else np.asarray(zone_valid, bool).ravel()  # None: every cell
    weight = np.asarray(weights).ravel()
    table_ids = np.array(sorted(zone_population), dtype=np.int64)
    table_people = np.array([int(zone_population[z]) for z in table_ids], dtype=np.int64)
    if (table_people < 0).any():
        raise ValueError("a zone's population is negative")
    count = len(table_ids)

    def known_cells(start, stop):
        """The block's valid cells of zones in the table, their zones' positions and weights."""
        cells = np.arange(start, stop) if valid is None else np.flatnonzero(valid[start:stop]) + start
        w = weight[cells].astype(np.float64)
        if (w < 0).any() or not np.isfinite(w).all():
            raise ValueError("weights must be finite and >= 0")
        if not count:
            return cells[:0], cells[:0], w[:0]
        position = np.minimum(np.searchsorted(table_ids, zone_ids[cells]), count - 1)
        known = table_ids[position] == zone_ids[cells]
        return cells[known], position[known], w[known]

    cell_count = np.zeros(count, np.int64)
    zone_weight = np.zeros(count)
    for start, stop in blocks(zone_ids.size):
        cells, zone_of, w = known_cells(start, stop)
        cell_count += np.bincount(zone_of, minlength=count)
        zone_weight = carried_bincount(zone_of, w, zone_weight)
    empty = (cell_count == 0) & (table_people > 0)
    if empty.any():
        raise KeyError([int(z) for z in table_ids[empty]])
    unweighted = zone_weight == 0  # spread evenly: every cell weighs 1
    even_weight = np.zeros(count)
    for start, stop in blocks(zone_ids.size):
        cells, zone_of, w = known_cells(start, stop)
        even_weight = carried_bincount(zone_of, np.where(unweighted[zone_of], 1.0, w), even_weight)
    zone_weight = even_weight

    def shares(start, stop):
        cells, zone_of, w = known_cells(start, stop)
        w = np.where(unweighted[zone_of], 1.0, w)
        exact = table_people[zone_of] * (w / zone_weight[zone_of])
        base = np.floor(exact)
        return cells, zone_of, base, exact - base

    grid = np.zeros(zone_ids.shape, dtype)
    floors = np.zeros(count)
    histogram = np.zeros(count * FRACTION_BINS, np.int64)
    for start, stop in blocks(zone_ids.size):
        cells, zone_of, base, fraction = shares(start, stop)
        grid[cells] = base.astype(dtype)
        floors = carried_bincount(zone_of, base, floors)
        some = fraction > 0  # only a cell with a fraction can get one of the persons left over
        bins = np.minimum((fraction[some] * FRACTION_BINS).astype(np.int64), FRACTION_BINS - 1)
        histogram += np.bincount(zone_of[some] * FRACTION_BINS + bins, minlength=count * FRACTION_BINS)
    left = table_people - floors.astype(np.int64)
    if (left < 0).any():  # floating error on a share; cannot happen with exact = p x w / sum(w) <= p
        raise ArithmeticError("largest-remainder rounding overshot a zone's population")
    # per zone, from the top bin down: the bin where the last person left over falls, and how many
    # of that bin's cells get one (the others above it all do)
    from_top = np.cumsum(histogram.reshape(count, FRACTION_BINS)[:, ::-1], axis=1)
    reaches = (from_top >= left[:, None]) & (left[:, None] > 0)
    found = reaches.any(axis=1)
    boundary = np.where(found, FRACTION_BINS - 1 - np.argmax(reaches, axis=1), FRACTION_BINS)
    above = np.where(
        found & (boundary < FRACTION_BINS - 1),
        from_top[np.arange(count), np.clip(FRACTION_BINS - 2 - boundary, 0, FRACTION_BINS - 1)],
        0,
    )
    needed = left - above
    ties_cells, ties_zone, ties_fraction = [], [], []
    for start, stop in blocks(zone_ids.size):
        cells, zone_of, _base, fraction = shares(start, stop)
        some = fraction > 0
        cells, zone_of, fraction = cells[some], zone_of[some], fraction[some]
        bins = np.minimum((fraction * FRACTION_BINS).astype(np.int64), FRACTION_BINS - 1)
        grid[cells[bins > boundary[zone_of]]] += 1
        at = bins == boundary[zone_of]
        ties_cells.append(cells[at])
        ties_zone.append(zone_of[at])
        ties_fraction.append(fraction[at])
    cells, zone_of, fraction = (np.concatenate(a) for a in (ties_cells, ties_zone, ties_fraction))
    order = np.lexsort((cells, -fraction, zone_of))
    per_zone = np.bincount(zone_of, minlength=count)
    first_of_zone = np.concatenate([[0], np.cumsum(per_zone)[:-1]])
    rank = np.arange(len(order)) - first_of_zone[zone_of[order]]
    grid[cells[order[rank < needed[zone_of[order]]]]] += 1
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
    **travel,
) -> Catchments:
    """2SFCA (Luo & Wang 2003) with a hard catchment of `minutes`.

    Step 1: each facility's ratio R_j = supply_j / population within `minutes` of it.
    Step 2: each cell's accessibility = sum of R_j over the facilities within `minutes` of it.
    Isotropic moves are symmetric, so "the cell within reach of j" and "j within reach of the cell"
    are the same set; with slope (`travel`: elevation, walk, driven, passed to the fields) the caller
    gives the terrain mirrored (see RegionGrid.travel) so that each field holds the times walked
    toward the facility. Each facility's catchment is its own capped field
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
        friction, cell_x, cell_y, facility_rows, facility_cols, range(count), cap, moves=moves, **travel
    )
    for j, catchment in enumerate(kept.fields):
        demand[j] = flat_people[catchment.cells].sum()
        if demand[j] > 0:
            ratio[j] = float(supply[j]) / demand[j]
            flat_access[catchment.cells] += ratio[j]
    return Catchments(ratio=ratio, demand=demand, accessibility=accessibility)
