"""Units read by CLASS in any layout (session 21, reader36; issue 12 point 4): a rule that reads a layout of units in
one context must read it in every other. Each test is made-up text, one class each; the last renders made-up tasks
in every layout of perturb.UNIT_LAYOUTS and reads them back (tests/ledger/test_reader_robustness.py does so for the
seen sets' tasks)."""

import pytest

from tixi.ledger.engine.accuracy import task_score
from tixi.ledger.engine.parse import is_organisation, tasks, units_of
from tixi.ledger.engine.perturb import UNIT_LAYOUTS, unit_layout


def _read(text: str) -> list[tuple]:
    return [(t["title"], t["lead_units"], t["cooperating_units"]) for t in tasks(text)]


@pytest.mark.parametrize(
    "name",
    [
        "各区、县级市",
        "各区、县（市）政府",
        "有关区县",
        "各街道",
        "各OPC社区",
        "甲乙经济开发区",
        "全区经济运行各专班",
        "某某市",
    ],
)
def test_places_and_divisions_a_bracket_assigns_are_units(name):
    assert is_organisation(name)


@pytest.mark.parametrize("name", ["加强建设", "全面推进", "到2025年"])
def test_words_are_no_units(name):
    assert not is_organisation(name)


def test_a_role_word_bracket_reads_the_places_a_label_reads():
    # the same units under a label and after role words
    labelled = units_of("牵头单位：市发展改革委；配合单位：市财政局、各区、县级市")
    roled = units_of("市发展改革委牵头，市财政局、各区、县级市配合")
    assert labelled == roled == (["市发展改革委"], ["市财政局", "各区、县级市"])
    assert units_of("市经信委、有关区县负责") == (["市经信委", "有关区县"], [])


def test_a_city_named_regulator_keeps_its_own_level():
    assert units_of("省经贸委负责，省农业厅、厦门出入境检验检疫局配合") == (
        ["省经贸委"],
        ["省农业厅", "厦门出入境检验检疫局"],
    )


def test_a_unit_named_for_its_role_elsewhere_is_no_lead_word():
    # "各项目牵头单位" is a unit; under the first-listed rule the first unit still leads alone
    text = "（列第一位的为牵头单位，下同）\n一、重点任务\n（一）加强组织领导（责任单位：市委组织部、各项目牵头单位）。"
    [(_title, lead, cooperating)] = _read(text)
    assert (lead, cooperating) == (["市委组织部"], ["各项目牵头单位"])


def test_a_lead_marked_in_a_list_keeps_each_phrase_of_divisions_whole():
    assert units_of("责任单位：市卫健委（牵头）、市财政局、各区、县级市") == (
        ["市卫健委"],
        ["市财政局", "各区、县级市"],
    )
    assert units_of("责任单位：市科技局（牵头）、各区、县（市）政府（牵头）、市财政局") == (
        ["市科技局", "各区、县（市）政府"],
        ["市财政局"],
    )


def test_a_running_part_with_its_bracket_is_no_unit_led_cell():
    text = (
        "一、重点任务\n一是由市卫健委负责,市财政局配合,加强队伍建设（市卫健委牵头，市财政局配合）；"
        "二是完善药品供应（市医保局牵头）。"
    )
    units = [(t[1], t[2]) for t in _read(text)]
    assert units == [(["市卫健委"], ["市财政局"]), (["市医保局"], [])]


def test_units_in_a_sentence_of_their_own_after_the_title():
    text = "一、重点任务\n1.加强基层医疗机构建设。市卫健委牵头，市财政局、市医保局按职责分工负责。\n2.完善药品供应。市医保局负责。"
    assert _read(text) == [
        ("加强基层医疗机构建设", ["市卫健委"], ["市财政局", "市医保局"]),
        ("完善药品供应", ["市医保局"], []),
    ]


def test_a_sentence_that_is_no_list_of_units_names_none():
    # the sentence after the title says what is done, not who does it
    assert _read("一、重点任务\n1.加强基层医疗机构建设。由市卫健委负责组织实施全市培训工作。") == []


@pytest.mark.parametrize(
    "note",
    [
        "（列第一位的为牵头单位，下同）",
        "（排在首位的为牵头单位）",
        "注：第一个单位为牵头单位。",
        "第一家单位是牵头单位。",
    ],
)
def test_every_wording_of_the_first_listed_rule(note):
    text = f"{note}\n一、重点任务\n（一）加强队伍建设（责任单位：市卫健委、市人社局、市财政局）。"
    # (the title is the item's first sentence, its bracket kept: the measure compares its first characters)
    [(title, lead, cooperating)] = _read(text)
    assert title.startswith("加强队伍建设") and (lead, cooperating) == (
        ["市卫健委"],
        ["市人社局", "市财政局"],
    )


def test_a_table_row_with_an_empty_cooperating_cell():
    header = "| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n"
    text = (
        header
        + "| 1 | 加强队伍建设 | 市卫健委 |  | 2025年底 |\n| 2 | 完善药品供应 | 市医保局 | 市卫健委 | 2025年底 |"
    )
    assert _read(text) == [
        ("加强队伍建设", ["市卫健委"], []),
        ("完善药品供应", ["市医保局"], ["市卫健委"]),
    ]


def test_a_row_closed_by_two_bars_is_no_empty_cell():
    # "… | 长期推进 ||": the bars close the row; the row is short of a cell, read by what its cells say
    text = (
        "序号 | 工作任务 | 细化分工 | 责任处室 | 完成时限 | 备注 |\n"
        "1 | 做好信息发布 | 围绕重点发布权威信息 | 应急处 | 长期推进 ||\n"
        "2 | 做好疫苗接种信息公开 | 疾控处 | 长期推进 ||"
    )
    assert [(t[0], t[1]) for t in _read(text)] == [
        ("做好信息发布", ["应急处"]),
        ("做好疫苗接种信息公开", ["疾控处"]),
    ]


def test_a_cell_a_line_table_with_a_dash_for_no_unit():
    text = "序号\n工作任务\n牵头单位\n配合单位\n完成时限\n1\n加强队伍建设\n市卫健委\n—\n2025年底\n2\n完善药品供应\n市医保局\n市卫健委\n2025年底"
    assert _read(text) == [
        ("加强队伍建设", ["市卫健委"], []),
        ("完善药品供应", ["市医保局"], ["市卫健委"]),
    ]


def test_an_item_opening_with_a_year_after_its_number_and_a_list_numbered_again_under_a_heading():
    text = (
        "一、重点任务\n1.加强队伍建设。\n牵头单位：市卫健委\n2.完善药品供应。\n牵头单位：市医保局\n"
        "二、保障措施\n1.2025年底前建成信息平台。\n牵头单位：市数据局\n3.2026年底前完成评估。\n牵头单位：市卫健委"
    )
    titles = [t[0] for t in _read(text)]
    assert "2025年底前建成信息平台" in titles


MADE_UP = [
    {"title": "加强基层医疗卫生队伍建设", "lead": ["市卫健委"], "cooperating": ["市人社局", "市财政局"]},
    {"title": "完善药品供应保障制度", "lead": ["市医保局", "市卫健委"], "cooperating": ["各区、县级市"]},
    {"title": "推进智慧医院建设", "lead": ["市数据局"], "cooperating": []},
    {"title": "2025年底前建成区域检验中心", "lead": ["市卫健委"], "cooperating": ["有关区县", "市财政局"]},
]


@pytest.mark.parametrize("name", list(UNIT_LAYOUTS))
def test_every_layout_reads_made_up_tasks(name):
    text, expected = unit_layout(name, MADE_UP)
    assert expected
    score = task_score(expected, _read(text))
    assert score.matched == score.expected == score.found, text
