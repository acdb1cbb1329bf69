"""Classes of heldout_cr's first-reading misses (session 24, reader57): a 各-phrase of divisions naming a 州 or a 盟 is one
unit, a numbered heading run on inside a one-line crawl ends a "近年来" report, and a count after 初步形成/新发现 is a
goal (a bare 形成 describes: a guard). Every text here is made up; none is a held-out document. Each test but the guard fails on main at c544047a."""

from tixi.ledger.engine.parse import targets, unit_names


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def test_divisions_with_a_prefecture_are_one_unit():
    assert unit_names("省卫健委、各市、州、县人民政府") == ["省卫健委", "各市、州、县人民政府"]
    assert unit_names("省民政厅、各盟、市、旗人民政府") == ["省民政厅", "各盟、市、旗人民政府"]
    assert unit_names("省教育厅、各市（州）、县（市、区）人民政府") == [
        "省教育厅",
        "各市（州）、县（市、区）人民政府",
    ]
    assert unit_names("省财政厅、各市、县（市、区）政府") == ["省财政厅", "各市、县（市、区）政府"]


def test_a_bureau_after_a_division_stays_a_unit_of_its_own():
    assert unit_names("各县、市卫健委") == ["各县", "市卫健委"]
    assert unit_names("各市、市场监管局") == ["各市", "市场监管局"]


def test_a_heading_run_on_in_one_line_ends_a_report_opened_by_recent_years():
    text = (
        "某资源开发行动纲要（2021—2030年）。近年来，我国资源勘查投入连年增长，时机已经成熟。"
        "一、总体思路（一）指导思想。坚持节约优先。（二）阶段目标。用3年时间，实现重大进展。"
        "完成远景调查工作量的80%。建立30个综合利用示范基地。"
    )
    assert found(text) == [(80.0, "%", 2030, "ge"), (30.0, "个", 2030, "ge")]


def test_a_count_after_first_forming_or_newly_finding_is_a_goal():
    text = "某矿产勘查行动纲要（2021—2030年）\n三、阶段目标\n用3年时间，新发现200处中型矿产地，初步形成4-6处大型开发基地。"
    assert found(text) == [(200.0, "处", 2030, "ge"), (4.0, "处", 2030, "ge")]


def test_a_count_formed_by_describing_stays_out():
    text = "到2030年，全省人均预期寿命达到80岁。\n全省共分解形成120个具体指标。目前，全市形成300万吨产能。"
    assert found(text) == [(80.0, "岁", 2030, "ge")]


def test_a_yearly_capacity_keeps_its_unit_as_written():
    text = "到2030年，原煤产能稳定在2.2亿吨/年以上，管道输气能力达到80亿立方米／年。"
    assert found(text) == [(2.2, "亿吨/年", 2030, "ge"), (80.0, "亿立方米／年", 2030, "ge")]


def test_people_or_times_and_a_bandwidth_keep_their_units_as_written():
    text = "到2030年，培训新型职业农民达到60万人（次）以上，城域网出口带宽达到1600G，建成5G基站3万个。"
    assert found(text) == [
        (60.0, "万人（次）", 2030, "ge"),
        (1600.0, "G", 2030, "ge"),
        (3.0, "万个", 2030, "ge"),
    ]


def test_a_heading_laying_a_base_looks_forward():
    text = (
        "某省扩大消费行动方案（2024—2026年）\n"
        "六、强化要素保障,筑牢消费发展基础\n"
        "（一）稳定农业生产。\n"
        "12.保障肉类供给。确保生猪存栏稳定在2000万头以上。\n"
    )
    assert found(text) == [(2000.0, "万头", 2026, "ge")]


def test_a_heading_of_the_base_before_still_looks_back():
    text = "某省扩大消费行动方案（2024—2026年）\n一、发展基础\n全省生猪存栏达到1800万头以上。\n"
    assert found(text) == []


def test_counts_whose_building_is_sped_up_are_under_way():
    text = (
        "到2030年，加快8个省级区域医疗中心、15个县域医疗次中心建设，加快推进6个产业园区建设，"
        "加快培育50个示范企业。"
    )
    assert found(text) == [(50.0, "个", 2030, "ge")]


def test_what_a_new_project_must_meet_to_enter_is_no_goal():
    text = (
        "到2030年，全省风电装机达到2000万千瓦以上。新建风电装备制造项目须达到整机效率不低于45%、"
        "关键部件国产化率不低于90%，单位产品能耗不高于0.5吨标准煤。"
    )
    assert found(text) == [(2000.0, "万千瓦", 2030, "ge")]


def test_a_peoples_body_or_an_academy_written_bare_takes_the_level_before_it():
    assert unit_names("省民政厅、残联、省财政厅") == ["省民政厅", "省残联", "省财政厅"]
    assert unit_names("市科技局、社科院") == ["市科技局", "市社科院"]
    assert unit_names("市卫健委、中医院") == ["市卫健委", "中医院"]
