"""The reader's patterns on long lines (session 18, fix17; issue 12 point 4): a table copied out of a PDF may come as one
line of many thousand characters, and a pattern that backtracks over it blocks the import. Each text is made up; each
test fails on main at fede5bd (seconds to minutes there)."""

import time

from tixi.ledger.engine import parse


def _seconds(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def test_indicators_listed_on_a_long_line_with_no_comma_are_read_once():
    line = ("儿童预防接种率、" * 25000)[:200_000]
    # main at fede5bd: 1.4 s for 12K characters, growing as the cube; here a few hundredths
    assert _seconds(lambda: parse.targets("到2025年，" + line[:16_000] + "提高到90%。")) < 1.0
    for pattern in (parse.LISTED_EACH, parse.LISTED_CHANGED):
        assert _seconds(lambda pattern=pattern: pattern.search(line)) < 0.5


def test_a_lead_word_glued_to_the_next_unit_is_looked_for_near_it():
    cell = ("市卫健委牵头市财政局" * 1000)[:10_000]
    # main at fede5bd: 2.2 s (each 牵头 looked ahead to the cell's end); here a few hundredths
    assert _seconds(lambda: parse.GLUED_LEAD_WORD.sub("牵头，", cell)) < 0.5
    assert _seconds(lambda: parse.units_of(cell)) < 0.5


def _fastest(call, runs: int = 3) -> float:
    return min(_seconds(call) for _ in range(runs))


def test_the_lines_after_a_column_name_are_listed_only_under_a_header():
    def text(pairs: int) -> str:
        return "\n".join(["牵头单位", "市卫健委负责推进家庭医生签约服务工作"] * pairs)

    small, large = text(1000), text(4000)
    # main at fede5bd: 3.6 s for 4000 pairs, growing as the square (every line after each "牵头单位" listed again); here
    # 0.66 s, four times the 1000 pairs' 0.16 s. Four times the lines may take at most eight times as long (the square
    # would take sixteen): a ratio, so that a busy machine (CI beside other jobs: 1.97 s) does not fail it
    assert _fastest(lambda: parse.tasks(large)) < 8 * _fastest(lambda: parse.tasks(small))
