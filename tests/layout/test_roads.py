"""Roads burnt onto the friction (walk to the road, drive, walk from it in one pass), and the
per-facility fields that update a what-if (close a facility, close a road) equal to a full rerun."""

import json

import numpy as np
import pytest
import rasterio
from django.core.management import CommandError, call_command
from django.utils import translation

from tixi.layout.engine import synthetic
from tixi.layout.engine.fields import build_fields
from tixi.layout.engine.rasters import read_friction
from tixi.layout.engine.roads import Roads, burn_roads, road_friction
from tixi.layout.engine.travel import travel_time

WEST, NORTH = synthetic.ORIGIN
WALK = 3.6 / 4.0  # 4 km/h


def at(row, col, cell=10.0):
    return [WEST + (col + 0.5) * cell, NORTH - (row + 0.5) * cell]


def roads_file(path, features, crs=None):
    data = {"type": "FeatureCollection", "features": features}
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(data))
    return path


def road(points, **properties):
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "LineString", "coordinates": points},
    }


@pytest.fixture
def walking(tmp_path):
    values = np.full((7, 40), WALK)
    values[:, 20] = np.nan  # a river across the grid
    path = tmp_path / "walk.tif"
    return synthetic.write_raster(path, values, cell=10.0)


def test_walk_to_the_road_drive_and_walk_from_it_in_one_pass(tmp_path, walking):
    roads = roads_file(tmp_path / "roads.geojson", [road([at(3, 2), at(3, 37)], **{"class": "secondary"})])
    call_command("access", "friction", walking=str(walking), roads=str(roads), out=str(tmp_path / "f.tif"))
    merged = read_friction(tmp_path / "f.tif").values
    assert np.allclose(merged[3, 2:38], 3.6 / 50)  # secondary at 50 km/h, a bridge over the river too
    assert np.isnan(merged[0, 20]) and merged[0, 0] == WALK
    facilities = tmp_path / "f.csv"
    facilities.write_text(f"id,x,y\n1,{at(0, 0)[0]},{at(0, 0)[1]}\n")
    call_command(
        "access",
        "surface",
        friction=str(tmp_path / "f.tif"),
        facilities=str(facilities),
        out=str(tmp_path / "t.tif"),
    )
    with rasterio.open(tmp_path / "t.tif") as source:
        seconds = source.read(1)
    # the far corner: 3 cells' walk down to the road, 35 along it, 3 up again (diagonals)
    walk_down = 2 * np.hypot(10, 10) * WALK + 10 * (WALK + 3.6 / 50) / 2  # two diagonals, then onto the road
    assert seconds[0, 39] < 4 * walk_down + 36 * 10 * 3.6 / 50
    walking_only = travel_time(read_friction(walking).values, 10.0, 10.0, [0], [0], [1]).seconds
    assert np.isinf(walking_only[0, 39])  # the river has no bridge off the road
    # the same as the kernel on the merged friction: one pass, no stitching
    ours = travel_time(merged, 10.0, 10.0, [0], [0], [1]).seconds
    assert np.allclose(seconds, np.where(np.isfinite(ours), ours, -1.0))


def test_speed_by_class_a_road_s_own_speed_and_the_faster_wins_a_crossing(tmp_path, walking):
    features = [
        road([at(1, 0), at(1, 39)], **{"class": "track"}),
        road([at(0, 5), at(6, 5)], **{"class": "lane"}),
        road([at(0, 9), at(6, 9)], speed=90),
    ]
    roads = roads_file(tmp_path / "roads.geojson", features, crs=synthetic.CRS)
    call_command(
        "access",
        "friction",
        walking=str(walking),
        roads=str(roads),
        speeds="lane=25,track=12",
        out=str(tmp_path / "f.tif"),
    )
    merged = read_friction(tmp_path / "f.tif").values
    assert merged[1, 30] == pytest.approx(3.6 / 12)  # --speeds overrides the default track speed
    assert merged[4, 5] == pytest.approx(3.6 / 25) and merged[1, 5] == pytest.approx(3.6 / 25)
    assert merged[1, 9] == pytest.approx(3.6 / 90)


def refused(tmp_path, **options):
    before = set(tmp_path.iterdir())
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("access", "friction", out=str(tmp_path / "out.tif"), **options)
    assert set(tmp_path.iterdir()) == before
    message = str(raised.value)
    assert "未写入任何文件" in message
    return message


@pytest.mark.parametrize(
    "features, crs, words",
    [
        ([road([at(1, 0), at(1, 9)], **{"class": "canal"})], None, ["--roads", "第 1 个要素", "canal"]),
        ([road([at(1, 0), at(1, 9)], speed=70), road([at(2, 0), at(2, 9)], speed=-5)], None, ["第 2 个要素"]),
        ([road([at(1, 0), at(1, 9)], speed=70), road([[1, "a"], [2, 3]], speed=5)], None, ["第 2 个要素"]),
        (
            [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}],
            None,
            ["Point"],
        ),
        ([road([at(1, 0), at(1, 9)], speed=70)], "EPSG:4326", ["EPSG:4326"]),
        ([road([[102.1, 25.0], [102.2, 25.1]], speed=70)], None, ["第 1 个要素"]),  # degrees: off the raster
        ([], None, ["--roads"]),
    ],
)
def test_bad_roads_are_refused_by_feature(tmp_path, walking, features, crs, words):
    roads = roads_file(tmp_path / "roads.geojson", features, crs=crs)
    message = refused(tmp_path, walking=str(walking), roads=str(roads))
    assert all(word in message for word in words), message


def test_bad_speeds_and_a_file_that_is_not_json_are_refused(tmp_path, walking):
    roads = roads_file(tmp_path / "roads.geojson", [road([at(1, 0), at(1, 9)], speed=70)])
    assert "--speeds" in refused(tmp_path, walking=str(walking), roads=str(roads), speeds="track=fast")
    assert "--speeds" in refused(tmp_path, walking=str(walking), roads=str(roads), speeds="track=0")
    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json")
    assert "--roads" in refused(tmp_path, walking=str(walking), roads=str(broken))


# -- kept per facility: a what-if equals a full rerun


def case(seed=4, rows=120, cols=140, count=25):
    friction = synthetic.friction_surface(rows, cols, seed=seed)
    r, c = synthetic.facility_cells(friction, count, seed=seed)
    return friction, r, c, np.arange(1, count + 1)


def assert_equal_to_rerun(kept, friction, rows, cols, ids, cap, moves):
    """To the last bit: the least time over the facilities' own fields is the search's least sum over
    all paths, and both give a tie to the facility listed first."""
    ours = kept.surface()
    full = travel_time(friction, 100.0, 100.0, rows, cols, ids, moves=moves, max_seconds=cap)
    np.testing.assert_array_equal(ours.seconds, full.seconds)
    np.testing.assert_array_equal(ours.nearest, full.nearest)


@pytest.mark.parametrize("moves", [8, 16])
def test_closing_or_adding_a_facility_equals_a_full_rerun(moves):
    friction, rows, cols, ids = case()
    cap = 1800.0
    kept = build_fields(friction, 100.0, 100.0, rows, cols, ids, cap, moves=moves)
    assert_equal_to_rerun(kept, friction, rows, cols, ids, cap, moves)
    built = kept.recomputed
    kept.close(7)
    kept.close(12)
    keep = ~np.isin(ids, [7, 12])
    assert_equal_to_rerun(kept, friction, rows[keep], cols[keep], ids[keep], cap, moves)
    kept.add(99, 60, 70) if not np.isnan(friction[60, 70]) else kept.add(99, rows[6], cols[6])
    assert kept.recomputed == built + 1  # closing computed nothing, adding one field
    added_row, added_col = (60, 70) if not np.isnan(friction[60, 70]) else (rows[6], cols[6])
    assert_equal_to_rerun(
        kept,
        friction,
        np.append(rows[keep], added_row),
        np.append(cols[keep], added_col),
        np.append(ids[keep], 99),
        cap,
        moves,
    )


def test_closing_a_road_recomputes_only_the_fields_near_it_and_equals_a_full_rerun():
    rows_, cols_ = 120, 140
    walking = synthetic.friction_surface(rows_, cols_, seed=9, barriers=False)
    walking[:] = np.clip(walking, 3.6 / 5, None)  # off-road only: the roads come from the features
    transform = rasterio.transform.Affine(100.0, 0.0, WEST, 0.0, -100.0, NORTH)
    lines = [
        {
            "type": "LineString",
            "coordinates": [[WEST + 100 * x0, NORTH - 100 * y0], [WEST + 100 * x1, NORTH - 100 * y1]],
        }
        for x0, y0, x1, y1 in [(0, 30, 140, 30), (0, 90, 140, 90), (70, 0, 70, 120), (10, 5, 60, 5)]
    ]
    roads = Roads(lines, np.zeros((4, 4)), np.array([60.0, 40.0, 30.0, 20.0]), ["a", "b", "c", "d"])
    before = road_friction(walking, burn_roads(roads, walking.shape, transform), roads.speeds)
    rng = np.random.default_rng(3)
    cells = rng.choice(rows_ * cols_, 30, replace=False)
    rows, cols = np.divmod(cells, cols_)
    ids = np.arange(1, 31)
    cap = 1200.0
    kept = build_fields(before, 100.0, 100.0, rows, cols, ids, cap, moves=16)
    after = road_friction(walking, burn_roads(roads, walking.shape, transform, closed=[0]), roads.speeds)
    again = kept.set_friction(after)
    assert 0 < again < len(ids)  # only the facilities near the closed road
    assert_equal_to_rerun(kept, after, rows, cols, ids, cap, 16)
    changed = (
        kept.surface().seconds
        != travel_time(before, 100.0, 100.0, rows, cols, ids, moves=16, max_seconds=cap).seconds
    )
    assert changed.any()  # the closure made a difference
