"""Work reports by class (session 25, reader71): heldout_dg 鄂州/天门, a work report's copy with no title or session line
whose part for the next year is headed in words of its own. Every text here is made up; none is a held-out document."""

from tests.ledger.reading import read_targets as read
from tixi.ledger.engine import dating

REPORT = """各位代表：

现在，我代表市人民政府向大会报告工作，请审议。

一、2040年工作回顾

过去一年，全市新建公园12个，城镇新增就业8000人。

二、2041年{heading}

今年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业9000人以上。

（一）建设宜居城市。新建口袋公园20个，改造老旧小区35个。

三、全面加强政府自身建设

今年办理民生实事15件以上。
"""


def test_any_heading_of_the_next_years_part_after_a_review_dates_the_report():
    for heading in ("重点工作安排", "总体思路和目标任务", "工作建议", "主要工作", "发展思路和工作部署"):
        text = REPORT.format(heading=heading)
        assert dating.report_year(text) == 2041, heading
        assert set(read(text)) >= {(20.0, "个", 2041, "ge"), (9000.0, "人", 2041, "ge")}, heading
        assert (12.0, "个", 2041, "ge") not in read(text)


def test_a_sentence_or_another_year_after_the_review_is_no_part_heading():
    # a sentence naming the next year, with its punctuation, heads nothing
    sentence = REPORT.format(heading="重点工作安排").replace(
        "二、2041年重点工作安排", "2041年，我们将继续做好各项工作。"
    )
    assert dating.report_year(sentence) is None
    # a part two years on is no report's next year
    later = REPORT.format(heading="重点工作安排").replace("二、2041年", "二、2043年")
    assert dating.report_year(later) is None
    # a heading with no word of work, tasks or goals is no part for the year
    assert dating.report_year(REPORT.format(heading="大事记")) is None


YEAR_PART = """各位代表：

一、2040年工作回顾

过去一年，全市新建公园12个，组织招聘活动30场。

二、2041年主要工作

{body}

三、加强政府自身建设
"""


def test_a_work_reports_clause_opened_by_its_work_and_closed_by_its_count_is_the_years_goal():
    body = (
        "繁荣文旅市场。组织夜间文旅活动15场，鼓励发展研学经济。盘活低效用地，处置批而未供土地4200亩。"
        "新入驻8家冷链物流企业。改造提升城区道路9条、燃气管网35公里。筹集人才公寓2600套。完成湿地修复面积18.5公顷。"
    )
    read_here = set(read(YEAR_PART.format(body=body)))
    assert read_here >= {
        (15.0, "场", 2041, "ge"),
        (4200.0, "亩", 2041, "ge"),
        (8.0, "家", 2041, "ge"),
        (9.0, "条", 2041, "ge"),
        (35.0, "公里", 2041, "ge"),
        (2600.0, "套", 2041, "ge"),
        (18.5, "公顷", 2041, "ge"),
    }
    # the review's work is last year's, read as no goal
    assert not {v for v, u, _, _ in read_here if u == "场" and v == 30.0}


def test_the_projects_spending_after_the_clause_naming_them_is_no_goal():
    body = "实施滨江大道、北湖新区等156个重点项目，完成投资415亿元。"
    assert read(YEAR_PART.format(body=body)) == [(156.0, "个", 2041, "ge")]
    # the economy's investment is a level of the place, still read
    body = "全市固定资产投资完成415亿元以上。"
    assert (415.0, "亿元", 2041, "ge") in read(YEAR_PART.format(body=body))


def test_such_a_clause_in_a_text_that_is_no_work_report_sets_no_goal():
    # a notice's history of what was done names no year's goal
    text = "关于某某工作情况的通报\n\n各区：\n\n近年来，组织夜间文旅活动15场，处置批而未供土地4200亩。\n"
    assert read(text) == []


def test_funds_to_win_are_no_goal_and_a_years_pilots_named_by_one_of_them_are():
    body = (
        "积极对接上级政策，申报争取专项债券资金32亿元以上。向上争取竞争性项目资金增长12%。"
        "开展东湖片区等8个和美乡村共同缔造试点。"
    )
    assert read(YEAR_PART.format(body=body)) == [(8.0, "个", 2041, "ge")]
    # a sector's credit is a level of the place, still read
    body = "净增信贷投放60亿元以上。"
    assert read(YEAR_PART.format(body=body)) == [(60.0, "亿元", 2041, "ge")]


def test_more_works_of_a_report_closing_their_clause_with_a_count():
    body = (
        "安装公共充电桩1200个。筹建中试基地3个。提档升级光电子、新材料等6个省级产业集群。"
        "建设东岭、西岗等7个特色小镇。新入驻12家总部企业、研发机构。"
    )
    assert set(read(YEAR_PART.format(body=body))) >= {
        (1200.0, "个", 2041, "ge"),
        (3.0, "个", 2041, "ge"),
        (6.0, "个", 2041, "ge"),
        (7.0, "个", 2041, "ge"),
        (12.0, "家", 2041, "ge"),
    }


def test_a_reports_ensured_outputs_and_works_after_a_comma_list_are_its_goals():
    body = (
        "抓好农产品稳产保供，确保生猪出栏180万头、家禽出笼6200万只、蔬菜产量140万吨。"
        "深入实施城市更新行动，今年投入64亿元、实施项目88个。成立12家社区基金会。绿化荒山4200亩。"
    )
    read_here = set(read(YEAR_PART.format(body=body)))
    assert read_here >= {
        (180.0, "万头", 2041, "ge"),
        (6200.0, "万只", 2041, "ge"),
        (140.0, "万吨", 2041, "ge"),
        (88.0, "个", 2041, "ge"),
        (12.0, "家", 2041, "ge"),
        (4200.0, "亩", 2041, "ge"),
    }
    # the money the year puts in is spending, no goal (conv24)
    assert not any(u == "亿元" for _, u, _, _ in read_here)


def test_above_a_value_closing_its_clause_is_a_goal_above_it():
    body = "扩大普惠托育服务供给，每千人口托位数高于5个。"
    assert read(YEAR_PART.format(body=body)) == [(5.0, "个", 2041, "gt")]
    # above a level named in words, no value after 高于, sets none
    body = "全市经济增速高于全省平均水平。"
    assert read(YEAR_PART.format(body=body)) == []
