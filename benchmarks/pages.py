"""What each page costs as the record grows: server time (median and 95th percentile),
queries and bytes, on a synthetic council of --size recommendations in PostgreSQL.

    python -m benchmarks pages [--size=1000] [--requests=30] [--write]
    make bench SIZE=100000

The data set is built once per size in its own PostgreSQL database (`scrutiny_bench_<size>`
on BENCH_POSTGRES, default postgres://postgres@127.0.0.1:5432) and reused: 40 committees
meeting eight times a year over ten years, reports of 5 to 30 recommendations, responses
for 90 % (70 % agreed), one to four tracking decisions for most, position statements for
some. Pages are requested in this process through Django's test client, as the role
that uses them, in rounds of every page, so the time is the server's alone. `--write`
puts the table in docs/performance.md with the machine it ran on.
"""

import os
import platform
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from benchmarks.common import ROOT, django_setup
from core.datastack import with_data_stack_room

SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
COMMITTEES = 40
YEARS = range(2016, 2026)
DIRECTORATES = 8
SEED = 20121129
WORDS = [
    "placements",
    "foster",
    "carers",
    "travel",
    "training",
    "attendance",
    "budget",
    "safeguarding",
    "respite",
    "transport",
    "housing",
    "adoption",
    "schools",
    "leisure",
    "libraries",
    "waste",
    "recycling",
    "planning",
]


OPTIONS = ("--size=", "--requests=", "--write")


def _database_url(size: int) -> str:
    return f"{SERVER}/scrutiny_bench_{size}"


def _ensure_database(size: int) -> None:
    import psycopg

    parts = urlsplit(SERVER)
    with psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        name = f"scrutiny_bench_{size}"
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


# The bench's own signing key, shared with the gunicorn it starts, so that a session made
# here is good there.
BENCH_SECRET_KEY = "bench-" + "k3y-0f-the-synthetic-council-for-page-timings-only-xyz"


def _django(size: int) -> None:
    # Production settings, as the production server's workers have them (debug off, whatever
    # the shell says), but plain HTTP (the test client's) and no mail leaving the machine.
    os.environ.update(
        DJANGO_DEBUG="false",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    django_setup(
        _database_url(size),
        DJANGO_SECRET_KEY=BENCH_SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="testserver,127.0.0.1,localhost",
    )
    # The pages are timed in a process set up as the production server's workers are.
    import scrutiny.wsgi  # noqa: F401


def _sentence(rng: random.Random, n: int) -> str:
    return (
        f"That the director reports on {rng.choice(WORDS)} and {rng.choice(WORDS)} "
        f"({n}), with the costs, the progress made and the views of those it serves."
    )


def build(size: int) -> dict:
    """The synthetic council, built once (idempotent: a complete data set is kept)."""
    from django.core.management import call_command
    from django.db import connection, transaction

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
        CommitteeMembership,
        Directorate,
        Inquiry,
        Meeting,
        Recommendation,
        Report,
        TrackingAssessment,
        TrackingStatus,
    )
    from responses.models import PositionStatement, Response

    call_command("migrate", verbosity=0)
    if Recommendation.objects.count() == size:
        # Built before the search documents existed (or in bulk): build them once.
        if Recommendation.objects.filter(search_document="").exists():
            call_command("rebuild_search")
        return _people()
    started = time.perf_counter()
    rng = random.Random(SEED)
    with transaction.atomic():
        for model in (
            PositionStatement,
            Response,
            TrackingAssessment,
            Recommendation,
            Report,
            Inquiry,
            Meeting,
            CommitteeMembership,
            Committee,
        ):
            model.objects.all().delete()
        User.objects.filter(username__startswith="bench-").delete()
        Directorate.objects.filter(name__startswith="Bench ").delete()
        directorates = Directorate.objects.bulk_create(
            Directorate(name=f"Bench directorate {d}", director_title=f"Director {d}")
            for d in range(DIRECTORATES)
        )
        officer = User.objects.create_user("bench-officer", role=Role.OFFICER)
        directors = [
            User.objects.create_user(f"bench-director-{d.pk}", role=Role.DIRECTORATE, directorate=d)
            for d in directorates
        ]
        member = User.objects.create_user("bench-member", role=Role.MEMBER)
        committees = Committee.objects.bulk_create(
            Committee(name=f"Bench scrutiny board {c:02}", scrutiny_officer=officer)
            for c in range(COMMITTEES)
        )
        CommitteeMembership.objects.create(committee=committees[0], name="Cllr Bench", user=member)
        meetings = Meeting.objects.bulk_create(
            Meeting(committee=committee, date=date(year, month, 10 + c % 15))
            for c, committee in enumerate(committees)
            for year in [*YEARS, 2026, 2027]
            for month in (1, 3, 4, 6, 7, 9, 10, 12)
        )
        by_committee: dict[int, list] = {}
        for meeting in meetings:
            by_committee.setdefault(meeting.committee_id, []).append(meeting)
        statuses = list(TrackingStatus.objects.order_by("position"))
        made = 0
        report_number = 0
        while made < size:
            committee = committees[report_number % COMMITTEES]
            report_number += 1
            published = date(2016, 1, 1) + timedelta(days=rng.randrange(0, 365 * 10 + 300))
            title = f"Inquiry into {rng.choice(WORDS)} {report_number}"
            report = inquiry_report(
                committee,
                title,
                report_title=f"{title}: final report",
                published_on=published,
                received_on=published + timedelta(days=7),
                started_on=published - timedelta(days=120),
                concluded_on=published,
                status=Inquiry.Status.MONITORING,
            )
            count = min(rng.randrange(5, 31), size - made)
            later = [m for m in by_committee[committee.pk] if m.date > report.received_on]
            recommendations, assessments, responses, statements = [], [], [], []
            for number in range(1, count + 1):
                directorate = directorates[rng.randrange(DIRECTORATES)]
                month = date(published.year, published.month, 1) + timedelta(days=95)
                month = date(month.year, month.month, 1)
                every = 6 if rng.random() < 0.3 else None
                taken = rng.sample(later, k=min(len(later), rng.randrange(0, 5)))
                taken.sort(key=lambda m: m.date)
                taken = [m for m in taken if m.date.year < 2026]
                status = rng.choice(statuses) if taken else None
                recommendation = Recommendation(
                    report=report,
                    number=number,
                    text=_sentence(rng, number),
                    directorate=directorate,
                    report_back_month=month,
                    report_back_every_months=every,
                    current_status=status,
                    last_assessed_on=taken[-1].date if taken else None,
                )
                recommendations.append((recommendation, taken, status))
            bulk_recommendations([r for r, _, _ in recommendations])
            for recommendation, taken, status in recommendations:
                author = directors[directorates.index(recommendation.directorate)]
                chance = rng.random()
                if chance < 0.9:
                    moment = _moment(report.received_on + timedelta(days=50))
                    responses.append(
                        accepted_response(
                            recommendation,
                            text=f"Accepted: {rng.choice(WORDS)} work is under way.",
                            author=author,
                            at=moment,
                            agreed_by=officer if chance < 0.7 else None,
                        )
                    )
                for index, meeting in enumerate(taken):
                    assessments.append(
                        assessment(
                            recommendation,
                            meeting,
                            status if index == len(taken) - 1 else rng.choice(statuses),
                            officer,
                        )
                    )
                if recommendation.next_report_back_on and rng.random() < 0.3:
                    statements.append(
                        submitted_statement(
                            recommendation,
                            due_on=recommendation.next_report_back_on,
                            text=f"Progress on {rng.choice(WORDS)} travel training.",
                            author=author,
                            at=_moment(recommendation.next_report_back_on),
                        )
                    )
            Response.objects.bulk_create(responses)
            TrackingAssessment.objects.bulk_create(assessments)
            PositionStatement.objects.bulk_create(statements)
            made += count
    # Bulk-created rows have no search documents until they are built.
    call_command("rebuild_search")
    # Fresh statistics, as autovacuum would give a running server: without them the
    # planner guesses, and the first measurements say more about it than about the pages.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"Built {size} recommendations in {time.perf_counter() - started:.0f} s.")
    return _people()


def _moment(day: date):
    from datetime import datetime
    from datetime import time as clock

    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, clock(10)))


def _people() -> dict:
    from accounts.models import User

    return {
        "officer": User.objects.get(username="bench-officer"),
        "director": User.objects.filter(username__startswith="bench-director-").order_by("pk")[0],
        "member": User.objects.get(username="bench-member"),
        "public": None,
    }


def _pages(people: dict) -> list[tuple[str, str, str]]:
    from django.urls import reverse
    from django.utils import timezone

    from deadlines.services import calendar_token_for
    from recommendations.models import Committee, Meeting, Recommendation

    listing = reverse("recommendations:recommendation_list")
    total = Recommendation.objects.count()
    committee = Committee.objects.order_by("name").first()
    recommendation = Recommendation.objects.order_by("pk")[total // 2]
    feed = calendar_token_for(people["officer"]).get_absolute_url()
    # The board's next meeting (its backlog is what is due there), else its last.
    meetings = Meeting.objects.filter(committee=committee).exclude(status=Meeting.Status.CANCELLED)
    meeting = (
        meetings.filter(date__gte=timezone.localdate()).order_by("date").first()
        or meetings.order_by("-date").first()
    )
    return [
        ("officer's home", "officer", reverse("home")),
        ("director's home", "director", reverse("home")),
        ("director's worklist", "director", reverse("responses:worklist")),
        ("member's home", "member", reverse("home")),
        ("recommendations list, page 1", "member", listing),
        ("list, free-text search", "member", listing + "?q=travel+training"),
        ("list, last page", "member", f"{listing}?last=1"),
        ("work programme", "officer", reverse("deadlines:work_programme", args=[committee.pk])),
        ("officer's iCal feed", "public", feed),
        ("recommendation page", "public", recommendation.get_absolute_url()),
        ("meeting page", "officer", meeting.get_absolute_url()),
        (
            "tracking form",
            "officer",
            reverse("recommendations:assessments_record", args=[meeting.pk]),
        ),
        (
            "tracking report preview",
            "officer",
            reverse("papers:tracking_preview", args=[meeting.pk]),
        ),
        ("members' briefing", "officer", reverse("papers:briefing_preview", args=[meeting.pk])),
        ("open-data API, recommendations", "public", reverse("api:recommendations")),
    ]


class QueryCounter:
    """An execute wrapper that counts the queries a request makes."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(people: dict, requests: int) -> list[dict]:
    """Each page `requests` times, in rounds that ask for every page once: a virtual
    machine's speed drifts over minutes, and a drift then falls on every page alike rather
    than on whichever page was being timed."""
    from django.db import connection
    from django.test import Client

    pages = []
    for name, role, url in _pages(people):
        client = Client()
        if people[role] is not None:
            client.force_login(people[role])
        first = client.get(url)  # warm caches, as a running server has them
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(url)
        pages.append((name, client, url, first.status_code, counter.count, len(response.content)))
    times: dict[str, list[float]] = {name: [] for name, *_ in pages}
    # A page that answers otherwise during the rounds (a redirect, an error) is flagged.
    answers: dict[str, set[int]] = {name: {status} for name, _c, _u, status, *_ in pages}
    for _ in range(requests):
        for name, client, url, *_ in pages:
            started = time.perf_counter()
            # On a data stack with room, as the production application runs each request.
            response = with_data_stack_room(client.get, url)
            times[name].append((time.perf_counter() - started) * 1000)
            answers[name].add(response.status_code)
    rows = []
    for name, _client, _url, _status, queries, size in pages:
        taken = sorted(times[name])
        rows.append(
            {
                "page": name,
                "status": max(answers[name] - {200}, default=200),
                "median": statistics.median(taken),
                "p95": taken[min(len(taken) - 1, int(round(0.95 * (len(taken) - 1))))],
                "queries": queries,
                "bytes": size,
            }
        )
    return rows


def table(size: int, rows: list[dict]) -> str:
    lines = [
        f"| page ({size:,} recommendations) | median ms | p95 ms | queries | bytes |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        flag = "" if row["status"] == 200 else f" (HTTP {row['status']})"
        lines.append(
            f"| {row['page']}{flag} | {row['median']:,.0f} | {row['p95']:,.0f} | "
            f"{row['queries']} | {row['bytes']:,} |"
        )
    return "\n".join(lines)


def reference_loop_ms() -> float:
    """The machine's speed for pure Python, best of three: a virtual machine's CPU share
    varies from day to day, and timings from two days compare only beside this."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for number in range(5_000_000):
            total += number
        best = min(best, (time.perf_counter() - started) * 1000)
    return best


def machine() -> str:
    from django.db import connection

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.node()}: {os.cpu_count()} CPUs, {memory:.0f} GiB, Python "
        f"{platform.python_version()}, PostgreSQL {connection.pg_version // 10000}, load "
        f"average {os.getloadavg()[0]:.1f} while measuring; a reference loop of pure Python "
        f"(5 million additions) took {reference_loop_ms():,.0f} ms"
    )


def run(argv: list[str]) -> int:
    size, requests, write = 1000, 30, "--write" in argv
    for arg in argv:
        if arg.startswith("--size="):
            size = int(arg.split("=", 1)[1])
        elif arg.startswith("--requests="):
            requests = int(arg.split("=", 1)[1])
    # Each size runs in a process of its own: Django is set up for one database.
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.pages", str(size), str(requests)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    print(result.stdout, end="")
    if result.returncode:
        print(result.stderr[-3000:])
        return result.returncode
    if write:
        target = ROOT / "docs" / "performance.md"
        marker = f"<!-- size {size} -->"
        existing = target.read_text() if target.exists() else ""
        body = result.stdout.split("@@TABLE@@", 1)[1].strip()
        section = f"{marker}\n{body}\n{marker}"
        if marker in existing:
            before, _, rest = existing.partition(marker)
            _, _, after = rest.partition(marker)
            existing = before + section + after
        else:
            existing = (existing or _PREAMBLE) + "\n\n" + section + "\n"
        target.write_text(existing)
        print(f"Written to {target.relative_to(ROOT)}")
    return 0


_PREAMBLE = """# Performance

`make bench SIZE=<n>` (benchmarks/pages.py) builds a synthetic council of n
recommendations on PostgreSQL once and times each page as the role that uses it, in the
server process (no network), with production settings: median and 95th percentile of
30 requests, asked in rounds of every page, the page's queries and its size. Goal (issue
14): under 100 ms median and 200 ms p95 at 100,000 recommendations, with queries and
bytes that do not grow with the database."""


def _session_cookie(user) -> str:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _hammer(port: int, path: str, cookie: str, clients: int, seconds: float) -> float:
    """Requests per second that `clients` concurrent keep-alive connections get."""
    import http.client
    import threading

    done = [0] * clients
    failed = []
    until = time.perf_counter() + seconds

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.perf_counter() < until:
            connection.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                failed.append(response.status)
                return
            done[index] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failed:
        raise SystemExit(f"{path} answered HTTP {failed[0]} under load")
    return sum(done) / (time.perf_counter() - started)


def throughput(people: dict, *, clients: int = 4, seconds: float = 15) -> dict:
    """The list page's throughput under the production server (gunicorn.conf.py, as
    `make serve` runs it) with `clients` concurrent clients, and a minimal Django view's
    (the health check: one trivial query) on the same server in the same run."""
    import socket
    import urllib.request

    from django.urls import reverse

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_LOG_LEVEL": "warning",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--config",
            "gunicorn.conf.py",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=environment,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        cookie = _session_cookie(people["member"])
        listing = reverse("recommendations:recommendation_list")
        minimal = "/healthz"
        for path in (minimal, listing):  # warm every worker
            _hammer(port, path, cookie, clients, 2)
        result = {
            "minimal": _hammer(port, minimal, cookie, clients, seconds),
            "list": _hammer(port, listing, cookie, clients, seconds),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
    result["ratio"] = result["list"] / result["minimal"]
    result["clients"] = clients
    return result


def _main(size: int, requests: int) -> None:
    _ensure_database(size)
    _django(size)
    people = build(size)
    rows = measure(people, requests)
    served = throughput(people)
    print("@@TABLE@@")
    print(table(size, rows))
    print()
    print(
        f"Under the production server (gunicorn.conf.py) with {served['clients']} concurrent "
        f"clients: the recommendations list {served['list']:,.1f} requests/s, a minimal Django "
        f"view (the health check) {served['minimal']:,.1f} requests/s: ratio "
        f"{served['ratio']:.3f}."
    )
    print()
    print(f"Measured on {machine()}.")


if __name__ == "__main__":
    _main(int(sys.argv[1]), int(sys.argv[2]))
