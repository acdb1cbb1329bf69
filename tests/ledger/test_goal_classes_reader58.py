"""A 任务分解 table's sign for its lead unit, and titles to win counted after 争创 (session 24, reader58; issue 12
point 4). A table marking one unit of a row's 责任单位 cell with a sign ("▲A,B,C"; ★, ☆, ◆… alike) reads the
marked unit as the lead and the others as cooperating; in such a table a row with no sign names no lead over the
others: all its units lead (tests/ledger/heldout_cs/README.md "Conventions"). "争创N个…" counts the titles to win
as 创建 does. Every text here is made up; none is a held-out document. The tests marked "fails on main" fail at
c544047a."""

from tixi.ledger.engine.parse import targets, tasks, units_of


def found(text: str) -> list[tuple]:
    return [(t["value"], t["unit"], t["year"], t["comparator"]) for t in targets(text)]


def units(text: str) -> list[tuple]:
    return [(t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


SIGNED_TABLE = (
    "某县2024年重点工作责任分解表\n\n序号\n\n重点工作\n\n责任单位\n\n"
    "1\n\n新增托位300个\n\n▲卫健局,教育局,各乡镇(街道)\n\n"
    "2\n\n建成村级养老服务站20个\n\n★民政局、财政局\n\n"
    "3\n\n完成农村公路改造50公里\n\n交通局,自然资源局,各乡镇(街道)\n"
)


def test_a_signed_unit_leads_the_others_cooperate():
    # fails on main: "▲卫健局" kept its sign as a unit's name
    got = units(SIGNED_TABLE)
    assert got[0] == (["卫健局"], ["教育局", "各乡镇(街道)"])
    assert got[1] == (["民政局"], ["财政局"])


def test_a_row_without_the_sign_in_a_signed_table_has_all_its_units_lead():
    # fails on main: the first unit before the comma led alone
    assert units(SIGNED_TABLE)[2] == (["交通局", "自然资源局", "各乡镇(街道)"], [])


def test_a_sign_inside_a_bracket_of_units_and_not_first():
    # fails on main
    assert units_of("责任单位：市财政局，◆市卫生健康委、各县（市、区）") == (
        ["市卫生健康委"],
        ["市财政局", "各县（市、区）"],
    )
    assert units_of("☆各镇乡(街道、社区),市财政局") == (["各镇乡(街道、社区)"], ["市财政局"])


def test_an_unsigned_table_keeps_its_comma_lead():
    text = SIGNED_TABLE.replace("▲", "").replace("★", "")
    assert units(text)[0] == (["卫健局"], ["教育局", "各乡镇(街道)"])


def test_titles_to_win_after_zhengchuang_are_counted():
    # fails on main: 争创 was no goal word
    text = (
        "2023年度全市畜牧重点工作任务\n\n3. 生猪稳产。争创3个国家级生猪调出大县。发挥12个现有基地带动作用。\n"
    )
    assert (3.0, "个", 2023, "ge") in found(text)
    assert (12.0, "个", 2023, "ge") not in found(text)
    assert found("2024年度重点工作\n\n争创２家省级示范医院。\n") == [(2.0, "家", 2024, "ge")]


# a 绩效指标 list copied without its heading: the page's date alone on a line, then numbered signed indicators, some
# with last year's value in a bracket; more lines than a page's wrap check skips (so the date line could be joined)
SIGNED_LIST = (
    "2024-03-15\n"
    "1.适龄儿童疫苗接种率≥90%\n"
    "2.6岁以下儿童健康管理率≥85%\n"
    "3.孕产妇系统管理率≥88%(2023:86%)\n"
    "4.老年人健康管理率≥70%(2023年:68%)\n"
    "5.高血压患者规范管理率≥65%\n"
    "6.糖尿病患者规范管理率≥66%\n"
    "7.肺结核患者管理率≥92%(新增)\n"
    "8.居民健康档案覆盖率≥63%\n"
    "9.健康素养水平不断提高\n"
    "10.服务对象满意度较上年提高\n"
    "11.家庭医生签约服务满意度≥80%(新增)\n"
)


def test_a_signed_indicator_list_is_dated_by_its_page_date_line():
    # fails on main: the ISO date line read no year (and was joined to item 1 as a number cut at the margin)
    got = found(SIGNED_LIST)
    assert got == [
        (90.0, "%", 2024, "ge"),
        (85.0, "%", 2024, "ge"),
        (88.0, "%", 2024, "ge"),
        (70.0, "%", 2024, "ge"),
        (65.0, "%", 2024, "ge"),
        (66.0, "%", 2024, "ge"),
        (92.0, "%", 2024, "ge"),
        (63.0, "%", 2024, "ge"),
        (80.0, "%", 2024, "ge"),
    ]


def test_the_date_line_in_other_forms():
    for date in ("2024/3/15", "2024.03.15", "２０２４－０３－１５"):
        assert (88.0, "%", 2024, "ge") in found(SIGNED_LIST.replace("2024-03-15", date))


def test_last_years_value_in_a_bracket_with_a_colon_is_no_goal():
    # fails on main: "(2023:86%)" read as a second goal
    assert (86.0, "%", 2024, "ge") not in found(SIGNED_LIST)
    assert (68.0, "%", 2024, "ge") not in found(SIGNED_LIST)


def test_guards_no_date_or_another_year_or_too_few_signed_lines():
    # no date line: no year to give
    assert found(SIGNED_LIST.replace("2024-03-15\n", "")) == []
    # a text naming another year besides its date is that year's, not dated by the line
    assert all(t[2] != 2024 for t in found("2024-03-15\n2022年工作回顾\n" + SIGNED_LIST.split("\n", 1)[1]))
    # two signed lines are no list of goals
    assert found("2024-03-15\n某项目说明\n1.接种率≥90%\n2.管理率≥85%\n" + "工作安排另行通知\n" * 4) == []
