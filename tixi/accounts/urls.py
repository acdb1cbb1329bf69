from django.contrib.auth import views as auth_views
from django.urls import path

from tixi.accounts.views import audit_trail

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/", audit_trail, name="audit-trail"),
]
