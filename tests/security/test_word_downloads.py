"""Every Word (.docx) download the app offers is written by the one writer (`tixi/core/word.py`),
which cleans text with the .xlsx writer's sanitiser: a control character in a task title or a unit
name (the task form takes \\x01) made the ledger's Word download a 500 while its .xlsx was fine."""

import io
import re
import zipfile

import pytest
from django.test import Client
from docx import Document

from tests.conftest import DACHUAN
from tixi.core.exports import Column, Table
from tixi.core.word import docx_bytes
from tixi.ledger.models import Task, Unit

pytestmark = pytest.mark.django_db

CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def document_xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return package.read("word/document.xml").decode("utf-8")


@pytest.mark.without_demo
def test_the_one_word_writer_leaves_out_control_characters():
    table = Table("台账\x01", [Column("任务\x0b")], preamble=["说明\x1b"])
    table.add("控\x01制\x0b字符")
    content = docx_bytes([table])
    xml = document_xml(content)
    assert "控制字符" in xml and "台账" in xml and "说明" in xml and not CONTROLS.search(xml)
    assert Document(io.BytesIO(content)).tables[0].cell(1, 0).text == "控制字符"


def test_every_word_download_with_control_characters_in_titles_and_names(users):
    task = Task.objects.filter(lead_units__isnull=False).order_by("pk").first()
    unit = task.lead_units.first()
    Task.objects.filter(pk=task.pk).update(title="控\x01制\x0b任务")
    Unit.objects.filter(pk=unit.pk).update(name="控\x01制\x0b单位")
    page = Client(raise_request_exception=False)
    page.force_login(users["planner"])
    downloads = {
        f"/ledger/?plan={task.plan.code}&format=docx&region=all": "控制任务",
        "/ledger/?format=docx&region=all": "控制单位",
        f"/plans/dachuan-14th-health/report.docx?division={DACHUAN}&year=2023": "",
    }
    for path, expected in downloads.items():
        response = page.get(path)
        assert response.status_code == 200, path
        Document(io.BytesIO(response.content))  # a valid document
        xml = document_xml(response.content)
        assert not CONTROLS.search(xml), path
        assert expected in xml, path
