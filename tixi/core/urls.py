from django.urls import path

from tixi.core import views

urlpatterns = [path("", views.home, name="home")]
