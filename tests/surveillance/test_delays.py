"""Reporting delays over the stored data: the nowcast of a case series' last periods (shown on the
signal's chart) and the sources that went quiet (listed on the signals page)."""

import datetime as dt
import json
import re

import pytest

from tests.surveillance.conftest import cases, counts
from tixi.surveillance import delays, detection
from tixi.surveillance.models import CaseReport, Signal

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
MONDAY = dt.date(2025, 10, 13)


def weekly_cases(division, weeks=40, per_week=6, late_share=0.5, disease="hfmd", spike=0):
    """`per_week` onsets every Monday; `late_share` of them reported two weeks later, the rest that day."""
    rows, serial = [], 0
    for k in range(weeks, -1, -1):
        onset = MONDAY - dt.timedelta(weeks=k)
        n = per_week + (spike if k == 0 else 0)
        for j in range(n):
            late = j < round(n * late_share)
            serial += 1
            rows.append(
                CaseReport(
                    card_id=f"D{serial:07d}",
                    disease_code=disease,
                    onset_date=onset,
                    report_date=onset + dt.timedelta(weeks=2 if late else 0),
                    division=division,
                    sex="M",
                    status="clinical",
                )
            )
    CaseReport.objects.bulk_create(rows)


def test_the_nowcast_restores_the_cases_not_reported_yet(townships):
    weekly_cases(townships[0])
    cast = delays.nowcast_cases(
        CaseReport.objects.all(),
        "week",
        MONDAY + dt.timedelta(days=6),
        MONDAY - dt.timedelta(weeks=10),
        method="lawless",
    )
    # the last two weeks have only the on-time half reported; the nowcast puts them back near 6
    assert cast["observed"][-2:] == [3, 3] and cast["observed"][-3] == 6
    assert cast["median"][-1] == cast["median"][-2] == 6.0
    assert cast["lower"][-1] <= 6.0 <= cast["upper"][-1]
    assert cast["median"][0] is None  # older periods are complete: no nowcast
    assert delays.nowcast_cases(CaseReport.objects.none(), "week", MONDAY, MONDAY) is None


def test_the_signal_chart_carries_the_nowcast_band(web, townships, settings):
    settings.TIXI_TODAY = MONDAY + dt.timedelta(days=6)  # the signal is this week's
    weekly_cases(townships[0], weeks=5 * 52 + 30, per_week=2, late_share=0.5, spike=20)
    detection.scan(MONDAY, MONDAY + dt.timedelta(days=6), sources={"cases"}, codes={"hfmd"})
    signal = Signal.objects.get(code="hfmd", period_start=MONDAY)
    html = (
        web("cdc").get(f"/surveillance/signals/{signal.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    )
    data = json.loads(
        re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    cast = data["nowcast"]
    assert len(cast["median"]) == len(data["labels"])  # one value per period of the chart
    assert cast["observed"][-1] == 11 and cast["median"][-1] > 11  # 22 onsets, half reported so far
    assert data["names"]["nowcast"] == "发病数现时推算（贝叶斯法，考虑报告截断）"
    assert data["names"]["nowcast_method"] == "bayes.trunc"
    assert 'id="nowcast-method"' in html and "?nowcast=lawless" in html


@pytest.mark.parametrize("method", ["bayes.trunc", "bayes.notrunc", "lawless"])
def test_each_nowcast_method_restores_the_late_half(townships, method):
    """Every method puts the last two weeks (half reported so far) back near the 6 onsets a week."""
    weekly_cases(townships[0])
    cast = delays.nowcast_cases(
        CaseReport.objects.all(),
        "week",
        MONDAY + dt.timedelta(days=6),
        MONDAY - dt.timedelta(weeks=10),
        method=method,
    )
    assert cast["method"] == method and cast["observed"][-2:] == [3, 3]
    assert all(5.0 <= v <= 7.0 for v in cast["median"][-2:])
    assert all(lo <= 6.0 <= hi for lo, hi in zip(cast["lower"][-2:], cast["upper"][-2:], strict=True))
    assert cast["median"][0] is None


def test_the_signal_page_names_the_nowcast_method_asked_for(web, townships, settings):
    settings.TIXI_TODAY = MONDAY + dt.timedelta(days=6)
    weekly_cases(townships[0], weeks=5 * 52 + 30, per_week=2, late_share=0.5, spike=20)
    detection.scan(MONDAY, MONDAY + dt.timedelta(days=6), sources={"cases"}, codes={"hfmd"})
    signal = Signal.objects.get(code="hfmd", period_start=MONDAY)
    page = f"/surveillance/signals/{signal.pk}/"
    for asked, label, language in [
        ("lawless", "Nowcast of onsets (Lawless reverse-time hazard (lawless))", "en"),
        ("bayes.notrunc", "发病数现时推算（贝叶斯法，不考虑报告截断）", "zh-hans"),
        ("nonsense", "发病数现时推算（贝叶斯法，考虑报告截断）", "zh-hans"),  # unknown: the default
    ]:
        client = web("cdc")
        client.cookies["django_language"] = language
        html = client.get(page, {"nowcast": asked}, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        data = json.loads(
            re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html, re.S).group(1)
        )
        assert data["names"]["nowcast"] == label
        assert data["nowcast"]["median"][-1] > data["nowcast"]["observed"][-1] == 11


def test_weeks_later_the_chart_goes_on_past_the_signal_with_todays_nowcast(web, townships, settings):
    """Three weeks after the signal the chart shows the weeks since (reports counted as stored now, the
    method's threshold over them) and the nowcast is as of today: the signal's week is complete."""
    weekly_cases(townships[0], weeks=5 * 52 + 30, per_week=2, late_share=0.5, spike=20)
    settings.TIXI_TODAY = MONDAY + dt.timedelta(days=6)
    detection.scan(MONDAY, MONDAY + dt.timedelta(days=6), sources={"cases"}, codes={"hfmd"})
    signal = Signal.objects.get(code="hfmd", period_start=MONDAY)
    settings.TIXI_TODAY = MONDAY + dt.timedelta(weeks=3, days=2)
    cases("cholera", townships[1], [settings.TIXI_TODAY])  # data was loaded up to today
    html = (
        web("cdc").get(f"/surveillance/signals/{signal.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    )
    data = json.loads(
        re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["labels"][data["signal"]] == signal.period_label == "2025-W42"
    assert data["labels"][-3:] == ["2025-W43", "2025-W44", "2025-W45"]
    # reports after the signal's week: the late half of the week before (1) and of the signal's (11)
    assert data["counts"][-3:] == [1, 11, 0]
    assert len(data["starts"]) == len(data["upper"]) == len(data["alarms"]) == len(data["labels"])
    assert all(u is not None for u in data["upper"][-3:]) and data["names"]["since"] == "信号之后"
    cast = data["nowcast"]
    assert len(cast["median"]) == len(data["labels"])
    signal_week = data["signal"]
    assert cast["observed"][signal_week] == 22  # all its onsets reported by today
    assert cast["median"][-1] is not None and cast["median"][signal_week - 4] is None
    assert data["cases_link"] is True


def test_the_chart_stops_at_the_latest_data_loaded(web, townships, settings):
    """Beyond the last report stored nothing was loaded yet: no weeks of zeros up to today."""
    weekly_cases(townships[0], weeks=5 * 52 + 30, per_week=2, late_share=0.5, spike=20)
    settings.TIXI_TODAY = MONDAY + dt.timedelta(days=6)
    detection.scan(MONDAY, MONDAY + dt.timedelta(days=6), sources={"cases"}, codes={"hfmd"})
    signal = Signal.objects.get(code="hfmd", period_start=MONDAY)
    settings.TIXI_TODAY = MONDAY + dt.timedelta(weeks=20)
    html = web("cdc").get(f"/surveillance/signals/{signal.pk}/").content.decode()
    data = json.loads(
        re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["labels"][-1] == "2025-W44"  # the week of the last report (the late half, two weeks on)


def test_a_point_of_the_chart_lists_the_cases_behind_it(web, townships, settings):
    settings.TIXI_TODAY = MONDAY + dt.timedelta(days=6)
    weekly_cases(townships[0], weeks=5 * 52 + 30, per_week=2, late_share=0.5, spike=20)
    detection.scan(MONDAY, MONDAY + dt.timedelta(days=6), sources={"cases"}, codes={"hfmd"})
    signal = Signal.objects.get(code="hfmd", period_start=MONDAY)
    url = f"/surveillance/signals/{signal.pk}/"
    own = web("cdc").get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "本期病例（12）" in own  # reported that week: 11 on time, 1 late from two weeks before
    week_before = (MONDAY - dt.timedelta(weeks=1)).isoformat()
    other = web("cdc").get(f"{url}?period={week_before}", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert (
        "2025-W41 的病例（2）" in other
    )  # reported that week: its on-time one, the late one of two weeks before
    assert "返回信号所在期" in other
    for bad in ("2099-01-01", "abc", "1900-01-01"):
        assert "本期病例（12）" in web("cdc").get(f"{url}?period={bad}").content.decode()


def test_a_source_silent_longer_than_its_usual_interval_is_listed(users, townships):
    today = dt.date(2025, 10, 15)
    daily = {today - dt.timedelta(days=k): 5 for k in range(12, 120)}  # silent for the last 11 days
    counts("pharmacy", "antipyretic", townships[0], daily, site="静默药店")
    every_day = {today - dt.timedelta(days=k): 5 for k in range(0, 120)}
    counts("pharmacy", "antipyretic", townships[1], every_day, site="准时药店")
    weekly = {today - dt.timedelta(weeks=k): 5 for k in range(1, 20)}  # weekly reporter, last 7 days ago
    counts("school", "fever", townships[0], weekly, site="每周学校")
    quiet = delays.quiet_sources(users["cdc"], today)
    assert [(q["source"], q["silent_days"], q["usual_days"]) for q in quiet] == [("静默药店", 12, 2.0)]


def test_the_signals_page_lists_the_quiet_sources(web, townships, settings):
    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    daily = {dt.date(2025, 10, 15) - dt.timedelta(days=k): 5 for k in range(12, 120)}
    counts("pharmacy", "antipyretic", townships[0], daily, site="静默药店<b>")
    html = web("cdc").get("/surveillance/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    table = html[html.index('id="quiet"') :]
    assert "静默药店&lt;b&gt;" in table and "2025-10-03" in table and "药店销售" in table
    assert "静默药店" not in web("institution").get("/surveillance/").content.decode()
