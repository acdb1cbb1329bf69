"""Numeric targets of health goal texts by class (session 12, the failure classes heldout_r showed): figures already
reached, a news page's other items, ceilings, rises in years, life expectancy however named, 万-units, 平方米, a
value in words. Every text here is made up; none is a held-out document."""

import pytest

from tixi.ledger.engine.parse import targets


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_figures_reached_by_a_date_are_no_goals():
    text = (
        "截至2018年，某市人均预期寿命达到78岁，比2013年提高1.1岁，孕产妇死亡率由15.2/10万下降到9.8/10万，"
        "到2025年，全市人均预期寿命达到79.5岁。"
    )
    assert found(text) == [(79.5, "岁", 2025, "ge")]


def test_a_period_looked_back_on_gives_no_goals_nor_a_year():
    text = (
        "某省卫生健康委介绍，90%的乡镇卫生院达到服务能力基本标准。"
        "从2016—2020年，每千人口执业医师数从2.1人增长到2.9人，每千人口床位数从4.8张增长到6.1张。"
    )
    assert found(text) == []


def test_what_has_risen_or_already_reached_is_no_goal():
    text = "目前，全县每千人口床位数已达到6张，家庭医生签约率提高了5%。到2025年，每千人口护士数达到3.5名。"
    assert found(text) == [(3.5, "名", 2025, "ge")]


def test_a_change_from_a_baseline_keeps_the_level_to_reach():
    """In a plan, "由X下降到Y" by a year to come: X is where it starts, Y the goal."""
    assert found("到2025年，婴儿死亡率由6.5‰下降到5‰。") == [(5.0, "‰", 2025, "le")]


def test_a_news_page_s_other_items_are_no_goals():
    text = (
        "到2025年，某市每千人口床位数达到7张。\n"
        "相关新闻\n"
        "某商场推出优惠，30天内退货可返还10%，到2025年会员达到5000名。\n"
    )
    assert found(text) == [(7.0, "张", 2025, "ge")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("到2025年，孕产妇死亡率降低到12/10万。", (12.0, "/10万", 2025, "le")),
        ("到2025年，结核病发病率小于40万例。", (40.0, "万例", 2025, "lt")),
        ("到2025年，患者总数不超过80万。", (80.0, "万", 2025, "le")),
        ("到2025年，慢性病过早死亡率控制在15%以下。", (15.0, "%", 2025, "le")),
    ],
)
def test_ceilings_are_read_as_ceilings(sentence, expected):
    assert found(sentence) == [expected]


def test_a_control_target_is_a_ceiling_for_each_value_it_names():
    text = "成人吸烟率控制目标为到2030年男性为35%，女性为3%。"
    assert found(text) == [(35.0, "%", 2030, "le"), (3.0, "%", 2030, "le")]


def test_a_cut_in_a_control_target_stays_a_floor_on_the_cut():
    """ "削减10%的控制目标": the cut is what the plan must reach at least, not a ceiling."""
    assert found("确保到2030年化学需氧量比2025年削减10%，实现总量控制目标。") == [(10.0, "%", 2030, "ge")]


def test_life_expectancy_however_named_and_its_rise_in_years():
    text = (
        "到2030年，全省人均期望寿命达到80岁。到2030年人均预期寿命在2020年基础上提高1.5岁以上（即79.8岁）。"
        "到2030年，居民人均寿命在2020年的基础上增加2岁，达到80.3岁，65岁以上老年人健康管理率达到75%。"
    )
    assert found(text) == [
        (80.0, "岁", 2030, "ge"),
        (1.5, "岁", 2030, "ge"),
        (79.8, "岁", 2030, "ge"),
        (2.0, "岁", 2030, "ge"),
        (80.3, "岁", 2030, "ge"),
        (75.0, "%", 2030, "ge"),
    ]


def test_a_headline_s_year_and_life_expectancy():
    assert found("某省提出2030年居民人均寿命增至80岁") == [(80.0, "岁", 2030, "ge")]


def test_ten_thousands_and_square_metres():
    text = (
        "到2025年，全市养老床位数达到2.4万张，筛查人数达到30万例，人均体育场地面积达到2.6平方米以上；"
        "新建小区按照人均不少于0.2平方米的标准配建养老设施。"
    )
    assert found(text) == [
        (2.4, "万张", 2025, "ge"),
        (30.0, "万例", 2025, "ge"),
        (2.6, "平方米", 2025, "ge"),
    ]


def test_a_value_in_words_after_reaching():
    text = "到2025年，每万人口全科医生数达到三人，每个乡镇至少有一所标准化卫生院。"
    assert found(text) == [(3.0, "人", 2025, "ge")]
