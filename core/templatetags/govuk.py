"""GOV.UK Design System template helpers: ``{% load govuk %}``.

``scrutiny`` is the project package, not an installed app, so register this
library in settings: TEMPLATES[0]["OPTIONS"]["libraries"] =
{"govuk": "core.templatetags.govuk"}.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()


def _form_errors(form):
    """(href, text) pairs for one form, in field order, non-field errors first."""
    if not form or not getattr(form, "is_bound", False) or not form.errors:
        return []
    items = []
    # Several forms of one kind on a page (a report's responses) say whose error it is.
    named = getattr(form, "error_summary_name", "")
    non_field_anchor = "#" + form.add_prefix("non-field-errors")
    for error in form.non_field_errors():
        items.append({"href": non_field_anchor, "text": f"{named}: {error}" if named else error})
    for bound_field in form:
        if not bound_field.errors:
            continue
        if bound_field.is_hidden:
            # Shown with the non-field errors by govuk/forms/form.html, in
            # the words Form.get_context() uses.
            for error in bound_field.errors:
                text = _("(Hidden field %(name)s) %(error)s") % {
                    "name": bound_field.name,
                    "error": str(error),
                }
                items.append({"href": non_field_anchor, "text": text})
            continue
        target = getattr(bound_field, "govuk_error_target", None)
        if target is None:  # a form not using GovukFormRenderer
            target = bound_field.id_for_label or bound_field.auto_id
        for error in bound_field.errors:
            text = f"{named}: {error}" if named else error
            items.append({"href": f"#{target}" if target else "", "text": text})
    return items


@register.simple_tag
def govuk_error_list(form=None, forms=None, formset=None):
    """Errors for the GOV.UK error summary, as dicts with href and text.

    Takes a form, a list of forms and/or a formset (its non-form errors and
    each form's errors). Used by govuk/error_summary.html.
    """
    items = []
    all_forms = []
    if form:
        all_forms.append(form)
    if forms:
        all_forms.extend(forms)
    if formset:
        if getattr(formset, "is_bound", False):
            for error in formset.non_form_errors():
                items.append({"href": "", "text": error})
        all_forms.extend(formset.forms)
    for each in all_forms:
        items.extend(_form_errors(each))
    return items


@register.simple_tag
def govuk_tag(label: object, colour: str = "") -> SafeString:
    """A GOV.UK tag: `label` (escaped) in `colour` ("green", "grey"...; none: the default
    blue). The one place its markup is written; govuk/tag.html and the tracking status
    tag use it. A tag instead of an include: a list page draws one on every row."""
    if colour:
        return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, label)
    return format_html('<strong class="govuk-tag">{}</strong>', label)
