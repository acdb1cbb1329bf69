import datetime as dt

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from tixi.accounts.permissions import Capability
from tixi.accounts.scope import scope_of
from tixi.core.api import CleanModelSerializer, DivisionCodeField, ScopedViewSetMixin, division_in_scope
from tixi.geo.models import Division, Population, subtree_filter
from tixi.registry.services import division_figures


def params_of(request):
    return getattr(request, "query_params", request.GET)


def query_year(request, default=None) -> int | None:
    raw = params_of(request).get("year")
    if raw in (None, ""):
        return default
    if not raw.isdigit() or not 1949 <= int(raw) <= 2100:
        raise ValidationError({"year": [_("A year must be a whole number between 1949 and 2100.")]})
    return int(raw)


def division_param(request, year: int | None, name: str = "division") -> Division | None:
    code = params_of(request).get(name)
    if not code:
        return None
    if len(code) != 12 or not code.isdigit():
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
        parent = attrs.get("parent")
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
        year = query_year(self.request, dt.date.today().year)
        qs = qs.valid_in(year)
        if parent := division_param(self.request, year, "parent"):
            qs = qs.filter(parent__path=parent.path)
        if within := division_param(self.request, year, "within"):
            qs = qs.filter(subtree_filter("path", within.path))
        if level := self.request.query_params.get("level"):
            if not level.isdigit():
                raise ValidationError({"level": [_("A level is a number from 1 (province) to 5 (village).")]})
            qs = qs.filter(level=int(level))
        return qs

    @extend_schema(parameters=[OpenApiParameter("year", int, required=True)])
    @action(detail=True)
    def figures(self, request, code=None):
        """Registry figures of the division's subtree for a year (counts, totals, per-1,000 rates)."""
        year = query_year(request)
        if year is None:
            raise ValidationError({"year": [_("This field is required.")]})
        division = Division.objects.visible_to(request.user).at(code, year)
        if division is None:
            raise NotFound(_("No division has this code in your scope."))
        return Response(division_figures(division, year))


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
        from tixi.geo.services import population_of

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
