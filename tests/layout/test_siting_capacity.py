"""Siting with capacities (each new site serves at most so many residents, a place's residents may be
split between sites) and with at most one site per township: the solver against brute force, its bound
against any choice, and the uncapacitated answer when no capacity binds."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from tixi.layout.engine import siting_bench
from tixi.layout.engine.siting import (
    best_sites,
    certified_siting,
    constrained_siting,
    cover_matrix,
    lagrangian_capacity_bound,
    merged_demand,
    served_by,
    sweep,
)


def served_lp(weights, covers, capacities, choice) -> float:
    """Residents the sites serve together, as a transportation LP (independent of the max-flow code)."""
    pairs = [(i, j) for j in choice for i in covers[j]]
    if not pairs:
        return 0.0
    rows, bounds = [], []
    for i in sorted({i for i, _j in pairs}):
        rows.append([1.0 if p[0] == i else 0.0 for p in pairs])
        bounds.append(weights[i])
    for j in choice:
        rows.append([1.0 if p[1] == j else 0.0 for p in pairs])
        bounds.append(capacities[j])
    result = linprog(-np.ones(len(pairs)), A_ub=rows, b_ub=bounds, bounds=(0, None), method="highs")
    return -result.fun


def brute_force(weights, covers, capacities, k, groups=None) -> float:
    best = 0.0
    for choice in itertools.combinations(range(len(covers)), k):
        if groups is not None and len({groups[j] for j in choice}) < k:
            continue
        best = max(best, served_lp(weights, covers, capacities, choice))
    return best


def instance(seed, points=24, sites=8):
    rng = np.random.default_rng(seed)
    weights = rng.integers(0, 500, points).astype(float)
    covers = [np.sort(rng.choice(points, rng.integers(1, 10), replace=False)) for _ in range(sites)]
    capacities = rng.integers(100, 1500, sites).astype(float)
    return weights, covers, capacities


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("k", [1, 2, 3])
def test_capacitated_reaches_the_brute_force_optimum(seed, k):
    weights, covers, capacities = instance(seed)
    best = brute_force(weights, covers, capacities, k)
    found = constrained_siting(weights, covers, k, capacities)
    assert found.covered == pytest.approx(best) and found.optimal and found.bound >= best - 1e-6
    assert len(found.chosen) == k == len(set(found.chosen))
    # the sites really serve that much, each within its capacity
    assert served_lp(weights, covers, capacities, found.chosen) == pytest.approx(found.covered)
    assert sum(found.served) == pytest.approx(found.covered)
    assert all(s <= capacities[j] + 1e-9 for j, s in zip(found.chosen, found.served, strict=True))


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("k", [2, 3])
def test_one_per_group_reaches_the_brute_force_optimum(seed, k):
    weights, covers, capacities = instance(seed)
    groups = np.array([0, 0, 1, 1, 2, 2, 3, 3])
    for caps in (capacities, None):
        limits = np.full(len(covers), 1e12) if caps is None else caps
        best = brute_force(weights, covers, limits, k, groups)
        found = constrained_siting(weights, covers, k, caps, groups)
        assert found.covered == pytest.approx(best) and found.optimal
        assert len({groups[j] for j in found.chosen}) == k  # never two in one group


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("k", [1, 2, 4])
def test_capacity_above_the_population_is_the_uncapacitated_answer(seed, k):
    weights, covers, _capacities = instance(seed)
    plenty = np.full(len(covers), weights.sum())
    found = constrained_siting(weights, covers, k, plenty)
    uncapacitated = certified_siting(weights, covers, k)
    assert found.covered == pytest.approx(uncapacitated.covered) and found.optimal


def test_capacity_above_the_population_at_a_larger_size():
    weights, covers = siting_bench.clustered_instance(2_000, 120, minutes=30)
    plenty = np.full(len(covers), weights.sum())
    found = constrained_siting(weights, covers, 8, plenty, time_limit=30)
    assert found.covered == pytest.approx(certified_siting(weights, covers, 8).covered)


def test_a_binding_capacity_at_a_larger_size_is_certified():
    weights, covers = siting_bench.clustered_instance(2_000, 120, minutes=30)
    uncapacitated = certified_siting(weights, covers, 8).covered
    caps = np.full(len(covers), uncapacitated / 8 * 0.9)  # binds: 8 sites cannot serve all they reach
    found = constrained_siting(weights, covers, 8, caps, time_limit=30, target_gap=0.02)
    assert found.covered <= 8 * caps[0] + 1e-6 and found.covered < uncapacitated
    assert found.bound >= found.covered and found.gap <= 0.02
    w, merged = merged_demand(np.rint(weights), covers)
    matrix = cover_matrix(len(w), merged)
    assert served_by(w, matrix, caps, found.chosen)[0] == pytest.approx(found.covered)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 3), st.floats(0, 3))
def test_any_prices_give_a_capacitated_bound(seed, k, scale):
    weights, covers, capacities = instance(seed, points=14, sites=6)
    w, merged = merged_demand(weights, covers)
    matrix = cover_matrix(len(w), merged)
    prices = np.random.default_rng(seed).random(len(w)) * scale
    bound, _tried = lagrangian_capacity_bound(
        w, matrix, k, capacities, None, 0.0, float("inf"), iterations=1, prices=prices
    )
    assert bound >= brute_force(weights, covers, capacities, k) - 1e-6


def test_maximum_flow_splits_a_place_between_sites():
    # 300 residents at point 0, both sites reach it, 200 each: together they serve all 300
    weights, covers = np.array([300.0]), [np.array([0]), np.array([0])]
    matrix = cover_matrix(1, covers)
    total, per_site, left = served_by(weights, matrix, np.array([200.0, 200.0]), [0, 1])
    assert total == 300 and per_site.sum() == 300 and left[0] == 0
    assert 100 <= per_site.min() <= per_site.max() <= 200
    assert served_by(weights, matrix, np.array([200.0, 200.0]), [0])[0] == 200  # one alone: its capacity


def test_the_sweep_with_capacities_and_groups_keeps_townships_apart():
    weights, covers, capacities = instance(3)
    groups = np.array([0, 0, 1, 1, 2, 2, 3, 3])
    steps = sweep(weights, covers, 4, time_limit=20, capacities=capacities, groups=groups)
    assert [s.k for s in steps] == [1, 2, 3, 4]
    for step in steps:
        assert len({groups[j] for j in step.chosen}) == step.k
        assert step.covered == pytest.approx(brute_force(weights, covers, capacities, step.k, groups))
    assert best_sites(weights, covers, 2).covered == certified_siting(weights, covers, 2).covered


def test_more_sites_than_groups_is_refused():
    weights, covers, _capacities = instance(1)
    with pytest.raises(ValueError, match="k"):
        constrained_siting(weights, covers, 3, None, np.zeros(len(covers), np.int64))
