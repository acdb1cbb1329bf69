"""Who may undo an import (issue 12, journey16): whoever made it, within their scope, and a planner of
its scope; nobody else. A county bureau that imported the wrong file undoes it itself (on main only a
planner could: 403), audited as a planner's undo is; the Undo button shows only to who may."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests import factories
from tests.exchange.test_imports import HEAD, xlsx
from tests.exchange.test_imports import good_row as any_row
from tixi.accounts.models import AuditEntry, Role
from tixi.accounts.permissions import Capability, may_undo_import
from tixi.exchange.models import ImportBatch
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "zh-hans"
    return client


@pytest.fixture
def applied(users, region):
    """An import of one new clinic made and confirmed by the county user."""
    county = logged_in(users["county"])
    row = any_row("UNDO0001", **{"所在区划代码": region["township"].code})
    county.post(
        "/imports/", {"table": "institutions", "file": SimpleUploadedFile("own.xlsx", xlsx([HEAD, row]))}
    )
    pending = ImportBatch.objects.filter(status="pending").latest("id")
    assert county.post(f"/imports/{pending.pk}/confirm/").status_code == 302
    batch = ImportBatch.objects.get(status="applied", filename="own.xlsx")
    assert batch.user == users["county"]
    return batch


@pytest.fixture
def colleague(region):
    """Another county user of the same county: the batch is not theirs."""
    return factories.user(Role.COUNTY, divisions=[region["county"]], username="kit-county-2")


def undo_button(client, batch) -> bool:
    page = client.get("/imports/").content.decode()
    return f"/imports/{batch.pk}/undo/" in page


def test_the_role_matrix_of_undo(users, applied, colleague):
    """The one permission layer decides; each role's answer for the county user's import."""
    expected = {
        "planner": True,  # the city's planner: the county is in the scope
        "county": True,  # its own import, within its scope
        "institution": False,
        "cdc": False,
        "auditor": False,
        "dazhou": False,  # a planner elsewhere
        "dachuan": False,  # a county user elsewhere
    }
    assert {name: may_undo_import(users[name], applied) for name in expected} == expected
    assert may_undo_import(colleague, applied) is False  # a county user of the same county, not theirs
    from django.contrib.auth.models import AnonymousUser

    assert may_undo_import(AnonymousUser(), applied) is False


def test_an_own_import_outside_the_scope_now_is_not_undone(users, applied, region):
    """The county user moved to the other county: the rows are no longer theirs to change."""
    county = users["county"]
    county.scope_divisions.set([region["other_county"]])
    county._tixi_scope = None
    del county._tixi_scope
    assert may_undo_import(county, applied) is False


def test_an_institutions_own_import_and_the_tables_own_capability(users, region):
    """An institution's staff undo their own import at their institution; a CDC analyst its own case
    reports (the table's capability), not an institution table it may not import."""
    hospital = users["institution"].scope_institutions.get()
    own = ImportBatch(user=users["institution"], division_path=hospital.division.path, status="applied")
    assert may_undo_import(users["institution"], own) is True
    cases = ImportBatch(user=users["cdc"], division_path=region["county"].path, status="applied")
    assert may_undo_import(users["cdc"], cases, Capability.REPORT_CASES) is True
    assert may_undo_import(users["cdc"], cases) is False  # IMPORT: not the CDC's
    by_auditor = ImportBatch(user=users["auditor"], division_path=region["county"].path, status="applied")
    assert may_undo_import(users["auditor"], by_auditor) is False  # an auditor never


@pytest.mark.parametrize("who", ["institution", "auditor", "colleague", "dachuan", "dazhou"])
def test_who_may_not_neither_sees_the_button_nor_undoes(users, applied, colleague, who):
    user = colleague if who == "colleague" else users[who]
    client = logged_in(user)
    assert not undo_button(client, applied)
    assert client.post(f"/imports/{applied.pk}/undo/").status_code in (403, 404)
    assert Institution.objects.filter(code="UNDO0001").exists()
    assert ImportBatch.objects.get(pk=applied.pk).status == "applied"


def test_anonymous_is_sent_to_log_in(applied):
    response = Client().post(f"/imports/{applied.pk}/undo/")
    assert response.status_code == 302 and "/login" in response["Location"]
    assert Institution.objects.filter(code="UNDO0001").exists()


def test_the_county_user_undoes_their_own_import_audited_as_a_planners(users, applied):
    county = logged_in(users["county"])
    assert undo_button(county, applied)
    response = county.post(f"/imports/{applied.pk}/undo/")
    assert response.status_code == 302
    assert not Institution.objects.filter(code="UNDO0001").exists()
    batch = ImportBatch.objects.get(pk=applied.pk)
    assert batch.status == "undone" and batch.undone_by == users["county"]
    entry = AuditEntry.objects.get(
        model="registry.Institution", action="delete", note__contains=f"#{batch.pk}"
    )
    assert entry.username == users["county"].username
    assert not undo_button(county, batch)  # undone: nothing left to undo


def test_the_planner_of_the_scope_sees_the_button_and_undoes(users, applied):
    planner = logged_in(users["planner"])
    assert undo_button(planner, applied)
    assert planner.post(f"/imports/{applied.pk}/undo/").status_code == 302
    assert not Institution.objects.filter(code="UNDO0001").exists()


def test_the_undo_keeps_its_guard_for_an_owner(users, applied):
    """The action's guard stands for an owner as for a planner: an import already undone is not undone
    twice; the refusal is said on the page, nothing changes."""
    county = logged_in(users["county"])
    assert county.post(f"/imports/{applied.pk}/undo/").status_code == 302
    undone_at = ImportBatch.objects.get(pk=applied.pk).undone_at
    response = county.post(f"/imports/{applied.pk}/undo/", follow=True)
    assert "只能撤销已导入的批次。" in response.content.decode()
    assert ImportBatch.objects.get(pk=applied.pk).undone_at == undone_at
