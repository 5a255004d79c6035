from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, FormView, TemplateView

from core.views import ObjectPermissionMixin, ServiceFormMixin
from council.selectors import council_settings
from recommendations.models import Committee, Recommendation
from recommendations.selectors import recommendations_visible_to

from . import selectors, services
from .forms import ReportBackMoveForm, WorkProgrammeStartForm
from .ical import build_calendar
from .models import CalendarToken


class WorkProgrammeView(ObjectPermissionMixin, DetailView):
    """A committee's coming meetings, each with the business due at it."""

    permission_required = "deadlines.view_work_programme"
    model = Committee
    template_name = "deadlines/work_programme.html"
    context_object_name = "committee"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        start_form = WorkProgrammeStartForm(self.request.GET)
        start = start_form.value("start")
        context.update(
            today=today,
            start=start or today,
            start_form=start_form,
            programme=selectors.work_programme(
                self.object,
                recommendations_visible_to(self.request.user),
                today,
                start=start,
            ),
            statement_due_days=council_settings().statement_due_days_before_meeting,
            can_move=self.request.user.has_perm("deadlines.move_report_back"),
        )
        return context


class ReportBackMoveView(ObjectPermissionMixin, ServiceFormMixin, FormView):
    permission_required = "deadlines.move_report_back"
    form_class = ReportBackMoveForm
    template_name = "deadlines/report_back_move.html"
    success_message = "Report-back moved. The reason is kept with the recommendation."

    def dispatch(self, request, *args, **kwargs):
        self.recommendation = get_object_or_404(
            Recommendation.objects.select_related(
                "report__committee", "report_back_meeting", "current_status", "directorate"
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_permission_object(self):
        return self.recommendation

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "recommendation": self.recommendation,
            "today": timezone.localdate(),
        }

    def get_initial(self):
        return {"to_meeting": self.request.GET.get("to")}

    def perform(self, form):
        return services.report_back_move(
            recommendation=self.recommendation,
            to_meeting=form.cleaned_data["to_meeting"],
            reason=form.cleaned_data["reason"],
            user=self.request.user,
            expected_version=form.cleaned_data.get("version"),
        )

    def get_success_url(self):
        return reverse("deadlines:work_programme", args=[self.recommendation.report.committee_id])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            recommendation=self.recommendation,
            next_report_back=self.recommendation.next_report_back,
            moves=self.recommendation.report_back_moves.select_related(
                "from_meeting", "to_meeting", "moved_by"
            ),
            back_url=reverse(
                "deadlines:work_programme",
                args=[self.recommendation.report.committee_id],
            ),
            **kwargs,
        )


class ReportBackMovesView(ObjectPermissionMixin, DetailView):
    """The history of a recommendation's moved report-backs, with the reasons."""

    permission_required = "deadlines.view_work_programme"
    template_name = "deadlines/report_back_moves.html"
    context_object_name = "recommendation"

    def get_queryset(self):
        return recommendations_visible_to(self.request.user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            moves=self.object.report_back_moves.select_related(
                "from_meeting", "to_meeting", "moved_by"
            ),
            **kwargs,
        )


class CalendarView(LoginRequiredMixin, ObjectPermissionMixin, TemplateView):
    """The user's secret calendar address, to subscribe to from Outlook, and its reset."""

    permission_required = "deadlines.use_calendar"
    template_name = "deadlines/calendar.html"

    def get_context_data(self, **kwargs):
        token = services.calendar_token_for(self.request.user)
        feed_url = self.request.build_absolute_uri(token.get_absolute_url())
        return super().get_context_data(
            token=token,
            feed_url=feed_url,
            webcal_url="webcal://" + feed_url.split("://", 1)[1],
            months_back=selectors.CALENDAR_MONTHS_BACK,
            months_ahead=selectors.CALENDAR_MONTHS_AHEAD,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        services.calendar_token_reset(user=request.user)
        messages.success(
            request, "Your calendar address has been reset. The old address no longer works."
        )
        return redirect("deadlines:calendar")


@never_cache
def calendar_feed(request, secret: str) -> HttpResponse:
    """The iCalendar feed itself: no sign-in, the secret in the address is the key."""
    token = (
        CalendarToken.objects.select_related("user", "user__directorate")
        .filter(secret=secret)
        .first()
    )
    if (
        token is None
        or not token.user.is_active
        or not token.user.has_perm("deadlines.use_calendar")
    ):
        raise Http404
    content = selectors.calendar_for(token.user, timezone.localdate())
    response = HttpResponse(
        build_calendar(token.user, content), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="scrutiny.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
