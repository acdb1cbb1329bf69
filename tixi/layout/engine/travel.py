"""Travel time to the nearest facility over a friction raster: a multi-source Dijkstra on the grid.

The moves and their costs follow GRASS GIS `r.cost` (isotropic), read from its source and
re-implemented here, so that `--moves 8` gives `r.cost` and `--moves 16` gives `r.cost -k`:

- a move to one of the 8 neighbours costs its length times the mean friction of the two cells;
- a knight's move (two cells one way, one the other) costs its length times the mean friction of
  the four cells it crosses: the two ends and the two cells beside the line between them;
- a move touching a barrier (no data) is not made, and nothing is reached through a barrier;
- a facility's own cell is 0 s away; a cell holding several facilities belongs to the last listed
  (r.cost overwrites the start value too); a cell reached at the same cost from two facilities keeps
  the first that reached it.

Friction is in seconds per metre and cell sizes in metres, so costs are in seconds (r.cost reaches
the same numbers with cost = friction x the east-west cell size, its unit of length). With a cap,
cells beyond it are left unreached: every cell within the cap is exact, since costs only grow along
a path. The kernel is compiled with numba (scikit-image's MCP has neither the knight's four-cell
mean, nor the nearest facility's label, nor a working cost cap).

Walking (anisotropic) follows GRASS `r.walk` (Aitken 1977 / Langmuir 1984, read from its source):
a move of horizontal length L from a cell at elevation h0 to one at h1 (dh = h1 - h0, away from the
facility) costs a*L + lambda*L*(mean friction, averaged as above) + dh*b uphill (dh/L >= 0), dh*c on
a moderate descent (slope_factor <= dh/L < 0) and dh*d on a steep one (dh/L < slope_factor).
"""

from dataclasses import dataclass

import numba
import numpy as np

NEAREST_NODATA = np.iinfo(np.int32).min  # GRASS's null for integer rasters

# (row step, column step) of each move; the knight's moves come after the 8 neighbours.
NEIGHBOURS = [(0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (-1, 1), (1, 1), (1, -1)]
KNIGHT = [(-2, -1), (-2, 1), (2, 1), (2, -1), (-1, -2), (-1, 2), (1, 2), (1, -2)]


@dataclass(frozen=True)
class Surface:
    seconds: np.ndarray  # float64, inf where unreachable (or beyond the cap)
    nearest: np.ndarray  # int32 facility label, NEAREST_NODATA where unreachable

    @property
    def reached(self) -> np.ndarray:
        return np.isfinite(self.seconds)


@dataclass(frozen=True)
class Walk:
    """r.walk's parameters, its defaults: walk_coeff=a,b,c,d, lambda, slope_factor."""

    a: float = 0.72
    b: float = 6.0
    c: float = 1.9998
    d: float = -1.9998
    lam: float = 1.0
    slope_factor: float = -0.2125

    def problem(self) -> str | None:
        """Why these parameters could price a move below zero (Dijkstra needs no negative move), or None."""
        if not all(np.isfinite(v) for v in (self.a, self.b, self.c, self.d, self.lam, self.slope_factor)):
            return "numbers"
        if self.a <= 0 or self.lam < 0 or self.b < 0 or self.d > 0 or self.slope_factor >= 0:
            return "signs"
        if self.c > 0 and self.a + self.c * self.slope_factor <= 0:
            return "descent"
        return None

    def as_array(self) -> np.ndarray:
        return np.array([self.a, self.b, self.c, self.d, self.lam, self.slope_factor], np.float64)


FLAT = Walk(a=0.0, b=0.0, c=0.0, d=0.0, lam=1.0, slope_factor=-1.0)  # unused: isotropic runs skip it


def move_table(moves: int, cell_x: float, cell_y: float) -> np.ndarray:
    """One row per move: row step, column step, the two cells beside a knight's move, length in metres.

    A neighbour move lists its own two ends as the cells beside it, so that every move's cost is
    length x (sum of four frictions) / 4.
    """
    if moves not in (8, 16):
        raise ValueError("moves must be 8 or 16")
    table = []
    for dr, dc in NEIGHBOURS + (KNIGHT if moves == 16 else []):
        if abs(dr) == 2:  # two rows: the cells beside are in the row between, in both columns
            beside = (dr // 2, 0, dr // 2, dc)
        elif abs(dc) == 2:  # two columns: the cells beside are in the column between, in both rows
            beside = (0, dc // 2, dr, dc // 2)
        else:
            beside = (0, 0, dr, dc)
        length = float(np.hypot(dr * cell_y, dc * cell_x))
        table.append((dr, dc, *beside, length))
    return np.array(table, dtype=np.float64)


# A 4-ary heap: half the depth of a binary one, its four children on one cache line.
ARITY = 4


@numba.njit(cache=True, nogil=True)
def _heap_push(heap_cost, heap_cell, size, cost, cell):
    if size == heap_cost.shape[0]:  # grow by doubling
        bigger_cost = np.empty(size * 2, np.float64)
        bigger_cell = np.empty(size * 2, np.int64)
        bigger_cost[:size] = heap_cost
        bigger_cell[:size] = heap_cell
        heap_cost, heap_cell = bigger_cost, bigger_cell
    i = size
    while i > 0:
        parent = (i - 1) // ARITY
        if heap_cost[parent] <= cost:
            break
        heap_cost[i] = heap_cost[parent]
        heap_cell[i] = heap_cell[parent]
        i = parent
    heap_cost[i] = cost
    heap_cell[i] = cell
    return heap_cost, heap_cell, size + 1


@numba.njit(cache=True, nogil=True)
def _heap_pop(heap_cost, heap_cell, size):
    top_cost, top_cell = heap_cost[0], heap_cell[0]
    size -= 1
    last_cost, last_cell = heap_cost[size], heap_cell[size]
    i = 0
    while True:
        first = ARITY * i + 1
        if first >= size:
            break
        best = first
        for child in range(first + 1, min(first + ARITY, size)):
            if heap_cost[child] < heap_cost[best]:
                best = child
        if heap_cost[best] >= last_cost:
            break
        heap_cost[i] = heap_cost[best]
        heap_cell[i] = heap_cell[best]
        i = best
    if size > 0:
        heap_cost[i] = last_cost
        heap_cell[i] = last_cell
    return top_cost, top_cell, size


@numba.njit(cache=True, nogil=True)
def _dijkstra(
    friction,
    offsets,
    quarter_length,
    source_cells,
    source_labels,
    max_cost,
    seconds,
    nearest,
    elevation,
    walk,
    length,
    walking,
):
    """On a grid padded with two rings of barriers, so that no move needs a bounds check."""
    flat = friction.ravel()
    out = seconds.ravel()
    label = nearest.ravel()
    height = elevation.ravel()
    a, b, c, d, lam, slope_factor = walk[0], walk[1], walk[2], walk[3], walk[4], walk[5]
    moves = offsets.shape[0]
    heap_cost = np.empty(max(1024, 4 * source_cells.shape[0]), np.float64)
    heap_cell = np.empty(heap_cost.shape[0], np.int64)
    size = 0
    for i in range(source_cells.shape[0]):
        out[source_cells[i]] = 0.0
        label[source_cells[i]] = source_labels[i]
    for i in range(source_cells.shape[0]):
        heap_cost, heap_cell, size = _heap_push(heap_cost, heap_cell, size, 0.0, source_cells[i])
    while size > 0:
        cost, cell, size = _heap_pop(heap_cost, heap_cell, size)
        if cost > out[cell]:  # a stale entry: the cell was settled cheaper since
            continue
        here = flat[cell]
        here_label = label[cell]
        for m in range(moves):
            target = cell + offsets[m, 0]
            total = here + flat[target] + flat[cell + offsets[m, 1]] + flat[cell + offsets[m, 2]]
            if walking:
                climb = height[target] - height[cell]
                if climb / length[m] >= 0:
                    effort = climb * b
                elif climb / length[m] < slope_factor:
                    effort = climb * d
                else:
                    effort = climb * c
                new_cost = cost + effort + length[m] * a + lam * (total * quarter_length[m])
            else:
                new_cost = cost + total * quarter_length[m]
            # NaN (a barrier on the way, or the padding) fails both comparisons: the move is not made
            if new_cost < out[target] and new_cost <= max_cost:
                out[target] = new_cost
                label[target] = here_label
                heap_cost, heap_cell, size = _heap_push(heap_cost, heap_cell, size, new_cost, target)
    return size


PAD = 2  # a knight's move reaches two cells away


def travel_time(
    friction: np.ndarray,
    cell_x: float,
    cell_y: float,
    source_rows: np.ndarray,
    source_cols: np.ndarray,
    source_labels: np.ndarray,
    moves: int = 8,
    max_seconds: float | None = None,
    elevation: np.ndarray | None = None,
    walk: Walk | None = None,
    padded: np.ndarray | None = None,
) -> Surface:
    """Seconds from the nearest source to every cell, and that source's label.

    friction: seconds per metre, NaN on barriers (checked by the caller: no negative values).
    With `elevation` (metres, on the same grid) the moves are priced as r.walk prices them, with
    `walk`'s parameters (r.walk's defaults if None); NaN elevation is a barrier.
    `padded`: the friction already inside two rings of NaN (as `read_friction` reads it), used as it
    is so that a province-sized grid is not copied; left unchanged.
    """
    rows, cols = np.shape(friction)
    width = cols + 2 * PAD
    if padded is None or padded.shape != (rows + 2 * PAD, width):
        padded = np.full((rows + 2 * PAD, width), np.nan)
        padded[PAD:-PAD, PAD:-PAD] = friction
    if elevation is not None:
        heights = np.full(padded.shape, np.nan)
        heights[PAD:-PAD, PAD:-PAD] = elevation
        padded = np.where(np.isnan(heights), np.nan, padded)  # a copy: the caller's friction stays
        walk = walk or Walk()
    else:
        heights = np.zeros((1, 1))
    cells = (
        (np.asarray(source_rows, dtype=np.int64) + PAD) * width
        + np.asarray(source_cols, dtype=np.int64)
        + PAD
    )
    table = move_table(moves, cell_x, cell_y)
    steps = table[:, :6].astype(np.int64)
    offsets = np.stack(
        [
            steps[:, 0] * width + steps[:, 1],
            steps[:, 2] * width + steps[:, 3],
            steps[:, 4] * width + steps[:, 5],
        ],
        axis=1,
    )
    seconds = np.full(padded.shape, np.inf)
    nearest = np.full(padded.shape, NEAREST_NODATA, dtype=np.int32)
    cap = np.inf if max_seconds is None else float(max_seconds)
    _dijkstra(
        padded,
        offsets,
        table[:, 6] / 4.0,
        cells,
        np.asarray(source_labels, dtype=np.int32),
        cap,
        seconds,
        nearest,
        heights,
        (walk or FLAT).as_array(),
        table[:, 6].copy(),
        elevation is not None,
    )
    del padded, heights
    inner = (slice(PAD, -PAD), slice(PAD, -PAD))
    return Surface(seconds[inner], nearest[inner])
