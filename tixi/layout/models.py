"""Allocation norms (配置标准) as data: what is counted, the threshold, where it applies, and the seed
clause it comes from, so that a gap in beds, persons or institutions can be computed and cited."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tixi.accounts.models import Authored
from tixi.accounts.scope import ScopedQuerySet
from tixi.core.fields import StampField
from tixi.geo.models import Division, Level
from tixi.ledger.models import AdditionKind


class NormKind(models.TextChoices):
    PER_POPULATION = "per_population", _("per population")
    SHARE = "share", _("share of a total")
    PER_PLACE = "per_place", _("in every place")
    PER_INSTITUTION = "per_institution", _("in every institution")
    COUNT = "count", _("a number of institutions")
    # a rule on each hospital rather than a quantity: 攀枝花 "病床使用率低于75%，平均住院日高于9天的
    # 公立综合医院，不再新增床位" (minimum: the occupancy %, stay_above: the days)
    BED_FREEZE = "bed_freeze", _("no new beds where beds are underused")
    # residents of each township within `within` minutes of travel (reach) or km (radius) of the
    # facilities `institutions` names; `minimum`: the share (%) required, none where the plan states none
    REACH = "reach", _("residents within a travel time")
    RADIUS = "radius", _("residents within a distance")


class PlaceKind(models.TextChoices):
    ANY = "", _("any")
    TOWN = "town", _("town or township")
    SUBDISTRICT = "subdistrict", _("subdistrict")
    VILLAGE = "village", _("administrative village")
    COMMUNITY = "community", _("community")


class Unit(models.TextChoices):
    BEDS = "beds", _("beds")
    PERSONS = "persons", _("persons")
    INSTITUTIONS = "institutions", _("institutions")
    VEHICLES = "vehicles", _("vehicles")
    PLACES = "places", _("childcare places")


class NormQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The norms that apply in the user's places: those of a region inside the scope, and of the
        regions above it (a city's norm binds its counties). Norms name their region by code, and
        there are few regions: their paths are looked up once."""
        from tixi.accounts.scope import scope_of

        scope = scope_of(user)
        if scope.unrestricted:
            return self
        above = scope.ancestor_paths()
        regions = set(self.values_list("region", flat=True))
        paths = {
            code: path
            for code, path in Division.objects.filter(code__in={region_code(r) for r in regions})
            .order_by("valid_from")
            .values_list("code", "path")
        }
        seen = [
            r
            for r in regions
            if (path := paths.get(region_code(r))) and (scope.covers_path(path) or path in above)
        ]
        return self.filter(region__in=seen)


def region_code(code: str) -> str:
    """A region typed with its trailing zeros left out (510400) is the division 510400000000."""
    return code.ljust(12, "0")


class Norm(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=160, blank=True)
    region = models.CharField(
        _("region"), max_length=12, help_text=_("division code of the area whose plan sets the norm")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=NormKind.choices)
    level = models.PositiveSmallIntegerField(
        _("judged at level"), choices=Level.choices, help_text=_("the level of the places each judged")
    )
    place_kind = models.CharField(_("place kind"), max_length=12, choices=PlaceKind.choices, blank=True)
    measure = models.CharField(
        _("measure"), max_length=400, help_text=_("an expression, e.g. R{actual_beds}")
    )
    basis = models.CharField(
        _("basis"), max_length=400, blank=True, help_text=_("per population: P{}; a share: the total")
    )
    institutions = models.CharField(
        _("institutions"), max_length=200, blank=True, help_text=_("for a norm in every institution: filters")
    )
    minimum = models.FloatField(_("minimum"), null=True, blank=True)
    maximum = models.FloatField(_("maximum"), null=True, blank=True)
    within = models.FloatField(
        _("within (minutes or km)"),
        null=True,
        blank=True,
        help_text=_("residents within a travel time: minutes; within a distance: km"),
    )
    stay_above = models.FloatField(
        _("average stay above (days)"),
        null=True,
        blank=True,
        help_text=_("no new beds: with occupancy below the minimum (%) and the average stay above this"),
    )
    # 巫山 "对…服务人口低于300人…的个别行政村，通过邻村卫生室共建、乡镇卫生院定期巡诊或派驻服务等方式，
    # 保障基本医疗卫生服务供给": a norm in every place spares a place with fewer residents than this
    exempt_below = models.PositiveIntegerField(
        _("not required below (residents)"),
        null=True,
        blank=True,
        help_text=_(
            "in every place: a place with fewer residents (the basis, P{}) is served by a neighbour's or by tours"
        ),
    )
    per = models.FloatField(
        _("per"), default=1.0, help_text=_("per 1,000 residents: 1000; a share in %: 100")
    )
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    year = models.PositiveSmallIntegerField(_("by year"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=200)
    seed = models.CharField(_("source file"), max_length=60, blank=True)
    clause = models.TextField(_("clause"))
    note = models.TextField(_("note"), blank=True)
    note_en = models.TextField(_("English note"), blank=True)
    # what one unit of the gap is, so a sentence names it ("还需 3 个社区卫生服务站"): Chinese without
    # the measure word (the unit gives it), English in the singular
    counted = models.CharField(
        _("what is counted"), max_length=60, blank=True, help_text=_("e.g. 社区卫生服务站")
    )
    counted_en = models.CharField(
        _("what is counted (English)"),
        max_length=80,
        blank=True,
        help_text=_("singular, e.g. community health service station"),
    )
    # what a ledger project adds that counts against this norm (planned, gap after planned)
    planned_by = models.CharField(
        _("projects' additions counted"),
        max_length=32,
        blank=True,
        choices=AdditionKind.choices,
        help_text=_("what a planned project adds that narrows this norm's gap, e.g. beds"),
    )
    version = models.CharField(_("version"), max_length=20, help_text=_("the source's edition"))
    # every change (admin, API, import, the demo's load) is a new revision, kept in NormVersion
    revision = models.PositiveIntegerField(_("revision"), default=0, editable=False)

    objects = NormQuerySet.as_manager()

    DEFINITION = (
        "code", "name", "name_en", "region", "kind", "level", "place_kind", "measure", "basis",
        "institutions", "minimum", "maximum", "within", "stay_above", "exempt_below", "per", "unit", "year", "source", "seed", "clause", "note",
        "note_en", "counted", "counted_en", "planned_by", "version",
    )  # fmt: skip

    class Meta:
        ordering = ["region", "code"]
        verbose_name = _("allocation norm")
        verbose_name_plural = _("allocation norms")

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        """The name in the page's language: the English name on English pages when there is one."""
        if self.name_en and (get_language() or "").startswith("en"):
            return self.name_en
        return self.name

    @property
    def note_label(self) -> str:
        """The note in the page's language: the English note on English pages when there is one."""
        if self.note_en and (get_language() or "").startswith("en"):
            return self.note_en
        return self.note

    def definition(self) -> dict:
        return {name: getattr(self, name) for name in self.DEFINITION}

    def clean(self):
        if self.maximum is not None and self.minimum is not None and self.maximum < self.minimum:
            raise ValidationError({"maximum": _("The maximum cannot be below the minimum.")})
        if self.kind in (NormKind.PER_POPULATION, NormKind.SHARE) and not self.basis:
            raise ValidationError({"basis": _("This kind of norm needs a basis.")})
        if self.kind == NormKind.PER_INSTITUTION and not self.institutions:
            raise ValidationError({"institutions": _("Name the institutions the norm applies to.")})
        if self.kind in (NormKind.REACH, NormKind.RADIUS):
            if not self.institutions:
                raise ValidationError({"institutions": _("Name the facilities residents should reach.")})
            if self.within is None or self.within <= 0:
                raise ValidationError(
                    {"within": _("Give the minutes or kilometres residents should be within.")}
                )
            if self.minimum is not None and not 0 < self.minimum <= 100:
                raise ValidationError({"minimum": _("A share of residents is between 0 and 100.")})
        else:
            if self.within is not None:
                raise ValidationError({"within": _("Only a norm on reach or distance has this.")})
            if self.minimum is None:
                raise ValidationError({"minimum": _("This field is required.")})
        if self.kind == NormKind.BED_FREEZE:
            if not self.institutions:
                raise ValidationError({"institutions": _("Name the institutions the norm applies to.")})
            if self.stay_above is None:
                raise ValidationError(
                    {"stay_above": _("Give the average stay above which no beds are added.")}
                )
            if not 0 < self.minimum <= 100:
                raise ValidationError({"minimum": _("An occupancy is a share between 0 and 100.")})
        elif self.stay_above is not None:
            raise ValidationError({"stay_above": _("Only a rule on new beds has an average stay.")})
        if self.exempt_below is not None:
            if self.kind != NormKind.PER_PLACE:
                raise ValidationError({"exempt_below": _("Only a norm in every place spares small places.")})
            if not self.basis:
                raise ValidationError({"basis": _("Give the residents of each place (P{}) to compare.")})
        if self.per <= 0:
            raise ValidationError({"per": _("Must be a positive number.")})
        if self.planned_by and self.kind not in PLANNED_KINDS:
            raise ValidationError(
                {
                    "planned_by": _(
                        "Only a norm on a number of beds, places or vehicles counts what projects add."
                    )
                }
            )


# the kinds of norm that count units a project adds (not a rule on each institution, nor reach)
PLANNED_KINDS = (NormKind.PER_POPULATION, NormKind.SHARE, NormKind.PER_PLACE, NormKind.COUNT)


class NormVersion(Authored):
    """One change of a norm: what it was before and after, who made it and when. Kept when the norm
    is deleted (by its code), so that a gap computed under an older threshold can be explained."""

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("updated")
        DELETE = "delete", _("deleted")

    norm = models.ForeignKey(
        Norm, verbose_name=_("allocation norm"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="versions",
    )  # fmt: skip
    code = models.CharField(_("code"), max_length=40, db_index=True)
    region = models.CharField(_("region"), max_length=12)
    revision = models.PositiveIntegerField(_("revision"))
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    class Meta:
        verbose_name = _("norm version")
        verbose_name_plural = _("norm versions")
        ordering = ["code", "-revision", "-id"]

    def __str__(self):
        return f"{self.code} r{self.revision}"

    @property
    def actor_display(self) -> str:
        """The user name, or for a program (the demo's builder) what it is, in the active language."""
        from tixi.accounts.models import ACTOR_NAMES

        return str(ACTOR_NAMES.get(self.username, self.username))

    @classmethod
    def of(cls, norm: "Norm"):
        """Every revision of a norm, newest first, those under an earlier code included (and those of
        a deleted norm that had its code)."""
        return cls.objects.filter(models.Q(norm=norm) | models.Q(code=norm.code, norm__isnull=True)).order_by(
            "-revision", "-id"
        )

    def changed(self) -> list[str]:
        """The fields this change set or altered, in the definition's order."""
        before, after = self.before or {}, self.after or {}
        return [k for k in Norm.DEFINITION if before.get(k) != after.get(k)]


class SitingScenarioQuerySet(ScopedQuerySet):
    scope_path_field = "division__path"


class SitingScenario(models.Model):
    """A siting answer kept under a name: where K new facilities would go, what they would cover and how
    far from the best possible, so that a planner can compare it and turn it into planned projects."""

    name = models.CharField(_("name"), max_length=80)
    division = models.ForeignKey("geo.Division", verbose_name=_("division"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind of facility"), max_length=16)
    minutes = models.FloatField(_("minutes"))
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("residents each new site may serve; empty: no limit"),
    )
    one_per_township = models.BooleanField(_("at most one per township"), default=False)
    sites = models.JSONField(_("sites"), help_text=_("each: place code and name, near, longitude, latitude"))
    covered_before = models.PositiveIntegerField(_("covered before"))
    newly_covered = models.PositiveIntegerField(_("newly covered"))
    bound = models.PositiveIntegerField(_("best possible"))
    gap_percent = models.FloatField(_("gap (%)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("saved by"), null=True, on_delete=models.SET_NULL
    )
    created = StampField(_("saved"), auto_now_add=True)
    projects = models.JSONField(_("projects made"), default=list, blank=True)

    objects = SitingScenarioQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("siting scenario")
        verbose_name_plural = _("siting scenarios")
        constraints = [
            models.UniqueConstraint(fields=["division", "year", "name"], name="siting_scenario_name")
        ]

    def __str__(self):
        return self.name
