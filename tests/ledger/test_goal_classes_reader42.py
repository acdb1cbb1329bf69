"""Numeric targets by class (session 22, reader42): what the first reading of heldout_bv and heldout_bw missed. A page
copy of a five-year plan (or news of one) whose only date is the plan it names sets its goals for the period's end; an
indicator table copied one row a line with cells joined by " | ", one cell a line under group labels ("一、发展水平"), or
as a PDF's columns of wide spaces, is read. Every text here is made up; none is a held-out document. Each test but the
guards fails on main at 30314790."""

from tixi.ledger.engine import tables
from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def rows(text: str) -> list[tuple]:
    return [
        (r["target"], r["unit"], r["target_year"], r["comparator"] or "ge")
        for r in tables.indicator_rows(text)
    ]


def test_a_five_year_plan_named_by_its_number_dates_its_goals():
    text = "某省文化厅印发《某省文化发展十四五规划》，提出公共图书馆人均藏书达到1.5册，群众文化活动参与率达60%以上。"
    assert found(text) == [(1.5, "册", 2025, "ge"), (60.0, "%", 2025, "ge")]


def test_a_five_year_indicator_caption_dates_the_goals_above_it():
    text = "——服务能力增强。每千人口药师达0.8人。\n某市“十四五”药事服务主要发展指标\n指标 单位 2025年"
    assert found(text) == [(0.8, "人", 2025, "ge")]


def test_a_past_five_year_plan_written_of_later_dates_nothing():
    # guard: a year written after the period's end ("2023年") says the plan named is a past one
    text = "2023年3月，某县总结《某县“十三五”规划》，图书馆藏书达到20万册。"
    assert found(text) == []


def test_a_table_a_row_a_line_with_cells_joined_by_bars_is_read():
    text = (
        "表 2:某县医疗服务主要指标\n"
        "类别 | 序号 | 指标名称 | 单位 | 2025年 |\n"
        "资源 指标 | 1 | 每千人口药师数 | 人 | 0.60 |\n"
        "2 | 新生儿死亡率 | ‰ | <3 | |\n"
        "3 | 院前急救反应时间达标率 | % | 90 | |\n"
    )
    assert rows(text) == [(0.6, "人", 2025, "ge"), (3.0, "‰", 2025, "lt"), (90.0, "%", 2025, "ge")]


def test_a_five_year_period_reviewed_by_a_speaker_is_past():
    # "某部长称,“十一五”末期,…": the period before the plan's, reported by who speaks; only the plan's goal is one
    text = "某部长称,“十一五”末期,人均预期寿命提高到74.8岁。《某卫生事业发展“十二五”规划》提出,人均预期寿命提高到75.8岁。"
    assert found(text) == [(75.8, "岁", 2015, "ge")]


def test_a_table_one_cell_a_line_under_group_labels_with_parts_is_read():
    text = "\n".join(
        [
            "某县“十四五”卫生事业发展主要指标表",
            "指  标",
            "2020年",
            "2025年",
            "属性",
            "一、服务能力",
            "1.乡镇卫生院达标率(%)",
            "80%",
            "95%以上",
            "约束性",
            "2.护士持证比例(%)",
            "其中:本科及以上比例(%)",
            "90%",
            "30%",
            "100%",
            "45%",
            "预期性",
            "3.居民平均就诊次数(次)",
            "4.1次",
            "5.5次以上",
            "预期性",
        ]
    )
    assert rows(text) == [
        (95.0, "%", 2025, "ge"),
        (100.0, "%", 2025, "ge"),
        (45.0, "%", 2025, "ge"),
        (5.5, "次", 2025, "ge"),
    ]
    assert found(text) == []  # the cells alone on their lines are no sentences


def test_a_pdf_table_of_three_wide_columns_is_read():
    text = (
        "到2035年，事业全面发展。\n"
        "      专栏 2     “十四五”时期康复事业主要指标\n"
        "                 指 标                      2025 年        属 性\n"
        "      1.康复机构从业人数(万人)                      >1.2           预期性\n"
        "      2.辅具适配率(%)                               90             约束性\n"
    )
    assert rows(text) == [(1.2, "万人", 2025, "gt"), (90.0, "%", 2025, "ge")]
