"""Links to a record's page, made once per route: the same links reverse() makes."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.reversing import url_for_id

ROUTES = [
    "recommendations:recommendation_detail",
    "recommendations:meeting_detail",
    "recommendations:report_detail",
    "recommendations:committee_detail",
    "recommendations:inquiry_detail",
    "responses:response_detail",
    "responses:statement_detail",
    "inspections:inspection_detail",
    "inspections:plan_detail",
    "exchange:import_detail",
    "core:job_detail",
]


@pytest.mark.parametrize("name", ROUTES)
@pytest.mark.parametrize("pk", [1, 7, 123_456_789])
def test_a_records_link_is_the_one_reverse_makes(name, pk):
    assert url_for_id(name, pk) == reverse(name, args=[pk])


def test_a_records_link_keeps_the_sites_script_prefix():
    """Served under a path (SCRIPT_NAME), links carry it, as reverse()'s do."""
    name = "recommendations:recommendation_detail"
    plain = url_for_id(name, 42)
    set_script_prefix("/scrutiny/")
    try:
        assert url_for_id(name, 42) == reverse(name, args=[42])
        assert url_for_id(name, 42) == "/scrutiny" + plain
    finally:
        set_script_prefix("/")
    assert url_for_id(name, 42) == plain


def test_a_route_without_an_id_is_refused_as_reverse_refuses_it():
    with pytest.raises(NoReverseMatch):
        url_for_id("home", 1)
