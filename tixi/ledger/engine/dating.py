"""The year a plan's goals are for, where the text states it by other words than "到2025年" (reader50, issue 12 point 4).

A goal's year is, in this order (tests/ledger/heldout/README.md "What counts"; parse._sentence_targets applies it):
1. the year its sentence names: "到2025年，…", and a five-year period's end named ("到“十四五”末" → "到2025年":
   period_ends_as_years, not where the sentence reports the level reached), and in a work report "今后五年，…" (the
   report's year + 4: FIVE_YEARS_AHEAD);
2. the year its paragraph or section names ("到2025年，主要目标如下：" over the lines under it);
3. the document's target year: the year its 到YYYY年 phrases name most ("展望到2035年" not counted); in a work report
   (report_year: its title's year, or the session line's under "政府工作报告") the report's year, its "今年";
4. the title's year (parse._title_year: "（2016—2018年）" in its first lines, "2023年全省卫生健康工作要点");
5. the plan's own period stated anywhere in years (stated_period: the title's bracket, a 规划期 sentence in any chapter,
   often the last): its end;
6. after parse's older fallbacks (a period named as a time to come, a one-year deadline, a validity's end…), a
   five-year plan a short title names ("某市“十四五”卫生健康发展规划": document_period) in a text naming its goals;
7. in a text heading its goals ("一、工作目标", "主要目标：") and no year to reach at all, the year it states it was written in
   (written_year: a 发文日期/发布时间 row, the date line closing it, a date line in its opening) (session 24).
Pure: no Django."""

import re
import unicodedata

FIVE_YEAR_ENDS = {
    "十一": 2010,
    "十二": 2015,
    "十三": 2020,
    "十四": 2025,
    "十五": 2030,
    "十六": 2035,
    "十七": 2040,
}
FIVE_YEAR_NUMBER = r"(十[一二三四五六七])五"

# "到“十四五”末", "至十四五期末", "到“十四五”时期末": a horizon named by the five-year period it closes (not "“十二五”末,全市…"
# reporting the past, not "力争“十二五”末实现…", which the sentence reader dates itself)
NAMED_PERIOD_END = re.compile(
    r"(?P<to>到|至)[“\"]?" + FIVE_YEAR_NUMBER + r"[”\"]?(?:时期)?(?:期末|末)(?!期)"
    # a level its sentence reports reached ("至十三五末,我市人均预期寿命指标达到了80.6岁"): no horizon, left as written
    r"(?![^。；;\n]{0,80}?(?:[到成现为升降加少高低]了|已达|已经))"
)


def period_ends_as_years(text: str) -> tuple[str, dict[str, str]]:
    """The text with each horizon named by a five-year period's end written as its year ("到“十四五”末" → "到2025年"),
    and what each year-form replaced (to give the targets' sentences their own words back: own_words)."""
    swaps: dict[str, str] = {}

    def year(m: re.Match) -> str:
        form = f"{m.group('to')}{FIVE_YEAR_ENDS[m.group(2)]}年"
        swaps.setdefault(form, m.group(0))
        return form

    if "五" not in text:
        return text, swaps
    return NAMED_PERIOD_END.sub(year, text), swaps


def own_words(found: list[dict], swaps: dict[str, str], original: str) -> list[dict]:
    """The targets' sentences in the document's words: a year-form period_ends_as_years wrote back to the period's
    name, where the document never wrote the year-form itself (else where the named form reads in the document)."""
    for target in found:
        text = target.get("text")
        if not isinstance(text, str):
            continue
        for form, name in swaps.items():
            if form in text and (form not in original or text.replace(form, name) in original):
                text = text.replace(form, name)
        target["text"] = text
    return found


# the plan's own period stated in a sentence anywhere ("规划期为2021—2025年", "本规划期限为2021年至2025年",
# "规划期限：2021-2025年", "实施期限为2019—2021年", "本方案实施期为2023年—2025年")
PERIOD_SENTENCE = re.compile(
    r"(?:规划|计划|方案|纲要)?(?:实施)?(?:期限|期|年限|时限|周期)(?:为|是|[:：])\s*(20\d{2})\s*年?\s*[—–\-~～至到]+\s*(20\d{2})\s*年"
)
# the title's period ("…规划（2021—2025年）", "…行动计划(2023-2025年)")
TITLE_PERIOD = re.compile(r"[（(]\s*(20\d{2})\s*年?\s*[—–\-~～至到]+\s*(20\d{2})\s*年?\s*[）)]")
# a title on how a plan went ("…规划(1991-1995年)执行情况的报告", "…纲要（1996—2000年）实施总结"): its figures are results
PAST_PLAN_REVIEWED = re.compile(r"执行情况|实施情况|完成情况|总结|回顾|评估|终期")
# a last century's plan's title period ("…儿童少年事业发展规划(1996-2000年)", "…纲要（1991—1995年）"): its goals,
# dated by no sentence, are for its end; only right after a plan word, in a title line (reader62)
TITLE_PAST_PERIOD = re.compile(
    r"(?:规划|纲要|计划|方案)\s*[（(]\s*(19[5-9]\d)\s*年?\s*[—–\-~～至到]+\s*(19[5-9]\d|2000)\s*年?\s*[）)]"
)
# the five-year period a title names as its plan's ("某市“十四五”卫生健康发展规划", "十四五全民健身实施计划")
TITLE_FIVE_YEAR = re.compile(
    r"[“\"]?" + FIVE_YEAR_NUMBER + r"[”\"]?[^，,。；;：:\n]{0,30}?(?:规划|计划|纲要|方案)"
)


# a title line: no sentence stop, and a plan in 《》 only as the one it issues ("关于印发《…（2021—2025年）》的通知")
TITLE_LINE = re.compile(r"^(?!.*。)(?:[^《]*$|.*印发《)")


def _title_lines(text: str) -> list[str]:
    """The document's first lines that are not its '#' header nor empty (a title may run over two or three)."""
    lines = [line.strip() for line in text.splitlines()[:12] if line.strip() and not line.startswith("#")]
    # a title is short (a paragraph naming "“十二五”规划" is no title, 60 characters hold "关于印发《…》的通知")
    return [line for line in lines[:3] if len(line) <= 60]


def stated_period(text: str) -> tuple[int, int] | None:
    """(first year, last year) of the plan's own period where the text states it in years: its title's bracket, else
    a 规划期 sentence in any chapter (the first such; often the last chapter's)."""
    for line in _title_lines(text):
        if not TITLE_LINE.match(line):
            continue  # a sentence, or one citing another plan ("按照《…规划(2017-2022)》…制定本计划。")
        if period := TITLE_PERIOD.search(line):
            return int(period.group(1)), int(period.group(2))
        if (
            (period := TITLE_PAST_PERIOD.search(line))
            and int(period.group(1)) < int(period.group(2))
            and not PAST_PLAN_REVIEWED.search(line[period.end() :])
        ):
            return int(period.group(1)), int(period.group(2))
    if period := PERIOD_SENTENCE.search(text):
        return int(period.group(1)), int(period.group(2))
    return None


def document_period(text: str) -> tuple[int, int] | None:
    """(first year, last year) of the plan's own period, wherever the text states it: stated_period, else a five-year
    plan its title names (十四五 → 2021–2025)."""
    if period := stated_period(text):
        return period
    for line in _title_lines(text):
        if named := TITLE_FIVE_YEAR.search(line):
            end = FIVE_YEAR_ENDS[named.group(1)]
            return end - 4, end
    return None


# a work report's year: its title's ("2021年某市政府工作报告") or its session line's under its title ("政府工作报告" then
# "——2026年1月27日在…人民代表大会…会议上")
# (the title ends with it: "2021年《政府工作报告》重点任务四季度落实情况" reports on a report's tasks)
REPORT_TITLE_YEAR = re.compile(r"(20\d{2})\s*年[^，,。；;\n《》]{0,24}?工作报告\s*$")
REPORT_SESSION_YEAR = re.compile(
    r"^[—―─－-]*\s*(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在[^\n。]{2,60}?(?:大会|会议)"
)

# a copy of a work report's parts opening on the part that sets the year's work ("二、2007年工作总体部署",
# "三、2025年政府工作任务", "２０１３年经济社会发展的主要任务"): the report is that year's, its "今年" goals are for it
# (a part looking back, "一、2006年工作回顾", is no such heading) (reader55)
REPORT_PART_YEAR = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?\s*(20\d{2})\s*年\s*"
    r"(?:国民)?(?:经济社会发展|经济和社会发展|政府工作|工作)?的?"
    r"(?:总体部署|总体要求|主要任务|重点工作|工作任务|任务|工作安排|主要目标任务|主要目标和任务)"
    r"(?:和政策取向|和主要任务)?\s*$"
)

# a report's part that sets the year's plan, budget or work as a proposal or a list of indicators ("二、1981年国民经济
# 计划的任务和主要指标", "二、2024年的国家预算", "二、关于2025年政府工作的建议"), in a year of this century or the last
# half of the one before (an old national report's "1956年的国家预算"): the report is that year's (reader60)
REPORT_PLAN_PART_YEAR = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?(?:关于)?(19[5-9]\d|20\d{2})年"
    r"(?:的?国家预算(?:草案)?|(?:的)?(?:政府工作|工作)的建议"
    r"|的?国民经济(?:和社会发展)?计划(?:草案)?的?(?:任务和主要指标|主要指标|主要任务|任务))$"
)


# a work report's goals line for its own year: "今年经济社会发展的主要预期目标是：…" (as "2012年…预期目标是：")
THIS_YEAR_GOALS_LINE = re.compile(r"今年[^，,。；;:：]{0,16}?(?:主要)?预期目标(?:是|为)?[:：]")


# a work report's sentence opened by the five years to come ("今后五年，…", "未来五年,…"): the report's year and four more
FIVE_YEARS_AHEAD = re.compile(r"\s*(?:今后|未来)五年[，,]")


def report_year(text: str) -> int | None:
    """The year a work report is given in (its "今年"), by its title or the session line under it; None for a text
    that is no work report."""
    lines = _title_lines(text)
    for line in lines:
        if title := REPORT_TITLE_YEAR.search(line):
            return int(title.group(1))
    if lines and "工作报告" in re.sub(r"\s", "", lines[0]):
        for line in lines[1:]:
            if session := REPORT_SESSION_YEAR.match(line):
                return int(session.group(1))
    if lines and (part := REPORT_PART_YEAR.match(unicodedata.normalize("NFKC", re.sub(r"\s", "", lines[0])))):
        return int(part.group(1))
    if lines and (
        part := REPORT_PLAN_PART_YEAR.match(unicodedata.normalize("NFKC", re.sub(r"\s", "", lines[0])))
    ):
        return int(part.group(1))
    return _year_after_review(text)


# a work report's part looking back on last year, on a line of its own ("一、2023年工作回顾", "2023年工作总结")
REPORT_REVIEW_PART = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?\s*(20\d{2})\s*年\s*(?:政府)?工作(?:回顾|总结)\s*$"
)


def _year_after_review(text: str) -> int | None:
    """A work report's copy with no title or session line ("各位代表：" then "一、2023年工作回顾"): the year of the part
    setting the next year's work that follows its review ("二、2024年工作安排", "二、2024年工作任务") (reader69)."""
    reviewed = None
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        bare = unicodedata.normalize("NFKC", re.sub(r"\s", "", line))
        if review := REPORT_REVIEW_PART.match(bare):
            reviewed = int(review.group(1))
        elif (
            reviewed
            and (part := REPORT_PART_YEAR.match(bare) or NEXT_YEAR_PART.match(bare))
            and int(part.group(1)) == reviewed + 1
        ):
            return reviewed + 1
    return None


# reader71: any heading of a work report's part for the year after its review, on a line of its own with no sentence
# punctuation ("二、2031年重点工作安排", "二、2031年总体思路和目标任务", "2031年工作建议", "二、2031年主要工作"), a
# heading naming that year and its work, tasks, goals or plan
NEXT_YEAR_PART = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?\s*(20\d{2})\s*年"
    r"[^，。；：,;:！？!?\d]{0,14}(?:工作|任务|目标|安排|思路|建议|部署|打算)[^，。；：,;:！？!?\d]{0,6}$"
)


# the day a text says it was issued or published: a record row or a page's line ("发文日期：2022-07-14", "发布时间:2025-03-18"),
# or a date closing the text on a line of its own ("2017年1月5日", the 落款)
OWN_DATE_ROW = re.compile(r"(?:发文|成文|发布|印发)(?:时间|日期)\s*[|:：]?\s*(20\d{2})\s*[-年./]")
DATE_LINE = re.compile(r"^[\s\u3000]*(20\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[\s\u3000]*$")
# reader58: a page's date written as digits alone on its own line ("2023-09-22", "2023/9/22", "2023.09.22", full-width
# alike after NFKC), the page's line of its date
ISO_DATE_LINE = re.compile(r"^\s*(20\d{2})\s*([-/.])\s*\d{1,2}\s*\2\s*\d{1,2}\s*$")
# reader58: last year's value in a bracket after an indicator ("≥76%(2022年:73%)", "(2022:90%)"): a baseline, no year
# the text's goals are for
BASELINE_BRACKET = re.compile(r"[（(]\s*(20\d{2})\s*年?\s*[:：]\s*[\d.]+\s*[%‰]?\s*[)）]")
# reader58: an indicator's floor or ceiling by its sign closing a line ("4.孕产妇系统服务率≥90%", "≤10/10万(2022:…)"): a list
# of three such lines names its goals as a heading does (a 绩效指标 list copied without its heading)
SIGNED_INDICATOR_LINE = re.compile(
    r"^[^\n≥≤]{2,60}[≥≤]\s*\d+(?:\.\d+)?\s*(?:%|‰|/10万)?\s*(?:[（(][^）)\n]{0,20}[)）])?\s*$", re.M
)

# a heading of the text's goals, on a line of its own or opening one ("一、工作目标", "（二）主要目标", "主要目标：新增…"), not
# a phrase in a sentence ("确保如期完成目标任务", "筛查目标任务为1350人")
GOALS_HEADING = re.compile(
    r"^[\s\u3000#*]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、])?\s*"
    r"(?:工作|主要|发展|总体|具体|年度|预期|建设)?目标(?:任务)?\s*(?:[:：]|$)",
    re.M,
)


# a year the text names, not as part of a day ("2021年1月-12月", "2020年全县…"; not "2023年4月6日")
NAMED_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")


def written_year(text: str) -> int | None:
    """The year a text was written in, where it states its own date: a 发文日期/发布时间 row in its head, else a date
    line closing it (the 落款), else a date line in its opening; None where the text names another year besides (a
    2021 form on a page dated 2022 is 2021's)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    written = None
    if row := OWN_DATE_ROW.search("\n".join(lines[:15])):
        written = int(row.group(1))
    else:
        for line in (*lines[-4:], *lines[:6]):
            if date := DATE_LINE.match(line) or ISO_DATE_LINE.match(unicodedata.normalize("NFKC", line)):
                written = int(date.group(1))
                break
    body = BASELINE_BRACKET.sub(
        lambda m: "" if written and int(m.group(1)) < written else m.group(0), "\n".join(lines)
    )
    if written is None or {int(y) for y in NAMED_YEAR.findall(body)} - {written}:
        return None
    return written


def names_its_goals(text: str) -> bool:
    """Whether a text heads its goals ("一、工作目标"), or lists them as signed indicators, three lines or more
    ("1.…接种率≥90%"), which is a goals list without its heading (reader58)."""
    return bool(GOALS_HEADING.search(text)) or len(SIGNED_INDICATOR_LINE.findall(text)) >= 3
