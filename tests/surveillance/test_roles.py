"""Who sees the signals, from the one table of capabilities: CDC analysts see and verify, planners
and county users see, auditors read only, institution users (who report cases) see no signal: no
nav link, the pages and the API answer 403."""

import datetime as dt

import pytest

from tests.surveillance.conftest import cases
from tixi.accounts.permissions import Capability, can
from tixi.surveillance import detection
from tixi.surveillance.models import Signal, SignalStatus

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

NAV_LINK = 'href="/surveillance/"'


@pytest.fixture
def plague(townships):
    day = dt.date(2025, 10, 14)
    cases("plague", townships[0], [day], start=5)
    detection.scan(day, day, sources={"cases"}, codes={"plague"})
    return Signal.objects.get(code="plague")


@pytest.mark.parametrize(
    ("role", "sees", "verifies"),
    [
        ("cdc", True, True),
        ("planner", True, False),
        ("county", True, False),
        ("auditor", True, False),
        ("institution", False, False),
    ],
)
def test_each_role_sees_and_verifies_as_the_table_says(web, api, users, plague, role, sees, verifies):
    assert can(users[role], Capability.SEE_SIGNALS) is sees
    assert can(users[role], Capability.VERIFY_SIGNALS) is verifies
    client = web(role)
    home = client.get("/data/values/").content.decode()
    assert (NAV_LINK in home) is sees  # the nav link follows the table, not the role's name
    assert client.get("/surveillance/").status_code == (200 if sees else 403)
    detail = client.get(f"/surveillance/signals/{plague.pk}/")
    assert detail.status_code == (200 if sees else 403)
    assert ('id="verify-form"' in detail.content.decode()) is verifies
    answer = client.post(f"/surveillance/signals/{plague.pk}/", {"status": "monitored", "note": "看"})
    assert answer.status_code == (302 if verifies else 403)
    plague.refresh_from_db()
    assert (plague.status == SignalStatus.MONITORED) is verifies
    assert api(role).get("/api/signals/").status_code == (200 if sees else 403)
    assert api(role).get("/api/compound-signals/").status_code == (200 if sees else 403)
    # institutions still report cases
    assert can(users[role], Capability.REPORT_CASES) is (role in ("cdc", "institution"))
