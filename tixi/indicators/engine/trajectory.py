"""Trajectories from baseline to target and the status of a target in a year, each with its rule.
No Django; rules are English msgids with parameters, translated by the caller."""

import math
from dataclasses import dataclass

import numpy as np

ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA = "achieved", "on_track", "at_risk", "off_track", "no_data"
NOT_JUDGED = "not_judged"  # a value shown without a status: the target does not apply to the division
STATUSES = (ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, NOT_JUDGED)
ONE_SIDED = ("le", "lt", "ge", "gt")
ABOUT_TOLERANCE = 0.05  # 左右: within 5 % of the target
MAINTAIN_TOLERANCE = 0.02  # 保持稳定: within 2 % of the baseline
AT_RISK_SHARE = 0.75  # at risk: at least three quarters of the progress expected by now


@dataclass(frozen=True)
class TargetSpec:
    kind: str  # value, count, new (count since the baseline), maintain, increase, change_per_year, national
    comparator: str  # eq le ge lt gt about range
    lower_is_better: bool
    target_year: int
    target_value: float | None = None
    target_high: float | None = None
    baseline_year: int | None = None
    baseline_value: float | None = None
    change_per_year: float | None = None
    trajectory: str = "linear"


@dataclass(frozen=True)
class Status:
    status: str
    rule: str
    params: dict


def meets(comparator: str, actual: float, target: float, high: float | None = None) -> bool:
    if comparator == "about":
        return abs(actual - target) <= ABOUT_TOLERANCE * abs(target) if target else actual == 0
    if comparator == "range":
        return target <= actual <= (high if high is not None else target)
    return {
        "eq": math.isclose(actual, target, rel_tol=1e-9, abs_tol=1e-9),
        "ge": actual >= target - 1e-9,
        "gt": actual > target,
        "le": actual <= target + 1e-9,
        "lt": actual < target,
    }[comparator]


def trajectory_value(spec: TargetSpec, year: int, baseline: float | None = None) -> float | None:
    """The value expected in `year` on the way from the baseline to the target."""
    baseline = spec.baseline_value if baseline is None else baseline
    if spec.kind == "change_per_year":
        if baseline is None or spec.change_per_year is None or spec.baseline_year is None:
            return None
        return baseline + spec.change_per_year * (year - spec.baseline_year)
    if spec.kind == "maintain":
        return baseline
    if baseline is None or spec.target_value is None or spec.baseline_year is None:
        return None
    if spec.comparator in ONE_SIDED and meets(spec.comparator, baseline, spec.target_value):
        # already within a ceiling or above a floor (maternal mortality 0 against ≤ 17): the way
        # ahead holds the baseline; it does not rise (or fall) to the line
        return baseline
    if year >= spec.target_year:
        return spec.target_value
    if year <= spec.baseline_year:
        return baseline
    share = (year - spec.baseline_year) / (spec.target_year - spec.baseline_year)
    if spec.trajectory == "geometric" and baseline > 0 and spec.target_value > 0:
        return baseline * (spec.target_value / baseline) ** share
    return baseline + (spec.target_value - baseline) * share


def status(
    spec: TargetSpec,
    year: int,
    actual: float | None,
    previous: float | None = None,
    baseline_actual: float | None = None,
    national: float | None = None,
) -> Status:
    """Status of a target in `year` given the actual value (and last year's, and the baseline)."""
    if actual is None or (isinstance(actual, float) and math.isnan(actual)):
        return Status(NO_DATA, "No value for %(year)s.", {"year": year})
    baseline = spec.baseline_value if spec.baseline_value is not None else baseline_actual
    better = (lambda a, b: a < b) if spec.lower_is_better else (lambda a, b: a > b)

    if spec.kind == "increase":
        if previous is None:
            return Status(NO_DATA, "No value for the year before to compare with.", {})
        if better(actual, previous):
            return Status(
                ACHIEVED, "Better than the year before (%(previous)s).", {"previous": round(previous, 4)}
            )
        if spec.lower_is_better and actual <= 0 and previous <= 0:
            # a death rate at nought two years running cannot fall: it is met, not behind
            return Status(ACHIEVED, "At zero, as low as it can be, as the year before.", {})
        return Status(
            OFF_TRACK, "Not better than the year before (%(previous)s).", {"previous": round(previous, 4)}
        )

    if spec.kind == "maintain":
        if baseline is None:
            return Status(NO_DATA, "No baseline to maintain.", {})
        if abs(actual - baseline) <= MAINTAIN_TOLERANCE * abs(baseline) or better(actual, baseline):
            return Status(
                ACHIEVED, "Maintained at the baseline %(baseline)s (within 2%%).", {"baseline": baseline}
            )
        return Status(
            OFF_TRACK, "Fell from the baseline %(baseline)s by more than 2%%.", {"baseline": baseline}
        )

    if spec.kind == "national":
        if national is None:
            return Status(NO_DATA, "The national target is not stored.", {})
        ok = not better(national, actual)
        return Status(
            ACHIEVED if ok else OFF_TRACK,
            "Compared with the national target %(national)s.",
            {"national": national},
        )

    if spec.kind == "change_per_year":
        expected = trajectory_value(spec, year, baseline)
        if expected is None:
            return Status(NO_DATA, "No baseline value to count the yearly change from.", {})
        step = abs(spec.change_per_year or 0)
        if not better(expected, actual):
            return Status(
                ON_TRACK if year < spec.target_year else ACHIEVED,
                "At or better than the expected %(expected)s (%(change)s a year).",
                {"expected": round(expected, 4), "change": spec.change_per_year},
            )
        if abs(actual - expected) <= step / 2:
            return Status(
                AT_RISK,
                "Within half a year's change of the expected %(expected)s.",
                {"expected": round(expected, 4)},
            )
        return Status(OFF_TRACK, "Worse than the expected %(expected)s.", {"expected": round(expected, 4)})

    # a value or a count to reach
    target = spec.target_value
    if meets(spec.comparator, actual, target, spec.target_high):
        return Status(
            ACHIEVED,
            "The target (%(comparator)s %(target)s) is met.",
            {"comparator": spec.comparator, "target": target},
        )
    if year >= spec.target_year:
        return Status(
            OFF_TRACK, "The target year has come and the target (%(target)s) is not met.", {"target": target}
        )
    if baseline is None:
        if previous is not None and better(actual, previous):
            return Status(AT_RISK, "No baseline; better than the year before but the target is not met.", {})
        return Status(OFF_TRACK, "No baseline, and not moving toward the target.", {})
    expected = trajectory_value(spec, year, baseline)
    needed, made = expected - baseline, actual - baseline
    if spec.lower_is_better:
        needed, made = -needed, -made
    if made >= needed - 1e-9:
        return Status(
            ON_TRACK,
            "At or beyond the trajectory value %(expected)s for %(year)s.",
            {"expected": round(expected, 4), "year": year},
        )
    if needed > 0 and made >= AT_RISK_SHARE * needed:
        return Status(
            AT_RISK,
            "Short of the trajectory value %(expected)s, but with at least 75%% of the progress expected.",
            {"expected": round(expected, 4)},
        )
    return Status(
        OFF_TRACK,
        "Less than 75%% of the progress expected by %(year)s (trajectory %(expected)s).",
        {"expected": round(expected, 4), "year": year},
    )


def since_baseline(series, baseline_index: int | None):
    """A stock turned into the number added since the baseline year ("新建 N 个" counts new ones,
    not the stock): the series minus its baseline value; without a baseline value, no data, and none
    before the baseline year either (nothing is new yet: a negative count would mean nothing)."""
    values = np.asarray(series, dtype=float)
    if baseline_index is None or np.isnan(values[baseline_index]):
        return np.full(values.shape, np.nan)
    added = values - values[baseline_index]
    added[:baseline_index] = np.nan
    return added


def project(years: list[int], values: list[float], to_year: int) -> float | None:
    """Straight-line projection of a series (population) to a later year, from its last five points."""
    points = [(y, v) for y, v in zip(years, values, strict=True) if v is not None][-5:]
    if not points:
        return None
    if len(points) == 1:
        return points[0][1]
    n = len(points)
    mean_y = sum(p[0] for p in points) / n
    mean_v = sum(p[1] for p in points) / n
    slope = sum((y - mean_y) * (v - mean_v) for y, v in points) / sum((y - mean_y) ** 2 for y, _ in points)
    return mean_v + slope * (to_year - mean_y)
