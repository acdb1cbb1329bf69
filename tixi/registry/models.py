"""Institutions (医疗卫生机构), their designations and departments, and their yearly resources."""

import calendar
import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import ScopedQuerySet
from tixi.geo.models import Division, subtree_filter, year_end
from tixi.registry.engine import classification as cls


class InstitutionType(models.TextChoices):
    GENERAL_HOSPITAL = "general_hospital", _("general hospital")
    TCM_HOSPITAL = "tcm_hospital", _("TCM hospital")
    INTEGRATED_HOSPITAL = "integrated_hospital", _("integrated TCM-Western hospital")
    ETHNIC_MEDICINE_HOSPITAL = "ethnic_medicine_hospital", _("ethnic medicine hospital")
    SPECIALTY_HOSPITAL = "specialty_hospital", _("specialty hospital")
    REHABILITATION_HOSPITAL = "rehabilitation_hospital", _("rehabilitation hospital")
    NURSING_HOSPITAL = "nursing_hospital", _("nursing home hospital")
    COMMUNITY_HEALTH_CENTRE = "community_health_centre", _("community health service centre")
    COMMUNITY_HEALTH_STATION = "community_health_station", _("community health service station")
    CENTRAL_TOWNSHIP_HEALTH_CENTRE = "central_township_health_centre", _("central township health centre")
    TOWNSHIP_HEALTH_CENTRE = "township_health_centre", _("township health centre")
    VILLAGE_CLINIC = "village_clinic", _("village clinic")
    OUTPATIENT_DEPARTMENT = "outpatient_department", _("outpatient department")
    CLINIC = "clinic", _("clinic")
    CDC = "cdc", _("CDC")
    MCH_CENTRE = "mch_centre", _("MCH hospital")
    EMS_CENTRE = "ems_centre", _("EMS centre")
    EMS_STATION = "ems_station", _("EMS station")
    BLOOD_CENTRE = "blood_centre", _("blood centre")
    MENTAL_HEALTH_CENTRE = "mental_health_centre", _("mental health centre")
    OCCUPATIONAL_DISEASE_INSTITUTION = (
        "occupational_disease_institution",
        _("occupational disease institution"),
    )
    DISEASE_PREVENTION_INSTITUTION = (
        "disease_prevention_institution",
        _("specialist disease prevention institution"),
    )
    HEALTH_SUPERVISION = "health_supervision", _("health supervision institute")
    HEALTH_EDUCATION = "health_education", _("health education institute")
    OTHER = "other", _("other institution")


class Category(models.TextChoices):
    HOSPITAL = cls.HOSPITAL, _("hospitals")
    PRIMARY_CARE = cls.PRIMARY_CARE, _("primary care institutions")
    PUBLIC_HEALTH = cls.PUBLIC_HEALTH, _("public health institutions")
    OTHER = cls.OTHER, _("other institutions")


class Grade(models.TextChoices):
    A = "A", _("grade A")
    B = "B", _("grade B")
    C = "C", _("grade C")


LEVEL_LABELS = {1: _("level 1"), 2: _("level 2"), 3: _("level 3")}


def grade_label(code: str | None) -> str:
    """'3A' -> 三级甲等 (level 3, grade A in English)."""
    if not code:
        return ""
    from django.utils.translation import gettext

    level = LEVEL_LABELS[int(code[0])]
    if len(code) == 1:
        return str(level)
    return gettext("%(level)s %(grade)s") % {"level": level, "grade": Grade(code[1]).label}


class Ownership(models.TextChoices):
    PUBLIC = "public", _("public")
    PRIVATE = "private", _("private")


class Operator(models.TextChoices):
    CITY = "city", _("run by city")
    COUNTY = "county", _("run by county")
    TOWNSHIP = "township", _("run by township")
    VILLAGE = "village", _("run by village")
    ENTERPRISE = "enterprise", _("run by enterprise")
    PRIVATE = "private", _("privately run")
    OTHER = "other", _("other")


class InstitutionQuerySet(ScopedQuerySet):
    scope_path_field = "division__path"
    scope_institution_field = "pk"

    def open_in(self, year: int):
        end = year_end(year)
        return self.filter(models.Q(opened_on__isnull=True) | models.Q(opened_on__lte=end)).filter(
            models.Q(closed_on__isnull=True) | models.Q(closed_on__gt=end)
        )

    def open_on(self, day):
        """Open on that day: opened by it (or no date known) and not closed by it."""
        return self.filter(models.Q(opened_on__isnull=True) | models.Q(opened_on__lte=day)).filter(
            models.Q(closed_on__isnull=True) | models.Q(closed_on__gt=day)
        )

    def in_division(self, division: Division, year: int | None = None):
        """Institutions in the division's subtree; for a year, as their yearly report placed them."""
        if year is None:
            return self.filter(subtree_filter("division__path", division.path))
        return self.open_in(year).filter(
            pk__in=InstitutionYear.objects.filter(year=year)
            .filter(subtree_filter("division_path", division.path))
            .values("institution_id")
        )


def display_name_of(name: str) -> str:
    """An institution's name as the reader's pages write it, from the stored name alone (rows read
    as values, a map's points): English on English pages when it can be written, else the Chinese."""
    from tixi.core.language import in_reader_language
    from tixi.geo.engine.english import institution_english

    return in_reader_language(name, institution_english)


class Institution(models.Model):
    code = models.CharField(_("institution code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=128)
    type = models.CharField(_("type"), max_length=40, choices=InstitutionType.choices, db_index=True)
    level = models.PositiveSmallIntegerField(
        _("level"), null=True, blank=True, choices=list(LEVEL_LABELS.items())
    )
    grade = models.CharField(_("grade"), max_length=1, blank=True, choices=Grade.choices)
    ownership = models.CharField(
        _("ownership"), max_length=8, choices=Ownership.choices, default=Ownership.PUBLIC
    )
    operator = models.CharField(_("run by"), max_length=12, choices=Operator.choices, default=Operator.COUNTY)
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT)
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(73), MaxValueValidator(136)]
    )
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(3), MaxValueValidator(54)]
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("main institution (for a branch)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="branches",
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects = InstitutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["code"]

    def __str__(self):
        return self.name

    @property
    def name_en(self) -> str:
        """The name in English when it is places and a kind the registry knows (达川区人民医院 ->
        "Dachuan District People's Hospital"); empty otherwise, never a half-translated mix."""
        from tixi.geo.engine.english import institution_english

        return institution_english(self.name) or ""

    @property
    def display_name(self) -> str:
        """The name a reader sees: English on English pages when it can be written, else the
        Chinese (as Division.display_name); `__str__` stays Chinese (the audit trail)."""
        return display_name_of(self.name)

    @property
    def category(self) -> str:
        return cls.category_of(self.type)

    def get_category_display(self):
        return Category(self.category).label

    @property
    def grade_code(self):
        return cls.grade_code(self.level, self.grade)

    @property
    def grade_label(self) -> str:
        return grade_label(self.grade_code) or (str(LEVEL_LABELS[self.level]) if self.level else "")

    def clean(self):
        errors = {}
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            errors["closed_on"] = _("The closing date cannot be before the opening date.")
        if self.grade and not self.level:
            errors["grade"] = _("A grade needs a level.")
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = _("An institution cannot be its own branch.")
        if errors:
            raise ValidationError(errors)

    def is_open_in(self, year: int) -> bool:
        end = year_end(year)
        return (self.opened_on is None or self.opened_on <= end) and (
            self.closed_on is None or self.closed_on > end
        )


class DesignationKind(models.TextChoices):
    PRIMARY_BASIC_STANDARD = "primary_basic_standard", _("primary-care service capacity: basic standard")
    PRIMARY_RECOMMENDED_STANDARD = (
        "primary_recommended_standard",
        _("primary-care service capacity: recommended standard"),
    )
    GRADE_A_TOWNSHIP = "grade_a_township", _("grade-A township health centre")
    COMMUNITY_HOSPITAL = "community_hospital", _("community hospital")
    COUNTY_SUB_CENTRE = "county_sub_centre", _("county sub-centre")
    ONCOLOGY_CENTRE = "oncology_centre", _("cancer prevention and treatment centre")
    CHRONIC_DISEASE_CENTRE = "chronic_disease_centre", _("chronic disease management centre")
    INTERVENTIONAL_CENTRE = "interventional_centre", _("minimally invasive intervention centre")
    ANAESTHESIA_PAIN_CENTRE = "anaesthesia_pain_centre", _("anaesthesia and pain centre")
    CRITICAL_CARE_CENTRE = "critical_care_centre", _("critical care centre")
    CHEST_PAIN_CENTRE = "chest_pain_centre", _("chest pain centre")
    STROKE_CENTRE = "stroke_centre", _("stroke centre")
    TRAUMA_CENTRE = "trauma_centre", _("trauma centre")
    CRITICAL_MATERNAL_CENTRE = "critical_maternal_centre", _("critical maternal care centre")
    CRITICAL_NEONATAL_CENTRE = "critical_neonatal_centre", _("critical child and neonatal care centre")
    SMART_HOSPITAL = "smart_hospital", _("smart hospital (stars)")
    EMR_LEVEL = "emr_level", _("EMR application level")
    KEY_SPECIALTY = "key_specialty", _("clinical key specialty")
    # the TCM specialties the plans count apart (中医重点专科; 中医优势（特色）专科), leveled the same way
    TCM_KEY_SPECIALTY = "tcm_key_specialty", _("TCM key specialty")
    TCM_ADVANTAGE_SPECIALTY = "tcm_advantage_specialty", _("TCM advantage (characteristic) specialty")


# designations whose value is a SpecialtyLevel
SPECIALTY_KINDS = (
    DesignationKind.KEY_SPECIALTY,
    DesignationKind.TCM_KEY_SPECIALTY,
    DesignationKind.TCM_ADVANTAGE_SPECIALTY,
)


class SpecialtyLevel(models.IntegerChoices):
    """The level of a key specialty (临床重点专科), kept in its designation's value."""

    NATIONAL = 1, _("national")
    PROVINCIAL = 2, _("provincial")
    MUNICIPAL = 3, _("municipal")
    COUNTY = 4, _("county")


class Designation(models.Model):
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="designations")
    kind = models.CharField(_("designation"), max_length=40, choices=DesignationKind.choices)
    value = models.PositiveSmallIntegerField(
        _("level reached"),
        null=True,
        blank=True,
        help_text=_(
            "Stars of a smart hospital, EMR level 0-8, level of a key specialty (1 national to 4 county)."
        ),
    )
    obtained_on = models.DateField(_("obtained on"))
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    class Meta:
        verbose_name = _("designation")
        verbose_name_plural = _("designations")
        ordering = ["institution", "kind", "obtained_on"]

    def __str__(self):
        return f"{self.institution} · {self.get_kind_display()}"

    def level_display(self):
        """The level reached as a reader names it: 省级 for a key specialty, the number otherwise."""
        if self.kind in SPECIALTY_KINDS and self.value in SpecialtyLevel.values:
            return SpecialtyLevel(self.value).label
        return self.value or ""

    def clean(self):
        if self.revoked_on and self.obtained_on and self.revoked_on < self.obtained_on:
            raise ValidationError(
                {"revoked_on": _("The revocation date cannot be before the date obtained.")}
            )
        if self.kind == DesignationKind.EMR_LEVEL and self.value is not None and self.value > 8:
            raise ValidationError({"value": _("EMR application levels run from 0 to 8.")})
        if self.kind in SPECIALTY_KINDS and self.value not in SpecialtyLevel.values:
            raise ValidationError(
                {
                    "value": _(
                        "The level of a key specialty is 1 (national), 2 (provincial), 3 (municipal) or 4 (county)."
                    )
                }
            )


class DepartmentKind(models.TextChoices):
    FEVER_CLINIC = "fever_clinic", _("fever clinic (room)")
    INFECTIOUS_DISEASE = "infectious_disease", _("infectious disease department")
    GERIATRICS = "geriatrics", _("geriatrics department")
    TCM_DEPARTMENT = "tcm_department", _("TCM department")
    TCM_PHARMACY = "tcm_pharmacy", _("TCM pharmacy")
    TCM_HALL = "tcm_hall", _("TCM hall")
    PUBLIC_HEALTH = "public_health", _("public health department")
    PSYCHIATRY = "psychiatry", _("psychiatric / psychological clinic")
    REHABILITATION = "rehabilitation", _("rehabilitation department")


class Department(models.Model):
    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="departments")
    kind = models.CharField(_("department"), max_length=24, choices=DepartmentKind.choices)
    opened_on = models.DateField(_("opened on"), default=dt.date(2000, 1, 1))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(fields=["institution", "kind", "opened_on"], name="department_once")
        ]

    def __str__(self):
        return f"{self.institution} · {self.get_kind_display()}"

    def clean(self):
        if self.closed_on and self.opened_on and self.closed_on < self.opened_on:
            raise ValidationError({"closed_on": _("The closing date cannot be before the opening date.")})


def _count(verbose):
    return models.PositiveIntegerField(verbose, default=0, validators=[MinValueValidator(0)])


# The yearly resource fields, in the order of the statistical report. Stocks are year-end values.
RESOURCE_FIELDS = {
    "approved_beds": _("approved beds"),
    "actual_beds": _("actual beds"),
    "icu_beds": _("ICU beds"),
    "rehabilitation_beds": _("rehabilitation beds"),
    "psychiatric_beds": _("psychiatric beds"),
    "infectious_beds": _("infectious beds"),
    "emergency_observation_beds": _("emergency observation beds"),
    "health_workers": _("health workers"),
    "health_technicians": _("health technicians"),
    "physicians": _("licensed (assistant) physicians"),
    "nurses": _("registered nurses"),
    "pharmacists": _("pharmacists"),
    "gps": _("general practitioners"),
    "tcm_physicians": _("TCM physicians"),
    "public_health_physicians": _("public health physicians"),
    "ambulances": _("ambulances"),
    "negative_pressure_ambulances": _("negative-pressure ambulances"),
    "childcare_places": _("childcare places (under 3)"),
    "outpatient_visits": _("outpatient visits"),
    "discharges": _("discharges"),
    "bed_days": _("occupied bed-days"),
    # 实际开放总床日数: the denominator of 病床使用率 in the statistical report (beds open day by day,
    # fewer than the year-end beds × 365 when wards open late or close for works); 0 when not reported,
    # and the figures then take the year-end beds × 365
    "open_bed_days": _("open bed-days"),
}
FLOW_FIELDS = ("outpatient_visits", "discharges", "bed_days", "open_bed_days")
CLASSIFICATION_FIELDS = ("type", "level", "grade", "ownership", "operator")


class InstitutionYearQuerySet(ScopedQuerySet):
    scope_path_field = "division_path"
    scope_institution_field = "institution_id"

    def in_division(self, division: Division):
        return self.filter(subtree_filter("division_path", division.path))


class InstitutionYear(models.Model):
    """One institution's yearly resource report. Its division is the one the report names that year,
    so figures for a year aggregate over that year's map."""

    institution = models.ForeignKey(Institution, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1949), MaxValueValidator(2100)]
    )
    division = models.ForeignKey(
        Division, verbose_name=_("division"), on_delete=models.PROTECT, related_name="+"
    )
    division_path = models.CharField(max_length=160, editable=False)
    # The classification as it stood that year (a hospital upgraded in 2022 counts as 2A in 2020):
    # copied from the institution when the report is filed, so yearly figures need no join.
    type = models.CharField(_("type"), max_length=40, choices=InstitutionType.choices, editable=False)
    level = models.PositiveSmallIntegerField(_("level"), null=True, editable=False)
    grade = models.CharField(_("grade"), max_length=1, blank=True, editable=False)
    ownership = models.CharField(_("ownership"), max_length=8, editable=False)
    operator = models.CharField(_("run by"), max_length=12, editable=False)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True, editable=False)
    locals().update({name: _count(label) for name, label in RESOURCE_FIELDS.items()})

    objects = InstitutionYearQuerySet.as_manager()

    class Meta:
        verbose_name = _("yearly resources")
        verbose_name_plural = _("yearly resources")
        ordering = ["institution", "year"]
        constraints = [models.UniqueConstraint(fields=["institution", "year"], name="one_report_per_year")]
        indexes = [models.Index(fields=["year", "division_path"])]

    def __str__(self):
        return f"{self.institution} {self.year}"

    def clean(self):
        errors = {}
        if self.negative_pressure_ambulances > self.ambulances:
            errors["negative_pressure_ambulances"] = _(
                "Negative-pressure ambulances cannot outnumber ambulances."
            )
        if self.physicians + self.nurses > self.health_workers and self.health_workers:
            errors["health_workers"] = _("Physicians and nurses cannot outnumber health workers.")
        if self.open_bed_days:
            days = 366 if calendar.isleap(self.year or 2001) else 365
            if self.open_bed_days > self.actual_beds * days:
                errors["open_bed_days"] = _(
                    "Open bed-days cannot exceed the actual beds × the %(days)s days of the year (%(most)s)."
                ) % {"days": days, "most": f"{self.actual_beds * days:,}"}
        if self.institution_id and self.year and not self.institution.is_open_in(self.year):
            errors["year"] = _("The institution is not open in this year.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        from tixi.core import clock

        self.division_path = self.division.path
        self.take_classification()
        if self.reported_at is None:
            self.reported_at = clock.now()
        super().save(*args, **kwargs)

    def take_classification(self, institution=None) -> None:
        institution = institution or self.institution
        for name in CLASSIFICATION_FIELDS:
            setattr(self, name, getattr(institution, name))


class ResourceCube(models.Model):
    """Yearly reports summed by township, year and classification; written only by database
    triggers (see cube.py), read by indicator evaluation."""

    written_by_triggers = True  # no user writes it: the audit trail never names it

    prefix = models.CharField(max_length=52)
    year = models.PositiveSmallIntegerField()
    type = models.CharField(max_length=40)
    level = models.PositiveSmallIntegerField()
    grade = models.CharField(max_length=1)
    ownership = models.CharField(max_length=8)
    operator = models.CharField(max_length=12)
    n = models.PositiveIntegerField()
    locals().update({name: models.BigIntegerField() for name in RESOURCE_FIELDS})

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["prefix", "year", "type", "level", "grade", "ownership", "operator"],
                name="one_cube_cell",
            )
        ]
        # the triggers delete emptied cells by this index (cube.py): a handful of rows, never a scan
        indexes = [models.Index(fields=["n"], condition=models.Q(n=0), name="empty_cube_cells")]

    def __str__(self):
        return f"{self.prefix} {self.year} {self.type}"
