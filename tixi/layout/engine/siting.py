"""Where to build: maximal covering location (MCLP) of K new sites among candidates (no Django).

Demand points carry population; candidate j covers the demand points within the time threshold.
Demand already covered by existing facilities is left out (it gains nothing). The exact model is

    maximise  sum_i w_i y_i   subject to  y_i <= sum_{j covers i} x_j,  sum_j x_j = K,
              x_j in {0, 1},  0 <= y_i <= 1

solved by HiGHS (branch and cut), which reports its dual bound: the answer says how far from the best
possible it can be. Demand points with the same covering set are merged first (their weights summed),
which shrinks the model by an order of magnitude on gridded demand. The greedy heuristic (add the site
that covers the most uncovered population, K times; at least 1 - 1/e of the optimum) is reported beside
it, and seeds the solver.
"""

import os
import sys
import time
from dataclasses import dataclass

import highspy
import numpy as np


def quiet_solver() -> highspy.Highs:
    """A solver that prints nothing: HiGHS writes its banner to file descriptor 1 when the first one is
    made, which would corrupt `--format json` on stdout."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            solver = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    solver.setOptionValue("output_flag", False)
    return solver


@dataclass(frozen=True)
class Siting:
    chosen: list[int]  # candidate indices, in the order greedy added them or ascending for the exact model
    covered: float  # population newly covered
    bound: float  # no choice of K sites covers more than this
    seconds: float
    optimal: bool

    @property
    def gap(self) -> float:
        """Relative distance to the bound (0 = proven optimal)."""
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.covered) / self.bound)


def merged_demand(weights: np.ndarray, covers: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """Demand points with an identical set of covering candidates become one point (weights summed);
    points no candidate covers, or with no weight, drop out. Returns the weights and, per candidate, the
    merged points it covers."""
    n = len(weights)
    pairs_candidate = np.concatenate([np.full(len(c), j, np.int64) for j, c in enumerate(covers)] or [[]])
    pairs_point = np.concatenate([np.asarray(c, np.int64) for c in covers] or [[]]).astype(np.int64)
    order = np.lexsort((pairs_candidate, pairs_point))
    pairs_point, pairs_candidate = pairs_point[order], pairs_candidate[order]
    # a signature per point: the tuple of its candidates
    starts = np.searchsorted(pairs_point, np.arange(n + 1))
    signatures: dict[tuple, int] = {}
    merged_weight: list[float] = []
    member_of = np.full(n, -1, np.int64)
    for i in range(n):
        if weights[i] <= 0 or starts[i] == starts[i + 1]:
            continue
        key = tuple(pairs_candidate[starts[i] : starts[i + 1]].tolist())
        index = signatures.setdefault(key, len(merged_weight))
        if index == len(merged_weight):
            merged_weight.append(0.0)
        merged_weight[index] += float(weights[i])
        member_of[i] = index
    merged_covers = [np.unique(member_of[np.asarray(c, np.int64)]) for c in covers]
    merged_covers = [c[c >= 0] for c in merged_covers]
    return np.asarray(merged_weight, np.float64), merged_covers


def greedy(weights: np.ndarray, covers: list[np.ndarray], k: int) -> tuple[list[int], float, list[float]]:
    """K sites, each the one adding the most uncovered weight; also each step's marginal gain."""
    uncovered = np.ones(len(weights), bool)
    chosen: list[int] = []
    gains: list[float] = []
    for _ in range(min(k, len(covers))):
        best, best_gain = -1, -1.0
        for j, points in enumerate(covers):
            if j in chosen:
                continue
            gain = float(weights[points[uncovered[points]]].sum()) if len(points) else 0.0
            if gain > best_gain:
                best, best_gain = j, gain
        chosen.append(best)
        gains.append(best_gain)
        uncovered[covers[best]] = False
    return chosen, float(sum(gains)), gains


def greedy_siting(weights, covers, k) -> Siting:
    started = time.perf_counter()
    chosen, covered, _ = greedy(np.asarray(weights, np.float64), covers, k)
    # the greedy bound: its value is at least (1 - 1/e) of the optimum
    return Siting(chosen, covered, covered / (1 - 1 / np.e), time.perf_counter() - started, False)


def exact_siting(
    weights, covers: list[np.ndarray], k: int, time_limit: float = 60.0, mip_gap: float = 0.0
) -> Siting:
    """The MCLP solved by HiGHS; `bound` is its proven upper bound (the LP-based dual bound)."""
    started = time.perf_counter()
    w, merged = merged_demand(np.asarray(weights, np.float64), covers)
    n_sites, n_points = len(merged), len(w)
    k = min(k, n_sites)
    start_x, _, _ = greedy(w, merged, k)
    # columns: x_j (sites) then y_i (merged demand); rows: one per demand point, then sum x = k
    starts, indices, values = [0], [], []
    for points in merged:
        indices.extend(points.tolist())
        indices.append(n_points)
        values.extend([-1.0] * len(points) + [1.0])
        starts.append(len(indices))
    for i in range(n_points):
        indices.append(i)
        values.append(1.0)
        starts.append(len(indices))
    lp = highspy.HighsLp()
    lp.num_col_ = n_sites + n_points
    lp.num_row_ = n_points + 1
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.concatenate([np.zeros(n_sites), w])
    lp.col_lower_ = np.zeros(lp.num_col_)
    lp.col_upper_ = np.ones(lp.num_col_)
    lp.row_lower_ = np.concatenate([np.full(n_points, -highspy.kHighsInf), [k]])
    lp.row_upper_ = np.concatenate([np.zeros(n_points), [k]])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.asarray(starts, np.int32)
    lp.a_matrix_.index_ = np.asarray(indices, np.int32)
    lp.a_matrix_.value_ = np.asarray(values, np.float64)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n_sites + [
        highspy.HighsVarType.kContinuous
    ] * n_points
    solver = quiet_solver()
    solver.setOptionValue("time_limit", float(time_limit))
    solver.setOptionValue("mip_rel_gap", float(mip_gap))
    solver.passModel(lp)
    if start_x:
        solution = highspy.HighsSolution()
        x = np.zeros(n_sites)
        x[start_x] = 1.0
        covered_points = np.zeros(n_points)
        for j in start_x:
            covered_points[merged[j]] = 1.0
        solution.col_value = np.concatenate([x, covered_points]).tolist()
        solver.setSolution(solution)
    solver.run()
    info = solver.getInfo()
    values_x = np.asarray(solver.getSolution().col_value[:n_sites])
    chosen = sorted(int(j) for j in np.flatnonzero(values_x > 0.5))
    covered_points = np.zeros(n_points, bool)
    for j in chosen:
        covered_points[merged[j]] = True
    covered = float(w[covered_points].sum())  # recounted: the solver's objective carries tolerances
    bound = max(float(info.mip_dual_bound), covered)
    optimal = solver.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return Siting(chosen, covered, bound, time.perf_counter() - started, optimal)
