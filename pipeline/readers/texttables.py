"""Tables inside plain text: pipe-separated, tab-separated and fixed-width column layouts.

Interface (called by the text reader):

    find_text_tables(lines: list[str]) -> list[TextTable]

``lines`` are the decoded lines of the file (index 0 = line 1). Each TextTable says which
line range it occupies and its rows as lists of cell strings, with the 1-based line number of
each row, so the reader can emit a :class:`pipeline.model.Table` with provenance.
TO BE IMPLEMENTED (registrations engineer).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TextTable:
    first_line: int  # 1-based, inclusive
    last_line: int  # 1-based, inclusive
    rows: list[list[str]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)  # 1-based line number of each row's first line
    style: str = "pipe"  # pipe | tab | fixed


def find_text_tables(lines: list[str]) -> list[TextTable]:
    return []
