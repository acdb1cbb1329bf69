"""Signals: raised once per series × period × method, replayable from their snapshot; the lifecycle
with its allowed steps, rights, audit and deadlines; timeliness per county; the multi-point trigger."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tests.surveillance.conftest import cases, counts
from tixi.accounts.models import AuditEntry
from tixi.surveillance import actions, detection
from tixi.surveillance.models import CompoundSignal, Signal, SignalStatus, TriggerRule

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
WEEK = dt.timedelta(weeks=1)


def weekly_history(division, last_week: dt.date, per_week: int = 2, years: int = 5):
    """`per_week` HFMD cases a week for `years` years before `last_week` (Mondays)."""
    days = []
    for k in range(1, years * 52 + 4):
        days += [last_week - k * WEEK] * per_week
    return cases("hfmd", division, days)


def test_a_temporal_disease_signals_above_its_percentile_once_and_replays(townships, county, users):
    week = dt.date(2025, 10, 6)  # a Monday
    weekly_history(townships[0], week)
    cases("hfmd", townships[1], [week] * 6, start=90000)
    results = detection.scan(week, week + dt.timedelta(days=6), sources={"cases"}, codes={"hfmd"})
    assert sum(r.alarms for r in results.values()) == 1
    signal = Signal.objects.get(code="hfmd")
    assert (signal.division, signal.period_label, signal.observed) == (county, "2025-W41", 6.0)
    assert signal.threshold == 2.0 and signal.expected == 2.0
    assert signal.parameters == {"frequency": 52, "b": 5, "w": 2, "percentile": 75.0}  # hfmd: P75
    assert signal.method == "cidars-percentile" and "CIDARS" in signal.method_version
    assert signal.verify_by - signal.raised_at == dt.timedelta(hours=24)
    assert detection.replay(signal) == (True, 2.0)
    # a re-run, and a late case: still one signal, its figures updated, its status kept
    actions.move(signal, SignalStatus.MONITORED, users["cdc"])
    cases("hfmd", townships[1], [week + dt.timedelta(days=2)], start=91000)
    detection.scan(week, week + dt.timedelta(days=6), sources={"cases"}, codes={"hfmd"})
    again = Signal.objects.get(code="hfmd")
    assert (again.pk, again.observed, again.status) == (signal.pk, 7.0, SignalStatus.MONITORED)
    assert len(again.snapshot["counts"]) == 5 * 52 + 2 + 1 and again.snapshot["counts"][-1] == 7


def test_a_quiet_week_raises_nothing(townships):
    week = dt.date(2025, 10, 6)
    weekly_history(townships[0], week)
    cases("hfmd", townships[0], [week] * 2, start=90000)
    detection.scan(week, week + dt.timedelta(days=6), sources={"cases"}, codes={"hfmd"})
    assert not Signal.objects.filter(code="hfmd").exists()


def _plague(township, day=dt.date(2025, 10, 14)) -> Signal:
    cases("plague", township, [day], start=day.toordinal())
    detection.scan(day, day, sources={"cases"}, codes={"plague"})
    return Signal.objects.get(code="plague", period_start=day)


def test_the_lifecycle_allows_only_its_steps_and_records_who_and_when(townships, users):
    signal = _plague(townships[0])
    assert signal.status == SignalStatus.PENDING
    with translation.override("zh-hans"), pytest.raises(ValidationError, match="不能转为“已结案”"):
        actions.move(signal, SignalStatus.CLOSED, users["cdc"])
    with pytest.raises(ValidationError):
        actions.move(signal, SignalStatus.DISCARDED, users["cdc"], note=" ")  # a reason is needed
    for role in ("planner", "auditor", "county", "institution"):
        with pytest.raises(PermissionDenied):
            actions.move(signal, SignalStatus.SUSPECTED, users[role])
    with pytest.raises(PermissionDenied):
        actions.move(signal, SignalStatus.SUSPECTED, users["dachuan"])
    signal = actions.move(signal, SignalStatus.SUSPECTED, users["cdc"], note="两例同村")
    assert signal.verified_by == users["cdc"] and signal.verified_at is not None
    for status in (SignalStatus.INVESTIGATING, SignalStatus.RESPONDING, SignalStatus.CLOSED):
        signal = actions.move(signal, status, users["cdc"])
    cdc = users["cdc"].username
    assert [(s.from_status, s.to_status, s.username) for s in signal.steps.all()] == [
        ("pending", "suspected", cdc),
        ("suspected", "investigating", cdc),
        ("investigating", "responding", cdc),
        ("responding", "closed", cdc),
    ]
    assert signal.steps.first().note == "两例同村"
    audited = AuditEntry.objects.filter(model="surveillance.Signal", object_pk=str(signal.pk))
    assert audited.count() == 4 and {a.username for a in audited} == {cdc}
    assert audited.first().division_path.startswith(townships[0].parent.path)
    with pytest.raises(ValidationError):
        actions.move(signal, SignalStatus.MONITORED, users["cdc"])


def test_overdue_verifications_and_timeliness_per_county(townships, users):
    signal = _plague(townships[0])
    late = _plague(townships[0], dt.date(2025, 10, 13))
    pending = _plague(townships[1], dt.date(2025, 10, 12))
    raised = signal.raised_at
    actions.move(
        signal, SignalStatus.DISCARDED, users["cdc"], note="重复报告", at=raised + dt.timedelta(hours=1)
    )
    actions.move(late, SignalStatus.MONITORED, users["cdc"], at=raised + dt.timedelta(hours=5))
    assert list(Signal.objects.overdue(raised + dt.timedelta(hours=3))) == [pending]
    assert not Signal.objects.overdue(raised + dt.timedelta(hours=1)).exists()
    rows = actions.timeliness(Signal.objects.all(), at=raised + dt.timedelta(hours=3))
    assert len(rows) == 1  # both townships lie in 米易县
    row = rows[0]
    assert (row["signals"], row["due"], row["on_time"], row["overdue"], row["verified"]) == (3, 3, 1, 1, 2)
    assert row["on_time_rate"] == pytest.approx(1 / 3)
    assert row["median_hours"] == pytest.approx(3.0, abs=0.01)  # 1 h and 5 h after raising


def test_the_api_moves_a_signal_only_for_verifiers(api, users, townships):
    signal = _plague(townships[0])
    assert api("auditor").post(f"/api/signals/{signal.pk}/move/", {"status": "suspected"}).status_code == 403
    assert api("dachuan").get(f"/api/signals/{signal.pk}/").status_code == 404
    wrong = api("cdc").post(f"/api/signals/{signal.pk}/move/", {"status": "closed"}, format="json")
    assert wrong.status_code == 400 and "status" in wrong.json()
    moved = api("cdc").post(
        f"/api/signals/{signal.pk}/move/", {"status": "suspected", "note": "核实"}, format="json"
    )
    assert moved.status_code == 200 and moved.json()["status"] == "suspected"
    assert moved.json()["steps"][0]["username"] == users["cdc"].username


def _channel_history(township, channel, category, last: dt.date, days=2 * 364 + 10, level=10):
    counts(channel, category, township, {last - dt.timedelta(days=k): level for k in range(1, days)})


def test_three_channels_in_one_township_within_three_days_make_one_compound_signal(townships):
    day = dt.date(2025, 10, 14)
    rule = TriggerRule.objects.get(code="respiratory-township")
    for channel, category in (("fever_clinic", "visits"), ("pharmacy", "antipyretic"), ("school", "fever")):
        _channel_history(townships[0], channel, category, day)
    # alarms on the 12th (fever clinic), 13th (pharmacy) and 14th (school): one 3-day window
    counts(
        "fever_clinic",
        "visits",
        townships[0],
        {dt.date(2025, 10, 12) + dt.timedelta(days=k): 40 for k in range(3)},
        site="x",
    )
    counts("pharmacy", "antipyretic", townships[0], {dt.date(2025, 10, 13): 60}, site="x")
    counts("school", "fever", townships[0], {day: 30}, site="x")
    detection.scan(dt.date(2025, 10, 12), day, sources={"fever_clinic", "pharmacy", "school"})
    compound = CompoundSignal.objects.get()
    assert (compound.rule, compound.division, compound.first_date, compound.last_date) == (
        rule,
        townships[0],
        dt.date(2025, 10, 12),
        day,
    )
    assert (compound.warning_type, compound.risk_level) == ("warning_notice", "medium")
    assert {(s.source, s.period_start) for s in compound.signals.all()} >= {
        ("fever_clinic", dt.date(2025, 10, 12)),
        ("pharmacy", dt.date(2025, 10, 13)),
        ("school", day),
    }
    # scanning again, and a fourth alarm the next day: merged into the same compound signal
    counts("school", "fever", townships[0], {day + dt.timedelta(days=1): 30}, site="x")
    detection.scan(dt.date(2025, 10, 12), day + dt.timedelta(days=1), sources={"school"})
    compound = CompoundSignal.objects.get()
    assert compound.last_date == day + dt.timedelta(days=1)


def test_two_channels_or_a_spread_over_a_week_make_no_compound_signal(townships):
    day = dt.date(2025, 10, 14)
    for channel, category in (("fever_clinic", "visits"), ("pharmacy", "antipyretic"), ("school", "fever")):
        _channel_history(townships[0], channel, category, day)
    counts("fever_clinic", "visits", townships[0], {dt.date(2025, 10, 8): 40}, site="x")
    counts("pharmacy", "antipyretic", townships[0], {dt.date(2025, 10, 11): 60}, site="x")
    counts("school", "fever", townships[0], {day: 30}, site="x")
    detection.scan(dt.date(2025, 10, 8), day, sources={"fever_clinic", "pharmacy", "school"})
    assert Signal.objects.filter(source__in=["fever_clinic", "pharmacy", "school"]).count() == 3
    assert not CompoundSignal.objects.exists()
