"""The error report of a refused import (journey16): each uploaded row it shows is led by its row number
in the file (行号), so a county clerk finds it among 40; the file is named in the page's language after
the upload ("导入问题-机构名录.xlsx", not "errors-12.xlsx"), with the UTF-8 name in filename*."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from tests.exchange.test_download_names import name_of
from tests.exchange.test_imports import HEAD, good_row, xlsx
from tixi.exchange.models import ImportBatch

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def refused_report(web, region, language, filename):
    client = web("county")
    client.cookies["django_language"] = language
    township = {"所在区划代码": region["township"].code}
    rows = [
        HEAD,
        good_row("ERR0001", **township),
        good_row("ERR0002", 所在区划代码="5104"),  # row 3 of the file: a code of 4 digits
        good_row("ERR0003", **township),
        good_row("ERR0004", **{**township, "开业日期": "明年"}),  # row 5: not a date
    ]
    page = client.post(
        "/imports/", {"table": "institutions", "file": SimpleUploadedFile(filename, xlsx(rows))}
    )
    assert page.status_code == 400
    batch = ImportBatch.objects.filter(status="refused").latest("id")
    response = client.get(f"/imports/{batch.pk}/errors.xlsx")
    assert response.status_code == 200
    return response


def test_the_rows_are_led_by_their_row_number_and_the_file_named_in_chinese(web, region):
    response = refused_report(web, region, "zh-hans", "机构名录 第二批.xlsx")
    assert name_of(response) == "导入问题-机构名录-第二批.xlsx"
    assert "filename*=utf-8''" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["问题", "数据"]
    problems = book["问题"]
    assert problems["A1"].value == "行号" and [problems["A2"].value, problems["A3"].value] == [3, 5]
    data = [list(r) for r in book["数据"].iter_rows(values_only=True)]
    assert data[0] == ["行号", *HEAD]
    assert [row[0] for row in data[1:]] == [3, 5]  # the rows with problems, by their number in the file
    assert data[1][1] == "ERR0002" and data[2][1] == "ERR0004"
    # the refused cells are still the ones marked, one column to the right of where they were
    district, opened = HEAD.index("所在区划代码") + 2, HEAD.index("开业日期") + 2
    sheet = book["数据"]
    assert sheet.cell(2, district).fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet.cell(3, opened).fill.fgColor.rgb.endswith("FFC7CE")
    assert not sheet.cell(2, 1).fill.fgColor.rgb.endswith("FFC7CE")


def test_the_english_page_names_the_file_and_the_sheets_in_english(web, region):
    response = refused_report(web, region, "en", "clinics 2025.xlsx")
    assert name_of(response) == "import-problems-clinics-2025.xlsx"
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Problems found", "Data"]
    assert book["Data"]["A1"].value == "Row number" and book["Data"]["A2"].value == 3
    assert book["Problems found"]["A1"].value == "Row number"
