"""The one place where a user's scope filters what they may see and change.

A scope is a set of division subtrees (materialised path prefixes) and/or institutions. Every
queryset that reaches a page, an API list, an export or a count inherits ScopedQuerySet and
declares how its rows relate to a division path and, where it applies, to an institution.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q

PATH_END = "~"


@dataclass(frozen=True)
class Scope:
    unrestricted: bool = False
    paths: tuple[str, ...] = ()
    institution_ids: tuple[int, ...] = field(default=())

    def covers_path(self, path: str) -> bool:
        return self.unrestricted or any(path.startswith(p) for p in self.paths)

    def covers_institution(self, institution) -> bool:
        return (
            self.unrestricted
            or institution.pk in self.institution_ids
            or self.covers_path(institution.division.path)
        )


EMPTY = Scope()


def scope_of(user) -> Scope:
    if user is None or not user.is_authenticated or not user.is_active:
        return EMPTY
    cached = getattr(user, "_tixi_scope", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        scope = Scope(unrestricted=True)
    else:
        scope = Scope(
            paths=tuple(user.scope_divisions.values_list("path", flat=True)),
            institution_ids=tuple(user.scope_institutions.values_list("pk", flat=True)),
        )
    user._tixi_scope = scope
    return scope


class ScopedQuerySet(models.QuerySet):
    """Querysets declare `scope_path_field` and, optionally, `scope_institution_field`."""

    scope_path_field: str | None = None
    scope_institution_field: str | None = None

    def visible_to(self, user):
        scope = scope_of(user)
        if scope.unrestricted:
            return self
        conditions = [
            Q(**{f"{self.scope_path_field}__gte": p, f"{self.scope_path_field}__lt": p + PATH_END})
            for p in scope.paths
        ]
        if self.scope_institution_field and scope.institution_ids:
            conditions.append(Q(**{f"{self.scope_institution_field}__in": scope.institution_ids}))
        if not conditions:
            return self.none()
        return self.filter(reduce(or_, conditions))
