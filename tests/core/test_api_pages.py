"""A caller may ask for a page size up to 1,000; the default stays 50."""

import pytest
from rest_framework.test import APIClient

from tests import factories

pytestmark = pytest.mark.without_demo


def test_page_size_is_honoured_up_to_its_limit(db):
    city = factories.division("990100000000", parent=factories.division("990000000000"))
    for n in range(60):
        factories.division(f"9901{n + 1:02d}000000", parent=city)
    client = APIClient()
    client.force_authenticate(factories.user("planner", divisions=[city]))
    assert len(client.get("/api/divisions/").json()["results"]) == 50
    assert (
        len(client.get("/api/divisions/?page_size=500").json()["results"]) == 61
    )  # the city and its 60 counties
    assert len(client.get("/api/divisions/?page_size=5").json()["results"]) == 5
    assert len(client.get("/api/divisions/?page_size=5000").json()["results"]) == 61  # capped at 1,000
    for bad in ("null", "0", "-3", "2.5"):
        refused = client.get(f"/api/divisions/?page_size={bad}")
        assert refused.status_code == 400 and "page_size" in refused.json()
