"""Detection over the stored data: which method watches which series (the plans), runs over the
touched series after every import or API write and on demand (`scan`), and signals stored once per
series × period × method with a snapshot that replays them."""

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db import transaction

from tixi.core import clock
from tixi.surveillance import series as series_
from tixi.surveillance.engine.methods import METHODS
from tixi.surveillance.engine.spec import Method
from tixi.surveillance.models import (
    CASES,
    CATEGORIES,
    Channel,
    Disease,
    DiseaseKind,
    Resolution,
    Signal,
)

COUNTY, TOWNSHIP = 3, 4
# Channels are watched day by day in each township (the multi-point trigger's place): the same
# weekday of the past two years (364 days back keeps the weekday) ± 3 days, P95.
CHANNEL_CONTROL = {"frequency": 364, "b": 2, "w": 3, "percentile": 95.0}
CHANNEL_VERIFICATION_HOURS = 24


def now() -> dt.datetime:
    """The platform's now (`clock.now`: TIXI_TODAY's date, the demo living in its own year, at the
    clock's time)."""
    return clock.now()


def method_named(name: str) -> Method:
    return METHODS[name]


@dataclass(frozen=True)
class Plan:
    """One detection run: a source's codes at a division level and resolution, with one method."""

    source: str
    codes: tuple[str, ...]
    level: int
    resolution: str
    method: str
    control: dict = field(default_factory=dict, hash=False)
    verification_hours: int = 24

    @property
    def history(self) -> int:
        """Periods the method needs before the first monitored one."""
        if self.method == "cidars-percentile":
            return self.control["b"] * self.control["frequency"] + self.control["w"]
        return 0


def plans_for(sources: set[str] | None = None, codes: set[str] | None = None) -> list[Plan]:
    """The plans that watch `sources` (all when None), limited to `codes` where given. Each temporal
    disease has its own percentile, window and years (the Disease table)."""
    plans = []
    if sources is None or CASES in sources:
        diseases = Disease.objects.all()
        if codes is not None:
            diseases = diseases.filter(code__in=codes)
        fixed = defaultdict(list)
        for disease in diseases:
            if disease.kind == DiseaseKind.FIXED:
                fixed[disease.threshold].append(disease.code)
            else:
                control = {
                    "frequency": 52,
                    "b": disease.baseline_years,
                    "w": disease.window_periods // 2,
                    "percentile": float(disease.percentile),
                }
                plans.append(
                    Plan(CASES, (disease.code,), COUNTY, Resolution.WEEK, "cidars-percentile", control, 24)
                )
        for threshold, group in sorted(fixed.items()):
            plans.append(
                Plan(
                    CASES,
                    tuple(sorted(group)),
                    COUNTY,
                    Resolution.DAY,
                    "fixed-threshold",
                    {"threshold": threshold},
                    2,
                )
            )
    for channel in Channel.values:
        if sources is not None and channel not in sources:
            continue
        wanted = tuple(c for c in CATEGORIES[channel] if codes is None or c in codes)
        if wanted:
            plans.append(
                Plan(
                    channel,
                    wanted,
                    TOWNSHIP,
                    Resolution.DAY,
                    "cidars-percentile",
                    CHANNEL_CONTROL,
                    CHANNEL_VERIFICATION_HOURS,
                )
            )
    return plans


def _history_start(plan: Plan, first: dt.date) -> dt.date:
    start = series_.period_start(first, plan.resolution)
    if plan.resolution == Resolution.WEEK:
        return start - dt.timedelta(weeks=plan.history)
    if plan.resolution == Resolution.MONTH:
        months = start.year * 12 + start.month - 1 - plan.history
        return dt.date(months // 12, months % 12 + 1, 1)
    return start - dt.timedelta(days=plan.history)


@dataclass
class RunResult:
    series: int = 0
    alarms: int = 0
    created: list[int] = field(default_factory=list)
    updated: int = 0
    # with refresh: (signal, its figures before) for every stored signal whose figures changed
    refreshed: list[tuple[Signal, dict]] = field(default_factory=list)


FIGURES = ("observed", "expected", "threshold", "snapshot", "parameters", "method_version")


def run_plan(
    plan: Plan,
    first: dt.date,
    last: dt.date,
    *,
    within: str = "",
    synthetic: bool = False,
    refresh: bool = False,
) -> RunResult:
    """Run one plan over the periods from `first` to `last` and store its alarms as signals. With
    `refresh`, the signals already stored in these series and periods get the figures of the data as
    it is now even where it no longer alarms (as after an undo took back the counts that raised them);
    their status and history stay."""
    method = method_named(plan.method)
    control = method.check_control(plan.control)
    start = _history_start(plan, first)
    built = series_.build(plan.source, plan.codes, plan.level, plan.resolution, start, last, within=within)
    result = RunResult(series=len(built.keys))
    stored = _stored_in(plan, built, first, last, within) if refresh else []
    if not built.keys:
        return result
    monitored_from = built.starts.index(series_.period_start(first, plan.resolution)) + 1
    n = len(built.starts)
    detection = method.run(built.counts, monitored_from, n, **control)
    if stored:
        _refresh(stored, built, detection, monitored_from, control, method, result)
    hits = np.argwhere(detection.alarm)
    result.alarms = len(hits)
    if not len(hits):
        return result
    raised = now()
    found = []
    for k, j in hits:
        key, column = built.keys[k], monitored_from - 1 + j
        division = built.divisions.get(key.division_path)
        if division is None:
            continue
        expected = None if detection.expected is None else float(detection.expected[k, j])
        threshold = float(detection.upperbound[k, j])
        found.append(
            Signal(
                source=key.source,
                code=key.code,
                division=division,
                resolution=key.resolution,
                basis=key.basis,
                period_start=built.starts[column],
                period_label=series_.period_label(built.starts[column], key.resolution),
                method=method.name,
                method_version=method.reference,
                parameters=control,
                observed=float(built.counts[k, column]),
                expected=None if expected is None or np.isnan(expected) else expected,
                threshold=None if np.isnan(threshold) else threshold,
                snapshot={
                    "start": built.starts[0].isoformat(),
                    "resolution": key.resolution,
                    "counts": [int(c) for c in built.counts[k, : column + 1]],
                },
                raised_at=raised,
                verify_by=raised + dt.timedelta(hours=plan.verification_hours),
                is_synthetic=synthetic,
            )
        )
    _store(found, result)
    return result


def _stored_in(plan: Plan, built, first: dt.date, last: dt.date, within: str) -> list[Signal]:
    """The plan's stored signals in the periods `first`..`last`; a series they sit on that has no
    data now is added to `built` as zeros (its cases were taken back), so that it is detected again."""
    stored = Signal.objects.filter(
        source=plan.source,
        code__in=plan.codes,
        method=plan.method,
        resolution=plan.resolution,
        period_start__gte=series_.period_start(first, plan.resolution),
        period_start__lte=last,
    ).select_related("division")
    if within:
        stored = stored.filter(division__path__startswith=within)
    stored = [s for s in stored if s.division.level == plan.level]
    known = set(built.keys)
    missing = []
    for signal in stored:
        key = series_.SeriesKey(
            signal.source, signal.code, signal.division.path, signal.resolution, signal.basis
        )
        if key not in known:
            known.add(key)
            missing.append(key)
            built.divisions.setdefault(key.division_path, signal.division)
    if missing:
        built.keys.extend(missing)
        built.counts = np.vstack([built.counts, np.zeros((len(missing), len(built.starts)))])
    return stored


def _refresh(stored, built, detection, monitored_from: int, control: dict, method: Method, result) -> None:
    index = {key: k for k, key in enumerate(built.keys)}
    changed = []
    for signal in stored:
        k = index[
            series_.SeriesKey(
                signal.source, signal.code, signal.division.path, signal.resolution, signal.basis
            )
        ]
        column = built.starts.index(signal.period_start)
        j = column - (monitored_from - 1)
        if j < 0:
            continue
        expected = None if detection.expected is None else float(detection.expected[k, j])
        threshold = float(detection.upperbound[k, j])
        figures = {
            "observed": float(built.counts[k, column]),
            "expected": None if expected is None or np.isnan(expected) else expected,
            "threshold": None if np.isnan(threshold) else threshold,
            "snapshot": {
                "start": built.starts[0].isoformat(),
                "resolution": signal.resolution,
                "counts": [int(c) for c in built.counts[k, : column + 1]],
            },
            "parameters": json.loads(json.dumps(control)),  # as the JSON field gives it back
            "method_version": method.reference,
        }
        before = {name: getattr(signal, name) for name in FIGURES}
        if before == figures:
            continue
        for name, value in figures.items():
            setattr(signal, name, value)
        changed.append(signal)
        result.refreshed.append((signal, before))
    if changed:
        Signal.objects.bulk_update(changed, list(FIGURES))


@transaction.atomic
def _store(found: list[Signal], result: RunResult) -> None:
    """Insert new signals; a re-run of the same series, period and method updates the figures of the
    stored one (late cases arrived) and keeps its status and history."""
    if not found:
        return
    existing = {
        (s.source, s.code, s.division_id, s.resolution, s.basis, s.period_start, s.method): s
        for s in Signal.objects.filter(
            method__in={f.method for f in found},
            period_start__gte=min(f.period_start for f in found),
            period_start__lte=max(f.period_start for f in found),
            code__in={f.code for f in found},
        )
    }
    new, changed = [], []
    for signal in found:
        key = (
            signal.source,
            signal.code,
            signal.division_id,
            signal.resolution,
            signal.basis,
            signal.period_start,
            signal.method,
        )
        stored = existing.get(key)
        if stored is None:
            new.append(signal)
            existing[key] = signal
        elif (stored.observed, stored.threshold) != (signal.observed, signal.threshold):
            stored.observed, stored.expected, stored.threshold = (
                signal.observed,
                signal.expected,
                signal.threshold,
            )
            stored.snapshot, stored.parameters, stored.method_version = (
                signal.snapshot,
                signal.parameters,
                signal.method_version,
            )
            changed.append(stored)
    created = Signal.objects.bulk_create(new)
    if changed:
        Signal.objects.bulk_update(
            changed, ["observed", "expected", "threshold", "snapshot", "parameters", "method_version"]
        )
    result.created.extend(s.pk for s in created)  # SQLite ≥ 3.35 and PostgreSQL return the ids
    result.updated += len(changed)


def replay(signal: Signal):
    """Run the signal's method again on its snapshot: (alarm, upper bound) of its period."""
    counts = np.array([signal.snapshot["counts"]], dtype=np.float64)
    method = method_named(signal.method)
    n = counts.shape[1]
    detection = method.run(counts, n, n, **method.check_control(signal.parameters))
    return bool(detection.alarm[0, 0]), float(detection.upperbound[0, 0])


def scan(
    first: dt.date,
    last: dt.date,
    *,
    sources=None,
    codes=None,
    within: str = "",
    synthetic=False,
    refresh=False,
):
    """Every plan over `first`..`last`, then the multi-point trigger rules: {plan: RunResult}."""
    from tixi.surveillance.triggers import evaluate_rules

    results = {}
    for plan in plans_for(sources, codes):
        results[plan] = run_plan(plan, first, last, within=within, synthetic=synthetic, refresh=refresh)
    evaluate_rules(first - dt.timedelta(days=14), last)
    return results


def detect_touched(source: str, rows, *, refresh: bool = False) -> dict:
    """After new data: the touched codes and dates of `rows` ((code, date) pairs) are scanned again."""
    rows = list(rows)
    if not rows:
        return {}
    codes = {code for code, _day in rows}
    days = [day for _code, day in rows]
    return scan(min(days), max(days), sources={source}, codes=codes, refresh=refresh)


def detect_for_cases(reports) -> dict:
    return detect_touched(CASES, [(r.disease_code, r.report_date) for r in reports])


def detect_for_counts(counts) -> dict:
    by_channel = defaultdict(list)
    for row in counts:
        by_channel[row.channel].append((row.category, row.date))
    results = {}
    for channel, rows in by_channel.items():
        results.update(detect_touched(channel, rows))
    return results
