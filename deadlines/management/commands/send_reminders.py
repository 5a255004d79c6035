"""Run daily by a scheduler (cron or a systemd timer, see docs/deadlines.md)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from deadlines.services import reminders_send


class Command(BaseCommand):
    help = (
        "Email each directorate a digest of its due-soon, at-risk and overdue responses and "
        "position statements, and each committee's scrutiny officer one for the committee. "
        "Each item is sent once per stage; failed emails are recorded and retried next run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help="Run as if today were this date (YYYY-MM-DD), e.g. to catch up a missed day.",
        )

    def handle(self, *args, **options):
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
            except ValueError as error:
                raise CommandError("--today must be a date like 2012-07-19.") from error
        run = reminders_send(today=today)
        self.stdout.write(str(run))
        for address in run.failed:
            self.stderr.write(f"Failed: {address} (recorded; retried on the next run)")
        if run.failed and not run.sent:
            raise CommandError("No reminder could be sent: is the mail server reachable?")
