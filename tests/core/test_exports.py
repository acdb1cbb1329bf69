"""Excel downloads: numbers as numbers, a file name with place and year, the page's headline figures."""

import io
from urllib.parse import unquote

from openpyxl import load_workbook

from tests.conftest import PANZHIHUA
from tixi.core.exports import _typed, download_name


def filename(response) -> str:
    header = response["Content-Disposition"]
    assert header.startswith("attachment;")
    return unquote(header.split("filename*=utf-8''")[-1]) if "filename*=" in header else header


def test_numbers_are_typed():
    assert _typed("1,322,151") == 1322151
    assert _typed("9.55") == 9.55
    assert _typed("\u22120.5") == -0.5
    assert _typed("≥85") == "≥85" and _typed("—") == "—"


def test_file_name_says_place_year_and_page():
    assert download_name("攀枝花市 2024", "2024", extension="xlsx") == "攀枝花市-2024.xlsx"
    assert download_name("a/b:c · d", extension="csv") == "a-b-c-d.csv"


def test_dashboard_download_has_headline_figures_as_numbers(web):
    client = web("planner")
    response = client.get(f"/divisions/{PANZHIHUA}/", {"year": "2024", "format": "xlsx"})
    assert response.status_code == 200
    assert filename(response) == "攀枝花市-2024.xlsx"
    book = load_workbook(io.BytesIO(response.content))
    headline = book.worksheets[0]
    assert headline.title == "主要数据"
    figures = {row[0]: row[1] for row in headline.iter_rows(min_row=2, values_only=True)}
    assert isinstance(figures["常住人口"], int) and figures["常住人口"] > 1_000_000
    assert isinstance(figures["每千人口床位"], float)
    for sheet in book.worksheets[1:]:
        for row in sheet.iter_rows(min_row=2, values_only=True):
            for value in row:
                assert not (isinstance(value, str) and value.replace(",", "").replace(".", "").isdigit()), (
                    value
                )


def test_scorecard_downloads_named_after_place_year_and_plan(web):
    client = web("planner")
    docx = client.get("/plans/dachuan-14th-health/report.docx", {"division": "511703000000", "year": "2023"})
    assert docx.status_code == 200, docx.content[:300]
    assert filename(docx) == "达川区-2023-达州市达川区“十四五”卫生健康发展规划-中期评估.docx"
    xlsx = client.get("/plans/dachuan-14th-health/report.xlsx", {"division": "511703000000", "year": "2023"})
    assert filename(xlsx).endswith("-指标表.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert isinstance(sheet.cell(row=3, column=6).value, float)
