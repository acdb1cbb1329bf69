"""Numeric targets by class (session 22, reader40): the classes the first readings of heldout_bj, _br and _bt missed or
over-read. A horizon opening a clause inside a sentence ("坚持…，到2025年，…", "第二阶段到2030年，…") dates the later
sentences of its paragraph; "不低于25%，将…建设成为…的" is a goal, not the condition "低于75%的…"; a count after two verbs
("培育推广200个"); a digit after one Latin letter ("L3级") names a level. Every text here is made up; none is a held-out
document. Each test fails on the parser before these rules (main at 66ebddb) but the guards, which keep the new rules
off what they must not read."""

from tixi.ledger.engine.parse import targets, unit_names


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_horizon_inside_a_sentence_dates_the_later_sentences_of_its_paragraph():
    text = (
        "坚持创新驱动，聚焦场景牵引，到2027年，全市产业体系基本建立。培育30家以上骨干企业、20个左右特色园区。\n"
        "到2030年，产业规模达到1000亿元。\n"
        "到2030年，建成示范区5个以上。"
    )
    assert found(text) == [
        (30.0, "家", 2027, "ge"),
        (20.0, "个", 2027, "about"),
        (1000.0, "亿元", 2030, "ge"),
        (5.0, "个", 2030, "ge"),
    ]


def test_a_stage_s_horizon_dates_the_sentences_after_it():
    text = (
        "第一阶段到2026年，初步形成相关标准体系。制修订80项以上相关标准。\n"
        "第二阶段到2030年，全面形成相关标准体系。制修订150项以上相关标准。\n"
        "到2030年，标准国际化水平明显提升。"
    )
    assert found(text) == [(80.0, "项", 2026, "ge"), (150.0, "项", 2030, "ge")]


def test_the_carry_ends_with_its_paragraph_and_at_a_sentence_naming_other_years():
    # a new paragraph, and a sentence naming a past year beside its horizon, set no year for what follows
    text = (
        "坚持创新驱动，到2027年，全市产业体系基本建立。\n"
        "培育30家以上骨干企业。\n"
        "较2020年翻一番，到2027年，产业规模大幅提升。建设20个以上特色园区。\n"
        "到2030年，建成示范区5个以上。到2030年，建成示范园区8个以上。到2030年，产业规模达到500亿元。"
    )
    assert found(text) == [
        (30.0, "家", 2030, "ge"),
        (20.0, "个", 2030, "ge"),
        (5.0, "个", 2030, "ge"),
        (8.0, "个", 2030, "ge"),
        (500.0, "亿元", 2030, "ge"),
    ]


def test_a_goal_not_below_a_rate_then_a_new_clause_is_no_condition():
    text = "到2026年，产业收入年度增幅不低于20%，将全市建设成为全国领先的产业高地。"
    assert found(text) == [(20.0, "%", 2026, "ge")]


def test_a_rate_below_a_level_for_whom_a_rule_holds_stays_a_condition():
    # guard: "低于75%，平均住院日高于9天的公立医院" names the hospitals a rule is for, across its comma
    assert found("到2026年，病床使用率低于75%，平均住院日高于9天的公立医院，不再新增床位。") == []


def test_a_count_after_two_verbs_is_a_goal():
    text = "到2027年，产业规模稳步提升。\n培育推广150个典型应用场景，争创国家示范基地。"
    assert found(text) == [(150.0, "个", 2027, "ge")]


def test_a_digit_after_one_latin_letter_names_a_level():
    text = "到2027年，形成支撑L4级以上自动驾驶的计算平台，建成30个以上测试场景。"
    assert found(text) == [(30.0, "个", 2027, "ge")]


def test_a_count_after_a_latin_word_stays_a_count():
    # guard: "OPC200家以上" counts what the word names
    assert found("到2027年，培育优质OPC200家以上，集聚高成长性OPC3000家以上。") == [
        (200.0, "家", 2027, "ge"),
        (3000.0, "家", 2027, "ge"),
    ]


def test_the_divisions_concerned_named_together_are_one_unit():
    # heldout_bj's task class: "有关区、市政府" as "各区、市政府" (one phrase naming kinds of divisions); a department after
    # "有关区、" stays its own unit

    assert unit_names("市工业和信息化局、有关区、市政府") == ["市工业和信息化局", "有关区、市政府"]
    assert unit_names("市发展改革委、相关区、市政府") == ["市发展改革委", "相关区、市政府"]
    assert unit_names("有关区、市科技局") == ["有关区", "市科技局"]


def test_a_group_s_members_after_and_are_a_unit_of_their_own():
    # heldout_bj's task class: "X及专班成员单位" names the bureau and the group's members (a group after 及, heldout_bi)
    assert unit_names("市科技局及领导小组成员单位") == ["市科技局", "领导小组成员单位"]
    assert unit_names("市卫生健康委、市人力资源和社会保障局") == ["市卫生健康委", "市人力资源和社会保障局"]


def test_a_horizon_announcing_a_list_dates_the_paragraphs_under_it():
    text = (
        "二、发展目标\n到2027年，产业体系基本建立，主要目标如下：\n——骨干企业。培育30家以上骨干企业。\n"
        "——特色园区。建设20个以上特色园区。\n到2030年，全面建成产业高地。产值达到500亿元。示范区达到10个。\n"
        "三、重点任务\n（一）加快发展。到2030年建设15个以上平台。到2030年，建成基地8个。"
    )
    assert found(text) == [
        (30.0, "家", 2027, "ge"),
        (20.0, "个", 2027, "ge"),
        (500.0, "亿元", 2030, "ge"),
        (10.0, "个", 2030, "ge"),
        (15.0, "个", 2030, "ge"),
        (8.0, "个", 2030, "ge"),
    ]


def test_a_heading_ends_the_list_a_horizon_announced():
    # guard: under "三、重点任务" the plan's target year again, not the list's
    text = (
        "二、发展目标\n到2027年，产业体系基本建立，主要目标如下：\n——骨干企业。培育30家以上骨干企业。\n"
        "三、重点任务\n（一）加快发展。培育企业50家以上。\n到2030年建设15个以上平台。到2030年，建成基地8个。"
    )
    assert found(text) == [
        (30.0, "家", 2027, "ge"),
        (50.0, "家", 2030, "ge"),
        (15.0, "个", 2030, "ge"),
        (8.0, "个", 2030, "ge"),
    ]
