"""Irregular demo boundaries that still tile: a region is cut into rows of cells (a brick layout) whose
row and column lines wiggle, inside a four-sided patch; each cell is again such a patch, so counties tile
the city and townships tile their county, with no gap and no overlap.

A patch is given by its four sides, world polylines with a parameter 0..1 along each (bottom and top
from west to east, left and right from south to north); a point (u, v) of the unit square maps into it
by the Coons patch of the sides (exactly onto a side where u or v is 0 or 1). Every shared line is
computed once, with the corners of the cells on both of its sides among its vertices, so that
neighbours use the same points; a cell's side along its patch's side keeps the patch side's own
vertices (and points inserted on a side lie on its straight segments). Deterministic for a given
random generator."""

from dataclasses import dataclass

import numpy as np

SAMPLES = 8  # vertices along a wiggly line between the ends of a cell
WIGGLE = 0.14  # amplitude of a line's wiggle, as a share of the smaller neighbouring cell


@dataclass
class Side:
    points: np.ndarray  # k × 2 (longitude, latitude)
    params: np.ndarray  # k values from 0 to 1, increasing

    def at(self, t) -> np.ndarray:
        t = np.asarray(t, dtype=np.float64)
        return np.stack(
            [np.interp(t, self.params, self.points[:, 0]), np.interp(t, self.params, self.points[:, 1])],
            axis=-1,
        )


@dataclass
class Patch:
    bottom: Side
    top: Side
    left: Side
    right: Side

    @classmethod
    def wobbly(cls, west, south, east, north, rng, amount: float = 0.04) -> "Patch":
        """A rectangle whose sides wander in and out by up to `amount` of the shorter side (corners kept)."""
        reach = amount * min(east - west, north - south)
        t = np.linspace(0, 1, 41)

        def side(a, b, normal):
            a, b = np.array(a, dtype=np.float64), np.array(b, dtype=np.float64)
            points = a + t[:, None] * (b - a) + _wave(rng, reach)(t)[:, None] * np.array(normal)
            return Side(points, t.copy())

        return cls(
            side((west, south), (east, south), (0, 1)),
            side((west, north), (east, north), (0, 1)),
            side((west, south), (west, north), (1, 0)),
            side((east, south), (east, north), (1, 0)),
        )

    @classmethod
    def rounded(cls, west, south, east, north, rng, exponent: float = 3.6, amount: float = 0.1) -> "Patch":
        """An outline with no corners: a superellipse |x|^n + |y|^n = 1 (n = `exponent`) whose
        radius wanders by up to `amount` (the defaults fill about 0.87 of the box), scaled back into the box, cut into the
        four sides at its south-west, south-east, north-east and north-west points (where the curve is
        smooth, so no corner shows; a wobbly rectangle kept its box's four corners)."""
        theta = np.linspace(0, 2 * np.pi, 161)[:-1]
        cos, sin = np.cos(theta), np.sin(theta)
        radius = (np.abs(cos) ** exponent + np.abs(sin) ** exponent) ** (-1 / exponent)
        harmonics = np.arange(2, 6)
        weights = rng.uniform(0.4, 1.0, harmonics.size) / harmonics
        phases = rng.uniform(0, 2 * np.pi, harmonics.size)
        wobble = (weights[:, None] * np.cos(harmonics[:, None] * theta + phases[:, None])).sum(axis=0)
        radius = radius * (1 + amount * wobble / weights.sum())
        x, y = radius * cos, radius * sin
        # back into the box, exactly touching each of its sides
        x = west + (x - x.min()) / (x.max() - x.min()) * (east - west)
        y = south + (y - y.min()) / (y.max() - y.min()) * (north - south)
        ring = np.stack([x, y], axis=1)
        n = theta.size  # points at 225°, 315°, 45° and 135°: indices 5n/8, 7n/8, n/8, 3n/8
        sw, se, ne, nw = 5 * n // 8, 7 * n // 8, n // 8, 3 * n // 8

        def arc(start, stop):  # counter-clockwise from `start` to `stop`, both included
            indices = [start]
            while indices[-1] != stop:
                indices.append((indices[-1] + 1) % n)
            return ring[indices]

        def side(points):
            steps = np.linalg.norm(np.diff(points, axis=0), axis=1)
            params = np.concatenate([[0.0], np.cumsum(steps)])
            return Side(points, params / params[-1])

        return cls(
            side(arc(sw, se)),  # bottom, west to east
            side(arc(ne, nw)[::-1]),  # top, west to east (counter-clockwise it runs east to west)
            side(arc(nw, sw)[::-1]),  # left, south to north
            side(arc(se, ne)),  # right, south to north
        )

    @classmethod
    def rectangle(cls, west, south, east, north) -> "Patch":
        def side(a, b):
            return Side(np.array([a, b], dtype=np.float64), np.array([0.0, 1.0]))

        return cls(
            side((west, south), (east, south)),
            side((west, north), (east, north)),
            side((west, south), (west, north)),
            side((east, south), (east, north)),
        )

    def map(self, u, v) -> np.ndarray:
        """Coons patch: the four sides blended, exact on each side."""
        u = np.asarray(u, dtype=np.float64)[..., None]
        v = np.asarray(v, dtype=np.float64)[..., None]
        p00, p10 = self.bottom.points[0], self.bottom.points[-1]
        p01, p11 = self.top.points[0], self.top.points[-1]
        ruled = (1 - v) * self.bottom.at(u[..., 0]) + v * self.top.at(u[..., 0])
        ruled = ruled + (1 - u) * self.left.at(v[..., 0]) + u * self.right.at(v[..., 0])
        corners = (1 - u) * (1 - v) * p00 + u * (1 - v) * p10 + (1 - u) * v * p01 + u * v * p11
        world = ruled - corners
        # exactly on the sides (the blend is exact there only up to rounding)
        world = np.where(u == 0, self.left.at(v[..., 0]), world)
        world = np.where(u == 1, self.right.at(v[..., 0]), world)
        world = np.where(v == 0, self.bottom.at(u[..., 0]), world)
        return np.where(v == 1, self.top.at(u[..., 0]), world)

    def ring(self) -> np.ndarray:
        """The outline, counter-clockwise, closed."""
        parts = [
            self.bottom.points,
            self.right.points[1:],
            self.top.points[::-1][1:],
            self.left.points[::-1][1:],
        ]
        return np.concatenate(parts)


@dataclass
class Cell:
    patch: Patch
    ring: np.ndarray  # closed, counter-clockwise

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (
            float(self.ring[:, 0].min()),
            float(self.ring[:, 1].min()),
            float(self.ring[:, 0].max()),
            float(self.ring[:, 1].max()),
        )


def _wave(rng, amplitude: float):
    """A smooth wiggle over 0..1, zero at both ends, at most `amplitude`: a long wave and two shorter."""
    cycles = rng.uniform([0.5, 1.5, 3.0], [1.2, 2.5, 4.5])
    phases = rng.uniform(0, 2 * np.pi, 3)
    weights = rng.uniform([0.8, 0.3, 0.1], [1.0, 0.45, 0.2])

    def f(t):
        t = np.asarray(t, dtype=np.float64)
        wave = sum(w * np.sin(2 * np.pi * c * t + p) for w, c, p in zip(weights, cycles, phases, strict=True))
        return amplitude * np.sin(np.pi * t) * wave / weights.sum()

    return f


def _rows_of(n: int, rows: int) -> list[int]:
    base, extra = divmod(n, rows)
    return [base + (1 if r < extra else 0) for r in range(rows)]


def _unique(values) -> np.ndarray:
    return np.unique(np.round(np.asarray(values, dtype=np.float64), 15))


def tile(patch: Patch, weights, rows: int, rng, wiggle: float = WIGGLE) -> list[Cell]:
    """`len(weights)` cells in `rows` rows (row by row from the south-west), each cell's area about its
    weight's share; `wiggle`: the lines' amplitude as a share of the smaller cell beside them."""
    weights = np.asarray(weights, dtype=np.float64)
    n = weights.size
    rows = max(1, min(rows, n))
    counts = _rows_of(n, rows)
    first = np.concatenate([[0], np.cumsum(counts)])
    row_weight = np.array([weights[first[r] : first[r + 1]].sum() for r in range(rows)])
    row_edges = np.concatenate([[0.0], np.cumsum(row_weight) / row_weight.sum()])
    heights = np.diff(row_edges)
    # row lines: v as a function of u (0 and 1 for the patch's bottom and top)
    row_lines = [lambda u: np.zeros_like(np.asarray(u, dtype=np.float64))]
    for r in range(1, rows):
        wave = _wave(rng, wiggle * min(heights[r - 1], heights[r]))
        row_lines.append(lambda u, base=row_edges[r], wave=wave: base + wave(u))
    row_lines.append(lambda u: np.ones_like(np.asarray(u, dtype=np.float64)))
    # column lines of each row: u as a function of v (0 and 1 for the patch's left and right)
    columns = []
    for r in range(rows):
        w = weights[first[r] : first[r + 1]]
        edges = np.concatenate([[0.0], np.cumsum(w) / w.sum()])
        widths = np.diff(edges)
        lines = [lambda v: np.zeros_like(np.asarray(v, dtype=np.float64))]
        for c in range(1, counts[r]):
            wave = _wave(rng, wiggle * min(widths[c - 1], widths[c]))
            lo, hi = row_edges[r], row_edges[r + 1]
            lines.append(lambda v, base=edges[c], wave=wave, lo=lo, hi=hi: base + wave((v - lo) / (hi - lo)))
        lines.append(lambda v: np.ones_like(np.asarray(v, dtype=np.float64)))
        columns.append(lines)

    def corner(column, row_line) -> tuple[float, float]:
        u, v = 0.5, float(row_line(0.5))
        for _ in range(200):  # a contraction: the wiggles are gentle
            u = float(column(v))
            v = float(row_line(u))
        if abs(u - float(column(v))) > 1e-12:
            raise ValueError("the row and column lines of a tiling do not meet once: wiggle less")
        return u, v

    corners = [
        [(corner(col, row_lines[r]), corner(col, row_lines[r + 1])) for col in columns[r]]
        for r in range(rows)
    ]
    # each row line's vertices: its samples, the corners on both of its sides, a patch side's vertices
    line_u = []
    for r in range(rows + 1):
        us = list(np.linspace(0, 1, SAMPLES * max(counts) + 1))
        if r > 0:
            us += [top[0] for _, top in corners[r - 1]]
        if r < rows:
            us += [bottom[0] for bottom, _ in corners[r]]
        if r == 0:
            us += list(patch.bottom.params)
        if r == rows:
            us += list(patch.top.params)
        us = _unique(us)
        line_u.append(us)
    line_points = [patch.map(us, row_lines[r](us)) for r, us in enumerate(line_u)]

    def along_row(r, u0, u1):
        us = line_u[r]
        pick = (us >= u0 - 1e-15) & (us <= u1 + 1e-15)
        return us[pick], line_points[r][pick]

    cells = []
    for r in range(rows):
        # column lines of the row: vertices between its two corners
        col_points, col_v = [], []
        for c, column in enumerate(columns[r]):
            (u0, v0), (u1, v1) = corners[r][c]
            vs = list(np.linspace(row_edges[r], row_edges[r + 1], SAMPLES + 1)[1:-1])
            if c == 0:
                vs += list(patch.left.params)
            if c == counts[r]:
                vs += list(patch.right.params)
            vs = _unique([v for v in vs if v0 < v < v1] + [v0, v1])
            us = column(vs)
            us[0], us[-1] = u0, u1
            if c in (0, counts[r]):
                us[:] = float(c > 0)
            col_points.append(patch.map(us, vs))
            col_v.append(vs)
        for c in range(counts[r]):
            bottom_u, bottom = along_row(r, corners[r][c][0][0], corners[r][c + 1][0][0])
            top_u, top = along_row(r + 1, corners[r][c][1][0], corners[r][c + 1][1][0])
            left, right = col_points[c], col_points[c + 1]

            def side(points, params):
                params = np.asarray(params, dtype=np.float64)
                span = params[-1] - params[0]
                return Side(points, (params - params[0]) / span)

            sub = Patch(
                side(bottom, bottom_u), side(top, top_u), side(left, col_v[c]), side(right, col_v[c + 1])
            )
            cells.append(Cell(sub, sub.ring()))
    return cells


def area(ring: np.ndarray) -> float:
    """Shoelace area of a closed ring (positive when counter-clockwise)."""
    x, y = ring[:, 0], ring[:, 1]
    return float(0.5 * np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


def contains(ring: np.ndarray, x: float, y: float) -> bool:
    """Point in polygon (even-odd rule)."""
    xs, ys = ring[:-1, 0], ring[:-1, 1]
    xe, ye = ring[1:, 0], ring[1:, 1]
    crosses = (ys > y) != (ye > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = xs + (y - ys) * (xe - xs) / (ye - ys)
    return bool(np.count_nonzero(crosses & (x < at)) % 2)
