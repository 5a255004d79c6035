from django.urls import path

from . import views

app_name = "responses"

# The worklist is in this namespace too, composed with the deadlines by scrutiny/urls.py.

urlpatterns = [
    path(
        "recommendations/<int:recommendation_pk>/response/new/",
        views.ResponseCreateView.as_view(),
        name="response_create",
    ),
    path(
        "responses/awaiting-agreement/",
        views.ResponsesAwaitingAgreementView.as_view(),
        name="responses_awaiting_agreement",
    ),
    path("responses/<int:pk>/", views.ResponseDetailView.as_view(), name="response_detail"),
    path("responses/<int:pk>/edit/", views.ResponseUpdateView.as_view(), name="response_update"),
    path("responses/<int:pk>/agree/", views.ResponseAgreeView.as_view(), name="response_agree"),
    path("responses/<int:pk>/check/", views.ResponseCheckView.as_view(), name="response_check"),
    path("responses/<int:pk>/return/", views.ResponseReturnView.as_view(), name="response_return"),
    path(
        "reports/<int:report_pk>/agree-responses/",
        views.ReportResponsesAgreeView.as_view(),
        name="responses_agree",
    ),
    path(
        "reports/<int:report_pk>/agree-responses/<int:meeting_pk>/",
        views.ReportResponsesAgreedView.as_view(),
        name="responses_agreed",
    ),
    path(
        "reports/<int:report_pk>/respond/",
        views.ReportRespondView.as_view(),
        name="report_respond",
    ),
    path(
        "reports/<int:report_pk>/respond/check/",
        views.ReportRespondCheckView.as_view(),
        name="report_respond_check",
    ),
    path(
        "recommendations/<int:recommendation_pk>/position-statement/new/",
        views.StatementCreateView.as_view(),
        name="statement_create",
    ),
    path(
        "position-statements/<int:pk>/",
        views.StatementDetailView.as_view(),
        name="statement_detail",
    ),
    path(
        "position-statements/<int:pk>/check/",
        views.StatementCheckView.as_view(),
        name="statement_check",
    ),
    path(
        "position-statements/<int:pk>/edit/",
        views.StatementUpdateView.as_view(),
        name="statement_update",
    ),
]
