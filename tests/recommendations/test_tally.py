"""The counts by status the database keeps on every write (recommendations/tally.py) agree
with counting the rows, whatever wrote: each test makes one kind of write through the
service (or the ORM where the service does not) and compares, board by board."""

from datetime import date

import pytest

from recommendations import selectors, services, tally
from recommendations.models import Committee, Recommendation, StatusTally
from recommendations.services import TrackingDecision
from tests.factories import (
    CommitteeFactory,
    InquiryFactory,
    MeetingFactory,
    RecommendationFactory,
    ReportFactory,
    tracking_status,
)

pytestmark = pytest.mark.django_db


def counted_from_rows(committee=None) -> dict:
    """The rule itself: the active recommendations, counted by status (zeros left out)."""
    rows = Recommendation.objects.active()
    if committee is not None:
        rows = rows.filter(report__committee=committee)
    return {
        (row.status.pk if row.status else None): row.count
        for row in selectors.recommendations_by_status(rows)
        if row.count
    }


def from_tally(committee=None) -> dict:
    totals = tally.totals_by_status(None if committee is None else [committee.pk])
    return {status: total for status, total in totals.items() if total}


def assert_tally_agrees() -> None:
    assert from_tally() == counted_from_rows()
    for committee in Committee.objects.all():
        assert from_tally(committee) == counted_from_rows(committee), committee


@pytest.fixture
def two_boards(officer):
    """Two boards, each with an inquiry of two reports of three recommendations, some
    assessed at the boards' meetings."""
    for name in ("Children's Services", "Adult Social Care"):
        inquiry = InquiryFactory(committee=CommitteeFactory(name=f"{name} Scrutiny Board"))
        for _ in range(2):
            report = ReportFactory(inquiry=inquiry)
            RecommendationFactory.create_batch(3, report=report)
        meeting = MeetingFactory(committee=inquiry.committee, date=date(2012, 9, 1))
        first = Recommendation.objects.filter(report__inquiry=inquiry).order_by("pk").first()
        decide(meeting, officer, first, tracking_status(2))
    return Committee.objects.order_by("pk")


def decide(meeting, officer, recommendation, status):
    services.assessments_record(
        meeting=meeting,
        decisions=[TrackingDecision(recommendation, status)],
        user=officer,
    )


def test_new_recommendations_are_counted_as_not_yet_assessed(two_boards):
    before = from_tally(two_boards[0])
    RecommendationFactory(report=two_boards[0].reports.first())
    assert from_tally(two_boards[0])[None] == before[None] + 1
    assert_tally_agrees()


def test_recommendations_made_in_bulk_are_counted(two_boards):
    report = two_boards[1].reports.first()
    Recommendation.objects.bulk_create(
        Recommendation(
            report=report,
            number=100 + n,
            reference=f"B{n}",
            text=f"That the board hears {n}.",
            addressed_to=Recommendation.Addressee.DIRECTORATE,
            directorate=report.recommendations.first().directorate,
        )
        for n in range(5)
    )
    assert_tally_agrees()


def test_a_tracking_decision_moves_a_recommendation_to_its_status(two_boards, officer):
    recommendation = Recommendation.objects.filter(report__committee=two_boards[0]).last()
    meeting = MeetingFactory(committee=two_boards[0], date=date(2012, 11, 1))
    decide(meeting, officer, recommendation, tracking_status(4))
    assert from_tally(two_boards[0])[tracking_status(4).pk] == 1
    decide(meeting, officer, recommendation, tracking_status(5))  # corrected
    assert tracking_status(4).pk not in from_tally(two_boards[0])
    assert_tally_agrees()


def test_a_status_set_by_a_queryset_update_is_counted(two_boards):
    Recommendation.objects.filter(report__committee=two_boards[1]).update(
        current_status=tracking_status(1)
    )
    assert from_tally(two_boards[1]) == {tracking_status(1).pk: 6}
    assert_tally_agrees()


@pytest.mark.parametrize("kind", ["recommendation", "report", "inquiry"])
def test_withdrawing_takes_out_and_restoring_puts_back(two_boards, officer, kind):
    recommendation = Recommendation.objects.filter(report__committee=two_boards[0]).first()
    item = {
        "recommendation": recommendation,
        "report": recommendation.report,
        "inquiry": recommendation.report.inquiry,
    }[kind]
    before = from_tally()
    services.record_withdraw(item=item, user=officer, reason="Entered twice by mistake")
    assert from_tally() != before
    assert_tally_agrees()
    services.record_restore(item=item, user=officer)
    assert from_tally() == before
    assert_tally_agrees()


def test_a_recommendation_of_a_withdrawn_report_changes_nothing_when_assessed(two_boards, officer):
    recommendation = Recommendation.objects.filter(report__committee=two_boards[0]).last()
    services.record_withdraw(item=recommendation.report, user=officer, reason="Duplicate")
    Recommendation.objects.filter(pk=recommendation.pk).update(current_status=tracking_status(6))
    assert tracking_status(6).pk not in from_tally()
    assert_tally_agrees()


def test_an_inquiry_moved_to_another_board_takes_its_counts_with_it(two_boards):
    inquiry = two_boards[0].inquiries.get()
    inquiry.committee = two_boards[1]
    inquiry.save()  # its reports follow it (Report.committee is kept in step)
    assert from_tally(two_boards[0]) == {}
    assert sum(from_tally(two_boards[1]).values()) == 12
    assert_tally_agrees()


def test_a_recommendation_moved_to_another_report_is_counted_there(two_boards):
    recommendation = Recommendation.objects.filter(report__committee=two_boards[0]).first()
    recommendation.report = two_boards[1].reports.first()
    recommendation.number = 50
    recommendation.save()
    assert_tally_agrees()


def test_a_deleted_recommendation_is_taken_out(two_boards, officer):
    recommendation = RecommendationFactory(report=two_boards[1].reports.first())
    services.record_delete(item=recommendation, user=officer)
    assert_tally_agrees()


def test_counting_again_from_the_rows_gives_the_same_tally(two_boards):
    before = from_tally()
    StatusTally.objects.update(total=999)
    tally.rebuild()
    assert from_tally() == before
    assert_tally_agrees()


def test_folding_keeps_the_totals_in_one_entry_per_board_and_status(two_boards, officer):
    recommendation = Recommendation.objects.filter(report__committee=two_boards[0]).last()
    meeting = MeetingFactory(committee=two_boards[0], date=date(2012, 11, 1))
    for position in (4, 5, 4, 3):
        decide(meeting, officer, recommendation, tracking_status(position))
    before = from_tally()
    tally.fold()
    assert from_tally() == before
    keys = list(StatusTally.objects.values_list("committee", "status_key"))
    assert len(keys) == len(set(keys))  # one entry each
    assert_tally_agrees()


def test_a_count_that_finds_a_long_tally_folds_it_first(two_boards, officer):
    entries = StatusTally.objects.count()
    assert entries > 3
    totals = tally.totals_by_status()
    assert tally.totals_by_status(fold_after=3) == totals
    assert StatusTally.objects.count() < entries
    assert_tally_agrees()


def test_the_pages_counts_come_from_the_tally_and_agree_with_counting(
    two_boards, officer, member, anonymous
):
    # A council reader's counts are the tally's; the public's are counted from what is
    # published. Every report here is published, so the two agree.
    for user in (officer, member, anonymous):
        for committees in (None, [two_boards[0].pk]):
            rows = selectors.recommendations_visible_to(user)
            if committees:
                rows = rows.filter(report__committee__in=committees)
            assert selectors.status_counts_for(user, committees) == (
                selectors.recommendations_by_status(rows)
            )


def test_the_public_counts_leave_out_what_is_not_published(two_boards, officer, anonymous):
    unpublished = ReportFactory(inquiry=two_boards[0].inquiries.get(), unpublished=True)
    RecommendationFactory(report=unpublished)
    public = {row.status: row.count for row in selectors.status_counts_for(anonymous)}
    council = {row.status: row.count for row in selectors.status_counts_for(officer)}
    assert council[None] == public[None] + 1


def test_the_triggers_are_in_the_migrated_database():
    # A migration that makes one of these tables again (SQLite does, to alter a column)
    # drops its triggers: it must run tally.install again, or this fails.
    assert tally.missing_triggers() == set()
