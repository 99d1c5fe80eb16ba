"""Small builders the extractor tests share: a Document from lines, a real XLSX sheet from rows."""
from __future__ import annotations

from pathlib import Path

from pipeline.model import Document, Location, Paragraph


def lines_doc(lines: list[str], step: int = 1, fmt: str = "txt") -> Document:
    """One Paragraph per non-empty line, as a text reader gives them (line ``1 + i * step``)."""
    doc = Document(path=f"t.{fmt}", sha256="0", format=fmt)
    for i, text in enumerate(lines):
        if text:
            doc.blocks.append(Paragraph(text, Location(line=1 + i * step)))
    return doc


def sheet(path: Path, rows: list[list]) -> Path:
    """A real workbook with ``rows`` on its first sheet."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(str(path))
    return path
