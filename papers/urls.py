from django.urls import path

from . import views

app_name = "papers"

urlpatterns = [
    path(
        "reports/<int:pk>/response-paper/",
        views.ResponsePaperView.as_view(),
        name="response_preview",
    ),
    path(
        "reports/<int:pk>/response-paper.pdf",
        views.ResponsePaperView.as_view(pdf=True),
        name="response_pdf",
    ),
    path(
        "reports/<int:pk>/response-paper/edit/",
        views.ResponsePaperEditView.as_view(),
        name="response_edit",
    ),
    path(
        "meetings/<int:pk>/tracking-report/",
        views.TrackingReportView.as_view(),
        name="tracking_preview",
    ),
    path(
        "meetings/<int:pk>/tracking-report.pdf",
        views.TrackingReportView.as_view(pdf=True),
        name="tracking_pdf",
    ),
    path("meetings/<int:pk>/briefing/", views.BriefingView.as_view(), name="briefing_preview"),
    path(
        "meetings/<int:pk>/briefing.pdf", views.BriefingView.as_view(pdf=True), name="briefing_pdf"
    ),
    path(
        "improvement-plans/<int:pk>/monitoring-report/",
        views.PlanReportView.as_view(),
        name="plan_preview",
    ),
    path(
        "improvement-plans/<int:pk>/monitoring-report.pdf",
        views.PlanReportView.as_view(pdf=True),
        name="plan_pdf",
    ),
]
