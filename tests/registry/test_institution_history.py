"""The institution page shows the change history of the institution and of its yearly reports, from the
audit trail, as far as the reader's scope goes (a small region of its own, no demo)."""

import pytest

from tests import factories
from tixi.accounts.audit import acting_as

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.region("two_counties")]


@pytest.fixture
def region(region):
    """The kit's city of two counties; two hospitals of the east county, one renamed, the other's
    report changed before it moves to the west county."""
    east, west = region["east"], region["west"]
    with acting_as("loader"):
        hospital = factories.institution(east, name="东区医院")
        other = factories.institution(east, name="另一家医院")
        report = factories.yearly_report(hospital, 2024, actual_beds=100)
    with acting_as("editor"):
        report.actual_beds = 120
        report.save()
        other.name = "另一家医院（改名）"
        other.save()
        hospital.division = west  # moved to the west county: this entry belongs to the west
        hospital.save()
    return {**region, "hospital": hospital}


def history_of(client, user, hospital):
    client.force_login(user)
    page = client.get(f"/institutions/{hospital.code}/")
    assert page.status_code == 200
    return list(page.context["history"]), page.content.decode()


def test_the_institution_and_its_reports_changes_are_listed(client, region):
    planner = factories.user("planner", divisions=[region["city"]])
    entries, html = history_of(client, planner, region["hospital"])
    shown = [(e.model, e.action, e.username) for e in entries]
    assert shown == [
        ("registry.Institution", "update", "editor"),
        ("registry.InstitutionYear", "update", "editor"),
        ("registry.InstitutionYear", "create", "loader"),
        ("registry.Institution", "create", "loader"),
    ]
    assert entries[1].before == {"actual_beds": 100} and entries[1].after == {"actual_beds": 120}
    assert "另一家医院" not in html  # another institution's changes are not this page's
    assert "No change since the data was loaded." not in html and "数据载入后无变更" not in html


def test_the_history_is_scoped(client, region):
    west_county = factories.user("county", divisions=[region["west"]])
    entries, _html = history_of(client, west_county, region["hospital"])
    # the creation was recorded in the east county, outside this user's scope
    assert {(e.model, e.action) for e in entries} == {("registry.Institution", "update")}
