"""Figures of the registry for a division and year, computed in bulk with a constant number of queries."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Substr

from tixi.geo.models import Division, year_end
from tixi.geo.services import population_by_child, population_by_year, population_of
from tixi.registry.engine import figures as engine
from tixi.registry.engine.classification import DEPARTMENT_FIGURES
from tixi.registry.models import Department, InstitutionYear

# The classification of the year's report (no join with the institutions).
GROUP_FIELDS = {name: name for name in ("type", "level", "grade", "ownership", "operator")}


def _has_department(kind: str, year: int):
    end = year_end(year)
    return Exists(
        Department.objects.filter(institution=OuterRef("institution"), kind=kind, opened_on__lte=end).filter(
            Q(closed_on__isnull=True) | Q(closed_on__gt=end)
        )
    )


def _grouped(queryset, year: int | None, *extra):
    """One row per institution attribute combination (and `extra` keys) with counts and sums.
    With a year, also how many have each department open at that year's end."""
    departments = DEPARTMENT_FIGURES if year is not None else ()
    flags = {f"has_{kind}": _has_department(kind, year) for kind in departments}
    return (
        queryset.annotate(**flags)
        .values(*extra, *GROUP_FIELDS.values())
        .annotate(
            n=Count("id"),
            # before the sums, whose names would shadow the fields
            beds_without_open_bed_days=Sum("actual_beds", filter=Q(open_bed_days=0)),
            **{m: Sum(m) for m in engine.MEASURES},
            **{f"dept_{kind}": Count("id", filter=Q(**{f"has_{kind}": True})) for kind in departments},
        )
        .order_by()
    )


def _group(row) -> engine.Group:
    return engine.Group(
        **{name: row[field] for name, field in GROUP_FIELDS.items()},
        institutions=row["n"],
        sums={
            **{m: row[m] for m in engine.MEASURES},
            "beds_without_open_bed_days": row["beds_without_open_bed_days"] or 0,
            "departments": {
                kind: row[f"dept_{kind}"] for kind in DEPARTMENT_FIGURES if f"dept_{kind}" in row
            },
        },
    )


def division_figures(division: Division, year: int, decimals: int | None = 2) -> dict:
    """Every registry figure of `division` (its subtree on the map of `year`) at the end of `year`."""
    rows = _grouped(InstitutionYear.objects.filter(year=year).in_division(division), year)
    figures = engine.compute((_group(r) for r in rows), population_of(division, year), decimals)
    return {"division": division.code, "division_name": division.name, "year": year, **figures}


def children_figures(division: Division, year: int) -> list[tuple[Division, dict]]:
    """Figures of each child division (on the map of `year`): three queries in all."""
    children = list(Division.objects.valid_in(year).filter(parent__path=division.path).order_by("code"))
    prefix_length = len(division.path) + 13
    rows = _grouped(
        InstitutionYear.objects.filter(year=year)
        .in_division(division)
        .annotate(child=Substr("division_path", 1, prefix_length)),
        None,  # department shares are not shown per child; leaving them out halves the time
        "child",
    )
    groups = defaultdict(list)
    for row in rows:
        groups[row["child"]].append(_group(row))
    population = population_by_child(division, year)
    return [
        (
            child,
            engine.compute(
                groups.get(child.path, []), population.get(child.path, engine.PopulationSummary(None))
            ),
        )
        for child in children
    ]


SERIES_MEASURES = (
    "actual_beds",
    "approved_beds",
    "health_workers",
    "physicians",
    "nurses",
    "pharmacists",
    "gps",
)


def division_series(division: Division, years) -> dict[int, dict]:
    """Totals and per-1,000 rates of one division for several years: two light queries in all."""
    years = list(years)
    rows = (
        InstitutionYear.objects.filter(year__in=years)
        .in_division(division)
        .values("year")
        .annotate(institutions=Count("id"), **{m: Sum(m) for m in SERIES_MEASURES})
        .order_by()
    )
    by_year = {row["year"]: row for row in rows}
    population = population_by_year(division, years)
    series = {}
    for year in years:
        row = by_year.get(year, {})
        pop = population.get(year, engine.PopulationSummary(None)).total
        series[year] = {
            "resident_population": pop,
            "institutions": row.get("institutions", 0),
            **{m: row.get(m) or 0 for m in SERIES_MEASURES},
            "beds_per_1000": engine.rate_per(row.get("actual_beds"), pop, 1000),
            "physicians_per_1000": engine.rate_per(row.get("physicians"), pop, 1000),
            "nurses_per_1000": engine.rate_per(row.get("nurses"), pop, 1000),
            "gps_per_10000": engine.rate_per(row.get("gps"), pop, 10000),
        }
    return series


def cube_drift() -> list[tuple]:
    """Cube rows that differ from a fresh grouping of the yearly reports: empty unless the triggers
    missed a write (checked by the tests; `tixi manage shell` for a repair: cube.rebuild_sql)."""
    from django.db import connection

    from tixi.registry import cube
    from tixi.registry.models import RESOURCE_FIELDS

    with connection.cursor() as cursor:
        cursor.execute(cube.drift_sql(list(RESOURCE_FIELDS)))
        return cursor.fetchall()
