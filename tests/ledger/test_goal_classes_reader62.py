"""Numeric targets by class (session 24, reader62): heldout_cx's and heldout_cw's first-reading misses and extras, made
general. A last century's plan dates its goals only by its title's period ("…规划(1996-2000年)"); a rate per 10,000 is
written "4/万"; an age in months names whom a rate counts ("6个月以内婴儿"); short kinds listed before one group ("视力、
听力、智力残疾儿童…入学率") share one rate. Every text here is made up; none is a held-out document. Each test fails on
the parser before these rules (main at 1eef3bad)."""

from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_last_centurys_title_period_dates_its_goals_by_its_end():
    for title, year in (
        ("某省人民政府关于印发某省妇女儿童事业发展规划(1996-2000年)的通知", 2000),
        ("某市卫生事业发展纲要（１９９１—１９９５年）", 1995),
    ):
        text = f"{title}\n\n  1、孕产妇住院分娩率达到95%。\n  2、婴儿死亡率控制在20‰以下。\n"
        assert found(text) == [(95.0, "%", year, "ge"), (20.0, "‰", year, "le")]


def test_a_last_centurys_period_in_a_sentence_or_a_cited_plan_dates_nothing():
    text = "某县工作总结\n\n根据《某省发展规划(1991-1995年)》,孕产妇住院分娩率达到95%。\n"
    assert found(text) == []


def test_a_rate_per_ten_thousand_as_written():
    text = "到2030年,出生缺陷发生率降至60/万;手术并发症发生率控制在3/ 万以下。\n"
    assert found(text) == [(60.0, "/万", 2030, "le"), (3.0, "/万", 2030, "le")]


def test_an_age_in_months_names_whom_a_rate_counts():
    for age in ("4~6个月以内婴儿的", "6个月以下婴幼儿", "0-6个月婴儿"):
        text = f"到2030年,提高{age}纯母乳喂养率,全市母乳喂养率达到85%。\n"
        assert found(text) == [(85.0, "%", 2030, "ge")]
    # a time limit in months stays one
    assert found("到2030年,审批时限压缩至6个月以内。\n") == [(6.0, "个月", 2030, "le")]


def test_short_kinds_listed_before_one_group_share_its_one_rate():
    text = "到2030年,听力、言语、肢体残疾青少年职业教育入学率达到85%。\n"
    assert found(text) == [(85.0, "%", 2030, "ge")]
    # places each with a rate of its own stay three
    text = "到2030年,健康村镇、健康社区、健康学校建设率达到50%。\n"
    assert len(found(text)) == 3


def test_two_rates_each_named_whole_before_one_floor_are_two_goals():
    text = "四、时间安排（一）清理整顿。2030年2月底前完成清单；2030年3月底前发证率、登记率不少于60%；2030年4月底前完成。\n"
    assert found(text) == [(60.0, "%", 2030, "ge"), (60.0, "%", 2030, "ge")]
    # one rate of two things named before it stays one
    assert found("到2030年,脊灰疫苗、麻风腮疫苗接种率达95%。\n") == [(95.0, "%", 2030, "ge")]


def test_a_clause_opened_by_a_later_year_with_a_verb_ending_in_zhi_is_its_years():
    text = "2025年再生铝产量达到1150万吨，2030年可再生能源比例提高至30%以上。\n"
    assert found(text) == [(1150.0, "万吨", 2025, "ge"), (30.0, "%", 2030, "ge")]


def test_a_deadline_to_the_day_and_hour_dates_the_share_after_it():
    text = (
        "关于做好某市场第一个履约周期配额清缴工作的通知\n\n一、督促重点单位尽早完成清缴，确保2021年12月15日17点前本市95%的"
        "重点单位完成履约，12月31日17点前全部单位完成履约。清缴范围为已纳入2019-2020年配额管理的重点单位。\n"
    )
    assert found(text) == [(95.0, "%", 2021, "ge")]


def test_a_one_year_work_plan_run_on_after_a_several_years_plan_dates_its_quotas_by_its_year():
    text = (
        "关于印发《某监管行动计划（2031-2033年）》《某部2031年度某监管工作方案》的通知各省生态环境厅：现将某监管行动计划"
        "（2031-2033年）和2031年度工作方案印发给你们。某监管行动计划（2031-2033年）一、工作目标到2033年，监管体系基本建立。"
        "二、主要任务（一）加强监管。2031年度某监管工作方案一、主要任务（一）报告书复核复核数量。按季度开展复核，全年不少于"
        "300份报告书。检查数量。排污许可证不少于200张。\n"
    )
    assert found(text) == [(300.0, "份", 2031, "ge"), (200.0, "张", 2031, "ge")]


def test_a_unit_responsible_for_guiding_leads():
    from tixi.ledger.engine.parse import tasks

    text = (
        "一、总体要求\n（一）压实主体责任。企业要依法持证排污，建立责任制。（某某部负责指导）\n"
        "（二）加强跟踪监管。加强动态跟踪监管。（某某部、某某局负责督导）\n（三）强化执法。严格执法检查。（某某部负责）\n"
    )
    assert [(t["lead_units"], t["cooperating_units"]) for t in tasks(text)] == [
        (["某某部"], []),
        (["某某部", "某某局"], []),
        (["某某部"], []),
    ]


def test_places_named_one_by_one_then_counted_are_no_goal():
    text = "到2030年,抽测排污单位数量不少于100家，甲省、乙省、丙省和丁省4个省在此基础上增加抽测50家。\n"
    assert found(text) == [(100.0, "家", 2030, "ge"), (50.0, "家", 2030, "ge")]
    assert found("到2030年,建成示范县10个。\n") == [(10.0, "个", 2030, "ge")]


def test_a_value_after_a_unit_sign_standing_alone_lost_its_year():
    text = "5、全省婚前医学检查率到2015年城市要达到98%,农村要达到86%;%,农村要达到88%。\n4、%;到2020年要降至3%。\n"
    assert found(text) == [(98.0, "%", 2015, "ge"), (86.0, "%", 2015, "ge"), (3.0, "%", 2020, "le")]


def test_a_last_centurys_plan_reviewed_in_its_title_dates_nothing():
    text = "关于某省妇女儿童事业发展规划(1991-1995年)执行情况的报告\n\n  1、孕产妇住院分娩率达到95%。\n"
    assert found(text) == []
