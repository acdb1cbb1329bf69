"""One rule for every text a user types: no control characters (`tixi.core.text`). It is put on every
CharField and TextField of Tixi's models when the apps are ready, so that model forms, API serializers
(which copy a model field's validators), `full_clean` in the actions and the admin all refuse such a
text with a message naming the field; a last check before every save refuses what came another way
(a view that writes a posted note straight to its row), so nothing is written."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from tixi.core.text import control_character

MESSAGE = _("%(field)s: character %(position)s is a control character (%(code)s); remove it.")


def control_character_message(field_label, value, multiline: bool = False):
    """The message for the first control character of `value`, or None when it has none."""
    found = control_character(value, multiline)
    if found is None:
        return None
    return MESSAGE % {"field": field_label, "position": found[0], "code": found[1]}


@deconstructible
class NoControlCharacters:
    def __init__(self, label, multiline: bool = False):
        self.label, self.multiline = label, multiline

    def __call__(self, value):
        message = control_character_message(self.label, value, self.multiline)
        if message is not None:
            raise ValidationError(message, code="control_character")

    def __eq__(self, other):
        return isinstance(other, NoControlCharacters) and (self.label, self.multiline) == (
            other.label,
            other.multiline,
        )


def text_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices
    ]


# written by Tixi itself, not typed: the trail records the name a row had, whatever it held
UNGUARDED = {"accounts.AuditEntry"}


def guard_text_fields(app_configs) -> None:
    """Adds the rule to the text fields of these apps' models. It goes into the field's `validators`
    (what forms, serializers and `full_clean` run), not into the field's definition, so that no
    migration follows; and a pre-save check, for writes that skip validation."""
    for config in app_configs:
        for model in config.get_models():
            if model._meta.label in UNGUARDED:
                continue
            fields = text_fields(model)
            for field in fields:
                rule = NoControlCharacters(field.verbose_name, isinstance(field, models.TextField))
                if rule not in field.validators:  # a parent's field is also its children's
                    field.validators.append(rule)
            if fields:
                pre_save.connect(refuse_control_characters, sender=model, weak=False)
            for field in date_fields(model):
                if PLAUSIBLE_DATE not in field.validators:
                    field.validators.append(PLAUSIBLE_DATE)
            for field in year_fields(model):
                if PLAUSIBLE_YEAR not in field.validators:
                    field.validators.append(PLAUSIBLE_YEAR)


def date_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField)
    ]


@deconstructible
class PlausibleDate:
    """A date a health system's record can carry: a milestone planned for the year 1 or a case reported in
    2999 is a typing slip, refused with the field's name rather than stored into every series and chart."""

    first, last = dt.date(1900, 1, 1), dt.date(2100, 12, 31)

    def __call__(self, value):
        if value is not None and not self.first <= value <= self.last:
            raise ValidationError(
                _("A date between %(first)s and %(last)s, not %(value)s.")
                % {
                    "first": self.first.isoformat(),
                    "last": self.last.isoformat(),
                    "value": value.isoformat(),
                },
                code="implausible_date",
            )

    def __eq__(self, other):
        return isinstance(other, PlausibleDate)


PLAUSIBLE_DATE = PlausibleDate()


def year_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.IntegerField) and (f.name == "year" or f.name.endswith("_year"))
    ]


@deconstructible
class PlausibleYear:
    """The year of a report, target or norm, in the same span as a date (99999 is a slip; on SQLite it
    would even be stored)."""

    def __call__(self, value):
        first, last = PlausibleDate.first.year, PlausibleDate.last.year
        if value is not None and not first <= value <= last:
            raise ValidationError(
                _("A year between %(first)s and %(last)s, not %(value)s.")
                % {"first": first, "last": last, "value": value},
                code="implausible_year",
            )

    def __eq__(self, other):
        return isinstance(other, PlausibleYear)


PLAUSIBLE_YEAR = PlausibleYear()


def refuse_control_characters(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:  # loaddata (a backup restored) writes what was stored
        return
    errors = {}
    for field in text_fields(sender):
        if update_fields is not None and field.name not in update_fields:
            continue
        multiline = isinstance(field, models.TextField)
        message = control_character_message(field.verbose_name, getattr(instance, field.attname), multiline)
        if message is not None:
            errors[field.name] = [message]
    if errors:
        raise ValidationError(errors)


ROW_MESSAGE = _("%(row)s: %(message)s")


def control_character_problems(model, values: dict) -> list[str]:
    """The pre-save check of `refuse_control_characters` on some field values of a `model` row (by
    field name): a message naming the field for each text field holding a control character."""
    found = []
    for field in text_fields(model):
        if field.name in values:
            multiline = isinstance(field, models.TextField)
            message = control_character_message(field.verbose_name, values[field.name], multiline)
            if message is not None:
                found.append(str(message))
    return found


def refuse_control_characters_in_bulk(model, rows) -> None:
    """The one check for the writes that skip the pre-save one (`bulk_create`, `bulk_update`,
    `QuerySet.update`): call it before them. `rows` are (the row's name, as the message shows it, and
    an instance of `model` or a dict of the field values written). A ValidationError names each row
    and field (at most 50), before anything is written; the caller's transaction undoes the rest."""
    problems = []
    fields = text_fields(model)
    for name, row in rows:
        values = row if isinstance(row, dict) else {f.name: getattr(row, f.attname) for f in fields}
        problems.extend(
            ROW_MESSAGE % {"row": name, "message": m} for m in control_character_problems(model, values)
        )
        if len(problems) >= 50:
            break
    if problems:
        raise ValidationError(problems[:50], code="control_character")
