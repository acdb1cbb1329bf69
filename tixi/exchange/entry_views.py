"""Entering an institution's yearly report on a page: the whole form, or one field as it is left
(htmx). Both save through the one action (tixi.exchange.actions.save_yearly_report)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError as ModelValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.translation import gettext as _

from tixi.accounts.permissions import Capability, require
from tixi.exchange.actions import save_yearly_report
from tixi.exchange.approval import state_of
from tixi.exchange.engine.cells import CellError, number
from tixi.registry.forms import ResourcesForm
from tixi.registry.models import RESOURCE_FIELDS, Institution, InstitutionYear


@login_required
def resources_edit(request, code, year):
    """Enter or correct one institution's report for a year."""
    require(request.user, Capability.EDIT_REGISTRY)
    institution = get_object_or_404(Institution.objects.visible_to(request.user), code=code)
    report = InstitutionYear.objects.filter(institution=institution, year=year).first() or InstitutionYear(
        institution=institution, year=year, division=institution.division
    )
    form = ResourcesForm(request.POST if request.method == "POST" else None, instance=report)
    if request.method == "POST" and form.is_valid():
        try:
            warnings = save_yearly_report(form.instance)
        except ModelValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved."))
            for warning in warnings:
                messages.warning(request, warning)
            return redirect("institution-detail", code=institution.code)
    previous = InstitutionYear.objects.filter(institution=institution, year=year - 1).first()
    fields = [(field, getattr(previous, field.name, None) if previous else None) for field in form]
    return render(
        request,
        "exchange/resources_form.html",
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


@login_required
def resources_field(request, code, year):
    """Save one field of a yearly report as it is typed (htmx): validated like the whole form."""
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
        warnings = save_yearly_report(report)
    except CellError as error:
        message = _(error.message) % error.params if error.params else _(error.message)
        return HttpResponse(
            f'<span class="errorlist">{escape(RESOURCE_FIELDS[name])}: {escape(message)}</span>', status=400
        )
    except ModelValidationError as error:
        return HttpResponse(f'<span class="errorlist">{escape("；".join(error.messages))}</span>', status=400)
    note = f' <span class="muted">{escape("；".join(warnings))}</span>' if warnings else ""
    return HttpResponse(f'<span class="muted">{escape(_("Saved."))}</span>{note}')
