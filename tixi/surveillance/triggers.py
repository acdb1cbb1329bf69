"""Multi-point trigger (智慧化多点触发): rules as data combine the alarms of several channels in one
place within a few days into a compound signal, merged with the compound signal of the same rule and
place that it overlaps, so that one outbreak is one compound signal however often it is scanned."""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Q

from tixi.surveillance.detection import now
from tixi.surveillance.models import CompoundSignal, Signal, TriggerRule
from tixi.surveillance.series import _divisions, ancestor


def _hits(signals: list[Signal], rule: TriggerRule) -> list[tuple[dt.date, dt.date, list[Signal]]]:
    """Windows of `window_days` days that hold alarms of enough of the rule's components, merged
    where they overlap: (first day, last day, the signals) per merged window."""
    wanted = {(c["source"], c["code"]) for c in rule.components}
    span = dt.timedelta(days=rule.window_days - 1)
    signals = sorted(signals, key=lambda s: s.period_start)
    found = []
    for i, anchor in enumerate(signals):
        inside = [s for s in signals[i:] if s.period_start <= anchor.period_start + span]
        components = {(s.source, s.code) for s in inside} & wanted
        if len(components) >= rule.needed:
            found.append((anchor.period_start, max(s.period_start for s in inside), inside))
    merged: list[tuple[dt.date, dt.date, list[Signal]]] = []
    for first, last, inside in found:
        if merged and first <= merged[-1][1]:
            previous = merged[-1]
            members = {s.pk: s for s in [*previous[2], *inside]}
            merged[-1] = (previous[0], max(previous[1], last), list(members.values()))
        else:
            merged.append((first, last, inside))
    return merged


@transaction.atomic
def evaluate_rules(first: dt.date, last: dt.date, rules=None) -> list[CompoundSignal]:
    """Apply every rule to the signals of `first`..`last` (plus a window before); returns the compound
    signals created or extended."""
    touched = []
    for rule in rules if rules is not None else TriggerRule.objects.all():
        condition = Q(pk__in=[])
        for component in rule.components:
            condition |= Q(source=component["source"], code=component["code"])
        span = dt.timedelta(days=rule.window_days - 1)
        signals = list(
            Signal.objects.filter(
                condition, period_start__gte=first - span, period_start__lte=last
            ).select_related("division")
        )
        by_place = defaultdict(list)
        for signal in signals:
            place = ancestor(signal.division.path, rule.place_level)
            if place is not None:
                by_place[place].append(signal)
        places = _divisions(set(by_place))
        for path, members in sorted(by_place.items()):
            if path not in places:
                continue
            for start, end, inside in _hits(members, rule):
                touched.append(_merge(rule, places[path], start, end, inside, span))
    return touched


def _merge(rule, place, start, end, inside, span) -> CompoundSignal:
    compound = (
        CompoundSignal.objects.filter(
            rule=rule, division=place, first_date__lte=end + span, last_date__gte=start - span
        )
        .order_by("first_date")
        .first()
    )
    if compound is None:
        compound = CompoundSignal.objects.create(
            rule=rule,
            division=place,
            first_date=start,
            last_date=end,
            warning_type=rule.warning_type,
            risk_level=rule.risk_level,
            raised_at=now(),
        )
    elif start < compound.first_date or end > compound.last_date:
        compound.first_date, compound.last_date = (
            min(start, compound.first_date),
            max(end, compound.last_date),
        )
        compound.save(update_fields=["first_date", "last_date"])
    compound.signals.add(*inside)
    return compound
