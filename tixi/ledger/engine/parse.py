"""Reading a Chinese plan document: tasks with their lead and cooperating units, numeric targets,
and the major-projects annex. Rules and a small dictionary, no model: it runs offline.

Returns plain dicts; says it found nothing rather than inventing items.
"""

import re
from dataclasses import asdict, dataclass, field

CLAUSE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*([^。；]{2,40})。")
UNITS = re.compile(
    r"[（(〔]\s*(?:责任单位|牵头单位)[:：]\s*(?P<units>(?:[^（）()〔〕]|[（(][^（）()]*[）)])+?)"
    r"(?:。逗号前为牵头单位[^）)〕]*)?[）)〕]"
)
BY_DUTY = re.compile(r"[（(]\s*(?P<units>(?:[^（）()]|（[^（）]*）){4,300}?)按职责分工负责\s*[）)]")
YEAR = re.compile(r"(?:到|至)\s*(\d{4})\s*年(?:底)?")
DONE_BY = re.compile(r"(\d{4})\s*年(?:底|前)?(?:[^。；，]{0,12})?(?:完成|建成)")
NUMBER = r"(\d+(?:\.\d+)?)"
TARGET = re.compile(
    r"(?P<before>达到|不低于|不少于|超过|以上|低于|控制在|达|建成|建设|新建|设立|打造|提高到|降至|下降)?\s*"
    + NUMBER
    + r"\s*(?P<unit>%|个|所|家|张|人|倍|级|天|万人|亿元)(?P<after>以上|以内|左右|以下)?"
)
COMPARATORS = {
    "不低于": "ge",
    "不少于": "ge",
    "以上": "ge",
    "超过": "gt",
    "以内": "le",
    "以下": "le",
    "低于": "lt",
    "控制在": "le",
    "左右": "about",
}


@dataclass
class Task:
    clause: str
    title: str
    text: str
    lead_units: list[str] = field(default_factory=list)
    cooperating_units: list[str] = field(default_factory=list)
    deadline: str | None = None


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch in "（("
        depth -= ch in "）)"
        if ch in separators and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def split_units(text: str) -> tuple[list[str], list[str]]:
    """'市卫生健康委，市发展改革委、市医保局' → lead before the first comma, the rest cooperate."""
    text = re.sub(
        r"[，,]\s*含[^）)]*下同", "", text
    )  # 各县（市、区，含…，下同）人民政府 → 各县（市、区）人民政府
    text = text.split("。")[0]
    lead, *rest = _split_outside_brackets(text, "，,")
    names = lambda part: [u.strip(" 　") for u in _split_outside_brackets(part, "、") if u.strip(" 　")]  # noqa: E731
    return names(lead), [n for part in rest for n in names(part)]


def deadline_of(text: str, default_year: int | None = None) -> str | None:
    """'到2025年' → end of 2025; '2024年底前完成' → end of 2024."""
    years = [int(y) for y in DONE_BY.findall(text)] or [int(y) for y in YEAR.findall(text)]
    year = min(years) if years else default_year
    return f"{year}-12-31" if year else None


def tasks(text: str, default_year: int | None = None) -> list[dict]:
    """Clauses '（一）title。…（责任单位：…）' with their units; '…按职责分工负责' lists units too."""
    found = []
    paragraphs = [p.strip() for p in re.split(r"\n+", text) if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        body = paragraph.strip("*")
        clause = CLAUSE.match(body) or re.match(r"^\*?\*?(\d+)[.．、]\s*([^。；*]{2,40})[。*]", body)
        if not clause:
            continue
        # the units may close this paragraph or follow in the next one
        following = " ".join(paragraphs[index : index + 3])
        units_match = UNITS.search(body) or (
            UNITS.search(following)
            if not CLAUSE.match(paragraphs[min(index + 1, len(paragraphs) - 1)].strip("*"))
            else None
        )
        duty = BY_DUTY.search(body)
        if units_match:
            lead, cooperating = split_units(units_match.group("units"))
        elif duty:
            lead, cooperating = split_units(duty.group("units").replace("和各", "、各"))
        else:
            continue
        found.append(
            asdict(
                Task(
                    clause.group(1),
                    clause.group(2).strip("*"),
                    body[:400],
                    lead,
                    cooperating,
                    deadline_of(body, default_year),
                )
            )
        )
    return found


GOAL_WORDS = re.compile(r"力争|达到|不低于|不少于|以上|超过|建成|左右|提高到|控制在|达\s*\d")


def targets(text: str) -> list[dict]:
    """Numeric targets: in sentences that set a year, or that state a goal (达到, 不低于, 以上, 左右…)
    under the document's target year (the year its 到YYYY年 phrases name most)."""
    years = [int(y) for y in YEAR.findall(text)]
    document_year = max(set(years), key=years.count) if years else None
    found = []
    for sentence in re.split(r"[。；\n]", text):
        year_match = YEAR.search(sentence)
        if year_match:
            year = int(year_match.group(1))
        elif document_year and GOAL_WORDS.search(sentence):
            year = document_year
        else:
            continue
        for m in TARGET.finditer(sentence):
            value = float(m.group(2))
            if m.group("unit") in ("级",) or 1900 < value < 2100:
                continue
            word = m.group("after") or m.group("before") or ""
            found.append(
                {
                    "text": sentence.strip()[:200],
                    "value": value,
                    "unit": m.group("unit"),
                    "year": year,
                    "comparator": COMPARATORS.get(word, "ge"),
                }
            )
    return found


PROJECT_ROW = re.compile(
    r"\|(?P<n>\d{1,2})\|(?P<name>[^|]+)\|(?P<site>[^|]+)\|(?:(?P<nature>新建|改扩建|改建|扩建)\|)?(?P<content>[^|]+)\|"
    r"(?P<years>\d{4}(?:-\d{4})?)\|(?P<investment>\d+(?:\.\d+)?)\|(?P<unit>[^|]+)\|(?P<leader>[^|]+)(?=\|)"
)


def projects(text: str) -> list[dict]:
    """The rows of a major-construction-projects annex (序号 项目名称 建设地址 建设性质 … 责任领导)."""
    start = text.find("重大建设项目表")
    if start < 0:
        return []
    cells = "|" + "|".join(line.strip() for line in text[start:].splitlines() if line.strip()) + "|"
    rows = []
    for m in PROJECT_ROW.finditer(cells):
        first, _sep, last = m.group("years").partition("-")
        rows.append(
            {
                "number": int(m.group("n")),
                "name": m.group("name"),
                "site": m.group("site"),
                "nature": m.group("nature") or "",
                "content": m.group("content"),
                "start_year": int(first),
                "end_year": int(last or first),
                "investment": float(m.group("investment")),
                "unit": m.group("unit"),
                "leader": m.group("leader"),
            }
        )
    return rows
