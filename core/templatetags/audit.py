from django import template

from core.history import history_of

register = template.Library()


@register.inclusion_tag("includes/history.html", takes_context=True)
def audit_trail(context, instance, kind: str):
    """The record's history, shown only to those allowed to read audit trails."""
    user = context["request"].user
    if not user.has_perm("scrutiny.view_history"):
        return {"history": None}
    return {
        "history": history_of(instance, user=user),
        "history_kind": kind,
        "history_pk": instance.pk,
    }
