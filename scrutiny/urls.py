from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView, TemplateView

from accounts.views import SignInView, SignOutView
from core.views import session_keep_alive
from recommendations import urls as record_urls
from responses import urls as response_urls

from . import views
from .api import api
from .history_views import HistoryExportView

# Pages of the record that also show responses and deadlines: composed here, at the top,
# but named in the record's namespace (`recommendations:recommendation_detail`, ...).
record_pages = [
    path("recommendations/", views.RecommendationListView.as_view(), name="recommendation_list"),
    path(
        "recommendations/<int:pk>/",
        views.RecommendationDetailView.as_view(),
        name="recommendation_detail",
    ),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report_detail"),
    path(
        "meetings/<int:pk>/tracking/",
        views.TrackingFormView.as_view(),
        name="assessments_record",
    ),
]
# The directorate's worklist shows responses with their deadlines: composed here too.
response_pages = [path("worklist/", views.WorklistView.as_view(), name="worklist")]

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("session/keep-alive/", session_keep_alive, name="session_keep_alive"),
    path("sign-in/", SignInView.as_view(), name="login"),
    path("sign-out/", SignOutView.as_view(), name="logout"),
    path("", include("accounts.urls")),
    path("", include("accounts.password_urls")),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="accessibility.html"),
        name="accessibility",
    ),
    path("history/<slug:kind>/<int:pk>.csv", HistoryExportView.as_view(), name="history_export"),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=static("govuk/assets/images/favicon.ico"))),
    path("", include((record_urls.urlpatterns + record_pages, record_urls.app_name))),
    path("", include((response_urls.urlpatterns + response_pages, response_urls.app_name))),
    path("", include("inspections.urls")),
    path("", include("deadlines.urls")),
    path("", include("papers.urls")),
    path("", include("council.urls")),
    path("", include("exchange.urls")),
    path("", include("core.urls")),
    path("api/v1/", api.urls),
]
