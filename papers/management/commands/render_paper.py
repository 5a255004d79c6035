"""`python manage.py render_paper`: make a board paper's PDF without the web server.

    python manage.py render_paper response --report 3 --output response.pdf
    python manage.py render_paper tracking --meeting 4 --output tracking.pdf
    python manage.py render_paper briefing --meeting 4 --output briefing.pdf [--date 2012-07-12]
    python manage.py render_paper plan --plan 1 --output plan.pdf [--date 2013-01-31]

The paper is the one the public would get (agreed responses to published, non-exempt
reports only) unless --user names a user whose paper to make.
"""

from datetime import date
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import User
from inspections.models import ImprovementPlan
from papers import documents
from papers.rendering import PaperRenderError, render_html, render_pdf
from recommendations.models import Meeting, Report

PAPERS = ("response", "tracking", "briefing", "plan")


class Command(BaseCommand):
    help = (
        "Make the PDF of a board paper: a response report, a tracking report, a members' "
        "briefing or an improvement plan monitoring report."
    )

    def add_arguments(self, parser):
        parser.add_argument("paper", choices=PAPERS, help="Which paper to make.")
        parser.add_argument("--report", type=int, help="The report's id (for a response paper).")
        parser.add_argument(
            "--meeting", type=int, help="The meeting's id (for a tracking report or briefing)."
        )
        parser.add_argument(
            "--plan", type=int, help="The improvement plan's id (for a plan monitoring report)."
        )
        parser.add_argument("--output", "-o", required=True, help="The PDF file to write.")
        parser.add_argument(
            "--user",
            help="Make the paper as this user sees it (username); default: the public's paper.",
        )
        parser.add_argument(
            "--date",
            type=date.fromisoformat,
            help="For a briefing or plan report: the day it is prepared (YYYY-MM-DD); default today.",
        )
        parser.add_argument(
            "--html", action="store_true", help="Write the HTML given to WeasyPrint instead."
        )
        parser.add_argument(
            "--timeout",
            type=float,
            help="Seconds the PDF may take (default: the PAPERS_RENDER_TIMEOUT_SECONDS setting).",
        )

    def handle(self, *args, **options):
        user = self.get_user(options["user"])
        paper = self.get_paper(options, user)
        output = Path(options["output"])
        if options["html"]:
            output.write_text(render_html(paper), encoding="utf-8")
        else:
            kwargs = {} if options["timeout"] is None else {"timeout": options["timeout"]}
            try:
                pdf = render_pdf(paper, **kwargs)
            except PaperRenderError as error:
                raise CommandError(f"Could not make the paper: {error}") from error
            output.write_bytes(pdf)
        self.stdout.write(f"Wrote {paper.title} to {output}")

    def get_user(self, username):
        if not username:
            return AnonymousUser()
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"There is no user {username!r}.") from None

    def get_paper(self, options, user):
        kind = options["paper"]
        if kind == "response":
            if options["report"] is None:
                raise CommandError("A response paper needs --report <id>.")
            report = (
                Report.objects.select_related("committee", "inquiry", "inspection")
                .filter(pk=options["report"])
                .first()
            )
            if report is None:
                raise CommandError(f"There is no report with id {options['report']}.")
            if not user.has_perm("papers.view_response_paper", report):
                raise CommandError(
                    f"Report {report.pk} is not public (exempt or not yet published): "
                    "use --user to make the paper as someone who may read it."
                )
            return documents.response_paper(report, user)
        if kind == "plan":
            return self.get_plan_paper(options, user)
        if options["meeting"] is None:
            raise CommandError(f"A {kind} paper needs --meeting <id>.")
        meeting = Meeting.objects.select_related("committee").filter(pk=options["meeting"]).first()
        if meeting is None:
            raise CommandError(f"There is no meeting with id {options['meeting']}.")
        if kind == "tracking":
            return documents.tracking_paper(meeting, user)
        return documents.briefing_paper(meeting, user, options["date"] or timezone.localdate())

    def get_plan_paper(self, options, user):
        if options["plan"] is None:
            raise CommandError("A plan monitoring report needs --plan <id>.")
        plan = (
            ImprovementPlan.objects.select_related("committee", "inspection")
            .filter(pk=options["plan"])
            .first()
        )
        if plan is None:
            raise CommandError(f"There is no improvement plan with id {options['plan']}.")
        if not user.has_perm("inspections.view_improvementplan", plan):
            raise CommandError(
                f"Improvement plan {plan.pk} is not public (not yet published): "
                "use --user to make the paper as someone who may read it."
            )
        return documents.plan_paper(plan, user, options["date"] or timezone.localdate())
