"""The audit trail names surveillance rows in the reader's language: diseases, channels, categories,
trigger rules and methods are stored by code and named when the page (or its export) is read."""

import datetime as dt
import re

import pytest
from django.utils import translation

from tests.surveillance.conftest import cases, counts
from tests.surveillance.test_data import HEAD, csv_bytes
from tests.surveillance.test_signals import _channel_history
from tests.surveillance.test_undo_import import CHANNEL_HEAD, SystemUser, plague_row
from tixi.exchange.services import apply_import, preview_import, undo_import
from tixi.surveillance import actions, detection
from tixi.surveillance.models import Signal, SignalStatus

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
CODES = ("cholera", "plague", "fixed-threshold", "fixed threshold", "fever_clinic", "visits", "cidars")


@pytest.fixture
def trail(townships, users):
    """A cholera signal verified, a fever-clinic signal verified, case reports and counts imported
    and one import undone: surveillance rows of every kind in the trail."""
    day = dt.date(2025, 10, 14)
    cases("cholera", townships[0], [day])
    _channel_history(townships[0], "fever_clinic", "visits", day)
    counts("fever_clinic", "visits", townships[0], {day: 40}, site="x")
    detection.scan(day, day, sources={"cases", "fever_clinic"})
    for signal in Signal.objects.all():
        actions.move(signal, SignalStatus.MONITORED, users["cdc"], note="核实")
    plague = apply_import(
        preview_import(
            "case_reports", csv_bytes([HEAD, plague_row("P1", townships[0])]), "p.csv", SystemUser()
        ),
        users["cdc"],
    )
    undo_import(plague, users["planner"])
    row = ["发热门诊哨点", "就诊人次", townships[0].code, "y", day.isoformat(), "5"]
    apply_import(
        preview_import("channel_counts", csv_bytes([CHANNEL_HEAD, row]), "f.csv", SystemUser()), users["cdc"]
    )


def _table(page: str) -> str:
    return re.search(r"<tbody>.*</tbody>", page, re.S).group(0)


def test_the_chinese_trail_has_no_disease_channel_or_method_codes(trail, web):
    client = web("auditor")
    table = _table(client.get("/audit/?object=").content.decode())
    assert "霍乱" in table and "鼠疫" in table and "固定阈值法" in table
    assert "哨点发热门诊" in table or "发热门诊" in table
    assert "信号处理记录" in table and "撤销导入" in table
    for code in CODES:
        assert code not in table, code
    exported = client.get("/audit/?format=csv").content.decode("utf-8-sig")
    assert "霍乱" in exported and "cholera" not in exported and "fixed-threshold" not in exported


def test_the_english_trail_has_no_chinese_method_or_disease_names(trail, web):
    client = web("auditor")
    client.cookies["django_language"] = "en"
    table = _table(client.get("/audit/").content.decode())
    assert "cholera" in table and "fixed threshold method" in table
    for chinese in ("霍乱", "鼠疫", "固定阈值法", "移动百分位数法", "发热门诊", "就诊人次"):
        assert chinese not in table, chinese


def test_a_stored_name_that_is_not_a_code_is_shown_as_stored(trail):
    from tixi.surveillance.names import name_signals

    with translation.override("zh-hans"):
        assert name_signals({"free text"}) == {}
