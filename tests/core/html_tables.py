"""The tables a rendered page shows, read back from its HTML: the tests' oracle for the downloads
(the downloads themselves are written from the views' table objects, never from HTML)."""

import csv
import datetime as dt
import io
from html.parser import HTMLParser

from openpyxl import load_workbook


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


def page_tables(html: str) -> tuple[list[tuple[str, list[list[str]]]], list[list[str]]]:
    """([(data-title, rows of cell text)], headline figures [[label, value]])."""
    reader = TableReader()
    reader.feed(html)
    figures = [[" ".join(p.split()) for p in card[:2]] for card in reader.figures if len(card) >= 2]
    return [(title, rows) for title, rows in reader.tables if rows], figures


# ------------------------------------------------------------------ the page against its downloads
def _decimals(text: str) -> int:
    return len(text.partition(".")[2])


def same(text: str, value) -> bool:
    """A page's cell text and a download's value say the same (a value of several lines reads as one
    on the page, as HTML joins its lines)."""
    if value is None or value == "":
        return text in ("", "—")
    if isinstance(value, dt.datetime):
        return text in (value.strftime("%Y-%m-%d %H:%M"), value.date().isoformat())
    if isinstance(value, dt.date):
        return text == value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            shown = float(text.replace(",", ""))
        except ValueError:
            return False
        return abs(shown - value) <= 0.5 * 10 ** -_decimals(text) + 1e-9
    return text == " ".join(str(value).split())


def _csv_equal(value, text: str) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return float(text) == value
        except ValueError:
            return False
    return _as_csv(value) == text


def _as_csv(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d" if value.time() == dt.time() else "%Y-%m-%d %H:%M")
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")) and not value[1:2].isdigit():
        return "'" + value
    return str(value)


def assert_download_is_the_page(client, path: str) -> None:
    """The page's .xlsx holds a sheet per table the page shows (its headline cards first), with the
    page's headings and cell values, and its .csv the same rows."""
    page = client.get(path)
    assert page.status_code == 200, page.content[:300]
    shown, figures = page_tables(page.content.decode())
    if figures:
        shown.insert(0, ("", [["", ""], *figures]))
    sep = "&" if "?" in path else "?"
    book = load_workbook(io.BytesIO(client.get(f"{path}{sep}format=xlsx").content))
    assert len(book.worksheets) == len(shown), ([s.title for s in book.worksheets], [t for t, _r in shown])
    text = client.get(f"{path}{sep}format=csv").content.decode("utf-8-sig")
    written = list(csv.reader(io.StringIO(text)))
    for sheet, (title, rows) in zip(book.worksheets, shown, strict=True):
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        if title and values and [str(v or "") for v in values[0]] != rows[0]:
            # lines above the headings (the ranking's reason the page says once above its table):
            # each says what the page says
            start = next(k for k, v in enumerate(values) if [str(c or "") for c in v] == rows[0])
            html = page.content.decode()
            for line in values[:start]:
                assert all(w in html for c in line if c is not None for w in str(c).split()), (
                    sheet.title,
                    line,
                )
            values = values[start:]
        assert len(values) == len(rows), (sheet.title, len(values), len(rows))
        if title:  # headings as the page's (the headline cards have none)
            assert [str(v or "") for v in values[0]] == rows[0], sheet.title
        for page_row, row in zip(rows[1:], values[1:], strict=True):
            assert len(page_row) == len(row) and all(map(same, page_row, row)), (sheet.title, page_row, row)
        for row in values:  # the .csv holds the same rows
            assert any(len(w) == len(row) and all(map(_csv_equal, row, w)) for w in written), (
                sheet.title,
                row,
            )
