"""What an import would do: the column match, what it would create, and every problem
by row and column. The dry run, the browser's preview and the commit all use this one
plan, so that what is shown is exactly what is written."""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from core.csv import unprotect
from recommendations.models import (
    Committee,
    Directorate,
    Inquiry,
    Recommendation,
    Report,
    TrackingStatus,
)
from responses.models import ResponseDecision

from .columns import COLUMNS_BY_KEY, column_for_header, normalise_header
from .reading import Cell, Table

DECISION_WORDS = {
    ResponseDecision.ACCEPTED: (
        "accepted",
        "accept",
        "agreed",
        "agree",
        "yes",
        "y",
        "approved",
        "fully accepted",
    ),
    ResponseDecision.PARTIALLY_ACCEPTED: (
        "partially accepted",
        "partially agreed",
        "part accepted",
        "partly accepted",
        "accepted in part",
        "partial",
        "partially",
        "in part",
    ),
    ResponseDecision.NOT_ACCEPTED: (
        "not accepted",
        "rejected",
        "not agreed",
        "declined",
        "no",
        "n",
        "refused",
    ),
}
_DECISIONS = {
    normalise_header(word): decision for decision, words in DECISION_WORDS.items() for word in words
}
_DECISIONS.update({normalise_header(d.label): d for d in ResponseDecision})
_EXECUTIVE = {normalise_header(w) for w in ("Executive Board", "Executive", "Cabinet", "Leader")}
_COUNCIL = {normalise_header(w) for w in ("Council", "Full Council", "Full council meeting")}
DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y")
MAX_LENGTHS = {
    "reference": 50,
    "committee": 200,
    "inquiry": 300,
    "report": 300,
    "lead_officer": 200,
}


def decision_for(value: str) -> str | None:
    """A decision as trackers write it ('Accepted', 'Partially agreed', 'No'), or None."""
    return _DECISIONS.get(normalise_header(value))


def parse_date(value: Cell) -> date | None:
    """Excel dates and UK text dates ('29/01/2010', '29 January 2010', '29th Jan 2010')."""
    if isinstance(value, date):
        return value
    text = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", value.strip(), flags=re.IGNORECASE)
    text = re.sub(r"\s+", " ", text)
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


@dataclass
class Options:
    """What the officer gives for the whole file: column matches by column position
    (a key of COLUMNS, or "" to ignore it), value mappings, and what the file lacks."""

    columns: dict[int, str] | None = None
    status_map: dict[str, str] = field(default_factory=dict)  # value -> status name/position
    decision_map: dict[str, str] = field(default_factory=dict)  # value -> decision
    committee: str = ""
    report: str = ""
    report_date: date | None = None


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.row else f"column {self.column}"
        return f"{where}: {self.message}" if self.column else self.message


@dataclass
class PlannedRecommendation:
    row: int
    committee: str
    inquiry: str
    report: str
    report_date: date
    reference: str
    number: int
    text: str
    addressed_to: str
    directorate: Directorate | None
    other_body: str
    lead_officer: str
    decision: str
    response_text: str
    status: TrackingStatus | None
    status_date: date | None
    update: str

    @property
    def decision_label(self) -> str:
        return ResponseDecision(self.decision).label if self.decision else ""

    @property
    def report_key(self) -> tuple[str, str, str]:
        return _key(self.committee), _key(self.inquiry), _key(self.report)


@dataclass
class Plan:
    headers: list[str]
    columns: dict[int, str]  # position -> key, for the columns used
    ignored: list[str]
    header_row: int = 1
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    recommendations: list[PlannedRecommendation] = field(default_factory=list)
    already_imported: int = 0
    new_committees: list[str] = field(default_factory=list)
    new_inquiries: list[tuple[str, str]] = field(default_factory=list)  # (committee, title)
    new_reports: list[tuple[str, str, str, date]] = field(default_factory=list)
    unknown_statuses: list[str] = field(default_factory=list)
    unknown_decisions: list[str] = field(default_factory=list)
    rows_read: int = 0

    @property
    def is_clean(self) -> bool:
        return not self.problems

    def column_header(self, key: str) -> str:
        for position, column_key in self.columns.items():
            if column_key == key:
                return self.headers[position] or COLUMNS_BY_KEY[key].header
        return COLUMNS_BY_KEY[key].header


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def matched_columns(headers: list[str]) -> dict[int, str]:
    """Each header's column, the first of two headers meaning the same column winning."""
    matched: dict[int, str] = {}
    for position, header in enumerate(headers):
        key = column_for_header(header)
        if key and key not in matched.values():
            matched[position] = key
    return matched


class _Statuses:
    def __init__(self, status_map: dict[str, str]):
        self.scale = list(TrackingStatus.objects.order_by("position"))
        self.by_name = {normalise_header(s.name): s for s in self.scale}
        self.by_name.update({normalise_header(str(s)): s for s in self.scale})
        # A status's short name too, as its tags show it, where no status is called that.
        for status in self.scale:
            if short := normalise_header(status.short_name):
                self.by_name.setdefault(short, status)
        self.by_position = {str(s.position): s for s in self.scale}
        self.mapped = {normalise_header(k): v for k, v in status_map.items()}

    def find(self, value: str) -> TrackingStatus | None:
        key = normalise_header(value)
        if key in self.mapped:
            return self.named(self.mapped[key])
        return self.named(value)

    def named(self, value: str) -> TrackingStatus | None:
        value = value.strip()
        return self.by_position.get(value) or self.by_name.get(normalise_header(value))


def plan_import(table: Table, options: Options) -> Plan:
    columns = options.columns if options.columns is not None else matched_columns(table.headers)
    columns = {p: k for p, k in columns.items() if k and p < len(table.headers)}
    plan = Plan(
        headers=table.headers,
        columns=columns,
        ignored=[h or f"(column {p + 1})" for p, h in enumerate(table.headers) if p not in columns],
        rows_read=len(table.rows),
        header_row=table.header_row,
    )
    used = set(columns.values())
    for needed, given in (("committee", options.committee), ("report_date", options.report_date)):
        if needed not in used and not given:
            label = COLUMNS_BY_KEY[needed].header
            plan.problems.append(
                Problem(None, "", f"The file has no {label} column: give it once for the file.")
            )
    if "inquiry" not in used and "report" not in used and not options.report:
        plan.problems.append(
            Problem(
                None, "", "The file has no Inquiry or Report column: give the title once for it."
            )
        )
    if "text" not in used:
        plan.problems.append(Problem(None, "", "No column holds the recommendation text."))
    if plan.problems or not table.rows:
        if not table.rows:
            plan.problems.append(Problem(None, "", "The file has no rows under its header."))
        return plan

    statuses = _Statuses(options.status_map)
    decision_map = {normalise_header(k): v for k, v in options.decision_map.items()}
    directorates = {_key(d.name): d for d in Directorate.objects.all()}
    unknown_statuses: dict[str, None] = {}
    unknown_decisions: dict[str, None] = {}
    by_report: dict[tuple, list[PlannedRecommendation]] = defaultdict(list)
    report_dates: dict[tuple, date] = {}

    for row_number, cells in table.rows:
        values = {key: cells[position] for position, key in columns.items()}

        def text(key: str, values=values) -> str:
            value = values.get(key, "")
            if isinstance(value, date):
                return value.isoformat()
            return unprotect(value.strip()) if key != "text" else unprotect(value.strip("\r\n"))

        def problem(key: str, message: str, row_number=row_number) -> None:
            plan.problems.append(Problem(row_number, plan.column_header(key), message))

        def refuse_too_long(key: str, value: str) -> None:
            if len(value) > MAX_LENGTHS[key]:
                problem(key, f"longer than {MAX_LENGTHS[key]} characters.")

        def date_in(key: str, hint: str = "", values=values) -> date | None:
            """The cell's date; None when it is empty, or (said as a problem) not a date."""
            raw = values.get(key, "")
            if raw in ("", None):
                return None
            parsed = parse_date(raw)
            if parsed is None:
                problem(key, f"“{raw}” is not a date{hint}.")
            return parsed

        committee = text("committee") or options.committee.strip()
        inquiry = text("inquiry") or options.report.strip() or text("report")
        report = text("report") or options.report.strip() or inquiry
        row_problems = len(plan.problems)
        if not committee:
            problem("committee", "no committee: give it once for the file.")
        if not inquiry:
            problem("inquiry", "no inquiry or report title: give it once for the file.")
        for key, value in (("committee", committee), ("inquiry", inquiry), ("report", report)):
            refuse_too_long(key, value)
        if values.get("report_date", "") not in ("", None):
            report_date = date_in("report_date", "; write it like 29/01/2010")
        else:
            report_date = options.report_date
            if not report_date:
                problem("report_date", "no report date: give it once with --report-date.")

        body = text("text")
        if not body.strip():
            problem("text", "no recommendation text.")
        reference = text("reference")
        refuse_too_long("reference", reference)
        lead_officer = text("lead_officer")
        refuse_too_long("lead_officer", lead_officer)

        addressee = text("addressee")
        addressed_to, directorate, other_body = Recommendation.Addressee.OTHER_BODY, None, ""
        if not addressee:
            problem("addressee", "no addressee: say which directorate or body it is for.")
        elif _key(addressee) in directorates:
            addressed_to = Recommendation.Addressee.DIRECTORATE
            directorate = directorates[_key(addressee)]
        elif normalise_header(addressee) in _EXECUTIVE:
            addressed_to = Recommendation.Addressee.EXECUTIVE_BOARD
        elif normalise_header(addressee) in _COUNCIL:
            addressed_to = Recommendation.Addressee.COUNCIL
        elif len(addressee) > 200:
            problem("addressee", "longer than 200 characters.")
        else:
            other_body = addressee

        decision = ""
        raw_decision = text("decision")
        response_text = text("response_text")
        if raw_decision:
            mapped = decision_map.get(normalise_header(raw_decision))
            decision = decision_for(mapped) if mapped else decision_for(raw_decision)
            if decision is None:
                unknown_decisions[raw_decision] = None
                problem(
                    "decision",
                    f"“{raw_decision}” is not a decision (accepted, partially accepted or "
                    "not accepted); use --map-decision.",
                )
                decision = ""
        elif response_text:
            problem("decision", "the response has no decision: accepted, partially or not.")

        status = None
        raw_status = text("status")
        if raw_status:
            status = statuses.find(raw_status)
            if status is None:
                unknown_statuses[raw_status] = None
                problem(
                    "status",
                    f"“{raw_status}” is not on the tracking scale; use --map-status.",
                )
        status_date = date_in("status_date")
        update = text("update")
        if update and not raw_status:
            problem("update", "an update needs the board's status to go with it.")

        if len(plan.problems) > row_problems:
            continue
        planned = PlannedRecommendation(
            row=row_number,
            committee=committee,
            inquiry=inquiry,
            report=report,
            report_date=report_date,
            reference=reference,
            number=0,
            text=body,
            addressed_to=addressed_to,
            directorate=directorate,
            other_body=other_body,
            lead_officer=lead_officer,
            decision=decision,
            response_text=response_text,
            status=status,
            status_date=status_date or (report_date if status else None),
            update=update,
        )
        earlier_date = report_dates.setdefault(planned.report_key, report_date)
        if earlier_date != report_date:
            problem(
                "report_date",
                f"{report} is dated {earlier_date:%d/%m/%Y} on an earlier row: one report, "
                "one date.",
            )
            continue
        by_report[planned.report_key].append(planned)

    plan.unknown_statuses = list(unknown_statuses)
    plan.unknown_decisions = list(unknown_decisions)
    _match_existing(plan, by_report)
    return plan


def _match_existing(plan: Plan, by_report: dict[tuple, list[PlannedRecommendation]]) -> None:
    """Match committees, inquiries, reports and recommendations already recorded; number
    the new ones after those their report has; say what would be created."""
    committees = {_key(c.name): c for c in Committee.objects.all()}
    inquiries = {
        (_key(i.committee.name), _key(i.title)): i
        for i in Inquiry.objects.select_related("committee").filter(
            committee__in=[c for k, c in committees.items() if k in {r[0] for r in by_report}]
        )
    }
    reports = {
        (_key(r.committee.name), _key(r.inquiry.title), _key(r.title)): r
        for r in Report.objects.select_related("committee", "inquiry").filter(
            inquiry__in=list(inquiries.values())
        )
    }
    existing = defaultdict(set)
    existing_texts = defaultdict(set)
    last_number = {}
    for report_key, report in reports.items():
        rows = list(report.recommendations.values_list("reference", "number", "text"))
        existing[report_key] = {reference for reference, _, _ in rows}
        existing_texts[report_key] = {text for _, _, text in rows}
        last_number[report_key] = max((number for _, number, _ in rows), default=0)
    numbered_without_reference = 0
    seen_committees, seen_inquiries = set(), set()
    for report_key, planned in by_report.items():
        first = planned[0]
        if report_key[0] not in committees and report_key[0] not in seen_committees:
            seen_committees.add(report_key[0])
            plan.new_committees.append(first.committee)
        if report_key[:2] not in inquiries and report_key[:2] not in seen_inquiries:
            seen_inquiries.add(report_key[:2])
            plan.new_inquiries.append((first.committee, first.inquiry))
        if report_key not in reports:
            plan.new_reports.append(
                (first.committee, first.inquiry, first.report, first.report_date)
            )
        taken = existing[report_key]
        number = last_number.get(report_key, 0)
        in_file: dict[str, int] = {}
        for item in planned:
            if item.reference and item.reference in in_file:
                plan.problems.append(
                    Problem(
                        item.row,
                        plan.column_header("reference"),
                        f"{item.report} has a recommendation {item.reference} on row "
                        f"{in_file[item.reference]} too.",
                    )
                )
                continue
            if item.reference in taken or (
                # A row without a reference was numbered when first imported: it is
                # the recommendation of its report with the same text.
                not item.reference and item.text in existing_texts[report_key]
            ):
                plan.already_imported += 1
                continue
            number += 1
            item.number = number
            if not item.reference:
                numbered_without_reference += 1
                item.reference = str(number)
                while item.reference in taken or item.reference in in_file:
                    number += 1
                    item.number, item.reference = number, str(number)
            in_file[item.reference] = item.row
            plan.recommendations.append(item)
    if numbered_without_reference:
        plan.notes.append(
            f"{numbered_without_reference} row(s) without a reference are given the next "
            "number in their report."
        )
    if plan.already_imported:
        plan.notes.append(
            f"{plan.already_imported} recommendation(s) are already recorded (same committee, "
            "report and reference): they are left as they are."
        )
    plan.recommendations.sort(key=lambda item: item.row)
