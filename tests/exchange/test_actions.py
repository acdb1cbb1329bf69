"""One action saves a yearly report for the form, the field-by-field entry and the API: the approval
lock and the blocking rules are read inside the transaction that writes."""

import pytest
from django.db import connection

from tests import factories
from tixi.exchange import actions, approval

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def hospital(region):
    """A township's hospital with its 2024 report, in the county user's scope."""
    made = factories.institution(region["township"], name="测试县人民医院")
    factories.yearly_report(made, 2024, nurses=100, actual_beds=80, approved_beds=80)
    return made


@pytest.fixture
def lock_checks(monkeypatch):
    """Each lock check the action makes, with how many savepoints were open when it was made."""
    seen = []

    def recording(path, year):
        seen.append(len(connection.savepoint_ids))
        return approval.refuse_if_locked(path, year)

    monkeypatch.setattr(actions, "refuse_if_locked", recording)
    return seen


def test_form_field_and_api_check_the_lock_inside_the_saving_transaction(web, api, lock_checks, hospital):
    report = hospital.years.get(year=2024)
    outside = len(connection.savepoint_ids)
    client = web("county")
    page = client.get(f"/institutions/{hospital.code}/resources/2024/")
    data = {field.name: field.value() or 0 for field in page.context["form"]}
    assert client.post(f"/institutions/{hospital.code}/resources/2024/", data).status_code == 302
    field = client.post(
        f"/institutions/{hospital.code}/resources/2024/field/", {"field": "nurses", "nurses": "１２０"}
    )
    assert field.status_code == 200
    response = api("county").patch(f"/api/resources/{report.pk}/", {"nurses": 121}, format="json")
    assert response.status_code == 200, response.data
    # three writes, three checks, each inside the action's atomic block: the form and the field one
    # savepoint deeper than the test, the API two (the request's transaction, AtomicWritesMixin, first)
    assert lock_checks == [outside + 1, outside + 1, outside + 2]
    report.refresh_from_db()
    assert report.nurses == 121


def test_a_locked_year_is_refused_by_every_path_and_nothing_is_written(web, api, users, region, hospital):
    for township in approval.children(region["county"], 2024):
        approval.approve(township, 2024, users["county"])
    report = hospital.years.get(year=2024)
    before = report.nurses
    client = web("county")
    page = client.get(f"/institutions/{hospital.code}/resources/2024/")
    data = {field.name: field.value() or 0 for field in page.context["form"]}
    assert (
        client.post(f"/institutions/{hospital.code}/resources/2024/", {**data, "nurses": 1}).status_code
        == 400
    )
    field = client.post(
        f"/institutions/{hospital.code}/resources/2024/field/", {"field": "nurses", "nurses": "1"}
    )
    assert field.status_code == 400 and "锁定" in field.content.decode()
    response = api("county").patch(f"/api/resources/{report.pk}/", {"nurses": 1}, format="json")
    assert response.status_code == 400 and "锁定" in str(response.data)
    report.refresh_from_db()
    assert report.nurses == before
