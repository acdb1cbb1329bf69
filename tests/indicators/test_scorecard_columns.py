"""The scorecard's short columns keep their words together: at 1,280 px the nature (预期性) stood one
character a line and the area (床位和人力配置) two, squeezed by the indicator names and the trend
(screenshot pass, session 13 #10; seen again in session 14). The nature's cells do not wrap and the
area's have a minimum width; the stylesheet says so."""

import re
from pathlib import Path

import pytest

from tests import factories as f
from tixi.indicators.models import Indicator, Target

CSS = Path(__file__).resolve().parents[2] / "tixi" / "core" / "static" / "tixi" / "tixi.css"


@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
@pytest.mark.django_db
def test_the_nature_stays_on_one_line_and_the_area_keeps_its_width(web, region):
    plan = f.plan(region["city"], code="kit-columns-plan")
    Target.objects.create(
        plan=plan, order=1, label="人均预期寿命", indicator=Indicator.objects.get(code="life_expectancy"),
        division=region["city"], target_year=2025, target_value=80, area="健康水平", nature="expected",
        clause="人均预期寿命达到80",
    )  # fmt: skip
    html = web("planner").get("/plans/kit-columns-plan/", {"year": 2023}).content.decode()
    table = html[html.index('id="scorecard"') :]
    row = table[table.index("<tbody>") : table.index("</tr>", table.index("<tbody>"))]
    assert re.search(r'<td class="area"[^>]*>(<span>)?健康水平<', row)
    assert re.search(r'<td class="nowrap"[^>]*>(<span>)?预期性<', row)
    css = CSS.read_text(encoding="utf-8")
    assert "td.nowrap { white-space:nowrap; }" in css and "td.area { min-width:5em; }" in css
