from django import template

from inspections import selectors

register = template.Library()


@register.simple_tag
def answering_actions(recommendation, user):
    """The improvement-plan actions (of plans the user may read) that answer it."""
    return list(selectors.answering_actions(recommendation, user))
