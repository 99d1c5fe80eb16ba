"""PDF reader: lines in reading order, ruled tables with merged cells, the official header.

Why the extra work over plain text extraction: official documents put two columns side by side
at the top (issuer | national motto, then ``Số: …`` | place-and-date) and at the end (``Nơi nhận:`` |
signature); plain extraction interleaves them into one line. Tables are read with their merged cells
(pdfplumber gives ``None`` for covered cells) and a table cut by a page break is joined back. Text
inside tables is never repeated as body lines. Wrapped body lines are reflowed into paragraphs that
keep the page and the line number (on that page) of their first line.

Reading is pdfium's (:mod:`.pdf_chars`): every page's words with their positions, and the drawing of
the pages that could hold a ruled grid, on which pdfplumber's table finder cuts the tables.
"""
from __future__ import annotations

import os
import re
import time
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Optional

from ..legacy import fix_document as fix_legacy_fonts
from ..model import Cell, Document, Location, Paragraph, Table
from ..textnorm import display
from . import ReadError
from .layout import DOC_TYPE, PAGE_NUMBER, RIGHT_HEADER, TERMINAL, is_heading, starts_block, starts_lower
from .pdf_chars import cell_texts, find_tables, has_ruling_grid, load_page, open_document, page_text

#: Pages read at most (the rest is reported in warnings).
MAX_PAGES = int(os.environ.get("PIPELINE_PDF_MAX_PAGES", 500))
#: Seconds spent on one PDF at most (checked between pages).
TIME_LIMIT = float(os.environ.get("PIPELINE_PDF_TIME_LIMIT", 120))
#: A page with more characters than this is not read (a hostile or broken content stream).
MAX_PAGE_CHARS = 200_000
#: Table detection is skipped on pages with more ruling edges than this (it is quadratic in them).
MAX_PAGE_EDGES = 4000
#: Horizontal gap (points) that separates two columns written side by side.
COLUMN_GAP = 30.0
#: A gap between two words wider than this many text heights puts the next word at a tab stop: running text
#: never spaces its words that far, a table typed with tabs does.
TAB_GAP = 1.0
#: Points per character when a line is written out in fixed-width characters (Paragraph.layout).
LAYOUT_UNIT = 4.0

_LEFT_START = re.compile(r"^(?:Số\b|V/v\b|Về việc\b)", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận", re.IGNORECASE)


@dataclass
class _Row:
    """One printed line of a page (words sharing a baseline), before column splitting."""

    words: list[dict[str, Any]]
    number: int = 0  # 1-based line number on the page

    # Read after the row is complete (``_rows`` fills ``words`` first), so each is worked out once.
    @cached_property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @cached_property
    def x0(self) -> float:
        return min(w["x0"] for w in self.words)

    @cached_property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)

    @cached_property
    def text(self) -> str:
        return _join_words(self.words)


@dataclass
class _Line:
    text: str
    page: int
    line: int
    x0: float
    x1: float
    top: float
    bottom: float
    region: str = "body"
    layout: Optional[str] = None  # body lines: the line in fixed-width characters (see _laid_out)
    bold: bool = False
    italic: bool = False
    centered: bool = False
    parts: list[str] = field(default_factory=list)
    order: Optional[float] = None  # reading-order key when it is not the top (columns read one after the other)

    @property
    def sort_key(self) -> float:
        return self.top if self.order is None else self.order


def _join_words(words: list[dict[str, Any]]) -> str:
    return display(" ".join(w["text"] for w in sorted(words, key=lambda w: w["x0"])))


_BOLD = re.compile(r"bold|black|heavy|semibold|,B\b", re.I)
_ITALIC = re.compile(r"italic|oblique|,I\b", re.I)


@lru_cache(maxsize=512)
def _font_style(name: str) -> tuple[bool, bool]:
    """(bold, italic) from a font's name: a page has a handful of fonts and thousands of words."""
    return bool(_BOLD.search(name)), bool(_ITALIC.search(name))


def _style(words: list[dict[str, Any]]) -> tuple[bool, bool]:
    styles = [_font_style(str(w.get("fontname", ""))) for w in words]
    n = max(len(styles), 1)
    bold = sum(1 for b, _ in styles if b) * 2 > n
    italic = sum(1 for _, i in styles if i) * 2 > n
    return bold, italic


def _rows(words: list[dict[str, Any]]) -> list[_Row]:
    """Words grouped into printed lines by vertical overlap, top to bottom."""
    rows: list[_Row] = []
    top = bottom = 0.0  # of the last row, kept as it grows
    for w in sorted(words, key=lambda w: ((w["top"] + w["bottom"]) / 2, w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        height = max(w["bottom"] - w["top"], 1.0)
        if rows and abs(mid - (top + bottom) / 2) <= 0.45 * min(height, max(bottom - top, 1.0)):
            rows[-1].words.append(w)
            top, bottom = min(top, w["top"]), max(bottom, w["bottom"])
            continue
        rows.append(_Row([w]))
        top, bottom = w["top"], w["bottom"]
    for i, row in enumerate(rows, start=1):
        row.words.sort(key=lambda w: w["x0"])
        row.number = i
    return rows


def _segments(words: list[dict[str, Any]], gap: float = COLUMN_GAP) -> list[list[dict[str, Any]]]:
    """Split a row where a horizontal gap wider than ``gap`` points separates two columns."""
    segs: list[list[dict[str, Any]]] = []
    for w in sorted(words, key=lambda w: w["x0"]):
        if segs and w["x0"] - segs[-1][-1]["x1"] <= gap:
            segs[-1].append(w)
        else:
            segs.append([w])
    return segs


def _inside(word: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


# --------------------------------------------------------------------------- reading


def read(path: Path, doc: Document) -> None:
    pdf = open_document(path)
    try:
        count = len(pdf)
        doc.pages = count
        info = _safe_metadata(pdf)
        if info:
            doc.metadata["pdf"] = info
        no_text: list[int] = []
        started = time.monotonic()
        state = _State()
        for index in range(count):
            number = index + 1
            if number > MAX_PAGES:
                doc.warnings.append(f"only the first {MAX_PAGES} of {count} pages were read (page limit)")
                break
            if time.monotonic() - started > TIME_LIMIT:
                doc.warnings.append(f"stopped after {index} of {count} pages: time limit of "
                                    f"{TIME_LIMIT:.0f} s reached")
                break
            page = None
            try:
                page, widgets = load_page(pdf, index)
                if widgets:
                    doc.metadata.setdefault("pdf_widgets_read", []).append(number)
                has_text = _read_page(page, index, doc, state)
            except ReadError:
                raise
            except Exception as exc:  # noqa: BLE001 - one bad page must not lose the others
                doc.warnings.append(f"page {number} could not be read: {type(exc).__name__}: {str(exc)[:120]}")
                continue
            finally:
                if page is not None:
                    page.close()  # frees the page (bounded memory on long files)
            if not has_text:
                no_text.append(number)
                doc.warnings.append(f"page {number} has no text layer: needs OCR")
        if state.reflow is not None:
            state.reflow.flush(doc)
        fix_legacy_fonts(doc)
        if no_text:
            doc.metadata["pages_without_text"] = no_text
    finally:
        pdf.close()


def _safe_metadata(pdf: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
        for key in ("Producer", "Creator", "Title", "Author", "CreationDate"):
            value = meta.get(key)
            if value:
                out[key.lower()] = str(value)[:200]
    except Exception:  # noqa: BLE001 - metadata is a nicety
        pass
    return out


@dataclass
class _State:
    """What a page needs to know about the pages before it."""

    header_done: bool = False
    reflow: Optional["_Reflow"] = None  # carries a paragraph over a page break


def _read_page(page: Any, index: int, doc: Document, state: _State) -> bool:
    """Append the page's blocks to ``doc``; return whether the page has a text layer."""
    number = index + 1
    text = page_text(page, MAX_PAGE_CHARS)
    if not text.chars:
        return False
    if text.unmapped > 0.3 * text.chars:
        # Glyphs without a Unicode mapping: the "text" would be "(cid:71)(cid:72)…", useless.
        doc.warnings.append(f"page {number} text layer is unreadable (fonts without Unicode mapping)")
        return False
    if text.chars > MAX_PAGE_CHARS:
        doc.warnings.append(f"page {number} skipped: {text.chars} characters (limit {MAX_PAGE_CHARS})")
        return True
    found: list[Any] = []
    try:
        if has_ruling_grid(page):
            found, edges = find_tables(page, MAX_PAGE_EDGES)
            if edges > MAX_PAGE_EDGES:
                doc.warnings.append(f"page {number}: more than {MAX_PAGE_EDGES} ruling lines, tables not detected")
    except Exception as exc:  # noqa: BLE001
        doc.warnings.append(f"page {number}: tables not detected ({type(exc).__name__})")
    _lay_out_page(text.words, found, text.glyphs, number, text.width, text.height, doc, state)
    return True


def _lay_out_page(words: list[dict[str, Any]], found: list[Any], glyphs: list[Any], number: int, width: float,
                  height: float, doc: Document, state: _State) -> None:
    """Words (pdfium) and tables (pdfplumber) of one page → blocks in reading order."""
    tables = [t for t in found if len(t.rows) >= 1 and len(t.cells) >= 2]
    for w in words:
        w["text"] = unicodedata.normalize("NFC", w["text"])
    bboxes = [t.bbox for t in tables]
    body_words = [w for w in words if not any(_inside(w, b) for b in bboxes)]
    rows = _rows(body_words)

    # Items in reading order: ("rows", [_Line…]) or ("table", pdfplumber table), sorted by top.
    items: list[tuple[float, str, Any]] = []
    lines = _lines_for_page(rows, number, width, height, doc, state)
    _mark_centered(lines, width)
    for line in lines:
        items.append((line.sort_key, "line", line))
    for t in tables:
        items.append((t.bbox[1], "table", t))
    items.sort(key=lambda it: (it[0], 0 if it[1] == "line" else 1))

    if state.reflow is None:
        state.reflow = _Reflow(width)
    body = state.reflow
    body.width = width
    for _, kind, obj in items:
        if kind == "line":
            body.add(obj, doc)
        else:
            body.flush(doc)
            _add_table(obj, glyphs, number, doc, body_rows_above=any(
                it[1] == "line" and it[2].region == "body" and it[0] < obj.bbox[1] for it in items))


def _lines_for_page(rows: list[_Row], number: int, width: float, height: float, doc: Document,
                    state: _State) -> list[_Line]:
    """Rows become lines; the header and the recipients/signature block are split into columns."""
    out: list[_Line] = []
    header_rows: set[int] = set()
    if not state.header_done:
        header = _header(rows, width, height, number)
        if header is not None:
            state.header_done = True
            header_lines, header_rows = header
            out.extend(header_lines)
        elif number >= 1:
            state.header_done = True  # the header is on the first page with text or nowhere
    # The end block: "Nơi nhận:" and its list on the left, the signature block on the right. It ends
    # with the page (an annex such as a blank form may follow on the next page).
    rec_left: Optional[float] = None
    for row in rows:
        if row.number in header_rows:
            continue
        text = row.text
        if not text:
            continue
        if rec_left is None and _RECIPIENTS.match(text):
            rec_left = row.x0
        if rec_left is not None:
            for seg in _segments(row.words):
                region = "recipients" if seg[0]["x0"] <= rec_left + 25 else "signature"
                out.append(_make_line(seg, number, row.number, width, region))
            continue
        region = "body"
        if PAGE_NUMBER.match(text) and (row.bottom < height * 0.08 or row.top > height * 0.9):
            region = "page-header" if row.top < height / 2 else "page-footer"
        out.append(_make_line(row.words, number, row.number, width, region, text))
    # Recipients first, then the signature block (the two columns read one after the other).
    rec = [ln for ln in out if ln.region == "recipients"]
    sig = [ln for ln in out if ln.region == "signature"]
    if sig:
        others = [ln for ln in out if ln.region not in ("recipients", "signature")]
        first_top = min(ln.top for ln in rec + sig)
        before = [ln for ln in others if ln.top < first_top]
        after = [ln for ln in others if ln.top >= first_top]
        # Reading order: the column lines one after the other from the first of them, then the rows after.
        ordered = rec + sig
        for i, ln in enumerate(ordered):
            ln.order = first_top + i * 1e-3
        out = before + ordered + [ln for ln in after]
        for i, ln in enumerate(after):
            ln.order = max(ln.top, first_top + len(ordered) * 1e-3 + i * 1e-3)
    return out


def _mark_centered(lines: list[_Line], width: float) -> None:
    """Centred = midpoint on the page axis and clear of both text margins (titles, signatures)."""
    body = [ln for ln in lines if ln.region == "body"]
    if not body:
        return
    lefts = sorted(ln.x0 for ln in body)
    rights = sorted(ln.x1 for ln in body)
    left = lefts[len(lefts) // 10]
    right = rights[(len(rights) * 9) // 10]
    for ln in body:
        # Against the text block's own axis: Vietnamese rules give a wider left margin (30-35 mm) than right.
        ln.centered = (abs((ln.x0 + ln.x1) / 2 - (left + right) / 2) < 10 and ln.x0 - left > 40
                       and right - ln.x1 > 40)


def _make_line(words: list[dict[str, Any]], page: int, line: int, width: float, region: str,
               text: Optional[str] = None) -> _Line:
    bold, italic = _style(words)
    x0 = min(w["x0"] for w in words)
    x1 = max(w["x1"] for w in words)
    return _Line(_join_words(words) if text is None else text, page, line, x0, x1, min(w["top"] for w in words),
                 max(w["bottom"] for w in words), region, layout=_laid_out(words) if region == "body" else None,
                 bold=bold, italic=italic, centered=False)


def _laid_out(words: list[dict[str, Any]]) -> str:
    """The line in fixed-width characters: each run of words starts at its x position (LAYOUT_UNIT points a
    character), runs apart by a tab-wide gap at least two spaces apart — the layout the text-table finder
    reads, so a table typed with tab stops is found as in a text file."""
    heights = sorted(w["bottom"] - w["top"] for w in words)
    out = ""
    for run in _segments(words, gap=TAB_GAP * max(heights[len(heights) // 2], 1.0)):
        column = round(run[0]["x0"] / LAYOUT_UNIT)
        out += " " * max(column - len(out), 2 if out else 0) + _join_words(run)
    return out


def _in_columns(line: _Line) -> bool:
    """A line whose words stand at tab stops (a row of a table typed with tabs): it is no running text."""
    return bool(line.layout) and "  " in line.layout.strip()


def _right_column_start(row: _Row) -> Optional[float]:
    """Where the right header column starts on a row holding the motto, Party name or date line.

    The two columns may be close (``… LONG XUYÊN   CỘNG HÒA …``), so the split is the widest gap
    between words up to the word where the motto/date pattern matches, not a fixed gap.
    """
    words = row.words
    text = ""
    starts: list[int] = []
    for w in words:
        starts.append(len(text))
        text += display(w["text"]) + " "
    m = RIGHT_HEADER.search(text)
    if not m:
        return None
    hit = max(i for i, start in enumerate(starts) if start <= m.start())
    if hit == 0:
        return words[0]["x0"]
    gaps = [(words[i]["x0"] - words[i - 1]["x1"], i) for i in range(1, hit + 1)]
    widest, at = max(gaps)
    spaces = sorted(g for g, _ in gaps)
    usual = spaces[len(spaces) // 2] if len(spaces) > 1 else 0.0
    if widest < 8 or widest < 2.5 * max(usual, 1.0):
        # No column gap before the match: the row starts in the right column or is one column.
        return words[0]["x0"]
    return words[at]["x0"]


def _header(rows: list[_Row], width: float, height: float, page: int) -> Optional[tuple[list[_Line], set[int]]]:
    """The two-column header at the top of the first page: (lines, row numbers used) or None."""
    top_rows = [r for r in rows if r.top < height * 0.45]
    right_starts: list[tuple[_Row, float]] = []
    for row in top_rows:
        x = _right_column_start(row)
        if x is not None:
            right_starts.append((row, x))
    if not right_starts:
        return None
    split = min(x for _, x in right_starts) - 3
    if split < width * 0.25:
        # The motto starts at the left margin: a one-column header (read as ordinary lines).
        return None
    last_right = max(row.number for row, _ in right_starts)
    used: set[int] = set()
    left: list[_Line] = []
    right: list[_Line] = []
    prev_bottom: Optional[float] = None
    below = False  # a left-column line under the date line was taken: its wrapped lines follow it
    for row in rows:
        text = row.text
        crosses = any(w["x0"] < split - 2 and w["x1"] > split + 2 for w in row.words)
        if DOC_TYPE.match(text) or crosses:
            if not used and row.number < last_right and not DOC_TYPE.match(text):
                continue  # a line above the header ("Mẫu số 01", a stamp) stays a body line
            if row.number > last_right or not RIGHT_HEADER.search(text):
                break
        if row.number > last_right:
            # Below the date line only the left column goes on (``V/v …`` and its continuation).
            on_left = all((w["x0"] + w["x1"]) / 2 < split for w in row.words)
            near = prev_bottom is not None and row.top - prev_bottom < (row.bottom - row.top) * 1.2
            # A "V/v …" subject wraps over as many lines as it needs, each close under the one before.
            if not (on_left and (_LEFT_START.match(text) or near and left and (below or _LEFT_START.match(left[-1].text)))):
                break
            below = True
        lw = [w for w in row.words if (w["x0"] + w["x1"]) / 2 < split]
        rw = [w for w in row.words if (w["x0"] + w["x1"]) / 2 >= split]
        if lw:
            left.append(_make_line(lw, page, row.number, width, "header-left"))
        if rw:
            right.append(_make_line(rw, page, row.number, width, "header-right"))
        used.add(row.number)
        prev_bottom = row.bottom
    if not right:
        return None
    top = min(ln.top for ln in left + right)
    ordered = left + right
    for i, ln in enumerate(ordered):
        ln.order = top + i * 1e-3  # column by column when sorted with the other blocks
        ln.centered = False
    return ordered, used


# --------------------------------------------------------------------------- reflow


class _Reflow:
    """Joins wrapped body lines of one page into paragraphs."""

    def __init__(self, width: float):
        self.width = width
        self.pending: list[_Line] = []
        self.deferred: list[_Line] = []  # page numbers met while a paragraph runs over a page break

    def add(self, line: _Line, doc: Document) -> None:
        if line.region in ("page-header", "page-footer") and self.pending:
            self.deferred.append(line)
            return
        if line.region != "body" or line.centered:
            self.flush(doc)
            self._emit([line], doc)
            return
        if self.pending and not self._continues(self.pending[-1], line):
            self.flush(doc)
        self.pending.append(line)

    def _continues(self, a: _Line, b: _Line) -> bool:
        if is_heading(a.text) or a.bold != b.bold or _in_columns(a) or _in_columns(b):
            return False
        if starts_block(b.text) and not (re.match(r"^[-–]\s+[a-zđ]", b.text) and not TERMINAL.search(a.text)):
            return False
        if b.page != a.page:
            # Over a page break only an unfinished sentence goes on.
            return not TERMINAL.search(a.text) and (starts_lower(b.text)
                                                     or a.x1 > 0.8 * self.width and b.x0 <= a.x0 + 2)
        pitch = b.top - a.top
        size = max(a.bottom - a.top, 1.0)
        if pitch <= 0 or pitch > 2.1 * size:
            return False
        left = min(ln.x0 for ln in self.pending)
        indented = b.x0 > left + 8
        if indented:
            return False
        right = max(ln.x1 for ln in self.pending + [b])
        full = a.x1 >= right - 0.12 * max(right - left, 1.0)
        if starts_lower(b.text):
            return True
        if TERMINAL.search(a.text) and not a.text.endswith("."):
            return False
        return full

    def flush(self, doc: Document) -> None:
        if self.pending:
            self._emit(self.pending, doc)
            self.pending = []
        for line in self.deferred:
            self._emit([line], doc)
        self.deferred = []

    @staticmethod
    def _emit(lines: list[_Line], doc: Document) -> None:
        first = lines[0]
        text = first.text
        starts = [(0, first.line)]  # where each joined line begins (same page only: lines are page-relative)
        for ln in lines[1:]:
            glue = "" if re.search(r"[\w/]-$", text) else " "
            if ln.page == first.page:
                starts.append((len(text) + len(glue), ln.line))
            text = text + glue + ln.text
        doc.blocks.append(Paragraph(text, Location(page=first.page, line=first.line,
                                                   bbox=(min(ln.x0 for ln in lines), first.top,
                                                         max(ln.x1 for ln in lines), lines[-1].bottom)),
                                    region=first.region, bold=first.bold, italic=first.italic,
                                    centered=first.centered, line_starts=starts if len(starts) > 1 else [],
                                    layout=first.layout if len(lines) == 1 else None))


# --------------------------------------------------------------------------- tables


def _add_table(t: Any, glyphs: list[Any], number: int, doc: Document, body_rows_above: bool) -> None:
    """A pdfplumber table (its grid) as one Table (merged cells once, with spans), cell text from the
    page's pdfium characters; joined to the previous page's table when it continues it."""
    rows = t.rows
    xs = sorted({round(c[0], 1) for c in t.cells})
    tops = sorted({round(c[1], 1) for c in t.cells})
    x_right = max(c[2] for c in t.cells)
    texts = cell_texts(rows, glyphs)
    cells_out: list[list[Cell]] = []
    for r, row in enumerate(rows):
        out_row: list[Cell] = []
        for c, bbox in enumerate(row.cells):
            if bbox is None:
                continue
            x0, top, x1, bottom = bbox
            col = _index(xs, x0)
            colspan = max(1, sum(1 for x in xs if x0 - 1 <= x < x1 - 1))
            rowspan = max(1, sum(1 for y in tops if top - 1 <= y < bottom - 1))
            raw = texts[r][c] if r < len(texts) and c < len(texts[r]) else None
            text = display(" ".join((raw or "").split()))
            out_row.append(Cell(text, r, col, rowspan, colspan,
                                Location(page=number, row=r, column=col, bbox=tuple(bbox))))
        cells_out.append(out_row)
    cells_out = [row for row in cells_out if row]
    if not cells_out:
        return
    previous = _previous_table(doc)
    if previous is not None and not body_rows_above and _continues_table(previous, xs, x_right, cells_out, number):
        _append_rows(previous, cells_out)
        return
    index = len(doc.tables)
    for r, row in enumerate(cells_out):
        for cell in row:
            cell.row = r
            cell.location.table = index
            cell.location.row = r
    table = Table(cells_out, Location(page=number, table=index, bbox=tuple(t.bbox)), index=index)
    # Column positions, to recognise the same table continuing on the next page.
    table._pdf_columns = {"xs": xs, "x_right": x_right, "page": number}  # type: ignore[attr-defined]
    doc.blocks.append(table)


def _index(values: list[float], x: float) -> int:
    best = min(range(len(values)), key=lambda i: abs(values[i] - x))
    return best


def _previous_table(doc: Document) -> Optional[Table]:
    """The last block, skipping page headers/footers, when it is a table."""
    for block in reversed(doc.blocks):
        if isinstance(block, Paragraph) and block.region in ("page-header", "page-footer"):
            continue
        return block if isinstance(block, Table) else None
    return None


def _continues_table(prev: Table, xs: list[float], x_right: float, rows: list[list[Cell]], page: int) -> bool:
    cols = _columns_meta(prev)
    if cols is None or cols["page"] >= page:
        return False
    pxs, pright = cols["xs"], cols["x_right"]
    if len(pxs) != len(xs) or abs(pright - x_right) > 3:
        return False
    return all(abs(a - b) <= 3 for a, b in zip(pxs, xs))


def _columns_meta(table: Table) -> Optional[dict[str, Any]]:
    return getattr(table, "_pdf_columns", None)


def _append_rows(prev: Table, rows: list[list[Cell]]) -> None:
    header = [c.text for c in prev.rows[0]] if prev.rows else []
    if rows and [c.text for c in rows[0]] == header:
        rows = rows[1:]  # the header row repeated on the new page
    start = len(prev.rows)
    for i, row in enumerate(rows):
        for cell in row:
            cell.row = start + i
            cell.location.row = start + i
            cell.location.table = prev.index
        prev.rows.append(row)
    cols = _columns_meta(prev)
    if cols is not None and rows:
        cols["page"] = rows[0][0].location.page
