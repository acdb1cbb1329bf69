"""Targets by class (session 22, reader47): the classes the first reading of heldout_cd missed or over-read. A five-year
period's end named after an aim's verb and 在/于 ("力争在“十四五”期末实现…") dates its goals; a length in years after
"年限" ("平均受教育年限达到10.8年") is a goal in 年; a count followed by its share of a whole ("…5500万人、占…的比重达到
32%") is a goal of its own; a sentence opened by a five-year period's "以来" reports what the period brought, its next
sentences too, and a review angle ("从…看,") opening the paragraph after it. Every text here is made up; none is a
held-out document. Each test but the guards fails on main at 7c49cc38."""

from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_period_end_after_an_aim_and_zai_dates_the_goals():
    text = "某市全民健康行动启动。行动力争在“十四五”期末实现居民健康知识知晓率达80%、慢病早诊率达55%的目标。"
    assert found(text) == [(80.0, "%", 2025, "ge"), (55.0, "%", 2025, "ge")]


def test_period_end_after_zhengqu_yu():
    text = "全县争取于“十三五”末使村卫生室标准化率达到95%。"
    assert found(text) == [(95.0, "%", 2020, "ge")]


def test_period_end_reported_without_an_aim_stays_unread():
    # "在“十二五”末,…" without an aim's verb: no goal dated by it (guard)
    text = "在“十二五”末,全区村卫生室标准化率为88%。"
    assert found(text) == []


def test_years_of_schooling_after_nianxian_are_a_goal_in_years():
    text = "到2030年,全市劳动年龄人口平均受教育年限达到12.6年,新增劳动力平均受教育年限达14.2年以上。"
    assert found(text) == [(12.6, "年", 2030, "ge"), (14.2, "年", 2030, "ge")]


def test_a_span_of_years_without_nianxian_stays_unread():
    # guard: "连续3年", "达到5年" with no 年限 before are no length to reach
    text = "到2030年,示范区连续创建达到5年。"
    assert found(text) == []


def test_a_count_then_its_share_of_the_whole_are_two_goals():
    text = "到2028年,全省技术工人总量达到约900万人,其中高级工总量达到260万人、占技术工人总量的比重达到29%。"
    assert found(text) == [
        (900.0, "万人", 2028, "about"),
        (260.0, "万人", 2028, "ge"),
        (29.0, "%", 2028, "ge"),
    ]


def test_a_threshold_naming_the_counted_stays_a_qualifier():
    # guard: "设置100张以上床位的护理院达到5家": the count is the goal, not the beds
    text = "到2025年,设置100张以上床位的护理院达到5家。"
    assert found(text) == [(5.0, "家", 2025, "ge")]


def test_a_paragraph_opened_by_a_period_since_reports_results():
    text = (
        "某省发布“十四五”人才发展规划,到2025年,全省人才总量达到800万人以上。\n"
        "“十三五”以来,全省人才规模稳步扩大,新增技能人才累计达57.3万人。人才结构持续优化,高层次人才达到12.5万人,"
        "增加4.25万人。\n"
        "根据规划,到2025年,全省人才总量达到800万人以上。\n"
    )
    assert found(text) == [(800.0, "万人", 2025, "ge"), (800.0, "万人", 2025, "ge")]


def test_a_review_angle_after_a_period_since_paragraph_reports_too():
    text = (
        "“十三五”以来,全省人才规模稳步扩大,新增技能人才累计达57.3万人。\n"
        "从人才质量看,全省情况明显改善,研发人员年均增长6.4%,高于全国平均水平。\n"
        "根据规划,到2025年,全省人才总量达到800万人以上。\n"
    )
    assert found(text) == [(800.0, "万人", 2025, "ge")]


def test_a_review_angle_without_a_period_since_before_it_is_read():
    # guard: "从…看," after a goals paragraph, not a report, keeps its goals
    text = "到2025年,全省人才总量达到800万人以上。\n从人才结构看,到2025年,高技能人才占比达到30%。\n"
    assert found(text) == [(800.0, "万人", 2025, "ge"), (30.0, "%", 2025, "ge")]
