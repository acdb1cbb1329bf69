"""Entries written before the division_path column get the path of the row they record, where that
row still exists (as tixi.accounts.audit.division_path_of finds it at write time); the others stay
without one (their division is no longer known). The apps are looked up by label, so that accounts
names no app above it; rows of an app not yet migrated are left for a later run of this function."""

from django.db import migrations

CHUNK = 2000


def path_lookup(model) -> str | None:
    """The lookup that gives a row's division path, or None for rows of no division."""
    if model._meta.label == "geo.Division":
        return "path"
    fields = {f.name: f for f in model._meta.concrete_fields}
    if "division_path" in fields:
        return "division_path"
    for name, lookup in (("division", "division__path"), ("institution", "institution__division__path"), ("region", "region__path")):
        if name in fields and fields[name].is_relation:
            return lookup
    return None


def backfill(apps, schema_editor=None) -> int:
    AuditEntry = apps.get_model("accounts", "AuditEntry")
    pending = AuditEntry.objects.filter(division_path="").exclude(object_pk="")
    filled = 0
    for label in sorted(set(pending.values_list("model", flat=True))):
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            continue
        lookup = path_lookup(model)
        if lookup is None:
            continue
        of_model = pending.filter(model=label)
        keys = sorted({k for k in of_model.values_list("object_pk", flat=True) if k.isdigit()}, key=int)
        for start in range(0, len(keys), CHUNK):
            chunk = [int(k) for k in keys[start : start + CHUNK]]
            by_path: dict[str, list[str]] = {}
            for pk, path in model.objects.filter(pk__in=chunk).values_list("pk", lookup):
                if path:
                    by_path.setdefault(path[:160], []).append(str(pk))
            for path, pks in by_path.items():
                filled += of_model.filter(object_pk__in=pks).update(division_path=path)
    return filled


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_audit_idle_logout"),
        ("geo", "0001_initial"),
        ("registry", "0005_resource_cube"),
        ("indicators", "0005_indicator_versions"),
        ("exchange", "0003_import_batch_division"),
        ("ledger", "0003_task_links_project_progress"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
