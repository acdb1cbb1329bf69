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
    # walked over a synthetic elevation in 达州's range, by Tobler's function off the roads
    assert data["terrain"]["synthetic"] and data["terrain"]["slope"] == "tobler"
    assert 222 <= data["terrain"]["lowest_metres"] < data["terrain"]["highest_metres"] <= 2458
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
        grid.friction, grid.cell, grid.cell, [new_row], [new_col], [0], max_seconds=cap, **grid.travel()
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
        **grid.travel(),
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
    # the radii are the norms' (达川's clause: 5 km in town, 10-20 km in the countryside, judged at 20)
    assert ems["radii"] == ["5", "20"]
    within = [ems["within"][r] for r in ("5", "20")]
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
        **grid.travel(closed_roads=[0, 1]),  # the closed roads' cells are walked, over the slope
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
    with pytest.raises(AccessError, match="99999"):
        what_if(dachuan, 2024, "township", 30, close_roads=[99999])


def test_synthetic_county_roads_join_every_centre_to_the_seat_without_a_long_detour():
    """Unit: the tree over seat and centres plus the seat's shortcuts leave no centre more than
    DETOUR x its straight line from the seat along county roads; village roads hang off them."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    from tixi.layout.engine.region_grid import DETOUR, SYNTHETIC_SPEEDS, synthetic_roads

    rng = np.random.default_rng(4)
    centres = [tuple(p) for p in rng.uniform([0, -40_000], [20_000, 0], (15, 2))]
    seat = (1_000.0, -39_000.0)  # in a corner, as the demo's county seats often are
    villages = [tuple(p) for p in rng.uniform([0, -40_000], [20_000, 0], (60, 2))]
    roads = synthetic_roads(centres, 200, 100, 200.0, villages, seed=1, seat=seat)
    kinds = [name.split("-")[0] for name in roads.names]
    # two trunk roads crossing at the seat (four arms); a village road to each settlement and hamlet
    assert kinds.count("provincial") == 4 and kinds.count("village") >= 60
    assert kinds.count("county") >= len(centres)  # the tree's 15 links, and shortcuts
    assert all(roads.speeds[k] == SYNTHETIC_SPEEDS[kind] for k, kind in enumerate(kinds))
    hubs = np.array([seat, *centres])
    index = {tuple(p): i for i, p in enumerate(hubs.tolist())}
    rows, cols, lengths = [], [], []
    for line, kind in zip(roads.geometries, kinds, strict=True):
        if kind == "county":
            a, middle, b = (np.array(p) for p in line["coordinates"])
            rows.append(index[tuple(a.tolist())])
            cols.append(index[tuple(b.tolist())])
            lengths.append(np.hypot(*(middle - a)) + np.hypot(*(b - middle)))
    graph = csr_matrix((lengths, (rows, cols)), shape=(len(hubs), len(hubs)))
    way = dijkstra(graph, directed=False, indices=0)
    straight = np.hypot(*(hubs - hubs[0]).T)
    assert np.isfinite(way).all()  # every centre joined
    # the bends lengthen a road by at most sqrt(1 + 0.24^2) - 1 = 2.8%
    assert (way[1:] <= DETOUR * 1.03 * straight[1:]).all()


def test_the_demo_grid_has_county_roads_through_every_township_centre(db):
    import numpy as np

    from tixi.layout.access import facilities_of, region, road_class_choices, road_classes, what_if

    dachuan = Division.objects.at("511703000000", 2024)
    grid = region(dachuan, 2024).grid
    kinds = road_classes(grid)
    assert kinds.count("county") >= 23 and kinds.count("provincial") == 4
    assert "county" in dict(road_class_choices(dachuan, 2024))
    centres = facilities_of(dachuan, 2024, "township")
    rows, cols = grid.cells_of([f.longitude for f in centres], [f.latitude for f in centres])
    on = grid.road_index[rows, cols]
    fast = {i + 1 for i, k in enumerate(kinds) if k in ("county", "provincial")}
    assert np.mean([int(v) in fast for v in on]) >= 0.9  # a town stands on its county road
    closed = what_if(dachuan, 2024, "hospital", 60, close_road_classes=["county"])
    assert closed["change"] < 0 and len(closed["closed_roads"]) == kinds.count("county")


def test_demo_coverage_is_plausible_for_a_hilly_county(db):
    """Not everyone within reach, nobody's township cut off: per town, some residents within 15 min
    of primary care and 30 min of a township centre, and in most towns not all of them (a
    subdistrict, a few km² of the town proper, or a town beside the county seat may have all); a good
    share within 60 min of a hospital county-wide."""
    dachuan = Division.objects.at("511703000000", 2024)
    data = division_coverage(dachuan, 2024)
    for kind, minutes in (("primary", "15"), ("township", "30")):
        shares = {t["name"]: t["kinds"][kind][minutes] / t["population"] for t in data["townships"]}
        assert all(s > 0.05 for s in shares.values()), (kind, shares)
        towns = [s for name, s in shares.items() if not name.endswith("街道")]
        assert sum(s >= 0.98 for s in towns) <= len(towns) / 4, (kind, shares)
    hospital = data["kinds"]["hospital"]["within"]["60"] / data["population"]
    assert 0.1 < hospital < 0.95


def test_hospital_beds_within_reach_per_1000_by_2sfca(db, client):
    """Each hospital's beds are shared among the residents within 60 minutes of it, and each
    township's figure is its residents' mean share: so the townships' shares add back up to the beds
    of the hospitals anyone reaches (2SFCA's conservation), and a township far from every hospital
    reads less than one beside them."""
    dachuan = Division.objects.at("511703000000", 2024)
    data = division_coverage(dachuan, 2024)
    beds = data["bed_access"]
    hospitals = facilities_of(dachuan, 2024, "hospital")
    assert beds["hospitals"] == len(hospitals) and beds["minutes"] == "60"
    assert 0 < beds["beds_reaching_residents"] <= beds["beds"]
    shared = sum(t["beds_per_1000"] * t["population"] / 1000 for t in data["townships"])
    assert shared == pytest.approx(beds["beds_reaching_residents"], rel=0.01)
    assert beds["per_1000"] == pytest.approx(1000 * shared / data["population"], rel=0.01)
    values = [t["beds_per_1000"] for t in data["townships"]]
    assert min(values) >= 0 and max(values) > 1.5 * min(values)


def test_hamlet_roads_bring_nearly_everyone_within_a_km_of_a_road():
    """Unit: with the village groups' hamlets (组组通) no point of a county among its settlements lies
    more than about a lattice step from a road; without them the settlements' roads leave wide gaps.
    Hamlets stay near the county (the grid is its box): none beyond HAMLET_REACH of every place."""
    import numpy as np
    from rasterio.transform import Affine
    from scipy import ndimage
    from scipy.spatial import cKDTree

    from tixi.layout.engine.region_grid import HAMLET_REACH, HAMLET_SPACING, hamlets, synthetic_roads
    from tixi.layout.engine.roads import burn_roads

    rng = np.random.default_rng(5)
    cell, rows, cols = 200.0, 200, 200
    centres = [tuple(p) for p in rng.uniform([0, -20_000], [20_000, 0], (12, 2))]
    villages = [tuple(p) for p in rng.uniform([0, -20_000], [20_000, 0], (40, 2))]
    roads = synthetic_roads(centres, rows, cols, cell, villages, seed=3, seat=(10_000.0, -10_000.0))
    on_road = burn_roads(roads, (rows, cols), Affine(cell, 0, 0, 0, -cell, 0)) > 0
    metres = ndimage.distance_transform_edt(~on_road) * cell
    among_places = metres[:100, :100]  # the places stand in the grid's north-west 20 x 20 km
    assert np.quantile(among_places, 0.99) <= HAMLET_SPACING
    points = hamlets(np.array(centres), np.array(villages), 40_000.0, 40_000.0, seed=3)
    known = cKDTree(np.array(centres + villages))
    assert len(points) and (known.query(points)[0] <= HAMLET_REACH).all()
    assert (points[:, 0] > 20_500).any()  # the lattice reaches beyond the places' box, a little
    assert not (points[:, 0] > 20_000 + HAMLET_REACH).any()
