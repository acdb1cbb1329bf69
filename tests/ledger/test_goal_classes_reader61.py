"""Units of tasks (session 24, reader61): a document-wide rule said of every measure with "以下" after the units
("各项措施责任单位均包括X，以下不再列出") adds X to every later task as "以下均需X落实" does; a 各-phrase naming kinds of
divisions with their sub-kinds in 〔〕, each kind with its own 各 ("各市〔州〕、各县〔市、区、特区〕人民政府"), is one
unit; a zone of a city's rank that names its departments "示范区X局" gives its level to a bare bureau after one.
Every text here is made up; none is a held-out document. The tests marked "fails on main" fail at 1eef3bad."""

from tixi.ledger.engine.parse import targets, tasks, unit_names

GOVERNMENTS = "各市〔州〕、各县〔市、区、特区〕人民政府"


def units(text: str) -> list[tuple[list[str], list[str]]]:
    return [(t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


def test_rule_said_of_every_measure_reaches_every_later_task():
    # fails on main: "各项措施责任单位均包括…，以下不再列出" was read as units of the first task only
    text = (
        "某省扩大有效投资若干措施\n"
        "（一）加快工业项目建设。推进一批重点项目。（责任单位：省工业和信息化厅，各市〔州〕、各县〔市、区、特区〕"
        "人民政府。各项措施责任单位均包括各市〔州〕、各县〔市、区、特区〕人民政府，以下不再列出）\n"
        "（二）加快能源项目建设。推进一批电源项目。（责任单位：省能源局、省发展改革委）\n"
        "（三）加快交通项目建设。推进一批公路项目。（责任单位：省交通运输厅）\n"
    )
    assert units(text) == [
        (["省工业和信息化厅", GOVERNMENTS], []),
        (["省能源局", "省发展改革委", GOVERNMENTS], []),
        (["省交通运输厅", GOVERNMENTS], []),
    ]


def test_rule_with_full_width_comma_and_other_subject_words():
    text = (
        "某市稳增长若干措施\n"
        "1.扩大消费。开展促消费活动。（责任单位：市商务局，各区人民政府。所有任务责任单位均含各区人民政府，以下不再一一列出）\n"
        "2.稳定就业。开展招聘活动。（责任单位：市人力资源社会保障局）\n"
    )
    assert units(text) == [
        (["市商务局", "各区人民政府"], []),
        (["市人力资源社会保障局", "各区人民政府"], []),
    ]


def test_every_measure_sentence_without_from_here_on_is_no_rule():
    # a paragraph's own duty ("各项任务均由…负责") with no "以下不再列出" binds no later task
    text = (
        "某市稳增长若干措施\n"
        "1.扩大消费。各项任务均由各区落实。（责任单位：市商务局）\n"
        "2.稳定就业。开展招聘活动。（责任单位：市人力资源社会保障局）\n"
    )
    assert units(text) == [(["市商务局"], []), (["市人力资源社会保障局"], [])]


def test_divisions_with_their_own_each_in_square_brackets_are_one_unit():
    # fails on main: split into "各市〔州〕" and "各县〔市、区、特区〕人民政府"
    assert unit_names(GOVERNMENTS) == [GOVERNMENTS]
    assert unit_names("省民政厅、各市（州）、各县（市、区）人民政府") == [
        "省民政厅",
        "各市（州）、各县（市、区）人民政府",
    ]


def test_zone_level_given_to_bare_bureaus_after_it():
    # fails on main: "财政金融局" and "卫生健康委员会" stayed bare after "示范区…局"
    assert unit_names("示范区发展改革和统计局、财政金融局、卫生健康委员会") == [
        "示范区发展改革和统计局",
        "示范区财政金融局",
        "示范区卫生健康委员会",
    ]
    assert unit_names("示范区发展改革和统计局(商务局)、农业农村局") == [
        "示范区发展改革和统计局(商务局)",
        "示范区农业农村局",
    ]
    # a city's unit named in the list keeps its own level
    assert unit_names("示范区水利局、市农机局") == ["示范区水利局", "市农机局"]


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_half_year_milestone_after_a_commitment_is_a_goal():
    # fails on main: "上半年" was read as the present reached, the clause's figures (and the year's after it) dropped
    text = "某省2022年稳投资工作方案\n确保制造业投资上半年完成800亿元，全年完成1700亿元。\n"
    assert found(text) == [(800.0, "亿元", 2022, "ge"), (1700.0, "亿元", 2022, "ge")]
    text = "某省2022年稳投资工作方案\n力争文旅投资上半年完成 120亿元,全年完成 260亿元。\n"
    assert found(text) == [(120.0, "亿元", 2022, "ge"), (260.0, "亿元", 2022, "ge")]


def test_half_year_reported_or_funds_paced_stays_out():
    # a half year's result reported, and the pace funds are paid out, are no goals
    assert found("某省2022年稳投资工作方案\n上半年，全省制造业投资完成800亿元，同比增长12%。\n") == []
    assert found("某省2022年稳投资工作方案\n确保上半年下达专项资金60%以上、使用率达60%以上。\n") == []


def test_rise_over_last_year_with_a_floor_or_striven_for_is_a_goal():
    # fails on main: any "同比" in a sentence read it as this year's level against last year's, reported
    text = "某市2023年稳经济工作方案\n新增市场主体1万户，高新技术企业产值同比增长 30%以上。\n"
    assert found(text) == [(1.0, "万户", 2023, "ge"), (30.0, "%", 2023, "ge")]
    text = "某市2023年稳经济工作方案\n力争全年举办招商活动8场以上，实际利用外资900万美元左右，同比增长5%。\n"
    assert found(text) == [(8.0, "场", 2023, "ge"), (900.0, "万美元", 2023, "about"), (5.0, "%", 2023, "ge")]


def test_rise_over_last_year_reported_stays_out():
    assert found("某市2023年稳经济工作方案\n全市生产总值达到300亿元，同比增长6.5%。\n") == []


def test_building_of_a_list_sped_up_is_no_count_to_reach():
    # fails on main: "加快建设N个…" read as counts to reach; the facilities are designated and under way (conv22 (d))
    text = "某省2022年工作方案\n推动区域医疗中心开业，加快建设省创伤中心、3个区域医疗中心、20个县域医疗次中心和8个儿科病房。\n"
    assert found(text) == []
    assert found("某省2022年工作方案\n加快建设12个区域医疗中心。\n") == []
    # a count to build to by a year stays a goal
    assert found("某省2022年工作方案\n到2025年，新建12个区域医疗中心。\n") == [(12.0, "个", 2025, "ge")]
