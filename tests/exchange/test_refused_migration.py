"""exchange/0008: imports refused at preview before 0007 (stored as pending, read 待确认 for ever) are
marked refused by their stored outcome; a file that passed its preview stays pending; backwards, every
refused import reads pending again (0007's reverse knows no refused status)."""

import importlib

import pytest
from django.apps import apps

from tixi.exchange.models import ImportBatch

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
migration = importlib.import_module("tixi.exchange.migrations.0008_mark_refused_imports")


def batch(name, status="pending", rows=0, inserted=0, updated=0, unchanged=0):
    return ImportBatch.objects.create(
        table="institutions", filename=name, sha256="0" * 64, status=status,
        rows=rows, inserted=inserted, updated=updated, unchanged=unchanged,
    )  # fmt: skip


def statuses():
    return dict(ImportBatch.objects.values_list("filename", "status"))


def test_refused_imports_stored_as_pending_are_marked_refused_and_back():
    batch("rows with problems.xlsx", rows=40)  # problems: never compared, nothing counted
    batch("unreadable.xlsx", rows=0)  # a file that could not be read, or a column missing
    batch("one bad row of three.xlsx", rows=3, inserted=0)
    batch("waiting.xlsx", rows=3, inserted=1, updated=1, unchanged=1)  # passed: waits for confirmation
    batch("same again.xlsx", rows=2, unchanged=2)
    batch("applied.xlsx", status="applied", rows=5, inserted=5)
    batch("undone.xlsx", status="undone", rows=5, inserted=5)
    batch("checked.xlsx", status="dry_run", rows=0)
    migration.mark_refused(apps, None)
    assert statuses() == {
        "rows with problems.xlsx": "refused",
        "unreadable.xlsx": "refused",
        "one bad row of three.xlsx": "refused",
        "waiting.xlsx": "pending",
        "same again.xlsx": "pending",
        "applied.xlsx": "applied",
        "undone.xlsx": "undone",
        "checked.xlsx": "dry_run",
    }
    migration.mark_refused(apps, None)  # twice: the same
    assert list(ImportBatch.objects.filter(status="refused").values_list("filename", flat=True).order_by("filename")) == [
        "one bad row of three.xlsx", "rows with problems.xlsx", "unreadable.xlsx",
    ]  # fmt: skip
    migration.mark_pending(apps, None)
    assert not ImportBatch.objects.filter(status="refused").exists()
    assert statuses()["rows with problems.xlsx"] == "pending" and statuses()["applied.xlsx"] == "applied"


def test_the_rule_matches_what_the_page_stores(users, region):
    """A file the page refuses today (status refused) would be told refused by the migration's rule; a
    file it accepts would not: the rule reads the outcome the way the upload writes it."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from tests.exchange.test_imports import HEAD, good_row, xlsx

    client = Client()
    client.force_login(users["county"])
    good = good_row("MIG0001", **{"所在区划代码": region["township"].code})
    bad = good_row("MIG0002", **{"所在区划代码": "9901"})
    for name, rows in (("good.xlsx", [HEAD, good]), ("bad.xlsx", [HEAD, good, bad]), ("empty.xlsx", [HEAD])):
        client.post("/imports/", {"table": "institutions", "file": SimpleUploadedFile(name, xlsx(rows))})
    assert statuses() == {"good.xlsx": "pending", "bad.xlsx": "refused", "empty.xlsx": "refused"}
    ImportBatch.objects.update(status="pending")  # as stored before 0007
    migration.mark_refused(apps, None)
    assert statuses() == {"good.xlsx": "pending", "bad.xlsx": "refused", "empty.xlsx": "refused"}
