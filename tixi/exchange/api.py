from django.core.exceptions import ValidationError as ModelValidationError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view, parser_classes
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import BaseParser
from rest_framework.response import Response

from tixi.accounts.permissions import Capability, require
from tixi.core.text import digits
from tixi.exchange import datasets, dhis2
from tixi.exchange.approval import completeness as yearly_rows
from tixi.geo.models import Division
from tixi.indicators.engine import periods
from tixi.indicators.models import DataSet

KINDS = {"json": "application/json", "csv": "text/csv; charset=utf-8", "adx": "application/adx+xml"}


class RawParser(BaseParser):
    """The body as bytes: JSON or CSV, read by the DHIS2 module itself."""

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read()


@extend_schema(
    methods=["GET"],
    parameters=[
        OpenApiParameter("orgUnit", str, required=True, description="12-digit division code"),
        OpenApiParameter("period", str, required=True, description="YYYY"),
    ],
    responses={200: dict},
)
@extend_schema(
    methods=["POST"],
    parameters=[OpenApiParameter("dryRun", bool)],
    request=dict,
    responses={200: dict, 409: dict},
)
@api_view(["GET", "POST"])
@parser_classes([RawParser])
def data_value_sets(request, ext=None):
    """DHIS2 dataValueSets keyed by codes (idScheme=code): export a year of a division's subtree
    (JSON, CSV or ADX), or import JSON/CSV with DHIS2's import summary (all or nothing)."""
    # as in DHIS2: /api/dataValueSets.csv (the format in the path; ?format= is DRF's own)
    fmt = ext or ("csv" if "csv" in (request.content_type or "") else "json")
    if request.method == "GET":
        code, period = request.query_params.get("orgUnit", ""), request.query_params.get("period", "")
        if not (digits(period) and len(period) == 4):
            raise ValidationError({"period": [_("Give a year as YYYY.")]})
        if fmt not in KINDS:
            raise ValidationError({"format": [_("json, csv or adx.")]})
        division = Division.objects.visible_to(request.user).at(code, int(period))
        if division is None:
            raise NotFound(_("No division has this code in your scope."))
        values = dhis2.collect(division, period)
        content = {"json": dhis2.to_json, "csv": dhis2.to_csv, "adx": dhis2.to_adx}[fmt](values)
        return HttpResponse(content, content_type=KINDS[fmt])
    require(request.user, Capability.ENTER_DATA)
    if fmt not in ("json", "csv"):
        raise ValidationError({"format": [_("json or csv.")]})
    try:
        values = dhis2.parse(request.data or b"", fmt)
    except (ValueError, UnicodeDecodeError) as error:
        raise ValidationError(
            {"body": [_("The body is not a readable dataValueSet: %(error)s") % {"error": str(error)[:200]}]}
        ) from error
    dry_run = str(request.query_params.get("dryRun", "")).lower() == "true"
    summary = dhis2.import_values(values, request.user, dry_run)
    return Response(summary, status=200 if summary["status"] == "SUCCESS" else 409)


@extend_schema(
    parameters=[
        OpenApiParameter("division", str, required=True),
        OpenApiParameter("year", int, description="the year (the institutions' yearly report)"),
        OpenApiParameter("dataSet", str, description="a data set code (default: yearly_resources)"),
        OpenApiParameter("period", str, description="YYYY, YYYYQn or YYYYMM, of the data set's type"),
    ],
    responses={200: dict},
)
@api_view(["GET"])
def completeness(request):
    """Expected and received reports per child division, with the on-time share (and, for the
    institutions' yearly report, the approval state)."""
    params = request.query_params
    data_set = DataSet.objects.filter(code=params.get("dataSet") or "yearly_resources").first()
    if data_set is None:
        raise NotFound(_("No data set has this code."))
    period = params.get("period") or params.get("year", "")
    try:
        period = datasets.check_period(data_set, period)
    except ModelValidationError as error:
        raise ValidationError({"period": error.messages}) from None
    year = periods.year_of(period)
    division = Division.objects.visible_to(request.user).at(params.get("division", ""), year)
    if division is None:
        raise NotFound(_("No division has this code in your scope."))
    institutional = data_set.reporter == DataSet.Reporter.INSTITUTION
    rows = yearly_rows(division, year) if institutional else datasets.completeness(data_set, division, period)
    return Response(
        [
            {
                "division": r["division"].code,
                "name": r["division"].name,
                "dataSet": data_set.code,
                "period": period,
                "expected": r["expected"],
                "received": r["received"],
                "share": r["share"],
                "on_time_share": r["on_time_share"],
                "approval": r["approval"].status if r.get("approval") else None,
            }
            for r in rows
        ]
    )


@extend_schema(responses={200: {"type": "array", "items": {"type": "object"}}})
@api_view(["GET"])
def data_sets(request):
    """The data sets: code, names, who files them, period type, data elements."""
    return Response(
        [
            {
                "code": d.code,
                "name": d.name,
                "name_en": d.name_en,
                "reporter": d.reporter,
                "period_type": d.period_type,
                "level": d.level,
                "due_days": d.due_days,
                "elements": [e.code for e in d.elements.all()],
            }
            for d in DataSet.objects.prefetch_related("elements")
        ]
    )
