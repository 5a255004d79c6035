# ruff: noqa: E501
"""The demo inspection and improvement plan, from the seed board papers in shared/seeds/.

Seed 002 (Report of the Interim Director of Children's Services to Executive Board, 12
February 2010): the Ofsted and Care Quality Commission announced inspection of
safeguarding and looked after children's services in Leeds, on site 23 November to
4 December 2009, report published 7 January 2010; its two judgements tables (§3.2) and
its 24 areas for improvement (§3.4, §3.5), copied word for word with their timescales.

Seed 001 (Report of the Director of Children's Services to Scrutiny Board (Children and
Families), 13 December 2012): the 'Supporting Children and Families, Strengthening Social
Care' improvement plan and its nine strands (§1.3).

Where the seeds say nothing the values are invented, minimally, and marked so.
"""

from dataclasses import dataclass
from datetime import date

# --- Seed 002: the inspection ----------------------------------------------------------

INSPECTION_TITLE = (
    "Announced inspection of safeguarding and looked after children's services in Leeds"
)
INSPECTORATES = "Ofsted and the Care Quality Commission (CQC)"
INSPECTION_NOTIFIED_ON = date(2009, 11, 9)  # §2.1
INSPECTION_ON_SITE_FROM = date(2009, 11, 23)  # §1.1
INSPECTION_ON_SITE_TO = date(2009, 12, 4)
INSPECTION_PUBLISHED_ON = date(2010, 1, 7)
INSPECTION_SUMMARY = "\n\n".join(
    (
        "The inspection was carried out by a team of five Ofsted inspectors and one inspector from the Care Quality Commission.",
        "The inspection involved over 100 meetings, with inspectors seeing over 25 parents and over 80 children and young people. There was a formal analysis of 20 case files, as well as follow-up work on 35 case files, linked back to the unannounced inspection from July 2009.",
    )
)
# §4.2–4.4: the Improvement Plan "will be the key monitoring tool for the new Improvement
# Board"; the background papers name it the Children's Services Improvement Board.
IMPROVEMENT_BOARD = "Children's Services Improvement Board"

SAFEGUARDING = "Safeguarding"
LOOKED_AFTER_CHILDREN = "Looked after children"


@dataclass(frozen=True)
class DemoJudgement:
    area: str
    grade: str  # "" for a heading without a grade
    sub_areas: tuple[tuple[str, str], ...] = ()


# §3.2 "Summary Tables". Each table is flattened to text in the seed: "Quality of
# Provision" and "Leadership and management" are followed by their sub-areas on one line
# and their grades, in the same order, on the next.
JUDGEMENT_TABLES = (
    (
        SAFEGUARDING,
        (
            DemoJudgement("Overall effectiveness", "inadequate"),
            DemoJudgement("Capacity for Improvement", "adequate"),
            DemoJudgement("Children and young people are safe", "adequate"),
            DemoJudgement("Children and young people feel safe", "adequate"),
            DemoJudgement(
                "Quality of Provision",
                "inadequate",
                (
                    ("Service responsiveness", "inadequate"),
                    ("Assessment & direct work with children & families", "inadequate"),
                    ("Case planning, monitoring & review", "inadequate"),
                ),
            ),
            DemoJudgement(
                "Leadership and management",
                "inadequate",
                (
                    ("Ambition and prioritisation", "adequate"),
                    ("Evaluation, including performance management", "inadequate"),
                    ("User engagement", "adequate"),
                    ("Partnerships", "adequate"),
                    ("Equality & diversity", "good"),
                    ("Value for Money", "inadequate"),
                ),
            ),
        ),
    ),
    (
        LOOKED_AFTER_CHILDREN,
        (
            DemoJudgement("Overall effectiveness", "adequate"),
            DemoJudgement("Capacity for Improvement", "adequate"),
            DemoJudgement(
                "Outcomes for looked after children and care leavers",
                "",
                (
                    ("Being Healthy", "good"),
                    ("Staying safe", "adequate"),
                    ("Enjoying and achieving", "good"),
                    ("Making a positive contribution", "adequate"),
                    ("Economic well-being", "adequate"),
                ),
            ),
            DemoJudgement(
                "Quality of Provision",
                "adequate",
                (
                    ("Service responsiveness", "adequate"),
                    ("Assessment & direct work with children & families", "inadequate"),
                    ("Case planning, monitoring & review", "adequate"),
                ),
            ),
            DemoJudgement(
                "Leadership and management",
                "adequate",
                (
                    ("Ambition and prioritisation", "good"),
                    ("Evaluation, including performance management", "inadequate"),
                    ("User engagement", "adequate"),
                    ("Partnerships", "good"),
                    ("Equality & diversity", "good"),
                    ("Value for Money", "adequate"),
                ),
            ),
        ),
    ),
)


@dataclass(frozen=True)
class DemoArea:
    theme: str
    timescale: str  # immediately, three_months or six_months
    text: str


# §3.4 (14 for safeguarding) then §3.5 (10 for looked after children), numbered 1–24 in
# the order the seed lists them.
AREAS_FOR_IMPROVEMENT = (
    DemoArea(
        SAFEGUARDING,
        "immediately",
        "Refresh the existing children's service improvement plan to take account of the priorities for action and other issues set out in this report.",
    ),
    DemoArea(
        SAFEGUARDING,
        "immediately",
        "Undertake a full evaluation of the allocation of children's service resource to ensure that the capacity of the workforce is sufficient to meet the demand for service at the published threshold.",
    ),
    DemoArea(
        SAFEGUARDING,
        "immediately",
        "Tackle the unacceptably high level of social worker caseloads and insufficient team manager capacity, and ensure that newly qualified social workers are protected from carrying high and complex caseloads.",
    ),
    DemoArea(
        SAFEGUARDING,
        "immediately",
        "Re-configure the contact centre procedure and practice for the classification of contacts and referrals so that these are more closely aligned with the definitions set out in national guidance; and evaluate the implementation of recent improvements to consolidate and inform further development.",
    ),
    DemoArea(
        SAFEGUARDING,
        "immediately",
        "Improve the timeliness and quality of social work responses for assessments, case planning and recording, including the analysis of risk, to meet minimum standards.",
    ),
    DemoArea(
        SAFEGUARDING,
        "immediately",
        "Accelerate plans to introduce a comprehensive performance management and quality assurance framework to support casework practice relating to contacts, referrals and assessments.",
    ),
    DemoArea(
        SAFEGUARDING,
        "immediately",
        "Ensure that the combined resources and expertise of the council, partners, the Government Office and specialist contractors prioritise and tackle the difficulties associated with the electronic recording system.",
    ),
    DemoArea(
        SAFEGUARDING,
        "immediately",
        "Ensure that the capacity for the delivery of child protection conferences matches the demand for service, that child protection core group meetings are effective and actions and outcomes for individual children are monitored against their child protection plan.",
    ),
    DemoArea(
        SAFEGUARDING,
        "three_months",
        "Ensure children and young people and their parents receive information on how to make complaints and gain access to the advocacy service.",
    ),
    DemoArea(
        SAFEGUARDING,
        "three_months",
        "Ensure that the involvement of children, young people and their families in the child protection process is consolidated and records demonstrate that practice is being implemented effectively and their views taken into account.",
    ),
    DemoArea(
        SAFEGUARDING,
        "three_months",
        "Improve access to multi-agency child protection training delivered by the Leeds Safeguarding Children Board in order to ensure all partner agency staff are well informed and they know and understand their child protection roles and responsibilities.",
    ),
    DemoArea(
        SAFEGUARDING,
        "six_months",
        "Strengthen the Leeds Safeguarding Children Board arrangements in providing challenge and monitoring safeguarding across the partnership so that more rapid progress is made in delivering robust safeguarding services across Leeds for children and young people.",
    ),
    DemoArea(
        SAFEGUARDING,
        "six_months",
        "Complete an analysis of why there is such a high proportion of children who are the subject of a child protection plan for two or more years.",
    ),
    DemoArea(
        SAFEGUARDING,
        "six_months",
        "Ensure that there is a suitably trained, experienced paediatrician available across the city 24 hours every day of the week to support effective child protection medical examinations involving children.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "immediately",
        "Review the level of resource made available to deliver key social work tasks for the looked after children's service so that a sufficient professional social worker capacity is provided to meet the demand for service.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "three_months",
        "Improve the quality of core assessments and case records.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "three_months",
        "Strengthen the arrangements for monitoring the quality and outcomes of external placements, particularly in residential special schools and for those children and young people who are in schools out of the city.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "three_months",
        "Ensure all looked after children and young people are made aware of how to make a complaint; that clear systems exist so lessons learned from complaints can help shape services and strengthen access to the children's rights services, particularly for those in out of city placements.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "three_months",
        "Ensure the views of looked after children and young people are sought and taken into account in the reshaping of services for looked after children.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "three_months",
        "Develop a clear and understandable set of measures and targets for the achievement of the Children's Promise.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "three_months",
        "Review the level of resource available to support the children in council care and increase awareness of its role and membership so that it is more representative of the looked after children population.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "six_months",
        "Improve the range of placement choice available, particularly those from minority ethnic communities or for those children and young people with complex needs.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "six_months",
        "Improve the effectiveness and relevance of personal education plans.",
    ),
    DemoArea(
        LOOKED_AFTER_CHILDREN,
        "six_months",
        "Improve the regularity and timeliness of information-gathering on the progress of looked after children at a strategic level to enable regular tracking of pupils' progress and more timely evaluation of the impact of actions and interventions on progress and learning of looked after children.",
    ),
)

# --- Seed 001: the improvement plan ------------------------------------------------------

PLAN_TITLE = "Supporting Children and Families, Strengthening Social Care"
PLAN_REPORTED_ON = date(2012, 12, 13)
PLAN_SUMMARY = "\n\n".join(
    (
        "The 'Supporting Children and Families, Strengthening Social Care' improvement plan for social work and safeguarding (Appendix A) reviews progress in Leeds over the past year, identifying both areas of success and areas for development. This is supported by a summary of recent audit and quality assurance activity, (Appendix B) which has underpinned the plan.",
        "Whilst there has been considerable progress, the review also highlights areas where further work is needed. Key areas include: strengthening the involvement of children and families; further improving the quality and skills of social workers; and ensuring better support for frontline services.",
    )
)
PLAN_STRANDS = (
    "Strengthen the voice and influence of children and young people",
    "Improve provision for looked after children and young people",
    "Strengthen the role of families",
    "Develop social work practice",
    "Improve communication and engagement across social care",
    "Improve ICT Systems and the estate for social work and families",
    "Develop peer support and challenge",
    "Strengthen quality assurance and performance management",
    "Strengthen Early Help / Early Intervention and Prevention",
)

# Seed 002 §4.1 and §4.5, the council's response to the inspection, recorded as the
# response to each area for improvement and taken to the Executive Board on 12 February
# 2010 (the date of seed 002).
RESPONSE_TEXT = "\n\n".join(
    (
        "The Council recognises the importance of addressing all of the areas highlighted in the report. As the inspectors acknowledged, many of the issues raised are already starting to be addressed through a range of improvement activity, particularly in support of front-line staff.",
        "The Improvement Plan will be a particularly important tool for monitoring actions from the announced inspection because, unlike with previous children's services inspections, such as the Joint Area Review, Ofsted does not set out a specific requirement for local authorities to submit an Action Plan of response to the issues raised in the announced inspection. The Improvement Plan will therefore be clear in referencing which inspection findings are being addressed by which set of actions.",
    )
)
RESPONSE_PROPOSED_ACTION = "A single Improvement Plan, reported to the March 2010 Executive Board meeting and then used for regular monitoring by the Improvement Board."
RESPONSE_AGREED_ON = date(2010, 2, 12)


@dataclass(frozen=True)
class DemoAction:
    strand: int
    title: str
    owner: str
    due_on: date
    state: str
    answers: tuple[int, ...]  # numbers of the areas for improvement it answers
    progress: str = ""


# Invented, modestly, to show how a plan's actions answer findings: seed 001 gives the
# strands but not the actions (its Appendix A is not in the seeds).
PLAN_ACTIONS = (
    DemoAction(
        strand=4,
        title="Improve the quality and timeliness of assessments, case planning and recording.",
        owner="Chief Officer, Children and Young People's Social Care",
        due_on=date(2013, 3, 31),
        state="in_progress",
        answers=(5, 16),
        progress="Audit and quality assurance activity (Appendix B) has underpinned the plan.",
    ),
    DemoAction(
        strand=1,
        title="Make sure children, young people and their families know how to complain and can reach the advocacy and children's rights services.",
        owner="Head of Service, Children's Rights",
        due_on=date(2013, 3, 31),
        state="not_started",
        answers=(9, 18),
    ),
)
