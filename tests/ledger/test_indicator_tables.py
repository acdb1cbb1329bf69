"""Indicator tables copied out of a web page or a PDF: no "表N" caption, no tabs, one cell a line; several target
years. `tixi plans parse` and the import read them as they read a Word table (tixi/ledger/engine/tables.py)."""

import textwrap

from tixi.ledger.engine.accuracy import held_out_scores
from tixi.ledger.engine.tables import indicator_rows

PIPED = """\
类别 |
序号 |
指标名称 |
基期值 |
2025年目标值 |
2027年目标值 |
属性 |
||
一、服务能力
|
1 |
每千人口执业（助理）医师数(人) |
2.6 |
≥3.0 |
≥3.2 |
预期性 |
|||
说明:按常住人口计算。 |
2 |
孕产妇死亡率(/10万) |
— |
≤12 |
≤10 |
约束性 |
3 |
县域内就诊率(%) |
85 |
90 |
预期性 |
4 |
建成区域医疗中心 |
— |
实现 |
约束性 |
"""


def rows(text):
    return [
        (r["number"], r["target_year"], r["target"], r["comparator"], r["unit"]) for r in indicator_rows(text)
    ]


def test_a_table_flattened_to_cells_ending_in_bars_gives_each_target_year():
    """Rows told apart by their numbers and nature cells, notes and group labels between them skipped; a row whose
    copy left out its empty baseline is read from the right; a word merged across the target years ("实现") gives
    no value."""
    assert rows(PIPED) == [
        ("1", 2025, 3.0, "ge", "人"),
        ("1", 2027, 3.2, "ge", "人"),
        ("2", 2025, 12.0, "le", "/10万"),
        ("2", 2027, 10.0, "le", "/10万"),
        ("3", 2025, 85.0, "", "%"),
        ("3", 2027, 90.0, "", "%"),
        ("4", 2025, None, "", ""),
        ("4", 2027, None, "", ""),
    ]
    first = indicator_rows(PIPED)[0]
    assert (first["baseline"], first["baseline_year"], first["nature"]) == (2.6, None, "expected")


def test_the_same_table_one_cell_a_line_between_blank_lines():
    cells = "\n\n".join(line.rstrip(" |") for line in PIPED.splitlines() if line.strip(" |"))
    assert rows(cells) == rows(PIPED)


def test_numbers_that_are_values_do_not_open_rows():
    """A value cell "2" or "3" between rows is no row number: rows go 1, 2, 3… and open with a name."""
    text = (
        "序号\n指标\n2020年\n2025年\n性质\n1\n村卫生室数(个)\n2\n3\n预期性\n2\n社区医院数(个)\n1\n2\n预期性\n"
    )
    assert [(r["number"], r["baseline"], r["target"]) for r in indicator_rows(text)] == [
        ("1", 2.0, 3.0),
        ("2", 1.0, 2.0),
    ]


def test_prose_with_column_words_is_no_table():
    assert indicator_rows("序号\n指标\n2025年\n下文按指标逐项说明。\n1\n加强基层能力\n") == []


def test_held_out_targets_include_the_indicator_tables(tmp_path):
    """A plan's targets are what its sentences and its indicator tables give; a bare value in a target column is a
    level to reach (ge)."""
    (tmp_path / "plan.txt").write_text("# source: http://example.org\n" + PIPED, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(
        textwrap.dedent(
            """\
            tasks: []
            targets:
              - [3.0, 人, 2025, ge]
              - [3.2, 人, 2027, ge]
              - [12, /10万, 2025, le]
              - [10, /10万, 2027, le]
              - [85, "%", 2025, ge]
              - [90, "%", 2027, ge]
            """
        ),
        encoding="utf-8",
    )
    score = held_out_scores(tmp_path)["plan"]["targets"]
    assert (score.expected, score.found, score.matched) == (6, 6, 6)


def test_plans_parse_shows_a_table_without_caption_and_each_target_year(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    path = tmp_path / "plan.txt"
    path.write_text(PIPED, encoding="utf-8")
    out = StringIO()
    call_command("plans", "parse", str(path), stdout=out)
    lines = out.getvalue().splitlines()
    assert (
        "indicator table (no caption) row 1 [] 每千人口执业（助理）医师数(人) · baseline: 2.6 → 2025: ≥3.0 · expected"
        in lines
    )
    assert any(line.endswith("→ 2027: ≥3.2 · expected") for line in lines)


def test_a_table_run_together_is_cut_where_its_change_column_agrees():
    """A copy that drops every cell separator ("表3：主要指标序号指标2020年2025年变化1…（张）5.66.5…"): a row's values are
    cut into baseline and target only where the change column agrees (a share of the baseline for %, a difference for
    个百分点), a symbol ends the baseline; a row whose cut is not unique ends the reading."""
    from tixi.ledger.engine.tables import _split_run, indicator_rows

    text = (
        "表3：医疗卫生主要指标序号指标2020年2025年2025年比2020年变化1每千人口床位数（张）5.06.020%"
        "2孕产妇死亡率（/10万）2016-20%3签约覆盖率（%）40≥5515个百分点其中重点人群签约率（%）60>7010个百分点"
        "注：…"
    )
    rows = [
        (r["number"], r["unit"], r["baseline"], r["target"], r["comparator"], r["target_year"])
        for r in indicator_rows(text)
    ]
    assert rows == [
        ("1", "张", 5.0, 6.0, "", 2025),
        ("2", "/10万", 20.0, 16.0, "", 2025),
        ("3", "%", 40.0, 55.0, "ge", 2025),
        ("3.1", "%", 60.0, 70.0, "gt", 2025),
    ]
    assert _split_run("123", "个百分点") is None  # 1|2 (1) or 12|… : no cut the change agrees with uniquely


def test_run_together_rows_rate_units_focus_works_and_needs_in_sentences():
    """The rows of such a table are no sentence; 万吨/日 is a unit; a focus ("以占…N%以上的…为重点"), the count of the
    plan's own works ("实施N项…工程") and a need ("投资约需占…") are no goals; a cut of a quantity (削减…N万吨) is one."""
    from tixi.ledger.engine.parse import targets

    text = (
        "到2030年，新增污水处理能力50万吨/日。\n"
        "增减情况1排放总量（万吨）10090-10%2处理率（%）80≥855个百分点\n"
        "以占排放量60%以上的重点企业为重点，加强监管。\n"
        "“十五五”期间，重点实施6项环境保护工程。投资约需占生产总值的1.5%。\n"
        "工业治理削减排放量20万吨。\n"
    )
    assert [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)] == [
        (50.0, "万吨/日", 2030, "ge"),
        (20.0, "万吨", 2030, "ge"),
    ]
