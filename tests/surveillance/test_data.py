"""Case reports and channel counts: imports (template, all or nothing, errors by row in Chinese),
the API with scope and rights, and series built on the fly."""

import csv
import datetime as dt
import importlib
import io
import re

import numpy as np
import pytest
from django.utils import translation

from tests.surveillance.conftest import cases
from tixi.exchange.services import apply_import, preview_import
from tixi.exchange.workbooks import template
from tixi.surveillance import series
from tixi.surveillance.models import CaseReport, ChannelCount, Signal

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
SystemUser = importlib.import_module("tixi.exchange.management.commands.import").SystemUser
HEAD = [
    "报告卡编号",
    "病种",
    "发病日期",
    "诊断日期",
    "报告日期",
    "现住址区划代码",
    "年龄",
    "性别",
    "报告单位机构代码",
    "病例分类",
]


def csv_bytes(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def test_the_case_report_template_has_the_chinese_headings():
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(template("case_reports"))).active
    assert [c.value for c in sheet[1]][: len(HEAD)] == HEAD


def test_bad_rows_are_named_and_nothing_is_written(townships):
    code = townships[0].code
    rows = [
        HEAD,
        ["C1", "手足口病", "2025-10-10", "", "2025-10-11", code, "4", "男", "", "临床诊断病例"],
        ["C2", "no-such-disease", "2025-10-10", "", "2025-10-11", code, "4", "男", "", "临床诊断病例"],
        ["C3", "hfmd", "2025-10-12", "", "2025-10-11", code, "4", "男", "", "临床诊断病例"],
        ["C4", "hfmd", "2025-10-10", "", "2025-10-11", "123", "四岁", "男", "", "临床诊断病例"],
    ]
    with translation.override("zh-hans"):
        preview = preview_import("case_reports", csv_bytes(rows), "cases.csv", SystemUser())
    problems = {(p.row, p.column): p.message for p in preview.problems}
    assert (3, "病种") in problems
    assert (5, "现住址区划代码") in problems and (5, "年龄") in problems
    assert {2, 4}.isdisjoint({p.row for p in preview.problems})
    # cells that parse are then checked as a whole row: a report before the onset
    with translation.override("zh-hans"):
        preview = preview_import(
            "case_reports", csv_bytes([HEAD, rows[1], rows[3]]), "cases.csv", SystemUser()
        )
    assert [(p.row, p.column, p.message) for p in preview.problems] == [
        (3, "报告日期", "报告日期早于发病日期。")
    ]
    assert not CaseReport.objects.filter(card_id__in=["C1", "C2", "C3", "C4"]).exists()


def test_a_case_outside_the_importers_scope_is_refused(users, other_city_township):
    rows = [
        HEAD,
        [
            "C9",
            "hfmd",
            "2025-10-10",
            "",
            "2025-10-11",
            other_city_township.code,
            "4",
            "男",
            "",
            "临床诊断病例",
        ],
    ]
    preview = preview_import("case_reports", csv_bytes(rows), "cases.csv", users["cdc"])
    assert [p.message for p in preview.problems] == ["该区划不在您的管辖范围内。"]


def test_an_import_of_a_single_case_disease_raises_its_signal_at_once(townships):
    rows = [
        HEAD,
        [
            "P1",
            "鼠疫",
            "2025-10-10",
            "2025-10-11",
            "2025-10-11",
            townships[0].code,
            "40",
            "男",
            "",
            "确诊病例",
        ],
    ]
    preview = preview_import("case_reports", csv_bytes(rows), "plague.csv", SystemUser())
    assert preview.ok, preview.problems
    apply_import(preview, None)
    signal = Signal.objects.get(code="plague")
    assert (signal.method, signal.observed, signal.threshold) == ("fixed-threshold", 1.0, 1.0)
    assert signal.division.code == townships[0].parent.code  # county: the CIDARS unit
    assert signal.period_label == "2025-10-11"
    assert signal.verify_by - signal.raised_at == dt.timedelta(hours=2)
    # the same file again: unchanged rows, no second signal
    apply_import(preview_import("case_reports", csv_bytes(rows), "plague.csv", SystemUser()), None)
    assert Signal.objects.filter(code="plague").count() == 1


def test_channel_counts_import_checks_the_category_of_the_channel(townships):
    head = ["监测渠道", "类别", "区划代码", "报告单位", "日期", "数量"]
    good = ["药店销售", "退热药", townships[0].code, "药店一", "2025-10-14", "36"]
    negative = ["学校缺课", "fever", townships[0].code, "小学", "2025-10-14", "-2"]
    wrong_category = ["药店销售", "fever", townships[0].code, "药店一", "2025-10-15", "3"]
    with translation.override("zh-hans"):
        preview = preview_import(
            "channel_counts", csv_bytes([head, good, negative]), "counts.csv", SystemUser()
        )
        assert [(p.row, p.column) for p in preview.problems] == [(3, "数量")]
        preview = preview_import(
            "channel_counts", csv_bytes([head, good, wrong_category]), "c.csv", SystemUser()
        )
        assert [(p.row, p.column) for p in preview.problems] == [(3, "类别")]
        assert "退热药" in preview.problems[0].message and "antipyretic" not in preview.problems[0].message
    assert not ChannelCount.objects.exists()
    apply_import(preview_import("channel_counts", csv_bytes([head, good]), "c.csv", SystemUser()), None)
    stored = ChannelCount.objects.get()
    assert (stored.category, stored.count) == ("antipyretic", 36)  # the Chinese label became the code


def test_series_by_day_week_month_and_by_onset_or_report(townships, county):
    monday = dt.date(2025, 9, 1)
    cases("hfmd", townships[0], [monday, monday + dt.timedelta(days=6), monday + dt.timedelta(days=7)])
    cases("hfmd", townships[1], [monday + dt.timedelta(days=30)], start=10)
    weekly = series.build("cases", ["hfmd"], 3, "week", monday, dt.date(2025, 10, 5))
    assert [k.division_path for k in weekly.keys] == [county.path]
    assert weekly.labels()[:2] == ["2025-W36", "2025-W37"]
    assert weekly.counts[0].tolist() == [2, 1, 0, 0, 1]
    by_township = series.build("cases", ["hfmd"], 4, "week", monday, dt.date(2025, 10, 5))
    assert by_township.counts.sum(axis=1).tolist() == [3, 1]
    # by onset (a day earlier): the first case falls in the week before
    onset = series.build(
        "cases", ["hfmd"], 3, "week", monday - dt.timedelta(days=7), dt.date(2025, 10, 5), basis="onset"
    )
    assert onset.counts[0].tolist() == [1, 2, 0, 0, 0, 1]  # onsets 08-31; 09-06, 09-07; 09-30
    monthly = series.build("cases", ["hfmd"], 3, "month", monday, dt.date(2025, 10, 31))
    assert monthly.labels() == ["2025-09", "2025-10"] and monthly.counts[0].tolist() == [3, 1]
    daily = series.build("cases", ["hfmd"], 3, "day", monday, monday + dt.timedelta(days=7))
    assert daily.counts[0].tolist() == [1, 0, 0, 0, 0, 0, 1, 1]
    assert np.issubdtype(daily.counts.dtype, np.floating)


def test_the_api_reads_within_scope_and_only_reporters_write(
    api, users, region, townships, other_city_township
):
    users["planner"].scope_divisions.add(region["other_city"])  # as the demo's planner, of both cities
    cases("hfmd", townships[0], [dt.date(2025, 10, 1)])
    dachuan = other_city_township
    cases("hfmd", dachuan, [dt.date(2025, 10, 1)], start=50)
    assert api("cdc").get("/api/case-reports/").json()["count"] == 1
    assert api("planner").get("/api/case-reports/").json()["count"] == 2
    body = {
        "card_id": "API1",
        "disease_code": "cholera",
        "onset_date": "2025-10-13",
        "report_date": "2025-10-14",
        "division": townships[0].code,
        "sex": "M",
        "status": "confirmed",
    }
    assert api("planner").post("/api/case-reports/", body, format="json").status_code == 403
    assert api("auditor").post("/api/case-reports/", body, format="json").status_code == 403
    made = api("cdc").post("/api/case-reports/", body, format="json")
    assert made.status_code == 201, made.content
    assert Signal.objects.filter(code="cholera", period_label="2025-10-14").exists()  # scanned at once
    outside = {**body, "card_id": "API2", "division": dachuan.code}
    refused = api("cdc").post("/api/case-reports/", outside, format="json")
    assert refused.status_code == 400 and "division" in refused.json()
    late = {**body, "card_id": "API3", "report_date": "2025-10-01"}
    assert "report_date" in api("cdc").post("/api/case-reports/", late, format="json").json()


def test_a_case_dated_after_today_or_before_its_patient_was_born_is_refused(api, townships, settings):
    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    body = {
        "card_id": "D1",
        "disease_code": "cholera",
        "onset_date": "2025-10-13",
        "report_date": "2025-10-14",
        "division": townships[0].code,
        "sex": "M",
        "age": 30,
        "status": "confirmed",
    }
    for field, value in (("report_date", "2099-01-01"), ("onset_date", "1900-01-01")):
        refused = api("cdc").post("/api/case-reports/", {**body, field: value}, format="json")
        assert refused.status_code == 400 and field in refused.json(), refused.content
    refused = api("cdc").post("/api/case-reports/", {**body, "onset_date": "1899-12-31"}, format="json")
    assert "1900-01-01" in str(refused.json()["onset_date"])  # the span a date may take, named
    assert not CaseReport.objects.filter(card_id="D1").exists()
    assert api("cdc").post("/api/case-reports/", body, format="json").status_code == 201


def test_a_category_typed_by_its_label_updates_the_row_typed_by_its_code(townships):
    head = ["监测渠道", "类别", "区划代码", "报告单位", "日期", "数量"]
    code = townships[0].code
    first = ["发热门诊哨点", "visits", code, "甲哨点", "2025-10-14", "12"]
    apply_import(preview_import("channel_counts", csv_bytes([head, first]), "a.csv", SystemUser()), None)
    again = ["发热门诊哨点", "就诊人次", code, "甲哨点", "2025-10-14", "15"]
    preview = preview_import("channel_counts", csv_bytes([head, again]), "b.csv", SystemUser())
    assert not preview.problems and not preview.inserts and len(preview.updates) == 1
    apply_import(preview, None)
    row = ChannelCount.objects.get()
    assert (row.category, row.count) == ("visits", 15)


def test_every_bad_cell_of_a_channel_import_is_named_by_row_and_nothing_is_written(townships):
    """The issue's bad input on the channel counts: text and negative counts, a date that is none, an
    unknown channel or division, each named by its row and column in Chinese; nothing stored."""
    head = ["监测渠道", "类别", "区划代码", "报告单位", "日期", "数量"]
    code = townships[0].code
    rows = [
        head,
        ["药店销售", "退热药", code, "药店一", "2025-10-14", "36"],
        ["药店销售", "退热药", code, "药店一", "2025-10-15", "五"],
        ["药店销售", "退热药", code, "药店一", "2025-10-16", "-1"],
        ["药店销售", "退热药", code, "药店一", "2025-13-01", "3"],
        ["电视收视", "退热药", code, "药店一", "2025-10-17", "3"],
        ["药店销售", "退热药", "999999999999", "药店一", "2025-10-18", "3"],
    ]
    with translation.override("zh-hans"):
        preview = preview_import("channel_counts", csv_bytes(rows), "counts.csv", SystemUser())
    named = {(p.row, p.column) for p in preview.problems}
    assert {(3, "数量"), (4, "数量"), (5, "日期"), (6, "监测渠道"), (7, "区划代码")} <= named
    assert 2 not in {p.row for p in preview.problems}
    assert not any(re.search(r"[A-Za-z]{4,}", p.message) for p in preview.problems)  # Chinese only
    assert not ChannelCount.objects.exists()


def test_the_channel_api_refuses_bad_counts_by_field_and_writes_nothing(api, townships):
    body = {
        "channel": "pharmacy",
        "category": "antipyretic",
        "division": townships[0].code,
        "site": "药店一",
        "date": "2025-10-14",
        "count": 36,
    }
    for field, value in (("count", -2), ("count", "五"), ("date", "2025-13-01"), ("channel", "tv")):
        answer = api("cdc").post("/api/channel-counts/", {**body, field: value}, format="json")
        assert answer.status_code == 400 and field in answer.json(), answer.content
    assert not ChannelCount.objects.exists()
    assert api("cdc").post("/api/channel-counts/", body, format="json").status_code == 201
