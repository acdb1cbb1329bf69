"""The REST API: one router, one viewset per resource, documented at /api/schema/ and /api/docs/."""

from rest_framework.routers import DefaultRouter

from tixi.geo.api import DivisionViewSet, PopulationViewSet
from tixi.registry.api import InstitutionViewSet, InstitutionYearViewSet

router = DefaultRouter()
router.register("divisions", DivisionViewSet, basename="division")
router.register("population", PopulationViewSet, basename="population")
router.register("institutions", InstitutionViewSet, basename="institution")
router.register("resources", InstitutionYearViewSet, basename="resources")

urlpatterns = router.urls
