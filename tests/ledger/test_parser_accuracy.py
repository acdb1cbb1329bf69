"""The plan reader against hand-made expectations of the five seeds (tests/ledger/seed_truth/*.yaml):
precision and recall on tasks with their units and on numeric targets. `tixi bench parse` prints
the same table."""

import pytest

from tixi.ledger.engine.accuracy import seed_scores


@pytest.fixture(scope="module")
def scores():
    return seed_scores()


def test_every_seed_has_its_expectations(scores):
    assert sorted(scores) == ["000", "001", "002", "003", "004"]
    assert sum(s["tasks"].expected for s in scores.values()) == 67
    assert sum(s["targets"].expected for s in scores.values()) == 167


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_precision_and_recall_at_least_0_9(scores, seed):
    for kind in ("tasks", "targets"):
        result = scores[seed][kind]
        assert result.precision >= 0.9 and result.recall >= 0.9, (seed, kind, result)


def test_a_wrong_expectation_lowers_the_score():
    """The measure can fail: a unit moved from lead to cooperating no longer matches."""
    from tixi.ledger.engine.accuracy import score, task_key

    right = task_key("推进医联体建设发展", ["市卫生健康委"], ["市中医药局"])
    wrong = task_key("推进医联体建设发展", ["市卫生健康委", "市中医药局"], [])
    result = score([right], [wrong])
    assert result.precision == 0 and result.recall == 0
