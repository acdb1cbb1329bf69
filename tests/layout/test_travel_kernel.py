"""The bucket-queue search against a plain heap Dijkstra written here in Python, to the last bit.

Every cell's time is the least floating-point sum over all paths, whatever order the cells are
expanded in, so the fast kernel (buckets, row order, bands searched by threads) must give exactly the
numbers of the textbook algorithm with the same arithmetic; and on an exact tie the facility listed
first wins, so the labels are exact too. Friction drawn from a few values makes ties common.
"""

import heapq
import math

import numpy as np
import pytest

from tixi.layout.engine import synthetic, travel
from tixi.layout.engine.fields import build_fields
from tixi.layout.engine.travel import NEAREST_NODATA, Walk, move_table, travel_time


def heap_dijkstra(friction, cell_x, cell_y, rows, cols, ids, moves, cap=math.inf, elevation=None, walk=None):
    """Textbook Dijkstra with heapq, r.cost's moves and r.walk's prices, the same float operations."""
    height, width = friction.shape
    if elevation is not None:
        friction = np.where(np.isnan(elevation), np.nan, friction)
        walk = walk or Walk()
    table = move_table(moves, cell_x, cell_y)
    seconds = np.full(friction.shape, np.inf)
    rank = np.full(friction.shape, -1)
    for i, (r, c) in enumerate(zip(rows, cols, strict=True)):  # several on one cell: the last listed
        seconds[r, c], rank[r, c] = 0.0, i
    queue = [(0.0, int(r), int(c)) for r, c in {(int(r), int(c)) for r, c in zip(rows, cols, strict=True)}]
    heapq.heapify(queue)

    def value(r, c):
        return friction[r, c] if 0 <= r < height and 0 <= c < width else math.nan

    while queue:
        cost, r, c = heapq.heappop(queue)
        if cost > seconds[r, c]:
            continue
        for dr, dc, r1, c1, r2, c2, length in table:
            tr, tc = r + int(dr), c + int(dc)
            total = (
                value(r, c)
                + value(tr, tc)
                + value(r + int(r1), c + int(c1))
                + value(r + int(r2), c + int(c2))
            )
            if math.isnan(total):
                continue
            if elevation is not None:
                climb = elevation[tr, tc] - elevation[r, c]
                if climb / length >= 0:
                    effort = climb * walk.b
                elif climb / length < walk.slope_factor:
                    effort = climb * walk.d
                else:
                    effort = climb * walk.c
                new = cost + effort + length * walk.a + walk.lam * (total * (length / 4.0))
            else:
                new = cost + total * (length / 4.0)
            if not new <= cap:
                continue
            if new < seconds[tr, tc]:
                seconds[tr, tc], rank[tr, tc] = new, rank[r, c]
                heapq.heappush(queue, (new, tr, tc))
            elif new == seconds[tr, tc] and rank[r, c] < rank[tr, tc] and new > 0:
                rank[tr, tc] = rank[r, c]  # not expanded yet: its cost is above this cell's
    nearest = np.where(rank >= 0, np.asarray(ids)[np.maximum(rank, 0)], NEAREST_NODATA)
    return seconds, nearest


def tied_case(rows, cols, seed, facilities=12):
    """Friction of 1 or 2 s/m with 10 % barriers: many paths of exactly equal cost."""
    rng = np.random.default_rng(seed)
    friction = rng.choice([1.0, 1.0, 2.0], size=(rows, cols))
    friction[rng.random((rows, cols)) < 0.1] = np.nan
    r, c = synthetic.facility_cells(friction, facilities, seed=seed)
    return friction, r, c, np.arange(101, 101 + facilities)


def assert_identical(ours, seconds, nearest):
    np.testing.assert_array_equal(ours.seconds, seconds)
    np.testing.assert_array_equal(ours.nearest, nearest)


@pytest.mark.parametrize("moves", [8, 16])
@pytest.mark.parametrize("threads", [1, 2, 3])
@pytest.mark.parametrize("seed", [1, 2])
def test_equals_a_heap_dijkstra_to_the_last_bit_ties_included(moves, threads, seed):
    friction, r, c, ids = tied_case(23, 31, seed)
    seconds, nearest = heap_dijkstra(friction, 10.0, 10.0, r, c, ids, moves)
    ours = travel_time(friction, 10.0, 10.0, r, c, ids, moves=moves, threads=threads)
    assert_identical(ours, seconds, nearest)
    # the grid really has ties: listing the facilities the other way round moves some labels
    backwards = travel_time(friction, 10.0, 10.0, r[::-1], c[::-1], ids[::-1], moves=moves, threads=threads)
    np.testing.assert_array_equal(backwards.seconds, ours.seconds)
    assert (backwards.nearest != ours.nearest).any()


@pytest.mark.parametrize("threads", [1, 2])
def test_a_cap_leaves_exactly_the_cells_beyond_it_unreached(threads):
    friction, r, c, ids = tied_case(30, 26, 5, facilities=3)
    full = travel_time(friction, 10.0, 10.0, r, c, ids, moves=16, threads=threads)
    cap = float(np.quantile(full.seconds[full.reached], 0.4))
    capped = travel_time(friction, 10.0, 10.0, r, c, ids, moves=16, max_seconds=cap, threads=threads)
    within = full.seconds <= cap
    assert within.any() and (~within & full.reached).any()
    np.testing.assert_array_equal(capped.seconds[within], full.seconds[within])
    np.testing.assert_array_equal(capped.nearest[within], full.nearest[within])
    assert np.isinf(capped.seconds[~within]).all() and (capped.nearest[~within] == NEAREST_NODATA).all()
    assert_identical(capped, *heap_dijkstra(friction, 10.0, 10.0, r, c, ids, 16, cap=cap))


@pytest.mark.parametrize("moves", [8, 16])
def test_walking_equals_a_heap_dijkstra_to_the_last_bit(moves):
    friction = synthetic.friction_surface(24, 28, seed=4)
    elevation = synthetic.elevation_surface(24, 28, seed=4)
    elevation[3, 5:9] = np.nan  # a hole in the DEM is a barrier
    friction[3, 5:9] = np.where(np.isnan(friction[3, 5:9]), np.nan, 1.0)
    r, c = synthetic.facility_cells(np.where(np.isnan(elevation), np.nan, friction), 4, seed=4)
    ids = np.arange(4)
    seconds, nearest = heap_dijkstra(friction, 100.0, 100.0, r, c, ids, moves, elevation=elevation)
    for threads in (1, 2):
        ours = travel_time(
            friction, 100.0, 100.0, r, c, ids, moves=moves, elevation=elevation, threads=threads
        )
        assert_identical(ours, seconds, nearest)


def test_one_two_and_four_threads_give_the_same_surface_on_a_grid_with_roads_across_the_bands():
    """Roads cross the bands many times, so the waves are handed back and forth between threads."""
    friction = synthetic.friction_surface(160, 120, seed=8)
    friction[20:140, 60] = 3.6 / 80  # a fast road down the middle, through every band
    for row in range(25, 140, 20):
        friction[row, 10:110] = 3.6 / 60
    r, c = synthetic.facility_cells(friction, 7, seed=8)
    ids = np.arange(7) * 10
    one = travel_time(friction, 100.0, 100.0, r, c, ids, moves=16, max_seconds=5400, threads=1)
    for threads in (2, 4):
        assert_identical(
            travel_time(friction, 100.0, 100.0, r, c, ids, moves=16, max_seconds=5400, threads=threads),
            one.seconds,
            one.nearest,
        )
    assert_identical(one, *heap_dijkstra(friction, 100.0, 100.0, r, c, ids, 16, cap=5400))


@pytest.mark.parametrize("width", ["cheapest move", "one bucket for everything", "tiny"])
def test_the_bucket_width_changes_nothing_but_the_time(monkeypatch, width):
    friction, r, c, ids = tied_case(27, 22, 9)
    expected = heap_dijkstra(friction, 10.0, 10.0, r, c, ids, 16)
    chosen = {
        "cheapest move": (1.0 * 10.0, 2 + int(2.0 * np.hypot(20, 10) / 5.0)),
        "one bucket for everything": (1e12, 2),  # pure label-correcting, row by row
        "tiny": (1e-3, travel.MAX_BUCKETS),  # far more buckets than moves need: clamped to the window
    }[width]
    monkeypatch.setattr(travel, "bucket_width", lambda *args: chosen)
    for threads in (1, 2):
        assert_identical(travel_time(friction, 10.0, 10.0, r, c, ids, moves=16, threads=threads), *expected)


def test_the_per_facility_fields_equal_the_search_ties_included():
    """fields.py keeps the first listed on a tie, as the search does: the two agree cell for cell."""
    friction, r, c, ids = tied_case(25, 25, 3, facilities=5)
    kept = build_fields(friction, 10.0, 10.0, r, c, ids, 900.0, moves=8)
    assert_identical(kept.surface(), *heap_dijkstra(friction, 10.0, 10.0, r, c, ids, 8, cap=900.0))


def test_threads_come_from_tixi_threads_and_small_grids_stay_on_one(monkeypatch):
    monkeypatch.setenv("TIXI_THREADS", "3")
    assert travel.default_threads() == 3
    assert len(travel.split_rows(14, 14, 10, None)) == 1  # 100 cells: not worth a second thread
    assert len(travel.split_rows(2004, 2004, 2000, None)) == 3
    assert len(travel.split_rows(6, 14, 2, 8)) == 2  # never more bands than rows
    monkeypatch.setenv("TIXI_THREADS", "many")
    assert travel.default_threads() >= 1
