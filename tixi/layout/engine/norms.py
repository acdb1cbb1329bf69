"""Judging an allocation norm: the whole units a place needs, what it has, and the gap (no Django).

A norm sets `minimum` (and optionally `maximum`) units per `per` units of a basis: 8.6 beds per 1,000
residents, 1 ambulance per 30,000, 40 negative-pressure ambulances per 100 ambulances; or a number of
institutions outright (basis None). Required counts are whole units, rounded up: 0.3 of an ambulance
still needs an ambulance.
"""

import math
from dataclasses import dataclass

# 8.6 * 1000 / 1000 is 8.600000000000001: without a tolerance a place exactly at the norm would need one more
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Judgement:
    required: int | None  # whole units needed; None when the basis is unknown
    allowed: int | None  # the most the norm allows (a range's top), None for no ceiling
    actual: float | None
    gap: int | None  # units still missing (>= 0)
    excess: int | None  # units above the ceiling (>= 0)

    @property
    def passed(self) -> bool | None:
        if self.gap is None:
            return None
        return self.gap == 0 and not self.excess


def whole_units(rate: float, basis: float, per: float) -> int:
    return max(0, math.ceil(rate * basis / per - TOLERANCE))


def most_units(rate: float, basis: float, per: float) -> int:
    return max(0, math.floor(rate * basis / per + TOLERANCE))


def judge(
    actual: float | None,
    minimum: float,
    maximum: float | None = None,
    basis: float | None = None,
    per: float = 1.0,
) -> Judgement:
    """`basis` None: the norm counts units outright (at least `minimum`, at most `maximum`)."""
    if basis is None:
        required = math.ceil(minimum - TOLERANCE)
        allowed = None if maximum is None else math.floor(maximum + TOLERANCE)
    elif not math.isfinite(basis):
        return Judgement(None, None, actual, None, None)
    else:
        required = whole_units(minimum, basis, per)
        allowed = None if maximum is None else most_units(maximum, basis, per)
    if actual is None or not math.isfinite(actual):
        return Judgement(required, allowed, None, None, None)
    gap = max(0, math.ceil(required - actual - TOLERANCE))
    excess = 0 if allowed is None else max(0, math.floor(actual - allowed + TOLERANCE))
    return Judgement(required, allowed, actual, gap, excess)
