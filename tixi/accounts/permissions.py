"""Who may do what: the one table of roles × capabilities, and the checks pages and the API use.

Scope (`tixi/accounts/scope.py`) says *where* a user acts; this table says *what* a role may do
there. Every write in pages, API, imports and DHIS2 loads asks `can(user, capability)` (or the
decorator / DRF permission below), so the rights of a role are read here and nowhere else.
README's "Roles and rights" prints the same table; `tests/security/test_role_matrix.py` checks it.
"""

from enum import StrEnum
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions as drf_permissions

from tixi.accounts.models import Role
from tixi.accounts.scope import scope_of


class Capability(StrEnum):
    EDIT_DIVISIONS = "edit_divisions"  # divisions and their population
    EDIT_REGISTRY = "edit_registry"  # institutions, yearly reports, departments, designations
    ENTER_DATA = "enter_data"  # data values, data set forms, DHIS2 loads
    IMPORT = "import"  # upload and confirm an import of one's own
    MANAGE_IMPORTS = "manage_imports"  # see and undo the imports of others within the scope
    APPROVE = "approve"  # sign off a year's data, run validation, follow up findings
    PLAN = "plan"  # the task ledger, projects and responsible units of plans in scope
    MANAGE_CATALOGUE = "manage_catalogue"  # the shared indicator catalogue (every region's scorecard)
    AUDIT = "audit"  # the audit trail page and its export
    REPORT_CASES = "report_cases"  # surveillance data: case reports and channel counts (API, import)
    VERIFY_SIGNALS = "verify_signals"  # move surveillance signals through verification to closure
    SEE_SIGNALS = "see_signals"  # read the early-warning signals (pages, API, nav link)
    EDIT_NORMS = "edit_norms"  # allocation norms of regions in scope (any region: catalogue managers)


C = Capability
RIGHTS: dict[str, frozenset[Capability]] = {
    Role.PLANNER: frozenset(
        {
            C.EDIT_DIVISIONS,
            C.EDIT_REGISTRY,
            C.ENTER_DATA,
            C.IMPORT,
            C.MANAGE_IMPORTS,
            C.APPROVE,
            C.PLAN,
            C.AUDIT,
            C.SEE_SIGNALS,
            C.EDIT_NORMS,
        }
    ),
    Role.COUNTY: frozenset(
        {C.EDIT_DIVISIONS, C.EDIT_REGISTRY, C.ENTER_DATA, C.IMPORT, C.APPROVE, C.SEE_SIGNALS}
    ),
    # institutions report their notifiable cases (网络直报), as hospitals do; the signals computed
    # from everyone's reports are the CDC's and the commission's business, not theirs
    Role.INSTITUTION: frozenset({C.EDIT_REGISTRY, C.IMPORT, C.REPORT_CASES}),
    # the CDC analyst reads, analyses and exports everything in scope; it writes surveillance data
    # and follows signals up, nothing else
    Role.CDC: frozenset({C.REPORT_CASES, C.VERIFY_SIGNALS, C.SEE_SIGNALS}),
    # the auditor reads the signals and their steps (who verified what, when), changes nothing
    Role.AUDITOR: frozenset({C.AUDIT, C.SEE_SIGNALS}),
    # a superuser may everything (`can` below); the role alone, without being a superuser, gives nothing
    Role.ADMIN: frozenset(),
}

# The catalogue is shared by every region: no role manages it by default. A superuser, or a user
# given this Django permission in the admin, is a catalogue manager.
CATALOGUE_PERMISSION = "indicators.change_indicator"

REFUSALS = {
    C.EDIT_DIVISIONS: _("Your role may not change divisions or population."),
    C.EDIT_REGISTRY: _("Your role may not change the registry."),
    C.ENTER_DATA: _("Your role may not enter data values."),
    C.IMPORT: _("Your role may not import data."),
    C.MANAGE_IMPORTS: _("Only a planner can undo an import."),
    C.APPROVE: _("Your role may not sign off or validate data."),
    C.PLAN: _("Only a planner of the commission writes the task ledger."),
    C.MANAGE_CATALOGUE: _("Only a catalogue manager may change the indicator catalogue."),
    C.AUDIT: _("Only auditors and planners read the audit trail."),
    C.REPORT_CASES: _("Only CDC analysts and institutions write surveillance data."),
    C.VERIFY_SIGNALS: _("Only CDC analysts verify and follow up signals."),
    C.SEE_SIGNALS: _("Your role does not read early-warning signals."),
    C.EDIT_NORMS: _("Only a planner of the commission or a catalogue manager writes allocation norms."),
}


def can(user, capability: Capability) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if capability == C.MANAGE_CATALOGUE:
        return user.has_perm(CATALOGUE_PERMISSION)
    if capability == C.EDIT_NORMS and user.has_perm(CATALOGUE_PERMISSION):
        return True
    return capability in RIGHTS.get(user.role, frozenset())


def may_write_norm_of(user, region_path: str) -> bool:
    """Allocation norms: a planner writes those of regions inside the scope (a 达州 planner not a
    攀枝花 norm); a catalogue manager (or a superuser) those of any region; every other role reads."""
    if can(user, C.MANAGE_CATALOGUE):
        return True
    return can(user, C.EDIT_NORMS) and scope_of(user).covers_path(region_path)


UNDO_REFUSAL = _("Only whoever made the import, or a planner of its scope, can undo it.")


def may_undo_import(user, batch, import_capability: Capability = C.IMPORT) -> bool:
    """Who may undo an import (`batch`: its `user_id` and `division_path`, the division holding all its
    rows): a planner (MANAGE_IMPORTS) any import within the scope; whoever made it, while their role
    still imports that table (`import_capability`: the table's own, e.g. REPORT_CASES) and its rows
    still lie within their scope (a county bureau that imported the wrong file). An auditor never (its
    role imports nothing); nobody logged out. Whether the import can still be undone (applied, nothing
    later depends on its rows) is the undo action's guard, not a right."""
    if not can(user, C.IMPORT) and not can(user, import_capability):
        return False
    scope = scope_of(user)
    path = batch.division_path or ""
    if can(user, C.MANAGE_IMPORTS) and (scope.covers_path(path) or batch.user_id == user.pk):
        return True
    if batch.user_id != user.pk or not can(user, import_capability):
        return False
    # an institution's staff: the rows lie at their institutions' divisions
    return scope.covers_path(path) or (
        bool(path) and any(path.startswith(p) or p.startswith(path) for p in scope.institution_paths)
    )


def can_within(user, capability: Capability, division) -> bool:
    """The capability, over a division the user's scope covers (a county planner reads the city's
    plan but does not rewrite it)."""
    scope = scope_of(user)
    return can(user, capability) and (
        scope.unrestricted or (division is not None and scope.covers_path(division.path))
    )


def require_within(user, capability: Capability, division, refusal=None) -> None:
    """PermissionDenied (403) unless `can_within`; the refusal names the role or the scope."""
    require(user, capability)
    if not can_within(user, capability, division):
        raise PermissionDenied(refusal or _("This lies outside your scope: you may read it, not change it."))


def require(user, capability: Capability) -> None:
    """PermissionDenied (403) with the reason when the user's role lacks the capability."""
    if not can(user, capability):
        raise PermissionDenied(REFUSALS[capability])


def reads_need(capability: Capability):
    """A page decorator: every method, reading included, needs the capability (403 with the reason)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            require(request.user, capability)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def writes_need(capability: Capability):
    """A page decorator: reading is open to any logged-in user, any other method needs the capability."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in drf_permissions.SAFE_METHODS:
                require(request.user, capability)
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


class CapabilityPermission(drf_permissions.BasePermission):
    """API: reading needs a login; writing needs the view's `write_capability`."""

    message = _("Your role may read but not change data.")

    def has_permission(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return False
        read_capability = getattr(view, "read_capability", None)
        if read_capability is not None and not can(request.user, read_capability):
            self.message = REFUSALS[read_capability]
            return False
        if request.method in drf_permissions.SAFE_METHODS:
            return True
        capability = getattr(view, "write_capability", None)
        if capability is None or not can(request.user, capability):
            if capability is not None:
                self.message = REFUSALS[capability]
            return False
        return True
