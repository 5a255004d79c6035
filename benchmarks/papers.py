"""How long each board paper takes to make, and its peak memory, for 10, 50 and 200
recommendations; against WeasyPrint alone rendering the same HTML saved to a file.

    python -m benchmarks papers [--sizes=10,50,200] [--keep]

Everything runs against a throwaway SQLite database in a temporary folder. Each case is
its own subprocess, so its peak memory (getrusage maxrss) is its own:

- "app": the paper as the web and `render_paper` make it: the documents module's queries, the
  template, and the PDF in the time-limited renderer process. "cold" is the first paper
  in a fresh process (it starts the renderer's forkserver and imports WeasyPrint there);
  "warm" is the next one, as a running web worker makes it. Peak memory is the larger of
  the Django process and the renderer.
- "raw": `weasyprint.HTML(filename=...).write_pdf(pdf_variant="pdf/ua-1")` on the HTML
  the app rendered, its static files read from disk, in a process doing nothing else.

Goals: the 200-recommendation tracking report in under 10 s and 400 MB, and within 1.5×
of the raw WeasyPrint time (issue 3; the exit status says whether they are met); and the
speed goal of issue 14, under 3 s warm and within 1.1× of WeasyPrint alone (reported).
"""

import io
import json
import os
import resource
import sys
import tempfile
import time
from datetime import UTC
from pathlib import Path

from benchmarks.common import ROOT, django_setup, run_step

DEFAULT_SIZES = (10, 50, 200)
PAPERS = ("tracking", "response", "briefing")
GOAL_SECONDS, GOAL_MB, GOAL_RATIO = 10.0, 400, 1.5
SPEED_GOAL_SECONDS, SPEED_GOAL_RATIO = 3.0, 1.1
OPTIONS = ("--sizes=", "--keep")

RECOMMENDATION = (
    "That the director of children's services reports back to us in July 2012 on the "
    "progress made in recommendation {n}, including the costs of external placements, the "
    "recruitment of foster carers and the views of children and young people in care."
)
RESPONSE = (
    "This recommendation is accepted by the director of children's services. A review is "
    "underway and its findings will be reported to the Scrutiny Board (Children and "
    "Families) meeting in July 2012. Progress is monitored by the Looked After Children "
    "Programme Group, which meets fortnightly, and by the senior management team."
)
STATEMENT = (
    "A report on progress is presented to this meeting. The programme group has met its "
    "milestones for the quarter and the number of external placements has fallen."
)


def _django(database: Path) -> None:
    django_setup(f"sqlite:///{database}")


def _peak_mb() -> tuple[float, float]:
    """(this process, its largest reaped child) peak resident memory in MB (Linux: KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


# --- in a subprocess: build the database ------------------------------------------------


def setup(database: Path, sizes: list[int]) -> dict:
    """A committee per size, with a meeting at which `size` recommendations are due, each
    with an agreed response and a submitted position statement; half assessed before."""
    from datetime import date, datetime

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from accounts.models import Role, User
    from benchmarks.synthetic import (
        accepted_response,
        assessment,
        bulk_recommendations,
        inquiry_report,
        submitted_statement,
    )
    from recommendations.models import (
        Committee,
        Directorate,
        Meeting,
        Recommendation,
        TrackingAssessment,
        TrackingStatus,
    )
    from responses.models import PositionStatement, Response

    officer = User.objects.create(username="bench-officer", role=Role.OFFICER)
    directorate = Directorate.objects.create(
        name="Children's Services", director_title="Director of Children's Services"
    )
    director = User.objects.create(
        username="bench-director", role=Role.DIRECTORATE, directorate=directorate
    )
    statuses = list(TrackingStatus.objects.order_by("position"))
    at = datetime(2012, 4, 26, 12, tzinfo=UTC)
    cases = {}
    for size in sizes:
        committee = Committee.objects.create(name=f"Scrutiny Board {size}")
        earlier = Meeting.objects.create(committee=committee, date=date(2012, 4, 26))
        meeting = Meeting.objects.create(committee=committee, date=date(2012, 7, 19))
        reports = [
            inquiry_report(
                committee,
                f"Inquiry {letter} ({size})",
                report_title=f"Final report of Inquiry {letter} ({size})",
                published_on=date(2012, 2, 28),
                received_on=date(2012, 2, 28),
            )
            for letter in "ABCD"
        ]
        recommendations = bulk_recommendations(
            [
                Recommendation(
                    report=reports[n % len(reports)] if size > 10 else reports[0],
                    number=n + 1,
                    text=RECOMMENDATION.format(n=n + 1),
                    directorate=directorate,
                    report_back_meeting=meeting,
                )
                for n in range(size)
            ]
        )
        Response.objects.bulk_create(
            accepted_response(
                rec,
                text=RESPONSE,
                author=director,
                at=at,
                agreed_by=officer,
                directorate=directorate,
            )
            for rec in recommendations
        )
        PositionStatement.objects.bulk_create(
            submitted_statement(
                rec,
                due_on=meeting.date,
                text=STATEMENT,
                author=director,
                at=at,
                meeting=meeting,
                proposed_status=statuses[rec.number % len(statuses)],
                directorate=directorate,
            )
            for rec in recommendations
        )
        TrackingAssessment.objects.bulk_create(
            assessment(rec, earlier, statuses[3], officer) for rec in recommendations[::2]
        )
        cases[size] = {"meeting": meeting.pk, "report": reports[0].pk}
    # Written in bulk, without the saves that keep the stored values in step.
    call_command("rebuild_search", stdout=io.StringIO())
    return cases


# --- in a subprocess: one case -----------------------------------------------------------


def _paper(kind: str, case: dict):
    from datetime import date

    from accounts.models import User
    from papers import documents
    from recommendations.models import Meeting, Report

    officer = User.objects.get(username="bench-officer")
    if kind == "response":
        return documents.response_paper(Report.objects.get(pk=case["report"]), officer)
    meeting = Meeting.objects.select_related("committee").get(pk=case["meeting"])
    if kind == "tracking":
        return documents.tracking_paper(meeting, officer)
    return documents.briefing_paper(meeting, officer, date(2012, 7, 12))


def app_case(kind: str, case: dict, html_out: Path) -> dict:
    import multiprocessing.forkserver

    from django.core.cache import caches
    from pypdf import PdfReader

    from papers.rendering import render_html, render_pdf

    timings = []
    for _ in range(2):  # cold, then warm
        caches["papers"].clear()  # made, not served from the cache of the last one
        start = time.perf_counter()
        pdf = render_pdf(_paper(kind, case))
        timings.append(time.perf_counter() - start)
    html_out.write_text(render_html(_paper(kind, case)), encoding="utf-8")
    pdf_file = html_out.with_suffix(".pdf")
    pdf_file.write_bytes(pdf)
    pages = len(PdfReader(pdf_file).pages)
    # Stop the renderer's forkserver so its (and its renderers') peak is counted as a child.
    multiprocessing.forkserver._forkserver._stop()
    own, children = _peak_mb()
    return {"cold": timings[0], "warm": timings[1], "mb": max(own, children), "pages": pages}


def raw_case(html_file: Path) -> dict:
    import weasyprint

    # The same HTML, its /static/ URLs pointed at the files on disk.
    html = html_file.read_text(encoding="utf-8")
    html = html.replace('href="/static/', f'href="{(ROOT / "static").as_uri()}/')
    saved = html_file.with_name(html_file.stem + "-raw.html")
    saved.write_text(html, encoding="utf-8")
    start, cpu = time.perf_counter(), time.process_time()
    weasyprint.HTML(filename=str(saved)).write_pdf(pdf_variant="pdf/ua-1")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    own, _ = _peak_mb()
    return {"seconds": seconds, "cpu": cpu, "mb": own}


# --- the driver ----------------------------------------------------------------------------


def _subprocess(*args: str) -> dict:
    return run_step("benchmarks.papers", *args)


def run(argv: list[str]) -> int:
    sizes = list(DEFAULT_SIZES)
    for arg in argv:
        if arg.startswith("--sizes="):
            sizes = [int(size) for size in arg.split("=", 1)[1].split(",")]
    folder = Path(tempfile.mkdtemp(prefix="bench-papers-"))
    database = folder / "bench.sqlite3"
    print(f"Board papers benchmark (throwaway database in {folder})")
    cases = _subprocess("setup", str(database), ",".join(map(str, sizes)))
    rows = []
    for size in sizes:
        for kind in PAPERS:
            html = folder / f"{kind}-{size}.html"
            app = _subprocess("app", str(database), kind, json.dumps(cases[str(size)]), str(html))
            raw = _subprocess("raw", str(database), str(html))
            rows.append((kind, size, app, raw))
    header = (
        f"{'paper':<9} {'recs':>4} {'pages':>5} {'app cold s':>10} {'app warm s':>10} "
        f"{'raw s':>6} {'raw cpu s':>9} {'warm/raw':>8} {'app MB':>7} {'raw MB':>7}"
    )
    print(header)
    print("-" * len(header))
    load = os.getloadavg()
    status = 0
    for kind, size, app, raw in rows:
        ratio = app["warm"] / raw["seconds"] if raw["seconds"] else float("nan")
        print(
            f"{kind:<9} {size:>4} {app['pages']:>5} {app['cold']:>10.2f} {app['warm']:>10.2f} "
            f"{raw['seconds']:>6.2f} {raw['cpu']:>9.2f} {ratio:>8.2f} {app['mb']:>7.0f} "
            f"{raw['mb']:>7.0f}"
        )
        if kind == "tracking" and size == 200:
            met = app["cold"] < GOAL_SECONDS and app["mb"] < GOAL_MB and ratio <= GOAL_RATIO
            verdict = "met" if met else "NOT met"
            print(
                f"  goal for 200 (< {GOAL_SECONDS:g} s, < {GOAL_MB} MB, "
                f"<= {GOAL_RATIO}x raw): {verdict}"
            )
            status |= 0 if met else 1
            fast = app["warm"] < SPEED_GOAL_SECONDS and ratio <= SPEED_GOAL_RATIO
            print(
                f"  speed goal for 200 (< {SPEED_GOAL_SECONDS:g} s warm, "
                f"<= {SPEED_GOAL_RATIO}x raw): {'met' if fast else 'NOT met'}"
            )
    print(
        f"Wall times in seconds; MB is peak resident memory. Load average while running: "
        f"{load[0]:.1f} (1 min), {load[1]:.1f} (5 min) on {os.cpu_count()} CPUs: above the CPU "
        "count, other work slowed these times."
    )
    if "--keep" not in argv:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()
    return status


def _main(argv: list[str]) -> None:
    step = argv[0]
    if step == "setup":
        database, sizes = Path(argv[1]), [int(size) for size in argv[2].split(",")]
        _django(database)
        print(json.dumps(setup(database, sizes)))
    elif step == "app":
        database, kind, case, html = Path(argv[1]), argv[2], json.loads(argv[3]), Path(argv[4])
        _django(database)
        print(json.dumps(app_case(kind, case, html)))
    elif step == "raw":
        print(json.dumps(raw_case(Path(argv[2]))))
    else:
        raise SystemExit(f"unknown step {step}")


if __name__ == "__main__":
    _main(sys.argv[1:])
