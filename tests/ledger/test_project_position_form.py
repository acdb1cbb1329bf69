"""A project's position form shows its point to six decimals (about 0.1 m), not the float's noise: the
screenshot pass found "107.13568355555559" and "30.844718888888877" in 达川's project page."""

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_the_position_form_rounds_the_point_to_six_decimals(region, web):
    plan = factories.plan(region["city"])
    project = factories.project(plan, longitude=107.13568355555559, latitude=30.844718888888877)
    empty = factories.project(plan)
    client = web("planner")
    html = client.get(f"/ledger/projects/{project.pk}/").content.decode()
    assert 'name="longitude" inputmode="decimal" value="107.135684"' in html
    assert 'value="30.844719"' in html
    assert "107.1356835" not in html
    blank = client.get(f"/ledger/projects/{empty.pk}/").content.decode()
    assert 'name="longitude" inputmode="decimal" value=""' in blank
