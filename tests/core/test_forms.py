"""The form bases every app shares: a form read from the page address (a filter)."""

from datetime import date

from django import forms
from django.http import QueryDict

from core.forms import GovukDateField, GovukQueryForm


class ShowFrom(GovukQueryForm):
    start = GovukDateField(label="Show meetings from", required=False)


def test_an_address_without_the_forms_fields_leaves_it_unbound():
    form = ShowFrom(QueryDict("page=2"))

    assert not form.is_bound
    assert form.value("start") is None


def test_a_date_typed_in_the_boxes_is_read():
    form = ShowFrom(QueryDict("start_day=28&start_month=2&start_year=2012"))

    assert form.value("start") == date(2012, 2, 28)


def test_a_partly_typed_date_is_an_error_not_dropped():
    form = ShowFrom(QueryDict("start_day=28&start_month=&start_year=2012"))

    assert form.value("start") is None
    assert form.errors["start"] == ["Show meetings from must include a month"]


def test_a_date_never_guessed_from_another_format():
    form = ShowFrom(QueryDict("start=28/02/2012"))

    assert form.errors["start"] == ["Show meetings from must be a real date"]


def test_plain_date_fields_become_govuk_boxes():
    class Plain(GovukQueryForm):
        before = forms.DateField(label="Due before", required=False)

    form = Plain(QueryDict("before_year=2012"))

    assert isinstance(form.fields["before"], GovukDateField)
    assert form.errors["before"] == ["Due before must include a day and month"]
