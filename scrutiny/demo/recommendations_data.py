# ruff: noqa: E501
"""The demo council: Leeds City Council's Children's Services scrutiny, 2009–2012.

Every recommendation, response and remit below is copied word for word from the seed board
papers in shared/seeds/ (000: the Director's response to the safeguarding inquiry's interim
report; 003: the report of the safeguarding working groups; 004: the Director's response to
the external placements inquiry). Paragraph numbers are left out: the papers print them.
Where the seeds say nothing (people's logins, meeting times and places, some dates) the
values are invented, plausibly and minimally, and marked so.
"""

from dataclasses import dataclass
from datetime import date, time

# --- People (invented demo logins) -------------------------------------------------------

DEMO_PASSWORD = "scrutiny-demo-2012"

CHILDRENS_SERVICES = "Children's Services"
ENVIRONMENT = "Environment and Neighbourhoods"

DIRECTORATES = (
    (CHILDRENS_SERVICES, "Director of Children's Services"),
    (ENVIRONMENT, "Director of Environment and Neighbourhoods"),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: str
    first_name: str
    last_name: str
    job_title: str
    directorate: str | None = None
    telephone: str = ""
    is_superuser: bool = False


DEMO_USERS = (
    DemoUser("officer", "officer", "Sam", "Officer", "Principal Scrutiny Adviser"),
    # The originator of seed 000 (and of seed 002), with the telephone number it prints.
    DemoUser(
        "director",
        "directorate",
        "Sandie",
        "Keene",
        "Director of Children's Services",
        directorate=CHILDRENS_SERVICES,
        telephone="39 50925",
    ),
    DemoUser(
        "environment",
        "directorate",
        "Erin",
        "Environment",
        "Director of Environment and Neighbourhoods",
        directorate=ENVIRONMENT,
    ),
    # Signs in as Cllr Hyde (seed 003).
    DemoUser("member", "member", "Cllr", "Hyde", "Councillor"),
    DemoUser("admin", "officer", "Ada", "Admin", "System administrator", is_superuser=True),
)

# --- Committees and meetings --------------------------------------------------------------

CHILDRENS_SERVICES_BOARD = "Scrutiny Board (Children's Services)"  # 2009–2010 name
CHILDREN_AND_FAMILIES_BOARD = "Scrutiny Board (Children and Families)"  # 2011–2012 name
EXECUTIVE_BOARD = "Executive Board"

COMMITTEES = (
    (CHILDRENS_SERVICES_BOARD, "scrutiny"),
    (CHILDREN_AND_FAMILIES_BOARD, "scrutiny"),
    (EXECUTIVE_BOARD, "executive"),
)

# Seed 003 lists the board's members in its working groups; the seeds name no board chair.
CHILDRENS_SERVICES_MEMBERS = (
    ("Cllr Hyde", "councillor"),
    ("Cllr Driver", "councillor"),
    ("Cllr Morgan", "councillor"),
    ("Mr Britten", "coopted"),
    ("Mr Falkingham", "coopted"),
    ("Ms Morris-Boam", "coopted"),
    ("Prof Gosden", "coopted"),
)
# The demo member signs in as Cllr Hyde on both boards (the seeds do not list the
# 2011–2012 board's members: this membership is invented).
MEMBER_USER_MEMBERSHIPS = (
    (CHILDRENS_SERVICES_BOARD, "Cllr Hyde", "councillor"),
    (CHILDREN_AND_FAMILIES_BOARD, "Cllr Hyde", "councillor"),
)

# Dates from the seeds; start times and place invented. Every one has been held.
MEETING_TIME = time(10, 0)
MEETING_PLACE = "Civic Hall, Leeds"
JANUARY_2010_MEETING = (CHILDRENS_SERVICES_BOARD, date(2010, 1, 28))  # seed 000 §1.1
EXECUTIVE_FEBRUARY_2010 = (EXECUTIVE_BOARD, date(2010, 2, 12))  # seed 000
APRIL_2012_MEETING = (CHILDREN_AND_FAMILIES_BOARD, date(2012, 4, 26))  # seed 004
JULY_2012_MEETING = (CHILDREN_AND_FAMILIES_BOARD, date(2012, 7, 19))  # seed 004: "July 2012"
DECEMBER_2012_MEETING = (CHILDREN_AND_FAMILIES_BOARD, date(2012, 12, 13))  # seed 001
JANUARY_2013_MEETING = (CHILDREN_AND_FAMILIES_BOARD, date(2013, 1, 17))  # invented

MEETINGS = (
    JANUARY_2010_MEETING,
    EXECUTIVE_FEBRUARY_2010,
    APRIL_2012_MEETING,
    JULY_2012_MEETING,
    DECEMBER_2012_MEETING,
    JANUARY_2013_MEETING,
)

# --- Inquiry 1: safeguarding (2009–2010), seeds 003 and 000 -------------------------------

SAFEGUARDING_TITLE = "Inquiry into safeguarding children and young people in Leeds"
SAFEGUARDING_STARTED_ON = date(2009, 3, 17)  # the first working group meeting (seed 003)
SAFEGUARDING_TERMS_OF_REFERENCE = "\n\n".join(
    (
        "The Board agreed to establish two working groups to focus on two key areas of safeguarding:",
        "Resources – to consider the adequacy of current children's social work resources to meet core child protection responsibilities",
        "Preventative Duty – to consider the universal safeguarding duty and preventative work, particularly at a wedge level.",
    )
)


@dataclass(frozen=True)
class DemoEvidence:
    title: str
    kind: str = "document"  # document, session or visit
    notes: str = ""


@dataclass(frozen=True)
class DemoWorkingGroup:
    name: str
    first_met_on: date
    remit: str
    chair: str
    members: tuple[str, ...]  # the chair first, as seed 003 lists the group
    supporting_officers: str
    evidence: tuple[DemoEvidence, ...] = ()


# Seed 003's header is a two-column table flattened to text: column one is Resources
# (17 March 2009), column two Preventative Duty (19 March 2009). The two lines that stand
# alone, "Prof Gosden" and "Tony Griffin", continue the longer second column.
SAFEGUARDING_WORKING_GROUPS = (
    DemoWorkingGroup(
        name="Resources",
        first_met_on=date(2009, 3, 17),
        remit="to consider the adequacy of current children's social work resources to meet core child protection responsibilities",
        chair="Cllr Hyde",
        members=("Cllr Hyde", "Cllr Driver", "Cllr Morgan", "Mr Britten"),
        supporting_officers="Jayne Jack",
        evidence=(
            DemoEvidence(
                "Consider the various stages of the journey that a child experiences from initial referral through to a potential child protection plan. Receive information about the various assessments and decision making processes, and the key staff involved.",
                kind="session",
            ),
            DemoEvidence(
                "Detailed information on resources including:",
                notes="\n".join(
                    (
                        "- the current position with regard to social work staff involved in front-line child protection work: eg numbers of social workers, caseload, vacancy rates, sickness rates, recruitment and retention programmes, training and development, supervision, experience levels, turnover.",
                        "- the numbers of children at risk: eg the numbers of referrals, numbers of initial and core assessments, performance against target times for assessments, number of children with a child protection plan",
                        "- budget provision for this area of work",
                        "- the involvement of key partners, eg Police and health partners in relation to resources for front-line child protection work",
                    )
                ),
            ),
            DemoEvidence(
                "Consider the LGA report – Respect and protect: respect, recruitment and retention in children's social work"
            ),
            DemoEvidence(
                "Consider the findings of the audit of child protection plans for 0-4 year olds in Leeds, and the Leeds self-evaluation of issues arising from the 'baby P' case, and relevant action plans from the service transformation programme"
            ),
            DemoEvidence(
                "Consider information about the handling of serious case reviews in Leeds, including Ofsted assessment of the reviews, and the implementation of findings from reviews"
            ),
            DemoEvidence("Visit a duty team", kind="visit"),
            DemoEvidence(
                "Meet with care management team staff and a core group for child protection plans",
                kind="session",
            ),
        ),
    ),
    DemoWorkingGroup(
        name="Preventative Duty",
        first_met_on=date(2009, 3, 19),
        remit="\n\n".join(
            (
                "to consider the universal safeguarding duty and preventative work, particularly at a wedge level.",
                "Focus on progress towards becoming a Common Assessment Framework (CAF)-led city",
            )
        ),
        chair="Cllr Driver",
        members=("Cllr Driver", "Mr Britten", "Mr Falkingham", "Ms Morris-Boam", "Prof Gosden"),
        supporting_officers="Bryan Gocke, Tony Griffin",
        evidence=(
            DemoEvidence(
                "Receive evidence about the pilot implementation of the CAF and Budget Holding Lead Professional programme",
                kind="session",
            ),
            DemoEvidence(
                "Consider evidence on the take-up and outcomes of CAFs across the city to date, including number of CAFs undertaken, number of staff trained to undertake CAFs, spread of lead CAF professionals, examples of good practice and potential barriers to take-up"
            ),
            DemoEvidence(
                "Receive evidence on the role of the voluntary, community and faith sector in contributing to the CAF programme",
                kind="session",
            ),
            DemoEvidence("Meet with local Safeguarding Children Board Chairs", kind="session"),
        ),
    ),
)

# "Joint working" in seed 003: the national perspective, for both groups.
SAFEGUARDING_JOINT_EVIDENCE = (
    DemoEvidence(
        "Lord Laming's report The Protection of Children in England: A Progress Report (12 March 2009)"
    ),
    DemoEvidence(
        "The Secretary of State's initial response to Lord Laming's report (12 March 2009)"
    ),
)

INTERIM_REPORT_TITLE = "Inquiry into Safeguarding - Interim Report"
INTERIM_REPORT_PUBLISHED_ON = date(2010, 1, 28)  # agreed by the board (seed 000 §1.1)
INTERIM_REPORT_SUMMARY = "This interim report includes a single recommendation, directed to the Executive Board, which has implications for Council spending and particularly for Children's Services."

# Seed 000 §3.1: "a single recommendation set out in two parts".
INTERIM_RECOMMENDATION_PARTS = (
    (
        "a",
        "We recommend that the Executive Board includes an increased resource for children's social care staffing in the budget proposals to be put forward to Council in February 2010.",
    ),
    (
        "b",
        "We recommend that the costings provided to us by the Chief Officer for Children and Young People's Social Care for a caseload of 20 cases are used as a minimum starting point for working towards a children's social work service with sufficient staff to ensure a reasonable caseload, and promoting quality outcomes for the children and families of Leeds.",
    ),
)
INTERIM_RECOMMENDATION_TEXT = "\n\n".join(text for _, text in INTERIM_RECOMMENDATION_PARTS)

# Seed 000 §3.2–3.7, the response the Executive Board endorsed on 12 February 2010.
INTERIM_RESPONSE_PARAGRAPHS = (
    "Children's Services recognise and value the depth of the Scrutiny Inquiry into Safeguarding and appreciate the timeliness of this interim report and its recommendation. The Interim Director of Children's Services is happy to support the first part of the Board's recommendation. The need for additional resource has been highlighted throughout analysis carried out with Children and Young People's Social Care during 2009/10. Resource levels are also a key theme in the report on the announced inspection of safeguarding and looked after children's services, published on 7th January 2010. The Council is committed to responding effectively to the findings of that report. A separate report about the announced inspection is also on the February Executive Board agenda.",
    "Before the announced inspection, as the Scrutiny Board's interim report recognises, work had already started to help reduce caseloads. In October 2009, for example, it was agreed that capacity should be increased through 25 new Advanced Practitioner posts. Eight of these have been recruited and will be starting work in these posts in February. The second wave of recruitment has now commenced.",
    "In view of the Scrutiny Board's recommendation, Executive Board is asked to note the report also on its February agenda, which sets out the Council's proposed revenue budget for 2010/11. In broad terms, the scrutiny recommendation is already taken account of within the proposed budget, which incorporates a £6.2 million increase for Children and Young People's Social Care.",
    "What this proposed increase does not do is direct the full amount suggested in the Scrutiny Board's interim report for the immediate recruitment of the additional social worker numbers suggested (and the administrative and managerial staff needed to support these extra numbers). This would be an unrealistic ambition given the limitations of the supply of qualified social workers currently available. Instead, the 2010/11 budget proposals include a two-year approach to increasing social work capacity. Year one builds-in additional funding for the 25 advanced practitioners, alongside a re-designation of other funding into additional frontline social work posts. Year two (2011/12) will allow for further new posts to be built into the social worker establishment. This two-year approach is pragmatic, with a strong focus in year one on remodelling the existing workforce to undertake more support functions and release social worker capacity. Importantly, this increased capacity is part of a wider approach to improving the quality of practice at the front line and the quality of the service as a whole.",
    "It is suggested therefore that Executive Board endorses the recommendation of the Scrutiny Board but rather than proposing the immediate recruitment of the number of additional social workers and support staff suggested in scrutiny's report, agrees a more pragmatic approach, combining the remodelling of existing services along with phased recruitment of additional frontline staff. This is considered a better way to achieve the improved quality and reduced case loads being sought. Over the next two years this approach can significantly improve our support for vulnerable children and young people in Leeds.",
    "If approved, Children's Services will welcome the opportunity to report progress on this approach to the Scrutiny Board. In addition, the progress and impact of this work will be closely monitored by the newly established Improvement Board, ensuring it is continually and effectively reviewed. Executive Board will be kept up-to-date through the monitoring reports on the Children's Services Improvement Plan.",
)
INTERIM_RESPONSE_TEXT = "\n\n".join(INTERIM_RESPONSE_PARAGRAPHS)
INTERIM_PARTIAL_ACCEPTANCE_DETAIL = "\n\n".join(
    (
        'Part (a) is supported: "The Interim Director of Children\'s Services is happy to support the first part of the Board\'s recommendation." The proposed budget for 2010/11 "incorporates a £6.2 million increase for Children and Young People\'s Social Care."',
        'Part (b) is not supported as written: the proposed increase does not "direct the full amount suggested in the Scrutiny Board\'s interim report for the immediate recruitment of the additional social worker numbers suggested", which "would be an unrealistic ambition given the limitations of the supply of qualified social workers currently available." Instead, "a two-year approach to increasing social work capacity": "a more pragmatic approach, combining the remodelling of existing services along with phased recruitment of additional frontline staff."',
    )
)

# --- Inquiry 2: external placements (2011–2012), seed 004 ---------------------------------

EXTERNAL_PLACEMENTS_TITLE = "Inquiry into external placements of looked after children"
# Seed 004 §2.2 says "between September and December 2012", evidently a slip for 2011: the
# report was published on 28 February 2012.
EXTERNAL_PLACEMENTS_STARTED_ON = date(2011, 9, 1)
EXTERNAL_PLACEMENTS_CONCLUDED_ON = date(2011, 12, 31)
EXTERNAL_PLACEMENTS_TERMS_OF_REFERENCE = "\n".join(
    (
        "The purpose of the inquiry was to make an assessment of and, where appropriate, make recommendations on:",
        "- opportunities to safely reduce reliance on external placements; and",
        "- scope to reduce the cost of external placements that continue to be needed.",
    )
)
FINAL_REPORT_TITLE = "Inquiry into external placements"
FINAL_REPORT_PUBLISHED_ON = date(2012, 2, 28)  # seed 004 §1.1
FINAL_REPORT_SUMMARY = "The report recognises the considerable work that has been undertaken by children's services and partners to stabilise the number of looked after children in Leeds but identifies that the numbers have not yet 'turned the curve'. Consequently, seven of the recommendations request an update on progress in relation to key elements of the strategy to reduce the number of looked after children and the associated costs."

JULY_2012 = date(2012, 7, 1)
DEPUTY_DIRECTOR = "Deputy director (safeguarding, specialist and targeted services)"


@dataclass(frozen=True)
class DemoRecommendation:
    number: int
    text: str
    response: tuple[str, ...]  # its paragraphs, in order
    addressed_to: str = "directorate"
    other_body: str = ""
    report_back_meeting_on: tuple[str, date] | None = None
    report_back_month: date | None = None
    report_back_every_months: int | None = None
    responsible_officer: str = ""

    @property
    def response_text(self) -> str:
        return "\n\n".join(self.response)


# Seed 004 §3.2–3.13: each recommendation as quoted (after "Recommendation N – ") and the
# director's response (§3.N.1 onwards). Two paragraphs broken by a page in the seed (in the
# responses to recommendations 7 and 10) are joined again.
EXTERNAL_PLACEMENTS_RECOMMENDATIONS = (
    DemoRecommendation(
        number=1,
        text="That the director of children’s services reports back to us on how local communities can be more proactively engaged in the support to vulnerable families.",
        response=(
            "This recommendation is accepted by the director of children's services. Given the size and complexity of Leeds working effectively at a local level to address needs of vulnerable children is fundamental to the strategy to reduce the number of children becoming looked after. Cluster arrangements have been identified as the most effective mechanism to coordinate local arrangements for service delivery. A wide range of services are being aligned to local clusters, these include children’s centres, (which will be further strengthened by health visitors later in the year), and attendance improvement officers. On 5 March 2012, the children’s social work teams were re-organised on a local geographical basis to support cluster working. Clusters are provided with a range of management information, which includes the number of referrals, children subject to a child protection plan and looked after children from the cluster. This will help to ensure that the work of the cluster is focused on the most vulnerable children in the area. It is recognised that some clusters are more advanced than others and targeted service leaders are being rolled out in the coming year across the city to assist clusters in developing local strategies.",
            "A range of tools are available to clusters. These include Outcomes Based Accountability, the Top 100 Methodology and the Common Assessment Framework. The latter has been revised following consultation with partners, including the voluntary sector, and the simplified record and process has been welcomed and will enable clusters to provide more effective preventative and early intervention services.",
            "The Child Friendly City initiative will be used to focus attention on all children, including those most at risk of poor outcomes. The initiative will provide an opportunity for the Leeds community to engage in supporting vulnerable children.",
        ),
    ),
    DemoRecommendation(
        number=2,
        text="That the director of children’s services provides six monthly updates to us on progress in tackling the budget pressure relating to the cost of external placements. The first report is required July 2012.",
        response=(
            "This recommendation is accepted by the director of children's services and will be included in the report to the Board in July 2012. Expenditure on external placements has been modelled for 2012/13 predicated on a reduction in both the number and costs of looked after children during the year. Progress is monitored by the children's services senior management team and the Looked After Children Programme Group.",
        ),
        report_back_month=JULY_2012,
        report_back_every_months=6,
    ),
    DemoRecommendation(
        number=3,
        text="That the director of children’s services provides a report in July 2012 on savings on the cost of external placements achieved in 2011/12 against the £500k projection, including progress with health contributions.",
        response=(
            "This recommendation is accepted by the director of children's services and will be included in the report to the Board in July 2012. Arrangements to improve commissioning have been strengthened and work has been undertaken with other authorities in the region to improve the quality and reduce the cost of external placements.",
        ),
        report_back_month=JULY_2012,
    ),
    DemoRecommendation(
        number=4,
        text="That the director of children’s services reports to us in July 2012 with an update on progress against each of the key milestones in the programme plan, the majority of which are due to have been achieved by then.",
        response=(
            "This recommendation is accepted by the director of children's services. The Looked After Children Programme Board, chaired by the deputy director (safeguarding, specialist and targeted services), is responsible for driving the turning the curve action plan. The group meets on a fortnightly basis to implement the strategy and monitor progress in relation to each of the key milestones in the action plan and to set new targets where necessary. The group will produce a comprehensive report on progress to the Scrutiny Board (Children and Families) meeting in July 2012.",
        ),
        report_back_month=JULY_2012,
        responsible_officer=DEPUTY_DIRECTOR,
    ),
    DemoRecommendation(
        number=5,
        text="That the director of children’s services reports back to us in July 2012 on progress in launching the fostering recruitment website, and if up and running the impact it has had so far.",
        response=(
            "This recommendation is accepted by the director of children's services. Considerable work has already taken place to revise the recruitment strategy for foster carers including the development of a new website which is due to be launched shortly. A report on progress on recruitment, including the impact of the website, will be provided to the Scrutiny Board (Children and Families) meeting in July 2012.",
        ),
        report_back_month=JULY_2012,
    ),
    DemoRecommendation(
        number=6,
        text="That the Corporate Carers group explores the potential to arrange social events and opportunities for foster carers and children to develop networks.",
        response=(
            "The director of children’s services has discussed this with the chair of the Corporate Carers group and they accept this recommendation. Some work has already been done through the group to raise the profile of foster carers and a dedicated budget of £10,000 has been established to enable members to undertake events to support foster carer recruitment and retention.",
        ),
        addressed_to="other",
        other_body="Corporate Carers group",
    ),
    DemoRecommendation(
        number=7,
        text="That the director of children’s services reviews the payment structure for foster care with particular reference to the impact of the differential between in-house and independent fostering agency rates and reports to the Scrutiny Board with the outcome of this review in July 2012.",
        response=(
            "This recommendation is accepted by the director of children's services. A review of the payment structure for foster care is underway and fees have already been increased to bring them in line with the new Department of Education recommended rates which were set in April 2012. Although it has not concluded it is clear that, so long as Leeds remains dependent on high numbers of independent fostering agency placements, it cannot compete with independent agencies on costs. However, the review is highlighting that in comparison with most independent agencies Leeds offers a greater degree of training and support foster carer. Therefore, the review will explore how this can be improved further. Recognising the contribution that foster carers make to vulnerable children in Leeds will be a key feature of the Child Friendly City strategy, which will provide opportunities for businesses and communities to support foster carers. The outcome of the review will be reported to the Scrutiny Board (Children and Families) meeting in July 2012.",
        ),
        report_back_month=JULY_2012,
    ),
    DemoRecommendation(
        number=8,
        text="That the director of children’s services explores what good practice might be learned from the Tees consortium for the sub-regional work on placement commissioning that is currently taking place in West Yorkshire.",
        response=(
            "This recommendation is accepted by the director of children's services. As part of their work with the other authorities in the region, the commissioning unit has examined the approaches taken by a range of other consortia including the Tees and North West of England consortia to identify best practice and ensure that these are incorporated in the approaches adopted by the West Yorkshire authorities.",
        ),
    ),
    DemoRecommendation(
        number=9,
        text="That the director of children’s services works with the director of environment and neighbourhoods to secure support from the ALMOs to meet the accommodation needs of foster carers.",
        response=(
            "This recommendation is accepted by the director of children's services. The directors of children's services and environment and neighbourhoods and their senior leadership teams meet regularly. There is already a protocol in place with environment and neighbourhoods and ALMO's which ensures that foster carers and kinship carers have priority status. Children's services have established good links with Housing ALMOs and are working with them to identify suitable properties to support the redesign of residential services.",
        ),
    ),
    DemoRecommendation(
        number=10,
        text="That the director of children’s services reports back to us in July 2012 on what formalised input foster carers should have into the review process for children they care for, and how improvements can be made to ensure that their input is considered in practice.",
        response=(
            "This recommendation is accepted by the director of children's services. The importance of the role that foster carers have in lives of looked after children is recognised in the Children Act 1989 Guidance and Regulations which identifies foster carers as one of the key participants in reviews of looked after children. It is important that foster carers are supported to make a contribution to the reviews of children that they care for and that their views are given proper consideration. It is recognised that the review process for looked after children can be complex and stressful for participants, particularly children. The integrated safeguarding unit has been established to support continuing improvement in the quality of practice. The unit brings together the independent reviewing officers and child protection chairs. Key to both of these processes is ensuring that all participants including children, parents and carers are supported to make a positive contribution and that decisions take account of all views. A report will be presented to the Scrutiny Board (Children and Families) meeting in July 2012 setting out how foster carers can contribute to the review process.",
        ),
        report_back_month=JULY_2012,
    ),
    DemoRecommendation(
        number=11,
        text="That the director of children’s services presents the initial residential care review outcomes to us at the April 2012 meeting for comment, with a further update on improvement progress required in July 2012.",
        response=(
            "This recommendation is accepted. A report on progress of the initial residential review is available to the meeting and a further update will be presented to the Scrutiny Board (Children and Families) meeting in July 2012.",
        ),
        report_back_meeting_on=APRIL_2012_MEETING,
        report_back_month=JULY_2012,
    ),
    DemoRecommendation(
        number=12,
        text="That the director of children’s services provides a report to the Scrutiny Board in July 2012 on the decision making capacity of carers when supporting children in their care and how this could be improved to promote autonomy and consistency.",
        response=(
            "This recommendation is accepted by the director of children’s services. Some guidance in relation to decisions that are delegated to foster carers is contained in the Foster Carer handbook. However, it is recognised that this needs to be revised to promote autonomy and consistency in decision making. Draft guidance has been developed in consultation with foster carers and this will be launched at the end of June. The director of children’s services will provide a report on the new guidance to the Scrutiny Board (Children and Families) meeting in July 2012.",
        ),
        report_back_month=JULY_2012,
    ),
)

# --- Tracking (the July and December 2012 meetings) ---------------------------------------


@dataclass(frozen=True)
class DemoStatement:
    number: int
    text: str
    proposed_position: int | None = None


# Position statements for the July 2012 report-back: invented, modestly, from what the
# director's response promised (seed 004).
JULY_2012_STATEMENTS = (
    DemoStatement(
        2,
        "The first six monthly update on progress in tackling the budget pressure relating to the cost of external placements is included in the report of the Looked After Children Programme Group to this meeting.",
        proposed_position=4,
    ),
    DemoStatement(
        3,
        "A report on savings on the cost of external placements achieved in 2011/12 against the £500k projection, including progress with health contributions, is included in the report to this meeting.",
        proposed_position=2,
    ),
    DemoStatement(
        5,
        "A report on progress on recruitment, including the impact of the website, is presented to this meeting.",
        proposed_position=4,
    ),
)

# The board's decisions: (meeting, recommendation number, position on the tracking scale).
ASSESSMENTS = (
    (JULY_2012_MEETING, 2, 4),
    (JULY_2012_MEETING, 3, 2),
    (JULY_2012_MEETING, 5, 4),
    (DECEMBER_2012_MEETING, 2, 4),
)
