import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from tests.conftest import DACHUAN, PANZHIHUA
from tixi.indicators.models import Indicator, Plan, Target

pytestmark = pytest.mark.django_db


def run(*args, **options):
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def test_plans_list():
    plans = json.loads(run("plans", "list", "--format", "json"))
    by_code = {p["code"]: p for p in plans}
    assert by_code["dachuan-14th-health"]["targets"] == 30
    assert by_code["bazhong-2025-hospitals"]["document_number"] == "巴府办发〔2023〕1号"


def test_plans_evaluate_json():
    rows = json.loads(
        run(
            "plans",
            "evaluate",
            "--plan",
            "dachuan-14th-health",
            "--division",
            DACHUAN,
            "--year",
            "2023",
            "--format",
            "json",
        )
    )
    assert len(rows) == 30
    assert {"indicator", "baseline", "target", "actual", "status", "gap"} <= rows[0].keys()
    beds = next(r for r in rows if r["indicator"] == "beds_per_1000")
    assert beds["baseline"] == 6.2 and beds["target"] == 7.5 and beds["actual"] is not None
    assert beds["status"] in {"achieved", "on_track", "at_risk", "off_track"}
    cmi = [r for r in rows if r["status"] == "no_data"]
    assert all(r["no_data_reason"] or r["kind"] in ("increase", "national") for r in cmi)


def test_baseline_year_figures_agree_with_the_plan():
    rows = json.loads(
        run(
            "plans",
            "evaluate",
            "--plan",
            "panzhihua-14th-system",
            "--division",
            PANZHIHUA,
            "--year",
            "2020",
            "--format",
            "json",
        )
    )
    for r in rows:
        if r["indicator"] in (
            "physicians_per_1000",
            "gps_per_10000",
            "pharmacists_per_1000",
            "public_health_staff_10k",
        ):
            assert round(r["actual"], 2) == r["baseline"], r["label"]


def test_gap_in_natural_units():
    rows = json.loads(
        run("plans", "evaluate", "--plan", "panzhihua-14th-system", "--year", "2023", "--format", "json")
    )
    nurses = next(r for r in rows if r["indicator"] == "nurses_per_1000")
    if nurses["status"] != "achieved":
        assert nurses["gap"]["units"] > 0 and "注册护士" in nurses["gap"]["text"]


def test_report_files(tmp_path):
    out = tmp_path / "eval.docx"
    run("report", "evaluation", "--plan", "dachuan-14th-health", "--year", "2023", "--out", str(out))
    document = Document(out)
    assert "达川" in document.paragraphs[0].text
    assert len(document.tables[0].rows) == 31 and len(document.inline_shapes) >= 1
    sheet = load_workbook(tmp_path / "eval.xlsx").active
    assert sheet.max_row == 32


def test_bad_plan_or_division():
    with pytest.raises(CommandError, match="plan"):
        run("plans", "evaluate", "--plan", "nope", "--year", "2023")
    with pytest.raises(CommandError, match="division"):
        run("plans", "evaluate", "--plan", "dachuan-14th-health", "--division", "123", "--year", "2023")


def test_describe_command_and_errors():
    assert "注册护士" in run("indicators", "describe", "R{nurses} * 1000 / P{}")
    with pytest.raises(CommandError, match="8"):
        run("indicators", "describe", "R{x} + ")


def test_target_validation():
    plan = Plan.objects.get(code="dachuan-14th-health")
    beds = Indicator.objects.get(code="beds_per_1000")
    target = Target(
        plan=plan,
        label="x",
        indicator=beds,
        division=plan.region,
        baseline_year=2026,
        target_year=2025,
        target_value=1,
        comparator="le",
        clause="x",
    )
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert {"baseline_year", "comparator"} <= error.value.message_dict.keys()
