"""The one deadline engine: for every recommendation, its response deadline and its
next report-back, and on any day whether each is submitted, overdue, at risk, due soon or
upcoming. Dates are the council's (Europe/London): callers pass
`today = timezone.localdate()`.

- a response is *overdue* once its statutory deadline (`Report.response_due_on`, set
  when the report is received) has passed without a submitted response;
- a report-back is *overdue* once its meeting (or, for a month, the month's end) has
  passed without a submitted position statement for it;
- a position statement is *at risk* once the day it was wanted, the council settings'
  notice period before the meeting that takes the report-back (or before the month's end
  when no meeting in it is scheduled), has passed without one;
- either is *due soon* within the council settings' reminder lead time of the day people work to.

The rule has two forms, tested to agree on generated histories
(tests/deadlines/test_engine.py): per item, `deadlines_for` builds `Deadline`s whose
`state(today)` says where each stands (for what a page shows of a few rows); for lists,
`with_standing` annotates a queryset and `standing_q` filters it in the database (for
which rows, and how many). Which meeting takes a report-back is
`recommendations.selectors.recommendations_due_for_meeting`, whose Python form is
`report_back_due_at_meeting`.
"""

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from council.selectors import council_settings
from recommendations.dates import days_late
from recommendations.models import Meeting, Recommendation
from recommendations.report_backs import ReportBackOccurrence
from responses.models import PositionStatement, Response, ResponseState

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
        if (self.chase_on - today).days <= council_settings().reminder_days_ahead:
            return DUE_SOON
        return UPCOMING

    def days_late(self, today: date) -> int:
        """Days past the deadline (0 when not late or already submitted)."""
        return 0 if self.submitted else days_late(self.due_on, today)

    def days_past_statement_date(self, today: date) -> int:
        return 0 if self.submitted else days_late(self.statement_due_on, today)

    def days_left(self, today: date) -> int:
        return (self.chase_on - today).days


# --- Building deadlines -------------------------------------------------------------


def with_submissions(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """Loads what deadlines need: the submitted current response and submitted statements.
    Drafts are never read here, so nothing private leaks into lists or emails."""
    return (
        recommendations.without_search_columns()
        .select_related("report__committee", "directorate", "current_status", "report_back_meeting")
        .prefetch_related(
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
    )


class MeetingIndex:
    """The non-cancelled meetings that can take some report-backs: those of each
    report-back's board between the day it falls due and its deadline. Only those are
    read (one query), so a page of rows reads a few meetings, not every board's history."""

    # Past this many windows one range per query is cheaper than one condition each.
    MAX_WINDOWS = 200

    def __init__(self, windows: Iterable[tuple[int, date, date]]):
        self._meetings: dict[int, list[Meeting]] = defaultdict(list)
        windows = set(windows)
        wanted = Q(pk=0)  # always a query, so a page's count does not depend on its rows
        if len(windows) > self.MAX_WINDOWS:
            wanted = Q(
                committee__in={committee_id for committee_id, _, _ in windows},
                date__gte=min(starts_on for _, starts_on, _ in windows),
                date__lte=max(ends_on for _, _, ends_on in windows),
            )
        else:
            wanted |= self._within_windows(windows)
        for meeting in (
            Meeting.objects.filter(wanted)
            .exclude(status=Meeting.Status.CANCELLED)
            .select_related("committee")
            .order_by("date")
        ):
            self._meetings[meeting.committee_id].append(meeting)
        self._dates = {cid: [m.date for m in ms] for cid, ms in self._meetings.items()}

    @staticmethod
    def _within_windows(windows: set[tuple[int, date, date]]) -> Q:
        """A meeting within any window of its board, each board's overlapping windows
        merged: the same meetings as a condition a window, in fewer for the ORM to build (a
        calendar feed has dozens of windows, and building them cost more than the query)."""
        spans: dict[int, list[list[date]]] = defaultdict(list)
        for committee_id, starts_on, ends_on in sorted(windows):
            board = spans[committee_id]
            if board and starts_on <= board[-1][1]:
                board[-1][1] = max(board[-1][1], ends_on)
            else:
                board.append([starts_on, ends_on])
        within = Q()
        for committee_id, board in spans.items():
            days = Q()
            for starts_on, ends_on in board:
                days |= Q(date__range=(starts_on, ends_on))
            within |= Q(committee=committee_id) & days
        return within

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
    return anchor - timedelta(days=council_settings().statement_due_days_before_meeting)


def _local_date(moment) -> date | None:
    return timezone.localdate(moment) if moment else None


def response_deadline(recommendation: Recommendation) -> Deadline | None:
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


def report_back_deadline(
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
    return _deadlines_of(
        list(with_submissions(recommendations)), include_submitted=include_submitted
    )


def _deadlines_of(
    recommendations: list[Recommendation], *, include_submitted: bool
) -> list[Deadline]:
    meetings = MeetingIndex(
        (r.report.committee_id, occurrence.due_on, occurrence.deadline)
        for r in recommendations
        if (occurrence := r.next_report_back) is not None
    )
    deadlines = []
    for recommendation in recommendations:
        response = response_deadline(recommendation)
        if response is not None and (include_submitted or not response.submitted):
            deadlines.append(response)
        occurrence = recommendation.next_report_back
        if occurrence is not None:
            report_back = report_back_deadline(recommendation, occurrence, meetings)
            if include_submitted or not report_back.submitted:
                deadlines.append(report_back)
    return sorted(deadlines, key=deadline_order)


def deadline_order(deadline: Deadline):
    return (deadline.chase_on, deadline.recommendation.report_id, deadline.recommendation.number)


# --- The database form, for lists, counts and filters ------------------------------


def with_standing(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """Adds what `standing_q` filters on: whether the response and the next report-back's
    statement are in, and the day the report-back is anchored to (the meeting that takes
    it, else the end of its month) — the same as `deadlines_for` works out in Python."""
    submitted_statement = PositionStatement.objects.filter(
        recommendation=OuterRef("pk"),
        state=ResponseState.SUBMITTED,
        report_back_due_on=OuterRef("next_report_back_on"),
    )
    # MeetingIndex.meeting_taking: the named meeting of an at-meeting report-back (its day
    # and deadline are the meeting's date), else the board's first meeting in the window.
    named_meeting = Case(
        When(
            report_back_meeting__date=F("next_report_back_on"),
            next_report_back_deadline=F("next_report_back_on"),
            then=F("report_back_meeting__date"),
        )
    )
    first_in_window = Subquery(
        Meeting.objects.filter(
            committee=OuterRef("report__committee"),
            date__gte=OuterRef("next_report_back_on"),
            date__lte=OuterRef("next_report_back_deadline"),
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("date")
        .values("date")[:1]
    )
    # Aliases, not annotations: filtered and ordered on, never selected. Selected, each
    # would be worked out for every row that qualifies, and PostgreSQL does that by hashing
    # the whole table of responses (or statements) first, for a page that shows twenty.
    return recommendations.alias(
        # Stored (responses.search keeps it on every write), indexed for what is owed.
        response_in=F("response_is_in"),
        statement_in=Exists(submitted_statement),
        report_back_anchor_on=Coalesce(
            named_meeting, first_in_window, F("next_report_back_deadline")
        ),
    )


def standing_q(kind: str, state: str, today: date) -> Q:
    """Rows of a `with_standing` queryset whose `kind` deadline (RESPONSE or REPORT_BACK)
    is in `state` on `today` (OVERDUE, AT_RISK, DUE_SOON or SUBMITTED)."""
    ahead = timedelta(days=council_settings().reminder_days_ahead)
    wanted = timedelta(days=council_settings().statement_due_days_before_meeting)
    if kind == RESPONSE:
        due = Q(report__response_due_on__isnull=False)
        outstanding = due & Q(response_in=False)
        states = {
            SUBMITTED: due & Q(response_in=True),
            OVERDUE: outstanding & Q(report__response_due_on__lt=today),
            AT_RISK: Q(pk__in=[]),
            DUE_SOON: outstanding
            & Q(report__response_due_on__gte=today, report__response_due_on__lte=today + ahead),
        }
        return states[state]
    due = Q(next_report_back_on__isnull=False)
    outstanding = due & Q(statement_in=False)
    # The statement is wanted `wanted` days before the anchor: compare the anchor with
    # today + wanted, so the database needs no date arithmetic.
    # The anchor is never before the report-back's day, so a bound on the anchor bounds
    # that stored, indexed day too: the database need not work out every row's anchor.
    states = {
        SUBMITTED: due & Q(statement_in=True),
        OVERDUE: outstanding & Q(next_report_back_deadline__lt=today),
        AT_RISK: outstanding
        & Q(
            next_report_back_deadline__gte=today,
            next_report_back_on__lt=today + wanted,
            report_back_anchor_on__lt=today + wanted,
        ),
        DUE_SOON: outstanding
        & Q(
            next_report_back_deadline__gte=today,
            next_report_back_on__lte=today + wanted + ahead,
            report_back_anchor_on__gte=today + wanted,
            report_back_anchor_on__lte=today + wanted + ahead,
        ),
    }
    return states[state]


def overdue_q(today: date) -> Q:
    """Either deadline overdue: the "Only overdue" filter and every overdue count."""
    return standing_q(RESPONSE, OVERDUE, today) | standing_q(REPORT_BACK, OVERDUE, today)


def recommendations_overdue(
    recommendations: QuerySet[Recommendation], today: date
) -> QuerySet[Recommendation]:
    return with_standing(recommendations).filter(overdue_q(today))


def responses_overdue(
    recommendations: QuerySet[Recommendation], today: date
) -> QuerySet[Recommendation]:
    """Recommendations whose response is past its statutory deadline, oldest first."""
    return _overdue(recommendations, RESPONSE, today, due="report__response_due_on")


def report_backs_overdue(
    recommendations: QuerySet[Recommendation], today: date
) -> QuerySet[Recommendation]:
    """Recommendations whose next report-back passed without a statement, oldest first."""
    return _overdue(recommendations, REPORT_BACK, today, due="next_report_back_deadline")


# Items with the same deadline: report by report, each in number order. By the report's id,
# not its own ordering (newest first, by title), which would join and sort on its columns
# for every row that qualifies instead of reading an index in order.
SAME_DAY_ORDER = ("report_id", "number")


def _overdue(
    recommendations: QuerySet[Recommendation], kind: str, today: date, *, due: str
) -> QuerySet[Recommendation]:
    return (
        with_standing(recommendations)
        .filter(standing_q(kind, OVERDUE, today))
        .order_by(due, *SAME_DAY_ORDER)
    )


@dataclass(frozen=True)
class RecommendationDeadlines:
    """A recommendation's two deadlines (either may be None: no report received yet, or
    no report-back due), as pages show them beside it."""

    response: Deadline | None
    report_back: Deadline | None
    # The row itself, loaded with what lists show of it (see `with_submissions`); None
    # when asked for by an id no longer in the record.
    recommendation: Recommendation | None = None


def deadlines_by_recommendation(
    recommendations: Iterable[Recommendation],
) -> dict[int, RecommendationDeadlines]:
    """The deadlines of a page's rows, keyed by recommendation: a constant number of
    queries whatever the number of rows (the page is already bounded)."""
    return deadlines_by_id([recommendation.pk for recommendation in recommendations])


def deadlines_by_id(pks: list[int]) -> dict[int, RecommendationDeadlines]:
    """The same for recommendations chosen by id (the rows are read here, once, and
    come with their deadlines)."""
    rows = list(with_submissions(Recommendation.objects.filter(pk__in=pks)))
    found: dict[int, dict[str, Deadline]] = defaultdict(dict)
    for deadline in _deadlines_of(rows, include_submitted=True):
        found[deadline.recommendation.pk][deadline.kind] = deadline
    by_pk = {row.pk: row for row in rows}
    return {
        pk: RecommendationDeadlines(
            found[pk].get(RESPONSE), found[pk].get(REPORT_BACK), by_pk.get(pk)
        )
        for pk in pks
    }
