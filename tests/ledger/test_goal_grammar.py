"""The reader on the goal grammar (tixi/ledger/engine/grammar.py; `tixi bench parse --grammar`): goal sentences
generated from their parts (time, verb, unit, comparator word, form) and the negatives the conventions leave out, each
with its truth. Pinned: every part's sentences are read exactly but the few listed below, so a part that stops being
read (a verb, a unit, an order, a plan it is set in) fails here. Figures (seed 0, session 23 reader51): on main 1bcbf6f
2015 sentences, 1729 read exactly, targets 1939 of 2225 with 2088 found (P 0.93 R 0.87); after reader51's fixes 2013
exactly, 2223 of 2225 with 2223 found (per part: tests/ledger/heldout/README.md, "Goal grammar")."""

import pytest

from tixi.ledger.engine import grammar
from tixi.ledger.engine.parse import targets
from tixi.ledger.engine.perturb import PERTURBATIONS, perturbed

# sentences still read wrong, by seed: a count after 实现 and its subject written as a range in 万 ("实现…80～82万元"):
# NOT_A_GOAL takes "N～M万" for a norm ("服务人口1～3万") unless a goal's verb stands right before it
STILL_WRONG = {
    0: {"2025年底前，实现年培训人数10～12万人。", "到“十四五”末，实现重点专科建设经费80～82万元。"},
    1: {"至2030年，实现家庭医生签约人数50～52万人。", "到2025年，实现村卫生室年均运行经费500～502万元。"},
    2: {"2025年，实现年培训人数10～12万人。", "实现重点专科建设经费80～82万元，到2027年实现。"},
}


@pytest.fixture(scope="module", params=sorted(STILL_WRONG))
def measured(request):
    return request.param, *grammar.measure(targets, request.param)


def test_the_grammar_is_whole_and_deterministic():
    first, again = grammar.sentences(0), grammar.sentences(0)
    assert [s.text for s in first] == [s.text for s in again]
    assert len(first) == 2099
    labels = {}
    for sentence in first:
        for part, label in sentence.parts.items():
            labels.setdefault(part, set()).add(label)
    assert labels["time"] == {t[0] for t in grammar.TIMES}
    assert labels["verb"] == {v[0] for v in grammar.VERBS}
    assert labels["unit"] == set(grammar.UNITS)
    assert labels["comparator"] == {c[0] for c in grammar.COMPARATOR_WORDS}
    assert labels["context"] == {c[0] for c in grammar.CONTEXTS}
    assert len(labels["negative"]) == 8


def test_every_part_is_read(measured):
    seed, tallies, wrong = measured
    assert {s.text for s in wrong} == STILL_WRONG[seed]
    for part, by_label in tallies.items():
        for label, tally in by_label.items():
            assert tally.precision == 1.0, (part, label)
            assert tally.recall >= 0.95, (part, label, tally.matched, tally.expected)


def test_the_negatives_are_left_out(measured):
    _seed, tallies, _wrong = measured
    for kind, tally in tallies["negative"].items():
        # a baseline sentence's goal (the M of "由N%提高到M%") is its only target; the others have none
        assert tally.found == tally.matched == tally.expected, kind


# shapes of perturb.py the grammar's one-sentence plans cannot show: a PDF's hard breaks need a page's width, told from
# more lines than a four-line plan holds (parse.WRAP_FEWEST)
SHAPES_NOT_TOLD = {"pdf_wrap"}


@pytest.mark.parametrize("name", sorted(set(PERTURBATIONS) - SHAPES_NOT_TOLD))
def test_every_shape_reads_as_the_plain_text(name):
    plain, _ = grammar.measure(targets)
    shaped, _ = grammar.measure(targets, shape=perturbed(name))
    p, s = plain["all"]["all"], shaped["all"]["all"]
    assert (s.matched, s.found, s.right) == (p.matched, p.found, p.right)
