from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.core import clock
from tixi.core.exports import exportable
from tixi.geo.models import Boundary, Division
from tixi.ledger.services import planned_capacity_in
from tixi.registry.engine import classification as cls
from tixi.registry.models import Category, Institution, InstitutionType, grade_label
from tixi.registry.services import children_figures, division_figures, division_series

YEARS = list(range(2018, 2027))
RATE_CHOICES = [
    ("beds_per_1000", gettext_lazy("beds per 1,000")),
    ("physicians_per_1000", gettext_lazy("physicians per 1,000")),
    ("nurses_per_1000", gettext_lazy("nurses per 1,000")),
    ("gps_per_10000", gettext_lazy("GPs per 10,000")),
]
MAP_TYPES = (
    *cls.types_in(cls.HOSPITAL),
    *cls.TOWNSHIP_HEALTH_CENTRE_TYPES,
    "community_health_centre",
    "cdc",
    "mch_centre",
)


def selected_year(request) -> int:
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdigit() else min(clock.today().year, YEARS[-1])
    return year if YEARS[0] <= year <= YEARS[-1] else YEARS[-1]


def visible_division(request, code: str, year: int) -> Division:
    division = Division.objects.visible_to(request.user).at(code, year)
    if division is None:
        raise Http404(_("No division has this code in your scope."))
    return division


@login_required
@exportable("dashboard")
def dashboard(request, code):
    year = selected_year(request)
    division = visible_division(request, code, year)
    figures = division_figures(division, year)
    children = children_figures(division, year)
    series = division_series(division, YEARS)
    type_labels = dict(InstitutionType.choices)
    chart = {
        "types": [
            [str(type_labels[t]), n]
            for t, n in sorted(figures["institutions_by_type"].items(), key=lambda kv: -kv[1])
        ],
        "years": YEARS,
        "rates": {key: [series[y][key] for y in YEARS] for key, _label in RATE_CHOICES},
        "rate_labels": {key: str(label) for key, label in RATE_CHOICES},
        "children": [
            {
                "name": c.name,
                "code": c.code,
                **{k: f[k] for k, _l in RATE_CHOICES},
                "institutions": f["institutions"],
            }
            for c, f in children
        ],
        "map_url": f"/divisions/{division.code}/map.json?year={year}",
    }
    context = {
        "division": division,
        "ancestors": Division.objects.filter(code__in=[p for p in division.path.strip("/").split("/")[:-1]])
        .valid_in(year)
        .visible_to(request.user),
        "year": year,
        "years": YEARS,
        "figures": figures,
        "children": children,
        "categories": [
            (Category(c).label, figures[k])
            for c, k in (
                (cls.HOSPITAL, "hospitals"),
                (cls.PRIMARY_CARE, "primary_care_institutions"),
                (cls.PUBLIC_HEALTH, "public_health_institutions"),
                (cls.OTHER, "other_institutions"),
            )
        ],
        "chart": chart,
        "grades": [(grade_label(code), n) for code, n in figures["hospitals_by_grade"].items()],
        "rate_choices": RATE_CHOICES,
        "planned": planned_capacity_in(division),
    }
    return render(request, "geo/dashboard.html", context)


@login_required
def division_map(request, code):
    """GeoJSON of the division's children (with figures) and the points of its main institutions."""
    year = selected_year(request)
    division = visible_division(request, code, year)
    figures = {c.code: f for c, f in children_figures(division, year)}
    boundaries = Boundary.objects.filter(division__parent__path=division.path).select_related("division")
    features = [
        {
            "type": "Feature",
            "properties": {
                "name": b.division.name,
                "code": b.division.code,
                "synthetic": b.is_synthetic,
                **{k: figures.get(b.division.code, {}).get(k) for k, _l in RATE_CHOICES},
            },
            "geometry": b.geometry,
        }
        for b in boundaries
        if b.division.valid_in(year)
    ]
    points = (
        Institution.objects.visible_to(request.user)
        .in_division(division, year)
        .filter(type__in=MAP_TYPES)
        .exclude(longitude=None)
        .values_list("name", "type", "longitude", "latitude", "code")
    )
    type_labels = dict(InstitutionType.choices)
    return JsonResponse(
        {
            "type": "FeatureCollection",
            "features": features,
            "institutions": [
                {"name": n, "type": str(type_labels[t]), "value": [x, y], "code": c}
                for n, t, x, y, c in points
            ],
        }
    )


@login_required
@exportable("divisions")
def tree(request):
    year = selected_year(request)
    rows = list(
        Division.objects.visible_to(request.user).valid_in(year).filter(level__lte=4).order_by("path")
    )
    return render(request, "geo/tree.html", {"rows": rows, "year": year, "years": YEARS})
