"""Numeric targets by class (session 23, reader55): the failure classes of heldout_cm, heldout_cn and heldout_co's
first reading (a copy of a work report's parts opening on the part that sets the year's work, its "今年" goals dated
by the review years it quotes). Every text here is made up; none is a held-out document. Each test fails on main at
6559bce8 but the guards (named so), which keep a rule off its neighbours."""

from tixi.ledger.engine import dating
from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_report_copy_opening_on_its_year_s_work_part_dates_this_year_s_goals():
    # the years it looks back on ("从2009年到2011年年均…", "2011年底") outnumber the heading's; "今年" is the heading's year
    text = (
        "二、2012年工作总体部署\n\n"
        "今年经济社会发展的主要预期目标是：国内生产总值增长7%左右；城镇新增就业人数不低于800万人。\n\n"
        "从2009年到2011年年均新增财力1500亿元，2011年底已完成改造。2011年各地投入增加。\n\n"
        "今年再解决2500万人的安全饮水问题。"
    )
    assert found(text) == [
        (7.0, "%", 2012, "about"),
        (800.0, "万人", 2012, "ge"),
        (2500.0, "万人", 2012, "ge"),
    ]


def test_other_wordings_of_the_part_heading_full_width_and_spaced():
    text = (
        "三、２０１５ 年政府工作任务\n\n"
        "2012年至2014年累计新增就业20万人。\n\n"
        "今年城镇新增就业人数不低于9万人。"
    )
    assert found(text) == [(9.0, "万人", 2015, "ge")]
    text = "（二）2016年经济社会发展的总体要求和政策取向\n\n从2011年到2015年年均增长 8 %。\n\n今年城镇登记失业率控制在4.5%以内。"
    assert found(text) == [(4.5, "%", 2016, "le")]


def test_guard_a_review_part_or_a_plan_s_heading_sets_no_report_year():
    # "一、2011年工作回顾" looks back; a plan's yearly stage ("（一）2024年重点任务" under a three-year plan's title) is
    # no report's part: neither dates the text as a report
    assert dating.report_year("一、2011年工作回顾\n\n2011年城镇新增就业人数达到900万人。") is None
    assert (
        dating.report_year("某市卫生健康三年行动计划（2024—2026年）\n\n（一）2024年重点任务\n\n建成10家。")
        is None
    )
    assert dating.report_year("二、2012年工作总体部署\n\n今年增长7%左右。") == 2012


def test_a_year_before_the_report_s_is_past_its_figures_reached():
    text = "某县2019年政府工作报告\n\n从2016年到2018年年均增收12亿元。2016年至2018年累计新增就业3万人。今年新增就业1万人以上。"
    assert found(text) == [(1.0, "万人", 2019, "ge")]


def test_a_clause_opened_by_this_year_after_an_encouragement_commits_on_its_own():
    text = "某市2019年政府工作报告\n\n鼓励更多退役军人和农民工报考，今年高职院校扩招 10 万人。"
    assert found(text) == [(10.0, "万人", 2019, "ge")]
    # guard: a value others are encouraged to reach stays out
    assert found("某市2019年政府工作报告\n\n鼓励有条件的地方完成15%的改造。") == []


def test_an_approximate_count_a_clause_commits_to_is_a_goal():
    text = "某市2019年政府工作报告\n\n今年要完成3200多项地方标准的制定修订工作，力争新建 60 多个 口袋公园。"
    assert found(text) == [(3200.0, "项", 2019, "ge"), (60.0, "个", 2019, "ge")]


def test_guard_an_approximate_count_reported_stays_out():
    text = "某市2019年政府工作报告\n\n2018年，全市公园发展到400多个，社区体育设施达到1000多处。"
    assert found(text) == []


def test_tonnes_of_abatement_are_goals_a_plant_s_daily_output_is_not():
    text = "到2025年，化学需氧量、氨氮等重点工程减排量分别达到320吨、25.5吨。"
    assert found(text) == [(320.0, "吨", 2025, "ge"), (25.5, "吨", 2025, "ge")]
    assert found("到2025年，在有条件的地区发展日产3000吨及以上的新型生产线。") == []
    # guard: 万吨 and 吨标准煤 keep their own readings
    assert found("到2025年，重点工程减排量达到1.2万吨。") == [(1.2, "万吨", 2025, "ge")]


def test_a_sex_ratio_brought_under_a_ceiling_has_no_unit():
    assert found("到2020年，出生人口性别比趋于合理，降低到109.5以下。") == [(109.5, "", 2020, "le")]
    assert found("到2025年，全市出生人口性别比控制在 110 以内。") == [(110.0, "", 2025, "le")]


def test_a_report_s_clause_of_its_five_year_period_is_for_the_period_s_end():
    text = "二、2012年工作总体部署\n\n“十二五”期间，淘汰落后产能 8000万吨，今年要淘汰2000万吨。"
    assert found(text) == [(8000.0, "万吨", 2015, "ge"), (2000.0, "万吨", 2012, "ge")]


def test_machines_per_population_keep_their_unit():
    assert found("到2025年，工业机器人使用密度力争达到 420台/万人。") == [(420.0, "台/万人", 2025, "ge")]
    # guard: a count of machines stays a count
    assert found("到2025年，新增工业机器人300台。") == [(300.0, "台", 2025, "ge")]


def test_a_red_line_held_and_money_budgeted_are_no_goals():
    text = (
        "某县2019年政府工作报告\n\n一定要守住全县耕地不少于 52万亩的红线。明年将安排 30亿元。从结余中拿出5亿元，"
        "用于技能培训。用于这方面的支出总额将达到12亿元。今年新建学校10所。"
    )
    assert found(text) == [(10.0, "所", 2019, "ge")]


def test_money_s_growth_and_a_leave_to_lower_a_rate_are_no_goals():
    text = (
        "某市2019年政府工作报告\n\n市对区县均衡性转移支付增长 8.5%。下调单位缴费比例，各区可降至 15%。"
        "城镇登记失业率控制在4.5%以内。"
    )
    assert found(text) == [(4.5, "%", 2019, "le")]
