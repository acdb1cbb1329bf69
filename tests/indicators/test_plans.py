import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db.models import F as models_F
from docx import Document
from openpyxl import load_workbook

from tests.conftest import DACHUAN, PANZHIHUA
from tixi.indicators.models import Indicator, Plan, Target
from tixi.indicators.services import load_pack_file

pytestmark = pytest.mark.django_db


def run(*args, **options):
    out = io.StringIO()
    call_command(*args, stdout=out, **options)
    return out.getvalue()


def test_plans_list():
    plans = json.loads(run("plans", "list", "--format", "json"))
    by_code = {p["code"]: p for p in plans}
    # Issue 12: at least this many targets per seed, each with its clause.
    minimum = {
        "dazhou-2025-system": 13,
        "dachuan-14th-health": 75,
        "wushan-2027-system": 16,
        "panzhihua-14th-system": 90,
        "bazhong-2025-hospitals": 28,
    }
    for code, least in minimum.items():
        assert by_code[code]["targets"] >= least, (code, by_code[code]["targets"])
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
    assert len(rows) == len(load_pack_file("dachuan.yaml")["targets"])
    assert all(r["clause"] for r in rows)
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
        if r["baseline"] is None:  # a goal of the text ("3.08 by 2025") states no baseline
            continue
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
    assert len(document.tables[0].rows) == len(load_pack_file("dachuan.yaml")["targets"]) + 1
    assert len(document.inline_shapes) >= 1
    workbook = load_workbook(tmp_path / "eval.xlsx")
    # The headline figures open the workbook; the scorecard follows, named by division and year.
    assert workbook.sheetnames == ["主要数据", "达川区 2023"]
    assert workbook["主要数据"].max_row > 1
    sheet = workbook["达川区 2023"]
    assert (
        sheet.max_row == len(load_pack_file("dachuan.yaml")["targets"]) + 1
    )  # the headings, then a row each


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


def test_meet_the_national_target_is_measured_against_stored_national_targets():
    from tixi.geo.models import Division
    from tixi.indicators.models import NationalTarget
    from tixi.indicators.services import evaluate_plan

    plan = Plan.objects.get(code="dachuan-14th-health")
    division = Division.objects.at(DACHUAN, 2024)
    row = next(r for r in evaluate_plan(plan, division, 2024) if r["kind"] == "national")
    assert row["national"] == 85  # 十四五规划纲要: 地表水达到或好于Ⅲ类水体比例 85%
    assert "85" in row["target_text"]
    assert row["actual"] is not None
    assert row["status"] == ("achieved" if row["actual"] >= 85 else "off_track")
    # without a stored national target the status says so instead of guessing
    NationalTarget.objects.all().delete()
    row = next(r for r in evaluate_plan(plan, division, 2024) if r["kind"] == "national")
    assert row["national"] is None and row["status"] == "no_data"


def test_geometric_trajectory_on_request():
    from tixi.geo.models import Division
    from tixi.indicators.services import evaluate_plan

    plan = Plan.objects.get(code="dachuan-14th-health")
    division = Division.objects.at(DACHUAN, 2023)
    linear = {r["order"]: r for r in evaluate_plan(plan, division, 2023)}
    geometric = {r["order"]: r for r in evaluate_plan(plan, division, 2023, trajectory="geometric")}
    from tixi.indicators.engine import trajectory as tj

    # a target still on its way (one already within its ceiling or floor holds its baseline)
    t = next(
        t
        for t in Target.objects.filter(
            plan=plan, kind="value", baseline_value__gt=0, target_value__gt=0
        ).exclude(target_value=models_F("baseline_value"))
        if not tj.meets(t.comparator, t.baseline_value, t.target_value, t.target_high)
    )
    share = (2023 - t.baseline_year) / (t.target_year - t.baseline_year)
    expected = t.baseline_value * (t.target_value / t.baseline_value) ** share
    assert geometric[t.order]["trajectory"] == pytest.approx(expected, rel=1e-4)
    assert linear[t.order]["trajectory"] == pytest.approx(
        t.baseline_value + (t.target_value - t.baseline_value) * share, rel=1e-4
    )
    assert geometric[t.order]["trajectory_kind"] == "geometric"
    path = geometric[t.order]["trajectory_path"]
    assert path[t.baseline_year] == t.baseline_value and path[t.target_year] == t.target_value


def test_trajectory_choice_on_page_cli_and_api(web, api):
    page = web("planner").get(
        "/plans/panzhihua-14th-system/", {"division": PANZHIHUA, "year": 2023, "trajectory": "geometric"}
    )
    assert page.status_code == 200
    assert '<option value="geometric" selected>' in page.content.decode()
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
            "--trajectory",
            "geometric",
        )
    )
    assert rows
    bad = api("planner").get(
        "/api/plans/panzhihua-14th-system/evaluation/", {"year": 2023, "trajectory": "curved"}
    )
    assert bad.status_code == 400 and "trajectory" in bad.json()
