"""What a directorate sends the board, for whoever listens (deadlines sends the emails).

Sent by the services inside their transaction (see recommendations.signals)."""

from django.dispatch import Signal

# A response was submitted to the board: `response`.
response_submitted = Signal()
# A position statement was submitted to the board: `statement`.
statement_submitted = Signal()
# An officer returned a submitted response to its directorate to correct: `response`.
response_returned = Signal()
# The board agreed responses at a meeting: `responses` (a list) and `meeting`.
responses_agreed = Signal()
