"""`tixi access surface`: the engine's numbers, the GeoTIFFs it writes, and every refusal (named, nothing written)."""

import re

import numpy as np
import pytest
import rasterio
from django.core.management import CommandError, call_command
from django.utils import translation
from rasterio.transform import Affine
from skimage.graph import MCP_Geometric

from tixi.layout.engine import synthetic
from tixi.layout.engine.travel import NEAREST_NODATA, travel_time

CRS = synthetic.CRS
WEST, NORTH = synthetic.ORIGIN


def write_raster(path, values, cell=(10.0, 10.0), crs=CRS, nodata=np.nan, dtype="float64"):
    rows, cols = values.shape
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=cols,
        height=rows,
        count=1,
        dtype=dtype,
        crs=crs,
        transform=Affine(cell[0], 0.0, WEST, 0.0, -cell[1], NORTH),
        nodata=nodata,
    ) as sink:
        sink.write(values.astype(dtype), 1)
    return path


def write_facilities(path, points, cell=(10.0, 10.0), header="id,x,y"):
    """points: (id, row, col), placed in the middle of their cell."""
    lines = [header] + [
        f"{i},{WEST + (c + 0.5) * cell[0]},{NORTH - (r + 0.5) * cell[1]}" for i, r, c in points
    ]
    path.write_text("\n".join(lines) + "\n")
    return path


def surface(tmp_path, friction, facilities, **options):
    call_command(
        "access",
        "surface",
        friction=str(friction),
        facilities=str(facilities),
        out=str(tmp_path / "time.tif"),
        nearest=str(tmp_path / "nearest.tif"),
        **options,
    )
    with rasterio.open(tmp_path / "time.tif") as t, rasterio.open(tmp_path / "nearest.tif") as n:
        assert (
            t.dtypes[0] == "float64"
            and n.dtypes[0] == "int32"
            and t.crs == n.crs == rasterio.crs.CRS.from_user_input(CRS)
        )
        return t.read(1), t.nodata, n.read(1), n.nodata


def test_a_row_of_cells_by_hand(tmp_path):
    """10 m cells, friction 1, 3, 1, 1 s/m: each move costs 10 m x the mean of its two cells."""
    friction = write_raster(tmp_path / "f.tif", np.array([[1.0, 3.0, 1.0, 1.0]]))
    facilities = write_facilities(tmp_path / "f.csv", [(7, 0, 0)])
    seconds, nodata, nearest, _ = surface(tmp_path, friction, facilities)
    assert seconds.tolist() == [[0.0, 20.0, 40.0, 50.0]] and nodata == -1.0
    assert nearest.tolist() == [[7, 7, 7, 7]]


def test_time_is_written_uncompressed_and_nearest_deflated(tmp_path):
    """float64 seconds do not compress (8 % for 1.6 s of CPU per 16 M cells); the ids' patches do."""
    friction = write_raster(tmp_path / "f.tif", np.ones((300, 300)))
    facilities = write_facilities(tmp_path / "f.csv", [(1, 10, 10), (2, 250, 280)])
    surface(tmp_path, friction, facilities)
    with rasterio.open(tmp_path / "time.tif") as t, rasterio.open(tmp_path / "nearest.tif") as n:
        assert t.compression is None and n.compression == rasterio.enums.Compression.deflate
        assert t.profile["tiled"] and n.profile["tiled"]
    assert (tmp_path / "nearest.tif").stat().st_size * 20 < (tmp_path / "time.tif").stat().st_size


def test_a_knights_move_averages_four_cells_and_is_shorter(tmp_path):
    values = np.array([[1.0, 1.0], [1.0, 1.0], [1.0, 2.0]])
    friction = write_raster(tmp_path / "f.tif", values)
    facilities = write_facilities(tmp_path / "f.csv", [(1, 0, 0)])
    eight, *_ = surface(tmp_path, friction, facilities, moves=8)
    sixteen, *_ = surface(tmp_path, friction, facilities, moves=16)
    # 8 moves: diagonal to (1,1) then down: 14.14 x (1+1)/2 + 10 x (1+2)/2
    assert eight[2, 1] == pytest.approx(np.hypot(10, 10) + 15.0)
    # knight: sqrt(20^2 + 10^2) x (start + end + the two cells of the row between) / 4
    assert sixteen[2, 1] == pytest.approx(np.hypot(20, 10) * (1 + 2 + 1 + 1) / 4)


def test_barriers_cut_off_and_the_nearest_facility_labels(tmp_path):
    values = np.ones((5, 7))
    values[:, 3] = np.nan  # a river with no bridge
    values[0, 5] = values[1, 5] = values[1, 6] = np.nan  # walls around the corner cell (0, 6)
    friction = write_raster(tmp_path / "f.tif", values)
    facilities = write_facilities(tmp_path / "f.csv", [(3, 2, 0), (4, 2, 6)])
    seconds, nodata, nearest, nearest_nodata = surface(tmp_path, friction, facilities)
    assert nearest_nodata == NEAREST_NODATA
    assert (seconds[:, 3] == nodata).all() and (nearest[:, 3] == nearest_nodata).all()
    assert (nearest[:, :3] == 3).all() and (nearest[2:, 4:] == 4).all() and nearest[0, 4] == 4
    assert seconds[0, 6] == nodata and nearest[0, 6] == nearest_nodata  # enclosed: unreachable
    assert seconds[0, 4] == pytest.approx(10 + 10 + np.hypot(10, 10))  # (2,6) -> (2,5) -> (1,4) -> (0,4)


def test_the_cap_leaves_cells_beyond_it_unreached(tmp_path):
    friction = write_raster(tmp_path / "f.tif", np.full((1, 10), 1.5))  # 15 s per cell
    facilities = write_facilities(tmp_path / "f.csv", [(1, 0, 0)])
    seconds, nodata, nearest, nearest_nodata = surface(tmp_path, friction, facilities, max_minutes=1)
    assert seconds[0, :5].tolist() == [0, 15, 30, 45, 60] and (seconds[0, 5:] == nodata).all()
    assert (nearest[0, 5:] == nearest_nodata).all()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_eight_moves_equal_scikit_images_mcp_geometric(seed):
    """An independent implementation of the same isotropic 8-move rule (length x mean of the two cells)."""
    values = synthetic.friction_surface(90, 70, seed=seed)
    rows, cols = synthetic.facility_cells(values, 9, seed=seed)
    ours = travel_time(values, 25.0, 25.0, rows, cols, np.arange(9), moves=8)
    reference, _ = MCP_Geometric(np.where(np.isnan(values), np.inf, values * 25.0)).find_costs(
        list(zip(rows, cols, strict=True))
    )
    reached = np.isfinite(reference)
    assert (np.isfinite(ours.seconds) == reached).all()
    np.testing.assert_allclose(ours.seconds[reached], reference[reached], rtol=1e-12)
    # the label is that of a facility at the same cost: recomputing from it alone gives the same time
    cell = np.argwhere(reached)[len(np.argwhere(reached)) // 2]
    label = ours.nearest[tuple(cell)]
    alone = travel_time(values, 25.0, 25.0, rows[label : label + 1], cols[label : label + 1], [label])
    assert alone.seconds[tuple(cell)] == pytest.approx(ours.seconds[tuple(cell)])


# -- refusals: each names the option, says it in Chinese by default, and leaves the folder as it was


def refused(tmp_path, friction, facilities, **options):
    before = set(tmp_path.iterdir())
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command(
            "access",
            "surface",
            friction=str(friction),
            facilities=str(facilities),
            out=str(tmp_path / "time.tif"),
            nearest=str(tmp_path / "nearest.tif"),
            **options,
        )
    assert set(tmp_path.iterdir()) == before  # nothing written, not even a temporary file
    message = str(raised.value)
    assert re.search(r"[\u4e00-\u9fff]", message), message
    assert "未写入任何文件" in message
    return message


@pytest.fixture
def good(tmp_path):
    values = np.ones((6, 8))
    values[2, 2] = np.nan
    return write_raster(tmp_path / "f.tif", values), write_facilities(
        tmp_path / "f.csv", [(1, 0, 0), (2, 5, 7)]
    )


def test_refuses_a_raster_without_a_crs(tmp_path, good):
    friction = write_raster(tmp_path / "nocrs.tif", np.ones((6, 8)), crs=None)
    assert "--friction" in refused(tmp_path, friction, good[1])


def test_refuses_a_raster_in_degrees(tmp_path, good):
    friction = write_raster(tmp_path / "deg.tif", np.ones((6, 8)), crs="EPSG:4490", cell=(0.001, 0.001))
    assert "--friction" in refused(tmp_path, friction, good[1])


def test_refuses_facilities_in_another_crs(tmp_path, good):
    message = refused(tmp_path, *good, crs="EPSG:4326")
    assert "--crs" in message and "EPSG:4326" in message


@pytest.mark.parametrize(
    "points, words",
    [
        ([(1, 0, 0), (2, 0, 9)], ["第 3 行", "2"]),  # column 9 of 8: outside
        ([(1, 0, 0), (2, -1, 3)], ["第 3 行"]),  # above the raster
        ([(1, 2, 2)], ["第 2 行", "障碍"]),  # on the nodata cell
        ([(1, 0, 0), (1, 1, 1)], ["第 3 行", "第 2 行"]),  # the same id twice
    ],
)
def test_refuses_bad_facilities(tmp_path, good, points, words):
    facilities = write_facilities(tmp_path / "bad.csv", points)
    message = refused(tmp_path, good[0], facilities)
    assert "--facilities" in message and all(word in message for word in words), message


def test_refuses_a_csv_without_the_header(tmp_path, good):
    facilities = write_facilities(tmp_path / "bad.csv", [(1, 0, 0)], header="id,lon,lat")
    assert "--facilities" in refused(tmp_path, good[0], facilities)


@pytest.mark.parametrize("bad", [-0.5, np.nan, np.inf])
def test_refuses_negative_nan_or_infinite_friction_and_names_the_cell(tmp_path, good, bad):
    values = np.ones((6, 8))
    values[4, 6] = bad
    friction = write_raster(tmp_path / "bad.tif", values, nodata=-9999.0)  # NaN is not its nodata
    message = refused(tmp_path, friction, good[1])
    assert "--friction" in message and "4" in message and "6" in message


def test_nodata_of_any_value_is_a_barrier(tmp_path, good):
    values = np.ones((6, 8))
    values[:, 4] = -9999.0
    friction = write_raster(tmp_path / "n.tif", values, nodata=-9999.0)
    seconds, nodata, *_ = surface(tmp_path, friction, good[1])
    assert (seconds[:, 4] == nodata).all() and (seconds[:, :4] >= 0).all()


def test_refuses_a_raster_too_big_for_memory_before_reading_it(tmp_path, good):
    """100,000 x 100,000 cells (80 GB as float64), a sparse file of a few kB: refused by its size alone."""
    huge = tmp_path / "huge.tif"
    with rasterio.open(
        huge,
        "w",
        driver="GTiff",
        width=100_000,
        height=100_000,
        count=1,
        dtype="float64",
        crs=CRS,
        transform=Affine(10.0, 0.0, WEST, 0.0, -10.0, NORTH),
        tiled=True,
        sparse_ok=True,
        BIGTIFF="YES",
    ):
        pass
    message = refused(tmp_path, huge, good[1])
    assert "--friction" in message and "GB" in message


def test_refuses_an_output_in_a_missing_folder_or_over_an_input(tmp_path, good):
    with translation.override("zh-hans"), pytest.raises(CommandError, match="--out"):
        call_command(
            "access",
            "surface",
            friction=str(good[0]),
            facilities=str(good[1]),
            out=str(tmp_path / "no" / "t.tif"),
        )
    with translation.override("zh-hans"), pytest.raises(CommandError, match="--out"):
        call_command("access", "surface", friction=str(good[0]), facilities=str(good[1]), out=str(good[0]))


def test_the_message_is_english_when_asked(tmp_path, good):
    with translation.override("en"), pytest.raises(CommandError, match="no coordinate reference system"):
        call_command(
            "access",
            "surface",
            friction=str(write_raster(tmp_path / "x.tif", np.ones((6, 8)), crs=None)),
            facilities=str(good[1]),
            out=str(tmp_path / "t.tif"),
        )


def test_facilities_in_the_rasters_crs_are_accepted(tmp_path, good):
    seconds, nodata, nearest, _ = surface(tmp_path, *good, crs="EPSG:4543")
    assert seconds[0, 0] == 0 and nearest[5, 7] == 2 and seconds[2, 2] == nodata


@pytest.mark.parametrize(
    "extra, words",
    [
        (["--bogus", "1"], ["--bogus", "未知选项"]),
        (["--moves", "12"], ["--moves", "12", "不是可接受的取值"]),
        (["--max-minutes", "abc"], ["--max-minutes", "abc"]),
        (["--lambda", "0.5"], ["--walk"]),  # r.walk's options without --walk
    ],
)
def test_unknown_options_and_bad_values_are_refused_in_chinese(tmp_path, good, extra, words):
    before = set(tmp_path.iterdir())
    argv = [
        "surface",
        "--friction",
        str(good[0]),
        "--facilities",
        str(good[1]),
        "--out",
        str(tmp_path / "t.tif"),
    ]
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("access", *argv, *extra)
    message = str(raised.value)
    assert all(word in message for word in words), message
    assert re.search(r"[\u4e00-\u9fff]", message) and "Error" not in message, message
    assert "未写入任何文件" in message
    assert set(tmp_path.iterdir()) == before


def test_walking_by_hand_climbs_cost_more_than_descents(tmp_path):
    """10 m cells, friction 0: r.walk's a*L, +b*dh up, +c*dh on a gentle descent, +d*dh on a steep one."""
    friction = write_raster(tmp_path / "f.tif", np.zeros((1, 4)))
    dem = write_raster(tmp_path / "dem.tif", np.array([[100.0, 101.0, 100.5, 95.5]]))
    facilities = write_facilities(tmp_path / "f.csv", [(1, 0, 0)])
    seconds, *_ = surface(tmp_path, friction, facilities, walk=True, elevation=str(dem))
    first = 0.72 * 10 + 6.0 * 1.0  # a climb of 1 m
    second = first + 0.72 * 10 + 1.9998 * -0.5  # slope -0.05: gentle
    third = second + 0.72 * 10 + -1.9998 * -5.0  # slope -0.5: steep, dearer again
    assert np.allclose(seconds, [[0.0, first, second, third]], rtol=1e-12)


@pytest.fixture
def dem(tmp_path):
    return write_raster(tmp_path / "dem.tif", np.linspace(100, 160, 48).reshape(6, 8))


def test_walking_refuses_a_missing_or_misplaced_dem(tmp_path, good, dem):
    assert "--walk" in refused(tmp_path, *good, walk=True)
    assert "--elevation" in refused(tmp_path, *good, elevation=str(dem))
    shifted = write_raster(tmp_path / "other.tif", np.ones((6, 9)))
    assert "--elevation" in refused(tmp_path, *good, walk=True, elevation=str(shifted))
    other_crs = write_raster(tmp_path / "crs.tif", np.ones((6, 8)), crs="EPSG:4544")
    message = refused(tmp_path, *good, walk=True, elevation=str(other_crs))
    assert "--elevation" in message and "EPSG:4544" in message
    no_crs = write_raster(tmp_path / "nocrs.tif", np.ones((6, 8)), crs=None)
    assert "--elevation" in refused(tmp_path, *good, walk=True, elevation=str(no_crs))


def test_walking_refuses_nan_heights_facilities_off_the_dem_and_negative_costs(tmp_path, good, dem):
    values = np.ones((6, 8))
    values[3, 5] = np.inf
    bad = write_raster(tmp_path / "inf.tif", values, nodata=-9999.0)
    message = refused(tmp_path, *good, walk=True, elevation=str(bad))
    assert "--elevation" in message and "3" in message and "5" in message
    values = np.ones((6, 8))
    values[5, 7] = -9999.0  # facility 2 stands here
    gap = write_raster(tmp_path / "gap.tif", values, nodata=-9999.0)
    message = refused(tmp_path, *good, walk=True, elevation=str(gap))
    assert "--facilities" in message and "第 3 行" in message
    assert "--walk-coeff" in refused(tmp_path, *good, walk=True, elevation=str(dem), walk_coeff="1,2,3")
    assert "--walk-coeff" in refused(tmp_path, *good, walk=True, elevation=str(dem), walk_coeff="0.7,-1,1,-1")
    assert "--slope-factor" in refused(tmp_path, *good, walk=True, elevation=str(dem), slope_factor=-0.5)


def test_walking_writes_more_time_uphill_than_down(tmp_path, good, dem):
    seconds, nodata, nearest, _ = surface(tmp_path, *good, walk=True, elevation=str(dem), moves=16)
    flat, *_ = surface(tmp_path, *good)
    assert seconds[0, 0] == 0 and nearest[5, 7] == 2 and seconds[2, 2] == nodata
    assert not np.allclose(seconds, flat)


def test_refuses_a_file_larger_than_memory_by_its_size_before_opening_it(tmp_path, good, monkeypatch):
    from tixi.layout.engine import rasters

    opened = []
    monkeypatch.setattr(rasters, "memory_limit", lambda: good[0].stat().st_size - 1)
    monkeypatch.setattr(rasters.rasterio, "open", lambda *a, **k: opened.append(a))
    message = refused(tmp_path, *good)
    assert "--friction" in message and "GB" in message and not opened
