from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # the split view serves Swagger UI's start-up script as a file: no inline script (CSP)
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
    path("api/", include("tixi.api_urls")),
    path("", include("tixi.shell.urls")),
    path("", include("tixi.accounts.urls")),
    path("", include("tixi.geo.urls")),
    path("", include("tixi.registry.urls")),
    path("", include("tixi.indicators.urls")),
    path("", include("tixi.exchange.urls")),
    path("", include("tixi.ledger.urls")),
    path("", include("tixi.layout.urls")),
    path("", include("tixi.hospitals.urls")),
    path("", include("tixi.surveillance.urls")),
]

handler404 = "tixi.core.errors.not_found"
