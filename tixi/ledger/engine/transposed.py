"""An indicator table laid out sideways (session 24, reader59): the indicators' names stand in one row, their target
values in the row below, under a label that names the year ("2022 年 目 标 值", its characters spaced or not), a
nature row ("属性 | 约束性 | 预期性…") after; a wide table a page cuts into blocks of a few columns each. The other
readers (tables.py, grid.py) read one indicator a row, so a row of names with a row of values was no table to them.
A block is read when its names row and its values row hold as many cells, every name a word and every value a number
(a sign or word of comparison and its unit written with it: ">6亿吨", "61.5%", "5.5万元/人", "2.5"), the year from the
values row's label (its own line above it, or its first cell).
"""

import re

from tixi.ledger.engine import grid

# the label of a values row: "2022年目标值", "2025年预期值", "目标值(2025年)", "2025年"; a baseline's ("2020年基期值") no target
YEAR_LABEL = re.compile(
    r"^(?:(?:主要)?(?:指标)?)(?:[(（]?(?P<y1>\d{4})年?[)）]?)?(?:年底|年末|末)?(?:目标|规划|预期)?(?:值|数)?"
    r"(?:[(（]?(?P<y2>\d{4})年?[)）]?)?$"
)
NAMES_LABEL = re.compile(r"^(?:主要|具体|核心)?(?:指标|项目)(?:名称)?$")
UNITS_LABEL = re.compile(r"^(?:计量)?单位$")
NATURE_LABEL = re.compile(r"^(?:指标)?(?:属性|性质|类型)$")
# a value cell: sign or word, number, the unit written with it (no digit, no sign), a word after
VALUE = re.compile(
    r"^(?P<before>[≤≥<>≦≧＜＞]|不低于|不少于|不高于|不超过|低于|高于|超过|大于|小于|达到)?"
    r"(?P<value>\d+(?:\.\d+)?)(?P<unit>%|‰|[^\d\s≤≥<>≦≧＜＞.:：~～\-－—至以左及]{1,6})?"
    r"(?P<after>及以上|及以下|以上|以下|以内|左右)?$"
)
MORE = {"大于": "gt", "小于": "lt"}


def _year(label: str) -> int | None:
    """The target year a values row's label names; None when it names none, or a baseline."""
    if grid.BASELINE_WORDS.search(label):
        return None
    m = YEAR_LABEL.match(label)
    # a bare year ("2020年") may head a baseline's row as well as a target's: the label must say it is a target's
    if not m or not (m.group("y1") or m.group("y2")) or not re.search(r"目标|规划|预期|末", label):
        return None
    return int(m.group("y1") or m.group("y2"))


def _value(cell: str) -> tuple[float, str, str] | None:
    m = VALUE.match(cell.replace("％", "%"))
    if not m:
        return None
    word = m.group("before") or m.group("after") or ""
    return float(m.group("value")), MORE.get(word) or grid.COMPARATOR.get(word, ""), m.group("unit") or ""


def _is_name(cell: str) -> bool:
    # a name: words, no value, no nature, no label of a row
    return (
        len(cell) >= 2
        and not re.match(r"[≤≥<>≦≧＜＞]?\d", cell)
        and not grid.NATURE.match(cell)
        and not NAMES_LABEL.match(cell)
        and not NATURE_LABEL.match(cell)
        and not UNITS_LABEL.match(cell)
        and _year(cell) is None
    )


def _row(line: str) -> list[str]:
    return [c for c in grid._cells_of(line) if c]


def rows(text: str) -> list[dict]:
    """The (name, unit, year, value, comparator, text) of every indicator of the sideways tables in `text`."""
    lines = [_row(line) for line in text.split("\n")]
    found = []
    for i, names in enumerate(lines):
        if names and NAMES_LABEL.match(names[0]):
            names = names[1:]
        # a copy joins a row cut at "|" with the label line after it ("…| 农村卫生厕所普及率 |2022 年 目 标 值 |")
        year = _year(names[-1]) if names else None
        if year is not None:
            names = names[:-1]
        if len(names) < 2 or not all(_is_name(c) for c in names):
            continue
        # a units row under the names ("单位 | % | 万元 |"), then the values row: next line, or the one after a label
        # line naming the year
        j, units = i + 1, None
        if j < len(lines) and lines[j] and UNITS_LABEL.match(lines[j][0]) and len(lines[j]) == len(names) + 1:
            units, j = lines[j][1:], j + 1
        if year is None and j < len(lines) and len(lines[j]) == 1 and _year(lines[j][0]):
            year, j = _year(lines[j][0]), j + 1
        if j >= len(lines):
            continue
        values = lines[j]
        if year is None and values and _year(values[0]):
            year, values = _year(values[0]), values[1:]
        if values and (NAMES_LABEL.match(values[-1]) or NATURE_LABEL.match(values[-1])):
            values = values[:-1]  # the next row's label joined to this one
        if year is None or len(values) != len(names):
            continue
        read = [_value(c) for c in values]
        if not all(read):
            continue
        for k, (name, cell, (value, comparator, unit)) in enumerate(zip(names, values, read, strict=True)):
            if not unit and units and units[k] not in grid.EMPTY:
                unit = units[k]
            if not unit:
                written = grid.UNIT_AT_END.search(name)
                unit = written.group(1) if written else ""
            found.append(
                {
                    "name": name,
                    "unit": unit,
                    "year": year,
                    "value": value,
                    "comparator": comparator,
                    "text": cell,
                }
            )
    return found
