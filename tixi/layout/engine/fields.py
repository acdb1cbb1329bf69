"""Travel times kept per facility, so that a what-if updates the surface without recomputing everything.

Each facility's own capped field (the cells it reaches within the cap and their seconds) is kept; the
surface is their minimum, which is exactly the multi-source run's (the shortest time from any facility
is the least of the shortest times from each). Then:

- closing a facility drops its field and takes the minimum again (no travel time is recomputed);
- adding one computes its field alone;
- changing the friction (closing or opening a road) recomputes only the fields that reach a changed
  cell or a cell within two of it (a knight's move prices the cells beside it): any other field's
  moves never touch a changed cell, so it is unchanged.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.ndimage import binary_dilation

from tixi.layout.engine.travel import NEAREST_NODATA, Surface, Walk, travel_time


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
    fields: list[Field] = field(default_factory=list)
    recomputed: int = 0  # fields computed since the start, for the what-if's report

    def _field(self, ident: int, row: int, col: int) -> Field:
        alone = travel_time(
            self.friction,
            self.cell_x,
            self.cell_y,
            [row],
            [col],
            [ident],
            moves=self.moves,
            max_seconds=self.max_seconds,
            elevation=self.elevation,
            walk=self.walk,
        )
        cells = np.flatnonzero(alone.reached)
        self.recomputed += 1
        return Field(int(ident), int(row), int(col), cells, alone.seconds.ravel()[cells])

    def add(self, ident: int, row: int, col: int) -> None:
        self.fields.append(self._field(ident, row, col))

    def close(self, ident: int) -> None:
        self.fields = [f for f in self.fields if f.ident != ident]

    def set_friction(self, friction: np.ndarray) -> int:
        """New friction (a road closed or opened): recompute the fields near a changed cell; how many."""
        changed = ~((friction == self.friction) | (np.isnan(friction) & np.isnan(self.friction)))
        self.friction = friction
        if not changed.any():
            return 0
        near = binary_dilation(changed, structure=np.ones((5, 5), bool)).ravel()
        again = 0
        for i, kept in enumerate(self.fields):
            if near[kept.cells].any():
                self.fields[i] = self._field(kept.ident, kept.row, kept.col)
                again += 1
        return again

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
    for ident, row, col in zip(ids, rows, cols, strict=True):
        kept.add(int(ident), int(row), int(col))
    return kept
