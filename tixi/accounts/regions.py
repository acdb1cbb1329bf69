"""Where a list opens: on the user's home region (the first division of their scope), with a way to
widen it to everything they may see (`?region=all`) or to move to another region of their scope
(`?region=<code>`). One helper for every list (institutions, imports, data values, plans, tasks,
projects, the audit trail), so that each one reads the choice the same way."""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q

from tixi.accounts.scope import PATH_END, scope_of

ALL = "all"
PARAMETER = "region"


@dataclass(frozen=True)
class ListRegion:
    code: str  # "" when the list shows everything the user may see
    name: str
    path: str
    choices: tuple[tuple[str, str], ...] = ()  # (code, name) of the regions of the user's scope
    user_id: int | None = None  # rows the user is a member of (a task of their unit) stay in view

    @property
    def widened(self) -> bool:
        return not self.path

    def ancestor_paths(self) -> list[str]:
        parts = self.path.rstrip("/").split("/")
        return ["/".join(parts[:n]) + "/" for n in range(1, len(parts))]


def list_region(request) -> ListRegion:
    """The region the request's list shows: the one it names among the user's scope, everything
    for `all`, else the user's home region (a user without divisions in scope sees everything).
    Read once per request (a view and its template both ask)."""
    cached = getattr(request, "_list_region", None)
    if cached is None:
        cached = request._list_region = _list_region(request)
    return cached


def _list_region(request) -> ListRegion:
    user = request.user
    regions = (
        # (code, name in the reader's language: Division.display_name, path)
        [(d.code, d.display_name, d.path) for d in user.scope_divisions.order_by("level", "path")]
        if getattr(user, "is_authenticated", False)
        else []
    )
    choices = tuple((code, name) for code, name, _path in regions)
    asked = request.GET.get(PARAMETER, "")
    if asked == ALL or not regions:
        return ListRegion("", "", "", choices)
    code, name, path = next((r for r in regions if r[0] == asked), regions[0])
    return ListRegion(code, name, path, choices, user.pk)


def in_region(queryset, region: ListRegion, field: str | None = None, reaches_up: bool | None = None):
    """The rows of `queryset` within the region. `field` is the row's division path (by default the
    queryset's scope field); where rows reach up (plans, tasks: what a city assigns to its
    counties), the plans and tasks of the divisions above the region count as its own."""
    if region.widened:
        return queryset
    field = field or queryset.scope_path_field
    within = Q(**{f"{field}__gte": region.path, f"{field}__lt": region.path + PATH_END})
    if reaches_up if reaches_up is not None else getattr(queryset, "scope_reaches_up", False):
        within |= Q(**{f"{field}__in": region.ancestor_paths()})
    members = getattr(queryset, "scope_member_fields", ())
    if members and region.user_id is not None:
        mine = reduce(or_, (Q(**{name: region.user_id}) for name in members))
        within |= Q(pk__in=queryset.model._default_manager.filter(mine).values("pk"))
    return queryset.filter(within)


def work_in(queryset, region: ListRegion, user):
    """Of the rows a list shows, the region's own work: the rows of the region's divisions, and of
    the rows reached from above (a city plan's tasks), those in which one of the region's units takes
    part (`scope_work_fields`: the lead and cooperating units' divisions) or the user's own unit does.
    A county's ledger is the work of its units, not the whole city plan, which stays readable by its
    plan. On `?region=all` the region is the user's scope."""
    fields = getattr(queryset, "scope_work_fields", ())
    if not fields:
        return queryset
    if region.widened:
        scope = scope_of(user)
        if scope.unrestricted:
            return queryset
        paths = scope.paths
    else:
        paths = (region.path,)
    own = queryset.scope_path_field
    conditions = [
        Q(**{f"{field}__gte": path, f"{field}__lt": path + PATH_END})
        for field in (own, *fields)
        for path in paths
    ]
    if getattr(user, "is_authenticated", False):
        conditions += [Q(**{name: user.pk}) for name in getattr(queryset, "scope_member_fields", ())]
    if not conditions:
        return queryset.none()
    # a subquery, so the unit joins do not repeat rows
    return queryset.filter(
        pk__in=queryset.model._default_manager.filter(reduce(or_, conditions)).values("pk")
    )
