from django.urls import path

from tixi.registry import views

urlpatterns = [
    path("institutions/", views.institution_list, name="institution-list"),
    path("institutions/new/", views.institution_edit, name="institution-new"),
    path("institutions/<str:code>/", views.institution_detail, name="institution-detail"),
    path("institutions/<str:code>/edit/", views.institution_edit, name="institution-edit"),
    path("institutions/<str:code>/resources/<int:year>/", views.resources_edit, name="resources-edit"),
    path(
        "institutions/<str:code>/resources/<int:year>/field/", views.resources_field, name="resources-field"
    ),
]
