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
        (r["target"], r["unit"], r["target_year"], r["comparator"]) for r in tables.indicator_rows(text)
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
