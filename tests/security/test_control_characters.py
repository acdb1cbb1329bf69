"""A control character in a text users write (the API, imports and forms take a vertical tab or an
escape pasted into a name) made every .xlsx and Word download holding it a 500: openpyxl and
python-docx refuse what XML cannot hold. The downloads now leave those characters out and keep the
rest of the text."""

import io

import pytest
from django.test import Client
from docx import Document
from openpyxl import load_workbook

from tests.conftest import DACHUAN
from tests.security.planting import plant
from tixi.core.exports import Column, Table, printable, xlsx_bytes

pytestmark = pytest.mark.django_db

CONTROL = "\x0b控\x1b制"  # (a NUL is refused by forms and the API, and PostgreSQL cannot store it)


def texts_of_workbook(content: bytes) -> set:
    book = load_workbook(io.BytesIO(content))
    return {c.value for s in book for row in s.iter_rows() for c in row if isinstance(c.value, str)} | set(
        book.sheetnames
    )


@pytest.mark.without_demo
def test_the_one_writer_leaves_out_what_xml_cannot_hold():
    table = Table(CONTROL + "表", [Column(CONTROL)], preamble=[CONTROL])
    table.add("=" + CONTROL + "\x00\ufffe\ud800")
    values = texts_of_workbook(xlsx_bytes([table]))
    assert {"控制表", "控制", "=控制"} <= values
    assert printable("a\tb\nc\rd") == "a\tb\nc\rd"  # what XML holds stays


def test_downloads_of_texts_with_control_characters(users):
    from tixi.ledger.models import Unit

    plant(
        CONTROL,
        extra=False,
        only=["geo.Division", "ledger.Project", "ledger.Unit", "ledger.Task", "indicators.Plan",
              "indicators.Target", "layout.Norm", "registry.Institution"],
    )  # fmt: skip
    unit = Unit.objects.filter(division__code=DACHUAN).order_by("pk").first()
    page = Client(raise_request_exception=False)
    page.force_login(users["planner"])
    for path in (
        "/ledger/projects/?region=all&format=xlsx",
        f"/ledger/units/{unit.pk}/?format=xlsx",
        "/layout/norms.xlsx",
        "/institutions/?format=xlsx",
        "/plans/dachuan-14th-health/report.xlsx",
    ):
        response = page.get(path)
        assert response.status_code == 200, path
        assert any(v.startswith("控制") for v in texts_of_workbook(response.content)), path
    response = page.get("/plans/dachuan-14th-health/report.docx")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.content))
    assert document.paragraphs[0].text.startswith("控制")  # the plan's title, as typed but the controls
