"""Population coverage per zone: counted by hand on tiny grids, properties on random ones, the +-1 minute
edges, the population spread from a zone table, 2SFCA, and `tixi access coverage` with its refusals."""

import json
import re

import numpy as np
import pytest
import rasterio
from django.core.management import CommandError, call_command
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st
from rasterio.transform import Affine

from tests.layout.test_access_surface import write_facilities, write_raster
from tixi.layout.engine import synthetic
from tixi.layout.engine.coverage import (
    coverage_by_zone,
    spread_population,
    threshold_minutes,
    two_step_catchment,
)
from tixi.layout.engine.travel import travel_time

NAN = np.nan
# Two zones of four cells. Seconds, persons, zone ids:
SECONDS = np.array([[0.0, 600.0, 900.0, 960.0], [1800.0, 3540.0, 3600.0, NAN]])
PEOPLE = np.array([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]])
ZONES = np.array([[1, 1, 2, 2], [1, 1, 2, 2]])


def test_thresholds_come_with_their_edges():
    assert threshold_minutes([15, 30, 60]).tolist() == [14, 15, 16, 29, 30, 31, 59, 60, 61]
    assert threshold_minutes([0.5]).tolist() == [0.5, 1.5]  # none below zero


def test_a_tiny_grid_counted_by_hand():
    coverage = coverage_by_zone(SECONDS, PEOPLE, ZONES)
    assert coverage.zones.tolist() == [1, 2]
    assert coverage.total.tolist() == [14, 22] and coverage.reachable.tolist() == [14, 14]
    # zone 1: 0 s (1), 600 s (2), 1800 s (5), 3540 s (6); zone 2: 900 s (3), 960 s (4), 3600 s (7), unreachable (8)
    assert coverage.column(15).tolist() == [3, 3]
    assert coverage.column(30).tolist() == [8, 7]
    assert coverage.column(60).tolist() == [14, 14]
    share = coverage.share()
    assert share[1, list(coverage.minutes).index(60)] == pytest.approx(100 * 14 / 22)


def test_the_minute_edges_show_who_sits_on_a_threshold():
    """Zone 2's 960 s cell is 16 min away: out at 15, in at 16; its 3600 s cell is in at 60, out at 59."""
    coverage = coverage_by_zone(SECONDS, PEOPLE, ZONES)
    assert [coverage.column(m)[1] for m in (14, 15, 16)] == [0, 3, 7]
    assert [coverage.column(m)[1] for m in (59, 60, 61)] == [7, 14, 14]
    assert [coverage.column(m)[0] for m in (29, 30, 31)] == [3, 8, 8]  # 1800 s is within 30 min exactly


def test_cells_outside_every_zone_are_counted_apart():
    valid = ZONES == 1
    coverage = coverage_by_zone(SECONDS, PEOPLE, ZONES, zone_valid=valid)
    assert coverage.zones.tolist() == [1] and coverage.outside_zones == 22


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 2**31),
    rows=st.integers(1, 12),
    cols=st.integers(1, 12),
    zones=st.integers(1, 5),
    minutes=st.lists(st.floats(0.5, 120), min_size=1, max_size=4),
    spacing=st.sampled_from([7, 10**12 + 3]),  # ids close together (counted directly) or far apart (sorted)
)
def test_coverage_properties(seed, rows, cols, zones, minutes, spacing):
    rng = np.random.default_rng(seed)
    seconds = rng.uniform(0, 9000, (rows, cols))
    seconds[rng.random((rows, cols)) < 0.2] = np.nan
    people = rng.integers(0, 50, (rows, cols)).astype(float)
    ids = rng.integers(0, zones, (rows, cols)) * spacing  # ids need not be consecutive
    coverage = coverage_by_zone(seconds, people, ids, minutes=list(minutes) + [np.inf])
    # within infinite minutes = reachable = people on cells with a finite time; totals add up
    assert np.allclose(coverage.column(np.inf), coverage.reachable)
    for k, zone in enumerate(coverage.zones):
        here = ids == zone
        assert coverage.total[k] == people[here].sum()
        assert coverage.reachable[k] == people[here & np.isfinite(seconds)].sum()
        for j, m in enumerate(coverage.minutes):
            assert coverage.within[k, j] == people[here & (seconds <= m * 60)].sum()
    assert (np.diff(coverage.within, axis=1) >= 0).all()  # more minutes, never fewer people
    share = coverage.share()
    assert ((share >= 0) & (share <= 100)).all()


def test_the_population_spread_by_hand():
    zones = np.array([[1, 1, 2, 2], [1, 1, 2, 2]])
    weights = np.array([[1.0, 1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]])
    grid = spread_population(zones, np.ones_like(zones, bool), {1: 10, 2: 7}, weights)
    # zone 1: 10/3 each on three weighted cells -> 3, 3, 3 and the one left over to the first;
    # zone 2 weighs nothing: 7/4 each -> 1 each and the three left over to the first three
    assert grid.tolist() == [[4, 3, 2, 2], [3, 0, 2, 1]]


def test_the_largest_remainders_get_the_persons_left_over():
    zones = np.zeros((1, 3), int)
    grid = spread_population(zones, np.ones((1, 3), bool), {0: 10}, np.array([[0.55, 0.3, 0.15]]))
    assert grid.tolist() == [[6, 3, 1]]  # 5.5, 3.0, 1.5: the one left over goes to 5.5 (ties: earlier cell)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**31), rows=st.integers(1, 15), cols=st.integers(1, 15))
def test_the_spread_is_exact_whole_and_never_negative(seed, rows, cols):
    rng = np.random.default_rng(seed)
    zones = rng.integers(0, 4, (rows, cols))
    valid = rng.random((rows, cols)) < 0.9
    weights = rng.exponential(1.0, (rows, cols)) * (rng.random((rows, cols)) < 0.6)
    present = {int(z) for z in np.unique(zones[valid])}
    table = {z: int(rng.integers(0, 100_000)) for z in present}
    grid = spread_population(zones, valid, table, weights)
    assert grid.dtype.kind == "i" and (grid >= 0).all() and (grid[~valid] == 0).all()
    for zone, people in table.items():
        here = valid & (zones == zone)
        assert grid[here].sum() == people
        weight = weights[here] if weights[here].sum() > 0 else np.ones(here.sum())
        assert (np.abs(grid[here] - people * weight / weight.sum()) < 1).all()  # off by under one person


def test_a_zone_of_the_table_without_a_cell_is_refused():
    with pytest.raises(KeyError, match="9"):
        spread_population(np.zeros((2, 2), int), np.ones((2, 2), bool), {0: 5, 9: 3}, np.ones((2, 2)))


def test_two_step_floating_catchment_by_hand():
    """A row of five 10 m cells at 1 s/m (10 s per cell), one person each, a 20-second catchment.

    Facility A (col 0, supply 2) reaches cols 0-2: 3 persons, ratio 2/3; B (col 4, supply 1) reaches
    cols 2-4: ratio 1/3. The middle cell reaches both: 2/3 + 1/3.
    """
    result = two_step_catchment(
        np.ones((1, 5)), 10.0, 10.0, [0, 0], [0, 4], [2.0, 1.0], np.ones((1, 5)), minutes=20 / 60
    )
    assert result.demand.tolist() == [3, 3]
    assert result.ratio == pytest.approx([2 / 3, 1 / 3])
    assert result.accessibility[0] == pytest.approx([2 / 3, 2 / 3, 1.0, 1 / 3, 1 / 3])


def test_a_facility_with_nobody_in_reach_has_no_ratio():
    result = two_step_catchment(
        np.ones((1, 5)), 10.0, 10.0, [0], [0], [4.0], np.array([[0, 0, 0, 9, 9.0]]), minutes=10 / 60
    )
    assert np.isnan(result.ratio[0]) and (result.accessibility == 0).all()


# -- the command


def rasters(tmp_path, seconds=SECONDS, people=PEOPLE, zones=ZONES, **kinds):
    return {
        "time": str(write_raster(tmp_path / "time.tif", seconds, nodata=-1.0, **kinds.get("time", {}))),
        "population": str(write_raster(tmp_path / "pop.tif", people, **kinds.get("population", {}))),
        "zones": str(
            write_raster(tmp_path / "zones.tif", zones, dtype="int32", nodata=0, **kinds.get("zones", {}))
        ),
    }


def names(tmp_path, text="id,name\n1,大昌镇\n2,福田镇\n"):
    path = tmp_path / "names.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def coverage(capsys, **options):
    call_command("access", "coverage", **options)
    return capsys.readouterr().out


def test_the_command_reports_json_with_names_and_edges(tmp_path, capsys):
    out = coverage(capsys, **rasters(tmp_path), zone_names=names(tmp_path), format="json")
    data = json.loads(out)
    assert data["minutes"] == ["15", "30", "60"] and data["columns"][:3] == ["14", "15", "16"]
    first, second = data["zones"]
    assert (first["zone"], first["name"], first["population"]) == (1, "大昌镇", 14)
    assert second["name"] == "福田镇" and second["reachable"] == 14
    assert [second["within"][m] for m in ("59", "60", "61")] == [7, 14, 14]
    assert second["share"]["60"] == round(100 * 14 / 22, 2)
    assert data["population"] == 36 and data["within"]["15"] == 6 and data["outside_zones"] == 0


def test_the_time_rasters_nodata_is_unreachable_and_custom_minutes(tmp_path, capsys):
    seconds = SECONDS.copy()
    seconds[1, 3] = -1.0  # as `tixi access surface` writes an unreachable cell
    out = coverage(capsys, **rasters(tmp_path, seconds=seconds), minutes="10", format="json")
    data = json.loads(out)
    assert data["columns"] == ["9", "10", "11"] and data["zones"][1]["reachable"] == 14
    assert [data["zones"][0]["within"][m] for m in ("9", "10", "11")] == [1, 3, 3]


def test_the_table_is_chinese(tmp_path, capsys):
    with translation.override("zh-hans"):
        out = coverage(capsys, **rasters(tmp_path), zone_names=names(tmp_path))
    header = out.splitlines()[0]
    assert "人口" in header and "60 分钟内" in header and not re.search("[A-Za-z]", header), header
    assert "福田镇\t22\t14" in out and "14 (63.6%)" in out


def test_surface_then_coverage_agree_with_the_engine(tmp_path, capsys):
    friction = synthetic.friction_surface(40, 50, seed=4)
    rows, cols = synthetic.facility_cells(friction, 3, seed=4)
    friction_path = write_raster(tmp_path / "f.tif", friction)
    facilities = write_facilities(
        tmp_path / "f.csv", [(i + 1, r, c) for i, (r, c) in enumerate(zip(rows, cols, strict=True))]
    )
    call_command(
        "access",
        "surface",
        friction=str(friction_path),
        facilities=str(facilities),
        out=str(tmp_path / "t.tif"),
    )
    rng = np.random.default_rng(4)
    people = rng.integers(0, 30, friction.shape).astype(float)
    zones = (np.arange(40)[:, None] // 10) * 10 + np.arange(50)[None, :] // 25 + 1
    write_raster(tmp_path / "pop.tif", people)
    write_raster(tmp_path / "zones.tif", zones, dtype="int32", nodata=0)
    capsys.readouterr()
    data = json.loads(
        coverage(
            capsys,
            time=str(tmp_path / "t.tif"),
            population=str(tmp_path / "pop.tif"),
            zones=str(tmp_path / "zones.tif"),
            minutes="5,10",
            format="json",
        )
    )
    seconds = travel_time(friction, 10.0, 10.0, rows, cols, np.arange(3)).seconds
    for zone in data["zones"]:
        here = zones == zone["zone"]
        assert zone["within"]["10"] == people[here & (seconds <= 600)].sum()
        assert zone["reachable"] == people[here & np.isfinite(seconds)].sum()


# -- refusals: each names the option, in Chinese by default, and writes nothing


def refused(tmp_path, **options):
    before = set(tmp_path.iterdir())
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("access", "coverage", **options)
    assert set(tmp_path.iterdir()) == before
    message = str(raised.value)
    assert re.search(r"[\u4e00-\u9fff]", message) and "未写入任何文件" in message, message
    return message


def test_refuses_a_population_grid_of_another_shape(tmp_path):
    options = rasters(tmp_path)
    options["population"] = str(write_raster(tmp_path / "small.tif", np.ones((2, 3))))
    message = refused(tmp_path, **options)
    assert "--population" in message and "2 x 3" in message and "--time" in message


def test_refuses_zones_shifted_by_a_cell(tmp_path):
    options = rasters(tmp_path)
    with rasterio.open(options["zones"]) as source:
        profile, values = source.profile, source.read(1)
    profile["transform"] = profile["transform"] @ Affine.translation(1, 0)
    with rasterio.open(tmp_path / "shifted.tif", "w", **profile) as sink:
        sink.write(values, 1)
    options["zones"] = str(tmp_path / "shifted.tif")
    assert "--zones" in refused(tmp_path, **options)


def test_refuses_a_grid_in_another_crs(tmp_path):
    options = rasters(tmp_path, population={"crs": "EPSG:4544"})
    message = refused(tmp_path, **options)
    assert "--population" in message and "EPSG:4544" in message


@pytest.mark.parametrize("bad", [-3.0, np.nan, np.inf])
def test_refuses_negative_or_nan_population_and_names_the_cell(tmp_path, bad):
    people = PEOPLE.copy()
    people[1, 2] = bad
    options = rasters(tmp_path, people=people, population={"nodata": -9999.0})
    message = refused(tmp_path, **options)
    assert "--population" in message and "第 1 行第 2 列" in message, message


def test_refuses_negative_travel_time(tmp_path):
    seconds = SECONDS.copy()
    seconds[0, 1] = -5.0
    assert "--time" in refused(tmp_path, **rasters(tmp_path, seconds=seconds))


def test_refuses_zones_missing_from_the_names(tmp_path):
    message = refused(tmp_path, **rasters(tmp_path), zone_names=names(tmp_path, "id,name\n1,大昌镇\n"))
    assert "--zone-names" in message and "2" in message


@pytest.mark.parametrize(
    "text, words",
    [
        ("id,名称\n1,a\n", ["name"]),
        ("id,name\n1,a\n1,b\n", ["第 3 行", "第 2 行"]),
        ("id,name\nx,a\n", ["第 2 行"]),
    ],
)
def test_refuses_a_bad_names_csv(tmp_path, text, words):
    message = refused(tmp_path, **rasters(tmp_path), zone_names=names(tmp_path, text))
    assert "--zone-names" in message and all(word in message for word in words), message


@pytest.mark.parametrize("minutes", ["", "15,abc", "0", "-5", "nan"])
def test_refuses_bad_minutes(tmp_path, minutes):
    assert "--minutes" in refused(tmp_path, **rasters(tmp_path), minutes=minutes)


def test_refuses_a_missing_file(tmp_path):
    options = rasters(tmp_path)
    options["zones"] = str(tmp_path / "nowhere.tif")
    assert "--zones" in refused(tmp_path, **options)


def test_refuses_fractional_zone_ids(tmp_path):
    options = rasters(tmp_path)
    options["zones"] = str(write_raster(tmp_path / "fz.tif", ZONES + 0.5))
    assert "--zones" in refused(tmp_path, **options)


# -- `tixi access population`: the grid spread from a zone table


def population_inputs(tmp_path, table="id,population\n1,10\n2,7\n", weights=None, **kinds):
    zones = write_raster(tmp_path / "zones.tif", ZONES, dtype="int32", nodata=0)
    weight = np.array([[1.0, 1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]]) if weights is None else weights
    (tmp_path / "pop.csv").write_text(table, encoding="utf-8")
    return {
        "zones": str(zones),
        "table": str(tmp_path / "pop.csv"),
        "weights": str(write_raster(tmp_path / "w.tif", weight, **kinds)),
        "out": str(tmp_path / "pop.tif"),
    }


def test_the_population_command_writes_whole_persons_and_feeds_coverage(tmp_path, capsys):
    options = population_inputs(tmp_path)
    with translation.override("zh-hans"):
        call_command("access", "population", **options)
    assert "17 人已分配到 7 个像元" in capsys.readouterr().out
    with rasterio.open(options["out"]) as source:
        assert source.dtypes[0] == "int32" and source.read(1).tolist() == [[4, 3, 2, 2], [3, 0, 2, 1]]
    write_raster(tmp_path / "time.tif", SECONDS, nodata=-1.0)
    out = coverage(
        capsys,
        time=str(tmp_path / "time.tif"),
        population=options["out"],
        zones=options["zones"],
        format="json",
    )
    assert [zone["population"] for zone in json.loads(out)["zones"]] == [10, 7]


def refused_population(tmp_path, **options):
    before = set(tmp_path.iterdir())
    with translation.override("zh-hans"), pytest.raises(CommandError) as raised:
        call_command("access", "population", **options)
    assert set(tmp_path.iterdir()) == before  # no POP.tif, no temporary file
    message = str(raised.value)
    assert "未写入任何文件" in message, message
    return message


@pytest.mark.parametrize(
    "table, words",
    [
        ("id,population\n1,10\n", ["--table", "2"]),  # zone 2 of the raster has no population
        ("id,population\n1,10\n2,7\n3,5\n", ["--table", "3"]),  # zone 3 has no cell
        ("id,population\n1,10\n2,-7\n", ["--table", "第 3 行"]),
        ("id,population\n1,10\n2,7.5\n", ["--table", "第 3 行"]),
        ("id,people\n1,10\n", ["--table", "population"]),
    ],
)
def test_the_population_command_refuses_a_bad_table(tmp_path, table, words):
    message = refused_population(tmp_path, **population_inputs(tmp_path, table=table))
    assert all(word in message for word in words), message


def test_the_population_command_refuses_negative_weights_or_another_grid(tmp_path):
    weights = np.ones((2, 4))
    weights[0, 3] = -1.0
    assert "--weights" in refused_population(tmp_path, **population_inputs(tmp_path, weights=weights))
    other = population_inputs(tmp_path, crs="EPSG:4544")
    assert "--weights" in refused_population(tmp_path, **other)
