"""Who may see and change the scrutiny record. The one place these rules live;
views check them with core.views.ObjectPermissionMixin and list pages with selectors."""

import rules
from django.utils import timezone

from accounts.rules import is_council_reader, is_officer


@rules.predicate
def report_is_public(user, report) -> bool:
    return (
        report is not None
        and not report.is_exempt
        and report.published_on is not None
        and report.published_on <= timezone.localdate()
    )


@rules.predicate
def recommendation_is_public(user, recommendation) -> bool:
    return recommendation is not None and report_is_public(user, recommendation.report)


@rules.predicate
def is_in_the_record(user, item) -> bool:
    """Not withdrawn, nor part of something withdrawn."""
    return item is None or item.withdrawn_with is None


# A withdrawn item is seen only by officers (to restore it); to anyone else it is gone.
in_record_or_officer = is_in_the_record | is_officer

# Committees, their meetings and inquiries are agreed in public meetings.
rules.add_perm("recommendations.view_committee", rules.always_allow)
rules.add_perm("recommendations.view_meeting", rules.always_allow)
rules.add_perm("recommendations.view_inquiry", in_record_or_officer)
rules.add_perm(
    "recommendations.view_report", (report_is_public | is_council_reader) & in_record_or_officer
)
rules.add_perm(
    "recommendations.view_recommendation",
    (recommendation_is_public | is_council_reader) & in_record_or_officer,
)

# The record itself is kept by scrutiny officers.
for model in ("committee", "meeting", "inquiry", "report", "recommendation", "workinggroup"):
    rules.add_perm(f"recommendations.add_{model}", is_officer)
    rules.add_perm(f"recommendations.change_{model}", is_officer)
rules.add_perm("recommendations.add_evidence", is_officer)
rules.add_perm("recommendations.record_assessments", is_officer)
rules.add_perm("recommendations.schedule_report_back", is_officer)
# Withdrawing something entered by mistake, restoring it, deleting what nothing refers to.
rules.add_perm("recommendations.withdraw_record", is_officer)
# Saying a report's recommendations are complete (the directorates are told then).
rules.add_perm("recommendations.complete_report", is_officer)
