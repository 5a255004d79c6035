"""A read-only JSON API of what the public may see, under /api/v1/ (django-ninja).

It is composed here, at the top, like the list page whose filters it shares.

Everything is read as the public reads it, whoever asks: published, non-exempt reports
and their recommendations, agreed responses and the board's tracking decisions, through
the same selectors and filters as the pages. The OpenAPI 3 schema is /api/v1/openapi.json.
"""

from datetime import date, datetime, time
from typing import Annotated, Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError
from ninja.pagination import PaginationBase, paginate

from core.keyset import COUNT_LIMIT, keyset_page
from recommendations.models import (
    Committee,
    Meeting,
    TrackingAssessment,
)
from recommendations.selectors import (
    inquiries_listed,
    recommendations_visible_to,
    reports_visible_to,
)
from responses.models import Response, ResponseState
from responses.selectors import recommendations_with_response

from .filters import RecommendationFilter

api = NinjaAPI(
    title="Scrutiny tracker open data",
    version="1",
    description=(
        "Committees, meetings, inquiries, published reports and their recommendations, with "
        "the agreed response and the board's latest tracking decision. Read-only; lists are "
        "paginated by `next` and `previous` links (page_size up to 100)."
    ),
    urls_namespace="api",
    docs_url=None,  # the interactive docs load scripts from a CDN, which our CSP forbids
    openapi_url="/openapi.json",
)
PUBLIC = AnonymousUser()


PAGE_SIZE = 50
MAX_PAGE_SIZE = 100

# Ids as the databases hold them: a larger number is a clear 422, not a database error.
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


class Pages(PaginationBase):
    """Seek pagination, as the list pages have it (core.keyset): `next` and `previous` are
    links that carry the sort keys of the page's edge row, so the thousandth page costs
    what the first does, and `count` stops at 1,000 (`count_is_exact` says whether it
    did). Page numbers would make the database count and skip every row before the page."""

    class Input(Schema):
        after: str | None = Field(
            None, max_length=2000, description="From a `next` link: the page after a row"
        )
        before: str | None = Field(
            None, max_length=2000, description="From a `previous` link: the page before a row"
        )
        page_size: int = Field(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)
        page: int | None = Field(
            None, description="Not taken: follow `next` and `previous` (a 422 says so)"
        )

    class Output(Schema):
        items: list[Any]
        count: int = Field(description=f"How many in all, counting no further than {COUNT_LIMIT:,}")
        count_is_exact: bool = Field(description=f"False when there are more than {COUNT_LIMIT:,}")
        next: str | None = Field(description="The next page's address, if there is one")
        previous: str | None = Field(description="The previous page's address, if there is one")

    def paginate_queryset(self, queryset: QuerySet, pagination: Input, request, **params):
        if pagination.page is not None:
            # Page numbers were taken before: say so rather than answer page 1 again.
            raise HttpError(422, "page: lists are paged by their next and previous links")
        page = keyset_page(
            queryset,
            per_page=pagination.page_size,
            params={"after": pagination.after or "", "before": pagination.before or ""},
        )
        return {
            "items": page.object_list,
            "count": page.count,
            "count_is_exact": page.count_is_exact,
            "next": _page_link(request, after=page.next_cursor) if page.has_next else None,
            "previous": (
                _page_link(request, before=page.previous_cursor) if page.has_previous else None
            ),
        }


def _page_link(request, **cursor: str) -> str:
    query = request.GET.copy()
    for name in ("after", "before"):
        query.pop(name, None)
    query.update(cursor)
    return f"{request.path}?{query.urlencode()}"


class CommitteeOut(Schema):
    id: int
    name: str
    kind: str
    remit: str


class MeetingOut(Schema):
    id: int
    committee_id: int
    date: date
    start_time: time | None
    place: str
    status: str


class InquiryOut(Schema):
    id: int
    committee_id: int
    title: str
    kind: str
    status: str
    started_on: date | None
    concluded_on: date | None


class ReportOut(Schema):
    id: int
    committee_id: int
    inquiry_id: int | None
    inspection_id: int | None
    kind: str
    title: str
    published_on: date | None
    received_on: date | None
    response_due_on: date | None
    summary: str


class PartOut(Schema):
    label: str
    text: str


class AgreedResponseOut(Schema):
    decision: str = Field(description="accepted, partial or not_accepted")
    text: str
    proposed_action: str
    target_date: date | None
    agreed_at: datetime | None


class StatusOut(Schema):
    position: int
    name: str
    ends_monitoring: bool


class TrackingDecisionOut(Schema):
    meeting_id: int
    meeting_date: date
    status: StatusOut
    comment: str


class RecommendationOut(Schema):
    id: int
    report_id: int
    committee_id: int
    reference: str = Field(description="As printed in the report")
    number: int = Field(description="Its order in the report")
    text: str
    addressed_to: str = Field(description="directorate, executive, council or other")
    addressee: str
    lead_officer: str
    next_report_back_on: date | None
    parts: list[PartOut]
    agreed_response: AgreedResponseOut | None
    latest_tracking_decision: TrackingDecisionOut | None

    @staticmethod
    def resolve_addressee(obj) -> str:
        return obj.addressee_label

    @staticmethod
    def resolve_committee_id(obj) -> int:
        return obj.report.committee_id

    @staticmethod
    def resolve_parts(obj) -> list:
        return list(obj.parts.all())

    @staticmethod
    def resolve_agreed_response(obj):
        return obj.agreed_responses[0] if obj.agreed_responses else None

    @staticmethod
    def resolve_latest_tracking_decision(obj):
        if not obj.latest_assessments:
            return None
        assessment = obj.latest_assessments[-1]
        return {
            "meeting_id": assessment.meeting_id,
            "meeting_date": assessment.meeting.date,
            "status": assessment.status,
            "comment": assessment.comment,
        }


class RecommendationFilters(Schema):
    """The list page's own filters (recommendations.filters.RecommendationFilter)."""

    q: str | None = Field(None, description="Words in the text, report, inquiry or officer")
    committee: Id | None = None
    source: str | None = Field(None, description="inquiry or inspection")
    inquiry: Id | None = None
    directorate: Id | None = None
    decision: str | None = Field(
        None, description="accepted, partial, not_accepted or none (no agreed response)"
    )
    status: str | None = Field(
        None, description="A tracking status id, or none (not yet assessed)", max_length=20
    )
    overdue: bool | None = None
    due_before: date | None = None
    sort: str | None = Field(None, description="due, -due, published, -published, status, -status")


def _public_recommendations():
    # With what the list's filters read of each response (its decision, as the public
    # may read it).
    return recommendations_with_response(
        recommendations_visible_to(PUBLIC), PUBLIC
    ).prefetch_related(
        "parts",
        Prefetch(
            "responses",
            queryset=Response.objects.filter(state=ResponseState.AGREED),
            to_attr="agreed_responses",
        ),
        Prefetch(
            "assessments",
            queryset=TrackingAssessment.objects.select_related("meeting", "status").order_by(
                "meeting__date", "pk"
            ),
            to_attr="latest_assessments",
        ),
    )


@api.get("/committees", response=list[CommitteeOut], tags=["committees"])
@paginate(Pages)
def committees(request):
    return Committee.objects.order_by("name", "pk")


@api.get("/committees/{committee_id}", response=CommitteeOut, tags=["committees"])
def committee(request, committee_id: Id):
    return get_object_or_404(Committee, pk=committee_id)


@api.get("/meetings", response=list[MeetingOut], tags=["meetings"])
@paginate(Pages)
def meetings(request, committee: Id | None = None):
    found = Meeting.objects.order_by("-date", "pk")
    return found.filter(committee=committee) if committee else found


@api.get("/meetings/{meeting_id}", response=MeetingOut, tags=["meetings"])
def meeting(request, meeting_id: Id):
    return get_object_or_404(Meeting, pk=meeting_id)


@api.get("/inquiries", response=list[InquiryOut], tags=["inquiries"])
@paginate(Pages)
def inquiries(request, committee: Id | None = None):
    found = inquiries_listed().order_by("-started_on", "title", "pk")
    return found.filter(committee=committee) if committee else found


@api.get("/inquiries/{inquiry_id}", response=InquiryOut, tags=["inquiries"])
def inquiry(request, inquiry_id: Id):
    return get_object_or_404(inquiries_listed(), pk=inquiry_id)


@api.get("/reports", response=list[ReportOut], tags=["reports"])
@paginate(Pages)
def reports(request, committee: Id | None = None, inquiry: Id | None = None):
    found = reports_visible_to(PUBLIC).order_by("-published_on", "title", "pk")
    if committee:
        found = found.filter(committee=committee)
    if inquiry:
        found = found.filter(inquiry=inquiry)
    return found


@api.get("/reports/{report_id}", response=ReportOut, tags=["reports"])
def report(request, report_id: Id):
    return get_object_or_404(reports_visible_to(PUBLIC), pk=report_id)


@api.get("/recommendations", response=list[RecommendationOut], tags=["recommendations"])
@paginate(Pages)
def recommendations(request, filters: Query[RecommendationFilters]):
    # Newest report first, as the list page: an index serves it (rec_list_order).
    base = _public_recommendations().order_by(F("report").desc(), "number", "pk")
    chosen = {k: v for k, v in filters.dict().items() if v not in (None, "")}
    if chosen.get("overdue") is False:
        chosen.pop("overdue")
    filterset = RecommendationFilter({k: str(v) for k, v in chosen.items()}, queryset=base)
    if not filterset.is_valid():
        problems = "; ".join(
            f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()
        )
        raise HttpError(422, problems)
    return filterset.qs


@api.get(
    "/recommendations/{recommendation_id}", response=RecommendationOut, tags=["recommendations"]
)
def recommendation(request, recommendation_id: Id):
    return get_object_or_404(_public_recommendations(), pk=recommendation_id)
