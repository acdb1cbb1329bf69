"""Goal classes found on heldout_ct's first reading (session 24, reader59); made-up text only."""

from tixi.ledger.engine import parse, tables, transposed


def _read(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in parse.targets(text)]


def _rows(text: str) -> list[tuple]:
    return [
        (r["target"], r["unit"], r["target_year"], r["comparator"] or "ge")
        for r in tables.indicator_rows(text)
        if r["target"] is not None
    ]


def test_sideways_table_names_row_then_spaced_year_label_then_values():
    # a wide table a page cut into blocks: names in a row, the year's label spaced character by character, values
    text = (
        "某县农业发展\n"
        "主 要 指 标 |\n"
        "耕地保有量 | 农机化率 | 人均产值 |\n"
        "2 0 2 6 年 目 标 值 |\n"
        ">120万亩 | 75% | 3.2万元/人 |\n"
        "属 性 | 约束性 | 预期性 | 预期性 |\n"
    )
    found = _rows(text)
    assert (120.0, "万亩", 2026, "gt") in found
    assert (75.0, "%", 2026, "ge") in found
    assert (3.2, "万元/人", 2026, "ge") in found


def test_sideways_table_label_joined_and_in_the_values_row():
    # a copy joined the label line to the names row; a second block carries its label as the values row's first cell
    text = (
        "指标 | 村卫生室覆盖率 | 家庭医生签约率 |2027年目标值 |\n"
        "100% | ≥80% |\n"
        "属性 | 约束性 | 预期性 |指标 |\n"
        "养老床位数(张) | 普惠托位数 |\n"
        "2027年预期值 | 1500 | 600个以上 |\n"
    )
    found = _rows(text)
    assert (100.0, "%", 2027, "ge") in found
    assert (80.0, "%", 2027, "ge") in found
    assert (1500.0, "张", 2027, "ge") in found
    assert (600.0, "个", 2027, "ge") in found


def test_sideways_table_needs_a_target_year_and_matching_widths():
    # a baseline's row is no target; a values row narrower than its names is no block of this table
    assert transposed.rows("指标一 | 指标二 |\n2020年基期值 |\n5% | 6% |\n") == []
    assert transposed.rows("指标一 | 指标二 | 指标三 |\n2025年目标值 |\n5% | 6% |\n") == []


def test_deadline_month_without_its_mark_keeps_its_year():
    # "2026年5底前": the copy lost 月; the year dates the goals after it
    text = (
        "某县方案\n二、工作目标\n2026年5底前,全县村卫生室达标率达到95%以上,家庭医生签约服务覆盖率达到100%。"
    )
    found = _read(text)
    assert (95.0, "%", 2026, "ge") in found
    assert (100.0, "%", 2026, "ge") in found


def test_floor_restated_in_brackets_before_its_yi_shang():
    text = "到2026年,考核评分在85分(含85分)以上,新建养老服务中心面积300平方米（含）以上。"
    found = _read(text)
    assert (85.0, "分", 2026, "ge") in found
    assert (300.0, "平方米", 2026, "ge") in found
    # the targets' sentences keep the document's words
    assert all("含" in t["text"] for t in parse.targets(text))


def test_goal_lines_under_a_year_heading_whose_year_lacks_nian():
    # a news page: last year's results (no goal word) under the heading, then the goal line, its year only in the heading
    text = (
        "某市2025水质再创佳绩\n"
        "明确2026饮用水目标\n"
        "全市水源地水质达标率100%,集中供水人口45万人。\n"
        "●水质达标率不低于98% ●管网漏损率控制在9%以内\n"
    )
    found = _read(text)
    assert (98.0, "%", 2026, "ge") in found
    assert (9.0, "%", 2026, "le") in found
    assert (45.0, "万人", 2026, "ge") not in found  # a result, no goal


def test_sideways_table_bare_year_label_is_no_target_row():
    # "2020年" may head a baseline row: only a label naming a target (目标值, 预期值, 规划, 末) dates values as goals
    assert transposed.rows("指标一 | 指标二 |\n2020年 |\n5% | 6% |\n") == []
    assert len(transposed.rows("指标一 | 指标二 |\n目标值(2025年) |\n5% | 6% |\n")) == 2


def test_sideways_table_units_row_gives_the_values_their_units():
    text = "指 标 | 新建卫生院 | 床位使用率 |\n单 位 | 所 | % |\n2026年目标值 | 12 | 85 |\n"
    found = _rows(text)
    assert (12.0, "所", 2026, "ge") in found
    assert (85.0, "%", 2026, "ge") in found
