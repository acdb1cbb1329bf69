"""Pages of the layout app: the allocation norms of a division (gaps), and accessibility coverage."""

import base64
import math
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tixi.accounts.permissions import Capability, can, may_write_norm_of, require
from tixi.core.exports import (
    DATE,
    FORMATS,
    NUMBER,
    Cell,
    Column,
    Table,
    attach,
    download_name,
    exportable,
)
from tixi.core.templatetags.tixi_tags import bracketed
from tixi.exchange import workbooks
from tixi.geo.models import Boundary, Division, subtree_filter
from tixi.geo.tree_views import YEARS, selected_year, visible_division
from tixi.indicators.models import Plan
from tixi.layout import actions
from tixi.layout.access import (
    KIND_LABELS,
    KINDS,
    AccessError,
    division_coverage,
    division_siting,
    facilities_of,
    isochrone_map,
    parse_capacity,
    parse_roads,
    road_choices,
    road_class_choices,
    site_label,
    what_if,
)
from tixi.layout.forms import NormForm
from tixi.layout.gap_tables import gap_tables
from tixi.layout.models import Norm, NormKind, NormVersion, SitingScenario, region_code
from tixi.layout.norms import as_json, gaps, radius_norms
from tixi.layout.scenarios import save_scenario, scenario_to_projects


@login_required
@exportable("norm-gaps")
def norm_gaps(request, code):
    year = selected_year(request)
    division = visible_division(request, code, year)
    results = gaps(division, year)
    data = as_json(division, year, results)
    context = {
        "division": division,
        "year": year,
        "years": YEARS,
        "data": data,
        "norms": data["norms"],
        "tables": gap_tables(data, results),
        "export_title": f"{division.display_name} {year} {_('Allocation norms')}",
    }
    return TemplateResponse(request, "layout/gaps.html", context)


def percent(part: int, whole: int) -> float | None:
    return None if not whole else round(100.0 * part / whole, 1)


def coverage_tables(
    data: dict, kinds: list[dict], townships: list[dict], scenario: dict | None
) -> list[Table]:
    """The access page's tables, as it shows them and its .xlsx/.csv write them: the headline figures,
    residents within reach of each kind of facility (how many and what share), within the EMS radii,
    each township's shares, and the what-if's townships when one was asked."""
    ems = data["ems"]
    figures = headline_table()
    figures.add(_("Resident population"), data["population"])
    figures.add(_("EMS points"), ems["stations"])
    if data["bed_access"].get("per_1000") is not None:
        per_1000 = round(data["bed_access"]["per_1000"], 2)
        figures.add(_("Hospital beds within 60 min per 1,000 (2SFCA)"), Cell(per_1000, decimals=2))
    minutes = data["minutes"]
    summary = Table(
        _("Residents within reach"),
        [
            Column(_("Nearest facility")),
            Column(_("Facilities"), kind=NUMBER, decimals=0),
            *(
                column
                for m in minutes
                for column in (
                    Column(_("within %(minutes)s min") % {"minutes": m}, kind=NUMBER, decimals=0),
                    Column(_("share within %(minutes)s min (%%)") % {"minutes": m}, kind=NUMBER, decimals=1),
                )
            ),
        ],
        html_id="coverage-summary",
        stack=True,  # a row per kind of facility, a column per time: on a phone a card per kind, all in view
    )
    for kind in kinds:
        summary.add(
            kind["label"],  # a capital in English as the row's label (Table.add)
            kind["facilities"],
            *(
                value
                for r in kind["rows"]
                for value in (
                    Cell(r["within"], note=f"±1′: {r['below']:,}–{r['above']:,}"),
                    r["share"],
                )
            ),
            kind=kind["key"],
        )
    radius = Table(
        _("EMS service radius"),
        [
            Column(_("EMS points"), kind=NUMBER, decimals=0),
            *(
                column
                for r in ems["rows"]
                for column in (
                    Column(_("within %(km)s km") % {"km": r["km"]}, kind=NUMBER, decimals=0),
                    Column(_("share within %(km)s km (%%)") % {"km": r["km"]}, kind=NUMBER, decimals=1),
                )
            ),
            Column(_("Within its own radius"), kind=NUMBER, decimals=0),
        ],
        html_id="ems-radius",
        stack=True,
    )
    radius.add(ems["stations"], *(v for r in ems["rows"] for v in (r["within"], r["share"])), ems["inside"])
    by_township = Table(
        _("By township"),
        [
            Column(_("Township")),
            Column(_("Population"), kind=NUMBER, decimals=0),
            *(
                Column(f"{kind['label']} ≤{m}′{bracketed('%')}", kind=NUMBER, decimals=1)
                for kind in kinds
                for m in minutes
            ),
            Column(_("Within the EMS radius (%)"), kind=NUMBER, decimals=1),
            Column(_("EMS radius (km)"), kind=NUMBER),
            Column(_("Hospital beds within 60 min per 1,000 (2SFCA)"), kind=NUMBER, decimals=2),
        ],
        html_id="coverage-townships",
        stack=False,
    )
    for t in townships:
        if t["ems_radius"] is not None:
            ems_cell = Cell(t["ems_share"])
        elif t["ems_median_km"] is not None:
            note = _("not judged; half within %(km)s km") % {"km": t["ems_median_km"]}
            ems_cell = Cell(None, note=note, css="ems-not-judged")
        else:
            ems_cell = None
        beds = t["beds_per_1000"]
        by_township.add(
            t["name"],
            t["population"],
            *t["cells"],
            ems_cell,
            None if t["ems_radius"] is None else float(t["ems_radius"]),
            None if beds is None else round(beds, 2),
        )
    tables = [figures, summary, radius, by_township]
    if scenario and scenario.get("townships"):
        what_if_table = Table(
            _("What if"),
            [
                Column(_("Township")),
                Column(_("Population"), kind=NUMBER, decimals=0),
                Column(_("Now"), kind=NUMBER, decimals=0),
                Column(_("After"), kind=NUMBER, decimals=0),
                Column(_("Change"), kind=NUMBER, decimals=0),
            ],
            html_id="what-if-townships",
            stack=False,
        )
        for t in scenario["townships"]:
            what_if_table.add(t["name"], t["population"], t["before"], t["after"], t["change"])
        tables.append(what_if_table)
    return tables


def headline_table() -> Table:
    return Table(_("Headline figures"), [Column(_("Figure")), Column(_("Value"), kind=NUMBER)])


@login_required
@exportable("coverage")
def coverage(request, code):
    year = selected_year(request)
    division = visible_division(request, code, year)
    data = division_coverage(division, year)
    map_kind = request.GET.get("map", "township")
    map_kind = map_kind if map_kind in KINDS else "township"
    kinds = [{"key": k, **v} for k, v in data["kinds"].items()]
    for kind in kinds:
        kind["rows"] = [
            {
                "minutes": m,
                "within": kind["within"][m],
                "share": percent(kind["within"][m], data["population"]),
                "below": kind["within"][f"{float(m) - 1:g}"],
                "above": kind["within"][f"{float(m) + 1:g}"],
            }
            for m in data["minutes"]
        ]
    ems = data["ems"]
    # what the radii are, as the norms binding the division say it (攀枝花 judges no town; 达川 does)
    ems["notes"] = [norm.note_label for norm in radius_norms(division, year) if norm.note_label]
    ems["rows"] = [
        {"km": r, "within": ems["within"][r], "share": percent(ems["within"][r], data["population"])}
        for r in ems["radii"]
    ]
    townships = []
    for row in data["townships"]:
        cells = []
        for kind in data["kinds"]:
            within = row["kinds"].get(kind, {})
            cells += [percent(within.get(m, 0), row["population"]) for m in data["minutes"]]
        ems = data["ems"]["townships"].get(row["code"])
        townships.append(
            {
                "code": row["code"],
                "name": row["name"],
                "population": row["population"],
                "cells": cells,
                "ems_radius": ems["radius"] if ems else None,
                "ems_share": percent(ems["inside"], row["population"]) if ems else None,
                "ems_median_km": data["ems"]["median_km"].get(row["code"]),
                "beds_per_1000": row.get("beds_per_1000"),
            }
        )
    data["ems"]["unjudged"] = any(t["ems_radius"] is None for t in townships)
    geometries = dict(
        Boundary.objects.filter(division__code__in=[r["code"] for r in data["townships"]])
        .filter(division__in=Division.objects.valid_in(year))
        .values_list("division__code", "geometry")
    )
    chart = {
        "kinds": [{"key": k, "label": str(KIND_LABELS[k])} for k in data["kinds"]],
        "minutes": data["minutes"],
        "townships": [
            {
                "code": row["code"],
                "name": row["name"],
                "population": row["population"],
                "geometry": geometries.get(row["code"]),
                "share": {
                    kind: {
                        m: percent(row["kinds"].get(kind, {}).get(m, 0), row["population"])
                        for m in data["minutes"]
                    }
                    for kind in data["kinds"]
                },
            }
            for row in data["townships"]
        ],
        "labels": {"population": _("Population"), "within": _("within %(minutes)s min")},
    }
    scenario, problem = None, None
    if "whatif" in request.GET:
        try:
            minutes = float(request.GET.get("minutes") or 30)
        except ValueError:
            minutes = math.nan
        try:
            numbers, classes = parse_roads(request.GET.getlist("road"))
            scenario = what_if(
                division,
                year,
                request.GET.get("kind", "township"),
                minutes,
                close=[c for c in request.GET.getlist("close") if c],
                add=[c for c in request.GET.getlist("add") if c],
                close_roads=numbers,
                close_road_classes=classes,
            )
        except AccessError as error:
            problem = str(error)
    roads = road_choices(division, year)
    facilities = [(str(KIND_LABELS[k]), facilities_of(division, year, k)) for k in KINDS if k != "primary"]
    places = (
        Division.objects.valid_in(year)
        .filter(subtree_filter("path", division.path))
        .filter(level__gt=division.level)
        .order_by("path")
    )
    return TemplateResponse(
        request,
        "layout/coverage.html",
        {
            "tables": coverage_tables(data, kinds, townships, scenario),
            "export_title": f"{division.display_name} {year} {_('Access to care')}",
            "division": division,
            "year": year,
            "years": YEARS,
            "data": data,
            "kinds": kinds,
            "townships": townships,
            "chart": chart,
            "scenario": scenario,
            "problem": problem,
            "facilities": facilities,
            "places": places,
            "road_classes": road_class_choices(division, year),
            "roads": roads,
            "closed_road_labels": [
                r["label"] for r in roads if scenario and r["number"] in scenario["closed_roads"]
            ]
            if scenario and not scenario["closed_road_classes"]
            else [],
            "asked": request.GET,
            "map_kind": map_kind,
            "isochrones": base64.b64encode(isochrone_map(division, year, map_kind)).decode("ascii"),
        },
    )


def planned_in(division: Division, user):
    """Plans a saved scenario of the division can become projects of: those whose region holds it."""
    return [
        p
        for p in Plan.objects.visible_to(user).select_related("region").order_by("-period_end", "code")
        if division.path.startswith(p.region.path)
    ]


def on_the_page(error: AccessError) -> str:
    """The message of an option shared with the command line, naming the form's field ("--k: …" is the
    command's spelling; a planner on the page sees the label beside the box)."""
    labels = {
        "k": _("New sites (K)"),
        "kind": _("Kind of facility"),
        "minutes": _("Minutes"),
        "candidates": _("Candidates"),
        "capacity": _("Capacity (residents a site may serve)"),
        "sweep": _("Sweep k = 1 to"),
    }
    found = re.match(r"^(?:--)?([a-z_]+)\s*([:：])\s*", str(error))
    if found is None or found.group(1) not in labels:
        return str(error)
    return f"{labels[found.group(1)]}{found.group(2)}{str(error)[found.end() :]}"


def siting_number(asked, name: str, default: float, low: float, high: float) -> float:
    """A number of the siting form (GET to compute, POST to save: the same bounds for both)."""
    try:
        value = float(asked.get(name) or default)
    except ValueError:
        raise AccessError(_("%(field)s: not a number.") % {"field": name}) from None
    if not (low <= value <= high):
        raise AccessError(
            _("%(field)s: must be between %(low)s and %(high)s.") % {"field": name, "low": low, "high": high}
        )
    return value


def siting_chart(data: dict, year: int) -> dict:
    """The map's data: townships (shapes, residents within reach today and with the new sites), the
    existing facilities of the kind and the chosen sites."""
    geometries = dict(
        Boundary.objects.filter(division__code__in=[t["code"] for t in data["townships"]])
        .filter(division__in=Division.objects.valid_in(year))
        .values_list("division__code", "geometry")
    )
    return {
        "townships": [
            {
                "code": t["code"],
                "name": t["name"],
                "population": t["population"],
                "geometry": geometries.get(t["code"]),
                "before": percent(t["before"], t["population"]),
                "after": percent(t["after"], t["population"]),
            }
            for t in data["townships"]
        ],
        "existing": [[f["longitude"], f["latitude"], f["name"]] for f in data["existing"]],
        "sites": [[s["longitude"], s["latitude"], s["label"], s["served"]] for s in data["exact"]["sites"]],
        "labels": {
            "population": _("Population"),
            "today": _("Within %(minutes)s min today") % {"minutes": f"{data['minutes']:g}"},
            "after": _("Within %(minutes)s min with the new sites") % {"minutes": f"{data['minutes']:g}"},
            "existing": _("Existing facilities"),
            "sites": _("New sites"),
            "served": _("Residents served"),
        },
    }


def up_to(value, decimals: int = 2) -> Cell:
    """A figure as `floatformat:"-N"` shows it: whole when it is, else to N places."""
    if value is None:
        return Cell(None)
    value = round(float(value), decimals)
    whole = value == int(value)
    return Cell(int(value) if whole else value, decimals=0 if whole else decimals)


def siting_tables(data: dict | None, scenarios: list, may_make_projects: bool) -> list[Table]:
    """The siting page's tables, as it shows them and its .xlsx/.csv write them: the answer's headline
    figures and its sites, the sweep k = 1..K, and the scenarios saved (a planner's form to make
    projects of one is the page's alone)."""
    tables = []
    separator = "; " if (get_language() or "").startswith("en") else "；"
    if data is not None:
        figures = headline_table()
        figures.add(_("Resident population"), data["population"])
        figures.add(
            _("Within %(minutes)s minutes today") % {"minutes": f"{data['minutes']:g}"},
            data["covered_before"],
        )
        figures.add(_("More residents covered"), data["exact"]["newly_covered"])
        gap = up_to(data["exact"]["gap_percent"])
        figures.add(_("Gap to the best possible (%)"), gap)
        tables.append(figures)
        columns = [
            Column(_("Near")),
            Column(_("Township")),
            Column(_("Place")),
            Column(_("Longitude"), kind=NUMBER, decimals=4),
            Column(_("Latitude"), kind=NUMBER, decimals=4),
        ]
        if data["capacitated"]:
            columns += [
                Column(_("Capacity"), kind=NUMBER, decimals=0),
                Column(_("Residents served"), kind=NUMBER, decimals=0),
            ]
        sites = Table(_("New sites"), columns, html_id="siting-sites", stack=False)
        for site in data["exact"]["sites"]:
            cells = [site["near"], site["township"], site["place"], site["longitude"], site["latitude"]]
            if data["capacitated"]:
                cells += [site.get("capacity"), site.get("served")]
            sites.add(*cells)
        tables.append(sites)
        if data["sweep"]:
            sweep = Table(
                _("How much each added site brings"),
                [
                    Column("k", kind=NUMBER, decimals=0),
                    Column(_("More residents covered"), kind=NUMBER, decimals=0),
                    Column(_("Added by the k-th site"), kind=NUMBER, decimals=0),
                    Column(_("Within reach after"), kind=NUMBER, decimals=0),
                    Column(_("Gap to the best possible (%)"), kind=NUMBER),
                    Column(_("Places")),
                ],
                html_id="siting-sweep",
                stack=False,
            )
            for step in data["sweep"]:
                sweep.add(
                    step["k"],
                    step["newly_covered"],
                    step["marginal"],
                    step["covered_after"],
                    up_to(step["gap_percent"]),
                    separator.join(site["label"] for site in step["sites"]),
                    k=step["k"],
                )
            tables.append(sweep)
    saved = Table(
        _("Saved scenarios"),
        [
            Column(_("Name")),
            Column(_("Minutes"), kind=NUMBER),
            Column(_("Places")),
            Column(_("More residents covered"), kind=NUMBER, decimals=0),
            Column(_("Gap to the best possible (%)"), kind=NUMBER),
            Column(_("Projects")),
        ],
        html_id="siting-scenarios",
        empty=_("None yet."),
        actions="layout/_scenario_projects.html" if may_make_projects else "",
        actions_heading=_("Make planned projects") if may_make_projects else "",
        stack=False,
    )
    joiner = ", " if separator == "; " else "、"
    for scenario in scenarios:
        made = len(scenario.projects or [])
        saved.add(
            scenario.name,
            up_to(scenario.minutes, 1),
            joiner.join(site.get("place_name", "") for site in scenario.sites),
            scenario.newly_covered,
            up_to(scenario.gap_percent),
            ngettext("%(n)s project planned", "%(n)s projects planned", made) % {"n": made} if made else "",
            item=scenario,
            scenario=scenario.pk,
        )
    tables.append(saved)
    return tables


@login_required
@exportable("siting")
def siting(request, code):
    """Where K new facilities would cover most residents within M minutes, with the sweep k = 1..K;
    planners save an answer as a scenario and turn a saved scenario into planned projects."""
    year = selected_year(request)
    division = visible_division(request, code, year)
    problem, data, notice = None, None, None
    if request.method == "POST":
        require(request.user, Capability.PLAN)
        try:
            if request.POST.get("action") == "projects":
                # a scenario of this page's division only (the form names it by its id)
                scenario = get_object_or_404(
                    SitingScenario.objects.visible_to(request.user).filter(division=division),
                    pk=request.POST.get("scenario"),
                )
                plan = get_object_or_404(Plan.objects.visible_to(request.user), code=request.POST.get("plan"))
                made = scenario_to_projects(scenario, plan, request.user)
                notice = _("%(count)s planned projects added to %(plan)s.") % {
                    "count": len(made),
                    "plan": plan.display_title,
                }
            else:
                kept = division_siting(
                    division,
                    year,
                    request.POST.get("kind", "township"),
                    int(siting_number(request.POST, "k", 0, 1, 30)),
                    int(siting_number(request.POST, "candidates", 50, 1, 500)),
                    siting_number(request.POST, "minutes", 30, 0.01, 240),
                    time_limit=20.0,
                    capacity=parse_capacity(request.POST.get("capacity", ""), _("capacity")),
                    one_per_township=request.POST.get("per_township", "one") != "any",
                )
                scenario = save_scenario(kept, request.POST.get("name", ""), request.user)
                notice = _("Saved as scenario %(name)s.") % {"name": scenario.name}
        except (AccessError, ValueError) as error:
            problem = (
                on_the_page(error)
                if isinstance(error, AccessError)
                else _("k, candidates, minutes: not numbers.")
            )
    asked = request.GET if "k" in request.GET else None
    if asked is not None and request.method == "GET":
        try:
            kind = request.GET.get("kind", "township")
            k = int(siting_number(request.GET, "k", 3, 1, 30))
            data = division_siting(
                division,
                year,
                kind,
                k,
                int(siting_number(request.GET, "candidates", 50, 1, 500)),
                siting_number(request.GET, "minutes", 30, 0.01, 240),
                time_limit=20.0,
                sweep_to=int(siting_number(request.GET, "sweep", k, 0, 30)),
                capacity=parse_capacity(request.GET.get("capacity", ""), _("capacity")),
                one_per_township=request.GET.get("per_township", "one") != "any",
            )
        except AccessError as error:
            problem = on_the_page(error)
    if data is not None:
        for site in data["exact"]["sites"] + data["greedy"]["sites"]:
            site["label"] = site_label(site)
        for step in data["sweep"]:
            for site in step["sites"]:
                site["label"] = site_label(site)
    scenarios = list(
        SitingScenario.objects.visible_to(request.user)
        .filter(division=division, year=year)
        .order_by("-created")
    )
    plans = planned_in(division, request.user) if can(request.user, Capability.PLAN) else []
    return TemplateResponse(
        request,
        "layout/siting.html",
        {
            "tables": siting_tables(data, scenarios, bool(plans)),
            "export_title": f"{division.display_name} {year} {_('Where to build next')}",
            "division": division,
            "year": year,
            "years": YEARS,
            "kinds": [(k, KIND_LABELS[k]) for k in KINDS],
            "form": {
                "kind": request.GET.get("kind", "township"),
                "k": request.GET.get("k", "3"),
                "minutes": request.GET.get("minutes", "30"),
                "candidates": request.GET.get("candidates", "50"),
                "sweep": request.GET.get("sweep") or request.GET.get("k", "3"),
                "capacity": request.GET.get("capacity", ""),
                "per_township": "any" if request.GET.get("per_township") == "any" else "one",
            },
            "data": data,
            "chart": siting_chart(data, year) if data else None,
            "problem": problem,
            "notice": notice,
            "scenarios": scenarios,
            "plans": plans,
            "may_plan": can(request.user, Capability.PLAN),
        },
        status=400 if problem and request.method == "POST" else 200,  # a refused save is not a success
    )


# ------------------------------------------------------------------ allocation norms as data
def _regions_of(norms) -> dict[str, Division]:
    codes = {region_code(n.region) for n in norms}
    return {d.code: d for d in Division.objects.filter(code__in=codes).order_by("valid_from")}


def threshold_text(norm: Norm) -> str:
    """'≥ 8.6 beds per 1000 residents', '≥ 35%', '5–8 institutions': the threshold as the page states it."""
    if norm.kind == NormKind.BED_FREEZE:
        return _("no new beds: occupancy < %(occupancy)s%% and average stay > %(stay)s days") % {
            "occupancy": f"{norm.minimum:g}",
            "stay": f"{norm.stay_above:g}",
        }
    if norm.kind in (NormKind.REACH, NormKind.RADIUS):
        within = (_("within %(n)s minutes") if norm.kind == NormKind.REACH else _("within %(n)s km")) % {
            "n": f"{norm.within:g}"
        }
        if norm.minimum is None:
            return _("residents %(within)s (no share stated)") % {"within": within}
        return _("≥ %(share)s%% of residents %(within)s") % {"share": f"{norm.minimum:g}", "within": within}
    value = f"{norm.minimum:g}" if norm.maximum is None else f"{norm.minimum:g}–{norm.maximum:g}"
    text = ("≥ " if norm.maximum is None else "") + value
    if norm.kind == NormKind.SHARE and norm.per == 100:
        return f"{text}%"
    text = f"{text} {norm.get_unit_display()}"
    if norm.kind == NormKind.PER_POPULATION:
        return f"{text} " + _("per %(per)s residents") % {"per": f"{norm.per:,g}"}
    if norm.per != 1:
        return f"{text} " + _("per %(per)s") % {"per": f"{norm.per:,g}"}
    return text


@login_required
def norm_list(request):
    """The norms that apply in the reader's places, per region, with clause, edition and revision."""
    norms = list(Norm.objects.visible_to(request.user).order_by("region", "code"))
    regions = _regions_of(norms)
    groups: dict[str, dict] = {}
    for norm in norms:
        region = regions.get(region_code(norm.region))
        group = groups.setdefault(
            region_code(norm.region),
            {
                "region": region,
                "norms": [],
                "writable": bool(region) and may_write_norm_of(request.user, region.path),
            },
        )
        norm.threshold = threshold_text(norm)
        group["norms"].append(norm)
    return render(
        request,
        "layout/norms.html",
        {
            "groups": list(groups.values()),
            "may_write": can(request.user, Capability.EDIT_NORMS),
        },
    )


@login_required
def norm_export(request):
    """The norms the reader sees, in the import template's layout (one writer): edited and imported
    back, an unchanged file changes nothing."""
    norms = Norm.objects.visible_to(request.user).order_by("region", "code")
    response = HttpResponse(workbooks.export("norms", norms, "xlsx"), content_type=FORMATS["xlsx"])
    return attach(response, download_name(_("Allocation norms"), extension="xlsx"))


def _visible_norm(request, code) -> Norm:
    return get_object_or_404(Norm.objects.visible_to(request.user), code=code)


def _save_from_form(request, form, norm):
    """The form's values through the one action; a refusal (the region is not the writer's) is a 403
    with its reason, a rule broken at saving a message on its field."""
    try:
        return actions.save_norm(form.values(), request.user, norm)
    except PermissionDenied:
        raise
    except ValidationError as error:
        form._update_errors(error)
        return None


@login_required
def norm_new(request):
    require(request.user, Capability.EDIT_NORMS)
    form = NormForm(request.POST if request.method == "POST" else None)  # an empty POST is bound
    if request.method == "POST" and form.is_valid():
        region = actions.region_of(form.instance)
        if not may_write_norm_of(request.user, region.path):
            raise PermissionDenied(
                _("Only a planner whose scope covers %(name)s (or a catalogue manager) may write its norms.")
                % {"name": region.display_name}
            )
        norm = _save_from_form(request, form, None)
        if norm is not None:
            return redirect("layout-norm", code=norm.code)
    return render(request, "layout/norm_form.html", {"form": form}, status=400 if form.errors else 200)


def norm_tables(norm: Norm, region: Division, versions: list) -> list[Table]:
    """A norm's page as tables: what it states (code, region, threshold, level, measure, source, clause,
    note, revision) and its revisions (who changed what, when), as the page shows them and its .xlsx and
    .csv write them."""
    facts = Table(
        _("Allocation norm"), [Column(_("Item")), Column(_("Value"))], html_id="norm-facts", stack=False
    )
    threshold = norm.threshold + (str(bracketed(norm.year)) if norm.year else "")
    level = norm.get_level_display() + (f" · {norm.get_place_kind_display()}" if norm.place_kind else "")
    facts.add(_("Code"), norm.code)
    facts.add(_("Region"), region.display_name)
    facts.add(_("Threshold"), threshold)
    facts.add(_("Judged at level"), level)
    facts.add(_("Measure"), norm.measure + (f" / {norm.basis}" if norm.basis else ""))
    facts.add(_("Source"), f"{norm.source} · {_('edition')} {norm.version}")
    facts.add(_("Clause (Chinese original)"), f"“{norm.clause}”")
    if norm.note_label:
        facts.add(_("Note"), norm.note_label)
    facts.add(_("Revision"), str(norm.revision))
    history = Table(
        _("Revisions"),
        [
            Column(_("Revision"), kind=NUMBER, decimals=0),
            Column(_("Time"), kind=DATE),
            Column(_("User")),
            Column(_("Action")),
            Column(_("Changes")),
        ],
        html_id="norm-history",
        stack=True,
    )
    for v in versions:
        changes = "—"
        if v.action == "update":
            changes = "\n".join(
                f"{label}: {'—' if before is None else before} → {'—' if after is None else after}"
                for label, before, after in v.changes
            )
        history.add(
            v.revision,
            timezone.localtime(v.at).replace(tzinfo=None),
            v.actor_display,
            v.get_action_display(),
            changes,
            revision=v.revision,
        )
    return [facts, history]


@login_required
@exportable("norm")
def norm_detail(request, code):
    """A norm, its revisions (who changed what, when) and, for whoever may write it, the edit form."""
    norm = _visible_norm(request, code)
    region = actions.region_of(norm)
    writable = may_write_norm_of(request.user, region.path)
    form = None
    if request.method == "POST":
        require(request.user, Capability.EDIT_NORMS)
        if not writable:
            raise PermissionDenied(
                _("Only a planner whose scope covers %(name)s (or a catalogue manager) may write its norms.")
                % {"name": region.display_name}
            )
        form = NormForm(request.POST, instance=Norm.objects.get(pk=norm.pk))
        if form.is_valid() and (saved := _save_from_form(request, form, norm)) is not None:
            return redirect("layout-norm", code=saved.code)
    elif writable:
        form = NormForm(instance=norm)
    norm.threshold = threshold_text(norm)
    versions = list(NormVersion.of(norm))
    labels = {f.name: f.verbose_name for f in Norm._meta.fields}
    for version in versions:
        version.changes = [
            (labels.get(name, name), (version.before or {}).get(name), (version.after or {}).get(name))
            for name in version.changed()
        ]
    return TemplateResponse(
        request,
        "layout/norm.html",
        {
            "norm": norm,
            "region": region,
            "form": form,
            "versions": versions,
            "writable": writable,
            "tables": norm_tables(norm, region, versions),
            "export_title": f"{region.display_name} {norm.year or ''} {norm.label} {_('Revisions')}",
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_POST
def norm_delete(request, code):
    require(request.user, Capability.EDIT_NORMS)
    norm = _visible_norm(request, code)
    try:
        actions.delete_norm(norm, request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
        return redirect("layout-norm", code=norm.code)
    messages.success(request, _("Deleted %(name)s; its revisions are kept.") % {"name": norm.label})
    return redirect("layout-norms")
