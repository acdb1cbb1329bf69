"""Where to build: the exact covering model against brute force, the greedy beside it, the command."""

import itertools
import json

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given, settings
from hypothesis import strategies as st

from tixi.layout.engine import siting_bench
from tixi.layout.engine.siting import (
    certified_siting,
    cover_matrix,
    exact_siting,
    greedy_siting,
    lagrangian_bound,
    merged_demand,
    swap_search,
    undominated,
)


def brute_force(weights, covers, k) -> float:
    best = 0.0
    for choice in itertools.combinations(range(len(covers)), k):
        points = np.unique(np.concatenate([covers[j] for j in choice]))
        best = max(best, float(weights[points].sum()))
    return best


def random_instance(seed, points=40, sites=10):
    rng = np.random.default_rng(seed)
    weights = rng.integers(0, 500, points).astype(float)
    covers = [np.sort(rng.choice(points, rng.integers(1, 12), replace=False)) for _ in range(sites)]
    return weights, covers


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("k", [1, 2, 4])
def test_exact_model_reaches_the_brute_force_optimum(seed, k):
    weights, covers = random_instance(seed)
    best = brute_force(weights, covers, k)
    exact = exact_siting(weights, covers, k)
    assert exact.optimal and exact.covered == pytest.approx(best)
    assert exact.bound >= best - 1e-6 and exact.gap < 1e-6
    assert len(exact.chosen) == k
    chosen_points = np.unique(np.concatenate([covers[j] for j in exact.chosen]))
    assert weights[chosen_points].sum() == pytest.approx(best)  # the sites really cover that much


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("k", [1, 2, 4])
def test_certified_siting_reaches_the_brute_force_optimum(seed, k):
    weights, covers = random_instance(seed)
    best = brute_force(weights, covers, k)
    found = certified_siting(weights, covers, k)
    assert found.optimal and found.covered == pytest.approx(best) and found.bound >= best - 1e-6
    assert len(found.chosen) == k == len(set(found.chosen))
    chosen_points = np.unique(np.concatenate([covers[j] for j in found.chosen]))
    assert weights[chosen_points].sum() == pytest.approx(best)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 4), st.floats(0, 1000))
def test_any_prices_give_an_upper_bound(seed, k, scale):
    weights, covers = random_instance(seed, points=20, sites=8)
    merged, merged_covers = merged_demand(weights, covers)
    matrix = cover_matrix(len(merged), merged_covers)
    prices = np.random.default_rng(seed).random(len(merged)) * scale
    assert lagrangian_bound(merged, matrix, k, prices) >= brute_force(weights, covers, k) - 1e-6


def test_dominated_candidates_are_dropped_and_swaps_repair_greedy():
    # site 1 covers a subset of site 0; sites 2 and 3 are the same set (the first one stays)
    matrix = cover_matrix(6, [np.array([0, 1, 2]), np.array([1, 2]), np.array([3, 4]), np.array([3, 4])])
    assert undominated(matrix).tolist() == [0, 2]
    weights = np.array([10.0, 10, 10, 10, 10, 10])
    trap = cover_matrix(6, [np.array([0, 1, 2]), np.array([3, 4, 5]), np.array([1, 2, 3, 4])])
    assert sorted(swap_search(weights, trap, [2, 0], deadline=float("inf"))) == [0, 1]


def test_at_scale_the_gap_is_certified_and_small():
    weights, covers = siting_bench.clustered_instance(4_000, 300, minutes=30)
    found = certified_siting(weights, covers, 12, time_limit=60, target_gap=0.01)
    assert found.gap <= 0.01 and found.bound >= found.covered > 0
    # the bound holds against any choice: greedy's answer never beats it
    assert greedy_siting(weights, covers, 12).covered <= found.bound + 1e-6
    assert found.stats["points"] < 4_000  # merged


def test_greedy_can_miss_the_optimum_and_the_bound_says_so():
    # the classic trap: one big middle site tempts greedy; two side sites together cover more
    weights = np.array([10.0, 10, 10, 10, 10, 10])
    covers = [np.array([0, 1, 2]), np.array([3, 4, 5]), np.array([1, 2, 3, 4])]
    greedy = greedy_siting(weights, covers, 2)
    exact = exact_siting(weights, covers, 2)
    assert greedy.chosen[0] == 2 and greedy.covered == 50
    assert exact.covered == 60 == brute_force(weights, covers, 2)
    assert greedy.covered >= (1 - 1 / np.e) * exact.covered


def test_demand_with_the_same_covering_sites_is_merged():
    weights = np.array([1.0, 2, 3, 4, 0, 5])
    covers = [np.array([0, 1, 4, 5]), np.array([1, 2])]
    merged, merged_covers = merged_demand(weights, covers)
    # points 0 and 5 {site 0} -> one of 6; point 1 {0, 1}; point 2 {1}; point 3 no site; point 4 no weight
    assert sorted(merged.tolist()) == [2.0, 3.0, 6.0]
    assert sorted(len(c) for c in merged_covers) == [2, 2]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(1, 3))
def test_exact_is_never_below_greedy(seed, k):
    weights, covers = random_instance(seed, points=25, sites=7)
    assert exact_siting(weights, covers, k).covered >= greedy_siting(weights, covers, k).covered - 1e-9


def test_site_command_on_the_demo(db, capsys):
    call_command(
        "layout",
        "site",
        "--division",
        "511703",
        "--year",
        "2024",
        "--k",
        "3",
        "--candidates",
        "25",
        "--format",
        "json",
    )
    data = json.loads(capsys.readouterr().out)
    exact, greedy = data["exact"], data["greedy"]
    assert data["synthetic"] and len(exact["sites"]) == 3
    assert exact["newly_covered"] >= greedy["newly_covered"] > 0
    assert exact["bound"] >= exact["newly_covered"] and exact["gap_percent"] >= 0
    assert sum(greedy["marginal"]) == greedy["newly_covered"]
    assert data["covered_after"] == data["covered_before"] + exact["newly_covered"] <= data["population"]


@pytest.mark.parametrize(
    "args, option",
    [
        (["--k", "5", "--candidates", "3"], "--k"),
        (["--new", "0"], "--k"),
        (["--k", "1", "--minutes", "-5"], "--minutes"),
        (["--k", "1", "--minutes", "0"], "--minutes"),
        (["--k", "1", "--candidates", "0"], "--candidates"),
    ],
)
def test_site_bad_input_names_the_option(db, args, option):
    with pytest.raises(CommandError, match=option):
        call_command("layout", "site", "--division", "511703", "--year", "2024", *args)
