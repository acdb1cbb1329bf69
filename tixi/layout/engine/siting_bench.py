"""`tixi bench access`, its siting part: a maximal covering instance of a prefecture's size solved with
a certified gap (no Django).

The instance is synthetic but shaped like the real one: demand points are settlements clustered around
towns (a few large, many small; log-normal populations), with a scattered rural remainder; candidates
are mostly settlements themselves, the rest anywhere; a candidate covers the settlements it reaches
within M minutes at an average road speed with a detour factor on the straight-line distance.
"""

import time

import numpy as np
from scipy.spatial import cKDTree

from tixi.layout.engine.siting import certified_siting, constrained_siting

SIDE_KM = 250.0  # a prefecture: 250 km x 250 km
SPEED_KMH = 40.0
DETOUR = 1.4  # road distance over straight-line distance


def clustered_instance(
    demand: int, candidates: int, minutes: float = 30.0, seed: int = 21
) -> tuple[np.ndarray, list[np.ndarray]]:
    """Population weights of `demand` settlements and, per candidate, the settlements within `minutes`."""
    rng = np.random.default_rng(seed)
    towns = max(4, demand // 800)
    centres = rng.uniform(0, SIDE_KM, (towns, 2))
    town_size = rng.pareto(1.2, towns) + 1.0
    spread_km = rng.uniform(1.5, 8.0, towns)
    rural = demand // 6
    member = rng.choice(towns, demand - rural, p=town_size / town_size.sum())
    clustered = centres[member] + rng.normal(size=(len(member), 2)) * spread_km[member, None]
    points = np.clip(np.vstack([clustered, rng.uniform(0, SIDE_KM, (rural, 2))]), 0, SIDE_KM)
    weights = np.round(rng.lognormal(5.5, 1.0, demand))  # ~250 residents a settlement, a long tail
    at_settlement = int(candidates * 0.7)
    places = np.vstack(
        [
            points[rng.choice(demand, at_settlement, replace=False)],
            rng.uniform(0, SIDE_KM, (candidates - at_settlement, 2)),
        ]
    )
    radius_km = SPEED_KMH * minutes / 60.0 / DETOUR
    reach = cKDTree(points).query_ball_point(places, radius_km)
    return weights, [np.asarray(sorted(r), np.int64) for r in reach]


def run(write, demand: int = 50_000, candidates: int = 2_000, k: int = 30, minutes: float = 30.0) -> dict:
    made = time.perf_counter()
    weights, covers = clustered_instance(demand, candidates, minutes)
    write(
        f"siting: synthetic prefecture, {demand:,} settlements ({weights.sum():,.0f} residents) x "
        f"{candidates:,} candidates, {minutes:g} min (made in {time.perf_counter() - made:.1f} s)"
    )
    result = certified_siting(weights, covers, k, time_limit=60.0, target_gap=0.01)
    stats = result.stats
    write(
        f"siting k={k}: {result.seconds:.1f} s, covered {result.covered:,.0f} of at most "
        f"{result.bound:,.0f}: within {100 * result.gap:.2f}% of the best possible "
        f"(merged to {stats['points']:,} points, {stats['sites']:,} candidates kept; "
        f"greedy {stats['greedy']:,.0f}, after swaps {stats['local']:,.0f}; "
        f"bound from {stats['bound_from']})"
    )
    # capacity-aware: each site may serve 90% of an average site's share of the answer above, so that
    # the capacities bind (the K sites cannot serve all they reach)
    capacity = float(np.floor(0.9 * result.covered / k))
    capped = constrained_siting(
        weights, covers, k, np.full(candidates, capacity), time_limit=60.0, target_gap=0.01
    )
    write(
        f"siting k={k}, each site serving at most {capacity:,.0f} residents: {capped.seconds:.1f} s, "
        f"served {capped.covered:,.0f} of at most {capped.bound:,.0f}: within {100 * capped.gap:.2f}% of "
        f"the best possible (greedy {capped.stats['greedy']:,.0f}, after swaps {capped.stats['local']:,.0f}; "
        f"bound from {capped.stats['bound_from']})"
    )
    return {
        "seconds": result.seconds,
        "gap": result.gap,
        "covered": result.covered,
        "bound": result.bound,
        "capacitated": {"seconds": capped.seconds, "gap": capped.gap, "served": capped.covered},
    }
