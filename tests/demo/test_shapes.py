"""The demo's boundaries are irregular polygons (no longer rectangles) that still tile: counties cover
their city's outline with no gap and no overlap, townships their county, and every institution stands
inside its own township (or county, or city)."""

import numpy as np
import pytest

from tixi.demo.builder import DemoBuilder
from tixi.demo.shapes import Patch, area, contains, tile


def covering(children, parent, points):
    """For each point inside `parent`, how many of `children` hold it."""
    return [sum(contains(c, x, y) for c in children) for x, y in points if contains(parent, x, y)]


def test_a_tiling_has_no_gap_and_no_overlap():
    rng = np.random.default_rng(7)
    city = Patch.wobbly(101.0, 26.0, 102.6, 27.2, rng)
    counties = tile(city, [0.3, 0.1, 0.15, 0.25, 0.2], 2, rng, wiggle=0.3)
    assert sum(area(c.ring) for c in counties) == pytest.approx(area(city.ring()), rel=1e-9)
    shares = np.array([area(c.ring) for c in counties]) / area(city.ring())
    assert np.abs(shares - [0.3, 0.1, 0.15, 0.25, 0.2]).max() < 0.05  # areas follow the weights
    points = np.random.default_rng(8).uniform([101.0, 26.0], [102.6, 27.2], (2000, 2))
    assert set(covering([c.ring for c in counties], city.ring(), points)) == {1}
    for county in counties:
        towns = tile(county.patch, np.ones(9), 3, rng, wiggle=0.18)
        assert sum(area(t.ring) for t in towns) == pytest.approx(area(county.ring), rel=1e-9)
        assert set(covering([t.ring for t in towns], county.ring, points)) <= {1}
        assert all(area(t.ring) > 0 for t in towns)  # counter-clockwise, none folded


def is_rectangle(ring) -> bool:
    return len({round(x, 9) for x, _ in ring}) <= 2 and len({round(y, 9) for _, y in ring}) <= 2


@pytest.fixture(scope="module")
def built():
    return DemoBuilder().build()


def test_the_demo_shapes_are_irregular_and_tile(built):
    # today's places, and a township merged into another (撤乡并镇) whose ground its successor took over
    places = [
        p
        for p in built.places
        if p.ring is not None and (p.valid_to is None or (p.successor and p.successor.ring is not p.ring))
    ]
    counties = [p for p in places if p.level == 3]
    assert counties and not any(is_rectangle(p.ring) for p in places if p.level in (3, 4))
    rng = np.random.default_rng(3)
    for county in counties:
        towns = [p for p in places if p.level == 4 and p.parent is county]
        if not towns:
            continue
        assert sum(area(np.asarray(t.ring)) for t in towns) == pytest.approx(
            area(np.asarray(county.ring)), rel=1e-9
        )
        w, s, e, n = county.bbox
        points = rng.uniform([w, s], [e, n], (300, 2))
        assert set(covering([np.asarray(t.ring) for t in towns], np.asarray(county.ring), points)) <= {1}
    cities = [p for p in places if p.level == 2]
    for city in cities:
        mine = [c for c in counties if c.parent is city]
        assert sum(area(np.asarray(c.ring)) for c in mine) == pytest.approx(
            area(np.asarray(city.ring)), rel=1e-9
        )


def test_every_institution_stands_inside_its_shape(built):
    outside = []
    for inst in built.institutions:
        place = inst.place.parent if inst.place.level == 5 else inst.place
        shape = place if place.ring is not None else inst.county
        if not contains(np.asarray(shape.ring), *inst.point):
            outside.append(inst.name)
    assert outside == []


def test_a_city_outline_has_no_box_corners_and_counties_keep_their_land_area(built):
    """The outline is rounded: a point 4 % in from each corner of its box lies outside it (a wobbly
    rectangle kept the corners); its counties still share it by their land area."""
    cities = [p for p in built.places if p.level == 2 and p.ring is not None and p.valid_to is None]
    assert cities
    for city in cities:
        ring = np.asarray(city.ring)
        w, s, e, n = city.bbox
        dx, dy = 0.04 * (e - w), 0.04 * (n - s)
        for x, y in ((w + dx, s + dy), (e - dx, s + dy), (e - dx, n - dy), (w + dx, n - dy)):
            assert not contains(ring, x, y), (city.name, x, y)
    for region in built.regions:
        counties, spec = region["counties"], region["spec"]["counties"]
        if len(counties) < 2:
            continue
        shares = np.array([c.get("area_km2", c["share"]) for c in spec], dtype=float)
        areas = np.array([area(np.asarray(c.ring)) for c in counties])
        assert np.abs(areas / areas.sum() - shares / shares.sum()).max() < 0.01
