"""Integer allocation helpers for calibrated synthetic data. No Django."""

from collections.abc import Sequence

import numpy as np

from tixi.registry.engine.figures import round_like


def decimals_of(value: float) -> int:
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".")[1])


def count_for_rate(rate: float, factor: int, population: int, decimals: int | None = None) -> int:
    """The whole count that, over `population`, gives `rate` per `factor` at the rate's precision."""
    decimals = decimals_of(rate) if decimals is None else decimals
    first = round(rate * population / factor)
    for delta in (0, 1, -1, 2, -2, 3, -3):
        n = first + delta
        if n >= 0 and round_like(n * factor / population, decimals) == round_like(rate, decimals):
            return n
    raise ValueError(f"no whole count gives {rate} per {factor} over {population}")


def largest_remainder(total: int, weights: Sequence[float]) -> list[int]:
    """Split `total` into whole parts proportional to `weights`, summing exactly to `total`."""
    w = np.asarray(weights, dtype=float)
    if total == 0 or len(w) == 0:
        return [0] * len(w)
    if w.sum() <= 0:
        raise ValueError(f"cannot allocate {total} over zero weights")
    raw = w / w.sum() * total
    base = np.floor(raw).astype(int)
    short = int(total - base.sum())
    if short:
        order = np.argsort(-(raw - base), kind="stable")
        base[order[:short]] += 1
    return base.tolist()
