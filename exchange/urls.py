from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path("imports/", views.ImportStartView.as_view(), name="import_start"),
    path("imports/<int:pk>/", views.ImportDetailView.as_view(), name="import_detail"),
    path("imports/sample.xlsx", views.sample_tracker, name="sample"),
]
