"""Every table on a page downloads as .xlsx or .csv, exactly as shown (same filters, same scope).

A page's view builds its tables once as `Table` objects (columns with labels and kinds, rows of
values) and hands them to its template, which renders them (`core/_table.html`); a view wrapped in
`exportable` answers `?format=xlsx` or `?format=csv` by writing those same objects with the one
writer below. What is downloaded is what the page shows, with no second query path that could forget
a filter or the user's scope, and nothing is read back from HTML. Each value is written as what it is:
numbers as numbers (with the page's decimals as the cell's format), dates as dates, text through
`safe_cells` so that nothing a user typed becomes a formula."""

import csv
import dataclasses
import datetime as dt
import decimal
import functools
import io
import re
from typing import Any

from django.core.management.base import BaseCommand, OutputWrapper
from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|·\x00-\x1f]+')
TEXT, NUMBER, DATE = "text", "number", "date"
MARKED = PatternFill("solid", fgColor="FFC7CE")  # cells a table marks (an import's refused cells)
HEADING = PatternFill("solid", fgColor="DCE6F1")
CHOICES_SHEET = "选项"  # the hidden sheet holding the drop-down lists of an import template
TEMPLATE_ROWS = 100000  # how far down a template's drop-downs reach


@dataclasses.dataclass(frozen=True)
class Column:
    """A column: its heading (in the page's language), its kind, and for numbers the decimals shown
    (None: as the value has them)."""

    label: str
    kind: str = TEXT
    decimals: int | None = None
    code: str = ""  # a second heading row for tables that import back (the import template's codes)
    width: int | None = None  # the sheet's column width, where the label's length is no guide
    required: bool = False  # an import template's column that must be filled: its heading in red
    comment: str = ""  # a note on the heading cell (.xlsx), what to type there
    choices: tuple = ()  # the values a template's cells may take: a drop-down in .xlsx
    css: str = ""  # a class of the column's cells on the page (its look on a phone), never written

    @property
    def heading(self) -> str:
        """The label as a heading shows it (page, stacked card, .xlsx, .csv, Word)."""
        return heading_text(self.label)


def heading_text(label) -> str:
    """A heading in English starts with a capital letter, as a msgid that also serves inside sentences
    ("population", "within 15 min") does not (issue 12); Chinese as it is."""
    text = str(label)
    return text if (get_language() or "").startswith("zh") else capfirst(text)


@dataclasses.dataclass(frozen=True)
class Cell:
    """A value with what only the page shows: a link, a muted second line, a class for its badge."""

    value: Any
    href: str = ""
    note: str = ""
    css: str = ""
    title: str = ""
    badge: str = ""  # a page-only badge beside the value ("synthetic")
    decimals: int | None = None  # this cell's decimals, where its column mixes kinds (headline figures)
    links: tuple = ()  # page-only links under the value: ((text, href), ...)


def value_of(cell) -> Any:
    return cell.value if isinstance(cell, Cell) else cell


@dataclasses.dataclass
class Row:
    cells: list
    item: Any = None  # what the row shows, for the page's own actions (forms, charts)
    attrs: dict = dataclasses.field(default_factory=dict)  # data-* attributes of the <tr>

    def values(self) -> list:
        return [value_of(c) for c in self.cells]


@dataclasses.dataclass
class Table:
    """A table as a page shows it and a download writes it."""

    title: str
    columns: list[Column]
    rows: list[Row] = dataclasses.field(default_factory=list)
    html_id: str = ""
    empty: str = ""  # what the page says when there is no row
    actions: str = ""  # a template rendered per row in a last column the page alone shows
    actions_heading: str = ""
    marked: set = dataclasses.field(default_factory=set)  # (row index, column index) to highlight
    preamble: list = dataclasses.field(default_factory=list)  # lines above the headings (a guide's rules)
    hidden: bool = False
    stack: bool | None = None  # one card per row on a phone (None: as `stacks` judges from the columns)

    def add(self, *cells, item=None, **attrs) -> Row:
        if len(cells) != len(self.columns):
            raise ValueError(f"{self.title}: {len(cells)} cells for {len(self.columns)} columns")
        cells = list(cells)
        if cells and self.columns[0].kind == TEXT:  # the row's label, "Life expectancy", as a heading
            first = cells[0]
            if isinstance(first, Cell) and isinstance(first.value, str):
                cells[0] = dataclasses.replace(first, value=heading_text(first.value))
            elif isinstance(first, (str, Promise)):  # a lazy label ("any primary care") too
                cells[0] = heading_text(first)
        row = Row(cells, item, attrs)
        self.rows.append(row)
        return row

    def headings(self) -> list[str]:
        return [c.heading for c in self.columns]

    def values(self) -> list[list]:
        return [row.values() for row in self.rows]


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


# what XML 1.0 (.xlsx and .docx are XML) cannot hold: control characters but tab, newline and
# carriage return, lone surrogates, U+FFFE and U+FFFF. Typed or pasted into a name (the API and the
# imports take them), one such character made every .xlsx and Word download that held it a 500.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def printable(text: str) -> str:
    """The text without what XML cannot hold (nothing visible is lost)."""
    return NOT_IN_XML.sub("", text) if isinstance(text, str) else text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")


def safe_cells(values, sheet=None) -> list:
    """Every .xlsx and .csv writer passes its rows through here, so that text typed by users (a name
    such as `=HYPERLINK(...)`) never becomes a live formula. For a sheet (openpyxl), text starting
    with `=` is stored as a text cell; for CSV, text starting with = + - @ (or a tab or carriage
    return) gets the usual protective apostrophe (the importer drops it again). Numbers pass. A
    sheet's text loses what XML cannot hold (`printable`)."""
    safe = []
    for value in values:
        if sheet is not None and isinstance(value, str):
            value = printable(value)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.match(value):
            if sheet is None:
                value = "'" + value
            elif value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                value = cell
        safe.append(value)
    return safe


def _plain(value):
    """What a file holds: numbers as numbers, dates as dates, text as text, nothing as empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (int, float, str, dt.date)):
        return value
    return str(value)


def number_format(value, decimals: int | None) -> str | None:
    """The page's decimals and thousands separators as the cell's display format."""
    if isinstance(value, dt.datetime):
        return "yyyy-mm-dd hh:mm"
    if isinstance(value, dt.date):
        return "yyyy-mm-dd"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if decimals is None:
        decimals = 0 if isinstance(value, int) else min(len(repr(value).partition(".")[2]), 6)
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _sheet_name(title: str, index: int, used: set) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", printable(title or ""))[:28].strip() or f"表{index}"
    while name in used:
        name = f"{name[:25]}-{index}"
    used.add(name)
    return name


def _choices(workbook, sheet, table: Table, first_row: int, used: set) -> None:
    """Each column with choices gets a drop-down (a list on the hidden choices sheet) down the sheet."""
    if not any(c.choices for c in table.columns):
        return
    if CHOICES_SHEET not in workbook.sheetnames:
        hidden = workbook.create_sheet(_sheet_name(CHOICES_SHEET, len(workbook.sheetnames) + 1, used))
        hidden.sheet_state = "hidden"
    lists = workbook[CHOICES_SHEET]
    for index, column in enumerate(table.columns, start=1):
        if not column.choices:
            continue
        letter = get_column_letter(index)
        for row, choice in enumerate(column.choices, start=1):
            lists.cell(row=row, column=index, value=choice)
        rule = DataValidation(
            type="list",
            formula1=f"'{CHOICES_SHEET}'!${letter}$1:${letter}${len(column.choices)}",
            allow_blank=not column.required,
        )
        rule.error = _("Choose a value from the list")
        sheet.add_data_validation(rule)
        rule.add(f"{letter}{first_row}:{letter}{TEMPLATE_ROWS}")


WRAPPED = Alignment(wrap_text=True, vertical="top")


def _longest_line(value) -> int:
    return max(len(line) for line in str(value if value is not None else "").split("\n"))


def xlsx_bytes(tables: list[Table]) -> bytes:
    """The one .xlsx writer: a sheet per table, bold headings, numbers and dates typed; an import
    template's required headings in red, notes on headings and drop-downs of choices."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set = set()
    for index, table in enumerate(tables, start=1):
        sheet = workbook.create_sheet(_sheet_name(str(table.title), index, used))
        for line_index, line in enumerate(table.preamble):
            sheet.append(safe_cells([str(line)], sheet))
            if not line_index:
                sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
        if table.preamble:
            sheet.append([])
        heading_row = len(table.preamble) + 2 if table.preamble else 1
        sheet.append(safe_cells(table.headings(), sheet))
        has_codes = any(c.code for c in table.columns)
        if has_codes:
            sheet.append([c.code for c in table.columns])
            for cell in sheet[heading_row + 1]:
                cell.font = Font(italic=True, color="808080")
        for cell, column in zip(sheet[heading_row], table.columns, strict=False):
            cell.font = Font(bold=True, color="C00000" if column.required else "000000")
            cell.fill = HEADING
            if column.comment:
                cell.comment = Comment(str(column.comment), "Tixi")
        first_row = heading_row + (2 if has_codes else 1)
        for row_index, row in enumerate(table.rows):
            sheet.append(safe_cells([_plain(v) for v in row.values()], sheet))
            for column_index, (cell, column) in enumerate(
                zip(sheet[sheet.max_row], table.columns, strict=False)
            ):
                source = row.cells[column_index]
                decimals = (
                    source.decimals
                    if isinstance(source, Cell) and source.decimals is not None
                    else column.decimals
                )
                form = number_format(cell.value, decimals)
                if form:
                    cell.number_format = form
                if isinstance(cell.value, str) and "\n" in cell.value:  # a cell of several lines
                    cell.alignment = WRAPPED
                if (row_index, column_index) in table.marked:
                    cell.fill = MARKED
        sheet.freeze_panes = f"A{first_row}"
        for column_index, spec in enumerate(table.columns, start=1):
            cells = [sheet.cell(row=r, column=column_index) for r in range(heading_row, sheet.max_row + 1)]
            width = spec.width or max(_longest_line(c.value) for c in cells) * 1.6
            sheet.column_dimensions[get_column_letter(column_index)].width = min(60, max(8, width))
        _choices(workbook, sheet, table, first_row, used)
        if table.hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_text(value) -> Any:
    value = _plain(value)
    if isinstance(value, float):
        # at the 16 significant digits the .xlsx is written with (openpyxl's): 31.05 + 0.1 is 31.15
        # in both, not 31.150000000000002 in the .csv alone
        return float(f"{value:.16g}")
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else value


def csv_bytes(tables: list[Table], byte_order_mark: bool = True) -> bytes:
    """The one .csv writer: UTF-8 with a byte-order mark (Excel opens it right; a file for another
    system, such as DHIS2's, goes without); tables one after another, each under its title when
    there are several."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for index, table in enumerate(tables):
        if len(tables) > 1:
            if index:
                writer.writerow([])
            writer.writerow(safe_cells([str(table.title)]))
        writer.writerows(safe_cells([str(line)]) for line in table.preamble)
        writer.writerow(safe_cells(table.headings()))
        if any(c.code for c in table.columns):
            writer.writerow([c.code for c in table.columns])
        writer.writerows(safe_cells([_csv_text(v) for v in row.values()]) for row in table.rows)
    return (("\ufeff" if byte_order_mark else "") + buffer.getvalue()).encode("utf-8")


def write(tables: list[Table], fmt: str) -> bytes:
    return xlsx_bytes(tables) if fmt == "xlsx" else csv_bytes(tables)


def download(tables: list[Table], fmt: str, filename: str) -> HttpResponse:
    return attach(HttpResponse(write(tables, fmt), content_type=FORMATS[fmt]), filename)


def exportable(name: str):
    """Decorate a page view that answers with a TemplateResponse whose context holds `tables` (and
    `export_title`, naming the place and year): `?format=xlsx|csv` writes those tables."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            fmt = request.GET.get("format", "")
            request.exportable = True  # base.html offers the download links
            try:
                response = view(request, *args, **kwargs)
            except Exception:
                # a page not found (out of scope), refused or failed has nothing to download: its error
                # page offered "下载：Excel · CSV" (journey17's sweep: the institution account's 404)
                request.exportable = False
                raise
            if fmt not in FORMATS or request.method != "GET" or response.status_code != 200:
                return response
            context = getattr(response, "context_data", None)
            if context is None or "tables" not in context:
                raise TypeError(
                    f"{view.__name__}: an exportable page hands its `tables` to a TemplateResponse"
                )
            title = context.get("export_title") or name
            # a list shown for one region says which in its file name ("攀枝花市-任务台账.xlsx")
            region = context.get("list_region")
            place = getattr(region, "name", "")
            return download(list(context["tables"]), fmt, download_name(place, title, extension=fmt))

        wrapper.exportable_name = name
        return wrapper

    return decorate


def table_text(text: str) -> str:
    """What a command's `--format table` prints, made as safe as its CSV: each line's tab-separated
    cells lose their control characters (an escape sequence would rewrite the terminal) and a text
    cell that looks like a formula gets the protective apostrophe (`safe_cells`), since such output
    is pasted into a spreadsheet."""
    return "\n".join(
        "\t".join(safe_cells([LINE_CONTROLS.sub("", cell) for cell in line.split("\t")]))
        for line in text.split("\n")
    )


LINE_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")  # a line's cells keep nothing but tabs


class TableOutput(OutputWrapper):
    def write(self, msg="", style_func=None, ending=None):
        super().write(table_text(msg), style_func, ending)


class TableCommand(BaseCommand):
    """A command with `--format table|json`: its table goes out through `table_text`."""

    def execute(self, *args, **options):
        if options.get("format") == "table":
            self.stdout = TableOutput(options.pop("stdout", None) or self.stdout._out)
        return super().execute(*args, **options)
