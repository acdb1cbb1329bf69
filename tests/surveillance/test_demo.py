"""The demo's surveillance story: synthetic, whole non-negative counts, and the planted outbreaks
found by the detection (HFMD cluster, cholera case, the respiratory multi-point trigger)."""

import pytest
from django.db.models import Min

from tixi.demo import surveillance_story
from tixi.surveillance.models import CaseReport, ChannelCount, CompoundSignal, Signal

pytestmark = pytest.mark.django_db


def test_the_demo_story_plants_outbreaks_that_detection_finds(settings):
    settings.TIXI_TODAY = surveillance_story.DEMO_TODAY
    counts = surveillance_story.write()
    assert counts["case_reports"] > 10_000 and counts["channel_counts"] > 10_000
    assert not CaseReport.objects.filter(is_synthetic=False).exists()
    assert ChannelCount.objects.aggregate(low=Min("count"))["low"] >= 0
    hfmd = Signal.objects.get(code="hfmd", division__code="510421000000", period_label="2025-W41")
    assert hfmd.observed >= 14 and hfmd.is_synthetic
    assert Signal.objects.filter(
        code="cholera", method="fixed-threshold", division__code="510422000000"
    ).exists()
    respiratory = CompoundSignal.objects.get(rule__code="respiratory-township")
    assert {s.source for s in respiratory.signals.all()} == {"fever_clinic", "pharmacy", "school"}
    assert Signal.objects.exclude(status="pending").exists()  # the CDC analyst verified some


def test_the_demo_cdcs_verify_on_time_with_a_few_overdue(settings):
    from tixi.surveillance import actions, detection

    settings.TIXI_TODAY = surveillance_story.DEMO_TODAY
    surveillance_story.write()
    signals = Signal.objects.all()
    at = detection.now()
    due = signals.filter(verify_by__lt=at).count()
    overdue = signals.overdue(at).count()
    assert due > 50 and 0 < overdue <= 0.05 * due  # a few overdue, not a third of them
    rows = actions.timeliness(signals, at)
    on_time = sum(r["on_time"] for r in rows) / sum(r["due"] for r in rows)
    assert on_time >= 0.85  # CIDARS 2016: 92 % within 24 h
    assert signals.filter(division__path__contains="511700000000/").exclude(status="pending").exists()
    # a pharmacy stopped reporting ten days ago: the one quiet source of the demo
    from tixi.accounts.models import User
    from tixi.surveillance.delays import quiet_sources

    quiet = quiet_sources(User.objects.get(username="planner"), surveillance_story.DEMO_TODAY)
    assert [q["channel"] for q in quiet] == ["药店销售"] and quiet[0]["silent_days"] == 10
