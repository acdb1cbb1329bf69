"""Downloads are written from the same table objects the page renders: each page's .xlsx and .csv
hold its tables with the same headings and values (numbers as numbers, at the page's decimals),
in a file named after the place and year; nothing a user typed becomes a formula."""

import csv
import datetime as dt
import io
from urllib.parse import unquote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import load_workbook

from tests.conftest import DACHUAN, MIYI, PANZHIHUA
from tests.core.html_tables import assert_download_is_the_page
from tixi.core.exports import Cell, Column, Table, csv_bytes, download_name, xlsx_bytes

pytestmark = pytest.mark.django_db


def filename(response) -> str:
    header = response["Content-Disposition"]
    assert header.startswith("attachment;")
    return unquote(header.split("filename*=utf-8''")[-1]) if "filename*=" in header else header


def test_file_name_says_place_year_and_page():
    assert download_name("攀枝花市 2024", "2024", extension="xlsx") == "攀枝花市-2024.xlsx"
    assert download_name("a/b:c · d", extension="csv") == "a-b-c-d.csv"


def test_a_float_s_binary_artefact_is_not_written_to_the_csv():
    """31.05 + 0.1 is 31.150000000000002 in binary: the .xlsx holds 31.15 (written at 16 significant
    digits), and so does the .csv (it wrote the artefact; the siting download test failed on it by run
    order); a value with 16 digits of its own keeps them in both."""
    table = Table(title="t", columns=[Column("纬度")])
    table.add(31.05 + 0.1)
    table.add(0.1 + 0.2)
    table.add(12345678.123456789)
    rows = list(csv.reader(io.StringIO(csv_bytes([table]).decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["31.15", "0.3", "12345678.12345679"]
    sheet = load_workbook(io.BytesIO(xlsx_bytes([table]))).worksheets[0]
    assert [c.value for c in sheet["A"][1:]] == [float(r[0]) for r in rows[1:]]


def test_the_writer_types_values_and_keeps_decimals():
    table = Table(
        "表", [Column("名称"), Column("数", kind="number", decimals=2), Column("日期", kind="date")]
    )
    table.add("=1+1", Cell(1234.5), dt.date(2024, 6, 30))
    table.add(Cell("甲", href="/x/"), 7, None)
    sheet = load_workbook(io.BytesIO(xlsx_bytes([table]))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("名称", "数", "日期")
    assert rows[1][0] == "=1+1" and sheet["A2"].data_type == "s"  # text, not a formula
    assert rows[1][1] == 1234.5 and sheet["B2"].number_format == "#,##0.00"
    assert rows[1][2] == dt.datetime(2024, 6, 30) and rows[2] == ("甲", 7, None)
    text = csv_bytes([table]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [
        ["名称", "数", "日期"],
        ["'=1+1", "1234.5", "2024-06-30"],
        ["甲", "7", ""],
    ]


def _exportable_views() -> set[str]:
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                view = p.callback
                while view is not None and not hasattr(view, "exportable_name"):
                    view = getattr(view, "__wrapped__", None)
                if view is not None:
                    yield view.exportable_name

    return set(walk(get_resolver().url_patterns))


def pages(objects):
    """(exportable name, user, path) for every page with downloads."""
    return [
        ("plans", "planner", "/plans/"),
        ("scorecard", "planner", f"/plans/dachuan-14th-health/?division={DACHUAN}&year=2023"),
        ("ranking", "planner", f"/plans/{objects['plan']}/targets/{objects['order']}/?division={PANZHIHUA}&year=2024"),
        ("data-values", "planner", "/datavalues/"),
        ("divisions", "county", "/divisions/?year=2024"),
        ("dashboard", "planner", f"/divisions/{PANZHIHUA}/?year=2024"),
        ("institution", "planner", f"/institutions/{objects['institution']}/"),
        ("imports", "planner", "/imports/"),
        ("approvals", "planner", f"/approvals/?division={PANZHIHUA}&year=2024"),
        ("validation", "planner", f"/validation/?division={PANZHIHUA}&year=2024"),
        ("data-sets", "planner", "/datasets/"),
        ("data-entry", "county", f"/datasets/family_doctor_quarterly/entry/?division={MIYI}&period=2024Q2"),
        ("completeness", "planner", f"/datasets/family_doctor_quarterly/completeness/?division={PANZHIHUA}&period=2024Q2"),
        ("ledger", "planner", "/ledger/"),
        ("projects", "planner", "/ledger/projects/"),
        ("project", "planner", f"/ledger/projects/{objects['project']}/"),
        ("task", "planner", f"/ledger/tasks/{objects['task']}/"),
        ("unit", "planner", f"/ledger/units/{objects['unit']}/"),
        ("hospital-performance", "planner", f"/hospitals/{objects['hospital']}/?year=2024"),
        ("norm-gaps", "planner", f"/layout/{DACHUAN}/gaps/?year=2024"),
        ("hospital-ranking", "planner", f"/hospitals/?division={PANZHIHUA}&year=2024&figure=surgery_share"),
        ("upcoding-watch", "planner", f"/hospitals/upcoding/?division={PANZHIHUA}&year=2024"),
        ("signals", "cdc", "/surveillance/?status=all"),
        ("signal", "cdc", f"/surveillance/signals/{objects['signal']}/"),
        ("coverage", "planner", f"/layout/{MIYI}/coverage/?year=2024"),
        ("siting", "planner", f"/layout/{MIYI}/site/?year=2024"),
        ("norm", "planner", "/layout/norms/pzh-beds/"),
    ]  # fmt: skip


@pytest.fixture
def objects():
    from tests.surveillance.factories import role_matrix_objects
    from tixi.indicators.models import Plan
    from tixi.ledger.models import Project, Task
    from tixi.registry.models import Institution

    plan = Plan.objects.get(code="panzhihua-14th-system")
    task = Task.objects.filter(plan=plan, progress__isnull=False).order_by("pk").first()
    return {
        "plan": plan.code,
        "order": plan.targets.order_by("order").first().order,
        "institution": Institution.objects.filter(division__path__contains=MIYI)
        .order_by("code")
        .first()
        .code,
        "project": Project.objects.order_by("pk").first().pk,
        "task": task.pk,
        "unit": task.lead_units.first().pk,
        "hospital": Institution.objects.get(name="攀枝花市中心医院").code,
        # a case signal in 米易 (the test demo raises none): the role matrix's
        "signal": role_matrix_objects(MIYI, DACHUAN)["signal_in"],
    }


def test_every_page_with_downloads_is_checked(objects):
    assert {name for name, _user, _path in pages(objects)} == _exportable_views()


@pytest.mark.parametrize(
    "name",
    [
        p[0]
        for p in pages(
            {k: 0 for k in ("plan", "order", "institution", "project", "task", "unit", "hospital", "signal")}
        )
    ],
)
def test_downloads_hold_the_page_tables(web, objects, name):
    _name, user, path = next(p for p in pages(objects) if p[0] == name)
    assert_download_is_the_page(web(user), path)


def test_dashboard_download_has_headline_figures_as_numbers(web):
    client = web("planner")
    response = client.get(f"/divisions/{PANZHIHUA}/", {"year": "2024", "format": "xlsx"})
    assert response.status_code == 200
    assert filename(response) == "攀枝花市-2024.xlsx"
    book = load_workbook(io.BytesIO(response.content))
    headline = book.worksheets[0]
    assert headline.title == "主要数据"
    figures = {row[0]: row[1] for row in headline.iter_rows(min_row=2, values_only=True)}
    assert isinstance(figures["常住人口"], int) and figures["常住人口"] > 1_000_000
    assert isinstance(figures["每千人口床位"], float)


def test_scorecard_downloads_named_after_place_year_and_plan(web):
    client = web("planner")
    docx = client.get("/plans/dachuan-14th-health/report.docx", {"division": DACHUAN, "year": "2023"})
    assert docx.status_code == 200, docx.content[:300]
    assert filename(docx) == "达川区-2023-达州市达川区“十四五”卫生健康发展规划-中期评估.docx"
    xlsx = client.get("/plans/dachuan-14th-health/report.xlsx", {"division": DACHUAN, "year": "2023"})
    assert filename(xlsx).endswith("-指标表.xlsx")
    headline, report = load_workbook(io.BytesIO(xlsx.content)).worksheets
    assert isinstance(report.cell(row=2, column=6).value, float)
    # the report's workbook is the scorecard page's headline figures and table
    figures, page = load_workbook(
        io.BytesIO(
            client.get(
                "/plans/dachuan-14th-health/", {"division": DACHUAN, "year": "2023", "format": "xlsx"}
            ).content
        )
    ).worksheets[:2]
    assert list(report.iter_rows(values_only=True)) == list(page.iter_rows(values_only=True))
    assert list(headline.iter_rows(values_only=True)) == list(figures.iter_rows(values_only=True))


def test_list_downloads_are_named_after_their_region(web):
    """Before: "任务台账.xlsx", "tixi-institutions.xlsx" — which region's, which year's?"""
    client = web("county")  # 米易县
    assert filename(client.get("/ledger/", {"format": "xlsx"})) == "米易县-任务台账.xlsx"
    assert filename(client.get("/institutions/", {"format": "xlsx"})) == "米易县-医疗卫生机构.xlsx"
    resources = client.get("/institutions/", {"format": "csv", "table": "resources", "year": "2024"})
    assert filename(resources) == "米易县-2024-年度资源.csv"
    widened = client.get("/plans/", {"format": "xlsx", "region": "all"})
    assert filename(widened) == "规划.xlsx"
