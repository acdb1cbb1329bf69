"""Step (7) of a goal's year (dating.written_year, session 24): a text naming its goals and no year to reach is dated by
the day it states it was written; made-up text only."""

from tixi.ledger.engine import dating, parse


def _read(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in parse.targets(text)]


def test_closing_date_line_dates_goals_naming_no_year():
    text = (
        "某县基层卫生服务能力提升工作方案\n\n一、工作目标\n"
        "全县乡镇卫生院达到服务能力推荐标准的比例达到30%以上，村卫生室标准化建设率达到100%。\n"
        "二、保障措施\n加强组织领导。\n\n某县卫生健康局\n2023年4月6日\n"
    )
    found = _read(text)
    assert (30.0, "%", 2023, "ge") in found
    assert (100.0, "%", 2023, "ge") in found


def test_published_row_dates_goals_naming_no_year():
    text = (
        "发布时间：2021-05-10 09:30\n某市托育服务工作方案\n主要目标：新增普惠托位1200个，"
        "每千人口拥有3岁以下婴幼儿托位数达到3个。\n"
    )
    found = _read(text)
    assert (1200.0, "个", 2021, "ge") in found


def test_a_year_to_reach_comes_before_the_written_year():
    text = "某市行动方案\n工作目标：到2025年，全市健康村覆盖率达到60%以上。\n某市人民政府\n2022年3月1日\n"
    assert (60.0, "%", 2025, "ge") in _read(text)
    assert dating.written_year(text) is None  # the text names another year than its date's


def test_a_form_of_another_year_on_a_dated_page_is_not_the_pages():
    text = "项目支出绩效目标表（2021年度）\n年度目标\n资金拨付到位率100%。\n2022年3月1日\n"
    assert dating.written_year(text) is None


def test_no_stated_date_no_year():
    text = "某县工作方案\n一、工作目标\n村卫生室标准化建设率达到100%。\n"
    assert dating.written_year(text) is None
    assert _read(text) == []
