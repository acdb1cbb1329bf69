"""Materialised paths stay true when a division's code or parent changes.

A division's path is its ancestors' codes and its own ("510000000000/510400000000/"). Rows of other
apps copy the path of the division they name (`division_path` beside a `division` foreign key: the
yearly reports, approvals, validation findings), so that subtree queries need no join. When a
division's path changes, the paths of every division below it (followed by their parent links, so
other versions of the same code are left alone) and of every row that names one of them are
rewritten in the same transaction; the resource cube follows through its triggers."""

from django.apps import apps
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Concat


def path_carriers(division_model) -> list:
    """Models that copy a division's path: a `division` foreign key to Division and a `division_path`."""
    found = []
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields()}
        if {"division", "division_path"} <= names and model._meta.get_field(
            "division"
        ).related_model is division_model:
            found.append(model)
    return found


def rewrite_below(division) -> int:
    """Rewrite the paths under `division` (already saved with its new path) and of the rows that carry
    them; returns the number of divisions rewritten below it. A query per level, whatever its size."""
    Division = type(division)
    parent_path = Subquery(Division.objects.filter(pk=OuterRef("parent_id")).values("path")[:1])
    own_path = Subquery(Division.objects.filter(pk=OuterRef("division_id")).values("path")[:1])
    carriers = path_carriers(Division)
    for model in carriers:
        model.objects.filter(division=division).update(division_path=Value(division.path))
    rewritten, level = 0, [division.pk]
    while level:
        Division.objects.filter(parent_id__in=level).update(path=Concat(parent_path, F("code"), Value("/")))
        level = list(Division.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        rewritten += len(level)
        for model in carriers:
            model.objects.filter(division_id__in=level).update(division_path=own_path)
    return rewritten
