"""Who may see and change responses and position statements.

Drafts belong to the directorate the recommendation is addressed to until submitted;
submitted work is read inside the council; agreed responses are public."""

import rules

from accounts.rules import (
    add_directorate_private_perm,
    is_council_reader,
    is_directorate_user,
    is_officer,
)
from recommendations.rules import recommendation_is_public

from .models import ResponseState


@rules.predicate
def works_for_directorate_of(user, item) -> bool:
    """The user works for `item`'s directorate: for a recommendation, the one it is
    addressed to; for a response or position statement, the one that wrote it (a draft
    belongs to its writers, even if the recommendation moves on)."""
    return (
        item is not None
        and is_directorate_user(user)
        and user.directorate_id == item.directorate_id
    )


@rules.predicate
def still_addressed_to_its_directorate(user, item) -> bool:
    """The recommendation has not been moved to another directorate since it was written."""
    return item is not None and item.directorate_id == item.recommendation.directorate_id


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

can_change = works_for_directorate_of & is_draft & still_addressed_to_its_directorate

# Decided by these rules for every account, the site's administrator included.
add_directorate_private_perm("responses.view_response", can_read)
add_directorate_private_perm("responses.view_positionstatement", can_read)
add_directorate_private_perm("responses.add_response", works_for_directorate_of)
add_directorate_private_perm("responses.add_positionstatement", works_for_directorate_of)
add_directorate_private_perm("responses.change_response", can_change)
add_directorate_private_perm("responses.change_positionstatement", can_change)
add_directorate_private_perm("responses.agree_response", is_officer & is_submitted)
add_directorate_private_perm("responses.return_response", is_officer & is_submitted)
# Agreeing a report's responses at a meeting, several at once.
rules.add_perm("responses.agree_responses", is_officer)
# The worklist is for those who answer for a directorate.
rules.add_perm("responses.view_worklist", is_directorate_user)
