from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from tixi.accounts.api import ScopedViewSetMixin
from tixi.accounts.permissions import Capability
from tixi.accounts.scope import scope_of
from tixi.core import clock
from tixi.core.api import CleanModelSerializer
from tixi.core.text import digits
from tixi.geo.models import Division, Population, subtree_filter
from tixi.geo.services import population_of


class DivisionCodeField(serializers.SlugRelatedField):
    """A 12-digit division code, checked for shape before it is looked up (current map)."""

    default_error_messages = {
        "does_not_exist": gettext_lazy("No division has this code."),
        "invalid": gettext_lazy("A division code must be exactly 12 digits."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Division.objects.current())
        super().__init__(slug_field="code", **kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or len(data) != 12 or not digits(data):
            self.fail("invalid")
        division = self.get_queryset().filter(code=data).order_by("-valid_from").first()
        if division is None:
            self.fail("does_not_exist")
        return division


def division_in_scope(user, division):
    """The division, or a field error when the user's scope does not cover it."""
    if division is not None and not scope_of(user).covers_path(division.path):
        raise serializers.ValidationError(_("This division is outside your scope."))
    return division


def params_of(request):
    return getattr(request, "query_params", request.GET)


def query_year(request, default=None) -> int | None:
    raw = params_of(request).get("year")
    if raw in (None, ""):
        return default
    if not digits(raw) or not 1949 <= int(raw) <= 2100:
        raise ValidationError({"year": [_("A year must be a whole number between 1949 and 2100.")]})
    return int(raw)


def division_param(request, year: int | None, name: str = "division") -> Division | None:
    code = params_of(request).get(name)
    if not code:
        return None
    if len(code) != 12 or not digits(code):
        raise ValidationError({name: [_("A division code must be exactly 12 digits.")]})
    row = Division.objects.at(code, year)
    if row is None:
        raise ValidationError({name: [_("No division has this code.")]})
    return row


class DivisionSerializer(CleanModelSerializer):
    parent = DivisionCodeField(required=False, allow_null=True)
    level_name = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = Division
        fields = [
            "code",
            "name",
            "level",
            "level_name",
            "parent",
            "valid_from",
            "valid_to",
            "is_synthetic",
            "path",
        ]
        read_only_fields = ["path", "is_synthetic"]

    def validate_parent(self, parent):
        return division_in_scope(self.context["request"].user, parent)

    def validate(self, attrs):
        # a partial update that leaves the parent alone keeps the division's own (it is in scope)
        parent = attrs["parent"] if "parent" in attrs else getattr(self.instance, "parent", None)
        if parent is None and not scope_of(self.context["request"].user).unrestricted:
            raise ValidationError({"parent": [_("This division is outside your scope.")]})
        return super().validate(attrs)


@extend_schema(
    parameters=[
        OpenApiParameter("year", int, description="map of this year (default: current)"),
        OpenApiParameter("parent", str, description="12-digit code of the parent"),
        OpenApiParameter("within", str, description="12-digit code: the whole subtree"),
        OpenApiParameter("level", int),
    ]
)
class DivisionViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Divisions on the map of a year, within the caller's scope."""

    base_queryset = Division.objects.all()
    write_capability = Capability.EDIT_DIVISIONS
    serializer_class = DivisionSerializer
    lookup_field = "code"

    def get_queryset(self):
        qs = super().get_queryset().select_related("parent")
        year = query_year(self.request, clock.today().year)
        qs = qs.valid_in(year)
        if parent := division_param(self.request, year, "parent"):
            qs = qs.filter(parent__path=parent.path)
        if within := division_param(self.request, year, "within"):
            qs = qs.filter(subtree_filter("path", within.path))
        if level := self.request.query_params.get("level"):
            if not digits(level):
                raise ValidationError({"level": [_("A level is a number from 1 (province) to 5 (village).")]})
            qs = qs.filter(level=int(level))
        return qs


class PopulationSerializer(CleanModelSerializer):
    division = DivisionCodeField()

    class Meta:
        model = Population
        fields = ["id", "division", "year", "sex", "age_band", "count", "is_synthetic"]
        read_only_fields = ["is_synthetic"]

    def validate_division(self, division):
        return division_in_scope(self.context["request"].user, division)


@extend_schema(parameters=[OpenApiParameter("division", str), OpenApiParameter("year", int)])
class PopulationViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Resident population by division, year, sex and age band."""

    base_queryset = Population.objects.all()
    write_capability = Capability.EDIT_DIVISIONS
    serializer_class = PopulationSerializer

    def get_queryset(self):
        qs = (
            super()
            .get_queryset()
            .select_related("division")
            .order_by("division__path", "year", "sex", "age_band")
        )
        year = query_year(self.request)
        if year:
            qs = qs.filter(year=year)
        if division := division_param(self.request, year):
            qs = qs.filter(subtree_filter("division__path", division.path))
        return qs

    @action(detail=False)
    def total(self, request):
        """Total resident population of a division's subtree for a year."""
        year = query_year(request)
        division = division_param(request, year)
        if year is None or division is None:
            raise ValidationError({"division": [_("Give a division and a year.")]})
        summary = population_of(division, year)
        return Response(
            {
                "division": division.code,
                "year": year,
                "resident_population": summary.total,
                "children_under_3": summary.under_3,
                "residents_65_plus": summary.aged_65_plus,
            }
        )
