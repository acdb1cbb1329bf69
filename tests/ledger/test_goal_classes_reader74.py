"""Targets by class (session 25, reader74): round 5's target misses and extras (heldout_dj, heldout_dh, heldout_di,
heldout_dk), made general. Every text here is made up; none is a held-out document.

1. The day one measure lapses ("政策执行期至2026年12月", "执行期限到2025年") is no year the text's goals are set for: measures
   naming no year to reach but "未特别注明时限的,有效期至YYYY年12月31日" are dated by that validity.
"""

from tixi.ledger.engine.parse import targets

MEASURES = """某市关于促进服务业加快恢复的若干措施

1.支持商贸企业扩大经营。对新开业的大型商超给予一次性奖励,政策执行期至2026年12月。(责任单位:市商务局、市财政局)

2.提升政务服务效率。企业开办时间压缩至2个工作日以内。(责任单位:市政务服务局)

以上措施自印发之日起施行,未特别注明时限的,有效期至2025年12月31日。
"""


def _read(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_the_day_one_measure_lapses_dates_no_goal():
    # 1. the validity of the whole (2025) dates the goal, not the lapse of measure 1 (2026)
    assert _read(MEASURES) == [(2.0, "个工作日", 2025, "le")]
    assert _read(MEASURES.replace("政策执行期至2026年12月", "执行期限到2026年")) == [
        (2.0, "个工作日", 2025, "le")
    ]


TRAINING = """某市关于加强基层卫生人才队伍建设的实施方案

到2026年，基层卫生人员大专以上学历占比达到70%。

组织实施乡村医生能力提升2024年培训计划，轮训乡村医生不少于1200名，到2026年，建成实训基地5个。
"""


def test_a_clause_naming_a_year_s_plan_dates_what_follows_it():
    # 2. the 1200 is the 2024 plan's; the 5 bases stay the horizon's
    assert _read(TRAINING) == [(70.0, "%", 2026, "ge"), (1200.0, "名", 2024, "ge"), (5.0, "个", 2026, "ge")]
    # a year naming family planning (计划生育) is no plan of the year
    assert all(
        year == 2026 for _v, _u, year, _c in _read(TRAINING.replace("2024年培训计划", "2024年计划生育"))
    )


def test_a_share_put_to_a_use_is_no_target():
    # 3. the shares of a fee split between uses
    text = (
        "某县家庭医生签约服务工作方案\n\n到2025年，签约服务覆盖率达到75%。\n\n"
        "原则上将签约服务费的70%用于签约医生团队的绩效分配，30%用于卫生院统筹。\n"
    )
    assert _read(text) == [(75.0, "%", 2025, "ge")]
    # a share to reach stays a goal
    assert (90.0, "%", 2025, "ge") in _read(text + "到2025年，签约服务费拨付率达到90%。\n")


def test_a_threshold_of_who_is_granted_is_no_target():
    # 4. conditions of grants whose grant names its base or split, or follows a second condition
    head = "某县关于稳定农业生产的若干措施\n\n到2025年，粮食播种面积稳定在50万亩以上。\n\n"
    assert _read(head + "对种植大豆200亩以上的家庭农场,每户给予3万元一次性奖励。\n") == [
        (50.0, "万亩", 2025, "ge")
    ]
    assert _read(head + "对销售收入同比增长8%以上的农产品加工企业,分别补助20万元、10万元。\n") == [
        (50.0, "万亩", 2025, "ge")
    ]
    assert _read(head + "对带动农户4家以上的合作社,年销售额达到500万元的,给予10万元奖励。\n") == [
        (50.0, "万亩", 2025, "ge")
    ]
    # a goal in a clause of its own stays one
    assert (3.0, "万亩", 2025, "ge") in _read(head + "到2025年，新建高标准农田3万亩，每户给予技术指导。\n")
