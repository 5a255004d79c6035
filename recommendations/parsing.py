"""Splitting recommendations text as it is pasted from Word or a PDF.

One module for every place that splits pasted text: the parts box of the recommendation
form and "Add several recommendations" on a report. Nothing typed is ever dropped: text
that cannot be placed in a recommendation or a part is returned (as `preamble`) for the
page to show, never thrown away.
"""

import re
from dataclasses import dataclass, field

# Bullets as they arrive from Word (U+F0B7 in the Symbol font), PDFs and plain text.
BULLETS = "\uf0b7\u2022\u00b7\u25aa\u25cf\u2023\u2043\u2013\u2014*-"
_BULLET = re.compile(rf"^\s*[{re.escape(BULLETS)}]\s+(?P<text>.*)$")
# "(a)", "a)", "a." and the same with roman numerals: "(i)", "ii)".
_PART_LABEL = re.compile(
    r"^\s*(?:\((?P<paren>[a-z]{1,4})\)|(?P<bare>[a-z]{1,4})[.)])\s+(?P<text>.*)$",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^(?=[ivxl]+$)l?x{0,3}(ix|iv|v?i{0,3})$", re.IGNORECASE)
# The start of a recommendation: "Recommendation 1 –", "R1:", "1.", "1)", "9.1.1".
_RECOMMENDATION_START = re.compile(
    r"""^\s*(?:
        recommendation\s+(?P<named>[A-Za-z]{0,3}\d+(?:\.\d+)*[a-z]?)\s*[:.\-\u2013\u2014)]?
      | (?P<short>R\d+(?:\.\d+)*)\s*[:.\-\u2013\u2014)]
      | (?P<numbered>\d+(?:\.\d+)+)\.?(?=\s)
      | (?P<single>\d+)(?:[.)]|\s*[\-\u2013\u2014:])
    )\s*(?P<text>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
MAX_PARTS = 26


@dataclass(frozen=True)
class ParsedPart:
    label: str
    text: str


@dataclass
class SplitParts:
    """A recommendation's text split into its lead-in and its parts."""

    lead_in: str
    parts: list[ParsedPart] = field(default_factory=list)


@dataclass
class ParsedRecommendation:
    reference: str
    text: str
    parts: list[ParsedPart] = field(default_factory=list)


@dataclass
class SplitRecommendations:
    preamble: str  # text before the first recommendation, shown to the officer
    recommendations: list[ParsedRecommendation] = field(default_factory=list)


def _normalise(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").split("\n")


def _part_marker(line: str) -> tuple[str | None, str] | None:
    """(label, or None for a bullet; text) when the line starts a part."""
    if match := _BULLET.match(line):
        return None, match.group("text")
    if match := _PART_LABEL.match(line):
        label = (match.group("paren") or match.group("bare")).lower()
        # A single letter or a roman numeral; not the first word of a sentence.
        if len(label) == 1 or _ROMAN.match(label):
            return label, match.group("text")
    return None


def _join(lines: list[str]) -> str:
    return "\n".join(line.rstrip() for line in lines).strip()


def _labels(labels: list[str | None]) -> list[str]:
    """Each part's label: as printed when every part has one, otherwise a, b, c."""
    if all(labels) and len(set(labels)) == len(labels):
        return [str(label) for label in labels]
    return [chr(ord("a") + i) for i in range(len(labels))]


def _split_marked(lines: list[str]) -> SplitParts | None:
    """Split at lines that start with a bullet or a part label; None when there are none.
    A line without a marker continues the part before it (a wrapped line)."""
    lead_in: list[str] = []
    bodies: list[list[str]] = []
    labels: list[str | None] = []
    for line in lines:
        marker = _part_marker(line)
        if marker is not None:
            labels.append(marker[0])
            bodies.append([marker[1]])
        elif bodies:
            bodies[-1].append(line)
        else:
            lead_in.append(line)
    if not bodies:
        return None
    texts = [_join(body) for body in bodies]
    return SplitParts(
        lead_in=_join(lead_in),
        parts=[ParsedPart(label, text) for label, text in zip(_labels(labels), texts, strict=True)],
    )


def split_parts(text: str) -> SplitParts:
    """The parts box: labelled or bulleted lines, else paragraphs (blank lines between),
    else one part per line. Fewer than two parts is no split (all of it is the lead-in)."""
    lines = _normalise(text)
    marked = _split_marked(lines)
    if marked is not None and len(marked.parts) >= 2:
        return marked
    stripped = "\n".join(lines).strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", stripped) if p.strip()]
    if len(paragraphs) < 2:
        paragraphs = [line.strip() for line in stripped.split("\n") if line.strip()]
    if len(paragraphs) < 2:
        return SplitParts(lead_in=stripped)
    return SplitParts(
        lead_in="",
        parts=[
            ParsedPart(label, p)
            for label, p in zip(_labels([None] * len(paragraphs)), paragraphs, strict=True)
        ],
    )


def _recommendation_start(line: str) -> tuple[str, str] | None:
    match = _RECOMMENDATION_START.match(line)
    if not match:
        return None
    reference = next(
        match.group(name) for name in ("named", "short", "numbered", "single") if match.group(name)
    )
    return reference, match.group("text")


def split_recommendations(text: str) -> SplitRecommendations:
    """A report's recommendations section: each recommendation starts on a line with its
    reference ("1.", "Recommendation 1 –", "R1:"); its labelled or bulleted lines are its
    parts. Text that does not follow a reference is the preamble."""
    preamble: list[str] = []
    found: list[tuple[str, list[str]]] = []
    for line in _normalise(text):
        start = _recommendation_start(line)
        if start is not None:
            found.append((start[0], [start[1]]))
        elif found:
            found[-1][1].append(line)
        else:
            preamble.append(line)
    recommendations = []
    for reference, lines in found:
        marked = _split_marked(lines)
        if marked is not None and len(marked.parts) >= 2:
            recommendations.append(ParsedRecommendation(reference, marked.lead_in, marked.parts))
        else:
            recommendations.append(ParsedRecommendation(reference, _join(lines)))
    return SplitRecommendations(preamble=_join(preamble), recommendations=recommendations)


def parts_as_text(parts: list[ParsedPart]) -> str:
    """Parts written back into a box so that `split_parts` reads them the same way."""
    return "\n".join(f"({part.label}) {part.text}" for part in parts)
