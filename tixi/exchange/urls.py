from django.urls import path

from tixi.exchange import dataset_views, entry_views, views

urlpatterns = [
    path("institutions/<str:code>/resources/<int:year>/", entry_views.resources_edit, name="resources-edit"),
    path(
        "institutions/<str:code>/resources/<int:year>/field/",
        entry_views.resources_field,
        name="resources-field",
    ),
    path("imports/", views.imports, name="imports"),
    path("imports/<int:pk>/confirm/", views.confirm, name="import-confirm"),
    path("imports/<int:pk>/errors.xlsx", views.errors, name="import-errors"),
    path("imports/<int:pk>/undo/", views.undo, name="import-undo"),
    path("imports/templates/<str:table>.xlsx", views.template_download, name="import-template"),
    path("approvals/", views.approvals, name="approvals"),
    path("validation/", views.findings, name="validation"),
    path("datasets/", dataset_views.data_set_list, name="data-sets"),
    path("datasets/<slug:code>/entry/", dataset_views.data_set_entry, name="data-set-entry"),
    path("datasets/<slug:code>/entry/field/", dataset_views.data_set_field, name="data-set-field"),
    path(
        "datasets/<slug:code>/completeness/",
        dataset_views.data_set_completeness,
        name="data-set-completeness",
    ),
]
