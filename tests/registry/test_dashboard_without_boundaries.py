"""A commission's own region (no demo data, no boundaries yet) gets a dashboard without an empty
map and without the demo's "synthetic" notes; the notes and the map come with the data they speak of."""

import datetime as dt

import pytest

from tests import factories
from tixi.geo.models import Boundary

pytestmark = pytest.mark.without_demo
SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


@pytest.fixture
def region(db):
    city = factories.division("990100000000", parent=factories.division("990000000000"))
    county = factories.division("990102000000", parent=city)
    return city, county


def page(client, city) -> str:
    client.force_login(factories.user("planner", divisions=[city]))
    response = client.get(f"/divisions/{city.code}/?year=2024")
    assert response.status_code == 200
    return response.content.decode()


def test_no_boundaries_no_map_and_no_demo_note(client, region):
    html = page(client, region[0])
    assert 'id="chart-map"' not in html
    assert "演示生成" not in html and "边界为模拟数据" not in html


def test_real_boundaries_are_drawn_without_the_synthetic_badge(client, region):
    Boundary.objects.create(division=region[1], geometry=SQUARE, is_synthetic=False)
    html = page(client, region[0])
    assert 'id="chart-map"' in html
    assert "边界为模拟数据" not in html


def test_synthetic_boundaries_and_data_are_labelled(client, region):
    Boundary.objects.create(division=region[1], geometry=SQUARE, is_synthetic=True)
    region[1].is_synthetic = True
    region[1].save()
    html = page(client, region[0])
    assert 'id="chart-map"' in html
    assert "演示生成" in html


def test_the_registry_offers_no_year_that_has_not_begun(client, region, settings):
    """On 2025-10-15, 2026 holds no report: offering it would show zero beds where it means "not yet"."""
    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    html = page(client, region[0])
    assert '<option value="2025"' in html and '<option value="2026"' not in html
    response = client.get(f"/divisions/{region[0].code}/?year=2026")
    assert 'value="2025" selected' in response.content.decode()
