"""Divisions (行政区划), versioned in time, and their resident population."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tixi.accounts.scope import ScopedQuerySet
from tixi.core import clock
from tixi.core.errors import raise_problems
from tixi.geo import paths
from tixi.geo.engine import codes

PATH_END = "~"  # sorts after digits and "/", so [path, path + "~") is a subtree range


def year_end(year: int) -> dt.date:
    return dt.date(int(year), 12, 31)


def subtree_filter(field: str, path: str) -> Q:
    """Index-friendly 'path starts with' (a range, on SQLite and PostgreSQL alike)."""
    return Q(**{f"{field}__gte": path, f"{field}__lt": path + PATH_END})


def common_path(paths) -> str:
    """The deepest division path every one of `paths` lies under ("510000000000/510400000000/"), "" for
    none or when one of them is empty (no division)."""
    paths = list(paths)
    if not paths or not all(paths):
        return ""
    common = []
    for parts in zip(*(p.rstrip("/").split("/") for p in paths), strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return "/".join(common) + "/" if common else ""


def ancestor_paths(path: str, include_self: bool = False) -> list[str]:
    """The materialised paths above a path ("51/5104/…/"), nearest last; the path too if asked."""
    above = [path[: i + 1] for i, char in enumerate(path) if char == "/"]
    return above if include_self else above[:-1]


class Level(models.IntegerChoices):
    PROVINCE = codes.PROVINCE, _("province")
    CITY = codes.CITY, _("city")
    COUNTY = codes.COUNTY, _("county")
    TOWNSHIP = codes.TOWNSHIP, _("township")
    VILLAGE = codes.VILLAGE, _("village")


class DivisionQuerySet(ScopedQuerySet):
    scope_path_field = "path"

    def valid_in(self, year: int):
        """Rows of the map as it stood at the end of `year` (none for a year no calendar holds: a page
        given year=99999999999999999999 answers 404, not 500)."""
        if not dt.MINYEAR <= int(year) <= dt.MAXYEAR:
            return self.none()
        end = year_end(year)
        return self.filter(valid_from__lte=end).filter(Q(valid_to__isnull=True) | Q(valid_to__gt=end))

    def current(self):
        return self.valid_in(clock.today().year)

    def descendants_of(self, code: str, year: int, include_self: bool = True):
        """The subtree under `code` on the map of `year`: one query, no recursion."""
        root = self.valid_in(year).filter(code=code).values("path")[:1]
        qs = self.valid_in(year).filter(
            path__gte=models.Subquery(root),
            path__lt=models.functions.Concat(models.Subquery(root), models.Value(PATH_END)),
        )
        return qs if include_self else qs.exclude(code=code)

    def at(self, code: str, year: int | None = None):
        """The row for `code` valid in `year` (the current one when no year is given)."""
        qs = self.filter(code=code)
        return (qs.valid_in(year) if year else qs.order_by("-valid_from")).first()


def display_name_of(name: str) -> str:
    """A division's name as the reader's pages write it, from the stored name alone (rows read as
    values): English on English pages when it can be written, else the Chinese."""
    from tixi.core.language import in_reader_language
    from tixi.geo.engine.english import division_english

    return in_reader_language(name, division_english)


class Division(models.Model):
    code = models.CharField(_("division code"), max_length=12, db_index=True)
    name = models.CharField(_("name"), max_length=64)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of codes, "510000000000/510400000000/": subtree queries are one range scan.
    path = models.CharField(max_length=160, db_index=True, editable=False)
    valid_from = models.DateField(_("valid from"), default=dt.date(1949, 10, 1))
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("Exclusive; empty while valid.")
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects = DivisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("division")
        verbose_name_plural = _("divisions")
        ordering = ["path"]
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"], name="division_code_version")]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def name_en(self) -> str:
        """The name in English (达川区 -> "Dachuan District", GB/T 30240 and the 地名 pinyin rules,
        tixi/geo/engine/english.py); empty when the name cannot be read."""
        from tixi.geo.engine.english import division_english

        return division_english(self.name) or ""

    @property
    def display_name(self) -> str:
        """The name a reader sees: English on English pages when it can be written, else the
        Chinese. The one place a page, download or report picks a division's name; `__str__`
        stays Chinese (the audit trail)."""
        return display_name_of(self.name)

    def has_parent(self) -> bool:
        """A parent saved, or one given as a new row of the same import (not saved yet)."""
        return self.parent_id is not None or Division.parent.is_cached(self) and self.parent is not None

    def clean(self):
        has_parent = self.has_parent()
        problems = codes.check_code(self.code, self.level, self.parent.code if has_parent else None)
        if self.level and self.level > codes.PROVINCE and not has_parent:
            problems.append(codes.CodeProblem("parent", "A division below province level needs a parent."))
        if has_parent and self.level and self.parent.level >= self.level:
            problems.append(codes.CodeProblem("parent", "The parent must be at a higher level."))
        if self.valid_to and self.valid_from and self.valid_to <= self.valid_from:
            problems.append(codes.CodeProblem("valid_to", "The end of validity must come after its start."))
        raise_problems(problems)
        self.refuse_code_change_above_others()

    def refuse_code_change_above_others(self):
        """The codes of the divisions below begin with this one's: its code cannot change under them."""
        if not self.pk or not self.children.exists():
            return
        stored = Division.objects.filter(pk=self.pk).values_list("code", flat=True).first()
        if stored is not None and stored != self.code:
            raise ValidationError(
                {"code": _("Divisions below this one have codes that begin with its code: it cannot change.")}
            )

    @transaction.atomic
    def save(self, *args, **kwargs):
        """A new code or parent changes the path: the divisions below and the rows that carry their
        paths are rewritten in the same transaction (tixi.geo.paths)."""
        self.refuse_code_change_above_others()
        stored = (
            Division.objects.filter(pk=self.pk).values_list("path", flat=True).first() if self.pk else None
        )
        self.path = (self.parent.path if self.parent_id else "") + self.code + "/"
        super().save(*args, **kwargs)
        if stored is not None and stored != self.path:
            paths.rewrite_below(self)

    def valid_in(self, year: int) -> bool:
        end = year_end(year)
        return self.valid_from <= end and (self.valid_to is None or self.valid_to > end)


class Sex(models.TextChoices):
    MALE = "M", _("male")
    FEMALE = "F", _("female")


AGE_BANDS = ["0-2", "3-6", "7-14", "15-59", "60-64", "65+"]


class PopulationQuerySet(ScopedQuerySet):
    scope_path_field = "division__path"


class Population(models.Model):
    """Resident population (常住人口) at year end: the denominator of every per-1,000 figure."""

    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("year"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=8, choices=[(b, b) for b in AGE_BANDS])
    count = models.PositiveIntegerField(_("residents"), validators=[MinValueValidator(0)])
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects = PopulationQuerySet.as_manager()

    class Meta:
        verbose_name = _("resident population")
        verbose_name_plural = _("resident population")
        constraints = [
            models.UniqueConstraint(fields=["division", "year", "sex", "age_band"], name="population_cell")
        ]
        indexes = [models.Index(fields=["year", "division"])]

    def __str__(self):
        return f"{self.division} {self.year} {self.sex} {self.age_band}"

    def clean(self):
        if self.count is not None and self.count < 0:
            raise ValidationError({"count": _("The number of residents cannot be negative.")})


class Boundary(models.Model):
    """Simplified boundary of a division version, as a GeoJSON geometry (no GIS server needed)."""

    division = models.OneToOneField(Division, on_delete=models.CASCADE, related_name="boundary")
    geometry = models.JSONField(_("geometry"))
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    class Meta:
        verbose_name = _("boundary")
        verbose_name_plural = _("boundaries")

    def __str__(self):
        return str(self.division)
