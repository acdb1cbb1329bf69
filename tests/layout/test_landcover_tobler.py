"""The friction surface from land cover (a class raster and a speed table, as AccessMod's scenario
table) and walking priced by Tobler's hiking function (anisotropic: uphill and downhill differ)."""

import io
import math

import numpy as np
import pytest
import rasterio
from django.core.management import CommandError, call_command
from django.utils import translation

from tests.layout.test_roads import at, road, roads_file
from tixi.layout.engine import synthetic
from tixi.layout.engine.fields import build_fields, least_cost_per_metre
from tixi.layout.engine.rasters import read_friction
from tixi.layout.engine.travel import Tobler, tobler_factor, tobler_speed, travel_time

WEST, NORTH = synthetic.ORIGIN
FLAT_KMH = 6.0 * math.exp(-0.175)  # Tobler on flat ground: 5.04 km/h


# -- Tobler's function


def test_tobler_speeds_at_known_slopes():
    assert tobler_speed(0.0) == pytest.approx(6.0 * math.exp(-3.5 * 0.05))  # 5.04 km/h
    assert tobler_speed(0.10) == pytest.approx(6.0 * math.exp(-3.5 * 0.15))  # 3.55 km/h uphill
    assert tobler_speed(-0.05) == pytest.approx(6.0)  # the fastest: a 5 % descent
    assert tobler_speed(-0.10) == pytest.approx(tobler_speed(0.0))  # as fast as flat ground
    slopes = np.linspace(-1, 1, 2001)
    assert slopes[np.argmax(tobler_speed(slopes))] == pytest.approx(-0.05)
    assert tobler_speed(0.10) < tobler_speed(-0.10)  # anisotropic: climbing 10 % is slower
    assert tobler_factor(0.0) == pytest.approx(1.0)
    assert tobler_factor(0.10) == pytest.approx(tobler_speed(0.0) / tobler_speed(0.10))


def ramp(cols=6, cell=10.0, rise=1.0):
    """One row of cells climbing `rise` metres per cell eastwards (a 10 % slope by default)."""
    return np.arange(cols, dtype=np.float64)[None, :] * rise


def test_uphill_and_downhill_differ_on_a_ramp_as_computed_by_hand():
    friction = np.full((1, 6), 3.6 / FLAT_KMH)  # Tobler's own flat speed
    heights = ramp()
    # from the foot (column 0) every move climbs 10 %; from the top (column 5) every move descends 10 %
    up = travel_time(friction, 10.0, 10.0, [0], [0], [1], elevation=heights, walk=Tobler())
    down = travel_time(friction, 10.0, 10.0, [0], [5], [1], elevation=heights, walk=Tobler())
    up_move = 10.0 * 3.6 / (6.0 * math.exp(-3.5 * 0.15))  # 10 m at 3.55 km/h: 10.14 s
    down_move = 10.0 * 3.6 / (6.0 * math.exp(-3.5 * 0.05))  # 10 m at 5.04 km/h: 7.15 s
    assert up.seconds[0] == pytest.approx(np.arange(6) * up_move, rel=1e-12)
    assert down.seconds[0] == pytest.approx((5 - np.arange(6)) * down_move, rel=1e-12)
    assert up.seconds[0, 5] > 1.4 * down.seconds[0, 0]


def test_tobler_scales_the_friction_s_own_speed_and_flat_ground_keeps_it():
    friction = np.full((5, 7), 3.6 / 2.0)  # a forest walked at 2 km/h
    flat = np.zeros((5, 7))
    isotropic = travel_time(friction, 10.0, 10.0, [2], [3], [1], moves=16)
    walked = travel_time(friction, 10.0, 10.0, [2], [3], [1], moves=16, elevation=flat, walk=Tobler())
    assert np.allclose(walked.seconds, isotropic.seconds, rtol=1e-12)
    climbing = travel_time(friction, 10.0, 10.0, [0], [0], [1], elevation=ramp(7)[[0] * 5], walk=Tobler())
    assert climbing.seconds[0, 1] == pytest.approx(10.0 * 3.6 / 2.0 * float(tobler_factor(0.1)))


def test_tobler_through_the_command_and_rwalk_stays_the_default(tmp_path):
    friction = synthetic.write_raster(tmp_path / "f.tif", np.full((1, 6), 3.6 / FLAT_KMH), cell=10.0)
    dem = synthetic.write_raster(tmp_path / "dem.tif", ramp(), cell=10.0)
    facilities = tmp_path / "f.csv"
    facilities.write_text(f"id,x,y\n1,{at(0, 0)[0]},{at(0, 0)[1]}\n")
    common = {"friction": str(friction), "facilities": str(facilities), "walk": True, "elevation": str(dem)}
    call_command("access", "surface", out=str(tmp_path / "tobler.tif"), slope="tobler", **common)
    call_command("access", "surface", out=str(tmp_path / "rwalk.tif"), slope="rwalk", **common)
    call_command("access", "surface", out=str(tmp_path / "default.tif"), **common)
    read = {name: rasterio.open(tmp_path / f"{name}.tif").read(1) for name in ("tobler", "rwalk", "default")}
    assert read["tobler"][0, 5] == pytest.approx(50.0 * 3.6 / (6.0 * math.exp(-3.5 * 0.15)))
    assert np.array_equal(read["rwalk"], read["default"])
    assert not np.allclose(read["tobler"], read["rwalk"])


def refused_surface(tmp_path, **options):
    before = set(tmp_path.iterdir())
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("access", "surface", out=str(tmp_path / "out.tif"), **options)
    assert set(tmp_path.iterdir()) == before
    assert "未写入任何文件" in str(raised.value)
    return str(raised.value)


def test_tobler_refuses_rwalk_parameters_a_dem_on_another_grid_and_no_walk(tmp_path):
    friction = synthetic.write_raster(tmp_path / "f.tif", np.full((3, 6), 0.9), cell=10.0)
    dem = synthetic.write_raster(tmp_path / "dem.tif", np.zeros((3, 6)), cell=10.0)
    other = synthetic.write_raster(tmp_path / "other.tif", np.zeros((4, 6)), cell=10.0)
    facilities = tmp_path / "f.csv"
    facilities.write_text(f"id,x,y\n1,{at(0, 0)[0]},{at(0, 0)[1]}\n")
    common = {"friction": str(friction), "facilities": str(facilities)}
    message = refused_surface(tmp_path, walk=True, elevation=str(other), slope="tobler", **common)
    assert "--elevation" in message and "同一网格" in message
    message = refused_surface(tmp_path, walk=True, elevation=str(dem), slope="tobler", lam=2.0, **common)
    assert "--slope" in message
    assert "--slope" in refused_surface(tmp_path, slope="tobler", **common)


# -- friction from land cover

FOREST, GRASS, WATER, ABSENT = 1, 2, 3, 9
TABLE = "class,label,speed\n1,forest,2\n2,grass,4.5\n3,water,0\nprimary,primary road,60\n"


@pytest.fixture
def landcover(tmp_path):
    codes = np.full((5, 12), float(GRASS))
    codes[:, :4] = FOREST
    codes[:, 6] = WATER  # a river across the grid
    codes[0, 11] = np.nan  # nodata: outside the study area
    return synthetic.write_raster(tmp_path / "lc.tif", codes, cell=10.0)


def table_file(tmp_path, text=TABLE, name="speeds.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_landcover_friction_is_3_6_over_the_class_speed_and_barriers_are_nodata(tmp_path, landcover):
    out = tmp_path / "friction.tif"
    said = io.StringIO()
    with translation.override("zh-hans"):
        call_command(
            "access",
            "friction",
            landcover=str(landcover),
            speeds=str(table_file(tmp_path)),
            out=str(out),
            stdout=said,
        )
    assert said.getvalue().strip() == "已为 3 个土地覆盖类别定价；障碍像元 6 个。"  # 5 water, 1 nodata
    values = read_friction(out).values
    assert np.all(values[:, :4] == 3.6 / 2.0)
    assert np.all(values[1:, 7:] == 3.6 / 4.5) and np.all(values[:, 4:6] == 3.6 / 4.5)
    assert np.isnan(values[:, 6]).all()  # water: speed 0, a barrier
    assert np.isnan(values[0, 11])  # nodata stays a barrier
    with rasterio.open(out) as source:
        assert source.dtypes[0] == "float64" and np.isnan(source.nodata)


def test_roads_are_burnt_over_the_land_cover_at_the_table_s_road_speed(tmp_path, landcover):
    roads = roads_file(
        tmp_path / "roads.geojson",
        [
            road([at(2, 0), at(2, 11)], **{"class": "primary"}),
            road([at(4, 0), at(4, 5)], **{"class": "track"}),
        ],
    )
    out = tmp_path / "friction.tif"
    call_command(
        "access",
        "friction",
        landcover=str(landcover),
        speeds=str(table_file(tmp_path)),
        roads=str(roads),
        out=str(out),
    )
    values = read_friction(out).values
    assert np.allclose(values[2, :], 3.6 / 60)  # the table's primary speed, a bridge over the river
    assert np.allclose(values[4, :6], 3.6 / 10)  # track: the default speed, the table lacks it
    assert values[1, 0] == 3.6 / 2.0 and np.isnan(values[1, 6])


def refused(tmp_path, **options):
    before = set(tmp_path.iterdir())
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("access", "friction", out=str(tmp_path / "out.tif"), **options)
    assert set(tmp_path.iterdir()) == before
    message = str(raised.value)
    assert "未写入任何文件" in message
    return message


@pytest.mark.parametrize(
    "text, words",
    [
        ("class,label,speed\n1,forest,2\n2,grass,4.5\n3,water,0\n", ["--speeds", "9", "第 1 行", "第 0 列"]),
        ("class,label,speed\n1,forest,2\n2,grass,-4\n3,water,0\n9,x,1\n", ["--speeds", "第 3 行", "-4"]),
        ("class,label,speed\n1,forest,fast\n2,grass,4\n3,water,0\n9,x,1\n", ["--speeds", "第 2 行", "fast"]),
        ("class,label,speed,season\n1,forest,2\n", ["--speeds", "第 1 行", "season"]),
        ("class,label,speed\n1,forest,2\n2,grass,4,dry\n", ["--speeds", "第 3 行"]),
        ("class,label,speed\n1,forest,2\n1,woods,3\n", ["--speeds", "第 3 行", "第 2 行"]),
        ("class,label\n1,forest\n", ["--speeds", "speed"]),
    ],
)
def test_a_bad_speed_table_is_refused_naming_the_line(tmp_path, text, words):
    codes = np.array([[1.0, 2.0, 3.0], [ABSENT, 1.0, 2.0]])
    landcover = synthetic.write_raster(tmp_path / "lc.tif", codes, cell=10.0)
    table = table_file(tmp_path, text)
    message = refused(tmp_path, landcover=str(landcover), speeds=str(table))
    assert all(word in message for word in words), message


def test_bad_landcover_options_are_refused(tmp_path, landcover):
    table = table_file(tmp_path)
    walking = synthetic.write_raster(tmp_path / "walk.tif", np.full((5, 12), 0.9), cell=10.0)
    assert "--landcover" in refused(
        tmp_path, landcover=str(landcover), walking=str(walking), speeds=str(table)
    )
    assert "--speeds" in refused(tmp_path, landcover=str(landcover))
    assert "--landcover" in refused(tmp_path, speeds=str(table))
    fractional = synthetic.write_raster(tmp_path / "frac.tif", np.full((2, 2), 1.5), cell=10.0)
    assert "--landcover" in refused(tmp_path, landcover=str(fractional), speeds=str(table))
    degrees = synthetic.write_raster(tmp_path / "deg.tif", np.ones((2, 2)), cell=0.01, crs="EPSG:4326")
    assert "--landcover" in refused(tmp_path, landcover=str(degrees), speeds=str(table))


def test_landcover_friction_feeds_the_surface_with_tobler(tmp_path, landcover):
    out = tmp_path / "friction.tif"
    call_command(
        "access", "friction", landcover=str(landcover), speeds=str(table_file(tmp_path)), out=str(out)
    )
    dem = synthetic.write_raster(tmp_path / "dem.tif", np.zeros((5, 12)), cell=10.0)
    facilities = tmp_path / "f.csv"
    facilities.write_text(f"id,x,y\n1,{at(2, 0)[0]},{at(2, 0)[1]}\n")
    call_command(
        "access",
        "surface",
        friction=str(out),
        facilities=str(facilities),
        walk=True,
        elevation=str(dem),
        slope="tobler",
        out=str(tmp_path / "time.tif"),
    )
    seconds = rasterio.open(tmp_path / "time.tif").read(1)
    assert seconds[2, 3] == pytest.approx(30.0 * 3.6 / 2.0)  # 30 m of forest at 2 km/h, flat
    assert seconds[2, 8] == -1.0  # beyond the river: unreachable


def test_windowed_fields_with_tobler_equal_the_whole_grid_search():
    """The what-if's per-facility fields bound their window by Tobler's least factor (a 5 % descent)."""
    rng = np.random.default_rng(6)
    friction = rng.choice([3.6 / 2.0, 3.6 / 4.5, 3.6 / 40.0], size=(60, 70), p=[0.45, 0.45, 0.1])
    hills = np.add.outer(np.sin(np.arange(60) / 6.0), np.cos(np.arange(70) / 9.0)) * 40.0
    rows, cols = np.array([10, 30, 50]), np.array([12, 40, 60])
    cap = 400.0
    kept = build_fields(friction, 100.0, 100.0, rows, cols, [1, 2, 3], cap, elevation=hills, walk=Tobler())
    full = travel_time(
        friction, 100.0, 100.0, rows, cols, [1, 2, 3], max_seconds=cap, elevation=hills, walk=Tobler()
    )
    np.testing.assert_array_equal(kept.surface().seconds.reshape(friction.shape), full.seconds)
    assert least_cost_per_metre(friction, hills, Tobler()) == pytest.approx(3.6 / 40.0 * math.exp(-0.175))
