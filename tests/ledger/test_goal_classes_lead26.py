"""Units of an item's closing bracket by class (session 26, the lead): round 6's first-reading misses (heldout_dm's
云南 物流 and 福建 充电), made general. Every text here is made up; none is a held-out document.

1. A bracket of units named bare (no role word) after an item that opens with a levelled unit may name bodies by their
   own names beside it: a group company, a customs office, a regional office of a central body ("（省交通运输厅、
   某某铁路局集团、某某海关）"); the item is a task led by all of them. A bracket of such names alone, or one that opens
   with a name not of a level, still names no units (it may be an alias or a note); a comma keeps its meaning (the units
   before it lead), so a list with a comma is not read this way.
2. The level rule reads a unit without its second name in brackets: "农业农村厅（乡村振兴局）" after "省发改委" is
   省农业农村厅（乡村振兴局）; a fire and rescue corps is of the list's level; a central body's regional office written
   with its province inside ("民航某省监管局") is not.
3. Points numbered in one paragraph ("…。1.甲区：…2.乙区：…（责任单位：…）", or a paragraph opening "1.…2.…") whose units close
   the paragraph only are the item of the heading above, not items of their own.
4. The terms of a housing or land measure (a subsidy's cap, a down payment's share, a loan limit raised "由X万元提高至Y万元",
   a deposit swapped for a guarantee and the funds the swap leaves, a lottery's trigger "每完成…N套" and its condition
   "若…不足N套", a deferral's longest span) are rules, not goals; the plan's own goals beside them stay.
"""

from tixi.ledger.engine.parse import targets, tasks

ITEMS = """某省物流发展行动方案

二、重点任务
1.加强铁路通道建设。推进铁路扩能改造。（省交通运输厅、省发展改革委、某某铁路局集团）
2.完善口岸通关服务。推进智慧口岸建设。（省商务厅、某某海关、民航西南监管局）
3.规范充电设施管理。开展安全检查。（省住建厅、消防救援总队、农业农村厅（乡村振兴局））
4.优化航空货运。拓展货运航线。（省交通运输厅、民航湖北监管局）
5.提升仓储水平。推广标准托盘。（某某集团、某某海关）
"""


def _units_by_title():
    return {t["title"][:6]: (t["lead_units"], t["cooperating_units"]) for t in tasks(ITEMS)}


def test_bodies_named_by_their_own_names_beside_a_levelled_unit_lead_the_item():
    found = _units_by_title()
    assert found["加强铁路通道"] == (["省交通运输厅", "省发展改革委", "某某铁路局集团"], [])
    assert found["完善口岸通关"] == (["省商务厅", "某某海关", "民航西南监管局"], [])


def test_a_bracket_of_own_names_alone_names_no_units():
    assert "提升仓储水平" not in _units_by_title()


def test_the_level_rule_reads_a_unit_without_its_second_name():
    found = _units_by_title()
    assert found["规范充电设施"] == (["省住建厅", "省消防救援总队", "省农业农村厅（乡村振兴局）"], [])
    assert found["优化航空货运"] == (["省交通运输厅", "民航湖北监管局"], [])


POINTS = """某市关于促进住房消费的若干措施

一、支持合理住房需求
（一）优化购房入学政策

对市区购房群体分区域实施入学政策。1.甲区：购买新建商品住房的，子女可就近入学。2.乙区：按学区划片入学。（责任单位：市教育局、市住建局）

（二）强化住房公积金政策支持

1.缴存人购买首套自住住房的，最高贷款额度为60万元。2.缴存人购买第二套自住住房的，首付比例为30%。（责任单位：市住房公积金管理中心）

（三）实施购房补贴

1.契税补贴。对购买新建商品住房的给予契税补贴。（责任单位：市财政局）

2.家电补贴。对购房家庭购买家电的给予补贴。（责任单位：市商务局）
"""


def test_points_numbered_in_one_paragraph_closed_by_its_units_are_the_headings_item():
    found = [(t["title"], t["lead_units"]) for t in tasks(POINTS)]
    assert [(title[:6], lead) for title, lead in found] == [
        ("优化购房入学", ["市教育局", "市住建局"]),
        ("强化住房公积", ["市住房公积金管理中心"]),
        # points each on its own line with its own units stay items of their own
        ("契税补贴", ["市财政局"]),
        ("家电补贴", ["市商务局"]),
    ]


HOUSING_MEASURES = """某市关于促进房地产市场平稳健康发展的若干措施

1.购房补贴。对2024年期间购买新建商品住房的购房人给予补贴，补贴额度最高不超过购房款的30%。
2.公积金支持。缴存人购买首套自住房的，公积金贷款首付比例为15%。单缴存职工最高贷款额度由30万元提高至45万元。
3.保函置换。允许使用保函置换40%的住房质量维修保证金，置换后的监管资金不得低于所需资金额度的60%。
4.促销活动。每完成网签备案500套新建商品住房，组织开展一期抽奖活动，若最后一期备案的商品住房不足500套，则该期活动取消。
5.延期缴纳规费。房地产开发企业可以申请延期缴纳规费，最长不超过3个月。
6.保障性住房。到2025年，全市筹建保障性租赁住房2000套以上，住房公积金个人住房贷款发放率达到85%以上。
"""


def test_the_terms_of_a_housing_measure_are_no_goals():
    found = [(t["value"], t["unit"], t["comparator"]) for t in targets(HOUSING_MEASURES)]
    # the plan's own goals stay; the subsidy's cap, the down payment, the loan limit, the swapped deposit, the funds a
    # swap leaves, the lottery's trigger and condition, the deferral's span go
    assert sorted(found) == [(85.0, "%", "ge"), (2000.0, "套", "ge")]
