"""Surveillance data (case reports, counts of the other channels), the disease list, signals and
their lifecycle, multi-point trigger rules and the compound signals they raise."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import ScopedQuerySet, scope_of
from tixi.core import clock
from tixi.geo.models import Division, Sex


class DiseaseKind(models.TextChoices):
    FIXED = "fixed", _("single case (fixed threshold)")
    TEMPORAL = "temporal", _("temporal (moving percentile)")


class Disease(models.Model):
    """A notifiable disease and how CIDARS watches it: a fixed threshold (one case is a signal) or the
    moving percentile method with its window, years and percentile."""

    code = models.CharField(_("disease code"), max_length=32, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=64)
    name_en = models.CharField(_("English name"), max_length=96)
    kind = models.CharField(_("detection kind"), max_length=8, choices=DiseaseKind.choices)
    threshold = models.PositiveSmallIntegerField(_("fixed threshold (cases)"), default=1)
    percentile = models.PositiveSmallIntegerField(_("percentile"), default=80)
    baseline_years = models.PositiveSmallIntegerField(_("baseline years"), default=5)
    window_periods = models.PositiveSmallIntegerField(
        _("window (periods)"), default=5, help_text=_("the same period and as many before as after it")
    )

    class Meta:
        verbose_name = _("disease")
        verbose_name_plural = _("diseases")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name_zh}"

    def clean(self):
        if self.window_periods % 2 == 0:
            raise ValidationError({"window_periods": _("The window must be an odd number of periods.")})
        if not 1 <= self.percentile <= 99:
            raise ValidationError({"percentile": _("The percentile must lie between 1 and 99.")})

    def name(self, language: str = "zh-hans") -> str:
        return self.name_zh if language.startswith("zh") else self.name_en

    @property
    def verification_hours(self) -> int:
        """CIDARS: fixed-threshold signals are verified within 2 hours, temporal ones within 24."""
        return 2 if self.kind == DiseaseKind.FIXED else 24


class CaseStatus(models.TextChoices):
    SUSPECTED = "suspected", _("suspected case")
    CLINICAL = "clinical", _("clinically diagnosed case")
    CONFIRMED = "confirmed", _("laboratory-confirmed case")
    CARRIER = "carrier", _("pathogen carrier")


class SurveillanceQuerySet(ScopedQuerySet):
    scope_path_field = "division__path"


class CaseReportQuerySet(SurveillanceQuerySet):
    # a hospital sees the cases it reported, wherever its patients live (网络直报)
    scope_institution_field = "institution"


def case_in_reach(user, division, institution) -> bool:
    """Who may write a case report: its place (the patient's current address) lies in the writer's
    scope, or it is reported by an institution the writer reports for. A hospital reports every
    notifiable case it diagnoses, wherever the patient lives (网络直报), so its staff, whose scope is the
    hospital and no division, report with their hospital named. The API and the import ask this."""
    scope = scope_of(user)
    if division is not None and scope.covers_path(division.path):
        return True
    return institution is not None and scope.covers_institution(institution)


class CaseReport(models.Model):
    """One notifiable case report (网络直报卡) of the line list."""

    card_id = models.CharField(_("report card number"), max_length=32, unique=True)
    disease_code = models.CharField(_("disease code"), max_length=32, db_index=True)
    onset_date = models.DateField(_("onset date"))
    diagnosis_date = models.DateField(_("diagnosis date"), null=True, blank=True)
    report_date = models.DateField(_("report date"))
    division = models.ForeignKey(
        Division, verbose_name=_("address division"), on_delete=models.PROTECT, related_name="+"
    )
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    institution = models.ForeignKey(
        "registry.Institution",
        verbose_name=_("reporting institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(_("case status"), max_length=12, choices=CaseStatus.choices)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects = CaseReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("case report")
        verbose_name_plural = _("case reports")
        indexes = [models.Index(fields=["disease_code", "onset_date"])]

    def __str__(self):
        return f"{self.card_id} {self.disease_code} {self.onset_date}"

    def clean(self):
        errors = {}
        if self.disease_code and not Disease.objects.filter(code=self.disease_code).exists():
            errors["disease_code"] = _("No disease has this code.")
        if self.onset_date and self.report_date and self.report_date < self.onset_date:
            errors["report_date"] = _("The report date is before the onset date.")
        if self.diagnosis_date and self.onset_date and self.diagnosis_date < self.onset_date:
            errors["diagnosis_date"] = _("The diagnosis date is before the onset date.")
        if self.diagnosis_date and self.report_date and self.report_date < self.diagnosis_date:
            errors["report_date"] = _("The report date is before the diagnosis date.")
        for field in ("onset_date", "diagnosis_date", "report_date"):
            if getattr(self, field) and getattr(self, field) > clock.today():
                errors.setdefault(field, _("A date after today cannot have happened yet."))
        if self.age is not None and self.age > 120:
            errors["age"] = _("The age must lie between 0 and 120.")
        elif (
            self.age is not None
            and self.onset_date
            and self.report_date
            and (self.report_date - self.onset_date).days > 366 * (self.age + 1)
        ):
            errors.setdefault("onset_date", _("The onset date is before the patient was born."))
        if errors:
            raise ValidationError(errors)


class Channel(models.TextChoices):
    FEVER_CLINIC = "fever_clinic", _("sentinel fever clinic")
    DIARRHOEA_CLINIC = "diarrhoea_clinic", _("sentinel diarrhoea clinic")
    PHARMACY = "pharmacy", _("pharmacy sales")
    SCHOOL = "school", _("school absenteeism")
    LAB = "lab", _("laboratory positives")


# what each channel counts: visits, drug classes, causes of absence, pathogens
CATEGORIES = {
    Channel.FEVER_CLINIC: {"visits": _("visits"), "ili": _("influenza-like illness")},
    Channel.DIARRHOEA_CLINIC: {"visits": _("visits")},
    Channel.PHARMACY: {
        "antipyretic": _("antipyretics"),
        "antidiarrhoeal": _("antidiarrhoeals"),
        "cough_cold": _("cough and cold remedies"),
    },
    Channel.SCHOOL: {
        "fever": _("fever"),
        "diarrhoea": _("diarrhoea and vomiting"),
        "rash": _("rash"),
        "other_illness": _("other illness"),
    },
    Channel.LAB: {
        "influenza": _("influenza virus"),
        "norovirus": _("norovirus"),
        "enterovirus": _("enterovirus"),
        "streptococcus": _("group A streptococcus"),
    },
}


def category_code(channel: str, typed: str) -> str:
    """A category typed by its code or its label (Chinese or English); what was typed when neither."""
    from django.utils import translation

    for code, label in CATEGORIES.get(channel, {}).items():
        for language in ("zh-hans", "en"):
            with translation.override(language):
                if typed.strip().casefold() in (code, str(label).casefold()):
                    return code
    return typed


class ChannelCount(models.Model):
    """A day's count from one reporting unit of a channel other than case reports."""

    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    category = models.CharField(_("category"), max_length=16)
    division = models.ForeignKey(
        Division, verbose_name=_("division"), on_delete=models.PROTECT, related_name="+"
    )
    site = models.CharField(_("reporting unit"), max_length=64)
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("count"))
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects = SurveillanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel count")
        verbose_name_plural = _("channel counts")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "category", "division", "site", "date"], name="channel_count_cell"
            )
        ]
        indexes = [models.Index(fields=["channel", "category", "date"])]

    def __str__(self):
        return f"{self.channel}/{self.category} {self.site} {self.date}: {self.count}"

    def clean(self):
        if self.date and self.date > clock.today():
            raise ValidationError({"date": _("A date after today cannot have happened yet.")})
        allowed = CATEGORIES.get(self.channel)
        if allowed is not None and self.category not in allowed:
            self.category = category_code(self.channel, self.category)
        if allowed is not None and self.category not in allowed:
            raise ValidationError(
                {
                    "category": _("Not a category of this channel; allowed: %(names)s.")
                    % {"names": "、".join(str(label) for label in allowed.values())}  # labels are typed too
                }
            )


class Resolution(models.TextChoices):
    DAY = "day", _("day")
    WEEK = "week", _("ISO week")
    MONTH = "month", _("month")


class DateBasis(models.TextChoices):
    ONSET = "onset", _("onset date")
    REPORT = "report", _("report date")


CASES = "cases"  # the source of case-report series; the other sources are the channels


class SignalStatus(models.TextChoices):
    PENDING = "pending", _("awaiting verification")
    DISCARDED = "discarded", _("discarded")
    MONITORED = "monitored", _("monitored")
    SUSPECTED = "suspected", _("suspected event")
    INVESTIGATING = "investigating", _("under investigation")
    RESPONDING = "responding", _("response")
    CLOSED = "closed", _("closed")


class SignalQuerySet(ScopedQuerySet):
    scope_path_field = "division__path"

    def overdue(self, now: dt.datetime):
        return self.filter(status=SignalStatus.PENDING, verify_by__lt=now)


class Signal(models.Model):
    """An alarm of one method on one series in one period, with what replaying it needs."""

    source = models.CharField(_("source"), max_length=16)  # "cases" or a channel
    code = models.CharField(_("disease or category"), max_length=32)
    division = models.ForeignKey(
        Division, verbose_name=_("division"), on_delete=models.PROTECT, related_name="+"
    )
    resolution = models.CharField(_("period"), max_length=8, choices=Resolution.choices)
    basis = models.CharField(_("dated by"), max_length=8, choices=DateBasis.choices)
    period_start = models.DateField(_("period start"))
    period_label = models.CharField(_("period"), max_length=16)
    method = models.CharField(_("method"), max_length=32)
    method_version = models.CharField(_("method version"), max_length=160)
    parameters = models.JSONField(_("parameters"), default=dict)
    observed = models.FloatField(_("observed"))
    expected = models.FloatField(_("expected"), null=True, blank=True)
    threshold = models.FloatField(_("threshold"), null=True, blank=True)
    snapshot = models.JSONField(_("series snapshot"), default=dict)
    status = models.CharField(
        _("status"), max_length=16, choices=SignalStatus.choices, default=SignalStatus.PENDING
    )
    raised_at = models.DateTimeField(_("raised at"))
    verify_by = models.DateTimeField(_("verify by"))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_synthetic = models.BooleanField(_("synthetic"), default=False)
    # the import (exchange's ImportBatch id) whose rows raised it: undoing that import removes it
    raised_by_import = models.PositiveIntegerField(null=True, blank=True, db_index=True, editable=False)

    objects = SignalQuerySet.as_manager()

    class Meta:
        verbose_name = _("signal")
        verbose_name_plural = _("signals")
        ordering = ["-period_start", "-raised_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "code", "division", "resolution", "basis", "period_start", "method"],
                name="one_signal_per_series_period_method",
            )
        ]

    def __str__(self):
        # neutral codes, named in the reader's language where shown (surveillance.names)
        series = self.code if self.source == CASES else f"{self.source}/{self.code}"
        return f"{series} {self.division.name} {self.period_label} ({self.method})"


class SignalStep(models.Model):
    """One step of a signal's lifecycle: who moved it, when, from what to what, and why."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=16, choices=SignalStatus.choices)
    to_status = models.CharField(max_length=16, choices=SignalStatus.choices)
    at = models.DateTimeField(_("time"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.signal_id}: {self.from_status} → {self.to_status} ({self.username})"


class WarningType(models.TextChoices):
    HEALTH_RISK_NOTICE = "health_risk_notice", _("health risk notice")
    WARNING_NOTICE = "warning_notice", _("warning notice")
    DECISION_ADVICE = "decision_advice", _("decision advice")


class RiskLevel(models.TextChoices):
    VERY_LOW = "very_low", _("very low")
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")


class TriggerRule(models.Model):
    """A multi-point trigger: alarms of these sources (channel and category) in the same place
    (division level) within `window_days` raise a compound signal of a warning type and risk level."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=96)
    name_en = models.CharField(_("English name"), max_length=128)
    # [{"source": "fever_clinic", "code": "visits"}, {"source": "pharmacy", "code": "antipyretic"}, ...]
    components = models.JSONField(_("components"))
    minimum = models.PositiveSmallIntegerField(
        _("components needed"), default=0, help_text=_("0: all of them")
    )
    place_level = models.PositiveSmallIntegerField(_("place level"), default=4)
    window_days = models.PositiveSmallIntegerField(_("window (days)"), default=3)
    warning_type = models.CharField(_("warning type"), max_length=24, choices=WarningType.choices)
    risk_level = models.CharField(_("risk level"), max_length=12, choices=RiskLevel.choices)

    class Meta:
        verbose_name = _("trigger rule")
        verbose_name_plural = _("trigger rules")
        ordering = ["code"]

    def __str__(self):
        return self.code

    def clean(self):
        if not isinstance(self.components, list) or not self.components:
            raise ValidationError({"components": _("A rule needs at least one component.")})
        for component in self.components:
            if not isinstance(component, dict) or set(component) != {"source", "code"}:
                raise ValidationError({"components": _("Each component names a source and a code.")})
        if self.minimum > len(self.components):
            raise ValidationError({"minimum": _("More components needed than the rule has.")})

    @property
    def needed(self) -> int:
        return self.minimum or len(self.components)


class CompoundSignal(models.Model):
    """What a trigger rule raised in one place: the signals that met within its window, merged
    when a later alarm of the same rule and place overlaps the window."""

    rule = models.ForeignKey(TriggerRule, on_delete=models.PROTECT, related_name="compounds")
    division = models.ForeignKey(
        Division, verbose_name=_("place"), on_delete=models.PROTECT, related_name="+"
    )
    first_date = models.DateField(_("from"))
    last_date = models.DateField(_("to"))
    signals = models.ManyToManyField(Signal, related_name="compounds")
    warning_type = models.CharField(_("warning type"), max_length=24, choices=WarningType.choices)
    risk_level = models.CharField(_("risk level"), max_length=12, choices=RiskLevel.choices)
    raised_at = models.DateTimeField(_("raised at"))

    objects = SurveillanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("compound signal")
        verbose_name_plural = _("compound signals")
        ordering = ["-last_date", "id"]

    def __str__(self):
        return f"{self.rule.code} {self.division.name} {self.first_date}–{self.last_date}"
