"""Each facility's field searched in a window around it (engine/fields.py) is the field searched over
the whole grid, to the last bit: seconds, cells and the surface they make, the 2SFCA built on them,
with roads, barriers, knight's moves and walking; and the window is much smaller than the grid."""

import numpy as np
import pytest

from tixi.layout.engine import synthetic
from tixi.layout.engine.coverage import two_step_catchment
from tixi.layout.engine.fields import FacilityFields, build_fields, least_cost_per_metre, window_of
from tixi.layout.engine.travel import Walk, travel_time


def case(seed=5, rows=90, cols=110, count=30):
    friction = synthetic.friction_surface(rows, cols, seed=seed)  # roads at 20-80 km/h, river, lakes
    r, c = synthetic.facility_cells(friction, count, seed=seed)
    return friction, r, c


def whole_grid_fields(friction, rows, cols, cap, **options):
    """The reference: each facility's search over the whole grid (as before the windows)."""
    kept = FacilityFields(friction.copy(), 100.0, 100.0, float(cap), windowed=False, **options)
    kept.add_many(range(len(rows)), rows, cols)
    return kept


def assert_same_fields(ours, theirs):
    assert len(ours.fields) == len(theirs.fields)
    for mine, reference in zip(ours.fields, theirs.fields, strict=True):
        assert mine.ident == reference.ident
        np.testing.assert_array_equal(mine.cells, reference.cells)
        np.testing.assert_array_equal(mine.seconds, reference.seconds)  # bit for bit


@pytest.mark.parametrize("moves", [8, 16])
@pytest.mark.parametrize("cap", [300.0, 900.0, 2400.0])
def test_windowed_fields_equal_whole_grid_fields(moves, cap):
    friction, rows, cols = case()
    ours = build_fields(friction, 100.0, 100.0, rows, cols, range(len(rows)), cap, moves=moves)
    assert_same_fields(ours, whole_grid_fields(friction, rows, cols, cap, moves=moves))
    # and their minimum is the multi-source search's surface
    full = travel_time(friction, 100.0, 100.0, rows, cols, np.arange(len(rows)), moves=moves, max_seconds=cap)
    np.testing.assert_array_equal(ours.surface().seconds, full.seconds)
    np.testing.assert_array_equal(ours.surface().nearest, full.nearest)


def test_the_bound_window_holds_every_reached_cell():
    friction, rows, cols = case()
    cap = 120.0
    per_metre = least_cost_per_metre(friction)
    assert 3.6 / 80.0 * 0.99 <= per_metre <= 3.6 / 20.0  # the fastest road's friction
    kept = whole_grid_fields(friction, rows, cols, cap)
    for one in kept.fields:
        top, bottom, left, right = window_of(one.row, one.col, friction.shape, 100.0, 100.0, cap, per_metre)
        assert (bottom - top) * (right - left) < friction.size / 2  # the point of the window
        r, c = np.divmod(one.cells, friction.shape[1])
        assert (r >= top).all() and (r < bottom).all() and (c >= left).all() and (c < right).all()


def test_a_first_window_too_small_grows_until_nothing_escapes(monkeypatch):
    """With a first window of 1 cell each side every field must grow several times, and still equal."""
    from tixi.layout.engine import fields

    friction, rows, cols = case(seed=3)
    monkeypatch.setattr(fields, "FIRST_HALF_WINDOW", 1)
    searched = []
    real = fields.FacilityFields._search
    monkeypatch.setattr(
        fields.FacilityFields, "_search", lambda self, *a: searched.append(a[-1]) or real(self, *a)
    )
    ours = build_fields(friction, 100.0, 100.0, rows, cols, range(len(rows)), 600.0, moves=16)
    assert len(searched) > 3 * len(rows)
    assert_same_fields(ours, whole_grid_fields(friction, rows, cols, 600.0, moves=16))


@pytest.mark.parametrize("moves", [8, 16])
def test_windowed_walking_fields_equal_whole_grid_fields(moves):
    friction, rows, cols = case(seed=8, rows=70, cols=80, count=12)
    elevation = synthetic.elevation_surface(70, 80, seed=8)
    for walk in (None, Walk(a=0.5, c=1.5, slope_factor=-0.3)):
        options = {"moves": moves, "elevation": elevation, "walk": walk}
        ours = build_fields(friction, 100.0, 100.0, rows, cols, range(len(rows)), 900.0, **options)
        assert_same_fields(ours, whole_grid_fields(friction, rows, cols, 900.0, **options))


def test_a_closed_road_recomputes_windowed_fields_equal_to_whole_grid_ones():
    friction, rows, cols = case(seed=6)
    ours = build_fields(friction, 100.0, 100.0, rows, cols, range(len(rows)), 900.0, moves=16)
    reference = whole_grid_fields(friction, rows, cols, 900.0, moves=16)
    slower = friction.copy()
    slower[40:45, :] = np.where(np.isnan(slower[40:45, :]), np.nan, 3.6 / 2.0)
    assert ours.set_friction(slower) == reference.set_friction(slower) > 0
    assert_same_fields(ours, reference)


def test_without_a_cap_or_with_zero_friction_the_window_is_the_grid():
    assert window_of(5, 5, (50, 60), 100.0, 100.0, float("inf"), 0.1) == (0, 50, 0, 60)
    assert window_of(5, 5, (50, 60), 100.0, 100.0, 600.0, 0.0) == (0, 50, 0, 60)
    zero = np.zeros((20, 20))
    kept = build_fields(zero, 10.0, 10.0, [3], [4], [1], 60.0)
    assert len(kept.fields[0].cells) == 400  # everything at 0 s


def old_two_step_catchment(friction, cell_x, cell_y, rows, cols, supply, population, minutes, moves=8):
    """2SFCA as it was: one search over the whole grid per facility."""
    people = np.asarray(population, dtype=np.float64)
    cap = minutes * 60.0
    ratio, demand = np.full(len(rows), np.nan), np.zeros(len(rows))
    accessibility = np.zeros(people.shape)
    for j in range(len(rows)):
        alone = travel_time(friction, cell_x, cell_y, [rows[j]], [cols[j]], [j], moves=moves, max_seconds=cap)
        reach = alone.seconds <= cap
        demand[j] = people[reach].sum()
        if demand[j] > 0:
            ratio[j] = float(supply[j]) / demand[j]
            accessibility[reach] += ratio[j]
    return ratio, demand, accessibility


@pytest.mark.parametrize("moves", [8, 16])
def test_two_step_catchment_equals_the_per_facility_whole_grid_one(moves):
    friction, rows, cols = case(seed=7)
    rng = np.random.default_rng(7)
    population = rng.integers(0, 50, friction.shape).astype(float)
    supply = rng.uniform(1, 20, len(rows))
    got = two_step_catchment(friction, 100.0, 100.0, rows, cols, supply, population, 12.0, moves=moves)
    ratio, demand, accessibility = old_two_step_catchment(
        friction, 100.0, 100.0, rows, cols, supply, population, 12.0, moves=moves
    )
    np.testing.assert_array_equal(got.ratio, ratio)
    np.testing.assert_array_equal(got.demand, demand)
    np.testing.assert_array_equal(got.accessibility, accessibility)
    assert (got.accessibility > 0).any() and (got.accessibility == 0).any()
