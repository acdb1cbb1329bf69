"""Hospital placement and reach in the demo (issue 14): county hospitals at the seat, county sub-centres
(县域医疗卫生次中心) in the towns the plans name or pick, every township centre on the county's road
network, and a floor on the residents within 60 minutes of a level-2+ hospital in every county."""

import numpy as np
import pytest
from django.db.models import Q
from scipy import ndimage

from tixi.demo.builder import load_specs
from tixi.geo.models import Division, Level
from tixi.layout.access import facilities_of, region, road_classes, road_hubs, surface, townships_of
from tixi.registry.models import Designation, Institution

YEAR = 2024
COUNTIES = [c["code"] for spec in load_specs() for c in spec["counties"]]

# Residents within 60 minutes of a level-2+ hospital (a general or TCM hospital of level 2 or more, or
# a level-2 county sub-centre), as a share of a county's residents, at least. An official knows that
# most of a county lives within an hour of its seat's hospitals or of a 二级 sub-centre in a big town:
# county roads run 40 km/h, so an hour is some 30 km of county road from a hospital after a walk to
# the nearest road (村村通/组组通: nearly everyone lives within a km of one), and the plans put the
# sub-centres in the big towns far from the seat (达州 30, 巴中 10, 攀枝花 5-8, to the level-2
# standard). So at least 70 % (the demo gives 80-99 %; before sub-centres, hamlet roads and the
# second trunk road it gave 宣汉 50 %, 米易 62 %, 盐边 49 %, which no official believes; the margin is
# for slower walking on slopes). A city district's residents live in its streets beside its
# hospitals: 90 %. 巫山's plan builds its 2 sub-centres with no level (they stay township centres),
# in a county of gorges: 65 %.
FLOOR = {code: 0.7 for code in COUNTIES}
FLOOR.update({"510402": 0.9, "510403": 0.9, "511702": 0.9, "511902": 0.9, "500237": 0.65})


def seat_townships(county: Division) -> list[Division]:
    """The county seat: its streets (街道), else its first township."""
    townships = list(
        Division.objects.descendants_of(county.code, YEAR).filter(level=Level.TOWNSHIP).order_by("code")
    )
    streets = [t for t in townships if t.name.endswith("街道")]
    return streets or townships[:1]


@pytest.mark.parametrize("code", COUNTIES)
def test_every_county_seat_has_a_level2_general_hospital(db, code):
    county = Division.objects.at(code.ljust(12, "0"), YEAR)
    seat = {t.pk for t in seat_townships(county)}
    at_seat = Institution.objects.in_division(county, YEAR).filter(
        Q(division__in=seat) | Q(division__parent__in=seat), type="general_hospital", level__gte=2
    )
    assert at_seat.exists(), county.name


def sub_centres():
    return Designation.objects.filter(kind="county_sub_centre").select_related(
        "institution", "institution__division"
    )


def test_sub_centres_stand_in_the_towns_the_plans_name(db):
    """达川's plan names 石桥镇、赵家镇 and 大树镇 (seed 001 第六章): their central centres are the
    sub-centres, built to the level-2 standard (a sub-centre designated in the demo's last year is
    still being raised to it)."""
    dachuan = {
        d.institution.division.name: d for d in sub_centres() if d.institution.code.startswith("511703")
    }
    assert set(dachuan) == {"石桥镇", "赵家镇", "大树镇"}
    for designation in dachuan.values():
        assert designation.institution.type == "central_township_health_centre"
        assert designation.institution.level == (2 if designation.obtained_on.year < 2025 else None)


def test_sub_centres_are_in_big_towns_away_from_the_seat_as_many_as_the_plans_build(db):
    from tixi.indicators.items import Cell
    from tixi.layout.norms import values_of

    held = list(sub_centres())
    by_region = {}
    for d in held:
        by_region.setdefault(d.institution.code[:4], []).append(d)
    # 达州 30 by 2025, 巴中 10, 攀枝花 5-8 (the demo 6), 巫山 2 by 2027: as many as the demo's today
    # has seen designated, none more
    assert 27 <= len(by_region["5117"]) <= 30
    assert 8 <= len(by_region["5119"]) <= 10
    assert 5 <= len(by_region["5104"]) <= 6
    assert 1 <= len(by_region["5002"]) <= 2
    bigger = []
    for d in held:
        town = d.institution.division
        assert town.level == Level.TOWNSHIP and not town.name.endswith("街道")
        assert town.pk not in {t.pk for t in seat_townships(town.parent)}
        towns = list(
            Division.objects.descendants_of(town.parent.code, YEAR)
            .filter(level=Level.TOWNSHIP)
            .exclude(name__endswith="街道")
        )
        people = dict(
            zip((t.pk for t in towns), values_of("P{}", [Cell(t, YEAR) for t in towns]), strict=True)
        )
        bigger.append(people[town.pk] >= np.nanmedian(list(people.values())))
    # chosen by people x distance from the seat: most are among the larger half of their county's towns
    assert np.mean(bigger) >= 0.7


def test_a_sub_centre_counts_as_a_level2_hospital_only_from_its_designation(db):
    xuanhan = Division.objects.at("511722000000", YEAR)
    level2 = [d.institution for d in sub_centres() if d.institution.code.startswith("511722")]
    built = {i.pk for i in level2 if i.level == 2}
    reach = {f.pk for f in facilities_of(xuanhan, YEAR, "hospital")}
    dates = {d.institution.pk: d.obtained_on.year for d in sub_centres()}
    assert built and all((pk in reach) == (dates[pk] <= YEAR) for pk in built)
    assert not reach & {i.pk for i in level2 if i.level != 2}
    earlier = {f.pk for f in facilities_of(xuanhan, 2020, "hospital")}
    assert not earlier & built  # none designated before 2021


@pytest.mark.parametrize("code", COUNTIES)
def test_township_centres_are_on_the_road_network_to_the_seat(db, code):
    """Every township's centre (where its roads meet: `road_hubs`) stands on a county or provincial
    road joined to the county seat's by roads alone (no walking)."""
    county = Division.objects.at(code.ljust(12, "0"), YEAR)
    grid = region(county, YEAR).grid
    kinds = road_classes(grid)
    fast = np.array([False] + [k in ("county", "provincial") for k in kinds])
    on_road = grid.road_index > 0
    parts, _count = ndimage.label(on_road, structure=np.ones((3, 3)))
    townships = townships_of(county, YEAR)
    hubs, seat = road_hubs(county, YEAR, townships)
    assert len(hubs) == len(townships)  # every township has its centre, where its roads meet
    rows, cols = grid.cells_of([h[0] for h in hubs.values()], [h[1] for h in hubs.values()])
    assert fast[grid.road_index[rows, cols]].all()
    r, c = grid.cells_of([seat[0]], [seat[1]])  # the seat's highest-level hospital
    assert (parts[rows, cols] == parts[r[0], c[0]]).all()


@pytest.mark.parametrize("code", COUNTIES)
def test_most_of_every_county_is_within_an_hour_of_a_level2_hospital(db, code):
    county = Division.objects.at(code.ljust(12, "0"), YEAR)
    grid = region(county, YEAR).grid
    hospitals = facilities_of(county, YEAR, "hospital")
    seconds = surface(grid, hospitals, 61).seconds
    share = grid.population[seconds <= 3600].sum() / grid.population.sum()
    assert share >= FLOOR[code], f"{county.name}: {share:.1%}"
