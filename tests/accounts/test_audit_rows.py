"""Imports record each row with before and after (as the README promises), not one bulk entry."""

import pytest

from tests import factories
from tests.exchange.test_imports import HEAD, good_row, preview, xlsx
from tixi.accounts.models import AuditEntry
from tixi.exchange.services import apply_import
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_an_import_records_every_row(users, region):
    def row(code, **overrides):
        return good_row(code, 所在区划代码=region["township"].code, **overrides)

    batch = apply_import(preview(xlsx([HEAD, row("AUDIT001"), row("AUDIT002")])), users["county"])
    created = Institution.objects.get(code="AUDIT001")
    entry = AuditEntry.objects.get(model="registry.Institution", object_pk=str(created.pk), action="create")
    assert entry.after["name"] == "新建卫生室" and entry.username == "kit-county"
    assert f"import #{batch.pk}" in entry.note
    assert entry.division_path == created.division.path  # where it belongs, for the auditors there
    update = apply_import(preview(xlsx([HEAD, row("AUDIT001", 机构名称="改名卫生室")])), users["county"])
    changed = AuditEntry.objects.get(model="registry.Institution", object_pk=str(created.pk), action="update")
    assert changed.before == {"name": "新建卫生室"} and changed.after == {"name": "改名卫生室"}
    assert f"import #{update.pk}" in changed.note
    assert changed.division_path == created.division.path
    assert not AuditEntry.objects.filter(action="bulk", note__contains=f"import #{batch.pk} ").exists()


def test_a_dhis2_load_records_every_report(api, region):
    import json

    hospital = factories.institutions_in(region)["county_hospital"]
    report = hospital.years.order_by("-year").first()
    values = {
        "dataValues": [
            {
                "dataElement": "actual_beds",
                "period": str(report.year),
                "orgUnit": hospital.code,
                "value": str(report.actual_beds + 7),
            }
        ]
    }
    response = api("county").post("/api/dataValueSets", json.dumps(values), content_type="application/json")
    assert response.status_code == 200, response.data
    entry = AuditEntry.objects.get(
        model="registry.InstitutionYear", object_pk=str(report.pk), action="update"
    )
    assert entry.before == {"actual_beds": report.actual_beds}
    assert entry.division_path == report.division_path
    assert entry.after == {"actual_beds": report.actual_beds + 7} and entry.username == "kit-county"


def test_undoing_an_import_records_every_row_it_restores_or_deletes(users, region):
    from tixi.exchange.services import undo_import

    def row(code, **overrides):
        return good_row(code, 所在区划代码=region["township"].code, **overrides)

    apply_import(preview(xlsx([HEAD, row("UNDO001")])), users["county"])
    kept = Institution.objects.get(code="UNDO001")
    batch = apply_import(
        preview(xlsx([HEAD, row("UNDO001", 机构名称="改名卫生室"), row("UNDO002")])), users["county"]
    )
    added = Institution.objects.get(code="UNDO002")
    undo_import(batch, users["planner"])
    note = f"undo of import #{batch.pk}"
    restored = AuditEntry.objects.get(
        model="registry.Institution", object_pk=str(kept.pk), note__contains=note
    )
    assert restored.action == "update" and restored.username == "kit-planner"
    assert restored.before == {"name": "改名卫生室"} and restored.after == {"name": "新建卫生室"}
    assert restored.division_path == kept.division.path
    deleted = AuditEntry.objects.get(
        model="registry.Institution", object_pk=str(added.pk), note__contains=note
    )
    assert deleted.action == "delete" and deleted.after is None
    assert deleted.before["code"] == "UNDO002" and deleted.division_path == added.division.path
    assert not Institution.objects.filter(code="UNDO002").exists()
    assert not AuditEntry.objects.filter(action="bulk", note__contains=note).exists()
