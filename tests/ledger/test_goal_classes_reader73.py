"""Tasks from a 任务分工表 by class (session 25, reader73): round 5's first-reading misses (heldout_dh), made general.
Every text here is made up; none is a held-out document.

1. A task-division table written one row a line ("| 序号 | 工作事项 | 主要内容 | 牵头单位 | 配合单位 | 某委内牵头处室 |"):
   the columns of one department's own divisions ("市某委内牵头处室", "局内配合科室") are no column of units, so the
   header still reads as a responsibility table.
2. A numbered item spanning several rows: its number and 工作事项 cells (merged down) stand on its first row only; each
   later row under it holds its own 主要内容 and units, and is a task of its own (titled by its content's first sentence).
3. An indicator's standard "较上一年增加，力争2024年达到60%" / "…，2035年达到85%": a rise over last year with no figure,
   then a level for a named year, is that year's goal (no level reported against last year's); the year straight
   before its verb ("，2035年达到") dates the clause.
4. A formula's scale "…=A/B*100%" (written with "*" as with "×") is no target.
"""

from tixi.ledger.engine.parse import _column_role, targets, tasks

DIVISION_TABLE = """某市关于推进社区养老服务的实施方案

附件 任务分工表
| 序号 | 工作事项 | 主要内容 | 牵头单位 | 配合单位 | 市民政局内牵头处室 | 市民政局内配合处室 |
| 1 | 扩大养老服务供给。 | 到2025年，每个街道至少建成1个综合养老服务中心，新增护理型床位不少于2000张。 | 各区政府 | 市民政局 | 养老处 | 规划处 |
| 统筹利用闲置公房改建社区养老设施，优先保障老年人助餐需求。 | 各区政府 | 市住房城乡建设局、市国资委 | 养老处 | / |
| 2 | 加强人才队伍建设。 | 完善养老护理员培训制度，开展职业技能等级认定。 | 市人社局 | 市民政局，各区政府 | 人事处 | 养老处 |
| 3 | 强化综合监管。 | 建立养老机构信用评价制度。 | 市民政局、市市场监管局 | / | 监管处 | 养老处 |
| 定期开展养老机构安全隐患排查，对排查发现的问题限期整改到位。 | 各区政府 | 市消防救援支队 | 监管处 | / |
"""


def test_a_departments_own_divisions_are_no_column_of_units():
    assert _column_role("市民政局内牵头处室") == "other"
    assert _column_role("局内配合科室") == "other"
    # a division column of its own keeps its role (a bureau's internal plan names its divisions as its units)
    assert _column_role("牵头处室") == "lead"


def test_each_row_under_a_spanning_number_is_a_task_of_its_own():
    found = [(t["title"], t["lead_units"], t["cooperating_units"]) for t in tasks(DIVISION_TABLE)]
    assert [(lead, coop) for _, lead, coop in found] == [
        (["各区政府"], ["市民政局"]),
        (["各区政府"], ["市住房城乡建设局", "市国资委"]),
        (["市人社局"], ["市民政局", "各区政府"]),
        (["市民政局", "市市场监管局"], []),
        (["各区政府"], ["市消防救援支队"]),
    ]
    assert found[0][0].startswith("扩大养老服务供给")
    assert found[1][0].startswith("统筹利用闲置公房改建社区养老设施")
    assert found[4][0].startswith("定期开展养老机构安全隐患排查")
    # the divisions (养老处, 监管处) are never read as units
    assert not any("处" in u for _, lead, coop in found for u in lead + coop)


PLAN_HEAD = "某市关于推进社区养老服务高质量发展的实施方案\n\n一、主要目标\n\n到2025年，社区养老服务设施覆盖率达到90%以上。\n\n"


def _read(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"]) for t in targets(PLAN_HEAD + text)]


def test_a_rise_with_no_figure_then_a_level_for_a_year_is_that_year_s_goal():
    # 3. an indicator's standard: the yearly direction with no figure, then the level for a named year
    assert (60.0, "%", 2024) in _read("护理员持证率较上一年增加，力争2024年达到60%。")
    assert (85.0, "%", 2035) in _read("| 3.老年人满意率 | 较上一年增加，2035年达到85%。 | 第三方调查 |")
    # a level reported against last year's, its rise given, stays no goal
    assert _read("2022年全市养老床位达到5.1万张，比上年增加0.3万张。") == [(90.0, "%", 2025)]


def test_a_formula_s_scale_is_no_target():
    # 4. "…率=A/B*100%": the formula's "*100%" as its "×100%"
    assert _read(
        "| 2.护理员持证率 | 逐年提高 | 护理员持证率=持证护理员人数/护理员总数*100% | 统计年报 |"
    ) == [(90.0, "%", 2025)]
