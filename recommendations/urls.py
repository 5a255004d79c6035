from django.urls import path

from . import views, withdrawal

app_name = "recommendations"

# The recommendations list, a recommendation's page and a report's page are in this
# namespace too, but composed (with responses and deadlines) by scrutiny/urls.py.

urlpatterns = [
    path("withdrawn/", withdrawal.WithdrawnListView.as_view(), name="withdrawn_list"),
    path(
        "<slug:kind>/<int:pk>/withdraw/",
        withdrawal.RecordWithdrawView.as_view(),
        name="record_withdraw",
    ),
    path(
        "<slug:kind>/<int:pk>/restore/",
        withdrawal.RecordRestoreView.as_view(),
        name="record_restore",
    ),
    path(
        "<slug:kind>/<int:pk>/delete/", withdrawal.RecordDeleteView.as_view(), name="record_delete"
    ),
    path(
        "recommendations/<int:pk>/edit/",
        views.RecommendationUpdateView.as_view(),
        name="recommendation_update",
    ),
    path(
        "recommendations/<int:pk>/report-back/",
        views.ReportBackScheduleView.as_view(),
        name="report_back_schedule",
    ),
    path("committees/", views.CommitteeListView.as_view(), name="committee_list"),
    path("committees/new/", views.CommitteeCreateView.as_view(), name="committee_create"),
    path("committees/<int:pk>/", views.CommitteeDetailView.as_view(), name="committee_detail"),
    path("committees/<int:pk>/edit/", views.CommitteeUpdateView.as_view(), name="committee_update"),
    path(
        "committees/<int:committee_pk>/meetings/new/",
        views.MeetingCreateView.as_view(),
        name="meeting_create",
    ),
    path(
        "committees/<int:committee_pk>/meetings/year/",
        views.MeetingSeriesCreateView.as_view(),
        name="meeting_series_create",
    ),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("meetings/<int:pk>/edit/", views.MeetingUpdateView.as_view(), name="meeting_update"),
    # meetings/<pk>/tracking/ (the tracking form) is composed with the directorates'
    # statements by scrutiny/urls.py.
    path("inquiries/", views.InquiryListView.as_view(), name="inquiry_list"),
    path("inquiries/new/", views.InquiryCreateView.as_view(), name="inquiry_create"),
    path("inquiries/<int:pk>/", views.InquiryDetailView.as_view(), name="inquiry_detail"),
    path("inquiries/<int:pk>/edit/", views.InquiryUpdateView.as_view(), name="inquiry_update"),
    path(
        "inquiries/<int:inquiry_pk>/working-groups/new/",
        views.WorkingGroupCreateView.as_view(),
        name="working_group_create",
    ),
    path(
        "inquiries/<int:inquiry_pk>/evidence/new/",
        views.EvidenceCreateView.as_view(),
        name="evidence_create",
    ),
    path(
        "inquiries/<int:inquiry_pk>/reports/new/",
        views.ReportCreateView.as_view(),
        name="report_create",
    ),
    path("reports/<int:pk>/edit/", views.ReportUpdateView.as_view(), name="report_update"),
    path("reports/<int:pk>/complete/", views.ReportCompleteView.as_view(), name="report_complete"),
    path(
        "reports/<int:report_pk>/recommendations/new/",
        views.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path(
        "reports/<int:report_pk>/recommendations/several/",
        views.RecommendationsBulkAddView.as_view(),
        name="recommendations_bulk_add",
    ),
]
