from django.core.exceptions import ValidationError as ModelValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response

from tixi.accounts.api import AtomicWritesMixin, ScopedViewSetMixin
from tixi.accounts.permissions import Capability, CapabilityPermission
from tixi.core.api import CleanModelSerializer
from tixi.core.text import digits
from tixi.geo.api import DivisionCodeField, division_in_scope, params_of, query_year
from tixi.geo.models import Division
from tixi.indicators import actions
from tixi.indicators import items as item_values
from tixi.indicators.engine.expression import ExpressionError
from tixi.indicators.models import DataElement, DataValue, Indicator, Plan, Trajectory
from tixi.indicators.services import (
    all_definitions,
    describe_expression,
    evaluate,
    evaluate_plan,
    plan_summaries,
)


def expression_error(error: ExpressionError, field: str = "expression") -> ValidationError:
    problem = _(error.message) % error.params if error.params else _(error.message)
    return ValidationError(
        {
            field: [
                _("Character %(position)s: %(problem)s")
                % {"position": error.position + 1, "problem": problem}
            ]
        }
    )


@extend_schema(parameters=[OpenApiParameter("expression", str, required=True)], responses={200: dict})
@api_view(["GET"])
def describe(request):
    """Validate an indicator expression and render it in words (Chinese by default)."""
    text = request.query_params.get("expression", "")
    try:
        return Response(
            {"expression": text, "description": describe_expression(text, get_language() or "zh-hans")}
        )
    except ExpressionError as error:
        raise expression_error(error) from error


class IndicatorSerializer(CleanModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "name_en",
            "unit",
            "factor",
            "numerator",
            "denominator",
            "decimals",
            "direction",
            "description",
            "version",
        ]
        read_only_fields = ["version"]

    def validate(self, attrs):
        for field in ("numerator", "denominator"):
            if attrs.get(field):
                try:
                    describe_expression(attrs[field])
                except ExpressionError as error:
                    raise expression_error(error, field) from error
        return super().validate(attrs)


class IndicatorViewSet(AtomicWritesMixin, viewsets.ModelViewSet):
    """The indicator catalogue (indicators are data)."""

    permission_classes = [CapabilityPermission]
    write_capability = Capability.MANAGE_CATALOGUE
    queryset = Indicator.objects.all()
    serializer_class = IndicatorSerializer
    lookup_field = "code"
    http_method_names = ["get", "post", "patch", "head", "options"]


class DataValueSerializer(CleanModelSerializer):
    element = serializers.SlugRelatedField(slug_field="code", queryset=DataElement.objects.all())
    division = DivisionCodeField()
    stored_by = serializers.CharField(
        source="stored_by.username", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = DataValue
        fields = [
            "id",
            "element",
            "option",
            "division",
            "period",
            "value",
            "comment",
            "stored_by",
            "updated_at",
            "is_synthetic",
        ]
        read_only_fields = ["updated_at", "is_synthetic"]
        validators = []  # posting a value for an existing cell replaces it (upsert)

    def validate_division(self, division):
        return division_in_scope(self.context["request"].user, division)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if self.instance is not None:  # moving a value onto a cell that holds one: say so (not a 500)
            cell = {
                name: attrs.get(name, getattr(self.instance, name))
                for name in ("element", "option", "division", "period")
            }
            if DataValue.objects.filter(**cell).exclude(pk=self.instance.pk).exists():
                raise serializers.ValidationError(
                    {"period": [_("This division and period already hold a value of this element.")]}
                )
        return attrs

    def create(self, validated_data):
        return self._save(validated_data, None)

    def update(self, instance, validated_data):
        cell = {name: getattr(instance, name) for name in ("element", "option", "division", "period")}
        return self._save({**cell, **validated_data}, instance)

    def _save(self, fields, instance):
        """Through the one action that checks the lock inside the writing transaction."""
        try:
            return actions.save_data_value(fields, self.context["request"].user, instance)
        except ModelValidationError as error:
            raise serializers.ValidationError({"non_field_errors": error.messages}) from error


@extend_schema(
    parameters=[
        OpenApiParameter("element", str),
        OpenApiParameter("division", str),
        OpenApiParameter("year", int),
    ]
)
class DataValueViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """Values of data elements per division and period, with comment and who stored them."""

    base_queryset = DataValue.objects.all()
    write_capability = Capability.ENTER_DATA
    serializer_class = DataValueSerializer

    def get_queryset(self):
        qs = (
            super()
            .get_queryset()
            .select_related("element", "division", "stored_by")
            .order_by("element__code", "division__path", "period")
        )
        params = params_of(self.request)
        if code := params.get("element"):
            qs = qs.filter(element__code=code)
        if year := query_year(self.request):
            qs = qs.filter(year=year)
        if code := params.get("division"):
            qs = qs.filter(division__code=code)
        return qs


@extend_schema(responses={200: {"type": "array", "items": {"type": "object"}}})
@api_view(["GET"])
def plans(request):
    """The plans with their number of targets."""
    return Response(plan_summaries(Plan.objects.visible_to(request.user)))


@extend_schema(
    parameters=[
        OpenApiParameter("division", str),
        OpenApiParameter("year", int, required=True),
        OpenApiParameter("trajectory", str, enum=Trajectory.values, description="override each target's"),
    ],
    responses={200: dict},
)
@api_view(["GET"])
def plan_evaluation(request, code):
    """Every target of a plan for a division and year: baseline, trajectory, actual, target, status, gap."""
    plan = Plan.objects.visible_to(request.user).filter(code=code).select_related("region").first()
    if plan is None:
        raise NotFound(_("No plan has this code."))
    year = query_year(request)
    if year is None:
        raise ValidationError({"year": [_("This field is required.")]})
    division_code = params_of(request).get("division") or plan.region.code
    division = Division.objects.visible_to(request.user).at(division_code, year)
    if division is None:
        raise NotFound(_("No division has this code in your scope."))
    trajectory = params_of(request).get("trajectory") or None
    if trajectory is not None and trajectory not in Trajectory.values:
        raise ValidationError({"trajectory": [_("Use linear or geometric.")]})
    rows = evaluate_plan(plan, division, year, trajectory=trajectory)
    return Response({"plan": plan.code, "division": division.code, "year": year, "targets": rows})


def _dimension(request, name: str) -> list[str]:
    params = params_of(request)
    values = params.get(name, "")
    for dimension in params.getlist("dimension"):
        key, _sep, rest = dimension.partition(":")
        if key == name:
            values = rest
    return [v for v in values.split(";") if v]


@extend_schema(
    parameters=[
        OpenApiParameter("dx", str, description="indicator codes separated by ';'"),
        OpenApiParameter("pe", str, description="years separated by ';'"),
        OpenApiParameter("ou", str, description="12-digit division codes separated by ';'"),
        OpenApiParameter("dimension", str, many=True, description="dx:…, pe:…, ou:… as in DHIS2"),
        OpenApiParameter("includeNumDen", bool),
    ],
    responses={200: dict},
)
@api_view(["GET"])
def analytics(request):
    """Indicator values shaped like DHIS2's analytics: `headers`, `rows`, `metaData`."""
    dx, pe, ou = _dimension(request, "dx"), _dimension(request, "pe"), _dimension(request, "ou")
    errors = {}
    if not dx:
        errors["dx"] = [_("Give at least one indicator.")]
    if not pe or not all(digits(p) and len(p) == 4 for p in pe):
        errors["pe"] = [_("Give years as YYYY separated by ';'.")]
    if not ou:
        errors["ou"] = [_("Give at least one division code.")]
    if errors:
        raise ValidationError(errors)
    definitions = all_definitions()
    unknown = [d for d in dx if d not in definitions]
    if unknown:
        raise ValidationError({"dx": [_("Unknown indicator: %(codes)s.") % {"codes": ", ".join(unknown)}]})
    cells, keys = [], []
    for code in ou:
        for year in map(int, pe):
            division = Division.objects.visible_to(request.user).at(code, year)
            if division is None:
                raise ValidationError(
                    {
                        "ou": [
                            _("No division %(code)s in your scope in %(year)s.")
                            % {"code": code, "year": year}
                        ]
                    }
                )
            cells.append(item_values.Cell(division, year))
            keys.append((code, str(year)))
    evaluation = evaluate([definitions[d] for d in dx], cells, definitions)
    with_parts = str(params_of(request).get("includeNumDen", "")).lower() == "true"
    headers = [{"name": "dx"}, {"name": "pe"}, {"name": "ou"}, {"name": "value"}]
    if with_parts:
        headers += [{"name": "numerator"}, {"name": "denominator"}, {"name": "factor"}]
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=dx)}
    rows = []
    for d in dx:
        values = evaluation.values[d]
        for i, (code, year) in enumerate(keys):
            if values[i] != values[i]:
                continue
            row = [d, year, code, str(round(float(values[i]), indicators[d].decimals))]
            if with_parts:
                row += [
                    str(float(evaluation.numerators[d][i])),
                    str(float(evaluation.denominators[d][i])),
                    str(definitions[d].factor),
                ]
            rows.append(row)
    names = {c: n for c, n in Division.objects.filter(code__in=ou).values_list("code", "name")}
    meta = {
        "items": {
            **{d: {"name": indicators[d].name} for d in dx},
            **{c: {"name": names.get(c, c)} for c in ou},
            **{p: {"name": p} for p in pe},
        },
        "dimensions": {"dx": dx, "pe": pe, "ou": ou},
    }
    return Response(
        {"headers": headers, "rows": rows, "metaData": meta, "height": len(rows), "width": len(headers)}
    )
