"""The shared indicator catalogue: only catalogue managers change what every region's scorecard means,
and every change is kept as a version (the attack probe: county, institution and CDC users PATCHed it)."""

import pytest
from rest_framework.test import APIClient

from tixi.indicators.models import Indicator, IndicatorVersion

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


@pytest.mark.parametrize("role", ["planner", "county", "institution", "cdc", "auditor", "dazhou", "dachuan"])
def test_no_role_changes_the_catalogue(api, role):
    indicator = Indicator.objects.order_by("code").first()
    response = api(role).patch(f"/api/indicators/{indicator.code}/", {"numerator": "1"}, format="json")
    assert response.status_code == 403
    created = api(role).post("/api/indicators/", {"code": "x", "name": "x", "numerator": "1"}, format="json")
    assert created.status_code == 403
    assert Indicator.objects.get(pk=indicator.pk).numerator == indicator.numerator
    assert api(role).get(f"/api/indicators/{indicator.code}/").status_code == 200


def test_a_catalogue_manager_changes_it_and_each_change_is_a_version(catalogue_manager):
    client = APIClient()
    client.force_authenticate(catalogue_manager)
    indicator = Indicator.objects.order_by("code").first()
    before = indicator.definition()
    version = indicator.version
    assert version >= 1 and indicator.versions.filter(version=version).exists()
    response = client.patch(f"/api/indicators/{indicator.code}/", {"decimals": 3}, format="json")
    assert response.status_code == 200 and response.data["version"] == version + 1
    latest = IndicatorVersion.objects.get(indicator=indicator, version=version + 1)
    assert latest.definition["decimals"] == 3 and latest.username == catalogue_manager.username
    assert IndicatorVersion.objects.get(indicator=indicator, version=version).definition == before
    # the same values again: no new version
    client.patch(f"/api/indicators/{indicator.code}/", {"decimals": 3}, format="json")
    assert Indicator.objects.get(pk=indicator.pk).version == version + 1


def test_loading_the_catalogue_again_keeps_each_version(catalogue_manager):
    """A reload (the demo's, or a catalogue update) reset every version to 0 while its versions stayed:
    the next change then collided with version 1 (a 500)."""
    from tixi.indicators.services import load_catalogue

    indicator = Indicator.objects.order_by("code").first()
    version = indicator.version
    load_catalogue()
    assert Indicator.objects.get(pk=indicator.pk).version == version >= 1
    client = APIClient()
    client.force_authenticate(catalogue_manager)
    response = client.patch(f"/api/indicators/{indicator.code}/", {"decimals": 4}, format="json")
    assert response.status_code == 200 and response.data["version"] == version + 1
