"""Population totals over a division subtree: one query, whatever the depth."""

from collections import defaultdict

from django.db.models import F, Sum
from django.db.models.functions import Substr

from tixi.geo.engine.population import PopulationSummary
from tixi.geo.models import Division, Population, subtree_filter

UNDER_3 = ("0-2",)
AGED_65_PLUS = ("65+",)


def _summaries(rows, key) -> dict:
    """Rows of (key, level, age_band, total) -> PopulationSummary per key, taking for each key the
    shallowest level that has data, so that a county total and its townships' rows never add up twice."""
    cells: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for row in rows:
        cells[row[key]][row["division__level"]][row["age_band"]] += row["total"]
    result = {}
    for k, levels in cells.items():
        bands = levels[min(levels)]
        result[k] = PopulationSummary(
            total=sum(bands.values()),
            under_3=sum(bands.get(b, 0) for b in UNDER_3),
            aged_65_plus=sum(bands.get(b, 0) for b in AGED_65_PLUS),
        )
    return result


def population_of(division: Division, year: int) -> PopulationSummary:
    rows = (
        Population.objects.filter(year=year)
        .filter(subtree_filter("division__path", division.path))
        .annotate(key=F("year"))
        .values("key", "division__level", "age_band")
        .annotate(total=Sum("count"))
    )
    return _summaries(rows, "key").get(year, PopulationSummary(total=None))


def population_by_child(division: Division, year: int) -> dict[str, PopulationSummary]:
    """Population of each child of `division`, keyed by the child's path: one query."""
    prefix_length = len(division.path) + 13
    rows = (
        Population.objects.filter(year=year, division__level__gt=division.level)
        .filter(subtree_filter("division__path", division.path))
        .annotate(key=Substr("division__path", 1, prefix_length))
        .values("key", "division__level", "age_band")
        .annotate(total=Sum("count"))
    )
    return _summaries(rows, "key")


def population_by_year(division: Division, years) -> dict[int, PopulationSummary]:
    rows = (
        Population.objects.filter(year__in=list(years))
        .filter(subtree_filter("division__path", division.path))
        .annotate(key=F("year"))
        .values("key", "division__level", "age_band")
        .annotate(total=Sum("count"))
    )
    return _summaries(rows, "key")
