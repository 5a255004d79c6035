"""`python manage.py render_paper`: make a board paper's PDF without the web server.

    python manage.py render_paper response --report 3 --output response.pdf
    python manage.py render_paper tracking --meeting 4 --output tracking.pdf
    python manage.py render_paper briefing --meeting 4 --output briefing.pdf [--date 2012-07-12]
    python manage.py render_paper plan --plan 1 --output plan.pdf [--date 2013-01-31]

The paper is the one the public would get (agreed responses to published, non-exempt
reports only) unless --user names a user whose paper to make.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.db.models import QuerySet
from django.utils import timezone

from accounts.models import User
from inspections.models import ImprovementPlan
from papers import documents
from papers.rendering import Paper, PaperRenderError, render_html, render_pdf
from recommendations.models import Meeting, Report


@dataclass(frozen=True)
class PaperSource:
    """What a kind of paper is made from: the object an option names, and who may read it."""

    option: str  # the option naming the object's id
    noun: str  # how errors name the object
    paper: str  # how errors name the paper
    objects: Callable[[], QuerySet]
    build: Callable[[Any, Any, date], Paper]  # (object, user, day prepared)
    permission: str | None = None  # None: anyone may have it
    not_public: str = ""  # why the object may not be public


def _meetings() -> QuerySet:
    return Meeting.objects.select_related("committee")


SOURCES = {
    "response": PaperSource(
        option="report",
        noun="report",
        paper="A response paper",
        objects=lambda: Report.objects.select_related("committee", "inquiry", "inspection"),
        build=lambda report, user, day: documents.response_paper(report, user),
        permission="papers.view_response_paper",
        not_public="exempt or not yet published",
    ),
    "tracking": PaperSource(
        option="meeting",
        noun="meeting",
        paper="A tracking paper",
        objects=_meetings,
        build=lambda meeting, user, day: documents.tracking_paper(meeting, user),
    ),
    "briefing": PaperSource(
        option="meeting",
        noun="meeting",
        paper="A briefing paper",
        objects=_meetings,
        build=documents.briefing_paper,
    ),
    "plan": PaperSource(
        option="plan",
        noun="improvement plan",
        paper="A plan monitoring report",
        objects=lambda: ImprovementPlan.objects.select_related("committee", "inspection"),
        build=documents.plan_paper,
        permission="inspections.view_improvementplan",
        not_public="not yet published",
    ),
}
PAPERS = tuple(SOURCES)


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

    def get_paper(self, options, user) -> Paper:
        source = SOURCES[options["paper"]]
        pk = options[source.option]
        if pk is None:
            raise CommandError(f"{source.paper} needs --{source.option} <id>.")
        found = source.objects().filter(pk=pk).first()
        if found is None:
            raise CommandError(f"There is no {source.noun} with id {pk}.")
        if source.permission and not user.has_perm(source.permission, found):
            raise CommandError(
                f"{source.noun.capitalize()} {found.pk} is not public ({source.not_public}): "
                "use --user to make the paper as someone who may read it."
            )
        return source.build(found, user, options["date"] or timezone.localdate())
