"""Two costs of pydyf, the PDF writer under WeasyPrint, taken out where papers are made.

Both were measured on the 200-recommendation tracking report (docs/papers.md, "Speed"),
and neither changes what a paper says:

- **Page references, built once.** `pydyf.PDF.page_references` builds the tuple of every
  page's reference each time it is read, and WeasyPrint's PDF/UA tags read it once per
  tagged box: 10,000 reads of 63 references, 0.1 s of a 3.3 s paper. Here it is built again
  only when a page has been added since. The PDF is byte for byte the same.
- **Streams compressed at zlib's default level, not its highest.** pydyf compresses every
  stream at level 9; level 6 (zlib's default) is 0.15 s faster on the same paper for a file
  5 % larger (389 KB → 408 KB). The streams hold the same bytes once decompressed.

Written against pydyf 0.13.0, the version the lock file pins: on any other version nothing
is changed (a later pydyf may fix the first itself), and tests/papers/test_pydyf_fixes.py
fails until someone has looked at the new version again.
"""

from __future__ import annotations

import zlib

import pydyf

PYDYF_VERSION_FIXED = "0.13.0"
STREAM_COMPRESSION_LEVEL = 6

# pydyf's own, kept for the tests that compare with and without.
PYDYF_PAGE_REFERENCES = pydyf.PDF.page_references
PYDYF_ZLIB = pydyf.zlib


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    # Kids is [number, 0, "R"] per page and only grows (PDF.add_page), so its length says
    # whether what was built is still every page.
    kids = pdf.pages["Kids"]
    built = pdf.__dict__.get("_page_references_built")
    if built is None or built[0] != len(kids):
        references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
        built = pdf.__dict__["_page_references_built"] = (len(kids), references)
    return built[1]


class _StreamZlib:
    """What pydyf uses of zlib, with its streams compressed at STREAM_COMPRESSION_LEVEL
    whatever level pydyf asks for."""

    compress = staticmethod(zlib.compress)

    @staticmethod
    def compressobj(level: int = -1, *args, **kwargs):
        return zlib.compressobj(STREAM_COMPRESSION_LEVEL, *args, **kwargs)


def apply() -> bool:
    """Fix pydyf in this process; whether it was (only the version they were made for)."""
    if pydyf.__version__ != PYDYF_VERSION_FIXED:
        return False
    pydyf.PDF.page_references = property(_page_references)
    pydyf.zlib = _StreamZlib
    return True
