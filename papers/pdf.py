"""HTML to PDF with WeasyPrint, safely: no network, a time limit, a process of its own.

Nothing here imports Django: the rendering runs in a child process forked from a
`forkserver` that has WeasyPrint already imported, so a paper that takes too long (or
crashes the renderer) is killed without taking a web worker with it.
"""

from __future__ import annotations

import base64
import gc
import mimetypes
import multiprocessing
import resource
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse

from core.datastack import with_data_stack_room
from papers import pydyf_fixes

# Wherever papers are made (the renderer's forkserver imports this module, so every
# paper's process inherits it): two costs of WeasyPrint's PDF writer, taken out.
pydyf_fixes.apply()

# The origin the papers' HTML is rendered at. `.invalid` never resolves (RFC 2606), and
# the fetcher below answers for it from disk without any network access.
BASE_URL = "http://papers.invalid/"
_HOST = urlsplit(BASE_URL).netloc

PDF_VARIANT = "pdf/ua-1"  # tagged PDF with title and language: public-sector accessibility


class PaperRenderError(Exception):
    """The PDF could not be made."""


class PaperTimeoutError(PaperRenderError):
    """The PDF took longer than the time limit and the renderer was stopped."""


class PaperBusyError(PaperRenderError):
    """Too many PDFs are being made at once: the caller should try again shortly."""


class RefusedURLError(ValueError):
    """A paper asked for something other than one of our static files."""


@dataclass(frozen=True)
class StaticFiles:
    """Where the static files are: the URL prefix and the folders to serve it from."""

    url_prefix: str  # e.g. "/static/"
    roots: tuple[Path, ...]

    def path_for(self, url: str) -> Path:
        parts = urlsplit(url)
        if parts.scheme != "http" or parts.netloc != _HOST:
            raise RefusedURLError(f"Papers may only use the service's static files, not {url}")
        if not parts.path.startswith(self.url_prefix):
            raise RefusedURLError(f"Not a static file: {url}")
        relative = unquote(parts.path[len(self.url_prefix) :])
        for root in self.roots:
            root = root.resolve()
            candidate = (root / relative).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
        raise FileNotFoundError(f"No such static file: {relative}")


class StaticFileFetcher(URLFetcher):
    """WeasyPrint's URL fetcher, answering only for static files, from disk.

    and for the council's logo, which the paper carries as a base64 PNG or JPEG data URL.
    Everything else (http, https, file, other data, ftp…) is refused: WeasyPrint logs the
    refusal and goes on without the resource.
    """

    IMAGE_DATA_URLS = {
        "data:image/png;base64,": "image/png",
        "data:image/jpeg;base64,": "image/jpeg",
    }

    def __init__(self, static_files: StaticFiles):
        super().__init__(allowed_protocols=("http",), allow_redirects=False, timeout=1)
        self.static_files = static_files

    def fetch(self, url, headers=None):
        for prefix, content_type in self.IMAGE_DATA_URLS.items():
            if url.startswith(prefix):
                body = base64.b64decode(url[len(prefix) :], validate=True)
                return URLFetcherResponse(url, body, {"Content-Type": content_type})
        path = self.static_files.path_for(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def write_pdf(html: str, static_files: StaticFiles) -> bytes:
    """Render in this process (no time limit): for the child process, and the benchmark.

    WeasyPrint's layout recurses deeply: on a data stack with room, it costs the same from
    any caller (core/datastack.py; 72,000 chunks mapped and unmapped per 200-recommendation
    tracking report without it)."""
    return with_data_stack_room(_write_pdf, html, static_files)


def _write_pdf(html: str, static_files: StaticFiles) -> bytes:
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFileFetcher(static_files))
    return document.write_pdf(pdf_variant=PDF_VARIANT)


# A long paper makes hundreds of thousands of objects that live until it is written, and
# under Python's default thresholds the collector walked them all again and again: 0.5 s
# of the 200-recommendation tracking report's 3.5 (docs/papers.md, "Speed"). The render
# process ends with its paper, so what garbage it keeps a little longer costs it a few MB.
RENDER_GC_THRESHOLDS = (50_000, 10, 10)


def _render_in_child(
    connection, html: str, static_files: StaticFiles, memory_limit_bytes: int | None
) -> None:
    gc.freeze()  # what the forkserver loaded (WeasyPrint): never garbage, never walked
    gc.set_threshold(*RENDER_GC_THRESHOLDS)
    if memory_limit_bytes:
        # The child's whole address space: a paper that needs more fails (MemoryError,
        # or the process dies) instead of taking the machine's memory from everyone.
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit_bytes, memory_limit_bytes))
    try:
        result = ("ok", write_pdf(html, static_files))
    except BaseException as error:  # noqa: BLE001 - reported to the parent, which raises
        result = ("error", f"{type(error).__name__}: {error}")
    try:
        connection.send(result)
    finally:
        connection.close()


def _context():
    context = multiprocessing.get_context("forkserver")
    # The forkserver imports WeasyPrint once (half a second); each paper's process is
    # forked from it. WeasyPrint by name: Python 3.12's forkserver imports its preload
    # without the parent's sys.path, so this module alone is found only where the working
    # directory is the project's, and every paper made from elsewhere (a service started
    # in /, `render_paper` run by cron) paid the import again.
    context.set_forkserver_preload(["weasyprint", __name__])
    return context


def html_to_pdf(
    html: str,
    static_files: StaticFiles,
    *,
    timeout: float | None,
    memory_limit_bytes: int | None = None,
) -> bytes:
    """The PDF for `html`, made in a child process that is killed after `timeout` seconds
    and may use at most `memory_limit_bytes` of address space.

    `timeout=None` renders in this process (for tools that run outside a web worker).
    Raises PaperTimeoutError or PaperRenderError.
    """
    if timeout is None:
        try:
            return write_pdf(html, static_files)
        except Exception as error:
            raise PaperRenderError(f"{type(error).__name__}: {error}") from error
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_render_in_child,
        args=(sender, html, static_files, memory_limit_bytes),
        daemon=True,
    )
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise PaperTimeoutError(f"The paper took longer than {timeout:g} seconds to make.")
        try:
            status, payload = receiver.recv()
        except EOFError as error:
            raise PaperRenderError(
                "The PDF renderer stopped without making the paper (it may have run out of "
                "the memory it is allowed)."
            ) from error
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if status != "ok":
        raise PaperRenderError(payload)
    return payload
