"""Numeric targets by class (session 24, reader60): heldout_cu's first-reading misses, made general. Old national
reports (1950s–1990s) date their goals by a part heading that sets the year's plan, budget or work ("二、1981年国民经济
计划的任务和主要指标", "二、１９５６年的国家预算", "二、关于1 9 9 8 年政府工作的建议"), in a year before 2000; and put the year's
levels in the future with 将 beside their rise over last year ("总数将达到…，比上年增长22%"). Every text here is made up;
none is a held-out document. Each test fails on the parser before these rules (main at c544047a) but the guards."""

from tixi.ledger.engine import dating
from tixi.ledger.engine.parse import normalise, targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_part_heading_setting_the_years_budget_dates_its_goals_before_2000():
    text = "二、１９６３年的国家预算\n　　如果没有大的灾害，蔬菜产量将要达到１，２００万吨。拖拉机站将增加到３１０个。\n"
    assert found(text) == [(1200.0, "万吨", 1963, "ge"), (310.0, "个", 1963, "ge")]


def test_a_proposal_for_the_years_work_dates_its_this_year_goals_ocr_spaced_too():
    text = (
        "二、关于1 9 8 7 年政府工作的建议\n"
        "今年要继续采取有效措施，蔬菜总产量稳定在1 2 0 0 万吨。今年全社会固定资产投资预定增长9 ％。\n"
    )
    assert found(text) == [(1200.0, "万吨", 1987, "ge"), (9.0, "%", 1987, "ge")]


def test_the_plans_indicators_heading_dates_the_plan_in_this_century_too():
    for heading, year in (
        ("二、2031年国民经济和社会发展计划的主要任务", 2031),
        ("三、关于2032年政府工作的建议", 2032),
        ("二、1975年国民经济计划的任务和主要指标", 1975),
    ):
        assert dating.report_year(heading + "\n正文。\n") == year


def test_a_heading_looking_back_or_a_year_before_1950_dates_nothing():
    assert dating.report_year("一、1987年工作回顾\n正文。\n") is None
    assert dating.report_year("二、1937年的国家预算\n正文。\n") is None
    assert found("一、1987年工作回顾\n蔬菜产量达到1200万吨。\n") == []


def test_a_reports_level_for_its_year_put_with_jiang_beside_last_years_is_a_goal():
    text = "二、１９６３年的国家预算\n１９６３年全国医院病床总数将达到４０．５万张，比上年增长６％；卫生院将达到８００个。\n"
    found_now = found(text)
    assert (40.5, "万张", 1963, "ge") in found_now
    assert (800.0, "个", 1963, "ge") in found_now


def test_a_level_against_last_year_without_jiang_or_in_another_year_stays_reported():
    heading = "二、１９６３年的国家预算\n"
    assert found(heading + "１９６２年全国医院病床总数将达到３５万张，比上年增长６％。\n") == []
    assert found(heading + "全国医院病床总数达到３５万张，比上年增长６％。\n") == []


def test_the_rise_over_last_year_beside_such_a_level_is_no_level():
    text = (
        "二、１９６３年的国家预算\n"
        "１９６３年全国医院病床总数将达到４０．５万张，比上年增长６％；在校学生将达到８０万人以上，比上年增长１７％。\n"
    )
    assert found(text) == [(40.5, "万张", 1963, "ge"), (80.0, "万人", 1963, "ge")]


def test_an_old_weight_unit_dan_is_a_unit():
    text = "到2031年，全省油菜籽产量达到１，２５０万担，茶叶产量达到3.5万担。"
    assert found(text) == [(1250.0, "万担", 2031, "ge"), (3.5, "万担", 2031, "ge")]


def test_the_excess_over_a_level_named_is_a_difference_not_a_level():
    text = "到2031年，粮食产量将要达到3000亿斤，比原定2030年2800亿斤的水平超过200亿斤。"
    assert found(text) == [(3000.0, "亿斤", 2031, "ge")]
    # a level over a threshold stays: "超过200亿斤" with no level named before it
    assert found("到2031年，粮食产量超过200亿斤。") == [(200.0, "亿斤", 2031, "gt")]


LISTED = (
    "2031年国民经济计划主要指标安排如下。\n"
    "　　农业，油料产量3，450万吨，比2030年预计增加100万吨；茶叶产量55万吨。\n"
    "　　机械工业，拖拉机12.5万台，汽车300万辆，增加20万辆，这是根据需要安排的。\n"
    "　　劳动就业，在城镇安排500万人。\n"
    "在2031年计划安排中，要注意解决以下问题。全省钢产量3000万吨。\n"
)


def test_a_plans_announced_list_of_main_indicators_reads_each_bare_level():
    assert found(LISTED) == [
        (3450.0, "万吨", 2031, "ge"),
        (55.0, "万吨", 2031, "ge"),
        (12.5, "万台", 2031, "ge"),
        (300.0, "万辆", 2031, "ge"),
        (500.0, "万人", 2031, "ge"),
    ]


def test_bare_values_with_no_announced_list_stay_unread():
    assert found(LISTED.replace("主要指标安排如下", "执行情况是")) == []


def test_numbers_written_digit_by_digit_in_numerals_read_as_digits():
    text = (
        "五年内，卫生事业的发展将如下列：\n"
        "全省卫生院的病床增长百分之五○，到一九六二年达到一二·五万张，其中：县医院三·二万张；中医师为○·六万人。\n"
    )
    assert found(text) == [(12.5, "万张", 1962, "ge"), (3.2, "万张", 1962, "ge"), (0.6, "万人", 1962, "ge")]


def test_numerals_in_words_or_without_a_point_stay_words():
    # "三四万人" is thirty to forty thousand, "三十万张" a number in words: neither is read digit by digit
    text = "到一九六二年，全省病床达到三十万张，医师达到三四万人。"
    assert "三十万张" in normalise(text) and "三四万人" in normalise(text)
    assert "1962年" in normalise(text)
