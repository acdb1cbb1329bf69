"""Tasks' units and goals' years by class (session 25, reader65): heldout_cz's and heldout_db's first-reading misses,
made general. Every text here is made up; none is a held-out document. Each test fails on the parser before these
rules (main at 86bc8191) but the guards.

1. A document-wide rule whose unit is a short name of one the same bracket named in full ("…,各设区市政府负责落实。以下
   任务均需各市落实,不再列出"): the full name, in every later task; in a document whose brackets all name their units
   leads ("X、Y牵头负责": a lead word alone tells no lead apart from a cooperating unit) it joins the lead, in the
   bracket that states it too. The rule's own cooperating word ("均需X配合") makes its unit cooperate.
2. "责任单位：A，B；配合单位：C" in a document that states no comma rule: the 配合单位 label names who cooperates, so the
   comma in the 责任单位 list separates units of one list (A and B lead), as it does in a bracket with no second label.
3. A clause, or a measure's sentence after its number ("2.2025年新增60家…"), opened by the year of the work it counts
   ("2025年新建40个…", "…,2025年打造30个…", "2025年…活动超1500场次") in a plan whose 到YYYY年 is later: that year's goal,
   not a past year's level (nor the document's year); a level stated (为, 是) or reported (了, 已, 累计) stays out.
4. A span a numbered measure names ("10. …2025—2027年省财政安排专项资金") is what the measure does over it, not the plan's
   period: it no longer dates the document (a period in the title, or in a sentence that is no measure, still does); with
   the text naming no 到YYYY年, its deadlines' one year dates its goals. Beside it, "万家次" is a unit of its own and
   "推动N家…" a count of the works (LIST_ITEM_VERB).
"""

from tixi.ledger.engine.parse import targets, tasks


def units(text: str) -> list[tuple]:
    return [(t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


MEASURES = """某省稳增长工作方案

一、支持企业发展

1. 推动中小企业纾困解难,优化惠企政策兑现流程。(省工业和信息化厅、财政厅牵头负责,各设区市政府负责落实。以下任务均需各市落实,不再列出)

2. 开展产销对接活动,帮助企业开拓市场。(省商务厅牵头负责)

二、扩大有效投资

1. 加快重点项目建设进度,强化要素保障。(省发展改革委、自然资源厅牵头负责)
"""


def test_a_rule_naming_a_short_name_carries_the_full_name_to_every_later_task_as_a_lead():
    assert units(MEASURES) == [
        (["省工业和信息化厅", "省财政厅", "各设区市政府"], []),
        (["省商务厅", "各设区市政府"], []),
        (["省发展改革委", "省自然资源厅", "各设区市政府"], []),
    ]


def test_the_rule_said_with_its_duty_in_two_words_and_no_closing_words():
    text = MEASURES.replace("以下任务均需各市落实,不再列出", "以下各项任务均需各市负责落实")
    assert units(text)[1:] == [
        (["省商务厅", "各设区市政府"], []),
        (["省发展改革委", "省自然资源厅", "各设区市政府"], []),
    ]


def test_guard_a_rule_whose_own_word_is_a_cooperating_one_makes_its_unit_cooperate():
    text = MEASURES.replace(
        "各设区市政府负责落实。以下任务均需各市落实,不再列出",
        "省统计局配合。以下工作均需省统计局配合,不再列出",
    )
    assert units(text) == [
        (["省工业和信息化厅", "省财政厅"], ["省统计局"]),
        (["省商务厅"], ["省统计局"]),
        (["省发展改革委", "省自然资源厅"], ["省统计局"]),
    ]


def test_in_a_document_that_told_its_leads_apart_before_the_rule_its_full_name_cooperates():
    text = MEASURES.replace(
        "1. 推动中小企业",
        "1. 摸清企业底数,建立台账。(省工业和信息化厅牵头,省统计局配合)\n\n2. 推动中小企业",
    ).replace("2. 开展产销", "3. 开展产销")
    assert units(text) == [
        (["省工业和信息化厅"], ["省统计局"]),
        (["省工业和信息化厅", "省财政厅"], ["各设区市政府"]),
        (["省商务厅"], ["各设区市政府"]),
        (["省发展改革委", "省自然资源厅"], ["各设区市政府"]),
    ]


def test_a_duty_list_divided_by_commas_beside_a_cooperating_label_all_leads():
    text = (
        "12.优化惠企服务。建立企业诉求快速响应机制。(责任单位:省工业和信息化厅)"
        "推行涉企事项一网通办。(责任单位:省有关单位,各市人民政府;配合单位:省数据资源局、省财政厅)\n"
    )
    assert units(text) == [
        (["省工业和信息化厅"], []),
        (["省有关单位", "各市人民政府"], ["省数据资源局", "省财政厅"]),
    ]


def test_guard_a_duty_list_under_a_stated_comma_rule_keeps_the_comma_rule():
    text = (
        "说明:责任单位中逗号前为牵头单位。\n"
        "(一)优化惠企服务。推行涉企事项一网通办。(责任单位:市数据局,市财政局;配合单位:各区县政府)\n"
    )
    assert units(text) == [(["市数据局"], ["市财政局", "各区县政府"])]


def goals(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"]) for t in targets(text)]


MEASURES_TO_2027 = """某省促进消费若干措施
 为扩大消费需求,提出以下措施。
 一、促进增收行动
 1.实施新型职业农民培育计划,到2027年培育高素质农民2000人。
 2.2025年新增60家社区嵌入式托育点。
 3.加快建设社区食堂。2025年新建40个社区食堂,完善配套服务。
 4.大力发展夜间经济,2025年打造30个夜间消费街区。
 5.2025年全省联动举办“惠民消费季”系列促销活动超1500场次。
 6.推动步行街提档升级,到2027年建成示范步行街10条。
"""


def test_a_clause_opened_by_the_year_of_the_work_it_counts_is_dated_by_that_year():
    assert goals(MEASURES_TO_2027) == [
        (2000.0, "人", 2027),
        (60.0, "家", 2025),
        (40.0, "个", 2025),
        (30.0, "个", 2025),
        (1500.0, "场次", 2025),
        (10.0, "条", 2027),
    ]


def test_guard_a_past_year_stating_a_level_is_no_goal_of_that_year():
    text = MEASURES_TO_2027.replace(
        " 为扩大消费需求,提出以下措施。\n",
        " 2023年全省人均预期寿命为79.2岁,三大健康指标分别为:婴儿死亡率2.1‰、孕产妇死亡率6.5/10万。\n"
        " 2023年累计新建社区食堂120个。\n",
    )
    assert goals(text) == goals(MEASURES_TO_2027)


NOTICE_MEASURES = """某省人民政府办公厅关于印发某省稳经济工作方案的通知
 各市人民政府:现将《某省稳经济工作方案》印发给你们,请认真贯彻落实。
 某省人民政府办公厅
 2025年5月8日
 某省稳经济工作方案
 1. 落实准入政策,在2025年12月31日前完成清理。(省商务厅牵头负责)
 2. 发挥担保作用。2025—2027年省财政安排专项资金,逐步增加担保机构注册资本。(省财政厅牵头负责)
 3. 组织不少于3万家次企业参展促销。(省商务厅牵头负责)
 4. 开展技术改造行动,2025年全年推动5000家工业企业技改。(省工业和信息化厅牵头负责)
 5. 启动建设不少于20家省级中试平台。(省发展改革委牵头负责)
 各地要于2025年9月底前出台配套政策。
"""


def test_a_span_a_measure_names_is_no_period_of_the_plan():
    # the measure's "2025—2027年…安排专项资金" dated the plan 2027; its deadlines' year dates it; "万家次" is a unit of its own,
    # "推动N家" a count of the works
    assert [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(NOTICE_MEASURES)] == [
        (3.0, "万家次", 2025, "ge"),
        (5000.0, "家", 2025, "ge"),
        (20.0, "家", 2025, "ge"),
    ]


def test_guard_a_period_in_the_title_or_an_opening_sentence_is_the_plan_s():
    titled = NOTICE_MEASURES.replace(" 某省稳经济工作方案\n 1.", " 某省稳经济工作方案（2025—2027年）\n 1.")
    assert [t["year"] for t in targets(titled) if t["value"] in (3.0, 20.0)] == [2027, 2027]
    opened = NOTICE_MEASURES.replace(
        " 某省稳经济工作方案\n 1.", " 某省稳经济工作方案\n 2025—2027年,全省实施稳经济行动,提出以下措施。\n 1."
    )
    assert [t["year"] for t in targets(opened) if t["value"] in (3.0, 20.0)] == [2027, 2027]
