from django import template

from recommendations.models import TrackingStatus

register = template.Library()


@register.simple_tag
def tracking_statuses():
    """The council's tracking scale, for the key printed beside decisions."""
    return TrackingStatus.objects.filter(is_active=True).order_by("position")
