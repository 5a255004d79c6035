"""The scrutiny record: boards, meetings, inquiries, their reports and recommendations,
and the board's tracking of each recommendation across meetings."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from core.constraints import dates_in_order
from core.reversing import url_for_id
from council.selectors import council_settings

from .dates import add_months
from .report_backs import ReportBackOccurrence, next_report_back


class Withdrawable(models.Model):
    """A piece of the record that can be withdrawn when it was entered by mistake.

    Withdrawn is not deleted: the row, its history and the reason stay (officers can see
    and restore it), but `.active()` — which every list, count, worklist and paper reads
    through the visibility selectors — leaves it out. The default manager keeps every
    row, so the admin, backups, foreign keys and restoring still reach it."""

    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    withdrawn_reason = models.TextField("Reason for withdrawing", blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def withdrawn_with(self) -> "Withdrawable | None":
        """What took this out of the record: itself, or the report or inquiry it belongs
        to when that was withdrawn; None while it is in the record."""
        if self.is_withdrawn:
            return self
        parent = self.withdrawal_parent
        return parent.withdrawn_with if parent is not None else None

    @property
    def withdrawal_parent(self) -> "Withdrawable | None":
        return None


class InquiryQuerySet(models.QuerySet):
    def active(self) -> "InquiryQuerySet":
        """Not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)


# Neither the report nor the inquiry it comes from is withdrawn.
REPORT_IS_ACTIVE = Q(withdrawn_at__isnull=True, inquiry__withdrawn_at__isnull=True)


class ReportQuerySet(models.QuerySet):
    def active(self) -> "ReportQuerySet":
        return self.filter(REPORT_IS_ACTIVE)

    def withdrawn(self) -> "ReportQuerySet":
        """The rest: the report or the inquiry it comes from is withdrawn.

        Asked as the reports withdrawn themselves and those of a withdrawn inquiry, each
        found by an index of the few withdrawn rows (`report_withdrawn`,
        `inquiry_withdrawn`), rather than by reading every report with its inquiry: the
        counts over every board ask it as a subquery (1.8 ms of theirs at 100,000)."""
        withdrawn_inquiries = Inquiry.objects.filter(withdrawn_at__isnull=False).values("pk")
        return self.filter(
            pk__in=Report.objects.filter(withdrawn_at__isnull=False)
            .values("pk")
            .union(Report.objects.filter(inquiry__in=withdrawn_inquiries).values("pk"), all=True)
        )


# The stored search columns (see Recommendation.search_document): only the search query
# reads them, in the database, and they make a row several times wider, so lists and the
# deadline engine leave them unloaded.
SEARCH_FIELDS = (
    "search_document",
    "search_document_council",
    "search_vector",
    "search_vector_council",
)


class RecommendationQuerySet(models.QuerySet):
    def active(self, *, whole_table: bool = False) -> "RecommendationQuerySet":
        """Neither the recommendation, its report nor the report's inquiry is withdrawn;
        without the search columns (a list sorting a board's backlog sorts every row it
        reads, so their width is paid per row).

        `whole_table`: the same rows, asked as "not of a withdrawn report", for a query
        that reads every recommendation (the counts of every board): it then reads an
        index alone instead of joining each row to its report and inquiry (16 ms, not 38,
        at 100,000); and for the recommendations list, whose search ranks every match. A
        query narrowed by board or date alone is slower so: the join is what narrows it."""
        if whole_table:
            rows = self.filter(withdrawn_at__isnull=True).exclude(
                report__in=Report.objects.withdrawn()
            )
        else:
            rows = self.filter(
                withdrawn_at__isnull=True,
                report__withdrawn_at__isnull=True,
                report__inquiry__withdrawn_at__isnull=True,
            )
        return rows.without_search_columns()

    def without_search_columns(self) -> "RecommendationQuerySet":
        """For lists and the deadline engine: the rows without what only search reads."""
        return self.defer(*SEARCH_FIELDS)


class Directorate(models.Model):
    name = models.CharField(max_length=200, unique=True)
    director_title = models.CharField(
        max_length=200, help_text="As it appears on papers, e.g. Director of Children's Services"
    )
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directorates_led",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Committee(models.Model):
    class Kind(models.TextChoices):
        SCRUTINY_BOARD = "scrutiny", "Scrutiny board"
        EXECUTIVE_BOARD = "executive", "Executive board"
        IMPROVEMENT_BOARD = "improvement", "Improvement board"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SCRUTINY_BOARD)
    remit = models.TextField(blank=True)
    scrutiny_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committees_supported",
        help_text="The principal scrutiny adviser who supports this board.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return url_for_id("recommendations:committee_detail", self.pk)


class CommitteeMembership(models.Model):
    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", "Councillor"
        COOPTED = "coopted", "Co-opted member"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    name = models.CharField(max_length=200, help_text="As printed, e.g. Cllr Hyde or Mr Britten")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COUNCILLOR)
    is_chair = models.BooleanField(default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_memberships",
    )

    class Meta:
        ordering = ["-is_chair", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "name"], name="one_membership_per_name_per_committee"
            ),
            models.UniqueConstraint(
                fields=["committee"], condition=Q(is_chair=True), name="one_chair_per_committee"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (chair)" if self.is_chair else self.name

    @classmethod
    def printed_name_for(cls, user, kind: str) -> str:
        """How papers print a member who is a user: 'Cllr Hyde' for a councillor, the
        full name for a co-opted member."""
        if kind == cls.Kind.COUNCILLOR and user.last_name:
            return f"Cllr {user.last_name}"
        return user.get_full_name() or user.get_username()


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    # No index of its own: one_meeting_per_committee_per_day's (committee, date) serves every
    # lookup by committee, and given both, PostgreSQL chose this narrower one for "the
    # committee's meetings between two days" and filtered the dates row by row.
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", db_index=False
    )
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "start_time"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "date"], name="one_meeting_per_committee_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.committee.name}, {self.date.day} {self.date:%B %Y}"

    def get_absolute_url(self) -> str:
        return url_for_id("recommendations:meeting_detail", self.pk)


class Inquiry(Withdrawable):
    class Kind(models.TextChoices):
        FULL_INQUIRY = "inquiry", "Full inquiry"
        WORKING_GROUP = "working_group", "Working group review"
        CALL_IN = "call_in", "Call-in"
        BUDGET_REVIEW = "budget", "Budget review"
        POLICY_REVIEW = "policy", "Policy review"

    class Status(models.TextChoices):
        SCOPING = "scoping", "Scoping"
        GATHERING_EVIDENCE = "evidence", "Gathering evidence"
        DRAFTING = "drafting", "Drafting"
        REPORT_PUBLISHED = "published", "Report published"
        AWAITING_RESPONSE = "awaiting_response", "Awaiting response"
        MONITORING = "monitoring", "Monitoring"
        CLOSED = "closed", "Closed"

    committee = models.ForeignKey(Committee, on_delete=models.PROTECT, related_name="inquiries")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FULL_INQUIRY)
    terms_of_reference = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCOPING)
    started_on = models.DateField(null=True, blank=True)
    concluded_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects = InquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "title"]
        verbose_name_plural = "inquiries"
        # The few withdrawn (ReportQuerySet.withdrawn).
        indexes = [
            models.Index(
                fields=["id"], condition=Q(withdrawn_at__isnull=False), name="inquiry_withdrawn"
            )
        ]
        constraints = [
            dates_in_order(
                "inquiry_concludes_after_it_starts", earlier="started_on", later="concluded_on"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return url_for_id("recommendations:inquiry_detail", self.pk)

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # Report.committee is stored for list pages: keep it following the inquiry.
        self.reports.exclude(committee=self.committee_id).update(committee=self.committee_id)


class WorkingGroup(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="working_groups")
    name = models.CharField(max_length=200)
    remit = models.TextField(blank=True)
    first_met_on = models.DateField(null=True, blank=True)
    chair = models.ForeignKey(
        CommitteeMembership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_groups_chaired",
    )
    members = models.ManyToManyField(CommitteeMembership, blank=True, related_name="working_groups")
    supporting_officers = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["first_met_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "name"], name="working_group_names_unique_in_inquiry"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Evidence(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", "Document"
        SESSION = "session", "Evidence session"
        VISIT = "visit", "Visit"

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="evidence")
    working_group = models.ForeignKey(
        WorkingGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="evidence"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DOCUMENT)
    title = models.CharField(max_length=500)
    considered_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["considered_on", "pk"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.title


class Report(Withdrawable):
    """A published document that makes recommendations.

    Its source is a scrutiny inquiry or an external inspection (exactly one of them). The
    source is kept on the report, not on each recommendation, so that an inspection's
    areas for improvement are recommendations tracked by the same code. The committee
    that tracks them is stored (from the source, on save) so that every list, filter and
    meeting agenda reads `report__committee` whatever the source.
    """

    class Kind(models.TextChoices):
        INTERIM = "interim", "Interim report"
        FINAL = "final", "Final report"
        INSPECTION = "inspection", "Inspection report"

    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.PROTECT, null=True, blank=True, related_name="reports"
    )
    inspection = models.ForeignKey(
        "inspections.Inspection",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    # Derived from the source on save (and kept in step when the source's committee
    # changes): the board that tracks this report's recommendations.
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, blank=True, editable=False, related_name="reports"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.FINAL)
    title = models.CharField(max_length=300)
    published_on = models.DateField(
        null=True, blank=True, help_text="Leave empty until the board publishes the report."
    )
    received_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the executive received it: the response clock starts here.",
    )
    is_exempt = models.BooleanField(
        default=False, help_text="Contains exempt information: never shown to the public."
    )
    exempt_rule = models.CharField(
        "Access to Information Procedure Rule", max_length=50, blank=True
    )
    summary = models.TextField(blank=True)
    # Fixed when the report is received, so a later change of policy does not move it.
    response_due_on = models.DateField(null=True, blank=True, editable=False)
    # When the officer said its recommendations were all entered and the directorates
    # were told (one email per report, not one per recommendation).
    recommendations_completed_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title"]
        # Every response deadline query (overdue, at risk, reminders) filters on it.
        indexes = [
            models.Index(fields=["response_due_on"], name="report_response_due_on"),
            # The few withdrawn (ReportQuerySet.withdrawn).
            models.Index(
                fields=["id"], condition=Q(withdrawn_at__isnull=False), name="report_withdrawn"
            ),
        ]
        constraints = [
            dates_in_order(
                "report_received_after_published", earlier="published_on", later="received_on"
            ),
            models.CheckConstraint(
                name="exempt_report_names_its_rule",
                condition=Q(is_exempt=False) | ~Q(exempt_rule=""),
            ),
            models.CheckConstraint(
                name="report_has_exactly_one_source",
                condition=Q(inquiry__isnull=False, inspection__isnull=True)
                | Q(inquiry__isnull=True, inspection__isnull=False),
                violation_error_message="A report comes from an inquiry or an inspection, "
                "not both and not neither.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return url_for_id("recommendations:report_detail", self.pk)

    @property
    def withdrawal_parent(self):
        return self.inquiry if self.inquiry_id else None

    @property
    def source(self):
        """The inquiry or the inspection the report comes from."""
        return self.inquiry if self.inquiry_id else self.inspection

    @property
    def is_from_inspection(self) -> bool:
        return self.inspection_id is not None

    def _committee_from_source(self) -> None:
        source = self.source
        if source is not None:
            self.committee_id = source.committee_id

    def clean(self) -> None:
        self._committee_from_source()

    def save(self, *args, **kwargs) -> None:
        self._committee_from_source()
        # The statutory deadline: the council's response period after receipt.
        self.response_due_on = (
            add_months(self.received_on, council_settings().response_deadline_months)
            if self.received_on
            else None
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "response_due_on", "committee"}
        super().save(*args, **kwargs)


class TrackingStatus(models.Model):
    """One category of a council's tracking scale; data, so each council can change it."""

    class Colour(models.TextChoices):
        GREY = "grey", "Grey"
        GREEN = "green", "Green"
        TURQUOISE = "turquoise", "Turquoise"
        BLUE = "blue", "Blue"
        LIGHT_BLUE = "light-blue", "Light blue"
        PURPLE = "purple", "Purple"
        PINK = "pink", "Pink"
        RED = "red", "Red"
        ORANGE = "orange", "Orange"
        YELLOW = "yellow", "Yellow"

    position = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(
        max_length=40,
        blank=True,
        help_text=(
            "Shown on the status's tag in lists and tables, where a long name would wrap over "
            "many lines, e.g. “Not achieved: progress acceptable”. Leave blank to show the "
            "name."
        ),
    )
    description = models.TextField(blank=True)
    colour = models.CharField(max_length=20, choices=Colour.choices, default=Colour.GREY)
    ends_monitoring = models.BooleanField(
        default=False, help_text="A recommendation given this status is no longer tracked."
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "tracking statuses"

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"

    @property
    def label(self) -> str:
        """What a tag in a list or table shows: the short name, else the name."""
        return self.short_name or self.name

    def clean(self) -> None:
        # A tag's text must say which status it is, and an import finds a status by either.
        others = TrackingStatus.objects.exclude(pk=self.pk)
        if self.short_name:
            clash = others.filter(
                Q(name__iexact=self.short_name) | Q(short_name__iexact=self.short_name)
            ).first()
            if clash is not None:
                raise ValidationError(
                    {"short_name": f"“{self.short_name}” already names status {clash}."}
                )
        clash = others.filter(short_name__iexact=self.name).first()
        if clash is not None:
            raise ValidationError({"name": f"“{self.name}” is the short name of status {clash}."})


class Recommendation(Withdrawable):
    class Addressee(models.TextChoices):
        DIRECTORATE = "directorate", "A directorate"
        EXECUTIVE_BOARD = "executive", "The Executive Board (Cabinet)"
        COUNCIL = "council", "Full Council"
        OTHER_BODY = "other", "Another body"

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="recommendations")
    # The order within the report; `reference` is what the report prints.
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    reference = models.CharField(
        max_length=50,
        blank=True,
        help_text="As printed in the report, e.g. 3, 9.1.1, R3 or SR (25/26) 01. "
        "Leave empty to use the number.",
    )
    text = models.TextField("Recommendation text")
    addressed_to = models.CharField(
        max_length=20, choices=Addressee.choices, default=Addressee.DIRECTORATE
    )
    other_body = models.CharField(
        "Name of the other body",
        max_length=200,
        blank=True,
        help_text="For example, the Corporate Carers group.",
    )
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        help_text="The directorate that drafts the response and reports back. Not needed "
        "for a recommendation to the Executive Board, Council or another body.",
    )
    lead_officer = models.CharField(max_length=200, blank=True)
    desired_outcome = models.TextField(blank=True)
    report_back_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_backs",
        verbose_name="Report back at a meeting",
        help_text="A named meeting of the board at which to report back.",
    )
    report_back_month = models.DateField(
        null=True, blank=True, help_text="A month to report back in, such as July 2012."
    )
    report_back_every_months = models.PositiveSmallIntegerField(
        "Repeat every (months)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text="For example 6 for six-monthly updates after the first report-back.",
    )
    # Written only by the tracking service from the latest assessment, so lists can
    # filter and sort by status without a subquery per row.
    current_status = models.ForeignKey(
        TrackingStatus, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    last_assessed_on = models.DateField(null=True, blank=True, editable=False)
    # Derived from the requirement and the last assessment on every save, so lists can
    # filter "due before" and "overdue" in the database.
    next_report_back_on = models.DateField(null=True, blank=True, editable=False)
    next_report_back_deadline = models.DateField(null=True, blank=True, editable=False)
    # Bumped on every edit; a form carries the version it was opened at (no lost updates).
    version = models.PositiveIntegerField(default=1, editable=False)
    # What the list's search reads, written only by responses.search (on every write to
    # the searched text): the record's words with the response and statements each kind of
    # reader may read. Drafts are never in either. The vectors are PostgreSQL's (GIN
    # indexed, weighted); SQLite searches the text.
    search_document = models.TextField(blank=True, default="", editable=False)
    search_document_council = models.TextField(blank=True, default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    search_vector_council = SearchVectorField(null=True, editable=False)
    # Whether its response is in (submitted or agreed), written with the search documents
    # by responses.search on every write to a response: the worklist and the overdue lists
    # find the responses still owed from an index, not by matching every response in the
    # council against every recommendation. The rule is responses' `response_submitted_exists`.
    response_is_in = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords(excluded_fields=[*SEARCH_FIELDS, "response_is_in"])
    created_at = models.DateTimeField(auto_now_add=True)
    # The one-time token of the form that created it: the same form posted again (Back,
    # then save) finds this recommendation rather than making a second one.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["report", "number"]
        indexes = [
            # The deadline engine's report-back queries filter on these. The deadline's
            # carries the day too: "at risk" asks a deadline from today and a day before
            # next week, and one index range answers both (the day alone matches every
            # report-back of the past).
            models.Index(fields=["next_report_back_on"], name="rec_next_report_back_on"),
            models.Index(
                fields=["next_report_back_deadline", "next_report_back_on"],
                name="rec_report_back_deadline_day",
            ),
            # The list's default order (newest report first, then by number) and its
            # seek pagination, without a sort.
            models.Index(
                F("report").desc(), F("number").asc(), F("id").asc(), name="rec_list_order"
            ),
            # The responses a directorate still owes (the worklist, the directors' home).
            models.Index(
                fields=["directorate", "report"],
                condition=Q(response_is_in=False, withdrawn_at__isnull=True),
                name="rec_responses_owed",
            ),
            # ...and those owed to every board, report by report: the officer's count of
            # overdue responses reads the owed entries, not every recommendation.
            models.Index(
                fields=["report", "id"],
                condition=Q(response_is_in=False, withdrawn_at__isnull=True),
                name="rec_owed_by_report",
            ),
            # The counts by status (home and committee pages) from the index alone, without
            # reading the wide rows (the search documents make them so).
            models.Index(
                fields=["current_status", "report", "id"],
                condition=Q(withdrawn_at__isnull=True),
                name="rec_status_counts",
            ),
            # The few withdrawn, newest first (the withdrawn list), without reading the rest.
            models.Index(
                F("withdrawn_at").desc(),
                condition=Q(withdrawn_at__isnull=False),
                name="rec_withdrawn",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="recommendation_numbers_unique_in_report"
            ),
            models.UniqueConstraint(
                fields=["report", "reference"], name="recommendation_references_unique_in_report"
            ),
            models.CheckConstraint(
                name="recommendation_number_positive", condition=Q(number__gte=1)
            ),
            models.CheckConstraint(
                name="directorate_named_when_addressed_to_one",
                condition=~Q(addressed_to="directorate") | Q(directorate__isnull=False),
            ),
            models.CheckConstraint(
                name="other_body_named_when_addressed_to_one",
                condition=~Q(addressed_to="other") | ~Q(other_body=""),
            ),
            models.CheckConstraint(
                name="repeat_needs_a_first_report_back",
                condition=Q(report_back_every_months__isnull=True)
                | Q(report_back_month__isnull=False)
                | Q(report_back_meeting__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.reference or self.number}: {self.report}"

    def get_absolute_url(self) -> str:
        return url_for_id("recommendations:recommendation_detail", self.pk)

    def clean(self) -> None:
        if self.addressed_to == self.Addressee.DIRECTORATE and not self.directorate_id:
            raise ValidationError(
                {"directorate": "Choose the directorate the recommendation is addressed to."}
            )
        if (
            self.report_back_meeting_id
            and self.report_id
            and self.report_back_meeting.committee_id != self.report.committee_id
        ):
            raise ValidationError(
                {
                    "report_back_meeting": "Choose a meeting of the board that made the recommendation."
                }
            )

    @property
    def withdrawal_parent(self):
        return self.report

    @property
    def title(self) -> str:
        # An inspection's findings are its "areas for improvement".
        reference = self.reference or self.number
        if self.report_id and self.report.inspection_id:
            return f"Area for improvement {reference}"
        return f"Recommendation {reference}"

    @property
    def addressee_label(self) -> str:
        if self.addressed_to == self.Addressee.OTHER_BODY:
            return self.other_body
        if self.addressed_to == self.Addressee.EXECUTIVE_BOARD:
            return "Executive Board"
        if self.addressed_to == self.Addressee.COUNCIL:
            return "Council"
        return self.directorate.director_title if self.directorate_id else ""

    @property
    def monitoring_ended(self) -> bool:
        return self.current_status is not None and self.current_status.ends_monitoring

    def derive_stored_values(self) -> None:
        """Fill in what is stored for lists to read: the reference (the number when the
        report prints none) and the next report-back. save() calls it; so does a bulk
        import, which does not call save()."""
        self.reference = self.reference.strip() or str(self.number)
        occurrence = self.next_report_back
        self.next_report_back_on = occurrence.due_on if occurrence else None
        self.next_report_back_deadline = occurrence.deadline if occurrence else None

    def save(self, *args, **kwargs) -> None:
        self.derive_stored_values()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "reference",
                "next_report_back_on",
                "next_report_back_deadline",
            }
        super().save(*args, **kwargs)

    @property
    def next_report_back(self) -> ReportBackOccurrence | None:
        """Needs `report_back_meeting` and `current_status` loaded (select_related)."""
        if self.monitoring_ended:
            return None
        return next_report_back(
            meeting_on=self.report_back_meeting.date if self.report_back_meeting else None,
            month=self.report_back_month,
            every_months=self.report_back_every_months,
            last_assessed_on=self.last_assessed_on,
        )


class StatusTally(models.Model):
    """An entry in the tally of recommendations by board and status: how many came to
    (or, negative, left) one status on one board. Added by the database's triggers on
    every write (recommendations/tally.py), so that the counts by status sum a few
    hundred entries, not every recommendation. Derived, like the search documents: no
    form writes it, and a backup leaves it out (a restore counts it again)."""

    # No constraint in the database: SQLite's flush of a test database empties the tables
    # in no order, and a recommendation deleted after its board adds an entry for it (the
    # tally is then counted again from the rows: see tally.py and tests/conftest.py).
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    # The status's id; 0 (tally.NOT_ASSESSED) for the recommendations not yet assessed.
    status_key = models.BigIntegerField()
    total = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.total} at status {self.status_key} on board {self.committee_id}"


class RecommendationPart(models.Model):
    """A separately answerable part of a recommendation, as in 'one recommendation in
    two parts': a partial acceptance says which parts it accepts."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="parts"
    )
    label = models.CharField(max_length=10, help_text="a, b, c …")
    text = models.TextField()

    class Meta:
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "label"], name="part_labels_unique_in_recommendation"
            ),
        ]

    def __str__(self) -> str:
        return f"Part {self.label}"


class TrackingAssessment(models.Model):
    """The board's decision on one recommendation at one meeting. Every one is kept."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="assessments"
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="assessments")
    status = models.ForeignKey(TrackingStatus, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting__date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "meeting"], name="one_assessment_per_meeting"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.status.name} ({self.meeting})"
