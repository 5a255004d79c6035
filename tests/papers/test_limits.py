"""What a PDF may cost the service (issue 12, finding 6): a cap on PDFs made at once,
a memory cap on the renderer, and the last PDF of a paper kept by its content."""

import pytest
from django.urls import reverse

from papers import documents, limits
from papers.rendering import render_html, render_pdf


@pytest.fixture(autouse=True)
def own_render_slots(settings, tmp_path):
    settings.PAPERS_RENDER_SLOT_DIR = tmp_path / "slots"
    settings.PAPERS_MAX_CONCURRENT_RENDERS = 1
    settings.PAPERS_RENDER_QUEUE_SECONDS = 0.3


@pytest.fixture
def url(paper_report):
    return reverse("papers:response_pdf", args=[paper_report.pk])


def test_the_same_paper_asked_for_twice_is_rendered_once(client, url, settings):
    first = client.get(url)
    assert first.status_code == 200
    # A renderer allowed almost no memory could not make it again: the second answer
    # is the PDF kept from the first.
    settings.PAPERS_RENDER_MEMORY_MB = 1
    second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content


def test_a_changed_paper_is_rendered_afresh(client, url, paper_report, settings):
    assert client.get(url).status_code == 200
    paper_report.title = "A new title for the report"
    paper_report.save()
    settings.PAPERS_RENDER_MEMORY_MB = 1
    assert client.get(url).status_code == 503  # not the stale PDF: it had to be made again


def test_a_paper_that_needs_more_memory_than_allowed_gets_the_error_page(client, url, settings):
    settings.PAPERS_RENDER_MEMORY_MB = 1
    response = client.get(url)
    assert response.status_code == 503
    assert "could not be made" in response.content.decode()


def test_when_every_render_slot_is_taken_the_visitor_is_told_to_try_again(client, url):
    with limits.render_slot():  # another request is making a PDF
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    html = response.content.decode()
    assert "Try again in a few seconds" in html
    assert reverse("papers:response_preview", args=[url.split("/")[2]]) in html


def test_a_freed_slot_is_used_by_the_next_request(client, url):
    with limits.render_slot():
        pass
    assert client.get(url).status_code == 200


def test_a_kept_pdf_is_served_even_while_every_slot_is_busy(client, url):
    assert client.get(url).status_code == 200
    with limits.render_slot():
        assert client.get(url).status_code == 200


def test_the_cache_key_is_the_content_not_the_address(paper_report, officer, anonymous):
    """Two users who are shown the same paper share its PDF; different content, different key."""
    public_html = render_html(documents.response_paper(paper_report, anonymous))
    officer_html = render_html(documents.response_paper(paper_report, officer))
    assert limits.cache_key(public_html) == limits.cache_key(public_html)
    assert limits.cache_key(public_html) != limits.cache_key(officer_html)
    render_pdf(documents.response_paper(paper_report, anonymous))
    assert limits.cached_pdf(public_html) is not None
    assert limits.cached_pdf(officer_html) is None
