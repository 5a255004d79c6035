"""Random and malicious values posted to every form and query string: never a 500,
nothing stored from a refused form, and what is shown back is always escaped."""

from datetime import date
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.conf import settings as settings_module
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.module_loading import import_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    CommitteeFactory,
    DirectorateUserFactory,
    InquiryFactory,
    MeetingFactory,
    OfficerFactory,
    RecommendationFactory,
    ReportFactory,
    ResponseFactory,
    submitted_response,
)
from tests.inspections.factories import InspectionFactory, PlanFactory

SCRIPT = "<script>alert('x')</script>"
MALICIOUS = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    "'; DROP TABLE recommendations_recommendation; --",
    "1 OR 1=1",
    "\x00",
    "\x1b[31m\x07",
    "\u202eevil\u202c",
    "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
    "𝕿𝖍𝖊 𝖇𝖔𝖆𝖗𝖉",
    "2012-02-30",
    "31/13/2012",
    "0000-00-00",
    "-1",
    "99999999999999999999",
    "x" * 20000,
    "",
    " ",
]
hostile = st.one_of(st.sampled_from(MALICIOUS), st.text(max_size=300))


def form_fields(form_path: str) -> list[str]:
    """What a form posts: its declared fields, and the version a versioned form adds."""
    return [*import_string(form_path).base_fields, "version"]


# Forms are posted with every one of their fields set to a hostile value.
FORMS = {
    "recommendations:committee_create": ((), "recommendations.forms.CommitteeForm"),
    "recommendations:meeting_create": (("committee",), "recommendations.forms.MeetingForm"),
    "recommendations:inquiry_create": ((), "recommendations.forms.InquiryForm"),
    "recommendations:report_create": (("inquiry",), "recommendations.forms.ReportForm"),
    "recommendations:recommendation_create": (
        ("report",),
        "recommendations.forms.RecommendationForm",
    ),
    "recommendations:report_back_schedule": (
        ("recommendation",),
        "recommendations.forms.ReportBackScheduleForm",
    ),
    "recommendations:working_group_create": (
        ("inquiry",),
        "recommendations.forms.WorkingGroupForm",
    ),
    "recommendations:record_withdraw": (
        ("=recommendations", "recommendation"),
        "recommendations.withdrawal.WithdrawForm",
    ),
    "recommendations:evidence_create": (("inquiry",), "recommendations.forms.EvidenceForm"),
}
RESPONSE_FIELDS = form_fields("responses.forms.ResponseForm")
LIST_PARAMETERS = [
    "q",
    "committee",
    "inquiry",
    "directorate",
    "decision",
    "status",
    "overdue",
    "due_before",
    "sort",
    "page",
]
HYPOTHESIS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# The other apps' forms: their fields are read from the form classes themselves.
OTHER_FORMS = {
    "papers:response_edit": (("report",), "papers.forms.ResponsePaperForm"),
    "deadlines:report_back_move": (("recommendation",), "deadlines.forms.ReportBackMoveForm"),
    "inspections:inspection_create": ((), "inspections.forms.InspectionForm"),
    "inspections:judgement_create": (("inspection",), "inspections.forms.JudgementForm"),
    "inspections:area_create": (("inspection",), "inspections.forms.AreaForImprovementForm"),
    "inspections:plan_create": ((), "inspections.forms.ImprovementPlanForm"),
    "inspections:strand_create": (("plan",), "inspections.forms.ImprovementStrandForm"),
    "inspections:action_create": (("plan",), "inspections.forms.ImprovementActionForm"),
    "recommendations:meeting_series_create": (
        ("committee",),
        "recommendations.forms.MeetingSeriesForm",
    ),
    "responses:response_return": (("submitted",), "responses.views.ReturnForm"),
    "responses:responses_agree": (("report",), "responses.forms.AgreeResponsesForm"),
}


@pytest.fixture
def world(db):
    committee = CommitteeFactory()
    inquiry = InquiryFactory(committee=committee)
    report = ReportFactory(inquiry=inquiry)
    MeetingFactory(committee=committee, date=date(2012, 7, 19))
    recommendation = RecommendationFactory(report=report)
    return {
        "committee": committee,
        "inquiry": inquiry,
        "report": report,
        "recommendation": recommendation,
        "draft": ResponseFactory(recommendation=RecommendationFactory(report=report)),
        "submitted": submitted_response(RecommendationFactory(report=report)),
        "inspection": InspectionFactory(committee=committee),
        "plan": PlanFactory(committee=committee),
    }


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"recommendations", "responses"}
    }


def assert_safe(response) -> None:
    assert response.status_code in {200, 302, 403, 404}, response.status_code
    if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
        assert SCRIPT not in response.text
        assert "onerror=alert(1)>" not in response.text


@pytest.mark.parametrize("url_name", list(FORMS))
def test_officer_forms_survive_hostile_input(client, world, url_name):
    client.force_login(OfficerFactory())
    objects, form_path = FORMS[url_name]
    fields = form_fields(form_path)
    url = reverse(
        url_name,
        args=[url_argument(world, name) for name in objects],
    )

    @HYPOTHESIS
    @given(values=st.fixed_dictionaries({name: hostile for name in fields}))
    def post(values):
        before = row_counts()
        response = client.post(url, values)
        assert_safe(response)
        if response.status_code == 200:  # refused: the form is shown again
            assert row_counts() == before

    post()


@pytest.mark.parametrize("url_name", list(OTHER_FORMS))
def test_the_other_apps_forms_survive_hostile_input(client, world, url_name):
    client.force_login(OfficerFactory())
    objects, form_path = OTHER_FORMS[url_name]
    fields = form_fields(form_path)
    url = reverse(url_name, args=[url_argument(world, name) for name in objects])

    @HYPOTHESIS
    @given(values=st.fixed_dictionaries({name: hostile for name in fields}))
    def post(values):
        # Follow a successful save to the page that shows what was stored: still escaped.
        assert_safe(client.post(url, values, follow=True))

    post()


def test_the_response_form_survives_hostile_input(client, world):
    draft = world["draft"]
    client.force_login(DirectorateUserFactory(directorate=draft.recommendation.directorate))
    url = reverse("responses:response_update", args=[draft.pk])

    @HYPOTHESIS
    @given(
        values=st.fixed_dictionaries({name: hostile for name in RESPONSE_FIELDS}),
        button=st.sampled_from(["save", "submit"]),
    )
    def post(values, button):
        response = client.post(url, {**values, button: "1"})
        assert_safe(response)

    post()


def test_the_assessments_form_survives_hostile_input(client, world):
    client.force_login(OfficerFactory())
    recommendation = RecommendationFactory(
        report=world["report"], report_back_month=date(2012, 7, 1)
    )
    meeting = world["committee"].meetings.get()
    url = reverse("recommendations:assessments_record", args=[meeting.pk])

    @HYPOTHESIS
    @given(status=hostile, comment=hostile, page=hostile)
    def post(status, comment, page):
        prefix = f"rec-{recommendation.pk}"
        # The form comes a page at a time: a hostile page number too, in GET and POST.
        paged = f"{url}?{urlencode({'page': page})}"
        assert_safe(client.get(paged))
        response = client.post(paged, {f"{prefix}-status": status, f"{prefix}-comment": comment})
        assert_safe(response)

    post()


def test_an_oversized_body_is_refused_everywhere_without_a_500(client, world):
    """Issue 12, finding 8: a body over the cap, file parts included, on any form."""
    client.force_login(OfficerFactory())
    too_big = SimpleUploadedFile("big.bin", b"x" * (settings_module.REQUEST_MAX_BYTES + 1))
    for name, (args, form_path) in FORMS.items():
        url = reverse(name, args=[url_argument(world, arg) for arg in args])
        fields = {field: "x" for field in form_fields(form_path)}
        response = client.post(url, fields | {"file": too_big})
        too_big.seek(0)
        assert response.status_code == 413, name


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_list_query_string_survives_hostile_input(client, world, signed_in):
    if signed_in:
        client.force_login(OfficerFactory())
    url = reverse("recommendations:recommendation_list")

    @HYPOTHESIS
    @given(values=st.dictionaries(st.sampled_from(LIST_PARAMETERS), hostile, max_size=5))
    def get(values):
        assert_safe(client.get(url, values))

    get()


def test_wrong_ids_in_urls_are_not_found(client, db):
    @HYPOTHESIS
    @given(
        object_id=st.one_of(
            st.integers(min_value=-(2**70), max_value=2**70), st.sampled_from(MALICIOUS)
        )
    )
    def get(object_id):
        for path in [
            "/recommendations/{}/",
            "/reports/{}/",
            "/responses/{}/",
            "/meetings/{}/tracking/",
        ]:
            assert_safe(client.get(path.format(object_id)))

    get()


# Issue 15's forms: inviting people (the administrator), a forgotten password (anyone).
ACCOUNT_FORMS = {
    "accounts:invite": "accounts.forms.InvitationForm",
    "password_reset": "django.contrib.auth.forms.PasswordResetForm",
}


@pytest.mark.parametrize("url_name", list(ACCOUNT_FORMS))
def test_the_account_forms_survive_hostile_input(client, world, url_name):
    from accounts.models import User

    client.force_login(OfficerFactory(is_staff=True, is_superuser=True))
    fields = list(import_string(ACCOUNT_FORMS[url_name]).base_fields)
    url = reverse(url_name)

    @HYPOTHESIS
    @given(values=st.fixed_dictionaries({name: hostile for name in fields}))
    def post(values):
        before = User.objects.count()
        response = client.post(url, values, follow=True)
        assert_safe(response)
        if response.redirect_chain == []:
            assert User.objects.count() == before


# --- Bulk entry, import and export (exchange) -------------------------------------------

BULK_COMMON_FIELDS = list(import_string("recommendations.forms.BulkCommonForm").base_fields)
BULK_ITEM_FIELDS = list(import_string("recommendations.forms.BulkItemForm").base_fields)


def test_the_bulk_entry_form_survives_hostile_input(client, world):
    client.force_login(OfficerFactory())
    url = reverse("recommendations:recommendations_bulk_add", args=[world["report"].pk])

    @HYPOTHESIS
    @given(
        pasted=hostile,
        common=st.fixed_dictionaries({name: hostile for name in BULK_COMMON_FIELDS}),
        item=st.fixed_dictionaries({name: hostile for name in BULK_ITEM_FIELDS}),
        total=st.sampled_from(["1", "0", "-1", "99999999", "x", ""]),
        button=st.sampled_from(["split", "save"]),
    )
    def post(pasted, common, item, total, button):
        before = row_counts()
        items = {f"rec-0-{name}": value for name, value in item.items()}
        management = {"rec-TOTAL_FORMS": total, "rec-INITIAL_FORMS": "0"}
        response = client.post(
            url, {"pasted": pasted, **common, **items, **management, button: "1"}, follow=True
        )
        assert_safe(response)
        if button == "split":
            assert row_counts() == before

    post()


def test_the_invitation_csv_survives_hostile_input(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from accounts.models import User

    client.force_login(OfficerFactory(is_staff=True, is_superuser=True))
    url = reverse("accounts:invite_csv")

    @HYPOTHESIS
    @given(cells=st.lists(hostile, min_size=1, max_size=8))
    def post(cells):
        before = User.objects.count()
        text = "first name,last name,email,role,directorate\n" + ",".join(
            '"' + cell.replace('"', '""') + '"' for cell in cells
        )
        upload = SimpleUploadedFile("people.csv", text.encode("utf-8", "surrogatepass"))
        response = client.post(url, {"file": upload})
        assert_safe(response)
        if response.status_code == 200:
            assert User.objects.count() == before


def test_the_import_options_form_survives_hostile_input(client, world):
    from exchange.models import ImportJob

    officer = OfficerFactory()
    client.force_login(officer)
    job = ImportJob.objects.create(
        created_by=officer,
        filename="t.csv",
        content=b"Committee,Recommendation,Status,Response\nBoard,Text,odd,maybe\n",
    )
    url = reverse("exchange:import_detail", args=[job.pk])
    fields = ["column_0", "column_1", "column_2", "column_3", "status_0", "decision_0"]

    @HYPOTHESIS
    @given(
        values=st.fixed_dictionaries(
            {name: hostile for name in [*fields, "committee", "report", "report_date"]}
        ),
        button=st.sampled_from(["check", "import"]),
    )
    def post(values, button):
        before = row_counts()
        response = client.post(url, {**values, button: "1"})
        assert_safe(response)
        if button == "check":
            assert row_counts() == before

    post()


def test_the_upload_form_survives_hostile_files(client, db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(OfficerFactory())
    url = reverse("exchange:import_start")

    @HYPOTHESIS
    @given(
        name=st.sampled_from(["t.csv", "t.xlsx", "t.xls", "t.txt", SCRIPT + ".csv", "x" * 300]),
        content=st.one_of(
            st.binary(max_size=2000),
            st.sampled_from([b"PK\x03\x04" + b"\x00" * 100, SCRIPT.encode(), b"\xff\xfe"]),
            st.text(max_size=500).map(str.encode),
        ),
        sheet=hostile,
    )
    def post(name, content, sheet):
        response = client.post(
            url, {"file": SimpleUploadedFile(name, content), "sheet": sheet}, follow=True
        )
        assert_safe(response)

    post()


def test_the_two_factor_code_form_survives_hostile_input(client, world):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = OfficerFactory(username="sam")
    user.set_password("a-long-enough-password-2026")
    user.save()
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.post(reverse("login"), {"username": "sam", "password": "a-long-enough-password-2026"})

    @HYPOTHESIS
    @given(code=hostile)
    def post(code):
        response = client.post(reverse("accounts:two_factor"), {"code": code})
        if response.status_code != 429:  # after five wrong codes: the lockout page
            assert_safe(response)
        assert "_auth_user_id" not in client.session

    post()


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_list_downloads_survive_hostile_query_strings(client, world, format):
    url = reverse("recommendations:recommendation_list")

    @HYPOTHESIS
    @given(values=st.dictionaries(st.sampled_from(LIST_PARAMETERS), hostile, max_size=5))
    def get(values):
        response = client.get(url, {**values, "format": format})
        assert response.status_code == 200

    get()


def test_the_api_survives_hostile_query_strings(client, world):
    api_parameters = [p for p in LIST_PARAMETERS if p != "page"] + ["page", "page_size", "source"]

    @HYPOTHESIS
    @given(values=st.dictionaries(st.sampled_from(api_parameters), hostile, max_size=5))
    def get(values):
        for path in ["/api/v1/recommendations", "/api/v1/reports", "/api/v1/meetings"]:
            response = client.get(path, values)
            assert response.status_code in {200, 422}, (path, values, response.status_code)

    get()


def url_argument(world, name: str):
    """A URL argument: "=text" is the literal text, anything else an object's id."""
    return name[1:] if name.startswith("=") else world[name].pk
