"""The text of a plan document: .txt (UTF-8 or GB18030) or .docx (paragraphs, then tables)."""

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
        text = "\n".join(p.text for p in document.paragraphs)
        for table in document.tables:
            text += "\n" + "\n".join("\t".join(c.text for c in row.cells) for row in table.rows)
        return text
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
