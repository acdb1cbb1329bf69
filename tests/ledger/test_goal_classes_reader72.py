"""Tasks' units by class (session 25, reader72): heldout_dj's, heldout_di's and heldout_dk's first-reading misses,
made general. Every text here is made up; none is a held-out document.

1. A 各-phrase naming kinds of divisions written together ("各市州、县市区人民政府", "各盟市、旗县人民政府") is one unit,
   not two governments (nor a place glued to the government after it).
2. A document-wide rule stated in a task's own bracket ("(责任单位:A、B。以下均需各市州、县市区人民政府落实,不再列出)")
   holds for that task too, as for every later one.
3. A bare zone before a zone's committee shares its words ("甲乙示范区、丙丁港区管委会" → 甲乙示范区管委会).
4. "责任单位:各相关职能部门按职责分工": the sharing words closing the list name no unit.
5. "各项措施中排序第一的责任单位为该项牵头单位" (the first-listed rule in other words); stated after every item (a
   closing paragraph) it holds for all of them.
6. A rule's units divided by commas ("以下均需各园区管委会,各乡(镇)人民政府(办事处)落实,不再列出"); in a comma list
   the later parts' bare units take the level of the list's first unit; a centre named by its work ("土地发展中心")
   takes a level as a bureau does.
7. A line of its own "牵头单位:X,责任单位:Y" closing a group of measures (back to their heading) names the units of
   each measure of the group, where none names its own.
"""

from tixi.ledger.engine.parse import tasks, unit_names


def units(text: str) -> list[tuple]:
    return [(t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


def test_glued_division_kinds_are_one_unit():
    assert unit_names("各市州、县市区人民政府") == ["各市州、县市区人民政府"]
    assert unit_names("各盟市、旗县人民政府") == ["各盟市、旗县人民政府"]
    # a department after a 各-phrase stays a unit of its own
    assert unit_names("各区县、市发改委") == ["各区县", "市发改委"]


RULE_IN_FIRST_BRACKET = """某省推进新能源汽车下乡的实施意见

一、完善网络布局

(一)编制专项规划。统筹城乡布局,做好规划衔接。(责任单位:省发展改革委、省自然资源厅。按职责分工,下同。以下均需各市州、县市区人民政府落实,不再列出)

(二)建设公共设施。加快高速公路服务区设施建设。(责任单位:省交通运输厅、省商务厅)

二、强化保障

(一)加强宣传。营造良好氛围。(责任单位:各相关职能部门按职责分工)
"""


def test_rule_in_its_own_bracket_holds_for_that_task():
    governments = "各市州、县市区人民政府"
    assert units(RULE_IN_FIRST_BRACKET) == [
        (["省发展改革委", "省自然资源厅", governments], []),
        (["省交通运输厅", "省商务厅", governments], []),
        (["各相关职能部门", governments], []),
    ]


def test_bare_zone_shares_the_committee_after_it():
    assert unit_names("各地级市政府和甲乙示范区、丙丁港区管委会") == [
        "各地级市政府",
        "甲乙示范区管委会",
        "丙丁港区管委会",
    ]
    # a zone that is not before a committee stays as written
    assert unit_names("市商务局、甲乙开发区") == ["市商务局", "甲乙开发区"]


CLOSING_ROLE_RULE = """某市稳经济若干措施

1.减轻企业负担。落实减税降费政策。(责任单位:市税务局、市财政局,以下措施均需甲乙新区管委会、各区政府落实,不再单独列出)

2.扩大有效投资。加快重大项目开工。(责任单位:市发改委、市建委)

以上措施自印发之日起实施。各项措施中排序第一的责任单位为该项牵头单位,负责组织其他责任单位抓好落实。
"""


def test_first_listed_rule_closing_the_document_holds_for_every_measure():
    assert units(CLOSING_ROLE_RULE) == [
        (["市税务局"], ["市财政局", "甲乙新区管委会", "各区政府"]),
        (["市发改委"], ["市建委", "甲乙新区管委会", "各区政府"]),
    ]


COMMA_RULE = """某市关于稳住经济大盘的若干措施

1.落实减税政策。按规定减免相关税费。〔责任单位:市税务局,各园区管委会,各乡(镇)人民政府(办事处),以下均需各园区管委会,各乡(镇)人民政府(办事处)落实,不再列出〕

2.盘活存量土地。加快闲置用地处置。(责任单位:市住建局、自然资源和规划局,土地发展中心、不动产登记和交易中心)
"""


def test_rule_units_divided_by_commas_and_a_comma_list_keeps_its_level():
    zones, towns = "各园区管委会", "各乡(镇)人民政府(办事处)"
    assert units(COMMA_RULE) == [
        (["市税务局", zones, towns], []),
        (["市住建局", "市自然资源和规划局", "市土地发展中心", "市不动产登记和交易中心", zones, towns], []),
    ]
    # a centre named by its place keeps its name
    assert unit_names("市财政局、成都公积金中心") == ["市财政局", "成都公积金中心"]


GROUP_UNITS = """某市今冬明春稳增长若干措施

一、扩大消费

(一)开展促销活动。组织商贸企业开展让利促销,满足用人单位团购需求。

(二)发放消费券。分批次发放餐饮消费券。

牵头单位:市商务局,责任单位:各县区人民政府,市政府相关单位

二、稳定就业

(三)落实稳岗返还。及时兑现稳岗资金。

(四)扩大见习岗位。募集就业见习岗位。

牵头单位:市人社局,责任单位:各县区人民政府
"""


def test_a_units_line_closing_a_group_of_measures_holds_for_each_of_them():
    commerce = (["市商务局"], ["各县区人民政府", "市政府相关单位"])
    labour = (["市人社局"], ["各县区人民政府"])
    assert units(GROUP_UNITS) == [commerce, commerce, labour, labour]
