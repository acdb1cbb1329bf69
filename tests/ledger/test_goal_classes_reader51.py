"""Goal sentences the goal grammar (tixi/ledger/engine/grammar.py, session 23, helper reader51) found unread, by class.
Every text here is made up (none is a held-out document); each sits in a small plan whose period ends in 2025, so a
sentence naming no year takes 2025. Each test but the two guards fails on main (1bcbf6f)."""

from tixi.ledger.engine.parse import targets

PLAN = "某市卫生健康事业发展规划（2021—2025年）\n二、发展目标\n"


def found(sentence: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(PLAN + sentence + "\n")]


def test_a_level_raised_or_grown_to_in_a_sentence_naming_no_year():
    # 增至, 增加到, 提升至 say what 提高到 says; the sentence's goal word, not only its year, makes it a goal
    assert found("区域医疗中心增至10个。") == [(10.0, "个", 2025, "ge")]
    assert found("医药产业营业收入提升至300亿元。") == [(300.0, "亿元", 2025, "ge")]
    assert found("村卫生室年均运行经费增加到500万元。") == [(500.0, "万元", 2025, "ge")]


def test_about_after_a_verb_in_a_sentence_naming_no_year():
    assert found("县域医共体达约10个。") == [(10.0, "个", 2025, "about")]
    assert found("每万人口全科医生数保持在约3.93人。") == [(3.93, "人", 2025, "about")]


def test_a_level_per_head_or_per_population_is_one_unit():
    assert found("人均基本公共卫生服务经费达到95元/人。") == [(95.0, "元/人", 2025, "ge")]
    assert found("到2025年，全科医生配置标准达到4人/万人。") == [(4.0, "人/万人", 2025, "ge")]
    assert found("医疗卫生机构床位配置稳定在6.5床/千人。") == [(6.5, "床/千人", 2025, "ge")]


def test_a_rate_a_payment_is_made_at_is_no_goal():
    # guard (main reads nothing here either): 按 N元/人标准 is what is paid, as the conventions leave subsidies out
    assert found("到2025年，按1500元/人标准发放求职创业补贴。") == []


def test_a_time_limit_about_a_value_is_about():
    assert found("急救平均反应时间控制在15分钟左右。") == [(15.0, "分钟", 2025, "about")]
    assert found("到2025年，院前急救平均响应时间降至约30分钟。") == [(30.0, "分钟", 2025, "about")]
    # guard: a bare time limit stays a ceiling
    assert found("到2025年，院前急救平均响应时间降至12分钟。") == [(12.0, "分钟", 2025, "le")]


def test_a_time_narrowed_in_a_sentence_naming_no_year():
    assert found("急救平均反应时间缩短到12分钟以下。") == [(12.0, "分钟", 2025, "le")]


def test_a_range_in_ten_thousands_after_a_goal_verb_is_a_goal():
    assert found("到2025年，家庭医生签约人数达到50～60万人。") == [(50.0, "万人", 2025, "ge")]
    assert found("到2025年，重点专科建设经费增至500～600万元。") == [(500.0, "万元", 2025, "ge")]


def test_two_rates_per_thousand_joined_before_one_value_reach_it_each():
    assert found("到2025年，婴儿死亡率和5岁以下儿童死亡率均降至4.5‰。") == [(4.5, "‰", 2025, "le")] * 2
    assert found("孕产妇死亡率和新生儿破伤风发病率均降至10/10万以下。") == [(10.0, "/10万", 2025, "le")] * 2


def test_two_joined_rates_with_their_year_before_the_verb():
    assert (
        found("家庭医生签约服务覆盖率和县域内就诊率到2030年均达到90%以上。") == [(90.0, "%", 2030, "ge")] * 2
    )


def test_what_a_plan_equips_its_recipients_with():
    assert found("为乡镇卫生院配备救护车50辆。") == [(50.0, "辆", 2025, "ge")]
    assert found("为乡镇卫生院配备500～600张医疗卫生机构床位。") == [(500.0, "张", 2025, "ge")]


def test_equipment_in_each_place_stays_a_layout_norm():
    # guard (main reads nothing here either): no comparator, one in each place, the conventions' layout norm
    assert found("每个村卫生室配备乡村医生2名。") == []


def test_a_count_after_a_work_and_its_object_in_a_sentence_naming_no_year():
    assert found("建设健康步道200公里。") == [(200.0, "公里", 2025, "ge")]
    assert found("改造10个区域医疗中心。") == [(10.0, "个", 2025, "ge")]


def test_a_ceiling_by_its_sign_or_word_in_a_sentence_naming_no_year():
    assert found("孕产妇死亡率≤10/10万。") == [(10.0, "/10万", 2025, "le")]
    assert found("全市孕产妇死亡率不高于10/10万。") == [(10.0, "/10万", 2025, "le")]


def test_a_time_limit_under_a_value_is_below_it():
    assert found("到2027年，院前急救平均响应时间低于15分钟。") == [(15.0, "分钟", 2027, "lt")]


def test_below_a_value_closing_its_clause_in_a_sentence_naming_no_year():
    assert found("三级医院平均住院日低于9天。") == [(9.0, "天", 2025, "lt")]
    # guard: below a share that qualifies what is counted stays no goal ("低于75%的医院")
    assert found("对床位使用率低于75%的医院，原则上不再增加床位。") == []
