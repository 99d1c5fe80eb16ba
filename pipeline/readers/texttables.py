"""Tables inside plain text: pipe-separated, tab-separated and fixed-width column layouts.

Interface (called by the text reader):

    find_text_tables(lines: list[str]) -> list[TextTable]

``lines`` are the decoded lines of the file (index 0 = line 1). Each TextTable says which
line range it occupies and its rows as lists of cell strings, with the 1-based line number of
each row, so the reader can emit a :class:`pipeline.model.Table` with provenance.

Why these rules: forms pasted into e-mails arrive as markdown tables, as ``a | b`` lines, as
tab-separated rows copied from Excel (wrapped cells become extra lines whose first cell is
empty) and as space-aligned columns. Prose and the official two-column header must stay
paragraphs, so every style needs at least two rows, and fixed-width columns must be aligned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import lexicon

if TYPE_CHECKING:  # the model is only needed by tables_from_layout, imported there
    from ..model import Document


@dataclass
class TextTable:
    first_line: int  # 1-based, inclusive
    last_line: int  # 1-based, inclusive
    rows: list[list[str]] = field(default_factory=list)
    row_lines: list[int] = field(default_factory=list)  # 1-based line number of each row's first line
    style: str = "pipe"  # pipe | tab | fixed


#: Lines longer than this are never table rows (a minified blob, not a form).
MAX_LINE = 5000
#: Fixed-width columns: a gap is a run of at least this many spaces.
_GAP = re.compile(r" {2,}")
_SEGMENT = re.compile(r"\S+(?: \S+)*")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^\s*[-=+:|_]{2,}(?:\s+[-=+:|_]{2,})*\s*$")  # ruling lines of text tables
_PLUS_SEPARATOR = re.compile(r"^\s*\+?[-=+:]{3,}\+?\s*$")  # +----+-----+ grid borders
# The official header (issuer | national motto; number | place and date) is a layout, not data.
_HEADER_WORDS = re.compile(
    r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN|^Số\s*:|ngày\s.*tháng\s.*năm|Nơi nhận", re.IGNORECASE)


def _clean(cell: str) -> str:
    return " ".join(cell.split())


# --------------------------------------------------------------------------- pipe


def _pipe_cells(line: str) -> list[str] | None:
    """Cells of a pipe row, or None when the line is not one."""
    if "|" not in line:
        return None
    s = line.strip()
    outer = s.startswith("|") and s.endswith("|") and len(s) > 1
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    parts = s.split("|")
    if len(parts) < 2 and not outer:
        return None
    cells = [_clean(p) for p in parts]
    if not outer and sum(1 for c in cells if c) < 2:
        return None  # "Trang 1 |" or a stray bar in prose
    return cells


def _is_separator(line: str) -> bool:
    return bool(_SEPARATOR.match(line)) and "-" in line and ("|" in line or line.strip().startswith("-"))


def _find_pipe(lines: list[str], used: list[bool]) -> list[TextTable]:
    tables: list[TextTable] = []
    i, n = 0, len(lines)
    while i < n:
        if used[i] or _pipe_cells(lines[i]) is None or _is_separator(lines[i]):
            i += 1
            continue
        rows: list[list[str]] = []
        row_lines: list[int] = []
        j = i
        last = i
        while j < n and not used[j]:
            line = lines[j]
            if _is_separator(line) or _PLUS_SEPARATOR.match(line) and rows:
                last = j
                j += 1
                continue
            cells = _pipe_cells(line)
            if cells is None:
                # one blank line inside a table is tolerated when a pipe row follows
                if not line.strip() and j + 1 < n and _pipe_cells(lines[j + 1]) is not None and rows:
                    j += 1
                    continue
                break
            rows.append(cells)
            row_lines.append(j + 1)
            last = j
            j += 1
        if len(rows) >= 2:
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            tables.append(TextTable(i + 1, last + 1, rows, row_lines, "pipe"))
            for k in range(i, last + 1):
                used[k] = True
        i = max(j, i + 1)
    return tables


# --------------------------------------------------------------------------- tab


def _tab_cells(line: str) -> list[str]:
    return [_clean(c) for c in line.rstrip(" \r\n").split("\t")]


def _tab_kind(line: str) -> str:
    """'strong' (>=2 filled cells), 'weak' (a continuation: empty first cell, one filled) or ''."""
    if "\t" not in line:
        return ""
    cells = _tab_cells(line.rstrip("\t "))
    filled = sum(1 for c in cells if c)
    if filled >= 2:
        return "strong"
    if filled == 1 and not cells[0] and line.count("\t") >= 2:
        return "weak"  # a wrapped cell copied from a sheet keeps its row's tabs; an indented line has one
    return ""


def _join_continuations(rows: list[list[str]], row_lines: list[int], kinds: list[str]) -> tuple[list, list]:
    """Fold rows whose first cell is empty into the row above, cell by cell, with one space."""
    out_rows: list[list[str]] = []
    out_lines: list[int] = []
    for cells, ln, kind in zip(rows, row_lines, kinds):
        if out_rows and not cells[0] and kind in ("strong", "weak", "cont"):
            prev = out_rows[-1]
            if len(prev) < len(cells):
                prev.extend([""] * (len(cells) - len(prev)))
            for k, c in enumerate(cells):
                if c:
                    prev[k] = f"{prev[k]} {c}".strip() if prev[k] else c
            continue
        out_rows.append(list(cells))
        out_lines.append(ln)
    return out_rows, out_lines


def _logical_lines(lines: list[str]) -> list[tuple[str, int, int]]:
    """(text, first, last) physical-line spans: a cell copied from Excel that holds a line break
    arrives quoted over several lines (``1\t"Tập thể\nchỉ đạo"\tKT``); it is rejoined here."""
    out: list[tuple[str, int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        j = i
        if "\t" in line and line.count('"') % 2 == 1 and re.search(r'(?:^|\t)"', line):
            text = line
            while text.count('"') % 2 == 1 and j + 1 < n and j - i < 10:
                j += 1
                text = f"{text}\n{lines[j]}"
            if text.count('"') % 2 == 0:
                out.append((text, i, j))
                i = j + 1
                continue
            j = i
        out.append((line, i, i))
        i += 1
    return out


def _unquote(cell: str) -> str:
    """An Excel-quoted cell: outer quotes dropped, doubled quotes undone, line breaks to spaces."""
    cell = cell.strip()
    if len(cell) >= 2 and cell.startswith('"') and cell.endswith('"'):
        cell = cell[1:-1].replace('""', '"')
    return _clean(cell)


def _find_tab(lines: list[str], used: list[bool]) -> list[TextTable]:
    tables: list[TextTable] = []
    logical = _logical_lines(lines)
    texts = [t for t, _, _ in logical]
    kinds_all = [_tab_kind(t.replace("\n", " ")) for t in texts]
    free = [not any(used[k] for k in range(a, b + 1)) for _, a, b in logical]
    i, n = 0, len(logical)
    while i < n:
        if not free[i] or kinds_all[i] != "strong":
            i += 1
            continue
        j = i
        members: list[int] = []
        while j < n and free[j]:
            if kinds_all[j]:
                members.append(j)
                j += 1
                continue
            if not texts[j].strip() and j + 1 < n and kinds_all[j + 1] == "strong" and members:
                j += 1
                continue
            break
        strong = [k for k in members if kinds_all[k] == "strong"]
        if len(strong) >= 2:
            raw = [[_unquote(c) for c in texts[k].rstrip(" \r\n").split("\t")] for k in members]
            kinds = [kinds_all[k] for k in members]
            rows, row_lines = _join_continuations(raw, [logical[k][1] + 1 for k in members], kinds)
            width = max(len(r) for r in rows)
            # trailing empty columns produced by trailing tabs on every row are noise
            while width > 1 and all(len(r) < width or not r[width - 1] for r in rows):
                width -= 1
            rows = [(r + [""] * (width - len(r)))[:width] for r in rows]
            if len(rows) >= 2:
                first, last = logical[members[0]][1], logical[members[-1]][2]
                tables.append(TextTable(first + 1, last + 1, rows, row_lines, "tab"))
                for k in range(first, last + 1):
                    used[k] = True
        i = max(j, i + 1)
    return tables


# --------------------------------------------------------------------------- fixed width


def _segments(line: str) -> list[tuple[int, str]]:
    """(start column, text) of each run of text separated by >= 2 spaces."""
    out: list[tuple[int, str]] = []
    pos = 0
    for part in _GAP.split(line.rstrip()):
        idx = line.find(part, pos) if part else pos
        if part.strip():
            lead = len(part) - len(part.lstrip())
            out.append((idx + lead, part.strip()))
        pos = idx + len(part)
    return out


def _column_starts(seg_lists: list[list[tuple[int, str]]]) -> list[int]:
    """Positions where segments start on at least two lines, left to right."""
    counts: dict[int, int] = {}
    for segs in seg_lists:
        _count(counts, segs, 1)
    return _starts_from(counts)


def _count(counts: dict[int, int], segs: list[tuple[int, str]], step: int) -> None:
    for start, _ in segs:
        counts[start] = counts.get(start, 0) + step


def _starts_from(counts: dict[int, int]) -> list[int]:
    """Exact positions shared by two lines or more: typed or exported columns align exactly."""
    return sorted(p for p, v in counts.items() if v >= 2)


def _aligned(segs: list[tuple[int, str]], starts: list[int]) -> int:
    pos = set(starts)
    return sum(1 for s, _ in segs if s in pos)


def _split_fixed(line: str, starts: list[int]) -> list[str]:
    cells = [""] * len(starts)
    for s, text in _segments(line):
        col = 0
        for k, c in enumerate(starts):
            if s >= c:
                col = k
        cells[col] = f"{cells[col]} {text}".strip() if cells[col] else text
    return cells


def _find_fixed(lines: list[str], used: list[bool]) -> list[TextTable]:
    tables: list[TextTable] = []
    i, n = 0, len(lines)
    while i < n:
        if used[i] or not lines[i].strip() or "\t" in lines[i] or len(lines[i]) > MAX_LINE:
            i += 1
            continue
        # a run of consecutive non-blank, untaken lines
        j = i
        while j < n and not used[j] and lines[j].strip() and "\t" not in lines[j] and len(lines[j]) <= MAX_LINE:
            j += 1
        tables.extend(_fixed_in_run(lines, i, j))
        i = j
    for t in tables:
        for k in range(t.first_line - 1, t.last_line):
            used[k] = True
    return tables


def _fixed_in_run(lines: list[str], lo: int, hi: int) -> list[TextTable]:
    """Fixed-width tables inside lines[lo:hi] (no blank lines in between)."""
    segs = [_segments(lines[k]) for k in range(lo, hi)]
    multi = [k for k in range(hi - lo) if len(segs[k]) >= 2]
    if len(multi) < 2:
        return []
    out: list[TextTable] = []
    k = 0
    while k < hi - lo:
        if len(segs[k]) < 2:
            k += 1
            continue
        # grow a block from k while lines share column starts with it (counts kept incrementally)
        block = [k]
        counts: dict[int, int] = {}
        _count(counts, segs[k], 1)
        n_full = 1
        m = k + 1
        while m < hi - lo:
            if _RULE.match(lines[lo + m]):
                block.append(m)  # a ruling line under the header ("--  -----  ---" or "=====")
                m += 1
                continue
            if len(segs[m]) >= 2:
                _count(counts, segs[m], 1)
                starts = _starts_from(counts)
                if len(starts) < 2 or _aligned(segs[m], starts) < 2:
                    _count(counts, segs[m], -1)
                    break
                n_full += 1
            else:
                # continuation line: first column empty, text starts on a known column
                starts = _starts_from(counts) if n_full >= 2 else [s for s, _ in segs[k]]
                if not segs[m] or not starts or segs[m][0][0] <= starts[0] \
                        or _aligned(segs[m], starts) < len(segs[m]):
                    break
            block.append(m)
            m += 1
        table = _fixed_table(lines, lo, block, segs)
        if table is not None:
            out.append(table)
        k = block[-1] + 1
    return out


def _fixed_table(lines: list[str], lo: int, block: list[int], segs: list) -> TextTable | None:
    while block and _RULE.match(lines[lo + block[-1]]):
        block = block[:-1]
    rules = {b for b in block if _RULE.match(lines[lo + b])}
    full = [b for b in block if len(segs[b]) >= 2 and b not in rules]
    if len(full) < 2:
        return None
    starts = _column_starts([segs[b] for b in full])
    if len(starts) < 2:
        return None
    # Three columns at least: two side-by-side runs of text (the official header, a signature
    # block, prose with a stray double space) are layout, not data. Every full row puts all but
    # at most one of its segments on shared column starts, two rows at least three.
    if len(starts) < 3:
        return None
    if any(_aligned(segs[b], starts) < max(2, len(segs[b]) - 1) for b in full):
        return None
    if sum(1 for b in full if _aligned(segs[b], starts) >= 3) < 2:
        return None
    texts = [lines[lo + b] for b in block]
    if len(starts) == 3 and sum(1 for t in texts if _HEADER_WORDS.search(t)) >= 2:
        return None  # the official header laid out in columns: leave it to the layout reader
    kept = [b for b in block if b not in rules]
    raw = [_split_fixed(lines[lo + b], starts) for b in kept]
    kinds = ["cont" if not r[0] else "row" for r in raw]
    rows, row_lines = _join_continuations(raw, [lo + b + 1 for b in kept], kinds)
    if len(rows) < 2:
        return None
    return TextTable(lo + block[0] + 1, lo + block[-1] + 1, rows, row_lines, "fixed")


# --------------------------------------------------------------------------- entry point


def find_text_tables(lines: list[str]) -> list[TextTable]:
    """All tables in the text, in line order; lines in no table are left for paragraphs."""
    lines = [ln.rstrip("\r\n") for ln in lines]
    used = [len(ln) > MAX_LINE for ln in lines]
    tables = _find_pipe(lines, used) + _find_tab(lines, used) + _find_fixed(lines, used)
    tables.sort(key=lambda t: t.first_line)
    return tables


# --------------------------------------------------------------------------- tables typed as paragraphs


def tables_from_layout(doc: "Document") -> None:
    """Tables typed as paragraphs in DOCX and PDF bodies become Table blocks, as they do in text files.

    A table set with tab stops reaches us as one paragraph a row: the DOCX reader keeps its tab-separated
    cells, the PDF reader its runs at their x position (``Paragraph.layout``). Runs of such body paragraphs
    go through :func:`find_text_tables`, the finder text files use. The official header and the closing are
    typed with tabs too (issuer | motto, ``Số:`` | date, ``Nơi nhận`` | signature): their lines are left to
    the structural view, which reads them as layout (the closing runs from ``Nơi nhận`` to an annex heading).
    A table the finder sees is kept when two of its rows fill three cells or more: two runs side by side are
    layout, and so is a number before its heading. Tables are then numbered again in reading order.
    """
    from ..model import Paragraph, Table

    if not any(isinstance(b, Paragraph) and b.layout for b in doc.blocks):
        return
    out: list = []
    run: list = []
    closing = False
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            closing = (closing or bool(_CLOSING.match(block.text))) and not _ANNEX.match(block.text)
            if block.layout and block.region == "body" and not closing and not _HEADER_WORDS.search(block.text):
                run.append(block)
                continue
        out.extend(_tabulate(run))
        run = []
        out.append(block)
    out.extend(_tabulate(run))
    doc.blocks[:] = out
    for index, table in enumerate(b for b in doc.blocks if isinstance(b, Table)):
        table.index = table.location.table = index
        for row in table.rows:
            for cell in row:
                cell.location.table = index


_CLOSING = re.compile(r"^\W*Nơi\s+nhận", re.IGNORECASE)
_ANNEX = re.compile(r"^\W*" + lexicon.pattern("annex_words") + r"(?!\w)", re.IGNORECASE)


def _tabulate(paragraphs: list) -> list:
    """The paragraphs with every table found among their lines in place of the lines it covers."""
    if len(paragraphs) < 2:
        return list(paragraphs)
    lines = [(p, text) for p in paragraphs for text in p.layout.split("\n")]
    found = [t for t in find_text_tables([text for _, text in lines]) if _is_data(t)]
    if not found:
        return list(paragraphs)
    covered = {k for t in found for k in range(t.first_line - 1, t.last_line)}
    starts = {t.first_line - 1: t for t in found}
    count: dict[int, int] = {}
    for para, _ in lines:
        count[id(para)] = count.get(id(para), 0) + 1
    out: list = []
    k = 0
    while k < len(lines):
        if k in starts:
            out.append(_table_of(starts[k], lines))
            k = starts[k].last_line
            continue
        para, kept = lines[k][0], []
        while k < len(lines) and lines[k][0] is para and k not in covered:
            kept.append(lines[k][1])
            k += 1
        out.append(para if len(kept) == count[id(para)] else _part_of(para, kept))
    return out


def _is_data(table: TextTable) -> bool:
    wide = sum(1 for row in table.rows if sum(1 for c in row if c) >= 3)
    return wide >= 2 and not any(_HEADER_WORDS.search(" ".join(row)) for row in table.rows)


def _part_of(para, texts: list[str]):  # type: ignore[no-untyped-def]
    """What is left of a paragraph when a table took some of its lines."""
    from ..model import Paragraph
    from ..textnorm import display

    return Paragraph("\n".join(display(t) for t in texts), para.location, para.region, para.bold, para.italic,
                     para.centered, para.confidence)


def _table_of(table: TextTable, lines: list):  # type: ignore[no-untyped-def]
    from ..model import Cell, Location, Table
    from ..textnorm import display

    rows = []
    for r, cells in enumerate(table.rows):
        where = lines[table.row_lines[r] - 1][0].location
        rows.append([Cell(display(text), r, c, location=Location(page=where.page, line=where.line, row=r, column=c))
                     for c, text in enumerate(cells)])
    first = lines[table.first_line - 1][0].location
    return Table(rows, Location(page=first.page, line=first.line))
