"""The recommendations list's filters: the record, its responses and its deadlines."""

import django_filters
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Q
from django.utils import timezone
from django_filters.constants import EMPTY_VALUES

from core.forms import GovukDateField
from deadlines.engine import recommendations_overdue
from deadlines.selectors import committees_of, sees_own_committees
from recommendations.models import Committee, Directorate, Inquiry, Recommendation, TrackingStatus
from responses.models import ResponseDecision
from responses.search import recommendations_matching
from responses.selectors import no_readable_response

# What the sort select says of the list's order when a search is not sorted otherwise.
SEARCH_ORDER_LABEL = "Best match first"


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    """Rows with nothing to sort by (no report-back due, not yet assessed) go last on
    both databases; SQLite and PostgreSQL disagree by default."""

    def get_ordering_value(self, param):
        descending = param.startswith("-")
        field = F(self.param_map.get(param.lstrip("-"), param.lstrip("-")))
        return field.desc(nulls_last=True) if descending else field.asc(nulls_last=True)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.order_by(*[self.get_ordering_value(param) for param in value], "report", "number")


class GovukDateFilter(django_filters.Filter):
    """A date in GOV.UK's day, month and year boxes (an ISO date in a link still works)."""

    field_class = GovukDateField


class RecommendationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="Search", method="search")
    committee = django_filters.ModelChoiceFilter(
        field_name="report__committee",
        queryset=Committee.objects.all(),
        empty_label="All committees",
    )
    source = django_filters.ChoiceFilter(
        label="Source",
        choices=[("inquiry", "Scrutiny inquiries"), ("inspection", "Inspections")],
        empty_label="Inquiries and inspections",
        method="filter_source",
    )
    # Any inquiry is accepted (links and the API name one by id), but the select offers
    # only the chosen committee's: thousands of options would outweigh the page.
    inquiry = django_filters.ModelChoiceFilter(
        field_name="report__inquiry",
        queryset=Inquiry.objects.active(),
        empty_label="All inquiries",
        help_text="Choose a committee and apply the filters to choose one of its inquiries.",
    )
    directorate = django_filters.ModelChoiceFilter(
        queryset=Directorate.objects.all(), empty_label="All directorates"
    )
    decision = django_filters.ChoiceFilter(
        label="Response",
        field_name="visible_decision",
        choices=[*ResponseDecision.choices, ("none", "No response yet")],
        empty_label="Any response",
        method="filter_decision",
    )
    status = django_filters.ModelChoiceFilter(
        label="Tracking status",
        field_name="current_status",
        queryset=TrackingStatus.objects.all(),
        empty_label="Any status",
        # The home pages count the recommendations not yet assessed; their count links here.
        null_label="Not yet assessed",
        null_value="none",
    )
    # A member's home page counts their own committees' recommendations; its counts link
    # here with this ticked, so that the list holds what was counted.
    mine = django_filters.BooleanFilter(
        label="Only my committees",
        method="filter_mine",
        widget=forms.CheckboxInput,
    )
    overdue = django_filters.BooleanFilter(
        label="Only overdue",
        method="filter_overdue",
        widget=forms.CheckboxInput,
    )
    due_before = GovukDateFilter(
        label="Report-back due before",
        field_name="next_report_back_on",
        lookup_expr="lt",
        help_text="For example, 27 3 2012",
    )
    sort = NullsLastOrderingFilter(
        label="Sort by",
        empty_label="Report and number",
        fields=(
            ("next_report_back_on", "due"),
            ("report__published_on", "published"),
            ("current_status__position", "status"),
        ),
        # django-filter labels an ascending sort by its field, a descending one by "-" and
        # its name in the link.
        field_labels={
            "next_report_back_on": "Next report-back, soonest first",
            "-due": "Next report-back, latest first",
            "report__published_on": "Oldest report first",
            "-published": "Newest report first",
            "current_status__position": "Tracking status",
            "-status": "Tracking status, reversed",
        },
    )

    class Meta:
        model = Recommendation
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.request is None or not sees_own_committees(self.request.user):
            del self.filters["mine"]

    @property
    def form(self):
        form = super().form
        inquiry = form.fields["inquiry"]
        if not getattr(inquiry, "narrowed", False):
            inquiry.widget.choices = [("", inquiry.empty_label), *self._inquiry_choices()]
            inquiry.narrowed = True
        sort = form.fields["sort"]
        if self._searching() and not getattr(sort, "for_search", False):
            # A search not sorted otherwise lists the best matches first (`search`), so
            # the sort left unchosen says that, not "Report and number".
            sort.widget.choices = [("", SEARCH_ORDER_LABEL), *list(sort.widget.choices)[1:]]
            sort.for_search = True
        return form

    def _searching(self) -> bool:
        return bool(str(self.data.get("q", "")).strip())

    def _inquiry_choices(self) -> list[tuple[int, str]]:
        """The chosen committee's inquiries, and the chosen inquiry (one query)."""
        chosen = Q()
        for name, lookup in (("committee", "committee"), ("inquiry", "pk")):
            value = str(self.data.get(name, "")).strip()
            if value.isascii() and value.isdigit() and len(value) < 19:
                chosen |= Q(**{lookup: int(value)})
        if not chosen:
            return []
        return [
            (inquiry.pk, str(inquiry))
            for inquiry in Inquiry.objects.active().filter(chosen).order_by("title", "pk")
        ]

    def search(self, queryset, name, value):
        return recommendations_matching(queryset, value, self._reader())

    def filter_source(self, queryset, name, value):
        if value == "inquiry":
            return queryset.filter(report__inquiry__isnull=False)
        if value == "inspection":
            return queryset.filter(report__inspection__isnull=False)
        return queryset

    def filter_decision(self, queryset, name, value):
        if value == "none":
            return queryset.filter(no_readable_response(self._reader()))
        return queryset.filter(visible_decision=value)

    def _reader(self):
        """Whose reading the list filters by: the request's user, else the public's (the
        open-data API)."""
        return self.request.user if self.request is not None else AnonymousUser()

    def filter_mine(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(report__committee__in=committees_of(self.request.user))

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return recommendations_overdue(queryset, timezone.localdate())
