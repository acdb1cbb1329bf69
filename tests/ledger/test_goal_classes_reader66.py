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


def test_shares_and_caps_given_as_support_are_no_targets():
    text = (
        "某省稳外贸若干措施\n"
        "3.支持企业开拓市场。对企业参加省统一组织的境外展会，给予展位费最高60%、人员差旅费最高40%支持，单个企业最高20万元。"
        "对企业投保短期出口信用保险的，给予保费30%支持。对符合条件的村镇银行，按其新增涉农贷款余额的1.5%给予激励资金。"
        "对认定为省级示范企业、省级示范平台的分别奖补150万元、80万元。全年货物贸易进出口总额达到900亿元以上。\n"
        + VALID
    )
    assert found(text) == [(900.0, "亿元", 2031, "ge")]


def test_thresholds_of_who_is_supported_over_joined_clauses_are_no_targets():
    text = (
        "某省稳外贸若干措施\n"
        "4.支持海外仓建设。对仓储面积3000平方米以上，且年货物周转额500万美元以上的自建海外仓，给予最高100万元支持；"
        "对租用海外仓、年销售额达150万美元以上，且年租用费用超过8万美元的，给予最高20万元支持。对城市公交车辆，"
        "以及对每月运营里程在5000公里（含）以上的农村客运车辆，给予通行费八折优惠。对符合条件的500亩以上家庭农场开展"
        "粮食烘干给予奖补。全年新建海外仓20个以上。\n" + VALID
    )
    assert found(text) == [(20.0, "个", 2031, "ge")]


def test_money_lent_out_and_funds_put_to_a_use_are_no_targets():
    text = (
        "某省稳增长若干措施\n"
        "5.加大金融支持。推动发放创业担保贷款40亿元以上，支持新增涉农贷款900亿元以上，新增政府性融资担保业务放款600亿元以上。"
        "省财政统筹安排8亿元支持生猪生产。全年制造业贷款余额增长15%以上，全省本外币各项贷款余额突破3万亿元。\n"
        + VALID
    )
    assert found(text) == [(15.0, "%", 2031, "ge"), (3.0, "万亿元", 2031, "gt")]


def test_guards_a_count_supported_and_a_level_beside_a_grant_stay_goals():
    text = (
        "某市创业带动就业实施方案\n"
        "到2031年，全市扶持创业项目300个以上，对吸纳就业10人以上的小微企业给予一次性奖励，"
        "城镇新增就业达到5万人。\n"
    )
    assert found(text) == [(300.0, "个", 2031, "ge"), (5.0, "万人", 2031, "ge")]


def test_a_rise_over_last_year_named_for_the_year_the_measures_are_in_force_is_a_goal():
    text = (
        "某省稳增长若干措施\n"
        "一、基本情况\n2030年，全省普惠小微贷款余额同比增长25%。\n"
        "二、政策措施\n6.加大信贷投放。继续加大首贷投放力度，2031年新增首贷户数量高于2030年，"
        "普惠小微贷款余额同比增长18%。\n" + VALID
    )
    # the year compared with ("高于2030年,") dates nothing; 2030's rise is a result reported
    assert found(text) == [(18.0, "%", 2031, "ge")]


def test_guard_a_rise_over_last_year_reported_stays_out():
    assert (
        found("某市2032年工作要点\n2031年，全市地区生产总值同比增长6%，普惠小微贷款余额同比增长18%。\n") == []
    )


def test_designated_kinds_whose_building_is_pushed_are_no_count_to_reach():
    text = (
        "某省促进经济持续向好工作方案\n"
        "7.着力推动4个国家级技术创新中心、2个国家级工程研究中心、5个省实验室等平台建设。"
        "力争推进12个省级重点实验室建设。新建省级中试平台不少于20家。\n" + VALID
    )
    # one count pushed is kept, as a work's count (heldout_ah's "推进18个中央投资项目建设")
    assert found(text) == [(12.0, "个", 2031, "ge"), (20.0, "家", 2031, "ge")]


def test_firm_visits_and_a_count_the_opening_year_pushes():
    text = (
        "某省促进经济持续向好工作方案\n"
        "8.组织不少于3万家次企业参加境内外展会。扎实推进设备更新，2031年全年推动8000家规上工业企业实施技术改造。\n"
        + VALID
    )
    assert found(text) == [(3.0, "万家次", 2031, "ge"), (8000.0, "家", 2031, "ge")]


def test_a_procedures_terms_under_a_when_clause_are_no_targets():
    text = (
        "某省优化营商环境若干措施\n"
        "9.健全政企沟通机制。各级政府起草涉企规章时，原则上应听取企业代表意见，小微企业代表比例不低于40%。"
        "组织企业家座谈会不少于200场。\n" + VALID
    )
    assert found(text) == [(200.0, "场", 2031, "ge")]


def test_guard_a_year_to_come_after_a_when_clause_stays():
    text = "某市健康行动方案\n项目全部建成时，到2031年，全市床位达到5000张。\n"
    assert found(text) == [(5000.0, "张", 2031, "ge")]
