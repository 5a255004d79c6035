# ruff: noqa: E501
"""The demo's response paper: seed 004's narrative, word for word, kept with the external
placements report. Called at the end of `manage.py load_demo`; idempotent."""

from datetime import date

from accounts.models import User
from papers.models import ResponsePaper
from papers.services import response_paper_save
from recommendations.models import Report
from scrutiny.demo import recommendations_data as demo_data
from scrutiny.demo.loading import assign

EXTERNAL_PLACEMENTS_PAPER = {
    "report_of": "Director of Children's Services",
    "report_to": "Children and Families Scrutiny Board",
    "paper_date": date(2012, 4, 26),
    "subject": "Response to Scrutiny inquiry report – external placements",
    "wards_affected": False,
    "equality_implications": False,
    "eligible_for_call_in": False,
    "contains_exempt_information": False,
    "summary_of_main_issues": "This report sets out the Director of Children's Services response to the recommendations of the Scrutiny Board (Children and Families) inquiry into the external placements of looked after children, published on the 28th of February 2012.",
    "summary_recommendations": "Members are requested to approve the proposed responses as outlined in this report.",
    "purpose": "This report sets out the response of the director of children's services to the recommendations of the Scrutiny Board (Children and Families) inquiry into the external placements of looked after children, published on the 28th of February 2012.",
    "background": "\n\n".join(
        (
            "Reducing the number of looked after children is one of the three 'obsessions' of the Children and Young People's plan. The Scrutiny Board (Children and Families) identified that the cost of external placements for looked after children is the key budget challenge for children's services and that reducing expenditure in relation to independent fostering agency and residential placements is essential if investment in the preventative and early intervention services necessary to 'turn the curve' on the number of looked after children is to be sustained. Therefore, the Scrutiny Board (Children and Families) focused their inquiry on external placements.",
            "The Scrutiny Board (Children and Families) undertook their inquiry between September and December 2012. The purpose of the inquiry was to make an assessment of and, where appropriate, make recommendations on:\n"
            "- opportunities to safely reduce reliance on external placements; and\n"
            "- scope to reduce the cost of external placements that continue to be needed.",
            "In undertaking its inquiry the Scrutiny Board (Children and Families) gathered and evaluated a wide range of evidence including written reports, verbal evidence, visits and observations. The report resulting from the inquiry is comprehensive and makes a total of twelve recommendations. The report recognises the considerable work that has been undertaken by children's services and partners to stabilise the number of looked after children in Leeds but identifies that the numbers have not yet 'turned the curve'. Consequently, seven of the recommendations request an update on progress in relation to key elements of the strategy to reduce the number of looked after children and the associated costs.",
            "The director of children's services has accepted all the recommendations. A Looked After Children Programme Group has been established within children's services to drive forward the strategy for turning the curve on the number of looked after children. This group is chaired by the deputy director (safeguarding, specialist and targeted services) and brings together key staff from across children's services. The group will produce a comprehensive report on progress to the Scrutiny Board (Children and Families) meeting in July 2012.",
        )
    ),
    "main_issues_introduction": "This section considers each of the twelve recommendations made by the Scrutiny Board (Children and Families) in their report and the response from the director of children's services.",
    "consultation": "The Scrutiny Board (Children and Families) consulted widely as part of their review.",
    "equality": "Equality and diversity screening was not required as a response to the recommendations of the Scrutiny Board (Children and Families) recommendations. These issues will be considered in the report to the Scrutiny Board (Children and Families) in July 2012.",
    "council_policies": "There are no immediate implications for council policy and governance.",
    "resources": "The recommendations will be resourced from within existing Children's Services staffing and budgets, and funding is secured within the approved budget for 2012/13.",
    "legal": "None",
    "risk_management": "The risks associated with the recommendations are managed by the Looked After Children Programme Group which is chaired by the deputy director (safeguarding, specialist and targeted services)",
    "conclusions": "The Scrutiny Board (Children and Families) inquiry into external placements has identified some important learning for children's services. The recommendations it makes will help the service to strengthen practice and enable the Scrutiny Board to monitor progress in this area. The actions proposed in response to these recommendations will ensure that this is the case, and that work with staff and service users relating to external placements is taken forward effectively in the future.",
    "recommendations": "Members are requested to approve the proposed responses as outlined in this report.",
    "background_documents": "Report of the Scrutiny Board (Children and Families) inquiry into external placements",
}


def load_demo_papers() -> int:
    """Write the demo response paper where it is missing or differs; say how many were written."""
    report = Report.objects.filter(
        inquiry__title=demo_data.EXTERNAL_PLACEMENTS_TITLE, title=demo_data.FINAL_REPORT_TITLE
    ).first()
    officer = User.objects.filter(username="officer").first()
    if report is None or officer is None:
        return 0
    paper = ResponsePaper.objects.filter(report=report).first() or ResponsePaper(report=report)
    changed = assign(paper, EXTERNAL_PLACEMENTS_PAPER) or paper.pk is None
    if not changed:
        return 0
    response_paper_save(paper=paper, user=officer)
    return 1
