"""The iCalendar feed: a user's meetings and outstanding deadlines (RFC 5545), within a
bounded window (selectors.calendar_window: the last 3 months and the next 12)."""

from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

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
)

MEETING_LENGTH = timedelta(hours=2)


def _uid(kind: str, *parts) -> str:
    host = urlsplit(site_url()).hostname or "scrutiny-tracker"
    return f"{kind}-{'-'.join(str(p) for p in parts)}@{host}"


def _all_day(event: Event, day) -> None:
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")


def _meeting_event(meeting: Meeting, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", _uid("meeting", meeting.pk))
    event.add("dtstamp", stamp)
    event.add("summary", meeting.committee.name)
    if meeting.start_time:
        start = datetime.combine(
            meeting.date, meeting.start_time, tzinfo=ZoneInfo(settings.TIME_ZONE)
        )
        event.add("dtstart", start)
        event.add("dtend", start + MEETING_LENGTH)
    else:
        _all_day(event, meeting.date)
    if meeting.place:
        event.add("location", meeting.place)
    event.add("status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED")
    event.add("url", site_url() + meeting.get_absolute_url())
    return event


def _flag(day) -> str:
    flag = non_working_day(day)
    return f" ({flag})" if flag else ""


def _deadline_events(deadline: Deadline, stamp: datetime) -> list[Event]:
    recommendation = deadline.recommendation
    about = f"{recommendation.title}, {recommendation.report.title}"
    url = site_url() + recommendation.get_absolute_url()
    description = (
        f"{about}\n{recommendation.report.committee.name}\n"
        f"Addressed to: {recommendation.addressee_label}\n{url}"
    )
    events = []
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
        event = Event()
        event.add("uid", _uid(kind, recommendation.pk))
        event.add("dtstamp", stamp)
        event.add("summary", summary)
        _all_day(event, day)
        event.add("description", description)
        event.add("url", url)
        events.append(event)
    return events


def build_calendar(user: User, content: CalendarContent) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{council_settings().council_name}//Scrutiny tracker//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Scrutiny – {user.get_full_name() or user.get_username()}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add(
        "x-wr-caldesc",
        f"Meetings and deadlines of the last {CALENDAR_MONTHS_BACK} months and the next "
        f"{CALENDAR_MONTHS_AHEAD} months (of the deadlines, the nearest "
        f"{CALENDAR_DEADLINES_NEAREST} of each kind either side of today).",
    )
    calendar.add("x-published-ttl", "PT6H")
    stamp = timezone.now()
    for meeting in content.meetings:
        calendar.add_component(_meeting_event(meeting, stamp))
    for deadline in content.deadlines:
        for event in _deadline_events(deadline, stamp):
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
