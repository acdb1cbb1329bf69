"""Writes with rules in the indicators app: one function each, used by the page, the API and imports."""

from django.db import transaction

from tixi.core.text import digits
from tixi.geo.locks import refuse_if_locked
from tixi.indicators.models import DataValue

CELL = ("element", "option", "division", "period")


def _year(period: str) -> int | None:
    return int(period[:4]) if digits(period[:4]) else None


@transaction.atomic
def save_data_value(fields: dict, stored_by, instance: DataValue | None = None) -> DataValue:
    """Save a data value, or refuse it with a ValidationError when its division's year is approved
    (locked). Without `instance` the value replaces the one of its cell (element, option, division,
    period) or starts it; with one (the API's PUT/PATCH) that value changes, and the cell it leaves
    must not be locked either. The lock is read inside the transaction that writes, so an approval
    cannot slip in between the check and the save."""
    fields = {"option": "", **fields}
    cells = [(fields["division"], fields["period"])]
    if instance is not None and instance.pk:
        cells.append((instance.division, instance.period))
    for division, period in cells:
        if (year := _year(period)) is not None:
            refuse_if_locked(division.path, year)
    if instance is None:
        instance, _created = DataValue.objects.update_or_create(
            **{name: fields[name] for name in CELL},
            defaults={
                **{k: v for k, v in fields.items() if k not in CELL},
                "stored_by": stored_by,
                "is_synthetic": False,
            },
        )
        return instance
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.stored_by = stored_by
    instance.save()
    return instance
