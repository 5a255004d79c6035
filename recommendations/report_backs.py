"""When a recommendation must be reported back on: pure rules over its requirement.

A requirement is any of: a named meeting, a month ("July 2012"), and a repeat every
N months ("six monthly ... first report July 2012"). The meeting and the month are
each one occurrence; a repeat adds occurrences every N months after the latest of them.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from .dates import add_months, first_of_month, last_of_month


@dataclass(frozen=True)
class ReportBackOccurrence:
    """One report-back: due at a meeting (on its date) or during a month."""

    due_on: date  # the meeting's date, or the first day of the month
    at_meeting: bool

    @property
    def deadline(self) -> date:
        """The last day on which it can still be met: the meeting, or the month's end."""
        return self.due_on if self.at_meeting else last_of_month(self.due_on)

    @property
    def label(self) -> str:
        if self.at_meeting:
            return f"Meeting of {self.due_on.day} {self.due_on:%B %Y}"
        return f"{self.due_on:%B %Y}"

    def is_overdue(self, today: date) -> bool:
        return self.deadline < today


def report_back_occurrences(
    *,
    meeting_on: date | None,
    month: date | None,
    every_months: int | None,
) -> Iterator[ReportBackOccurrence]:
    """All occurrences in date order; endless when the requirement repeats."""
    base = sorted(
        {
            *([ReportBackOccurrence(meeting_on, at_meeting=True)] if meeting_on else []),
            *([ReportBackOccurrence(first_of_month(month), at_meeting=False)] if month else []),
        },
        key=lambda occurrence: occurrence.due_on,
    )
    yield from base
    if every_months and base:
        start = first_of_month(base[-1].due_on)
        step = 1
        while True:
            yield ReportBackOccurrence(add_months(start, every_months * step), at_meeting=False)
            step += 1


def next_report_back(
    *,
    meeting_on: date | None,
    month: date | None,
    every_months: int | None,
    last_assessed_on: date | None,
) -> ReportBackOccurrence | None:
    """The first occurrence the board has not yet assessed.

    An assessment at a meeting answers every occurrence due on or before that meeting;
    a month-occurrence counts as answered by a meeting held in that month or later.
    """
    for occurrence in report_back_occurrences(
        meeting_on=meeting_on, month=month, every_months=every_months
    ):
        if last_assessed_on is None or occurrence.due_on > last_assessed_on:
            return occurrence
    return None
