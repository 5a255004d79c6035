"""The papers' content, limited to what the user may read.

Papers go to meetings and get passed around, so they never print a draft response or a
draft position statement, whoever asks for them: on top of the usual rules (a public
reader sees only agreed responses to published, non-exempt reports), drafts are left out.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby

from django.db.models import Prefetch, QuerySet
from django.utils.text import slugify

from accounts.models import User
from core.lists import Shortlist, shortlist_capped
from deadlines.engine import report_backs_overdue, responses_overdue
from inspections.models import ImprovementAction, ImprovementPlan, Timescale
from inspections.selectors import (
    actions_of_plan,
    findings_by_timescale,
    findings_unanswered,
    plan_inspection,
)
from recommendations.models import (
    Inquiry,
    Meeting,
    Recommendation,
    Report,
    TrackingAssessment,
    TrackingStatus,
)
from recommendations.selectors import (
    recommendations_due_for_meeting,
    recommendations_visible_to,
    status_counts_for,
)
from responses.models import PositionStatement, Response, ResponseState
from responses.selectors import items_readable_by, statement_for_meeting

from .models import ResponsePaper
from .narrative import Paragraph, numbered
from .rendering import Paper

BRIEFING_LIST_LIMIT = 8
# The briefing names this many of the recommendations due; the tracking report has them all.
BRIEFING_DUE_LIMIT = 10


def not_for_publication(reports: Iterable[Report] | QuerySet[Report]) -> bool:
    """The one rule for the NOT FOR PUBLICATION marking, for every paper: a paper carries
    it when it prints anything from an exempt report (`reports`: those whose text,
    recommendations or findings it prints)."""
    if isinstance(reports, QuerySet):
        return reports.filter(is_exempt=True).exists()
    return any(report.is_exempt for report in reports)


def _printable(user: User, items) -> list:
    """The submitted or agreed items among `items` that the user may read."""
    return [
        item for item in items_readable_by(user, list(items)) if item.state != ResponseState.DRAFT
    ]


def _submitted_responses() -> Prefetch:
    """With the parts a partial acceptance accepts, which the papers print."""
    return Prefetch(
        "responses", queryset=Response.objects.submitted().prefetch_related("accepted_parts")
    )


# --- 1. The response report -----------------------------------------------------------


def response_paper_defaults(report: Report) -> dict:
    """What the header says until the officer writes otherwise."""
    directorates = Counter(
        report.recommendations.values_list("directorate__director_title", flat=True)
    )
    report_of = directorates.most_common(1)[0][0] if directorates else ""
    return {
        "report_of": report_of,
        "report_to": report.committee.name,
        "subject": (
            f"Response to inspection report – {report.title}"
            if report.is_from_inspection
            else f"Response to Scrutiny inquiry report – {report.title}"
        ),
        "contains_exempt_information": report.is_exempt,
        "exempt_rule_number": report.exempt_rule,
    }


def response_paper_for_editing(report: Report) -> ResponsePaper:
    """The report's paper, or a new one with the header's usual values filled in."""
    paper = ResponsePaper.objects.filter(report=report).first()
    if paper is None:
        paper = ResponsePaper(report=report, **response_paper_defaults(report))
    return paper


@dataclass
class Section:
    number: str
    heading: str
    paragraphs: list[Paragraph]


@dataclass
class QuotedRecommendation:
    number: str  # the paragraph number, e.g. 3.2
    recommendation: Recommendation
    response: Response | None
    paragraphs: list[Paragraph] = field(default_factory=list)
    received: bool = False  # a response went to the board, whether or not printed here
    agreed: bool = False


CORPORATE_CONSIDERATIONS = (
    ("consultation", "Consultation and engagement"),
    ("equality", "Equality and diversity / cohesion and integration"),
    ("council_policies", "Council policies and city priorities"),
    ("resources", "Resources and value for money"),
    ("legal", "Legal implications, access to information and call-in"),
    ("risk_management", "Risk management"),
)


def response_paper(report: Report, user: User) -> Paper:
    """The director's response report to an inquiry report (seed 004's shape)."""
    narrative = ResponsePaper.objects.filter(report=report).first() or ResponsePaper(report=report)
    defaults = response_paper_defaults(report)
    header = {
        name: getattr(narrative, name) or defaults.get(name, "")
        for name in ("report_of", "report_to", "subject")
    }
    introduction = numbered("3", narrative.main_issues_introduction)
    recommendations = (
        recommendations_visible_to(user)
        .filter(report=report)
        .order_by("number")
        .prefetch_related(_submitted_responses(), "parts")
    )
    quoted = []
    for index, recommendation in enumerate(recommendations, start=len(introduction) + 1):
        number = f"3.{index}"
        response = next(iter(_printable(user, recommendation.responses.all())), None)
        paragraphs = []
        if response is not None:
            paragraphs = numbered(number, response.text)
            if response.partial_acceptance_detail:
                paragraphs += numbered(
                    number, response.partial_acceptance_detail, start=len(paragraphs) + 1
                )
        sent = recommendation.responses.all()
        quoted.append(
            QuotedRecommendation(
                number,
                recommendation,
                response,
                paragraphs,
                received=bool(sent),
                agreed=any(r.state == ResponseState.AGREED for r in sent),
            )
        )
    corporate = [
        Section(f"4.{index}", heading, numbered(f"4.{index}", getattr(narrative, name)))
        for index, (name, heading) in enumerate(CORPORATE_CONSIDERATIONS, start=1)
    ]
    subject = header["subject"]
    return Paper(
        kind="response",
        title=subject,
        running_header=f"{header['report_to']} – {subject}",
        body_template="papers/_response_body.html",
        filename=paper_filename("response-report", report.title, report.published_on),
        not_for_publication=not_for_publication([report]),
        size=len(quoted),
        context={
            "report": report,
            "narrative": narrative,
            "header": header,
            "summary": numbered("", narrative.summary_of_main_issues),
            "summary_recommendations": numbered("", narrative.summary_recommendations),
            "purpose": numbered("1", narrative.purpose),
            "background": numbered("2", narrative.background),
            "introduction": introduction,
            "quoted": quoted,
            "corporate": corporate,
            "conclusions": numbered("5", narrative.conclusions),
            "recommendations_section": numbered("6", narrative.recommendations),
            "background_documents": numbered("7", narrative.background_documents),
        },
    )


# --- 2. The recommendation tracking report --------------------------------------------


@dataclass
class TrackingItem:
    recommendation: Recommendation
    response: Response | None
    statement: PositionStatement | None
    status_before: TrackingStatus | None
    decision: TrackingAssessment | None
    statement_for_meeting: bool = False
    response_received: bool = False  # a response went to the board, printed here or not
    response_agreed: bool = False

    @property
    def proposed_status(self) -> TrackingStatus | None:
        return self.statement.proposed_status if self.statement else None


@dataclass
class SourceGroup:
    source: Inquiry | object  # the inquiry, or the inspection, the recommendations come from
    items: list[TrackingItem]


def _due_at(meeting: Meeting, user: User) -> QuerySet[Recommendation]:
    """The recommendations due for tracking at the meeting that the user may read: what
    the meeting's papers set out, count and mark."""
    return recommendations_due_for_meeting(meeting, recommendations_visible_to(user))


def tracking_items(meeting: Meeting, user: User, *, limit: int | None = None) -> list[TrackingItem]:
    """What the papers print of each recommendation due for tracking at the meeting, in
    the tracking report's order: every one, or the first `limit`."""
    due = _due_at(meeting, user)
    if limit is not None:
        due = due[:limit]
    due = due.select_related("report__inquiry", "report__inspection").prefetch_related(
        _submitted_responses(),
        "parts",
        Prefetch(
            "position_statements",
            queryset=PositionStatement.objects.exclude(state=ResponseState.DRAFT).select_related(
                "proposed_status"
            ),
        ),
        Prefetch(
            "assessments",
            queryset=TrackingAssessment.objects.select_related("status", "meeting").order_by(
                "meeting__date", "pk"
            ),
        ),
    )
    items = []
    for recommendation in due:
        assessments = list(recommendation.assessments.all())
        before = [a for a in assessments if a.meeting.date < meeting.date]
        statement = statement_for_meeting(
            _printable(user, recommendation.position_statements.all()), meeting
        )
        items.append(
            TrackingItem(
                recommendation=recommendation,
                response=next(iter(_printable(user, recommendation.responses.all())), None),
                statement=statement,
                statement_for_meeting=statement is not None and statement.meeting_id == meeting.pk,
                status_before=before[-1].status if before else None,
                decision=next((a for a in assessments if a.meeting_id == meeting.pk), None),
                response_received=bool(recommendation.responses.all()),
                response_agreed=any(
                    r.state == ResponseState.AGREED for r in recommendation.responses.all()
                ),
            )
        )
    return items


def _meeting_paper(meeting: Meeting, *, heading: str, file_kind: str, **paper_fields) -> Paper:
    """A paper for one meeting of a board (the tracking report, the members' briefing):
    titled, and headed on every page, "<heading> – <board>, <date>"; its file named for
    the board and the meeting's date."""
    title = f"{heading} – {meeting.committee.name}, {_long_date(meeting.date)}"
    return Paper(
        title=title,
        running_header=title,
        filename=paper_filename(file_kind, _board_name(meeting), meeting.date),
        **paper_fields,
    )


def tracking_paper(meeting: Meeting, user: User, *, limit: int | None = None) -> Paper:
    """Every recommendation due for tracking at the meeting, grouped by inquiry (or
    inspection). `limit`: the first so many of them only (a preview of a long paper, or,
    with 0, what it is and how long, to decide where it is made); `size` and `count` are
    still of the whole paper."""
    items = tracking_items(meeting, user, limit=limit)
    if limit is None:
        count = len(items)
        exempt = not_for_publication(item.recommendation.report for item in items)
    else:  # the whole paper's length and marking, from the database
        due = _due_at(meeting, user)
        count = due.count()
        exempt = not_for_publication(Report.objects.filter(pk__in=due.values("report")))
    groups = [
        SourceGroup(source, list(group))
        for source, group in groupby(items, key=lambda item: item.recommendation.report.source)
    ]
    scale = list(TrackingStatus.objects.filter(is_active=True).order_by("position"))
    return _meeting_paper(
        meeting,
        kind="tracking",
        heading="Recommendation tracking",
        file_kind="tracking-report",
        body_template="papers/_tracking_body.html",
        not_for_publication=exempt,
        size=count,
        complete=len(items) == count,
        context={
            "meeting": meeting,
            "groups": groups,
            "count": count,
            "shown": len(items),
            "scale": scale,
        },
    )


# --- 3. The members' briefing ---------------------------------------------------------


def briefing_paper(meeting: Meeting, user: User, today: date) -> Paper:
    """One or two pages for members before the meeting: where things stand, what is late,
    what is due. It names the first few of each list and counts the rest, so it costs the
    same for a board with a backlog of a thousand as for one with ten."""
    visible = recommendations_visible_to(user).filter(report__committee=meeting.committee_id)
    due = _due_at(meeting, user)
    due_count = due.count()
    counts = status_counts_for(user, [meeting.committee_id])
    # What the home pages read of the same lists (ids to the cap, then the rows named):
    # with a count over every row in one query, PostgreSQL walked every board's overdue
    # report-backs in deadline order for one board's (0.13 s, not 17 ms, at 100,000).
    listed = Recommendation.objects.without_search_columns().select_related("report", "directorate")
    return _meeting_paper(
        meeting,
        kind="briefing",
        heading="Members' briefing",
        file_kind="members-briefing",
        body_template="papers/_briefing_body.html",
        not_for_publication=not_for_publication(
            Report.objects.filter(pk__in=visible.values("report"))
        ),
        # What it prints: the first few of each list, one or two pages however busy the board.
        size=BRIEFING_DUE_LIMIT,
        context={
            "meeting": meeting,
            "today": today,
            "status_counts": counts,
            "total": sum(row.count for row in counts),
            "overdue_responses": shortlist_capped(
                responses_overdue(visible, today), BRIEFING_LIST_LIMIT, rows=listed
            ),
            "overdue_report_backs": shortlist_capped(
                report_backs_overdue(visible, today), BRIEFING_LIST_LIMIT, rows=listed
            ),
            "due": Shortlist(tracking_items(meeting, user, limit=BRIEFING_DUE_LIMIT), due_count),
            "statements_in": _statements_received_for(meeting, due, user),
        },
    )


def _statements_received_for(meeting: Meeting, due: QuerySet[Recommendation], user: User) -> int:
    """How many of the recommendations `due` at the meeting have a position statement
    written for it that the user may read: those the tracking report marks as received for
    this meeting (`TrackingItem.statement_for_meeting`), read without the rest of each
    recommendation's record."""
    statements = (
        PositionStatement.objects.filter(meeting=meeting, recommendation__in=due.values("pk"))
        .exclude(state=ResponseState.DRAFT)
        .select_related("recommendation__report")
    )
    return len({statement.recommendation_id for statement in _printable(user, statements)})


# --- 4. The improvement plan monitoring report ----------------------------------------


@dataclass
class PlanFinding:
    finding: Recommendation
    actions: list[ImprovementAction]


@dataclass
class PlanTimescaleGroup:
    timescale: Timescale
    due_on: date | None
    findings: list[PlanFinding]


def plan_paper(plan: ImprovementPlan, user: User, today: date) -> Paper:
    """For the improvement board: the inspection's findings by timescale, the plan's actions
    answering each (with their progress and whether overdue), what no action answers yet,
    and the plan's overdue actions. A constant number of queries; no responses, so no drafts.
    """
    actions = list(actions_of_plan(plan, user).order_by("strand__number", "due_on", "pk"))
    answering: dict[int, list[ImprovementAction]] = {}
    for action in actions:
        action.overdue = action.is_overdue(today)
        for recommendation in action.answers.all():
            answering.setdefault(recommendation.pk, []).append(action)
    inspection = plan_inspection(plan, user)
    groups = []
    if inspection is not None:
        groups = [
            PlanTimescaleGroup(
                group.timescale,
                group.due_on,
                [PlanFinding(f, answering.get(f.pk, [])) for f in group.findings],
            )
            for group in findings_by_timescale(inspection, user)
        ]
    unanswered_items = list(findings_unanswered(plan, user).select_related("report"))
    printed = [f.finding for group in groups for f in group.findings] + unanswered_items
    title = f"Improvement plan monitoring – {plan.title}"
    return Paper(
        kind="plan",
        title=title,
        running_header=f"{plan.committee.name} – {title}",
        body_template="papers/_plan_body.html",
        filename=paper_filename(
            "improvement-plan", plan.title, getattr(plan, "published_on", None)
        ),
        not_for_publication=not_for_publication(rec.report for rec in printed),
        size=len(printed) + len(actions),
        context={
            "plan": plan,
            "inspection": inspection,
            "today": today,
            "groups": groups,
            "unanswered": unanswered_items,
            "overdue_actions": sorted(
                (a for a in actions if a.overdue), key=lambda a: (a.due_on, a.pk)
            ),
            "action_count": len(actions),
        },
    )


# --- Any paper by its kind, for the worker that makes large ones ------------------------

PAPER_SOURCES = {
    "response": (
        Report.objects.select_related("committee", "inquiry", "inspection"),
        lambda report, user, today: response_paper(report, user),
    ),
    "tracking": (
        Meeting.objects.select_related("committee"),
        lambda meeting, user, today: tracking_paper(meeting, user),
    ),
    "briefing": (Meeting.objects.select_related("committee"), briefing_paper),
    "plan": (ImprovementPlan.objects.select_related("committee", "inspection"), plan_paper),
}


def paper_for(kind: str, pk: int, user: User, today: date) -> Paper:
    """The paper of `kind` ("tracking"...) for the object `pk` (its meeting, report or
    plan), as `user` may read it on `today`. Raises the model's DoesNotExist."""
    queryset, build = PAPER_SOURCES[kind]
    return build(queryset.get(pk=pk), user, today)


FILENAME_WORDS_LIMIT = 60  # characters of the name's middle part


def _board_name(meeting: Meeting) -> str:
    """The board's own name, without the "Scrutiny Board" every board's name shares."""
    name = meeting.committee.name
    for prefix in ("Scrutiny Board", "Scrutiny board"):
        if name.startswith(prefix) and name[len(prefix) :].strip(" ()-–"):
            return name[len(prefix) :].strip(" ()-–")
    return name


def paper_filename(kind: str, name: str, on: date | None) -> str:
    """A PDF's file name that says what it is: `tracking-report-children-and-families-
    2012-07-19.pdf`, ASCII only, so it survives every mail system and file share."""
    words = slugify(name)[:FILENAME_WORDS_LIMIT].strip("-")
    parts = [kind, words, on.isoformat() if on else ""]
    return "-".join(part for part in parts if part) + ".pdf"


def _long_date(on: date) -> str:
    return f"{on.day} {on:%B %Y}"
