"""Which catalogue indicator a plan's wording means: a suggestion for the review page, never a decision.

Plans word the same indicator in many ways (每千人口医疗机构床位数(张), 每千人口医疗卫生机构床位数（张）);
the unit in brackets, spaces, "其中：" and the region's name are dropped, then the closest catalogue
name by sequence similarity wins if it is close enough.
"""

import re
from difflib import SequenceMatcher

from tixi.ledger.engine.tables import UNIT_AT_END

NOISE = re.compile(r"\s|^其中[：:]|^(?:全市|全区|全县|城乡居民|以乡镇（街道）为单位)|[“”\"']")
THRESHOLD = 0.72


def normalise(label: str) -> str:
    text = NOISE.sub("", label)
    while UNIT_AT_END.search(text):
        text = UNIT_AT_END.sub("", text)
    return text.replace("(", "（").replace(")", "）")


def suggest(label: str, catalogue: dict[str, str]) -> str | None:
    """The code of the catalogue name closest to `label` ({code: name}), or None if none is close."""
    wanted = normalise(label)
    if not wanted:
        return None
    best, best_score = None, 0.0
    for code, name in catalogue.items():
        candidate = normalise(name)
        shorter, longer = sorted((wanted, candidate), key=len)
        if len(shorter) >= 4 and shorter in longer:  # "三级公立医院微创手术占比" names 微创手术占比
            score = 0.8 + 0.2 * len(shorter) / len(longer)
        else:
            matcher = SequenceMatcher(None, wanted, candidate, autojunk=False)
            # the cheap upper bounds first: most names are nowhere near
            if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                continue
            score = matcher.ratio()
        if score > best_score:
            best, best_score = code, score
    return best if best_score >= THRESHOLD else None
