"""grid.py: an indicator table read by what its cells hold, whatever its layout (issue 12, point 4). Every table
below is made up, in a layout no specific reader of tables.py reads; each must give its targets through
tables.indicator_rows (as the bench counts them) and nothing from its baseline column."""

from tixi.ledger.engine import grid
from tixi.ledger.engine.tables import indicator_rows


def _targets(text: str) -> list[tuple]:
    return sorted(
        (r["target"], r["unit"], r["target_year"], r["comparator"] or "ge")
        for r in indicator_rows(text)
        if r["target"] is not None
    )


def test_pipe_rows_with_columns_in_another_order_and_other_labels():
    # the nature first, the unit in a 计量单位 column, the baseline after the target
    text = (
        "附表 某市卫生健康主要发展指标\n"
        "| 编号 | 指标性质 | 具体指标 | 计量单位 | 2027年目标值 | 2022年基数 |\n"
        "| 1 | 约束性 | 孕产妇死亡率 | 1/10万 | ≤9 | 10.2 |\n"
        "| 2 | 预期性 | 每千人口执业（助理）医师数 | 人 | 3.6 | 3.1 |\n"
        "| 3 | 预期性 | 居民健康素养水平 | % | 35以上 | 28 |\n"
    )
    assert _targets(text) == [(3.6, "人", 2027, "ge"), (9.0, "1/10万", 2027, "le"), (35.0, "%", 2027, "ge")]


def test_pdf_rows_spaced_apart_with_two_goal_years():
    text = (
        "表2  主要指标\n"
        "序号    指标名称                      单位      2023年     2025年     2030年     属性\n"
        "1       人均预期寿命                  岁        78.1       ≥78.6      ≥80        预期性\n"
        "2       婴儿死亡率                    ‰         3.9        <4         <3.5       约束性\n"
    )
    assert _targets(text) == [
        (3.5, "‰", 2030, "lt"),
        (4.0, "‰", 2025, "lt"),
        (78.6, "岁", 2025, "ge"),
        (80.0, "岁", 2030, "ge"),
    ]


def test_one_cell_a_line_numbered_rows_under_a_header_without_number():
    # a web copy: one cell a line, blank lines between; the rows numbered though the header has no 序号; group labels;
    # a range (its lower bound), a bracketed cumulative value, an empty baseline
    cells = [
        "类别", "指标名称", "现状值", "“十四五”目标",
        "一、服务能力",
        "1", "新增托位数（个）", "—", "[1200]",
        "2", "社区卫生服务中心标准化率（%）", "80", "95-98",
        "二、健康水平",
        "3", "人均预期寿命（岁）", "79.2", "80左右",
    ]  # fmt: skip
    text = "专栏1 “十四五”健康事业发展主要指标\n\n" + "\n\n".join(cells) + "\n\n下面是正文。"
    assert _targets(text) == [
        (80.0, "岁", 2025, "about"),
        (95.0, "%", 2025, "ge"),
        (1200.0, "个", 2025, "ge"),
    ]


def test_a_row_and_its_parts_and_values_for_groups_of_places():
    cells = [
        "指标", "2020年", "2025年", "属性",
        "1.教师本科及以上学历比例(%)", "其中:研究生学历比例(%)", "60%", "5%", "80%", "10%", "预期性",
        "2.污水集中收集率(%)", "——", "设区市≥70", "县城≥60", "约束性",
    ]  # fmt: skip
    rows = [
        (r["name"], r["target"], r["target_year"]) for t in grid.read_tables("\n".join(cells)) for r in t.rows
    ]
    # each column's values, the row's and its part's in turn: 60% and 5% the baselines, 80% and 10% the targets
    assert rows == [
        ("教师本科及以上学历比例(%)", 80.0, 2025),
        ("其中:研究生学历比例(%)", 10.0, 2025),
        ("污水集中收集率(%)", 70.0, 2025),
        ("污水集中收集率(%)", 60.0, 2025),
    ]


def test_no_header_no_table():
    # a list of figures with no header of columns is no table: the sentence reader's
    text = "1\n\n居民健康素养水平\n\n30%\n\n2\n\n人均预期寿命\n\n80岁\n"
    assert grid.read_tables(text) == []


def test_header_roles_and_values():
    columns = grid._header_columns(["序号", "指标", "单位", "2020年", "完成情况", "2020年", "规划目标"], None)
    assert [(c.role, c.year, c.target) for c in columns] == [
        ("number", None, False),
        ("name", None, False),
        ("unit", None, False),
        ("value", 2020, False),
        ("value", 2020, True),
    ]
    assert grid.target_value("≥30") == (30.0, "ge", "")
    assert grid.target_value("90%以上") == (90.0, "ge", "%")
    assert grid.target_value("12-15") == (12.0, "ge", "")
    assert grid.target_value("1：1.3") is None  # a ratio is no target


def test_the_table_shapes_of_perturb_are_read_alike():
    # one cell a line with its nature last; re-laid a row a line, then its columns moved, its labels swapped, its
    # cells a line again: every form gives the same targets
    from tixi.ledger.engine.perturb import (
        table_cell_lines,
        table_columns_moved,
        table_header_synonyms,
        table_row_lines,
    )

    cells = [
        "序号", "指标", "单位", "2020年", "2025年", "属性",
        "1", "人均预期寿命", "岁", "78.3", "79以上", "预期性",
        "2", "婴儿死亡率", "‰", "4.1", "<4", "约束性",
        "3", "居民健康素养水平", "%", "25", "≥32", "预期性",
    ]  # fmt: skip
    text = "某县主要健康指标\n\n" + "\n\n".join(cells) + "\n\n以上指标由县卫健局负责监测。"
    rows = table_row_lines(text)
    assert "1 | 人均预期寿命 | 岁 | 78.3 | 79以上 | 预期性 |" in rows
    forms = {
        "plain": text,
        "rows": rows,
        "rows, columns moved": table_columns_moved("| " + rows.replace("\n", "\n| ")),
        "labels swapped": table_header_synonyms(text),
        "rows, then cells a line": table_cell_lines("| " + rows.replace("\n", "\n| ")),
    }
    expected = [(4.0, "‰", 2025, "lt"), (32.0, "%", 2025, "ge"), (79.0, "岁", 2025, "ge")]
    for name, form in forms.items():
        assert _targets(form) == expected, name


def test_one_year_for_the_plan_and_for_the_nation_gives_the_plan_s_goal_and_its_notes_are_no_sentences():
    from tixi.ledger.engine.parse import targets

    text = (
        "二、主要指标\n"
        "领域 | 序号 | 指标及计算方法 | 2025年 | 2025 |\n"
        "(本省) | (国家) | ||||\n"
        "防控行动 | 1 | 重点人群知识知晓率 | >85% | >80% |\n"
        "计算方法:调查对象能正确回答超过60%题目的人数/调查对象数×100%。 | |||||\n"
        "康复行动 | 2 | 康复服务覆盖率 | >90% | >85% |\n"
    )
    assert _targets(text) == [(85.0, "%", 2025, "gt"), (90.0, "%", 2025, "gt")]
    assert targets(text) == []  # the rows and the note between them are the table's, no sentences


def test_period_ends_as_column_labels():
    text = "指标名称 | 单位 | “十三五”末 | “十四五”末 | 属性\n床位数 | 张 | 5000 | 6000 | 预期性\n医师数 | 人 | 300 | 400 | 预期性\n"
    assert _targets(text) == [(400.0, "人", 2025, "ge"), (6000.0, "张", 2025, "ge")]


def test_a_goal_column_without_a_year_takes_the_document_s_target_year():
    text = (
        "到2027年，全市医疗服务能力明显提升。\n主要指标\n"
        "指标名称 | 计量单位 | 现状值 | 目标值 | 指标属性\n"
        "每千人口床位数 | 张 | 6.1 | 7 | 预期性\n"
        "每万人口全科医生数 | 人 | 3.2 | ≥4 | 约束性\n"
    )
    assert _targets(text) == [(4.0, "人", 2027, "ge"), (7.0, "张", 2027, "ge")]


def test_rows_a_line_with_their_nature_last_are_a_table_without_a_header():
    # the header row lost in the copy: each row's name, values and nature cell tell it; the value before the nature is
    # the goal, for the document's target year
    text = (
        "到2025年，基本建成健康城市。\n"
        "1 | 孕产妇死亡率(1/10万) | 9.7 | <9 | 预期性 |\n"
        "2 | 婴儿死亡率(‰) | 2.28 | <3 | 约束性 |\n"
        "3 | 居民健康素养水平(%) | 28 | 预期性 |\n"
    )
    assert _targets(text) == [(3.0, "‰", 2025, "lt"), (9.0, "1/10万", 2025, "lt"), (28.0, "%", 2025, "ge")]
