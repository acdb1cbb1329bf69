"""Tasks from a 任务分工表 by class (session 25, reader73): round 5's first-reading misses (heldout_dh), made general.
Every text here is made up; none is a held-out document.

1. A task-division table written one row a line ("| 序号 | 工作事项 | 主要内容 | 牵头单位 | 配合单位 | 某委内牵头处室 |"):
   the columns of one department's own divisions ("市某委内牵头处室", "局内配合科室") are no column of units, so the
   header still reads as a responsibility table.
2. A numbered item spanning several rows: its number and 工作事项 cells (merged down) stand on its first row only; each
   later row under it holds its own 主要内容 and units, and is a task of its own (titled by its content's first sentence).
"""

from tixi.ledger.engine.parse import _column_role, tasks

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
