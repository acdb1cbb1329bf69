"""Reading spreadsheets people actually send: .xlsx (streamed, read-only) and CSV (UTF-8 or GBK).

No Django. Refuses, with a reason, what it cannot read safely: an old .xls, a renamed file that is
not a spreadsheet, a file too large, a zip bomb, merged cells, formulas.
"""

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

MAX_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED = 400 * 1024 * 1024
MAX_RATIO = 150  # uncompressed / compressed: beyond this, a zip bomb


class ReadError(ValueError):
    def __init__(self, message: str, **params):
        self.message, self.params = message, params
        super().__init__(message % params if params else message)


@dataclass
class Table:
    """Rows of raw values with their spreadsheet row numbers, and the heading row(s)."""

    headings: list[str]
    codes: list[str] | None
    rows: list[tuple[int, list]] = field(default_factory=list)
    kind: str = "xlsx"
    encoding: str = ""
    formulas: list = field(default_factory=list)  # (row, column index, reference) of formula cells


def sniff(data: bytes, filename: str = "") -> str:
    if len(data) > MAX_BYTES:
        raise ReadError(
            "The file is %(size)s MB; the limit is %(limit)s MB.",
            size=len(data) // 2**20,
            limit=MAX_BYTES // 2**20,
        )
    if not data.strip():
        raise ReadError("The file is empty.")
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ReadError(
            "This is an old Excel file (.xls); save it as .xlsx (Excel workbook) and import that."
        )
    if b"\x00" in data[:4096]:
        raise ReadError("This is not a spreadsheet: neither .xlsx nor CSV.")
    if filename.lower().endswith((".xlsx", ".xlsm")):
        # a text file renamed .xlsx was read as a CSV and refused for "missing required columns"
        # (journey17): a file that says it is a workbook and is no zip is a damaged one
        raise ReadError("The file is damaged or is not an .xlsx workbook.")
    return "csv"


def decode(data: bytes) -> tuple[str, str]:
    """Text of a CSV and the encoding it was in: UTF-8 (with or without BOM), else GBK (GB18030)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), "GBK" if encoding == "gb18030" else "UTF-8"
        except UnicodeDecodeError:
            continue
    raise ReadError("The CSV is neither UTF-8 nor GBK text.")


def _check_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ReadError("The file is damaged or is not an .xlsx workbook.") from error
    names = set(archive.namelist())
    if "xl/workbook.xml" not in names:
        raise ReadError("This zip file is not an .xlsx workbook.")
    total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNCOMPRESSED or total > MAX_RATIO * max(len(data), 1):
        raise ReadError(
            "The workbook expands to %(size)s MB: refused as unsafe (zip bomb).", size=total // 2**20
        )
    return archive


# A tag as any writer may spell it: with a namespace prefix (`<x:c>`, as the Open XML SDK writes)
# and its attributes in any order (`<c s="1" r="B2">`). Matched only on `<c r="`, a formula in such a
# file was neither refused nor listed: its cached value was imported as if typed (probe16).
PREFIX = rb"<(?:[A-Za-z_][\w.-]*:)?"
MERGE = re.compile(PREFIX + rb'mergeCell\b[^>]*?\bref\s*=\s*["\']([A-Z]+\d+:[A-Z]+\d+)["\']')
CELL_OR_FORMULA = re.compile(PREFIX + rb"(c|f)(?=[\s/>])([^>]*)>")
CELL_REF = re.compile(rb'\br\s*=\s*["\']([A-Z]+)(\d+)["\']')
DAMAGED = (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError, EOFError, OSError)
UNKNOWN = (0, "?")  # a formula in a cell without its reference (`r` is optional in the format)


def _sheet_chunks(archive, name: str, size: int = 1 << 20):
    """The sheet's XML in pieces that end before a tag (the tag cut at a piece's end opens the
    next): a 100,000-row sheet is ~70 MB of XML, never held whole."""
    with archive.open(name) as stream:
        tail = b""
        while chunk := stream.read(size):
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                tail = data
                continue
            yield data[:cut]
            tail = data[cut:]
        if tail:
            yield tail


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _check_sheet_xml(archive, name: str, limit: int = 200) -> list[tuple[int, str]]:
    """Refuses merged cells; returns the cells holding a formula, (row, reference), at most `limit`;
    (0, "?") for a formula whose cell names no reference."""
    formulas: dict[tuple[int, str], None] = {}
    cell = UNKNOWN
    for xml in _sheet_chunks(archive, name):
        merged = MERGE.findall(xml)
        if merged:
            ranges = ", ".join(m.decode() for m in merged[:5])
            raise ReadError(
                "The sheet has merged cells (%(ranges)s); unmerge them and fill every cell.", ranges=ranges
            )
        for tag in CELL_OR_FORMULA.finditer(xml):
            if tag.group(1) == b"c":
                ref = CELL_REF.search(tag.group(2))
                cell = (int(ref.group(2)), ref.group(1).decode()) if ref else UNKNOWN
            else:
                formulas[cell] = None
                if len(formulas) >= limit:
                    return list(formulas)
    return list(formulas)


def _first_sheet(archive, names: list[str]) -> str | None:
    """The part of the workbook's first sheet, as calamine reads it (the workbook's order, not the
    parts' names: a workbook may list sheet2.xml first)."""
    from xml.etree import ElementTree

    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return names[0] if names else None
    sheet = next((e for e in workbook.iter() if e.tag.rpartition("}")[2] == "sheet"), None)
    rel_id = next(
        (v for k, v in (sheet.attrib.items() if sheet is not None else ()) if k.endswith("}id")), None
    )
    for rel in rels.iter():
        if rel.tag.rpartition("}")[2] == "Relationship" and rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            part = target.lstrip("/") if target.startswith("/") else "xl/" + target
            return part if part in names else (names[0] if names else None)
    return names[0] if names else None


def read_xlsx(data: bytes, keep_formulas: bool = False) -> Table:
    """Values through calamine (a Rust reader, fast and streaming); merged cells and formulas are
    found in the sheet's XML, which calamine does not report. A formula refuses the file, unless
    `keep_formulas`: then the table lists the cells (row, column index, reference) for the caller to
    report beside the other problems of the file, each under its column's heading."""
    from python_calamine import CalamineWorkbook

    archive = _check_zip(data)
    sheet_xml = sorted(
        n
        for n in archive.namelist()
        if n.startswith("xl/worksheets/") and n.endswith(".xml") and "_rels" not in n
    )
    try:
        first = _first_sheet(archive, sheet_xml)
        formulas = _check_sheet_xml(archive, first) if first else []
    except DAMAGED as error:
        # a part whose size lies (expanding stops at the claimed size, its CRC then fails), an
        # encrypted part, one compressed by a method Python does not know, broken compressed data:
        # each escaped as a server error (probe16)
        raise ReadError("The file is damaged or is not an .xlsx workbook.") from error
    # a formula whose cell cannot be named cannot be listed beside the others: the file is refused
    if formulas and (not keep_formulas or UNKNOWN in formulas):
        row, column = next((f for f in formulas if f == UNKNOWN), formulas[0])
        raise ReadError(
            "Row %(row)s, column %(column)s holds a formula (%(formula)s); paste values instead.",
            row=row or "?",
            column=column,
            formula=f"{column}{row or ''}",
        )
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = workbook.get_sheet_by_index(0)
        rows = [
            (number, [None if v == "" else v for v in values])
            for number, values in enumerate(sheet.iter_rows(), start=1)
        ]
    except Exception as error:  # calamine raises its own errors for broken files
        raise ReadError("The workbook cannot be read: %(error)s.", error=str(error)[:120]) from error
    table = _split(rows, "xlsx")
    table.formulas = [(row, _column_index(column), f"{column}{row}") for row, column in formulas if row]
    return table


def read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [(n, row) for n, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1)]
    except csv.Error as error:
        raise ReadError("The CSV cannot be read: %(error)s.", error=str(error)[:120]) from error
    table = _split(rows, "csv")
    table.encoding = encoding
    return table


def _split(rows, kind: str) -> Table:
    """Heading row, optional English code row beneath it (as in Tixi's templates), then data."""
    rows = [(n, r) for n, r in rows if any(_text(v) for v in r)] if rows else []
    if not rows:
        raise ReadError("The sheet has no rows.")
    headings = [_text(v) for v in rows[0][1]]
    codes = None
    if (
        len(rows) > 1
        and all(re.fullmatch(r"[a-z_]*", _text(v)) for v in rows[1][1])
        and any(_text(v) for v in rows[1][1])
    ):
        codes = [_text(v) for v in rows[1][1]]
        data = rows[2:]
    else:
        data = rows[1:]
    return Table(headings, codes, data, kind)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def read(data: bytes, filename: str = "", keep_formulas: bool = False) -> Table:
    return read_xlsx(data, keep_formulas) if sniff(data, filename) == "xlsx" else read_csv(data)
