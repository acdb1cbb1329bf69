"""The scorecard's baseline says its year in the downloads as on the page (journey16): the page showed
"(2020)" under each baseline value and the .xlsx indicator table lost it ("基期值" alone). The year now
stands in the heading when the targets share one (基期值（2020年）, a plan pack's baseline_year), and in a
column of its own when targets were given different years."""

import io

import pytest
from openpyxl import load_workbook

from tests import factories as f
from tixi.indicators.models import Indicator, Target

pytestmark = [pytest.mark.django_db, pytest.mark.without_demo, pytest.mark.usefixtures("catalogue_once")]


def target(plan, region, order, label, code, baseline_year, baseline):
    return Target.objects.create(
        plan=plan, order=order, label=label, indicator=Indicator.objects.get(code=code),
        division=region["city"], target_year=2025, target_value=80, area="健康水平", nature="expected",
        clause=f"{label}达到80", baseline_year=baseline_year, baseline_value=baseline,
    )  # fmt: skip


def indicator_sheet(web, code, language="zh-hans"):
    client = web("planner")
    client.cookies["django_language"] = language
    response = client.get(f"/plans/{code}/report.xlsx", {"year": 2023})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    return [list(r) for r in book.worksheets[1].iter_rows(values_only=True)]


def test_one_baseline_year_stands_in_the_heading(web, region):
    plan = f.plan(region["city"], code="kit-baseline-one")
    target(plan, region, 1, "人均预期寿命", "life_expectancy", 2020, 78.5)
    rows = indicator_sheet(web, plan.code)
    assert "基期值（2020年）" in rows[0] and "基期值" not in rows[0]
    assert rows[1][rows[0].index("基期值（2020年）")] == 78.5  # the value stays a number
    english = indicator_sheet(web, plan.code, "en")
    assert "Baseline (2020)" in english[0]


def test_different_baseline_years_each_stand_beside_their_value(web, region):
    plan = f.plan(region["city"], code="kit-baseline-two")
    target(plan, region, 1, "人均预期寿命", "life_expectancy", 2020, 78.5)
    target(plan, region, 2, "婴儿死亡率", "infant_mortality", 2022, 4.1)
    rows = indicator_sheet(web, plan.code)
    header = rows[0]
    at = header.index("基期值")
    assert header[at + 1] == "基期年"
    by_label = {r[1]: (r[at], r[at + 1]) for r in rows[1:]}
    assert by_label["人均预期寿命"] == (78.5, 2020) and by_label["婴儿死亡率"][1] == 2022
    html = web("planner").get(f"/plans/{plan.code}/", {"year": 2023}).content.decode()
    assert "基期年" in html  # the page shows what the download writes
