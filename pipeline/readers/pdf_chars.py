"""Words and ruling lines of a PDF page through pdfium (pypdfium2): the fast path of the PDF reader.

Why pdfium: pdfplumber interprets every content stream in Python (pdfminer); pdfium does it in C++ and
reads the same characters about 50× faster. This module hands the PDF reader words in the shape it used
to get from pdfplumber's ``extract_words(x_tolerance=2)`` and built the same way — characters clustered
into lines by their top (3 pt), sorted by x0, split at blanks and at gaps over 2 pt — with positions in
the page as displayed (``/Rotate`` applied, top-down, points), so the layout rules downstream are
unchanged. pdfplumber still reads ruled tables, but only on pages whose path objects could form a grid
(:func:`has_ruling_grid`, a walk over the page objects that costs well under a millisecond).

Form-field and signature widgets: official PDFs signed with the government signing software carry the
document number and the day of issue only as the *appearance* of signature widgets ("Số: 3743/SNV…",
"ngày 22 tháng 5"); pdfplumber never saw them. Widgets that print and whose appearance holds text are
flattened into the page before reading (:func:`load_page`), so the page reads as it prints. Other
annotations (comments, highlights) are not read: they are remarks on the document, not the document.
"""
from __future__ import annotations

import ctypes
import math
import struct
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Optional

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from . import ReadError

#: pdfplumber's defaults for extract_words, kept so words split exactly where they used to.
X_TOLERANCE = 2.0
Y_TOLERANCE = 3.0
#: Ligatures pdfplumber expands (``expand_ligatures=True``).
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
#: Path objects thinner than this (points) are ruling lines; both sides longer: rectangles or grids.
THIN = 3.0


def open_document(path: Path) -> Any:
    """The PDF opened by pdfium; ReadError (encrypted / corrupt) with a one-line reason otherwise."""
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise ReadError("encrypted PDF: a password is needed to open it", "encrypted") from None
        if code == raw.FPDF_ERR_FILE:
            raise ReadError("cannot open file", "unreadable") from None
        detail = str(exc).split("(PDFium: ", 1)[-1].rstrip(").") or "unreadable"
        raise ReadError(f"corrupt or truncated PDF: {detail.lower()}", "corrupt") from None
    except (OSError, ValueError) as exc:
        raise ReadError(f"corrupt or truncated PDF: {str(exc)[:160]}", "corrupt") from None


# --------------------------------------------------------------------------- pages


@dataclass
class PageText:
    """One page as the layout rules want it."""

    width: float
    height: float
    words: list[dict[str, Any]] = field(default_factory=list)
    chars: int = 0        # characters with a glyph (blanks included), as pdfplumber counted them
    unmapped: int = 0     # of which without a Unicode mapping (fonts lacking a ToUnicode map)
    glyphs: list[tuple[Any, ...]] = field(default_factory=list)  # the characters themselves (for table cells)
    widgets_read: int = 0  # widget appearances flattened into the page


def load_page(pdf: Any, index: int) -> tuple[Any, int]:
    """Page ``index`` with its printable text widgets flattened in; (page, number of widgets flattened)."""
    page = pdf[index]
    widgets = _text_widgets(page)
    if widgets and raw.FPDFPage_Flatten(page.raw, raw.FLAT_PRINT) == raw.FLATTEN_SUCCESS:
        page.close()  # flattening invalidates the loaded page: load it again
        page = pdf[index]
        return page, widgets
    return page, 0


def _text_widgets(page: Any) -> int:
    """Widgets that print and whose appearance holds text (stamped numbers and dates, filled fields)."""
    handle = page.raw
    count = raw.FPDFPage_GetAnnotCount(handle)
    found = 0
    for i in range(count):
        annot = raw.FPDFPage_GetAnnot(handle, i)
        if not annot:
            continue
        try:
            flags = raw.FPDFAnnot_GetFlags(annot)
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET or not flags & raw.FPDF_ANNOT_FLAG_PRINT \
                    or flags & (raw.FPDF_ANNOT_FLAG_HIDDEN | raw.FPDF_ANNOT_FLAG_INVISIBLE):
                continue
            if any(_holds_text(raw.FPDFAnnot_GetObject(annot, k), 0)
                   for k in range(raw.FPDFAnnot_GetObjectCount(annot))):
                found += 1
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return found


def _holds_text(obj: Any, depth: int) -> bool:
    if not obj or depth > 8:
        return False
    kind = raw.FPDFPageObj_GetType(obj)
    if kind == raw.FPDF_PAGEOBJ_TEXT:
        return True
    if kind == raw.FPDF_PAGEOBJ_FORM:
        return any(_holds_text(raw.FPDFFormObj_GetObject(obj, k), depth + 1)
                   for k in range(raw.FPDFFormObj_CountObjects(obj)))
    return False


class _Display:
    """PDF user space → the displayed page (``/Rotate`` applied), top-down, origin at the top left.

    Same frame as pdfminer's (which applies the rotation to its CTM), so table boxes from pdfplumber
    and words from here can be compared directly.
    """

    def __init__(self, page: Any):
        x0, y0, x1, y1 = page.get_mediabox()
        self.box = (x0, y0, x1, y1)
        self.rotation = page.get_rotation() % 360
        if self.rotation in (90, 270):
            self.width, self.height = y1 - y0, x1 - x0
        else:
            self.width, self.height = x1 - x0, y1 - y0

    def rect(self, left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of a user-space rectangle on the displayed page."""
        x0, y0, x1, y1 = self.box
        r = self.rotation
        if r == 90:
            return bottom - y0, left - x0, top - y0, right - x0
        if r == 180:
            return x1 - right, bottom - y0, x1 - left, top - y0
        if r == 270:
            return y1 - top, x1 - right, y1 - bottom, x1 - left
        return left - x0, y1 - top, right - x0, y1 - bottom

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) of a user-space point on the displayed page."""
        x0, top, _, _ = self.rect(x, y, x, y)
        return x0, top

    def vector(self, vx: float, vy: float) -> tuple[float, float]:
        """A direction in user space (y up) as a direction on the displayed page (y up)."""
        r = self.rotation
        if r == 90:
            return vy, -vx
        if r == 180:
            return -vx, -vy
        if r == 270:
            return -vy, vx
        return vx, vy


def page_text(page: Any, max_chars: int) -> PageText:
    """The page's words (pdfplumber's ``extract_words`` shape); no words past ``max_chars`` characters."""
    display = _Display(page)
    out = PageText(display.width, display.height)
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        count = raw.FPDFText_CountChars(tp)
        if count <= 0:
            return out
        if count > max_chars:
            out.chars = count
            return out
        chars, out.unmapped = _chars(tp, count, display)
        out.chars = len(chars)
    finally:
        textpage.close()
    if out.unmapped > 0.3 * max(out.chars, 1):
        return out
    out.glyphs = chars
    out.words = _words(chars)
    return out


# A character: (text, x0, top, x1, bottom, upright, fontname)
_TEXT, _X0, _TOP, _X1, _BOTTOM, _UPRIGHT, _FONT = range(7)


@lru_cache(maxsize=1)
def _api() -> Any:
    """The per-character pdfium calls with plain ``void*``/``int`` prototypes.

    pypdfium2's bindings check pointer types on every call; a page has thousands of characters and a
    handful of calls each, so the same C functions are called through leaner prototypes here.
    """
    P, I, U = ctypes.c_void_p, ctypes.c_int, ctypes.c_uint

    def lean(fn: Any, restype: Any, *argtypes: Any) -> Any:
        return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)

    return SimpleNamespace(
        unicode=lean(raw.FPDFText_GetUnicode, U, P, I),
        generated=lean(raw.FPDFText_IsGenerated, I, P, I),
        map_error=lean(raw.FPDFText_HasUnicodeMapError, I, P, I),
        loose_box=lean(raw.FPDFText_GetLooseCharBox, I, P, I, P),
        text_object=lean(raw.FPDFText_GetTextObject, P, P, I),
        object_font=lean(raw.FPDFTextObj_GetFont, P, P),
        matrix=lean(raw.FPDFText_GetMatrix, I, P, I, P),
        font_size=lean(raw.FPDFText_GetFontSize, ctypes.c_double, P, I),
        text=lean(raw.FPDFText_GetText, I, P, I, I, P),
        object_text=lean(raw.FPDFTextObj_GetText, ctypes.c_ulong, P, P, P, ctypes.c_ulong),
    )


def _page_string(tp: int, count: int) -> Optional[str]:
    """The page's characters in one call, one per character index; None when they do not line up."""
    api = _api()
    buf = ctypes.create_string_buffer(2 * (count + 1) + 2)
    written = api.text(tp, 0, count, ctypes.addressof(buf))
    text = buf.raw[: max(0, 2 * (written - 1))].decode("utf-16-le", errors="replace")
    return text if len(text) == count else None


def _chars(textpage: Any, count: int, display: _Display) -> tuple[list[tuple[Any, ...]], int]:
    """Characters with pdfplumber's geometry: the advance box across, font size high from the descent line.

    pdfium's loose box spans ascent to descent; pdfminer (and so every threshold tuned on pdfplumber) makes
    a character exactly one font size high, standing on the descent line — the same box is rebuilt here.
    Spaces pdfium generates where the content has a gap (or where it dropped a real space at the end of a
    text run) become blanks at the end of the character before them: they only split words.
    """
    api = _api()
    tp = ctypes.cast(textpage, ctypes.c_void_p).value
    unicode, generated, map_error, loose_box, text_object = (api.unicode, api.generated, api.map_error,
                                                            api.loose_box, api.text_object)
    object_font, get_matrix, font_size = api.object_font, api.matrix, api.font_size
    string = _page_string(tp, count)
    rect = raw.FS_RECTF()
    rect_ptr = ctypes.addressof(rect)
    matrix = raw.FS_MATRIX()
    matrix_ptr = ctypes.addressof(matrix)
    name_buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    rotation = display.rotation
    mx0, my0, mx1, my1 = display.box
    chars: list[tuple[Any, ...]] = []
    unmapped = 0
    last: Optional[tuple[Any, ...]] = None
    last_index = -1
    generated_space = False  # pdfium generated a space after ``last``
    current_object: Optional[int] = None
    upright, fontname, size, up, scale = True, "", 0.0, 0, 1.0
    styles: dict[tuple[float, float, float, float, Optional[int]], tuple[bool, str, int, float]] = {}
    unpack = struct.Struct("4f").unpack_from  # FS_RECTF: left, top, right, bottom
    append = chars.append
    inline = False  # this run's characters take the common path: unrotated page, upright text, known size
    for i, ch in enumerate(string if string is not None else (chr(unicode(tp, k)) for k in range(count))):
        if ch in " \r\n" and generated(tp, i) == 1:
            generated_space = generated_space or (ch == " " and last is not None)
            continue
        if generated_space:
            if last is not None and _dropped_space(tp, last_index, i):
                append((" ", last[_X1], last[_TOP], last[_X1], last[_BOTTOM], last[_UPRIGHT], last[_FONT]))
            generated_space = False
        if ch < " " or ch >= "\ud800":  # rare: control characters, surrogates, non-characters
            if ch == "\x02" or ch == "\ufffe":
                ch = "-"  # pdfium marks a hyphen that ends a line (U+0002 per character, U+FFFE in page text)
            elif ch in "\x00\r\n" or "\ud800" <= ch <= "\udfff":
                continue
        if map_error(tp, i):
            unmapped += 1
        if not loose_box(tp, i, rect_ptr):
            continue
        obj = text_object(tp, i)
        if obj != current_object:  # a new text run: its font, size and direction (often one run per word)
            current_object = obj
            get_matrix(tp, i, matrix_ptr)
            a, b, c, d = unpack(matrix)
            key = (a, b, c, d, object_font(obj))
            style = styles.get(key)
            if style is None:
                length = raw.FPDFText_GetFontInfo(textpage, i, name_buf, 256, ctypes.byref(flags))
                name = name_buf.raw[: max(0, length - 1)] if length else b""
                ux, uy = display.vector(c, d)
                # Which edge of the box is "up" on the displayed page: 0 top, 1 bottom, 2 right, 3 left.
                edge = (0 if uy > 0 else 1) if abs(uy) >= abs(ux) else (2 if ux > 0 else 3)
                style = styles[key] = (_upright(matrix, display), name.decode("latin-1"), edge, math.hypot(c, d))
            upright, fontname, up, scale = style
            size = font_size(tp, i) * scale
            inline = rotation == 0 and up == 0 and size > 0
        left, top_y, right, bottom_y = unpack(rect)
        if inline:
            bottom = my1 - bottom_y
            last = (ch, left - mx0, bottom - size, right - mx0, bottom, upright, fontname)
        else:
            if rotation == 0:
                x0, top, x1, bottom = left - mx0, my1 - top_y, right - mx0, my1 - bottom_y
            else:
                x0, top, x1, bottom = display.rect(left, bottom_y, right, top_y)
            # One font size high, from the descent side (pdfminer's box), in the display direction of "up".
            if size > 0:
                if up == 0:
                    top = bottom - size
                elif up == 1:
                    bottom = top + size
                elif up == 2:
                    x1 = x0 + size
                else:
                    x0 = x1 - size
            last = (ch, x0, top, x1, bottom, upright, fontname)
        append(last)
        last_index = i
    return chars, unmapped


def _dropped_space(tp: int, before: int, after: int) -> bool:
    """Whether the space pdfium generated between characters ``before`` and ``after`` stands for a real one.

    pdfium leaves out a real space that ends (or starts) a text run and generates its own in its place; it
    also generates spaces of its own at small gaps inside a run ("Q uy" in a word set in two sizes). The
    first kind splits words as the real space did for pdfplumber; the second is ignored, so only the
    2-point gap rule decides, as before.
    """
    api = _api()
    a = api.text_object(tp, before)
    b = api.text_object(tp, after)
    if not a or not b:
        return True
    if a == b:
        return False
    return _object_text(a, tp)[-1:].isspace() or _object_text(b, tp)[:1].isspace()


_TEXT_BUFFER = 1024


def _object_text(obj: int, tp: int) -> str:
    """The text of one text run (page object), as pdfium decodes it."""
    api = _api()
    buf = ctypes.create_string_buffer(_TEXT_BUFFER)
    size = api.object_text(obj, tp, ctypes.addressof(buf), _TEXT_BUFFER)
    if size > _TEXT_BUFFER:
        buf = ctypes.create_string_buffer(size)
        size = api.object_text(obj, tp, ctypes.addressof(buf), size)
    return buf.raw[: max(0, size - 2)].decode("utf-16-le", errors="replace")


def _upright(m: Any, display: _Display) -> bool:
    """pdfminer's test on the character's matrix in the displayed page: no quarter turn, no mirror."""
    a, b = display.vector(m.a, m.b)
    c, d = display.vector(m.c, m.d)
    return a * d > 0 and b * c <= 0


def _words(chars: list[tuple[Any, ...]], x_tolerance: float = X_TOLERANCE) -> list[dict[str, Any]]:
    """pdfplumber's word extraction (x_tolerance 2, y_tolerance 3, no text flow), on our characters."""
    words: list[dict[str, Any]] = []
    start = 0
    # Runs of consecutive characters with the same uprightness, as pdfplumber groups them.
    for i in range(1, len(chars) + 1):
        if i == len(chars) or chars[i][_UPRIGHT] != chars[start][_UPRIGHT]:
            run = chars[start:i]
            if run[0][_UPRIGHT]:
                lines = _cluster(run, _TOP, Y_TOLERANCE)
                for line in lines:
                    line.sort(key=lambda c: c[_X0])
                    words.extend(_split_words(line, across=(_X0, _X1), along=_TOP, tol_across=x_tolerance,
                                              tol_along=Y_TOLERANCE))
            else:
                # Vertical text: lines are columns clustered by x0, read top to bottom.
                for line in _cluster(run, _X0, x_tolerance):
                    line.sort(key=lambda c: (c[_TOP], c[_BOTTOM]))
                    words.extend(_split_words(line, across=(_TOP, _BOTTOM), along=_X0, tol_across=Y_TOLERANCE,
                                              tol_along=x_tolerance))
            start = i
    return words


def _cluster(chars: list[Any], key: Any, tolerance: float) -> list[list[Any]]:
    """pdfplumber's cluster_objects: sorted distinct values chained while within ``tolerance``.

    On characters (``key`` a field index) and on words (``"top"``: lines as pdfplumber's extract_text
    makes them, in extraction order within a line)."""
    values = sorted({c[key] for c in chars})
    cluster_of: dict[float, int] = {}
    index = -1
    last: Optional[float] = None
    for v in values:
        if last is None or v > last + tolerance:
            index += 1
        cluster_of[v] = index
        last = v
    groups: list[list[Any]] = [[] for _ in range(index + 1)]
    for c in chars:
        groups[cluster_of[c[key]]].append(c)
    return groups


def _split_words(line: list[tuple[Any, ...]], across: tuple[int, int], along: int, tol_across: float,
                 tol_along: float) -> list[dict[str, Any]]:
    """pdfplumber's ``char_begins_new_word``: a blank, a step back, a gap over the tolerance, another line."""
    start_key, end_key = across
    out: list[dict[str, Any]] = []
    current: list[tuple[Any, ...]] = []
    prev: Optional[tuple[Any, ...]] = None
    for c in line:
        if c[_TEXT].isspace():
            if current:
                out.append(_word(current))
                current = []
            prev = None
            continue
        if prev is not None and (c[start_key] < prev[start_key] or c[start_key] > prev[end_key] + tol_across
                                 or abs(c[along] - prev[along]) > tol_along):
            out.append(_word(current))
            current = []
        current.append(c)
        prev = c
    if current:
        out.append(_word(current))
    return out


def _word(chars: list[tuple[Any, ...]]) -> dict[str, Any]:
    first = chars[0]
    if len(chars) == 1:
        return {"text": LIGATURES.get(first[_TEXT], first[_TEXT]), "x0": first[_X0], "x1": first[_X1],
                "top": first[_TOP], "bottom": first[_BOTTOM], "upright": first[_UPRIGHT], "fontname": first[_FONT]}
    text, x0, top, x1, bottom, upright, font = first
    texts = [text]
    mixed = False
    for c in chars[1:]:
        texts.append(c[0])
        if c[1] < x0:
            x0 = c[1]
        if c[2] < top:
            top = c[2]
        if c[3] > x1:
            x1 = c[3]
        if c[4] > bottom:
            bottom = c[4]
        if c[6] != font:
            mixed = True
    joined = "".join(texts)
    if not joined.isascii():
        joined = "".join([LIGATURES.get(t, t) for t in texts])
    if mixed:
        font = Counter(c[_FONT] for c in chars).most_common(1)[0][0]  # the most common; first met on a tie
    return {"text": joined, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "upright": upright, "fontname": font}


def cell_texts(rows: list[Any], chars: list[tuple[Any, ...]], x_tolerance: float = 1.5) -> list[list[Optional[str]]]:
    """Text of every cell of a pdfplumber table (``rows``: its ``Row`` objects), from our characters.

    What ``Table.extract(x_tolerance=1.5)`` computes — characters whose centre lies in the cell, read as
    words, lines top to bottom — but from pdfium's characters, so text pdfplumber cannot see (widget
    appearances flattened into the page) reaches the cells too. ``None`` for covered (merged) positions.
    """
    # Each character with its centre, computed once and sorted by the vertical one: (v, order, h, char).
    centred = sorted(((c[_TOP] + c[_BOTTOM]) / 2, i, (c[_X0] + c[_X1]) / 2, c) for i, c in enumerate(chars))
    middles = [t[0] for t in centred]
    out: list[list[Optional[str]]] = []
    for row in rows:
        x0, top, x1, bottom = row.bbox
        band = centred[bisect_left(middles, top):bisect_left(middles, bottom)]
        row_chars = [(h, v, c) for v, _, h, c in sorted(band, key=lambda t: t[1]) if x0 <= h < x1]
        texts: list[Optional[str]] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            cx0, ctop, cx1, cbottom = cell
            words = _words([t[2] for t in row_chars if cx0 <= t[0] < cx1 and ctop <= t[1] < cbottom], x_tolerance)
            texts.append(" ".join(w["text"] for line in _cluster(words, "top", Y_TOLERANCE) for w in line))
        out.append(texts)
    return out


# --------------------------------------------------------------------------- ruling lines


def has_ruling_grid(page: Any) -> bool:
    """Whether the page's path objects could form a ruled table of two cells or more.

    Counted from pdfium's page objects without interpreting anything: a thin path is one ruling line,
    a rectangle gives two across and two down, a longer path its axis-aligned segments. Two cells need
    three parallel rulings one way and two the other. Generous on purpose: a false "yes" only costs a
    pdfplumber pass over the page, a false "no" would lose a table.
    """
    counts = [0, 0]  # horizontal, vertical
    handle = page.raw
    _count_rulings([raw.FPDFPage_GetObject(handle, i) for i in range(raw.FPDFPage_CountObjects(handle))], counts, 0)
    h, v = counts
    return (h >= 3 and v >= 2) or (h >= 2 and v >= 3)


def _count_rulings(objects: list[Any], counts: list[int], depth: int) -> None:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in objects:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
            _count_rulings([raw.FPDFFormObj_GetObject(obj, k) for k in range(raw.FPDFFormObj_CountObjects(obj))],
                           counts, depth + 1)
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        w, h = right.value - left.value, top.value - bottom.value
        if h <= THIN and w > THIN:
            counts[0] += 1
        elif w <= THIN and h > THIN:
            counts[1] += 1
        elif w > THIN and h > THIN:
            segments = raw.FPDFPath_CountSegments(obj)
            if segments <= 5:
                counts[0] += 2
                counts[1] += 2
            else:
                _count_segments(obj, segments, counts)


def _count_segments(obj: Any, segments: int, counts: list[int]) -> None:
    """Axis-aligned straight segments of a longer path (a whole grid drawn as one path)."""
    x, y = ctypes.c_float(), ctypes.c_float()
    prev: Optional[tuple[float, float]] = None
    for k in range(segments):
        seg = raw.FPDFPath_GetPathSegment(obj, k)
        if not seg or not raw.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        point = (x.value, y.value)
        if prev is not None and raw.FPDFPathSegment_GetType(seg) == raw.FPDF_SEGMENT_LINETO:
            dx, dy = abs(point[0] - prev[0]), abs(point[1] - prev[1])
            if dy < 0.5 and dx > 1:
                counts[0] += 1
            elif dx < 0.5 and dy > 1:
                counts[1] += 1
        prev = point


def find_tables(page: Any, max_edges: int) -> tuple[list[Any], int]:
    """pdfplumber's ruled-table finder run on the page's drawing as pdfium reads it: (tables, edges).

    The finder (snapping, joining, intersections, cells, merged cells as ``None``) is pdfplumber's own,
    with its default settings; only its input changes: the edges come from pdfium's path objects, turned
    into the lines, rectangles and curves pdfminer would have made of them (:func:`_drawing`), so no
    pdfminer pass over the page is needed. No tables (and the edge count) past ``max_edges`` edges.
    """
    from pdfplumber import utils
    from pdfplumber.table import TableFinder

    display = _Display(page)
    edges: list[dict[str, Any]] = []
    for kind, obj in _drawing(page, display, max_edges + 1):
        if kind == "line":
            edges.append(utils.line_to_edge(obj))
        elif kind == "rect":
            edges.extend(utils.rect_to_edges(obj))
        else:
            edges.extend(utils.curve_to_edges(obj))
    if len(edges) > max_edges:
        return [], len(edges)
    return TableFinder(_EdgesOnly(edges, display)).tables, len(edges)


class _EdgesOnly:
    """The one part of a pdfplumber page its TableFinder reads for the "lines" strategy."""

    def __init__(self, edges: list[dict[str, Any]], display: _Display):
        self.edges = edges
        self.bbox = (0.0, 0.0, display.width, display.height)


def _drawing(page: Any, display: _Display, limit: int) -> list[tuple[str, dict[str, Any]]]:
    """The page's painted paths as pdfminer's lines / rectangles / curves, in displayed-page points.

    pdfminer's rules (``PDFLayoutAnalyzer.paint_path``): every subpath apart; "m l" (or "m l h") is a
    line; "m l l l h" with axis-aligned corners closing on the start is a rectangle; anything else is a
    curve through its segment end points. Paths neither stroked nor filled (clipping) are not drawn.
    Stops after ``limit`` shapes (each gives at least one edge): a page drawn with a million strokes is
    not a form.
    """
    out: list[tuple[str, dict[str, Any]]] = []
    handle = page.raw
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    # A stack in reverse drawing order, so objects come off it in drawing order (forms opened in place).
    stack = [(raw.FPDFPage_GetObject(handle, i), identity, 0)
             for i in reversed(range(raw.FPDFPage_CountObjects(handle)))]
    matrix = raw.FS_MATRIX()
    matrix_ptr = ctypes.addressof(matrix)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    while stack and len(out) <= limit:
        obj, parent, depth = stack.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        m = parent
        if raw.FPDFPageObj_GetMatrix(obj, matrix):
            m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), parent)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            if depth < 8:
                stack.extend(reversed([(raw.FPDFFormObj_GetObject(obj, k), m, depth + 1)
                                       for k in range(raw.FPDFFormObj_CountObjects(obj))]))
            continue
        if raw.FPDFPath_GetDrawMode(obj, fill, stroke) and fill.value == raw.FPDF_FILLMODE_NONE and not stroke.value:
            continue
        ops: list[tuple[str, tuple[float, float]]] = []
        bezier = 0
        for k in range(raw.FPDFPath_CountSegments(obj)):
            seg = raw.FPDFPath_GetPathSegment(obj, k)
            if not seg or not raw.FPDFPathSegment_GetPoint(seg, x, y):
                continue
            px, py = x.value, y.value
            point = (m[0] * px + m[2] * py + m[4], m[1] * px + m[3] * py + m[5])
            kind_k = raw.FPDFPathSegment_GetType(seg)
            if kind_k == raw.FPDF_SEGMENT_MOVETO:
                _subpath(ops, out, display)
                ops = [("m", point)]
                bezier = 0
            elif kind_k == raw.FPDF_SEGMENT_LINETO:
                ops.append(("l", point))
            else:  # pdfium stores a Bézier as three points: two controls, then the end point
                bezier += 1
                if bezier % 3 == 0:
                    ops.append(("c", point))
            if raw.FPDFPathSegment_GetClose(seg) and ops:
                ops.append(("h", ops[0][1]))
        _subpath(ops, out, display)
    return out


def _compose(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n (PDF row-vector matrices)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _subpath(ops: list[tuple[str, tuple[float, float]]], out: list[tuple[str, dict[str, Any]]],
             display: _Display) -> None:
    if not ops or ops[0][0] != "m" or len(ops) < 2:
        return
    shape = "".join(op for op, _ in ops)
    pts = [p for _, p in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    kind = "curve"
    if shape in ("mlh", "ml"):
        kind = "line"
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0)
                                 or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            kind = "rect"
    shown = [display.point(px, py) for px, py in pts]
    xs = [p[0] for p in shown]
    tops = [p[1] for p in shown]
    x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
    obj = {"object_type": kind, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
           "width": x1 - x0, "height": bottom - top, "y0": display.height - bottom, "y1": display.height - top,
           "pts": shown}
    out.append((kind, obj))
