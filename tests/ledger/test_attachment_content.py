"""Attachments are checked by their content (the first bytes; for .docx/.xlsx the zip's main part)
and size, not by the name alone."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook

from tixi.ledger.models import validate_attachment


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("photo.png", b"MZ\x90\x00 a windows program"),
        ("photo.jpg", b"%PDF-1.4 not a picture"),
        ("plan.docx", b"PK\x03\x04 not really a zip"),
        ("plan.docx", saved(Workbook())),  # a workbook named .docx
        ("sheet.xlsx", saved(Document())),
    ],
)
def test_renamed_files_are_refused(name, content):
    with pytest.raises(ValidationError) as caught:
        validate_attachment(SimpleUploadedFile(name, content))
    assert name in str(caught.value)


@pytest.mark.parametrize(
    "name, content",
    [
        ("report.pdf", b"%PDF-1.7\n..."),
        ("photo.png", b"\x89PNG\r\n\x1a\n...."),
        ("photo.jpeg", b"\xff\xd8\xff\xe0...."),
        ("plan.docx", saved(Document())),
        ("sheet.xlsx", saved(Workbook())),
    ],
)
def test_real_files_pass_and_can_be_read_again(name, content):
    upload = SimpleUploadedFile(name, content)
    validate_attachment(upload)
    assert upload.read() == content


def test_size_is_checked():
    with pytest.raises(ValidationError):
        validate_attachment(SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)))
