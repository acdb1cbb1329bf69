"""The one .docx writer, as `exports.xlsx_bytes` is the one .xlsx writer.

Every Word download (the task ledger, the evaluation report) builds its document here: headings,
paragraphs and tables written from the same `Table` objects the page shows, in the CJK font, and every
piece of text through `exports.printable`, the sanitiser the .xlsx writer uses, so that a control
character typed into a task title or a unit name cannot make python-docx refuse the whole file."""

import io

from django.http import HttpResponse
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from tixi.core.exports import NUMBER, Table, attach, download_name, printable, value_of

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CJK_FONT = "Noto Sans CJK SC"


def _text(value) -> str:
    return printable("" if value is None else str(value))


def _row_flag(row, flag: str) -> None:
    """tblHeader (repeat on every page) or cantSplit (keep the row on one page)."""
    element = OxmlElement(f"w:{flag}")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _set_cell_width(cell, width) -> None:
    cell.width = width
    properties = cell._tc.get_or_add_tcPr()
    for old in properties.findall(qn("w:tcW")):
        properties.remove(old)
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(int(width.twips)))
    tcw.set(qn("w:type"), "dxa")
    properties.append(tcw)


class WordDocument:
    """A Word document written only through these methods, so that no text reaches it unclean."""

    def __init__(self, font_size: float = 10.5):
        self.document = Document()
        style = self.document.styles["Normal"]
        style.font.name = CJK_FONT
        style.element.rPr.rFonts.set(qn("w:eastAsia"), CJK_FONT)
        style.font.size = Pt(font_size)
        for name in ("Title", "Heading 1", "Heading 2"):
            heading = self.document.styles[name]
            heading.font.name = CJK_FONT
            heading.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), CJK_FONT)

    @property
    def sections(self):
        return self.document.sections

    def add_section(self):
        return self.document.add_section()

    def heading(self, text, level: int = 1, centred: bool = False):
        heading = self.document.add_heading(_text(text), level=level)
        if centred:
            heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return heading

    def paragraph(self, text, centred: bool = False):
        paragraph = self.document.add_paragraph(_text(text))
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def picture(self, png: bytes, width):
        return self.document.add_picture(io.BytesIO(png), width=width)

    def table(self, table: Table, widths=None, text=None, font_size: float | None = None):
        """`table` as a Word table: its headings (bold, repeated on every page) and its rows, each
        value as `text(value, column, row)` gives it (default: the value as shown, numbers right
        aligned). `widths` fixes each column's width (a fixed layout Word, LibreOffice and WPS follow)."""
        grid = self.document.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        if widths:
            grid.alignment = WD_TABLE_ALIGNMENT.CENTER
            grid.autofit = False
            for column, width in zip(grid.columns, widths, strict=True):
                column.width = width
            layout = OxmlElement("w:tblLayout")
            layout.set(qn("w:type"), "fixed")
            grid._tbl.tblPr.append(layout)
        for index, (cell, heading) in enumerate(zip(grid.rows[0].cells, table.headings(), strict=True)):
            cell.text = _text(heading)
            for run in cell.paragraphs[0].runs:
                run.bold = True
            if widths:
                _set_cell_width(cell, widths[index])
        _row_flag(grid.rows[0], "tblHeader")
        for row in table.rows:
            added = grid.add_row()
            _row_flag(added, "cantSplit")
            for index, (cell, source, column) in enumerate(
                zip(added.cells, row.cells, table.columns, strict=True)
            ):
                value = value_of(source)
                cell.text = _text(text(value, column, row) if text else value)
                if column.kind == NUMBER:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if widths:
                    _set_cell_width(cell, widths[index])
        if font_size:
            for added in grid.rows:
                for cell in added.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.font.size = Pt(font_size)
        return grid

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def docx_bytes(tables: list[Table], font_size: float = 9) -> bytes:
    """Tables as a Word document: each under its title as a heading, preamble lines as paragraphs."""
    document = WordDocument(font_size=font_size)
    for table in tables:
        document.heading(table.title, level=1)
        for line in table.preamble:
            document.paragraph(line)
        document.table(table)
    return document.bytes()


def docx_download(tables: list[Table], *name_parts) -> HttpResponse:
    response = HttpResponse(docx_bytes(tables), content_type=CONTENT_TYPE)
    return attach(response, download_name(*name_parts, extension="docx"))
