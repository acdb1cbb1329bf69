"""A plan's indicator table (主要发展指标): one row per indicator with its area, baseline, target and nature.

Tables reach us as plain text, one cell per line behind a tab and a blank line between rows (as the
seeds are, and as `documents.read_document` writes a Word table). A cell may wrap onto a line without
a tab ("2020年" / "基期值"); an area that spans several rows stands on a row of its own or only on the
first row; sub-rows ("其中：…") have no number.

A table copied out of a web page or a PDF comes without tabs and often without its "表N" caption: one cell a
line (between blank lines, or each ending with "|"), rows told apart only by their numbers 1, 2, 3… and their
nature cell (预期性/约束性); empty cells are left out, so such a row's values are read from the right.
A table may hold several target years ("2022年目标值", "2030年目标值"): each gives the row a target.
"""

import re
from collections import Counter
from dataclasses import asdict, dataclass

from tixi.ledger.engine import grid, transposed
from tixi.ledger.engine.parse import FIVE_YEAR_ENDS, FIVE_YEAR_NUMBER, normalise

CAPTION = re.compile(r"^\s*表\s*(\d+)[\s　.．:：]*(.*)$")
YEAR_HEADER = re.compile(r"(\d{4})\s*年")
VALUE = re.compile(
    r"^(?P<before>[≤≥<>≦≧＜＞]|不低于|不少于|不高于|不超过|低于|高于|超过)?\s*"
    r"(?P<ratio>1\s*[:：]\s*)?(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>%|‰)?"
    r"\s*(?P<after>及以上|及以下|以上|以下|以内|左右)?$"
)
COMPARATOR = grid.COMPARATOR  # one table of comparator words for both table readers
# words in a target cell that say what kind of target it is
KIND_WORDS = (
    (re.compile(r"国家目标|国家要求"), "national"),
    (re.compile(r"保持稳定|保持|稳定在"), "maintain"),
    (re.compile(r"逐年|每年|年均"), "change_per_year"),
    (re.compile(r"提高|提升|增长|上升"), "increase"),
    (re.compile(r"全覆盖"), "value"),
)
CHANGE = re.compile(r"(降低|下降|减少|提高|增加|上升)\s*(\d+(?:\.\d+)?)")
# "(%)", "(人/万人)"; a list in brackets ("(街道、社区)") names places, no unit
UNIT_AT_END = re.compile(r"[（(]\s*([^（）()、]{1,10})\s*[）)]\s*$")
# "(万亩)(5年新增量)": the unit, then a note of the period the value covers, no unit
UNIT_BEFORE_NOTE = re.compile(
    r"[（(]\s*([^（）()、]{1,10})\s*[）)]\s*[（(][^（）()]{0,8}(?:\d+年|累计|新增)[^（）()]{0,8}[）)]\s*$"
)
NO_VALUE = {"", "—", "-", "——", "/", "－"}
# the nature of an indicator (the last cell of its row)
NATURE = re.compile(r"^(?:预期性|约束性|倡导性|指导性|预期|约束)$")
# a header cell of an indicator table
HEADER_CELL = re.compile(
    r"^(?:领域|类别|分类|类型|方面|序号|.{0,6}指标(?:名称)?|单位|.{0,4}(?:性质|属性)|基期.{0,2}|基数|现状.{0,2}"
    r"|(?:\d{4}年)?(?:基期|目标|规划|预期)?(?:值|水平)?(?:\d{4}年)?|\d{4}年.{0,4}"
    r"|(?:牵头|责任|负责)(?:单位|部门)|年均(?:增长|增速|增幅|变化).{0,6}"
    r"|(?:计划|规划)任务|其中[:：]\d{4}年任务)$"
)
# "计划任务" then "其中：2021年任务": the plan period's total and the part of it set for one year, both targets; the total's
# year is the end of the five-year period the table's caption names ("表4 “十四五”全省…主要指标")
NATURE_HEADER = re.compile(r"性质|属性")
PLAN_TOTAL_HEADER = re.compile(r"^(?:计划|规划)任务$")
PART_YEAR_HEADER = re.compile(r"^其中[:：](\d{4})年任务$")
CAPTION_PERIOD = re.compile(FIVE_YEAR_NUMBER)
# a table's column of the units responsible for each row (牵头单位): no value of the row
LEAD_HEADER = re.compile(r"^(?:牵头|责任|负责)(?:单位|部门)$")


@dataclass
class IndicatorRow:
    table: int
    area: str
    number: str
    name: str
    unit: str
    baseline_year: int | None
    baseline: float | None
    baseline_text: str
    target_year: int | None
    target: float | None
    target_text: str
    comparator: str
    kind: str
    change_per_year: float | None
    nature: str
    clause: str  # the row as it reads in the document


def _blocks(text: str):
    """(table number, caption, rows of cells) for each captioned table of indicators."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        caption = CAPTION.match(lines[i])
        i += 1
        if not caption or "指标" not in caption.group(2):
            continue
        rows, row = [], []
        while i < len(lines):
            line = lines[i]
            if line.startswith("\t"):
                row.extend(cell.strip() for cell in line.split("\t")[1:])
            elif not line.strip():
                if row:
                    rows.append(row)
                    row = []
            elif row:  # a cell wrapped onto the next line
                row[-1] += line.strip()
            else:
                break
            i += 1
        if row:
            rows.append(row)
        yield int(caption.group(1)), caption.group(2).strip(), rows


# a header's column of values: a year, a goal ("规划目标", "目标值"), a result ("完成情况")
VALUE_COLUMN = re.compile(r"\d{4}年?$|目标值?$|完成情况$|预期值$")


def _flat_blocks(text: str):
    """(0, "", rows of cells) of each indicator table written one cell a line without tabs: a header of column
    labels (序号, 指标, years…), then rows numbered 1, 2, 3…, each from its number to its nature cell, its values
    set from the right (an empty cell of a copied table leaves no line). Group labels and notes between rows
    ("结果性指标", "说明:…") are no row. Tables behind tabs are `_blocks`'s."""
    cells: list[str | None] = []
    for line in text.splitlines():
        if line.startswith("\t"):
            cells.append(None)  # a tab table is read by _blocks
            continue
        if spaced := _spaced_row(line):
            cells.extend(
                spaced
            )  # "1 人均预期寿命（岁） 78.3 79.5 预期性": a row on one line, its cells spaced
            continue
        cell = re.sub(r"\s*\|+\s*$", "", line.strip()).strip()
        if ROW_JOINED.search(cell):
            # "2 | 婴儿死亡率 | ‰ | <5 | |": a row a line, its cells joined by " | " (the empty ones left out, as above)
            cells.extend(part.strip() for part in cell.split("|") if part.strip())
            continue
        if cell and not re.fullmatch(r"[|\s]+", cell):
            cells.append(cell)
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and cells[j] is not None and HEADER_CELL.match(re.sub(r"\s", "", cells[j])):
            j += 1
        header = [re.sub(r"\s", "", c) for c in cells[i:j]]
        if any(PLAN_TOTAL_HEADER.match(c) for c in header):
            caption = CAPTION_PERIOD.search(cells[i - 1] or "") if i else None
            header = [
                f"{FIVE_YEAR_ENDS[caption.group(1)]}年{c}" if caption and PLAN_TOTAL_HEADER.match(c) else c
                for c in header
            ]
        for n in range(len(header) - 1):
            if header[n] == "指标" and header[n + 1] in ("属性", "性质"):
                # "指标" / "属性": the nature column's label wrapped over two lines of its cell
                header[n : n + 2] = [header[n] + header[n + 1]]
                break
        years = [n for n, c in enumerate(header) if YEAR_HEADER.search(c)]
        if years and (
            later := [
                n
                for n, c in enumerate(header)
                if n > years[0] and "指标" in c and not NATURE_HEADER.search(c)
            ]
        ):
            # "类别 | 序号 | 指标名称 | 单位 | 2025年" then "健康水平 指标 | 1 | …": a 指标 cell after the year columns is the label
            # of the group of rows to come, no column
            j = i + later[0]
            header = header[: later[0]]
        columns = _columns(header) if len(header) >= 3 else None
        if (
            columns is not None
            and "number" not in columns
            and "nature" not in columns
            and _flat_row(cells, j, 1, reach=3)
            and _flat_row(cells, _flat_row(cells, j, 1, reach=3)[1], 2, reach=3)
        ):
            # "领域 | 指标 | 2025年" over rows numbered 1, 2, 3…: the copy left the 序号 cell out of the header
            header = ["序号", *header]
            columns = _columns(header)
        plain = (
            columns is not None
            and "number" not in columns
            and "nature" not in columns
            and _plain_table(cells, j, columns, len(header))
        )
        if (
            columns is None
            # "指标 | 2025年 | 属性": three columns do when the nature closes each row
            or len(header) < (3 if {"name", "nature"} <= set(columns) else 4)
            or ("number" not in columns and "nature" not in columns and not plain)
        ):
            i = max(j, i + 1)
            continue
        rows, k = [header], j
        next_row = (
            _flat_row
            if "number" in columns
            else _plain_row(len(header))
            if plain
            else _nature_row(len(header))
        )
        while k < len(cells) and (row := next_row(cells, k, len(rows))):
            read, k = row
            for row_cells in (
                read if read and isinstance(read[0], list) else [read]
            ):  # a row with its sub-rows
                if VALUE_COLUMN.search(header[-1]):
                    # the last column holds values: a cell with no digit after them ("疾病防控与", "爱国卫生", "资源配置")
                    # is the label of the group of rows to come, no value of this row
                    while len(row_cells) > 2 and not re.search(r"\d", row_cells[-1]):
                        row_cells = row_cells[:-1]
                # a plain row is in its columns already ([group label], or "", name, values)
                rows.append(row_cells if plain else _set_right(header, columns, row_cells))
        if len(rows) > 1:
            yield 0, "", rows
        i = max(k, j)


# a page's table copied a row a line, its cells joined by " | " ("类别 | 序号 | 指标名称 | 单位 | 2025年 |")
ROW_JOINED = re.compile(r"[^|\s]\s+\|\s+[^|\s]")


def _spaced_row(line: str) -> list[str] | None:
    """The cells of a table row a copy kept on one line, spaced apart: a header whose every cell is a column label
    ("序号 指标 2020年 2025年 属性"), or a numbered row ending with its nature ("3 居民健康素养水平（%） 23.15 ≥30 预期性");
    None for any other line."""
    parts = line.split()
    wide = [re.sub(r"\s", "", part) for part in re.split(r"\s{3,}", line.strip())]
    if len(wide) == 3 and (
        (all(HEADER_CELL.match(part) for part in wide) and re.match(r".{0,6}指标", wide[0]))
        or (NATURE.match(wide[-1]) and read_value(wide[0])[0] is None and read_value(wide[1])[0] is not None)
    ):
        # a PDF's table of three columns apart by wide spaces ("指 标      2025 年      属 性", "1.…增长(%)      >7.5
        # 预期性"), a label's own characters spaced apart
        return wide
    if len(parts) < 4:
        return None
    if all(HEADER_CELL.match(part) for part in parts) and any(re.match(r"序号|.{0,6}指标", p) for p in parts):
        return parts
    if re.fullmatch(r"\d{1,2}", parts[0]) and NATURE.match(parts[-1]) and read_value(parts[1])[0] is None:
        return parts
    return None


def _starts_row(cells: list[str | None], k: int, number: int) -> bool:
    """Row `number` opens at k: its number, then a name that is no value."""
    return (
        k + 1 < len(cells)
        and cells[k] == str(number)
        and cells[k + 1] is not None
        and read_value(cells[k + 1])[0] is None
        and not NATURE.match(cells[k + 1])
    )


def _flat_row(cells: list[str | None], k: int, number: int, reach: int = 40):
    """(cells, next index) of row `number`, looked for within `reach` cells after k; None when it is not there."""
    for start in range(k, min(k + reach, len(cells))):
        if cells[start] is None:
            return None
        if _starts_row(cells, start, number):
            row, m = [cells[start], cells[start + 1]], start + 2
            while m < len(cells) and cells[m] is not None and not _starts_row(cells, m, number + 1):
                row.append(cells[m])
                m += 1
                if NATURE.match(row[-1]):
                    break
            return row, m
    return None


def _nature_row(width: int):
    """The reader of a table without a 序号 column whose rows end with their nature cell ("中医医院(所)", "3232",
    "3397", "1", "预期性"): each row from its name, no value, to its nature, at most `width` cells."""

    def read(cells: list[str | None], k: int, _number: int):
        while k < len(cells) - 1 and cells[k] is not None and GROUP_LABEL.match(cells[k]):
            k += 1  # "一、发展水平": the label of the rows below, no row
        if cells[k] is None or read_value(cells[k])[0] is not None or NATURE.match(cells[k]):
            return None
        for m in range(k + 1, min(k + width, len(cells))):
            if cells[m] is None:
                return None
            if NATURE.match(cells[m]):
                return ["", *cells[k : m + 1]], m + 1
        return _with_parts(cells, k, width)

    return read


# the label of a group of rows in a plain table, in any planner's marker ("一、经济增长", "（1）经济增长", "2.农产品供给")
PLAIN_GROUP_LABEL = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]|\d{1,2}[.．、]|[①-⑳])\D{1,20}"
)


def _plain_row(width: int):
    """The reader of a table with neither a 序号 nor a nature column ("类别 | 指标 | 2010年实绩 | 2015年目标"): a group
    label ("一、经济增长") is a row of its own, the area of the rows below; a row is its name, no value, then exactly one
    value per year column."""

    def read(cells: list[str | None], k: int, _number: int):
        if k >= len(cells) or cells[k] is None or read_value(cells[k])[0] is not None:
            return None
        if (
            PLAIN_GROUP_LABEL.fullmatch(cells[k])
            and k + 1 < len(cells)
            and cells[k + 1] is not None
            and read_value(cells[k + 1])[0] is None
        ):
            return [cells[k]], k + 1
        end = k + width - 1  # the name, then the columns after the area and the name
        values = cells[k + 1 : end]
        if len(values) != width - 2 or any(c is None or read_value(c)[0] is None for c in values):
            return None
        return ["", cells[k], *values], end

    return read


def _plain_table(cells: list[str | None], k: int, columns: dict, width: int) -> bool:
    """A table read by `_plain_row`: an area column, a name column and a baseline and a target year column, exactly,
    and its first three rows read so, each name giving its unit in brackets ("农业增加值(亿元)")."""
    if set(columns) - {"targets", "target", "target_year", "baseline", "baseline_year"} != {"area", "name"}:
        return False
    if columns["baseline"] is None or width != 4:
        return False
    read, rows = _plain_row(width), 0
    while rows < 3 and (row := read(cells, k, 0)):
        cells_read, k = row
        if len(cells_read) > 1:
            if not UNIT_AT_END.search(cells_read[1]):
                return False
            rows += 1
    return rows == 3


# the label of a group of rows in a table without a 序号 column: "一、发展水平", "二、优质资源建设"
GROUP_LABEL = re.compile(r"[一二三四五六七八九十]{1,3}、\D{1,20}")


def _with_parts(cells: list[str | None], k: int, width: int):
    """A row and its parts copied one cell a line ("1.幼儿教师专科及以上学历比例(%)", "其中:本科及以上学历比例(%)", then each
    column's values, the row's and its parts', then one nature): ([one row a part…], next index); the first name is
    only a heading when the values fill fewer rows ("4.义务教育标准班额比例(%)", "其中:小学", "初中", four values)."""
    names, m = [], k
    while (
        m < len(cells)
        and cells[m] is not None
        and read_value(cells[m])[0] is None
        and not NATURE.match(cells[m])
    ):
        names.append(cells[m])
        m += 1
    values = []
    while m < len(cells) and cells[m] is not None and read_value(cells[m])[0] is not None:
        values.append(cells[m])
        m += 1
    per_row = width - 2  # the columns between a row's name and its nature
    if (
        len(names) < 2
        or not re.match(r"其中", names[1])
        or m >= len(cells)
        or cells[m] is None
        or not NATURE.match(cells[m])
        or per_row < 1
        or len(values) % per_row
        or not 1 <= (parts := len(values) // per_row) <= len(names)
    ):
        return None
    named = names[len(names) - parts :]
    return [
        ["", name, *(values[column * parts + n] for column in range(per_row)), cells[m]]
        for n, name in enumerate(named)
    ], m + 1


# a cell holding one value for each group of places, one a line: "重点城市≥30" / "一般城市≥15"
LABELLED_VALUE = re.compile(r"^[^\d≥≤<>＜＞≦≧]{1,8}(?P<value>[≥≤<>＜＞≦≧]\s*\d+(?:\.\d+)?\s*[%‰]?)$")


def _labelled_parts(cell: str) -> list[str]:
    """The values of a cell of labelled values joined by "；" ("重点城市≥30；一般城市≥15" → "≥30", "≥15"); else the cell."""
    parts = cell.split("；")
    if len(parts) > 1 and all(LABELLED_VALUE.match(part) for part in parts):
        return [LABELLED_VALUE.match(part).group("value") for part in parts]
    return [cell]


def _labelled_groups(values: list[str], width: int) -> list[str]:
    """A row's value cells when some hold labelled values one a line ("——", "重点城市≥30", "一般城市≥15" over two columns;
    "设区市≥25", "县级市≥20", "设市城市≥55", "其他县城≥25" over two): the labelled ones of a column joined by "；"."""
    if width < 1 or len(values) <= width or not any(LABELLED_VALUE.match(v) for v in values):
        return values
    if all(LABELLED_VALUE.match(v) for v in values) and len(values) % width == 0:
        size = len(values) // width
        return ["；".join(values[n : n + size]) for n in range(0, len(values), size)]
    plain = width - 1  # the cells before the last column's labelled values, one a column
    if all(not LABELLED_VALUE.match(v) for v in values[:plain]) and all(
        LABELLED_VALUE.match(v) for v in values[plain:]
    ):
        return [*values[:plain], "；".join(values[plain:])]
    return values


def _set_right(header: list[str], columns: dict, row: list[str]) -> list[str]:
    """A flattened row in its header's columns: number and name first, nature last, the values between
    set from the right (the cells a copy left out are the first ones, a baseline with no value)."""
    out = [""] * len(header)
    if "number" in columns:
        out[columns["number"]] = row[0]
    out[columns["name"]] = row[1]
    values = row[2:]
    if columns.get("area", -1) == columns.get("number", -2) + 1 == columns["name"] - 1:
        # "1 | 综合 | 治理 | 城市内涝防治达标率（%） | …": a group's label (its cell wrapped over lines) opens its first row,
        # then the indicator's name: short cells with no value before a name that is no value either
        label = []
        while (
            len(values) > 1
            and len(out[columns["name"]]) <= 4
            and not UNIT_AT_END.search(out[columns["name"]])
            and read_value(values[0])[0] is None
            and values[0] not in NO_VALUE
            and not NATURE.match(values[0])
            and not re.search(r"\d", values[0])
        ):
            label.append(out[columns["name"]])
            out[columns["name"]] = values.pop(0)
        if label:
            out[columns["area"]] = "".join(label)
    if (
        "lead" in columns
        and values
        and read_value(values[-1])[0] is None
        and columns["lead"] > columns["name"]
    ):
        out[columns["lead"]] = values.pop()  # the units responsible (牵头单位), the row's last cell
    if "nature" in columns and values and NATURE.match(values[-1]):
        out[columns["nature"]] = values.pop()
    if "unit" in columns and values and values[0] not in NO_VALUE and read_value(values[0]) == (None, "", ""):
        out[columns["unit"]] = values.pop(0)  # the 单位 cell ("%", "/10万", "岁")
    end = min(columns.get("nature", len(header)), columns.get("lead", len(header)))
    value_columns = [n for n in range(columns["name"] + 1, end) if n != columns.get("unit")]
    values = _labelled_groups(values, len(value_columns))
    targets = [n for n, _year in columns["targets"]]
    if len(values) < len(value_columns) and values and read_value(values[-1])[0] is None:
        # a word the copy gives once for several target years ("持续减缓", "实现"): a cell merged across them
        for column in targets:
            out[column] = values[-1]
        values, value_columns = values[:-1], [n for n in value_columns if n not in targets]
    for column, value in zip(reversed(value_columns), reversed(values), strict=False):
        out[column] = value
    return out


def _columns(header: list[str]) -> dict[str, int] | None:
    """Where each kind of cell stands. The target is the last year's column; where columns say which years
    are targets ("2022年目标值", "2030年目标值"), each of them is one (targets: [(column, year)…])."""
    columns, years, targets = {}, [], []
    for n, cell in enumerate(header):
        cell = re.sub(r"\s", "", cell)
        if year := YEAR_HEADER.search(cell):
            years.append((n, int(year.group(1))))
            if "目标" in cell:
                targets.append((n, int(year.group(1))))
        elif re.match(r"^(?:基期|基数|现状)", cell):
            columns["baseline_without_year"] = n
        elif cell in ("领域", "类别", "分类", "类型", "方面"):
            columns["area"] = n
        elif cell == "序号":
            columns["number"] = n
        elif "性质" in cell or "属性" in cell:
            columns["nature"] = n
        elif cell == "单位":
            columns["unit"] = n
        elif LEAD_HEADER.match(cell):
            columns["lead"] = n
        elif "指标" in cell:
            columns["name"] = n
    if "name" not in columns or not years:
        return None
    if any(PART_YEAR_HEADER.match(re.sub(r"\s", "", header[n])) for n, _y in years):
        # "2025年计划任务 | 其中：2021年任务": each year column a target, no baseline
        columns.pop("baseline_without_year", None)
        columns["baseline"], columns["baseline_year"] = None, None
        columns["target"], columns["target_year"] = years[0]
        columns["targets"] = years
        return columns
    columns["baseline"], columns["target"] = years[0][0], years[-1][0]
    columns["baseline_year"], columns["target_year"] = years[0][1], years[-1][1]
    columns["targets"] = targets if len(targets) > 1 else [years[-1]]
    if len(years) >= 3 and not targets and "lead" in columns:
        # "2023年 | 2025年 | 2027年 | 牵头单位": a plan's years after its base, each a target its unit answers for
        columns["targets"] = years[1:]
    if len(years) == 1 or years[0] in targets:  # a table of targets only, or a baseline column without a year
        columns["baseline"] = columns.pop("baseline_without_year", None)
        columns["baseline_year"] = None
    columns.pop("baseline_without_year", None)
    return columns


def read_value(cell: str) -> tuple[float | None, str, str]:
    """(value, comparator, kind) of a cell: "≤14.5" → (14.5, le, value); "1：1.3" → (1.3, about…);
    "同比提高" → (None, "", increase)."""
    cell = re.sub(r"\s", "", cell)
    if cell in NO_VALUE:
        return None, "", ""
    if m := VALUE.match(cell):
        word = m.group("before") or m.group("after") or ""
        comparator = COMPARATOR.get(word, "about" if m.group("ratio") else "")
        return float(m.group("value")), comparator, "value"
    for pattern, kind in KIND_WORDS:
        if pattern.search(cell):
            return (100.0 if "全覆盖" in cell else None), "", kind
    return None, "", ""


# an indicator table a copy ran together into one string (caption, header and rows with no cell separators):
# "专栏1：…主要指标序号指标2010年2015年2015年比2010年增长1化学需氧量排放总量（万吨）2551.72347.6-8%2氨氮…"
RUN_CAPTION = re.compile(r"(?:表|专栏)\s*(\d+)[\s　.．:：]*[^\n。]{0,40}?指\s*标")
RUN_ROW = re.compile(
    r"(?P<number>\d{1,2})?(?P<name>[^\d（）()\s][^（）()]{1,60}?[（(](?P<unit>[^（）()]{1,6})[）)])"
    r"(?P<values>[\d.<>＜＞≥≤≧≦]+[\-－+]?[\d.]*)(?P<change_unit>%|个百分点)"
)
NUMBER = re.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")


def _split_run(values: str, change_unit: str) -> tuple[float, str, float] | None:
    """(baseline, comparator symbol, target) of a row's values run together ("2551.72347.6-8" with %, "55>605" with
    个百分点): the one way to cut the digits into baseline, target and change that the change agrees with (a share
    of the baseline for %, a difference for 个百分点); None when no cut or several agree."""
    symbol = re.search(r"[<>＜＞≥≤≧≦]", values)
    sign = re.search(r"(?<=\d)[\-－+](?=[\d.]+$)", values)
    digits = re.sub(r"[<>＜＞≥≤≧≦\-－+]", "", values)
    fixed = symbol.start() if symbol else None  # a symbol ends the baseline
    cut_change = sign.start() - (1 if symbol and symbol.start() < sign.start() else 0) if sign else None
    found = []
    for i in [fixed] if fixed is not None else range(1, len(digits)):
        for j in [cut_change] if cut_change is not None else range(i + 1, len(digits)):
            a, b, c = digits[:i], digits[i:j], digits[j:]
            if not all(NUMBER.match(x) for x in (a, b, c)):
                continue
            baseline, target, change = (
                float(a),
                float(b),
                float(c) * (-1 if sign and sign.group(0) in "-－" else 1),
            )
            if change_unit == "%":
                agrees = baseline and abs((target - baseline) / baseline * 100 - change) <= 0.5
            else:
                agrees = abs(target - baseline - change) <= 0.05
            if agrees:
                found.append((baseline, symbol.group(0) if symbol else "", target))
    return found[0] if len(found) == 1 else None


def _run_together_rows(text: str) -> list[dict]:
    """The rows of an indicator table whose cells a copy ran together, read only where a change column checks
    the cut: the header's first year is the baseline's, its second the target's."""
    flat = re.sub(r"[\s　]+", "", text)
    found = []
    for caption in RUN_CAPTION.finditer(flat):
        header = list(YEAR_HEADER.finditer(flat, caption.end(), caption.end() + 40))[:2]
        # the first row opens right after the header (its change column's label at most between)
        first_row = (
            re.compile(r"(?<![\d.])1(?=[^\d年.．、（(])").search(
                flat, header[-1].end(), header[-1].end() + 30
            )
            if header
            else None
        )
        if len(header) < 2 or not first_row:
            continue
        years, start = [int(y.group(1)) for y in header], first_row.start()
        number, sub = "", 0
        while row := RUN_ROW.match(flat, start):
            split = _split_run(row.group("values"), row.group("change_unit"))
            if split is None:
                break
            baseline, symbol, target = split
            if row.group("number"):
                number, sub = row.group("number"), 0
            else:
                sub += 1
            found.append(
                asdict(
                    IndicatorRow(
                        table=int(caption.group(1)),
                        area="",
                        number=row.group("number") or f"{number}.{sub}",
                        name=row.group("name"),
                        unit=row.group("unit"),
                        baseline_year=years[0],
                        baseline=baseline,
                        baseline_text=str(baseline),
                        target_year=years[1],
                        target=target,
                        target_text=f"{symbol}{target:g}",
                        comparator=COMPARATOR.get(symbol, ""),
                        kind="value",
                        change_per_year=None,
                        nature="",
                        clause=row.group(0),
                    )
                )
            )
            start = row.end()
    return found


# a PDF's table kept one row a line with its nature BEFORE the target columns ("指 标 单位 属性" then "2025年 年均[累计]"):
# "4 金融市场交易总额 万亿元 预期性 2800左右 -"; a unit cell the PDF wrapped stands half on the line above, half below
# ("万元/", "2 全员劳动生产率 预期性 36左右 -", "人"); a name wrapped stands around the row ("数字经济增加值占全市", "8 % …")
MID_NATURE_HEADER = re.compile(r"指\s*标.*单\s*位\s*属\s*性")
MID_NATURE_ROW = re.compile(
    r"^(?P<number>\d{1,2})\s+(?P<before>.*?)\s*(?P<nature>预期性|约束性)\s+(?P<first>\S+)\s+(?P<second>\S+)\s*$"
)
MID_NATURE_UNIT = re.compile(
    r"^(?:%|‰|[^\s\d%]{0,3}(?:元|人|家|件|岁|米|亩|吨|座|个|次|项|天|年|公里)(?:/[^\s\d]{1,3})?)$"
)
# "[累计达到1000]", "[20]", "5左右", ">60", "<0.01": a target cell; "-" none
MID_NATURE_VALUE = re.compile(r"^\[?(?:累计(?:达到)?)?(?P<value>[<>]?\d+(?:\.\d+)?(?:左右)?)\]?$")


def _mid_nature_rows(text: str) -> list[dict]:
    """The rows of a table whose header reads "指标 单位 属性" before its year columns, one row a line; each target
    column's value dated by the header's year (a 年均/累计 column is the period that ends then)."""
    lines = [line.strip() for line in text.splitlines()]
    found = []
    for h, line in enumerate(lines):
        if not MID_NATURE_HEADER.search(line):
            continue
        years = [int(y) for x in lines[h : h + 4] for y in YEAR_HEADER.findall(x)]
        if not years:
            continue
        for k in range(h + 1, min(h + 80, len(lines))):
            row = MID_NATURE_ROW.match(lines[k])
            if not row:
                continue
            before = row.group("before").split()
            unit = before.pop() if before and MID_NATURE_UNIT.match(before[-1]) else ""
            above, below = lines[k - 1], lines[k + 1] if k + 1 < len(lines) else ""
            if not unit and "/" in above and len(above) <= 4 and " " not in above and 0 < len(below) <= 2:
                unit = above + below  # "万元/" … "人", "人/亿" … "元"
            for cell in (row.group("first"), row.group("second")):
                value = MID_NATURE_VALUE.match(cell)
                target, comparator, _kind = read_value(value.group("value")) if value else (None, "", "")
                if target is None:
                    continue
                found.append(
                    asdict(
                        IndicatorRow(
                            table=0,
                            area="",
                            number=row.group("number"),
                            name=" ".join(before),
                            unit=unit,
                            baseline_year=None,
                            baseline=None,
                            baseline_text="",
                            target_year=years[0],
                            target=target,
                            target_text=cell,
                            comparator=comparator or "ge",
                            kind="value",
                            change_per_year=None,
                            nature="binding" if "约束" in row.group("nature") else "expected",
                            clause=lines[k],
                        )
                    )
                )
    return found


def indicator_rows(text: str) -> list[dict]:
    """Every row of every indicator table in the document, sub-rows numbered 5.1, 5.2…"""
    text = normalise(text)
    found = []
    for table, _caption, rows in [*_blocks(text), *_flat_blocks(text)]:
        columns = _columns(rows[0]) if rows else None
        if columns is None:
            continue
        width = len(rows[0])
        area, number, sub = "", "", 0
        for cells in rows[1:]:
            if len(cells) == 1 and "area" in columns:
                area = cells[0]  # an area spanning the rows below
                continue
            if len(cells) == width - 1 and columns.get("area") == 0:
                cells = ["", *cells]
            if len(cells) > width and not any(cells[width:]):
                cells = cells[:width]
            if len(cells) != width:
                continue
            area = cells[columns["area"]] if "area" in columns and cells[columns["area"]] else area
            name = cells[columns["name"]]
            if not name:
                continue
            stated = cells[columns["number"]] if "number" in columns else ""
            if stated:
                number, sub = stated, 0
            else:
                sub += 1
            baseline_text = cells[columns["baseline"]] if columns["baseline"] is not None else ""
            baseline, _c, _k = read_value(baseline_text)
            unit = (
                UNIT_BEFORE_NOTE.search(name)
                or UNIT_AT_END.search(name)
                or (
                    re.match(r"(.+)", cells[columns["unit"]])
                    if "unit" in columns and cells[columns["unit"]]
                    else None
                )
            )
            nature = cells[columns["nature"]] if "nature" in columns else ""
            for target_year, target_text in [
                (year, part) for column, year in columns["targets"] for part in _labelled_parts(cells[column])
            ]:
                target, comparator, kind = read_value(
                    # "12.3年以上" under "…受教育年限(年)": the row's own unit written after the value
                    re.sub(rf"(?<=\d){re.escape(unit.group(1).strip())}", "", target_text)
                    if unit and unit.group(1).strip() not in ("%", "‰", "")
                    else target_text
                )
                # ">85%" under a name that gives no unit, with no unit column: the value's own sign is its unit
                written = VALUE.match(re.sub(r"\s", "", target_text)) if not unit else None
                change = CHANGE.search(target_text) if kind == "change_per_year" else None
                found.append(
                    asdict(
                        IndicatorRow(
                            table=table,
                            area=area,
                            number=stated or f"{number}.{sub}",
                            name=name,
                            unit=re.sub(r"\s", "", unit.group(1))
                            if unit
                            else (written.group("unit") or "")
                            if written
                            else "",
                            baseline_year=columns["baseline_year"],
                            baseline=baseline,
                            baseline_text=baseline_text,
                            target_year=target_year,
                            target=target,
                            target_text=target_text,
                            comparator=comparator,
                            kind=kind or ("value" if target is not None else ""),
                            change_per_year=(
                                float(change.group(2)) * (-1 if change.group(1) in "降低下降减少" else 1)
                                if change
                                else None
                            ),
                            nature="binding" if "约束" in nature else "expected" if "预期" in nature else "",
                            clause=" ".join(
                                x for x in (stated, name, baseline_text, target_text, nature) if x
                            ),
                        )
                    )
                )
    found = found + _run_together_rows(text) + _mid_nature_rows(text)
    return _with_grid_rows(text, found) + _sideways_rows(text)


def _sideways_rows(text: str) -> list[dict]:
    """reader59: the rows of a table laid out sideways (names in one row, values under "2022年目标值"), transposed.py's."""
    return [
        _value_row(
            number=str(k + 1),
            name=r["name"],
            unit=r["unit"],
            target_year=r["year"],
            target=r["value"],
            target_text=r["text"],
            comparator=r["comparator"],
            clause=f"{r['name']} {r['text']}",
        )
        for k, r in enumerate(transposed.rows(text))
    ]


def _value_row(**fields) -> dict:
    """A table row read by a reader outside this module (grid.py's, transposed.py's): a value, no yearly change; the
    fields it does not give are empty."""
    row = dict(table=0, area="", baseline_year=None, baseline=None, baseline_text="", nature="")
    row.update(fields)
    return asdict(IndicatorRow(kind="value", change_per_year=None, **row))


def _same_name(name: str) -> str:
    return re.sub(r"^\d{1,2}[.．、]|[\s（）()%]", "", name)


def _target_key(row: dict) -> tuple:
    return row["target"], row["target_year"], row["comparator"] or "ge"


def _with_grid_rows(text: str, found: list[dict]) -> list[dict]:
    """The rows above with those of grid.py (tables read by their cells' content). A table no reader above read adds
    its rows. The rows they gave of a table grid.py reads (by a row's name, or by a target it holds) give way to
    grid.py's when it reads every target they read and more, or the same with more units; a table of a caption's
    number ("表1", _blocks') stays its reader's."""
    rows = []
    for table in grid.read_tables(text):
        names = {_same_name(r["name"]) for r in table.rows}
        held = {(r["target"], r["target_year"]) for r in table.rows}
        theirs = [
            r
            for r in found
            if _same_name(r["name"]) in names
            or (r["target"] is not None and (r["target"], r["target_year"]) in held)
        ]
        if theirs:
            mine = Counter(_target_key(r) for r in table.rows)
            read = Counter(_target_key(r) for r in theirs if r["target"] is not None)
            if (
                any(r["table"] for r in theirs)
                or not read <= mine
                or (
                    read == mine
                    and sum(bool(r["unit"]) for r in table.rows) <= sum(bool(r["unit"]) for r in theirs)
                )
            ):
                continue  # a captioned table ("表1", _blocks'), or one its reader reads as well: theirs
        found = [r for r in found if not any(r is t for t in theirs)]
        rows += [
            _value_row(
                area=r["area"],
                number=r["number"],
                name=r["name"],
                unit=r["unit"],
                baseline_year=r["baseline_year"],
                baseline=r["baseline"],
                baseline_text=r["baseline_text"],
                target_year=r["target_year"],
                target=r["target"],
                target_text=r["target_text"],
                comparator=r["comparator"],
                nature=r["nature"],
                clause=" ".join(
                    x for x in (r["number"], r["name"], r["baseline_text"], r["target_text"]) if x
                ),
            )
            for r in table.rows
        ]
    return found + rows
