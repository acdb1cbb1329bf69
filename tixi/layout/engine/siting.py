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
from scipy.sparse.csgraph import maximum_flow


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
    best, fractional, _prices = lp_prices(weights, matrix, k, lp, deadline)
    return best, fractional


def lp_prices(
    weights: np.ndarray, matrix: sparse.csr_matrix, k: int, lp: highspy.HighsLp, deadline: float
) -> tuple[float, np.ndarray | None, np.ndarray | None]:
    """`lp_bound` and the points' prices (row duals, sign as they bound) that gave it."""
    best, fractional, prices = float(weights.sum()), None, None
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
        for signed in (duals, -duals):
            bound = lagrangian_bound(weights, matrix, k, signed)
            if bound < best:
                best, prices = bound, np.clip(np.nan_to_num(signed, nan=0.0, posinf=0.0), 0.0, None)
                fractional = np.asarray(solution.col_value[: matrix.shape[1]])
        if solver.getModelStatus() == highspy.HighsModelStatus.kOptimal:
            break
    return best, fractional, prices


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
    served: tuple = ()  # with capacities: the residents each chosen site serves, as `chosen`

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


# ---------------------------------------------------------------------------------------------------
# Capacities ("each new centre serves at most N residents") and at most one site per township: the
# page-sized instances (hundreds of candidates), a heuristic answer checked by maximum flow and HiGHS's
# branch and bound for the proof.
#
# With capacities C_j a resident may be served by any open site within reach, and a place's residents
# may be split between sites; the population served by a set S is then a maximum flow (source -> point
# i, at most w_i -> site j in S covering i -> sink, at most C_j). The exact model is
#
#     maximise  sum z_ij  subject to  sum_j z_ij <= w_i,  sum_i z_ij <= C_j x_j,  z_ij <= w_i x_j,
#               sum_j x_j = K,  sum_{j in township t} x_j <= 1 (when asked),  x_j in {0, 1},  z >= 0
#
# (the third row is implied by the others for integer x; it tightens the LP relaxation). With every
# C_j at least the population j reaches it is the covering model above. Points with the same covering
# set are still merged: their residents can be routed alike.

GREEDY_TRIES = 8  # candidates whose exact gain is computed at each greedy step (by their lower bound)
# HiGHS's branch and bound on the capacitated model only up to this many (point, site) pairs: beyond,
# even its LP relaxation takes longer than the page waits (20,000 pairs: ~20 s), and the Lagrangian
# bound stands
EXACT_MODEL_PAIRS = 6_000


def people(weights) -> np.ndarray:
    """Capacities and flows count whole residents."""
    return np.rint(np.asarray(weights, np.float64))


def served_by(
    weights: np.ndarray, matrix: sparse.csr_matrix, capacities: np.ndarray, chosen
) -> tuple[float, np.ndarray, np.ndarray]:
    """Residents the sites `chosen` serve together (a maximum flow), the residents each serves (as
    `chosen`), and what is left unserved at each point."""
    chosen = list(chosen)
    left = weights.copy()
    if not chosen:
        return 0.0, np.zeros(0), left
    sub = matrix[:, chosen].tocoo()
    points = np.unique(sub.row)
    if not len(points):
        return 0.0, np.zeros(len(chosen)), left
    local = np.searchsorted(points, sub.row)
    n_points, n_sites = len(points), len(chosen)
    source, sink = 0, n_points + n_sites + 1
    point_weight = weights[points].astype(np.int64)
    caps = np.minimum(capacities[chosen], np.float64(np.iinfo(np.int32).max)).astype(np.int64)
    tails = np.concatenate([np.zeros(n_points, np.int64), 1 + local, 1 + n_points + np.arange(n_sites)])
    heads = np.concatenate([1 + np.arange(n_points), 1 + n_points + sub.col, np.full(n_sites, sink)])
    flows = np.concatenate([point_weight, point_weight[local], caps]).astype(np.int32)
    graph = sparse.csr_matrix((flows, (tails, heads)), shape=(sink + 1, sink + 1))
    result = maximum_flow(graph, source, sink)
    flow = result.flow.tocsr()
    into_points = np.asarray(flow[source, 1 : n_points + 1].todense()).ravel()
    per_site = np.asarray(flow[1 + n_points : 1 + n_points + n_sites, sink].todense()).ravel()
    left[points] -= into_points
    return float(result.flow_value), per_site.astype(np.float64), left


def allowed_mask(n_sites: int, chosen, groups: np.ndarray | None) -> np.ndarray:
    allowed = np.ones(n_sites, bool)
    allowed[list(chosen)] = False
    if groups is not None and len(chosen):
        used = groups[list(chosen)]
        allowed &= ~np.isin(groups, used[used >= 0])
    return allowed


def constrained_greedy(
    weights: np.ndarray, matrix: sparse.csr_matrix, k: int, capacities: np.ndarray, groups=None
) -> tuple[list[int], list[float]]:
    """K sites, each adding the most served residents (as a maximum flow may reroute the others);
    with at most one site per group when groups are given. Fewer when no candidate is left."""
    by_site_total = matrix.T @ weights
    unlimited = bool(np.all(capacities >= by_site_total))
    chosen, gains, value = [], [], 0.0
    left = weights.copy()
    for _ in range(k):
        allowed = allowed_mask(matrix.shape[1], chosen, groups)
        if not allowed.any():
            break
        # keeping the present flow and sending what j can take of the unserved: a lower bound on j's gain
        floor = np.where(allowed, np.minimum(capacities, matrix.T @ left), -1.0)
        if unlimited:
            j = int(np.argmax(floor))
            new_value, _per_site, new_left = value + float(floor[j]), None, left.copy()
            new_left[matrix[:, [j]].nonzero()[0]] = 0.0
        else:
            tries = [int(t) for t in np.argsort(-floor, kind="stable")[:GREEDY_TRIES] if allowed[t]]
            j, new_value, new_left = tries[0], -1.0, left
            for t in tries:
                got, _per_site, rest = served_by(weights, matrix, capacities, chosen + [t])
                if got > new_value:
                    j, new_value, new_left = t, got, rest
        chosen.append(j)
        gains.append(new_value - value)
        value, left = new_value, new_left
    return chosen, gains


def constrained_swaps(
    weights: np.ndarray, matrix: sparse.csr_matrix, capacities: np.ndarray, groups, chosen, deadline: float
) -> list[int]:
    """1-swaps while one serves more: each chosen site out in turn, the best few candidates by their
    lower bound tried in its place (allowed by the groups), the first improvement taken."""
    chosen = list(chosen)
    current = served_by(weights, matrix, capacities, chosen)[0]
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        for position in range(len(chosen)):
            rest = chosen[:position] + chosen[position + 1 :]
            base, _per_site, left = served_by(weights, matrix, capacities, rest)
            allowed = allowed_mask(matrix.shape[1], rest, groups)
            allowed[chosen[position]] = False
            floor = np.where(allowed, np.minimum(capacities, matrix.T @ left), -1.0)
            for t in np.argsort(-floor, kind="stable")[:GREEDY_TRIES]:
                if not allowed[t] or time.perf_counter() > deadline:
                    break
                got = served_by(weights, matrix, capacities, rest + [int(t)])[0]
                if got > current + 1e-9:
                    chosen[position], current, improved = int(t), got, True
                    break
            if improved:
                break
    return chosen


def simple_bound(weights, matrix, k: int, capacities: np.ndarray, groups) -> float:
    """No K sites serve more than all the residents any site reaches, nor more than the K largest of
    min(capacity, residents reached), at most one per group."""
    reach = np.minimum(capacities, matrix.T @ weights)
    if groups is not None:
        best = {}
        for j, g in enumerate(groups.tolist()):
            key = ("site", j) if g < 0 else g
            best[key] = max(best.get(key, 0.0), float(reach[j]))
        reach = np.asarray(list(best.values()))
    reached = float(weights[np.asarray(matrix.sum(axis=1)).ravel() > 0].sum())
    return min(reached, float(np.sort(reach)[::-1][:k].sum()))


def top_sites(values: np.ndarray, groups, k: int) -> np.ndarray:
    """The K largest values, at most one per group (-1: a group of its own)."""
    if groups is None:
        return np.argsort(-values, kind="stable")[:k]
    keys = np.where(groups >= 0, groups, -1 - np.arange(len(values)))
    order = np.lexsort((-values, keys))
    _keys, first = np.unique(keys[order], return_index=True)
    heads = order[first]
    return heads[np.argsort(-values[heads], kind="stable")[:k]]


def lagrangian_capacity_bound(
    weights: np.ndarray,
    matrix: sparse.csr_matrix,
    k: int,
    capacities: np.ndarray,
    groups,
    incumbent: float,
    deadline: float,
    iterations: int = 400,
    prices: np.ndarray | None = None,
) -> tuple[float, list[list[int]]]:
    """A proven bound as `lagrangian_bound` gives it, with capacities: the rows "residents counted at i
    <= residents the open sites serve at i" relaxed with prices q_i >= 0 per resident, a point counts
    w_i max(0, 1 - q_i) and each site alone earns the best it can sell to its points within its
    capacity (a fractional knapsack by price); the best K sites (one per group) are taken. Any prices
    give a bound; subgradient steps lower it from `prices` (the covering LP's duals per resident: without
    capacities they give its bound at once). Also returns the site sets met on the way, to try."""
    pairs = matrix.tocoo()
    site_order = np.argsort(pairs.col, kind="stable")
    point, site = pairs.row[site_order], pairs.col[site_order]
    n_sites = matrix.shape[1]
    pair_weight = weights[point]
    prices = np.ones(len(weights)) if prices is None else np.clip(prices, 0.0, None)
    best, theta, stale = math.inf, 0.5, 0
    tried: list[list[int]] = []
    for iteration in range(iterations):
        if time.perf_counter() > deadline:
            break
        value = prices[point]
        order = np.lexsort((-value, site))
        v, s_of, p_of = value[order], site[order], point[order]
        offered = np.where(v > 0, pair_weight[order], 0.0)
        running = np.cumsum(offered)
        first = np.searchsorted(s_of, np.arange(n_sites))
        offset = np.where(first > 0, running[np.maximum(first - 1, 0)], 0.0)
        before = running - offered - offset[s_of]
        take = np.clip(capacities[s_of] - before, 0.0, offered)
        per_site = np.bincount(s_of, v * take, minlength=n_sites)
        chosen = top_sites(per_site, groups, k)
        counted = prices < 1.0
        bound = float(weights[counted] @ (1.0 - prices[counted]) + per_site[chosen].sum())
        if bound < best - 1e-9:
            best, stale = bound, 0
        else:
            stale += 1
            if stale >= 15:
                theta, stale = theta / 2, 0
        if iteration % 10 == 0:
            tried.append(sorted(int(j) for j in chosen))
        in_chosen = np.isin(s_of, chosen)
        served = np.bincount(p_of[in_chosen], take[in_chosen], minlength=len(weights))
        slope = served - weights * counted  # dL/dq
        slope[(prices <= 0) & (slope > 0)] = 0.0  # projected: prices stay >= 0
        norm = float(slope @ slope)
        if norm == 0 or best - incumbent <= 1e-6 * max(1.0, best) or theta < 1e-4:
            break
        prices = np.maximum(prices - theta * (bound - incumbent) / norm * slope, 0.0)
    return best, tried


def constrained_model(
    weights: np.ndarray, matrix: sparse.csr_matrix, k: int, capacities: np.ndarray, groups
) -> tuple[highspy.HighsLp, int]:
    """The exact model as a HiGHS MIP: columns x_j (sites) then z (one per covered point and site, or
    y_i per point when no capacity binds); returns the model and the number of site columns."""
    n_points, n_sites = matrix.shape
    reach = matrix.T @ weights
    capacitated = bool(np.any(capacities < reach))
    rows = []  # (matrix over all columns, lower, upper)
    if not capacitated:
        by_site = matrix.tocsc()
        a_x = -by_site
        a_other = sparse.identity(n_points, format="csc")
        rows.append(
            (sparse.hstack([a_x, a_other]), np.full(n_points, -highspy.kHighsInf), np.zeros(n_points))
        )
        costs, upper = weights, np.ones(n_points)
        n_other = n_points
    else:
        pairs = matrix.tocoo()
        point, site = pairs.row, pairs.col
        n_pairs = len(point)
        pair_index = np.arange(n_pairs)
        # each point gives at most its residents
        per_point = sparse.csr_matrix((np.ones(n_pairs), (point, pair_index)), shape=(n_points, n_pairs))
        rows.append(
            (
                sparse.hstack([sparse.csr_matrix((n_points, n_sites)), per_point]),
                np.full(n_points, -highspy.kHighsInf),
                weights,
            )
        )
        # each site serves at most its capacity, and only when open
        per_site = sparse.csr_matrix((np.ones(n_pairs), (site, pair_index)), shape=(n_sites, n_pairs))
        limit = np.minimum(capacities, reach)
        rows.append(
            (
                sparse.hstack([sparse.diags(-limit), per_site]),
                np.full(n_sites, -highspy.kHighsInf),
                np.zeros(n_sites),
            )
        )
        # z_ij <= w_i x_j
        vub_x = sparse.csr_matrix((-weights[point], (pair_index, site)), shape=(n_pairs, n_sites))
        rows.append(
            (
                sparse.hstack([vub_x, sparse.identity(n_pairs)]),
                np.full(n_pairs, -highspy.kHighsInf),
                np.zeros(n_pairs),
            )
        )
        costs, upper = np.ones(n_pairs), weights[point]
        n_other = n_pairs
    if groups is not None:
        named = np.flatnonzero(groups >= 0)
        codes, group_of = np.unique(groups[named], return_inverse=True)
        if len(codes):
            one = sparse.csr_matrix(
                (np.ones(len(named)), (group_of, named)), shape=(len(codes), n_sites + n_other)
            )
            rows.append((one, np.full(len(codes), -highspy.kHighsInf), np.ones(len(codes))))
    rows.append(
        (
            sparse.hstack([sparse.csr_matrix(np.ones((1, n_sites))), sparse.csr_matrix((1, n_other))]),
            np.array([float(k)]),
            np.array([float(k)]),
        )
    )
    a = sparse.vstack([r[0] for r in rows], format="csc")
    lp = highspy.HighsLp()
    lp.num_col_ = n_sites + n_other
    lp.num_row_ = a.shape[0]
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.concatenate([np.zeros(n_sites), costs]).astype(np.float64)
    lp.col_lower_ = np.zeros(lp.num_col_)
    lp.col_upper_ = np.concatenate([np.ones(n_sites), upper]).astype(np.float64)
    lp.row_lower_ = np.concatenate([r[1] for r in rows]).astype(np.float64)
    lp.row_upper_ = np.concatenate([r[2] for r in rows]).astype(np.float64)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = a.indptr.astype(np.int32)
    lp.a_matrix_.index_ = a.indices.astype(np.int32)
    lp.a_matrix_.value_ = a.data.astype(np.float64)
    lp.integrality_ = [highspy.HighsVarType.kInteger] * n_sites + [highspy.HighsVarType.kContinuous] * n_other
    return lp, n_sites


def constrained_siting(
    weights,
    covers: list[np.ndarray],
    k: int,
    capacities=None,
    groups=None,
    time_limit: float = 60.0,
    target_gap: float = 0.0,
) -> CertifiedSiting:
    """K sites with capacities (residents each may serve; None or inf: no limit) and/or at most one
    site per group (a township code per candidate, -1: none), with a proven bound: greedy and 1-swaps
    (each answer valued by maximum flow), then HiGHS's branch and bound from that answer until the gap
    is at most `target_gap` or the time is up. The value is recounted by maximum flow, never taken
    from the solver's objective."""
    started = time.perf_counter()
    deadline = started + time_limit - max(0.5, 0.05 * time_limit)
    n_sites = len(covers)
    caps = np.full(n_sites, np.inf) if capacities is None else np.floor(np.asarray(capacities, np.float64))
    if len(caps) != n_sites or np.any(np.isnan(caps)) or np.any(caps < 0):
        raise ValueError("capacities: one number >= 0 per candidate")
    group_ids = None if groups is None else np.asarray(groups, np.int64)
    if group_ids is not None:
        distinct = len(set(group_ids[group_ids >= 0].tolist())) + int(np.sum(group_ids < 0))
        if k > distinct:
            raise ValueError("k: more sites than groups allow")
    k = min(k, n_sites)
    w, merged = merged_demand(people(weights), covers)
    matrix = cover_matrix(len(w), merged)
    order, gains = constrained_greedy(w, matrix, k, caps, group_ids)
    greedy_value = float(sum(gains))
    best = constrained_swaps(w, matrix, caps, group_ids, order, deadline)
    best_value = served_by(w, matrix, caps, best)[0]
    stats = {
        "points": len(w),
        "sites": n_sites,
        "greedy": greedy_value,
        "greedy_chosen": list(order),
        "greedy_gains": list(gains),
        "local": best_value,
        "bound_from": "capacities and reach",
    }
    bound = simple_bound(w, matrix, k, caps, group_ids)
    if bound - best_value > target_gap * bound:
        kept = undominated(matrix) if groups is None else np.arange(n_sites)
        _lp, _fractional, prices = lp_prices(
            w, matrix[:, kept].tocsr(), k, mclp_model(w, matrix[:, kept].tocsr(), k), deadline
        )
        per_resident = None if prices is None else prices / np.maximum(w, 1e-12)  # a point's price / w_i
        relaxed, tried = lagrangian_capacity_bound(
            w, matrix, k, caps, group_ids, best_value, deadline, prices=per_resident
        )
        if relaxed < bound:
            bound, stats["bound_from"] = relaxed, "Lagrangian relaxation"
        for sites in tried:  # the relaxation's own choices, valued and polished
            if len(sites) == k and (value := served_by(w, matrix, caps, sites)[0]) > best_value:
                best, best_value = sites, value
        if bound - best_value > target_gap * bound:
            polished = constrained_swaps(w, matrix, caps, group_ids, best, deadline)
            if (value := served_by(w, matrix, caps, polished)[0]) > best_value:
                best, best_value = polished, value
    capacitated = bool(np.any(caps < matrix.T @ w))
    if (
        bound - best_value > target_gap * bound
        and (not capacitated or matrix.nnz <= EXACT_MODEL_PAIRS)
        and time.perf_counter() < deadline - 0.5
    ):
        lp, n_x = constrained_model(w, matrix, k, caps, group_ids)
        solver = quiet_solver()
        solver.setOptionValue("time_limit", max(0.5, deadline - time.perf_counter()))
        solver.setOptionValue("mip_rel_gap", float(target_gap))
        solver.passModel(lp)
        if len(best) == k:
            start = np.zeros(n_x)
            start[best] = 1.0
            # the sites only: HiGHS completes the rest by solving the LP with them fixed
            solver.setSolution(n_x, np.arange(n_x, dtype=np.int32), start)
        solver.run()
        if solver.getSolution().value_valid:
            values = np.asarray(solver.getSolution().col_value[:n_x])
            found = sorted(int(j) for j in np.flatnonzero(values > 0.5))
            if len(found) == k:
                value = served_by(w, matrix, caps, found)[0]
                if value > best_value:
                    best, best_value = found, value
        dual = float(solver.getInfo().mip_dual_bound)
        if math.isfinite(dual) and dual * (1 + 1e-9) + 1e-6 < bound:
            bound, stats["bound_from"] = dual * (1 + 1e-9) + 1e-6, "branch and bound"
    # fill up to K with sites that add nothing (all reachable residents already served)
    for j in range(n_sites):
        if len(best) >= k:
            break
        if allowed_mask(n_sites, best, group_ids)[j]:
            best.append(j)
    best_value, per_site, _left = served_by(w, matrix, caps, best)
    stats["local"] = max(stats["local"], best_value)
    bound = max(bound, best_value)
    order_of = np.argsort(best)
    chosen = [int(best[i]) for i in order_of]
    served = tuple(float(per_site[i]) for i in order_of)
    return CertifiedSiting(chosen, best_value, bound, time.perf_counter() - started, stats, served)


def best_sites(
    weights, covers, k: int, time_limit: float = 60.0, target_gap: float = 0.0, capacities=None, groups=None
) -> CertifiedSiting:
    """The covering model at any scale when nothing constrains it; capacities or one site per township
    through the constrained model."""
    if capacities is None and groups is None:
        return certified_siting(weights, covers, k, time_limit=time_limit, target_gap=target_gap)
    return constrained_siting(
        weights, covers, k, capacities, groups, time_limit=time_limit, target_gap=target_gap
    )


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


def sweep(
    weights, covers: list[np.ndarray], k_max: int, time_limit: float = 60.0, capacities=None, groups=None
) -> list[SweepStep]:
    """k = 1..k_max, each solved with its bound: how much each added site brings ("5-8 sub-centres" is
    the question where the marginal coverage flattens). The time is shared out over the steps."""
    steps, before = [], 0.0
    started = time.perf_counter()
    most = len(covers)
    if groups is not None:
        named = np.asarray(groups)
        most = len(set(named[named >= 0].tolist())) + int(np.sum(named < 0))
    for k in range(1, min(k_max, most) + 1):
        left = time_limit - (time.perf_counter() - started)
        found = best_sites(
            weights,
            covers,
            k,
            time_limit=max(1.0, left / (k_max - k + 1)),
            capacities=capacities,
            groups=groups,
        )
        steps.append(SweepStep(k, found.covered, found.bound, found.covered - before, found.chosen))
        before = found.covered
    return steps
