"""Officer-written text into the numbered paragraphs of the council's report template.

A blank line separates paragraphs; each paragraph gets the next number in its section
(1.1, 1.2 … or 3.2.1, 3.2.2 …). Lines starting "- ", "• " or "§ " are bullet points
of the paragraph they belong to; a paragraph of bullets alone belongs to the one before.
"""

import re
from dataclasses import dataclass, field

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BULLET = re.compile(r"^\s*(?:[-•§*])\s+")


@dataclass
class Paragraph:
    number: str
    text: str
    bullets: list[str] = field(default_factory=list)


def split_paragraphs(text: str) -> list[tuple[str, list[str]]]:
    """(text, bullets) for each paragraph, bullets-only paragraphs joined to the one before."""
    paragraphs: list[tuple[str, list[str]]] = []
    for block in _PARAGRAPH_BREAK.split((text or "").replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        words = [line for line in lines if not _BULLET.match(line)]
        bullets = [_BULLET.sub("", line) for line in lines if _BULLET.match(line)]
        if not words and paragraphs:
            paragraphs[-1][1].extend(bullets)
            continue
        paragraphs.append((" ".join(words), bullets))
    return paragraphs


def numbered(prefix: str, text: str, start: int = 1) -> list[Paragraph]:
    """The paragraphs of `text` numbered prefix.start, prefix.start+1 … (1., 2. … without
    a prefix, as the summary and recommendations at the head of a report are)."""
    return [
        Paragraph(f"{prefix}.{index}" if prefix else f"{index}.", words, bullets)
        for index, (words, bullets) in enumerate(split_paragraphs(text), start=start)
    ]
