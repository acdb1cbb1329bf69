"""Reading a Chinese plan document: tasks with their lead and cooperating units, numeric targets,
and the major-projects annex. Rules and a small dictionary, no model: it runs offline.

Returns plain dicts; says it found nothing rather than inventing items.
"""

import re
from dataclasses import asdict, dataclass, field

CLAUSE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*\**([^。；*]{2,40})[。*]")
NUMBERED = re.compile(r"^(\d+)[.．、]\s*([^。；*]{2,40})[。*]")
HEADING = re.compile(r"^(?:#|第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、)")
UNITS = re.compile(
    r"[（(〔]\s*(?:责任单位|牵头单位)[:：]\s*(?P<units>(?:[^（）()〔〕]|[（(][^（）()]*[）)])+?)"
    r"(?:。逗号前为牵头单位[^）)〕]*)?[）)〕]"
)
# "（…和各县（区）人民政府、巴中经开区管委会按职责分工负责）"; one seed misplaces the 按
BY_DUTY = re.compile(r"[（(]\s*(?P<units>(?:[^（）()]|（[^（）]*）){4,300}?)按?职责分工负责\s*[）)]")
YEAR = re.compile(r"(?:到|至)\s*(\d{4})\s*年(?:底)?")
DONE_BY = re.compile(r"(\d{4})\s*年(?:底|前)?(?:[^。；]{0,40}?)(?:完成|建成)")


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


def _items(text: str):
    """(clause, title, body) of each numbered item; lines broken inside an item (a PDF's page
    breaks) are joined back to it, and '1.' items take the '（一）' section they sit in."""
    section, items = "", []
    for line in (raw.strip() for raw in text.splitlines()):
        if not line:
            continue
        bare = re.sub(r"^#+\s*", "", line).replace("*", "")
        if clause := CLAUSE.match(bare):
            section = clause.group(1)
            items.append([clause.group(1), clause.group(2).strip(), bare])
        elif (numbered := NUMBERED.match(bare)) and section:
            items.append([f"（{section}）{numbered.group(1)}", numbered.group(2).strip(), bare])
        elif HEADING.match(line) or line.startswith("**"):
            if items and HEADING.match(line):
                items.append(None)  # a heading closes the item before it
        elif items and items[-1] is not None:
            items[-1][2] += line
    return [item for item in items if item is not None]


def tasks(text: str, default_year: int | None = None) -> list[dict]:
    """Items '（一）title。…（责任单位：…）' with their units; '…按职责分工负责' lists units too.
    Items that name no unit are not tasks (保障措施 and the like)."""
    found = []
    for clause, title, body in _items(text):
        body = body.replace("按、", "、")
        units_match = UNITS.search(body)
        duty = BY_DUTY.search(body)
        if units_match:
            lead, cooperating = split_units(units_match.group("units"))
        elif duty:
            lead, cooperating = split_units(duty.group("units").replace("和各", "、各"))
        else:
            continue
        found.append(
            asdict(Task(clause, title, body[:400], lead, cooperating, deadline_of(body, default_year)))
        )
    return found


# a number with its unit; "5～8个" keeps the lower bound; ages (岁), 人次 and 个百分点 are not targets
TARGET = re.compile(
    r"(?P<before>达到|不低于|不少于|不得低于|不超过|超过|低于|控制在|下降至|降至|提高到|至少|≥|≤|达)?\s*"
    r"(?:(?P<low>\d+(?:\.\d+)?)\s*[～~—-]\s*)?(?P<value>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|‰|/\s*10\s*万|万亩|万人|亿元|个(?!百分点)|所|家|张|名|人(?!次)|级|天|分钟|支)?"
    r"(?P<after>及以上|及以下|以上|以内|以下|左右)?"
)
COMPARATORS = {
    "不低于": "ge",
    "不少于": "ge",
    "不得低于": "ge",
    "至少": "ge",
    "≥": "ge",
    "以上": "ge",
    "及以上": "ge",
    "超过": "gt",
    "以内": "le",
    "以下": "le",
    "及以下": "le",
    "不超过": "le",
    "≤": "le",
    "控制在": "le",
    "下降至": "le",
    "降至": "le",
    "低于": "lt",
    "左右": "about",
}
GOAL_WORDS = re.compile(
    r"力争|达到|不低于|不少于|不得低于|以上|超过|建成|左右|提高到|控制在|至少|≥|以内|创建|新增|新建|打造|(?:建设|布局|组建)\d|\d分钟[^，。]{0,6}圈|达\s*\d"
)
# headings of the parts that look back (十三五 achievements) or annex projects: no targets there
LOOKING_BACK = re.compile(r"发展成就|发展基础|规划背景|取得成效|面临形势|机遇与挑战|重大建设项目")
SECTION = re.compile(
    r"^(?:\[bookmark[^\]]*\])*\s*(?:#+\s*)?(第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|附件|表\s*\d)"
)
# an area: "of the hospitals whose bed use is under 75%…" (a condition), "beds 2%～3% of…" (a norm)
NOT_A_GOAL = re.compile(r"低于\d+%.{0,12}(?:高于|的)|按.{0,12}\d+%[～~]|服务半径|\d+\s*[～~—-]\s*\d+\s*万")


def _sections(text: str):
    """The lines of the document that look forward (goals, tasks), tables left out."""
    looking_back = False
    for line in text.splitlines():
        is_heading = SECTION.match(line.strip()) and len(line.strip()) < 60
        if is_heading or "[bookmark" in line:
            looking_back = bool(LOOKING_BACK.search(line))
            if re.match(r"\s*表\s*\d", line):
                looking_back = True  # an indicator table: read as a table, not as sentences
            continue
        if not looking_back:
            yield line


def targets(text: str) -> list[dict]:
    """Numeric targets: in sentences that set a year, or that state a goal (达到, 不低于, 以上, 左右…)
    under the document's target year (the year its 到YYYY年 phrases name most)."""
    years = [int(y) for y in YEAR.findall(text)]
    document_year = max(set(years), key=years.count) if years else None
    found = []
    annex = text.find("重大建设项目表")  # the projects annex is read by projects()
    body = "\n".join(_sections(text[:annex] if annex > 0 else text)).replace("１", "1").replace("２", "2")
    for sentence in re.split(r"[。；\n]", body):
        sentence = re.sub(r"\s+", "", sentence)
        year_match = re.search(r"(?:到|至)?(\d{4})年(?:底)?[，,]", sentence) or YEAR.search(sentence)
        if year_match and 2000 < int(year_match.group(1)) < 2100:
            year = int(year_match.group(1))
        elif document_year and (GOAL_WORDS.search(sentence) or "%" in sentence):
            year = document_year
        else:
            continue
        if NOT_A_GOAL.search(sentence):
            continue
        for m in TARGET.finditer(sentence):
            unit, value = m.group("unit") or "", float(m.group("low") or m.group("value"))
            word = m.group("after") or m.group("before") or ""
            if not unit and not (m.group("before") in ("达到", "达") and m.group("after") == "左右"):
                continue  # a bare number is a target only as "达到1.2左右" (CMI)
            before, after = sentence[: m.start()], sentence[m.end() :]
            if re.search(r"每个[^，,；至]{0,10}(?:办好|设置|建立)$", before) or before.endswith("/"):
                continue  # "每个行政村办好1所", "1辆/3万人": layout norms, not targets
            if after.startswith("为基数") or re.match(r"[^，,]{0,12}均", after):
                continue  # a basis of calculation; "6所妇幼保健院均达到": a count of what exists
            following = sentence[m.end() : m.end() + 1]
            if following and following in "年岁月日项类":
                continue
            if unit == "分钟" and "圈" not in sentence[m.end() : m.end() + 12] and word != "以内":
                continue
            if unit == "级" and not (word or "水平" in sentence[m.end() : m.end() + 3]):
                continue
            if m.group("low"):
                word = "以上"
            comparator = COMPARATORS.get(word, "ge")
            if unit == "分钟":
                comparator = "le"
            found.append(
                {
                    "text": sentence[:200],
                    "value": value,
                    "unit": re.sub(r"\s", "", unit),
                    "year": year,
                    "comparator": comparator,
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
