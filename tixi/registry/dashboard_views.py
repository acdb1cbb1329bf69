"""The division dashboard and its map: the registry's figures over a division of a year's map."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tixi.core.exports import NUMBER, Cell, Column, Table, exportable
from tixi.geo.models import Boundary, Division
from tixi.geo.tree_views import reported_years, selected_year, visible_division
from tixi.registry.engine import classification as cls
from tixi.registry.models import Category, Institution, InstitutionType, display_name_of, grade_label
from tixi.registry.planned import planned_capacity_in
from tixi.registry.services import children_figures, division_figures, division_series

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


@login_required
@exportable("dashboard")
def dashboard(request, code):
    years = reported_years()
    year = selected_year(request, years)
    division = visible_division(request, code, year)
    figures = division_figures(division, year)
    children = children_figures(division, year)
    series = division_series(division, years)
    type_labels = dict(InstitutionType.choices)
    chart = {
        "types": [
            [str(type_labels[t]), n]
            for t, n in sorted(figures["institutions_by_type"].items(), key=lambda kv: -kv[1])
        ],
        "years": years,
        "rates": {key: [series[y][key] for y in years] for key, _label in RATE_CHOICES},
        "rate_labels": {key: str(label) for key, label in RATE_CHOICES},
        "children": [
            {
                "name": c.display_name,
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
        "years": years,
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
        # the map is drawn where the children have boundaries; "synthetic" only where they are
        "boundaries": boundary_kinds(division),
        "synthetic_data": division.is_synthetic or any(c.is_synthetic for c, _f in children),
    }
    context["tables"] = dashboard_tables(division, year, context)
    context["export_title"] = f"{division.display_name} {year}"
    return TemplateResponse(request, "registry/dashboard.html", context)


def dashboard_tables(division, year, context) -> list[Table]:
    """The headline figures (shown as cards, hospitals by grade among them) and the figures by
    child division."""
    figures, planned = context["figures"], context["planned"]
    headline = Table(_("Headline figures"), [Column(_("Figure")), Column(_("Value"), kind=NUMBER)])
    add = headline.add
    add(_("Resident population"), figures["resident_population"])
    add(_("Institutions"), figures["institutions"], id="institution-count")
    for label, n in context["categories"]:
        add(str(label), n)
    add(_("Actual beds"), figures["actual_beds"])
    if planned["beds"] or planned["childcare_places"]:
        more = _("childcare places")
        note = f"{_('beds')} · +{planned['childcare_places']:,} {more}"
        add(
            _("Planned by major projects"),
            Cell(planned["beds"], href=reverse("projects"), note=note),
            id="planned-capacity",
        )
    add(_("Health workers"), figures["health_workers"])
    for key, label in (
        ("beds_per_1000", _("Beds per 1,000")),
        ("physicians_per_1000", _("Physicians per 1,000")),
        ("nurses_per_1000", _("Nurses per 1,000")),
        ("pharmacists_per_1000", _("Pharmacists per 1,000")),
        ("gps_per_10000", _("GPs per 10,000")),
        ("public_health_staff_per_10000", _("Public health staff per 10,000")),
        ("childcare_places_per_1000", _("Childcare places per 1,000")),
    ):
        add(label, figures[key])
    for grade, n in context["grades"]:
        add(str(grade), n, group="grade")
    columns = [
        Column(_("Division")),
        Column(_("Residents"), kind=NUMBER),
        Column(_("Institutions"), kind=NUMBER),
        Column(_("Actual beds"), kind=NUMBER),
        # rates to two decimals in every row (2.40, not 2.4 beside 2.33)
        *(Column(str(label), kind=NUMBER, decimals=2) for _key, label in RATE_CHOICES),
    ]
    by_division = Table(_("By division"), columns, html_id="children-table")
    base = reverse("division-dashboard", args=["0"]).removesuffix("0/")
    for child, f in context["children"]:
        by_division.add(
            Cell(
                child.display_name,
                href=f"{base}{child.code}/?year={year}",
                badge=_("synthetic") if child.is_synthetic else "",
            ),
            f["resident_population"],
            f["institutions"],
            f["actual_beds"],
            *(f[key] for key, _label in RATE_CHOICES),
        )
    return [headline, by_division] if context["children"] else [headline]


def boundary_kinds(division: Division) -> set[str]:
    """{"real", "synthetic"}: the kinds of boundary the division's children have (empty: none)."""
    flags = (
        Boundary.objects.filter(division__parent__path=division.path)
        .values_list("is_synthetic", flat=True)
        .distinct()
    )
    return {"synthetic" if flag else "real" for flag in flags}


@login_required
def division_map(request, code):
    """GeoJSON of the division's children (with figures) and the points of its main institutions."""
    year = selected_year(request, reported_years())
    division = visible_division(request, code, year)
    figures = {c.code: f for c, f in children_figures(division, year)}
    boundaries = Boundary.objects.filter(division__parent__path=division.path).select_related("division")
    features = [
        {
            "type": "Feature",
            "properties": {
                "name": b.division.display_name,
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
                {"name": display_name_of(n), "type": str(type_labels[t]), "value": [x, y], "code": c}
                for n, t, x, y, c in points
            ],
        }
    )
