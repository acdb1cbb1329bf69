"""Numeric targets by class (session 25, reader66): heldout_cz's first-reading extras and misses in 安徽, 郑州 and 广东, made
general. A policy's measures write charges and support beside their goals: a fee collected at a share of its standard
("按现行收费标准80%收取"), a fee rate capped ("担保费率不超过1%"), a policy in force continued, a contract's payment terms;
money handed out or lent ("给予…最高80%支持", "发放创业担保贷款60亿元"), the thresholds of who qualifies, funds put to a use —
none is a level the place reaches (tests/ledger/heldout/README.md "What counts", conv24). Every text here is made up; none is
a held-out document. Each test fails on the parser before these rules (main at 86bc8191) but the guards."""

from tixi.ledger.engine.parse import targets

VALID = "本措施自印发之日起施行，有效期至2031年12月31日。\n"


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_a_fee_collected_at_a_share_of_its_basis_is_no_target():
    text = (
        "某省稳定经济运行若干措施\n"
        "1.降低企业成本。河道采砂补偿费、特种设备登记费按现行收费标准70%收取，计量检定费用按60%收取，"
        "地方水利建设基金按85%征收。城乡居民参保缴费基数按照上年度社会平均工资50%核定。全年新增市场主体5万户以上。\n"
        + VALID
    )
    assert found(text) == [(5.0, "万户", 2031, "ge")]


def test_a_fee_rate_capped_a_policy_continued_and_payment_terms_are_no_targets():
    text = (
        "某省稳定经济运行若干措施\n"
        "2.强化融资担保。政府性融资担保机构收取的担保费率不超过0.8%，全省平均担保费率低于1.2%。"
        "港口收费继续执行下调15%政策。工程项目预付款比例不低于30%，过程结算款支付比例不低于80%。"
        "全年融资担保在保余额增长20%以上。\n" + VALID
    )
    assert found(text) == [(20.0, "%", 2031, "ge")]


def test_guards_a_contribution_rate_cut_and_an_insurers_share_stay_goals():
    text = (
        "某市民生实事实施方案\n"
        "到2031年，参保单位缴费费率由8%降至7%，政策范围内住院费用基金支付比例稳定在75%左右，"
        "按规定比例配备社工的社区达到90%。\n"
    )
    assert found(text) == [(7.0, "%", 2031, "le"), (75.0, "%", 2031, "about"), (90.0, "%", 2031, "ge")]
