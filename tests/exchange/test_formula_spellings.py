"""A formula in an uploaded workbook is found however the writer spelled the sheet's XML: with a
namespace prefix (`<x:c>`, as the Open XML SDK writes), with the cell's attributes in another order
(`<c s="0" r="B2">`), in a first sheet that is not sheet1.xml, or in a cell that names no reference.
Found only on `<c r="…"><f>`, such a formula was neither refused nor listed in the preview: its
cached value went in as if typed (probe16)."""

import io
import re
import zipfile

import openpyxl
import pytest

from tixi.exchange.engine.reading import ReadError, read

HEADINGS = ["机构代码", "机构名称", "机构类别"]


def workbook(rewrite=lambda name, data: data) -> bytes:
    """A two-sheet workbook whose first sheet holds a formula in B2 with its cached value, as Excel
    saves it; `rewrite(part name, bytes)` respells any part."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADINGS)
    sheet.append(["510421100096", '=HYPERLINK("http://evil.example/","点击")', "乡镇卫生院"])
    book.create_sheet("说明").append(["plain", "text"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb"</f><v\s*/>|</f><v></v>", "</f><v>点击</v>".encode(), data)
            target.writestr(info.filename, rewrite(info.filename, data))
    return out.getvalue()


def prefixed(name, data):
    if name != "xl/worksheets/sheet1.xml":
        return data
    data = re.sub(rb"<(/?)([A-Za-z]+)\b", rb"<\1x:\2", data)
    return data.replace(b'xmlns="http://schemas', b'xmlns:x="http://schemas')


def reordered(name, data):
    return re.sub(rb'<c r="', b'<c s="0" r="', data) if name == "xl/worksheets/sheet1.xml" else data


def unreferenced(name, data):
    return re.sub(rb'<c r="[A-Z]+\d+"', b"<c", data) if name == "xl/worksheets/sheet1.xml" else data


def swapped(name, data):
    """The same workbook with its parts renamed: the first sheet is the part sheet2.xml."""
    if name == "xl/_rels/workbook.xml.rels":
        data = data.replace(b"sheet1.xml", b"sheetX.xml").replace(b"sheet2.xml", b"sheet1.xml")
        return data.replace(b"sheetX.xml", b"sheet2.xml")
    return data


def swapped_parts(content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    names = {
        "xl/worksheets/sheet1.xml": "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet2.xml": "xl/worksheets/sheet1.xml",
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(names.get(info.filename, info.filename), source.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize(
    "rewrite", [lambda n, d: d, prefixed, reordered], ids=["plain", "prefixed", "reordered"]
)
def test_a_formula_is_listed_and_refused_however_spelled(rewrite):
    content = workbook(rewrite)
    table = read(content, "a.xlsx", keep_formulas=True)
    assert table.rows[0][1][1] == "点击"  # calamine reads the cached value: the file is as Excel saved it
    assert table.formulas == [(2, 1, "B2")]
    with pytest.raises(ReadError) as refused:
        read(content, "a.xlsx")
    assert refused.value.params["formula"] == "B2"


def test_a_formula_in_a_cell_without_its_reference_refuses_the_file():
    content = workbook(unreferenced)
    with pytest.raises(ReadError) as refused:
        read(content, "a.xlsx", keep_formulas=True)  # it cannot be listed under its cell: refused
    assert refused.value.params["formula"] == "?"


def test_the_first_sheet_is_the_workbooks_first_not_the_part_sheet1():
    content = swapped_parts(workbook(swapped))
    table = read(content, "a.xlsx", keep_formulas=True)
    assert table.headings == HEADINGS  # calamine reads the sheet the workbook lists first ...
    assert table.formulas == [(2, 1, "B2")]  # ... and its formula is found there
