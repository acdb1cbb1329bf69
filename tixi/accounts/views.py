"""The audit trail page: who changed what, where and when, within the reader's scope."""

import datetime as dt

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tixi.accounts import notes
from tixi.accounts.audit import AUDITED_APPS, OBJECT_NAMERS, name_objects
from tixi.accounts.models import AuditEntry
from tixi.accounts.permissions import Capability, require
from tixi.accounts.regions import in_region, list_region
from tixi.core import clock
from tixi.core.exports import FORMATS, NUMBER, Cell, Column, Table, download, download_name

PAGE_SIZE = 50
EXPORT_LIMIT = 100_000


def model_choices() -> list[tuple[str, str]]:
    """The kinds of rows the trail records, by their names in the reader's language."""
    labels = [
        (model._meta.label, str(model._meta.verbose_name))
        for model in apps.get_models()
        if model._meta.app_label in AUDITED_APPS
        and model is not AuditEntry
        and not getattr(model, "written_by_triggers", False)  # never audited, so never a choice
    ]
    return sorted(labels, key=lambda pair: pair[1])


def model_name(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def _date(text: str, field: str, errors: dict) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        errors[field] = _("A date is YYYY-MM-DD.")
        return None


def filter_entries(params, qs):
    """The page's filters; bad dates are reported by field and filter nothing out."""
    errors: dict[str, str] = {}
    if username := params.get("user", "").strip():
        qs = qs.filter(username__icontains=username)
    if (action := params.get("action", "")) in AuditEntry.Action.values:
        qs = qs.filter(action=action)
    if model := params.get("model", "").strip():
        qs = qs.filter(model=model)
    if text := params.get("object", "").strip():
        qs = qs.filter(
            Q(object_repr__icontains=text)
            | Q(object_pk=text)
            | _objects_named(qs, text)
            | _notes_reading(qs, text)
        )
    since, until = (
        _date(params.get("since", ""), "since", errors),
        _date(params.get("until", ""), "until", errors),
    )
    zone = timezone.get_current_timezone()
    if since:
        qs = qs.filter(at__gte=dt.datetime.combine(since, dt.time.min, tzinfo=zone))
    if until:
        qs = qs.filter(at__lt=dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, tzinfo=zone))
    return qs, errors


def _objects_named(qs, text: str) -> Q:
    """The rows an app stores by code (霍乱 stored as "cholera") whose name contains the text in
    either language: the stored texts are named in both, then matched exactly."""
    wanted = text.casefold()
    found = Q(pk__in=[])
    for label, namer in OBJECT_NAMERS.items():
        stored = set(qs.filter(model=label).values_list("object_repr", flat=True).distinct())
        if not stored:
            continue
        matching = set()
        for language in notes.LANGUAGES:
            with translation.override(language):
                names = namer(stored)
            matching |= {s for s in stored if wanted in str(names.get(s, s)).casefold()}
        if matching:
            found |= Q(model=label, object_repr__in=matching)
    return found


def _notes_reading(qs, text: str) -> Q:
    """The entries whose note (a program's, read in either language) contains the text."""
    wanted = text.casefold()
    stored = set(qs.exclude(note="").values_list("note", flat=True).distinct()[:5000])
    matching = {s for s in stored if any(wanted in n.casefold() for n in notes.in_languages(s))}
    return Q(note__in=matching) if matching else Q(pk__in=[])


def division_names(paths) -> dict[str, str]:
    """{path: "攀枝花市 / 米易县"} for the division paths of the entries, in one query (the divisions
    live in a higher app: looked up by name, not imported)."""
    wanted = set()
    for path in paths:
        parts = path.rstrip("/").split("/") if path else []
        wanted.update("/".join(parts[:n]) + "/" for n in range(1, len(parts) + 1))
    if not wanted:
        return {}
    division = apps.get_model("geo", "Division")
    # a renamed division has several rows on one path: the latest name is the one shown
    names = dict(division.objects.filter(path__in=wanted).order_by("valid_from").values_list("path", "name"))
    found = {}
    for path in paths:
        if not path:
            continue
        parts = path.rstrip("/").split("/")
        chain = [names.get("/".join(parts[:n]) + "/") for n in range(1, len(parts) + 1)]
        # the province is understood; a code without a row (removed since) is shown as it was stored
        shown = [name or code for name, code in zip(chain, parts, strict=True)]
        found[path] = " / ".join(shown[1:] if len(shown) > 1 else shown)
    return found


def audit_tables(count: int, entries) -> list[Table]:
    """[headline figures, the entries] as the page shows them (a page of them) and its .xlsx/.csv write
    them (every filtered entry): the time to the second, who, what, where and the note, in the reader's
    language."""
    headline = Table(_("Headline figures"), [Column(_("Figure")), Column(_("Value"), kind=NUMBER)])
    headline.add(_("Entries"), count)
    table = Table(
        _("Audit trail"),
        [
            Column(_("Time")),
            Column(_("User name")),
            Column(_("Action")),
            Column(_("Object type")),
            Column(_("Object")),
            Column(_("Division")),
            Column(_("Note")),
        ],
        html_id="audit-trail",
        stack=False,
    )
    entries = list(entries)
    names = division_names({e.division_path for e in entries})
    name_objects(entries)
    for e in entries:
        table.add(
            timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"),
            e.actor_display,
            e.get_action_display(),
            model_name(e.model),
            e.object_name,
            Cell(names.get(e.division_path, ""), title=e.division_path),
            notes.in_language(e.note),
        )
    return [headline, table]


def _file_name(region, params, fmt: str) -> str:
    """ "攀枝花市-审计日志-2025-10-01-2025-10-15.csv": the region, the page and the period filtered (the
    day of the download where none is)."""
    period = [params.get(k, "").strip() for k in ("since", "until")]
    period = [p for p in period if p] or [clock.today()]
    return download_name(region.name, _("Audit trail"), *period, extension=fmt)


@login_required
def audit_trail(request):
    require(request.user, Capability.AUDIT)
    region = list_region(request)
    qs = in_region(AuditEntry.objects.visible_to(request.user), region, field="division_path")
    qs, errors = filter_entries(request.GET, qs.select_related("user"))
    qs = qs.order_by("-at", "-id")
    fmt = request.GET.get("format", "")
    if fmt in FORMATS and not errors:
        # every filtered entry, not the page shown, through the page's own table
        tables = audit_tables(qs.count(), qs[:EXPORT_LIMIT])
        return download(tables, fmt, _file_name(region, request.GET, fmt))
    request.exportable = True  # base.html offers the download links
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "tables": audit_tables(page.paginator.count, page),
        "errors": errors,
        "params": request.GET,
        "query": query.urlencode(),
        "actions": AuditEntry.Action.choices,
        "models": model_choices(),
        "list_region": region,
    }
    return render(request, "accounts/audit.html", context, status=400 if errors else 200)
