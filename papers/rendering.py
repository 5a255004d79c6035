"""A paper: its HTML (the print template with its own print stylesheet) and its PDF."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from council.selectors import council_settings

from . import limits
from .pdf import PaperBusyError, PaperRenderError, PaperTimeoutError, StaticFiles, html_to_pdf

__all__ = [
    "Paper",
    "PaperBusyError",
    "PaperRenderError",
    "PaperTimeoutError",
    "render_html",
    "render_pdf",
]

PRINT_TEMPLATE = "papers/print.html"


@dataclass
class Paper:
    """Everything a paper's templates need; built by papers.documents from what the user may read."""

    kind: str  # "response", "tracking", "briefing" or "plan"
    title: str  # the PDF's title and the page heading
    running_header: str  # printed at the top of every page
    body_template: str  # shared by the print template and the browser preview
    filename: str  # for the PDF download
    context: dict = field(default_factory=dict)
    not_for_publication: bool = False
    # How many recommendations (or findings) it prints: a large paper is made in the
    # background (settings.PAPERS_INLINE_MAX_RECOMMENDATIONS).
    size: int = 0
    # False for the beginning of a long paper (documents.tracking_paper's `limit`): a
    # preview, or what the paper is and how long, never printed as the paper.
    complete: bool = True


def static_files() -> StaticFiles:
    """Static files as WeasyPrint may read them: from the project's folders on disk."""
    roots = [Path(folder) for folder in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    return StaticFiles(url_prefix=settings.STATIC_URL, roots=tuple(roots))


def render_timeout() -> float | None:
    """Seconds a paper may take (settings.PAPERS_RENDER_TIMEOUT_SECONDS; None: no limit)."""
    return settings.PAPERS_RENDER_TIMEOUT_SECONDS


def render_html(paper: Paper) -> str:
    """The HTML WeasyPrint is given: lean, standalone, with the print stylesheet."""
    if not paper.complete:
        raise ValueError(f"Only the beginning of {paper.title!r} was gathered: not printed.")
    return render_to_string(
        PRINT_TEMPLATE,
        {
            **paper.context,
            "paper": paper,
            "council": council_settings(),
            "council_name": council_settings().council_name,
        },
    )


def render_pdf(paper: Paper, *, timeout: float | None | object = ...) -> bytes:
    """The paper as a tagged (PDF/UA-1) A4 PDF: the last one made of the same content if
    there is one, otherwise made within the machine's render slots and memory cap (see
    papers/limits.py). Raises PaperRenderError, PaperTimeoutError or PaperBusyError."""
    if timeout is ...:
        timeout = render_timeout()
    html = render_html(paper)
    pdf = limits.cached_pdf(html)
    if pdf is not None:
        return pdf
    with limits.render_slot():
        pdf = limits.cached_pdf(html)  # made by another request while this one waited?
        if pdf is None:
            pdf = html_to_pdf(
                html,
                static_files(),
                timeout=timeout,
                memory_limit_bytes=limits.memory_limit_bytes() if timeout is not None else None,
            )
            limits.keep_pdf(html, pdf)
    return pdf
