"""Writes with rules in data exchange: one function each, called by the page, the API, the import and
the command line alike (views and serializers parse input and call them)."""

from django.db import transaction

from tixi.exchange.approval import hold_lock_rows, locked_cells, locked_message, refuse_if_locked
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


def refused_rows(rows, year_of=lambda row: row.year, rules: bool = True) -> list[tuple[int, str]]:
    """(index, message) of each row that may not be written: its division's year is approved (locked),
    or (`rules`: rows are yearly reports) it breaks a blocking validation rule. One query and one
    vectorised rule check for any number of rows. Inside a transaction it first takes the row locks an
    approval takes (`hold_lock_rows`), held until the caller commits, as `save_yearly_report` does for
    one report: the import's preview, its write, and the DHIS2 load call this, so the rule is written once."""
    hold_lock_rows({r.division.path for r in rows})
    locked = locked_cells((r.division.path, year_of(r)) for r in rows)
    problems = [
        (i, locked_message(year_of(r))) for i, r in enumerate(rows) if (r.division.path, year_of(r)) in locked
    ]
    if rules:
        problems += [(i, message) for i, message, blocking in check_reports(rows) if blocking]
    return problems


def refused_reports(reports: list[InstitutionYear]) -> list[tuple[int, str]]:
    """What the DHIS2 import calls inside its transaction for the yearly reports it writes."""
    return refused_rows(reports)
