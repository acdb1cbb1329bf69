"""Pages of data sets: the list, the entry form per (division, period), completeness per period."""

import functools

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils.html import escape
from django.utils.translation import gettext as _

from tixi.accounts.permissions import Capability, can, require
from tixi.core import clock
from tixi.core.exports import NUMBER, Cell, Column, Table, exportable
from tixi.core.templatetags.tixi_tags import local_name
from tixi.exchange import datasets
from tixi.exchange.approval import completeness, state_of
from tixi.exchange.views import completeness_table, division_in_scope
from tixi.geo.models import Division
from tixi.indicators.engine import periods
from tixi.indicators.models import DataSet
from tixi.indicators.services import unit_label

FIRST_YEAR = settings.TIXI_YEARS[0]  # the pickers offer periods from the first year on


class BadPeriod(Exception):
    """A period that is not one of the data set's (a quarter for a yearly set, or no period at all)."""


def _division_and_period(request, data_set: DataSet) -> tuple[Division, str]:
    params = request.POST if request.method == "POST" else request.GET
    period = params.get("period") or periods.latest_closed(data_set.period_type, clock.today())
    try:
        period = datasets.check_period(data_set, period)
    except ValidationError as error:
        raise BadPeriod("；".join(error.messages)) from None
    return division_in_scope(request, periods.year_of(period)), period


def _refuse_period(view):
    """A wrong period is bad input, answered 400 with what was wrong: the field's note (htmx) or the
    400 page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadPeriod as error:
            if request.method == "POST":
                return HttpResponse(f'<span class="errorlist">{escape(str(error))}</span>', status=400)
            return render(request, "400.html", {"message": str(error)}, status=400)

    return wrapper


@login_required
@exportable("data-sets")
def data_set_list(request):
    table = Table(
        _("Data sets"),
        [
            Column(_("Name")),
            Column(_("filed by")),
            Column(_("period type")),
            Column(_("days allowed after the period ends"), kind=NUMBER),
            Column(_("data elements")),
        ],
        html_id="data-sets",
        actions="exchange/_data_set_links.html",
    )
    for d in DataSet.objects.prefetch_related("elements"):
        elements = _(", ").join(local_name(e) for e in d.elements.all())
        table.add(
            Cell(local_name(d), title=d.code),  # the code (an English slug) only as a tooltip and in links
            d.get_reporter_display(),
            d.get_period_type_display(),
            d.due_days,
            elements or _("the registry's yearly resource fields"),
            item=d,
        )
    return TemplateResponse(
        request, "exchange/data_sets.html", {"tables": [table], "export_title": _("Data sets")}
    )


def _as_entered(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@login_required
@exportable("data-entry")
@_refuse_period
def data_set_entry(request, code):
    """The form of a data set for a division and period: every field with last period's value
    beside it, saved as you leave it; the approval state above it."""
    data_set = get_object_or_404(DataSet, code=code)
    if data_set.reporter == DataSet.Reporter.INSTITUTION:
        raise Http404(
            _("Institutions file this data set on their own page (Institutions › yearly resources).")
        )
    division, period = _division_and_period(request, data_set)
    state = state_of(division.path, periods.year_of(period))
    previous = periods.previous(period)
    table = Table(
        f"{division.display_name} {period}",
        [
            Column(_("Data element")),
            Column(_("Unit")),
            Column(previous, kind=NUMBER),
            Column(period, kind=NUMBER),
        ],
        html_id="data-entry",
    )
    for r in datasets.entry_rows(data_set, division, period):
        element = local_name(r["element"])
        # a whole number reads as one (139,828 residents, not 139,828.0), in the table and the field
        r["entered"] = _as_entered(r["value"].value) if r["value"] else None
        table.add(
            f"{element} ({r['option']})" if r["option"] else element,
            unit_label(r["element"].unit),  # 岁 and /10万 read "years", "per 100,000" in English
            _as_entered(r["previous"].value) if r["previous"] else None,
            r["entered"],
            item=r,
        )
    context = {
        "data_set": data_set,
        "division": division,
        "period": period,
        "previous": previous,
        "tables": [table],
        "approval_state": state,
        "editable": can(request.user, Capability.ENTER_DATA) and not (state and state["locked"]),
        "choices": periods.since(FIRST_YEAR, data_set.period_type, clock.today()),
        "export_title": f"{division.display_name} {period} {local_name(data_set)}",
    }
    return TemplateResponse(request, "exchange/data_set_entry.html", context)


@login_required
@_refuse_period
def data_set_field(request, code):
    """Save one field of the form (htmx): the answer is a short note or the problem, in words."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    require(request.user, Capability.ENTER_DATA)
    data_set = get_object_or_404(DataSet, code=code)
    division, period = _division_and_period(request, data_set)
    field = request.POST.get("field", "")
    try:
        stored = datasets.save_field(
            data_set, division, period, field, request.POST.get("value", ""), request.user
        )
    except ValidationError as error:
        return HttpResponse(f'<span class="errorlist">{escape("；".join(error.messages))}</span>', status=400)
    note = _("Saved.") if stored is not None else _("Cleared.")
    return HttpResponse(f'<span class="muted">{escape(note)}</span>')


@login_required
@exportable("completeness")
@_refuse_period
def data_set_completeness(request, code):
    data_set = get_object_or_404(DataSet, code=code)
    division, period = _division_and_period(request, data_set)
    if data_set.reporter == DataSet.Reporter.INSTITUTION:
        rows = completeness(division, periods.year_of(period))
    else:
        rows = datasets.completeness(data_set, division, period)
    drill = data_set.reporter == DataSet.Reporter.DIVISION
    table = completeness_table(
        rows, link=lambda r: f"?division={r['division'].code}&period={period}" if drill else ""
    )
    context = {
        "data_set": data_set,
        "division": division,
        "period": period,
        "tables": [table],
        "choices": periods.since(FIRST_YEAR, data_set.period_type, clock.today()),
        "export_title": f"{division.display_name} {period} {local_name(data_set)} {_('Completeness')}",
    }
    return TemplateResponse(request, "exchange/data_set_completeness.html", context)
