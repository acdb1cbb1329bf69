"""An indicator table read by what its cells hold, not by its layout (issue 12, point 4).

tables.py has one reader per layout met (tab rows, one cell a line, "|"-joined rows, a PDF's spaced rows…); a layout
not met before was missed until a rule was written for it. This reader makes no assumption on the separators: every
line is cut into cells (at "|", tabs or wide spaces; a line without them is one cell), the header is found by what its
cells say (years, 目标/基期 words, 属性, 单位, 序号, 指标…), each column given a role from its label, and the rows are cut
out of the stream of cells by content: a row is [number] name [unit] values [nature]; a name after the values of a row
opens the next one, whether the rows stood a line each or a cell a line. Values are set into the value columns from the
right (a copy leaves empty cells out). `tables.indicator_rows` adds what this reader finds in tables no specific reader
read.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from tixi.ledger.engine.parse import COMPARATORS, FIVE_YEAR_ENDS, FIVE_YEAR_NUMBER, is_organisation

# a header cell by its role (spaces taken out first: "指 标", "2025 年")
YEAR_CELL = re.compile(r"(?:(\d{4})年?)")
ROLE_CELLS = (
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    ("nature", re.compile(r"^(?:指标)?(?:属性|性质|类型)$")),
    ("unit", re.compile(r"^(?:计量)?单位$")),
    ("lead", re.compile(r"^(?:牵头|责任|负责)(?:单位|部门)$")),
    ("note", re.compile(r"^(?:备注|说明)$")),
    ("area", re.compile(r"^(?:领域|类别|分类|方面|一级指标|指标类别|类型)$")),
    ("rate", re.compile(r"^(?:“?十[一二三四五六七]五”?)?(?:年均|累计)(?:增长|增速|增幅|变化|增量)?.{0,8}$")),
    (
        "value",
        re.compile(
            r"^(?:“?十[一二三四五六七]五”?)?(?:末|期末)?(?:\d{4}年?)?(?:年底|年末)?"
            r"(?:基期|基数|现状|实绩|完成|实际|规划|预期|目标|期末)?(?:值|水平|情况|数)?"
            r"(?:目标值?|预期值?)?(?:\d{4}年?)?$"
        ),
    ),
    ("value", re.compile(r"^(?:其中[:：])?(?:\d{4}年)?(?:计划|规划)?任务$")),
    (
        "name",
        re.compile(
            r"^(?:二级|三级|主要|具体|核心)?(?:指标|项目)(?:名称|内容)?(?:及(?:其)?(?:计算方法|说明|口径))?$"
        ),
    ),
)
BASELINE_WORDS = re.compile(r"基期|基数|现状|实绩|完成|实际")
TARGET_WORDS = re.compile(r"目标|规划|预期|任务|十[一二三四五六七]五”?期?末")
# a value of a target cell: "≥30", "90%以上", "[20]", "累计达到1000", "5左右", "12-15", "1：1.3" is a ratio (no target)
VALUE_CELL = re.compile(
    r"^[\[［【]?(?:累计(?:达到)?)?(?:[比较]\d{4}年末?)?(?P<change>下降|降低|减少|提高|增长|提升|增加)?(?P<before>[≤≥<>≦≧＜＞]|不低于|不少于|不高于|不超过|低于|高于|超过|达到)?"
    r"(?P<value>\d+(?:\.\d+)?)(?P<unit>%|‰|％)?(?:[-－~～—至](?P<upper>\d+(?:\.\d+)?)(?:%|‰|％)?)?"
    r"(?P<after>及以上|及以下|以上|以下|以内|左右)?[\]］】]?$"
)
# the sentence reader's words, and the symbols and words tables use besides (tables.py reads its cells with this one too)
COMPARATOR = {
    **COMPARATORS,
    "≦": "le", "不高于": "le", "≧": "ge", "<": "lt", "＜": "lt", ">": "gt", "＞": "gt", "高于": "gt",
}  # fmt: skip
NATURE = re.compile(r"^(?:预期性|约束性|倡导性|指导性|预期|约束|引导性)$")
EMPTY = {"—", "-", "——", "/", "－", "－－", "…"}
UNIT_AT_END = re.compile(r"[（(]\s*([^（）()、，,]{1,10})\s*[）)]\s*$")
# a row number: "1", "12", "1.", "（3）"
ROW_NUMBER = re.compile(r"^[（(]?(\d{1,2})[.．、)）]?$")
# a name that opens with its number ("1.学前教育毛入园率(%)")
NUMBERED_NAME = re.compile(r"^\d{1,2}[.．、]\s*(?=\D)")
# a note under a row ("说明:…", "注：…", "计算方法:…")
EXPLANATION = re.compile(r"^(?:说明|注|备注|计算方法|资料来源|数据来源)\d?\s*[:：]")
PERIOD_NOTE = re.compile(r"[（(][^（）()]{0,8}(?:\d+年|累计|新增)[^（）()]{0,8}[）)]\s*$")
GROUP_LABEL = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])")


def _cells_of(line: str) -> list[str]:
    """The cells of one line: cut at "|", at tabs or at two spaces or more (a PDF's columns); spaces inside a cell
    go ("指 标", "2025 年"). A line without such cuts is one cell."""
    line = line.strip().strip("\u3000")
    if "|" in line:
        parts = line.split("|")
    elif "\t" in line:
        parts = line.split("\t")
    else:
        parts = re.split(r"(?:\s{2,}|\u3000+)", line)
        if all(len(part.strip()) <= 1 for part in parts):
            parts = ["".join(parts)]  # "指  标": one label's characters spaced apart
    return [re.sub(r"\s+", "", part) for part in parts if part.strip(" \u3000\t")]


def _role(cell: str) -> str | None:
    for role, pattern in ROLE_CELLS:
        if pattern.match(cell):
            if role == "value" and not (
                YEAR_CELL.search(cell) or TARGET_WORDS.search(cell) or BASELINE_WORDS.search(cell)
            ):
                return None
            return role
    return None


def target_value(cell: str) -> tuple[float, str, str] | None:
    """(value, comparator, unit written with it) of a target cell; a range gives its lower bound (ge)."""
    m = VALUE_CELL.match(cell.replace("％", "%"))
    if not m:
        return None
    if m.group("upper"):
        low, high = float(m.group("value")), float(m.group("upper"))
        if high <= low:
            return None
        return low, "ge", m.group("unit") or ""
    word = m.group("before") or m.group("after") or ""
    # "较2022年下降3%": a change, its unit the cell's own
    unit = (m.group("unit") or "") + ("!" if m.group("change") and m.group("unit") else "")
    return float(m.group("value")), COMPARATOR.get(word, ""), unit


# a value cell: a number with at most a few words about it ("≥30", "99%以上", "12.3年以上", "1：1.3"), or an empty one
VALUE_LIKE = re.compile(
    r"^[\[［【]?(?:累计(?:达到)?)?[≤≥<>≦≧＜＞]?\d+(?:\.\d+)?[^\d]{0,4}(?:[\d.：:~～\-－]+[^\d]{0,4})?$"
)
UNIT_CELL = re.compile(r"^(?:%|‰|％|[^\d\s≤≥<>≦≧＜＞\-—－/]{1,5}(?:/[^\d\s]{1,4})?|\d*/\d*[^\d\s.]{1,3})$")
# a note in brackets after a value ("(市级测算)"): no cell of the row
NOTE_CELL = re.compile(r"^[（(][^（）()]*[）)]$")


# a value for a group of places: "重点城市≥30", "设市城市≥55"
LABELLED_VALUE = re.compile(r"^[^\d≥≤<>＜＞≦≧]{1,8}(?P<value>[≥≤<>＜＞≦≧]\s*\d+(?:\.\d+)?\s*[%‰]?)$")


# a target in words ("持续改善", "建成", "每年提升2%左右或不低于全省平均水平"): a value cell that gives no number
WORD_TARGET = re.compile(
    r"持续|建成|实现|提升|改善|下降|降低|提高|保持|达到|完成|稳定|增长|不低于|不高于|控制|全覆盖|逐步|明显|显著|同步|减少|增加"
    r"|下达|目标值|平均水平"
)


def _is_value(cell: str) -> bool:
    if re.match(r"[≤≥<>≦≧＜＞]?\d", cell):
        cell = re.sub(
            r"[（(][^（）()]{1,8}[）)]$", "", cell
        )  # "35(邵阳市)", "78.2(2021年)": a value and its note
    return (
        cell in EMPTY
        or target_value(cell) is not None
        or bool(VALUE_LIKE.match(cell))
        or bool(LABELLED_VALUE.match(cell))
    )


def _stays(cell: str, columns: list["Column"]) -> bool:
    """A cell of words after a row's values that is still the row's: a target in words, or the units a lead column
    names; any other opens the next row (or is the label of the rows to come)."""
    if WORD_TARGET.search(cell):
        return True
    first = re.split(r"[、,，;；]", cell)[0]
    return any(c.role == "lead" for c in columns) and is_organisation(first)


@dataclass
class Column:
    role: str
    label: str
    year: int | None = None
    target: bool = False


@dataclass
class Table:
    header_line: int
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    notes: list[int] = field(
        default_factory=list
    )  # the lines of notes under its rows ("计算方法:…", "说明:…")


def _header_columns(labels: list[str], period_year: int | None) -> list[Column] | None:
    """The columns of a header whose cells are `labels`; None when they are no indicator table's header (no name
    column, or no value column)."""
    columns: list[Column] = []
    for label in labels:
        role = _role(label)
        if role is None:
            return None
        year = YEAR_CELL.search(label)
        if (
            role == "value"
            and columns
            and columns[-1].role == "value"
            and not year
            and columns[-1].year
            and (columns[-1].label == f"{columns[-1].year}年" or columns[-1].label == str(columns[-1].year))
        ):
            # "2020年" then "规划目标": one column's label over two lines
            columns[-1].label += label
            continue
        if (
            role == "nature"
            and columns
            and columns[-1].label == "指标"
            and any(c.role == "name" for c in columns[:-1])
        ):
            columns[-1] = Column(
                "nature", "指标" + label
            )  # "指标" / "属性": the nature's label over two lines
            continue
        columns.append(Column(role, label, int(year.group(1)) if year and role == "value" else None))
    values = [c for c in columns if c.role == "value"]
    if not values or not any(c.role in ("name", "number", "area") for c in columns):
        return None
    for c in values:
        if c.year is None and (own := re.search(FIVE_YEAR_NUMBER, c.label)):
            c.year = FIVE_YEAR_ENDS.get(own.group(1))  # "“十四五”期末": the end of the period it names
        if c.year is None and TARGET_WORDS.search(c.label):
            c.year = period_year
    marked = [c for c in values if TARGET_WORDS.search(c.label) and not BASELINE_WORDS.search(c.label)]
    if marked:
        last = max((c.year for c in values if c.year), default=None)
        for c in marked:
            # "“十三五”末" before "“十四五”末": an earlier period's end is the baseline
            ended_only = not re.search(r"目标|规划|预期|任务", c.label)
            c.target = c.year is not None and not (ended_only and c.year != last)
    else:
        plain = [c for c in values if not BASELINE_WORDS.search(c.label) and c.year]
        first = values[0]
        for c in plain:
            # an unmarked year column after the first is a goal; one year column alone is the goal, and so is the
            # first of columns that all name one year ("2025年 | 2025", under "(海南) | (国家)")
            c.target = c is not first or len(values) == 1 or len({v.year for v in values}) == 1
    seen_years = set()
    for c in values:
        if c.target and c.year in seen_years:
            c.target = False  # a year's goal restated for another scope (the nation's beside the plan's own)
        if c.target:
            seen_years.add(c.year)
    if not any(c.target for c in columns):
        return None
    return columns


def _period_year(lines: list[str], at: int) -> int | None:
    """The end year of the five-year period a caption or header names near line `at` ("“十四五”…主要指标")."""
    for line in reversed(lines[max(0, at - 6) : at + 3]):
        if m := re.search(FIVE_YEAR_NUMBER, line):
            return FIVE_YEAR_ENDS.get(m.group(1))
    return None


def _stream(lines: list[str], start: int, end: int) -> list[tuple[int, list[str]]]:
    """(line index, cells) of the non-empty lines from start to end."""
    out = []
    for n in range(start, end):
        cells = _cells_of(lines[n])
        if cells:
            out.append((n, cells))
    return out


def _find_header(stream: list[tuple[int, list[str]]], k: int, lines: list[str], text_year: int | None = None):
    """(columns, index after the header) when a header opens at stream[k]: its cells on one line, or one a line
    over consecutive lines."""
    n, cells = stream[k]
    if len(cells) >= 2:
        columns = _header_columns(cells, _period_year(lines, n) or text_year)
        if columns and len(columns) >= 2:
            return columns, k + 1
        return None
    labels, m = [], k
    while m < len(stream) and len(stream[m][1]) == 1 and _role(stream[m][1][0]):
        labels.append(stream[m][1][0])
        m += 1
    if len(labels) >= 3:
        columns = _header_columns(labels, _period_year(lines, n) or text_year)
        if columns and len(columns) >= 3:
            return columns, m
    return None


def _starts_row(stream, m: int, expected: int | None = None) -> bool:
    """A row number opens a row here: a small number on a line of its own (the next in order, where known), then
    a name that is no value."""
    number = ROW_NUMBER.match(stream[m][1][0]) if m < len(stream) and len(stream[m][1]) == 1 else None
    return (
        m + 1 < len(stream)
        and number is not None
        and (expected is None or int(number.group(1)) in (expected, 1))
        and len(stream[m + 1][1]) >= 1
        and not _is_value(stream[m + 1][1][0])
        and not NATURE.match(stream[m + 1][1][0])
    )


def _numbered_rows(stream, m: int) -> bool:
    """Rows 1 and 2 open with their numbers within the next cells, one a line."""
    opened = [
        int(ROW_NUMBER.match(stream[n][1][0]).group(1))
        for n in range(m, min(m + 30, len(stream)))
        if _starts_row(stream, n)
    ]
    return opened[:2] == [1, 2]


def _row_cells(stream, k: int, columns: list[Column], one_a_line: bool, expected: int | None = None):
    """(cells of one row or group label, next index, line), cut by content: a row number, or a name after the
    values, opens the next row; a nature cell closes one."""
    n, cells = stream[k]
    if len(cells) == 1 and EXPLANATION.match(cells[0]):
        return None, k + 1, n  # "说明:…" under a row: no row
    if len(cells) >= 2 or not one_a_line:
        return list(cells), k + 1, n
    has_number = any(c.role == "number" for c in columns)
    has_unit = any(c.role == "unit" for c in columns)
    row, m, seen_value = [], k, False
    while m < len(stream) and len(stream[m][1]) == 1:
        cell = stream[m][1][0]
        if EXPLANATION.match(cell) and not row:
            return None, m + 1, n  # "说明:…" under a row: no row
        if (len(cell) > 40 or cell.endswith("。")) and not (len(row) == 1 and ROW_NUMBER.match(row[0])):
            break  # prose: the table is over (a numbered row's long name aside)
        if NATURE.match(cell):
            row.append(cell)
            m += 1
            break
        if has_number and _starts_row(stream, m, expected if row else None):
            if row:
                break
            row.append(cell)
            expected = int(ROW_NUMBER.match(cell).group(1)) + 1  # the number that opens the next row
            m += 1
            continue
        if seen_value and NOTE_CELL.match(cell):
            m += 1
            continue
        if _is_value(cell) and not (has_unit and not seen_value and row and UNIT_CELL.match(cell)):
            row.append(cell)
            seen_value = True
            m += 1
            continue
        if seen_value and not (has_number and re.search(r"\d", cell)) and not _stays(cell, columns):
            # a name after the values opens the next row; in a numbered table a cell of words with a number stays a
            # value of this row ("比2015年(24.31)降低10个百分点")
            break
        row.append(cell)
        m += 1
    return row, max(m, k + 1), n


def _labelled_groups(values: list[str], width: int) -> list[str]:
    """A row's values when some are labelled by places one a cell ("——", "重点城市≥30", "一般城市≥15" over two
    columns): the labelled ones of one column joined by "；"."""
    if width < 1 or len(values) <= width or not any(LABELLED_VALUE.match(v) for v in values):
        return values
    if all(LABELLED_VALUE.match(v) for v in values) and len(values) % width == 0:
        size = len(values) // width
        return ["；".join(values[n : n + size]) for n in range(0, len(values), size)]
    plain = width - 1
    if all(not LABELLED_VALUE.match(v) for v in values[:plain]) and all(
        LABELLED_VALUE.match(v) for v in values[plain:]
    ):
        return [*values[:plain], "；".join(values[plain:])]
    return values


def _fits(cell: str, role: str) -> bool:
    """A cell's content agrees with its column's role."""
    if role == "number":
        return cell == "" or ROW_NUMBER.match(cell) is not None
    if role == "nature":
        return NATURE.match(cell) is not None
    if role in ("value", "rate"):
        return _is_value(cell) or bool(re.search(r"\d", cell)) or len(cell) <= 8
    if role == "unit":
        return UNIT_CELL.match(cell) is not None or cell in EMPTY
    if role == "name":
        return not _is_value(cell) and not NATURE.match(cell)
    return not NATURE.match(cell)


def _by_position(row: list[str], columns: list[Column]):
    """A row with a cell for every column, each cell agreeing with its column (the columns in any order): its
    cells by position."""
    roles = [c.role for c in columns]
    if len(row) != len(columns) or "name" not in roles or not all(map(_fits, row, roles)):
        return None
    if not any(_is_value(cell) for cell, role in zip(row, roles, strict=True) if role == "value"):
        return None
    at = {role: row[n] for n, role in reversed(list(enumerate(roles)))}
    placed = {n: cell for n, cell in enumerate(row) if roles[n] in ("value", "rate")}
    labels = [at["area"]] if at.get("area") else []
    return at.get("number", ""), labels, at["name"], at.get("unit", ""), placed


def _place(row: list[str], columns: list[Column]):
    """(number, labels before the name, name, unit cell, {column index: cell}) of a row's cells."""
    if by_position := _by_position(row, columns):
        return by_position
    cells = list(row)
    number, texts = "", []
    for p in range(len(cells) - 1):
        if ROW_NUMBER.match(cells[p]) and not _is_value(cells[p + 1]) and not NATURE.match(cells[p + 1]):
            # "(一) | 健康知识普及行动 | 结果性指标 | 1 | 居民健康素养水平(%) | …": the labels of the group the row opens, then
            # its number and its name
            texts, number, cells = cells[:p], cells[p], cells[p + 1 :]
            break
        if _is_value(cells[p]) or NATURE.match(cells[p]):
            break
    while cells and not _is_value(cells[0]) and not NATURE.match(cells[0]):
        texts.append(cells.pop(0))
    if not texts:
        return None
    unit_cell = ""
    has_unit = any(c.role == "unit" for c in columns)
    if has_unit and len(texts) >= 2 and UNIT_CELL.match(texts[-1]):
        unit_cell = texts.pop()
    name = texts[-1]
    labels = texts[:-1]
    if has_unit and not unit_cell and cells and UNIT_CELL.match(cells[0]) and len(cells) > 1:
        unit_cell = cells.pop(0)
    if any(c.role in ("lead", "note") for c in columns):
        while cells and not _is_value(cells[-1]) and not NATURE.match(cells[-1]):
            cells.pop()  # a lead unit or a note after the values
    if cells and NATURE.match(cells[-1]):
        cells.pop()
    values = [c for c in cells if not NOTE_CELL.match(c)]
    value_columns = [i for i, c in enumerate(columns) if c.role in ("value", "rate")]
    width = len(value_columns)
    parts = len(values) // width if width else 0
    if (
        len(texts) >= 2
        and any(t.startswith("其中") for t in texts[1:])
        and not unit_cell
        and width
        and len(values) % width == 0
        and 2 <= parts <= len(texts)
    ):
        # a row and its parts ("1.幼儿教师…比例(%)", "其中:本科…比例(%)", then each column's values, the row's and its
        # parts' in turn): one row a part, the first name only a heading when the values fill fewer rows
        named = texts[len(texts) - parts :]
        return [
            (number, labels, part, "", {c: values[n * parts + p] for n, c in enumerate(value_columns)})
            for p, part in enumerate(named)
        ]
    values = _labelled_groups(values, width)
    placed = dict(zip(reversed(value_columns), reversed(values), strict=False))
    return number, labels, name, unit_cell, placed


# a value a goal's words open ("达到90%", "比2021年下降10%以上"): the sentence reader reads it as a sentence
WORDED_VALUE = re.compile(r"^(?:达到|[比较]\d{4}年)")


def _nature_of(row: list[str]) -> str:
    nature = next((cell for cell in row if NATURE.match(cell)), "")
    return "binding" if "约束" in nature else "expected" if "预期" in nature else ""


def _add_rows(
    table: Table,
    columns: list[Column],
    placed: tuple,
    area: str,
    header_unit: str,
    line_no: int,
    nature: str = "",
) -> None:
    """The targets of one placed row: one per target column (and per labelled value of a cell)."""
    number, _labels, name, unit_cell, values = placed
    baseline_at = next((n for n in values if columns[n].role == "value" and not columns[n].target), None)
    baseline_text = values[baseline_at] if baseline_at is not None else ""
    baseline = target_value(baseline_text) if baseline_text else None
    name = NUMBERED_NAME.sub("", name)
    # "(万亩)(5年新增量)": the unit, then a note of the period the value covers
    unit_m = UNIT_AT_END.search(PERIOD_NOTE.sub("", name))
    for index, cell in values.items():
        column = columns[index]
        if not column.target:
            continue
        for part in cell.split("；"):
            labelled = LABELLED_VALUE.match(part)
            unit = unit_m.group(1).strip() if unit_m else unit_cell
            if unit and unit not in ("%", "‰"):
                # "12.3年以上" under "…受教育年限(年)": the row's own unit written after the value
                part = re.sub(rf"(?<=\d){re.escape(unit)}", "", part)
            read = target_value(labelled.group("value") if labelled else part)
            if read is None or WORDED_VALUE.match(part):
                continue
            value, comparator, written = read
            if written.endswith("!"):
                unit, written = written[:-1], written[:-1]
            table.rows.append(
                {
                    "area": area,
                    "number": number,
                    "name": name,
                    "unit": unit or header_unit or written,
                    "target": value,
                    "target_text": part,
                    "target_year": column.year,
                    "comparator": comparator,
                    "line": line_no,
                    "baseline": baseline[0] if baseline else None,
                    "baseline_text": baseline_text,
                    "baseline_year": columns[baseline_at].year if baseline_at is not None else None,
                    "nature": nature,
                }
            )


def read_tables(text: str) -> list[Table]:
    """Every indicator table found in the text by its header's content, with its rows' targets."""
    lines = text.split("\n")
    stream = _stream(lines, 0, len(lines))
    # the document's target year, its 到YYYY年 most often written: the year of a goal column that names none ("目标值")
    horizons = Counter(int(y) for y in re.findall(r"到\s*(\d{4})\s*年", text))
    text_year = horizons.most_common(1)[0][0] if horizons else None
    tables, k = [], 0
    while k < len(stream):
        found = _find_header(stream, k, lines, text_year)
        if not found:
            k += 1
            continue
        columns, m = found
        if not any(c.role == "number" for c in columns) and _numbered_rows(stream, m):
            # "领域 | 指标 | 2025年" over rows numbered 1, 2, 3…: the copy left the 序号 cell out of the header
            columns.insert(0, Column("number", ""))
        table = Table(stream[k][0], columns)
        header_unit = next(
            (u.group(1) for c in columns if c.role == "value" and (u := UNIT_AT_END.search(c.label))), ""
        )
        one_a_line = len(stream[k][1]) == 1
        area, misses, last_line, expected = "", 0, stream[m - 1][0], None
        while m < len(stream) and misses < 3 and stream[m][0] - last_line <= 4:
            row, m_next, line_no = _row_cells(stream, m, columns, one_a_line, expected)
            placed = _place(row, columns) if row else None
            m = m_next
            if row and (opened := ROW_NUMBER.match(row[0])) and len(row) > 1:
                expected = int(opened.group(1)) + 1
            last_line = stream[m - 1][0]
            if isinstance(placed, list):
                misses = 0
                for part in placed:
                    _add_rows(table, columns, part, area, header_unit, line_no, _nature_of(row))
                continue
            if row is None:
                table.notes.append(line_no)
                continue
            if row and placed is not None and not placed[4] and NATURE.match(row[-1]):
                continue  # a note, or a row of words only ("倡导性"): no target, the table goes on
            if placed is None or not placed[4]:
                if row and len("".join(row)) <= 20 and not any(_is_value(c) for c in row):
                    area = "".join(row)  # a group label over the rows below
                    continue
                misses += 1
                continue
            misses = 0
            if placed[1]:
                area = placed[1][-1]
            _add_rows(table, columns, placed, area, header_unit, line_no, _nature_of(row))
        roles = {c.role for c in columns}
        if not roles & {"number", "nature", "unit"} and 2 * sum(
            bool(UNIT_AT_END.search(r["name"])) for r in table.rows
        ) < len(table.rows):
            # a header of names and years only over names that give no unit ("林场", "3", "4"): a list of counts, no
            # indicator table
            table.rows = []
        if table.rows:
            tables.append(table)
        k = max(m, k + 1)
    if text_year:
        taken = {r["line"] for table in tables for r in table.rows}
        tables += _headerless(stream, text_year, taken)
    return tables


def _nature_row(cells: list[str]) -> bool:
    """A row a line that a header need not name: three cells or more, [a number,] a name, values, its nature last."""
    if len(cells) < 3 or not NATURE.match(cells[-1]) or not _is_value(cells[-2]):
        return False
    first = 1 if len(cells) >= 4 and ROW_NUMBER.match(cells[0]) else 0
    return not _is_value(cells[first]) and not NATURE.match(cells[first])


def _headerless(stream, text_year: int, taken: set[int]) -> list[Table]:
    """Tables without a header row, known by their rows' content: two rows a line or more in a run, each a name, its
    values and its nature cell last ("1 | 孕产妇死亡率(1/10万) | 9.7 | <9 | 预期性"); the value before the nature is the
    goal, for the document's target year (its 到YYYY年)."""
    tables, k = [], 0
    while k < len(stream):
        run = []
        while k < len(stream) and stream[k][0] not in taken and _nature_row(stream[k][1]):
            run.append(stream[k])
            k += 1
        k += 1 if not run else 0
        if len(run) < 2:
            continue
        columns = [Column("name", ""), Column("value", "", text_year, True)]
        table = Table(run[0][0], columns)
        for line_no, cells in run:
            placed = _place(cells, columns)
            if isinstance(placed, tuple) and placed[4]:
                _add_rows(table, columns, placed, "", "", line_no, _nature_of(cells))
        if table.rows:
            tables.append(table)
    return tables


def row_lines(text: str) -> set[int]:
    """The indices (in text.split("\\n")) of the lines that hold a whole row of an indicator table, its cells on the
    line (apart by "|", tabs or wide spaces), which gave a target; and of the notes among such rows."""
    lines, found = text.split("\n"), set()
    for table in read_tables(text):
        rows = {r["line"] for r in table.rows if len(_cells_of(lines[r["line"]])) >= 3}
        every = {r["line"] for r in table.rows}
        if every:
            # and the notes among its rows, in any layout: a row's definition ("计算方法:…超过80%题目的人数…"), no goal
            found |= rows | {n for n in table.notes if min(every) < n < max(every) + 4}
    return found
