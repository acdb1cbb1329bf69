from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from tixi.accounts.permissions import Capability
from tixi.accounts.scope import scope_of
from tixi.core.api import CleanModelSerializer, DivisionCodeField, ScopedViewSetMixin, division_in_scope
from tixi.geo.api import division_param, params_of, query_year
from tixi.geo.models import Division
from tixi.registry.engine import classification as cls
from tixi.registry.models import (
    RESOURCE_FIELDS,
    Institution,
    InstitutionType,
    InstitutionYear,
)


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


def filter_institutions(request, qs):
    """The filters of the institution list, shared by the page, the API and the exports."""
    year = query_year(request)
    division = division_param(request, year)
    if division is not None:
        qs = qs.in_division(division, year)
    elif year is not None:
        qs = qs.open_in(year)
    params = params_of(request)
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


class InstitutionYearSerializer(CleanModelSerializer):
    institution = serializers.SlugRelatedField(slug_field="code", queryset=Institution.objects.all())
    division = DivisionCodeField(
        queryset=Division.objects.all(),
        required=False,
        help_text="the division the report names; defaults to the institution's",
    )

    class Meta:
        model = InstitutionYear
        fields = ["id", "institution", "year", "division", *RESOURCE_FIELDS, "is_synthetic"]
        read_only_fields = ["is_synthetic"]

    def validate_institution(self, institution):
        return institution_in_scope(self.context["request"].user, institution)

    def validate_division(self, division):
        return division_in_scope(self.context["request"].user, division)

    def validate(self, attrs):
        institution = attrs.get("institution") or getattr(self.instance, "institution", None)
        if "division" not in attrs and institution is not None and self.instance is None:
            attrs["division"] = institution.division
        year = attrs.get("year") or getattr(self.instance, "year", None)
        if "division" in attrs and year and not attrs["division"].valid_in(year):
            raise ValidationError({"division": [_("This division is not on the map of that year.")]})
        attrs = super().validate(attrs)
        from django.core.exceptions import ValidationError as ModelValidationError

        from tixi.exchange.approval import refuse_if_locked
        from tixi.exchange.validation import refuse_blocking

        report = self.instance or InstitutionYear(**{k: v for k, v in attrs.items()})
        for key, value in attrs.items():
            setattr(report, key, value)
        try:
            division = attrs.get("division") or report.division
            refuse_if_locked(division.path, report.year)
            refuse_blocking(report)
        except ModelValidationError as error:
            raise ValidationError({"non_field_errors": error.messages}) from error
        return attrs


@extend_schema(
    parameters=[
        OpenApiParameter("institution", str),
        OpenApiParameter("division", str),
        OpenApiParameter("year", int),
    ]
)
class InstitutionYearViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Yearly resources of institutions (beds, staff, equipment, service volumes)."""

    base_queryset = InstitutionYear.objects.all()
    write_capability = Capability.EDIT_REGISTRY
    serializer_class = InstitutionYearSerializer

    def get_queryset(self):
        qs = (
            super()
            .get_queryset()
            .select_related("institution", "division")
            .order_by("institution__code", "year")
        )
        year = query_year(self.request)
        if year:
            qs = qs.filter(year=year)
        if division := division_param(self.request, year):
            qs = qs.in_division(division)
        if code := self.request.query_params.get("institution"):
            qs = qs.filter(institution__code=code)
        return qs
