"""A plan's areas and the notes on its seed in the page's language: every plan pack's area has an
English name (as indicators do), and the English scorecard names the area in English and quotes a
note of ours in English (or says it is in Chinese); the Chinese page is as the seed writes it (issue 12)."""

from pathlib import Path

import pytest
import yaml

from tests import factories as f
from tixi.indicators.areas import AREAS_EN
from tixi.indicators.models import Indicator, Target

PLANS = Path(__file__).resolve().parents[2] / "tixi" / "indicators" / "data" / "plans"
NOTE = "与表1第23项“三级以上公立医疗机构建成1星以上智慧医院”不一致（1星与二星）。"


def test_every_plan_packs_area_has_an_english_name():
    areas = {
        t["area"]
        for pack in sorted(PLANS.glob("*.yaml"))
        for t in yaml.safe_load(pack.read_text(encoding="utf-8"))["targets"]
        if t.get("area")
    }
    assert len(areas) > 90 and sorted(areas - set(AREAS_EN)) == []


@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
@pytest.mark.django_db
def test_english_scorecard_names_areas_in_english_and_leads_notes_in(web, region, users):
    plan = f.plan(region["city"], code="kit-area-plan")
    Target.objects.create(
        plan=plan, order=1, label="人均预期寿命", indicator=Indicator.objects.get(code="life_expectancy"),
        division=region["city"], target_year=2025, target_value=80, area="健康水平", note=NOTE, clause="人均预期寿命达到80",
    )  # fmt: skip
    client = web("planner")
    chinese = client.get("/plans/kit-area-plan/", {"year": 2023}).content.decode()
    assert "健康水平" in chinese and NOTE in chinese and "Health status" not in chinese
    client.cookies["django_language"] = "en"
    english = client.get("/plans/kit-area-plan/", {"year": 2023}).content.decode()
    shown = english.replace(
        'value="健康水平"', ""
    )  # the filter's value is the stored area; its label is shown
    assert "Health status" in shown and "健康水平" not in shown
    # a note of ours nobody has put into English says so (it read "In the seed: …", though the words
    # are ours): tests/indicators/test_note_language.py
    lead = "Note in Chinese, not yet translated: "
    assert lead + NOTE.replace("“", "&ldquo;") in english or lead + NOTE in english
