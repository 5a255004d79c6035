"""Events other apps act on without recommendations importing them."""

from django.dispatch import Signal

# Sent by `recommendation_save` inside its transaction when a recommendation is addressed
# to another directorate. Arguments: recommendation, previous_directorate_id, user.
recommendation_moved = Signal()
