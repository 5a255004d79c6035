from django.urls import path

from . import views

app_name = "deadlines"

urlpatterns = [
    path(
        "committees/<int:pk>/work-programme/",
        views.WorkProgrammeView.as_view(),
        name="work_programme",
    ),
    path(
        "recommendations/<int:pk>/move-report-back/",
        views.ReportBackMoveView.as_view(),
        name="report_back_move",
    ),
    path(
        "recommendations/<int:pk>/report-back-moves/",
        views.ReportBackMovesView.as_view(),
        name="report_back_moves",
    ),
    path("calendar/", views.CalendarView.as_view(), name="calendar"),
    path("calendar/<str:secret>.ics", views.calendar_feed, name="calendar_feed"),
]
