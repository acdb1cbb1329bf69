"""Writes with rules in data exchange: one function each, called by the page, the API, the import and
the command line alike (views and serializers parse input and call them)."""

from django.db import transaction
from django.utils.translation import gettext as _

from tixi.exchange.approval import hold_lock_rows, locked_cells, refuse_if_locked
from tixi.exchange.validation import check_reports, refuse_blocking
from tixi.registry.models import InstitutionYear


@transaction.atomic
def save_yearly_report(report: InstitutionYear) -> list[str]:
    """Save an institution's yearly report, or refuse it with a ValidationError: its division's data
    of the year is approved (locked), or a blocking validation rule fails. Returns the warnings of
    the other rules. The lock is read inside the transaction that writes, after taking the row locks
    an approval takes (`hold_lock_rows`), so an approval cannot slip in between the check and the save."""
    refuse_if_locked(report.division.path, report.year)
    warnings = refuse_blocking(report)
    report.save()
    return warnings


def locked_message(year: int) -> str:
    return _("The data of %(year)s is approved and locked; ask the level above to return it.") % {
        "year": year
    }


def refused_reports(reports: list[InstitutionYear]) -> list[tuple[int, str]]:
    """(index, message) of each report that may not be saved: its division's year is approved
    (locked), or it breaks a blocking validation rule. One query and one vectorised rule check for
    any number of reports: what bulk writes (the DHIS2 import) call inside their transaction."""
    hold_lock_rows({r.division.path for r in reports})  # until the caller's transaction commits
    locked = locked_cells((r.division.path, r.year) for r in reports)
    problems = [
        (i, locked_message(r.year)) for i, r in enumerate(reports) if (r.division.path, r.year) in locked
    ]
    problems += [(i, message) for i, message, blocking in check_reports(reports) if blocking]
    return problems
