"""The yearly resources API (/api/resources/): institutions' yearly reports, read within the caller's
scope and written through the one action that checks the approval lock and the validation rules."""

from django.core.exceptions import ValidationError as ModelValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from tixi.accounts.api import ScopedViewSetMixin
from tixi.accounts.permissions import Capability
from tixi.core.api import CleanModelSerializer
from tixi.exchange.actions import save_yearly_report
from tixi.geo.api import DivisionCodeField, division_in_scope, division_param, query_year
from tixi.geo.models import Division
from tixi.registry.api import institution_in_scope
from tixi.registry.models import RESOURCE_FIELDS, Institution, InstitutionYear


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
        return super().validate(attrs)

    def create(self, validated_data):
        return self._save(InstitutionYear(**validated_data))

    def update(self, instance, validated_data):
        for key, value in validated_data.items():
            setattr(instance, key, value)
        return self._save(instance)

    def _save(self, report):
        """The lock, the blocking rules and the save, in one transaction: the one action."""
        try:
            save_yearly_report(report)
        except ModelValidationError as error:
            raise ValidationError({"non_field_errors": error.messages}) from error
        return report


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
