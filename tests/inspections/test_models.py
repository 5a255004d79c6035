"""A report's source (inquiry or inspection), its stored committee, and timescales."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from inspections import services
from inspections.models import AreaForImprovement, InspectionJudgement, timescale_due_on
from recommendations.models import Report
from tests.factories import CommitteeFactory, InquiryFactory, ReportFactory
from tests.inspections.factories import InspectionFactory, JudgementFactory


@pytest.mark.django_db
def test_a_report_with_both_sources_is_refused():
    inspection = InspectionFactory()
    report = ReportFactory.build(inquiry=InquiryFactory(), inspection=inspection)

    with pytest.raises(ValidationError, match="not both and not neither"):
        report.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        report.save()


@pytest.mark.django_db
def test_a_report_with_no_source_is_refused():
    report = ReportFactory.build(inquiry=None)

    with pytest.raises(ValidationError, match="not both and not neither"):
        report.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(pk=ReportFactory().pk).update(inquiry=None)


@pytest.mark.django_db
def test_report_committee_and_source_come_from_the_inquiry():
    inquiry = InquiryFactory()
    report = ReportFactory(inquiry=inquiry)

    assert report.committee == inquiry.committee
    assert report.source == inquiry
    assert not report.is_from_inspection


@pytest.mark.django_db
def test_report_committee_follows_when_the_inquiry_moves_board():
    report = ReportFactory()
    other = CommitteeFactory()
    inquiry = report.inquiry
    inquiry.committee = other
    inquiry.save()

    report.refresh_from_db()
    assert report.committee == other


@pytest.mark.django_db
def test_inspection_report_takes_the_inspections_committee_and_follows_it(inspection, officer):
    report = inspection.report

    assert report.inspection == inspection and report.inquiry is None
    assert report.source == inspection
    assert report.committee == inspection.committee
    assert report.kind == Report.Kind.INSPECTION
    assert report.published_on == inspection.published_on

    inspection.committee = CommitteeFactory(name="Children's Services Improvement Board")
    services.inspection_save(inspection=inspection, user=officer)
    report.refresh_from_db()
    assert report.committee.name == "Children's Services Improvement Board"


@pytest.mark.parametrize(
    ("timescale", "due_on"),
    [
        ("immediately", date(2010, 1, 7)),
        ("three_months", date(2010, 4, 7)),
        ("six_months", date(2010, 7, 7)),
    ],
)
def test_timescale_gives_the_due_date(timescale, due_on):
    assert timescale_due_on(date(2010, 1, 7), timescale) == due_on


def test_timescale_due_date_is_clamped_to_the_months_end():
    assert timescale_due_on(date(2009, 8, 31), "six_months") == date(2010, 2, 28)
    assert timescale_due_on(None, "immediately") is None


@pytest.mark.django_db
def test_an_area_for_improvement_is_a_recommendation_due_by_its_timescale(finding):
    area = AreaForImprovement.objects.get(recommendation=finding)

    assert finding.report.inspection is not None
    assert finding.title == "Area for improvement 1"
    assert area.due_on == date(2010, 4, 7)
    assert finding.report_back_month == date(2010, 4, 1)
    assert finding.next_report_back_on == date(2010, 4, 1)
    assert finding.next_report_back_deadline == date(2010, 4, 30)


@pytest.mark.django_db
def test_a_new_publication_date_moves_every_finding(inspection, finding, officer):
    inspection.published_on = date(2010, 2, 1)
    services.inspection_save(inspection=inspection, user=officer)

    finding.refresh_from_db()
    assert finding.report_back_month == date(2010, 5, 1)
    assert finding.next_report_back_deadline == date(2010, 5, 31)
    assert finding.report.published_on == date(2010, 2, 1)


@pytest.mark.django_db
def test_area_numbers_are_unique_in_the_inspection(inspection, finding, officer):
    with pytest.raises(ValidationError):
        services.area_save(
            inspection=inspection,
            user=officer,
            number=1,
            text="Another finding.",
            timescale="immediately",
            theme="Safeguarding",
        )


@pytest.mark.django_db
def test_a_sub_area_belongs_to_an_area_of_the_same_table():
    area = JudgementFactory(theme="Safeguarding", area="Quality of Provision")
    sub = JudgementFactory(inspection=area.inspection, parent=area, area="Service responsiveness")
    sub.full_clean()

    wrong_theme = JudgementFactory.build(
        inspection=area.inspection, parent=area, theme="Looked after children"
    )
    with pytest.raises(ValidationError):
        wrong_theme.full_clean()
    sub_of_sub = JudgementFactory.build(inspection=area.inspection, parent=sub)
    with pytest.raises(ValidationError):
        sub_of_sub.full_clean()
    assert InspectionJudgement.objects.count() == 2
