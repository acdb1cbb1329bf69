"""Target precision by class (session 25, reader70): heldout_dc 广元/苏州/河南's and heldout_df 重庆's first-reading extras
(the terms of a support measure read as goals) and the service times the round-4 truths count. Every text here is made up;
none is a held-out document. Each test fails on the parser before these rules (main at f824dbd6) but the guards."""

from tests.ledger.reading import read_targets as read


def test_a_service_time_cut_is_a_target_with_its_days():
    # the majority reading (heldout_k, _db, _dc): a time limit cut to N working or calendar days, le
    assert read("到2024年，一般政府投资项目竣工验收时间控制在30个工作日内。") == [
        (30.0, "个工作日", 2024, "le")
    ]
    assert read("到2024年，将不动产抵押登记期限缩短至10个自然日。") == [(10.0, "个自然日", 2024, "le")]
    assert read("到2024年，企业注销审批流程精简为3个工作日。") == [(3.0, "个工作日", 2024, "le")]
    assert read("某县优化营商环境措施。施工许可审批时限压缩到2个工作日。有效期至2024年12月31日。") == [
        (2.0, "个工作日", 2024, "le")
    ]
    # guard: a procedure's deadline without a cut stays out
    assert read("到2024年，受理后3个工作日内办结。") == []


def test_a_tax_rate_in_its_rule_is_no_target():
    assert read("到2024年，适用5%征收率的应税收入，减按2%征收率征收增值税。") == []
    assert read("到2024年，允许服务业纳税人按照当期可抵扣进项税额加计15%抵减应纳税额。") == []


def test_a_discount_a_policy_continued_and_a_fee_rate_are_no_target():
    assert read("到2024年，对小型企业的服务项目给予阶段性顶格15%的价格扣除。") == []
    assert read("到2024年，对安装使用ETC的货车，车辆通行费给予8%优惠。") == []
    assert read("到2024年，延续实施货运车辆通行费20%优惠政策。") == []
    assert read("到2024年，继续实施80%暂退旅行社质量保证金政策。") == []
    assert read("到2024年，原则上担保业务平均费率不超过1.8%，并逐步降低至1.2%以下。") == []
    assert read("到2024年，对担保机构的小微业务将年化担保费率分别补贴至1.8%或1.6%。") == []
    assert read("到2024年，将城市基础设施配套费标准下调15%。") == []
    # guard: a rate the place reaches stays a target
    assert read("到2024年，全市外汇套保比率超25%。") == [(25.0, "%", 2024, "gt")]


def test_a_deposit_or_an_advance_share_and_a_loan_limit_are_no_target():
    assert read("到2024年，对已作抵押的楼盘，住房公积金贷款保证金比例从8%降为4%。") == []
    assert read("到2024年，严格执行工程预付款制度，预付款应不低于合同总价(扣除暂列金额)的15%。") == []
    assert read("到2024年，个人创业担保贷款额度提升至25万元，小微企业创业担保贷款额度提升至300万元。") == []


def test_a_threshold_naming_whom_a_relief_is_for_is_no_target():
    assert read("到2024年，对月销售额15万元以下(含本数)的个体工商户,免征增值税。") == []
    assert read("到2024年，对年度纳税超过2000万元、1000万元的物流企业,分别给予20万元、10万元奖励。") == []
    assert read("到2024年，对每月通行次数在20次及以上的客运班车,通行费给予九折优惠。") == []
    # guard: a count the plan sets stays a target
    assert read("到2024年，新增外贸实绩企业15家。") == [(15.0, "家", 2024, "ge")]


def test_an_amount_per_head_paid_and_vouchers_are_no_target():
    assert read("到2024年，对新引进青年人才发放生活补贴，其中博士不低于6万元/人，硕士不低于4万元/人。") == []
    assert read("到2024年，围绕餐饮、文旅等领域发放3亿元消费券。") == []
    assert read("到2024年，一季度重点项目投资额均完成年度计划的25%以上。") == []


def test_the_size_of_the_sites_meant_is_no_target():
    assert read("到2024年，新建年运量100万吨以上的物流园区原则上接入铁路专用线。") == []
    assert read("到2024年，推动年销售汽油3000吨以上的加油站安装油气回收装置。") == []


def test_a_count_in_visits_keeps_its_unit():
    assert read("到2024年，组织超30家(次)企业参加境外展会。") == [(30.0, "家(次)", 2024, "gt")]


def test_a_machine_s_size_and_a_crop_managed_are_no_target():
    assert read("到2024年，新增的环卫车、邮政车，以及5吨以下叉车使用新能源。") == []
    assert read("到2024年，抓好6000万亩春季麦田管理，完成80万亩高标准农田建设。") == [
        (80.0, "万亩", 2024, "ge")
    ]


def test_a_goal_clause_after_an_encouraged_one_and_graduates_drawn_are_targets():
    assert read("到2024年，鼓励外贸企业拓展市场,新增外贸实绩企业12家。") == [(12.0, "家", 2024, "ge")]
    assert read("到2024年，引留高校毕业生10万人以上。") == [(10.0, "万人", 2024, "ge")]
    # guards: encouraged alone, and a forecast of graduates, stay out
    assert read("到2024年，鼓励有条件的企业建设20个海外仓。") == []
    assert read("预计2024年高校毕业生超过12万人。") == []


def test_the_size_closed_by_yishang_before_the_projects_counted_is_no_target():
    # once 鼓励's clause no longer hides the sentence, the projects' size stays out and their count is read
    assert read("到2024年，鼓励以商引商,力争8亿元（1000万美元）以上产业项目新开工120个。") == [
        (120.0, "个", 2024, "ge")
    ]
