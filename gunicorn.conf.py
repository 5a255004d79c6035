"""The production application server (`make serve`): gunicorn, on 127.0.0.1:8000.

Workers: this machine has 2 cores. The service spends most of a request waiting on the
database, and PDFs are made in child processes (papers/pdf.py), so a worker is rarely
busy on the CPU: the usual 2 × cores + 1 = 5 worker processes, each with 2 threads,
serve 10 requests at once in about 5 × 120 MB, and hold at most 10 database
connections (PostgreSQL allows 100 by default). Requests beyond that wait in the
listen backlog, never refused. Override with GUNICORN_WORKERS / GUNICORN_THREADS /
GUNICORN_BIND.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
wsgi_app = "scrutiny.wsgi:application"

# A PDF may take PAPERS_RENDER_TIMEOUT_SECONDS (60) plus its wait for a render slot:
# the worker timeout must be longer, or gunicorn would kill a worker mid-paper.
timeout = int(float(os.environ.get("PAPERS_RENDER_TIMEOUT_SECONDS", "60"))) + 30
graceful_timeout = 30
keepalive = 5
# Restart each worker now and then, so no slow leak can grow without bound.
max_requests = 2000
max_requests_jitter = 200
# Bounded requests: gunicorn's own caps on the request line and headers.
limit_request_line = 8190
limit_request_fields = 100

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
