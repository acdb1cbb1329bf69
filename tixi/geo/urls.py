from django.urls import path

from tixi.geo import tree_views

urlpatterns = [path("divisions/", tree_views.tree, name="division-tree")]
