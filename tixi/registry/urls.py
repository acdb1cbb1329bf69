from django.urls import path

from tixi.registry import dashboard_views, views

urlpatterns = [
    path("divisions/<str:code>/", dashboard_views.dashboard, name="division-dashboard"),
    path("divisions/<str:code>/map.json", dashboard_views.division_map, name="division-map"),
    path("institutions/", views.institution_list, name="institution-list"),
    path("institutions/new/", views.institution_edit, name="institution-new"),
    path("institutions/<str:code>/", views.institution_detail, name="institution-detail"),
    path("institutions/<str:code>/edit/", views.institution_edit, name="institution-edit"),
]
