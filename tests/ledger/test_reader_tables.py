"""Tasks of county 民生实事 progress tables whose unit stands in a cell of its own (session 20, reader33: heldout_bc's
table classes). Every text here is made up in the layouts the pages' copies have; none is a held-out document."""

from tixi.ledger.engine.parse import targets, tasks


def _units(text: str) -> list[tuple]:
    return [(t["title"], t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


def _goals(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


# one cell a line, a blank line between the cells, a header cell over two lines and columns the column words do not
# name; the copy drops the empty cells (row 2 has no 是否统一进度 cell, the 分管领导 column is empty throughout)
LOOSE_HEADER = """某县民生实事项目半年度进度表
发布日期:2024-08-28

序号

省政府十大

民生实事名称

项目内容

完成率(%)

是否省市统一进度

牵头单位

分管领导

1

*医疗卫生

为全县65岁以上老年人免费接种流感疫苗12000人。

20%

是,全省统一进度

县卫健局

2

*教育助学

实施中小学校“阳光食堂”建设行动,2024年完成5家以上。

80%

县市场监管局

3

*养老帮困

全面推行长期护理保险制度,2024年参保人数达2.1万人以上。

100%

全省第1

县医疗保障局
"""


def test_a_table_one_cell_a_line_under_a_header_it_cannot_align_reads_each_row_by_what_its_cells_say():
    assert _units(LOOSE_HEADER) == [
        ("为全县65岁以上老年人免费接种流感疫苗12000人", ["县卫健局"], []),
        ("实施中小学校“阳光食堂”建设行动,2024年完成5家以上", ["县市场监管局"], []),
        ("全面推行长期护理保险制度,2024年参保人数达2.1万人以上", ["县医疗保障局"], []),
    ]


# rows "N | task | unit | progress | status |" with no header, a bare "|" line between them
HEADERLESS = """1 | 完成12所学校教育基础设施改造提升,新安装空调300台。 | 县教育局 | 已经安装空调300台(涉及教室150个)。 | 按时序推进 |
|
2 | 完成5家示范型居家养老服务照料中心建设。 | 县民政局 | 确定改造提升照料中心5个,3家施工中。 | 按时序推进 |
|
3 | 新增3岁以下婴幼儿照护服务机构4家120个托位。 | 县卫生健康局 | 对4家预建设托育机构进行督导,已完成总进度70%。 | 按时序推进 |
"""


def test_headerless_rows_name_their_task_after_the_number_and_their_unit_in_a_cell_of_its_own():
    assert _units(HEADERLESS) == [
        ("完成12所学校教育基础设施改造提升,新安装空调300台", ["县教育局"], []),
        ("完成5家示范型居家养老服务照料中心建设", ["县民政局"], []),
        ("新增3岁以下婴幼儿照护服务机构4家120个托位", ["县卫生健康局"], []),
    ]
    # no year in the text: no goal, and the progress column never one
    assert _goals(HEADERLESS) == []


# a yearly list's progress table (title naming the year and 进展), read by its columns: the task cells set the goals, the
# progress cells (what was done, a share done) none
PROGRESS = """2025年某市政府民生实事项目进展情况(截至5月15日)

序号

目标任务

牵头

市领导

责任单位

进展情况

形象进度(%)

1

新建公用和专用电动汽车充电桩200个,其中农村80个

张  某

市发改局

新建公共充电桩60个,其中农村30个。

28%

2

建设电动自行车“充电驿站”900个

张  某

市消防大队

已完成方案制定。目前各乡镇街道进行选址。

30%
"""


def test_a_progress_table_read_by_its_columns_sets_goals_in_its_task_cells_only():
    assert _units(PROGRESS) == [
        ("新建公用和专用电动汽车充电桩200个,其中农村80个", ["市发改局"], []),
        ("建设电动自行车“充电驿站”900个", ["市消防大队"], []),
    ]
    assert _goals(PROGRESS) == [
        (200.0, "个", 2025, "ge"),
        (80.0, "个", 2025, "ge"),
        (900.0, "个", 2025, "ge"),
    ]


def test_a_list_s_progress_table_with_no_year_in_its_title_takes_the_page_s_date_year_for_its_task_cells():
    assert _goals(LOOSE_HEADER) == [
        (12000.0, "人", 2024, "ge"),
        (5.0, "家", 2024, "ge"),
        (2.1, "万人", 2024, "ge"),
    ]
    # a page dated after the year its rows name (a report of last year's list): the date is no goal's year
    later = LOOSE_HEADER.replace("发布日期:2024-08-28", "发布日期:2025-01-10")
    # (rows naming their year keep it)
    assert _goals(later) == [(5.0, "家", 2024, "ge"), (2.1, "万人", 2024, "ge")]
    # no date line: no year
    assert _goals(LOOSE_HEADER.replace("发布日期:2024-08-28\n", "")) == _goals(later)


def test_a_long_project_name_before_the_project_s_content_is_no_task():
    named = LOOSE_HEADER.replace("*医疗卫生", "城乡居民健康服务提升工程").replace(
        "*教育助学", "中小学校食堂提质行动"
    )
    assert _units(named) == _units(LOOSE_HEADER)


def test_a_category_column_before_the_number_and_a_duty_column_before_the_lead_column():
    # reader35 (heldout_bf's class, 莲都): one cell a line, "分类" before "序号" (its cell copied once, over the rows it
    # groups), the 责任单位 column before the 牵头单位 column and repeating the lead; made-up text
    text = (
        "某区2025年政府工作报告重点工作责任分解\n\n分类\n\n序号\n\n事项\n\n责任单位\n\n牵头单位\n\n发展目标\n\n1\n\n"
        "地区生产总值增长6%。\n\n区发改局、区经信局、区统计局\n\n区发改局\n\n2\n\n农业增加值增长3%。\n\n区农业农村局\n\n"
        "区农业农村局\n"
    )
    assert _units(text) == [
        ("地区生产总值增长6%", ["区发改局"], ["区经信局", "区统计局"]),
        ("农业增加值增长3%", ["区农业农村局"], []),
    ]
    # a national agency's local office named by its place keeps its name ("某地邮政管理局", no 区 added)
    assert _units(text.replace("区统计局", "某地邮政管理局"))[0][2] == ["区经信局", "某地邮政管理局"]
