"""Deadlines as pages and emails need them: what needs each person's attention, each
committee's work programme, the daily reminders and the calendar. Every rule of what is
due, overdue or at risk is in `deadlines.engine`."""

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from accounts.models import Role, User
from accounts.rules import is_directorate_user, is_member, is_officer
from core.lists import Shortlist
from council.selectors import council_settings
from recommendations.models import Committee, Meeting, Recommendation
from recommendations.selectors import recommendations_visible_to, report_back_due_at_meeting
from responses.models import PositionStatement, Response, ResponseState

from .engine import (
    AT_RISK,
    DUE_SOON,
    OVERDUE,
    REPORT_BACK,
    RESPONSE,
    Deadline,
    MeetingIndex,
    deadline_order,
    deadlines_by_recommendation,
    deadlines_for,
    report_back_deadline,
    response_deadline,
    standing_q,
    with_standing,
    with_submissions,
)
from .models import ReportBackMove


def _near(recommendations: QuerySet[Recommendation], today: date) -> QuerySet[Recommendation]:
    """A cheap database filter to what can be due soon or late by `today`."""
    limit = today + timedelta(
        days=council_settings().reminder_days_ahead
        + council_settings().statement_due_days_before_meeting
    )
    return recommendations.filter(
        Q(report__response_due_on__lte=limit) | Q(next_report_back_on__lte=limit)
    )


# Home pages show this many of each kind; the count says how many there are in all.
ATTENTION_LIMIT = 20


@dataclass
class Attention:
    """What needs chasing, each list oldest deadline first, bounded (see Shortlist)."""

    overdue_responses: Shortlist = field(default_factory=Shortlist)
    overdue_report_backs: Shortlist = field(default_factory=Shortlist)
    at_risk_statements: Shortlist = field(default_factory=Shortlist)

    def __bool__(self) -> bool:
        return bool(self.overdue_responses or self.overdue_report_backs or self.at_risk_statements)


def _shortlist(annotated, kind: str, state: str, today: date, order: str, limit: int) -> Shortlist:
    rows = annotated.filter(standing_q(kind, state, today)).order_by(order, "report", "number")
    shown = list(rows[:limit])
    total = rows.count()  # every time: the page's queries do not depend on the data
    deadlines = deadlines_by_recommendation(shown)
    items = [
        deadlines[row.pk].response if kind == RESPONSE else deadlines[row.pk].report_back
        for row in shown
    ]
    return Shortlist([item for item in items if item is not None], total)


def needing_attention(
    recommendations: QuerySet[Recommendation], today: date, *, limit: int = ATTENTION_LIMIT
) -> Attention:
    """Overdue responses and report-backs and at-risk statements, chosen and counted in
    the database by the engine's rule: a page's cost does not grow with the record."""
    annotated = with_standing(recommendations)
    return Attention(
        overdue_responses=_shortlist(
            annotated, RESPONSE, OVERDUE, today, "report__response_due_on", limit
        ),
        overdue_report_backs=_shortlist(
            annotated, REPORT_BACK, OVERDUE, today, "next_report_back_deadline", limit
        ),
        at_risk_statements=_shortlist(
            annotated, REPORT_BACK, AT_RISK, today, "report_back_anchor_on", limit
        ),
    )


# --- A directorate's worklist -------------------------------------------------------


# The worklist page shows this many items of each kind; the home page fewer.
WORKLIST_LIMIT = 100


@dataclass
class WorkItem:
    """One thing a directorate owes a board: a response or a position statement."""

    recommendation: Recommendation
    kind: str  # RESPONSE or REPORT_BACK
    deadline: Deadline | None  # None for a response to a report not yet received
    draft: object | None  # the directorate's draft, if one is started
    is_new: bool  # addressed recently, and nothing drafted yet

    @property
    def sort_key(self):
        far = date.max
        return (not self.is_new, self.deadline.chase_on if self.deadline else far)


@dataclass
class WorkGroup:
    report: object
    items: list[WorkItem]

    @property
    def owes_responses(self) -> bool:
        """Whether the director can answer this report on one page."""
        return any(item.kind == RESPONSE for item in self.items)


@dataclass
class Worklist:
    groups: list[WorkGroup] = field(default_factory=list)
    total: int = 0

    @property
    def items(self) -> list[WorkItem]:
        return [item for group in self.groups for item in group.items]

    @property
    def more(self) -> int:
        return self.total - len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0


def worklist_for(user: User, today: date, *, limit: int = WORKLIST_LIMIT) -> Worklist:
    """What the user's directorate owes: responses not yet submitted, and position
    statements for report-backs due within the council settings' look-ahead (or late), by the
    engine's rule; grouped by report, new work and then the soonest deadline first. At
    most `limit` of each kind are loaded, whatever the directorate holds."""
    if not user.is_authenticated or user.directorate_id is None:
        return Worklist()
    own = with_standing(
        Recommendation.objects.active()
        .filter(directorate=user.directorate_id)
        .select_related("report__committee", "current_status", "report_back_meeting")
    )
    horizon = today + timedelta(days=council_settings().report_back_lookahead_days)
    responses_owed = own.filter(response_in=False).order_by(
        F("report__response_due_on").asc(nulls_last=True), "report", "number"
    )
    statements_owed = own.filter(
        response_in=True, next_report_back_on__lte=horizon, statement_in=False
    ).order_by("report_back_anchor_on", "report", "number")
    response_rows = list(responses_owed[:limit])
    statement_rows = list(statements_owed[:limit])
    # Counted every time (not only when a list is full), so that the page issues the
    # same queries whatever the directorate holds.
    total = responses_owed.count() + statements_owed.count()
    deadlines = deadlines_by_recommendation([*response_rows, *statement_rows])
    response_drafts = {
        draft.recommendation_id: draft
        for draft in Response.objects.filter(
            # `or [0]` (no such id): an empty list would skip the query.
            recommendation__in=[row.pk for row in response_rows] or [0],
            state=ResponseState.DRAFT,
            directorate=user.directorate_id,  # a draft belongs to the directorate that wrote it
        )
    }
    statement_drafts = {
        (draft.recommendation_id, draft.report_back_due_on): draft
        for draft in PositionStatement.objects.filter(
            recommendation__in=[row.pk for row in statement_rows] or [0],
            state=ResponseState.DRAFT,
            directorate=user.directorate_id,
        )
    }
    new_since = timezone.now() - timedelta(days=council_settings().reminder_days_ahead)
    items = [
        WorkItem(
            recommendation=row,
            kind=RESPONSE,
            deadline=deadlines[row.pk].response,
            draft=response_drafts.get(row.pk),
            is_new=row.pk not in response_drafts and row.created_at >= new_since,
        )
        for row in response_rows
    ] + [
        WorkItem(
            recommendation=row,
            kind=REPORT_BACK,
            deadline=deadlines[row.pk].report_back,
            draft=statement_drafts.get((row.pk, row.next_report_back_on)),
            is_new=False,
        )
        for row in statement_rows
    ]
    items.sort(key=lambda item: item.sort_key)
    groups: dict[int, WorkGroup] = {}
    for item in items:
        report = item.recommendation.report
        groups.setdefault(report.pk, WorkGroup(report, [])).items.append(item)
    return Worklist(groups=list(groups.values()), total=total)


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
    report-backs it takes, the responses due before it, and which of them are already
    submitted.

    Each recommendation's next report-back is placed at the first listed meeting at which
    it is due for tracking, by the rule the meeting page and the tracking form use
    (`report_back_due_at_meeting`): one already late goes to the next meeting, so nothing
    overdue drops out of the programme, and every report-back listed under a meeting can
    be given the board's decision on that meeting's tracking form. A response already
    late goes to the first meeting listed.
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

    recommendations = list(with_submissions(recommendations.filter(report__committee=committee)))
    index = MeetingIndex([committee.pk])
    latest_moves = {}
    for move in ReportBackMove.objects.filter(
        recommendation__in=[r.pk for r in recommendations]
    ).select_related("from_meeting", "moved_by"):
        latest_moves.setdefault(move.recommendation_id, move)  # newest first

    meeting_dates = list(
        Meeting.objects.filter(committee=committee)
        .exclude(status=Meeting.Status.CANCELLED)
        .values_list("date", flat=True)
    )
    for recommendation in recommendations:
        _place_response(recommendation, programme, slot, start=start, last=last, before=before)
        # The report-back goes where the tracking form will take it: the first listed
        # meeting at which it is due (recommendations.selectors, one rule for both).
        target = next(
            (
                entry
                for entry in programme
                if report_back_due_at_meeting(
                    next_report_back_on=recommendation.next_report_back_on,
                    meeting=entry.meeting,
                    meeting_dates=meeting_dates,
                    today=today,
                )
            ),
            None,
        )
        occurrence = recommendation.next_report_back
        if target is None or occurrence is None:
            continue
        target.report_backs.append(report_back_deadline(recommendation, occurrence, index))
        move = latest_moves.get(recommendation.pk)
        if move is not None and move.to_meeting_id == target.meeting.pk:
            target.moves[recommendation.pk] = move
    for entry in programme:
        entry.report_backs.sort(key=deadline_order)
        entry.responses.sort(key=deadline_order)
    return programme


def _place_response(recommendation, programme, slot, *, start, last, before) -> None:
    """Put an outstanding response (or one submitted since the last meeting) under the
    first meeting on or after its deadline; one already late under the next meeting."""
    response = response_deadline(recommendation)
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
