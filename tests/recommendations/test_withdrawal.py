"""Withdrawing an inquiry, report or recommendation entered by mistake: it leaves every
list, count, worklist and paper, keeps its reason in the history, and can be restored;
deleting for good only where nothing refers to it."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from deadlines.selectors import worklist_for
from papers import documents
from recommendations import selectors, services
from recommendations.models import Inquiry, Recommendation, Report
from tests.factories import (
    InquiryFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
    ResponseFactory,
)
from tests.viewkit import page, signed_in

pytestmark = pytest.mark.django_db


def withdraw(client, kind, item, reason="Entered twice by mistake"):
    return client.post(
        reverse("recommendations:record_withdraw", args=[kind, item.pk]), {"reason": reason}
    )


def test_a_withdrawn_recommendation_leaves_lists_counts_worklist_and_papers(
    client, officer, director_a, member, recommendation
):
    meeting = MeetingFactory(committee=recommendation.report.committee, date=date(2012, 7, 19))
    recommendation.report_back_meeting = meeting
    recommendation.save()
    worklist = worklist_for(director_a, date(2012, 5, 1)).items
    assert any(item.recommendation == recommendation for item in worklist)  # before
    assert recommendation in selectors.recommendations_due_for_meeting(meeting)
    services.record_withdraw(item=recommendation, user=officer, reason="Typed twice")

    for user in (officer, member, director_a):
        assert recommendation not in selectors.recommendations_visible_to(user)
    assert recommendation not in selectors.recommendations_due_for_meeting(meeting)
    assert all(
        item.recommendation != recommendation
        for item in worklist_for(director_a, date(2012, 5, 1)).items
    )
    assert all(
        item.recommendation != recommendation for item in documents.tracking_items(meeting, officer)
    )
    listing = page(signed_in(member).get(reverse("recommendations:recommendation_list")))
    assert recommendation.get_absolute_url() not in listing
    report_page = page(signed_in(officer).get(recommendation.report.get_absolute_url()))
    assert recommendation.get_absolute_url() not in report_page


def test_withdrawing_an_inquiry_takes_its_reports_and_recommendations_out(
    officer, member, recommendation
):
    inquiry = recommendation.report.inquiry
    services.record_withdraw(item=inquiry, user=officer, reason="Duplicate inquiry")

    assert inquiry not in selectors.inquiries_listed()
    assert recommendation.report not in selectors.reports_visible_to(member)
    assert not selectors.recommendations_visible_to(member).filter(report__inquiry=inquiry).exists()


def test_the_reason_is_kept_in_the_history(officer, recommendation):
    services.record_withdraw(item=recommendation, user=officer, reason="Typed twice")
    services.record_restore(item=recommendation, user=officer)

    reasons = list(recommendation.history.values_list("withdrawn_reason", flat=True))
    assert "Typed twice" in reasons
    assert recommendation.history.first().withdrawn_at is None  # restored is the latest


def test_an_officer_withdraws_with_a_reason_and_restores_through_the_pages(officer, recommendation):
    client = signed_in(officer)
    refused = withdraw(client, "recommendations", recommendation, reason="  ")
    assert "Enter why it is being withdrawn" in page(refused)

    response = withdraw(client, "recommendations", recommendation)
    assert response.status_code == 302
    shown = page(client.get(recommendation.get_absolute_url()))
    assert "Withdrawn on" in shown and "Entered twice by mistake" in shown
    assert recommendation.title in page(client.get(reverse("recommendations:withdrawn_list")))

    client.post(
        reverse("recommendations:record_restore", args=["recommendations", recommendation.pk])
    )
    recommendation.refresh_from_db()
    assert not recommendation.is_withdrawn
    assert recommendation in selectors.recommendations_visible_to(officer)


def test_a_withdrawn_recommendation_is_gone_for_everyone_but_officers(
    client, officer, member, director_a, recommendation
):
    services.record_withdraw(item=recommendation, user=officer, reason="Typed twice")
    assert signed_in(officer).get(recommendation.get_absolute_url()).status_code == 200
    for user in (member, director_a):
        assert signed_in(user).get(recommendation.get_absolute_url()).status_code == 404


def test_withdrawn_inquiries_leave_the_inquiry_list(officer, recommendation):
    inquiry = recommendation.report.inquiry
    services.record_withdraw(item=inquiry, user=officer, reason="Duplicate inquiry")
    listing = page(signed_in(officer).get(reverse("recommendations:inquiry_list")))
    assert inquiry.get_absolute_url() not in listing


def test_withdrawing_needs_a_reason(officer, recommendation):
    with pytest.raises(ValidationError):
        services.record_withdraw(item=recommendation, user=officer, reason=" ")


def test_deleting_is_refused_where_something_refers_to_the_item(officer, recommendation):
    ResponseFactory(recommendation=recommendation)
    client = signed_in(officer)
    url = reverse("recommendations:record_delete", args=["recommendations", recommendation.pk])

    response = client.post(url)

    assert response.status_code == 200
    assert "cannot be deleted because other records refer to it" in page(response)
    assert Recommendation.objects.filter(pk=recommendation.pk).exists()


def test_a_report_with_recommendations_cannot_be_deleted(officer, recommendation):
    with pytest.raises(ValidationError, match="refer to it"):
        services.record_delete(item=recommendation.report, user=officer)
    assert Report.objects.filter(pk=recommendation.report_id).exists()


def test_what_nothing_refers_to_is_deleted(officer):
    inquiry = InquiryFactory()
    report = ReportFactory(inquiry=inquiry)
    lone = RecommendationFactory(report=report)
    client = signed_in(officer)

    response = client.post(
        reverse("recommendations:record_delete", args=["recommendations", lone.pk])
    )
    assert response.status_code == 302
    services.record_delete(item=report, user=officer)
    services.record_delete(item=inquiry, user=officer)

    assert not Inquiry.objects.filter(pk=inquiry.pk).exists()


def test_an_unknown_kind_is_not_found(officer, recommendation):
    url = reverse("recommendations:record_withdraw", args=["committees", recommendation.pk])
    assert signed_in(officer).get(url).status_code == 404


def test_a_withdrawn_reports_response_paper_is_gone_for_all_but_officers(
    officer, member, recommendation
):
    report = recommendation.report
    services.record_withdraw(item=report, user=officer, reason="Duplicate report")
    url = reverse("papers:response_preview", args=[report.pk])
    assert signed_in(member).get(url).status_code == 404
    assert signed_in(officer).get(url).status_code == 200


def test_withdrawn_records_leave_the_open_data_api(client, officer, recommendation):
    services.record_withdraw(item=recommendation.report.inquiry, user=officer, reason="Mistake")
    inquiry = recommendation.report.inquiry
    assert client.get(f"/api/v1/inquiries/{inquiry.pk}").status_code == 404
    assert client.get(f"/api/v1/recommendations/{recommendation.pk}").status_code == 404
