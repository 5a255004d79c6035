"""Add several recommendations: paste, check the split, set once, save all."""

from django.core import mail
from django.urls import reverse

from recommendations.models import Recommendation
from tests.factories import DirectorateUserFactory
from tests.viewkit import signed_in

PASTED = """1. That the Director reviews placements.
2. That the Director:
(a) publishes the figures; and
(b) reports back in July.
3. That the Director meets the carers' group.
"""


def split(client, report, pasted=PASTED):
    url = reverse("recommendations:recommendations_bulk_add", args=[report.pk])
    return url, client.post(url, {"pasted": pasted, "split": "1"})


def saved_form(report, directorate, **changes):
    data = {
        "pasted": PASTED,
        "addressed_to": "directorate",
        "directorate": directorate.pk,
        "report_back_month": "July 2012",
        "rec-TOTAL_FORMS": "3",
        "rec-INITIAL_FORMS": "0",
        "rec-0-reference": "4",
        "rec-0-text": "That the Director reviews placements.",
        "rec-1-reference": "5",
        "rec-1-text": "That the Director:",
        "rec-1-parts_text": "(a) publishes the figures; and\n(b) reports back in July.",
        "rec-2-reference": "6",
        "rec-2-text": "That the Director meets the carers' group.",
        "save": "1",
    }
    data.update(changes)
    return data


def test_pasted_text_is_shown_split_for_checking_and_nothing_is_saved(officer, published_report):
    _, response = split(signed_in(officer), published_report)
    page = response.content.decode()
    assert response.status_code == 200
    assert "split into 3 recommendations" in page
    assert "(a) publishes the figures; and\n(b) reports back in July." in page
    assert published_report.recommendations.count() == 3


def test_all_are_saved_in_one_step_after_those_the_report_has(
    officer, published_report, directorate_a
):
    url = reverse("recommendations:recommendations_bulk_add", args=[published_report.pk])
    response = signed_in(officer).post(url, saved_form(published_report, directorate_a))
    assert response.status_code == 302
    added = list(published_report.recommendations.filter(number__gt=3).order_by("number"))
    assert [(r.number, r.reference) for r in added] == [(4, "4"), (5, "5"), (6, "6")]
    assert all(r.directorate == directorate_a for r in added)
    assert all(r.report_back_month.month == 7 for r in added)
    assert [(p.label, p.text) for p in added[1].parts.all()] == [
        ("a", "publishes the figures; and"),
        ("b", "reports back in July."),
    ]


def test_each_directorate_gets_one_email_for_the_lot(
    officer, published_report, directorate_a, django_capture_on_commit_callbacks
):
    DirectorateUserFactory(directorate=directorate_a, email="director@example.gov.uk")
    url = reverse("recommendations:recommendations_bulk_add", args=[published_report.pk])
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(officer).post(url, saved_form(published_report, directorate_a))
    to_director = [m for m in mail.outbox if m.to == ["director@example.gov.uk"]]
    assert len(to_director) == 1
    assert to_director[0].subject.startswith("3 new recommendations for Children's Services")


def test_a_taken_reference_is_refused_and_nothing_is_saved(
    officer, published_report, directorate_a
):
    url = reverse("recommendations:recommendations_bulk_add", args=[published_report.pk])
    response = signed_in(officer).post(
        url, saved_form(published_report, directorate_a, **{"rec-0-reference": "1"})
    )
    assert response.status_code == 200
    assert "This report already has a recommendation 1." in response.content.decode()
    assert published_report.recommendations.count() == 3


def test_one_left_out_is_not_saved(officer, published_report, directorate_a):
    url = reverse("recommendations:recommendations_bulk_add", args=[published_report.pk])
    signed_in(officer).post(
        url, saved_form(published_report, directorate_a, **{"rec-2-remove": "on"})
    )
    assert published_report.recommendations.count() == 5


def test_recommendations_to_the_executive_need_no_directorate(officer, published_report):
    url = reverse("recommendations:recommendations_bulk_add", args=[published_report.pk])
    data = saved_form(published_report, published_report.recommendations.first().directorate)
    data.update(addressed_to="executive", directorate="")
    assert signed_in(officer).post(url, data).status_code == 302
    assert (
        published_report.recommendations.filter(
            addressed_to=Recommendation.Addressee.EXECUTIVE_BOARD, directorate__isnull=True
        ).count()
        == 3
    )


def test_a_recommendation_to_a_directorate_needs_one(officer, published_report):
    url = reverse("recommendations:recommendations_bulk_add", args=[published_report.pk])
    data = saved_form(published_report, published_report.recommendations.first().directorate)
    data.update(directorate="")
    response = signed_in(officer).post(url, data)
    assert "Choose the directorate they are addressed to." in response.content.decode()


def test_text_before_the_first_recommendation_is_shown_not_dropped(officer, published_report):
    _, response = split(signed_in(officer), published_report, "Our recommendations:\n" + PASTED)
    assert "will not be saved" in response.content.decode()
    assert "Our recommendations:" in response.content.decode()
