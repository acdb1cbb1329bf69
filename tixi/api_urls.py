"""The REST API: one router, one viewset per resource, documented at /api/schema/ and /api/docs/."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from tixi.exchange import api as exchange
from tixi.exchange.resources_api import InstitutionYearViewSet
from tixi.geo.api import DivisionViewSet, PopulationViewSet
from tixi.indicators import api as indicators
from tixi.layout.api import NormViewSet
from tixi.registry.api import InstitutionViewSet, division_figures_view
from tixi.surveillance import api as surveillance

router = DefaultRouter()
router.register("divisions", DivisionViewSet, basename="division")
router.register("population", PopulationViewSet, basename="population")
router.register("institutions", InstitutionViewSet, basename="institution")
router.register("resources", InstitutionYearViewSet, basename="resources")
router.register("indicators", indicators.IndicatorViewSet, basename="indicator")
router.register("datavalues", indicators.DataValueViewSet, basename="datavalue")
router.register("norms", NormViewSet, basename="norm")
router.register("case-reports", surveillance.CaseReportViewSet, basename="case-report")
router.register("channel-counts", surveillance.ChannelCountViewSet, basename="channel-count")
router.register("diseases", surveillance.DiseaseViewSet, basename="disease")
router.register("trigger-rules", surveillance.TriggerRuleViewSet, basename="trigger-rule")
router.register("signals", surveillance.SignalViewSet, basename="signal")
router.register("compound-signals", surveillance.CompoundSignalViewSet, basename="compound-signal")

urlpatterns = [
    path("divisions/<str:code>/figures/", division_figures_view, name="division-figures"),
    path("expressions/describe/", indicators.describe, name="expression-describe"),
    path("plans/", indicators.plans, name="api-plans"),
    path("plans/<slug:code>/evaluation/", indicators.plan_evaluation, name="api-plan-evaluation"),
    path("analytics/", indicators.analytics, name="api-analytics"),
    path("completeness/", exchange.completeness, name="api-completeness"),
    path("datasets/", exchange.data_sets, name="api-data-sets"),
    path("dataValueSets", exchange.data_value_sets, name="api-datavaluesets"),
    path("dataValueSets.<str:ext>", exchange.data_value_sets, name="api-datavaluesets-format"),
    *router.urls,
]
