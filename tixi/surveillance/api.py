"""The surveillance API: case reports and channel counts (written by CDC analysts and institutions,
each write scanned at once), the disease list and trigger rules, signals and their steps."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from tixi.accounts.api import ScopedViewSetMixin
from tixi.accounts.permissions import Capability
from tixi.core.api import CleanModelSerializer
from tixi.core.errors import message_dict
from tixi.geo.api import DivisionCodeField, division_in_scope
from tixi.registry.api import institution_in_scope
from tixi.registry.models import Institution
from tixi.surveillance import actions
from tixi.surveillance.detection import detect_for_cases, detect_for_counts
from tixi.surveillance.models import (
    CaseReport,
    ChannelCount,
    CompoundSignal,
    Disease,
    Signal,
    SignalStep,
    TriggerRule,
    case_in_reach,
)


class CaseReportSerializer(CleanModelSerializer):
    division = DivisionCodeField()
    institution = serializers.SlugRelatedField(
        slug_field="code", queryset=Institution.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = CaseReport
        fields = [
            "id",
            "card_id",
            "disease_code",
            "onset_date",
            "diagnosis_date",
            "report_date",
            "division",
            "age",
            "sex",
            "institution",
            "status",
            "is_synthetic",
        ]
        read_only_fields = ["is_synthetic"]

    def validate_institution(self, institution):
        return institution_in_scope(self.context["request"].user, institution)

    def validate(self, attrs):
        """The place is checked with the reporting institution (`case_in_reach`): a hospital's staff
        report their patients wherever they live."""
        division = attrs.get("division", getattr(self.instance, "division", None))
        institution = attrs.get("institution", getattr(self.instance, "institution", None))
        if not case_in_reach(self.context["request"].user, division, institution):
            raise ValidationError({"division": [_("This division is outside your scope.")]})
        return super().validate(attrs)


class ChannelCountSerializer(CleanModelSerializer):
    division = DivisionCodeField()

    class Meta:
        model = ChannelCount
        fields = ["id", "channel", "category", "division", "site", "date", "count", "is_synthetic"]
        read_only_fields = ["is_synthetic"]

    def validate_division(self, division):
        return division_in_scope(self.context["request"].user, division)


class _ScannedWrites(ScopedViewSetMixin, viewsets.ModelViewSet):
    """A write is followed by detection over the series it touched (no nightly batch)."""

    write_capability = Capability.REPORT_CASES
    scan = None

    def perform_create(self, serializer):
        type(self).scan([serializer.save()])

    def perform_update(self, serializer):
        type(self).scan([serializer.save()])


class CaseReportViewSet(_ScannedWrites):
    serializer_class = CaseReportSerializer
    base_queryset = CaseReport.objects.select_related("division", "institution").order_by(
        "-report_date", "id"
    )
    scan = staticmethod(detect_for_cases)

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.query_params
        if params.get("disease"):
            qs = qs.filter(disease_code=params["disease"])
        return qs


class ChannelCountViewSet(_ScannedWrites):
    serializer_class = ChannelCountSerializer
    base_queryset = ChannelCount.objects.select_related("division").order_by("-date", "id")
    scan = staticmethod(detect_for_counts)


class DiseaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Disease
        fields = [
            "code",
            "name_zh",
            "name_en",
            "kind",
            "threshold",
            "percentile",
            "baseline_years",
            "window_periods",
        ]


class DiseaseViewSet(viewsets.ReadOnlyModelViewSet):
    """The disease list is shared by every region (changed in the admin)."""

    serializer_class = DiseaseSerializer
    queryset = Disease.objects.all()
    lookup_field = "code"


class TriggerRuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = TriggerRule
        fields = [
            "code",
            "name_zh",
            "name_en",
            "components",
            "minimum",
            "place_level",
            "window_days",
            "warning_type",
            "risk_level",
        ]


class TriggerRuleViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TriggerRuleSerializer
    queryset = TriggerRule.objects.all()
    lookup_field = "code"


class SignalStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = SignalStep
        fields = ["from_status", "to_status", "at", "username", "note"]


class SignalSerializer(serializers.ModelSerializer):
    division = serializers.SlugRelatedField(slug_field="code", read_only=True)
    steps = SignalStepSerializer(many=True, read_only=True)

    class Meta:
        model = Signal
        fields = [
            "id",
            "source",
            "code",
            "division",
            "resolution",
            "basis",
            "period_start",
            "period_label",
            "method",
            "method_version",
            "parameters",
            "observed",
            "expected",
            "threshold",
            "snapshot",
            "status",
            "raised_at",
            "verify_by",
            "verified_at",
            "is_synthetic",
            "steps",
        ]
        read_only_fields = fields


class MoveSerializer(serializers.Serializer):
    status = serializers.CharField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class SignalViewSet(
    ScopedViewSetMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Signals are raised by detection, never written directly; `move` takes one lifecycle step."""

    serializer_class = SignalSerializer
    base_queryset = Signal.objects.select_related("division").prefetch_related("steps")
    read_capability = Capability.SEE_SIGNALS
    write_capability = Capability.VERIFY_SIGNALS

    def get_queryset(self):
        qs = super().get_queryset()
        params = self.request.query_params
        if params.get("status"):
            qs = qs.filter(status=params["status"])
        if params.get("division"):
            qs = qs.filter(division__path__contains=params["division"] + "/")
        return qs

    @action(detail=True, methods=["post"], serializer_class=MoveSerializer)
    def move(self, request, pk=None):
        signal = self.get_object()
        body = MoveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            signal = actions.move(
                signal, body.validated_data["status"], request.user, body.validated_data["note"]
            )
        except DjangoValidationError as error:
            raise ValidationError(message_dict(error)) from error
        return Response(SignalSerializer(signal, context={"request": request}).data)


class CompoundSignalSerializer(serializers.ModelSerializer):
    division = serializers.SlugRelatedField(slug_field="code", read_only=True)
    rule = serializers.SlugRelatedField(slug_field="code", read_only=True)
    signals = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = CompoundSignal
        fields = [
            "id",
            "rule",
            "division",
            "first_date",
            "last_date",
            "warning_type",
            "risk_level",
            "signals",
        ]


class CompoundSignalViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CompoundSignalSerializer
    base_queryset = CompoundSignal.objects.select_related("division", "rule").prefetch_related("signals")
    read_capability = Capability.SEE_SIGNALS
