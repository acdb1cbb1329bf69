"""Goal classes found on heldout_cp and heldout_cq's first reading (session 23, reader56); made-up text only."""

from tixi.ledger.engine import parse


def _read(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in parse.targets(text)]


def test_post_title_cut_mid_word_still_dates_the_list():
    # a forum copy whose post title lost its last character ("…2024年八件民生实"): the items are that year's
    text = (
        "某市论坛\n\n首页 » 新闻 » 聚焦两会速览某市2024年八件民生实\n作者 - 2026/3/1 10:00:00\n\n"
        "年1月20日,某市市长作政府工作报告。年某市将着力办好八个方面民生实事。\n\n"
        "(1)新建、改扩建中小学12所。\n\n(2)为1.5万名困难老人提供居家养老服务。\n"
    )
    found = _read(text)
    assert (12.0, "所", 2024, "ge") in found
    assert (1.5, "万名", 2024, "ge") in found


def test_disclosure_page_record_date_dates_a_list_table_naming_no_year():
    # a 信息公开 page: its record's 发文日期 the only year; the table's items are that year's works
    text = (
        "索引号 | 001/2023-00012 | 公开方式 | 主动公开 |\n"
        "发布单位 | 县政府 | 发文日期 | 2023-03-02 |\n"
        "序号 | 实事项目 | 工作举措 | 责任单位 | 配合单位 |\n"
        "1 | 新建成村卫生室9家,新增养老床位300张。 | 6月底前新建成4家。 | 卫生健康局 | 财政局 |\n"
    )
    found = _read(text)
    assert (9.0, "家", 2023, "ge") in found
    assert (300.0, "张", 2023, "ge") in found


def test_record_date_gives_way_to_a_year_the_table_names():
    # a page dated 2022 listing 2023's works: the record date is not the list's year
    text = (
        "发布单位 | 县政府 | 发文日期 | 2022-12-20 |\n"
        "序号 | 实事项目 | 责任单位 |\n"
        "1 | 2023年新建成村卫生室9家。 | 卫生健康局 |\n"
    )
    assert all(t[2] != 2022 for t in _read(text))


def test_goals_line_reported_with_its_speaker_named():
    # a news copy of a work report: "市长还提出了2019年…主要预期目标是:…" (the reporter names who set them)
    text = (
        "本报讯 今天上午,某市人民代表大会开幕,市长作政府工作报告。\n"
        "市长还提出了2019年全市经济社会发展主要预期目标是:地区生产总值增长7%左右,一般公共预算收入增长8%以上。\n"
    )
    found = _read(text)
    assert (7.0, "%", 2019, "about") in found
    assert (8.0, "%", 2019, "ge") in found


def test_goals_heading_alone_over_a_news_copy_of_a_work_report():
    # a news copy: the report dated in the lead, then "主要目标" on a line of its own and the goals with no year
    text = (
        "本报讯 编者按:一系列关乎民生的大事,都在2018年3月2日的某县政府工作报告中做了部署。\n"
        "县长在县人大会议上作政府工作报告。\n"
        "主要目标\n"
        "生产总值增长8.5%左右,城镇登记失业率控制在4%以内,万元GDP能耗下降3%。\n"
    )
    found = _read(text)
    assert (8.5, "%", 2018, "about") in found
    assert (4.0, "%", 2018, "le") in found


def test_news_item_announcing_this_years_list_past_its_opening():
    # a news roundup: the list announced in its third paragraph ("发布了新年的八件民生实事"), one item naming the year
    text = (
        "各区发布将干的八件实事 民生大计快来关注\n\n10.02.2019  08:00\n\n"
        "  新年新气象,各区两会陆续进行。今年各区又有哪些惠及民生的大动作?\n\n"
        "  记者为您梳理各区的实事。顺民意、解民忧、保民安、惠民生,这每一件,都和老百姓息息相关。\n\n"
        "   启动老旧小区改造\n\n"
        "  某区第十五届人民代表大会第一次会议昨天举行,同时发布了新年的八件民生实事。\n\n"
        "  1.老旧小区改造:某小区改造已列2019年某区为民办实事项目。\n\n"
        "  2.养老服务:新增养老机构床位180张。\n"
    )
    assert (180.0, "张", 2019, "ge") in _read(text)


def test_goals_line_after_a_connective_and_its_speaker():
    # "此外,县长还指出,2016年的主要预期目标是:…": a connective, the speaker, then the year's goals line
    text = (
        "经初步预计,某县2015年全年实现生产总值120亿元,比上年增长9%。\n"
        "此外,县长还指出,2016年的主要预期目标是:生产总值增长10%,居民消费价格指数控制在3%以内。\n"
    )
    found = _read(text)
    assert (10.0, "%", 2016, "ge") in found
    assert (3.0, "%", 2016, "le") in found
