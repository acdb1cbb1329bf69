"""Writes of allocation norms: the one action behind the admin, the API, the import and the demo's load.

Each write is checked (the model's rules, the measure and basis in the indicator language with known
codes, a known region), allowed only to whoever may write norms of that region
(`tixi.accounts.permissions.may_write_norm_of`), kept as a revision (`NormVersion`: before, after, who,
when) and recorded in the audit trail with the region's path, so that the region's auditor reads it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tixi.accounts.audit import current_user_and_name
from tixi.accounts.models import AuditEntry
from tixi.accounts.permissions import may_write_norm_of
from tixi.core.text import digits
from tixi.geo.models import Division
from tixi.indicators.engine.expression import ExpressionError
from tixi.indicators.models import Target
from tixi.indicators.services import describe_expression
from tixi.layout.models import Norm, NormVersion, region_code

# what a writer may set; the revision is the action's own
EDITABLE = Norm.DEFINITION


def expression_message(error: ExpressionError) -> str:
    problem = _(error.message) % error.params if error.params else _(error.message)
    return _("Character %(position)s: %(problem)s") % {"position": error.position + 1, "problem": problem}


def region_of(norm: Norm) -> Division:
    """The division the norm's region code names (its latest version), or a message on `region`."""
    code = (norm.region or "").strip()
    if not digits(code) or not 2 <= len(code) <= 12:
        raise ValidationError({"region": _("A region is a division code of up to 12 digits.")})
    region = Division.objects.at(region_code(code))
    if region is None:
        raise ValidationError({"region": _("No division has this code.")})
    return region


def check_norm(norm: Norm) -> Division:
    """Every rule a norm must meet, each message on its field; answers the norm's region."""
    errors: dict[str, list[str]] = {}
    try:
        norm.full_clean(exclude=["revision"])
    except ValidationError as error:
        errors.update(error.message_dict)
    for name in ("measure", "basis", "institutions"):
        text = getattr(norm, name) or ""
        if not text or name in errors:
            continue
        try:
            describe_expression("N{" + text + "}" if name == "institutions" else text)
        except ExpressionError as error:
            errors.setdefault(name, []).append(expression_message(error))
    if not errors:
        from tixi.layout.norms import check_expressions  # the gaps' own rules on these expressions

        try:
            check_expressions(norm)
        except ValidationError as error:
            errors.update(error.message_dict)
    region = None
    if "region" not in errors:
        try:
            region = region_of(norm)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    norm.region = region.code  # stored whole (510400 → 510400000000): one spelling per region
    return region


def check_writer(user, region: Division) -> None:
    """None: the command line or the demo, run by the operator."""
    if user is not None and not may_write_norm_of(user, region.path):
        raise PermissionDenied(
            _("Only a planner whose scope covers %(name)s (or a catalogue manager) may write its norms.")
            % {"name": region.display_name}
        )


def _record(norm: Norm, action: str, before, after, region: Division, note: str, user) -> NormVersion:
    by, name = current_user_and_name()
    if user is not None and getattr(user, "is_authenticated", False) and getattr(user, "pk", None):
        by, name = user, user.get_username()
    version = NormVersion.objects.create(
        norm=norm if action != NormVersion.Action.DELETE else None,
        code=norm.code,
        region=norm.region,
        revision=norm.revision,
        action=action,
        before=before,
        after=after,
        by=by,
        username=name,
    )
    if before is not None and after is not None:  # the trail keeps what changed, as for other rows
        changed = [k for k in after if before.get(k) != after[k]]
        before, after = {k: before.get(k) for k in changed}, {k: after[k] for k in changed}
    AuditEntry.objects.create(
        user=by,
        username=name,
        action=action,  # the same words: create, update, delete
        model=Norm._meta.label,
        object_pk=str(norm.pk),
        object_repr=str(norm)[:200],
        before=before,
        after=after,
        note=note[:200],
        division_path=region.path,
    )
    return version


def save_norm(values: dict, user=None, norm: Norm | None = None, note: str = "") -> Norm:
    """Create a norm (norm None) or change one: checked, allowed, versioned and audited, all or
    nothing. Answers the norm; unchanged values make no revision. A region moved to another place
    needs the right to write norms of both."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: _("This field cannot be set.") for name in sorted(unknown)})
    with transaction.atomic():
        if norm is not None:
            norm = Norm.objects.select_for_update().get(pk=norm.pk)
            before = norm.definition()
            check_writer(user, region_of(norm))
        else:
            norm, before = Norm(), None
        for name, value in values.items():
            setattr(norm, name, value)
        region = check_norm(norm)
        check_writer(user, region)
        renamed = before is not None and before["code"] != norm.code
        if renamed and Target.objects.filter(norm=before["code"]).exists():
            raise ValidationError({"code": _("Plan targets read this norm by its code; it cannot change.")})
        after = norm.definition()
        if before is not None and before == after:
            return norm
        norm.revision += 1
        norm.save()
        if before is None:
            action, text = NormVersion.Action.CREATE, note or _("allocation norm created")
        else:
            action, text = NormVersion.Action.UPDATE, note or _("allocation norm changed")
        _record(norm, action, before, after, region, text, user)
    return norm


def delete_norm(norm: Norm, user=None, note: str = "") -> None:
    """Retire a norm: gone from gaps and lists, its revisions kept. A plan target that reads the
    norm keeps it (say which)."""
    with transaction.atomic():
        region = region_of(norm)
        check_writer(user, region)
        targets = Target.objects.filter(norm=norm.code).select_related("plan")
        if targets.exists():
            names = "、".join(sorted({t.plan.display_title for t in targets})[:3])
            raise ValidationError(
                {"code": _("Targets of %(plans)s read this norm; change them first.") % {"plans": names}}
            )
        before = norm.definition()
        norm.revision += 1
        _record(
            norm, NormVersion.Action.DELETE, before, None, region, note or _("allocation norm deleted"), user
        )
        norm.delete()
