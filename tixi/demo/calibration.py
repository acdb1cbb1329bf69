"""Published baseline figures (tixi/demo/data/*.yaml) checked against the registry."""

from django.db.models import Sum

from tixi.demo.builder import load_specs
from tixi.geo.models import Division
from tixi.registry.engine.figures import CheckResult, check
from tixi.registry.models import InstitutionYear
from tixi.registry.services import division_figures


def published_for(code: str) -> tuple[int | None, list[dict], str]:
    """(baseline year, published items, seed file) for a 12-digit division code."""
    for spec in load_specs():
        cal = spec.get("calibration")
        if cal and cal["division"].ljust(12, "0") == code:
            return cal["year"], spec.get("published", []), spec.get("seed", "")
    return None, [], ""


def check_division(division: Division, year: int) -> list[CheckResult]:
    published_year, items, _seed = published_for(division.code)
    if published_year != year:
        return []
    computed = division_figures(division, year, decimals=None)
    by_institution = [i for i in items if "institution" in i]
    names = [i["institution"] for i in by_institution]
    values = dict(
        InstitutionYear.objects.filter(year=year, institution__name__in=names)
        .in_division(division)
        .values_list("institution__name")
        .annotate(total=Sum("approved_beds"))
    )
    for item in by_institution:
        computed[f"{item['institution']}:{item['key']}"] = values.get(item["institution"], 0)
    computed["table2_approved_beds_total"] = sum(values.values())
    plain = [i if "institution" not in i else {**i, "key": f"{i['institution']}:{i['key']}"} for i in items]
    return check(plain, computed)
