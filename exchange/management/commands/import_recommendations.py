"""Import a council's recommendations tracker (CSV or XLSX). A dry run unless --commit."""

import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exchange.columns import COLUMNS_BY_KEY
from exchange.models import ImportJob
from exchange.planning import Options, Plan, decision_for, plan_import
from exchange.reading import MAX_FILE_BYTES, UnreadableFile, read_table
from exchange.services import import_commit


def _mapping(values: list[str], option: str) -> dict[str, str]:
    mapping = {}
    for value in values:
        source, equals, target = value.partition("=")
        if not equals or not source.strip() or not target.strip():
            raise CommandError(f'{option} takes "VALUE=TARGET", not "{value}".')
        mapping[source.strip()] = target.strip()
    return mapping


class Command(BaseCommand):
    help = (
        "Import recommendations from a tracker spreadsheet. Without --commit it is a dry run: "
        "it prints what it would create and every problem, exits 0 if the file would import "
        "cleanly and 1 otherwise, and writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .xlsx file")
        parser.add_argument("--sheet", help="The sheet of an XLSX workbook (default: the first)")
        parser.add_argument("--committee", default="", help="The committee, if the file has none")
        parser.add_argument(
            "--report", default="", help="The inquiry or report title, if the file has none"
        )
        parser.add_argument(
            "--report-date", default="", help="The report's date (YYYY-MM-DD), if the file has none"
        )
        parser.add_argument(
            "--map-status",
            action="append",
            default=[],
            metavar="VALUE=STATUS",
            help="Read a status the scale does not know as one of the scale's (name or position)",
        )
        parser.add_argument(
            "--map-decision",
            action="append",
            default=[],
            metavar="VALUE=DECISION",
            help="Read a decision as accepted, partially accepted or not accepted",
        )
        parser.add_argument("--commit", action="store_true", help="Write the records")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError("The file is larger than 10 MB: split it into smaller files.")
        report_date = None
        if options["report_date"]:
            try:
                report_date = date.fromisoformat(options["report_date"])
            except ValueError:
                raise CommandError("--report-date takes a date like 2010-01-29.") from None
        decision_map = _mapping(options["map_decision"], "--map-decision")
        for value, decision in decision_map.items():
            if decision_for(decision) is None:
                raise CommandError(
                    f'--map-decision "{value}={decision}": the decision is accepted, '
                    "partially accepted or not accepted."
                )
        content = path.read_bytes()
        try:
            table = read_table(content, path.name, options["sheet"])
        except UnreadableFile as error:
            raise CommandError(str(error)) from None
        plan = plan_import(
            table,
            Options(
                status_map=_mapping(options["map_status"], "--map-status"),
                decision_map=decision_map,
                committee=options["committee"],
                report=options["report"],
                report_date=report_date,
            ),
        )
        self._print_plan(plan, table.sheet)
        if not plan.is_clean:
            self.stderr.write(
                f"{len(plan.problems)} problem(s): nothing {'was' if options['commit'] else 'would be'} imported."
            )
            sys.exit(1)
        if not options["commit"]:
            self.stdout.write(
                "The file would import cleanly. Run again with --commit to import it."
            )
            return
        job = ImportJob.objects.create(
            filename=path.name[:255],
            sheet=table.sheet,
            state=ImportJob.State.RUNNING,
            rows_total=plan.rows_read,
        )
        result = import_commit(plan=plan, job=job, user=None)
        job.state = ImportJob.State.DONE
        job.summary = str(result)
        job.created_count = result.recommendations
        job.already_imported_count = result.already_imported
        job.save()
        self.stdout.write(self.style.SUCCESS(str(result)))

    def _print_plan(self, plan: Plan, sheet: str) -> None:
        write = self.stdout.write
        if sheet:
            write(f"Sheet: {sheet}")
        write("Columns:")
        for position, key in sorted(plan.columns.items()):
            write(f"  {plan.headers[position]!r} -> {COLUMNS_BY_KEY[key].header}")
        if plan.ignored:
            write("Ignored columns: " + ", ".join(repr(h) for h in plan.ignored))
        write(f"Rows read: {plan.rows_read}")
        for name in plan.new_committees:
            write(f"Would create committee: {name}")
        for committee, title in plan.new_inquiries:
            write(f"Would create inquiry: {title} ({committee})")
        for _committee, _inquiry, title, on in plan.new_reports:
            write(f"Would create report: {title}, {on:%d/%m/%Y}")
        responses = sum(1 for item in plan.recommendations if item.decision)
        decisions = sum(1 for item in plan.recommendations if item.status)
        write(
            f"Would create {len(plan.recommendations)} recommendations, {responses} agreed "
            f"responses and {decisions} tracking decisions."
        )
        for note in plan.notes:
            write(note)
        for problem in plan.problems:
            self.stderr.write(f"Problem: {problem}")
