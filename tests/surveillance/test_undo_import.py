"""Undoing an import removes the signals its rows raised and the compound signals left without
enough components, in the undo's transaction, each with an audit entry; signals raised by other
data stay."""

import datetime as dt
import importlib

import pytest
from django.core.exceptions import ValidationError

from tests.surveillance.conftest import cases, counts
from tests.surveillance.test_data import HEAD, csv_bytes
from tests.surveillance.test_signals import _channel_history
from tixi.accounts.models import AuditEntry
from tixi.exchange.services import apply_import, preview_import, undo_import
from tixi.surveillance import detection, hooks
from tixi.surveillance.models import CompoundSignal, Signal

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
SystemUser = importlib.import_module("tixi.exchange.management.commands.import").SystemUser


def plague_row(card, township, day="2025-10-11"):
    return [card, "鼠疫", "2025-10-10", day, day, township.code, "40", "男", "", "确诊病例"]


def test_undo_removes_the_signals_the_import_raised_and_audits_them(townships, users):
    cases("cholera", townships[0], [dt.date(2025, 10, 14)])  # a signal raised by other data
    detection.scan(dt.date(2025, 10, 14), dt.date(2025, 10, 14), sources={"cases"}, codes={"cholera"})
    preview = preview_import(
        "case_reports", csv_bytes([HEAD, plague_row("P1", townships[0])]), "p.csv", SystemUser()
    )
    batch = apply_import(preview, users["cdc"])
    signal = Signal.objects.get(code="plague")
    assert signal.raised_by_import == batch.pk
    undo_import(batch, users["planner"])
    assert not Signal.objects.filter(code="plague").exists()
    assert Signal.objects.filter(code="cholera").count() == 1  # not the import's: kept
    entry = AuditEntry.objects.get(model="surveillance.Signal", object_pk=str(signal.pk))
    assert entry.action == "delete" and entry.note == f"撤销导入 #{batch.pk}"
    assert entry.username == users["planner"].username and entry.before["status"] == "pending"
    # the same file imported again raises its signal again
    again = apply_import(
        preview_import(
            "case_reports", csv_bytes([HEAD, plague_row("P1", townships[0])]), "p.csv", SystemUser()
        ),
        users["cdc"],
    )
    assert Signal.objects.get(code="plague").raised_by_import == again.pk


def test_undo_drops_a_compound_signal_the_import_completed(townships, users):
    day = dt.date(2025, 10, 14)
    for channel, category in (("fever_clinic", "visits"), ("pharmacy", "antipyretic"), ("school", "fever")):
        _channel_history(townships[0], channel, category, day)
    counts("fever_clinic", "visits", townships[0], {dt.date(2025, 10, 12): 40}, site="x")
    counts("pharmacy", "antipyretic", townships[0], {dt.date(2025, 10, 13): 60}, site="x")
    detection.scan(dt.date(2025, 10, 12), day, sources={"fever_clinic", "pharmacy"})
    assert not CompoundSignal.objects.exists()  # two of three channels
    head = ["监测渠道", "类别", "区划代码", "报告单位", "日期", "数量"]
    rows = [head, ["学校缺课", "发热", townships[0].code, "x", day.isoformat(), "30"]]
    batch = apply_import(
        preview_import("channel_counts", csv_bytes(rows), "s.csv", SystemUser()), users["cdc"]
    )
    compound = CompoundSignal.objects.get()
    assert compound.signals.count() == 3
    undo_import(batch, users["planner"])
    assert not CompoundSignal.objects.exists()
    assert not Signal.objects.filter(source="school").exists()
    assert Signal.objects.filter(source__in=("fever_clinic", "pharmacy")).count() == 2  # kept
    assert AuditEntry.objects.filter(
        model="surveillance.CompoundSignal", object_pk=str(compound.pk), action="delete"
    ).exists()


def test_a_failing_removal_rolls_the_undo_back(townships, users, monkeypatch):
    preview = preview_import(
        "case_reports", csv_bytes([HEAD, plague_row("P2", townships[0])]), "p.csv", SystemUser()
    )
    batch = apply_import(preview, users["cdc"])

    def broken(*args, **kwargs):
        raise ValidationError("broken")

    monkeypatch.setattr(hooks, "remove_signals_of_import", broken)
    with pytest.raises(ValidationError):
        undo_import(batch, users["planner"])
    batch.refresh_from_db()
    assert batch.status == "applied" and Signal.objects.filter(code="plague").exists()


CHANNEL_HEAD = ["监测渠道", "类别", "区划代码", "报告单位", "日期", "数量"]


def test_undo_gives_back_the_figures_of_a_signal_the_import_only_updated(townships, users):
    day = dt.date(2025, 10, 14)
    _channel_history(townships[0], "fever_clinic", "visits", day)
    counts("fever_clinic", "visits", townships[0], {day: 40}, site="x")
    detection.scan(day, day, sources={"fever_clinic"})
    signal = Signal.objects.get(source="fever_clinic")  # raised by the stored data, not an import
    before = (signal.observed, signal.threshold, signal.snapshot["counts"][-1])
    assert before[0] == 40
    row = ["发热门诊哨点", "就诊人次", townships[0].code, "x", day.isoformat(), "90"]
    batch = apply_import(
        preview_import("channel_counts", csv_bytes([CHANNEL_HEAD, row]), "f.csv", SystemUser()), users["cdc"]
    )
    assert batch.changes["updated"] and not batch.changes["inserted"]
    signal.refresh_from_db()
    assert signal.observed == 90 and signal.raised_by_import is None  # updated, not raised, by it
    undo_import(batch, users["planner"])
    signal.refresh_from_db()
    assert (signal.observed, signal.threshold, signal.snapshot["counts"][-1]) == before
    entry = AuditEntry.objects.get(
        model="surveillance.Signal", object_pk=str(signal.pk), note=f"撤销导入 #{batch.pk}"
    )
    assert entry.action == "update" and entry.username == users["planner"].username
    assert entry.before["observed"] == 90 and entry.after["observed"] == 40


def test_undo_refreshes_a_signal_whose_cases_the_import_had_moved_in(townships, users):
    """The import moved a case into a day that already had a signal; the undo takes it out again and
    the signal, which would not alarm on the day's data now, still shows what the data says."""
    day, other = dt.date(2025, 10, 11), dt.date(2025, 10, 12)
    cases("cholera", townships[0], [day])
    moved = cases("cholera", townships[0], [other], start=1)[0]
    detection.scan(day, other, sources={"cases"}, codes={"cholera"})
    signal = Signal.objects.get(code="cholera", period_start=day)
    assert signal.observed == 1
    row = [
        moved.card_id,
        "霍乱",
        "2025-10-10",
        day.isoformat(),
        day.isoformat(),
        townships[0].code,
        "40",
        "男",
        "",
        "确诊病例",
    ]
    preview = preview_import("case_reports", csv_bytes([HEAD, row]), "c.csv", SystemUser())
    batch = apply_import(preview, users["cdc"])
    assert batch.changes["updated"]
    signal.refresh_from_db()
    assert signal.observed == 2
    undo_import(batch, users["planner"])
    signal.refresh_from_db()
    assert signal.observed == 1 and signal.snapshot["counts"][-1] == 1
    assert Signal.objects.get(code="cholera", period_start=other).observed == 1
