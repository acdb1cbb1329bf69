import numpy as np
import pytest

from tixi.indicators.engine import expression as ex
from tixi.indicators.engine import trajectory as tj
from tixi.indicators.engine.describe import describe
from tixi.indicators.engine.evaluate import Evaluator


@pytest.mark.parametrize(
    "text, position",
    [
        ("", 0),
        ("1 +", 3),
        ("R{actual_beds", 0),
        ("R{beds: colour=red}", 8),
        ("foo(1)", 0),
        ("if(1, 2)", 0),
        ("(1 + 2", 6),
        ("1 $ 2", 2),
        ("#{}", 2),
    ],
)
def test_errors_name_the_position(text, position):
    with pytest.raises(ex.ExpressionError) as error:
        ex.parse(text)
    assert error.value.position == position


def test_functions_and_missing_values():
    values = {ex.DataItem(0, "a"): np.array([1.0, np.nan]), ex.DataItem(0, "b"): np.array([5.0, 7.0])}
    ev = Evaluator(values, 2)
    assert list(ev.eval(ex.parse("firstNonNull(#{a}, #{b})"))) == [1.0, 7.0]
    assert list(ev.eval(ex.parse("isNull(#{a})"))) == [0.0, 1.0]
    assert list(ev.eval(ex.parse("greatest(#{a}, #{b})"))) == [5.0, 7.0]
    assert list(ev.eval(ex.parse("if(#{b} > 6, 1, 0)"))) == [0.0, 1.0]
    assert np.isnan(ev.eval(ex.parse("#{a} / 0"))).all()


def test_described_in_chinese_and_english():
    node = ex.parse("R{nurses: category=hospital} * 1000 / P{}")
    assert (
        describe(node, {"nurses": "注册护士", "hospital": "医院"})
        == "（医院的注册护士之和乘以1000）除以常住人口"
    )
    assert "divided by" in describe(node, {}, "en")


def spec(**kw):
    base = {
        "kind": "value",
        "comparator": "ge",
        "lower_is_better": False,
        "target_year": 2025,
        "target_value": 10.0,
        "baseline_year": 2020,
        "baseline_value": 5.0,
    }
    return tj.TargetSpec(**{**base, **kw})


def test_trajectory_and_status():
    assert tj.trajectory_value(spec(), 2023) == pytest.approx(8.0)
    assert tj.trajectory_value(spec(trajectory="geometric"), 2025) == pytest.approx(10.0)
    assert tj.status(spec(), 2023, 10.5).status == tj.ACHIEVED
    assert tj.status(spec(), 2023, 8.0).status == tj.ON_TRACK
    assert tj.status(spec(), 2023, 7.4).status == tj.AT_RISK  # 2.4 of 3 expected: 80 %
    assert tj.status(spec(), 2023, 6.0).status == tj.OFF_TRACK
    assert tj.status(spec(), 2025, 9.0).status == tj.OFF_TRACK
    assert tj.status(spec(), 2023, None).status == tj.NO_DATA
    lower = spec(comparator="le", lower_is_better=True, target_value=8.0, baseline_value=11.2)
    assert tj.status(lower, 2023, 9.2).status == tj.ON_TRACK
    assert tj.status(spec(kind="increase"), 2023, 5.0, previous=4.0).status == tj.ACHIEVED
    reduce = spec(
        kind="change_per_year",
        change_per_year=-0.5,
        comparator="le",
        lower_is_better=True,
        target_value=None,
        baseline_value=50.0,
    )
    assert tj.status(reduce, 2022, 48.9).status == tj.ON_TRACK
    assert tj.status(reduce, 2022, 49.8).status == tj.OFF_TRACK
    assert tj.status(spec(kind="national"), 2023, 90.0).status == tj.NO_DATA
    assert tj.status(spec(kind="maintain", baseline_value=80.0), 2023, 79.5).status == tj.ACHIEVED
    assert tj.status(spec(comparator="about", target_value=1.0), 2023, 1.04).status == tj.ACHIEVED


def test_population_projection():
    assert tj.project([2020, 2021, 2022], [100.0, 110.0, 120.0], 2025) == pytest.approx(150.0)


def test_a_trajectory_already_within_a_ceiling_or_above_a_floor_holds_the_baseline():
    """Maternal mortality 0 per 100,000 in 2020 against "≤ 17" by 2025: the line drawn does not
    rise toward 17; a share already above its floor does not fall to it."""
    ceiling = tj.TargetSpec("value", "le", True, 2025, 17.0, baseline_year=2020, baseline_value=0.0)
    assert [tj.trajectory_value(ceiling, y) for y in range(2020, 2027)] == [0.0] * 7
    floor = tj.TargetSpec("value", "ge", False, 2025, 90.0, baseline_year=2020, baseline_value=95.0)
    assert {tj.trajectory_value(floor, y) for y in range(2020, 2026)} == {95.0}
    # still on the way: the line runs from the baseline to the target as before
    falling = tj.TargetSpec("value", "le", True, 2025, 17.0, baseline_year=2020, baseline_value=27.0)
    assert tj.trajectory_value(falling, 2022) == pytest.approx(23.0)
    assert tj.trajectory_value(falling, 2025) == 17.0
    # a value above the ceiling later is off track, not "on the trajectory"
    assert tj.status(ceiling, 2023, 20.0).status == tj.OFF_TRACK
    assert tj.status(ceiling, 2023, 5.0).status == tj.ACHIEVED
