"""Every write to responses and position statements goes through these functions."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from core.history import UNCHECKED, EditConflict, attribute, check_version
from recommendations.models import Meeting, Recommendation, RecommendationPart, TrackingStatus

from . import signals
from .models import PositionStatement, Response, ResponseDecision, ResponseState


def _require_draft(item: Response | PositionStatement) -> None:
    if item.state != ResponseState.DRAFT:
        raise PermissionDenied("Once submitted, it cannot be changed.")
    if item.directorate_id != item.recommendation.directorate_id:
        raise PermissionDenied(
            "The recommendation is now addressed to another directorate: this draft can "
            "no longer be changed or submitted."
        )


def _draft_to_write(model, item, recommendation: Recommendation, user: User, expected_version):
    """The draft (a `model`: response or statement) a save writes: a new one, the
    directorate's that the recommendation is addressed to now, where `item` is None;
    else `item` re-read under a lock, so that a form opened before someone else's save or
    a submission cannot undo it, and refused if it moved on since `expected_version`."""
    if item is None:
        return model(
            recommendation=recommendation,
            drafted_by=user,
            directorate_id=recommendation.directorate_id,
        )
    item = model.objects.select_for_update().get(pk=item.pk)
    if item.recommendation_id != recommendation.pk:
        raise ValidationError("This belongs to another recommendation.")
    _require_draft(item)
    check_version(item, expected_version)
    item.version += 1
    return item


def _save_first(item, user: User, conflict) -> None:
    """Save `item`; if it is new and someone else made its twin first (the same
    recommendation's response, the same report-back's statement), say so as an edit
    conflict: the user's text stays in their form, never a server error."""
    creating = item.pk is None
    try:
        with transaction.atomic():
            attribute(item, user).save()
    except IntegrityError:
        if not creating:
            raise
        raise conflict(item) from None


def _response_started_meanwhile(response: Response) -> EditConflict:
    other = Response.objects.filter(recommendation=response.recommendation_id).first()
    if other is None:  # pragma: no cover - the constraint that failed names it
        return EditConflict("Someone else saved this first.", current_version=1)
    return EditConflict(
        f"{other.drafted_by} started the response to this recommendation while you were "
        "writing yours, so yours has not been saved. Your text is still in the form: "
        "read theirs, then save yours over it if it should replace it.",
        current_version=other.version,
    )


def _statement_started_meanwhile(statement: PositionStatement) -> EditConflict:
    other = PositionStatement.objects.filter(
        recommendation=statement.recommendation_id,
        report_back_due_on=statement.report_back_due_on,
    ).first()
    if other is None:  # pragma: no cover
        return EditConflict("Someone else saved this first.", current_version=1)
    return EditConflict(
        f"{other.drafted_by} started the position statement for this report-back while "
        "you were writing yours, so yours has not been saved. Your text is still in the "
        "form: read theirs, then save yours over it if it should replace it.",
        current_version=other.version,
    )


def _validate_partial_acceptance(
    *, recommendation: Recommendation, decision: str, detail: str, accepted_parts
) -> None:
    """A partial acceptance must say which part: in words, and by part where there are parts."""
    if decision != ResponseDecision.PARTIALLY_ACCEPTED:
        if accepted_parts:
            raise ValidationError(
                {"accepted_parts": "Choose accepted parts only for a partial acceptance."}
            )
        return
    errors = {}
    if not detail.strip():
        errors["partial_acceptance_detail"] = (
            "Say which part of the recommendation is accepted and which is not."
        )
    part_count = recommendation.parts.count()
    if part_count:
        if not accepted_parts:
            errors["accepted_parts"] = "Choose the parts of the recommendation that are accepted."
        elif len(accepted_parts) >= part_count:
            errors["accepted_parts"] = (
                "All parts are chosen: that is an acceptance, not a partial acceptance."
            )
    if errors:
        raise ValidationError(errors)


def _response_check_complete(response: Response, accepted_parts: list) -> None:
    """What a response must say before it goes to the board."""
    errors = {}
    if not response.decision:
        errors["decision"] = "Choose whether the recommendation is accepted before submitting."
    if not response.text.strip():
        errors["text"] = "Enter the response before submitting."
    if errors:
        raise ValidationError(errors)
    _validate_partial_acceptance(
        recommendation=response.recommendation,
        decision=response.decision,
        detail=response.partial_acceptance_detail,
        accepted_parts=accepted_parts,
    )


def _response_mark_submitted(response: Response, user: User) -> Response:
    response.state = ResponseState.SUBMITTED
    response.submitted_by = user
    response.submitted_at = timezone.now()
    response.version += 1
    attribute(response, user).save()
    signals.response_submitted.send(Response, response=response)  # emails after commit
    return response


def _response_mark_agreed(
    response: Response, user: User, agreed_at: datetime, meeting: Meeting | None = None
) -> Response:
    """The board agreed the submitted response (at `meeting`, where it is recorded at one)."""
    response.state = ResponseState.AGREED
    response.agreed_by = user
    response.agreed_at = agreed_at
    if meeting is not None:
        response.agreed_at_meeting = meeting
    response.version += 1
    attribute(response, user).save()
    return response


@transaction.atomic
def response_save_draft(
    *,
    recommendation: Recommendation,
    user: User,
    response: Response | None = None,
    decision: str = "",
    text: str = "",
    proposed_action: str = "",
    responsible_officer: str = "",
    target_date: date | None = None,
    partial_acceptance_detail: str = "",
    accepted_parts: Iterable[RecommendationPart] = (),
    expected_version=UNCHECKED,
    submit: bool = False,
    require_complete: bool = False,
) -> Response:
    """Create the recommendation's response as a draft, or update the current draft; with
    `submit`, also send it to the board, in the same transaction and under the same lock
    (a refused submission leaves nothing half-made).

    `expected_version` is the version the editing form was opened at: if someone saved
    the draft since, nothing is written and EditConflict says what they changed. With
    `require_complete` the draft is saved only if it could be submitted (the step before
    the director checks their answers).
    """
    accepted_parts = list(accepted_parts)
    if (
        response is None
        and Response.objects.submitted().filter(recommendation=recommendation).exists()
    ):
        raise ValidationError("This recommendation already has a response.")
    # A new draft beside a colleague's (even one started a moment ago, which no check here
    # could see): the database's one-response rules decide, in _save_first, and the second
    # writer gets the usual "someone else changed this" with their text kept.
    response = _draft_to_write(Response, response, recommendation, user, expected_version)
    if any(part.recommendation_id != recommendation.pk for part in accepted_parts):
        raise ValidationError({"accepted_parts": "Choose parts of this recommendation."})
    response.recommendation = recommendation
    response.decision = decision
    response.text = text
    response.proposed_action = proposed_action
    response.responsible_officer = responsible_officer
    response.target_date = target_date
    response.partial_acceptance_detail = partial_acceptance_detail
    if submit or require_complete:
        _response_check_complete(response, accepted_parts)
    elif decision:
        _validate_partial_acceptance(
            recommendation=recommendation,
            decision=decision,
            detail=partial_acceptance_detail,
            accepted_parts=accepted_parts,
        )
    response.full_clean(exclude=["recommendation"])  # its uniqueness: _save_first
    _save_first(response, user, _response_started_meanwhile)
    response.accepted_parts.set(accepted_parts)
    if submit:
        _response_mark_submitted(response, user)
    return response


def _response_submit_locked(response: Response, user: User) -> Response:
    _require_draft(response)
    _response_check_complete(response, list(response.accepted_parts.all()))
    return _response_mark_submitted(response, user)


@transaction.atomic
def response_submit(*, response: Response, user: User, expected_version=UNCHECKED) -> Response:
    """Send a saved draft to the scrutiny board: from now on it is read, not edited.
    Refused if it changed since `expected_version` (the version its author checked)."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    _require_draft(response)
    check_version(response, expected_version)
    return _response_submit_locked(response, user)


class ResponsesRefused(ValidationError):
    """Some of several responses could not be saved, so none was: `by_recommendation`
    says why, for each recommendation's form."""

    def __init__(self, by_recommendation: dict[int, ValidationError]):
        super().__init__(
            "Nothing has been saved: correct the responses marked below and save again.",
            code="refused",
        )
        self.by_recommendation = by_recommendation


@transaction.atomic
def responses_save_drafts(
    *, user: User, drafts: Iterable[dict], require_complete: bool = False
) -> list[Response]:
    """Save several recommendations' responses as drafts in one step (a director answering
    a whole report on one page): each exactly as `response_save_draft` would, given that
    dict of its arguments, and all or none, so a refused one leaves none half-saved."""
    saved, refused = [], {}
    for draft in drafts:
        try:
            saved.append(response_save_draft(user=user, require_complete=require_complete, **draft))
        except ValidationError as error:
            refused[draft["recommendation"].pk] = error
    if refused:
        raise ResponsesRefused(refused)
    return saved


@transaction.atomic
def responses_submit(
    *, responses: Iterable[Response], expected_versions: Mapping[int, int | None], user: User
) -> list[Response]:
    """Send several drafts to the board at once, as the director checked them: all or none.
    A draft changed since the check page was shown (or posted without its version) is
    refused like any stale save, naming its recommendation."""
    pks = [response.pk for response in responses]
    if not pks:
        raise ValidationError("There are no draft responses to submit.")
    locked = list(
        Response.objects.select_for_update(of=("self",))
        .filter(pk__in=pks)
        .select_related("recommendation")
        .order_by("recommendation__number")
    )
    if len(locked) != len(set(pks)):
        raise ValidationError("A draft response has been removed meanwhile: check the list again.")
    for response in locked:
        try:
            check_version(response, expected_versions.get(response.pk))
            _response_submit_locked(response, user)
        except ValidationError as error:
            named = f"{response.recommendation.title}: {' '.join(error.messages)}"
            if isinstance(error, EditConflict):
                raise EditConflict(named, current_version=error.current_version) from None
            raise ValidationError(named) from None
    return locked


@transaction.atomic
def response_return(*, response: Response, user: User, reason: str) -> Response:
    """Send a submitted response back to its directorate to correct, saying why. It is a
    draft again (theirs alone until resubmitted); the history keeps the version that was
    submitted, and the reason is shown to the directorate."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the response is being returned."})
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.state != ResponseState.SUBMITTED:
        raise ValidationError("Only a submitted response that is not yet agreed can be returned.")
    response.state = ResponseState.DRAFT
    response.submitted_by = None
    response.submitted_at = None
    response.returned_at = timezone.now()
    response.returned_by = user
    response.return_reason = reason
    response.version += 1
    attribute(response, user).save()
    signals.response_returned.send(Response, response=response)
    return response


@transaction.atomic
def response_agree(*, response: Response, user: User) -> Response:
    """Record that the board (or the Executive Board) agreed the submitted response."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.state != ResponseState.SUBMITTED:
        raise ValidationError("Only a submitted response can be agreed.")
    return _response_mark_agreed(response, user, timezone.now())


@transaction.atomic
def responses_agree_at_meeting(
    *, responses: Iterable[Response], meeting: Meeting, user: User
) -> list[Response]:
    """Record that the board agreed these submitted responses at `meeting`: the meeting's
    date is the date they were agreed. All or none: one that is no longer submitted, or
    belongs to another board, refuses the lot."""
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError({"meeting": "That meeting was cancelled: choose the one held."})
    pks = [response.pk for response in responses]
    if not pks:
        raise ValidationError({"responses": "Choose the responses the board agreed."})
    locked = list(
        Response.objects.select_for_update(of=("self",))
        .filter(pk__in=pks)
        .select_related("recommendation__report")
        .order_by("recommendation__number")
    )
    agreed_on = timezone.make_aware(
        datetime.combine(meeting.date, meeting.start_time or time(12, 0))
    )
    for response in locked:
        if response.recommendation.report.committee_id != meeting.committee_id:
            raise ValidationError(
                f"The response to {response.recommendation.title} is not for {meeting.committee}."
            )
        if response.state != ResponseState.SUBMITTED:
            raise ValidationError(
                f"The response to {response.recommendation.title} is no longer waiting to be "
                "agreed (someone else changed it): nothing has been recorded. Check the list "
                "and agree again."
            )
        _response_mark_agreed(response, user, agreed_on, meeting)
    signals.responses_agreed.send(Response, responses=locked, meeting=meeting)
    return locked


def _statement_check_complete(statement: PositionStatement) -> None:
    if not statement.text.strip():
        raise ValidationError({"text": "Enter the position statement before submitting."})


@transaction.atomic
def position_statement_save_draft(
    *,
    recommendation: Recommendation,
    user: User,
    statement: PositionStatement | None = None,
    report_back_due_on: date,
    meeting: Meeting | None = None,
    text: str,
    proposed_status: TrackingStatus | None = None,
    expected_version=UNCHECKED,
    require_complete: bool = False,
) -> PositionStatement:
    """Create or update a draft statement; with `require_complete`, only if it could be
    submitted (the step before the director checks their answers)."""
    statement = _draft_to_write(
        PositionStatement, statement, recommendation, user, expected_version
    )
    statement.report_back_due_on = report_back_due_on
    statement.meeting = meeting
    statement.text = text
    statement.proposed_status = proposed_status
    if require_complete:
        _statement_check_complete(statement)
    statement.full_clean(exclude=["recommendation"])  # its uniqueness: _save_first
    _save_first(statement, user, _statement_started_meanwhile)
    return statement


@transaction.atomic
def position_statement_submit(
    *,
    statement: PositionStatement,
    user: User,
    expected_version=UNCHECKED,
) -> PositionStatement:
    """Send a saved position statement to the board, as `response_submit` does a response."""
    statement = PositionStatement.objects.select_for_update().get(pk=statement.pk)
    _require_draft(statement)
    check_version(statement, expected_version)
    _statement_check_complete(statement)
    statement.state = ResponseState.SUBMITTED
    statement.submitted_by = user
    statement.submitted_at = timezone.now()
    statement.version += 1
    attribute(statement, user).save()
    signals.statement_submitted.send(PositionStatement, statement=statement)
    return statement
