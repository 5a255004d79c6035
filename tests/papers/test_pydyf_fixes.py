"""The two fixes to WeasyPrint's PDF writer change how fast a paper is made, not the paper."""

from io import BytesIO

import pydyf
import pytest
from pypdf import PdfReader
from pypdf.generic import StreamObject

from papers import pydyf_fixes
from papers.pdf import write_pdf
from papers.rendering import static_files
from tests.papers.conftest import pdf_pages

# Several pages, each with tagged headings, paragraphs and a link to another page: the
# PDF/UA tags and the links are what read the page references.
PAPER = (
    "<!DOCTYPE html><html lang='en-GB'><head><title>Fixes</title>"
    "<link rel='stylesheet' href='/static/papers/print.css'></head><body>"
    + "".join(
        f"<h2 id='part-{n}' style='break-before: page'>Part {n}</h2>"
        + f"<p>Back to <a href='#part-{max(n - 1, 1)}'>part {max(n - 1, 1)}</a>.</p>"
        + "<p>The placements panel now meets monthly. </p>" * 12
        for n in range(1, 6)
    )
    + "</body></html>"
)


def make_paper() -> bytes:
    return write_pdf(PAPER, static_files())


def decompressed_streams(pdf: bytes) -> list[bytes]:
    reader = PdfReader(BytesIO(pdf))
    streams = []
    for number in range(1, reader.trailer["/Size"]):
        thing = reader.get_object(number)
        # The cross-reference stream holds where each object starts, which moves as the
        # streams before it compress to other lengths.
        if isinstance(thing, StreamObject) and thing.get("/Type") != "/XRef":
            streams.append(thing.get_data())
    return streams


def test_the_fixes_are_for_the_pydyf_the_lock_file_pins():
    """Fails when pydyf is upgraded: look at the new version, then move the pin (or drop a
    fix it no longer needs)."""
    assert pydyf.__version__ == pydyf_fixes.PYDYF_VERSION_FIXED


def test_papers_are_made_with_the_fixes():
    assert pydyf.PDF.page_references is not pydyf_fixes.PYDYF_PAGE_REFERENCES
    assert pydyf.zlib is not pydyf_fixes.PYDYF_ZLIB


def test_a_paper_is_byte_for_byte_the_same_with_page_references_built_once(monkeypatch):
    fixed = make_paper()
    monkeypatch.setattr(pydyf.PDF, "page_references", pydyf_fixes.PYDYF_PAGE_REFERENCES)
    assert make_paper() == fixed
    assert len(pdf_pages(fixed)) == 5


def test_a_page_added_after_the_references_were_read_is_in_them():
    pdf = pydyf.PDF()
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert len(pdf.page_references) == 1
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert pdf.page_references == tuple(
        f"{number} 0 R".encode() for number in pdf.pages["Kids"][::3]
    )
    assert len(pdf.page_references) == 2


def test_the_faster_compression_holds_the_same_bytes(monkeypatch):
    faster = make_paper()
    monkeypatch.setattr(pydyf, "zlib", pydyf_fixes.PYDYF_ZLIB)  # pydyf's own: level 9
    smallest = make_paper()
    assert faster != smallest
    assert decompressed_streams(faster) == decompressed_streams(smallest)
    assert len(faster) <= len(smallest) * 1.1


@pytest.mark.parametrize("version", ["0.12.1", "0.14.0"])
def test_another_pydyf_is_left_as_it_is(monkeypatch, version):
    monkeypatch.setattr(pydyf, "__version__", version)
    monkeypatch.setattr(pydyf.PDF, "page_references", pydyf_fixes.PYDYF_PAGE_REFERENCES)
    monkeypatch.setattr(pydyf, "zlib", pydyf_fixes.PYDYF_ZLIB)
    assert pydyf_fixes.apply() is False
    assert pydyf.PDF.page_references is pydyf_fixes.PYDYF_PAGE_REFERENCES
    assert pydyf.zlib is pydyf_fixes.PYDYF_ZLIB
