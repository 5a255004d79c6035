"""What a PDF may cost the service: how many are made at once, and the last PDF of each
paper kept so that the same paper asked for twice is made once.

- At most `PAPERS_MAX_CONCURRENT_RENDERS` PDFs are made at once on this machine, across
  every worker process (one lock file per slot under `var/`; the kernel frees a slot if
  its process dies). A request that finds every slot taken waits up to
  `PAPERS_RENDER_QUEUE_SECONDS`, then gets a "try again" page (503, Retry-After).
- The PDF is kept in the "papers" cache (a database cache, so every app server shares
  it) under a hash of the paper's HTML and of the print stylesheet and fonts: the same
  content is the same PDF, whoever asks. A paper that changes has new HTML, so a new key.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.core.cache import caches

from .pdf import PaperBusyError

CACHE_ALIAS = "papers"
# A PDF larger than this is not kept (it would crowd out the others).
MAX_CACHED_PDF_BYTES = 20 * 1024 * 1024


def slot_directory() -> Path:
    return Path(
        getattr(settings, "PAPERS_RENDER_SLOT_DIR", settings.BASE_DIR / "var" / "render-slots")
    )


@contextmanager
def render_slot() -> Iterator[None]:
    """Hold one of the machine's render slots while the block runs; raise PaperBusyError
    if none comes free within the queue time."""
    slots = max(1, settings.PAPERS_MAX_CONCURRENT_RENDERS)
    directory = slot_directory()
    directory.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + settings.PAPERS_RENDER_QUEUE_SECONDS
    while True:
        for number in range(slots):
            descriptor = os.open(directory / f"slot-{number}.lock", os.O_CREAT | os.O_RDWR, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                os.close(descriptor)
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                continue
            try:
                yield
                return
            finally:
                fcntl.flock(descriptor, fcntl.LOCK_UN)
                os.close(descriptor)
        if time.monotonic() >= deadline:
            raise PaperBusyError("Too many papers are being made at the moment.")
        time.sleep(0.1)


@cache
def _renderer_fingerprint() -> str:
    """What besides the HTML decides the PDF: WeasyPrint's version and our print assets."""
    digest = hashlib.sha256(weasyprint.__version__.encode())
    for folder in settings.STATICFILES_DIRS:
        papers = Path(folder) / "papers"
        for path in sorted(papers.rglob("*")) if papers.is_dir() else []:
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(html: str) -> str:
    content = hashlib.sha256(html.encode()).hexdigest()
    return f"paper-pdf:{_renderer_fingerprint()[:16]}:{content}"


def cached_pdf(html: str) -> bytes | None:
    return caches[CACHE_ALIAS].get(cache_key(html))


def keep_pdf(html: str, pdf: bytes) -> None:
    if len(pdf) <= MAX_CACHED_PDF_BYTES:
        caches[CACHE_ALIAS].set(cache_key(html), pdf)


def memory_limit_bytes() -> int | None:
    megabytes = getattr(settings, "PAPERS_RENDER_MEMORY_MB", 0)
    return megabytes * 1024 * 1024 if megabytes else None
