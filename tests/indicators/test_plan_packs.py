"""Every plan-pack target is checked against its quoted clause: the clause is in the seed, and the
numbers stored are the numbers the clause states."""

import os
import re
from pathlib import Path

import pytest

from tixi.indicators.services import PLAN_FILES, load_pack_file

# The seeds are the project's shared requirement documents, beside the repository (as in CI).
SEEDS = Path(os.environ.get("TIXI_SEEDS_DIR") or Path(__file__).resolve().parents[3] / "shared" / "seeds")
# Goals stated in words: "all/every/full coverage" is a share of 100 %; "not below the average" or
# "better than the province" a ratio of 100 %; a named thing built or a grade reached by a date is 1.
WORDS = {
    "全覆盖": 100,
    "所有": 100,
    "每个": 100,
    "各县": 100,
    "全部": 100,
    "均": 100,
    "全面": 100,
    "覆盖": 100,
    "不低于": 100,
    "保持优于": 100,
    "全区": 100,
    "平均以上": 100,
    "高于全市平均": 100,
    "建成": 1,
    "完成": 1,
    "建设": 1,
    "开工建设": 1,
    "构建": 1,
    "设置": 1,
    "创建": 1,
    "达到": 100,
    "三级甲等": 1,
    "三级乙等": 1,
    "二级甲等": 1,
    "三甲": 1,
    "三级医院": 1,
    "新增": 1,
    "创": 1,
    "申报创建": 1,
    "独立设置": 1,
    "建立": 1,
    "统筹建设": 100,
    "以下": 100,
    "不得": 0,
    # 达州 and 攀枝花, second reading
    "落地": 1,
    "纳入": 1,
    "试点": 1,
    "打造": 1,
    "成立": 1,
    "严禁": 0,
    "应设置或明确": 100,
    "独立设置公共卫生科": 100,
    "县级中医医院设置": 100,
    "两级": 100,
    "二级以上医疗机构开设": 100,
    "要设立": 100,
    # the sentence ledger read by hand (ledger13)
    "一般乡镇卫生院和社区卫生服务中心建立": 100,
    "人人享有": 100,
    "其余县（区）": 100,
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


def numbers_in(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]


PACKS = {name: load_pack_file(name) for name in PLAN_FILES}
TARGETS = [(name, t) for name, pack in PACKS.items() for t in pack["targets"]]


@pytest.mark.parametrize("name, target", TARGETS, ids=[f"{n}:{t['label'][:24]}" for n, t in TARGETS])
def test_target_matches_its_clause(name, target):
    pack = PACKS[name]
    seed = (SEEDS / pack["source"]).read_text(encoding="utf-8")
    assert normalise(target["clause"]) in normalise(seed), "the clause is not quoted from the seed"
    numbers = numbers_in(target["clause"])
    for key in ("target", "baseline"):
        value = target.get(key)
        if value is None:
            continue
        if key == "target" and target.get("words"):
            assert target["words"] in target["clause"] and WORDS[target["words"]] == value
            continue
        assert any(abs(n - value) < 1e-9 for n in numbers), f"{key} {value} is not in the clause"
    if target.get("change_per_year") is not None:
        assert abs(target["change_per_year"]) in numbers


def test_pack_sizes():
    dachuan = PACKS["dachuan.yaml"]["targets"]
    assert len([t for t in dachuan if t["row"] != "text"]) == 30  # 29 rows; row 28 has two parts
    panzhihua = PACKS["panzhihua.yaml"]["targets"]
    assert len([t for t in panzhihua if str(t["row"]).split(".")[0].isdigit()]) == 21  # 19 rows + 2 sub-rows
    assert len([t for t in panzhihua if str(t["row"]).startswith("T2.")]) == 18
    assert sum(t["target"] for t in panzhihua if str(t["row"]).startswith("T2.")) == 9710  # Table 2 total


def test_every_seed_has_its_targets():
    """Issue 12: every numeric target of the text, not only the tables."""
    sizes = {name: len(p["targets"]) for name, p in PACKS.items()}
    assert sizes["dazhou.yaml"] >= 13
    assert sizes["dachuan.yaml"] >= 75
    assert sizes["wushan.yaml"] >= 16
    assert sizes["panzhihua.yaml"] >= 90
    assert sizes["bazhong.yaml"] >= 28


def test_rules_and_unjudged_goals_quote_their_seed():
    """Rules about each hospital and goals with no number carry a clause quoted from the seed; the
    rule's thresholds are the numbers its clause states."""
    from tixi.indicators.services import PLAN_FILES, load_pack_file

    found = 0
    for name in PLAN_FILES:
        pack = load_pack_file(name)
        seed = normalise((SEEDS / pack["source"]).read_text(encoding="utf-8"))
        for item in pack.get("rules", []) + pack.get("unjudged", []):
            assert normalise(item["clause"]) in seed, item["label"]
            found += 1
        for rule in pack.get("rules", []):
            assert set(rule["params"].values()) <= set(numbers_in(rule["clause"]))
    assert found >= 3
