"""Responsible units, the tasks plans assign to them, their progress, and major construction projects."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import ScopedQuerySet
from tixi.core import clock
from tixi.core.fields import StampField


def unit_display_name_of(name: str) -> str:
    """A unit's name as the reader's pages write it, from the stored name alone."""
    from tixi.core.language import in_reader_language
    from tixi.geo.engine.units import unit_english

    return in_reader_language(name, unit_english)


class UnitQuerySet(ScopedQuerySet):
    scope_path_field = "division__path"
    scope_reaches_up = True
    scope_member_fields = ("members",)

    def on_tasks(self):
        """Units that lead or cooperate on at least one task."""
        return self.filter(models.Q(leading__isnull=False) | models.Q(cooperating__isnull=False)).distinct()


class Unit(models.Model):
    """A responsible unit as the plans name it (市卫生健康委, 达川区人民医院, 各县（区）人民政府...)."""

    name = models.CharField(_("name"), max_length=120)
    division = models.ForeignKey(
        "geo.Division", verbose_name=_("division"), null=True, blank=True, on_delete=models.SET_NULL
    )
    contact = models.CharField(_("contact people"), max_length=200, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True, related_name="units"
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("responsible unit")
        verbose_name_plural = _("responsible units")
        ordering = ["name"]
        # 市卫生健康委 of 达州 and of 巴中 are two units
        constraints = [models.UniqueConstraint(fields=["name", "division"], name="unit_name_in_region")]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        """The name a reader sees: English on English pages when the organ tables read it whole,
        else the Chinese (as Division.display_name). The one place a page or download picks a
        unit's name; `__str__` stays Chinese (the audit trail)."""
        return unit_display_name_of(self.name)


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")


class TaskQuerySet(ScopedQuerySet):
    """Tasks follow their plan's visibility; a responsible unit's members always see its tasks."""

    scope_path_field = "plan__region__path"
    scope_reaches_up = True
    scope_member_fields = ("lead_units__members", "cooperating_units__members")
    # a higher plan's task is a county's work when one of its units leads or cooperates (`work_in`)
    scope_work_fields = ("lead_units__division__path", "cooperating_units__division__path")


class Task(models.Model):
    plan = models.ForeignKey(
        "indicators.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="tasks"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    clause = models.CharField(_("clause"), max_length=16)
    title = models.CharField(_("task"), max_length=120)
    text = models.TextField(_("text of the plan"))
    lead_units = models.ManyToManyField(Unit, verbose_name=_("lead units"), related_name="leading")
    cooperating_units = models.ManyToManyField(
        Unit, verbose_name=_("cooperating units"), related_name="cooperating", blank=True
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent task"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subtasks",
        help_text=_("A sub-task assigns part of a task down to a county."),
    )
    targets = models.ManyToManyField(
        "indicators.Target", verbose_name=_("targets served"), blank=True, related_name="tasks"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    percent = models.PositiveSmallIntegerField(
        _("percent done"), default=0, validators=[MaxValueValidator(100)]
    )

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["plan", "order"]

    def __str__(self):
        return f"{self.clause} {self.title}"

    def clean(self):
        if self.deadline and self.plan_id and self.deadline.year < self.plan.period_start - 1:
            raise ValidationError({"deadline": _("The deadline comes before the plan starts.")})
        if self.parent_id and self.parent.plan_id != self.plan_id:
            raise ValidationError({"parent": _("A sub-task belongs to the plan of its parent task.")})

    @property
    def is_overdue(self) -> bool:
        return self.status != TaskStatus.DONE and self.deadline is not None and self.deadline < clock.today()

    @property
    def is_at_risk(self) -> bool:
        """Not overdue yet, but due within 90 days with less than half done."""
        if self.status == TaskStatus.DONE or self.deadline is None or self.is_overdue:
            return False
        return (self.deadline - clock.today()).days <= AT_RISK_DAYS and self.percent < 50


AT_RISK_DAYS = 90


class Progress(models.Model):
    """A responsible unit's report on a task for a period; problems found start a closed loop."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT)
    period = models.CharField(_("period"), max_length=7, help_text="YYYY-MM")
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices)
    percent = models.PositiveSmallIntegerField(
        _("percent done"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    narrative = models.TextField(_("progress"), blank=True)
    problems = models.TextField(_("problems"), blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = StampField(auto_now_add=True)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-period", "-at"]

    def __str__(self):
        return f"{self.task} {self.period}"


ATTACHMENT_TYPES = {".pdf", ".docx", ".xlsx", ".jpg", ".jpeg", ".png"}
ATTACHMENT_LIMIT = 10 * 1024 * 1024


def validate_attachment(upload) -> None:
    import os

    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            _("Attachments may be %(types)s.") % {"types": "、".join(sorted(ATTACHMENT_TYPES))}
        )
    if upload.size > ATTACHMENT_LIMIT:
        raise ValidationError(_("An attachment may be at most 10 MB."))
    if not content_matches(upload, extension):
        raise ValidationError(
            _("The content of %(name)s is not a %(type)s file.") % {"name": upload.name, "type": extension}
        )


# the first bytes of each kind; .docx and .xlsx are zip files holding their main part
MAGIC = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
}
OFFICE_PART = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}


def content_matches(upload, extension: str) -> bool:
    """The file is what its name says (a renamed .exe or .html is not a .pdf), read from its bytes."""
    import zipfile

    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(8)
        if not head.startswith(MAGIC[extension]):
            return False
        if extension in OFFICE_PART:
            upload.seek(0)
            try:
                with zipfile.ZipFile(upload) as archive:  # the listing only: nothing is unpacked
                    return OFFICE_PART[extension] in archive.namelist()
            except zipfile.BadZipFile:
                return False
        return True
    finally:
        upload.seek(position)


class Attachment(models.Model):
    progress = models.ForeignKey(Progress, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to="ledger/%Y/%m/", validators=[validate_attachment])
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class Rectification(models.Model):
    """Closed loop: a problem found → a measure with a deadline → verified by the lead unit → closed."""

    class Status(models.TextChoices):
        OPEN = "open", _("to rectify")
        RECTIFIED = "rectified", _("rectified, to verify")
        CLOSED = "closed", _("verified and closed")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="rectifications")
    problem = models.TextField(_("problem found"))
    measure = models.TextField(_("rectification measure"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("rectification")
        verbose_name_plural = _("rectifications")
        ordering = ["status", "deadline"]

    def __str__(self):
        return f"{self.task} · {self.problem[:30]}"


class Notification(models.Model):
    """In-app reminders (no outside mail server is assumed)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("text"), max_length=300)
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.CASCADE)
    created = StampField(auto_now_add=True)
    read = models.BooleanField(_("read"), default=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created"]

    def __str__(self):
        return self.text


class ProjectNature(models.TextChoices):
    NEW = "新建", _("new construction")
    EXPANSION = "改扩建", _("reconstruction and expansion")
    RECONSTRUCTION = "改建", _("reconstruction")
    EXTENSION = "扩建", _("extension")
    UNSTATED = "", _("not stated")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    UNDER_WAY = "under_way", _("under construction")
    COMPLETED = "completed", _("completed")
    IN_USE = "in_use", _("in use")
    SUSPENDED = "suspended", _("suspended")


class ProjectQuerySet(ScopedQuerySet):
    """Projects follow their plan's visibility; the responsible unit's members always see them."""

    scope_path_field = "plan__region__path"
    scope_reaches_up = True
    scope_member_fields = ("unit__members",)


class Project(models.Model):
    """A major construction project (重大建设项目) as the plan's annex lists it."""

    plan = models.ForeignKey(
        "indicators.Plan", verbose_name=_("plan"), on_delete=models.CASCADE, related_name="projects"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=160)
    site = models.CharField(_("site"), max_length=120)
    division = models.ForeignKey(
        "geo.Division", verbose_name=_("division"), null=True, blank=True, on_delete=models.SET_NULL
    )
    nature = models.CharField(
        _("nature of construction"), max_length=8, choices=ProjectNature.choices, blank=True
    )
    content = models.TextField(_("content and scale"))
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    investment = models.DecimalField(_("total investment (10,000 yuan)"), max_digits=12, decimal_places=2)
    unit = models.ForeignKey(Unit, verbose_name=_("responsible unit"), on_delete=models.PROTECT)
    leader = models.CharField(_("responsible leader"), max_length=32)
    beds_added = models.PositiveIntegerField(_("beds added"), default=0)
    childcare_places_added = models.PositiveIntegerField(_("childcare places added"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("major construction project")
        verbose_name_plural = _("major construction projects")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="project_number")]

    def __str__(self):
        return f"{self.number}. {self.name}"

    def clean(self):
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot come before the first year.")})


class AdditionKind(models.TextChoices):
    """What a project adds, each as the registry counts it, so that a norm on that measure can count it
    (`Norm.planned_by`). Beds of a kind are also beds: a 中医医院 adding 500 beds adds 500 `beds` and
    500 `tcm_hospital_beds`, two rows, each its own measure."""

    BEDS = "beds", _("medical beds")  # 实有床位: the norm on all beds (养老 beds are not counted)
    TCM_HOSPITAL_BEDS = "tcm_hospital_beds", _("beds of TCM hospitals")
    PSYCHIATRIC_BEDS = "psychiatric_beds", _("psychiatric beds")
    REHABILITATION_BEDS = "rehabilitation_beds", _("rehabilitation beds")
    ICU_BEDS = "icu_beds", _("ICU beds")
    INFECTIOUS_BEDS = "infectious_beds", _("infectious beds")
    CHILDCARE_PLACES = "childcare_places", _("childcare places (under 3)")
    COMMUNITY_HEALTH_STATIONS = "community_health_station", _("community health service stations")
    COMMUNITY_HEALTH_CENTRES = "community_health_centre", _("community health service centres")
    TOWNSHIP_HEALTH_CENTRES = "township_health_centre", _("township health centres")
    VILLAGE_CLINICS = "village_clinic", _("village clinics")
    COUNTY_SUB_CENTRES = "county_sub_centre", _("county medical sub-centres")
    COMMUNITY_HOSPITALS = "community_hospital", _("community hospitals")
    AMBULANCES = "ambulances", _("ambulances")
    NEGATIVE_PRESSURE_AMBULANCES = "negative_pressure_ambulances", _("negative-pressure ambulances")


class ProjectAddition(models.Model):
    """What a project will add, by measure ("新增床位500张" of a 中医医院: 500 beds, 500 TCM hospital
    beds), counted against the norms on that measure in the project's division until it is in use."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="additions")
    what = models.CharField(_("what is added"), max_length=32, choices=AdditionKind.choices)
    amount = models.PositiveIntegerField(
        _("how many"), validators=[MinValueValidator(1), MaxValueValidator(1_000_000)]
    )

    class Meta:
        verbose_name = _("project addition")
        verbose_name_plural = _("project additions")
        ordering = ["project", "what"]
        constraints = [models.UniqueConstraint(fields=["project", "what"], name="project_addition_once")]

    def __str__(self):
        return f"{self.project} +{self.amount} {self.get_what_display()}"


class ProjectInvestment(models.Model):
    """Investment completed in a year (10,000 yuan)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="investments")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(
        _("investment completed (10,000 yuan)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("investment completed")
        verbose_name_plural = _("investments completed")
        ordering = ["project", "year"]
        constraints = [models.UniqueConstraint(fields=["project", "year"], name="project_year_investment")]

    def __str__(self):
        return f"{self.project} {self.year}"

    def clean(self):
        if self.project_id and not (self.project.start_year - 1 <= self.year <= self.project.end_year + 3):
            raise ValidationError({"year": _("The year lies outside the project's years.")})


class Milestone(models.Model):
    """A step of a project (立项, 开工, 主体完工, 竣工验收, 投入使用) with its planned and actual dates."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(_("milestone"), max_length=60)
    planned = models.DateField(_("planned date"))
    reached = models.DateField(_("date reached"), null=True, blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "planned"]

    def __str__(self):
        return self.name

    @property
    def is_late(self) -> bool:
        return self.reached is None and self.planned < clock.today()
