"""A target's ranking across the divisions below shows (and downloads) each value at the indicator's
decimals, as the scorecard and the Word report do: a 1-decimal share of townships reads 100.0, not
100.00 (and 85.3, not 85.27)."""

import io
import re

import pytest
from openpyxl import load_workbook

from tests.conftest import DACHUAN
from tests.core.html_tables import page_tables
from tixi.indicators.models import Plan

pytestmark = pytest.mark.django_db
NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?$")


def ranking_with_values(client, plan, decimals):
    """The first target at `decimals` whose ranking of 达川's townships in 2024 has values."""
    for target in plan.targets.filter(indicator__decimals=decimals).order_by("order"):
        path = f"/plans/{plan.code}/targets/{target.order}/"
        html = client.get(path, {"division": DACHUAN, "year": 2024}).content.decode()
        _title, rows = page_tables(html)[0][0]
        values = [row[2] for row in rows if len(row) > 2 and NUMBER.match(row[2])]
        if len(values) >= 2:
            return target, path, values
    raise AssertionError(f"no {decimals}-decimal target of {plan.code} has township values")


def test_the_ranking_of_townships_shows_the_indicator_s_decimals(web):
    client = web("planner")
    plan = Plan.objects.get(code="dachuan-14th-health")
    target, path, values = ranking_with_values(client, plan, decimals=1)
    assert all(len(v.partition(".")[2]) == 1 for v in values), (target.indicator.code, values)
    sheet = load_workbook(
        io.BytesIO(client.get(path, {"division": DACHUAN, "year": 2024, "format": "xlsx"}).content)
    ).active
    cells = [row[2] for row in sheet.iter_rows(min_row=2) if isinstance(row[2].value, (int, float))]
    assert len(cells) >= 2
    assert all(c.value == round(c.value, 1) and c.number_format == "#,##0.0" for c in cells)
    # a count stays whole
    _target, _path, counts = ranking_with_values(client, plan, decimals=0)
    assert all("." not in v for v in counts)


def test_the_ranking_states_its_target_as_the_scorecard_does(web):
    """ "目标值: ≥100.0 (2025) · 22 二级及以上…(%) 100 100 预期性": the stored number with a decimal the
    seed does not write, and the seed's table row with nothing saying what it is."""
    plan = Plan.objects.get(code="dachuan-14th-health")
    target = plan.targets.get(indicator__code="geriatrics_share_general")
    client = web("dachuan")
    client.cookies["django_language"] = "zh-hans"
    html = client.get(f"/plans/{plan.code}/targets/{target.order}/", {"year": 2024}).content.decode()
    line = html[html.index('id="ranking-target"') : html.index("</p>", html.index('id="ranking-target"'))]
    # a Chinese page brackets in full width, the year as the scorecard writes it (journey17)
    assert "≥100（2025年）" in line and "≥100.0" not in line
    assert f"原文：“{target.clause}”" in line
    # on an English page the seed's row reads as a quotation of the original, not as English text
    client.cookies["django_language"] = "en"
    html = client.get(f"/plans/{plan.code}/targets/{target.order}/", {"year": 2024}).content.decode()
    line = html[html.index('id="ranking-target"') : html.index("</p>", html.index('id="ranking-target"'))]
    assert f"Clause (Chinese original): “{target.clause}”" in line
