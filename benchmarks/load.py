"""A load test of the production server: 50 users browsing and saving for 60 seconds.

    make serve                                   # in one terminal (gunicorn, production settings)
    python -m benchmarks.load [--users 50] [--seconds 60] [--base http://127.0.0.1:8000]

Run it with the same DATABASE_URL as the server (PostgreSQL): it first adds its own
records through the ORM (a "Load test" inquiry and report whose recommendations are
addressed to the demo's Children's Services, one per saving user; run `load_demo` first),
then drives the server over HTTP only, from this machine (127.0.0.1) only:

- officers (signed in as the demo `officer`) open the home page, the recommendation
  list, their recommendation, its edit form, and save it with a new revision number;
  every fifth round they also open the tracking report of a meeting and its PDF;
- directors (signed in as the demo `director`) open the worklist and the draft response
  of their recommendation, and save the draft with a new revision number;
- the public browse the home page, the lists, a report and its published paper PDF.

Every user has its own record, so a refusal for someone else's change (which would be
correct behaviour) cannot hide a lost save. Afterwards each record must hold the last
revision its user saw saved, and its history as many versions as saves succeeded:
"nothing lost". Any 5xx, or any save that did not answer with its redirect, fails the run.
Figures (requests, throughput, latency percentiles by kind) are printed and written to
var/load-test.json; docs/load-test.md keeps the latest run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from benchmarks.common import ROOT, django_setup

PASSWORD = "scrutiny-demo-2012"
MARK = "[load-test"


# --- set-up through the ORM ---------------------------------------------------------------


def set_up(savers: int) -> dict:
    """One recommendation per saving user, in a load-test report of the demo committee."""
    django_setup()
    from datetime import date

    from recommendations.models import (
        Committee,
        Directorate,
        Inquiry,
        Meeting,
        Recommendation,
        Report,
    )

    committee = Committee.objects.order_by("pk").first()
    directorate = Directorate.objects.get(name__icontains="Children")
    if committee is None:
        raise SystemExit("Load the demo first: python manage.py load_demo")
    inquiry, _ = Inquiry.objects.get_or_create(
        committee=committee, title="Load test inquiry", defaults={"status": "monitoring"}
    )
    report, _ = Report.objects.get_or_create(
        inquiry=inquiry,
        title="Load test report",
        defaults={"published_on": date(2012, 1, 5), "received_on": date(2012, 1, 10)},
    )
    recommendations = []
    for number in range(1, savers + 1):
        recommendation, _ = Recommendation.objects.get_or_create(
            report=report,
            number=number,
            defaults={
                "text": f"Load test recommendation {number}.",
                "directorate": directorate,
            },
        )
        recommendations.append(recommendation.pk)
    meeting = Meeting.objects.filter(committee=committee).order_by("-date").first()
    # The public read a demo report (the load test's own changes all the time).
    published = (
        Report.objects.filter(is_exempt=False, published_on__isnull=False)
        .exclude(pk=report.pk)
        .order_by("pk")
        .first()
    )
    return {"recommendations": recommendations, "meeting": meeting.pk, "report": published.pk}


def check_saved(expected: dict) -> list[str]:
    """What each user last saw saved is what the database holds; none of it lost."""
    from recommendations.models import Recommendation
    from responses.models import Response

    started = expected["started"]
    problems = []
    for pk, (revision, saves) in expected["recommendations"].items():
        record = Recommendation.objects.get(pk=pk)
        problems += _kept_problems(f"recommendation {pk}", record, revision, saves, started)
    for pk, (revision, saves) in expected["responses"].items():
        record = Response.objects.get(recommendation=pk)
        problems += _kept_problems(f"response to {pk}", record, revision, saves, started)
    return problems


def _kept_problems(label: str, record, revision: int, saves: int, started: datetime) -> list[str]:
    """`record` holds the last revision its user saw saved, and its history one version of
    the load test's for each save that was answered."""
    problems = []
    if not record.text.endswith(f"{MARK} rev {revision}]"):
        problems.append(f"{label}: expected rev {revision}, holds {record.text[-40:]!r}")
    versions = record.history.filter(text__contains=MARK, history_date__gte=started).count()
    if versions != saves:
        problems.append(f"{label}: {saves} saves answered, {versions} versions kept")
    return problems


# --- a small browser ------------------------------------------------------------------------


class FormParser(HTMLParser):
    """The fields of each POST form on a page, as a browser would send them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": {}}
            self.forms.append(self._form)
        if self._form is None:
            return
        fields = self._form["fields"]
        if tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    fields.setdefault(a["name"], a.get("value", "on"))
            elif kind not in {"submit", "button"}:
                fields[a["name"]] = a.get("value", "")
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            fields.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in a:
            fields[self._select] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            fields[self._textarea] = ""

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            if self._textarea and self._form is not None:
                value = self._form["fields"][self._textarea]
                self._form["fields"][self._textarea] = (
                    value[1:] if value.startswith("\n") else value
                )
            self._textarea = None
        elif tag == "form":
            self._form = None


def post_form(html: str, containing: str) -> dict:
    parser = FormParser()
    parser.feed(html)
    for form in parser.forms:
        if containing in form["fields"]:
            return form
    raise LookupError(f"No form with a {containing!r} field")


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    times: dict = field(default_factory=lambda: defaultdict(list))
    statuses: dict = field(default_factory=lambda: defaultdict(int))
    errors: list = field(default_factory=list)

    def record(self, kind: str, status: int, seconds: float):
        with self.lock:
            self.times[kind].append(seconds)
            self.statuses[status] += 1
            if status >= 500:
                self.errors.append(f"{kind}: {status}")


class Browser:
    """One user's keep-alive connection and cookies."""

    def __init__(self, base: str, stats: Stats):
        parts = urlsplit(base)
        if parts.hostname not in {"127.0.0.1", "localhost"}:
            raise SystemExit("The load test only runs against this machine (127.0.0.1).")
        self.host, self.port = parts.hostname, parts.port or 80
        self.stats = stats
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def request(self, kind: str, method: str, path: str, data: dict | None = None):
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        started = time.perf_counter()
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed (worker recycled): reconnect.
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
                if attempt:
                    raise
        self.stats.record(kind, response.status, time.perf_counter() - started)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return (
            response.status,
            response.getheader("Location") or "",
            content.decode("utf-8", "replace"),
        )

    def sign_in(self, username: str):
        status, _, html = self.request("sign-in form", "GET", "/sign-in/")
        form = post_form(html, "username")
        form["fields"].update(username=username, password=PASSWORD)
        status, location, _ = self.request("sign-in", "POST", "/sign-in/", form["fields"])
        if status != 302:
            raise RuntimeError(f"{username} could not sign in ({status})")


# --- the users ------------------------------------------------------------------------------


def revised(text: str, revision: int) -> str:
    """The text with this user's revision number on the end (replacing the last one)."""
    base = text.split(f" {MARK}")[0].rstrip()
    return f"{base} {MARK} rev {revision}]"


def officer(vu: int, browser: Browser, pk: int, setup: dict, until: float, saved: dict):
    revision = saves = 0
    rounds = 0
    while time.monotonic() < until:
        rounds += 1
        browser.request("home", "GET", "/")
        browser.request("list", "GET", "/recommendations/")
        browser.request("recommendation", "GET", f"/recommendations/{pk}/")
        status, _, html = browser.request("edit form", "GET", f"/recommendations/{pk}/edit/")
        form = post_form(html, "text")
        revision += 1
        form["fields"]["text"] = revised(form["fields"]["text"], revision)
        status, location, _ = browser.request(
            "save recommendation", "POST", f"/recommendations/{pk}/edit/", form["fields"]
        )
        if status == 302:
            saves += 1
            saved[pk] = (revision, saves)
        else:
            browser.stats.errors.append(f"officer {vu}: save answered {status}")
        if rounds % 5 == 0:
            browser.request(
                "tracking paper", "GET", f"/meetings/{setup['meeting']}/tracking-report/"
            )
            browser.request(
                "tracking PDF", "GET", f"/meetings/{setup['meeting']}/tracking-report.pdf"
            )


def director(vu: int, browser: Browser, pk: int, setup: dict, until: float, saved: dict):
    revision = saves = 0
    while time.monotonic() < until:
        browser.request("worklist", "GET", "/worklist/")
        status, location, html = browser.request(
            "response form", "GET", f"/recommendations/{pk}/response/new/"
        )
        action = f"/recommendations/{pk}/response/new/"
        if status == 302:  # the draft exists: carry on with it
            response_path = urlsplit(location).path
            browser.request("draft", "GET", response_path)
            action = f"{response_path}edit/"
            status, _, html = browser.request("response form", "GET", action)
        form = post_form(html, "text")
        revision += 1
        form["fields"]["text"] = revised(form["fields"]["text"], revision)
        status, location, _ = browser.request("save draft", "POST", action, form["fields"])
        if status == 302:
            saves += 1
            saved[pk] = (revision, saves)
        else:
            browser.stats.errors.append(f"director {vu}: save answered {status}")


def public(vu: int, browser: Browser, pk: int, setup: dict, until: float, saved: dict):
    while time.monotonic() < until:
        browser.request("public home", "GET", "/")
        browser.request("public list", "GET", "/recommendations/?page=1")
        browser.request("public inquiries", "GET", "/inquiries/")
        browser.request("public report", "GET", f"/reports/{setup['report']}/")
        browser.request("public paper PDF", "GET", f"/reports/{setup['report']}/response-paper.pdf")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    args = parser.parse_args(argv)
    users = min(args.users, 200)  # bounded
    seconds = min(args.seconds, 600)
    officers = directors = users * 2 // 5
    publics = users - officers - directors
    setup = set_up(officers + directors)
    from django.utils import timezone

    stats = Stats()
    saved_recommendations: dict = {}
    saved_responses: dict = {}
    threads = []
    # Everyone signs in first (a password check is deliberately slow: PBKDF2), then the
    # measured window starts for all at once.
    window: dict = {}

    def start_window():  # run by the barrier once everyone is signed in, before release
        window["signed_in"] = time.perf_counter()
        window["started_at"] = timezone.now()
        window["until"] = time.monotonic() + seconds

    ready = threading.Barrier(users + 1, action=start_window)
    usernames = {officer: "officer", director: "director", public: None}
    pks = iter(setup["recommendations"])
    plan = [(officer, saved_recommendations)] * officers + [(director, saved_responses)] * directors
    plan += [(public, {})] * publics
    failures: list[str] = []

    def guarded(role, vu, browser, pk, saved):
        try:
            if usernames[role]:
                browser.sign_in(usernames[role])
        except Exception as error:  # noqa: BLE001 - reported and failing the run
            failures.append(f"sign-in {vu}: {type(error).__name__}: {error}")
        ready.wait()
        try:
            role(vu, browser, pk, setup, window["until"], saved)
        except Exception as error:  # noqa: BLE001 - reported and failing the run
            failures.append(f"{role.__name__} {vu}: {type(error).__name__}: {error}")

    for vu, (role, saved) in enumerate(plan, 1):
        pk = next(pks) if role is not public else 0
        browser = Browser(args.base, stats)
        threads.append(threading.Thread(target=guarded, args=(role, vu, browser, pk, saved)))
    signing_in = time.perf_counter()
    for thread in threads:
        thread.start()
    ready.wait()
    sign_in_seconds = window["signed_in"] - signing_in
    with stats.lock:
        sign_in_times = {kind: stats.times.pop(kind, []) for kind in ("sign-in form", "sign-in")}
    started_at = window["started_at"]
    wall = window["signed_in"]
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall

    stats.times.update({f"{kind} (before the window)": t for kind, t in sign_in_times.items()})
    problems = check_saved(
        {
            "recommendations": saved_recommendations,
            "responses": saved_responses,
            "started": started_at,
        }
    )
    total = sum(len(v) for k, v in stats.times.items() if "before the window" not in k)
    saves = sum(s for _, s in saved_recommendations.values()) + sum(
        s for _, s in saved_responses.values()
    )
    by_kind = {
        kind: {
            "count": len(times),
            "median_ms": round(statistics.median(times) * 1000),
            "p95_ms": round(percentile(times, 95) * 1000),
            "max_ms": round(max(times) * 1000),
        }
        for kind, times in sorted(stats.times.items())
    }
    result = {
        "users": {"officers": officers, "directors": directors, "public": publics},
        "sign_in_seconds": round(sign_in_seconds, 1),
        "seconds": round(wall, 1),
        "requests": total,
        "requests_per_second": round(total / wall, 1),
        "saves": saves,
        "statuses": dict(sorted(stats.statuses.items())),
        "server_errors": len(stats.errors),
        "lost": problems,
        "failures": failures + stats.errors[:20],
        "by_kind": by_kind,
    }
    Path(ROOT / "var").mkdir(exist_ok=True)
    (ROOT / "var" / "load-test.json").write_text(json.dumps(result, indent=1))
    print(json.dumps(result, indent=1))
    ok = (
        not problems
        and not failures
        and not stats.errors
        and not any(s >= 500 for s in stats.statuses)
    )
    print("PASS: no 5xx, nothing lost." if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
