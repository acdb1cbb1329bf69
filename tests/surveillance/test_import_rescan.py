"""An ordinary import (not an undo) that moves rows to another disease, date or place, or lowers a
count, rescans the series the rows left as well as those they entered: the signals stored there
take the figures of the data as it is now, each change audited with the import's note."""

import datetime as dt

import pytest

from tests.surveillance.conftest import counts
from tests.surveillance.test_data import HEAD, csv_bytes
from tests.surveillance.test_signals import _channel_history
from tests.surveillance.test_undo_import import CHANNEL_HEAD, SystemUser, plague_row
from tixi.accounts.models import AuditEntry
from tixi.exchange.services import apply_import, preview_import
from tixi.surveillance import detection
from tixi.surveillance.models import Signal

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def _import(table, rows, user):
    head = HEAD if table == "case_reports" else CHANNEL_HEAD
    return apply_import(preview_import(table, csv_bytes([head, *rows]), "f.csv", SystemUser()), user)


def test_a_case_moved_to_another_date_and_disease_leaves_its_old_signals_at_zero(townships, users):
    _import("case_reports", [plague_row("P1", townships[0], "2025-10-11")], users["cdc"])
    first = Signal.objects.get(code="plague")
    assert (first.period_start, first.observed) == (dt.date(2025, 10, 11), 1.0)
    # the same card, reported a week later: the signal of the 11th has no case left
    moved = _import("case_reports", [plague_row("P1", townships[0], "2025-10-18")], users["cdc"])
    assert moved.changes["updated"] and not moved.changes["inserted"]
    first.refresh_from_db()
    assert first.observed == 0.0 and first.snapshot["counts"][-1] == 0
    later = Signal.objects.get(code="plague", period_start=dt.date(2025, 10, 18))
    assert later.observed == 1.0 and later.raised_by_import == moved.pk
    entry = AuditEntry.objects.get(model="surveillance.Signal", object_pk=str(first.pk))
    assert entry.note == f"导入 #{moved.pk}" and entry.before["observed"] == 1.0
    assert entry.after["observed"] == 0.0 and entry.username == users["cdc"].username
    # now another disease: the plague signal of the 18th goes back to zero, cholera is raised
    row = plague_row("P1", townships[0], "2025-10-18")
    row[1] = "霍乱"
    _import("case_reports", [row], users["cdc"])
    later.refresh_from_db()
    assert later.observed == 0.0
    assert Signal.objects.get(code="cholera").observed == 1.0


def test_a_count_lowered_by_an_import_lowers_its_signal(townships, users):
    day = dt.date(2025, 10, 14)
    _channel_history(townships[0], "fever_clinic", "visits", day)
    counts("fever_clinic", "visits", townships[0], {day: 40}, site="x")
    detection.scan(day, day, sources={"fever_clinic"})
    signal = Signal.objects.get(source="fever_clinic")
    assert signal.observed == 40
    row = ["发热门诊哨点", "就诊人次", townships[0].code, "x", day.isoformat(), "3"]
    batch = _import("channel_counts", [row], users["cdc"])
    signal.refresh_from_db()
    assert signal.observed == 3 and signal.snapshot["counts"][-1] == 3  # no longer alarming, followed
    assert AuditEntry.objects.filter(
        model="surveillance.Signal", object_pk=str(signal.pk), note=f"导入 #{batch.pk}"
    ).exists()
