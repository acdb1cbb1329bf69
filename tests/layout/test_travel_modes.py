"""Travel modes (AccessMod's `mode` column: WALKING, BICYCLING, MOTORIZED) and slope on the walked
cells only; the demo's synthetic elevation, in each place's range, walked by Tobler's function."""

import math

import numpy as np
import pytest
import rasterio
from django.core.management import call_command

from tests.layout.test_landcover_tobler import refused, table_file
from tests.layout.test_roads import at, road, roads_file
from tixi.layout.engine import synthetic
from tixi.layout.engine.fields import build_fields, least_cost_per_metre
from tixi.layout.engine.landcover import read_speed_table
from tixi.layout.engine.rasters import BICYCLING, MOTORIZED, WALKING, read_friction
from tixi.layout.engine.region_grid import build_region_grid
from tixi.layout.engine.terrain import RELIEF, relief_of, slope_degrees, synthetic_elevation
from tixi.layout.engine.travel import Tobler, Walk, tobler_factor, travel_time

CELL = 10.0
ROAD_KMH, FOREST_KMH = 40.0, 4.0


# -- the mode column


def test_the_mode_column_is_read_in_accessmod_s_words_and_in_chinese(tmp_path):
    table = table_file(
        tmp_path,
        "class,label,speed,mode\n1,forest,2,WALKING\n2,path,12,bicycling\n3,water,0,步行\n"
        "4,town,5,\n5,tractor,20,机动\n6,bike,10,骑行\nprimary,,60,MOTORIZED\n",
    )
    read = read_speed_table(table)
    assert read.modes == {1: WALKING, 2: BICYCLING, 3: WALKING, 4: WALKING, 5: MOTORIZED, 6: BICYCLING}
    assert read.roads == {"primary": 60.0}


def test_friction_writes_the_modes_as_a_band_and_the_burnt_roads_are_motorized(tmp_path):
    codes = np.array([[1.0] * 6, [2.0] * 6, [5.0] * 6, [3.0] * 6])
    landcover = synthetic.write_raster(tmp_path / "lc.tif", codes, cell=CELL)
    table = table_file(
        tmp_path,
        "class,label,speed,mode\n1,forest,2,WALKING\n2,path,12,BICYCLING\n3,water,0,\n5,farm track,20,MOTORIZED\n",
    )
    roads = roads_file(tmp_path / "roads.geojson", [road([at(0, 0), at(0, 2)], speed=50)])
    out = tmp_path / "friction.tif"
    call_command(
        "access", "friction", landcover=str(landcover), speeds=str(table), roads=str(roads), out=str(out)
    )
    with rasterio.open(out) as written:
        assert written.count == 2 and written.descriptions[1] == "mode"
    friction = read_friction(out)
    assert friction.modes[0].tolist() == [MOTORIZED] * 3 + [WALKING] * 3  # the road's cells, then forest
    assert friction.modes[1].tolist() == [BICYCLING] * 6
    assert friction.modes[2].tolist() == [MOTORIZED] * 6
    assert friction.driven[0, :3].all() and not friction.driven[1].any()
    assert np.isnan(friction.values[3]).all()


def test_a_friction_without_a_mode_band_is_walked_everywhere(tmp_path):
    path = synthetic.write_raster(tmp_path / "f.tif", np.full((2, 3), 0.9), cell=CELL)
    assert read_friction(path).modes is None and read_friction(path).driven is None


@pytest.mark.parametrize(
    "text, words",
    [
        (
            "class,label,speed,mode\n1,forest,2,WALKING\n2,grass,4,flying\n",
            ["第 3 行", "mode 列", "flying", "步行"],
        ),
        ("class,label,speed,mode\n1,forest,2,driving\n", ["第 2 行", "mode 列", "driving"]),
        ("class,speed,mode\n1,2,WALKING\nprimary,60,WALKING\n", ["第 3 行", "mode 列", "primary"]),
    ],
)
def test_a_bad_mode_is_refused_naming_the_line_and_the_column(tmp_path, text, words):
    landcover = synthetic.write_raster(tmp_path / "lc.tif", np.array([[1.0, 2.0]]), cell=CELL)
    message = refused(tmp_path, landcover=str(landcover), speeds=str(table_file(tmp_path, text)))
    assert "--speeds" in message and all(word in message for word in words), message


def test_a_mode_band_with_an_unknown_code_is_refused_by_the_surface(tmp_path):
    from django.core.management.base import CommandError
    from django.utils import translation

    from tixi.layout.engine.rasters import Friction, write_friction

    modes = np.full((2, 3), WALKING, np.uint8)
    modes[1, 2] = 7
    friction = Friction(
        np.full((2, 3), 0.9),
        rasterio.Affine(CELL, 0, synthetic.ORIGIN[0], 0, -CELL, synthetic.ORIGIN[1]),
        rasterio.crs.CRS.from_user_input(synthetic.CRS),
        CELL,
        CELL,
        modes=modes,
    )
    path = tmp_path / "f.tif"
    write_friction(friction, path)
    facilities = tmp_path / "f.csv"
    facilities.write_text(f"id,x,y\n1,{at(0, 0, CELL)[0]},{at(0, 0, CELL)[1]}\n")
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command(
            "access", "surface", friction=str(path), facilities=str(facilities), out=str(tmp_path / "t.tif")
        )
    assert "--friction" in str(raised.value) and "第 1 行第 2 列" in str(raised.value)
    assert not (tmp_path / "t.tif").exists()


# -- slope on the walked cells only


def ramp_with_a_road(cols=8, rise=1.0, rows=3, road_row=1):
    """Forest climbing `rise` m per 10 m cell eastwards (10 %), one row of it a road at 40 km/h."""
    friction = np.full((rows, cols), 3.6 / FOREST_KMH)
    friction[road_row] = 3.6 / ROAD_KMH
    heights = np.repeat(np.arange(cols, dtype=np.float64)[None, :] * rise, rows, axis=0)
    driven = np.zeros((rows, cols), bool)
    driven[road_row] = True
    return friction, heights, driven


@pytest.mark.parametrize("walk", [Tobler(), Walk()])
def test_up_a_ramp_the_road_keeps_its_time_and_the_forest_is_priced_by_slope(walk):
    friction, heights, driven = ramp_with_a_road()
    flat = travel_time(friction, CELL, CELL, [1], [0], [1])
    sloped = travel_time(friction, CELL, CELL, [1], [0], [1], elevation=heights, walk=walk, driven=driven)
    road_move = CELL * 3.6 / ROAD_KMH  # 0.9 s per 10 m at 40 km/h, climbing or not
    assert sloped.seconds[1] == pytest.approx(np.arange(8) * road_move, rel=1e-12)
    assert np.array_equal(sloped.seconds[1], flat.seconds[1])
    # without the mode mask the road's cells were priced as a climb too: slower
    walked_road = travel_time(friction, CELL, CELL, [1], [0], [1], elevation=heights, walk=walk)
    assert (walked_road.seconds[1, 1:] > sloped.seconds[1, 1:] * 1.2).all()


def test_off_the_road_walking_uphill_is_priced_by_tobler_by_hand():
    friction, heights, driven = ramp_with_a_road(rows=6, road_row=5)  # the road far below
    start = travel_time(friction, CELL, CELL, [0], [0], [1], elevation=heights, walk=Tobler(), driven=driven)
    # from the forest's foot (row 0, column 0) up the ramp: 10 m at 4 km/h x Tobler's factor at 10 %
    up_move = CELL * 3.6 / FOREST_KMH * float(tobler_factor(0.1))
    assert start.seconds[0, 1] == pytest.approx(up_move, rel=1e-12)
    assert start.seconds[0, 3] == pytest.approx(3 * up_move, rel=1e-12)
    # across the slope (south, level) the forest keeps its flat time
    assert start.seconds[1, 0] == pytest.approx(CELL * 3.6 / FOREST_KMH, rel=1e-12)
    # stepping onto the road from row 4 (level): half forest, half road, no factor
    on_road = start.seconds[5, 0] - start.seconds[4, 0]
    assert on_road == pytest.approx(CELL * (3.6 / FOREST_KMH + 3.6 / ROAD_KMH) / 2, rel=1e-9)
    # a diagonal move from the forest up onto the road: Tobler's factor on the forest's half only
    diagonal = CELL * math.sqrt(2)
    mixed = diagonal * (3.6 / FOREST_KMH * float(tobler_factor(1.0 / diagonal)) + 3.6 / ROAD_KMH) / 2
    corner = np.array([[3.6 / FOREST_KMH, np.nan], [np.nan, 3.6 / ROAD_KMH]])  # only the diagonal is open
    road_end = np.array([[False, False], [False, True]])
    alone = travel_time(
        corner, CELL, CELL, [0], [0], [1], elevation=heights[:2, :2], walk=Tobler(), driven=road_end
    )
    assert alone.seconds[1, 1] == pytest.approx(mixed, rel=1e-12)


def test_rwalk_on_a_driven_move_keeps_only_the_friction():
    friction, heights, driven = ramp_with_a_road()
    walk = Walk()
    surface = travel_time(friction, CELL, CELL, [1], [0], [1], elevation=heights, walk=walk, driven=driven)
    assert surface.seconds[1, 3] == pytest.approx(3 * walk.lam * CELL * 3.6 / ROAD_KMH, rel=1e-12)
    assert least_cost_per_metre(friction, heights, walk, driven) == pytest.approx(walk.lam * 3.6 / ROAD_KMH)


def test_windowed_fields_with_driven_roads_equal_the_whole_grid_search():
    rng = np.random.default_rng(9)
    friction = rng.choice([3.6 / 2.0, 3.6 / 4.5], size=(60, 70))
    driven = np.zeros(friction.shape, bool)
    driven[20, :] = driven[:, 35] = True
    friction[driven] = 3.6 / 40.0
    hills = np.add.outer(np.sin(np.arange(60) / 5.0), np.cos(np.arange(70) / 7.0)) * 60.0
    rows, cols, cap = np.array([10, 30, 50]), np.array([12, 40, 60]), 500.0
    options = {"elevation": hills, "walk": Tobler(), "driven": driven}
    kept = build_fields(friction, 100.0, 100.0, rows, cols, [1, 2, 3], cap, **options)
    full = travel_time(friction, 100.0, 100.0, rows, cols, [1, 2, 3], max_seconds=cap, **options)
    np.testing.assert_array_equal(kept.surface().seconds.reshape(friction.shape), full.seconds)
    # a road closed: its cells walked again over the slope, only the fields near it recomputed
    closed = driven.copy()
    closed[20, :] = False
    walked = friction.copy()
    walked[20, :] = 3.6 / 4.0
    kept.set_friction(walked, closed)
    rerun = travel_time(
        walked, 100.0, 100.0, rows, cols, [1, 2, 3], max_seconds=cap, **{**options, "driven": closed}
    )
    np.testing.assert_array_equal(kept.surface().seconds.reshape(friction.shape), rerun.seconds)


def test_the_surface_command_reads_the_mode_band_and_leaves_the_road_flat(tmp_path):
    codes = np.ones((3, 8))
    landcover = synthetic.write_raster(tmp_path / "lc.tif", codes, cell=CELL)
    table = table_file(tmp_path, f"class,label,speed,mode\n1,forest,{FOREST_KMH:g},WALKING\n")
    roads = roads_file(tmp_path / "roads.geojson", [road([at(1, 0), at(1, 7)], speed=ROAD_KMH)])
    friction = tmp_path / "friction.tif"
    call_command(
        "access", "friction", landcover=str(landcover), speeds=str(table), roads=str(roads), out=str(friction)
    )
    _f, heights, _d = ramp_with_a_road()
    dem = synthetic.write_raster(tmp_path / "dem.tif", heights, cell=CELL)
    facilities = tmp_path / "f.csv"
    facilities.write_text(f"id,x,y\n1,{at(1, 0)[0]},{at(1, 0)[1]}\n")
    common = {"facilities": str(facilities), "walk": True, "elevation": str(dem), "slope": "tobler"}
    call_command("access", "surface", friction=str(friction), out=str(tmp_path / "t.tif"), **common)
    seconds = rasterio.open(tmp_path / "t.tif").read(1)
    assert seconds[1] == pytest.approx(np.arange(8) * CELL * 3.6 / ROAD_KMH, rel=1e-9)
    # a walking friction with the roads given to the surface itself: the same
    walking = synthetic.write_raster(tmp_path / "walk.tif", np.full((3, 8), 3.6 / FOREST_KMH), cell=CELL)
    call_command(
        "access", "surface", friction=str(walking), roads=str(roads), out=str(tmp_path / "r.tif"), **common
    )
    assert np.array_equal(rasterio.open(tmp_path / "r.tif").read(1), seconds)


# -- the demo's synthetic elevation


def place_grid(code, rows=260, cols=280, cell=150.0, seed=3):
    _friction, river = synthetic.friction_surface(rows, cols, seed, roads=False, with_river=True)
    towns = [(60, 70), (200, 220)]
    seat = (130, 140)
    roads = np.zeros((rows, cols), bool)
    roads[130, :] = True  # a main road through the seat
    height = synthetic_elevation(rows, cols, cell, seed, relief_of(code), river, towns, seat, roads)
    return height, river, towns, seat, roads


@pytest.mark.parametrize("code", ["510400", "510411", "511703", "511722", "511900", "500237"])
def test_demo_elevation_is_in_the_place_s_range_with_slopes_of_real_mountains(code):
    lowest, typical, highest = relief_of(code)
    height, river, towns, seat, roads = place_grid(code)
    assert lowest - 1e-6 <= height.min() and height.max() <= highest + 1e-6
    assert height.max() > lowest + 0.6 * (highest - lowest)  # mountains, not a plain
    assert abs(np.median(height) - typical) < 0.15 * (highest - lowest)
    degrees = slope_degrees(height, 150.0)
    assert (degrees < 30).mean() > 0.9 and np.median(degrees) > 3  # most slopes under 30°, not flat
    assert degrees.max() < 60
    # the river runs at the bottom of its valley, the towns on level ground
    assert np.median(height[river]) < np.percentile(height, 10)
    assert np.median(height[roads]) < np.percentile(height, 35)  # the main road runs in a valley
    for row, col in [*towns, seat]:
        assert degrees[row - 3 : row + 4, col - 3 : col + 4].max() < 8


def test_relief_figures_are_the_places_own():
    assert relief_of("510400000000") == RELIEF["5104"] == (937.0, 1800.0, 4195.5)
    assert relief_of("511703") == RELIEF["5117"] and relief_of("500237") == RELIEF["500237"]


def test_the_region_grid_carries_the_elevation_and_walks_it_by_tobler_off_the_roads():
    bbox = (107.0, 31.0, 107.4, 31.3)
    zones = {1: (107.0, 31.0, 107.2, 31.3), 2: (107.2, 31.0, 107.4, 31.3)}
    people = {1: 30_000, 2: 20_000}
    points = (np.array([107.05, 107.3, 107.1]), np.array([31.1, 31.2, 31.25]))
    hubs = {1: (107.1, 31.15), 2: (107.3, 31.15)}
    grid = build_region_grid(
        bbox, zones, people, points, seed=4, max_cells=20_000, hubs=hubs, relief=RELIEF["5117"]
    )
    assert grid.elevation.shape == grid.shape
    assert RELIEF["5117"][0] <= grid.elevation.min() and grid.elevation.max() <= RELIEF["5117"][2]
    travel = grid.travel()
    assert isinstance(travel["walk"], Tobler)
    assert np.array_equal(travel["elevation"], -grid.elevation)  # mirrored: walked toward the facility
    assert np.array_equal(travel["driven"], grid.road_index > 0)
    assert not grid.travel(closed_roads=[0])["driven"][grid.road_index == 1].any()
    # the centres stand low, on the main roads' valley floors
    rows, cols = grid.cells_of([h[0] for h in hubs.values()], [h[1] for h in hubs.values()])
    assert (grid.elevation[rows, cols] < np.median(grid.elevation)).all()
    again = type(grid).from_arrays(grid.as_arrays())
    assert np.array_equal(again.elevation, grid.elevation)
    flat = build_region_grid(bbox, zones, people, points, seed=4, max_cells=20_000, hubs=hubs)
    assert flat.elevation is None and flat.travel() == {}


def test_walking_down_to_a_health_centre_is_quicker_than_climbing_to_it():
    """The search runs from the facility, on the terrain mirrored: the time is the resident's walk to it."""
    friction = np.full((1, 6), 3.6 / FOREST_KMH)
    heights = np.arange(6, dtype=np.float64)[None, :] * 1.0  # the centre at the foot (column 0)
    from tixi.layout.engine.region_grid import RegionGrid

    grid = RegionGrid(friction, np.ones((1, 6), np.int64), np.ones((1, 6), np.int64), 0, 0, 0, CELL)
    grid.elevation = heights
    seconds = travel_time(friction, CELL, CELL, [0], [0], [1], **grid.travel()).seconds
    down_move = CELL * 3.6 / FOREST_KMH * float(tobler_factor(-0.1))
    assert seconds[0, 5] == pytest.approx(5 * down_move, rel=1e-12)
