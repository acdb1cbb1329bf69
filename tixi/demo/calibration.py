"""Published baseline figures (tixi/demo/data/*.yaml) checked against the registry."""

import datetime as dt

from django.db.models import Q, Sum

from tixi.demo.builder import load_specs
from tixi.geo.models import Division, subtree_filter
from tixi.registry.engine import classification as cls
from tixi.registry.engine.figures import CheckResult, check
from tixi.registry.models import Designation, InstitutionYear
from tixi.registry.services import division_figures


def published_for(code: str) -> tuple[int | None, list[dict], str]:
    """(baseline year, published items, seed file) for a 12-digit division code."""
    for spec in load_specs():
        cal = spec.get("calibration")
        if cal and cal["division"].ljust(12, "0") == code:
            return cal["year"], spec.get("published", []), spec.get("seed", "")
    return None, [], ""


def contradictions_for(code: str) -> list[str]:
    """Contradictions inside the seed of a division's published figures, as recorded beside them."""
    for spec in load_specs():
        cal = spec.get("calibration")
        if cal and cal["division"].ljust(12, "0") == code:
            return spec.get("contradictions", [])
    return []


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
    end = dt.date(year, 12, 31)
    computed["enterprise_hospitals"] = (
        InstitutionYear.objects.filter(
            year=year,
            operator="enterprise",
            type__in=[t for t in cls.TYPES if cls.category_of(t) == cls.HOSPITAL],
        )
        .in_division(division)
        .count()
    )
    for item in items:
        if "designation" in item:  # institutions holding a designation at the end of the year
            computed[item["key"]] = (
                Designation.objects.filter(kind=item["designation"], obtained_on__lte=end)
                .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=end))
                .filter(subtree_filter("institution__division__path", division.path))
                .filter(Q(institution__opened_on__isnull=True) | Q(institution__opened_on__lte=end))
                .filter(Q(institution__closed_on__isnull=True) | Q(institution__closed_on__gt=end))
                .values("institution")
                .distinct()
                .count()
            )
        if "element" in item:  # a reported figure: the data value stored for the division and year
            from tixi.indicators.models import DataValue

            computed[item["key"]] = (
                DataValue.objects.filter(
                    element__code=item["element"],
                    option=item.get("option", ""),
                    division=division,
                    period=str(year),
                )
                .values_list("value", flat=True)
                .first()
            )
    plain = [i if "institution" not in i else {**i, "key": f"{i['institution']}:{i['key']}"} for i in items]
    return check(plain, computed)
