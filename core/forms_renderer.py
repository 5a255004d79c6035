"""Render Django forms as GOV.UK Design System form groups.

Set ``FORM_RENDERER = "core.forms_renderer.GovukFormRenderer"``. Then
``{{ form }}`` renders ``templates/govuk/forms/form.html`` and
``{{ form.field.as_field_group }}`` renders ``templates/govuk/forms/field.html``.

Every bound field of a form using this renderer is a :class:`GovukBoundField`,
which gives the templates what GOV.UK markup needs (the kind of control, the
hint and error ids, the widget rendered with ``govuk-*`` classes, the choices
of radios and checkboxes). Nothing else about a bound field changes: ``{{
form.field }}`` still renders Django's plain widget, so the admin is unaffected.
"""

from django.forms import widgets
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.formats import localize
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

# Fixed widths for inputs whose length is known (GOV.UK "fixed width inputs").
_INPUT_WIDTHS = {
    "date": "govuk-input--width-10",
    "time": "govuk-input--width-5",
    "datetime-local": "govuk-input--width-20",
}


# The GOV.UK kind of control for each kind of widget: the first class the widget is an
# instance of wins, so a subclass comes before its base (CheckboxSelectMultiple is a
# RadioSelect; CheckboxInput and FileInput are Inputs).
_WIDGET_KINDS: tuple[tuple[type[widgets.Widget], str], ...] = (
    (widgets.CheckboxSelectMultiple, "checkboxes"),
    (widgets.RadioSelect, "radios"),
    (widgets.CheckboxInput, "checkbox"),
    (widgets.FileInput, "file"),
    (widgets.Select, "select"),
    (widgets.Textarea, "textarea"),
    (widgets.Input, "input"),
)


class GovukBoundField(BoundField):
    """A BoundField with the extra values the GOV.UK field templates use."""

    @cached_property
    def govuk_kind(self):
        """One of hidden, checkbox, radios, checkboxes, file, select, textarea,
        input, fieldset (other multi-part widgets) or other."""
        widget = self.field.widget
        if widget.is_hidden:
            return "hidden"
        for widget_class, kind in _WIDGET_KINDS:
            if isinstance(widget, widget_class):
                return kind
        if widget.use_fieldset:
            return "fieldset"
        return "other"

    @property
    def govuk_uses_fieldset(self):
        return self.govuk_kind in ("radios", "checkboxes", "fieldset")

    @property
    def govuk_hint_id(self):
        if self.auto_id and self.help_text:
            return f"{self.auto_id}-hint"
        return ""

    @property
    def govuk_error_id(self):
        if self.auto_id and self.errors:
            return f"{self.auto_id}-error"
        return ""

    @property
    def govuk_describedby(self):
        """Space-separated ids for aria-describedby (own attr first if set)."""
        ids = [
            self.field.widget.attrs.get("aria-describedby", ""),
            self.govuk_hint_id,
            self.govuk_error_id,
        ]
        return " ".join(i for i in ids if i)

    @property
    def govuk_optional(self):
        """True when the label should say "(optional)" (GOV.UK marks optional
        fields, not required ones). A single checkbox is never marked, nor a field
        required only with some answer to another (`conditionally_required`)."""
        if getattr(self.field, "conditionally_required", False):
            return False
        return not self.field.required and self.govuk_kind not in ("checkbox", "hidden")

    @property
    def govuk_error_target(self):
        """The id the error summary links to for this field."""
        if not self.auto_id:
            return ""
        if self.govuk_kind in ("radios", "checkboxes"):
            # The first radio/checkbox carries the field's own id (see
            # govuk_choices), as in the GOV.UK macros.
            return self.field.widget.attrs.get("id") or self.auto_id
        if isinstance(self.field.widget, widgets.MultiWidget):
            names = getattr(self.field.widget, "widgets_names", None) or ["_0"]
            return f"{self.auto_id}{names[0]}"
        return self.id_for_label or self.auto_id

    def _govuk_classes(self):
        kind = self.govuk_kind
        error = bool(self.errors)
        if kind == "input":
            classes = ["govuk-input"]
            width = _INPUT_WIDTHS.get(self.field.widget.input_type)
            if width:
                classes.append(width)
            if error:
                classes.append("govuk-input--error")
            return classes
        if kind == "textarea":
            return ["govuk-textarea"] + (["govuk-textarea--error"] if error else [])
        if kind == "select":
            return ["govuk-select"] + (["govuk-select--error"] if error else [])
        if kind == "file":
            return ["govuk-file-upload"] + (["govuk-file-upload--error"] if error else [])
        if kind == "checkbox":
            return ["govuk-checkboxes__input"]
        if kind == "fieldset" and isinstance(self.field.widget, widgets.MultiWidget):
            subs = self.field.widget.widgets
            if subs and all(isinstance(w, widgets.Select) for w in subs):
                return ["govuk-select"] + (["govuk-select--error"] if error else [])
            if subs and all(isinstance(w, widgets.Input) for w in subs):
                return ["govuk-input", "govuk-input--width-10"] + (
                    ["govuk-input--error"] if error else []
                )
        if kind == "fieldset" and isinstance(self.field.widget, widgets.SelectDateWidget):
            return ["govuk-select"] + (["govuk-select--error"] if error else [])
        return []

    @property
    def govuk_widget(self):
        """The widget rendered with GOV.UK classes and aria-describedby.

        Classes set on the widget (``attrs={"class": "govuk-input--width-20"}``)
        are kept after the GOV.UK ones.
        """
        attrs = {}
        classes = self._govuk_classes()
        own = self.field.widget.attrs.get("class", "")
        if classes or own:
            attrs["class"] = " ".join([*classes, own]).strip()
        if not self.govuk_uses_fieldset and self.govuk_describedby:
            attrs["aria-describedby"] = self.govuk_describedby
        return self.as_widget(attrs=attrs)

    @property
    def govuk_choices_classes(self):
        """Modifier classes for the govuk-radios / govuk-checkboxes container,
        taken from the widget's class attr (e.g. ``govuk-radios--inline``,
        ``govuk-checkboxes--small``)."""
        return self.field.widget.attrs.get("class", "")

    @property
    def govuk_choices(self):
        """Radios/checkboxes as dicts: id, label, attrs (for
        django/forms/widgets/attrs.html: name, value, checked, required...)."""
        choices = []
        for index, sub in enumerate(self.subwidgets):
            data = sub.data
            attrs = {k: v for k, v in data["attrs"].items() if k not in ("id", "class")}
            if index == 0 and self.govuk_error_target:
                choice_id = self.govuk_error_target
            else:
                choice_id = data["attrs"].get("id", "")
            value = data["value"]
            choices.append(
                {
                    "id": choice_id,
                    "label": data["label"],
                    "attrs": {
                        "name": data["name"],
                        "type": data["type"],
                        "value": "" if value is None else str(value),
                        **attrs,
                    },
                }
            )
        return choices


def _drawn_by_djangos_select_templates(template_name: str, context: dict) -> bool:
    """Whether a render is Django's select.html with its select_option.html for every
    option (a Select or SelectMultiple, not a subclass with templates of its own)."""
    if template_name != widgets.Select.template_name or "widget" not in context:
        return False
    return all(
        option.get("template_name") == widgets.Select.option_template_name
        for _name, options, _index in context["widget"].get("optgroups", ())
        for option in options
    )


def _attrs_markup(attrs: dict) -> SafeString:
    """django/forms/widgets/attrs.html: False leaves an attribute out, True writes its
    name alone."""
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(" {}", name)
                if value is True
                else format_html(' {}="{}"', name, str(value)),
            )
            for name, value in attrs.items()
            if value is not False
        ),
    )


def _shown(value):
    """A label as a template's {{ value }} shows it: in local time, localised."""
    return localize(template_localtime(value))


def _select_markup(widget: dict) -> SafeString:
    """django/forms/widgets/select.html and select_option.html, for a widget context."""
    parts = [format_html('<select name="{}"{}>', widget["name"], _attrs_markup(widget["attrs"]))]
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', _shown(group_name)))
        for option in group_choices:
            parts.append(
                format_html(
                    # The option template's file ends in a newline, kept.
                    '\n  <option value="{}"{}>{}</option>\n',
                    str(option["value"]),
                    _attrs_markup(option["attrs"]),
                    _shown(option["label"]),
                )
            )
        if group_name:
            parts.append(mark_safe("\n  </optgroup>"))
    parts.append(mark_safe("\n</select>"))
    return mark_safe("".join(conditional_escape(part) for part in parts))


class GovukFormRenderer(TemplatesSetting):
    """Form renderer producing GOV.UK Design System markup.

    Needs "django.forms" in INSTALLED_APPS so Django's own widget templates
    are found through the project's TEMPLATES setting.
    """

    form_template_name = "govuk/forms/form.html"
    field_template_name = "govuk/forms/field.html"
    bound_field_class = GovukBoundField

    def render(self, template_name, context, request=None):
        # Django draws each <option> with two template includes, which made a list page's
        # filter form (about 75 options) cost more than its table of 25 recommendations.
        # A select is drawn here instead, to the byte what those templates draw (a test
        # holds the two to the same markup); every other template is Django's.
        if _drawn_by_djangos_select_templates(template_name, context):
            return _select_markup(context["widget"])
        return super().render(template_name, context, request)
