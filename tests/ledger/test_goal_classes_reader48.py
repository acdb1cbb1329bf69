"""Classes of heldout_ce and heldout_cf's first reading (session 22, reader48): an indicator table copied one cell a line
with neither a 序号 nor a nature column ("类别 | 指标 | 2010年实绩 | 2015年目标"), its rows told apart only by their group
labels and their count of values; a row's unit followed by a note of the period ("(万亩)(5年新增量)"); in a report copied a
sentence a line, the past year's results after "过去一年，…取得了很大成绩。"; a range "8%至10%" (its lower bound); homes
started or renovated this year in 万套/万户; a count in 亿尾; "N个方面" (a document's parts), a growth rate named as the
condition of a result, money put in "用于…" (no goals). Every text here is
made up; none is a held-out document. Each test fails on the reader before these rules (main 3236562a) but the guard
`test_a_list_of_names_and_numbers_without_units_is_no_plain_table`."""

from tixi.ledger.engine.parse import targets
from tixi.ledger.engine.tables import indicator_rows


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


PLAIN_TABLE = (
    "“十二五”某市林业主要指标表\n\n类别\n\n  指标\n\n  2010年实绩\n\n  2015年目标\n\n"
    "  一、生产规模\n\n  林业产值(亿元)\n\n  12.5\n\n  20\n\n  苗圃面积(万亩)\n\n  3.1\n\n  4\n\n"
    "  二、生态\n\n  湿地保护率(%)\n\n  41%\n\n  55%\n\n  林木良种使用率(%)\n\n  70\n\n  85\n\n"
    "  新增绿道长度(公里)(5年累计)\n\n  80\n\n  150\n\n\n第 [1] [2] 页\n"
)


def rows(text: str) -> list[tuple]:
    return [
        (r["area"], r["name"], r["unit"], r["baseline"], r["target"], r["target_year"])
        for r in indicator_rows(text)
    ]


def test_a_table_without_number_or_nature_is_read_row_by_row_under_its_group_labels():
    assert rows(PLAIN_TABLE) == [
        ("一、生产规模", "林业产值(亿元)", "亿元", 12.5, 20.0, 2015),
        ("一、生产规模", "苗圃面积(万亩)", "万亩", 3.1, 4.0, 2015),
        ("二、生态", "湿地保护率(%)", "%", 41.0, 55.0, 2015),
        ("二、生态", "林木良种使用率(%)", "%", 70.0, 85.0, 2015),
        ("二、生态", "新增绿道长度(公里)(5年累计)", "公里", 80.0, 150.0, 2015),
    ]


def test_a_plain_table_s_group_labels_in_another_marker_style_still_part_its_rows():
    # another planner's markers ("（1）生产规模"), as perturb's numbering shape writes them
    text = PLAIN_TABLE.replace("一、生产规模", "（1）生产规模").replace("二、生态", "（2）生态")
    assert [(r["area"], r["target"]) for r in indicator_rows(text)] == [
        ("（1）生产规模", 20.0),
        ("（1）生产规模", 4.0),
        ("（2）生态", 55.0),
        ("（2）生态", 85.0),
        ("（2）生态", 150.0),
    ]


def test_a_list_of_names_and_numbers_without_units_is_no_plain_table():
    # the same columns, but names without a unit in brackets: a list of counts, not read as a table
    text = "类别\n\n指标\n\n2010年实绩\n\n2015年目标\n\n一、概况\n\n林场\n\n3\n\n4\n\n苗圃\n\n5\n\n6\n\n花园\n\n7\n\n8\n"
    assert rows(text) == []


def test_a_unit_followed_by_a_note_of_the_period_is_the_unit():
    text = "表1 主要指标\n\t序号\t指标\t2020年\t2025年\t属性\n\n\t1\t新增造林面积(万亩)(5年新增量)\t10\t17\t预期性\n"
    assert [(r["unit"], r["target"]) for r in indicator_rows(text)] == [("万亩", 17.0)]


REPORT = "某省2019年政府工作报告\n一、2019年的工作\n"


def test_the_past_year_s_results_a_clause_a_line_are_no_goals():
    text = (
        REPORT + "过去一年，我们的各项工作取得了很大成绩。\n全省生产总值增长7.4%，\n城镇新增就业68万人，\n"
        "居民收入稳步增加。\n今年全省发展的主要预期目标是：生产总值增长7%左右。\n"
    )
    assert found(text) == [(7.0, "%", 2019, "about")]


def test_a_range_with_zhi_between_percentages_keeps_its_lower_bound():
    assert found("到2025年，全省二氧化硫排放总量减少6%至9%。") == [(6.0, "%", 2025, "ge")]


def test_homes_started_or_renovated_this_year_in_wan_tao_and_wan_hu_are_goals():
    text = (
        REPORT
        + "今年再开工建设公租房、棚户区改造住房共12万套，改造农村危房3万户。\n启动棚改计划，今年开工8万套。\n"
    )
    assert found(text) == [(12.0, "万套", 2019, "ge"), (3.0, "万户", 2019, "ge"), (8.0, "万套", 2019, "ge")]


def test_fry_released_in_yi_wei_are_a_goal():
    assert found("到2025年，全省年增殖放流苗种数量达2亿尾以上。") == [(2.0, "亿尾", 2025, "ge")]


def test_a_document_s_parts_a_rate_as_a_condition_and_money_put_in_are_no_goals():
    assert found("规划从水、气、土3个方面设置了10项具体指标：到2025年，地表水优良比例达到80%。") == [
        (80.0, "%", 2025, "ge")
    ]
    text = (
        REPORT + "今年生产总值增长7%左右。\n从就业吸纳能力看，7%左右的增速可以实现比较充分的就业。\n"
        "今年省财政拟投入20亿元，用于扶助和促进就业。\n"
    )
    assert found(text) == [(7.0, "%", 2019, "about")]
