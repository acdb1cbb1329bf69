"""The signals list and a signal's page download what they show (issue 12 §3): the page's own table
objects write the .xlsx/.csv, opening on the headline figures, numbers as numbers, dates as dates, named
after the place and the day, and a reader downloads only what their page lists (the city's analyst the
city's signals, the other city's county administrator none of them)."""

import datetime as dt
import io
from urllib.parse import unquote

import pytest
from openpyxl import load_workbook

from tests.core.html_tables import assert_download_is_the_page
from tests.factories import client_of
from tests.surveillance.conftest import cases, counts
from tixi.surveillance import detection
from tixi.surveillance.models import Signal

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]
DAY = dt.date(2025, 10, 14)


@pytest.fixture
def plague(townships, settings):
    settings.TIXI_TODAY = dt.date(2025, 10, 15)
    cases("plague", townships[0], [DAY, DAY], start=5)
    detection.scan(DAY, DAY, sources={"cases"}, codes={"plague"})
    daily = {dt.date(2025, 10, 15) - dt.timedelta(days=k): 5 for k in range(12, 120)}
    counts("pharmacy", "antipyretic", townships[0], daily, site="=静默药店")
    return Signal.objects.get(code="plague")


def book_of(response) -> dict:
    book = load_workbook(io.BytesIO(response.content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_signals_list_downloads_what_it_shows(users, plague, language):
    client = client_of(users["cdc"], language)
    assert_download_is_the_page(client, "/surveillance/")
    assert_download_is_the_page(client, "/surveillance/?status=all")


def test_the_list_workbook_holds_figures_as_numbers_and_names_the_place(users, region, plague):
    client = client_of(users["cdc"])
    response = client.get("/surveillance/", {"format": "xlsx"})
    name = unquote(response["Content-Disposition"].split("filename*=utf-8''")[-1])
    assert name == f"{region['city'].name}-预警信号-2025-10-15.xlsx"
    book = book_of(response)
    assert list(book) == ["主要数据", "信号", "报告中断的来源", "核实及时性"]
    assert book["主要数据"][1:] == [("列出的信号", 1), ("核实逾期", 0)]
    heading, row = book["信号"]
    assert row[1] == "鼠疫" and row[3] == 2 and row[4] == 1 and isinstance(row[6], dt.datetime)
    quiet = book["报告中断的来源"][1]
    assert quiet[1] == "=静默药店" and quiet[3] == dt.datetime(2025, 10, 3) and quiet[4] == 12
    sheet = load_workbook(io.BytesIO(response.content))["报告中断的来源"]
    assert sheet["B2"].data_type == "s"  # a typed formula stays text
    county = client_of(users["county"]).get("/surveillance/", {"format": "xlsx"})
    assert unquote(county["Content-Disposition"]).endswith(
        f"{region['county'].name}-预警信号-2025-10-15.xlsx"
    )


def test_a_reader_outside_the_city_downloads_none_of_its_signals(users, plague):
    client = client_of(users["dachuan"])
    assert_download_is_the_page(client, "/surveillance/")
    book = book_of(client.get("/surveillance/", {"format": "xlsx"}))
    assert book["主要数据"][1:] == [("列出的信号", 0), ("核实逾期", 0)]
    assert book["信号"] == [book["信号"][0]] and book["报告中断的来源"] == [book["报告中断的来源"][0]]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_signals_page_downloads_its_figures_series_and_cases(users, plague, language):
    client = client_of(users["cdc"], language)
    assert_download_is_the_page(client, f"/surveillance/signals/{plague.pk}/")
    response = client.get(f"/surveillance/signals/{plague.pk}/", {"format": "xlsx"})
    name = unquote(response["Content-Disposition"].split("filename*=utf-8''")[-1])
    assert name.startswith(f"{plague.division.name}-2025-10-14-")
    book = book_of(response)
    if language == "zh-hans":
        assert name == f"{plague.division.name}-2025-10-14-鼠疫.xlsx"
        assert list(book) == ["主要数据", "序列与阈值", "本期病例"]
        assert book["主要数据"][1:] == [("观察值", 2), ("预期值", 0), ("阈值", 1)]
        series = book["序列与阈值"]
        assert series[0][:4] == ("时段", "数量", "阈值", "信号") and series[-1][:4] == (
            "2025-10-14",
            2,
            1,
            "是",
        )
        assert [row[0] for row in book["本期病例"][1:]] == ["Tplague0000005", "Tplague0000006"]
        assert book["本期病例"][1][1] == dt.datetime(2025, 10, 13)  # the onset, a date
    # a reader whose page is refused gets no file either
    outsider = client_of(users["dachuan"], language)
    assert outsider.get(f"/surveillance/signals/{plague.pk}/", {"format": "xlsx"}).status_code == 404
