"""The history of imports: who, when, which file (name and SHA-256), what it did, and how to undo it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import ScopedQuerySet
from tixi.core.fields import StampField


class ImportBatchQuerySet(ScopedQuerySet):
    # a batch belongs to the division that holds all of its rows; its uploader sees it too
    scope_path_field = "division_path"
    scope_member_fields = ("user",)


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        # a file whose preview found problems: nothing to confirm (it read "待确认" for ever)
        REFUSED = "refused", _("refused: nothing written")
        APPLIED = "applied", _("applied")
        DRY_RUN = "dry_run", _("checked only")
        UNDONE = "undone", _("undone")

    table = models.CharField(_("table"), max_length=32)
    filename = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField("SHA-256", max_length=64)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # the platform's clock (a demo's today, TIXI_TODAY), not the calendar's: an import made in a demo
    # living on 2025-10-15 is not dated after everything the demo holds
    at = StampField(_("time"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    inserted = models.PositiveIntegerField(_("inserted"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    changes = models.JSONField(default=dict, blank=True)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # the deepest division holding every row of the file (its materialised path): the batch, its
    # stored file and its error report are visible to whoever's scope covers that division
    division_path = models.CharField(_("division"), max_length=160, blank=True, db_index=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-at", "-id"]

    def __str__(self):
        # the table by its name in the active language (区划), not its code: this is the label the
        # audit trail stores ("#3 divisions …" on a Chinese page, the screenshot pass's #8)
        from tixi.exchange.tables import TABLES

        spec = TABLES.get(self.table)
        return f"#{self.pk} {spec.title if spec else self.table} {self.filename}"


class Importance(models.TextChoices):
    HIGH = "high", _("high")
    MEDIUM = "medium", _("medium")
    LOW = "low", _("low")


class ValidationRule(models.Model):
    """left operator right, in the indicator expression language. An institution rule is checked
    on each yearly report (R{measure} is that report's value); a division rule on a division and
    year (any item, I{indicator} included)."""

    class Level(models.TextChoices):
        INSTITUTION = "institution", _("each institution's yearly report")
        DIVISION = "division", _("each division and year")

    code = models.SlugField(_("code"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=160)
    level = models.CharField(_("checked on"), max_length=12, choices=Level.choices, default=Level.INSTITUTION)
    left = models.TextField(_("left side"))
    operator = models.CharField(
        _("operator"), max_length=2, choices=[(o, o) for o in ("==", "!=", "<", "<=", ">", ">=")]
    )
    right = models.TextField(_("right side"))
    importance = models.CharField(
        _("importance"), max_length=8, choices=Importance.choices, default=Importance.MEDIUM
    )
    blocking = models.BooleanField(_("refuses the save"), default=False)
    message = models.CharField(_("message"), max_length=200)

    class Meta:
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")
        ordering = ["code"]

    def __str__(self):
        return self.name


class Finding(models.Model):
    """A rule broken by a report or a division: the follow-up list."""

    class Status(models.TextChoices):
        OPEN = "open", _("to follow up")
        EXPLAINED = "explained", _("explained")
        RESOLVED = "resolved", _("resolved")

    rule = models.ForeignKey(ValidationRule, on_delete=models.CASCADE, related_name="findings")
    year = models.PositiveSmallIntegerField(_("year"))
    institution = models.ForeignKey("registry.Institution", null=True, blank=True, on_delete=models.CASCADE)
    division = models.ForeignKey("geo.Division", on_delete=models.CASCADE)
    division_path = models.CharField(max_length=160, db_index=True)
    left_value = models.FloatField(_("left side"), null=True)
    right_value = models.FloatField(_("right side"), null=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.CharField(_("note"), max_length=200, blank=True)
    found_at = StampField(_("found at"), auto_now=True)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["division_path", "rule"]

    def __str__(self):
        return f"{self.rule} · {self.institution or self.division} · {self.year}"


class Approval(models.Model):
    """The sign-off of a division's data for a year, bottom-up (township → county → city)."""

    class Status(models.TextChoices):
        APPROVED = "approved", _("approved")
        RETURNED = "returned", _("returned")

    division = models.ForeignKey("geo.Division", on_delete=models.CASCADE, related_name="+")
    division_path = models.CharField(max_length=160, db_index=True)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = StampField(_("time"), auto_now=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        constraints = [models.UniqueConstraint(fields=["division", "year"], name="one_approval_state")]

    def __str__(self):
        return f"{self.division} {self.year} {self.get_status_display()}"
