"""Discharge records (住院病案首页), the versioned code lists and DRG weight tables they are measured with."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import ScopedQuerySet
from tixi.core.fields import StampField
from tixi.registry.models import Institution

LIST_SEPARATOR = "|"  # procedures and their attributes are stored in procedure order, "|"-separated


class ListKind(models.TextChoices):
    LEVEL4 = "level4", _("level-4 surgery list")
    LEVEL3 = "level3", _("level-3 surgery list")
    MINIMALLY_INVASIVE = "minimally_invasive", _("minimally invasive surgery list")
    SURGERY = "surgery", _("surgery list")


class CodeList(models.Model):
    """One version of a national procedure list (国考四级/三级/微创手术目录): what a share was measured with."""

    kind = models.CharField(_("kind"), max_length=24, choices=ListKind.choices)
    version = models.CharField(_("version"), max_length=32)
    is_demo = models.BooleanField(
        _("demo list"), default=False, help_text=_("Not the national list: made up for the demo.")
    )
    imported_at = StampField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("code list")
        verbose_name_plural = _("code lists")
        ordering = ["kind", "version"]
        constraints = [models.UniqueConstraint(fields=["kind", "version"], name="one_code_list_version")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.version}"


class CodeListEntry(models.Model):
    code_list = models.ForeignKey(CodeList, on_delete=models.CASCADE, related_name="entries")
    code = models.CharField(_("code"), max_length=32)
    name = models.CharField(_("name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("code list entry")
        verbose_name_plural = _("code list entries")
        constraints = [models.UniqueConstraint(fields=["code_list", "code"], name="one_code_per_list")]

    def __str__(self):
        return self.code


class WeightTable(models.Model):
    """One version of the DRG relative weights (RW): CMI depends on which table, so every CMI names it."""

    version = models.CharField(_("version"), max_length=32, unique=True)
    is_demo = models.BooleanField(_("demo table"), default=False)
    imported_at = StampField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("DRG weight table")
        verbose_name_plural = _("DRG weight tables")
        ordering = ["version"]

    def __str__(self):
        return self.version


class Weight(models.Model):
    table = models.ForeignKey(WeightTable, on_delete=models.CASCADE, related_name="weights")
    drg = models.CharField(_("DRG"), max_length=8)
    weight = models.FloatField(_("relative weight"))

    class Meta:
        verbose_name = _("DRG weight")
        verbose_name_plural = _("DRG weights")
        constraints = [models.UniqueConstraint(fields=["table", "drg"], name="one_weight_per_drg")]

    def __str__(self):
        return f"{self.drg} {self.weight:g}"


class CodeMap(models.Model):
    """One version of a clinical → 医保 code mapping (ICD-10 国临版 2.0 → 医保版 2.0 and ICD-9-CM-3 国临版 3.0 →
    医保版 2.0): the CHS-DRG grouper reads 医保 codes, hospitals code in the clinical version."""

    version = models.CharField(_("version"), max_length=40, unique=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo mapping"), default=False)
    imported_at = StampField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("code mapping")
        verbose_name_plural = _("code mappings")
        ordering = ["version"]

    def __str__(self):
        return self.version


class CodeMapEntry(models.Model):
    code_map = models.ForeignKey(CodeMap, on_delete=models.CASCADE, related_name="entries")
    clinical_code = models.CharField(_("clinical code"), max_length=40)
    insurance_code = models.CharField(_("insurance code"), max_length=40)

    class Meta:
        verbose_name = _("code mapping entry")
        verbose_name_plural = _("code mapping entries")
        constraints = [
            models.UniqueConstraint(fields=["code_map", "clinical_code"], name="one_mapping_per_code")
        ]

    def __str__(self):
        return f"{self.clinical_code} → {self.insurance_code}"


class DischargeQuerySet(ScopedQuerySet):
    scope_path_field = "institution__division__path"
    scope_institution_field = "institution"


class Discharge(models.Model):
    """One inpatient stay as the front page records it (WS 445.10; the national upload layout). Times are
    local wall-clock times as the hospital wrote them; the month is the discharge month (the period rule)."""

    # a hospital's records go with it (the registry deletes an institution only when it never existed)
    institution = models.ForeignKey(Institution, verbose_name=_("hospital"), on_delete=models.CASCADE)
    record_id = models.CharField(_("record id"), max_length=40)
    admitted_at = models.CharField(_("admitted at"), max_length=16)  # "YYYY-MM-DD HH:MM", local time
    discharged_at = models.CharField(_("discharged at"), max_length=16)
    month = models.PositiveIntegerField(_("discharge month"))  # YYYYMM
    year = models.PositiveSmallIntegerField(_("discharge year"))
    department = models.CharField(_("department"), max_length=40, blank=True)
    sex = models.CharField(_("sex"), max_length=1)  # 1 male, 2 female, 9 unknown (GB/T 2261.1)
    age_years = models.PositiveSmallIntegerField(_("age in years"), null=True)
    age_days = models.PositiveIntegerField(_("age in days"), null=True)
    # grams (WS 445.10 新生儿出生体重 / 新生儿入院体重): CHS-DRG groups neonates by birth weight
    birth_weight = models.PositiveIntegerField(_("birth weight (g)"), null=True)
    admission_weight = models.PositiveIntegerField(_("weight on admission (g)"), null=True)
    residence_code = models.CharField(_("residence division"), max_length=12, blank=True)
    admission_route = models.CharField(_("admission route"), max_length=2, blank=True)
    principal_diagnosis = models.CharField(_("principal diagnosis"), max_length=20)
    other_diagnoses = models.TextField(_("other diagnoses"), blank=True)
    admission_conditions = models.TextField(_("conditions on admission"), blank=True)
    procedures = models.TextField(_("procedures"), blank=True)
    procedure_dates = models.TextField(_("procedure dates"), blank=True)
    procedure_levels = models.TextField(_("procedure levels"), blank=True)
    procedure_kinds = models.TextField(_("procedure kinds"), blank=True)
    incisions = models.TextField(_("incision classes"), blank=True)
    anaesthesia = models.TextField(_("anaesthesia"), blank=True)
    elective = models.BooleanField(_("elective"), null=True)
    day_surgery = models.BooleanField(_("planned day surgery"), default=False)
    pathway_entered = models.BooleanField(_("clinical pathway entered"), default=False)
    pathway_completed = models.BooleanField(_("clinical pathway completed"), default=False)
    discharge_method = models.CharField(_("discharge method"), max_length=2)
    total_cost = models.FloatField(_("total cost"))
    drg = models.CharField(_("DRG assigned by the payer"), max_length=8, blank=True)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)
    # How many stays this record stands for: 1 for a hospital's record; a synthetic sample's record
    # stands for several (every count of the indicators is a sum of it).
    represents = models.PositiveSmallIntegerField(_("stays it stands for"), default=1)
    # The import that stored the record (its audit entry names the batch, its row count and the
    # SHA-256 of what it wrote): records come by the hundred thousand, so the audit holds one entry
    # per batch, not one per record, and each record says which batch brought it.
    import_batch = models.CharField(_("import batch"), max_length=16, blank=True, db_default="")

    objects = DischargeQuerySet.as_manager()

    class Meta:
        verbose_name = _("discharge record")
        verbose_name_plural = _("discharge records")
        constraints = [
            models.UniqueConstraint(fields=["institution", "record_id"], name="one_discharge_record")
        ]
        indexes = [models.Index(fields=["institution", "month"]), models.Index(fields=["year"])]

    def __str__(self):
        return f"{self.institution_id}/{self.record_id}"

    def procedure_list(self) -> list[str]:
        """The procedures in order (the first is the principal one)."""
        return [code for code in self.procedures.split(LIST_SEPARATOR) if code]


class PublishedFigure(models.Model):
    """A division-year figure computed from discharge records and handed to the plan targets as a data
    value: kept with its numerator and denominator (a target's gap in cases) and the versions used."""

    division = models.ForeignKey("geo.Division", verbose_name=_("division"), on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("year"))
    element = models.CharField(_("data element"), max_length=64)
    value = models.FloatField(_("value"))
    numerator = models.FloatField(_("numerator"))
    denominator = models.FloatField(_("denominator"))
    hospitals = models.PositiveIntegerField(_("hospitals"))
    versions = models.JSONField(_("versions used"), default=dict)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)
    computed_at = StampField(_("computed at"), auto_now=True)

    class Meta:
        verbose_name = _("published hospital figure")
        verbose_name_plural = _("published hospital figures")
        constraints = [
            models.UniqueConstraint(fields=["division", "year", "element"], name="one_published_figure")
        ]

    def __str__(self):
        return f"{self.element} {self.division_id} {self.year}: {self.value:g}"
