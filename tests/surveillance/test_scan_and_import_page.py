"""On demand: the scan verb's function; the import page lets whoever reports cases import them."""

import datetime as dt
import io

import pytest
from django.core.management.base import CommandError

from tests.surveillance.conftest import cases
from tixi.surveillance import scan
from tixi.surveillance.models import CaseReport, Signal

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo]


def test_scan_on_demand_prints_a_row_per_plan_and_raises_signals(townships):
    cases("cholera", townships[0], [dt.date(2025, 10, 14)])
    out = io.StringIO()
    options = {"first": "2025-10-01", "last": "2025-10-15", "source": ["cases"], "code": ["cholera"]}
    scan.run(options, out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("source\tcodes") and "cases\tcholera\tfixed-threshold\t1\t1\t1\t0" in lines
    assert Signal.objects.filter(code="cholera").count() == 1
    scan.run(options, io.StringIO())
    assert Signal.objects.filter(code="cholera").count() == 1  # re-runs do not duplicate
    with pytest.raises(CommandError, match="--from"):
        scan.run({**options, "first": "2025-13-01"}, io.StringIO())


def test_the_cdc_analyst_imports_case_reports_on_the_import_page_and_a_planner_may_not(web, townships):
    body = (
        "报告卡编号,病种,发病日期,报告日期,现住址区划代码,性别,病例分类\n"
        f"W1,霍乱,2025-10-13,2025-10-14,{townships[0].code},男,确诊病例\n"
    ).encode()

    def upload(client):
        return client.post(
            "/imports/", {"table": "case_reports", "file": io.BytesIO(body)}, format="multipart"
        )

    planner = web("planner")
    assert upload(planner).status_code == 403
    cdc = web("cdc")
    preview = upload(cdc)
    assert preview.status_code == 200, preview.content.decode()[:500]
    assert not CaseReport.objects.filter(card_id="W1").exists()
