import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from tixi.accounts import audit
from tixi.accounts.permissions import Capability, require
from tixi.accounts.regions import in_region, list_region
from tixi.core import clock
from tixi.core.exports import DATE, NUMBER, Column, Table, attach, download_name, exportable
from tixi.core.text import digits
from tixi.geo import locks
from tixi.geo.models import Division, display_name_of
from tixi.geo.tree_views import reported_years
from tixi.registry.api import filter_institutions
from tixi.registry.engine import classification as cls
from tixi.registry.forms import InstitutionForm
from tixi.registry.layouts import template_writer
from tixi.registry.models import RESOURCE_FIELDS, Category, Institution, InstitutionType, InstitutionYear


@login_required
def institution_list(request):
    region = list_region(request)
    qs = in_region(Institution.objects.visible_to(request.user), region).select_related("division")
    errors = {}
    try:
        qs = filter_institutions(request, qs, open_today=True)
    except ValidationError as error:
        errors = error.detail
        qs = qs.none()
    fmt = request.GET.get("format")
    if fmt in ("xlsx", "csv") and not errors and template_writer() is not None:
        return export_list(request, qs, fmt)
    page = Paginator(qs.order_by("code"), 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "errors": errors,
        "params": request.GET,
        "types": InstitutionType.choices,
        "categories": Category.choices,
        "grades": cls.GRADES,
        "years": reported_years(),
        "query": request.GET.copy(),
        "list_region": region,
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
    years = list(institution.years.select_related("division").order_by("year"))
    locked = locks.locked_cells((y.division_path, y.year) for y in years)
    for y in years:
        y.locked = (y.division_path, y.year) in locked
    resources = Table(
        _("Resources by year"),
        [Column(""), *(Column(str(y.year), kind=NUMBER) for y in years)],
        html_id="resources-table",
    )
    for field, label in RESOURCE_FIELDS.items():
        resources.add(str(label), *(getattr(y, field) for y in years))
    resources.add(_("Division"), *(y.division.display_name for y in years))
    designations = Table(
        _("Designations and standards"),
        [Column(_("Designation")), Column(_("Level reached")), Column(_("Obtained on"), kind=DATE)],
    )
    for d in institution.designations.order_by("obtained_on"):
        designations.add(d.get_kind_display(), d.level_display(), d.obtained_on)
    departments = Table(
        _("Departments"),
        [Column(_("Department")), Column(_("Opened on"), kind=DATE), Column(_("Closed on"), kind=DATE)],
    )
    for d in institution.departments.order_by("opened_on"):
        departments.add(d.get_kind_display(), d.opened_on, d.closed_on)
    # the audit stores each row's Chinese name; the reader's language names it (an English page in English)
    history = list(
        audit.history(
            request.user,
            {
                Institution._meta.label: [institution.pk],
                InstitutionYear._meta.label: [y.pk for y in years],
            },
        )
    )
    audit.name_objects(history)
    return TemplateResponse(
        request,
        "registry/institution_detail.html",
        {
            "institution": institution,
            "years": years,
            "tables": [resources, designations, departments],
            "export_title": institution.display_name,
            "branches": institution.branches.visible_to(request.user),
            "entry_years": entry_years(institution, years),
            "history": history,
        },
    )


def entry_years(institution, reports) -> list[tuple[int, bool]]:
    """The years whose report can be entered or corrected: those filed and every year of the
    platform's years (TIXI_YEARS) the institution was open, up to this one, each with whether
    approval has locked it."""
    this_year = clock.today().year
    filed = {r.year: r.locked for r in reports}
    first = institution.opened_on.year if institution.opened_on else min(filed, default=this_year)
    last = min(institution.closed_on.year, this_year) if institution.closed_on else this_year
    platform = settings.TIXI_YEARS
    years = set(filed) | set(range(max(first, platform.start), min(last, platform.stop - 1) + 1))
    return [(y, filed.get(y, False)) for y in sorted(years)]


@login_required
def institution_edit(request, code=None):
    require(request.user, Capability.EDIT_REGISTRY)
    instance = None
    if code is not None:
        instance = get_object_or_404(Institution.objects.visible_to(request.user), code=code)
    # the page names the institution as saved: binding a refused form changes the instance's fields
    # (a code such as "../x" then broke the breadcrumb's link: a 500)
    as_saved = copy.copy(instance)
    form = InstitutionForm(
        request.POST if request.method == "POST" else None, instance=instance, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            institution = form.save()
        messages.success(request, _("Saved."))
        return redirect("institution-detail", code=institution.code)
    return render(
        request,
        "registry/institution_form.html",
        {"form": form, "institution": as_saved},
        status=400 if request.method == "POST" else 200,
    )


def export_list(request, institutions, fmt: str):
    """The list as shown (filters and scope applied), in the import template's layout."""
    export = template_writer()
    if request.GET.get("table") == "resources":
        year = request.GET.get("year", "")
        rows = (
            InstitutionYear.objects.visible_to(request.user)
            .filter(institution__in=institutions)
            .select_related("institution")
        )
        if digits(year):
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
    # the place and year the list holds, as every download names them ("米易县-2024-年度资源.xlsx")
    division = request.GET.get("division", "")
    place = (
        display_name_of(
            Division.objects.visible_to(request.user)
            .filter(code=division)
            .values_list("name", flat=True)
            .first()
            or ""
        )
        if division
        else list_region(request).name
    )
    year = request.GET.get("year", "") if name == "resources" else ""
    title = _("yearly resources") if name == "resources" else _("Institutions")
    return attach(response, download_name(place, year if digits(year) else "", title, extension=fmt))
