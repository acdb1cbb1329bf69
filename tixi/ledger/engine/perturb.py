"""Named, deterministic perturbations of a plan's text: the same document in the shapes planners paste it in.

Each keeps the document's meaning: no number's value changes, no word is added or dropped; only how lines end,
how digits and punctuation are written, where a PDF copy breaks its lines and how a table's cells are set apart and
how its lists are numbered.
A reader right on the plain text and wrong on one of these has fitted a page, not a way of writing (issue 12).
Pure: no Django. The caller strips a held-out file's '#' header before perturbing (held_out_text)."""

import itertools
import random
import re

FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
TO_HALF = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%"})
TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "%": "％"})
CJK = r"[\u4e00-\u9fff]"
NUMBER = re.compile(r"\d+(?:\.\d+)?")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")


def crlf(text: str, seed: int = 0) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


def fullwidth_digits(text: str, seed: int = 0) -> str:
    """２０２５ for 2025 (an input method's full-width mode)."""
    return text.translate(FULL_DIGITS)


def halfwidth_punctuation(text: str, seed: int = 0) -> str:
    """, ; : ( ) % for ，；：（）％."""
    return text.translate(TO_HALF)


def fullwidth_punctuation(text: str, seed: int = 0) -> str:
    """，；：（）％ for , ; : ( ) % — but not a comma or colon between digits (1,000 and 8:30 keep their value)."""
    out = []
    for i, ch in enumerate(text):
        between_digits = (
            ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
        )
        out.append(ch if between_digits else ch.translate(TO_FULL))
    return "".join(out)


def word_spaces(text: str, seed: int = 0) -> str:
    """A Word paste: a space either side of a number between Chinese characters ("到 2025 年") and a full-width
    indent "　　" before each paragraph that is not a table row."""
    text = re.sub(rf"(?<={CJK})(?=\d)|(?<=\d)(?={CJK})", " ", text)
    return "\n".join(
        "\u3000\u3000" + line if line.strip() and not line.lstrip().startswith("|") else line
        for line in text.split("\n")
    )


def pdf_wrap(text: str, seed: int = 0) -> str:
    """A PDF copy: a hard line break every 30-40 characters (seeded), even inside a number or a unit's name;
    table rows ('|' cells) are left whole."""
    rng = random.Random(seed)
    out = []
    for line in text.split("\n"):
        if line.lstrip().startswith("|"):
            out.append(line)
            continue
        while len(line) > 40:
            cut = rng.randint(30, 40)
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def tab_table(text: str, seed: int = 0) -> str:
    """A table copied out of a spreadsheet: cells apart by tabs, no '|' and no rule line."""
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|"):
            if TABLE_RULE.match(stripped) and not re.sub(r"[|:\-\s]", "", stripped):
                continue
            out.append("\t".join(cell.strip() for cell in stripped.strip("|").split("|")))
        else:
            out.append(line)
    return "\n".join(out)


CN_DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# the list markers a line opens with (after an indent, a Markdown '#' or '**'): "一、" "（一）" "1." "1、" "（1）" "①";
# "3.5%" is a decimal, "2025年" no marker, and a marker inside a sentence is no list marker
LIST_MARKER = re.compile(
    r"^(?P<lead>[\s\u3000]*(?:#+\s*)?(?:\*\*)?)"
    r"(?:(?P<cn_dun>[一二三四五六七八九十]{1,3})、"
    r"|[（(](?P<cn_paren>[一二三四五六七八九十]{1,3})[)）]"
    r"|(?P<ar_dot>\d{1,2})[.．](?!\d)"
    r"|(?P<ar_dun>\d{1,2})、"
    r"|[（(](?P<ar_paren>\d{1,2})[)）]"
    r"|(?P<circled>[①-⑳]))"
)
STYLES = ("cn_dun", "cn_paren", "ar_dot", "ar_dun", "ar_paren", "circled")
DEPTH = {"cn_dun": 0, "cn_paren": 1, "ar_dot": 2, "ar_dun": 2, "ar_paren": 3, "circled": 4}


def _cn_value(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23; None for what is no numeral written this way."""
    if numeral == "十":
        return 10
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        value = (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
        return value if "零" not in numeral else None
    return CN_DIGITS.index(numeral) if len(numeral) == 1 else None


def _cn_numeral(value: int) -> str:
    tens, ones = divmod(value, 10)
    return ("" if tens < 2 else CN_DIGITS[tens]) + ("十" if tens else "") + (CN_DIGITS[ones] if ones else "")


def _marker(style: str, value: int) -> str:
    return {
        "cn_dun": lambda: f"{_cn_numeral(value)}、",
        "cn_paren": lambda: f"（{_cn_numeral(value)}）",
        "ar_dot": lambda: f"{value}.",
        "ar_dun": lambda: f"{value}、",
        "ar_paren": lambda: f"（{value}）",
        "circled": lambda: CIRCLED[value - 1],
    }[style]()


def _opening_marker(line: str):
    """(style, ordinal, match) of the list marker a line opens with, or None (a table row has none)."""
    if line.lstrip().startswith("|") or not (found := LIST_MARKER.match(line)):
        return None
    style = next(name for name in STYLES if found.group(name) is not None)
    raw = found.group(style)
    value = (
        CIRCLED.index(raw) + 1
        if style == "circled"
        else int(raw)
        if style.startswith("ar")
        else _cn_value(raw)
    )
    return (style, value, found) if value else None


def numbering(text: str, seed: int = 0) -> str:
    """The list markers in another planner's style: each style the document uses for a level ("（一）", "1.", "①"…)
    becomes another one, the same for every item of that level, no two levels alike and a deeper level still
    written deeper (the hierarchy kept), seeded; a marker inside a sentence and a table's rows are left alone."""
    lines = text.split("\n")
    opened = [_opening_marker(line) for line in lines]
    present, largest = [], {}
    for found in filter(None, opened):
        if found[0] not in present:
            present.append(found[0])
        largest[found[0]] = max(largest.get(found[0], 0), found[1])
    # planners go 一、 > （一） > 1. or 1、 > （1） > ①: a draw keeps that order (a deeper level stays deeper)
    present.sort(key=lambda style: DEPTH[style])
    fits = [
        dict(zip(present, chosen, strict=True))
        for chosen in itertools.combinations(STYLES, len(present))
        if chosen != tuple(present)
        and all(
            (DEPTH[new] > DEPTH[chosen[i - 1]]) == (DEPTH[old] > DEPTH[present[i - 1]])
            for i, (old, new) in enumerate(zip(present, chosen, strict=True))
            if i
        )
        and all(
            not (new == "circled" and largest[old] > 20) and not (new.startswith("cn") and largest[old] > 99)
            for old, new in zip(present, chosen, strict=True)
        )
    ]
    if not fits:
        return text
    mapping = random.Random(seed).choice(fits)
    out = []
    for line, found in zip(lines, opened, strict=True):
        if found:
            style, value, match = found
            line = match.group("lead") + _marker(mapping[style], value) + line[match.end() :]
        out.append(line)
    return "\n".join(out)


OPENS_HEADING = re.compile(
    r"^[\s\u3000]*(?:#|\*\*|第[一二三四五六七八九十百\d]+[章节条部篇]|[一二三四五六七八九十]+、)"
)
ITEM_CLOSED = re.compile(r"[。；;！!？?]\s*$")
LABEL_LINE = re.compile(r"^[^，,。；;]{0,8}(?:单位|部门)[:：]")


def running_list(text: str, seed: int = 0) -> str:
    """A list written as running text ("一是……；二是……；三是……"), as planners often write their measures: each run of
    items numbered alike from 1 ("（一）" "1." "（1）" "①", one style, no deeper list inside them) under a heading or
    a sentence becomes one paragraph, each item opened by "N是" in place of its marker, its lines (a label of units
    under it too) joined, and closed by "；" where it had no stop ("。" the last); headings ("一、"), table rows and markers inside a
    sentence are left alone. Not seeded: every such run is rewritten."""
    lines = text.split("\n")
    opened = [_opening_marker(line) for line in lines]
    out, i = [], 0
    while i < len(lines):
        found = opened[i]
        if not found or found[0] == "cn_dun" or found[1] != 1 or found[2].group("lead").strip():
            out.append(lines[i])
            i += 1
            continue
        style = found[0]
        items, j, gap = [], i, False  # each item: its lines from its marker line on
        while j < len(lines):
            here = opened[j]
            if here and here[0] == style and here[1] == len(items) + 1 and not here[2].group("lead").strip():
                items.append([lines[j][here[2].end() :].strip()])
                gap = False
            elif not lines[j].strip():
                gap = True  # blank lines between items go
            elif here or OPENS_HEADING.match(lines[j]) or lines[j].lstrip().startswith("|"):
                break  # another list, a heading or a table: the run ends
            elif LABEL_LINE.match(lines[j].strip()) or not (gap or ITEM_CLOSED.search(items[-1][-1])):
                items[-1].append(lines[j].strip())  # the item's label of units, or its sentence going on
            else:
                break  # a paragraph after the list: the run ends (and is left, below: it may be the last item's)
            j += 1
        # the run ends at its last item's last line (blank lines after it stay)
        while j > i and not lines[j - 1].strip():
            j -= 1
        after = next((k for k in range(j, len(lines)) if lines[k].strip()), None)
        deeper = after is not None and opened[after] and DEPTH[opened[after][0]] > DEPTH[style]
        # a list followed by a paragraph of no list's, not a heading: that paragraph may be its last item's
        deeper = deeper or (
            after is not None
            and not opened[after]
            and not OPENS_HEADING.match(lines[after])
            and not lines[after].lstrip().startswith("|")
        )
        # a list whose item holds a deeper list (lines, or a running "一是…二是…" of its own) is no run of plain items
        inner = any("一是" in line and "二是" in "".join(item) for item in items for line in item)
        empty = any(not "".join(item).strip() for item in items)  # a copy cut right after a marker
        if len(items) < 2 or deeper or inner or empty:
            out.append(lines[i])
            i += 1
            continue
        parts = []
        for number, item in enumerate(items, start=1):
            # a line of units under the item ("责任单位：…") goes on after a stop
            body = item[0]
            for line in item[1:]:
                body += ("。" if LABEL_LINE.match(line) and not ITEM_CLOSED.search(body) else "") + line
            stop = "" if ITEM_CLOSED.search(body) else "。" if number == len(items) else "；"
            parts.append(f"{_cn_numeral(number)}是{body}{stop}")
        out.append(found[2].group("lead") + "".join(parts))
        i = j
    return "\n".join(out)


# ---- indicator tables re-laid (reader49): the same cells in the other forms copies give a table ----
# a header label and a synonym planners write for it; a cell is swapped whole, never inside a longer text
HEADER_SYNONYMS = {
    "指标": "指标名称", "指标名称": "具体指标", "主要指标": "指标名称", "序号": "编号", "单位": "计量单位",
    "属性": "指标属性", "指标属性": "属性", "性质": "指标性质", "指标性质": "性质", "领域": "类别", "类别": "领域",
}  # fmt: skip
BAR_ROW = re.compile(r"^\s*\|?[^|\n]+(?:\|[^|\n]*){2,}\|?\s*$")
INDICATOR_HEADER_CELL = re.compile(r"指\s*标")
GOAL_HEADER_CELL = re.compile(r"\d{4}\s*年|属\s*性|性\s*质|目标")


def _bar_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _indicator_blocks(lines: list[str]):
    """(start, end) of each run of "|"-rows whose first row is an indicator table's header (a 指标 cell and a year,
    目标 or 属性 cell)."""
    i = 0
    while i < len(lines):
        if not BAR_ROW.match(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and (BAR_ROW.match(lines[j]) or TABLE_RULE.match(lines[j].strip())):
            j += 1
        header = _bar_cells(lines[i])
        if any(INDICATOR_HEADER_CELL.search(c) for c in header) and any(
            GOAL_HEADER_CELL.search(c) for c in header
        ):
            yield i, j
        i = j


def table_header_synonyms(text: str, seed: int = 0) -> str:
    """A table's header labels in the words another planner writes (指标 → 指标名称, 单位 → 计量单位, 属性 → 指标属性,
    序号 → 编号…): a cell swapped whole, on a line of its own or between "|" or tabs."""

    def swap(cell: str) -> str:
        bare = cell.strip()
        return cell.replace(bare, HEADER_SYNONYMS[bare]) if bare in HEADER_SYNONYMS else cell

    out = []
    for line in text.split("\n"):
        if "|" in line:
            line = "|".join(swap(part) for part in line.split("|"))
        elif "\t" in line:
            line = "\t".join(swap(part) for part in line.split("\t"))
        else:
            line = swap(line)
        out.append(line)
    return "\n".join(out)


def table_cell_lines(text: str, seed: int = 0) -> str:
    """An indicator table of "|"-rows as a web page's copy gives it: one cell a line, a blank line between cells,
    the rule line and the empty cells gone."""
    lines = text.split("\n")
    out, at = [], 0
    for start, end in _indicator_blocks(lines):
        out += lines[at:start]
        for line in lines[start:end]:
            if TABLE_RULE.match(line.strip()):
                continue
            for cell in _bar_cells(line):
                if cell:
                    out += [cell, ""]
        at = end
    return "\n".join(out + lines[at:])


def table_columns_moved(text: str, seed: int = 0) -> str:
    """An indicator table of "|"-rows with its last column moved to the second place (the nature or a goal year
    before the name): each row whose cells fill the header's columns; the others left whole."""
    lines = text.split("\n")
    for start, end in _indicator_blocks(lines):
        width = len(_bar_cells(lines[start]))
        rows = [_bar_cells(line) for line in lines[start:end] if not TABLE_RULE.match(line.strip())]
        if any(len(cells) != width or not cells[-1] for cells in rows):
            continue  # a row its copy shifted (a merged cell left out, an empty cell at its end): no columns to move
        for n in range(start, end):
            cells = _bar_cells(lines[n])
            if width >= 3 and len(cells) == width and not TABLE_RULE.match(lines[n].strip()):
                cells = [cells[0], cells[-1], *cells[1:-1]]
                lines[n] = "| " + " | ".join(cells) + " |"
    return "\n".join(lines)


NATURE_CELL = re.compile(r"^(?:预期性|约束性|倡导性|指导性)$")
LABEL_CELL = re.compile(
    r"^(?:领域|类别|序号|编号|单位|计量单位|.{0,4}指\s*标(?:名称)?|.{0,4}(?:属性|性质)|.{0,6}\d{4}\s*年.{0,6}|基期.{0,2}|.{0,4}目标.{0,2}|年均.{0,8})$"
)


def table_row_lines(text: str, seed: int = 0) -> str:
    """An indicator table copied one cell a line whose last column is its nature (属性) as a row a line: each row's
    cells, from the one after the last row's nature cell to its own nature cell, joined by " | " (a group label
    opening the row it heads, as copies give it)."""
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        header, j = [], i
        while j < len(lines) and (
            LABEL_CELL.match(lines[j].strip().rstrip("|").strip()) or not lines[j].strip()
        ):
            if lines[j].strip():
                header.append(lines[j].strip().rstrip("|").strip())
            j += 1
        if not (
            len(header) >= 3
            and any(INDICATOR_HEADER_CELL.search(c) for c in header)
            and re.search(r"属\s*性|性\s*质", header[-1])
        ):
            out.append(lines[i])
            i += 1
            continue
        rows, row, k = [header], [], j
        while k < len(lines):
            cell = lines[k].strip().rstrip("|").strip()
            if "|" in cell or (row and len(row) > 12):
                break
            if not row and re.match(r"(?:说明|注|计算方法)\d?\s*[:：]", cell):
                rows.append([cell])  # a note under a row stays a line of its own
                k += 1
                end = k
                continue
            if len(cell) > 40 and not (len(row) == 1 and re.fullmatch(r"\d{1,2}", row[0])):
                break  # prose (a numbered row's long name aside)
            k += 1
            if not cell:
                continue
            row.append(cell)
            if NATURE_CELL.match(cell):
                rows.append(row)
                row, end = [], k
        if len(rows) < 2:
            out.append(lines[i])
            i += 1
            continue
        out += [" | ".join(cells) + (" |" if len(cells) > 1 else "") for cells in rows]
        i = end
    return "\n".join(out)


PERTURBATIONS = {
    "crlf": crlf,
    "fullwidth_digits": fullwidth_digits,
    "halfwidth_punctuation": halfwidth_punctuation,
    "fullwidth_punctuation": fullwidth_punctuation,
    "word_spaces": word_spaces,
    "pdf_wrap": pdf_wrap,
    "tab_table": tab_table,
    "numbering": numbering,
    "running_list": running_list,
    "table_header_synonyms": table_header_synonyms,
    "table_cell_lines": table_cell_lines,
    "table_columns_moved": table_columns_moved,
    "table_row_lines": table_row_lines,
}


def perturbed(name: str, seed: int = 0):
    """The named perturbation as a function of the text alone (for accuracy.seed_scores / held_out_scores)."""
    function = PERTURBATIONS[name]
    return lambda text: function(text, seed)


# ---- unit_layouts: documents RENDERED from a truth's tasks, one per way real documents state who does a task ----
# A reader that reads a layout in the document it was written on and not beside another wording has fitted a page:
# each layout below holds the same tasks (title, lead, cooperating units) in one of the forms planners write them
# (the seen sets' texts, the seeds), so that every combination of a layout with any set's titles and units is read.
# Only tasks a layout can state are rendered: a lead named; the first-listed rules (f) one lead.
DEADLINE_CELL = "2025年12月底"
DOC_HEAD = "关于印发重点工作任务分工方案的通知\n为抓好各项工作落实，制定本方案。"
SECTION_ITEMS = (
    20  # items under one heading ("一、重点任务"), numbered afresh under the next, as documents do
)


def _units(names) -> str:
    return "、".join(names)


def _clean_title(title: str) -> str:
    """The truth's title as an item's first sentence: its closing stop dropped (the layout puts its own)."""
    return re.sub(r"[\s。；;，,：:.]+$", "", title.replace("\n", "")).strip()


def _numbered_items(marker: str, lines, section: str = "重点任务") -> str:
    out = []
    for n, line in enumerate(lines):
        if n % SECTION_ITEMS == 0:
            out.append(f"{_cn_numeral(n // SECTION_ITEMS + 1)}、{section}")
        out.append(f"{_marker(marker, n % SECTION_ITEMS + 1)}{line}")
    return "\n".join(out)


def _stated(marker: str, head: str, cooperating: str, tail: str, alone: str = "", section: str = "重点任务"):
    """A layout whose items state their units in one run of words: `head` with the title {t} and the leads {a},
    then `cooperating` with the others {b} (or `alone` where there are none), then `tail`."""

    def render(tasks):
        return _numbered_items(
            marker,
            (
                head.format(t=t, a=_units(a)) + (cooperating.format(b=_units(b)) if b else alone) + tail
                for t, a, b in tasks
            ),
            section=section,
        )

    return render


FIRST_LISTED_NOTES = (
    "（列第一位的为牵头单位，下同）",
    "（排在首位的为牵头单位）",
    "注：第一个单位为牵头单位。",
)


def _first_listed(note_at: int):
    def render(tasks):
        """f) a rule that the first unit leads, then plain lists (责任单位：A、B、C)"""
        note = FIRST_LISTED_NOTES[note_at]
        lines = []
        for n, (t, a, b) in enumerate(tasks):
            units = _units([*a, *b])
            if note_at == 0 and n == 0:
                # the rule told in the first item's bracket, after its units
                lines.append(f"{t}（责任单位：{units}。{note.strip('（）')}）。")
            else:
                lines.append(f"{t}（责任单位：{units}）。")
        body = _numbered_items("cn_paren", lines)
        return body if note_at == 0 else f"{note}\n{body}"

    return render


def _layout_comma_rule(tasks):
    """g) "逗号前为牵头单位" stated once, then （责任单位：A，B、C）"""
    return "（责任单位中，逗号前为牵头单位，下同）\n" + _stated(
        "ar_dot", "{t}。（责任单位：{a}", "，{b}", "）"
    )(tasks)


TABLE_HEADER = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限")


def _layout_cell_lines(tasks):
    """h) a table copied one cell a line: 序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限"""
    lines = ["一、重点任务分工", *TABLE_HEADER]
    for n, (t, a, b) in enumerate(tasks, start=1):
        lines += [str(n), t, _units(a), _units(b) or "—", DEADLINE_CELL]
    return "\n".join(lines)


def _layout_barred_table(tasks):
    """i) a table with '|' cells, a row a line"""
    lines = ["一、重点任务分工", "| " + " | ".join(TABLE_HEADER) + " |", "|" + "---|" * len(TABLE_HEADER)]
    for n, (t, a, b) in enumerate(tasks, start=1):
        lines.append(f"| {n} | {t} | {_units(a)} | {_units(b)} | {DEADLINE_CELL} |")
    return "\n".join(lines)


def _layout_lead_marked(tasks):
    """n) （责任单位：A（牵头）、B、C）: the lead marked inside one list"""
    return _numbered_items(
        "cn_paren",
        (f"{t}。（责任单位：{_units([f'{n}（牵头）' for n in a] + list(b))}）" for t, a, b in tasks),
    )


def _layout_tab_table(tasks):
    """q) a table out of a spreadsheet, its cells apart by tabs"""
    lines = ["一、重点任务分工", "\t".join(TABLE_HEADER)]
    for n, (t, a, b) in enumerate(tasks, start=1):
        lines.append("\t".join((str(n), t, _units(a), _units(b), DEADLINE_CELL)))
    return "\n".join(lines)


RUN_ITEMS = 5  # items run together in one paragraph


def _layout_running(tasks):
    """r) 一是TITLE（A牵头，B配合）；二是…。 — items as running text in a paragraph of their own, each with its bracket
    (under "（一）抓好…。一是…" the first part is titled by the item's heading: the item's first sentence)"""
    starts = list(range(0, len(tasks), RUN_ITEMS))
    if len(starts) > 1 and len(tasks) - starts[-1] == 1:
        starts.pop()  # "一是" with no "二是" is no list: a last item alone runs with the ones before it
    paragraphs = []
    for n, (start, end) in enumerate(zip(starts, [*starts[1:], len(tasks)], strict=True)):
        if n % (SECTION_ITEMS // RUN_ITEMS) == 0:
            paragraphs.append(f"{_cn_numeral(n // (SECTION_ITEMS // RUN_ITEMS) + 1)}、重点任务")
        parts = [
            f"{_cn_numeral(k)}是{t}（{_units(a)}牵头" + (f"，{_units(b)}配合" if b else "") + "）"
            for k, (t, a, b) in enumerate(tasks[start:end], start=1)
        ]
        paragraphs.append("；".join(parts) + "。")
    return "\n".join(paragraphs)


UNIT_LAYOUTS = {
    # a) （一）TITLE。（牵头单位：A；配合单位：B、C）
    "a_label_bracket": _stated("cn_paren", "{t}。（牵头单位：{a}", "；配合单位：{b}", "）"),
    # b) 1.TITLE。（A牵头，B、C配合）
    "b_role_words": _stated("ar_dot", "{t}。（{a}牵头", "，{b}配合", "）"),
    # c) TITLE（A负责，B、C参与）: the bracket before the title's stop
    "c_bracket_in_title": _stated("ar_dun", "{t}（{a}负责", "，{b}参与", "）。"),
    # d) TITLE。A牵头，B、C按职责分工负责。 — the units in a sentence of their own, no bracket
    "d_units_sentence": _stated("ar_paren", "{t}。{a}牵头", "，{b}按职责分工负责", "。", alone="负责"),
    # e) TITLE / 牵头单位：A / 配合单位：B、C, a label a line
    "e_label_lines": _stated("ar_dot", "{t}。\n牵头单位：{a}", "\n配合单位：{b}", ""),
    "f1_first_listed_in_bracket": _first_listed(0),
    "f2_first_listed_note": _first_listed(1),
    "f3_first_unit_note": _first_listed(2),
    "g_comma_rule": _layout_comma_rule,
    "h_table_cell_lines": _layout_cell_lines,
    "i_table_barred": _layout_barred_table,
    # j) TITLE（责任单位：A；协办单位：B、C；完成时限：…）: 责任 beside a cooperating label leads
    "j_duty_with_deadline": _stated(
        "cn_paren", "{t}（责任单位：{a}", "；协办单位：{b}", f"；完成时限：{DEADLINE_CELL}）。"
    ),
    # k) a 民生实事 card: 1.TITLE / 目标任务：… / 牵头单位：A / 责任单位：B、C
    "k_project_card": _stated(
        "ar_dot",
        "{t}\n目标任务：按时完成年度工作。\n牵头单位：{a}",
        "\n责任单位：{b}",
        "",
        section="民生实事项目",
    ),
    # l) TITLE。牵头单位：A，配合单位：B、C。 — labels running after the title, no bracket
    "l_run_on_labels": _stated("ar_dun", "{t}。牵头单位：{a}", "，配合单位：{b}", "。"),
    # m) （A、B牵头，C参加） — leads named together
    "m_leads_joined": _stated("cn_paren", "{t}。（{a}牵头", "，{b}参加", "）"),
    "n_lead_marked": _layout_lead_marked,
    # o) TITLE（A会同B、C负责）: the lead does it together with the others
    "o_huitong": _stated("ar_dot", "{t}（{a}", "会同{b}", "负责）。"),
    # p) TITLE。【牵头单位：A；配合单位：B、C】 — labels in a square bracket
    "p_square_labels": _stated("ar_dun", "{t}。【牵头单位：{a}", "；配合单位：{b}", "】"),
    "q_tab_table": _layout_tab_table,
    "r_running_items": _layout_running,
}
ONE_LEAD_ONLY = {"f1_first_listed_in_bracket", "f2_first_listed_note", "f3_first_unit_note"}


def unit_layout(name: str, truth_tasks) -> tuple[str, list[tuple]]:
    """(document, expected tasks): a truth's tasks ({title, lead, cooperating}) written in the named layout; only
    the tasks the layout can state (a lead named; one lead where the first listed leads), titles as the truth's."""
    rendered = []
    for task in truth_tasks:
        lead, cooperating = list(task["lead"] or []), list(task["cooperating"] or [])
        title = _clean_title(task["title"])
        if not lead or not title or (name in ONE_LEAD_ONLY and len(lead) != 1):
            continue
        rendered.append((title, lead, cooperating))
    if len(rendered) < (2 if name == "r_running_items" else 1):
        return "", []  # ("一是" with no "二是" is no running list)
    return f"{DOC_HEAD}\n{UNIT_LAYOUTS[name](rendered)}\n", rendered
