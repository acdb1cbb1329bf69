"""Tasks' units by class (session 25, reader68): round 4's first-reading misses (heldout_dc, heldout_df), made general.
Every text here is made up; none is a held-out document.

1. A document-wide rule said "以下政策均需X落实,不再单独列出", its unit written with a web copy's angle brackets
   ("各县级市<区>政府<管委会>", kept as written), and a shortened bank branch ("人行某某中支") as a unit.
2. "主责单位：A，B、C，D" line after line: "，" separates the units, a "、" that always joins the same two names (never
   listed apart) joins one unit's names; a document whose lists use "、" between units and "，" between groups keeps them
   apart.
3. "各市、县级政府" (a kind of division named by its rank) is one unit; "…政府及《X》涉及的相关部门" two.
4. The level rule for any bare unit after a levelled one: "电力公司", "行政审批政务信息管理局", "安全生产委员会成员单位".
5. A port zone run as a unit ("某某国际铁路港") in a bracket.
"""

from tixi.ledger.engine.parse import tasks, unit_names


def units(text: str) -> list[tuple]:
    return [(t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


RULE_UNSEPARATED = """某市关于促进消费回升的若干措施

一、加大财政支持

(一)设立消费促进专项资金,重点支持商贸流通企业扩大经营。(市商务局、市财政局,各县级市<区>政府<管委会>按职责分工负责。以下政策均需各县级市<区>政府<管委会>落实,不再单独列出)

(二)引导银行机构加大对商贸企业信贷投放力度。(人行某某中支、市金融监管局按职责分工负责)
"""


def test_rule_not_listed_separately_with_angle_brackets():
    got = units(RULE_UNSEPARATED)
    assert got == [
        (["市商务局", "市财政局", "各县级市<区>政府<管委会>"], []),
        (["人行某某中支", "市金融监管局", "各县级市<区>政府<管委会>"], []),
    ]


JOINED = """某市重点任务清单

1.推进科技成果转化,建设一批概念验证中心。
主责单位：市发展改革委，市科委、园区管委会，市财政局

2.支持新型研发机构发展,完善评价机制。
主责单位：市科委、园区管委会，市教委

3.优化营商环境,推进政务服务一网通办。
主责单位：市政务服务局，市司法局，市市场监管局
"""


def test_pair_joined_in_comma_lists_is_one_unit():
    got = units(JOINED)
    assert got[0][0] == ["市发展改革委", "市科委、园区管委会", "市财政局"]
    assert got[1][0] == ["市科委、园区管委会", "市教委"]


APART = """某市重点任务清单

1.推进科技成果转化,建设一批概念验证中心。
主责单位：市发展改革委，市科委、园区管委会，市财政局

2.支持新型研发机构发展,完善评价机制。
主责单位：市科委、园区管委会，市教委

3.优化营商环境,推进政务服务一网通办。
主责单位：市科委，市司法局，市市场监管局
"""


def test_pair_whose_name_stands_alone_stays_two_units():
    got = units(APART)
    assert got[1][0] == ["市科委", "园区管委会", "市教委"]


def test_division_named_by_rank_is_one_unit():
    assert unit_names("各市、县级人民政府") == ["各市、县级人民政府"]
    assert unit_names("各区、县级政府及《实施细则》涉及的有关部门") == [
        "各区、县级政府",
        "《实施细则》涉及的有关部门",
    ]


def test_level_rule_for_any_bare_unit():
    assert unit_names("省能源局、电力公司") == ["省能源局", "省电力公司"]
    assert unit_names("省司法厅、行政审批政务信息管理局") == ["省司法厅", "省行政审批政务信息管理局"]
    assert unit_names("省应急厅、安全生产委员会成员单位") == ["省应急厅", "省安全生产委员会成员单位"]
    # a company named with its place keeps the name as written
    assert unit_names("市发改委、某州供电公司") == ["市发改委", "某州供电公司"]


PORT = """某市稳外贸措施

(一)支持外贸企业开拓国际市场,组织企业参加境外展会。(市商务局牵头,市财政局、某某国际铁路港按职责分工负责)
"""


def test_port_zone_is_a_unit():
    assert units(PORT) == [(["市商务局"], ["市财政局", "某某国际铁路港"])]


COLOPHON = """某区全民健身实施计划

到2025年,经常参加体育锻炼人数比例达到40%。

来源:某区融媒

中共某区委、某区人民政府主办 各街道、区直部门内容保障
"""


def test_site_colophon_is_no_task():
    assert tasks(COLOPHON) == []
