from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("inspections/", views.InspectionListView.as_view(), name="inspection_list"),
    path("inspections/new/", views.InspectionCreateView.as_view(), name="inspection_create"),
    path("inspections/<int:pk>/", views.InspectionDetailView.as_view(), name="inspection_detail"),
    path(
        "inspections/<int:pk>/edit/", views.InspectionUpdateView.as_view(), name="inspection_update"
    ),
    path(
        "inspections/<int:inspection_pk>/judgements/new/",
        views.JudgementCreateView.as_view(),
        name="judgement_create",
    ),
    path(
        "inspections/<int:inspection_pk>/areas/new/",
        views.AreaCreateView.as_view(),
        name="area_create",
    ),
    path("improvement-plans/new/", views.PlanCreateView.as_view(), name="plan_create"),
    path("improvement-plans/<int:pk>/", views.PlanDetailView.as_view(), name="plan_detail"),
    path("improvement-plans/<int:pk>/edit/", views.PlanUpdateView.as_view(), name="plan_update"),
    path(
        "improvement-plans/<int:plan_pk>/strands/new/",
        views.StrandCreateView.as_view(),
        name="strand_create",
    ),
    path(
        "improvement-plans/<int:plan_pk>/actions/new/",
        views.ActionCreateView.as_view(),
        name="action_create",
    ),
    path(
        "improvement-plans/actions/<int:pk>/edit/",
        views.ActionUpdateView.as_view(),
        name="action_update",
    ),
]
