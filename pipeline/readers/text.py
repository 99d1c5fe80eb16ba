"""Plain-text reader: decoding, legacy encodings, reflow of hard-wrapped PDF text, text tables."""
from __future__ import annotations

from pathlib import Path

from ..model import Document, Location, Paragraph
from ..textnorm import display


def read(path: Path, doc: Document) -> None:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig", errors="replace")
    doc.encoding = "utf-8"
    for i, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            doc.blocks.append(Paragraph(display(line), Location(line=i)))
