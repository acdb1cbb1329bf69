"""The tables a rendered page shows, read back from its HTML: the tests' oracle for the downloads
(the downloads themselves are written from the views' table objects, never from HTML)."""

from html.parser import HTMLParser


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
