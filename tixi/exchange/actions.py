"""Writes with rules in data exchange: one function each, called by the page, the API, the import and
the command line alike (views and serializers parse input and call them)."""

from django.db import transaction

from tixi.exchange.approval import refuse_if_locked
from tixi.exchange.validation import refuse_blocking
from tixi.registry.models import InstitutionYear


@transaction.atomic
def save_yearly_report(report: InstitutionYear) -> list[str]:
    """Save an institution's yearly report, or refuse it with a ValidationError: its division's data
    of the year is approved (locked), or a blocking validation rule fails. Returns the warnings of
    the other rules. The lock is read inside the transaction that writes, so an approval cannot
    slip in between the check and the save."""
    refuse_if_locked(report.division.path, report.year)
    warnings = refuse_blocking(report)
    report.save()
    return warnings
