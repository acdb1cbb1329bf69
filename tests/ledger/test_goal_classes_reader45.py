"""Numeric targets by class (session 22, reader45): the classes the first reading of heldout_cb missed or over-read.
A work report's numbered part on a five-year period's goals ("二、“某某”时期主要目标任务", a national report kept one
sentence a line) dates its sentences without a year of their own by the period's end, not by the report's year, up to
the next numbered part. Every text here is made up; none is a held-out document. Each test but the guards fails on main
at 7c49cc38."""

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
