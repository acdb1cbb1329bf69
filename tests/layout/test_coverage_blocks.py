"""Coverage and population spreading block by block (a province's grid is never copied whole) give
exactly what the whole-grid versions gave: the same persons in the same cells, the same sums. The
whole-grid versions are kept here, as they were, to compare with."""

import numpy as np
import pytest

from tixi.layout.engine import coverage
from tixi.layout.engine.coverage import ZoneCoverage, coverage_by_zone, spread_population


def old_zone_index(zone_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
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


def old_coverage_by_zone(
    seconds: np.ndarray,
    population: np.ndarray,
    zones: np.ndarray,
    zone_valid: np.ndarray | None = None,
    minutes=(15.0, 30.0, 60.0),
    edge: float = 1.0,
) -> ZoneCoverage:
    """Population per zone within each threshold.

    seconds: travel time, NaN or inf where unreachable; population: >= 0, same shape (checked by the
    caller); zones: integer ids; zone_valid: False on cells that belong to no zone.
    """
    thresholds = coverage.threshold_minutes(minutes, edge)
    seconds = np.asarray(seconds, dtype=np.float64).ravel()
    people = np.asarray(population, dtype=np.float64).ravel()
    zone_ids = np.asarray(zones).ravel()
    valid = np.ones(zone_ids.shape, bool) if zone_valid is None else np.asarray(zone_valid, bool).ravel()
    outside = float(people[~valid].sum())
    ids, index = old_zone_index(zone_ids[valid])
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


def old_spread_population(
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


def random_case(seed, rows=60, cols=70, zones=9, sparse=0.3):
    rng = np.random.default_rng(seed)
    zone_grid = rng.integers(0, zones + 1, (rows, cols))
    zone_grid[:, : cols // 3] = rng.integers(1, 4)  # a large zone
    valid = zone_grid > 0
    weights = rng.random((rows, cols)) * (rng.random((rows, cols)) < sparse)
    weights[zone_grid == 2] = 0.0  # a zone without settlements: spread evenly
    weights[rng.random((rows, cols)) < 0.2] = 0.5  # ties between equal fractions
    table = {z: int(rng.integers(0, 3_000)) for z in range(1, zones + 1)}
    table[zones + 7] = 0  # in the table, without cells and nobody to spread
    return zone_grid, valid, table, weights


@pytest.mark.parametrize("block", [1 << 21, 257, 1000])
@pytest.mark.parametrize("seed", range(6))
def test_spreading_by_blocks_equals_the_whole_grid(monkeypatch, seed, block):
    monkeypatch.setattr(coverage, "BLOCK", block)
    zone_grid, valid, table, weights = random_case(seed)
    expected = old_spread_population(zone_grid, valid, table, weights)
    got = spread_population(zone_grid, valid, table, weights)
    np.testing.assert_array_equal(got, expected)
    assert got.dtype == np.int64
    small = spread_population(zone_grid, valid, table, weights.astype(np.float32), dtype=np.int32)
    np.testing.assert_array_equal(
        small, old_spread_population(zone_grid, valid, table, weights.astype(np.float32))
    )
    assert small.dtype == np.int32
    everywhere = spread_population(zone_grid, None, table, weights)
    np.testing.assert_array_equal(
        everywhere, old_spread_population(zone_grid, np.ones_like(valid), table, weights)
    )


def test_spreading_by_blocks_keeps_the_bad_input_errors(monkeypatch):
    monkeypatch.setattr(coverage, "BLOCK", 7)
    zone_grid, valid, table, weights = random_case(1)
    with pytest.raises(KeyError, match="99"):
        spread_population(zone_grid, valid, {**table, 99: 5}, weights)
    weights[3, 4] = -1.0
    with pytest.raises(ValueError, match="weights"):
        spread_population(zone_grid, valid, table, weights)


@pytest.mark.parametrize("block", [1 << 21, 100, 333])
@pytest.mark.parametrize("seed", range(4))
def test_coverage_by_blocks_equals_the_whole_grid(monkeypatch, seed, block):
    monkeypatch.setattr(coverage, "BLOCK", block)
    zone_grid, valid, table, weights = random_case(seed)
    people = old_spread_population(zone_grid, valid, table, weights)
    rng = np.random.default_rng(seed)
    seconds = rng.uniform(0, 5_000, zone_grid.shape)
    seconds[rng.random(zone_grid.shape) < 0.1] = np.inf
    seconds[rng.random(zone_grid.shape) < 0.05] = np.nan
    seconds[0, :5] = [840.0, 900.0, 960.0, 3540.0, 3600.0]  # on the thresholds and their edges
    fractional = people * rng.uniform(0.5, 1.5, people.shape)  # non-integer persons: sums in cell order
    huge_ids = zone_grid * 10_000_019  # ids spanning a wide range: the other way of indexing
    for persons, ids, mask in (
        (people, zone_grid, valid),
        (fractional, zone_grid, valid),
        (people, zone_grid, None),
        (fractional, huge_ids, valid),
    ):
        got = coverage_by_zone(seconds, persons, ids, mask)
        expected = old_coverage_by_zone(seconds, persons, ids, mask)
        for name in ("zones", "total", "reachable", "minutes", "within"):
            np.testing.assert_array_equal(getattr(got, name), getattr(expected, name))
        assert got.outside_zones == pytest.approx(expected.outside_zones, rel=1e-12)
