from django.urls import path

from tixi.ledger import views

urlpatterns = [
    path("ledger/", views.ledger, name="ledger"),
    path("ledger/projects/", views.projects, name="projects"),
]
