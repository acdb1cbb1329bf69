"""Every table on a page downloads as .xlsx or .csv, exactly as shown (same filters, same scope).

A view wrapped in `exportable` answers `?format=xlsx` or `?format=csv` by rendering itself as usual
and reading back its <table> elements: what is downloaded is what the page shows, with no second
query path that could forget a filter or the user's scope. Cells or columns marked data-no-export
(charts, buttons) are left out."""

import csv
import functools
import io
import re
from html.parser import HTMLParser

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})*(\.\d+)?$|^[+-]?\d+(\.\d+)?$")
UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|·\x00-\x1f]+')


def download_name(*parts, extension: str) -> str:
    """A file name that says what it holds: "攀枝花市-2024-机构名录.xlsx" (place, year, page)."""
    words = []
    for part in parts:
        text = UNSAFE_IN_NAME.sub(" ", str(part or "")).strip()
        text = "-".join(text.split())
        if text and text not in "-".join(words).split("-"):
            words.append(text)
    return "-".join(words)[:120].strip("-") + f".{extension}"


def attach(response: HttpResponse, filename: str) -> HttpResponse:
    """Content-Disposition with the UTF-8 name (RFC 6266 filename*), so Chinese names survive."""
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


class TableReader(HTMLParser):
    """The tables of a page: [(title, [[cell text, ...], ...]), ...]."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.title, self._heading = [], "", None
        self.page_title, self._in_title = "", False
        self.figures: list[list[str]] = []  # the page's headline figures (.card: .label and .value)
        self._figure_part = None
        self._card_depth = 0
        self._rows = self._row = self._cell = None
        self._skip = 0  # depth inside data-no-export elements
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._skip or "data-no-export" in attributes:
            if tag not in ("br", "input", "img", "meta", "link", "hr"):
                self._skip += 1
            return
        classes = (attributes.get("class") or "").split()
        if self._card_depth and tag not in ("br", "input", "img", "meta", "link", "hr"):
            self._card_depth += 1
            if "label" in classes or "value" in classes:
                self._figure_part = "label" if "label" in classes else "value"
                self.figures[-1].append("")
        elif "card" in classes and tag == "div":
            self._card_depth = 1
            self.figures.append([])
        if tag == "title":
            self._in_title = True
        elif tag in ("h1", "h2"):
            self._heading = ""
        elif tag == "table":
            self._rows = []
            self._table_title = attributes.get("data-title") or ""
        elif tag == "tr" and self._rows is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ""
            self._span = int(attributes.get("colspan") or 1)

    def handle_endtag(self, tag):
        if self._skip:
            if tag not in ("br", "input", "img", "meta", "link", "hr"):
                self._skip -= 1
            return
        if self._card_depth and tag not in ("br", "input", "img", "meta", "link", "hr"):
            self._card_depth -= 1
            self._figure_part = None
        if tag == "title":
            self._in_title = False
        if tag in ("h1", "h2") and self._heading is not None:
            self.title = " ".join(self._heading.split())
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join(self._cell.split()))
            self._row.extend([""] * (self._span - 1))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._rows.append(self._row)
            self._row = None
        elif tag == "table" and self._rows is not None:
            self.tables.append((self._table_title or self.title, self._rows))
            self._rows = None

    def handle_data(self, data):
        if self._skip:
            return
        if self._in_title:
            self.page_title += data
        if self._figure_part is not None and self.figures and self.figures[-1]:
            self.figures[-1][-1] += data
        if self._cell is not None:
            self._cell += data
        if self._heading is not None:
            self._heading += data


def tables_of(html: str) -> list[tuple[str, list[list[str]]]]:
    return read_page(html)[0]


def read_page(html: str) -> tuple[list[tuple[str, list[list[str]]]], str]:
    """The page's tables, headed by its headline figures when it has some, and its title."""
    reader = TableReader()
    reader.feed(html)
    tables = [(title, rows) for title, rows in reader.tables if rows]
    figures = [[" ".join(p.split()) for p in card[:2]] for card in reader.figures if len(card) >= 2]
    if figures:
        tables.insert(0, (_("Headline figures"), [[_("Figure"), _("Value")], *figures]))
    title = " ".join(reader.page_title.split())
    return tables, title.removesuffix(" · " + _("Tixi health service system platform"))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")


def safe_cells(values, sheet=None) -> list:
    """Every .xlsx and .csv writer passes its rows through here, so that text typed by users (a name
    such as `=HYPERLINK(...)`) never becomes a live formula. For a sheet (openpyxl), text starting
    with `=` is stored as a text cell; for CSV, text starting with = + - @ (or a tab or carriage
    return) gets the usual protective apostrophe (the importer drops it again). Numbers pass."""
    safe = []
    for value in values:
        if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.match(value):
            if sheet is None:
                value = "'" + value
            elif value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
        safe.append(value)
    return safe


def _typed(text: str):
    """Numbers as numbers (1,234.5 → 1234.5; −3 → -3), so a spreadsheet can add them up."""
    plain = text.replace("\u2212", "-").replace("，", ",").strip()
    if NUMBER.match(plain):
        number = float(plain.replace(",", ""))
        return int(number) if number.is_integer() and "." not in plain else number
    return text


def _number_format(text: str) -> str | None:
    """Keep the page's decimals and thousands separators in the spreadsheet's display."""
    plain = text.replace("\u2212", "-").strip()
    decimals = len(plain.partition(".")[2])
    grouped = "," in plain
    return ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")


def xlsx_bytes(tables) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    used = set()
    for index, (title, rows) in enumerate(tables, start=1):
        name = re.sub(r"[\[\]:*?/\\]", " ", title or "")[:28].strip() or f"表{index}"
        while name in used:
            name = f"{name[:25]}-{index}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        for n, row in enumerate(rows):
            sheet.append(safe_cells([cell if n == 0 else _typed(cell) for cell in row], sheet))
            if n:
                for cell, text in zip(sheet[sheet.max_row], row, strict=False):
                    if isinstance(cell.value, (int, float)):
                        cell.number_format = _number_format(text)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width * 1.6))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(tables) -> bytes:
    """UTF-8 with a byte-order mark (Excel opens it right); tables one after another."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for index, (title, rows) in enumerate(tables):
        if len(tables) > 1:
            if index:
                writer.writerow([])
            writer.writerow(safe_cells([title]))
        writer.writerows(safe_cells(row) for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def exportable(name: str):
    """Decorate a page view: `?format=xlsx|csv` downloads its tables as rendered, in a file named
    after the page (its title names the place and, where there is one, the year)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            fmt = request.GET.get("format", "")
            request.exportable = True  # base.html offers the download links
            if fmt not in FORMATS or request.method != "GET":
                return view(request, *args, **kwargs)
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                return response
            if hasattr(response, "render"):
                response.render()
            tables, title = read_page(response.content.decode("utf-8"))
            content = xlsx_bytes(tables) if fmt == "xlsx" else csv_bytes(tables)
            download = HttpResponse(content, content_type=FORMATS[fmt])
            year = request.GET.get("year", "")
            year = year if year.isdigit() and year not in title else ""
            return attach(download, download_name(title or name, year, extension=fmt))

        return wrapper

    return decorate
