"""A grammar of numeric-goal sentences: goal sentences generated from their parts, each with its truth.

The held-out sets show goal sentences whose form no rule met (a verb, a unit, an order of parts); rules were written on
the forms met. Here the parts the truths and the seeds hold (their yaml's clause comments) are combined, so the reader is
measured on every combination, not just the ones a document happened to use (issue 12 point 4).

Parts: a time (到2025年, 到2027年底, 到“十四五”末, 力争到…, a year at the clause's end, none), a subject (an indicator
named in a SEEN truth, one per unit), a verb (达到, 提高到, 控制在, 降至, 建成…), a value and unit, a comparator word (以上,
以内, 以下, 左右, 约) and a form (one goal, "A、B分别达到x%和y%", "A达到x%，B达到y%", a count before its object). NEGATIVES
are what the conventions leave out (tests/ledger/heldout/README.md "What counts"): past results, a baseline's value
("由N%提高到M%": only M), a yearly pace, a subsidy, a threshold ("N万元以上的项目"), a plan's investment, a change in
个百分点. Each sentence is set in a small plan (a title naming its period 2021—2025, a goals heading) so that a sentence
naming no year takes the plan's, 2025.

Pure (no Django), deterministic: the same seed gives the same sentences; the seed only rotates which time and subject a
combination is written with."""

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from tixi.ledger.engine.accuracy import Score

PLAN_TITLE = "某市卫生健康事业发展规划（2021—2025年）"
GOALS_HEADING = "二、发展目标"
PLAN_YEAR = 2025
# the plans a sentence is set in (label, opening lines, the year a sentence naming none takes): a period's plan, a year's
# work points (its title's year), a plan whose goal paragraph names its year ("到2026年，…" then the goals)
CONTEXTS = (
    ("规划2021—2025", f"{PLAN_TITLE}\n{GOALS_HEADING}\n", PLAN_YEAR),
    ("2024年工作要点", "某市2024年卫生健康工作要点\n一、工作目标\n", 2024),
    ("方案到2026年", "某市健康乡村建设实施方案\n一、主要目标\n到2026年，健康乡村建设取得明显成效。\n", 2026),
)

# (label, text before the subject, text between subject and verb, year); "{}" none
TIMES = (
    ("到2025年", "到2025年，", "", 2025),
    ("2025年", "2025年，", "", 2025),
    ("到2027年底", "到2027年底，", "", 2027),
    ("至2030年", "至2030年，", "", 2030),
    ("到十四五末", "到“十四五”末，", "", 2025),
    ("力争到2027年", "力争到2027年，", "", 2027),
    ("句中到2030年", "", "到2030年", 2030),
    ("2025年底前", "2025年底前，", "", 2025),
    ("到2025年末", "到2025年末，", "", 2025),
    ("十四五期间", "“十四五”期间，", "", 2025),
    ("全市到2027年", "全市到2027年，", "", 2027),
    ("句末到2027年实现", "", "", 2027),  # the year closing the clause: "…达到90%，到2027年实现"
    ("无年份", "", "", PLAN_YEAR),
)
CLOSING_TIMES = ("句末到2027年实现",)
PERIOD_TIMES = ("十四五期间",)  # a period named, no year: a goal in that period's own plan only

# the unit as written, the unit as the truth writes it, values to use, subjects (indicator names of SEEN truths)
# subjects of a level ("率", "数") and objects of a count ("区域医疗中心") apart: a count may be written before its object
UNITS = {
    "%": (
        "%",
        (90, 95.5, 80),
        ("家庭医生签约服务覆盖率", "居民健康素养水平", "县域内就诊率", "基本医疗保险参保率"),
    ),
    "‰": ("‰", (5, 4.5, 6), ("婴儿死亡率", "5岁以下儿童死亡率")),
    "/10万": ("/10万", (12, 9.5, 10), ("孕产妇死亡率",)),
    "个": ("个", (3, 10, 20), ("区域医疗中心", "县域医共体")),
    "家": ("家", (5, 10, 30), ("三级医院", "智慧医院")),
    "所": ("所", (2, 6, 12), ("社区卫生服务中心", "乡镇卫生院")),
    "张": ("张", (6.8, 7.5, 2000), ("每千人口医疗卫生机构床位数", "医疗卫生机构床位")),
    "人": ("人", (3.2, 3.93, 4), ("每千人口执业（助理）医师数", "每万人口全科医生数")),
    "名": ("名", (500, 100, 1200), ("全科医生", "乡村医生")),
    "万人": ("万人", (10, 2.5, 50), ("年培训人数", "家庭医生签约人数")),
    "亿元": ("亿元", (100, 25, 300), ("健康服务业总规模", "医药产业营业收入")),
    "万元": ("万元", (500, 80, 1000), ("村卫生室年均运行经费", "重点专科建设经费")),
    "岁": ("岁", (79, 78.3, 80), ("人均预期寿命", "人均健康预期寿命")),
    "天": ("天", (8, 7.5, 9), ("平均住院日", "三级医院平均住院日")),
    "分钟": ("分钟", (15, 30, 12), ("急救平均反应时间", "院前急救平均响应时间")),
    "公里": ("公里", (200, 50, 4000), ("健康步道", "绿道")),
    "平方米": ("平方米", (2.6, 3.6, 2.3), ("人均体育场地面积",)),
    "元/人": ("元/人", (95, 102, 89), ("人均基本公共卫生服务经费",)),
    "人/万人": ("人/万人", (4, 3.5, 5), ("全科医生配置标准",)),
    "床/千人": ("床/千人", (6.5, 7, 6.8), ("医疗卫生机构床位配置",)),
}
COUNT_UNITS = ("个", "家", "所", "张", "名", "公里")  # units a count may be built or added in
FALLING_UNITS = ("‰", "/10万", "天", "分钟")  # levels a plan lowers
TIME_LIMITS = (
    "分钟",
)  # a time limit is lowered or held under, never reached ("达到30分钟" is no plan's wording)

# (label, verb text, its comparator, the direction it allows: up, down, either, count)
VERBS = (
    ("达到", "达到", "ge", "either"),
    ("达", "达", "ge", "either"),
    ("提高到", "提高到", "ge", "up"),
    ("提升至", "提升至", "ge", "up"),
    ("增至", "增至", "ge", "up"),
    ("增加到", "增加到", "ge", "up"),
    ("超过", "超过", "gt", "up"),
    ("突破", "突破", "gt", "up"),
    ("不低于", "不低于", "ge", "up"),
    ("不少于", "不少于", "ge", "up"),
    ("保持在", "保持在", "ge", "either"),
    ("稳定在", "稳定在", "ge", "either"),
    ("控制在", "控制在", "le", "down"),
    ("降至", "降至", "le", "down"),
    ("下降到", "下降到", "le", "down"),
    ("降低到", "降低到", "le", "down"),
    ("缩小到", "缩小到", "le", "down"),
    ("不超过", "不超过", "le", "down"),
    ("不高于", "不高于", "le", "down"),
    ("低于", "低于", "lt", "down"),
    ("小于", "小于", "lt", "down"),
    ("≤", "≤", "le", "down"),
    ("≥", "≥", "ge", "up"),
    ("超", "超", "gt", "up"),
    ("将达到", "将达到", "ge", "either"),
    ("将达", "将达", "ge", "either"),
    (
        "在",
        "在",
        "ge",
        "level",
    ),  # "母婴传播率在2%以下", "参保率在95%以上": no verb, the comparator word says it
    ("实现", "实现", "ge", "up"),  # "实现{subject}{value}": the verb before its subject
    # a change by a share, the truths' [N, %, year, ge] ("过早死亡率较2015年下降30%", "增长6%", "增长7.5%左右": about)
    ("增长", "增长", "ge", "change"),
    ("提高", "提高", "ge", "change"),
    ("下降", "下降", "ge", "change"),
    ("降低", "降低", "ge", "change"),
    ("减少", "减少", "ge", "change"),
    ("建成", "建成", "ge", "count"),
    ("新建", "新建", "ge", "count"),
    ("新增", "新增", "ge", "count"),
    ("累计建成", "累计建成", "ge", "count"),
    ("培育", "培育", "ge", "count"),
    ("打造", "打造", "ge", "count"),
    ("建设", "建设", "ge", "count"),
    ("改造", "改造", "ge", "count"),
    ("培训", "培训", "ge", "count"),
    ("配备", "为乡镇卫生院配备", "ge", "count"),  # "为乡镇卫生院配备救护车50辆": its recipient before it
)
# verbs said of a few units only (what is equipped: staff, beds)
VERB_UNITS = {"配备": ("名", "张")}
# a change's baseline before its verb (the baseline's year is no target year)
CHANGE_BASES = ("", "较2020年", "在2020年基础上", "比“十三五”末")
# comparator words: (label, before the value, after it, comparator or None for the verb's own, directions it fits)
COMPARATOR_WORDS = (
    ("无", "", "", None, ("up", "down", "either", "count", "change")),
    ("以上", "", "以上", "ge", ("up", "either", "count", "level", "change")),
    ("以内", "", "以内", "le", ("down",)),
    ("以下", "", "以下", "le", ("down", "level")),
    ("左右", "", "左右", "about", ("up", "down", "either", "count", "change")),
    ("约", "约", "", "about", ("up", "down", "either")),
    (
        "力争",
        "力争",
        "",
        None,
        ("up", "down", "either", "count"),
    ),  # a verb's adverb: the verb's comparator stays
)
# verbs whose own word is a comparator: no second comparator beside them
SELF_COMPARING = ("超过", "突破", "不低于", "不少于", "不超过", "不高于", "低于", "小于", "≤", "≥", "超")


@dataclass
class Sentence:
    text: str  # the goal sentence, closed by "。"
    truth: list[tuple]  # [(value, unit, year, comparator)]
    parts: dict[str, str] = field(default_factory=dict)  # part name -> label

    context: int = 0  # which of CONTEXTS the sentence is set in

    def document(self) -> str:
        return f"{CONTEXTS[self.context][1]}{self.text}\n"


def _number(value) -> str:
    return f"{value:g}"


def _goal(
    time, subject, verb, value, unit_text, comparator_word, truth_unit, order="subject first", value_text=None
) -> tuple[str, tuple]:
    _label, opening, inner, year = time
    _v, verb_text, verb_comparator, direction = verb
    _c, before, after, comparator, _dirs = comparator_word
    if value_text is None:
        value_text = _number(value)
    number = f"{before if before != '力争' else ''}{value_text}{unit_text}{after}"
    adverb = "力争" if before == "力争" else ""
    if verb_text == "实现":
        clause = f"{opening}{inner}{adverb}实现{subject}{number}"
    elif direction == "count" and order == "count first":
        clause = f"{opening}{inner}{adverb}{verb_text}{number}{subject}"
    elif direction == "count":  # "新建乡镇卫生院5所": the object before its count
        clause = f"{opening}{inner}{adverb}{verb_text}{subject}{number}"
    elif direction == "change":  # order: the baseline ("较2020年") before the verb
        clause = f"{opening}{subject}{inner}{order}{adverb}{verb_text}{number}"
    else:
        clause = f"{opening}{subject}{inner}{adverb}{verb_text}{number}"
    if _label in CLOSING_TIMES:
        clause += "，到2027年实现"
    return clause, (float(value), truth_unit, year, comparator or verb_comparator)


def _fits(verb, unit: str, comparator_word) -> bool:
    direction = verb[3]
    if direction not in comparator_word[4]:
        return False
    if verb[1] in SELF_COMPARING and comparator_word[0] not in ("无", "力争"):
        return False
    if verb[0] in VERB_UNITS:
        return unit in VERB_UNITS[verb[0]]
    if direction == "count":
        return unit in COUNT_UNITS
    if direction in ("change", "level"):
        return unit == "%"
    if direction == "down":
        return unit in FALLING_UNITS or unit == "%"
    if unit in TIME_LIMITS:
        return False
    if unit in COUNT_UNITS and unit not in ("张", "人"):
        return verb[0] in ("达到", "达", "超过", "突破", "不少于", "增至", "增加到")
    return direction == "either" or unit not in FALLING_UNITS


def single_goals(seed: int = 0) -> list[Sentence]:
    """Every verb with every unit and comparator word it fits; the time and subject rotate (seeded)."""
    rng = random.Random(seed)
    out = []
    turn = rng.randrange(len(TIMES))
    for verb in VERBS:
        for unit, (truth_unit, values, subjects) in UNITS.items():
            for comparator_word in COMPARATOR_WORDS:
                if not _fits(verb, unit, comparator_word):
                    continue
                time = TIMES[turn % len(TIMES)]
                turn += 1
                if verb[3] == "count":  # what is built or added, not a level ("每千人口…床位数")
                    subjects = [
                        x for x in subjects if not x.startswith("每") and not x.endswith("数")
                    ] or subjects
                subject = subjects[rng.randrange(len(subjects))]
                value = values[rng.randrange(len(values))]
                if verb[3] == "count" and value != int(value):
                    value = int(value * 100)  # a count is whole: 750张, not a density's 7.5张
                parts = {"time": time[0], "verb": verb[0], "unit": unit, "comparator": comparator_word[0]}
                orders = {"count": ("count first", "object first"), "change": CHANGE_BASES}.get(
                    verb[3], ("subject first",)
                )
                context = (turn // len(TIMES)) % len(CONTEXTS)  # decorrelated from the time
                if time[0] in PERIOD_TIMES or (time[0] != "无年份" and time[3] < CONTEXTS[context][2]):
                    # a year before the plan's own is read as its past ("2025年，…达到" in a plan to 2026: a result, the
                    # conventions' past figures), the period ("“十四五”期间") only in that period's plan
                    context = 0
                parts["context"] = CONTEXTS[context][0]
                year = CONTEXTS[context][2] if time[0] == "无年份" else time[3]
                for order in orders:
                    clause, truth = _goal(
                        time, subject, verb, value, unit, comparator_word, truth_unit, order
                    )
                    form = order if verb[3] != "change" else f"change {order or 'bare'}"
                    truth = (truth[0], truth[1], year, truth[3])
                    out.append(Sentence(clause + "。", [truth], {**parts, "form": form}, context))
                if (
                    comparator_word[0] == "无"
                    and verb[1] not in SELF_COMPARING
                    and unit not in TIME_LIMITS
                    and verb[3] != "change"
                ):
                    # a range keeps its lower bound, ge ("5～8个", "25%-30%", "3个至5个")
                    low, high = value, value + 2
                    for label, written in (
                        ("range ～", f"{_number(low)}～{_number(high)}"),
                        ("range -", f"{_number(low)}{unit}-{_number(high)}"),
                    ):
                        if label == "range -" and unit not in ("%", "‰"):
                            continue
                        clause, truth = _goal(
                            time,
                            subject,
                            verb,
                            low,
                            unit,
                            comparator_word,
                            truth_unit,
                            "count first",
                            written,
                        )
                        comparator = "ge" if verb[2] == "ge" else None
                        if comparator:
                            out.append(
                                Sentence(
                                    clause + "。",
                                    [(truth[0], truth[1], year, "ge")],
                                    {**parts, "form": label},
                                    context,
                                )
                            )
    return out


def listed_goals(seed: int = 0) -> list[Sentence]:
    """Several goals in one sentence: "A、B和C分别达到x%、y%和z%" and "A达到x%，B达到y%" (each value a target)."""
    rng = random.Random(seed + 1)
    out = []
    pairs = (
        ("%", ("家庭医生签约服务覆盖率", "县域内就诊率", "居民健康素养水平"), (90, 85, 30)),
        ("‰", ("婴儿死亡率", "5岁以下儿童死亡率", "新生儿死亡率"), (4.5, 6, 3)),
    )
    for time in TIMES:
        for unit, subjects, values in pairs:
            verb_text, comparator = ("达到", "ge") if unit == "%" else ("降至", "le")
            for after, after_comparator in (
                ("", None),
                ("以上" if unit == "%" else "以下", "ge" if unit == "%" else "le"),
            ):
                label, opening, inner, year = time
                compared = after_comparator or comparator
                n = 3 if rng.random() < 0.5 else 2
                names, numbers = subjects[:n], values[:n]
                listed = "、".join(names[:-1]) + "和" + names[-1]
                written = (
                    "、".join(f"{_number(v)}{unit}" for v in numbers[:-1])
                    + f"和{_number(numbers[-1])}{unit}{after}"
                )
                truth = [(float(v), unit, year, compared) for v in numbers]
                closing = "，到2027年实现" if label in CLOSING_TIMES else ""
                text = f"{opening}{listed}{inner}分别{verb_text}{written}{closing}。"
                parts = {"time": label, "verb": verb_text, "unit": unit, "comparator": after or "无"}
                out.append(Sentence(text, truth, {**parts, "form": "分别 list"}))
                text = f"{opening}{listed}{inner}均{verb_text}{_number(numbers[0])}{unit}{after}{closing}。"
                each = [(float(numbers[0]), unit, year, compared)] * n
                out.append(Sentence(text, each, {**parts, "form": "均 list"}))
                clauses = [
                    f"{name}{verb_text}{_number(v)}{unit}{after}"
                    for name, v in zip(names, numbers, strict=True)
                ]
                text = f"{opening}{inner}" + "，".join(clauses) + f"{closing}。"
                out.append(Sentence(text, list(truth), {**parts, "form": "clauses in a row"}))
    return out


def negatives(seed: int = 0) -> list[Sentence]:
    """What the conventions leave out, each beside a goal where one fits (the goal's value counts, the other not)."""
    rng = random.Random(seed + 2)
    out = []

    def add(kind, text, truth=()):
        out.append(Sentence(text, list(truth), {"negative": kind, "form": "negative"}))

    for subject, unit, old, new in (
        ("家庭医生签约服务覆盖率", "%", 60, 75),
        ("婴儿死亡率", "‰", 6.5, 5),
        ("人均预期寿命", "岁", 77.5, 79),
        ("每千人口执业（助理）医师数", "人", 2.6, 3.2),
    ):
        rising = new > old
        verb = "提高到" if rising else "下降到"
        comparator = "ge" if rising else "le"
        add("past result", f"2020年，全市{subject}达到{_number(old)}{unit}。")
        add("past result", f"截至2020年底，全市{subject}已达到{_number(old)}{unit}。")
        add(
            "past result",
            f"“十三五”期间，全市{subject}由{_number(old)}{unit}提高到{_number(new)}{unit}。"
            if rising
            else f"“十三五”期间，全市{subject}从{_number(old)}{unit}下降到{_number(new)}{unit}。",
        )
        add(
            "baseline",
            f"到2025年，全市{subject}由{_number(old)}{unit}{verb}{_number(new)}{unit}。",
            [(float(new), unit, 2025, comparator)],
        )
        add(
            "baseline",
            f"到2027年，全市{subject}从2020年的{_number(old)}{unit}{verb}{_number(new)}{unit}。",
            [(float(new), unit, 2027, comparator)],
        )
    for n in (rng.choice((2, 3, 5)), 100):
        add("yearly pace", f"每年新增三级医院{n}家。")
        add("yearly pace", f"到2025年，全市每年培训乡村医生{n}名以上。")
    for amount in (20, 500):
        add("subsidy", f"对新建的社区卫生服务中心每所补助{amount}万元。")
        add("subsidy", f"对招聘的全科医生每人每年补助{amount}元。")
        add("threshold", f"对总投资{amount}万元以上的医疗卫生项目给予贷款贴息。")
        add("investment", f"“十四五”期间，全市计划投资{amount}亿元，实施医疗卫生重点项目。")
        add("investment", f"到2025年，项目总投资{amount}亿元。")
    add("past result", "2020年，全市婴儿死亡率为5.2‰。")
    add("past result", "目前，全市家庭医生签约服务覆盖率为65%。")
    add("past result", "全市现有三级医院10家。")
    add("past result", "“十三五”期间，全市新建乡镇卫生院12所。")
    add("layout norm", "到2025年，每个乡镇办好1所卫生院。")
    add("layout norm", "每3万～10万居民设置1所社区卫生服务中心。")
    add("yearly pace", "每年遴选10个重点专科。")
    add("threshold", "对年营业收入首次突破1亿元的企业给予50万元奖励。")
    add("change in 个百分点", "到2025年，个人卫生支出占卫生总费用的比重下降2个百分点。")
    add("change in 个百分点", "到2025年，居民健康素养水平比2020年提高5个百分点以上。")
    return out


def sentences(seed: int = 0) -> list[Sentence]:
    return single_goals(seed) + listed_goals(seed) + negatives(seed)


@dataclass
class Tally(Score):
    """A part's count: accuracy.Score's precision and recall, and its sentences read exactly."""

    expected: int = 0
    found: int = 0
    matched: int = 0
    sentences: int = 0
    right: int = 0  # sentences read exactly (every target, nothing more)


def key(value, unit, year, comparator) -> tuple:
    return round(float(value), 4), unit or "", int(year), comparator


def read_sentence(
    sentence: Sentence, targets: Callable[[str], list[dict]], shape: Callable[[str], str] | None = None
) -> tuple[int, int, int]:
    """(expected, found, matched) of one sentence read in its small plan."""
    from collections import Counter

    document = shape(sentence.document()) if shape else sentence.document()
    found = [key(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(document)]
    expected = [key(*t) for t in sentence.truth]
    matched = sum((Counter(expected) & Counter(found)).values())
    return len(expected), len(found), matched


def measure(
    targets: Callable[[str], list[dict]], seed: int = 0, shape: Callable[[str], str] | None = None
) -> tuple[dict[str, dict[str, Tally]], list]:
    """{part name: {label: Tally}} over every generated sentence, and the sentences read wrong (sentence, found)."""
    tallies: dict[str, dict[str, Tally]] = {}
    wrong = []
    for sentence in sentences(seed):
        e, f, m = read_sentence(sentence, targets, shape)
        exact = e == f == m
        if not exact:
            wrong.append(sentence)
        for part, label in {**sentence.parts, "all": "all"}.items():
            tally = tallies.setdefault(part, {}).setdefault(label, Tally())
            tally.expected += e
            tally.found += f
            tally.matched += m
            tally.sentences += 1
            tally.right += exact
    return tallies, wrong
