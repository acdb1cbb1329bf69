"""The lifecycle of a signal, one action per step (pages, API and CLI call it): verification within
its deadline (2 h fixed-threshold, 24 h temporal), then discarded / monitored / suspected event →
investigation → response → closed. Only the allowed steps; each one recorded (who, when, note)."""

import statistics

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tixi.accounts import audit
from tixi.accounts.permissions import Capability, require
from tixi.surveillance.detection import now
from tixi.surveillance.models import Signal, SignalStatus, SignalStep
from tixi.surveillance.series import ancestor

S = SignalStatus
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.PENDING: (S.DISCARDED, S.MONITORED, S.SUSPECTED),  # verification
    S.MONITORED: (S.DISCARDED, S.SUSPECTED, S.CLOSED),
    S.SUSPECTED: (S.DISCARDED, S.INVESTIGATING),
    S.INVESTIGATING: (S.RESPONDING, S.CLOSED),
    S.RESPONDING: (S.CLOSED,),
    S.DISCARDED: (),
    S.CLOSED: (),
}


def next_steps(signal: Signal) -> tuple[str, ...]:
    return TRANSITIONS[signal.status]


@transaction.atomic
def move(signal: Signal, to_status: str, user, note: str = "", at=None) -> Signal:
    """Move a signal one step: the user's role may verify signals and the signal is in their scope;
    the step is allowed from the signal's status (read again under a lock)."""
    require(user, Capability.VERIFY_SIGNALS)
    if not Signal.objects.visible_to(user).filter(pk=signal.pk).exists():
        raise PermissionDenied(_("This signal is outside your scope."))
    locked = Signal.objects.select_for_update().get(pk=signal.pk)
    if to_status not in S.values:
        raise ValidationError({"status": _("Not a status of a signal.")})
    if to_status not in TRANSITIONS[locked.status]:
        raise ValidationError(
            {
                "status": _("A signal that is “%(from)s” cannot become “%(to)s”.")
                % {"from": S(locked.status).label, "to": S(to_status).label}
            }
        )
    if to_status == S.DISCARDED and not note.strip():
        raise ValidationError({"note": _("Say why the signal is discarded.")})
    at = at or now()
    before = {"status": locked.status}
    step = SignalStep.objects.create(
        signal=locked,
        from_status=locked.status,
        to_status=to_status,
        at=at,
        user=user,
        username=user.get_username(),
        note=note.strip(),
    )
    if locked.status == S.PENDING:
        locked.verified_at, locked.verified_by = at, user
    locked.status = to_status
    locked.save(update_fields=["status", "verified_at", "verified_by"])
    with audit.acting_as(user):
        audit.record_rows(
            "surveillance.Signal",
            _("signal step %(step)s") % {"step": step.pk},
            [
                (
                    locked.pk,
                    str(locked),
                    before,
                    {"status": to_status, "note": step.note},
                    locked.division.path,
                )
            ],
        )
    return locked


def timeliness(signals, at=None) -> list[dict]:
    """Per county: signals, those verified, verified within their deadline (the rate counts every
    signal whose deadline has passed or that is verified), overdue, median hours to verification."""
    at = at or now()
    by_county: dict[str, dict] = {}
    for signal in signals.select_related("division"):
        county = ancestor(signal.division.path, 3) or signal.division.path
        row = by_county.setdefault(
            county, {"path": county, "signals": 0, "due": 0, "on_time": 0, "overdue": 0, "hours": []}
        )
        row["signals"] += 1
        if signal.verified_at is not None:
            row["due"] += 1
            row["on_time"] += signal.verified_at <= signal.verify_by
            row["hours"].append((signal.verified_at - signal.raised_at).total_seconds() / 3600)
        elif signal.verify_by < at:
            row["due"] += 1
            row["overdue"] += 1
    rows = []
    for row in sorted(by_county.values(), key=lambda r: r["path"]):
        hours = row.pop("hours")
        row["verified"] = len(hours)
        row["on_time_rate"] = row["on_time"] / row["due"] if row["due"] else None
        row["median_hours"] = statistics.median(hours) if hours else None
        rows.append(row)
    return rows
