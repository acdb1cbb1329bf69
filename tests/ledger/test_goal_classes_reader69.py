"""Dating and missed targets by class (session 25, reader69): heldout_dd 随州/泰州 (a work report's copy with no title or
session line), heldout_dc 河南 and heldout_de/_df's small misses, made general by the conventions of
tests/ledger/heldout/README.md "What counts". Every text here is made up; none is a held-out document."""

from tests.ledger.reading import read_targets as read
from tixi.ledger.engine import dating

REPORT = """各位代表：

现在，我代表县人民政府向大会报告工作，请审议。

一、2030年工作回顾

过去一年，全县新建公园12个，城镇新增就业8000人。

二、2031年工作安排

今年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右，城镇新增就业9000人以上。

（一）建设宜居县城。新建口袋公园20个，改造老旧小区35个。

三、加强政府自身建设

今年办理民生实事15件以上。
"""


def test_a_work_report_with_no_title_is_the_year_of_its_part_after_the_review():
    assert dating.report_year(REPORT) == 2031
    assert set(read(REPORT)) >= {
        (20.0, "个", 2031, "ge"),
        (35.0, "个", 2031, "ge"),
        (9000.0, "人", 2031, "ge"),
    }
    # the review's figures are results, no goal, and nothing is dated the review's year
    assert all(year == 2031 for _, _, year, _ in read(REPORT))
    assert (12.0, "个", 2031, "ge") not in read(REPORT)


def test_a_review_alone_or_a_part_of_another_year_sets_no_report_year():
    review_only = REPORT.split("二、")[0]
    assert dating.report_year(review_only) is None
    assert read(review_only) == []
    # a later part two years on is no report's next year
    assert dating.report_year(REPORT.replace("二、2031年工作安排", "二、2033年工作安排")) is None
    assert dating.report_year(REPORT.replace("二、2031年工作安排", "二、2031年工作任务")) == 2031


MEASURES = """某省人民政府办公厅
关于印发促进2031年第一季度消费“开门红”若干措施的通知

各市人民政府：
《促进2031年第一季度消费“开门红”若干措施》已经省政府同意，现印发给你们。

促进2031年第一季度消费“开门红”若干措施

1.2031年第一季度举办各类展销活动300场以上。（责任单位：省商务厅）
2.推动重点商圈客流量一季度达到2000万人次，新增品牌首店40家以上。（责任单位：省商务厅）
"""


def test_measures_titled_for_a_year_or_its_quarter_set_that_year_s_goals():
    got = read(MEASURES)
    assert (300.0, "场", 2031, "ge") in got
    assert (40.0, "家", 2031, "ge") in got
    assert all(year == 2031 for _, _, year, _ in got)
    # guard: a title naming measures with no year dates nothing by itself
    assert read(MEASURES.replace("2031年第一季度", "")) == []


def test_a_floor_written_not_less_than_ships_and_kinds_counted():
    # "不小于" is a floor, as 不低于 (小于 alone a ceiling)
    assert read("到2031年，社区嵌入式床位占比不小于45%。") == [(45.0, "%", 2031, "ge")]
    assert read("到2031年，空置率小于8%。") == [(8.0, "%", 2031, "lt")]
    # ships counted after the work's verb
    assert read("到2031年，完成12艘内河货船清洁能源改造。") == [(12.0, "艘", 2031, "ge")]
    # kinds counted to a floor after a goal's verb; a class named, or what a centre can offer, is none
    assert read("到2031年，省级联盟集中采购耗材品种达15类以上。") == [(15.0, "类", 2031, "ge")]
    assert read("到2031年，河流断面水质达到3类。") == []


def test_this_year_on_a_dated_page_before_a_later_deadline_is_the_page_s_year():
    page = (
        "某市谋划养老服务新举措\n某市日报  2031-05-12\n\n"
        "  到2035年,全市养老机构护理型床位占比达到60%以上。\n\n"
        "  今年底前,各区社区食堂覆盖率达到50%以上,力争达到70%以上,在2032年底前实现全覆盖。\n"
    )
    got = read(page)
    assert (50.0, "%", 2031, "ge") in got and (70.0, "%", 2031, "ge") in got
    assert (60.0, "%", 2035, "ge") in got
    # guard: a page whose first year is no date keeps the later deadline's year
    assert (50.0, "%", 2032, "ge") in read(page.replace("2031-05-12", "2031年工作"))
    # guard: the fleet a per-ship measure is for is its scope, no count to reach
    assert all(unit != "艘" for _, unit, _, _ in read("到2031年，为全县120艘近海渔船每艘加装1套救生设备。"))
