"""How long importing a tracker and exporting a list take, and their peak memory.

    python -m benchmarks exchange [--import-rows=5000,20000] [--export-rows=100000]
                                  [--formats=xlsx,csv]

(`--import-rows=0` times the export alone.)

Imports: a tracker of N rows (every row with a response, a status and an update, across
N/20 reports) read, checked and written by the importer (what `import_recommendations
--commit` and the browser's background import do), into an empty database. Exports: the
whole recommendations list as its officer downloads it, for a database holding N
recommendations with agreed responses and tracking decisions. Each case runs in its own
process against a throwaway SQLite database, so its peak memory (maxrss) is its own.
"""

import csv
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, django_setup, run_step

DEFAULT_IMPORT_ROWS = (5_000, 20_000)
DEFAULT_EXPORT_ROWS = 100_000
DEFAULT_FORMATS = ("xlsx", "csv")
TEXT = (
    "That the Director of Children's Services reports back on recommendation {n}, including "
    "the costs of external placements and the recruitment of foster carers (£1.2m in 2011/12)."
)
HEADERS = [
    "Committee",
    "Review",
    "Date of report",
    "Rec No",
    "Recommendation",
    "Lead",
    "Executive response",
    "Comments",
    "Status",
    "Date assessed",
    "Progress update",
]


def _django(database: Path) -> None:
    django_setup(f"sqlite:///{database}")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _tracker_rows(count: int) -> list[list[str]]:
    rows = [HEADERS]
    for n in range(1, count + 1):
        report = (n - 1) // 20 + 1
        rows.append(
            [
                "Scrutiny Board (Children and Families)",
                f"Inquiry {report}",
                "29/01/2010",
                str((n - 1) % 20 + 1),
                TEXT.format(n=n),
                "Children's Services" if n % 3 else "Executive Board",
                "Accepted" if n % 4 else "Partially accepted",
                "The recommendation is accepted and a review is under way.",
                "Achieved" if n % 2 else "4",
                "15/09/2011",
                "Progress reported to the board.",
            ]
        )
    return rows


def _write_tracker(rows: list[list[str]], path: Path) -> None:
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Tracker")
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def case_import(database: Path, tracker: Path) -> dict:
    _django(database)
    from exchange.models import ImportJob
    from exchange.planning import Options, plan_import
    from exchange.reading import read_table
    from exchange.services import import_commit

    started = time.perf_counter()
    table = read_table(tracker.read_bytes(), tracker.name)
    read = time.perf_counter()
    plan = plan_import(table, Options())
    assert plan.is_clean, plan.problems[:5]
    planned = time.perf_counter()
    job = ImportJob.objects.create(filename=tracker.name)
    result = import_commit(plan=plan, job=job, user=None)
    done = time.perf_counter()
    assert result.recommendations == len(table.rows), str(result)
    return {
        "read_s": read - started,
        "check_s": planned - read,
        "write_s": done - planned,
        "total_s": done - started,
        "peak_mb": _peak_mb(),
    }


def setup_export(database: Path, count: int) -> None:
    """`count` recommendations in reports of 20, each with an agreed response and a
    tracking decision, written in bulk (no history: it is not what is measured)."""
    _django(database)
    from datetime import date, datetime
    from datetime import time as clock

    from django.core.management import call_command
    from django.utils import timezone

    from accounts.models import Role, User
    from benchmarks.synthetic import (
        accepted_response,
        assessment,
        bulk_recommendations,
        inquiry_report,
    )
    from recommendations.models import (
        Committee,
        Directorate,
        Meeting,
        Recommendation,
        TrackingAssessment,
        TrackingStatus,
    )
    from responses.models import Response

    call_command("migrate", verbosity=0)
    officer = User.objects.create(username="officer", role=Role.OFFICER)
    directorate = Directorate.objects.create(name="Children's Services", director_title="DCS")
    committee = Committee.objects.create(name="Scrutiny Board (Children and Families)")
    meeting = Meeting.objects.create(committee=committee, date=date(2011, 9, 15), status="held")
    status = TrackingStatus.objects.get(position=4)
    agreed_at = timezone.make_aware(datetime.combine(date(2010, 3, 1), clock(12)))
    for first in range(0, count, 5000):
        reports = [
            inquiry_report(
                committee,
                f"Inquiry {start // 20}",
                published_on=date(2010, 1, 29),
                received_on=date(2010, 1, 29),
            )
            for start in range(first, min(first + 5000, count), 20)
        ]
        recommendations = bulk_recommendations(
            [
                Recommendation(
                    report=report,
                    number=number,
                    reference=str(number),
                    text=TEXT.format(n=number),
                    directorate=directorate,
                    current_status=status,
                    last_assessed_on=meeting.date,
                )
                for report in reports
                for number in range(1, 21)
            ][: count - first]
        )
        Response.objects.bulk_create(
            accepted_response(
                r,
                text="Accepted; a review is under way.",
                author=officer,
                at=agreed_at,
                agreed_by=officer,
            )
            for r in recommendations
        )
        TrackingAssessment.objects.bulk_create(
            assessment(r, meeting, status, officer, comment="Progress made.")
            for r in recommendations
        )
    # Written in bulk, without the saves that keep the stored values in step.
    call_command("rebuild_search", stdout=io.StringIO())


def case_export(database: Path, format: str) -> dict:
    _django(database)
    from accounts.models import User
    from exchange.exporting import csv_lines, write_xlsx
    from recommendations.selectors import recommendations_visible_to

    officer = User.objects.get(username="officer")
    recommendations = recommendations_visible_to(officer).order_by(
        "-report__published_on", "report", "number"
    )
    started = time.perf_counter()
    if format == "csv":
        size = sum(len(line.encode()) for line in csv_lines(recommendations, officer))
    else:
        with tempfile.TemporaryFile() as file:
            write_xlsx(recommendations, officer, file)
            size = file.tell()
    return {
        "total_s": time.perf_counter() - started,
        "peak_mb": _peak_mb(),
        "bytes": size,
    }


def _subprocess(*args: str) -> dict:
    return run_step("benchmarks.exchange", *args)


OPTIONS = ("--import-rows=", "--export-rows=", "--formats=")


def _option(argv: list[str], name: str, default):
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


def run(argv: list[str]) -> int:
    chosen = str(_option(argv, "import-rows", ""))
    # --import-rows=0 leaves the imports out (to time the export alone).
    import_rows = (
        [int(n) for n in chosen.split(",") if n and int(n) > 0]
        if chosen
        else list(DEFAULT_IMPORT_ROWS)
    )
    export_rows = int(_option(argv, "export-rows", DEFAULT_EXPORT_ROWS))
    formats = str(_option(argv, "formats", ",".join(DEFAULT_FORMATS))).split(",")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        empty = folder / "empty.sqlite3"
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": f"sqlite:///{empty}"},
            check=True,
        )
        print("Import (read + check + write, one transaction), into an empty database")
        for rows in import_rows:
            data = _tracker_rows(rows)
            for format in formats:
                tracker = folder / f"tracker-{rows}.{format}"
                _write_tracker(data, tracker)
                database = folder / f"import-{rows}-{format}.sqlite3"
                shutil.copy(empty, database)
                result = _subprocess("--case=import", str(database), str(tracker))
                print(
                    f"  {rows:>6,} rows {format:<4} {tracker.stat().st_size / 1e6:5.1f} MB: "
                    f"{result['total_s']:6.1f} s (read {result['read_s']:.1f}, check "
                    f"{result['check_s']:.1f}, write {result['write_s']:.1f}), "
                    f"peak {result['peak_mb']:.0f} MB"
                )
        print(f"Export of {export_rows:,} recommendations (streamed)")
        database = folder / "export.sqlite3"
        _subprocess("--case=setup-export", str(database), str(export_rows))
        for format in formats:
            result = _subprocess("--case=export", str(database), format)
            print(
                f"  {format:<4}: {result['total_s']:6.1f} s, {result['bytes'] / 1e6:.1f} MB file, "
                f"peak {result['peak_mb']:.0f} MB"
            )
    return 0


if __name__ == "__main__":
    case = _option(sys.argv[1:], "case", "")
    positional = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    if case == "import":
        print(json.dumps(case_import(Path(positional[0]), Path(positional[1]))))
    elif case == "setup-export":
        setup_export(Path(positional[0]), int(positional[1]))
        print(json.dumps({}))
    elif case == "export":
        print(json.dumps(case_export(Path(positional[0]), positional[1])))
    else:
        sys.exit(run(sys.argv[1:]))
