"""Goals whose year a copy garbled or left to a heading (session 24, reader59).

- A deadline whose month lost its 月 ("2022年8底前", "2023年6中旬前"): the year is whole; the month is given its 月
  back so the deadline dates its sentence as "2022年8月底前" does.
- A floor restated in brackets between the value and 以上 ("在90分(含90分)以上", "300平方米(含)以上"): the value
  with its 以上, the brackets aside.
- A heading naming a year's goals on a line of its own, its year written with or without 年 ("确定2021空气质量目标",
  "2024年工作目标：") over goal lines that name no year ("●优良天数不低于317天 ●PM2.5达到30.5微克/立方米左右"): each
  such line, within the next few lines, is read for the heading's year (a results paragraph between, with no goal
  word, is left as it was read).
The repairs are undone in the targets' sentences (dating.own_words).
"""

import re
from collections.abc import Callable

# a month without its 月 before 底/初/旬 ("2022年8底前"); the year is four digits, the month one or two
MONTH_WITHOUT_MARK = re.compile(r"(?<!\d)(20\d{2}\s*年\s*(?:1[0-2]|0?[1-9]))(?=\s*(?:底|初|上旬|中旬|下旬))")
# a floor restated in brackets after its value ("90分(含90分)以上", "300平方米（含）以上")
RESTATED_FLOOR = re.compile(
    r"(\d+(?:\.\d+)?)([^\d\s（）()，,。；;、]{0,4})[（(]\s*含(?:\s*\1\s*\2)?\s*[）)](?=\s*及?以[上下])"
)
# a heading over a year's goals, alone on its line: a verb at most before the year, its 年 optional, words, 目标
YEAR_GOALS_HEADING = re.compile(
    r"^[^\d\n。，,；;]{0,6}?(?<!\d)(20\d{2})\s*年?度?(?![\d%.年])[^\d\n。，,；;:：]{0,16}?(?:目标|指标)(?:任务)?\s*[:：]?\s*$"
)
# a word that sets a goal: a line under the heading without one (a results paragraph) is no goal line
# ("县级及以上" qualifies a level: 以上 counts after a value and its unit only)
GOAL_WORD = re.compile(
    r"不低于|不少于|不高于|不超过|达到|超过|力争|控制在|[≥≤]|\d[%‰]?[^\d\s，,。；;及]{0,3}(?:以上|以下|以内|左右)"
)
HEADED_REACH = 3  # the lines under a heading read for its year
OPENING = "到{}年，"


def repaired(text: str) -> tuple[str, dict[str, str]]:
    """The text with garbled deadlines and restated floors repaired, and {repaired form: the document's words}."""
    swaps: dict[str, str] = {}

    def month(m: re.Match) -> str:
        form = m.group(1) + "月"
        swaps.setdefault(form, m.group(1))
        return form

    def floor(m: re.Match) -> str:
        form = m.group(1) + m.group(2)
        # the form keeps what follows ("90分以上"), so own_words finds it in a target's sentence
        after = text[m.end() : m.end() + 3]
        after = after[: 3 if after.startswith("及") else 2]
        swaps.setdefault(form + after, m.group(0) + after)
        return form

    if "底" in text or "旬" in text or "初" in text:
        text = MONTH_WITHOUT_MARK.sub(month, text)
    if "含" in text:
        text = RESTATED_FLOOR.sub(floor, text)
    return text, swaps


def _bare(s: str) -> str:
    return re.sub(r"\s+", "", s)


def heading_dated(text: str, found: list[dict], read: Callable[[str], list[dict]]) -> list[dict]:
    """The targets of goal lines a year's heading dates, that the reading `found` took none from."""
    if "目标" not in text and "指标" not in text:
        return []
    lines = text.split("\n")
    read_texts = [_bare(t.get("text") or "") for t in found]
    added = []
    for i, line in enumerate(lines):
        heading = YEAR_GOALS_HEADING.match(line.strip())
        if not heading:
            continue
        year = int(heading.group(1))
        for below in lines[i + 1 : i + 1 + HEADED_REACH]:
            if YEAR_GOALS_HEADING.match(below.strip()) or re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", below):
                break  # the next heading, or a line dated by its own year
            bare = _bare(below)
            if not GOAL_WORD.search(bare) or any(t and (t in bare or bare in t) for t in read_texts):
                continue
            opening = OPENING.format(year)
            for target in read(opening + below.strip()):
                if target.get("year") != year:
                    continue
                if isinstance(target.get("text"), str):
                    target["text"] = target["text"].replace(opening, "", 1)
                added.append(target)
    return added
