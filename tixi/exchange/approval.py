"""Approval of a year's data, level by level (township → county → city), and the lock it puts on it."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from tixi.accounts.permissions import Capability, can
from tixi.accounts.scope import scope_of
from tixi.exchange.models import Approval
from tixi.geo.models import Division, ancestor_paths, subtree_filter
from tixi.registry.models import Institution, InstitutionYear

LEAF_LEVEL = 4  # townships approve first


def approved_paths(year: int) -> list[str]:
    return list(
        Approval.objects.filter(year=year, status=Approval.Status.APPROVED).values_list(
            "division_path", flat=True
        )
    )


def hold_lock_rows(paths) -> None:
    """Row locks (SELECT ... FOR UPDATE; a no-op on SQLite, whose writes are serialised anyway) on the
    divisions whose approval would lock data at `paths`: each division and every one above it.
    `approve` locks the division it signs off, so a save that holds these locks until it commits and
    an approval of any division above it run one after the other: the approval cannot land between
    the save's check of the lock and its write (an approval inserts a new row, which locking
    existing approval rows would not stop)."""
    if not transaction.get_connection().in_atomic_block:
        return  # no transaction: nothing to hold the lock until (and PostgreSQL would refuse FOR UPDATE)
    above = sorted({a for path in paths for a in ancestor_paths(path, include_self=True)})
    list(Division.objects.select_for_update().filter(path__in=above).order_by("pk").values_list("pk"))


def is_locked(path: str, year: int, paths: list[str] | None = None) -> bool:
    """Data of a division (or an institution in it) is locked once it or an ancestor is approved."""
    paths = approved_paths(year) if paths is None else paths
    return any(path.startswith(p) for p in paths)


def refuse_if_locked(path: str, year: int) -> None:
    """Inside the caller's transaction: locks the rows an approval of `path` would take, then reads."""
    hold_lock_rows([path])
    if is_locked(path, year):
        raise ValidationError(locked_message(year))


def locked_message(year: int) -> str:
    return _("The data of %(year)s is approved and locked; ask the level above to return it.") % {
        "year": year
    }


def children(division: Division, year: int):
    return Division.objects.valid_in(year).filter(parent__path=division.path).filter(level__lte=LEAF_LEVEL)


def _check_user(user, division):
    if not (can(user, Capability.APPROVE) and scope_of(user).covers_path(division.path)):
        raise ValidationError(_("You may not sign off data outside your scope."))


@transaction.atomic
def approve(division: Division, year: int, user) -> Approval:
    _check_user(user, division)
    hold_lock_rows([division.path])  # waits for a save that checked the lock below, and holds it off
    if division.level < LEAF_LEVEL:
        pending = [
            c.display_name
            for c in children(division, year)
            if not Approval.objects.filter(division=c, year=year, status=Approval.Status.APPROVED).exists()
        ]
        if pending:
            raise ValidationError(
                _("Not yet approved below: %(names)s.") % {"names": "、".join(pending[:10])}
            )
    approval, _created = Approval.objects.update_or_create(
        division=division,
        year=year,
        defaults={
            "status": Approval.Status.APPROVED,
            "by": user,
            "reason": "",
            "division_path": division.path,
        },
    )
    return approval


@transaction.atomic
def send_back(division: Division, year: int, user, reason: str) -> Approval:
    """The level above returns a division's approved data, with a reason; it is unlocked."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the data is returned.")})
    parent = division.parent
    if parent is None:
        raise ValidationError(_("The top division has no level above to return it."))
    _check_user(user, parent)
    if is_locked(parent.path, year):
        raise ValidationError(_("The level above is approved itself; it must be returned first."))
    approval = Approval.objects.filter(division=division, year=year, status=Approval.Status.APPROVED).first()
    if approval is None:
        raise ValidationError(_("This division's data is not approved."))
    approval.status, approval.by, approval.reason = Approval.Status.RETURNED, user, reason.strip()[:200]
    approval.save()
    return approval


def completeness(division: Division, year: int) -> list[dict]:
    """Expected yearly reports (institutions open that year) and received ones, per child division."""
    rows = children(division, year)
    length = len(division.path) + 13
    expected = dict(
        Institution.objects.open_in(year)
        .filter(subtree_filter("division__path", division.path))
        .annotate(prefix=Substr("division__path", 1, length))
        .values_list("prefix")
        .annotate(n=Count("id"))
        .order_by()
    )
    deadline = dt.datetime(year + 1, 3, 31, 23, 59, tzinfo=dt.UTC)  # yearly reports are due by 31 March
    received, on_time = {}, {}
    for prefix, n, late in (
        InstitutionYear.objects.filter(year=year)
        .filter(subtree_filter("division_path", division.path))
        .annotate(prefix=Substr("division_path", 1, length))
        .values_list("prefix")
        .annotate(n=Count("id"), late=Count("id", filter=Q(reported_at__gt=deadline)))
        .order_by()
    ):
        received[prefix], on_time[prefix] = n, n - late  # reports loaded before Tixi count as on time
    states = {
        a.division_id: a
        for a in Approval.objects.filter(year=year).filter(Q(division__in=list(rows)) | Q(division=division))
    }
    result = []
    for child in rows:
        e, r = expected.get(child.path, 0), received.get(child.path, 0)
        result.append(
            {
                "division": child,
                "expected": e,
                "received": r,
                "share": round(100 * min(r, e) / e, 1) if e else None,
                "on_time_share": round(100 * on_time.get(child.path, 0) / r, 1) if r else None,
                "approval": states.get(child.id),
            }
        )
    return result


def state_of(path: str, year: int) -> dict | None:
    """What data pages show of a division's (or an institution's) approval for a year: approved and
    locked (by the nearest approved level, who and when), returned (with the reason), or nothing."""
    states = list(
        Approval.objects.filter(
            year=year, division_path__in=ancestor_paths(path, include_self=True)
        ).select_related("division", "by")
    )
    approved = [a for a in states if a.status == Approval.Status.APPROVED]
    if approved:
        nearest = max(approved, key=lambda a: len(a.division_path))
        return {"locked": True, "status": nearest.status, "approval": nearest}
    returned = [a for a in states if a.division_path == path and a.status == Approval.Status.RETURNED]
    if returned:
        return {"locked": False, "status": returned[0].status, "approval": returned[0]}
    return None


def locked_cells(cells) -> set[tuple[str, int]]:
    """Of (division path, year) pairs, those an approval locks (one query for all)."""
    cells = set(cells)
    approved: dict[int, list[str]] = {}
    for path, year in Approval.objects.filter(
        year__in={y for _p, y in cells}, status=Approval.Status.APPROVED
    ).values_list("division_path", "year"):
        approved.setdefault(year, []).append(path)
    return {(p, y) for p, y in cells if any(p.startswith(a) for a in approved.get(y, ()))}
