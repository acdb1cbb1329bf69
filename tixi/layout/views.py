"""Pages of the layout app: the allocation norms of a division (gaps), and accessibility coverage."""

import math

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from tixi.geo.models import Boundary, Division, subtree_filter
from tixi.geo.tree_views import YEARS, selected_year, visible_division
from tixi.layout.access import KIND_LABELS, KINDS, AccessError, division_coverage, facilities_of, what_if
from tixi.layout.norms import as_json, gaps


@login_required
def norm_gaps(request, code):
    year = selected_year(request)
    division = visible_division(request, code, year)
    data = as_json(division, year, gaps(division, year))
    return render(
        request,
        "layout/gaps.html",
        {"division": division, "year": year, "years": YEARS, "data": data, "norms": data["norms"]},
    )


def percent(part: int, whole: int) -> float | None:
    return None if not whole else round(100.0 * part / whole, 1)


@login_required
def coverage(request, code):
    year = selected_year(request)
    division = visible_division(request, code, year)
    data = division_coverage(division, year)
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
            }
        )
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
            if not (minutes > 0 and math.isfinite(minutes)):
                raise AccessError(_("minutes: must be a positive number of minutes."))
            scenario = what_if(
                division,
                year,
                request.GET.get("kind", "township"),
                minutes,
                close=[c for c in request.GET.getlist("close") if c],
                add=[c for c in request.GET.getlist("add") if c],
            )
        except AccessError as error:
            problem = str(error)
    facilities = [(str(KIND_LABELS[k]), facilities_of(division, year, k)) for k in KINDS if k != "primary"]
    places = (
        Division.objects.valid_in(year)
        .filter(subtree_filter("path", division.path))
        .filter(level__gt=division.level)
        .order_by("path")
    )
    return render(
        request,
        "layout/coverage.html",
        {
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
            "asked": request.GET,
        },
    )
