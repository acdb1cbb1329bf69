"""Numeric targets by class (session 22, reader45): the classes the first reading of heldout_cb missed or over-read.
A work report's numbered part on a five-year period's goals ("二、“某某”时期主要目标任务", a national report kept one
sentence a line) dates its sentences without a year of their own by the period's end, not by the report's year, up to
the next numbered part; a growth range written with a full-width or en dash ("6.5%－7%") keeps its lower bound; a count
to complete after its verb and the work's object ("完成绿化80万平方米", "做好12.5公里道路的扩建") is the report's year's
goal, the stock surveyed ("现有的…") and the money the works cost ("投资2.4亿元，完成…") are none. Every text here is made
up; none is a held-out document. Each test fails on main at 7c49cc38 but the guard of the five-year part (the stock and
money guard fails there too: main does not read the count beside them)"""

from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_five_year_goals_part_of_a_work_report_is_for_the_period_s_end():
    text = (
        "政府工作报告\n"
        "——2031年3月5日在某市第九届人民代表大会第一次会议上\n"
        "二、“十五五”时期主要目标任务\n"
        "今后五年，要坚持稳中求进。\n"
        "届时，全市经济总量超过9000亿元。\n"
        "森林覆盖率达到45%以上。\n"
        "三、2031年重点工作\n"
        "今年发展主要预期目标是：\n"
        "地区生产总值增长6%左右；\n"
        "城镇新增就业12万人以上。\n"
    )
    assert found(text) == [
        (9000.0, "亿元", 2030, "gt"),
        (45.0, "%", 2030, "ge"),
        (6.0, "%", 2031, "about"),
        (12.0, "万人", 2031, "ge"),
    ]


def test_a_part_reviewing_one_period_and_setting_the_next_one_s_goals_is_for_the_later_end():
    text = (
        "政府工作报告\n"
        "——2031年3月5日\n"
        "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
        "“十五五”时期是新征程的关键五年。\n"
        "常住人口城镇化率提高到72%，\n"
        "三、2031年重点工作\n"
        "今年城镇新增就业12万人以上。\n"
    )
    assert found(text) == [(72.0, "%", 2030, "ge"), (12.0, "万人", 2031, "ge")]


def test_guard_a_part_on_the_year_s_work_keeps_the_report_s_year():
    # no five-year goals part: the report's year dates its goals, as before
    text = (
        "政府工作报告\n二、2031年工作安排\n今年发展主要预期目标是：\n城镇新增就业12万人以上，\n森林覆盖率达到45%以上。\n"
        "三、“十五五”时期的工作展望\n"
    )
    assert found(text) == [(12.0, "万人", 2031, "ge"), (45.0, "%", 2031, "ge")]


def test_a_growth_range_with_a_full_width_or_en_dash_keeps_its_lower_bound():
    text = "2031年发展主要预期目标是：地区生产总值增长5.5%－6%；居民收入增长5%–6%。"
    assert found(text) == [(5.5, "%", 2031, "ge"), (5.0, "%", 2031, "ge")]


def test_a_count_to_complete_after_its_work_and_object_in_a_year_s_report():
    text = (
        "二、2031年工作安排\n"
        "今年发展主要预期目标是：地区生产总值增长6%。\n"
        "（三）城市建设\n"
        "完成绿化80万平方米，年内完成甲路、乙路等9条道路的建设任务。"
        "做好12.5公里道路的扩建。重点实施城区16条街巷的改造提升。全力完成今年3000户改造任务。\n"
    )
    assert found(text) == [
        (6.0, "%", 2031, "ge"),
        (80.0, "万平方米", 2031, "ge"),
        (9.0, "条", 2031, "ge"),
        (12.5, "公里", 2031, "ge"),
        (16.0, "条", 2031, "ge"),
        (3000.0, "户", 2031, "ge"),
    ]


def test_guard_the_stock_surveyed_and_the_money_works_cost_are_no_goals():
    text = (
        "二、2031年工作安排\n"
        "今年发展主要预期目标是：地区生产总值增长6%。\n"
        "完成对老城区现有的300万平方米旧房的调查摸底。投资2.4亿元，完成绿化80万平方米。\n"
    )
    assert found(text) == [(6.0, "%", 2031, "ge"), (80.0, "万平方米", 2031, "ge")]


def test_a_change_by_a_value_or_a_count_after_its_verb_in_the_five_year_part():
    text = (
        "政府工作报告\n"
        "——2031年3月5日\n"
        "二、“十五五”时期主要目标任务\n"
        "推进健康中国建设，人均预期寿命提高1岁。\n"
        "完善住房保障体系，城镇老旧小区改造30万套。\n"
        "三、2031年重点工作\n"
    )
    assert found(text) == [(1.0, "岁", 2030, "ge"), (30.0, "万套", 2030, "ge")]


def test_the_earlier_period_s_results_opening_a_two_period_part_are_no_goals():
    text = (
        "政府工作报告\n"
        "——2031年3月5日\n"
        "二、“十四五”时期发展成就和“十五五”时期主要目标任务\n"
        "过去五年，我市发展取得新成就。\n"
        "城镇新增就业超过60万人。\n"
        "“十五五”时期是关键五年。\n"
        "常住人口城镇化率提高到72%，\n"
        "三、2031年重点工作\n"
    )
    assert found(text) == [(72.0, "%", 2030, "ge")]
