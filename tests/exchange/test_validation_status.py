"""The validation page's follow-up: a finding's status is one of the allowed values (a hand-made POST
with another is refused, nothing stored), only approvers change it, only within their scope."""

import pytest

from tests import factories
from tixi.exchange.models import Finding, ValidationRule

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


@pytest.fixture
def place(region):
    city, other_city = region["city"], region["other_city"]
    rule = ValidationRule.objects.create(
        code="test-beds",
        name="床位",
        left="R{actual_beds}",
        operator="<=",
        right="R{approved_beds}",
        message="床位超编",
    )
    mine = Finding.objects.create(rule=rule, year=2024, division=city, division_path=city.path, left_value=2)
    theirs = Finding.objects.create(
        rule=rule, year=2024, division=other_city, division_path=other_city.path, left_value=3
    )
    return city, mine, theirs


def follow_up(client, city, finding, status, note="已核实"):
    return client.post(
        "/validation/",
        {"division": city.code, "year": 2024, "finding": finding.pk, "status": status, "note": note},
    )


def test_an_allowed_status_is_stored(client, place):
    city, mine, _theirs = place
    client.force_login(factories.user("county", divisions=[city]))
    answer = follow_up(client, city, mine, "resolved")
    assert answer.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.note) == ("resolved", "已核实")


@pytest.mark.parametrize("status", ["closed", "", "RESOLVED", "open; drop table"])
def test_another_status_is_refused_and_nothing_stored(client, place, status):
    city, mine, _theirs = place
    client.force_login(factories.user("county", divisions=[city]))
    answer = follow_up(client, city, mine, status)
    assert answer.status_code == 400
    mine.refresh_from_db()
    assert (mine.status, mine.note) == ("open", "")


def test_only_approvers_within_their_scope(client, place):
    city, mine, theirs = place
    client.force_login(factories.user("auditor", divisions=[city]))
    assert follow_up(client, city, mine, "resolved").status_code == 403
    client.force_login(factories.user("county", divisions=[city]))
    assert follow_up(client, city, theirs, "resolved").status_code == 404
    for finding in (mine, theirs):
        finding.refresh_from_db()
        assert finding.status == "open"
