"""Goals by class (session 27, the lead): round 7's first-reading misses (heldout_do's 衢州 and 镇江 work reports), made
general. Every text here is made up; none is a held-out document.

1. Plots and houses are counted in 宗 ("盘活利用闲置农房300宗", "供应“标准地”12宗以上"); records and calls in 亿条/万条 and 亿次
   ("归集数据5亿条", "接口调用超过3亿次"). 宗 of 宗教, 宗旨 is no unit.
2. In a work report's year, a count of works started or carried out whose name is in quotation marks ("启动12个“美丽街区”
   建设") is the year's goal, as the same count named bare is; so are places created to a standard ("新创成省级示范单位5家"),
   works renewed ("新改造老旧小区80万平方米") and services brought to one standard ("实现120项政务服务“一网通办”"), with no
   goal's word; the review of the past year states none.
3. A share of places that reach a level, the share opening the clause ("90%的行政村实现集体经济总收入20万元且经营性收入10万
   元以上"): the share is the goal, the sums are what each place must reach; a sum the places reach on average is a goal.
4. Fund money is no goal (conv24): what a fund draws in ("撬动社会资本100亿元以上") and the fund's own year's investment named
   after it ("发挥产业基金作用，完成年度投资30亿元以上"); a sector's investment stays ("工业投资完成100亿元").
5. New loans of a sector or of the economy ("新增制造业中长期贷款120亿元") are a level of its credit, counted; loans a support
   pushes out ("支持新增小微企业贷款500亿元", "新增发放创业担保贷款5亿元") are money lent, no goal (conv24).
6. Two kinds a 、 joins sharing one count ("新增国家级、省级“专精特新”企业各2家") are one target each, as two joined by 和;
   places listed before 各 ("甲县、乙县各30个") stay one floor per place, read once.
7. After an encouraged clause, a later clause naming its own measure and the level it reaches ("鼓励企业利用清洁能源，绿电
   消费量达到2亿千瓦时") commits on its own; what the encouraged are to do stays out ("鼓励有条件的企业完成20%的改造").
"""

from tests.ledger.reading import read_targets


def test_plots_records_and_calls_are_counted():
    text = "2025年，盘活利用闲置农房300宗，供应“标准地”12宗以上，归集公共数据5亿条，平台接口调用超过3亿次。"
    assert read_targets(text) == [
        (300.0, "宗", 2025, "ge"),
        (12.0, "宗", 2025, "ge"),
        (5.0, "亿条", 2025, "ge"),
        (3.0, "亿次", 2025, "gt"),
    ]


def test_a_religion_or_a_purpose_counts_nothing():
    assert read_targets("2025年，依法管理3宗教活动场所，坚持2宗旨。") == []


REPORT = """某市2024年政府工作报告
一、2023年工作回顾
过去一年，启动8个“美丽街区”建设。
二、2024年目标任务和重点工作
加强生态治理。推进噪声治理试点，启动12个“美丽街区”建设。实施6个“口袋公园”工程。
"""
MORE_WORKS = """推动服务业提档升级，新创成省级示范单位5家，服务业增速高于地区生产总值增速。
推进城市更新，新改造老旧小区80万平方米，推进加装电梯。加快标准趋同，实现120项政务服务“一网通办”。
"""


def test_works_started_under_a_quoted_name_are_the_reports_goal():
    assert read_targets(REPORT) == [(12.0, "个", 2024, "ge"), (6.0, "个", 2024, "ge")]


def test_a_share_of_places_reaching_a_sum_is_the_goal_not_the_sum():
    text = (
        "2025年，90%的行政村实现集体经济总收入20万元且经营性收入10万元以上，村均集体经济收入达到50万元以上。"
    )
    assert read_targets(text) == [(90.0, "%", 2025, "ge"), (50.0, "万元", 2025, "ge")]


def test_fund_money_is_no_goal():
    text = "2025年，充分发挥产业基金撬动作用，完成年度投资30亿元以上，撬动社会资本100亿元以上。工业技改投资达到80亿元。"
    assert read_targets(text) == [(80.0, "亿元", 2025, "ge")]


def test_a_sectors_new_loans_are_its_credit_a_supports_are_money_lent():
    text = "2025年，新增制造业中长期贷款120亿元，支持新增小微企业贷款500亿元以上，新增发放创业担保贷款5亿元以上。"
    assert read_targets(text) == [(120.0, "亿元", 2025, "ge")]


def test_two_kinds_joined_by_a_dun_sharing_one_count_are_two_targets():
    assert read_targets("2025年，新增国家单项冠军企业、省级专精特新企业各2家。") == [
        (2.0, "家", 2025, "ge"),
        (2.0, "家", 2025, "ge"),
    ]
    assert read_targets("2025年，新建社区食堂，甲县、乙县各30个。") == [(30.0, "个", 2025, "ge")]


def test_places_created_works_renewed_and_services_unified_are_the_reports_goals():
    assert read_targets(REPORT + MORE_WORKS)[2:] == [
        (5.0, "家", 2024, "ge"),
        (80.0, "万平方米", 2024, "ge"),
        (120.0, "项", 2024, "ge"),
    ]


def test_a_measures_own_level_after_an_encouraged_clause_is_a_goal():
    text = "2025年，鼓励企业、园区利用清洁能源，绿电消费量达到2亿千瓦时。鼓励有条件的企业完成20%的设备改造。"
    assert read_targets(text) == [(2.0, "亿千瓦时", 2025, "ge")]
