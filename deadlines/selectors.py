"""Deadlines: what is due, at risk and overdue, each committee's work programme, and
what each person should be reminded of. Dates are the council's (Europe/London): callers
pass `today = timezone.localdate()`.

Three kinds of lateness (issue 4):

- a response is *overdue* once its statutory deadline (`Report.response_due_on`) has
  passed without a submitted response;
- a report-back is *overdue* once its meeting (or, for a month, the month's end) has
  passed without a submitted position statement for it;
- a position statement is *at risk* once the day it was due, STATEMENT_DUE_DAYS_BEFORE_
  MEETING days before the meeting that takes the report-back, has passed without one.
"""

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from accounts.models import Role, User
from accounts.rules import is_directorate_user, is_member, is_officer
from recommendations.dates import days_late
from recommendations.models import Committee, Meeting, Recommendation
from recommendations.report_backs import ReportBackOccurrence, report_back_occurrences
from recommendations.selectors import recommendations_visible_to
from responses.models import PositionStatement, Response, ResponseState
from responses.selectors import response_submitted_exists

from .models import ReportBackMove

RESPONSE = "response"
REPORT_BACK = "report-back"

OVERDUE = "overdue"
AT_RISK = "at_risk"
DUE_SOON = "due_soon"
UPCOMING = "upcoming"
SUBMITTED = "submitted"


@dataclass(frozen=True)
class Deadline:
    """One thing owed to a board: a response, or a report-back (a position statement
    for one occurrence of a recommendation's report-back requirement)."""

    recommendation: Recommendation
    kind: str  # RESPONSE or REPORT_BACK
    due_on: date  # the response deadline, or the report-back's meeting date / month end
    occurrence: ReportBackOccurrence | None = None
    meeting: Meeting | None = None  # the meeting that takes the report-back, if known
    statement_due_on: date | None = None  # when the position statement is wanted
    submitted_on: date | None = None

    @property
    def item(self) -> str:
        """Names the item in SentNotification: the same for every run, so reminders are
        sent once per item and stage."""
        if self.kind == RESPONSE:
            return RESPONSE
        return f"{REPORT_BACK}:{self.occurrence.due_on.isoformat()}"

    @property
    def title(self) -> str:
        if self.kind == RESPONSE:
            return "Response"
        return f"Position statement for the report-back ({self.occurrence.label})"

    @property
    def submitted(self) -> bool:
        return self.submitted_on is not None

    @property
    def chase_on(self) -> date:
        """The date people work to: the statement's due date, or the deadline itself."""
        return self.statement_due_on or self.due_on

    def state(self, today: date) -> str:
        if self.submitted:
            return SUBMITTED
        if self.due_on < today:
            return OVERDUE
        if self.statement_due_on is not None and self.statement_due_on < today:
            return AT_RISK
        if (self.chase_on - today).days <= settings.REMINDER_DAYS_AHEAD:
            return DUE_SOON
        return UPCOMING

    def days_late(self, today: date) -> int:
        """Days past the deadline (0 when not late or already submitted)."""
        return 0 if self.submitted else days_late(self.due_on, today)

    def days_past_statement_date(self, today: date) -> int:
        return 0 if self.submitted else days_late(self.statement_due_on, today)

    def days_left(self, today: date) -> int:
        return (self.chase_on - today).days


# --- Database forms, for lists and filters ------------------------------------------


def recommendations_awaiting_response(
    recommendations: QuerySet[Recommendation], user: User
) -> QuerySet[Recommendation]:
    """Recommendations whose report was received and that have no submitted response that
    `user` may read (the public: no agreed response; nothing reveals a submission)."""
    return recommendations.filter(report__received_on__isnull=False).exclude(
        response_submitted_exists(user)
    )


def recommendations_overdue(
    recommendations: QuerySet[Recommendation], today: date, user: User
) -> QuerySet[Recommendation]:
    response_late = recommendations_awaiting_response(recommendations, user).filter(
        report__response_due_on__lt=today
    )
    return recommendations.filter(
        Q(pk__in=response_late.values("pk")) | Q(next_report_back_deadline__lt=today)
    )


def responses_overdue(
    recommendations: QuerySet[Recommendation], today: date, user: User
) -> QuerySet[Recommendation]:
    """Recommendations whose response is past its statutory deadline, oldest first."""
    return (
        recommendations_awaiting_response(recommendations, user)
        .filter(report__response_due_on__lt=today)
        .order_by("report__response_due_on", "report", "number")
    )


# --- Building deadlines -------------------------------------------------------------


def _with_submissions(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """Loads what deadlines need: the submitted current response and submitted statements.
    Drafts are never read here, so nothing private leaks into lists or emails."""
    return recommendations.select_related(
        "report__committee", "directorate", "current_status", "report_back_meeting"
    ).prefetch_related(
        Prefetch(
            "responses",
            queryset=Response.objects.submitted(),
            to_attr="submitted_responses",
        ),
        Prefetch(
            "position_statements",
            queryset=PositionStatement.objects.filter(state=ResponseState.SUBMITTED),
            to_attr="submitted_statements",
        ),
    )


class MeetingIndex:
    """The non-cancelled meetings of some committees, to find which meeting takes a
    report-back due in a month."""

    def __init__(self, committee_ids: Iterable[int]):
        self._meetings: dict[int, list[Meeting]] = defaultdict(list)
        for meeting in (
            Meeting.objects.filter(committee__in=set(committee_ids))
            .exclude(status=Meeting.Status.CANCELLED)
            .select_related("committee")
            .order_by("date")
        ):
            self._meetings[meeting.committee_id].append(meeting)
        self._dates = {cid: [m.date for m in ms] for cid, ms in self._meetings.items()}

    def first_on_or_after(self, committee_id: int, day: date) -> Meeting | None:
        dates = self._dates.get(committee_id, [])
        index = bisect_left(dates, day)
        return self._meetings[committee_id][index] if index < len(dates) else None

    def meeting_taking(
        self, recommendation: Recommendation, occurrence: ReportBackOccurrence
    ) -> Meeting | None:
        """The meeting at which the board takes this report-back: the named meeting, or
        the board's first meeting in the month (None when it has none scheduled there)."""
        committee_id = recommendation.report.committee_id
        if occurrence.at_meeting:
            meeting = recommendation.report_back_meeting
            if meeting is not None and meeting.date == occurrence.due_on:
                return meeting
        meeting = self.first_on_or_after(committee_id, occurrence.due_on)
        if meeting is not None and meeting.date <= occurrence.deadline:
            return meeting
        return None


def statement_due_for(occurrence: ReportBackOccurrence, meeting: Meeting | None) -> date:
    """N days before the meeting that takes the report-back (or before the month's end
    when no meeting in it is scheduled yet)."""
    anchor = meeting.date if meeting is not None else occurrence.deadline
    return anchor - timedelta(days=settings.STATEMENT_DUE_DAYS_BEFORE_MEETING)


def _local_date(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


def _response_deadline(recommendation: Recommendation) -> Deadline | None:
    due_on = recommendation.report.response_due_on
    if due_on is None:
        return None
    submitted = next(iter(recommendation.submitted_responses), None)
    return Deadline(
        recommendation=recommendation,
        kind=RESPONSE,
        due_on=due_on,
        submitted_on=_local_date(submitted.submitted_at) if submitted else None,
    )


def _report_back_deadline(
    recommendation: Recommendation, occurrence: ReportBackOccurrence, meetings: MeetingIndex
) -> Deadline:
    statement = next(
        (
            s
            for s in recommendation.submitted_statements
            if s.report_back_due_on == occurrence.due_on
        ),
        None,
    )
    meeting = meetings.meeting_taking(recommendation, occurrence)
    return Deadline(
        recommendation=recommendation,
        kind=REPORT_BACK,
        due_on=occurrence.deadline,
        occurrence=occurrence,
        meeting=meeting,
        statement_due_on=statement_due_for(occurrence, meeting),
        submitted_on=_local_date(statement.submitted_at) if statement else None,
    )


def deadlines_for(
    recommendations: QuerySet[Recommendation], *, include_submitted: bool = False
) -> list[Deadline]:
    """Each recommendation's response deadline and its next report-back, by date."""
    recommendations = list(_with_submissions(recommendations))
    meetings = MeetingIndex(r.report.committee_id for r in recommendations)
    deadlines = []
    for recommendation in recommendations:
        response = _response_deadline(recommendation)
        if response is not None and (include_submitted or not response.submitted):
            deadlines.append(response)
        occurrence = recommendation.next_report_back
        if occurrence is not None:
            report_back = _report_back_deadline(recommendation, occurrence, meetings)
            if include_submitted or not report_back.submitted:
                deadlines.append(report_back)
    return sorted(deadlines, key=_order)


def _order(deadline: Deadline):
    return (deadline.chase_on, deadline.recommendation.report_id, deadline.recommendation.number)


def _near(recommendations: QuerySet[Recommendation], today: date) -> QuerySet[Recommendation]:
    """A cheap database filter to what can be due soon or late by `today`."""
    limit = today + timedelta(
        days=settings.REMINDER_DAYS_AHEAD + settings.STATEMENT_DUE_DAYS_BEFORE_MEETING
    )
    return recommendations.filter(
        Q(report__response_due_on__lte=limit) | Q(next_report_back_on__lte=limit)
    )


@dataclass
class Attention:
    """What needs chasing, each list oldest deadline first."""

    overdue_responses: list[Deadline] = field(default_factory=list)
    overdue_report_backs: list[Deadline] = field(default_factory=list)
    at_risk_statements: list[Deadline] = field(default_factory=list)
    due_soon: list[Deadline] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(
            self.overdue_responses
            or self.overdue_report_backs
            or self.at_risk_statements
            or self.due_soon
        )


def needing_attention(recommendations: QuerySet[Recommendation], today: date) -> Attention:
    attention = Attention()
    for deadline in deadlines_for(_near(recommendations, today)):
        state = deadline.state(today)
        if state == OVERDUE:
            if deadline.kind == RESPONSE:
                attention.overdue_responses.append(deadline)
            else:
                attention.overdue_report_backs.append(deadline)
        elif state == AT_RISK:
            attention.at_risk_statements.append(deadline)
        elif state == DUE_SOON:
            attention.due_soon.append(deadline)
    return attention


def committees_of(user: User) -> QuerySet[Committee]:
    """The committees whose business a user follows: an officer those they support (all
    when they support none), a member those they sit on, a directorate user those with
    recommendations addressed to their directorate."""
    if is_officer(user):
        supported = Committee.objects.filter(scrutiny_officer=user)
        return supported if supported.exists() else Committee.objects.all()
    if is_member(user):
        return Committee.objects.filter(memberships__user=user).distinct()
    if is_directorate_user(user):
        return Committee.objects.filter(
            reports__recommendations__directorate=user.directorate_id
        ).distinct()
    return Committee.objects.none()


def attention_for(user: User, today: date) -> Attention:
    """What a signed-in user should see as overdue and at risk on their home page."""
    # An officer's home page covers every board, like the rest of it.
    committees = Committee.objects.all() if is_officer(user) else committees_of(user)
    visible = recommendations_visible_to(user).filter(report__committee__in=committees)
    if is_directorate_user(user) and not is_officer(user):
        visible = visible.filter(directorate=user.directorate_id)
    return needing_attention(visible, today)


# --- The work programme -----------------------------------------------------------


@dataclass
class ProgrammeMeeting:
    meeting: Meeting
    report_backs: list[Deadline] = field(default_factory=list)
    responses: list[Deadline] = field(default_factory=list)
    moves: dict[int, ReportBackMove] = field(default_factory=dict)

    @property
    def submitted_count(self) -> int:
        return sum(1 for d in [*self.report_backs, *self.responses] if d.submitted)


def work_programme(
    committee: Committee,
    recommendations: QuerySet[Recommendation],
    today: date,
    *,
    start: date | None = None,
    meeting_count: int = 12,
) -> list[ProgrammeMeeting]:
    """The committee's coming meetings (from `start`, default today), each with the
    report-backs it takes (named meetings, months and repeats), the responses due
    before it, and which of them are already submitted.

    A report-back or response already late goes to the first meeting listed, so
    nothing overdue drops out of the programme.
    """
    start = start or today
    meetings = list(
        Meeting.objects.filter(committee=committee, date__gte=start)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("date")[:meeting_count]
    )
    if not meetings:
        return []
    programme = [ProgrammeMeeting(meeting) for meeting in meetings]
    dates = [meeting.date for meeting in meetings]
    last = dates[-1]
    before = (
        Meeting.objects.filter(committee=committee, date__lt=start)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )

    def slot(day: date) -> ProgrammeMeeting | None:
        index = bisect_left(dates, day)
        return programme[index] if index < len(programme) else None

    recommendations = list(_with_submissions(recommendations.filter(report__committee=committee)))
    index = MeetingIndex([committee.pk])
    latest_moves = {}
    for move in ReportBackMove.objects.filter(
        recommendation__in=[r.pk for r in recommendations]
    ).select_related("from_meeting", "moved_by"):
        latest_moves.setdefault(move.recommendation_id, move)  # newest first

    for recommendation in recommendations:
        _place_response(recommendation, programme, slot, start=start, last=last, before=before)
        if recommendation.monitoring_ended:
            continue
        past_seen = False
        for occurrence in report_back_occurrences(
            meeting_on=recommendation.report_back_meeting.date
            if recommendation.report_back_meeting
            else None,
            month=recommendation.report_back_month,
            every_months=recommendation.report_back_every_months,
        ):
            if occurrence.due_on > last:
                break
            assessed_on = recommendation.last_assessed_on
            if assessed_on is not None and occurrence.due_on <= assessed_on:
                continue
            if occurrence.due_on < start:
                # Only the first unanswered one is owed now (as next_report_back says).
                if past_seen:
                    continue
                past_seen = True
            deadline = _report_back_deadline(recommendation, occurrence, index)
            if occurrence.due_on < start:
                if deadline.submitted:
                    continue  # answered before this programme; the board has the statement
                target = programme[0]
            elif deadline.meeting is not None and deadline.meeting.date in dates:
                target = programme[dates.index(deadline.meeting.date)]
            else:
                target = slot(occurrence.due_on)
            if target is None:
                continue
            target.report_backs.append(deadline)
            move = latest_moves.get(recommendation.pk)
            if move is not None and move.to_meeting_id == target.meeting.pk:
                target.moves[recommendation.pk] = move
    for entry in programme:
        entry.report_backs.sort(key=_order)
        entry.responses.sort(key=_order)
    return programme


def _place_response(recommendation, programme, slot, *, start, last, before) -> None:
    """Put an outstanding response (or one submitted since the last meeting) under the
    first meeting on or after its deadline; one already late under the next meeting."""
    response = _response_deadline(recommendation)
    if response is None or response.due_on > last:
        return
    recent = before is None or response.due_on > before
    if response.submitted and not recent:
        return
    target = slot(response.due_on) if response.due_on >= start else programme[0]
    if target is not None:
        target.responses.append(response)


# --- Reminders -----------------------------------------------------------------


REMINDER_STAGES = (OVERDUE, AT_RISK, DUE_SOON)


def reminders_due(
    recommendations: QuerySet[Recommendation], today: date
) -> list[tuple[Deadline, str]]:
    """Every deadline worth a reminder today, with its stage."""
    items = []
    for deadline in deadlines_for(_near(recommendations, today)):
        stage = deadline.state(today)
        if stage in REMINDER_STAGES:
            items.append((deadline, stage))
    return items


def recipients_of_directorate(directorate_id: int) -> list[User]:
    """The director and delegated officers of a directorate with an email address."""
    return list(
        User.objects.filter(directorate=directorate_id, role=Role.DIRECTORATE, is_active=True)
        .exclude(email="")
        .order_by("pk")
    )


# --- Calendar ------------------------------------------------------------------


@dataclass
class CalendarContent:
    meetings: list[Meeting]
    deadlines: list[Deadline]


def calendar_for(user: User, today: date, *, days_back: int = 365) -> CalendarContent:
    """The meetings and outstanding deadlines a user cares about (see `committees_of`)."""
    since = today - timedelta(days=days_back)
    committees = committees_of(user)
    meetings = list(
        Meeting.objects.filter(committee__in=committees, date__gte=since)
        .select_related("committee")
        .order_by("date")
    )
    recommendations = recommendations_visible_to(user).filter(report__committee__in=committees)
    if is_directorate_user(user) and not is_officer(user):
        recommendations = recommendations.filter(directorate=user.directorate_id)
    recommendations = recommendations.filter(
        Q(report__response_due_on__gte=since) | Q(next_report_back_deadline__gte=since)
    )
    deadlines = [d for d in deadlines_for(recommendations) if d.due_on >= since]
    return CalendarContent(meetings=meetings, deadlines=deadlines)
