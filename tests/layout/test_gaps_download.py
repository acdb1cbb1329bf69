"""The norm-gaps page downloads as .xlsx and .csv from the same table objects it renders: its headline
figures and one row per norm, the figures as numbers (whole units), the gap in words beside the
numeric gap, in a file named after the place, the year and the page; nothing typed becomes a formula."""

import csv
import io
from urllib.parse import unquote

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests import factories as f
from tests.core.html_tables import assert_download_is_the_page, page_tables
from tests.layout.test_gap_wording import YEAR, ambulance_norms
from tests.layout.test_gap_wording import county as county  # noqa: F401 (the fixture)
from tixi.accounts.models import Role
from tixi.layout.models import Norm

pytestmark = pytest.mark.without_demo


def client_for(county, language="zh-hans"):
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(f.user(Role.PLANNER, divisions=[county]))
    return client


def filename(response) -> str:
    """The download's name, whether the header spells it RFC 5987 (a Chinese name) or plain (an ASCII one)."""
    header = response["Content-Disposition"]
    if "filename*=utf-8''" in header:
        return unquote(header.split("filename*=utf-8''")[-1])
    return header.split('filename="')[-1].rstrip('"')


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_download_holds_the_page_tables(county, language):  # noqa: F811
    ambulance_norms(2, 1, county)
    client = client_for(county, language)
    assert_download_is_the_page(client, f"/layout/{county.code}/gaps/?year={YEAR}")


def rows_of(sheet) -> dict:
    rows = list(sheet.iter_rows(values_only=True))
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_numbers_as_numbers_and_the_file_named_after_place_and_year(county):  # noqa: F811
    ambulance_norms(2, 1, county)
    response = client_for(county).get(f"/layout/{county.code}/gaps/", {"year": YEAR, "format": "xlsx"})
    assert response.status_code == 200
    assert filename(response) == f"测试县-{YEAR}-配置标准.xlsx"
    book = load_workbook(io.BytesIO(response.content))
    assert [s.title for s in book.worksheets] == ["主要数据", "配置标准"]
    figures = {label: value for label, value in book["主要数据"].iter_rows(min_row=2, values_only=True)}
    assert figures == {"适用的配置标准": 3, "已达标": 1, "未达标": 2, "未评判或无数据": 0}
    sheet = book["配置标准"]
    norms = rows_of(sheet)
    stations = norms["社区卫生服务站"]
    assert (stations["评判对象数"], stations["应有"], stations["实际值"], stations["差距"]) == (3, 6, 5, 3)
    assert all(type(stations[k]) is int for k in ("评判对象数", "应有", "实际值", "差距"))
    assert stations["单位"] == "机构" and stations["原文"] == "测试条文" and stations["结果"] == "未达标"
    assert (
        stations["缺口说明"]
        == "还需 3 个社区卫生服务站\n缺口 3：2 个街道不足，1 个街道有余，一地之余不补他处"
    )
    assert stations["哪些地方或机构不足"] == "乙街道 还需 2 个社区卫生服务站\n丙街道 还需 1 个社区卫生服务站"
    assert stations["说明"] == "按街道人口判断。"
    ambulances = norms["救护车"]
    assert (ambulances["应有"], ambulances["实际值"], ambulances["差距"]) == (4, 2, 2)
    assert ambulances["缺口说明"] == "还需 2 辆救护车" and ambulances["单位"] == "辆"
    # the figures' cells show whole units with thousands separators
    gap_column = next(c for c in sheet[1] if c.value == "差距").column
    assert sheet.cell(row=2, column=gap_column).number_format == "#,##0"
    english = client_for(county, "en").get(f"/layout/{county.code}/gaps/", {"year": YEAR, "format": "csv"})
    # the English download names its place in English too (Division.display_name)
    assert filename(english) == f"Ceshi-County-{YEAR}-Allocation-norms.csv"
    written = list(csv.reader(io.StringIO(english.content.decode("utf-8-sig"))))
    assert written[0] == ["Headline figures"] and written[1] == ["Figure", "Value"]
    assert ["Norms that apply", "3"] in written
    heading = next(r for r in written if r[:2] == ["Norm", "Clause (Chinese original)"])
    row = dict(
        zip(heading, next(r for r in written if r[:1] == ["Community health service stations"]), strict=True)
    )
    assert (row["Required"], row["Actual"], row["Gap"], row["Unit"]) == ("6", "5", "3", "institutions")
    assert row["Gap in words"].startswith("still needs 3 community health service stations\n")


def test_the_page_shows_the_headline_figures_and_the_table(county):  # noqa: F811
    html = client_for(county).get(f"/layout/{county.code}/gaps/?year={YEAR}").content.decode()
    tables, figures = page_tables(html)
    assert figures == [["适用的配置标准", "1"], ["已达标", "0"], ["未达标", "1"], ["未评判或无数据", "0"]]
    assert [title for title, _rows in tables] == ["配置标准"]
    assert 'data-norm="t-stations"' in html and '<span class="norm-name">社区卫生服务站</span>' in html
    assert 'class="stack"' in html and "export-bar" in html


def test_a_typed_formula_stays_text(county):  # noqa: F811
    Norm.objects.filter(code="t-stations").update(
        name='=HYPERLINK("http://x")', note="+1+1", clause="@SUM(A1)"
    )
    client = client_for(county)
    book = load_workbook(
        io.BytesIO(client.get(f"/layout/{county.code}/gaps/", {"year": YEAR, "format": "xlsx"}).content)
    )
    assert not [c.coordinate for s in book for row in s.iter_rows() for c in row if c.data_type == "f"]
    text = client.get(f"/layout/{county.code}/gaps/", {"year": YEAR, "format": "csv"}).content.decode(
        "utf-8-sig"
    )
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert '\'=HYPERLINK("http://x")' in cells and "'+1+1" in cells and "'@SUM(A1)" in cells
