"""A goal of direction alone ("逐年提高", "持续下降": a target of kind `increase`) moves in the demo as a
plan under way does: most years in its direction, a few off track, few "与上年持平"; the seed's own
figures stay as published."""

import numpy as np
import pytest

from tixi.demo.indicator_values import directional_goal
from tixi.indicators.engine import expression as ex
from tixi.indicators.models import Plan
from tixi.indicators.services import evaluate_plan
from tixi.registry.engine.figures import round_like


@pytest.mark.parametrize(
    ("base", "kind", "unit", "decimals", "lower"),
    [
        (27.0, "share", "%", 1, False),  # 医疗服务收入占比
        (86.0, "share", "%", 1, False),  # 县域内就诊率: room left below 100
        (3.5, "amount", "/10万", 1, True),  # 儿童溺水发生率: a small rate at one decimal
        (1.8, "share", "%", 2, True),  # 院内感染发生率
        (68.5, "amount", "岁", 2, False),  # 健康预期寿命
        (16.0, "amount", "吨", 1, False),  # 无偿献血采集量
    ],
)
def test_a_directional_goal_moves_each_year_by_more_than_its_rounding(base, kind, unit, decimals, lower):
    for seed in range(40):
        goal = directional_goal(base, kind, unit, decimals, lower, 5, np.random.default_rng(seed))
        step = (goal - base) / 5
        assert (step < 0) if lower else (step > 0)
        # a year's step shows at the indicator's decimals, even at the slowest pace drawn (×0.6)
        assert round_like(base + 0.6 * step, decimals) != round_like(base, decimals)
        assert goal >= base / 2 - 1e-9  # a rate or an amount falls, it does not vanish
        if kind == "share":
            assert 0 <= goal < 100
        if unit == "岁":
            assert abs(step) <= 0.5  # a life expectancy gains months a year, not years


def test_a_rate_at_zero_has_nothing_to_lower():
    assert directional_goal(0.0, "amount", "/10万", 2, True, 5, np.random.default_rng(1)) == 0.0


@pytest.mark.django_db
def test_the_demo_s_directional_goals_move_in_their_direction_most_years():
    """Over every plan's region and the years 2021-2025, the directional goals drawn by the demo
    (a data element, not a registry count; not a rate at zero, which has nothing to lower) read
    "与上年持平" in few rows, move in their direction in most, and back in some (as real data does)."""
    counts = {"met": 0, "flat": 0, "back": 0}
    for plan in Plan.objects.select_related("region"):
        drawn = {
            t.order
            for t in plan.targets.filter(kind="increase").select_related("indicator")
            if isinstance(ex.parse(t.indicator.numerator), ex.DataItem)
        }
        for year in range(2021, 2026):
            for row in evaluate_plan(plan, plan.region, year):
                if row["order"] not in drawn or not row["gap"]:
                    continue
                before, now = row["series"].get(year - 1), row["series"].get(year)
                if before is None or now is None or before == now == 0:
                    continue
                if round(now, row["decimals"]) == round(before, row["decimals"]):
                    counts["flat"] += 1
                elif row["gap"]["value"] == 0.0:
                    counts["met"] += 1
                else:
                    counts["back"] += 1
    total = sum(counts.values())
    assert total >= 100, counts
    assert counts["flat"] <= 0.1 * total, counts
    assert counts["met"] >= 0.65 * total, counts
    assert counts["back"] >= 1, counts
