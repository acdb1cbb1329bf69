from django.urls import path

from tixi.hospitals import views

urlpatterns = [
    path("hospitals/", views.hospital_list, name="hospital-list"),
    path("hospitals/upcoding/", views.upcoding, name="hospital-upcoding"),
    path("hospitals/<str:code>/", views.hospital_detail, name="hospital-detail"),
]
