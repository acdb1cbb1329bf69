"""Indicators as data, data elements and their values, plans and their targets."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from tixi.accounts.models import Authored
from tixi.accounts.scope import ScopedQuerySet
from tixi.core.fields import StampField
from tixi.geo.models import Division
from tixi.indicators.engine import expression as ex
from tixi.indicators.engine import periods


def validate_expression(text: str) -> None:
    try:
        ex.parse(text)
    except ex.ExpressionError as error:
        from django.utils.translation import gettext

        raise ValidationError(
            _("Character %(position)s: %(problem)s"),
            params={"position": error.position + 1, "problem": gettext(error.message) % error.params},
        ) from error


class Aggregation(models.TextChoices):
    STOCK = "stock", _("stock (year-end value)")
    FLOW = "flow", _("flow (sum over the year)")


class DataElement(models.Model):
    """What the registry cannot give: life expectancy, mortality, health literacy, coverage rates..."""

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=128)
    name_en = models.CharField(_("English name"), max_length=128, blank=True)
    unit = models.CharField(_("unit"), max_length=32, blank=True)
    aggregation = models.CharField(
        _("aggregation over time"), max_length=8, choices=Aggregation.choices, default=Aggregation.STOCK
    )
    additive = models.BooleanField(
        _("adds up over divisions"), default=False, help_text=_("Counts add up; rates and averages do not.")
    )
    options = models.JSONField(_("disaggregation options"), default=list, blank=True)

    class Meta:
        verbose_name = _("data element")
        verbose_name_plural = _("data elements")
        ordering = ["code"]

    def __str__(self):
        return self.name


# Words for the disaggregation options of the catalogue's data elements (the stored option is a code).
OPTION_LABELS = {
    "M": _("male"),
    "F": _("female"),
    "employee": _("employee medical insurance"),
    "resident": _("resident medical insurance"),
}


class DataValueQuerySet(ScopedQuerySet):
    scope_path_field = "division__path"


class DataValue(models.Model):
    element = models.ForeignKey(
        DataElement, verbose_name=_("data element"), on_delete=models.PROTECT, related_name="values"
    )
    option = models.CharField(_("disaggregation"), max_length=32, blank=True)
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT)
    period = models.CharField(
        _("period"), max_length=6, help_text=_("YYYY, YYYYQn for a quarter or YYYYMM for a month")
    )
    year = models.PositiveSmallIntegerField(editable=False)
    value = models.FloatField(_("value"))
    comment = models.CharField(_("comment"), max_length=200, blank=True)
    stored_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    updated_at = StampField(auto_now=True)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects = DataValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("data value")
        verbose_name_plural = _("data values")
        constraints = [
            models.UniqueConstraint(
                fields=["element", "option", "division", "period"], name="one_value_per_cell"
            )
        ]
        indexes = [models.Index(fields=["element", "year"])]

    def __str__(self):
        return f"{self.element} {self.division} {self.period}"

    @property
    def option_label(self) -> str:
        return str(OPTION_LABELS.get(self.option, self.option))

    def clean(self):
        try:
            periods.type_of(self.period)
        except periods.PeriodError:
            raise ValidationError({"period": _("A period is YYYY, YYYYQn (a quarter) or YYYYMM.")}) from None
        if self.option and self.element_id and self.option not in (self.element.options or []):
            raise ValidationError({"option": _("This data element has no such disaggregation.")})

    def save(self, *args, **kwargs):
        self.year = int(self.period[:4])
        super().save(*args, **kwargs)


class Direction(models.TextChoices):
    HIGHER = "higher", _("higher is better")
    LOWER = "lower", _("lower is better")
    RANGE = "range", _("within a range")


class Indicator(models.Model):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=160)
    name_en = models.CharField(_("English name"), max_length=160, blank=True)
    unit = models.CharField(_("unit"), max_length=32, blank=True)
    factor = models.FloatField(_("factor"), default=1, help_text=_("1, 100, 1,000, 10,000 or 100,000"))
    numerator = models.TextField(_("numerator"), validators=[validate_expression])
    denominator = models.TextField(_("denominator"), blank=True, validators=[validate_expression])
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=2)
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    description = models.TextField(_("description"), blank=True)
    # every region's scorecard reads this definition: each change is a new version, kept
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    DEFINITION = (
        "name", "name_en", "unit", "factor", "numerator", "denominator", "decimals", "direction", "description"
    )  # fmt: skip

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.factor not in (1, 100, 1000, 10000, 100000):
            raise ValidationError({"factor": _("The factor is 1, 100, 1,000, 10,000 or 100,000.")})

    def definition(self) -> dict:
        return {name: getattr(self, name) for name in self.DEFINITION}

    def save(self, *args, **kwargs):
        """Saves and, when the definition changed (from the admin, the API or a catalogue load),
        keeps it as a new version with who changed it."""
        from tixi.accounts.audit import current_user_and_name

        with transaction.atomic():
            stored = None
            if self.pk is not None:
                stored = Indicator.objects.filter(pk=self.pk).values(*self.DEFINITION, "version").first()
            changed = stored is None or {k: stored[k] for k in self.DEFINITION} != self.definition()
            if changed:
                self.version = (stored["version"] if stored else 0) + 1
            super().save(*args, **kwargs)
            if changed:
                user, name = current_user_and_name()
                IndicatorVersion.objects.create(
                    indicator=self, version=self.version, definition=self.definition(), by=user, username=name
                )


class IndicatorVersion(Authored):
    """One definition an indicator had: what a scorecard computed at that time meant."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="versions"
    )
    version = models.PositiveIntegerField(_("version"))
    definition = models.JSONField(_("definition"))

    class Meta:
        verbose_name = _("indicator version")
        verbose_name_plural = _("indicator versions")
        ordering = ["indicator", "-version"]
        constraints = [models.UniqueConstraint(fields=["indicator", "version"], name="one_indicator_version")]

    def __str__(self):
        return f"{self.indicator.code} v{self.version}"


class Nature(models.TextChoices):
    # Most text goals of the seeds state no nature: none is invented for them.
    UNSTATED = "", _("not stated")
    EXPECTED = "expected", _("expected")
    BINDING = "binding", _("binding")


class Comparator(models.TextChoices):
    EQ = "eq", "="
    LE = "le", "≤"
    GE = "ge", "≥"
    LT = "lt", "<"
    GT = "gt", ">"
    ABOUT = "about", _("about")
    RANGE = "range", _("range")


class TargetKind(models.TextChoices):
    VALUE = "value", _("a value")
    MAINTAIN = "maintain", _("maintain")
    INCREASE = "increase", _("increase year on year")
    CHANGE_PER_YEAR = "change_per_year", _("change by a fixed amount a year")
    NATIONAL = "national", _("meet the national target")
    COUNT = "count", _("things to build")
    NEW = "new", _("new ones since the baseline")


class Trajectory(models.TextChoices):
    LINEAR = "linear", _("linear")
    GEOMETRIC = "geometric", _("geometric")


class PlanQuerySet(ScopedQuerySet):
    """A plan is seen by users whose scope covers its region, and by users within its region (a
    county's planners read the city's plan, which assigns them work)."""

    scope_path_field = "region__path"
    scope_reaches_up = True


class Plan(models.Model):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200, blank=True)
    issuer = models.CharField(_("issuing body"), max_length=120)
    document_number = models.CharField(_("document number"), max_length=64, blank=True)
    region = models.ForeignKey(Division, verbose_name=_("region"), on_delete=models.PROTECT)
    period_start = models.PositiveSmallIntegerField(_("first year"))
    period_end = models.PositiveSmallIntegerField(_("last year"))
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    source = models.CharField(_("source document"), max_length=120, blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["code"]

    def __str__(self):
        return self.title  # the audit trail stores this: always the document's own (Chinese) title

    @property
    def display_title(self) -> str:
        """The title a reader sees: `title_en` on English pages when the plan has one, else the
        document's own title. The one place a page, download or report picks a plan's title."""
        from django.utils.translation import get_language

        if self.title_en and not (get_language() or "").startswith("zh"):
            return self.title_en
        return self.title

    @property
    def display_issuer(self) -> str:
        """The issuing body a reader sees: in English on English pages when the organ tables read it
        whole (攀枝花市人民政府办公室 -> "Panzhihua City People's Government General Office"), else as issued."""
        from tixi.core.language import in_reader_language
        from tixi.geo.engine.units import unit_english

        return in_reader_language(self.issuer, unit_english)

    @property
    def original_title(self) -> str:
        """The document's own title where it differs from the one shown (an English page names the
        plan in English, then the Chinese original in brackets); empty otherwise."""
        return self.title if self.display_title != self.title else ""

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The last year cannot come before the first year.")})


class TargetQuerySet(ScopedQuerySet):
    """A target is seen with its plan: by users whose scope covers the plan's region or lies within it
    (whatever division the target itself names)."""

    scope_path_field = "plan__region__path"
    scope_reaches_up = True


class Target(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    area = models.CharField(_("area"), max_length=64, blank=True)
    label = models.CharField(_("as the plan words it"), max_length=200)
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, null=True, blank=True
    )
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT)
    # A target may be an allocation norm's result for the division (layout's norms, by code) instead
    # of an indicator's value: met when the norm passes.
    norm = models.CharField(_("allocation norm"), max_length=40, blank=True)
    institution_name = models.CharField(_("institution"), max_length=128, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=TargetKind.choices, default=TargetKind.VALUE)
    comparator = models.CharField(
        _("comparator"), max_length=8, choices=Comparator.choices, default=Comparator.GE
    )
    nature = models.CharField(
        _("nature"), max_length=8, choices=Nature.choices, default=Nature.UNSTATED, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.FloatField(_("baseline"), null=True, blank=True)
    # The seed's own comparator on the baseline (达川 row 19: ">85"), kept beside the number.
    baseline_comparator = models.CharField(
        _("comparator of the baseline"), max_length=8, choices=Comparator.choices, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"))
    target_value = models.FloatField(_("target"), null=True, blank=True)
    target_high = models.FloatField(_("upper end of the range"), null=True, blank=True)
    change_per_year = models.FloatField(_("change per year"), null=True, blank=True)
    trajectory = models.CharField(
        _("trajectory"),
        max_length=10,
        choices=Trajectory.choices,
        default=Trajectory.LINEAR,
    )
    # False where the seed sets no year ("逐步"): the target year is then the plan's last year.
    deadline_stated = models.BooleanField(_("the seed states the year"), default=True)
    clause = models.TextField(_("clause of the source text"))
    note = models.TextField(_("note (e.g. a contradiction inside the seed)"), blank=True)
    # the note is ours (tixi's explanation), not the seed's: English pages show it in English; a seed
    # word it quotes stays Chinese, marked "Seed text:"
    note_en = models.TextField(_("note in English"), blank=True)

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["plan", "order"]

    def __str__(self):
        return f"{self.plan.code} · {self.label}"

    def clean(self):
        errors = {}
        if self.baseline_year and self.target_year and self.baseline_year > self.target_year:
            errors["baseline_year"] = _("The baseline year cannot come after the target year.")
        if self.norm and self.indicator_id:
            errors["norm"] = _("A target reads either an indicator or an allocation norm, not both.")
        if (
            self.kind in (TargetKind.VALUE, TargetKind.COUNT, TargetKind.NEW)
            and self.target_value is None
            and not self.norm
        ):
            errors["target_value"] = _("This kind of target needs a target value.")
        if self.comparator == Comparator.RANGE and (self.target_high is None or self.target_value is None):
            errors["target_high"] = _("A range needs both ends.")
        if self.kind == TargetKind.CHANGE_PER_YEAR and self.change_per_year is None:
            errors["change_per_year"] = _("Give the change per year.")
        if (
            self.indicator_id
            and self.comparator in (Comparator.LE, Comparator.LT)
            and self.indicator.direction == Direction.HIGHER
        ):
            errors["comparator"] = _("A ceiling does not fit an indicator where higher is better.")
        if (
            self.indicator_id
            and self.comparator in (Comparator.GE, Comparator.GT)
            and self.indicator.direction == Direction.LOWER
        ):
            errors["comparator"] = _("A floor does not fit an indicator where lower is better.")
        if errors:
            raise ValidationError(errors)


class NationalTarget(models.Model):
    """A target the country sets for an indicator and year (e.g. the 14th five-year plan's 85% of
    surface water at class III or better): what "meet the national target" is measured against."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="national_targets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.FloatField(_("value"))
    source = models.CharField(_("source document"), max_length=200)
    clause = models.TextField(_("clause of the source text"), blank=True)

    class Meta:
        verbose_name = _("national target")
        verbose_name_plural = _("national targets")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_national_target_a_year")
        ]

    def __str__(self):
        return f"{self.indicator} {self.year}: {self.value:g}"


class PeriodType(models.TextChoices):
    YEARLY = "yearly", _("yearly")
    QUARTERLY = "quarterly", _("quarterly")
    MONTHLY = "monthly", _("monthly")


class DataSet(models.Model):
    """What a reporting unit files for each period: the yearly resource report of an institution
    (its fields are the registry's) or a set of data elements of a division, with a period type,
    the level of the divisions expected to report, and the days allowed after the period ends."""

    class Reporter(models.TextChoices):
        INSTITUTION = "institution", _("institution")
        DIVISION = "division", _("division")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=128)
    name_en = models.CharField(_("English name"), max_length=128, blank=True)
    reporter = models.CharField(
        _("filed by"), max_length=12, choices=Reporter.choices, default=Reporter.DIVISION
    )
    period_type = models.CharField(
        _("period type"), max_length=10, choices=PeriodType.choices, default=PeriodType.YEARLY
    )
    level = models.PositiveSmallIntegerField(
        _("level of the reporting divisions"), default=3, help_text=_("2 city, 3 county, 4 township")
    )
    due_days = models.PositiveSmallIntegerField(_("days allowed after the period ends"), default=90)
    elements = models.ManyToManyField(DataElement, verbose_name=_("data elements"), blank=True)

    class Meta:
        verbose_name = _("data set")
        verbose_name_plural = _("data sets")
        ordering = ["code"]

    def __str__(self):
        return self.name
