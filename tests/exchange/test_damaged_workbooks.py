"""An .xlsx whose parts cannot be expanded as they claim is refused with the reason a damaged file
gets, never a server error: a part whose declared size lies (so it passes the zip-bomb check), an encrypted
part, a part compressed by an unknown method, a part whose compressed data is broken. Each was a
500 on the import page (BadZipFile, RuntimeError, NotImplementedError, zlib.error escaped the
reader; probe16)."""

import io
import struct
import zipfile

import openpyxl
import pytest

from tixi.exchange.engine.reading import ReadError, read

SHEET = b"xl/worksheets/sheet1.xml"
DAMAGED = "The file is damaged or is not an .xlsx workbook."


def workbook(rows: int = 3) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["机构代码", "机构名称"])
    for number in range(rows):
        sheet.append([f"5104211000{number:02d}", "卫生院"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def patched(data: bytes, local: tuple[int, str, int], central: tuple[int, str, int]) -> bytes:
    """The sheet's entry with one field of its local header and of its central directory entry set:
    (offset, struct format, value)."""
    raw = bytearray(data)
    for signature, name_length_at, header, (offset, form, value) in (
        (b"PK\x03\x04", 26, 30, local),
        (b"PK\x01\x02", 28, 46, central),
    ):
        at = raw.find(signature)
        while at >= 0:
            length = struct.unpack("<H", raw[at + name_length_at : at + name_length_at + 2])[0]
            if raw[at + header : at + header + length] == SHEET:
                struct.pack_into(form, raw, at + offset, value)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def lying_size(data):  # the sheet claims 1,000 bytes expanded: the size check passes
    return patched(data, (22, "<I", 1000), (24, "<I", 1000))


def encrypted(data):
    return patched(data, (6, "<H", 1), (8, "<H", 1))


def unknown_method(data):
    return patched(data, (8, "<H", 99), (10, "<H", 99))


def broken_deflate(data):
    source = zipfile.ZipFile(io.BytesIO(data))
    info = source.getinfo(SHEET.decode())
    raw = bytearray(data)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    raw[start : start + 8] = b"\xff" * 8
    return bytes(raw)


@pytest.mark.parametrize("damage", [lying_size, encrypted, unknown_method, broken_deflate])
def test_a_part_that_cannot_be_expanded_as_it_claims_is_refused_with_a_reason(damage):
    with pytest.raises(ReadError) as refused:
        read(damage(workbook(2000)), "a.xlsx", keep_formulas=True)
    assert refused.value.message == DAMAGED


def test_a_sound_workbook_is_read():
    assert len(read(workbook(2000), "a.xlsx").rows) == 2000


@pytest.mark.django_db
@pytest.mark.without_demo
def test_a_text_file_named_xlsx_is_refused_as_damaged_not_for_missing_columns():
    """A text file renamed .xlsx was read as a CSV and refused with "缺少必填的列" (journey17): it gets the
    damaged-workbook reason, in Chinese and English; the same text named .csv is still read as a CSV."""
    from django.utils import translation

    from tests.exchange.test_imports import SystemUser
    from tixi.exchange.services import preview_import

    text = "这不是表格\nnot,a,workbook\n".encode()
    with pytest.raises(ReadError) as refused:
        read(text, "机构.xlsx")
    assert refused.value.message == DAMAGED
    assert read(text, "机构.csv").kind == "csv"
    for language, reason in (("zh-hans", "文件已损坏，或不是.xlsx工作簿。"), ("en", DAMAGED)):
        with translation.override(language):
            preview = preview_import("institutions", text, "机构.XLSX", SystemUser())
        assert [p.message for p in preview.problems] == [reason], language
        assert preview.counts()["rows"] == 0 and preview.counts()["rejected"] == 0  # no row to reject
