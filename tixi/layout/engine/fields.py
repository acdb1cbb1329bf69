"""Travel times kept per facility, so that a what-if updates the surface without recomputing everything.

Each facility's own capped field (the cells it reaches within the cap and their seconds) is kept; the
surface is their minimum, which is exactly the multi-source run's (the shortest time from any facility
is the least of the shortest times from each). Then:

- closing a facility drops its field and takes the minimum again (no travel time is recomputed);
- adding one computes its field alone;
- changing the friction (closing or opening a road) recomputes only the fields that reach a changed
  cell or a cell within two of it (a knight's move prices the cells beside it): any other field's
  moves never touch a changed cell, so it is unchanged.

Each field is searched in a window of the grid, not over the whole grid, at the cost of its catchment
instead of the grid's (a province's 146 M cells are no longer allocated once per facility). A window
of 65 x 65 cells is tried first and doubled while the search reaches its outer rings (a path might
leave it within the cap); it need never grow beyond the window that holds every cell within
cap / (least cost per metre) of the facility: every move costs at least its length times the least
friction (plus r.walk's least effort per metre). Either way the window's search is the whole grid's
to the last bit (see `_search`).
The fields of many facilities are searched by several threads at once (the kernel releases the GIL).
"""

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from scipy.ndimage import binary_dilation

from tixi.layout.engine.travel import (
    NEAREST_NODATA,
    PAD,
    TOBLER_LEAST_FACTOR,
    Surface,
    Tobler,
    Walk,
    _finite_range,
    default_threads,
    travel_time,
)

FIRST_HALF_WINDOW = 32  # cells each side of the facility in the first window tried
SAFETY = 1e-6  # relative: floating-point sums along a path may fall below the exact bound by ulps


def least_cost_per_metre(
    friction: np.ndarray, elevation=None, walk: Walk | None = None, driven: np.ndarray | None = None
) -> float:
    """A lower bound on any move's cost per metre of its length (0: no bound, search the whole grid).

    `driven` cells (roads) keep their flat time: r.walk's walking terms do not lower their bound."""
    low, _high = _finite_range(np.asarray(friction, np.float64).ravel())
    if not math.isfinite(low):
        return 0.0
    if elevation is None:
        return max(0.0, low)
    if isinstance(walk, Tobler):  # the friction times Tobler's factor, least on a 5 % descent
        return max(0.0, low) * TOBLER_LEAST_FACTOR
    walk = walk or Walk()
    # r.walk: a*L + lambda*L*friction + an effort that is negative only on a moderate descent,
    # where it is dh*c >= c*slope_factor*L (c > 0); uphill (b >= 0) and steep descents (d <= 0) add
    descent = min(0.0, walk.c * walk.slope_factor)
    if driven is not None and np.any(driven):  # a driven move costs lambda x friction alone
        return max(0.0, walk.lam * max(0.0, low))
    return max(0.0, walk.a + descent + walk.lam * max(0.0, low))


def window_of(row, col, shape, cell_x, cell_y, max_seconds, per_metre) -> tuple[int, int, int, int]:
    """Rows [top, bottom) and columns [left, right) that hold every cell reachable within the cap."""
    rows, cols = shape
    if not (per_metre > 0 and math.isfinite(max_seconds)):
        return 0, rows, 0, cols
    radius = max_seconds / per_metre * (1.0 + SAFETY)
    dr = math.ceil(radius / cell_y) + PAD
    dc = math.ceil(radius / cell_x) + PAD
    return max(0, row - dr), min(rows, row + dr + 1), max(0, col - dc), min(cols, col + dc + 1)


@dataclass
class Field:
    ident: int
    row: int
    col: int
    cells: np.ndarray  # flat indices reached within the cap
    seconds: np.ndarray  # their travel times


@dataclass
class FacilityFields:
    friction: np.ndarray
    cell_x: float
    cell_y: float
    max_seconds: float
    moves: int = 8
    elevation: np.ndarray | None = None
    walk: Walk | None = None
    driven: np.ndarray | None = None  # cells travelled by motor vehicle: slope not priced there
    fields: list[Field] = field(default_factory=list)
    recomputed: int = 0  # fields computed since the start, for the what-if's report
    windowed: bool = True  # False: each search over the whole grid (the reference the tests compare to)

    def _field(self, ident: int, row: int, col: int, per_metre: float | None = None) -> Field:
        if per_metre is None:
            per_metre = least_cost_per_metre(self.friction, self.elevation, self.walk, self.driven)
        shape = self.friction.shape
        if not self.windowed:
            return self._search(ident, row, col, (0, shape[0], 0, shape[1]))[0]
        enough = window_of(row, col, shape, self.cell_x, self.cell_y, self.max_seconds, per_metre)
        half = FIRST_HALF_WINDOW
        while True:
            window = max(enough[0], row - half), min(enough[1], row + half + 1)
            window += max(enough[2], col - half), min(enough[3], col + half + 1)
            found, escapes = self._search(ident, row, col, window)
            if window == enough or not escapes:
                return found
            half *= 2

    def _search(self, ident: int, row: int, col: int, window) -> tuple[Field, bool]:
        """The field within a window, and whether it reaches the window's two outer rings on a side
        that is not the grid's edge (then a path may leave the window within the cap: search a
        larger one). When it reaches none, every path that leaves the window costs more than the cap
        (its part up to the rings is inside, and reaches nothing there within the cap), so the
        window's search is the grid's."""
        top, bottom, left, right = window
        part = (slice(top, bottom), slice(left, right))
        alone = travel_time(
            self.friction[part],
            self.cell_x,
            self.cell_y,
            [row - top],
            [col - left],
            [ident],
            moves=self.moves,
            max_seconds=self.max_seconds,
            elevation=None if self.elevation is None else self.elevation[part],
            walk=self.walk,
            threads=1 if self.windowed else None,
            driven=None if self.driven is None else self.driven[part],
        )
        reached = alone.reached
        rows, cols = self.friction.shape
        ring = PAD
        escapes = bool(
            (top > 0 and reached[:ring].any())
            or (bottom < rows and reached[-ring:].any())
            or (left > 0 and reached[:, :ring].any())
            or (right < cols and reached[:, -ring:].any())
        )
        local = np.flatnonzero(reached)
        local_rows, local_cols = np.divmod(local, right - left)
        cells = (local_rows + top) * cols + local_cols + left
        return Field(int(ident), int(row), int(col), cells, alone.seconds.ravel()[local]), escapes

    def _many(self, jobs) -> list[Field]:
        """Fields of (ident, row, col), in that order, searched by several threads at once."""
        per_metre = least_cost_per_metre(self.friction, self.elevation, self.walk, self.driven)
        jobs = list(jobs)
        self.recomputed += len(jobs)
        threads = min(default_threads(), len(jobs)) if self.windowed else 1
        if threads <= 1:
            return [self._field(i, r, c, per_metre) for i, r, c in jobs]
        with ThreadPoolExecutor(threads) as pool:
            return list(pool.map(lambda job: self._field(*job, per_metre), jobs))

    def add(self, ident: int, row: int, col: int) -> None:
        self.fields.extend(self._many([(int(ident), int(row), int(col))]))

    def add_many(self, ids, rows, cols) -> None:
        jobs = [(int(i), int(r), int(c)) for i, r, c in zip(ids, rows, cols, strict=True)]
        self.fields.extend(self._many(jobs))

    def close(self, ident: int) -> None:
        self.fields = [f for f in self.fields if f.ident != ident]

    def set_friction(self, friction: np.ndarray, driven: np.ndarray | None = None) -> int:
        """New friction (a road closed or opened; `driven`: the roads' cells then): recompute the fields
        near a changed cell; how many."""
        changed = ~((friction == self.friction) | (np.isnan(friction) & np.isnan(self.friction)))
        if driven is not None and self.driven is not None:
            changed |= driven != self.driven
        self.friction = friction
        if driven is not None:
            self.driven = driven
        if not changed.any():
            return 0
        near = binary_dilation(changed, structure=np.ones((5, 5), bool)).ravel()
        again = [i for i, kept in enumerate(self.fields) if near[kept.cells].any()]
        redone = self._many([(self.fields[i].ident, self.fields[i].row, self.fields[i].col) for i in again])
        for i, fresh in zip(again, redone, strict=True):
            self.fields[i] = fresh
        return len(again)

    def surface(self) -> Surface:
        """The least time over the open facilities and whose it is (the first listed on a tie)."""
        seconds = np.full(self.friction.size, np.inf)
        nearest = np.full(self.friction.size, NEAREST_NODATA, np.int32)
        for kept in self.fields:
            better = kept.seconds < seconds[kept.cells]
            seconds[kept.cells[better]] = kept.seconds[better]
            nearest[kept.cells[better]] = kept.ident
        return Surface(seconds.reshape(self.friction.shape), nearest.reshape(self.friction.shape))


def build_fields(friction, cell_x, cell_y, rows, cols, ids, max_seconds, **options) -> FacilityFields:
    kept = FacilityFields(friction.copy(), cell_x, cell_y, float(max_seconds), **options)
    kept.add_many(ids, rows, cols)
    return kept
