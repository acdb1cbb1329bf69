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

import math
import os
import sys
import time
from dataclasses import dataclass

import highspy
import numpy as np
from scipy import sparse


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


# ---------------------------------------------------------------------------------------------------
# At scale (50,000 demand points x 2,000 candidates): reduce, find a good answer fast, then prove how
# good it is. The exact model above is kept for the small instances the pages ask for.


def cover_matrix(n_points: int, covers: list[np.ndarray]) -> sparse.csr_matrix:
    """Points x candidates, 1 where the candidate covers the point."""
    rows = np.concatenate([np.asarray(c, np.int64) for c in covers] or [np.zeros(0, np.int64)])
    cols = np.concatenate(
        [np.full(len(c), j, np.int64) for j, c in enumerate(covers)] or [np.zeros(0, np.int64)]
    )
    matrix = sparse.csr_matrix((np.ones(len(rows), np.float64), (rows, cols)), shape=(n_points, len(covers)))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def undominated(matrix: sparse.csr_matrix) -> np.ndarray:
    """Candidates whose covered set is not inside another's (of identical sets the first is kept):
    swapping a dominated candidate for its dominator never covers less, so the optimum survives."""
    by_site = matrix.T.tocsr()
    sizes = np.diff(by_site.indptr)
    shared = (by_site @ matrix).tocoo()  # candidates x candidates: points covered by both
    inside = (shared.row != shared.col) & (shared.data == sizes[shared.row]) & (sizes[shared.row] > 0)
    a, b = shared.row[inside], shared.col[inside]
    # a's set lies in b's: a is dominated unless the two are equal and a comes first
    strict = (sizes[b] > sizes[a]) | (b < a)
    dominated = np.zeros(matrix.shape[1], bool)
    dominated[a[strict]] = True
    dominated[sizes == 0] = True
    return np.flatnonzero(~dominated)


def fast_greedy(weights: np.ndarray, matrix: sparse.csr_matrix, k: int) -> tuple[list[int], list[float]]:
    """Greedy on the sparse matrix: gains updated only where the newly covered points are."""
    by_site = matrix.tocsc()
    gain = matrix.T @ weights
    uncovered = np.ones(len(weights), bool)
    chosen, gains = [], []
    for _ in range(min(k, matrix.shape[1])):
        gain_masked = gain.copy()
        gain_masked[chosen] = -1.0
        j = int(np.argmax(gain_masked))
        points = by_site.indices[by_site.indptr[j] : by_site.indptr[j + 1]]
        newly = points[uncovered[points]]
        chosen.append(j)
        gains.append(float(weights[newly].sum()))
        uncovered[newly] = False
        if len(newly):
            gain -= matrix[newly].T @ weights[newly]
    return chosen, gains


def swap_search(
    weights: np.ndarray, matrix: sparse.csr_matrix, chosen: list[int], deadline: float
) -> list[int]:
    """Best-improvement 1-swap: take out one chosen site and put in one other while that covers more.
    Moving site s out loses the weight only s covers; moving j in gains the uncovered weight j covers
    plus what it covers of the weight s alone covered."""
    by_site = matrix.tocsc()
    chosen = list(chosen)
    count = np.asarray(matrix[:, chosen].sum(axis=1)).ravel()
    while time.perf_counter() < deadline:
        gain_in = matrix.T @ (weights * (count == 0))
        best, best_delta = None, 1e-9
        for position, s in enumerate(chosen):
            points = by_site.indices[by_site.indptr[s] : by_site.indptr[s + 1]]
            alone = points[count[points] == 1]
            delta = gain_in - float(weights[alone].sum())
            if len(alone):
                delta += matrix[alone].T @ weights[alone]
            delta[chosen] = -np.inf
            j = int(np.argmax(delta))
            if delta[j] > best_delta:
                best, best_delta = (position, j), float(delta[j])
        if best is None:
            break
        position, j = best
        out = chosen[position]
        count[by_site.indices[by_site.indptr[out] : by_site.indptr[out + 1]]] -= 1
        count[by_site.indices[by_site.indptr[j] : by_site.indptr[j + 1]]] += 1
        chosen[position] = j
    return chosen


def covered_by(weights: np.ndarray, matrix: sparse.csr_matrix, chosen) -> float:
    if not len(chosen):
        return 0.0
    return float(weights[np.asarray(matrix[:, list(chosen)].sum(axis=1)).ravel() > 0].sum())


def lagrangian_bound(weights: np.ndarray, matrix: sparse.csr_matrix, k: int, prices: np.ndarray) -> float:
    """An upper bound for any prices >= 0 on the points' covering rows: relaxing y_i <= sum x_j with
    price p_i leaves sum_i max(0, w_i - p_i) + the K largest sums of prices over a site's points.
    Whatever solver produced the prices and however loose its tolerances, this number is a bound."""
    prices = np.clip(np.nan_to_num(prices, nan=0.0, posinf=0.0), 0.0, None)
    per_site = matrix.T @ prices
    top = np.sort(per_site)[::-1][:k]
    return float(np.maximum(0.0, weights - prices).sum() + top.sum())


def lp_bound(
    weights: np.ndarray, matrix: sparse.csr_matrix, k: int, lp: highspy.HighsLp, deadline: float
) -> tuple[float, np.ndarray | None]:
    """The LP relaxation by HiGHS's first-order solver (PDLP; interior point if that fails), turned into
    a certified bound through its row duals; also the fractional sites, to round."""
    best, fractional = float(weights.sum()), None
    for method in ("pdlp", "ipm"):
        left = deadline - time.perf_counter()
        if left < 1.0:
            break
        solver = quiet_solver()
        solver.setOptionValue("solver", method)
        solver.setOptionValue("time_limit", left)
        if method == "pdlp":
            # loose tolerances are safe (the bound is recomputed from the duals) and several times faster
            for option in ("primal_feasibility_tolerance", "dual_feasibility_tolerance", "pdlp_d_gap_tol"):
                solver.setOptionValue(option, 1e-5)
        if method == "ipm":
            solver.setOptionValue("run_crossover", "off")
        solver.passModel(lp)
        solver.run()
        solution = solver.getSolution()
        if not solution.dual_valid:
            continue
        duals = np.asarray(solution.row_dual[: matrix.shape[0]])
        bound = min(lagrangian_bound(weights, matrix, k, duals), lagrangian_bound(weights, matrix, k, -duals))
        if bound < best:
            best = bound
            fractional = np.asarray(solution.col_value[: matrix.shape[1]])
        if solver.getModelStatus() == highspy.HighsModelStatus.kOptimal:
            break
    return best, fractional


def mclp_model(weights: np.ndarray, matrix: sparse.csr_matrix, k: int) -> highspy.HighsLp:
    """Columns x_j (sites) then y_i (points); rows y_i - sum_{j covers i} x_j <= 0, then sum x = k."""
    n_points, n_sites = matrix.shape
    by_site = matrix.tocsc()
    site_columns = sparse.vstack([-by_site, sparse.csr_matrix(np.ones((1, n_sites)))], format="csc")
    point_columns = sparse.vstack(
        [sparse.identity(n_points, format="csc"), sparse.csr_matrix((1, n_points))], format="csc"
    )
    a = sparse.hstack([site_columns, point_columns], format="csc")
    lp = highspy.HighsLp()
    lp.num_col_ = n_sites + n_points
    lp.num_row_ = n_points + 1
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.concatenate([np.zeros(n_sites), weights])
    lp.col_lower_ = np.zeros(lp.num_col_)
    lp.col_upper_ = np.ones(lp.num_col_)
    lp.row_lower_ = np.concatenate([np.full(n_points, -highspy.kHighsInf), [k]])
    lp.row_upper_ = np.concatenate([np.zeros(n_points), [k]])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = a.indptr.astype(np.int32)
    lp.a_matrix_.index_ = a.indices.astype(np.int32)
    lp.a_matrix_.value_ = a.data.astype(np.float64)
    return lp


@dataclass(frozen=True)
class CertifiedSiting:
    chosen: list[int]  # candidate indices (into the caller's covers), ascending
    covered: float
    bound: float  # proven: no choice of K sites covers more
    seconds: float
    stats: dict

    @property
    def gap(self) -> float:
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.covered) / self.bound)

    @property
    def optimal(self) -> bool:
        return self.gap <= 1e-6  # the solvers' own tolerances


def certified_siting(
    weights, covers: list[np.ndarray], k: int, time_limit: float = 60.0, target_gap: float = 0.0
) -> CertifiedSiting:
    """K sites with a proven bound, for large instances: merge demand with the same covering set, drop
    dominated candidates, greedy then 1-swaps for the incumbent, the LP relaxation for the bound; only
    if the gap is still above `target_gap` does HiGHS branch, started from the incumbent, until the
    time limit."""
    started = time.perf_counter()
    deadline = started + time_limit - max(0.5, 0.05 * time_limit)  # what follows the solvers takes a moment
    weights = np.asarray(weights, np.float64)
    w, merged = merged_demand(weights, covers)
    n_sites = len(covers)
    k = min(k, n_sites)
    matrix = cover_matrix(len(w), merged)
    kept = undominated(matrix) if len(w) else np.zeros(0, np.int64)
    stats = {"points": len(w), "sites": len(kept), "greedy": 0.0, "local": 0.0, "bound_from": "nothing"}
    if len(kept) <= k:
        # every undominated candidate fits: that covers all that can be covered
        chosen = list(kept) + [j for j in range(n_sites) if j not in set(kept.tolist())][: k - len(kept)]
        covered = float(w.sum())
        stats.update(greedy=covered, local=covered, bound_from="all candidates fit")
        return CertifiedSiting(sorted(chosen), covered, covered, time.perf_counter() - started, stats)
    sub = matrix[:, kept].tocsr()
    order, _gains = fast_greedy(w, sub, k)
    stats["greedy"] = covered_by(w, sub, order)
    local = swap_search(w, sub, order, deadline)
    best_value = covered_by(w, sub, local)
    stats["local"] = best_value
    best = sorted(local)
    lp = mclp_model(w, sub, k)
    bound, fractional = lp_bound(w, sub, k, lp, deadline)
    stats["bound_from"] = "LP relaxation (dual)" if bound < w.sum() else "total demand"
    if fractional is not None:
        # round the relaxation (its K largest sites) and polish: often better than greedy's start
        rounded = list(np.argsort(-fractional, kind="stable")[:k])
        rounded = swap_search(w, sub, rounded, deadline)
        if covered_by(w, sub, rounded) > best_value:
            best, best_value = sorted(rounded), covered_by(w, sub, rounded)
            stats["local"] = best_value
    if (bound - best_value) > target_gap * bound and time.perf_counter() < deadline - 1:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * len(kept) + [
            highspy.HighsVarType.kContinuous
        ] * len(w)
        solver = quiet_solver()
        solver.setOptionValue("time_limit", max(1.0, deadline - time.perf_counter()))
        solver.setOptionValue("mip_rel_gap", float(target_gap))
        solver.passModel(lp)
        start = np.zeros(lp.num_col_)
        start[best] = 1.0
        start[len(kept) :] = np.asarray(sub[:, best].sum(axis=1)).ravel() > 0
        solution = highspy.HighsSolution()
        solution.col_value = start.tolist()
        solver.setSolution(solution)
        solver.run()
        values = np.asarray(solver.getSolution().col_value[: len(kept)])
        found = sorted(int(j) for j in np.flatnonzero(values > 0.5))
        if len(found) == k and covered_by(w, sub, found) > best_value:
            best, best_value = found, covered_by(w, sub, found)
        dual = float(solver.getInfo().mip_dual_bound)
        if math.isfinite(dual) and dual < bound:
            bound, stats["bound_from"] = dual * (1 + 1e-9) + 1e-6, "branch and bound"
    bound = max(bound, best_value)
    chosen = sorted(int(kept[j]) for j in best)
    return CertifiedSiting(chosen, best_value, bound, time.perf_counter() - started, stats)


@dataclass(frozen=True)
class SweepStep:
    k: int
    covered: float
    bound: float
    marginal: float  # covered at k minus covered at k - 1 (each k's own best answer)
    chosen: list[int]

    @property
    def gap(self) -> float:
        return 0.0 if self.bound <= 0 else max(0.0, (self.bound - self.covered) / self.bound)


def sweep(weights, covers: list[np.ndarray], k_max: int, time_limit: float = 60.0) -> list[SweepStep]:
    """k = 1..k_max, each solved with its bound: how much each added site brings ("5-8 sub-centres" is
    the question where the marginal coverage flattens). The time is shared out over the steps."""
    steps, before = [], 0.0
    started = time.perf_counter()
    for k in range(1, min(k_max, len(covers)) + 1):
        left = time_limit - (time.perf_counter() - started)
        found = certified_siting(weights, covers, k, time_limit=max(1.0, left / (k_max - k + 1)))
        steps.append(SweepStep(k, found.covered, found.bound, found.covered - before, found.chosen))
        before = found.covered
    return steps
