"""A comparator the seed does not state is not passed off as the seed's: where a plan pack judges a
bare value one-sided (表1 "78.2 78.2" → ≥78.2), the comparator follows the indicator's own direction
and the target's note says it is not the seed's words (review13 fault 6). No database."""

import re
from pathlib import Path

import yaml

PLANS = Path(__file__).resolve().parents[2] / "tixi/indicators/data"
# words of a clause that state a comparator (or a limit: 不得/严禁 … nothing; 余: more than)
STATED = re.compile(
    r"以上|以下|≥|≤|>|<|＞|＜|不低于|不高于|不超过|不少于|不多于|控制在|至少|低于|高于|超过|以内|之内|内|余|不得|严禁"
)


def test_a_one_sided_target_without_the_seeds_comparator_says_so():
    directions = {
        i["code"]: i.get("direction", "higher")
        for i in yaml.safe_load((PLANS / "catalogue.yaml").read_text())["indicators"]
    }
    unstated = []
    for pack in sorted((PLANS / "plans").glob("*.yaml")):
        for t in yaml.safe_load(pack.read_text())["targets"]:
            comparator = t.get("comparator")
            if comparator in ("ge", "le", "gt", "lt") and not STATED.search(t.get("clause", "")):
                unstated.append(
                    (pack.stem, t["row"], comparator, directions.get(t["indicator"]), t.get("note", ""))
                )
    assert [(p, r) for p, r, *_ in unstated] == [("dachuan", 1), ("dachuan", 6), ("dachuan", 24)]
    for pack, row, comparator, direction, note in unstated:
        assert comparator in (("le", "lt") if direction == "lower" else ("ge", "gt")), (pack, row)
        assert "比较符不是原文所写" in note and "方向判定" in note, (pack, row)
