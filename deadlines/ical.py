"""The iCalendar feed: a user's meetings and outstanding deadlines (RFC 5545), within a
bounded window (selectors.calendar_window: the last 3 months and the next 12).

Written out here rather than through the icalendar package's component objects, which
cost about 0.3 ms an event (a feed holds hundreds); the package still makes the time
zone's definition, once per window, and the tests parse the feed with it."""

from datetime import date, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Timezone

from accounts.models import User
from core.delivery import site_url
from council.selectors import council_settings
from recommendations.models import Meeting

from .days import non_working_day
from .engine import REPORT_BACK, RESPONSE, Deadline
from .selectors import (
    CALENDAR_DEADLINES_NEAREST,
    CALENDAR_MONTHS_AHEAD,
    CALENDAR_MONTHS_BACK,
    CalendarContent,
    calendar_window,
)

MEETING_LENGTH = timedelta(hours=2)
# RFC 5545 3.1: content lines are folded at 75 octets, continued after CRLF and a space.
FOLD_AT = 75


def _line_breaks(value: str) -> str:
    """Every line break (CRLF, LF or CR) as the two characters \\n: a raw one would end
    the content line."""
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _text(value: str) -> str:
    """A TEXT value, escaped (RFC 5545 3.3.11)."""
    return _line_breaks(value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,"))


def _fold(line: str) -> str:
    encoded = line.encode()
    if len(encoded) <= FOLD_AT:
        return line
    pieces, start, limit = [], 0, FOLD_AT
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:
            end -= 1  # never split a character's bytes
        pieces.append(encoded[start:end].decode())
        start, limit = end, FOLD_AT - 1  # a continuation's leading space counts
    return "\r\n ".join(pieces)


def _day(value: date) -> str:
    return value.strftime("%Y%m%d")


def _utc(value: datetime) -> str:
    return value.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")


@lru_cache(maxsize=4)
def _time_zone(tzid: str, first: date, last: date) -> str:
    """The VTIMEZONE that the meetings' local times refer to, for the feed's window."""
    return Timezone.from_tzid(tzid, first_date=first, last_date=last).to_ical().decode()


class _Feed:
    """The feed's lines, each property written and folded as RFC 5545 says."""

    def __init__(self, stamp: datetime):
        self.lines: list[str] = []
        self.stamp = _utc(stamp)
        self.site = site_url()
        self.host = urlsplit(self.site).hostname or "scrutiny-tracker"

    def add(self, name: str, value: str) -> None:
        self.lines.append(_fold(f"{name}:{value}"))

    def text(self, name: str, value: str) -> None:
        self.add(name, _text(value))

    def extension(self, name: str, value: str) -> None:
        """An X-WR- property as calendar clients (and the icalendar package) read it: as
        given, only line breaks escaped; a comma here is not a list separator."""
        self.add(name, _line_breaks(value))

    def event(self, uid: str, summary: str) -> None:
        self.add("BEGIN", "VEVENT")
        self.add("UID", f"{uid}@{self.host}")
        self.add("DTSTAMP", self.stamp)
        self.text("SUMMARY", summary)

    def all_day(self, day: date) -> None:
        self.add("DTSTART;VALUE=DATE", _day(day))
        self.add("DTEND;VALUE=DATE", _day(day + timedelta(days=1)))
        self.add("TRANSP", "TRANSPARENT")

    def end_event(self, url: str) -> None:
        self.add("URL", url)
        self.add("END", "VEVENT")


def _meeting_event(feed: _Feed, meeting: Meeting) -> None:
    feed.event(f"meeting-{meeting.pk}", meeting.committee.name)
    if meeting.start_time:
        start = datetime.combine(meeting.date, meeting.start_time)
        local = f";TZID={settings.TIME_ZONE}"
        feed.add(f"DTSTART{local}", start.strftime("%Y%m%dT%H%M%S"))
        feed.add(f"DTEND{local}", (start + MEETING_LENGTH).strftime("%Y%m%dT%H%M%S"))
    else:
        feed.all_day(meeting.date)
    if meeting.place:
        feed.text("LOCATION", meeting.place)
    feed.add("STATUS", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED")
    feed.end_event(feed.site + meeting.get_absolute_url())


def _flag(day) -> str:
    flag = non_working_day(day)
    return f" ({flag})" if flag else ""


def _deadline_events(feed: _Feed, deadline: Deadline) -> None:
    recommendation = deadline.recommendation
    about = f"{recommendation.title}, {recommendation.report.title}"
    url = feed.site + recommendation.get_absolute_url()
    description = (
        f"{about}\n{recommendation.report.committee.name}\n"
        f"Addressed to: {recommendation.addressee_label}\n{url}"
    )
    if deadline.kind == RESPONSE:
        summary = f"Response due{_flag(deadline.due_on)}: {about}"
        items = [("response", deadline.due_on, summary)]
    else:
        assert deadline.kind == REPORT_BACK
        occurrence_on = deadline.occurrence.due_on.isoformat()
        items = [
            (
                f"statement-{occurrence_on}",
                deadline.statement_due_on,
                f"Position statement due{_flag(deadline.statement_due_on)}: {about}",
            ),
        ]
        if deadline.meeting is None:
            # A meeting's report-back is on the meeting's own event; a month's is not.
            items.append(
                (
                    f"report-back-{occurrence_on}",
                    deadline.due_on,
                    f"Report-back due ({deadline.occurrence.label}){_flag(deadline.due_on)}: "
                    f"{about}",
                )
            )
    for kind, day, summary in items:
        feed.event(f"{kind}-{recommendation.pk}", summary)
        feed.all_day(day)
        feed.text("DESCRIPTION", description)
        feed.end_event(url)


def build_calendar(user: User, content: CalendarContent) -> bytes:
    feed = _Feed(timezone.now())
    feed.add("BEGIN", "VCALENDAR")
    feed.text("PRODID", f"-//{council_settings().council_name}//Scrutiny tracker//EN")
    feed.add("VERSION", "2.0")
    feed.add("CALSCALE", "GREGORIAN")
    feed.add("METHOD", "PUBLISH")
    feed.extension("X-WR-CALNAME", f"Scrutiny – {user.get_full_name() or user.get_username()}")
    feed.add("X-WR-TIMEZONE", settings.TIME_ZONE)
    feed.extension(
        "X-WR-CALDESC",
        f"Meetings and deadlines of the last {CALENDAR_MONTHS_BACK} months and the next "
        f"{CALENDAR_MONTHS_AHEAD} months (of the deadlines, the nearest "
        f"{CALENDAR_DEADLINES_NEAREST} of each kind either side of today).",
    )
    feed.add("X-PUBLISHED-TTL", "PT6H")
    if any(meeting.start_time for meeting in content.meetings):
        first, last = calendar_window(timezone.localdate())
        first = min([first, *(meeting.date for meeting in content.meetings)])
        last = max([last, *(meeting.date for meeting in content.meetings)])
        feed.lines.append(_time_zone(settings.TIME_ZONE, first, last).rstrip("\r\n"))
    for meeting in content.meetings:
        _meeting_event(feed, meeting)
    for deadline in content.deadlines:
        _deadline_events(feed, deadline)
    feed.add("END", "VCALENDAR")
    return ("\r\n".join(feed.lines) + "\r\n").encode()
