"""Audit entries written before the division_path column get the path of the row they record."""

import importlib

import pytest
from django.apps import apps

from tests import factories
from tixi.accounts.models import AuditEntry

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
migration = importlib.import_module("tixi.accounts.migrations.0005_backfill_audit_division_path")


def old_entry(model, pk, path=""):
    return AuditEntry.objects.create(action="update", model=model, object_pk=str(pk), division_path=path)


def test_old_entries_get_the_path_of_what_they_record():
    county = factories.division("990102000000", parent=factories.division("990100000000"))
    township = factories.division("990102001000", parent=county)
    hospital = factories.institution(township)
    report = factories.yearly_report(hospital, 2024)
    entries = {
        "division": old_entry("geo.Division", county.pk),
        "institution": old_entry("registry.Institution", hospital.pk),
        "report": old_entry("registry.InstitutionYear", report.pk),
        "gone": old_entry("registry.Institution", 10**9),  # deleted since: stays without a path
        "no division": old_entry("accounts.User", 1),
        "kept": old_entry("registry.Institution", hospital.pk, path="510000000000/"),
    }
    assert migration.backfill(apps) >= 3
    path = {name: AuditEntry.objects.get(pk=e.pk).division_path for name, e in entries.items()}
    assert path["division"] == county.path
    assert path["institution"] == hospital.division.path
    assert path["report"] == report.division_path
    assert path["gone"] == path["no division"] == ""
    assert path["kept"] == "510000000000/"  # an entry that has one keeps it
