from django.urls import path

from tixi.layout import views

urlpatterns = [
    path("layout/<str:code>/gaps/", views.norm_gaps, name="layout-gaps"),
    path("layout/<str:code>/coverage/", views.coverage, name="layout-coverage"),
    path("layout/<str:code>/site/", views.siting, name="layout-site"),
]
