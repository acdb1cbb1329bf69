"""Issue 12 §1: every sentence of the five seeds that states a number or a judgeable goal is accounted
for in a committed sentence ledger (tixi/indicators/data/seed_ledger/), whatever words it uses: by the
plan-pack targets that carry it, the published figures `tixi figures --check` lists, the layout norms,
the annex's projects, or a reason it cannot be judged."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from tixi.demo.calibration import published_for
from tixi.indicators.engine import clauses
from tixi.indicators.services import load_pack_file
from tixi.ledger.engine.parse import projects as annex_projects

LEDGER_DIR = Path(clauses.__file__).resolve().parents[1] / "data" / "seed_ledger"
PACKS = ["dazhou", "dachuan", "wushan", "panzhihua", "bazhong"]
# the division whose published figures come from each seed (tixi/demo/data: calibration)
FIGURES_OF = {"dachuan": "511703000000", "panzhihua": "510400000000"}


def ledger(pack: str) -> dict:
    return yaml.safe_load((LEDGER_DIR / f"{pack}.yaml").read_text(encoding="utf-8"))


def names_for(pack: str, seed_text: str) -> dict:
    plan = load_pack_file(f"{pack}.yaml")
    norms_file = Path(clauses.__file__).resolve().parents[2] / "layout" / "data" / "norms.yaml"
    norms = yaml.safe_load(norms_file.read_text(encoding="utf-8"))["norms"]
    published = published_for(FIGURES_OF[pack])[1] if pack in FIGURES_OF else []
    figures = {f"{i['institution']}:{i['key']}" if "institution" in i else i["key"] for i in published}
    rows = annex_projects(seed_text) if "重大建设项目表" in seed_text else []
    return {
        "targets": [(t["indicator"], t["clause"]) for t in plan["targets"]],
        "figures": figures,
        "norms": {n["code"] for n in norms if n["seed"] == plan["source"]},
        "projects": {r["number"] for r in rows} | ({"合计"} if rows else set()),
        "unjudged": [(u["label"], u["clause"]) for u in plan.get("unjudged", [])],
    }


def seed(name: str) -> str:
    return (settings.TIXI_SEEDS_DIR / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("pack", PACKS)
def test_every_sentence_of_the_seed_is_accounted_for(pack):
    book = ledger(pack)
    text = seed(book["seed"])
    assert load_pack_file(f"{pack}.yaml")["code"] == book["plan"]
    problems = clauses.ledger_problems(text, book["sentences"], **names_for(pack, text))
    assert problems == []
    assert len(book["sentences"]) >= len(clauses.picked(text)) > 0


def test_a_missing_sentence_or_a_wrong_name_fails_the_ledger():
    book = ledger("wushan")
    text = seed(book["seed"])
    names = names_for("wushan", text)
    entries = book["sentences"]
    dropped = next(e for e in entries if "不低于35%" in e["text"])
    problems = clauses.ledger_problems(text, [e for e in entries if e is not dropped], **names)
    assert any("not in the ledger" in p and "甲级乡镇卫生院" in p for p in problems)
    # its targets lose their sentence too
    assert any(p.startswith("targets grade_a_township_share") for p in problems)
    wrong = [{**e, "targets": ["no_such_target"]} if e is dropped else e for e in entries]
    problems = clauses.ledger_problems(text, wrong, **names)
    assert any("'no_such_target', which does not exist" in p for p in problems)
    silent = [{"line": e["line"], "text": e["text"]} if e is dropped else e for e in entries]
    assert any("no classification" in p for p in clauses.ledger_problems(text, silent, **names))
    invented = names | {"targets": names["targets"] + [("made_up", "全县建成甲级乡镇卫生院的比例不低于40%")]}
    problems = clauses.ledger_problems(text, entries, **invented)
    assert any("made_up: its clause is not the seed's words" in p for p in problems)


def test_the_annex_total_is_the_sum_of_the_projects():
    text = seed("001_8ad369e398ec183a.txt")
    total = next(e for e in ledger("dachuan")["sentences"] if e.get("projects") == ["合计"])
    assert total["text"] == f"合计 | {sum(r['investment'] for r in annex_projects(text)):.0f}"


def test_every_new_goal_of_the_ledger_keeps_the_seeds_words_and_invents_nothing():
    """The goals this reading found: verbatim clause, no year, comparator or nature the sentence
    does not give (逐步 where it says so)."""
    dachuan = {t["indicator"]: t for t in load_pack_file("dachuan.yaml")["targets"] if t.get("row") == "text"}
    increases = {
        "hbv_infection_rate": "降低全人群乙型肝炎病毒感染率",
        "nosocomial_infection_rate": "有效降低院内感染发生率",
        "elderly_disability_incidence": "降低老年人失能发生率",
        "service_revenue_share": "提高医疗服务收入占医疗收入的比例",
        "government_health_expenditure_share": "逐步提高政府卫生支出占财政支出的比重",
    }
    for code, words in increases.items():
        t = dachuan[code]
        assert words in t["clause"] and t["kind"] == "increase" and "target" not in t, code
        assert "target_year" not in t and "comparator" not in t and "nature" not in t, code
    assert dachuan["government_health_expenditure_share"]["deadline"] == "逐步"
    coverage = dachuan["healthy_lifestyle_action_township_coverage"]
    assert (coverage["target"], coverage["deadline"]) == (100, "未定") and "全覆盖" in coverage["clause"]
    physicians = dachuan["township_public_health_physicians_min"]
    assert physicians["target"] == 1 and "至少配备1名公共卫生医师" in physicians["clause"]
    pzh = {t["indicator"]: t for t in load_pack_file("panzhihua.yaml")["targets"]}
    assert pzh["panzhihua_health_promotion_bigdata_centre"]["clause"].startswith(
        "设置健康促进和卫生大数据中心1所"
    )


def test_sentences_are_read_as_the_seeds_print_them():
    # a sentence broken over lines at a page end is one sentence; a heading is not joined to it
    text = "一、总体要求\n\n到2025年，全市建设30个县域医疗卫生次\n\n中心。加强管理。\n"
    got = [s.text for s in clauses.sentences(text)]
    assert got == ["一、总体要求", "到2025年，全市建设30个县域医疗卫生次中心。", "加强管理。"]
    # a table row is one sentence, a cell broken over two lines rejoined
    table = "\t25\n\t地表水达到或好于Ⅲ类水体比例(%)\n\t95.03\n\t完成国家\n目标\n\t约束性\n\n"
    assert [s.text for s in clauses.sentences(table)] == [
        "25 | 地表水达到或好于Ⅲ类水体比例(%) | 95.03 | 完成国家目标 | 约束性"
    ]


@pytest.mark.parametrize(
    "sentence, is_picked",
    [
        ("新建两家社区医院。", True),  # a Chinese numeral counting something
        ("床位数翻一番。", True),
        ("五成以上村卫生室达标。", True),
        ("住院率达到85%以上。", True),
        ("孕产妇死亡率稳中有降。", True),  # a goal without a number
        ("县中医院全部设置“治未病”科室。", True),
        ("第一章 规划背景", False),  # an ordinal
        ("（2023年印发）加强统一领导。", False),  # a year, a list marker, 统一
        ("深入推进医疗卫生一体化管理。", False),
    ],
)
def test_a_sentence_is_picked_by_what_it_states(sentence, is_picked):
    assert clauses.is_picked(sentence) is is_picked


def test_the_ledger_counts_add_up():
    for pack in PACKS:
        counts = clauses.ledger_counts(ledger(pack)["sentences"])
        judged = counts["targets"] + counts["figures"] + counts["norms"] + counts["projects"]
        assert judged + counts["unjudged"] + counts["not_judgeable"] >= counts["sentences"], pack


# Entries read by hand, one by one against the seed (session 13): 巴中, 达州, 巫山 and 攀枝花 entirely,
# 达川 its "not judgeable" entries (those the first pass classified by rule) and the ones changed.
READ_BY_HAND = {"dazhou": 59, "dachuan": 392, "wushan": 69, "panzhihua": 284, "bazhong": 81}
READ_ENTIRELY = ("dazhou", "dachuan", "wushan", "panzhihua", "bazhong")


def test_the_entries_read_by_hand_are_counted(capsys):
    counts = {pack: clauses.ledger_counts(ledger(pack)["sentences"]) for pack in PACKS}
    with capsys.disabled():
        read = sum(c["read"] for c in counts.values())
        total = sum(c["sentences"] for c in counts.values())
        print(
            f"\nsentence ledger: {read} of {total} entries read by hand",
            {p: c["read"] for p, c in counts.items()},
        )
    assert {pack: c["read"] for pack, c in counts.items()} == READ_BY_HAND
    for pack in READ_ENTIRELY:
        assert counts[pack]["read"] == counts[pack]["sentences"], pack
    # an entry still classified "not judgeable" by the first pass's rule and not read is named here
    unread = [
        (p, e["line"])
        for p in PACKS
        for e in ledger(p)["sentences"]
        if e.get("not_judgeable") and not e.get("read")
    ]
    assert unread == []


def test_read_is_true_or_absent():
    book = ledger("wushan")
    text = seed(book["seed"])
    entries = [{**e, "read": "yes"} if i == 0 else e for i, e in enumerate(book["sentences"])]
    problems = clauses.ledger_problems(text, entries, **names_for("wushan", text))
    assert any("read is 'yes'" in p for p in problems)
    assert clauses.ledger_counts([{"text": "a", "read": True}, {"text": "b"}])["read"] == 1
