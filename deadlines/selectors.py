"""Deadlines as pages and emails need them: what needs each person's attention, each
committee's work programme, the daily reminders and the calendar. Every rule of what is
due, overdue or at risk is in `deadlines.engine`."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from accounts.models import Role, User
from accounts.rules import is_directorate_user, is_member, is_officer
from core.lists import Counted, Shortlist, count_capped, first_ids_capped, first_ids_counted_by
from council.selectors import council_settings
from recommendations.dates import add_months
from recommendations.models import Committee, Meeting, Recommendation
from recommendations.selectors import (
    due_for_tracking_at,
    recommendations_visible_to,
)
from responses.models import PositionStatement, Response
from responses.selectors import directorate_drafts

from .engine import (
    AT_RISK,
    DUE_SOON,
    OVERDUE,
    REPORT_BACK,
    RESPONSE,
    SAME_DAY_ORDER,
    Deadline,
    RecommendationDeadlines,
    deadlines_by_id,
    deadlines_for,
    standing_q,
    with_standing,
)
from .models import ReportBackMove

# Home pages show this many of each kind; the count says how many there are in all.
ATTENTION_LIMIT = 10


@dataclass
class Attention:
    """What needs chasing, each list oldest deadline first, bounded (see Shortlist)."""

    overdue_responses: Shortlist = field(default_factory=Shortlist)
    overdue_report_backs: Shortlist = field(default_factory=Shortlist)
    at_risk_statements: Shortlist = field(default_factory=Shortlist)

    def __bool__(self) -> bool:
        return bool(self.overdue_responses or self.overdue_report_backs or self.at_risk_statements)


def _first_ids_counted(
    annotated, kind: str, state: str, today: date, order: str, limit: int
) -> tuple[list[int], int, bool]:
    rows = annotated.filter(standing_q(kind, state, today)).order_by(order, *SAME_DAY_ORDER)
    # Only the ids here: the rows are read with their deadlines. A query that also joined
    # what a page shows of each row took PostgreSQL longer to plan than to run.
    return first_ids_capped(rows, limit)


def needing_attention(
    recommendations: QuerySet[Recommendation], today: date, *, limit: int = ATTENTION_LIMIT
) -> Attention:
    """Overdue responses and report-backs and at-risk statements, chosen and counted in
    the database by the engine's rule: a page's cost does not grow with the record."""
    annotated = with_standing(recommendations)
    lists = {
        "overdue_responses": (RESPONSE, OVERDUE, "report__response_due_on"),
        "overdue_report_backs": (REPORT_BACK, OVERDUE, "next_report_back_deadline"),
        "at_risk_statements": (REPORT_BACK, AT_RISK, "report_back_anchor_on"),
    }
    chosen = {
        name: (kind, *_first_ids_counted(annotated, kind, state, today, order, limit))
        for name, (kind, state, order) in lists.items()
    }
    # The three lists' rows are read with their deadlines together: one engine pass.
    deadlines = deadlines_by_id(sorted({pk for _, shown, _, _ in chosen.values() for pk in shown}))
    shortlists = {}
    for name, (kind, shown, total, capped) in chosen.items():
        items = [
            deadlines[pk].response if kind == RESPONSE else deadlines[pk].report_back
            for pk in shown
        ]
        shortlists[name] = Shortlist([item for item in items if item is not None], total, capped)
    return Attention(**shortlists)


# --- A directorate's worklist -------------------------------------------------------


# The worklist page shows this many items of each kind; the home page fewer.
WORKLIST_LIMIT = 25


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
class Worklist(Counted):
    groups: list[WorkGroup] = field(default_factory=list)
    total: int = 0
    capped: bool = False  # over `total`: see core.lists.count_capped

    @property
    def items(self) -> list[WorkItem]:  # type: ignore[override]
        return [item for group in self.groups for item in group.items]


def worklist_for(user: User, today: date, *, limit: int = WORKLIST_LIMIT) -> Worklist:
    """What the user's directorate owes: responses not yet submitted, and position
    statements for report-backs due within the council settings' look-ahead (or late), by the
    engine's rule; grouped by report, new work and then the soonest deadline first. At
    most `limit` of each kind are loaded, whatever the directorate holds."""
    if not user.is_authenticated or user.directorate_id is None:
        return Worklist()
    own = with_standing(Recommendation.objects.active().filter(directorate=user.directorate_id))
    horizon = today + timedelta(days=council_settings().report_back_lookahead_days)
    responses_owed = own.filter(response_in=False).order_by(
        F("report__response_due_on").asc(nulls_last=True), *SAME_DAY_ORDER
    )
    statements_owed = own.filter(
        response_in=True,
        next_report_back_on__lte=horizon,
        statement_in=False,
        # By the stored, indexed deadline (the anchor is worked out per row, so ordering by it
        # would cost the whole directorate); the page then puts the shown items in order.
    ).order_by("next_report_back_deadline", *SAME_DAY_ORDER)
    # The ids first: the rows are read once, with their deadlines.
    response_ids = list(responses_owed.values_list("pk", flat=True)[:limit])
    statement_ids = list(statements_owed.values_list("pk", flat=True)[:limit])
    # Counted every time (not only when a list is full), so that the page issues the
    # same queries whatever the directorate holds.
    responses_counted, responses_capped = count_capped(responses_owed)
    statements_counted, statements_capped = count_capped(statements_owed)
    deadlines = deadlines_by_id([*response_ids, *statement_ids])
    response_rows = _rows_of(response_ids, deadlines)
    statement_rows = _rows_of(statement_ids, deadlines)
    response_drafts = {
        draft.recommendation_id: draft
        for draft in directorate_drafts(Response, user.directorate_id, response_rows)
    }
    statement_drafts = {
        (draft.recommendation_id, draft.report_back_due_on): draft
        for draft in directorate_drafts(PositionStatement, user.directorate_id, statement_rows)
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
    return Worklist(
        groups=list(groups.values()),
        total=responses_counted + statements_counted,
        capped=responses_capped or statements_capped,
    )


def _rows_of(ids: list[int], deadlines: dict[int, RecommendationDeadlines]) -> list[Recommendation]:
    """The rows `deadlines_by_id` read, in the order of `ids` (one deleted meanwhile is
    left out)."""
    return [row for pk in ids if (row := deadlines[pk].recommendation) is not None]


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


def sees_own_committees(user: User) -> bool:
    """Whether the user's home page counts and lists only their own committees' business
    (a member's), so that its links to the full list ask for the same ("mine")."""
    return is_member(user) and not is_officer(user)


def attention_for(user: User, today: date) -> Attention:
    """What a signed-in user should see as overdue and at risk on their home page."""
    visible = recommendations_visible_to(user)
    if is_officer(user):
        # An officer's home page covers every board, like the rest of it: no filter (one by
        # every committee would cost the database a join to plan and nothing to gain).
        return needing_attention(visible, today)
    visible = visible.filter(report__committee__in=committees_of(user))
    if is_directorate_user(user):
        visible = visible.filter(directorate=user.directorate_id)
    return needing_attention(visible, today)


# --- The work programme -----------------------------------------------------------


# The work programme shows this many report-backs and responses under each meeting; the
# meeting's counts say how many there are, and its page lists them all.
PROGRAMME_LIMIT = 50


@dataclass
class ProgrammeMeeting:
    meeting: Meeting
    report_backs: Shortlist = field(default_factory=Shortlist)
    responses: Shortlist = field(default_factory=Shortlist)
    moves: dict[int, ReportBackMove] = field(default_factory=dict)
    submitted_count: int = 0


def work_programme(
    committee: Committee,
    recommendations: QuerySet[Recommendation],
    today: date,
    *,
    start: date | None = None,
    meeting_count: int = 12,
    limit: int = PROGRAMME_LIMIT,
) -> list[ProgrammeMeeting]:
    """The committee's coming meetings (from `start`, default today), each with the
    report-backs it takes, the responses due before it, and how many of them are already
    submitted; at most `limit` of each are read per meeting, soonest first, whatever the
    record holds.

    Each recommendation's next report-back is placed at the first listed meeting at which
    it is due for tracking, by the rule the meeting page and the tracking form use
    (`recommendations_due_for_meeting`): one already late goes to the next meeting, so
    nothing overdue drops out of the programme, and every report-back listed under a
    meeting can be given the board's decision on that meeting's tracking form. A response
    goes under the first meeting on or after its deadline, one already late under the
    first meeting listed; a submitted one only if its deadline fell since the board last
    met.
    """
    start = start or today
    meetings = list(
        Meeting.objects.filter(committee=committee, date__gte=start)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("date")[:meeting_count]
    )
    if not meetings:
        return []
    before = (
        Meeting.objects.filter(committee=committee, date__lt=start)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    # Each kind is one query for the whole programme, each row placed under its meeting
    # in SQL: a query per meeting cost more Python to build than the database took to run.
    standing = with_standing(recommendations).filter(report__committee=committee)
    report_backs = first_ids_counted_by(
        _programme_report_backs(meetings, standing, today),
        limit,
        part=_meeting_taking("next_report_back_on", meetings),
        order=("report_back_anchor_on", *SAME_DAY_ORDER),
        submitted=Q(statement_in=True),
    )
    responses = first_ids_counted_by(
        _programme_responses(meetings, standing, before),
        limit,
        part=_meeting_taking("report__response_due_on", meetings),
        order=("report__response_due_on", *SAME_DAY_ORDER),
        submitted=Q(response_in=True),
    )
    nothing: tuple[list[int], dict[str, int]] = ([], {"total": 0, "submitted": 0})
    programme = []
    for index, meeting in enumerate(meetings):
        entry = ProgrammeMeeting(meeting)
        for kind, parts in (("report_backs", report_backs), ("responses", responses)):
            ids, counts = parts.get(index, nothing)
            setattr(entry, kind, Shortlist(ids, counts["total"]))
            entry.submitted_count += counts["submitted"]
        programme.append(entry)
    _fill_programme_deadlines(programme)
    return programme


def _meeting_taking(day_field: str, meetings: list[Meeting]) -> Case:
    """The index of the first of the programme's `meetings` on or after each row's
    `day_field`: the meeting it is listed under."""
    return Case(
        *(
            When(**{f"{day_field}__lte": meeting.date}, then=Value(index))
            for index, meeting in enumerate(meetings)
        ),
        output_field=IntegerField(),
    )


def _programme_report_backs(meetings: list[Meeting], standing: QuerySet, today: date) -> QuerySet:
    """The next report-backs the programme lists: each under the first of its meetings on
    or after the day it falls due, if that meeting takes it by the rule of the meeting page
    and the tracking form (`due_for_tracking_at`).

    Only the first meeting's is a question: the meetings listed are consecutive, so one
    falling due after the first meeting has no meeting between that day and the one it is
    listed under, and the rule gives it to that one."""
    first, last = meetings[0], meetings[-1]
    return standing.filter(
        Q(next_report_back_on__gt=first.date) | due_for_tracking_at(first, today),
        next_report_back_on__isnull=False,
        next_report_back_on__lte=last.date,
    )


def _programme_responses(
    meetings: list[Meeting], standing: QuerySet, before: date | None
) -> QuerySet:
    """The responses the programme lists: each under the first meeting on or after its
    deadline. The first meeting also takes those still outstanding from before the board
    last met, but not those submitted then (they were that meeting's business)."""
    due = standing.filter(report__response_due_on__lte=meetings[-1].date)
    if before is None:
        return due
    return due.exclude(report__response_due_on__lte=before, response_in=True)


def _fill_programme_deadlines(programme: list[ProgrammeMeeting]) -> None:
    """Turn each meeting's ids into their deadlines (the rows are read here, once), and
    note report-backs moved to it: a constant number of queries for the whole programme."""
    ids = [pk for entry in programme for pk in (*entry.report_backs, *entry.responses)]
    deadlines = deadlines_by_id(ids)
    latest_moves: dict[int, ReportBackMove] = {}
    for move in ReportBackMove.objects.filter(recommendation__in=ids or [0]).select_related(
        "from_meeting", "moved_by"
    ):
        latest_moves.setdefault(move.recommendation_id, move)  # newest first
    for entry in programme:
        entry.report_backs.items = [deadlines[pk].report_back for pk in entry.report_backs]
        entry.responses.items = [deadlines[pk].response for pk in entry.responses]
        for deadline in entry.report_backs:
            move = latest_moves.get(deadline.recommendation.pk)
            if move is not None and move.to_meeting_id == entry.meeting.pk:
                entry.moves[deadline.recommendation.pk] = move


# --- Reminders -----------------------------------------------------------------


REMINDER_STAGES = (OVERDUE, AT_RISK, DUE_SOON)


@dataclass(frozen=True)
class ReminderDue:
    """One deadline worth a reminder today, as the database form of the engine finds it:
    enough to claim it (`item` as `Deadline.item` names it) and to address it."""

    recommendation_id: int
    directorate_id: int | None
    committee_id: int
    item: str
    stage: str
    due_on: date


def reminders_due(recommendations: QuerySet[Recommendation], today: date) -> list[ReminderDue]:
    """Every deadline worth a reminder today, with its stage: two queries (one for
    responses, one for report-backs), whatever the number of recommendations."""
    annotated = with_standing(recommendations)
    found = []
    for kind, due_field in (
        (RESPONSE, "report__response_due_on"),
        (REPORT_BACK, "next_report_back_deadline"),
    ):
        stage = Case(
            *(When(standing_q(kind, state, today), then=Value(state)) for state in REMINDER_STAGES),
            default=None,
        )
        rows = (
            annotated.annotate(reminder_stage=stage)
            .filter(reminder_stage__isnull=False)
            .values_list(
                "pk",
                "directorate_id",
                "report__committee_id",
                "reminder_stage",
                due_field,
                "next_report_back_on",
            )
            .order_by()
        )
        for pk, directorate_id, committee_id, state, due_on, report_back_on in rows:
            item = RESPONSE if kind == RESPONSE else f"{REPORT_BACK}:{report_back_on.isoformat()}"
            found.append(ReminderDue(pk, directorate_id, committee_id, item, state, due_on))
    return found


def reminder_deadlines(pks: Iterable[int]) -> dict[tuple[int, str], Deadline]:
    """The outstanding deadlines of some recommendations (the ones a run sends), by
    recommendation and item, for the digest to show: a constant number of queries."""
    return {
        (deadline.recommendation.pk, deadline.item): deadline
        for deadline in deadlines_for(Recommendation.objects.filter(pk__in=list(pks)))
    }


def recipients_by_directorate() -> dict[int, list[User]]:
    """`recipients_of_directorate` for every directorate at once (one query)."""
    found: dict[int, list[User]] = {}
    for user in (
        User.objects.filter(role=Role.DIRECTORATE, is_active=True, directorate__isnull=False)
        .exclude(email="")
        .order_by("pk")
    ):
        found.setdefault(user.directorate_id, []).append(user)
    return found


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


# The feed's window: a bounded calendar however long the council's history.
CALENDAR_MONTHS_BACK = 3
CALENDAR_MONTHS_AHEAD = 12


def calendar_window(today: date) -> tuple[date, date]:
    return add_months(today, -CALENDAR_MONTHS_BACK), add_months(today, CALENDAR_MONTHS_AHEAD)


# The feed holds at most this many outstanding deadlines of each kind on each side of
# today, the nearest first: a calendar of thousands of entries helps no one, and the work
# programme and worklist list them all.
CALENDAR_DEADLINES_NEAREST = 50


def calendar_for(
    user: User, today: date, *, nearest: int = CALENDAR_DEADLINES_NEAREST
) -> CalendarContent:
    """The meetings and outstanding deadlines a user cares about (see `committees_of`)
    within `calendar_window` (the last 3 months and the next 12), at most `nearest` of
    each kind before and after today, nearest first."""
    since, until = calendar_window(today)
    committees = committees_of(user)
    meetings = list(
        Meeting.objects.filter(committee__in=committees, date__range=(since, until))
        .select_related("committee")
        .order_by("date")
    )
    recommendations = recommendations_visible_to(user).filter(report__committee__in=committees)
    if is_directorate_user(user) and not is_officer(user):
        recommendations = recommendations.filter(directorate=user.directorate_id)
    outstanding = with_standing(recommendations)
    chosen: set[int] = set()
    for rows, day in (
        (outstanding.filter(response_in=False), "report__response_due_on"),
        (outstanding.filter(statement_in=False), "next_report_back_deadline"),
    ):
        past = rows.filter(**{f"{day}__range": (since, today)}).order_by(f"-{day}", "pk")
        ahead = rows.filter(**{f"{day}__gt": today, f"{day}__lte": until}).order_by(day, "pk")
        for side in (past, ahead):
            chosen.update(side.values_list("pk", flat=True)[:nearest])
    deadlines = [
        deadline
        for deadline in deadlines_for(Recommendation.objects.filter(pk__in=chosen))
        if since <= deadline.due_on <= until
    ]
    return CalendarContent(meetings=meetings, deadlines=deadlines)
