from django.urls import path

from tixi.geo import views

urlpatterns = [
    path("divisions/", views.tree, name="division-tree"),
    path("divisions/<str:code>/", views.dashboard, name="division-dashboard"),
    path("divisions/<str:code>/map.json", views.division_map, name="division-map"),
]
