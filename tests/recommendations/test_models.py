"""What the database itself guarantees about the scrutiny record, and derived dates."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from inspections import services as inspection_services
from recommendations.models import SEARCH_FIELDS, Recommendation, Report
from recommendations.services import meeting_save
from tests.factories import (
    CommitteeFactory,
    InquiryFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
    recommendation_due_at,
    tracking_status,
)
from tests.inspections.factories import InspectionFactory

pytestmark = pytest.mark.django_db


def test_recommendation_numbers_cannot_repeat_within_a_report():
    report = ReportFactory()
    RecommendationFactory(report=report, number=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationFactory(report=report, number=3)


def test_the_same_recommendation_number_is_fine_in_another_report():
    RecommendationFactory(report=ReportFactory(), number=3)
    RecommendationFactory(report=ReportFactory(), number=3)
    assert Recommendation.objects.filter(number=3).count() == 2


def test_a_report_cannot_be_received_before_it_is_published():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportFactory(published_on=date(2012, 3, 1), received_on=date(2012, 2, 28))


def test_a_report_can_be_received_on_the_day_it_is_published():
    report = ReportFactory(published_on=date(2012, 3, 1), received_on=date(2012, 3, 1))
    assert Report.objects.filter(pk=report.pk).exists()


def test_an_exempt_report_must_name_its_access_to_information_rule():
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportFactory(is_exempt=True, exempt_rule="")


def test_an_inquiry_cannot_conclude_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        InquiryFactory(started_on=date(2012, 3, 1), concluded_on=date(2012, 2, 1))


def test_a_recommendation_to_another_body_must_name_the_body():
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationFactory(addressed_to=Recommendation.Addressee.OTHER_BODY, other_body="")


def test_a_recommendation_to_a_named_other_body_is_kept():
    recommendation = RecommendationFactory(
        addressed_to=Recommendation.Addressee.OTHER_BODY, other_body="Corporate Carers group"
    )
    recommendation.refresh_from_db()
    assert recommendation.addressee_label == "Corporate Carers group"


def test_a_repeating_report_back_needs_a_first_report_back():
    with pytest.raises(IntegrityError), transaction.atomic():
        RecommendationFactory(
            report_back_meeting=None, report_back_month=None, report_back_every_months=6
        )


def test_the_response_is_due_two_months_after_the_report_is_received():
    report = ReportFactory(published_on=date(2012, 3, 1), received_on=date(2012, 3, 15))
    report.refresh_from_db()
    assert report.response_due_on == date(2012, 5, 15)


def test_the_response_due_date_clamps_to_the_end_of_february():
    report = ReportFactory(published_on=date(2022, 12, 1), received_on=date(2022, 12, 31))
    report.refresh_from_db()
    assert report.response_due_on == date(2023, 2, 28)


def test_a_report_not_yet_received_has_no_response_due_date():
    report = ReportFactory(published_on=date(2012, 3, 1), received_on=None)
    report.refresh_from_db()
    assert report.response_due_on is None


def test_the_response_due_date_follows_a_corrected_receipt_date_saved_by_field():
    report = ReportFactory(published_on=date(2012, 3, 1), received_on=date(2012, 3, 15))
    report.received_on = date(2012, 4, 2)
    report.save(update_fields=["received_on"])
    report.refresh_from_db()
    assert report.response_due_on == date(2012, 6, 2)


def test_the_next_report_back_is_stored_so_lists_can_filter_on_it():
    RecommendationFactory(number=1, report_back_month=date(2012, 7, 1))
    RecommendationFactory(number=2, report_back_month=date(2012, 10, 1))
    due_by_august = Recommendation.objects.filter(next_report_back_on__lt=date(2012, 8, 1))
    assert [r.number for r in due_by_august] == [1]


def test_a_month_report_back_is_stored_with_the_month_end_as_its_deadline():
    recommendation = RecommendationFactory(report_back_month=date(2012, 7, 1))
    recommendation.refresh_from_db()
    assert recommendation.next_report_back_on == date(2012, 7, 1)
    assert recommendation.next_report_back_deadline == date(2012, 7, 31)


def test_moving_a_meeting_moves_the_report_backs_scheduled_on_it(officer):
    committee = CommitteeFactory()
    meeting = MeetingFactory(committee=committee, date=date(2012, 4, 17))
    recommendation = recommendation_due_at(meeting)
    meeting.date = date(2012, 4, 24)
    meeting_save(meeting=meeting, user=officer)
    recommendation.refresh_from_db()
    assert recommendation.next_report_back_on == date(2012, 4, 24)
    assert recommendation.next_report_back_deadline == date(2012, 4, 24)


def test_lists_read_recommendations_without_the_stored_search_columns():
    RecommendationFactory(text="Travel training for every young person")

    listed = Recommendation.objects.active().get()

    assert set(SEARCH_FIELDS) <= listed.get_deferred_fields()


def test_saving_a_listed_recommendation_keeps_its_search_document():
    recommendation = RecommendationFactory(text="Travel training for every young person")
    listed = Recommendation.objects.active().get(pk=recommendation.pk)

    listed.lead_officer = "Head of transport"
    listed.save()

    recommendation.refresh_from_db()
    assert "Travel training" in recommendation.search_document


def test_both_forms_of_the_active_rule_give_the_same_recommendations(
    committee, directorate_a, officer
):
    """`active(whole_table=True)` asks "not of a withdrawn report" for the counts of every
    board; it must leave out exactly what the joined form does."""
    now = timezone.now()
    kept = RecommendationFactory(report=ReportFactory(inquiry=InquiryFactory(committee=committee)))
    RecommendationFactory(withdrawn_at=now)
    RecommendationFactory(report=ReportFactory(withdrawn_at=now))
    RecommendationFactory(report=ReportFactory(inquiry=InquiryFactory(withdrawn_at=now)))
    inspection = inspection_services.inspection_save(
        inspection=InspectionFactory.build(
            committee=committee, directorate=directorate_a, published_on=date(2010, 1, 7)
        ),
        user=officer,
    )
    of_inspection = RecommendationFactory(report=inspection.report)

    joined = set(Recommendation.objects.active())
    assert joined == {kept, of_inspection}
    assert set(Recommendation.objects.active(whole_table=True)) == joined


# --- The tracking scale's short names ---------------------------------------------------


@pytest.mark.parametrize(
    ("position", "field", "value", "message"),
    [
        (4, "short_name", "achieved", "“achieved” already names status 2. Achieved"),
        (5, "short_name", "Stop monitoring", "“Stop monitoring” already names status 1."),
        (2, "name", "Stop monitoring", "“Stop monitoring” is the short name of status 1."),
    ],
    ids=["short name is another's name", "short name is another's", "name is another's short"],
)
def test_a_tag_that_would_name_two_statuses_is_refused(position, field, value, message):
    status = tracking_status(position)
    setattr(status, field, value)

    with pytest.raises(ValidationError) as refused:
        status.full_clean()

    assert refused.value.message_dict[field][0].startswith(message)


def test_a_status_keeps_its_own_short_name_when_saved_again():
    status = tracking_status(4)

    status.full_clean()  # no error: its own short name is not a clash
