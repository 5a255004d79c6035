"""The top of the site: each role's home page and the health check."""

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from accounts.rules import is_directorate_user, is_member, is_officer
from recommendations import selectors
from recommendations.models import Committee
from responses.selectors import directorate_worklist


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
            context["worklist"] = directorate_worklist(user, today)[:10]
        if is_officer(user) or is_member(user):
            visible = selectors.recommendations_visible_to(user)
            if is_member(user) and not is_officer(user):
                committees = Committee.objects.filter(memberships__user=user).distinct()
            else:
                committees = Committee.objects.all()
            meetings = list(selectors.upcoming_meetings(committees, today)[:5])
            context["committees"] = committees
            context["upcoming"] = [
                (meeting, list(selectors.recommendations_due_for_meeting(meeting, visible)))
                for meeting in meetings
            ]
            # Overdue and at-risk items come from deadlines' {% deadlines_attention %}.
            in_committees = visible.filter(report__committee__in=committees)
            context["status_counts"] = selectors.status_counts(in_committees)
        if not user.is_authenticated:
            context["recent_reports"] = (
                selectors.reports_visible_to(user)
                .select_related("committee")
                .order_by("-published_on")[:5]
            )
        return context
