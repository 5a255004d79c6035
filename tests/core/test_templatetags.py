"""The GOV.UK tag, the tracking status tag and counts, as pages draw them."""

from django.template import engines
from django.template.loader import render_to_string

from core.lists import Shortlist
from recommendations.models import TrackingStatus
from recommendations.selectors import StatusCount


def _render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_a_tag_escapes_its_label_and_takes_its_colour():
    html = _render('{% load govuk %}{% govuk_tag label "red" %}', label="Fish & <chips>")

    assert html == '<strong class="govuk-tag govuk-tag--red">Fish &amp; &lt;chips&gt;</strong>'


def test_a_tag_without_a_colour_is_the_default_blue():
    assert _render('{% include "govuk/tag.html" with label="Draft" %}') == (
        '<strong class="govuk-tag">Draft</strong>'
    )


def test_a_status_is_drawn_in_its_colour_and_none_as_not_yet_assessed_in_grey():
    achieved = TrackingStatus(name="Achieved", colour="green")
    source = "{% load tracking_scale %}{% status_tag status %}"

    assert _render(source, status=achieved) == (
        '<strong class="govuk-tag govuk-tag--green">Achieved</strong>'
    )
    assert _render(source, status=None) == (
        '<strong class="govuk-tag govuk-tag--grey">Not yet assessed</strong>'
    )


def test_a_status_with_a_short_name_shows_it_in_lists_and_its_name_where_it_is_the_subject():
    status = TrackingStatus(
        name="Not achieved (Progress made acceptable. Continue monitoring)",
        short_name="Progress acceptable",
        colour="yellow",
    )

    assert _render("{% load tracking_scale %}{% status_tag status %}", status=status) == (
        '<strong class="govuk-tag govuk-tag--yellow">Progress acceptable</strong>'
    )
    assert _render("{% load tracking_scale %}{% status_tag status full=True %}", status=status) == (
        '<strong class="govuk-tag govuk-tag--yellow">'
        "Not achieved (Progress made acceptable. Continue monitoring)</strong>"
    )


def test_counts_by_status_mark_their_thousands_as_the_capped_counts_do():
    html = render_to_string(
        "recommendations/_status_counts.html", {"status_counts": [StatusCount(None, 38742)]}
    )

    assert ">38,742<" in html
    assert Shortlist([], 1250).total_label == "1,250"
    assert Shortlist([], 1000, capped=True).total_label == "over 1,000"
