from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from tixi.accounts.api import ScopedViewSetMixin
from tixi.accounts.permissions import Capability
from tixi.accounts.scope import scope_of
from tixi.core import clock
from tixi.core.api import CleanModelSerializer
from tixi.geo.api import DivisionCodeField, division_in_scope, division_param, params_of, query_year
from tixi.geo.models import Division
from tixi.registry.engine import classification as cls
from tixi.registry.models import (
    Institution,
    InstitutionType,
)
from tixi.registry.services import division_figures


class InstitutionSerializer(CleanModelSerializer):
    division = DivisionCodeField()
    parent = serializers.SlugRelatedField(
        slug_field="code", queryset=Institution.objects.all(), required=False, allow_null=True
    )
    category = serializers.CharField(read_only=True)
    grade_code = serializers.CharField(read_only=True, allow_null=True)  # ungraded: null

    class Meta:
        model = Institution
        fields = [
            "code",
            "name",
            "type",
            "category",
            "level",
            "grade",
            "grade_code",
            "ownership",
            "operator",
            "division",
            "longitude",
            "latitude",
            "parent",
            "opened_on",
            "closed_on",
            "is_synthetic",
        ]
        read_only_fields = ["is_synthetic"]

    def validate_division(self, division):
        return division_in_scope(self.context["request"].user, division)

    def validate_parent(self, parent):
        return institution_in_scope(self.context["request"].user, parent)


def institution_in_scope(user, institution):
    if institution is not None and not scope_of(user).covers_institution(institution):
        raise serializers.ValidationError(_("This institution is outside your scope."))
    return institution


INSTITUTION_FILTERS = [
    OpenApiParameter("division", str, description="12-digit code: institutions in its subtree"),
    OpenApiParameter(
        "year", int, description="only institutions open that year, placed as their yearly report places them"
    ),
    OpenApiParameter("type", str, enum=InstitutionType.values),
    OpenApiParameter("category", str, enum=list(cls.CATEGORIES)),
    OpenApiParameter("grade", str, description="e.g. 3A"),
    OpenApiParameter("q", str, description="part of the name"),
]


def filter_institutions(request, qs, open_today: bool = False):
    """The filters of the institution list, shared by the page, the API and the exports. With
    `open_today` (the page and its downloads), a list without a year holds the institutions open on
    the platform's today, and those closed too with `closed=1`; the API lists every one."""
    year = query_year(request)
    division = division_param(request, year)
    if division is not None:
        qs = qs.in_division(division, year)
    elif year is not None:
        qs = qs.open_in(year)
    params = params_of(request)
    if open_today and year is None and not params.get("closed"):
        qs = qs.open_on(clock.today())
    if type_ := params.get("type"):
        if type_ not in InstitutionType.values:
            raise ValidationError({"type": [_("Unknown institution type.")]})
        qs = qs.filter(type=type_)
    if category := params.get("category"):
        if category not in cls.CATEGORIES:
            raise ValidationError({"category": [_("Unknown category.")]})
        qs = qs.filter(type__in=cls.types_in(category))
    if grade := params.get("grade"):
        if grade not in cls.GRADES:
            raise ValidationError({"grade": [_("Unknown grade.")]})
        qs = qs.filter(level=int(grade[0]), grade=grade[1])
    if q := params.get("q"):
        qs = qs.filter(name__icontains=q)
    return qs


@extend_schema(parameters=INSTITUTION_FILTERS)
class InstitutionViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Institutions within the caller's scope."""

    base_queryset = Institution.objects.all()
    write_capability = Capability.EDIT_REGISTRY
    serializer_class = InstitutionSerializer
    lookup_field = "code"

    def get_queryset(self):
        return filter_institutions(self.request, super().get_queryset().select_related("division", "parent"))


@extend_schema(parameters=[OpenApiParameter("year", int, required=True)], responses={200: dict})
@api_view(["GET"])
def division_figures_view(request, code):
    """Registry figures of the division's subtree for a year (counts, totals, per-1,000 rates):
    /api/divisions/{code}/figures/, served by the registry, which owns the figures."""
    year = query_year(request)
    if year is None:
        raise ValidationError({"year": [_("This field is required.")]})
    division = Division.objects.visible_to(request.user).at(code, year)
    if division is None:
        raise NotFound(_("No division has this code in your scope."))
    return Response(division_figures(division, year))
