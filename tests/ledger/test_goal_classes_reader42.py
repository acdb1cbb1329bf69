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


def test_a_quarter_or_the_whole_year_aimed_at_dates_by_the_day_written():
    text = "发布时间: 2022-06-10\n力争二季度全县规上工业增加值增长9.5%以上,力争实现全年新增市场主体300家。"
    assert found(text) == [(9.5, "%", 2022, "ge"), (300.0, "家", 2022, "ge")]


def test_a_building_opened_within_the_year_dates_nothing():
    # guard: "争取年内投入使用" says when a building opens, it sets no year's goals
    text = "发布时间: 2022-06-10\n医院新院区争取年内投入使用,设置6个病区。"
    assert found(text) == []


def test_a_level_held_is_an_expected_goal():
    text = "到2024年,城镇登记失业率控制在4%以内。蔬菜产量稳定在12万吨。"
    assert found(text) == [(4.0, "%", 2024, "le"), (12.0, "万吨", 2024, "ge")]


def test_a_trillion_jin_is_a_unit():
    assert found("2024年,粮食产量保持在1.4万亿斤以上。") == [(1.4, "万亿斤", 2024, "ge")]


def test_a_headline_level_after_shixian_is_a_goal():
    text = "某省:“十四五”实现每千人口体育指导员2.5名\n某省印发《某省体育发展十四五规划》。"
    assert found(text) == [(2.5, "名", 2025, "ge")]


def test_counts_that_name_what_a_goal_is_about_are_no_goals():
    text = (
        "《“十四五”某规划纲要》20个主要指标中有6个是民生类。"
        "城区人口400万以上的大城市,要放宽落户条件。"
        "全面消除66人及以上超大班额,城镇调查失业率控制在5%以内。"
    )
    assert found(text) == [(5.0, "%", 2025, "le")]


def test_a_share_of_places_to_reach_is_still_a_goal():
    # guard: "85%以上的建制村通硬化路," is a share to reach, not a class named
    assert found("到2015年,85%以上的建制村通硬化路,所有乡镇通公交。") == [(85.0, "%", 2015, "ge")]
