"""A note on a target is ours (tixi's explanation: a contradiction inside the seed, a comparator the
seed does not write), not the seed's: the English scorecard showed it in Chinese after "In the seed:"
(journey16). Each plan pack's note has an English version, which keeps the seed's own words verbatim
and marks them "Seed text:"; the English page shows it, the Chinese page the Chinese note."""

import re
from pathlib import Path

import pytest
import yaml

from tests import factories as f
from tixi.indicators.models import Indicator, Target

PLANS = Path(__file__).resolve().parents[2] / "tixi" / "indicators" / "data" / "plans"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]")
NOTE = "与表1第23项“三级以上公立医疗机构建成1星以上智慧医院”不一致（1星与二星）。"
NOTE_EN = "Disagrees with item 23 of Table 1 (Seed text: “三级以上公立医疗机构建成1星以上智慧医院”): one star there, two stars here."


def pack_notes():
    for pack in sorted(PLANS.glob("*.yaml")):
        for t in yaml.safe_load(pack.read_text(encoding="utf-8"))["targets"]:
            if t.get("note") or t.get("note_en"):
                yield pack.stem, t


def test_every_note_of_a_plan_pack_has_its_english_and_quotes_the_seed_only_as_marked():
    notes = list(pack_notes())
    assert len(notes) == 15
    for pack, t in notes:
        assert t.get("note") and t.get("note_en"), (pack, t["label"])
        # the Chinese left once each marked quotation (the seed's words after "Seed text:") is taken out
        unmarked = re.sub(r"Seed text: [^A-Za-z]*", "", t["note_en"])
        assert not CJK.search(unmarked), (pack, t["label"], unmarked)
        # each quotation it marks is the seed's or the Chinese note's words, verbatim
        for quoted in re.findall(r"“([^”]+)”", t["note_en"]):
            if CJK.search(quoted):
                assert quoted in t["note"] or quoted in t["clause"], (pack, quoted)


@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
@pytest.mark.django_db
def test_the_english_scorecard_shows_the_english_note_and_the_chinese_page_the_chinese(web, region):
    plan = f.plan(region["city"], code="kit-note-plan")
    Target.objects.create(
        plan=plan, order=1, label="人均预期寿命", indicator=Indicator.objects.get(code="life_expectancy"),
        division=region["city"], target_year=2025, target_value=80, area="健康水平", note=NOTE,
        note_en=NOTE_EN, clause="人均预期寿命达到80",
    )  # fmt: skip
    client = web("planner")
    client.cookies["django_language"] = "zh-hans"
    chinese = client.get("/plans/kit-note-plan/", {"year": 2023}).content.decode()
    assert NOTE.replace("“", "&ldquo;").replace("”", "&rdquo;") in chinese or NOTE in chinese
    assert "Seed text" not in chinese and "Disagrees" not in chinese
    client.cookies["django_language"] = "en"
    english = client.get("/plans/kit-note-plan/", {"year": 2023}).content.decode()
    assert "Disagrees with item 23 of Table 1 (Seed text: " in english
    assert "不一致" not in english and "In the seed" not in english and "not yet translated" not in english


@pytest.mark.without_demo
@pytest.mark.usefixtures("catalogue_once")
@pytest.mark.django_db
def test_indicators_0009_gives_targets_loaded_before_their_packs_english_note(region, tmp_path, monkeypatch):
    """A database whose plans were loaded before 0009: a target whose note is still its pack's gets the
    pack's English note; one whose note was edited since keeps none (the page says it is in Chinese)."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("tixi.indicators.migrations.0009_target_note_en")
    pack = yaml.safe_load((PLANS / "dachuan.yaml").read_text(encoding="utf-8"))
    pack["code"] = "kit-0009-plan"  # the demo's own plan may be in the same test database
    (tmp_path / "dachuan.yaml").write_text(yaml.safe_dump(pack, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(migration, "PLANS", tmp_path)
    order, noted = next((n, t) for n, t in enumerate(pack["targets"], start=1) if t.get("note"))
    plan = f.plan(region["city"], code=pack["code"])
    indicator = Indicator.objects.get(code="life_expectancy")
    fields = dict(indicator=indicator, division=region["city"], target_year=2025, clause="x")
    kept = Target.objects.create(plan=plan, order=order, label=noted["label"], note=noted["note"], **fields)
    edited = Target.objects.create(plan=plan, order=order + 1, label="y", note="改过的说明", **fields)
    migration.english_notes_from_the_packs(apps, None)
    kept.refresh_from_db()
    edited.refresh_from_db()
    assert kept.note_en == noted["note_en"] and kept.note_en.startswith("Table 1 gives only")
    assert edited.note_en == ""
