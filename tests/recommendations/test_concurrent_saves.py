"""Two people saving the first of something at the same moment, on PostgreSQL (where
the two transactions really overlap): the loser gets the edit conflict, never a 500."""

import threading
import time
from datetime import date

import pytest
from django.db import connection, connections, transaction

from core.history import EditConflict
from recommendations import services
from recommendations.models import TrackingAssessment
from responses import services as response_services
from responses.models import Response
from tests.factories import (
    DirectorateUserFactory,
    MeetingFactory,
    OfficerFactory,
    RecommendationFactory,
    tracking_status,
)

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs two overlapping transactions"
    ),
]


def race(first, second):
    """Run `first` in a transaction that stays open while `second` runs in another
    thread and blocks on it; then commit `first`. Returns what `second` raised."""
    started, go, outcome = threading.Event(), threading.Event(), {}

    def hold_first():
        try:
            with transaction.atomic():
                first()
                started.set()
                go.wait(10)
        finally:
            connections.close_all()

    def run_second():
        started.wait(10)
        try:
            second()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test checks
            outcome["error"] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hold_first), threading.Thread(target=run_second)]
    for thread in threads:
        thread.start()
    started.wait(10)
    time.sleep(0.5)  # let the second reach the database and wait on the first's row
    go.set()
    for thread in threads:
        thread.join(20)
    return outcome.get("error")


def test_two_officers_recording_the_first_decision_at_once():
    recommendation = RecommendationFactory()
    meeting = MeetingFactory(committee=recommendation.report.committee, date=date(2012, 7, 19))
    one, two = OfficerFactory(), OfficerFactory()

    def record(user, position):
        return lambda: services.assessments_record(
            meeting=meeting,
            user=user,
            decisions=[
                services.TrackingDecision(
                    recommendation, tracking_status(position), expected_version=0
                )
            ],
        )

    error = race(record(one, 4), record(two, 2))

    assert isinstance(error, EditConflict), error
    assert TrackingAssessment.objects.get().status == tracking_status(4)


def test_two_directors_starting_the_response_at_once():
    recommendation = RecommendationFactory()
    one = DirectorateUserFactory(directorate=recommendation.directorate)
    two = DirectorateUserFactory(directorate=recommendation.directorate)

    def start(user, text):
        return lambda: response_services.response_save_draft(
            recommendation=recommendation, user=user, text=text
        )

    error = race(start(one, "First"), start(two, "Second"))

    assert isinstance(error, EditConflict), error
    assert Response.objects.get().text == "First"


def test_two_officers_changing_statuses_on_one_board_do_not_wait_for_each_other():
    # The tally of statuses only ever gains entries (recommendations/tally.py): a running
    # total per board and status would be locked by the first until its commit, and two
    # such saves taking two totals in opposite order would deadlock.
    first, second = RecommendationFactory.create_batch(2)
    second.report = first.report
    second.number = first.number + 1
    second.save()
    meeting = MeetingFactory(committee=first.report.committee, date=date(2012, 7, 19))
    one, two = OfficerFactory(), OfficerFactory()

    def record(user, recommendation, position):
        def save():
            with transaction.atomic():
                # Shorter than the first holds its transaction open: waiting fails.
                connection.cursor().execute("SET LOCAL lock_timeout = '200ms'")
                services.assessments_record(
                    meeting=meeting,
                    user=user,
                    decisions=[
                        services.TrackingDecision(recommendation, tracking_status(position))
                    ],
                )

        return save

    error = race(record(one, first, 4), record(two, second, 4))

    assert error is None, error
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.current_status == second.current_status == tracking_status(4)
