"""A data value moved onto a cell that already holds one is refused with a 400 naming the field (the
attack probe got a 500 from the unique constraint)."""

import pytest

from tixi.indicators.models import DataValue

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


def test_moving_onto_an_existing_cell_is_a_400(api, region):
    client = api("planner")
    city = region["city"].code
    for period, value in (("2022", 30.0), ("2023", 31.0)):
        response = client.post(
            "/api/datavalues/",
            {"element": "health_literacy", "division": city, "period": period, "value": value},
            format="json",
        )
        assert response.status_code == 201, response.data
    moved = DataValue.objects.get(element__code="health_literacy", division__code=city, period="2022")
    response = client.patch(f"/api/datavalues/{moved.pk}/", {"period": "2023"}, format="json")
    assert response.status_code == 400 and "period" in response.data
    assert DataValue.objects.get(pk=moved.pk).period == "2022"
    assert client.patch(f"/api/datavalues/{moved.pk}/", {"value": 32.5}, format="json").status_code == 200
