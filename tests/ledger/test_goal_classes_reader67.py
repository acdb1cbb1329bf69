"""Target precision by class (session 25, reader67): heldout_db 佛山/贵州's and heldout_da 西安/福州's first-reading extras and
misses, made general by conv24's conventions (tests/ledger/heldout/README.md "What counts"). Every text here is made up;
none is a held-out document. Each test fails on the parser before these rules (main at 86bc8191) but the guards."""

from tests.ledger.reading import read_targets as read


def test_the_plan_s_projects_own_spending_and_its_funds_pace_are_no_target():
    # the projects named right before the money they spend (conv24: the cost of the plan's works)
    assert read("到2026年，力争上半年全市重点建设项目完成投资150亿元，固定资产投资增长8%。") == [
        (8.0, "%", 2026, "ge")
    ]
    assert read("到2026年，安排省、市重点项目投资超500亿元，全年工业投资完成900亿元。") == [
        (900.0, "亿元", 2026, "ge")
    ]
    assert read("到2026年，某某新材料项目年底前完成投资8亿元以上、投资进度完成30%左右。") == []
    assert read("到2026年，四季度市重大项目完成投资420亿元，其中建成项目60个、完成投资55亿元。") == [
        (60.0, "个", 2026, "ge")
    ]
    # a share of the money invested, used or paid: its pace
    assert read("到2026年，各类产业基金年底前使用进度达到75%以上，预算内资金支付进度达到85%以上。") == []
    # guards: the economy's or a sector's investment stays a target, and so does a rate of the place
    assert read("到2026年，全市固定资产投资完成300亿元，交通投资达到60亿元。") == [
        (300.0, "亿元", 2026, "ge"),
        (60.0, "亿元", 2026, "ge"),
    ]
    assert read("到2026年，城市污水处理率达到95%以上。") == [(95.0, "%", 2026, "ge")]


def test_money_named_as_funds_loans_supported_and_a_payment_s_cap_are_no_target():
    # funds, bonds or a credit quota named after the amount: money to raise, hand out or spend (conv24)
    assert (
        read(
            "到2026年，年底前新增和结存的120亿元地方政府专项债券全部支付使用完毕，完成60亿元政策性银行新增信贷额度任务。"
        )
        == []
    )
    assert read("到2026年，一季度用好提前批发行的90亿元债券资金，力争新能源汽车销售2万辆以上。") == [
        (2.0, "万辆", 2026, "ge")
    ]
    # loans the plan's money supports
    assert read("到2026年，一季度支持企业实现转贷超50亿元，帮助小微企业续贷20亿元。") == []
    # a cap on a loan or a payment: its term
    assert read("到2026年，对符合条件的个体工商户提供创业担保额度、贷款额度最高不超过200万元。") == []
    # guards: a sector's credit and the economy's levels in money stay targets
    assert read("到2026年，全市各项贷款余额达到1000亿元，社会消费品零售总额达到800亿元。") == [
        (1000.0, "亿元", 2026, "ge"),
        (800.0, "亿元", 2026, "ge"),
    ]


def test_thresholds_of_a_reward_or_a_rule_and_sizes_of_what_is_counted_are_no_target():
    # a growth closed by "的，" and the reward after it: who is paid
    assert read("到2026年，企业一季度产值同比增长15%以上的，每增长500万元奖励1万元。") == []
    # the part beyond a threshold that a payment is reckoned on
    assert read("到2026年，对新进规上企业一季度产值超出3000万元以上部分，每1000万元奖励1万元。") == []
    # a level not reached names whom a rule falls on; a share of money taken back is the rule's
    assert read("到2026年，对6月底预算执行率未达到80%的，将结余部分的30%收回统筹使用。") == []
    # the size of the projects or enterprises a goal counts, an alternative amount in brackets between
    assert read("到2026年，全年新引进超20亿元(或3亿美元)重大产业项目50个以上。") == [(50.0, "个", 2026, "ge")]
    assert read("到2026年，市领导挂点联系50亿元以上龙头企业，区领导挂点联系50亿元以下的规上企业。") == []
    # guards: a growth to reach, and a count of enterprises to reach, stay targets
    assert read("到2026年，规上工业增加值同比增长8%以上，新增规上工业企业300家。") == [
        (8.0, "%", 2026, "ge"),
        (300.0, "家", 2026, "ge"),
    ]
    assert read("到2026年，全市营业收入超100亿元的企业达到12家。") == [(12.0, "家", 2026, "ge")]


def test_a_scope_acted_on_named_works_counted_and_a_plant_s_size_are_no_target():
    # the state of an existing population right before its count: the things a measure acts on
    assert read("到2026年，统筹组织因疫情停工的120个市重大工程项目有序复工。") == []
    assert read("到2026年，四季度在建的900个市重大项目加快建设，新开工项目200个。") == [
        (200.0, "个", 2026, "ge")
    ]
    # names opening a clause, their count and what is to be done with them: the count of the names
    assert read(
        "到2026年，推动15处煤矿复工复产，11月底前甲乙、丙丁2个露天煤矿建设出煤，建成投产改扩建煤矿20处。"
    ) == [
        (15.0, "处", 2026, "ge"),
        (20.0, "处", 2026, "ge"),
    ]
    # one plant's output in its name
    assert read("到2026年，建成投产某某年产30万吨电池级材料一体化等项目，粮食年产量达到500万吨。") == [
        (500.0, "万吨", 2026, "ge")
    ]
    assert read("到2026年，某某石化20万吨/年乙二醇项目年底前建成，全市新增炼化产能100万吨/年。") == [
        (100.0, "万吨/年", 2026, "ge")
    ]
    # guards: after a goal's verb the named things' count is the goal's, as the truths read it
    assert read("到2026年，建成投用甲区、乙区、丙区3家平战结合医院。") == [(3.0, "家", 2026, "ge")]


def test_a_norm_kept_each_day_or_week_is_no_target():
    # conv24: a pace each person or school keeps, not a level the place reaches
    assert read("到2030年，保证学生每天在校体育锻炼不少于2小时，近视率下降到40%以下。") == [
        (40.0, "%", 2030, "le")
    ]
    assert read("到2030年，引导老年人每周参加健身活动3次以上。") == []
    # guards: a rate measured daily and a population's daily average are levels
    assert read("到2030年，成人每天3次刷牙率达到50%。") == [(50.0, "%", 2030, "ge")]
    assert read("到2030年，居民人均每日食盐摄入量降低15%。") == [(15.0, "%", 2030, "ge")]


def test_one_rate_joined_to_a_list_by_de_is_one_target():
    # conv24: one rate word over a list of items, joined to it by 的: one target
    assert read("到2030年，孕产妇乙肝、梅毒、艾滋病的检测率达95%以上。") == [(95.0, "%", 2030, "ge")]
    # guard: kinds listed without 的, each with its own rate (heldout_ao's reading), stay one each
    assert read("到2030年，健康机关、健康学校、健康企业建设率达到60%。") == [(60.0, "%", 2030, "ge")] * 3


def test_a_red_line_drawn_sets_its_area_and_a_named_park_s_area_is_its_size():
    # a red line the plan draws: the area to delineate (one held, "守住…这条红线", sets none)
    assert read("到2026年，划定300平方公里以上工业用地保护红线，规划建设20个工业集聚区。") == [
        (300.0, "平方公里", 2026, "ge"),
        (20.0, "个", 2026, "ge"),
    ]
    assert read("到2026年，坚决守住耕地不少于500万亩这条红线，新增水土流失治理面积300平方公里。") == [
        (300.0, "平方公里", 2026, "ge")
    ]
    # an area right before the park it sizes: the named park's size
    assert read(
        "到2026年，规划建设超300平方公里甲乙战新产业园、150平方公里临空大型产业园、约20平方公里丙丁人才创新产业园等，"
        "打造工业集聚区10个。"
    ) == [(10.0, "个", 2026, "ge")]


def test_a_count_right_after_tuichu_is_a_goal_s_count():
    # what the plan puts out, counted right after 推出, in a sentence with no other goal word (as "推出50条…线路")
    text = "某市2026年促进消费若干举措\n组织全市文旅企业，为广大市民推出80个春节文化惠民产品，营造节日氛围。力争全年新增限上企业300家。"
    assert read(text) == [(80.0, "个", 2026, "ge"), (300.0, "家", 2026, "ge")]


def test_a_count_of_projects_is_read_and_projects_already_started_are_a_scope():
    # "N个项目": 项 opens the noun, no unit 项 after a count in 个
    assert read("到2026年，推动甲乙智能装备生产线等12个项目建成投产。") == [(12.0, "个", 2026, "ge")]
    # projects already started, counted after 的: the population a measure acts on
    assert read("到2026年，已开工的40个项目要加快建设，今年再开工15个项目。") == [(15.0, "个", 2026, "ge")]
