"""What happens to the record, for whoever listens (deadlines sends the emails).

Sent by the services inside their transaction; a receiver that does anything outside
the database registers it with `transaction.on_commit`. The record does not know who
listens, so it imports nothing above it.
"""

from django.dispatch import Signal

# A recommendation was saved: `recommendation`.
recommendation_saved = Signal()
# The officer said a report's recommendations are complete: `report`. Tells each
# directorate once about the report's recommendations addressed to it.
report_recommendations_completed = Signal()
# The board recorded tracking decisions at a meeting: `assessments` (a list).
tracking_decisions_recorded = Signal()
# Several recommendations were added together: `recommendations` (a list). One email
# to each directorate for the lot.
recommendations_added = Signal()
