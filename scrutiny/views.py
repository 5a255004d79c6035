"""The top of the site: each role's home page, the health check, and the pages of the
record that show its responses and deadlines too (the recommendations list, a
recommendation's page and a report's page). They live here, above the apps they
compose, so that no domain app imports one above it."""

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, TemplateView
from django_filters.views import FilterView

from accounts.rules import is_directorate_user, is_member, is_officer
from core.keyset import keyset_page
from core.lists import shortlists_of
from core.views import ObjectPermissionMixin, PrivatePermissionMixin, query_without
from deadlines.engine import deadlines_by_recommendation
from deadlines.selectors import committees_of, sees_own_committees, worklist_for
from exchange.downloads import DOWNLOADS
from recommendations import selectors
from recommendations.models import Committee, Recommendation, Report
from recommendations.views import AssessmentsRecordView
from responses.search import search_highlights
from responses.selectors import (
    items_readable_by,
    recommendation_timeline,
    recommendations_with_response,
    reports_awaiting_agreement,
    response_of,
    responses_awaiting_agreement,
    submitted_statements_for_meeting,
)

from .filters import RecommendationFilter

# The home page shows the first few of each kind of work; the worklist page the rest.
HOME_WORKLIST_LIMIT = 5
# ...and the first few recommendations due at each coming meeting; its page has them all.
HOME_DUE_LIMIT = 10


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """200 once the database answers; 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any database failure is "not healthy"
        return JsonResponse(
            {"status": "error", "database": str(error.__class__.__name__)}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


class HomeView(TemplateView):
    """Each role's starting point: what needs attention, nearest first."""

    template_name = "scrutiny/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, today = self.request.user, timezone.localdate()
        context["today"] = today
        if is_directorate_user(user):
            context["worklist"] = worklist_for(user, today, limit=HOME_WORKLIST_LIMIT)
        if is_officer(user) or is_member(user):
            visible = selectors.recommendations_visible_to(user)
            if sees_own_committees(user):
                committees = counted = committees_of(user)
                in_committees = visible.filter(report__committee__in=committees)
                # The counts are of the member's committees, and link to the list of them.
                context["only_mine"] = True
            else:
                committees, counted = Committee.objects.all(), None  # counted: every board's
                in_committees = visible  # every board's: no filter for the database to plan
            meetings = list(selectors.meetings_upcoming(committees, today)[:5])
            context["committees"] = committees
            due_lists = shortlists_of(
                (
                    selectors.recommendations_due_for_meeting(meeting, visible, today=today)
                    for meeting in meetings
                ),
                HOME_DUE_LIMIT,
                # What the list names of each: its title, report and status.
                rows=visible.select_related(None).select_related("report", "current_status"),
            )
            context["upcoming"] = list(zip(meetings, due_lists, strict=True))
            # Overdue and at-risk items come from deadlines' {% deadlines_attention %}.
            context["status_counts"] = selectors.status_counts_for(user, counted)
            if is_officer(user):
                context["awaiting_agreement"] = reports_awaiting_agreement(in_committees)
        if not user.is_authenticated:
            context["recent_reports"] = (
                selectors.reports_visible_to(user)
                .select_related("committee")
                .order_by("-published_on")[:5]
            )
        return context


class RecommendationListView(FilterView):
    """The list, its filters and search, a page at a time by seek pagination (the last
    page costs what the first does; see core.keyset)."""

    filterset_class = RecommendationFilter
    template_name = "recommendations/recommendation_list.html"
    strict = False

    def get_queryset(self):
        user = self.request.user
        # Newest report first: served by the index rec_list_order, with no join to sort.
        # Withdrawn reports left out as a set, not by a join per row: a search ranks
        # every match (17,000 for "travel training" at 100,000), and joining each to its
        # report and inquiry cost 7 % of the page; the other lists are as fast either way.
        return recommendations_with_response(
            selectors.recommendations_visible_to(user, whole_table=True), user
        ).order_by(F("report").desc(), "number", "pk")

    def get(self, request, *args, **kwargs):
        # The same list, with its filters and sort, as a file: ?format=csv or xlsx.
        download = DOWNLOADS.get(request.GET.get("format", ""))
        if download is None:
            return super().get(request, *args, **kwargs)
        filterset = self.get_filterset(self.get_filterset_class())
        return download(request, filterset.qs, "recommendations")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        words = getattr(self.filterset.form, "cleaned_data", {}).get("q") or ""
        page = keyset_page(
            self.object_list,
            per_page=settings.RECOMMENDATIONS_PER_PAGE,
            params=self.request.GET,
            narrow_first=bool(words),  # ranked: every match is sorted, so sort narrow rows
        )
        context["query_without_page"] = query_without(
            self.request, "page", "after", "before", "last", "format"
        )
        context["download_formats"] = list(DOWNLOADS)
        context["page"] = page
        context["object_list"] = page.object_list
        context["deadlines"] = deadlines_by_recommendation(page.object_list)
        context["highlights"] = search_highlights([rec.pk for rec in page.object_list], words, user)
        context["today"] = timezone.localdate()
        return context


class RecommendationDetailView(PrivatePermissionMixin, DetailView):
    permission_required = "recommendations.view_recommendation"
    template_name = "recommendations/recommendation_detail.html"

    def get_queryset(self):
        return Recommendation.objects.select_related(
            "report__committee",
            "report__inquiry",
            "report__inspection",
            "directorate",
            "current_status",
            "report_back_meeting",
        ).prefetch_related("parts")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        recommendation = self.object
        response = response_of(recommendation)
        context["response"] = response if response and items_readable_by(user, [response]) else None
        # The facts everyone reads, whether or not they may read the response itself.
        context["response_received"] = response is not None and not response.is_draft
        context["response_agreed"] = response is not None and response.state == "agreed"
        context["timeline"] = recommendation_timeline(recommendation, user)
        context["next_report_back"] = recommendation.next_report_back
        context["deadlines"] = deadlines_by_recommendation([recommendation])[recommendation.pk]
        context["today"] = timezone.localdate()
        context["can_respond"] = user.has_perm("responses.add_response", recommendation)
        return context


class ReportDetailView(PrivatePermissionMixin, DetailView):
    permission_required = "recommendations.view_report"
    template_name = "recommendations/report_detail.html"

    def get_queryset(self):
        return Report.objects.select_related("committee", "inquiry", "inspection")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        recommendations = list(
            recommendations_with_response(
                selectors.recommendations_visible_to(user).filter(report=self.object), user
            )
        )
        context["recommendations"] = recommendations
        context["deadlines"] = deadlines_by_recommendation(recommendations)
        if is_officer(user):
            context["awaiting_agreement"] = responses_awaiting_agreement(
                selectors.recommendations_visible_to(user).filter(report=self.object)
            ).count()
        context["today"] = timezone.localdate()
        return context


class TrackingFormView(AssessmentsRecordView):
    """The meeting's tracking form, with what the directorate said beside each
    recommendation: its latest submitted position statement and the status it proposes."""

    def statements_for(self, recommendations) -> dict:
        return submitted_statements_for_meeting(recommendations, self.meeting)


class WorklistView(ObjectPermissionMixin, TemplateView):
    """A directorate's work for the boards, by report, new and soonest first."""

    permission_required = "responses.view_worklist"
    template_name = "responses/worklist.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            worklist=worklist_for(self.request.user, today), today=today, **kwargs
        )
