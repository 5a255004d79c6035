from django.urls import path

from . import views

app_name = "council"

urlpatterns = [
    path("council/logo", views.logo, name="logo"),
]
