"""Every write to a paper's narrative goes through these functions."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from accounts.models import User

from .models import ResponsePaper


@transaction.atomic
def response_paper_save(*, paper: ResponsePaper, user: User) -> ResponsePaper:
    """Validate and save the officer-written parts of a report's response paper."""
    if not user.has_perm("papers.change_responsepaper", paper):
        raise PermissionDenied("Only scrutiny officers write response papers.")
    paper.updated_by = user
    paper.full_clean()
    paper.save()
    return paper
