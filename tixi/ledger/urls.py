from django.urls import path

from tixi.ledger import views

urlpatterns = [
    path("ledger/", views.ledger, name="ledger"),
    path("ledger/projects/", views.projects, name="projects"),
    path("ledger/tasks/<int:pk>/", views.task_detail, name="task-detail"),
    path("ledger/units/<int:pk>/", views.unit_page, name="unit-page"),
]
