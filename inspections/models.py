"""External inspections (Ofsted, CQC …) and the improvement plans that answer them.

An inspection is a second source of recommendations beside a scrutiny inquiry: its
published report is a `recommendations.Report` whose `inspection` is set, and each
"area for improvement" is a `recommendations.Recommendation` of that report, so the
tracking code (report-backs, responses, position statements, assessments, lists,
filters, the worklist) works on findings unchanged. What only a finding has, its
timescale and theme, lives here in `AreaForImprovement`, one to one with the
recommendation.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from core.constraints import dates_in_order
from core.reversing import url_for_id
from recommendations.dates import add_months
from recommendations.models import Committee, Directorate, Recommendation


class Inspection(models.Model):
    title = models.CharField(
        max_length=300,
        help_text="For example, Inspection of safeguarding and looked after children's services",
    )
    inspectorates = models.CharField(
        "Inspected by",
        max_length=300,
        help_text="For example, Ofsted and the Care Quality Commission (CQC)",
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="inspections",
        verbose_name="Monitored by",
        help_text="The board that tracks the areas for improvement, such as an improvement board.",
    )
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        related_name="inspections",
        verbose_name="Responsible directorate",
        help_text="The directorate that answers the areas for improvement by default.",
    )
    notified_on = models.DateField(null=True, blank=True)
    on_site_from = models.DateField("On site from", null=True, blank=True)
    on_site_to = models.DateField("On site until", null=True, blank=True)
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text="Timescales run from this date. Leave empty until the report is published.",
    )
    summary = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            dates_in_order(
                "inspection_on_site_ends_after_it_starts",
                earlier="on_site_from",
                later="on_site_to",
            ),
            dates_in_order(
                "inspection_published_after_on_site", earlier="on_site_to", later="published_on"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return url_for_id("inspections:inspection_detail", self.pk)

    @property
    def report(self):
        """The inspection's published report: the Report its findings belong to."""
        return self.reports.order_by("pk").first()

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # Report.committee is stored for list pages: keep it following the inspection.
        self.reports.exclude(committee=self.committee_id).update(committee=self.committee_id)


class Grade(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    ADEQUATE = "adequate", "Adequate"
    INADEQUATE = "inadequate", "Inadequate"


GRADE_COLOURS = {
    Grade.OUTSTANDING: "green",
    Grade.GOOD: "turquoise",
    Grade.ADEQUATE: "yellow",
    Grade.INADEQUATE: "red",
}


class InspectionJudgement(models.Model):
    """One row of an inspection's judgements table: an area (or a sub-area) and its grade."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    theme = models.CharField(
        max_length=200, help_text="The table it belongs to, for example Safeguarding."
    )
    area = models.CharField(max_length=300)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="sub_areas",
        verbose_name="Sub-area of",
        help_text="Leave empty for an area; choose its area for a sub-area.",
    )
    grade = models.CharField(
        max_length=20,
        choices=Grade.choices,
        blank=True,
        help_text="Leave empty for a heading that groups graded sub-areas.",
    )
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Rows are shown in this order within the inspection."
    )

    class Meta:
        ordering = ["inspection", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "theme", "area"], name="judgement_areas_unique_in_theme"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area}: {self.get_grade_display() or 'not graded'}"

    def clean(self) -> None:
        if self.parent_id is None:
            return
        parent = self.parent
        if parent.inspection_id != self.inspection_id or parent.theme != self.theme:
            raise ValidationError({"parent": "Choose an area of the same table."})
        if parent.parent_id is not None:
            raise ValidationError({"parent": "A sub-area belongs to an area, not to a sub-area."})

    @property
    def grade_colour(self) -> str:
        return GRADE_COLOURS.get(self.grade, "grey")


class Timescale(models.TextChoices):
    IMMEDIATELY = "immediately", "Immediately"
    THREE_MONTHS = "three_months", "Within three months"
    SIX_MONTHS = "six_months", "Within six months"


TIMESCALE_MONTHS = {
    Timescale.IMMEDIATELY: 0,
    Timescale.THREE_MONTHS: 3,
    Timescale.SIX_MONTHS: 6,
}


def timescale_due_on(published_on: date | None, timescale: str) -> date | None:
    """The date a finding is due: publication plus its timescale (0, 3 or 6 months)."""
    if published_on is None:
        return None
    return add_months(published_on, TIMESCALE_MONTHS[Timescale(timescale)])


class AreaForImprovement(models.Model):
    """What an inspection finding has beyond a recommendation: its timescale and theme.

    The finding itself (number, text, directorate, report-back, tracking) is the
    recommendation. Its report-back month is derived from the timescale by the service.
    """

    recommendation = models.OneToOneField(
        Recommendation,
        on_delete=models.CASCADE,
        related_name="area_for_improvement",
        primary_key=True,
    )
    timescale = models.CharField(max_length=20, choices=Timescale.choices)
    theme = models.CharField(
        max_length=200, help_text="For example, Safeguarding or Looked after children."
    )

    class Meta:
        ordering = ["recommendation__report", "recommendation__number"]
        verbose_name_plural = "areas for improvement"

    def __str__(self) -> str:
        return f"Area for improvement {self.recommendation.reference}"

    @property
    def months(self) -> int:
        return TIMESCALE_MONTHS[Timescale(self.timescale)]

    @property
    def due_on(self) -> date | None:
        return timescale_due_on(self.recommendation.report.published_on, self.timescale)


class ImprovementPlan(models.Model):
    title = models.CharField(max_length=300)
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="improvement_plans",
        verbose_name="Monitored by",
    )
    inspection = models.ForeignKey(
        Inspection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="improvement_plans",
        help_text="The inspection whose findings the plan answers, if there is one.",
    )
    summary = models.TextField(blank=True)
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text="The date of the report that presents the plan. Public from then.",
    )
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            dates_in_order("plan_ends_after_it_starts", earlier="starts_on", later="ends_on"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return url_for_id("inspections:plan_detail", self.pk)


class ImprovementStrand(models.Model):
    """A strand (or theme) of work in a plan."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="strands")
    number = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="strand_numbers_unique_in_plan"
            ),
            models.CheckConstraint(name="strand_number_positive", condition=Q(number__gte=1)),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class ImprovementAction(models.Model):
    class State(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"
        PAUSED = "paused", "Paused"

    class Rag(models.TextChoices):
        RED = "red", "Red"
        AMBER = "amber", "Amber"
        GREEN = "green", "Green"

    strand = models.ForeignKey(ImprovementStrand, on_delete=models.CASCADE, related_name="actions")
    title = models.TextField("Action")
    owner = models.CharField(max_length=200, help_text="The officer or service responsible.")
    due_on = models.DateField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.NOT_STARTED)
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices, blank=True)
    percent_complete = models.PositiveSmallIntegerField(
        "Per cent complete",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    progress = models.TextField(blank=True, help_text="The latest update on progress.")
    answers = models.ManyToManyField(
        Recommendation,
        blank=True,
        related_name="answering_actions",
        verbose_name="Findings and recommendations it answers",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["strand", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="action_percent_complete_at_most_100",
                condition=Q(percent_complete__isnull=True) | Q(percent_complete__lte=100),
            ),
        ]

    def __str__(self) -> str:
        return self.title[:80]

    def is_overdue(self, today: date) -> bool:
        return self.due_on is not None and self.due_on < today and self.state != self.State.COMPLETE

    @property
    def rag_colour(self) -> str:
        return {"red": "red", "amber": "orange", "green": "green"}.get(self.rag, "grey")
