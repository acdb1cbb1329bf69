import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from tixi.ledger.engine import parse
from tixi.ledger.models import Project, Task

SEEDS = Path(os.environ.get("TIXI_SEEDS_DIR") or Path(__file__).resolve().parents[3] / "shared" / "seeds")


def seed(name):
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def test_annex_projects_reproduce_the_total():
    rows = parse.projects(seed("001"))
    assert [r["number"] for r in rows] == list(range(1, 30))
    assert sum(r["investment"] for r in rows) == 248850
    first = rows[0]
    assert (
        first["site"] == "汉兴北街700号" and first["nature"] == "新建" and first["unit"] == "达川区人民医院"
    )
    assert (first["start_year"], first["end_year"], first["investment"]) == (2022, 2024, 30000)


def test_tasks_with_lead_and_cooperating_units():
    tasks = parse.tasks(seed("000"), 2025)
    first = tasks[0]
    assert first["title"] == "提高公共卫生专业服务能力"
    assert first["lead_units"] == ["市卫生健康委"]
    assert (
        "市人力资源社会保障局" in first["cooperating_units"]
        and "各县（市、区）人民政府（管委会）" in first["cooperating_units"]
    )
    joint = next(t for t in tasks if t["title"] == "全力推进区域医疗中心建设")
    assert joint["lead_units"] == [
        "市卫生健康委",
        "市发展改革委",
        "市科技局",
        "市中医药局",
    ]  # no comma: all lead
    bazhong = parse.tasks(seed("004"), 2025)
    assert bazhong and "市自然资源和规划局" in bazhong[0]["lead_units"]


def test_deadlines_and_targets():
    assert parse.deadline_of("到2025年，建成1个社区医院") == "2025-12-31"
    assert parse.deadline_of("2024年底前完成改造") == "2024-12-31"
    found = parse.targets("到2027年，全县建成甲级乡镇卫生院的比例不低于35%，打造2个区县域医疗卫生次中心。")
    assert {(t["value"], t["unit"], t["year"], t["comparator"]) for t in found} >= {
        (35.0, "%", 2027, "ge"),
        (2.0, "个", 2027, "ge"),
    }


def test_a_text_that_is_not_a_plan_finds_nothing():
    text = "今天天气很好。我们去公园散步吧。"
    assert parse.tasks(text) == [] and parse.targets(text) == [] and parse.projects(text) == []


def test_parse_command_json(tmp_path):
    out = io.StringIO()
    call_command("plans", "parse", str(next(SEEDS.glob("000_*.txt"))), format="json", stdout=out)
    result = json.loads(out.getvalue())
    assert set(result) == {"tasks", "targets"} and len(result["tasks"]) >= 20
    assert {"clause", "text", "lead_unit", "cooperating_units", "deadline"} <= set(result["tasks"][0])
    assert {"text", "value", "unit", "year", "comparator"} <= set(result["targets"][0])


@pytest.mark.django_db
def test_demo_ledger_and_projects_pages(web):
    assert Project.objects.count() == 29 and Task.objects.count() > 30
    client = web("planner")
    page = client.get("/ledger/projects/")
    assert page.status_code == 200 and "248850" in page.content.decode()
    ledger = client.get("/ledger/", {"unit": "市卫生健康委"})
    assert ledger.status_code == 200 and "提高公共卫生专业服务能力" in ledger.content.decode()
    workbook = load_workbook(io.BytesIO(client.get("/ledger/", {"format": "xlsx"}).content))
    assert [c.value for c in workbook.active[1]] == [
        "序号",
        "任务",
        "牵头单位",
        "配合单位",
        "完成时限",
        "进展情况",
        "存在问题",
    ]
