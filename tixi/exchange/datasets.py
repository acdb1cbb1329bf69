"""Data sets of divisions: the entry form per (division, period) and completeness per period.

The yearly resource report of institutions is a data set too; its form and completeness are the
registry's (registry.views.resources_edit, approval.completeness)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min
from django.utils.translation import gettext as _

from tixi.core import clock
from tixi.exchange.approval import refuse_if_locked
from tixi.exchange.engine.cells import CellError, number
from tixi.geo.models import Division, subtree_filter
from tixi.indicators.engine import periods
from tixi.indicators.models import DataElement, DataSet, DataValue


def check_period(data_set: DataSet, period: str) -> str:
    period = (period or "").strip()
    try:
        kind = periods.type_of(period)
    except periods.PeriodError:
        raise ValidationError({"period": _("A period is YYYY, YYYYQn (a quarter) or YYYYMM.")}) from None
    if kind != data_set.period_type:
        raise ValidationError(
            {
                "period": _(
                    "The period %(period)s does not fit: %(data_set)s is filed %(type)s (for example %(example)s)."
                )
                % {
                    "period": period,
                    "data_set": data_set.name,
                    "type": data_set.get_period_type_display(),
                    "example": periods.latest_closed(data_set.period_type, clock.today()),
                }
            }
        )
    return period


def fields_of(data_set: DataSet) -> list[tuple[DataElement, str]]:
    """(element, option) for each cell of the form: an element, or each of its disaggregations."""
    return [(e, o) for e in data_set.elements.order_by("code") for o in (e.options or [""])]


def entry_rows(data_set: DataSet, division: Division, period: str) -> list[dict]:
    """Each field of the form with its value and the previous period's (two queries)."""
    before = periods.previous(period)
    values = {
        (v.element_id, v.option, v.period): v
        for v in DataValue.objects.filter(
            division=division, period__in=[period, before], element__in=data_set.elements.all()
        )
    }
    return [
        {
            "element": element,
            "option": option,
            "name": f"{element.code}.{option}" if option else element.code,
            "value": values.get((element.id, option, period)),
            "previous": values.get((element.id, option, before)),
        }
        for element, option in fields_of(data_set)
    ]


@transaction.atomic
def save_field(data_set: DataSet, division: Division, period: str, field: str, raw, user, comment: str = ""):
    """Save one field of the form: the element must be in the set, the value a number, the period of
    the set's type and not locked by an approval. An empty value deletes the stored one."""
    period = check_period(data_set, period)
    code, _sep, option = field.partition(".")
    element = data_set.elements.filter(code=code).first()
    if element is None or (option and option not in (element.options or [])):
        raise ValidationError({"field": _("%(field)s is not a field of this data set.") % {"field": field}})
    refuse_if_locked(division.path, periods.year_of(period))
    try:
        value = number(raw, minimum=0, maximum=1e12)
    except CellError as error:
        message = _(error.message) % error.params if error.params else _(error.message)
        raise ValidationError({field: f"{element.name}: {message}"}) from None
    cell = {"element": element, "option": option, "division": division, "period": period}
    if value is None:
        DataValue.objects.filter(**cell).delete()
        return None
    stored, _created = DataValue.objects.update_or_create(
        **cell, defaults={"value": value, "comment": comment[:200], "stored_by": user, "is_synthetic": False}
    )
    return stored


def completeness(data_set: DataSet, division: Division, period: str) -> list[dict]:
    """Per child division: reporting divisions expected (those at the set's level), received (with
    any value of the set for the period), and the share received by the deadline."""
    year = periods.year_of(period)
    deadline = dt.datetime.combine(
        periods.end_of(period) + dt.timedelta(days=data_set.due_days), dt.time.max, tzinfo=dt.UTC
    )
    children = list(Division.objects.valid_in(year).filter(parent__path=division.path).order_by("code"))
    reporters = list(
        Division.objects.valid_in(year)
        .filter(subtree_filter("path", division.path), level=data_set.level)
        .values_list("id", "path")
    )
    if division.level == data_set.level:
        reporters = [(division.id, division.path)]
        children = [division]
    received = {
        row["division_id"]: row
        for row in DataValue.objects.filter(
            period=period, element__in=data_set.elements.all(), division_id__in=[r[0] for r in reporters]
        )
        .values("division_id")
        .annotate(first=Min("updated_at"), last=Max("updated_at"))
        .order_by()
    }
    result = []
    for child in children:
        mine = [i for i, path in reporters if path.startswith(child.path)]
        got = [received[i] for i in mine if i in received]
        on_time = sum(1 for r in got if r["first"] <= deadline)
        result.append(
            {
                "division": child,
                "expected": len(mine),
                "received": len(got),
                "share": round(100 * len(got) / len(mine), 1) if mine else None,
                "on_time_share": round(100 * on_time / len(got), 1) if got else None,
            }
        )
    return result
