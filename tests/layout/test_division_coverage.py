"""Coverage from the database: a division's townships, population and facilities on a synthetic grid."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from tixi.geo.models import Division
from tixi.indicators.items import Cell
from tixi.layout.access import cache_path, division_coverage, facilities_of
from tixi.layout.norms import values_of


def test_township_coverage_adds_up(db, capsys):
    call_command("access", "coverage", "--division", "511703", "--year", "2024", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    dachuan = Division.objects.at("511703000000", 2024)
    # every resident of the registry's population is on the grid, township by township
    assert data["population"] == int(values_of("P{}", [Cell(dachuan, 2024)])[0])
    assert sum(t["population"] for t in data["townships"]) == data["population"]
    assert data["synthetic"] and data["minutes"] == ["15", "30", "60"]
    assert data["columns"] == ["14", "15", "16", "29", "30", "31", "59", "60", "61"]
    for kind in ("primary", "township", "hospital"):
        within = [data["kinds"][kind]["within"][m] for m in data["columns"]]
        assert within == sorted(within) and within[-1] <= data["population"]
        assert data["kinds"][kind]["facilities"] == len(facilities_of(dachuan, 2024, kind))
        for t in data["townships"]:
            assert t["kinds"][kind]["60"] <= t["population"]
    # any primary care reaches at least as many people as township centres, which are primary care
    assert data["kinds"]["primary"]["within"]["30"] >= data["kinds"]["township"]["within"]["30"]
    assert cache_path(dachuan, 2024).exists()
    assert str(cache_path(dachuan, 2024)).startswith(str(settings.VAR_DIR))


def test_the_cached_grid_gives_the_same_answer(db):
    dachuan = Division.objects.at("511703000000", 2024)
    first = division_coverage(dachuan, 2024)
    second = division_coverage(dachuan, 2024)
    first.pop("seconds"), second.pop("seconds")
    assert first == second


@pytest.mark.parametrize(
    "args, message",
    [
        (["--division", "511703"], "--year"),
        ([], "--time"),
        (["--division", "511703", "--year", "2024", "--minutes", "x"], "--minutes"),
    ],
)
def test_bad_input_names_the_option(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("access", "coverage", *args)


def test_adding_a_site_incrementally_equals_a_full_rerun(db):
    import numpy as np

    from tixi.layout.access import region, surface
    from tixi.layout.engine.travel import travel_time

    dachuan = Division.objects.at("511703000000", 2024)
    grid = region(dachuan, 2024).grid
    existing = facilities_of(dachuan, 2024, "township")
    rows, cols = grid.cells_of([f.longitude for f in existing], [f.latitude for f in existing])
    grid.open_cells(rows, cols)
    new_row, new_col = grid.shape[0] // 3, grid.shape[1] // 2
    grid.open_cells([new_row], [new_col])
    cap = 31 * 60.0
    before = surface(grid, existing, 31).seconds
    alone = travel_time(
        grid.friction, grid.cell, grid.cell, [new_row], [new_col], [0], max_seconds=cap
    ).seconds
    incremental = np.minimum(before, alone)
    rerun = travel_time(
        grid.friction,
        grid.cell,
        grid.cell,
        np.append(rows, new_row),
        np.append(cols, new_col),
        np.arange(len(existing) + 1),
        max_seconds=cap,
    ).seconds
    finite = np.isfinite(rerun)
    assert (np.isfinite(incremental) == finite).all()
    assert np.allclose(incremental[finite], rerun[finite], rtol=1e-12)


def test_straight_line_distance_to_the_nearest_station():
    import numpy as np

    from tixi.layout.access import distance_to_nearest
    from tixi.layout.engine.region_grid import METRES_PER_DEGREE, RegionGrid

    grid = RegionGrid(
        np.ones((3, 4)), np.ones((3, 4), np.int64), np.ones((3, 4), np.int64), 0.0, 1.0, 0.0, 1000.0
    )
    # a station at the centre of cell (0, 0): 0.5 km east and 0.5 km south of the north-west corner
    lon, lat = 500 / METRES_PER_DEGREE, 1.0 - 500 / METRES_PER_DEGREE
    metres = distance_to_nearest(grid, [lon], [lat])
    assert metres[0, 0] == pytest.approx(0, abs=1e-6)
    assert metres[2, 3] == pytest.approx(np.hypot(2000, 3000))
    assert np.isinf(distance_to_nearest(grid, [], [])).all()


def test_ems_radius_per_township(db):
    from tixi.layout.access import ems_radius, region

    dachuan = Division.objects.at("511703000000", 2024)
    ems = ems_radius(region(dachuan, 2024))
    within = [ems["within"][r] for r in ("5", "10", "20")]
    assert ems["stations"] > 0 and within == sorted(within) and within[0] > 0
    for code, township in ems["townships"].items():
        name = Division.objects.at(code, 2024).name
        assert township["radius"] == ("5" if name.endswith("街道") else "20")
        assert township["inside"] == township["within"][township["radius"]]


def test_the_demo_grid_has_a_synthetic_road_network_burnt_in(db):
    import numpy as np

    from tixi.layout.access import region
    from tixi.layout.engine.region_grid import SYNTHETIC_SPEEDS

    grid = region(Division.objects.at("511703000000", 2024), 2024).grid
    assert grid.road_index.max() == len(grid.road_speeds) > 2
    on_road = grid.road_index > 0
    assert np.allclose(grid.friction[on_road], 3.6 / grid.road_speeds[grid.road_index[on_road] - 1])
    assert set(grid.road_speeds.tolist()) <= set(SYNTHETIC_SPEEDS.values())
    assert np.array_equal(grid.friction[~on_road], grid.walking[~on_road], equal_nan=True)


def test_what_if_closing_roads_and_facilities_is_incremental_and_equals_a_full_rerun(db):
    import numpy as np

    from tixi.layout.access import MOVES, kept_fields, region, what_if
    from tixi.layout.engine.coverage import coverage_by_zone
    from tixi.layout.engine.travel import travel_time

    dachuan = Division.objects.at("511703000000", 2024)
    facilities = facilities_of(dachuan, 2024, "township")
    closed = facilities[1].code
    result = what_if(dachuan, 2024, "township", 30, close=[closed], close_roads=[1, 2])
    assert result["closed_roads"] == [1, 2] and 0 < result["recomputed"] < result["facilities"]
    # the full rerun: the remaining facilities on the friction with roads 1 and 2 walked again
    grid = region(dachuan, 2024).grid
    kept = [f for f in facilities if f.code != closed]
    rows, cols = grid.cells_of([f.longitude for f in facilities], [f.latitude for f in facilities])
    grid.open_cells(rows, cols)
    friction = grid.friction_without([0, 1])
    keep = np.array([f.code != closed for f in facilities])
    rerun = travel_time(
        friction,
        grid.cell,
        grid.cell,
        rows[keep],
        cols[keep],
        np.arange(len(kept)),
        moves=MOVES,
        max_seconds=31 * 60.0,
    )
    covered = coverage_by_zone(rerun.seconds, grid.population, grid.zones, grid.zones > 0, [30], edge=0)
    assert result["after"] == int(covered.within[:, 0].sum())
    assert result["after"] < result["before"]
    # closing a facility alone computes no travel time at all
    alone = what_if(dachuan, 2024, "township", 30, close=[closed])
    assert alone["recomputed"] == 0 and alone["after"] >= result["after"]
    assert len(kept_fields(grid, dachuan, 2024, "township", facilities, 31 * 60.0).fields) == len(facilities)


def test_what_if_refuses_a_road_not_in_the_network(db):
    from tixi.layout.access import AccessError, what_if

    dachuan = Division.objects.at("511703000000", 2024)
    with pytest.raises(AccessError, match="999"):
        what_if(dachuan, 2024, "township", 30, close_roads=[999])
