"""Numeric targets by class (session 22, reader43): the first-reading misses and extras of heldout_bx (plans and guides
with no 到YYYY年: a period named in the body, goals set under a five-year plan, a yearly pace and its breakdown, a
conditions section's numbered items, what a plan did with things it counts) and heldout_bz (a district's work reports:
a goals line without 主要 and with 同比 over its clauses, incomes per head in 元, money spent or owed, a count closing a
clause after its object, a count of the names a clause lists). Every text here is made up; none is a held-out
document. Each test fails on the parser before these rules (main at 30314790) but the guard
`test_a_count_after_names_closed_by_deng_stays_a_goal`, which keeps the names-counted rule off a list closed by 等."""

from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_goals_line_without_zhuyao_dates_its_clauses_and_its_same_period_comparisons_are_goals():
    text = (
        "一、2015年工作目标\n"
        "2015年全县经济社会发展的预期目标是：县域生产总值达到80亿元，同比增长9%；"
        "公共财政收入达到6亿元，同比增长8.5%。\n"
    )
    assert found(text) == [
        (80.0, "亿元", 2015, "ge"),
        (9.0, "%", 2015, "ge"),
        (6.0, "亿元", 2015, "ge"),
        (8.5, "%", 2015, "ge"),
    ]


def test_an_income_per_head_in_yuan_is_a_level_to_reach():
    text = (
        "2016年经济社会发展主要预期目标是:城镇居民人均可支配收入增长9%,达到31200元;"
        "农村居民人均纯收入达到14500元,增长10%。"
    )
    assert found(text) == [
        (9.0, "%", 2016, "ge"),
        (31200.0, "元", 2016, "ge"),
        (14500.0, "元", 2016, "ge"),
        (10.0, "%", 2016, "ge"),
    ]


def test_a_period_named_in_the_body_dates_a_plan_with_no_year_to_reach():
    text = (
        "某市智慧农业示范行动方案\n"
        "一、工作目标\n"
        "2019年启动30个以上示范基地建设。三年培育80家以上示范企业。示范企业生产效率提高15%。\n"
        "二、进度安排\n"
        "示范行动实施年度为2019年-2021年。\n"
    )
    assert found(text) == [(30.0, "个", 2019, "ge"), (80.0, "家", 2021, "ge"), (15.0, "%", 2021, "ge")]


def test_a_yearly_selection_over_the_period_and_its_breakdown_are_a_pace():
    text = (
        "某市智慧农业示范行动方案\n"
        "三年培育80家以上示范企业。\n"
        "示范行动实施年度为2019年-2021年。期间每年9月底前，组织遴选，确定30个以上示范项目。"
        "其中：在种植和养殖领域各选择8个以上示范项目，选择12个左右服务示范项目。\n"
    )
    assert found(text) == [(80.0, "家", 2021, "ge")]


def test_goals_set_under_a_five_year_plan_take_its_last_year():
    text = (
        "某某信息系统建设指南\n"
        "根据《水路交通运输信息化“十三五”发展规划》（某文印发）要求，确定本工程的建设目标如下：\n"
        "--重点港口船舶动态信息接入率达到100%。\n"
        "--监测设备在线率应不低于90%。\n"
    )
    assert found(text) == [(100.0, "%", 2020, "ge"), (90.0, "%", 2020, "ge")]


def test_a_conditions_sections_numbered_items_stay_conditions_to_its_next_heading():
    text = (
        "某试验区建设工作指引\n"
        "一、建设目标\n"
        "到2025年，布局建设10个左右试验区。\n"
        "二、申请条件\n"
        "拟申请的城市应具备以下条件。\n"
        "（一）产业基础较好。核心产业规模超过30亿元，相关产业规模超过100亿元。\n"
        "（二）支持措施明确。\n"
        "三、建设程序\n"
    )
    assert found(text) == [(10.0, "个", 2025, "about")]


def test_what_a_plan_did_with_things_it_counts_is_no_goal():
    text = "《规划》把省规划中明确支持本市建设的45个重大项目进行了细化安排，提出到2025年数字经济核心产业增加值达到900亿元。"
    assert found(text) == [(900.0, "亿元", 2025, "ge")]


def test_money_a_plan_spends_or_owes_is_no_target():
    text = (
        "政府工作报告\n——2020年2月20日在某区第十届人民代表大会第三次会议上\n"
        "二、2020年工作安排\n今年政府工作的总体要求是：稳中求进。\n"
        "全年计划投资5.2亿元，新建18座公共厕所。完成2020年度3.5亿元政府隐性债务化解目标。\n"
    )
    assert found(text) == [(18.0, "座", 2020, "ge")]


def test_a_count_closing_a_clause_after_its_object_is_a_goal_and_a_count_of_the_names_listed_is_not():
    text = (
        "政府工作报告\n——2014年2月19日在某区第九届人民代表大会第二次会议上\n"
        "二、2014年工作安排\n今年政府工作的总体要求是：稳中求进。\n"
        "加强民生项目建设，改造东风路、西山路等背街小巷12条；启动北城和南城2个文体活动中心项目。\n"
    )
    assert found(text) == [(12.0, "条", 2014, "ge")]


def test_a_count_after_names_closed_by_deng_stays_a_goal():
    # guard: "等" says the clause names only some of what it counts (heldout_aj's "开工建设…、…等2家中心敬老院")
    text = (
        "政府工作报告\n——2022年2月18日在某县第十届人民代表大会第一次会议上\n"
        "二、2022年工作安排\n今年政府工作的总体要求是：稳中求进。\n"
        "建设东岭镇、西岭镇等2家中心敬老院，新增床位200张。\n"
    )
    assert found(text) == [(2.0, "家", 2022, "ge"), (200.0, "张", 2022, "ge")]
