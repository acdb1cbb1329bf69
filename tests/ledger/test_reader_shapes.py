"""The reader reads a short text the same in each shape a planner pastes it in (tixi/ledger/engine/perturb.py,
issue 12 point 4): one test per class of loss fixed, each a made-up text in the plain shape and in the other."""

from tixi.ledger.engine import parse, tables
from tixi.ledger.engine.perturb import perturbed


def _reading(text: str) -> tuple:
    found = parse.tasks(text)
    return (
        [(t["title"], t["lead_units"], t["cooperating_units"]) for t in found],
        [(t["value"], t["unit"], t["year"], t["comparator"]) for t in parse.targets(text)],
        [(r["target"], r["unit"], r["target_year"]) for r in tables.indicator_rows(text)],
    )


WORD_PASTE = (
    "一、主要目标\n"
    "到2025年，全市二级以上医院达到12所，每千人口床位数达到6.5张，65岁以上老人健康管理率达到75%。\n"
    "二、重点任务\n"
    "1.新增城镇就业4.3万人，培训家政服务人员1万人次，新增家政服务人员4100人。（牵头单位：市人社局）\n"
    "2.建成15分钟健康服务圈，新建社区卫生服务站8个。（牵头单位：市卫健委）\n"
)


def test_a_word_paste_s_spaces_around_numbers_and_its_indents_read_as_without():
    spaced = perturbed("word_spaces")(WORD_PASTE)
    assert "到 2025 年" in spaced and "\u3000\u3000" in spaced
    assert _reading(spaced) == _reading(WORD_PASTE)
    assert len(_reading(WORD_PASTE)[1]) >= 5


def test_a_row_whose_cells_are_set_apart_by_spaces_keeps_its_cells_in_a_word_paste():
    # the space before a row's first number, before a number closing the row and before an item's number is a
    # cell's edge; the others are the paste's
    rows = (
        "2021年麻风病防治项目绩效目标\n"
        "数量指标 每年春节慰问麻风村休养员 32人\n"
        "质量指标 休养员生活得到改善 100%\n"
        "群众防治知识知晓率显著提升 100%\n"
        "时效指标 项目实施时间 2021年1月-12月\n"
        "资金拨付到位情况 12月底前100%到位\n"
        "一 强化县域资源统筹 优化 1.健全乡村医疗卫生服务体系\n"
    )
    assert parse.normalise(perturbed("word_spaces")(rows)) == parse.normalise(rows)
    assert (
        parse._unspaced_numbers(WORD_PASTE) == WORD_PASTE
    )  # a text without a paste's spaces is left as written
