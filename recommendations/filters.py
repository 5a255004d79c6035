"""Filters of the record's own lists (the recommendations list, which shows responses and
deadlines too, has its filters in scrutiny.filters)."""

import django_filters

from .models import Committee, Inquiry


class InquiryFilter(django_filters.FilterSet):
    """The inquiry list by board: a committee's page links to its inquiries here."""

    committee = django_filters.ModelChoiceFilter(
        queryset=Committee.objects.order_by("name"), empty_label="All committees"
    )

    class Meta:
        model = Inquiry
        fields: list[str] = []
