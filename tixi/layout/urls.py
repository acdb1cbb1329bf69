from django.urls import path

from tixi.layout import views

urlpatterns = [
    path("layout/norms/", views.norm_list, name="layout-norms"),
    path("layout/norms.xlsx", views.norm_export, name="layout-norms-export"),
    path("layout/norms/new/", views.norm_new, name="layout-norm-new"),
    path("layout/norms/<slug:code>/", views.norm_detail, name="layout-norm"),
    path("layout/norms/<slug:code>/delete/", views.norm_delete, name="layout-norm-delete"),
    path("layout/<str:code>/gaps/", views.norm_gaps, name="layout-gaps"),
    path("layout/<str:code>/coverage/", views.coverage, name="layout-coverage"),
    path("layout/<str:code>/site/", views.siting, name="layout-site"),
]
