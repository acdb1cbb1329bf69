"""Detection runs on every new data: an applied import of case reports or channel counts scans the
series its rows entered and the series its updated rows left (another disease, date or place),
synchronously, in the import's transaction; the signals stored there take the figures of the data as
it is now (each change audited with the import's note), and the signals it raised carry the import's
id. Undoing the import removes those signals, in the undo's transaction, with an audit entry each,
and the compound signals that no longer have enough components; the series of the rows it had updated
(given back their values) are scanned again in the same way."""

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from tixi.surveillance.detection import FIGURES, detect_touched
from tixi.surveillance.models import CASES, CaseReport, ChannelCount, CompoundSignal, Signal

TABLES = ("case_reports", "channel_counts")


def after_import(sender, instance, **kwargs):
    if instance.table not in TABLES:
        return
    if instance.status == "undone":
        remove_signals_of_import(instance.pk, instance.undone_by)
        rescan_updated_rows(instance)
        return
    if instance.status != "applied":
        return
    rescan_imported_rows(instance)


@transaction.atomic
def remove_signals_of_import(batch_pk: int, user=None) -> tuple[int, int]:
    """Delete the signals raised by import `batch_pk` (their steps go with them) and the compound
    signals left with fewer components than their rule needs; one audit entry per deleted row, with
    what it was. Returns (signals, compound signals) deleted."""
    from tixi.accounts import audit
    from tixi.accounts.models import AuditEntry

    signals = list(Signal.objects.filter(raised_by_import=batch_pk).select_related("division"))
    if not signals:
        return 0, 0
    compounds = list(
        CompoundSignal.objects.filter(signals__in=signals).distinct().select_related("rule", "division")
    )
    note = _("undo of import #%(batch)s") % {"batch": batch_pk}
    entries = [
        (
            "surveillance.Signal",
            s.pk,
            str(s),
            {
                "status": s.status,
                "observed": s.observed,
                "threshold": s.threshold,
                "steps": s.steps.count(),
            },
            s.division.path,
        )
        for s in signals
    ]
    gone = {s.pk for s in signals}
    Signal.objects.filter(pk__in=gone).delete()
    dropped = 0
    for compound in compounds:
        left = {(s.source, s.code) for s in compound.signals.all()}
        wanted = {(c["source"], c["code"]) for c in compound.rule.components}
        if len(left & wanted) < compound.rule.needed:
            entries.append(
                (
                    "surveillance.CompoundSignal",
                    compound.pk,
                    str(compound),
                    {
                        "first_date": compound.first_date.isoformat(),
                        "last_date": compound.last_date.isoformat(),
                    },
                    compound.division.path,
                )
            )
            compound.delete()
            dropped += 1
    with audit.acting_as(user if user is not None else "system"):
        actor, name = audit.current_user_and_name()
        AuditEntry.objects.bulk_create(
            AuditEntry(
                user=actor,
                username=name,
                action=AuditEntry.Action.DELETE,
                model=label,
                object_pk=str(pk),
                object_repr=text[:200],
                before=before,
                after=None,
                note=note,
                division_path=path,
            )
            for label, pk, text, before, path in entries
        )
    return len(signals), dropped


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def touched_series(batch) -> dict[str, set]:
    """source -> {(code, day)}: the series the rows of `batch` sit in now, and those the other side
    of its updates names: the values an import replaced (after it is applied), or the values an
    undo took back (after it is undone)."""
    changes = batch.changes or {}
    other_side = "after" if batch.status == "undone" else "before"
    other = {change["pk"]: change.get(other_side, {}) for change in changes.get("updated", [])}
    pks = [*changes.get("inserted", []), *other]
    touched: dict[str, set] = defaultdict(set)
    if not pks:
        return touched
    if batch.table == "case_reports":
        for pk, code, day in CaseReport.objects.filter(pk__in=pks).values_list(
            "pk", "disease_code", "report_date"
        ):
            touched[CASES].add((code, day))
            if pk in other:
                moved = other[pk]
                touched[CASES].add((moved.get("disease_code", code), _day(moved.get("report_date", day))))
    else:
        for pk, channel, category, day in ChannelCount.objects.filter(pk__in=pks).values_list(
            "pk", "channel", "category", "date"
        ):
            touched[channel].add((category, day))
            if pk in other:
                moved = other[pk]
                touched[moved.get("channel", channel)].add(
                    (moved.get("category", category), _day(moved.get("date", day)))
                )
    return touched


def _rescan(touched: dict[str, set], note: str, user) -> tuple[list[int], int]:
    """Scan the touched series, refreshing the figures of the signals stored there; each refreshed
    signal audited with `note`. Returns (the new signals' ids, the number refreshed)."""
    from tixi.accounts import audit

    created, refreshed = [], []
    for source, rows in touched.items():
        for result in detect_touched(source, rows, refresh=True).values():
            created.extend(result.created)
            refreshed.extend(result.refreshed)
    if refreshed:
        with audit.acting_as(user if user is not None else "system"):
            audit.record_rows(
                "surveillance.Signal",
                note,
                [
                    (
                        signal.pk,
                        str(signal),
                        {name: before[name] for name in FIGURES if name != "snapshot"},
                        {name: getattr(signal, name) for name in FIGURES if name != "snapshot"},
                        signal.division.path,
                    )
                    for signal, before in refreshed
                ],
            )
    return created, len(refreshed)


@transaction.atomic
def rescan_imported_rows(batch) -> int:
    """After an import: scan the series its rows entered and those its updated rows left, so that a
    signal whose counts went up or down (a case moved to another disease, date or place) follows
    the data; the signals raised carry the import's id. Returns the signals whose figures changed."""
    created, refreshed = _rescan(
        touched_series(batch), _("import #%(batch)s") % {"batch": batch.pk}, batch.user
    )
    Signal.objects.filter(pk__in=created).update(raised_by_import=batch.pk)
    return refreshed


@transaction.atomic
def rescan_updated_rows(batch) -> int:
    """After the undo gave the rows `batch` updated their values back: scan again the series they
    sit in now and the series the import had moved them to, refreshing the figures of the signals
    stored there (audited with the undo's note). Returns the signals whose figures changed."""
    if not (batch.changes or {}).get("updated"):
        return 0
    # the inserted rows are gone: only the updated ones are read back
    return _rescan(
        touched_series(batch), _("undo of import #%(batch)s") % {"batch": batch.pk}, batch.undone_by
    )[1]
