"""The division tree, and what every page with a year over the map shares (the years offered, the
year asked for, a division of that year's map within the user's scope)."""

import datetime as dt

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from tixi.core import clock
from tixi.core.errors import ExplainedNotFound
from tixi.core.exports import DATE, Cell, Column, Table, exportable
from tixi.core.text import digits
from tixi.geo.models import Division, year_end

YEARS = list(settings.TIXI_YEARS)
# The model's default start of validity: a division with no recorded start, shown as such (not as its own date).
UNKNOWN_START = Division._meta.get_field("valid_from").default


def reported_years() -> list[int]:
    """The platform's years up to today's: the registry of a year not yet begun holds nothing, and
    a page offering it would show zero beds where it means "not yet"."""
    return [y for y in YEARS if y <= clock.today().year] or YEARS[:1]


def selected_year(request, years: list[int] | None = None) -> int:
    years = years or YEARS
    raw = request.GET.get("year", "")
    year = int(raw) if digits(raw) else min(clock.today().year, years[-1])
    return year if years[0] <= year <= years[-1] else years[-1]


def visible_division(request, code: str, year: int) -> Division:
    """The division of `code` valid in `year` within the user's scope. One that had ended by then
    answers a 404 that says so (when, its last year's page, its successor), not "outside your
    regions" (罗林镇, ended 2021-01-01, opened without a year)."""
    visible = Division.objects.visible_to(request.user)
    division = visible.at(code, year)
    if division is not None:
        return division
    ended = None
    if dt.MINYEAR <= year <= dt.MAXYEAR:
        ended = visible.filter(code=code, valid_to__lte=year_end(year)).order_by("-valid_to").first()
    if ended is None:
        raise Http404(_("No division has this code in your scope."))
    last_year = (ended.valid_to - dt.timedelta(days=1)).year
    last_year -= 0 if ended.valid_in(last_year) else 1  # on the map at the end of its last year
    successor = ended.successor if ended.successor_id else None
    if successor is not None and not visible.filter(pk=successor.pk).exists():
        successor = None
    raise Http404(
        ExplainedNotFound(
            "geo/ended.html",
            {
                "division": ended,
                "last_year": last_year,
                "last_url": f"{request.path}?year={last_year}" if last_year >= YEARS[0] else "",
                "successor": successor,
                "successor_url": request.path.replace(code, successor.code) if successor else "",
            },
        )
    )


@login_required
@exportable("divisions")
def tree(request):
    year = selected_year(request)
    rows = list(
        Division.objects.visible_to(request.user).valid_in(year).filter(level__lte=4).order_by("path")
    )
    parents = {d.parent_id for d in rows}
    indent: dict[int, int] = {}
    for d in rows:  # by path, so a parent comes before its children
        d.has_children = d.pk in parents
        # steps below the nearest division shown above it: a county whose city is not in the demo
        # (巫山县, under 重庆市) sits with the cities, not one step in under nothing
        d.indent = indent[d.pk] = indent.get(d.parent_id, 0) + 1
    top = min((d.level for d in rows), default=0)
    roots = [d for d in rows if d.level == top and d.has_children]
    table = Table(
        _("Division tree"),
        [
            Column(_("Division")),
            Column(_("Level")),
            Column(_("Division code")),
            Column(_("Valid from"), kind=DATE),
            Column(_("Valid to"), kind=DATE),
        ],
        html_id="division-tree",
    )
    dashboard = reverse("division-dashboard", args=["0"]).removesuffix("0/")
    for d in rows:
        table.add(
            Cell(
                d.display_name,
                href=f"{dashboard}{d.code}/?year={year}",
                badge=_("synthetic") if d.is_synthetic else "",
            ),
            d.get_level_display(),
            d.code,
            # a division with no recorded start shows as such, not as the model's default date
            Cell(None if d.valid_from == UNKNOWN_START else d.valid_from, title=_("no recorded start")),
            d.valid_to,
            item=d,
            path=d.path,
            level=d.level,
        )
    context = {
        "tables": [table],
        "year": year,
        "years": YEARS,
        "roots": roots,
        "export_title": f"{_('Divisions')} {year}",
    }
    return TemplateResponse(request, "geo/tree.html", context)
