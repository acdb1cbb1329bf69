"""Classes of heldout_cc's first-reading misses (session 22, reader46), each on made-up text."""

from tixi.ledger.engine import parse, tables

# a PDF's indicator table one row a line, its nature before the target columns, a unit cell wrapped around a row
MID_NATURE_TABLE = "\n".join(
    [
        "某市“十四五”规划主要指标",
        "序 “十四五”目标",
        "指 标 单位 属性",
        "号",
        "2025年 年均[累计]",
        "1 全市生产总值年均增长率 % 预期性 - 6左右",
        "万元/",
        "2 全员劳动生产率 预期性 40左右 -",
        "人",
        "3 单位建设用地产出提升 % 预期性 - [15]",
        "4 重点企业总部数量 家 预期性 - [累计达到500]",
        "城镇调查失业率",
        "5 % 预期性 - <5",
        "6 森林覆盖率 % 约束性 21.5 -",
    ]
)


def _rows(text):
    return sorted(
        (r["target"], r["unit"], r["target_year"], r["comparator"] or "ge")
        for r in tables.indicator_rows(text)
    )


def test_mid_nature_table_rows_are_read():
    assert _rows(MID_NATURE_TABLE) == sorted(
        [
            (6.0, "%", 2025, "about"),
            (40.0, "万元/人", 2025, "about"),
            (15.0, "%", 2025, "ge"),
            (500.0, "家", 2025, "ge"),
            (5.0, "%", 2025, "lt"),
            (21.5, "%", 2025, "ge"),
        ]
    )


def test_mid_nature_table_row_numbers_are_no_sentence_targets():
    assert [t["value"] for t in parse.targets(MID_NATURE_TABLE)] == []


# a docx's table one cell a line: the plan's total column ("计划任务") and its part for one year ("其中：2021年任务");
# the nature header "指标属性"; a group label wrapped over two lines before a row's name; the label "指标"/"属性" wrapped
PLAN_AND_YEAR_TABLE = "\n\n".join(
    [
        "表2  “十四五”全市供水设施建设主要指标",
        "序号", "主要指标", "单位", "计划任务", "其中：2022年任务", "指标属性",
        "1", "新建供水管网", "公里", "1200", "300", "约束性",
        "2", "改造老旧管网", "公里", "800", "150", "预期性",
    ]
)  # fmt: skip
WRAPPED_LABEL_TABLE = "\n\n".join(
    [
        "表1  “十四五”全市供水主要指标",
        "序号", "类别", "主要指标", "2020年现状", "2025年目标", "指标", "属性",
        "1", "供水", "保障", "城市供水普及率（%）", "——", "99", "约束性",
        "2", "管网漏损率（%）", "12", "9", "约束性",
    ]
)  # fmt: skip


def test_plan_total_and_one_year_part_columns_are_targets():
    assert _rows(PLAN_AND_YEAR_TABLE) == sorted(
        [
            (1200.0, "公里", 2025, "ge"),
            (300.0, "公里", 2022, "ge"),
            (800.0, "公里", 2025, "ge"),
            (150.0, "公里", 2022, "ge"),
        ]
    )


def test_group_label_wrapped_before_the_name():
    rows = {r["name"]: r for r in tables.indicator_rows(WRAPPED_LABEL_TABLE)}
    assert rows["城市供水普及率（%）"]["area"] == "供水保障"
    assert _rows(WRAPPED_LABEL_TABLE) == [(9.0, "%", 2025, "ge"), (99.0, "%", 2025, "ge")]


def _targets(text):
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in parse.targets(text)]


def test_a_rate_in_cubic_metres_per_hour_keeps_its_time():
    assert _targets("到2025年，全市累计新增排水泵站能力6万立方米/小时。") == [
        (6.0, "万立方米/小时", 2025, "ge")
    ]


def test_a_cumulative_count_of_projects_carried_out_is_a_goal():
    text = "到2025年，城市防洪达标率达到90%。\n“十四五”期间，全市累计实施40项河道整治项目。"
    assert (40.0, "项", 2025, "ge") in _targets(text)


# a cell of one value for each group of places, one a line, after the name ("——" the base year's, then the target's)
LABELLED_TABLE = "\n\n".join(
    [
        "表1  “十四五”全市供水主要指标",
        "序号", "主要指标", "2020年现状", "2025年目标", "指标属性",
        "1", "管网智能化监测率（%）", "——", "中心城区≥40", "郊区≥20", "预期性",
        "2", "二次供水改造比例（%）", "城区≥50", "镇区≥30", "城区≥80", "镇区≥60", "预期性",
    ]
)  # fmt: skip


def test_labelled_values_of_a_cell_are_each_a_target():
    assert _rows(LABELLED_TABLE) == sorted(
        [(40.0, "%", 2025, "ge"), (20.0, "%", 2025, "ge"), (80.0, "%", 2025, "ge"), (60.0, "%", 2025, "ge")]
    )
