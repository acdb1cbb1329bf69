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
    # the divisions of the institutions in scope: where their plans and tasks come from
    institution_paths: tuple[str, ...] = ()

    def covers_path(self, path: str) -> bool:
        return self.unrestricted or any(path.startswith(p) for p in self.paths)

    def covers_institution(self, institution) -> bool:
        return (
            self.unrestricted
            or institution.pk in self.institution_ids
            or self.covers_path(institution.division.path)
        )

    def ancestor_paths(self) -> set[str]:
        """Every division above or at a scope path or an institution's division: a county sees the
        city's and the province's plans, since they assign it work."""
        found = set()
        for path in (*self.paths, *self.institution_paths):
            parts = path.rstrip("/").split("/")
            found.update("/".join(parts[:n]) + "/" for n in range(1, len(parts) + 1))
        return found


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
        institutions = list(user.scope_institutions.values_list("pk", "division__path"))
        scope = Scope(
            paths=tuple(user.scope_divisions.values_list("path", flat=True)),
            institution_ids=tuple(pk for pk, _path in institutions),
            institution_paths=tuple(path for _pk, path in institutions),
        )
    user._tixi_scope = scope
    return scope


class ScopedQuerySet(models.QuerySet):
    """Querysets declare `scope_path_field` and, optionally, `scope_institution_field`.

    `scope_reaches_up`: rows of divisions above the scope are visible too (plans, their tasks and
    units: what a higher level assigns to a county is the county's business).
    `scope_member_field`: rows linked to the user through this path (unit members) are visible too.
    """

    scope_path_field: str | None = None
    scope_institution_field: str | None = None
    scope_reaches_up: bool = False
    scope_member_fields: tuple[str, ...] = ()

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
        if self.scope_reaches_up and (above := scope.ancestor_paths()):
            conditions.append(Q(**{f"{self.scope_path_field}__in": sorted(above)}))
        if self.scope_member_fields and user.is_authenticated and user.is_active:
            members = reduce(or_, (Q(**{field: user.pk}) for field in self.scope_member_fields))
            # a subquery, so the member joins do not repeat rows
            conditions.append(Q(pk__in=self.model._default_manager.filter(members).values("pk")))
        if not conditions:
            return self.none()
        return self.filter(reduce(or_, conditions))
