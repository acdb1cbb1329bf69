from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tixi.accounts.permissions import UNDO_REFUSAL, Capability, can, may_undo_import, require
from tixi.accounts.regions import in_region, list_region
from tixi.core import clock
from tixi.core.exports import DATE, NUMBER, Cell, Column, Table, attach, download_name, exportable
from tixi.core.text import digits
from tixi.exchange import approval as sign_off
from tixi.exchange.models import Approval, Finding, ImportBatch, ValidationRule
from tixi.exchange.services import apply_import, preview_import, reach_path, undo_import
from tixi.exchange.tables import TABLES
from tixi.exchange.validation import run_batch
from tixi.exchange.workbooks import error_report, template
from tixi.geo.models import Division, subtree_filter
from tixi.geo.tree_views import YEARS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 50 * 1024 * 1024


def _store() -> Path:
    path = Path(settings.VAR_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _batches(user):
    """A user's own imports; a planner also sees the imports within the scope (who may undo which:
    `may_undo_import`)."""
    qs = ImportBatch.objects.select_related("user")
    return qs.visible_to(user) if can(user, Capability.MANAGE_IMPORTS) else qs.filter(user=user)


@login_required
@exportable("imports")
def imports(request):
    """Upload a file, see what it would do, confirm; the history of imports below."""
    if request.method == "POST":
        table = request.POST.get("table", "")
        require(request.user, _import_capability(table))
        upload = request.FILES.get("file")
        problems = []
        if table not in TABLES:
            problems.append(_("Choose the table to import."))
        if upload is None:
            problems.append(_("Choose a file."))
        elif upload.size > MAX_UPLOAD:
            problems.append(
                _("The file is %(size)s MB; the limit is %(limit)s MB.")
                % {"size": upload.size // 2**20, "limit": 50}
            )
        if problems:
            return TemplateResponse(request, "exchange/imports.html", _context(request, problems), status=400)
        data = upload.read()
        preview = preview_import(table, data, upload.name, request.user)
        batch = ImportBatch.objects.create(
            table=table,
            filename=upload.name[:200],
            sha256=preview.sha256,
            user=request.user,
            rows=preview.rows,
            inserted=len(preview.inserts),
            updated=len(preview.updates),
            unchanged=preview.unchanged,
            division_path=reach_path(preview, request.user),
            status=ImportBatch.Status.PENDING if preview.ok else ImportBatch.Status.REFUSED,
        )
        (_store() / f"{batch.pk}.bin").write_bytes(data)
        request.exportable = (
            False  # the page bar's download is the history's table, which a preview does not show
        )
        return render(
            request,
            "exchange/preview.html",
            {
                "batch": batch,
                "preview": preview,
                "table": TABLES[table],
                "updates": _labelled(TABLES[table], preview.updates[:200]),
            },
            status=200 if preview.ok else 400,
        )
    return TemplateResponse(request, "exchange/imports.html", _context(request))


def _field_label(spec, name: str) -> str:
    """A changed field by its name in the page's language ("实有床位", "actual beds"), not its code
    ("actual_beds"): the preview of a yearly-resources file showed the codes on the Chinese page."""
    try:
        return str(spec.model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field the model does not name: the template's heading, else the code
        return next((c.heading for c in spec.columns if c.code == name), name)


def _labelled(spec, updates):
    return [
        (instance, {_field_label(spec, name): pair for name, pair in changes.items()})
        for instance, changes in updates
    ]


def _import_capability(table: str):
    """A table may name its own capability (surveillance data: whoever reports cases)."""
    spec = TABLES.get(table)
    return (spec.capability if spec is not None else None) or Capability.IMPORT


def _context(request, problems=()):
    region = list_region(request)
    history = Table(
        _("History"),
        [
            Column("#", kind=NUMBER),
            Column(_("Time"), kind=DATE),
            Column(_("User name")),
            Column(_("Table")),
            Column(_("File")),
            Column("SHA-256"),
            Column(_("Rows"), kind=NUMBER),
            Column(_("Inserted"), kind=NUMBER),
            Column(_("Updated"), kind=NUMBER),
            Column(_("Unchanged"), kind=NUMBER),
            Column(_("Status")),
        ],
        html_id="import-history",
        actions="exchange/_undo.html",
    )
    # a batch whose rows span the region and more (its path above the region's) touches it too
    for b in in_region(_batches(request.user), region, reaches_up=True)[:50]:
        history.add(
            b.pk,
            timezone.localtime(b.at).replace(second=0, microsecond=0, tzinfo=None),
            b.user.username if b.user else "—",
            # the table's name in the page's language, not its code ("区划", not "divisions")
            TABLES[b.table].title if b.table in TABLES else b.table,
            b.filename,
            # the page shows the hash's start (the whole in its title): 64 characters pushed the
            # table past a 1280 px window; the downloads keep it whole
            Cell(b.sha256, css="hash", title=b.sha256),
            b.rows,
            b.inserted,
            b.updated,
            b.unchanged,
            b.get_status_display(),
            item=b,
        )
        # the Undo button (exchange/_undo.html) for whoever the one permission layer lets undo it
        b.may_undo = may_undo_import(request.user, b, _import_capability(b.table))
    return {
        "import_tables": TABLES.values(),
        "tables": [history],
        "problems": problems,
        "export_title": _("Imports"),
        "list_region": region,
    }


def _stored_preview(request, batch):
    path = _store() / f"{batch.pk}.bin"
    if not path.exists():
        raise Http404(_("The uploaded file is no longer kept."))
    return preview_import(batch.table, path.read_bytes(), batch.filename, request.user)


@login_required
def confirm(request, pk):
    batch = get_object_or_404(_batches(request.user), pk=pk, status=ImportBatch.Status.PENDING)
    if request.method != "POST":
        raise PermissionDenied(_("Confirm with the button on the preview."))
    require(request.user, _import_capability(batch.table))
    preview = _stored_preview(request, batch)
    if not preview.ok:  # the data changed since the preview: show the problems again
        # and the list reads it refused from now on, not 待确认 for ever (a file refused by an approval
        # lock alone looks like one that passed: exchange migration 0008 cannot tell them apart)
        _refuse(batch)
        return render(
            request,
            "exchange/preview.html",
            {"batch": batch, "preview": preview, "table": TABLES[batch.table]},
            status=400,
        )
    try:
        applied = apply_import(preview, request.user)
    except ValidationError as error:  # a level approved the data since the preview: nothing written
        _refuse(batch)
        messages.error(request, "；".join(error.messages))
        return redirect("imports")
    batch.delete()
    (_store() / f"{pk}.bin").unlink(missing_ok=True)
    messages.success(
        request,
        _("Imported: %(insert)s inserted, %(update)s updated, %(unchanged)s unchanged.")
        % {"insert": applied.inserted, "update": applied.updated, "unchanged": applied.unchanged},
    )
    return redirect("imports")


def _refuse(batch) -> None:
    batch.status = ImportBatch.Status.REFUSED
    batch.save(update_fields=["status"])


@login_required
def errors(request, pk):
    batch = get_object_or_404(_batches(request.user), pk=pk)
    preview = _stored_preview(request, batch)
    # named in the reader's language after the uploaded file ("导入问题-机构名录.xlsx"), with the UTF-8
    # name in filename* (RFC 5987) as every other download: "errors-12.xlsx" on a Chinese page
    name = download_name(_("import problems"), Path(batch.filename).stem, extension="xlsx")
    return attach(HttpResponse(error_report(preview), content_type=XLSX), name)


@login_required
def undo(request, pk):
    if request.method != "POST":
        raise PermissionDenied(_("Undo with the button in the import history."))
    batch = get_object_or_404(_batches(request.user), pk=pk)
    if not may_undo_import(request.user, batch, _import_capability(batch.table)):
        raise PermissionDenied(UNDO_REFUSAL)
    try:
        undo_import(batch, request.user)
        messages.success(request, _("Import #%(id)s was undone.") % {"id": batch.pk})
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    return redirect("imports")


@login_required
def template_download(request, table):
    if table not in TABLES:
        raise Http404(_("No such table."))
    # named in the reader's language ("区划-导入模板.xlsx"): the file comes back as an upload, and its
    # name stands in the import history and the audit trail's note
    name = download_name(TABLES[table].title, _("import template"), extension="xlsx")
    return attach(HttpResponse(template(table), content_type=XLSX), name)


def _division_and_year(request):
    """The year asked for, else the platform's current one (its today, within TIXI_YEARS)."""
    raw = request.GET.get("year") or request.POST.get("year") or ""
    year = int(raw) if digits(raw) and len(raw) == 4 else min(clock.today().year, YEARS[-1])
    return division_in_scope(request, year), year


def division_in_scope(request, year: int):
    """The division the request names (`division`, else the user's home division) on the map of
    `year`, or 404 when it is not in the user's scope."""
    code = request.GET.get("division") or request.POST.get("division") or ""
    if not code:
        home = request.user.home_division()
        code = home.code if home else ""
    division = Division.objects.visible_to(request.user).at(code, year) if code else None
    if division is None:
        raise Http404(_("No division has this code in your scope."))
    return division


@login_required
@exportable("approvals")
def approvals(request):
    """Completeness and sign-off of a year's data: the division and its children."""
    division, year = _division_and_year(request)
    refused = False
    if request.method == "POST":
        require(request.user, Capability.APPROVE)
        try:
            _approve_or_return(request, division, year)
        except ValidationError as error:
            # a refusal is a 400 on the page, with the reason, never a 302 that reads as done
            messages.error(request, _refusal_text(error))
            refused = True
        else:
            return redirect(f"{request.path}?division={division.code}&year={year}")
    own = Approval.objects.filter(division=division, year=year).first()
    locked = sign_off.is_locked(division.path, year)
    table = completeness_table(
        sign_off.completeness(division, year), link=lambda r: f"?division={r['division'].code}&year={year}"
    )
    table.columns.append(Column(_("Approval")))
    table.empty = _("No division below this one.")
    table.actions = "exchange/_return.html"
    for row in table.rows:
        approval = row.item["approval"]
        if approval is None:
            row.cells.append("—")
        else:
            reason = f"（{approval.reason}）" if approval.reason else ""
            row.cells.append(f"{approval.get_status_display()}{reason}")
    context = {
        "division": division,
        "year": year,
        "own": own,
        "locked": locked,
        "years": YEARS,
        "tables": [table],
    }
    context["export_title"] = f"{division.display_name} {year} {_('Completeness and approval')}"
    return TemplateResponse(request, "exchange/approvals.html", context, status=400 if refused else 200)


def _refusal_text(error: ValidationError) -> str:
    """The reasons of a refused approval, each naming its field where it has one ("原因：…")."""
    if not hasattr(error, "error_dict"):
        return "；".join(error.messages)
    labels = {"action": _("action"), "child": _("division"), "reason": _("reason")}
    return "；".join(
        f"{labels.get(field, field)}：{message}"
        for field, messages_ in error.message_dict.items()
        for message in messages_
    )


def _approve_or_return(request, division, year) -> None:
    """The page's two writes: approve the division's year, or return a child's (with a reason). A
    missing or unknown action or child is refused naming the field (ValidationError)."""
    action = request.POST.get("action", "")
    if action == "approve":
        sign_off.approve(division, year, request.user)
        messages.success(request, _("Approved."))
        return
    if action != "return":
        raise ValidationError({"action": _("Choose approve or return.")})
    code = request.POST.get("child", "")
    if not code:
        raise ValidationError({"child": _("Name the division whose data is returned.")})
    child = Division.objects.visible_to(request.user).at(code, year)
    if child is None:
        raise Http404(_("No division has this code in your scope."))
    sign_off.send_back(child, year, request.user, request.POST.get("reason", ""))
    messages.success(request, _("Returned."))


def completeness_table(rows, link=None) -> Table:
    """Expected, received and on-time reports per division (the approvals and data-set pages)."""
    table = Table(
        _("Completeness"),
        [
            Column(_("Division")),
            Column(_("Expected reports"), kind=NUMBER),
            Column(_("Received"), kind=NUMBER),
            Column("%", kind=NUMBER),
            Column(_("On time") + " %", kind=NUMBER),
        ],
        html_id="completeness",
    )
    for r in rows:
        table.add(
            Cell(r["division"].name, href=link(r) if link else ""),
            r["expected"],
            r["received"],
            r["share"],
            r["on_time_share"],
            item=r,
        )
    return table


@login_required
@exportable("validation")
def findings(request):
    """Validation: run the rules over a subtree and year; the follow-up list."""
    division, year = _division_and_year(request)
    if request.method == "POST":
        require(request.user, Capability.APPROVE)
        if request.POST.get("finding"):
            finding = get_object_or_404(
                Finding.objects.filter(subtree_filter("division_path", division.path)),
                pk=request.POST["finding"],
            )
            status = request.POST.get("status", Finding.Status.EXPLAINED)
            if status not in Finding.Status.values:  # a hand-made request: refuse rather than store it
                return HttpResponseBadRequest(_("Not one of the allowed values."))
            finding.status = status
            finding.note = request.POST.get("note", "")[:200]
            finding.save()
        else:
            found = run_batch(division, year)
            messages.success(request, _("%(n)s findings.") % {"n": len(found)})
        return redirect(f"{request.path}?division={division.code}&year={year}")
    rows = (
        Finding.objects.filter(year=year)
        .filter(subtree_filter("division_path", division.path))
        .select_related("rule", "institution", "division")
        .order_by("status", "-rule__importance", "division_path")[:500]
    )
    table = Table(
        _("Validation"),
        [
            Column(_("Rule")),
            Column(_("Institution")),
            Column(_("Division")),
            Column(_("Left side"), kind=NUMBER, decimals=2),
            Column(_("Right side"), kind=NUMBER, decimals=2),
            Column(_("Status")),
        ],
        html_id="findings",
        actions="exchange/_finding_form.html",
    )
    # an empty list says what it means: nothing to follow up, or the rules not run on this year yet
    table.empty = _("No finding to follow up for %(place)s in %(year)s.") % {
        "place": division.display_name,
        "year": year,
    }
    if can(request.user, Capability.APPROVE):
        table.empty += " " + _("“Run the rules” checks the year's reports and divisions against each rule.")
    for f in rows:
        institution = f.institution
        table.add(
            f.rule.message,
            Cell(institution.display_name, href=reverse("institution-detail", args=[institution.code]))
            if institution
            else "",
            f.division.display_name,
            f.left_value,
            f.right_value,
            f"{f.get_status_display()}：{f.note}" if f.note else f.get_status_display(),
            item=f,
        )
    context = {
        "division": division,
        "year": year,
        "tables": [table],
        "rules": ValidationRule.objects.all(),
        "statuses": Finding.Status.choices,
        "years": YEARS,
        "export_title": f"{division.display_name} {year} {_('Validation')}",
    }
    return TemplateResponse(request, "exchange/findings.html", context)
