"""Tasks and targets by class (session 22, reader44): the classes the first readings of heldout_by and heldout_ca
missed or over-read. A unit list's "(列第一位者为牵头或汇总单位,下同)" / "(列第一位的为工作牵头单位或汇总单位,下同)" states
the first-listed rule (and is no part of the last unit); "A和B分别牵头、C" names its leads before 牵头; a city bureau's
branch named by its district ("某某生态环境分局") keeps its own name; a heading run into its paragraph ("1.发展基础。…",
"（一）基础与优势。…") makes its paragraphs look back; an amount sizing each cluster a goal counts is no goal. Every text
here is made up; none is a held-out document. Each test but the guards fails on main at 30314790."""

from tixi.ledger.engine.parse import targets, tasks, unit_names


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def units(text: str) -> list[tuple]:
    return [(t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


def test_first_listed_rule_said_with_its_summing_unit_in_a_bracket_after_the_list():
    text = (
        "2024年重点工作责任分解\n"
        "一、王某某区长牵头重点工作\n"
        "1.扩大有效投资规模。\n"
        "责任单位:区发改局\n"
        "2.推进老旧小区改造提升。\n"
        "责任单位:区住建局、区财政局(列第一位者为牵头或汇总单位,下同)\n"
        "3.健全基层医疗服务网络。\n"
        "责任单位:区卫健局、区医保局、甲乙街道\n"
    )
    assert units(text) == [
        (["区发改局"], []),
        (["区住建局"], ["区财政局"]),
        (["区卫健局"], ["区医保局", "甲乙街道"]),
    ]


def test_first_listed_rule_with_work_lead_after_a_unit_with_its_own_bracket():
    text = (
        "重点工作责任分解\n"
        "1.深化政务公开。完善办事流程。\n"
        "责任单位:市政府办公室、市级其他有关单位、各区县政府(含某某新区管委会)(列第一位的为工作牵头单位或汇总单位,下同)\n"
    )
    assert units(text) == [(["市政府办公室"], ["市级其他有关单位", "各区县政府(含某某新区管委会)"])]


def test_two_units_leading_each_their_part_before_a_list():
    text = (
        "重点工作责任分解\n1.建设物流枢纽港。\n责任单位:物流发展局和口岸服务局分别牵头、区发改局、区商务局\n"
    )
    assert units(text) == [(["物流发展局", "口岸服务局"], ["区发改局", "区商务局"])]


def test_a_district_branch_of_a_city_bureau_keeps_its_name():
    assert unit_names("区发改局、江北生态环境分局、江北自然资源规划分局") == [
        "区发改局",
        "江北生态环境分局",
        "江北自然资源规划分局",
    ]
    # guard: a bare bureau after one with a level still takes that level
    assert unit_names("区发改局、财政局") == ["区发改局", "区财政局"]


def test_a_run_in_heading_of_results_makes_its_paragraphs_look_back():
    text = (
        "某省“十四五”科技规划\n"
        "一、建设创新型省份\n"
        "1.发展基础。“十三五”以来，全省创新能力明显提升。\n"
        "——平台体系日趋完善。2020年，高新技术企业突破1.2万家，技术合同成交额突破900亿元。\n"
        "——环境持续优化。设立不少于80亿元的科技发展资金。\n"
        "2.指导思想。坚持创新驱动发展。\n"
        "3.发展目标。到2025年，高新技术企业达到2万家左右，技术合同成交额达到1500亿元。\n"
    )
    assert found(text) == [(2.0, "万家", 2025, "about"), (1500.0, "亿元", 2025, "ge")]


def test_a_run_in_sub_heading_of_strengths_in_brackets_looks_back_too():
    text = (
        "某省“十三五”科技创新规划\n"
        "一、推进创新型省份建设\n"
        "(一)基础与优势。“十二五”时期，全省创新实力增强。\n"
        "成果丰硕。2015年，发明专利授权量达到9000件，孵化器达到120家。\n"
        "(二)发展目标。到“十三五”末，孵化器达到200家，研发经费占比达到2.5%左右。\n"
    )
    assert found(text) == [(200.0, "家", 2020, "ge"), (2.5, "%", 2020, "about")]


def test_a_run_in_item_whose_words_name_results_to_raise_is_still_read():
    # guard: "提升工作成效" is a task's head, not a heading of results
    text = "到2025年：\n1.提升工作成效。门诊量达到500万人次。\n"
    assert found(text) == [(500.0, "万人次", 2025, "ge")]


def test_the_size_of_each_cluster_counted_is_no_goal():
    text = "到2025年，培育形成8个左右规模达到500亿元以上的特色产业集群，全省产业规模达到3000亿元。"
    assert found(text) == [(8.0, "个", 2025, "about"), (3000.0, "亿元", 2025, "ge")]


def test_a_run_in_heading_in_another_marker_style_looks_back_as_well():
    text = (
        "某市科技规划\n"
        "一、发展环境与目标\n"
        "（1）发展基础。2020年，高新技术企业达到1200家。\n"
        "（2）发展目标。到2025年，高新技术企业达到2000家。\n"
    )
    assert found(text) == [(2000.0, "家", 2025, "ge")]


def test_a_town_and_a_subdistrict_named_by_their_place_are_units():
    text = "重点工作\n1.保障枢纽项目建设。（区征收中心牵头，区发改局、南山镇、北湖街道配合）\n"
    assert units(text) == [(["区征收中心"], ["区发改局", "南山镇", "北湖街道"])]
    # guard: a kind of town names no unit
    assert units("重点工作\n1.建设特色小镇。（区发改局牵头，特色小镇配合）\n") != [
        (["区发改局"], ["特色小镇"])
    ]
