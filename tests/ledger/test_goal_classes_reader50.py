"""Goals dated by the document's own period (session 23, reader50; tixi/ledger/engine/dating.py gives the order): a
horizon named by a five-year period's end ("到“十四五”末", "至十四五期末") is that year wherever it stands, a heading's
too; the plan's period stated in a 规划期 sentence in its last chapter, or in its title only, dates goals that name no
year; a five-year plan named in a short title dates them to the period's end. Guards: a period end reported reached,
a period inside a plan the preamble cites. Every text here is made up; none is a held-out document. The tests marked
"fails on main" fail at 1bcbf6fb."""

from tixi.ledger.engine import dating, perturb
from tixi.ledger.engine.parse import targets

# a chapter of words without a number: the anchors below stand past the reader's first 1,500 characters
FILL = "加强组织领导，完善工作机制，强化部门协同，营造良好氛围。" * 60 + "\n"


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_named_period_end_heading_a_list_dates_the_lines_under_it():
    # fails on main: "到“十四五”末，…主要指标如下：" dated its own sentence only
    text = (
        "某市中医药发展规划\n一、发展目标\n到“十四五”末，中医药服务体系进一步健全。主要指标如下：\n"
        "全市每千人口公立中医类医院床位数达到0.85张。\n"
    )
    assert found(text) == [(0.85, "张", 2025, "ge")]


def test_named_period_end_keeps_the_documents_words():
    text = "某区全民健身实施计划\n至十四五期末，全区经常参加体育锻炼人数比例达到42%。\n"
    [target] = targets(text)
    assert (target["year"], target["value"]) == (2025, 42.0)
    assert "至十四五期末" in target["text"] and "2025" not in target["text"]


def test_period_sentence_in_the_last_chapter_dates_goals_without_a_year():
    # fails on main: "本规划期为2021—2025年。" closing the plan, past its first 1,500 characters
    text = (
        "某市养老服务体系建设规划\n一、主要目标\n全市养老机构护理型床位占比达到55%以上，每千名老年人拥有养老床位数达到40张。\n"
        "二、保障措施\n" + FILL + "三、附则\n本规划期为2021—2025年。\n"
    )
    assert found(text) == [(55.0, "%", 2025, "ge"), (40.0, "张", 2025, "ge")]


def test_period_term_with_a_colon_and_a_hyphen():
    # fails on main: "规划期限：2021-2025年" in the last chapter
    text = (
        "某县卫生健康事业发展规划\n第一章 总体要求\n主要目标：全县孕产妇死亡率控制在12/10万以下。\n"
        + FILL
        + "第九章 附则\n规划期限：2021-2025年。\n"
    )
    assert found(text) == [(12.0, "/10万", 2025, "le")]


def test_a_vision_beyond_the_period_is_not_the_goals_year():
    # fails on main: "展望到2035年" was the only 到YYYY年, so it dated every goal
    text = (
        "某市卫生健康发展规划\n一、规划背景\n"
        + FILL
        + "本规划期限为2021—2025年，展望到2035年。\n二、主要目标\n全市每千人口床位数达到6.5张。\n"
    )
    assert found(text) == [(6.5, "张", 2025, "ge")]


def test_five_year_plan_named_in_the_title_dates_goals_to_its_end():
    # fails on main: a baseline "2020年" and a work "2022年" besides the goals, no 到YYYY年
    text = (
        "某市“十四五”卫生健康发展规划\n第一章 发展基础\n2020年，全市每千人口床位数为5.2张。2022年，市级医学中心开工建设。\n"
        "第二章 主要目标\n全市每千人口床位数达到6.5张，每千人口执业（助理）医师数达到3.2人。\n"
    )
    assert found(text) == [(6.5, "张", 2025, "ge"), (3.2, "人", 2025, "ge")]


def test_a_work_reports_year_by_its_session_line_dates_its_goals():
    # fails on main: the one "到2015年" (the period's end) dated the 2014 report's goals
    text = (
        "政 府 工 作 报 告\n——2014年2月19日在某区第十四届人民代表大会第三次会议上\n一、过去一年工作回顾\n"
        "到2015年，全区城镇化率达到70%的目标基本实现在望。\n二、今年工作安排\n全区地区生产总值增长11%，城镇新增就业5000人以上。\n"
    )
    assert found(text) == [(11.0, "%", 2014, "ge"), (5000.0, "人", 2014, "ge")]


def test_this_years_goals_line_in_a_report_dates_each_clause():
    # fails on main: "今年…预期目标是：" dated its first clause only (as "2012年…预期目标是：" dates them all)
    text = (
        "政府工作报告\n——2012年2月29日在某区第十三届人民代表大会第一次会议上\n今年全区经济社会发展的预期目标是：地区生产总值"
        "达到240亿元，同比增长21%；地方财政总收入达到20亿元，同比增长24.6%；城镇登记失业率控制在4%以内。\n"
    )
    assert found(text) == [
        (240.0, "亿元", 2012, "ge"),
        (21.0, "%", 2012, "ge"),
        (20.0, "亿元", 2012, "ge"),
        (24.6, "%", 2012, "ge"),
        (4.0, "%", 2012, "le"),
    ]


def test_the_next_five_years_of_a_report_end_four_years_after_it():
    # fails on main: "今后五年，…" in a 2021 report was dated 2021 (its title's year), not 2025
    text = (
        "2021年某市政府工作报告\n一、过去五年工作回顾\n"
        + FILL
        + "二、今后五年的主要目标\n今后五年，全市城镇新增就业累计达到25万人以上，人均预期寿命达到80岁。\n"
        "三、2021年重点工作\n今年，全市城镇新增就业5万人以上。\n"
    )
    assert found(text) == [(25.0, "万人", 2025, "ge"), (80.0, "岁", 2025, "ge"), (5.0, "万人", 2021, "ge")]


def test_a_report_on_a_reports_tasks_is_no_work_report():
    # guard: "2021年《政府工作报告》重点任务…落实情况" reports progress; its title is no report's
    assert (
        dating.report_year(
            "某区卫生健康局\n标题: 某区卫生健康局2021年《政府工作报告》重点任务四季度落实情况\n正文"
        )
        is None
    )
    assert dating.report_year("2024年某县政府工作报告\n正文") == 2024
    assert dating.report_year("政府工作报告\n——2026年1月27日在某省人民代表大会第四次会议上\n") == 2026


def test_a_five_year_title_dates_nothing_in_a_copy_naming_no_goals():
    # guard: a plan's opening cut before its goals ("…2035年远景目标纲要" cited, no goal of its own): its past's results
    # stay unread whatever its headings look like
    text = (
        "某市“十四五”卫生健康发展规划\n根据《某市国民经济和社会发展第十四个五年规划和2035年远景目标纲要》，制定本规划。\n"
        "（1）发展基础\n医药卫生体制改革持续深化。公立医院医药费用增幅降至10%左右，药占比降至30%左右。\n"
    )
    assert found(text) == []


def test_period_end_reported_reached_is_no_horizon():
    # guard: "至十三五末,…达到了80.6岁" reports a level reached
    assert found("某市成就发布会\n至十三五末,我市人均预期寿命指标达到了80.6岁。\n") == []


def test_a_cited_plans_period_is_not_the_documents():
    # guard: "按照《…规划(2017-2022)》…制定本计划。" opens a text with no title of its own
    text = "为推进智能化改造，按照《某省智能制造发展规划(2017-2022)》等文件要求，制定本计划。\n一、总体要求\n推动企业技改。\n"
    assert dating.stated_period(text) is None
    assert dating.stated_period("关于印发《某市行动计划（2023—2025年）》的通知\n各区：\n") == (2023, 2025)
    assert dating.stated_period("某市规划\n" + FILL + "本方案实施期为2023年—2025年。") == (2023, 2025)


def test_document_period_by_a_five_year_title_only_in_a_short_line():
    assert dating.document_period("某县“十四五”全民健身实施计划\n正文。") == (2021, 2025)
    # a paragraph naming the period's plan is no title
    assert (
        dating.document_period("摘要\n" + "我国提出在“十二五”规划建设周期末提高人均期望寿命1岁，" * 3) is None
    )


def test_dating_shapes_move_the_anchor_and_keep_the_meaning():
    text = "某市护理事业发展行动计划（2021—2025年）\n一、目标\n到2025年，全市注册护士总数达到1.2万人。\n"
    only_title = perturb.period_title_only(text)
    assert "到2025年" not in only_title and "（2021—2025年）" in only_title
    last = perturb.period_sentence_last(text)
    assert last.splitlines()[0] == "某市护理事业发展行动计划" and last.endswith("规划期为2021—2025年。")
    assert "十四五" in perturb.period_end_words(text) and "到2025年" not in perturb.period_end_words(text)
    for shaped in (only_title, last, perturb.period_end_words(text)):
        assert found(shaped) == found(text) == [(1.2, "万人", 2025, "ge")]
    # a text whose goals run to two years keeps them (no anchor moved)
    two = text.replace("。\n", "，到2030年达到1.5万人。\n")
    assert perturb.period_title_only(two) == two


def test_report_year_in_title_shape():
    session = "政府工作报告\n——2016年3月5日在某届人民代表大会上\n2016年是开局之年。\n"
    assert perturb.report_year_in_title(session).endswith("今年是开局之年。\n")
    text = "2024年某县政府工作报告\n2024年主要预期目标是：地区生产总值增长6%左右。\n2024年3月1日\n"
    shaped = perturb.report_year_in_title(text)
    assert shaped.splitlines()[0] == "2024年某县政府工作报告"
    assert "今年主要预期目标" in shaped and "2024年3月1日" in shaped
    assert found(shaped) == found(text) == [(6.0, "%", 2024, "about")]


# SEEN sets where the dating shapes move anchors (a title's period, 规划期, "到2025年" → "到“十四五”末", reports' years)
DATING_FOLDERS = (
    "heldout_ax",
    "heldout_bl",
    "heldout_bn",
    "heldout_bt",
    "heldout_by",
    "heldout_bz",
    "heldout_cb",
)
DATING_SHAPES = ("period_title_only", "period_sentence_last", "period_end_words", "report_year_in_title")


def _seen_figures(shape=None) -> dict[str, tuple[int, int]]:
    from pathlib import Path

    from tixi.ledger.engine.accuracy import held_out_scores

    ledger = Path(__file__).parent
    return {
        f"{folder}/{doc}": (kinds["targets"].matched, kinds["targets"].found)
        for folder in DATING_FOLDERS
        for doc, kinds in held_out_scores(ledger / folder, shape).items()
    }


def test_dating_shapes_read_the_plain_figures_on_seen_sets():
    """Each dating shape, on SEEN documents whose anchors it moves, reads each document's targets as the plain text
    (main at 1bcbf6fb read none of hangzhou_aiopc's 23 under period_sentence_last, dated 21 of shandong_jiaoyu's 23
    wrong under period_end_words and all 18 of hailaer_2014's under report_year_in_title)."""
    plain = _seen_figures()
    for name in DATING_SHAPES:
        shaped = _seen_figures(perturb.perturbed(name))
        assert {doc: figures for doc, figures in shaped.items() if figures != plain[doc]} == {}, name


def test_named_period_ends_on_a_long_line_are_read_in_linear_time():
    import time

    line = "到“十四五”末，全市建成" * 20000  # 220,000 characters, no stop
    start = time.perf_counter()
    dating.period_ends_as_years(line)
    assert time.perf_counter() - start < 1.0
