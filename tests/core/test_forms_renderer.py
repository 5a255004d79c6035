"""The GOV.UK form renderer draws a select itself (Django's templates cost two includes an
option): it must give exactly the markup Django's templates give."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting

from recommendations.models import Committee, Recommendation
from tests.factories import CommitteeFactory

CHOICES = [
    ("", "Any"),
    ("a&b", 'Tom & "Jerry" <script>'),
    (3, "Three"),
    ("Fruit", [("apple", "Apple"), ("pear", "Pear & plum")]),
    # Labels that are not text are shown as a template shows them: localised, local time.
    ("day", date(2026, 12, 7)),
    ("moment", datetime(2026, 7, 1, 23, 30, tzinfo=UTC)),
    ("amount", Decimal("1234.50")),
    (date(2026, 1, 2), [("early", 1.5)]),
]


class SelectsForm(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, required=False)
    required = forms.ChoiceField(choices=CHOICES, help_text="Pick one")
    styled = forms.ChoiceField(
        choices=CHOICES,
        required=False,
        disabled=True,
        widget=forms.Select(attrs={"class": "govuk-!-width-one-half", "data-module": "x"}),
    )
    committee = forms.ModelChoiceField(queryset=Committee.objects.order_by("name"), required=False)
    several = forms.MultipleChoiceField(choices=CHOICES[1:4], required=False)
    nothing_to_choose = forms.ChoiceField(choices=[], required=False)


def django_markup(bound_field, *, error=False, hint=False):
    """The field as Django's own templates draw it (its form rendered for the moment by
    Django's TemplatesSetting), with the attributes the GOV.UK renderer adds."""
    own = bound_field.field.widget.attrs.get("class", "")
    classes = " ".join(["govuk-select", *(["govuk-select--error"] if error else []), own]).strip()
    attrs = {"class": classes}
    described = [f"id_{bound_field.name}-hint"] if hint else []
    described += [f"id_{bound_field.name}-error"] if error else []
    if described:
        attrs["aria-describedby"] = " ".join(described)
    form = bound_field.form
    ours, form.renderer = form.renderer, TemplatesSetting()
    try:
        return bound_field.as_widget(attrs=attrs)
    finally:
        form.renderer = ours


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        None,
        {"plain": "a&b", "required": "pear", "styled": "3"},
        {"plain": "nonsense", "required": ""},
    ],
    ids=["unbound", "chosen", "errors"],
)
def test_a_select_is_drawn_as_djangos_templates_draw_it(data):
    CommitteeFactory(name="Children & Families <Scrutiny>")
    CommitteeFactory(name="Adults")
    form = SelectsForm(data)
    if data is not None:
        form.is_valid()

    for bound_field in form:
        assert str(bound_field.govuk_widget) == str(
            django_markup(
                bound_field,
                error=bool(bound_field.errors),
                hint=bool(bound_field.help_text),
            )
        ), bound_field.name


def test_a_chosen_option_is_marked_selected_and_text_escaped():
    form = SelectsForm({"plain": "a&b"})

    markup = str(form["plain"].govuk_widget)

    assert (
        '<option value="a&amp;b" selected>Tom &amp; &quot;Jerry&quot; &lt;script&gt;</option>'
        in markup
    )
    assert '<optgroup label="Fruit">' in markup


@pytest.mark.django_db
def test_the_recommendations_filter_draws_its_selects_as_django_does():
    # The form this was built for: its selects of boards, inquiries, directorates and
    # statuses, sort (a select of its own kind) included, with choices made.
    from django.http import QueryDict

    from scrutiny.filters import RecommendationFilter
    from tests.factories import RecommendationFactory

    recommendation = RecommendationFactory()
    data = QueryDict(
        f"committee={recommendation.report.committee_id}&inquiry={recommendation.report.inquiry_id}"
        "&sort=-due&decision=none"
    )
    form = RecommendationFilter(data, queryset=Recommendation.objects.all()).form

    selects = [field for field in form if isinstance(field.field.widget, forms.Select)]
    assert len(selects) >= 6
    for bound_field in selects:
        assert str(bound_field.govuk_widget) == str(
            django_markup(bound_field, hint=bool(bound_field.help_text))
        ), bound_field.name


@pytest.mark.django_db
def test_a_select_outside_the_govuk_field_is_drawn_as_django_does():
    # {{ form.field }} (the plain widget, as the admin draws it) goes through the renderer too.
    form = SelectsForm({"several": ["a&b", "3"]})
    form.is_valid()
    for name in ("plain", "several", "nothing_to_choose"):
        bound_field = form[name]
        ours = str(bound_field)
        form.renderer, renderer = TemplatesSetting(), form.renderer
        try:
            assert ours == str(bound_field), name
        finally:
            form.renderer = renderer
