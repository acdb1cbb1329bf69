from django.urls import path, re_path

from tixi.indicators import views

urlpatterns = [
    path("plans/", views.plan_list, name="plan-list"),
    path("datavalues/", views.data_values, name="data-values"),
    path("plans/<slug:code>/", views.scorecard, name="scorecard"),
    path("plans/<slug:code>/targets/<int:order>/", views.ranking, name="target-ranking"),
    re_path(
        r"^plans/(?P<code>[-\w]+)/report\.(?P<fmt>docx|xlsx)$",
        views.scorecard_download,
        name="scorecard-download",
    ),
]
