from django.urls import path

from tixi.exchange import views

urlpatterns = [
    path("imports/", views.imports, name="imports"),
    path("imports/<int:pk>/confirm/", views.confirm, name="import-confirm"),
    path("imports/<int:pk>/errors.xlsx", views.errors, name="import-errors"),
    path("imports/<int:pk>/undo/", views.undo, name="import-undo"),
    path("imports/templates/<str:table>.xlsx", views.template_download, name="import-template"),
    path("approvals/", views.approvals, name="approvals"),
    path("validation/", views.findings, name="validation"),
]
