"""One action saves a data value for the page and the API: the approval lock is read inside the
transaction that writes, and a locked year is refused by both with nothing written."""

import pytest
from django.db import connection

from tixi.exchange import approval
from tixi.geo.models import Division
from tixi.indicators import actions
from tixi.indicators.models import DataElement, DataValue

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]
COUNTY = "990102000000"  # the kit's county (two_cities), the county user's scope


@pytest.fixture
def lock_checks(monkeypatch):
    """Each lock check the action makes, with how many savepoints were open when it was made."""
    seen = []
    real = actions.refuse_if_locked

    def recording(path, year):
        seen.append(len(connection.savepoint_ids))
        return real(path, year)

    monkeypatch.setattr(actions, "refuse_if_locked", recording)
    return seen


def page_post(client, period, value):
    element = DataElement.objects.get(code="health_literacy")
    return client.post(
        "/datavalues/",
        {
            "element": element.pk,
            "option": "",
            "period": period,
            "value": value,
            "comment": "",
            "division_code": COUNTY,
        },
    )


def test_page_and_api_check_the_lock_inside_the_saving_transaction(web, api, lock_checks):
    outside = len(connection.savepoint_ids)
    assert page_post(web("county"), "2022", 30).status_code == 302
    client = api("county")
    created = client.post(
        "/api/datavalues/",
        {"element": "health_literacy", "division": COUNTY, "period": "2021", "value": 31},
        format="json",
    )
    assert created.status_code == 201, created.data
    assert (
        client.patch(f"/api/datavalues/{created.data['id']}/", {"value": 32}, format="json").status_code
        == 200
    )
    # page: one savepoint deeper than the test; API create and update: two (the request's transaction,
    # AtomicWritesMixin, and the action's own); the update checks the cell it writes and the one it leaves
    assert lock_checks == [outside + 1] + [outside + 2] * 3
    assert DataValue.objects.get(pk=created.data["id"]).value == 32


def test_a_locked_year_is_refused_by_page_and_api_and_nothing_is_written(web, api, users):
    county = Division.objects.at(COUNTY, 2024)
    element = DataElement.objects.get(code="health_literacy")
    actions.save_data_value(
        {"element": element, "division": county, "period": "2024", "value": 28}, users["county"]
    )
    for township in approval.children(county, 2024):
        approval.approve(township, 2024, users["county"])
    approval.approve(county, 2024, users["planner"])
    cell = {"element__code": "health_literacy", "division__code": COUNTY, "period": "2024"}
    before = list(DataValue.objects.filter(**cell).values_list("value", flat=True))
    assert before == [28]
    response = page_post(web("county"), "2024", 99)
    assert response.status_code == 400 and "2024" in response.content.decode()
    response = api("county").post(
        "/api/datavalues/",
        {"element": "health_literacy", "division": COUNTY, "period": "2024", "value": 99},
        format="json",
    )
    assert response.status_code == 400 and "2024" in str(response.data["non_field_errors"])
    assert list(DataValue.objects.filter(**cell).values_list("value", flat=True)) == before
    # moving an unlocked value into the locked year is refused too
    moved = actions.save_data_value(
        {
            "element": DataElement.objects.get(code="health_literacy"),
            "division": county,
            "period": "2020",
            "value": 1,
        },
        users["county"],
    )
    response = api("county").patch(f"/api/datavalues/{moved.pk}/", {"period": "2024"}, format="json")
    assert response.status_code == 400
    assert DataValue.objects.get(pk=moved.pk).period == "2020"
