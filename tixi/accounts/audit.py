"""Audit trail: every change to a registry, geo or account row is recorded with before and after.

Signals catch saves from pages, the API, the admin and the command line alike; the acting user
comes from the request (middleware) or from `acting_as` in commands.
"""

import contextlib
import contextvars

from django.core.exceptions import ObjectDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.forms.models import model_to_dict

_actor: contextvars.ContextVar = contextvars.ContextVar("tixi_actor", default=None)
AUDITED_APPS = {"geo", "registry", "accounts", "indicators", "exchange", "ledger"}
SECRET_FIELDS = {"password", "last_login"}


@contextlib.contextmanager
def acting_as(user_or_name):
    token = _actor.set(user_or_name)
    try:
        yield
    finally:
        _actor.reset(token)


class AuditUserMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The request itself: DRF authenticates inside the view and sets request.user then.
        token = _actor.set(request)
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)


class AuditEncoder(DjangoJSONEncoder):
    """Also files (their stored name) and anything else (its text)."""

    def default(self, o):
        try:
            return super().default(o)
        except TypeError:
            return getattr(o, "name", None) or str(o)


# model label -> namer(stored texts) -> {stored text: the text in the reader's language}. An app whose
# rows are named by codes (surveillance: disease, channel and method codes) registers one, so that
# the trail stores a neutral name and reads in whoever reads it's language.
OBJECT_NAMERS: dict = {}


def register_object_namer(model_label: str, namer) -> None:
    OBJECT_NAMERS[model_label] = namer


def name_objects(entries) -> None:
    """Set `object_name` on each entry: its stored name, in the active language where its app
    registered a namer (one call per model label, whatever the number of entries)."""
    by_label: dict = {}
    for entry in entries:
        entry.object_name = entry.object_repr
        if entry.model in OBJECT_NAMERS:
            by_label.setdefault(entry.model, []).append(entry)
    for label, group in by_label.items():
        names = OBJECT_NAMERS[label]({e.object_repr for e in group})
        for entry in group:
            entry.object_name = names.get(entry.object_repr, entry.object_repr)


def _current_actor():
    actor = _actor.get()
    if hasattr(actor, "META"):  # a request
        return getattr(actor, "user", None)
    return actor


def current_user_and_name():
    """(the acting user or None, a name for the record): the request's user, a command's name."""
    actor = _current_actor()
    user = actor if getattr(actor, "is_authenticated", False) else None
    name = user.get_username() if user else (actor if isinstance(actor, str) else "system")
    return user, name


def _snapshot(instance) -> dict:
    data = model_to_dict(instance, exclude=[f for f in SECRET_FIELDS if hasattr(instance, f)])
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in data.items()}
    for key, value in list(data.items()):
        if isinstance(value, list):
            data[key] = [getattr(v, "pk", v) for v in value]
    import json

    return json.loads(json.dumps(data, cls=AuditEncoder))


def snapshot(instance) -> dict:
    """A row's fields as the audit stores them (for bulk writers that record rows themselves)."""
    return _snapshot(instance)


def division_path_of(instance, fetch: bool = True) -> str:
    """Where a row belongs: a division's own path, a row's `division_path`, or the path of its
    division (or its institution's division). With fetch=False (bulk writes) only what is already
    loaded is used, so recording thousands of rows costs no query per row."""
    fields = {f.name for f in instance._meta.concrete_fields}
    if instance._meta.label == "geo.Division":
        return instance.path or ""
    if "division_path" in fields and instance.division_path:
        return instance.division_path
    for name in ("division", "institution", "region"):
        if name not in fields or getattr(instance, f"{name}_id", None) is None:
            continue
        related_field = instance._meta.get_field(name)
        if not fetch and not related_field.is_cached(instance):
            return ""
        try:
            related = getattr(instance, name)
        except ObjectDoesNotExist:  # deleted in the same cascade
            return ""
        return division_path_of(related, fetch) if related is not None else ""
    return ""


def _is_audited(sender) -> bool:
    from tixi.accounts.models import AuditEntry

    return sender._meta.app_label in AUDITED_APPS and sender is not AuditEntry


def _write(action, instance, before, after):
    from tixi.accounts.models import AuditEntry

    user, name = current_user_and_name()
    if before is not None and after is not None:
        changed = {k for k in after if before.get(k) != after.get(k)}
        if not changed:
            return
        before = {k: before.get(k) for k in changed}
        after = {k: after[k] for k in changed}
    AuditEntry.objects.create(
        user=user,
        username=name,
        action=action,
        model=instance._meta.label,
        object_pk=str(instance.pk),
        object_repr=str(instance)[:200],
        before=before,
        after=after,
        division_path=division_path_of(instance),
    )


def history(user, rows: dict, limit: int = 100):
    """The audit entries of some rows (model label → primary keys), newest first, as far as the
    user may read the trail of their places (`AuditEntry.objects.visible_to`)."""
    from django.db.models import Q

    from tixi.accounts.models import AuditEntry

    wanted = Q(pk__in=[])
    for label, pks in rows.items():
        wanted |= Q(model=label, object_pk__in=[str(pk) for pk in pks])
    return AuditEntry.objects.visible_to(user).filter(wanted).order_by("-at", "-id")[:limit]


def record_rows(model_label: str, note: str, rows, deleted: bool = False) -> None:
    """One entry per row of a bulk write (an import, or its undo) that bypasses the per-row signals:
    rows are (pk, text, before or None, after[, division path]), written in batches; `deleted`: rows
    removed (their last state as `before`, no `after`)."""
    from tixi.accounts.models import AuditEntry

    user, name = current_user_and_name()
    entries = (
        AuditEntry(
            user=user,
            username=name,
            action=AuditEntry.Action.DELETE
            if deleted
            else AuditEntry.Action.CREATE
            if before is None
            else AuditEntry.Action.UPDATE,
            model=model_label,
            object_pk=str(pk),
            object_repr=str(text)[:200],
            before=before,
            after=after,
            note=note[:200],
            division_path=path[0] if path else "",
        )
        for pk, text, before, after, *path in rows
    )
    AuditEntry.objects.bulk_create(entries, batch_size=2000)


def record_bulk(model_label: str, note: str, count: int, division_path: str = "", **details) -> None:
    """One entry for a bulk load (demo build, import) or a bulk delete that bypasses per-row signals;
    `details` (a batch id, a checksum, the rows deleted) are kept beside the row count; `division_path`:
    the division every row lies in, so that its readers see the entry."""
    from tixi.accounts.models import AuditEntry

    actor = _current_actor()
    user = actor if getattr(actor, "is_authenticated", False) else None
    AuditEntry.objects.create(
        user=user,
        username=actor if isinstance(actor, str) else getattr(actor, "username", "system"),
        action=AuditEntry.Action.BULK,
        model=model_label,
        note=note[:200],
        after={"rows": count, **details},
        division_path=division_path,
    )


def _pre_save(sender, instance, raw=False, **kwargs):
    if raw or not _is_audited(sender) or instance.pk is None:
        return
    previous = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = _snapshot(previous) if previous else None


def _post_save(sender, instance, created, raw=False, **kwargs):
    if raw or not _is_audited(sender):
        return
    if created:
        _write("create", instance, None, _snapshot(instance))
    else:
        _write("update", instance, getattr(instance, "_audit_before", None) or {}, _snapshot(instance))


def _post_delete(sender, instance, **kwargs):
    if _is_audited(sender):
        _write("delete", instance, _snapshot(instance), None)


def _links(sender, instance, model, reverse) -> dict:
    if not reverse:
        return _snapshot(instance)
    # changed from the other side (user.units.set(...)): the list as that side sees it
    field = next(f for f in model._meta.many_to_many if f.remote_field.through is sender)
    accessor = field.remote_field.get_accessor_name()
    return {accessor: sorted(getattr(instance, accessor).values_list("pk", flat=True))}


def _m2m_changed(sender, instance, action, reverse, model, **kwargs):
    """Links (a task's lead units, a unit's members) are changes too: one entry per add/remove/clear,
    with the lists before and after, on whichever side the change was made from."""
    if not _is_audited(type(instance)):
        return
    if action.startswith("pre_"):
        instance._audit_m2m_before = _links(sender, instance, model, reverse)
    elif action.startswith("post_"):
        before = getattr(instance, "_audit_m2m_before", None) or {}
        _write("update", instance, before, _links(sender, instance, model, reverse))


def connect_signals():
    m2m_changed.connect(_m2m_changed, dispatch_uid="tixi_audit_m2m_changed")
    pre_save.connect(_pre_save, dispatch_uid="tixi_audit_pre_save")
    post_save.connect(_post_save, dispatch_uid="tixi_audit_post_save")
    post_delete.connect(_post_delete, dispatch_uid="tixi_audit_post_delete")
