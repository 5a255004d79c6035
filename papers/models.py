"""What the officer writes for a printed paper. Everything else in a paper comes from the
record (recommendations, responses, position statements, the board's decisions)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

NARRATIVE_HELP = (
    "Leave a blank line between paragraphs: each paragraph is numbered on the paper. "
    "Start a line with '- ' for a bullet point."
)


def narrative_section(label: str | None = None, *, lead_in: str = "") -> models.TextField:
    """A section of a paper's narrative: optional, written as paragraphs that the paper
    numbers (NARRATIVE_HELP says how), after `lead_in` where the section needs one."""
    return models.TextField(label, blank=True, help_text=lead_in + NARRATIVE_HELP)


class ResponsePaper(models.Model):
    """The officer-written parts of the director's response report to an inquiry report
    (the council's report template; seed 004). Section 3, each recommendation quoted with
    its response, comes from the record."""

    report = models.OneToOneField(
        "recommendations.Report", on_delete=models.CASCADE, related_name="response_paper"
    )

    # The header block.
    author_name = models.CharField("Report author", max_length=200, blank=True)
    author_telephone = models.CharField("Author's telephone", max_length=50, blank=True)
    report_of = models.CharField(
        max_length=200, blank=True, help_text="For example, Director of Children's Services"
    )
    report_to = models.CharField(
        max_length=200, blank=True, help_text="For example, Children and Families Scrutiny Board"
    )
    paper_date = models.DateField("Date", null=True, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    wards_affected = models.BooleanField("Are specific electoral wards affected?", default=False)
    ward_names = models.CharField("Names of the wards", max_length=500, blank=True)
    equality_implications = models.BooleanField(
        "Are there implications for equality and diversity and cohesion and integration?",
        default=False,
    )
    eligible_for_call_in = models.BooleanField(
        "Is the decision eligible for call-in?", default=False
    )
    contains_exempt_information = models.BooleanField(
        "Does the report contain confidential or exempt information?", default=False
    )
    exempt_rule_number = models.CharField(
        "Access to Information Procedure Rule number", max_length=50, blank=True
    )
    exempt_appendix_number = models.CharField("Appendix number", max_length=50, blank=True)

    # The narrative, section by section.
    summary_of_main_issues = narrative_section()
    summary_recommendations = narrative_section("Recommendations (summary)")
    purpose = narrative_section("1 Purpose of this report")
    background = narrative_section("2 Background information")
    main_issues_introduction = narrative_section(
        "3 Main issues: introduction",
        lead_in="Printed before the recommendations and responses. ",
    )
    consultation = narrative_section("4.1 Consultation and engagement")
    equality = narrative_section("4.2 Equality and diversity / cohesion and integration")
    council_policies = narrative_section("4.3 Council policies and city priorities")
    resources = narrative_section("4.4 Resources and value for money")
    legal = narrative_section("4.5 Legal implications, access to information and call-in")
    risk_management = narrative_section("4.6 Risk management")
    conclusions = narrative_section("5 Conclusions")
    recommendations = narrative_section("6 Recommendations")
    background_documents = narrative_section("7 Background documents")

    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="paper_wards_named_when_affected",
                condition=Q(wards_affected=False) | ~Q(ward_names=""),
            ),
            models.CheckConstraint(
                name="paper_exempt_rule_named_when_exempt",
                condition=Q(contains_exempt_information=False) | ~Q(exempt_rule_number=""),
            ),
        ]

    def __str__(self) -> str:
        return f"Response paper: {self.report}"

    def get_absolute_url(self) -> str:
        return reverse("papers:response_preview", args=[self.report_id])
