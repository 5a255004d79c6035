"""Seed 002's inspection and seed 001's improvement plan in the demo data."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from inspections.models import ImprovementPlan, Inspection
from inspections.selectors import judgement_tables
from recommendations.models import Committee, Recommendation
from scrutiny.demo.inspections import load_inspections_demo

SAFEGUARDING_TABLE = [
    ("Overall effectiveness", "inadequate", False),
    ("Capacity for Improvement", "adequate", False),
    ("Children and young people are safe", "adequate", False),
    ("Children and young people feel safe", "adequate", False),
    ("Quality of Provision", "inadequate", False),
    ("Service responsiveness", "inadequate", True),
    ("Assessment & direct work with children & families", "inadequate", True),
    ("Case planning, monitoring & review", "inadequate", True),
    ("Leadership and management", "inadequate", False),
    ("Ambition and prioritisation", "adequate", True),
    ("Evaluation, including performance management", "inadequate", True),
    ("User engagement", "adequate", True),
    ("Partnerships", "adequate", True),
    ("Equality & diversity", "good", True),
    ("Value for Money", "inadequate", True),
]
LOOKED_AFTER_CHILDREN_TABLE = [
    ("Overall effectiveness", "adequate", False),
    ("Capacity for Improvement", "adequate", False),
    ("Outcomes for looked after children and care leavers", "", False),
    ("Being Healthy", "good", True),
    ("Staying safe", "adequate", True),
    ("Enjoying and achieving", "good", True),
    ("Making a positive contribution", "adequate", True),
    ("Economic well-being", "adequate", True),
    ("Quality of Provision", "adequate", False),
    ("Service responsiveness", "adequate", True),
    ("Assessment & direct work with children & families", "inadequate", True),
    ("Case planning, monitoring & review", "adequate", True),
    ("Leadership and management", "adequate", False),
    ("Ambition and prioritisation", "good", True),
    ("Evaluation, including performance management", "inadequate", True),
    ("User engagement", "adequate", True),
    ("Partnerships", "good", True),
    ("Equality & diversity", "good", True),
    ("Value for Money", "adequate", True),
]


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())
    return Inspection.objects.get()


def test_the_inspection_as_seed_002_gives_it(demo):
    assert demo.inspectorates == "Ofsted and the Care Quality Commission (CQC)"
    assert (demo.on_site_from, demo.on_site_to) == (date(2009, 11, 23), date(2009, 12, 4))
    assert demo.published_on == date(2010, 1, 7)
    assert demo.committee.kind == Committee.Kind.IMPROVEMENT_BOARD
    assert demo.report.published_on == date(2010, 1, 7)


def test_both_judgement_tables_exactly(demo):
    tables = {
        table.theme: [
            (row.judgement.area, row.judgement.grade, row.is_sub_area) for row in table.rows
        ]
        for table in judgement_tables(demo)
    }

    assert list(tables) == ["Safeguarding", "Looked after children"]
    assert tables["Safeguarding"] == SAFEGUARDING_TABLE
    assert tables["Looked after children"] == LOOKED_AFTER_CHILDREN_TABLE


def test_all_24_areas_for_improvement_with_their_timescales_and_themes(demo):
    findings = list(
        Recommendation.objects.filter(report__inspection=demo)
        .select_related("area_for_improvement")
        .order_by("number")
    )

    assert [f.number for f in findings] == list(range(1, 25))
    assert [(f.area_for_improvement.theme, f.area_for_improvement.timescale) for f in findings] == [
        *[("Safeguarding", "immediately")] * 8,
        *[("Safeguarding", "three_months")] * 3,
        *[("Safeguarding", "six_months")] * 3,
        *[("Looked after children", "immediately")] * 1,
        *[("Looked after children", "three_months")] * 6,
        *[("Looked after children", "six_months")] * 3,
    ]
    assert findings[7].text == (
        "Ensure that the capacity for the delivery of child protection conferences matches "
        "the demand for service, that child protection core group meetings are effective and "
        "actions and outcomes for individual children are monitored against their child "
        "protection plan."
    )
    assert findings[14].text.startswith("Review the level of resource made available to deliver")
    assert findings[23].text.endswith("on progress and learning of looked after children.")
    # Due publication + 0, 3, 6 months: report back in January, April and July 2010.
    assert {f.report_back_month for f in findings} == {
        date(2010, 1, 1),
        date(2010, 4, 1),
        date(2010, 7, 1),
    }
    assert findings[23].report_back_month == date(2010, 7, 1)


def test_the_improvement_plan_and_its_nine_strands(demo):
    plan = ImprovementPlan.objects.get()

    assert plan.title == "Supporting Children and Families, Strengthening Social Care"
    assert plan.published_on == date(2012, 12, 13)
    assert plan.committee.name == "Scrutiny Board (Children and Families)"
    assert [s.title for s in plan.strands.order_by("number")] == [
        "Strengthen the voice and influence of children and young people",
        "Improve provision for looked after children and young people",
        "Strengthen the role of families",
        "Develop social work practice",
        "Improve communication and engagement across social care",
        "Improve ICT Systems and the estate for social work and families",
        "Develop peer support and challenge",
        "Strengthen quality assurance and performance management",
        "Strengthen Early Help / Early Intervention and Prevention",
    ]


def test_loading_twice_changes_nothing(demo):
    assert load_inspections_demo() == 0
