"""A seed read sentence by sentence: which sentences state a quantity or a goal that can be judged.

The sentence ledger (tixi/indicators/data/seed_ledger/*.yaml) classifies every sentence this module
picks, so a sentence is looked at whatever words it uses, not only those on a keyword list. No Django.

A sentence ends at 。；！？ or a line end. A table row (cells on lines that begin with a tab, up to a
blank line) is one sentence, its cells joined by " | ", so a row is read with its label.
"""

import re
from dataclasses import dataclass

BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
MARKUP = re.compile(r"\*\*|^#+\s*")  # the seeds' markdown bold and headings, not words
SENTENCE_END = re.compile(r"(?<=[。；！？;])")

# Arabic numerals (also full-width) that are not a year, an ordinal, a list marker or a document number
ARABIC = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万"
# a Chinese numeral counting something: 三个, 两家, 十五分钟, 一倍, 五成, 一半; not 第一, 一体化, 三级医院
CHINESE_COUNT = re.compile(
    rf"(?<![第周统唯同单万逐之进专])[{CHINESE_DIGITS}]+(?:个|家|所|张|人|名|类|项|倍|成|万|亿|次|辆|分钟|小时|公里|岁|批|支|座|处|条|套)"
    r"|翻一番|一半|半数|百分之"
)
# a goal that can be judged: a direction, a level reached, a thing built, a coverage
GOAL = re.compile(
    r"提高|提升|降低|下降|增加|增长|减少|不低于|不高于|不少于|不超过|低于|高于|优于|达到|达标|建成|实现|"
    r"全覆盖|覆盖率|控制在|稳定在|保持在|力争|创建|争创|新建|改扩建|确保|稳中有降|"
    r"至少|严禁|不得|试点|每个|所有|超过|扩大|持续|不断|完成|设置|设立|成立|纳入|全部|降至|打造|建立|达“|争取|"
    r"开设|创国家|创三|创“|创省|创市"
)


@dataclass(frozen=True)
class Sentence:
    line: int  # 1-based line of the seed where it begins
    text: str  # the seed's words, whitespace at the ends trimmed


def _is_incidental(text: str, start: int, end: int) -> bool:
    """A number that states no quantity: a year (2025年, 2021—2025), an ordinal (第3), a list marker
    ((1), 1.), a document number (〔2023〕1号), a table or annex number (表1, 附件2)."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    number = text[start:end]
    if len(number) == 4 and number[:2] in ("19", "20") and "." not in number:
        return True
    if before.endswith(("第", "表", "件", "〔", "[")) or after.startswith(("号", "〕", "]", "、")):
        return True
    if before.endswith(("(", "（")) and after.startswith((")", "）")):
        return True
    return (start == 0 or text[start - 1] in "（(") and after[:1] in (".", "．") and not after[1:2].isdigit()


def states_number(text: str) -> bool:
    if CHINESE_COUNT.search(text) or "%" in text or "％" in text or "‰" in text:
        return True
    return any(not _is_incidental(text, m.start(), m.end()) for m in ARABIC.finditer(text))


def is_picked(text: str) -> bool:
    """A sentence that states a number or a goal that can be judged."""
    return states_number(text) or bool(GOAL.search(text))


HEADING = re.compile(
    r"^(?:\*\*)?\s*(?:第[一二三四五六七八九十百]+[章节条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
    r"|\d+[.、．]|专栏|表\s*\d|附件)"
)
ENDS = ("。", "；", "！", "？", ";", "：", ":", "〕", "）", ")")


def _paragraphs(lines: list[str]):
    """(first line number, text) of each paragraph outside tables: the seeds break a sentence over
    lines at page ends, so a line that ends mid-sentence is joined to the next one, unless either is a
    heading."""
    current, start = "", 0
    for number, raw in enumerate(lines, 1):
        line = MARKUP.sub("", BOOKMARK.sub("", raw)).strip()
        if not line:
            continue
        heading = HEADING.match(current) and len(current) < 40 and "。" not in current
        if current and (HEADING.match(line) or heading or current.endswith(ENDS)):
            yield start, current
            current = ""
        if not current:
            start = number
        current += line
    if current:
        yield start, current


def sentences(text: str) -> list[Sentence]:
    """Every sentence of a seed, in order, each with the line it begins on."""
    out: list[Sentence] = []
    lines = text.splitlines()
    prose: list[str] = []  # non-table lines, table lines blanked so numbering holds
    rows: list[tuple[int, str]] = []
    row: list[str] = []
    row_line = 0
    for number, raw in enumerate(lines, 1):
        if raw.startswith("\t"):
            if not row:
                row_line = number
            if raw.strip():
                row.append(raw.strip())
            prose.append("")
            continue
        if row and raw.strip():  # a cell broken over two lines: 完成国家 / 目标
            row[-1] += raw.strip()
            prose.append("")
            continue
        if row:
            rows.append((row_line, " | ".join(row)))
            row = []
        prose.append(raw)
    if row:
        rows.append((row_line, " | ".join(row)))
    for start, paragraph in _paragraphs(prose):
        for part in SENTENCE_END.split(paragraph):
            if part.strip():
                out.append(Sentence(start, part.strip()))
    out.extend(Sentence(line, text) for line, text in rows)
    return sorted(out, key=lambda s: s.line)


def picked(text: str) -> list[Sentence]:
    """The sentences of a seed that the ledger must classify, each once (a repeated heading once)."""
    seen: set[str] = set()
    out = []
    for sentence in sentences(text):
        if is_picked(sentence.text) and sentence.text not in seen:
            seen.add(sentence.text)
            out.append(sentence)
    return out


def normalise(text: str) -> str:
    """Whitespace and bookmarks removed, so a quotation matches across the seed's spacing."""
    return re.sub(r"\s+|\*\*|\|", "", BOOKMARK.sub("", text))


CLASSES = ("targets", "figures", "norms", "projects", "unjudged", "not_judgeable")
NOTES = ("line", "text", "not_checked", "read")  # read: true = read by hand against the seed text


def _holds(sentence: str, clause: str) -> bool:
    """A target's clause is in the sentence, or the sentence in it (a clause over two sentences), or
    one of its own sentences (of six characters or more) is."""
    s, c = normalise(sentence), normalise(clause)
    if not c:
        return False
    if c in s or (len(s) >= 8 and s in c):
        return True
    return any(len(p) >= 6 and p in s for p in re.split(r"[。；;！？]|……", c))


def ledger_problems(
    text: str,
    entries: list[dict],
    *,
    targets: list[tuple[str, str]],
    figures: set[str],
    norms: set[str],
    projects: set,
    unjudged: list[tuple[str, str]],
) -> list[str]:
    """What keeps a sentence ledger from accounting for its seed: a picked sentence it lacks, an
    entry that is not a sentence of the seed or says nothing, a name that does not exist, a target
    whose clause is not the seed's words or whose sentence does not name it. `targets` holds
    (indicator code, clause) of the plan pack, `unjudged` (label, clause) of its goals not scored."""
    problems = []
    seed_sentences = {s.text for s in sentences(text)}
    by_text = {e.get("text"): e for e in entries}
    for sentence in picked(text):
        if sentence.text not in by_text:
            problems.append(f"line {sentence.line}: not in the ledger: {sentence.text[:60]}")
    known = {
        "targets": {code for code, _ in targets},
        "figures": figures,
        "norms": norms,
        "projects": projects,
        "unjudged": {label for label, _ in unjudged},
    }
    for entry in entries:
        where = f"line {entry.get('line')}: {str(entry.get('text'))[:40]}"
        if entry.get("text") not in seed_sentences:
            problems.append(f"{where}: not a sentence of the seed")
        unknown_keys = set(entry) - set(CLASSES) - set(NOTES)
        if unknown_keys:
            problems.append(f"{where}: unknown fields {sorted(unknown_keys)}")
        if "read" in entry and entry["read"] is not True:
            problems.append(f"{where}: read is {entry['read']!r}; write read: true or leave it out")
        if not any(entry.get(k) for k in CLASSES):
            problems.append(f"{where}: no classification")
        for kind, names in known.items():
            for name in entry.get(kind) or []:
                if name not in names:
                    problems.append(f"{where}: {kind} names {name!r}, which does not exist")
    flat = normalise(text)
    for kind, code, clause in [("targets", *t) for t in targets] + [("unjudged", *u) for u in unjudged]:
        pieces = [p for p in re.split(r"[。；;！？]|……", normalise(clause)) if p]
        if not pieces or not all(p in flat for p in pieces):
            problems.append(f"{kind} {code}: its clause is not the seed's words: {clause[:40]}")
        holders = [e for e in entries if _holds(str(e.get("text")), clause)]
        if not any(code in (e.get(kind) or []) for e in holders):
            problems.append(f"{kind} {code}: no ledger sentence holding its clause names it")
    return problems


def ledger_counts(entries: list[dict]) -> dict[str, int]:
    """Sentences by what accounts for them (a sentence may count under several)."""
    counts = {"sentences": len(entries)}
    for kind in (*CLASSES, "not_checked", "read"):
        counts[kind] = sum(1 for e in entries if e.get(kind))
    return counts
