from django import template
from django.utils.safestring import SafeString

from core.templatetags.govuk import govuk_tag
from recommendations.models import TrackingStatus

register = template.Library()


@register.simple_tag
def tracking_statuses():
    """The council's tracking scale, for the key printed beside decisions."""
    return TrackingStatus.objects.filter(is_active=True).order_by("position")


@register.simple_tag
def status_tag(status: TrackingStatus | None, full: bool = False) -> SafeString:
    """A recommendation's tracking status as a tag in the scale's colour; none yet: "Not
    yet assessed", grey. In lists and tables the status's short name, if it has one
    (`{% status_tag rec.current_status %}`); where the status is the subject (a
    recommendation's page, a decision, the key), its full name (`full=True`)."""
    if not status:
        return govuk_tag("Not yet assessed", "grey")
    return govuk_tag(status.name if full else status.label, status.colour)
