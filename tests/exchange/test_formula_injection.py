"""Text typed by users never becomes a live formula in a download (.xlsx or .csv), and an export with
such text imports back unchanged."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests import factories
from tixi.core.exports import safe_cells
from tixi.exchange.services import preview_import
from tixi.exchange.workbooks import export
from tixi.registry.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]

NAMES = ['=HYPERLINK("http://evil.example/","点此")', "+1+1卫生室", "-2+3卫生室", "@SUM(A1)卫生室"]


def formula_cells(content: bytes) -> list:
    workbook = load_workbook(io.BytesIO(content))
    return [
        c.coordinate for sheet in workbook for row in sheet.iter_rows() for c in row if c.data_type == "f"
    ]


@pytest.fixture
def planted(region, users):
    """The names planted in four institutions of the county user's scope."""
    built = factories.institutions_in(region)
    rows = [built["county_hospital"], built["township_centre"], built["village_clinic"]]
    rows.append(factories.institution(region["county"], type="clinic", level=None))
    for institution, name in zip(rows, NAMES, strict=True):
        Institution.objects.filter(pk=institution.pk).update(name=name)
    return Institution.objects.filter(pk__in=[i.pk for i in rows]).order_by("code")


def test_the_one_sanitiser():
    assert safe_cells(["=1+1", "+A1", "-x", "@a", "\tx", "-3.5", "+7", "12", 5, None, "名"]) == [
        "'=1+1", "'+A1", "'-x", "'@a", "'\tx", "-3.5", "+7", "12", 5, None, "名"
    ]  # fmt: skip


def test_page_downloads_hold_no_formula(web, planted):
    client = web("county")
    xlsx = client.get("/institutions/", {"format": "xlsx", "q": ""}).content
    assert formula_cells(xlsx) == []
    text = client.get("/institutions/", {"format": "csv"}).content.decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert not any(
        c.startswith(("=", "+", "@")) or (c.startswith("-") and not c[1:2].isdigit()) for c in cells
    )
    assert {f"'{name}" for name in NAMES} <= set(cells)  # every planted name is there, defused


def test_template_layout_exports_hold_no_formula_and_import_back_unchanged(users, planted):
    xlsx = export("institutions", planted, "xlsx")
    assert formula_cells(xlsx) == []
    names = {c.value for row in load_workbook(io.BytesIO(xlsx)).active.iter_rows() for c in row}
    assert set(NAMES) <= names  # the text itself, as typed
    text = export("institutions", planted, "csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "\n=" not in text and ",=" not in text
    for fmt, content in (("xlsx", xlsx), ("csv", text.encode("utf-8"))):
        p = preview_import("institutions", content, f"i.{fmt}", users["county"])
        assert p.ok and p.counts()["unchanged"] == len(NAMES), [
            (x.row, x.column, x.message) for x in p.problems
        ]


def test_table_downloads_hold_no_formula(web, region):
    """Text typed by users on pages written from table objects: a project's name, a unit's name."""
    plan = factories.plan(region["city"])
    factories.project(plan, name=NAMES[0])
    factories.task(plan, lead=[factories.unit(NAMES[1], region["city"])])
    client = web("planner")
    for path, name in (("/ledger/projects/", NAMES[0]), ("/ledger/", NAMES[1])):
        xlsx = client.get(path, {"format": "xlsx", "region": "all"}).content  # lists open on the home region
        assert formula_cells(xlsx) == []
        values = {
            c.value for sheet in load_workbook(io.BytesIO(xlsx)) for row in sheet.iter_rows() for c in row
        }
        assert name in values  # the text itself, as typed
        text = client.get(path, {"format": "csv", "region": "all"}).content.decode("utf-8-sig")
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        assert f"'{name}" in cells and name not in cells
