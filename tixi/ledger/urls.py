from django.urls import path

from tixi.ledger import project_views, task_views, views

urlpatterns = [
    path("ledger/", views.ledger, name="ledger"),
    path("ledger/projects/", views.projects, name="projects"),
    path("ledger/projects/<int:pk>/", project_views.project_detail, name="project-detail"),
    path("ledger/plans/<slug:code>/tasks/new/", task_views.task_edit, name="task-new"),
    path("ledger/tasks/<int:pk>/", views.task_detail, name="task-detail"),
    path("ledger/tasks/<int:pk>/edit/", task_views.task_edit, name="task-edit"),
    path("ledger/drafts/", task_views.plan_draft, name="plan-draft"),
    path("ledger/units/<int:pk>/", views.unit_page, name="unit-page"),
    path("ledger/attachments/<int:pk>/", views.attachment, name="attachment"),
]
