"""Writes to the registry with rules of their own, one function each, used by the admin, pages and
commands alike."""

from django.db import transaction

from tixi.accounts import audit
from tixi.geo.models import common_path


def delete_yearly_reports(reports, scope: str) -> int:
    """Delete yearly reports (an `InstitutionYear` queryset) in a constant number of queries, however
    many: one read of what is deleted, one DELETE, and ONE audit entry naming the count, the scope
    (`scope`: what was chosen, in words) and the rows (their keys, institutions and years), under the
    division all of them lie in. Nothing refers to a yearly report, so no cascade is skipped."""
    from tixi.registry.models import InstitutionYear

    assert reports.model is InstitutionYear
    # a row referring to a yearly report would need the collector (and its per-row signals)
    assert not InstitutionYear._meta.related_objects, "yearly reports are now referred to: use the collector"
    with transaction.atomic():
        rows = list(
            reports.order_by("pk")
            .select_for_update()
            .values_list("pk", "institution__code", "year", "division_path")
        )
        if not rows:
            return 0
        pks = [r[0] for r in rows]
        deleted = InstitutionYear.objects.filter(pk__in=pks)
        count = deleted._raw_delete(deleted.db)
        years = sorted({r[2] for r in rows})
        audit.record_bulk(
            InstitutionYear._meta.label,
            f"deleted {count} yearly reports: {scope}",
            count,
            action="delete",
            scope=scope,
            years=years,
            deleted=[[pk, code, year] for pk, code, year, _path in rows],
            division_path=common_path(r[3] for r in rows),
        )
    return count
