"""`{% load deadlines %}`: weekend and bank-holiday flags, days late, and the home-page
panel of overdue and at-risk items."""

from django import template
from django.utils import timezone

from accounts.rules import is_member, is_officer
from core.numbers import thousands
from council.selectors import council_settings
from deadlines import selectors
from deadlines.days import non_working_day
from recommendations import dates

register = template.Library()


@register.filter
def day_flag(day) -> str:
    """' (Saturday)', ' (Sunday)', ' (bank holiday)' or '' — shown beside a deadline;
    the deadline itself is never moved."""
    flag = non_working_day(day)
    return f" ({flag})" if flag else ""


@register.filter
def days_late(day, today=None) -> int:
    """Whole days since `day` (0 when it is today or later): `{{ due|days_late:today }}`."""
    return dates.days_late(day or None, today or timezone.localdate())


@register.inclusion_tag("deadlines/_attention.html", takes_context=True)
def deadlines_attention(context):
    """Overdue responses, overdue report-backs and at-risk statements for the signed-in
    officer or member, each with how many days late."""
    user = context["request"].user
    today = context.get("today") or timezone.localdate()
    attention = None
    if is_officer(user) or is_member(user):
        attention = selectors.attention_for(user, today)
    return {
        "attention": attention,
        # A member's lists are of their committees: links to the full list say so.
        "only_mine": attention is not None and selectors.sees_own_committees(user),
        "today": today,
        "statement_due_days": council_settings().statement_due_days_before_meeting,
        "perms": context.get("perms"),
        "request": context["request"],
    }


@register.filter
def lateness(deadline, today) -> str:
    """How late a Deadline is on `today`, in the one form the service uses everywhere:
    "1 day late", "5,325 days late"."""
    days = deadline.days_late(today)
    return f"{thousands(days)} day{'' if days == 1 else 's'} late"


@register.filter
def late_by(deadline, today) -> int:
    """A Deadline's days late on `today`: `{{ deadline|late_by:today }}`."""
    return deadline.days_late(today)


@register.filter
def state_on(deadline, today) -> str:
    return deadline.state(today)


@register.filter
def statement_late_by(deadline, today) -> int:
    return deadline.days_past_statement_date(today)


@register.filter
def days_left(deadline, today) -> int:
    return deadline.days_left(today)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
