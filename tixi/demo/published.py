"""Figures the seeds publish that are reported rather than counted (key specialties, health
literacy, hygienic towns...): stored as the data values of their division and baseline year, so the
demo never contradicts them (`tixi figures --check` reads them back). They are demo data like the
rest, so they are marked synthetic and regenerated with it."""

from django.db import transaction

from tixi.demo.builder import load_specs
from tixi.geo.models import Division
from tixi.indicators.models import DataElement, DataValue


@transaction.atomic
def store_published_values() -> int:
    stored = 0
    for spec in load_specs():
        cal = spec.get("calibration")
        if not cal:
            continue
        division = Division.objects.at(cal["division"].ljust(12, "0"), cal["year"])
        for item in spec.get("published", []):
            if "element" not in item:
                continue
            DataValue.objects.update_or_create(
                element=DataElement.objects.get(code=item["element"]),
                option=item.get("option", ""),
                division=division,
                period=str(cal["year"]),
                defaults={
                    "value": item["value"],
                    "is_synthetic": True,
                    "comment": item["source"][:200],  # the seed's own words
                },
            )
            stored += 1
    return stored
