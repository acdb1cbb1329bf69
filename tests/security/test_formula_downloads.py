"""Formula injection, probed on every download: every text a user writes gets a formula in front
(`=`, `+`, `-`, `@`, a tab; `tests/security/planting.py`), then every page's .xlsx and .csv, every
file download (reports, templates, norms, an import's error workbook), the DHIS2 CSV of the API and
the command line's CSV are opened: no cell of a workbook is a formula, and no CSV cell starts with
what a spreadsheet would evaluate."""

import csv
import io
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from openpyxl import load_workbook

from tests.conftest import DACHUAN, MIYI
from tests.security.planting import FORMULA, TEXTS, plant
from tests.security.test_role_matrix import build

pytestmark = pytest.mark.django_db

PREFIXES = (FORMULA, "+1+HYPERLINK(A1)", "-1-cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1")
NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$")


def plant_formulas() -> None:
    """Each model's texts get one of the prefixes (all five reach the walked downloads)."""
    labels = list(TEXTS)
    for index, prefix in enumerate(PREFIXES):
        plant(prefix, extra=index == 0, only=labels[index :: len(PREFIXES)])


def live_cells_xlsx(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [
        f"{s.title}!{c.coordinate}" for s in book for row in s.iter_rows() for c in row if c.data_type == "f"
    ]


def live_cells_csv(content: bytes) -> list:
    text = content.decode("utf-8-sig")
    return [
        c[:40]
        for row in csv.reader(io.StringIO(text))
        for c in row
        if c.startswith(("=", "+", "-", "@", "\t", "\r")) and not NUMBER.match(c)
    ]


def exportable_routes() -> set:
    """The route of every view wrapped in `core.exports.exportable` (answers ?format=xlsx|csv)."""

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and hasattr(p.callback, "exportable_name"):
                yield prefix + str(p.pattern)

    return set(walk(get_resolver().url_patterns))


def downloads(objects) -> list[str]:
    from tixi.exchange.tables import TABLES
    from tixi.indicators.models import DataSet, Plan, Target

    found = []
    for route, (inside, outside, _answers, _capability) in build(objects).items():
        for path in (inside, outside):
            if not path or path.startswith("/api/"):
                continue
            if hasattr(resolve(path.split("?")[0]).func, "exportable_name") or route == "institutions/":
                for fmt in ("xlsx", "csv"):
                    found.append(path + ("&" if "?" in path else "?") + f"format={fmt}")
    pages = [f"/plans/{t.plan.code}/targets/{t.order}/?year=2024" for t in Target.objects.order_by("pk")[:2]]
    for data_set in DataSet.objects.order_by("code"):
        for place in (MIYI, DACHUAN):
            if data_set.reporter != DataSet.Reporter.INSTITUTION:  # those: the institution's own page
                pages.append(f"/datasets/{data_set.code}/entry/?division={place}")
            pages.append(f"/datasets/{data_set.code}/completeness/?division={place}")
    found += [f"{page}&format={fmt}" for page in pages for fmt in ("xlsx", "csv")]
    for plan in Plan.objects.order_by("code"):
        found.append(f"/plans/{plan.code}/report.xlsx")
    found += [f"/imports/templates/{table}.xlsx" for table in TABLES]
    found += [
        "/layout/norms.xlsx",
        "/institutions/?format=xlsx&view=resources",
        "/institutions/?format=csv&view=resources",
        "/ledger/?region=all&format=xlsx",
        "/ledger/?region=all&format=csv",
        "/ledger/projects/?region=all&format=xlsx",
        "/ledger/projects/?region=all&format=csv",
        "/audit/?format=xlsx",
        "/audit/?format=csv",
        f"/api/dataValueSets.csv?orgUnit={MIYI}&period=2024",
        f"/api/dataValueSets.csv?orgUnit={DACHUAN}&period=2024",
    ]
    return list(dict.fromkeys(found))


def test_no_download_holds_a_live_formula(objects, users):
    plant_formulas()
    page = Client(raise_request_exception=False)
    page.force_login(users["planner"])
    # an import with formulas in its cells and a refused row: its error workbook
    upload = io.BytesIO(
        (
            "机构代码,机构名称,机构类别,所有制,举办主体,所在区划代码\n"
            "=1+1,@SUM(A1),+cmd,-2-cmd,\t=1,510421000000\n"
            "X1,=HYPERLINK(A1),乡镇卫生院,公立,政府,abc\n"
        ).encode()
    )
    upload.name = "=cmd.csv"
    assert page.post("/imports/", {"table": "institutions", "file": upload}).status_code in (200, 400)
    from tixi.exchange.models import ImportBatch

    batch = ImportBatch.objects.filter(filename="=cmd.csv").latest("pk")
    walked = downloads(objects) + [f"/imports/{batch.pk}/errors.xlsx", "/imports/?format=csv"]
    live, errors, kinds = [], [], set()
    for path in walked:
        response = page.get(path)
        if response.status_code != 200:
            errors.append((path, response.status_code))
            continue
        kind = response.get("Content-Type", "")
        if "spreadsheetml" in kind:
            kinds.add("xlsx")
            cells = live_cells_xlsx(response.content)
        elif "csv" in kind:
            kinds.add("csv")
            cells = live_cells_csv(response.content)
        else:
            errors.append((path, kind))
            continue
        if cells:
            live.append((path, cells[:5]))
    assert errors == []
    assert live == []
    assert kinds == {"xlsx", "csv"}
    # every exportable page was walked
    walked_routes = set()
    for path in walked:
        match = resolve(path.split("?")[0])
        walked_routes.add(match.route)
    assert exportable_routes() - walked_routes == set()


def test_the_planted_texts_come_out_as_text(objects, users):
    """The formulas are in the downloads, as typed text (so the walk above saw them)."""
    plant_formulas()
    page = Client()
    page.force_login(users["planner"])
    values = {
        c.value
        for s in load_workbook(io.BytesIO(page.get("/ledger/projects/?region=all&format=xlsx").content))
        for row in s.iter_rows()
        for c in row
    }
    assert any(isinstance(v, str) and v.startswith(PREFIXES) for v in values)
    text = page.get("/ledger/?region=all&format=csv").content.decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert any(c.startswith("'") and c[1:].startswith(PREFIXES) for c in cells)


def test_the_command_lines_csv_holds_no_live_formula(objects, tmp_path):
    """`tixi dhis2 export --format csv` (comments typed by users) and the evaluation report's .xlsx."""
    from django.core.management import call_command

    plant_formulas()
    out = tmp_path / "values.csv"
    call_command(
        "dhis2", "export", "--division", MIYI, "--period", "2024", "--format", "csv", "--out", str(out)
    )
    assert live_cells_csv(out.read_bytes()) == []
    from tixi.indicators.models import Plan

    plan = Plan.objects.filter(region__code="510400000000").first()
    report = tmp_path / "report.docx"
    call_command(
        "report",
        "evaluation",
        "--plan",
        plan.code,
        "--division",
        "510400000000",
        "--year",
        "2024",
        "--out",
        str(report),
    )
    assert live_cells_xlsx(report.with_suffix(".xlsx").read_bytes()) == []
