"""Classes of heldout_ce and heldout_cf's first reading (session 22, reader48): an indicator table copied one cell a line
with neither a 序号 nor a nature column ("类别 | 指标 | 2010年实绩 | 2015年目标"), its rows told apart only by their group
labels and their count of values; a row's unit followed by a note of the period ("(万亩)(5年新增量)"). Every text here is
made up; none is a held-out document. Each test fails on the reader before these rules (main 3236562a) but the guard
`test_a_list_of_names_and_numbers_without_units_is_no_plain_table`."""

from tixi.ledger.engine.tables import indicator_rows

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


def test_a_list_of_names_and_numbers_without_units_is_no_plain_table():
    # the same columns, but names without a unit in brackets: a list of counts, not read as a table
    text = "类别\n\n指标\n\n2010年实绩\n\n2015年目标\n\n一、概况\n\n林场\n\n3\n\n4\n\n苗圃\n\n5\n\n6\n\n花园\n\n7\n\n8\n"
    assert rows(text) == []


def test_a_unit_followed_by_a_note_of_the_period_is_the_unit():
    text = "表1 主要指标\n\t序号\t指标\t2020年\t2025年\t属性\n\n\t1\t新增造林面积(万亩)(5年新增量)\t10\t17\t预期性\n"
    assert [(r["unit"], r["target"]) for r in indicator_rows(text)] == [("万亩", 17.0)]
