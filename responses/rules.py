"""Who may see and change responses and position statements.

Drafts belong to the directorate the recommendation is addressed to until submitted;
submitted work is read inside the council; agreed responses are public."""

import rules

from accounts.rules import is_council_reader, is_directorate_user, is_officer
from recommendations.rules import recommendation_is_public

from .models import ResponseState


@rules.predicate
def works_for_recommendations_directorate(user, recommendation) -> bool:
    return (
        recommendation is not None
        and is_directorate_user(user)
        and user.directorate_id == recommendation.directorate_id
    )


@rules.predicate
def works_for_directorate_of(user, item) -> bool:
    """For a response or position statement: the user answers for its recommendation."""
    return item is not None and works_for_recommendations_directorate(user, item.recommendation)


@rules.predicate
def is_draft(user, item) -> bool:
    return item is not None and item.state == ResponseState.DRAFT


@rules.predicate
def is_submitted(user, item) -> bool:
    return item is not None and item.state == ResponseState.SUBMITTED


@rules.predicate
def is_agreed_and_public(user, item) -> bool:
    return (
        item is not None
        and item.state == ResponseState.AGREED
        and recommendation_is_public(user, item.recommendation)
    )


can_read = works_for_directorate_of | (~is_draft & is_council_reader) | is_agreed_and_public

rules.add_perm("responses.view_response", can_read)
rules.add_perm("responses.view_positionstatement", can_read)
rules.add_perm("responses.add_response", works_for_recommendations_directorate)
rules.add_perm("responses.add_positionstatement", works_for_recommendations_directorate)
rules.add_perm("responses.change_response", works_for_directorate_of & is_draft)
rules.add_perm("responses.change_positionstatement", works_for_directorate_of & is_draft)
rules.add_perm("responses.agree_response", is_officer & is_submitted)
rules.add_perm("responses.return_response", is_officer & is_submitted)
# Agreeing a report's responses at a meeting, several at once.
rules.add_perm("responses.agree_responses", is_officer)
# The worklist is for those who answer for a directorate.
rules.add_perm("responses.view_worklist", is_directorate_user)
