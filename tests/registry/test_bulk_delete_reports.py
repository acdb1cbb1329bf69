"""Deleting yearly reports in bulk (the admin's "delete selected", or any caller of
`registry.actions.delete_yearly_reports`) is one DELETE and ONE audit entry naming the count, the scope
and the rows, not one audit entry and one institution SELECT per row (2,500 rows took 7.4 s on
PostgreSQL)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tixi.accounts import audit
from tixi.accounts.models import AuditEntry, User
from tixi.registry import actions
from tixi.registry.models import InstitutionYear
from tixi.registry.services import cube_drift

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def reports(region, n: int) -> list[InstitutionYear]:
    hospitals = [factories.institution(region["county"]) for _ in range(n)]
    return [factories.yearly_report(h, 2023, actual_beds=100) for h in hospitals]


def deleting(queryset) -> tuple[int, int, int]:
    before = AuditEntry.objects.count()
    with CaptureQueriesContext(connection) as queries, audit.acting_as("tester"):
        count = actions.delete_yearly_reports(queryset, scope="year 2023")
    return count, len(queries), AuditEntry.objects.count() - before


def test_a_bulk_delete_costs_the_same_queries_for_5_rows_as_for_40_and_writes_one_entry(region):
    few = reports(region, 5)
    count, few_queries, entries = deleting(InstitutionYear.objects.filter(pk__in=[r.pk for r in few]))
    assert (count, entries) == (5, 1)
    many = reports(region, 40)
    count, many_queries, entries = deleting(InstitutionYear.objects.filter(pk__in=[r.pk for r in many]))
    assert (count, entries) == (40, 1)
    assert many_queries == few_queries <= 8
    assert not InstitutionYear.objects.filter(pk__in=[r.pk for r in few + many]).exists()
    assert cube_drift() == []  # the raw DELETE still fires the cube's triggers (SQLite and PostgreSQL)
    entry = AuditEntry.objects.latest("id")
    assert entry.action == AuditEntry.Action.BULK and entry.model == "registry.InstitutionYear"
    assert (
        entry.after["rows"] == 40 and entry.after["scope"] == "year 2023" and entry.after["years"] == [2023]
    )
    assert sorted(r[0] for r in entry.after["deleted"]) == sorted(r.pk for r in many)
    assert "40" in entry.note and entry.username == "tester"
    # under the division all of them lie in: the county's readers see it
    assert entry.division_path == region["county"].path


def test_the_admins_delete_selected_is_the_bulk_delete(client, region):
    rows = reports(region, 12)
    admin = User.objects.create_superuser("root18", "root@example.org", "x-pass-18")
    client.force_login(admin)
    before = AuditEntry.objects.count()
    response = client.post(
        "/admin/registry/institutionyear/",
        {"action": "delete_selected", "_selected_action": [r.pk for r in rows], "post": "yes"},
    )
    assert response.status_code == 302
    assert not InstitutionYear.objects.filter(pk__in=[r.pk for r in rows]).exists()
    new = list(AuditEntry.objects.order_by("id")[before:])
    assert [(e.action, e.model, e.after["rows"]) for e in new if e.model == "registry.InstitutionYear"] == [
        (AuditEntry.Action.BULK, "registry.InstitutionYear", 12)
    ]
    assert new[-1].username == "root18"


def test_the_delete_confirmation_names_the_rows_in_a_constant_number_of_queries(client, region):
    """Measured, not fixed: Django's confirmation already costs the same for 3 rows as for 15 (a guard)."""
    admin = User.objects.create_superuser("root18c", "root@example.org", "x-pass-18")
    client.force_login(admin)

    def confirming(rows) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.post(
                "/admin/registry/institutionyear/",
                {"action": "delete_selected", "_selected_action": [r.pk for r in rows]},
            )
        assert response.status_code == 200 and rows[0].institution.name in response.content.decode()
        return len(queries)

    confirming(reports(region, 2))  # the first request loads what later ones find cached
    assert confirming(reports(region, 3)) == confirming(reports(region, 15))
