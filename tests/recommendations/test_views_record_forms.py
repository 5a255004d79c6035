"""The other record-keeping forms: committees, meetings, working groups, evidence."""

import pytest
from django.urls import reverse

from recommendations.models import (
    Meeting,
)
from tests.factories import (
    CommitteeMembershipFactory,
    InquiryFactory,
)
from tests.viewkit import (
    PROBLEM,
    assert_rejected,
    client_for,
    page,
)

pytestmark = pytest.mark.django_db


# --- The other record-keeping forms -------------------------------------------------------


def test_an_officer_adds_a_committee_and_a_duplicate_name_is_refused(request, committee):
    client = client_for(request, "officer")
    url = reverse("recommendations:committee_create")
    response = client.post(url, {"name": "Executive Board", "kind": "executive"})
    assert response.status_code == 302
    response = client.post(url, {"name": committee.name, "kind": "scrutiny"})
    assert_rejected(response, "already exists")
    response = client.post(url, {"name": "", "kind": "scrutiny"})
    assert_rejected(response, "Enter name")
    assert committee.__class__.objects.count() == 2


def test_a_meeting_time_must_be_a_time(request, committee):
    client = client_for(request, "officer")
    response = client.post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"date": "2012-07-12", "start_time": "25:99", "status": "scheduled"},
    )
    assert_rejected(response, "Enter a valid time.")
    response = client.post(
        reverse("recommendations:meeting_create", args=[committee.pk]),
        {"date": "", "status": "scheduled"},
    )
    assert_rejected(response, "Enter date")
    assert not Meeting.objects.exists()


def test_an_officer_adds_working_groups_from_the_boards_members(request, committee):
    inquiry = InquiryFactory(committee=committee)
    chair = CommitteeMembershipFactory(committee=committee, name="Cllr Blackburn", is_chair=True)
    member = CommitteeMembershipFactory(committee=committee, name="Cllr Hyde")
    outsider = CommitteeMembershipFactory(name="Cllr Elsewhere")
    client = client_for(request, "officer")
    url = reverse("recommendations:working_group_create", args=[inquiry.pk])
    response = client.post(
        url,
        {"name": "Resources", "chair": chair.pk, "members": [chair.pk, member.pk]},
    )
    assert response["Location"] == inquiry.get_absolute_url()
    group = inquiry.working_groups.get()
    assert set(group.members.all()) == {chair, member}
    html = page(client.get(inquiry.get_absolute_url()))
    assert "Cllr Blackburn, Cllr Hyde" in html or "Cllr Hyde, Cllr Blackburn" in html

    response = client.post(url, {"name": "Resources"})
    assert_rejected_anywhere(response, "already exists")
    response = client.post(url, {"name": "Preventative Duty", "chair": outsider.pk})
    assert_rejected(response, "Select a valid choice.")
    assert inquiry.working_groups.count() == 1


def test_an_officer_adds_evidence_to_an_inquiry(request, committee):
    inquiry = InquiryFactory(committee=committee)
    other_group = InquiryFactory(committee=committee).working_groups.create(name="Elsewhere")
    client = client_for(request, "officer")
    url = reverse("recommendations:evidence_create", args=[inquiry.pk])
    response = client.post(
        url, {"kind": "document", "title": "Ofsted report", "considered_on": "2009-04-01"}
    )
    assert response.status_code == 302
    assert "Ofsted report" in page(client.get(inquiry.get_absolute_url()))
    response = client.post(url, {"kind": "document", "title": ""})
    assert_rejected(response, "Enter title")
    response = client.post(
        url, {"kind": "document", "title": "Misfiled", "working_group": other_group.pk}
    )
    assert_rejected(response, "Select a valid choice.")
    assert inquiry.evidence.count() == 1


def assert_rejected_anywhere(response, message: str):
    """For errors about the record as a whole, shown above the fields."""
    assert response.status_code == 200
    assert PROBLEM in page(response)
    assert message in page(response)
