from django.urls import path

from tixi.shell import views

urlpatterns = [path("", views.home, name="home")]
