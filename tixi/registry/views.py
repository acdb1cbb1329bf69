from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from tixi.accounts.permissions import Capability, require
from tixi.core.exports import exportable
from tixi.geo.views import YEARS
from tixi.registry.api import filter_institutions
from tixi.registry.engine import classification as cls
from tixi.registry.forms import InstitutionForm, ResourcesForm
from tixi.registry.models import RESOURCE_FIELDS, Category, Institution, InstitutionType, InstitutionYear


@login_required
def institution_list(request):
    qs = Institution.objects.visible_to(request.user).select_related("division")
    errors = {}
    try:
        qs = filter_institutions(request, qs)
    except ValidationError as error:
        errors = error.detail
        qs = qs.none()
    fmt = request.GET.get("format")
    if fmt in ("xlsx", "csv") and not errors:
        return export_list(request, qs, fmt)
    page = Paginator(qs.order_by("code"), 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "errors": errors,
        "params": request.GET,
        "types": InstitutionType.choices,
        "categories": Category.choices,
        "grades": cls.GRADES,
        "years": YEARS,
        "query": request.GET.copy(),
    }
    template = (
        "registry/_institution_table.html"
        if request.headers.get("HX-Request")
        else "registry/institution_list.html"
    )
    return render(request, template, context)


@login_required
@exportable("institution")
def institution_detail(request, code):
    institution = get_object_or_404(
        Institution.objects.visible_to(request.user).select_related("division", "parent"), code=code
    )
    from tixi.exchange.approval import locked_cells

    years = list(institution.years.select_related("division").order_by("year"))
    locked = locked_cells((y.division_path, y.year) for y in years)
    for y in years:
        y.locked = (y.division_path, y.year) in locked
    rows = [(field, label, [getattr(y, field) for y in years]) for field, label in RESOURCE_FIELDS.items()]
    return render(
        request,
        "registry/institution_detail.html",
        {
            "institution": institution,
            "years": years,
            "rows": rows,
            "designations": institution.designations.order_by("obtained_on"),
            "departments": institution.departments.order_by("opened_on"),
            "branches": institution.branches.visible_to(request.user),
        },
    )


@login_required
def institution_edit(request, code=None):
    require(request.user, Capability.EDIT_REGISTRY)
    instance = None
    if code is not None:
        instance = get_object_or_404(Institution.objects.visible_to(request.user), code=code)
    form = InstitutionForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            institution = form.save()
        messages.success(request, _("Saved."))
        return redirect("institution-detail", code=institution.code)
    return render(
        request,
        "registry/institution_form.html",
        {"form": form, "institution": instance},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def resources_edit(request, code, year):
    """Enter or correct one institution's report for a year."""
    require(request.user, Capability.EDIT_REGISTRY)
    institution = get_object_or_404(Institution.objects.visible_to(request.user), code=code)
    report = InstitutionYear.objects.filter(institution=institution, year=year).first() or InstitutionYear(
        institution=institution, year=year, division=institution.division
    )
    form = ResourcesForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        from django.core.exceptions import ValidationError as ModelValidationError

        from tixi.exchange.approval import refuse_if_locked
        from tixi.exchange.validation import refuse_blocking

        try:
            refuse_if_locked(report.division.path, year)
            warnings = refuse_blocking(form.instance)
        except ModelValidationError as error:
            form.add_error(None, error)
        else:
            with transaction.atomic():
                form.save()
            messages.success(request, _("Saved."))
            for warning in warnings:
                messages.warning(request, warning)
            return redirect("institution-detail", code=institution.code)
    from tixi.exchange.approval import state_of

    previous = InstitutionYear.objects.filter(institution=institution, year=year - 1).first()
    fields = [(field, getattr(previous, field.name, None) if previous else None) for field in form]
    return render(
        request,
        "registry/resources_form.html",
        {
            "form": form,
            "institution": institution,
            "year": year,
            "fields": fields,
            "previous": previous,
            "approval_state": state_of(report.division.path, year),
        },
        status=400 if request.method == "POST" else 200,
    )


def export_list(request, institutions, fmt: str):
    """The list as shown (filters and scope applied), in the import template's layout."""
    from django.http import HttpResponse

    from tixi.exchange.workbooks import export

    if request.GET.get("table") == "resources":
        year = request.GET.get("year", "")
        rows = (
            InstitutionYear.objects.visible_to(request.user)
            .filter(institution__in=institutions)
            .select_related("institution")
        )
        if year.isdigit():
            rows = rows.filter(year=int(year))
        content, name = export("resources", rows.order_by("institution__code", "year"), fmt), "resources"
    else:
        content, name = (
            export("institutions", institutions.select_related("parent").order_by("code"), fmt),
            "institutions",
        )
    kind = (
        "text/csv; charset=utf-8"
        if fmt == "csv"
        else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="tixi-{name}.{fmt}"'
    return response


@login_required
def resources_field(request, code, year):
    """Save one field of a yearly report as it is typed (htmx): validated like the whole form."""
    from django.core.exceptions import ValidationError as ModelValidationError
    from django.http import HttpResponse, HttpResponseNotAllowed
    from django.utils.html import escape

    from tixi.exchange.approval import refuse_if_locked
    from tixi.exchange.engine.cells import CellError, number
    from tixi.exchange.validation import refuse_blocking

    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    require(request.user, Capability.EDIT_REGISTRY)
    institution = get_object_or_404(Institution.objects.visible_to(request.user), code=code)
    name = request.POST.get("field", "")
    if name not in RESOURCE_FIELDS:
        return HttpResponse(f'<span class="errorlist">{escape(_("Unknown field."))}</span>', status=400)
    report = InstitutionYear.objects.filter(institution=institution, year=year).first() or InstitutionYear(
        institution=institution, year=year, division=institution.division
    )
    try:
        value = number(request.POST.get(name, ""), integer=True, minimum=0, maximum=10_000_000)
        setattr(report, name, value or 0)
        report.clean()
        refuse_if_locked(report.division.path, year)
        warnings = refuse_blocking(report)
    except CellError as error:
        message = _(error.message) % error.params if error.params else _(error.message)
        return HttpResponse(
            f'<span class="errorlist">{escape(RESOURCE_FIELDS[name])}: {escape(message)}</span>', status=400
        )
    except ModelValidationError as error:
        return HttpResponse(f'<span class="errorlist">{escape("；".join(error.messages))}</span>', status=400)
    with transaction.atomic():
        report.save()
    note = f' <span class="muted">{escape("；".join(warnings))}</span>' if warnings else ""
    return HttpResponse(f'<span class="muted">{escape(_("Saved."))}</span>{note}')
