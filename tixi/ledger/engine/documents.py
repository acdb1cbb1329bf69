"""The text of a plan document: .txt (UTF-8 or GB18030) or .docx (paragraphs and tables in order)."""

import io
import zipfile


class NotADocument(ValueError):
    """`code` says why (docx, type, binary, encoding); the interface words it in the user's language."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def read_document(name: str, data: bytes) -> str:
    if name.lower().endswith(".docx"):
        from docx import Document

        try:
            document = Document(io.BytesIO(data))
        except (zipfile.BadZipFile, KeyError, ValueError) as error:
            raise NotADocument("docx", "not a Word (.docx) document") from error
        return "\n".join(_docx_lines(document))
    if not name.lower().endswith((".txt", ".md")):
        raise NotADocument("type", "a plan is read from .txt or .docx")
    if b"\x00" in data[:4096]:
        raise NotADocument("binary", "not a text file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NotADocument("encoding", "neither UTF-8 nor GB18030 text")


def _docx_lines(document):
    """Paragraphs as lines; a table as the seeds lay tables out: one cell per line behind a tab, a
    blank line after each row (a merged cell is written once per row, not once per grid column)."""
    from docx.table import Table

    for block in document.iter_inner_content():
        if not isinstance(block, Table):
            yield block.text
            continue
        yield ""
        for row in block.rows:
            seen = []
            for cell in row.cells:
                if not any(cell._tc is s for s in seen):
                    seen.append(cell._tc)
                    yield "\t" + " ".join(cell.text.split())
            yield ""
