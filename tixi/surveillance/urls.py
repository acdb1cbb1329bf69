from django.urls import path

from tixi.surveillance import views

urlpatterns = [
    path("surveillance/", views.signals, name="signals"),
    path("surveillance/signals/<int:pk>/", views.signal_detail, name="signal-detail"),
]
