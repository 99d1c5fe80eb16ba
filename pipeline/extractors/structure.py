"""The structural view of a Document, built once and read by every extractor.

Official documents have a fixed anatomy (Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW): a two-column
header (issuer chain on the left; national motto or Party name, place and date on the right; number and
``V/v`` under the issuer), the title (type word + summary), the body (sections, numbered items, bullets,
labelled fields such as ``Thời gian hoàn thành:``, task tables in annexes), the closing (``Nơi nhận`` list
beside the signature block). Readers give this anatomy with different losses — DOCX keeps the header
table, PDF glues the two columns into one line, text files hard-wrap everything — so this module
reads the anatomy back the same way from all of them, once, and keeps provenance on every piece.

Entry point: :func:`structure_of` (built once per Document, cached while it lives). What it gives
(:class:`Structure`):

``lines``        every source line in reading order (model ``Line``; data tables as ``a | b`` rows)
``header``       :class:`Header`: ``issuer_lines`` (capitals lines of the left block, superior first, with the
                 motto, Party name, emblems, separators, number, ``V/v`` and place-and-date removed — compose
                 them with :func:`metadata.compose_issuer`), ``number``/``number_raw`` (``None`` when blank),
                 ``place``, ``issued_on`` (``None`` when the day is blank), ``subject`` (``V/v``), ``motto``
``title``        :class:`Title`: ``kind`` (from the lexicon's ``document_kinds``), ``word``, ``text`` (summary)
``body``         :class:`Para` list: paragraphs joined by THE paragraph joiner (:func:`join_lines`); each has
                 ``text``, ``pieces`` (offset → :class:`~pipeline.model.Location`, see ``location_at``),
                 ``marker``/``level`` (:func:`outline`), ``heading`` (THE heading test, :func:`is_heading`),
                 ``parent`` (index of the enclosing numbered paragraph; ``Structure.parents``/``heading_of``),
                 ``confidence`` (OCR, lowest of its lines), ``order`` (document order)
``table_rows``   rows of data tables as :class:`Para` (``a | b | c``, ``table``/``row`` set)
``tasks``        :class:`Task` list: ``text`` (the task), ``fields`` (role → :class:`FieldValue`: ``lead``,
                 ``executor``, ``support``, ``due``, ``period``, ``product``, ``task``; roles come from the
                 lexicon's ``field_labels``), ``heading`` (its section), ``responsible`` (lead, else executor —
                 never support), ``paras`` (prose) or ``table``/``row`` (task tables), ``location``
``task_tables``  :class:`TaskTable` list: ``columns`` (role → column), ``labels`` (column → header text)
``signature``    :class:`Signature`: ``authority`` (``T/M``, ``KT.`` …), ``titles`` (lines as written), ``name``
``recipients``   the ``Nơi nhận`` lines; ``addressees``: the ``Kính gửi`` bodies of a letter
``text_paragraphs()``  title, subject, body and table rows in order (what can cite or require something)
"""
from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from .. import lexicon
from ..model import Cell, Document, Line, Location, Paragraph, Table
from ..textnorm import match_key, nfc, strip_diacritics
from .shapes import NUMBER_RE, clean, is_upper_line, mostly_upper, normalize_number, parse_date, strip_marks

_F = re.IGNORECASE | re.UNICODE

# --------------------------------------------------------------------------- vocabulary-built patterns

_MOTTO = re.compile(lexicon.pattern("mottos"), _F)
_EMBLEM = re.compile(r"^\s*" + lexicon.pattern("emblems") + r"(?=\s*$)", _F | re.M)
#: ``T/M BAN THƯỜNG VỤ``, ``KT.GIÁM ĐỐC``: a prefix ending on a dot or slash may touch the title; others need a space.
_AUTHORITY = re.compile(r"^\s*(" + "|".join(
    lexicon.word_regex(a) + (r"\s*" if a.endswith((".", "/")) else r"\s+")
    for a in sorted(lexicon.words("authorities"), key=len, reverse=True)) + r")(?=\S)", re.I)
_POSITION_WORDS = re.compile(r"(?<!\w)(?:" + lexicon.pattern("positions") + r")(?!\w)", re.I)
#: ``Số: 344/KH-UBND``; ``SỐ 215-KL/HU`` where a header line was typed (or decoded) in capitals.
_NUMBER_LINE = re.compile(r"(?:^|\s)(?:Số|SỐ(?=\s*:?\s*\d))\s*:?\s*(.*)$")
#: ``<Place>, ngày 20 tháng 3 năm 2024``; blanks for a draft (``ngày    tháng    năm 2026``); ``ngày 20/3/2024``.
_DATE_TAIL = (r",\s*ngày\s*(?:(\d{1,2}|[\s.…_/-]*)\s*tháng\s*(\d{1,2}|[\s.…_/-]*)\s*năm\s*(\d{4})"
              r"|(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}))")
#: The whole place-and-date line (metadata reads a form's footer with it too).
PLACE_DATE = re.compile(r"([^\W\d_][^\n,]{0,60}?)" + _DATE_TAIL, _F)
_DATE_AFTER_PLACE = re.compile(_DATE_TAIL, _F)
_SIGN_NOISE = re.compile(r"^\(?\s*(ký|đã ký|ký tên|ký,|ký và|ghi rõ)|^\d{4}-\d{2}-\d{2}T\d|^\(.*\)$|^\*+$", re.I)
#: A form's ``Đơn vị đăng ký: …`` line (never a signature title; metadata reads the unit from it).
UNIT_LINE = re.compile(r"Đơn\s+vị(?:\s+(?:đăng\s+ký|thực\s+hiện))?\s*:\s*(.*)$", re.I)
#: A military rank or academic title before a signer's name (``Đại tá``, ``TS.``): not part of the name.
RANK = re.compile(r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)|(?:PGS\.\s*)?TS\.|ThS\.|KS\.|BS\.|Ls\.)\s+")
_BODY_START = re.compile(r"^\s*(Căn\s+cứ|Kính\s+gửi|Ngày\s+\d|I\.|1\.)")
#: Openers shared by summaries ("Thực hiện phong trào …") and body sentences ("Thực hiện Kế hoạch số …, …:").
_SOFT_BODY_START = re.compile(r"^\s*(Thực\s+hiện|Để\s|Nhằm|Trên\s+cơ\s+sở|Theo\s|Qua\s)")
_SEPARATOR = re.compile(r"^[\s\-–—_=*.·~]{3,}$|^\*$")
_RECIPIENTS = re.compile(r"^\s*\**\s*nơi\s+nhận\s*:?", _F)
_KINH_GUI = re.compile(r"^\s*\**\s*kính\s+gửi\s*:?\s*\**\s*(.*)$", _F)
_ANNEX = re.compile(r"^\s*\**\s*" + lexicon.pattern("annex_words") + r"(?!\w)", _F)


def _kinds() -> list[tuple[str, str, str]]:
    """(heading word in capitals, kind, where) longest first."""
    rows = [(w.upper(), lexicon.cell(r, 1), lexicon.cell(r, 3) or "both")
            for r in lexicon.table("document_kinds") for w in [r[0]]]
    return sorted(rows, key=lambda r: -len(r[0]))


_HEADING_KINDS = [(w, k) for w, k, where in _kinds() if where in ("both", "heading")]

# --------------------------------------------------------------------------- outline

#: Outline levels (smaller = higher): a part/chapter or a capitals heading, a roman section, ``1.``,
#: ``1.1.``, ``1.1.1.``, ``a)``, a ``-`` bullet, a ``+`` bullet, plain text.
LEVEL_PART, LEVEL_ROMAN, LEVEL_NUM, LEVEL_NUM2, LEVEL_NUM3, LEVEL_LETTER, LEVEL_DASH, LEVEL_PLUS, LEVEL_TEXT = range(9)

_SECTION_WORD = lexicon.pattern("section_words")
_MARKER = re.compile(
    r"^\s*\**\s*(?:"
    r"(?P<word>" + _SECTION_WORD + r")\s+(?P<wnum>[IVXLC]+|\d+(?:\.\d+)*)\s*[.:)]?"
    r"|(?P<roman>[IVXLC]+)\s*[.)/]"
    r"|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\s*[.)](?!\d)"
    r"|(?P<letter>[a-zđ])\s*\)"
    r"|(?P<letterdot>[a-zđ])\.(?=\s)"
    r"|(?P<dash>[-–—•·])(?=\s*\S)"
    r"|(?P<plus>[+*])(?=\s+\S)"
    r")\s*", re.UNICODE)
#: The start of a list item or a numbered heading (never joined into the paragraph above).
LIST_START = re.compile(r"^\s*\**\s*(?:[-–•+*]\s|\d+(?:\.\d+)*[.)]\s|[IVXLC]+[.)]\s|[a-zđ][.)]\s|"
                        + _SECTION_WORD + r"\s+(?:[IVXLC]+|\d+)\b)", re.UNICODE)
_PLACE_DATE_LINE = re.compile(r"^\s*(?:[^\W\d_][\w.]*\s+){0,4}[^\W\d_][\w.]*,\s*ngày\b", re.UNICODE)
_ENDS_SENTENCE = re.compile(r"[.;:!?…]\s*\**\s*$")
#: A line ending on one of these goes on in the next line whatever its case ("Căn cứ Nghị quyết số" / "202/…").
_GLUE_END = re.compile(r"(?:[,(\-–/%≥]|(?<!\w)(?:các|của|và|số|với|về|theo|tại|cho|trong|là|những|được|thuộc|"
                       r"ngày|tháng|năm|đến|từ|tới|hoặc|cùng|do|bởi|như|để|gồm|có|trên|dưới|đối với|sau|trước))\s*$",
                       _F)


def is_caps_text(text: str) -> bool:
    """A line in capitals that says something (``II. NHIỆM VỤ``), not a number left alone (``214/NQ-CP).``)."""
    bare = NUMBER_RE.sub(" ", text)
    words = [w for w in re.findall(r"[^\W\d_]{2,}", bare) if not re.fullmatch(r"[IVXLC]+", w)]
    return is_upper_line(bare) and bool(words)  # "IV)." or "214/NQ-CP)." alone says nothing


def outline(text: str) -> tuple[Optional[str], int]:
    """(marker as written, outline level) of a paragraph: ``II.`` → roman, ``1.2.`` → 1.1-level, ``a)``, ``-``."""
    m = _MARKER.match(text)
    if not m:
        return None, LEVEL_TEXT
    marker = m.group().strip()
    if m.group("word"):
        word = match_key(m.group("word"))
        return marker, LEVEL_PART if word in ("phần", "chương") else (
            LEVEL_ROMAN if re.fullmatch(r"[IVXLC]+", m.group("wnum")) or word == "mục" else LEVEL_NUM)
    if m.group("roman"):
        return marker, LEVEL_ROMAN
    if m.group("num"):
        depth = m.group("num").count(".")
        return marker, (LEVEL_NUM, LEVEL_NUM2, LEVEL_NUM3, LEVEL_NUM3)[depth]
    if m.group("letter") or m.group("letterdot"):
        return marker, LEVEL_LETTER
    if m.group("dash"):
        return marker, LEVEL_DASH
    return marker, LEVEL_PLUS


def strip_marker(text: str) -> str:
    """The paragraph without its outline marker (``1.2. Triển khai …`` → ``Triển khai …``)."""
    m = _MARKER.match(text)
    return text[m.end():].strip() if m else text.strip()


def is_heading(text: str, bold: bool = False) -> bool:
    """THE heading test: a title-like paragraph that opens a section rather than saying something.

    A capitals line; a roman or section-word marker with a short title; a numbered or lettered
    paragraph of a few words that does not end a sentence (``2. Về các nền tảng số``,
    ``1. Mục đích:``); a short bold line.
    """
    t = clean(text)
    if not re.search(r"[^\W\d_]", t):
        return False
    if is_caps_text(t) and len(t) <= 220:
        return True
    marker, level = outline(t)
    rest = strip_marker(t)
    words = len(rest.split())
    if not rest:
        return marker is not None and level <= LEVEL_NUM3
    if level <= LEVEL_ROMAN and words <= 30 and not rest.endswith(";"):
        return True
    if level <= LEVEL_LETTER and words <= 20 and (not _ENDS_SENTENCE.search(rest) or rest.endswith(":")) \
            and ":" not in rest[:-1]:
        return True
    return bold and words <= 20 and not rest.endswith((".", ";"))


# --------------------------------------------------------------------------- paragraphs


@dataclass
class Piece:
    """Where a stretch of a joined text came from: it starts at ``offset`` and was read at ``location``."""

    offset: int
    location: Location


@dataclass
class Para:
    """A paragraph (or a header/closing line) with provenance for every character.

    ``marker``/``level`` place it in the outline (see :func:`outline`); ``heading`` is THE heading
    test; ``parent`` is the index (in ``Structure.body``) of the nearest paragraph above it with a
    higher outline level.
    """

    text: str
    pieces: list[Piece]
    region: str = "body"
    bold: bool = False
    centered: bool = False
    confidence: Optional[float] = None  # OCR confidence 0..100 (the lowest of the joined lines)
    block: int = -1
    table: Optional[int] = None
    row: Optional[int] = None
    index: int = -1
    marker: Optional[str] = None
    level: int = LEVEL_TEXT
    heading: bool = False
    parent: Optional[int] = None
    order: int = -1  # position of its first line in the document (Structure.lines)

    @property
    def location(self) -> Location:
        return self.pieces[0].location if self.pieces else Location()

    def location_at(self, offset: int) -> Location:
        """The Location of the source line holding character ``offset``."""
        if not self.pieces:
            return Location()
        i = max(0, bisect.bisect_right([p.offset for p in self.pieces], offset) - 1)
        return self.pieces[i].location

    @property
    def body(self) -> str:
        """The text without its outline marker."""
        return strip_marker(self.text)

    @property
    def last_line(self) -> Optional[int]:
        return self.pieces[-1].location.line if self.pieces else None

    def lines(self) -> list[Line]:
        """The paragraph back as model ``Line``s (one per piece): for rules written on lines."""
        out = []
        for k, piece in enumerate(self.pieces):
            end = self.pieces[k + 1].offset if k + 1 < len(self.pieces) else len(self.text)
            out.append(Line(self.text[piece.offset:end].strip(), piece.location, self.region, self.bold,
                            self.centered, self.confidence))
        return out


def _unit(text: str, location: Location, region: str, block: int, *, bold: bool = False, centered: bool = False,
          confidence: Optional[float] = None, starts: Iterable[tuple[int, int]] = (), table: Optional[int] = None,
          row: Optional[int] = None) -> Para:
    pieces = [Piece(0, location)]
    for offset, line in starts:
        if offset > 0:
            pieces.append(Piece(offset, Location(page=location.page, line=line, table=location.table,
                                                 row=location.row, column=location.column)))
    return Para(nfc(text), pieces, region, bold, centered, confidence, block, table, row)


def _starts_lower(text: str) -> bool:
    t = strip_marks(text).lstrip(" “\"(")
    return bool(t) and t[0].islower()


def is_table_row(text: str) -> bool:
    """A table written as text (``| 1 | … |``, tab-separated cells)."""
    return text.count(" | ") >= 2 or text.count("|") >= 3 or text.count("\t") >= 2


def _line_width(units: list[Para]) -> float:
    lengths = sorted(len(u.text) for u in units if u.location.line is not None and "\n" not in u.text
                     and len(u.pieces) == 1) or [0]
    return lengths[int(0.8 * (len(lengths) - 1))]


def _joins(prev: Para, cur: Para, width: float) -> bool:
    """THE paragraph joiner's rule: does ``cur`` go on the paragraph ``prev`` (a hard-wrapped line)?

    Never across regions, tables, list starts, the place-and-date line or text tables. Lines from
    one DOCX paragraph (soft breaks) or consecutive lines of a text/PDF page join when the previous
    one stops mid-sentence and this one goes on: in lower case, after a comma, a hyphen or a word that
    cannot end a phrase ("Căn cứ Nghị quyết số" / "202/2025/QH15 …"), or because the previous line
    filled the usual width. A capitals heading joins only a capitals line that continues it.
    """
    if prev.region != cur.region or prev.table is not None or cur.table is not None:
        return False
    text = strip_marks(cur.text).strip()
    last = strip_marks(prev.text).rstrip()
    year_range = bool(re.search(r"\d{4}$", last) and re.match(r"^[-–]\s*\d{4}\b", text))  # "2026" / "- 2030"
    if not text or not last or (LIST_START.match(text) and not year_range) or _PLACE_DATE_LINE.match(text) \
            or is_table_row(text) or is_table_row(last):
        return False
    p_line, c_line = prev.last_line, cur.location.line
    bare_marker = outline(last)[0] is not None and not strip_marker(last)
    if bare_marker and (p_line is None or c_line is None or 0 < c_line - p_line <= 2
                        or prev.location.page != cur.location.page):
        return True  # "1.2." / "Sở Tài chính …", "-" / "Tuyên truyền …": a marker left alone on its line
    if p_line is None or c_line is None:
        if prev.block != cur.block:
            return False  # formats without line numbers (DOCX) give real paragraphs already
        gap = 1
    elif prev.location.page != cur.location.page:
        gap = 1 if c_line <= 3 else 9  # a sentence may run over a page break
    else:
        gap = c_line - p_line
        if gap <= 0 or gap > 3:
            return False
    prev_last_piece = last[prev.pieces[-1].offset:] if prev.pieces[-1].offset < len(last) else last
    if last.endswith(":") and gap == 1 and match_key(re.split(r"[.;]\s", clean(last[:-1]))[-1]) in lexicon.keys("field_labels"):
        return True  # "… gửi Bộ Tài chính. Thời gian hoàn thành:" / "Trước ngày 31/5/2026.": a label and its value
    if _ENDS_SENTENCE.search(last):
        return False
    up_prev, up_cur = is_caps_text(prev_last_piece), is_caps_text(text)
    if up_prev or up_cur:
        # "I. MỤC ĐÍCH," / "YÊU CẦU", "III. TỔ CHỨC" / "THỰC HIỆN": a capitals heading wrapped; never a
        # heading into body text
        wrapped = bool(re.search(r"[,\-–]$|(?<!\w)(?:VÀ|CỦA|CÁC|VỀ|TRONG|ĐỐI VỚI|THEO|CHO|VỚI)$", last)) or (
            outline(prev.text)[0] is not None and outline(text)[0] is None and len(prev.text) < 60)
        return up_prev and up_cur and gap == 1 and wrapped
    if gap >= 2:
        # a blank line between: a paragraph break unless the text plainly goes on (lower case, a number
        # split at its hyphen "49-" / "KH/ThU", a comma before anything but a label or a heading)
        return _starts_lower(text) or bool(re.search(r"\d\s*[-/]$", last)) or (
            last.endswith(",") and not is_heading(text) and not (text.endswith(":") and len(text.split()) <= 6))
    if _starts_lower(text) or re.match(r"^[\d(\"“]", text) or _GLUE_END.search(last) or year_range \
            or _NAMED_HEAD_END.search(last):
        return True
    if _FIELD_AT_START.match(text):
        return False  # "Chủ trì: Sở Nội vụ": a labelled field opens a paragraph of its own
    return gap == 1 and len(prev_last_piece) >= max(0.6 * width, 50) and not is_heading(prev.text, prev.bold)


#: A line ending on a capitalised department head whose name follows ("1. Sở" / "Khoa học và Công nghệ").
_NAMED_HEAD_END = re.compile(r"(?<!\w)(?:" + "|".join(lexicon.word_regex(r[0]) for r in lexicon.table("body_words")
                                                    if "head" in lexicon.cell(r, 1).split()) + r")$")


def join_lines(units: list[Para]) -> list[Para]:
    """THE paragraph joiner: hard-wrapped lines back into paragraphs, keeping where each piece came from."""
    width = _line_width(units)
    out: list[Para] = []
    for unit in units:
        if out and _joins(out[-1], unit, width):
            prev = out[-1]
            sep = "" if re.search(r"\d+\s*[-/]\s*$", prev.text) and re.match(r"[A-ZĐ]", unit.text) else " "
            base = len(prev.text) + len(sep)
            prev.pieces.extend(Piece(base + p.offset, p.location) for p in unit.pieces)
            prev.text = prev.text + sep + unit.text
            if unit.confidence is not None:
                prev.confidence = unit.confidence if prev.confidence is None else min(prev.confidence, unit.confidence)
            continue
        out.append(Para(unit.text, list(unit.pieces), unit.region, unit.bold, unit.centered, unit.confidence,
                        unit.block, unit.table, unit.row, order=unit.order))
    return out


# --------------------------------------------------------------------------- reading the blocks


def _units(doc: Document) -> tuple[list[Para], dict[int, Table]]:
    """Every line of the document in reading order, as single-piece paragraphs (tables: one per row).

    Layout tables and a bordered table standing first (the two-column header) are read column by
    column; a table holding ``Nơi nhận`` beside a signature is read as those two regions.
    """
    units: list[Para] = []
    tables: dict[int, Table] = {}
    seen_body = False
    for b, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph):
            parts = block.text.split("\n")
            for i, part in enumerate(parts):
                if not part.strip():
                    continue
                loc = block.location
                if i:
                    loc = Location(page=loc.page, line=(loc.line + i) if loc.line is not None else None,
                                   table=loc.table, row=loc.row, column=loc.column)
                units.append(_unit(part, loc, block.region, b, bold=block.bold, centered=block.centered,
                                   confidence=block.confidence, starts=block.line_starts if len(parts) == 1 else ()))
            if block.region == "body" and len(block.text) > 80:
                seen_body = True
            continue
        tables[block.index] = block
        role = _table_role(block, seen_body)
        if role == "header" or role == "closing":
            units.extend(_layout_units(block, b, role))
            continue
        seen_body = True
        for r, row in enumerate(block.rows):
            if not row:
                continue
            loc = row[0].location
            text = " | ".join(c.text.replace("\n", " ") for c in row)
            units.append(_unit(text, Location(page=loc.page, line=loc.line, table=block.index, row=r), "table", b,
                               confidence=min((c.confidence for c in row if c.confidence is not None), default=None),
                               table=block.index, row=r))
    return units, tables


def _table_role(table: Table, seen_body: bool) -> str:
    """header | closing | data: what a table is for, by what its cells say."""
    text = "\n".join(c.text for row in table.rows for c in row)
    if table.n_rows <= 4 and table.n_columns <= 3:
        if not seen_body and (table.layout or _MOTTO.search(text) or re.search(r"(?:^|\n)\s*Số\s*:?", text)):
            return "header"
        if re.search(r"(?:^|\n)\s*\**\s*Nơi\s+nhận", text, re.I) or (table.layout and seen_body):
            return "closing"
    if table.layout:
        return "header" if not seen_body else "closing"
    return "data"


def _layout_units(table: Table, block: int, role: str) -> Iterator[Para]:
    columns: dict[int, list[Cell]] = {}
    for row in table.rows:
        for cell in row:
            columns.setdefault(cell.column, []).append(cell)
    for col in sorted(columns):
        for cell in columns[col]:
            if role == "header":
                region = "header-left" if col == 0 else "header-right"
            else:
                region = "recipients" if _RECIPIENTS.match(cell.text) else "signature"
            parts = cell.text.split("\n") if "\n" in cell.text or role == "header" else _split_closing_cell(cell.text)
            for i, part in enumerate(parts):
                if part.strip():
                    loc = cell.location
                    loc = Location(page=loc.page, line=(loc.line + i) if loc.line is not None else None,
                                   table=table.index, row=cell.row, column=cell.column)
                    yield _unit(part, loc, region, block, confidence=cell.confidence)


def _split_closing_cell(text: str) -> list[str]:
    """A closing cell a reader gave as one line: ``Nơi nhận: - A; - B`` → its items; ``GIÁM ĐỐC Nguyễn Thị
    Mỹ Công`` → the title in capitals and the name after it."""
    text = text.strip()
    if _RECIPIENTS.match(text):
        return [p.strip() for p in re.split(r"\s(?=[-–•+]\s)", text) if p.strip()]
    words = text.split()
    k = len(words)
    while k > 0 and _NAME_WORD.match(words[k - 1]) and len(words) - k < 5:
        k -= 1
    if 0 < k < len(words) - 1 and is_upper_line(" ".join(words[:k])):
        return [" ".join(words[:k]), " ".join(words[k:])]
    return [text]


# --------------------------------------------------------------------------- header


@dataclass
class Header:
    """The two-column header, read back from whatever the reader gave.

    ``issuer_lines``: the capitals lines of the left block in order (superior first, issuer last), with
    the motto, the Party name, emblems, separators, the number, the ``V/v`` subject and the
    place-and-date removed. ``number`` is ``None`` when the number is left blank (``Số:   /KH-UBND``);
    ``issued_on`` likewise for a blank day (``ngày   tháng 5 năm 2026``).
    """

    lines: list[Para] = field(default_factory=list)
    issuer_lines: list[Para] = field(default_factory=list)
    number: Optional[str] = None
    number_raw: Optional[str] = None
    number_location: Optional[Location] = None
    place: Optional[str] = None
    issued_on: Optional[str] = None
    date_text: Optional[str] = None
    date_location: Optional[Location] = None
    subject: Optional[str] = None
    subject_location: Optional[Location] = None
    motto: Optional[str] = None  # "state" | "party" | "emblem"


@dataclass
class _Flat:
    """The header lines as one text with a map back to the lines, and which characters are consumed."""

    text: str
    starts: list[int]
    units: list[Para]
    used: list[bool]

    @classmethod
    def of(cls, units: list[Para]) -> "_Flat":
        starts, parts, pos = [], [], 0
        for u in units:
            starts.append(pos)
            parts.append(u.text)
            pos += len(u.text) + 1
        text = "\n".join(parts)
        return cls(text, starts, units, [False] * len(text))

    def unit_at(self, pos: int) -> Para:
        return self.units[max(0, bisect.bisect_right(self.starts, pos) - 1)]

    def take(self, start: int, end: int) -> None:
        for i in range(start, min(end, len(self.used))):
            self.used[i] = True

    def free(self, start: int, end: int) -> bool:
        return not any(self.used[start:end])

    def remaining(self) -> list[tuple[Para, str]]:
        """Per line, what is left once the consumed characters are blanked."""
        out = []
        for k, unit in enumerate(self.units):
            s = self.starts[k]
            e = s + len(unit.text)
            kept = "".join(ch if not self.used[i] else " " for i, ch in zip(range(s, e), self.text[s:e]))
            out.append((unit, kept))
        return out


def tail_date(groups: tuple[Optional[str], ...]) -> Optional[str]:
    """The ISO date of a ``_DATE_TAIL`` match's six groups; None when the day or month is left blank (a draft)."""
    day, month, year, n_day, n_month, n_year = groups
    if n_day:
        return parse_date(f"ngày {n_day} tháng {n_month} năm {n_year}")
    if day.strip().isdigit() and month.strip().isdigit():
        return parse_date(f"ngày {day} tháng {month} năm {year}")
    return None


def _place_before(flat: _Flat, end: int) -> tuple[Optional[str], int]:
    """The place name ending at ``end`` (before ``, ngày``): trailing capitalised words, across a wrap.

    ``Thành phố Hồ`` / ``Chí Minh, ngày …``; level words may be lower case (``Thành`` / ``phố Hồ Chí Minh``).
    Stops at a number or symbol, a lower-case word that is no level word, a consumed stretch (the
    motto) and capitals after mixed-case words (the left column's ``TỈNH ĐỒNG THÁP`` above ``Đồng Tháp,``).
    """
    level_words = {w for lv in lexicon.words("levels") for w in lv.split()} | {"thành", "phố"}
    picked: list[tuple[int, str]] = []
    words = list(re.finditer(r"\S+", flat.text[:end]))
    for k in range(len(words) - 1, -1, -1):
        m = words[k]
        word = m.group()
        if word in ("-", "–") and picked and k and flat.free(m.start(), m.end()) \
                and words[k - 1].group()[:1].isupper() and not is_upper_line(words[k - 1].group()):
            picked.append((m.start(), "-"))  # a merged unit's name "Xuân Hương - Đà Lạt": both sides capitalised
            continue
        if not flat.free(m.start(), m.end()) or re.search(r"[/\d]|^[A-ZĐ]+-[A-ZĐ]", word):
            break
        bare = word.strip(",.:;*")
        if not bare:
            break
        mixed_so_far = any(not is_upper_line(w) for _, w in picked if len(w) > 1)
        if bare[:1].isupper() or re.fullmatch(r"(TP|Tp|tp)\.?", bare):
            if is_upper_line(bare) and len(bare) > 2 and mixed_so_far:
                break
            picked.append((m.start(), bare))
        elif picked and bare.lower() in level_words:
            picked.append((m.start(), bare))
        else:
            break
        if len(picked) >= 6:
            break
    while picked and picked[-1][1].lower() in level_words and picked[-1][1][:1].islower():
        picked.pop()  # a place never starts on a lower-case level word
    if not picked:
        return None, end
    place = " ".join(w for _, w in reversed(picked)).strip(" ,.:*")
    if is_upper_line(place) and len(place.split()) > 4:
        return None, end
    return place, picked[-1][0]


def _read_header(units: list[Para], trust_columns: bool = True) -> Header:
    header = Header(lines=list(units))
    if not units:
        return header
    flat = _Flat.of(units)
    text = flat.text
    for m in _MOTTO.finditer(text):
        flat.take(m.start(), m.end())
        header.motto = header.motto or ("party" if "đảng" in match_key(m.group()) else "state")
    for m in _EMBLEM.finditer(text):
        if flat.free(m.start(), m.end()):
            flat.take(m.start(), m.end())
            header.motto = header.motto or "emblem"
    # place and date (the first one: a later one would be inside a subject)
    for m in _DATE_AFTER_PLACE.finditer(text):
        place, start = _place_before(flat, m.start())
        if not place:
            continue
        header.place = place
        header.date_text = re.sub(r"\s+", " ", text[start:m.end()])
        header.date_location = flat.unit_at(start).location
        header.issued_on = tail_date(m.groups())
        flat.take(start, m.end())
        break
    # number: "Số: 344/KH-UBND" (the rest of its line, up to the place-and-date)
    for k, unit in enumerate(units):
        s = flat.starts[k]
        line = "".join(ch if not flat.used[s + i] else "\n" for i, ch in enumerate(unit.text)).split("\n")[0]
        m = _NUMBER_LINE.search(clean(line)) if "Số" in line or "SỐ" in line else None
        if not m:
            continue
        at = line.find("Số") if "Số" in line else line.find("SỐ")
        rest = m.group(1).strip()
        raw = clean(line[at:]).strip()
        if not re.match(r"\d*\s*[./…_\s]*[/-]", rest) and k + 1 < len(units):
            nxt = re.match(r"\s*(\d*\s*[/-]\s*[A-ZĐ][\wĐđ./-]*)", units[k + 1].text)
            if nxt and not rest:
                rest = nxt.group(1)
                raw = f"{raw} {rest}"
                flat.take(flat.starts[k + 1], flat.starts[k + 1] + nxt.end())
        nm = NUMBER_RE.match(rest)
        header.number_raw = raw
        header.number_location = unit.location
        if nm and re.search(r"[^\W\d_]", nm.group(2)):
            header.number = normalize_number(nm.group(0))
        flat.take(s + at, s + len(line))
        break
    # V/v subject: from "V/v" to the end of the left block (its lower-case continuation lines)
    for k, unit in enumerate(units):
        s = flat.starts[k]
        vm = re.search(r"(?:^|\s)V/v\s*:?\s*", unit.text)
        if not vm or not flat.free(s + vm.start(), s + vm.end()):
            continue
        parts = [unit.text[vm.end():]]
        flat.take(s + vm.start(), s + len(unit.text))
        for j in range(k + 1, len(units)):
            nxt_text = "".join(ch for i, ch in enumerate(units[j].text) if not flat.used[flat.starts[j] + i]).strip()
            if not nxt_text or units[j].region == "header-right":
                continue
            if is_upper_line(nxt_text) or _KINH_GUI.match(nxt_text) or len(nxt_text) > 120 \
                    or (units[j].location.line is not None and unit.location.line is not None
                        and units[j].location.line - unit.location.line > 4):
                break
            parts.append(nxt_text)
            flat.take(flat.starts[j], flat.starts[j] + len(units[j].text))
        header.subject = clean(" ".join(p.strip() for p in parts if p.strip())) or None
        header.subject_location = unit.location
        break
    # what is left: the issuer block's capitals lines (runs of spaces split glued columns)
    for unit, kept in flat.remaining():
        if unit.region == "header-right" and trust_columns:
            continue  # the right column holds the motto, the place and the date, never the issuer
        for part in re.split(r"\s{3,}|\t|\s\|\s", kept):
            part = clean(part).strip(" *-–_=.")
            part = re.sub(r"^\W+|[\s,;:]+$", "", part)
            if not part or _SEPARATOR.match(part):
                continue
            if is_upper_line(part) and not _is_type_heading_text(part):
                header.issuer_lines.append(Para(part, list(unit.pieces), "header-left", unit.bold, unit.centered,
                                                unit.confidence, unit.block))
            elif header.issuer_lines and len(part) > 2:
                break
    return header


def _is_type_heading_text(text: str) -> bool:
    return any(text.startswith(w) for w, _ in _HEADING_KINDS)


# --------------------------------------------------------------------------- title


@dataclass
class Title:
    """The type word standing as a heading (``KẾ HOẠCH``) and the summary under it."""

    index: int  # position in Structure.lines
    kind: str
    word: str
    text: Optional[str]
    location: Location
    lines: list[int] = field(default_factory=list)


#: Type words without their tone marks: OCR misreads a mark on a heading standing alone (``THÔNG BẢO``).
_OCR_HEADINGS = {strip_diacritics(word): kind for word, kind in _HEADING_KINDS if kind != "registration_form"}


def find_type_heading(lines: list[Line]) -> Optional[tuple[int, str, str]]:
    """(line index, kind, rest of the line) of the first capitals type word standing as a heading.

    The word may be glued to the summary (``KẾ HOẠCHPhân công nhiệm vụ …`` from a text export)."""
    for idx, line in enumerate(lines):
        text = clean(line.text)
        for word, kind in _HEADING_KINDS:
            if not text.startswith(word):
                continue
            rest = text[len(word):].strip()
            if rest and not text[len(word)].isspace() and not re.match(r"[A-ZĐÀ-Ỹ][a-zđà-ỹ]", rest):
                continue  # "KẾ HOẠCHX…" only when a summary in mixed case is glued to it
            head_part = clean(line.text.split("**")[0]) if "**" in line.text else (text[:len(word)] if rest and
                                                                                     not is_upper_line(rest) else text)
            if not is_upper_line(head_part):
                continue
            if rest and is_upper_line(rest) and kind != "registration_form" and len(rest) > 60:
                continue
            return idx, kind, rest
        if line.confidence is not None and is_upper_line(text) and strip_diacritics(text) in _OCR_HEADINGS:
            return idx, _OCR_HEADINGS[strip_diacritics(text)], ""
        if text.startswith("DANH SÁCH") and is_upper_line(text):
            nxt = clean(lines[idx + 1].text) if idx + 1 < len(lines) else ""
            if "ĐĂNG KÝ" in text:
                return idx, "registration_form", text[len("DANH SÁCH"):].strip()
            if text == "DANH SÁCH" and "ĐĂNG KÝ" in nxt and is_upper_line(nxt):
                return idx, "registration_form", nxt
    return None


def title_text(lines: list[Line], heading: tuple[int, str, str]) -> tuple[Optional[str], list[int]]:
    """The summary under a type heading (capitals or not, over several lines) and the lines it took."""
    idx, kind, rest = heading
    parts: list[str] = []
    taken: list[int] = []
    if kind == "registration_form":
        head = clean(lines[idx].text)
        if head == "DANH SÁCH":
            return f"{head} {rest}".strip(), [idx + 1]
        nxt = clean(lines[idx + 1].text) if idx + 1 < len(lines) else ""
        if nxt and is_upper_line(nxt) and len(nxt) < 80 and "|" not in nxt and not UNIT_LINE.search(nxt):
            return f"{head} {nxt}", [idx + 1]  # a capitals heading wrapped over two lines
        return head, []
    if rest:
        parts.append(rest)
    open_bold = lines[idx].text.count("**") % 2 == 1
    prev_no = lines[idx].location.line
    for k in range(idx + 1, min(len(lines), idx + 6)):
        line = lines[k]
        text = clean(line.text)
        no = line.location.line
        if not text or _BODY_START.match(text) or re.fullmatch(r"[-_=*.\s]+", text) or LIST_START.match(text):
            break  # a numbered section or a list item is body, never the summary
        if not parts and _is_date_line(text):
            continue  # the header's place and date, read after the heading (OCR order): not the summary
        if _SOFT_BODY_START.match(text) and (len(text) > 100 or re.search(r"[,:;]\s*$|\bsố\s*\d", text)):
            break
        if prev_no is not None and no is not None and no - prev_no > (1 if parts else 3):
            break  # a blank line after the summary starts the body
        if parts and re.search(r"[.:]$", parts[-1]) and not open_bold:
            break
        if (len(text) > 160 and not is_upper_line(text)) or len(text) > 400 or line.location.table is not None:
            break
        if parts and is_upper_line(text) and not is_upper_line(parts[-1]):
            break  # "BAN THƯỜNG VỤ …" (the enacting body of a decision) is not the summary
        parts.append(text)
        taken.append(k)
        prev_no = no
        if "**" in line.text:
            open_bold = not open_bold
            if not open_bold:
                break
    title = " ".join(parts).strip(" *")
    return title or None, taken


_OPENER = re.compile(r"^\s*" + lexicon.pattern("body_openers") + r"(?!\w)", _F)


def _is_date_line(text: str) -> bool:
    """The place-and-date line or a piece of it (``Cần Thơ, ngày 18`` / ``tháng 11 năm 2025``), never a
    sentence holding a date (``Thực hiện … số 23-CTr/ThU, ngày 08/02/2023 của …``)."""
    m = _DATE_AFTER_PLACE.search(text)
    if m and len(text) - m.end() <= 8 and len(_without_left_column(text[:m.start()]).split()) <= 7:
        return True
    m = re.search(r",\s*ngày(?:\s+\d{1,2})?\s*$", text)
    if m and len(text[:m.start()].split()) <= 7:
        return True
    return bool(re.match(r"^\s*(?:ngày\s*\S*\s*)?(?:\d{1,2}\s+)?tháng\s*\S*\s*năm\s*\d{4}\s*$", text))


def _without_left_column(before: str) -> str:
    """The words before ``, ngày`` less a leading run of capitals words: a PDF text layer or OCR glues the
    issuer column's last line to the place (``THÀNH PHỐ HỒ CHÍ MINH Thành phố Hồ Chí Minh, ngày …``), and only
    the place counts in the test of a place-and-date line."""
    words = before.split()
    k = 0
    while k < len(words) and is_upper_line(words[k] + words[k]) and any(not is_upper_line(w) for w in words[k:]):
        k += 1
    return " ".join(words[k:])


def header_zone_end(lines: list[Line]) -> int:
    """Index of the first body line when no type heading was found: the header is what precedes it
    (capitals, the motto, ``Số``, ``V/v`` and its wrapped subject, the place-and-date line — possibly
    wrapped itself, ``Thành`` / ``phố Hồ Chí Minh, ngày …`` —, separators). ``Kính gửi``, a legal basis or
    a numbered section starts the body."""
    in_subject = False
    limit = min(len(lines), 40)
    for idx in range(limit):
        line = lines[idx]
        text = clean(_MOTTO.sub(" ", line.text)).strip(" *-–_=")
        if re.match(r"^V/v\b", text, re.I):
            in_subject = True
        if not text or line.region in ("header-left", "header-right"):
            continue
        if _KINH_GUI.match(text) or _BODY_START.match(text) or line.location.table is not None \
                or (_OPENER.match(text) and len(text) > 60):
            return idx
        if is_upper_line(text) and not re.match(r"^[IVXLC]+\.|^\d+\.", text):
            continue
        if re.match(r"^(Số\b|V/v\b)", text, re.I):
            in_subject = bool(re.match(r"^V/v\b", text, re.I)) or in_subject
            continue
        if _is_date_line(text):
            in_subject = False
            continue
        nxt = clean(lines[idx + 1].text) if idx + 1 < len(lines) else ""
        if len(text.split()) <= 4 and _is_date_line(nxt) and not re.search(r"[;.]", text):
            continue  # "Thành" / "phố Hồ Chí Minh, ngày …": a place wrapped before its date
        if in_subject and len(text) <= 120 and not _SOFT_BODY_START.match(text):
            continue
        return idx
    return limit if limit < 40 else 30


# --------------------------------------------------------------------------- signature


@dataclass
class Signature:
    """The signature block: authority prefix (``T/M ĐẢNG ỦY``, ``KT. CHỦ TỊCH``), title lines, the name."""

    name: str
    titles: list[str]
    authority: Optional[str]
    location: Location
    start: int  # index in Structure.lines of the block's first line
    end: int  # index of the name line


_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ](?:[a-zđà-ỹ]*|['’][A-ZĐÀ-Ỹa-zđà-ỹ]*)$")
#: Words that make "Danh …" a noun (list, title) rather than the surname Danh.
_DANH_NOUNS = {"sách", "mục", "hiệu", "dự", "nghĩa", "tính", "bạ", "thiếp", "xưng"}


def is_name(text: str, strict_caps: bool = True) -> bool:
    """A person's name: 2–5 capitalised words (``Nguyễn Thị Bích Hạnh``); in capitals only with a known
    surname first (``NGUYỄN THỊ MỸ``) or right under a position line."""
    words = RANK.sub("", clean(text)).split()
    if not 2 <= len(words) <= 5 or words[0].capitalize() in lexicon.words("not_name_first"):
        return False
    if words[0].capitalize() == "Danh" and words[1].lower() in _DANH_NOUNS:
        return False  # "Danh sách …" is a heading; "Danh Thị Sa Rươl" is a (Khmer) surname
    if all(_NAME_WORD.match(w) for w in words):
        return True
    caps = is_upper_line(text) and all(re.fullmatch(r"[A-ZĐÀ-Ỹ]+", w) for w in words) \
        and not _POSITION_WORDS.search(text)
    return caps and (not strict_caps or words[0].capitalize() in lexicon.words("surnames"))


def is_position(text: str) -> bool:
    """A signature's title line (``PHÓ CHỦ TỊCH``, ``T/M BAN THƯỜNG VỤ``)."""
    if not is_upper_line(text) and mostly_upper(text):
        text = text.upper()  # "PHÓ Bí THƯ": a decoder lost the case of one toned capital
    return is_upper_line(text) and bool(_POSITION_WORDS.search(text) or _AUTHORITY.match(text))


def split_trailing_caps(text: str) -> Optional[str]:
    """``Nơi nhận: CHỦ TỊCH`` or ``- Lưu: VT. CHỦ TỊCH`` → ``CHỦ TỊCH`` (side-by-side columns read as one line)."""
    words = text.split()
    tail: list[str] = []
    for word in reversed(words):
        if is_upper_line(word) or word in ("/", "-") or re.fullmatch(r"[A-ZĐ]/[A-ZĐ]", word):
            tail.append(word)
        else:
            break
    if len(tail) == len(words) or not tail:
        return None
    cand = " ".join(reversed(tail))
    if _POSITION_WORDS.search(cand) or _AUTHORITY.match(cand):
        return cand
    return None


def authority_of(text: str) -> Optional[re.Match[str]]:
    """The authority prefix of a signature title (``T/M``, ``TM.``, ``KT.``, ``Q.`` …) as a match."""
    return _AUTHORITY.match(text)


def find_signature(lines: list[Line]) -> Optional[Signature]:
    """The last signed block of the document: the name, walking back over its title lines."""
    for idx in range(len(lines) - 1, -1, -1):
        text = clean(lines[idx].text)
        if not text or _SIGN_NOISE.match(text) or not is_name(text, strict_caps=False):
            continue
        if lines[idx].region == "recipients" and not _after_position(lines, idx):
            continue  # a name in the recipients list, unless a signature title stands right above it
        if is_upper_line(text) and not is_name(text, strict_caps=True) and not (
                idx > 0 and is_position(clean(lines[idx - 1].text))):
            continue
        titles: list[str] = []
        start = idx
        j = idx - 1
        head = clean(lines[j].text) if j >= 0 else ""
        head_words = head.split()
        if 1 <= len(head_words) <= 3 and head_words[0] in lexicon.words("surnames") \
                and all(_NAME_WORD.match(w) for w in head_words) and len(head_words) + len(text.split()) <= 5 \
                and is_name(f"{head} {text}", strict_caps=False):
            text = f"{head} {text}"  # "Bùi" / "Xuân Cường": a name wrapped in a narrow column
            j -= 1
        steps = 0
        while j >= 0 and steps < 14:
            prev = clean(lines[j].text)
            steps += 1
            if not prev or _SIGN_NOISE.match(prev) or _scribble(prev):
                j -= 1
                continue
            cand = prev
            if re.match(r"^(?:[IVXLC]+|\d{1,2})\s*[.)]\s", cand):
                break  # a numbered section heading ("II. CHỈ TIÊU") is body text, not a signature title
            if lines[j].region == "recipients" and not split_trailing_caps(cand) and not is_position(cand):
                j -= 1
                continue  # the recipients list beside the signature
            if lines[j].region == "recipients":
                cand = split_trailing_caps(cand) or cand
            if not is_position(cand) and not (titles and cand.lower() == "kiêm"):
                split = split_trailing_caps(cand)
                if split:
                    cand = split
                elif titles and (is_upper_line(cand) and not UNIT_LINE.search(cand) and len(cand) < 60
                                 and not cand.startswith("-")):
                    pass  # an upper-case continuation (``THƯỜNG TRỰC``)
                elif cand.startswith("-") or cand.lower().startswith("nơi nhận") or UNIT_LINE.search(cand) \
                        or PLACE_DATE.search(cand):
                    j -= 1
                    continue
                else:
                    break
            titles.insert(0, cand)
            start = j
            j -= 1
            if _AUTHORITY.match(cand):
                break  # "T/M BAN THƯỜNG VỤ" opens the signature block
        if not titles:
            continue
        auth = next((t for t in titles if _AUTHORITY.match(t)), None)
        return Signature(RANK.sub("", text), titles, auth, lines[idx].location, start, idx)
    return _name_closing_the_document(lines)


def _name_closing_the_document(lines: list[Line]) -> Optional[Signature]:
    """A scan whose seal or signature hid the title lines: a person's name (mixed case) that ends the document
    within a few lines under the ``Nơi nhận`` list is the signer's, with no title read."""
    for idx in range(len(lines) - 1, max(len(lines) - 8, -1), -1):
        text = clean(lines[idx].text)
        if not text or _SIGN_NOISE.match(text) or _scribble(text):
            continue
        if is_upper_line(text) or not is_name(text, strict_caps=True):
            continue  # the seal's capitals ("TRUNG TÂM", "PHỤC VỤ"): look further up
        below_recipients = any(lines[k].region == "recipients" or _RECIPIENTS.match(clean(lines[k].text))
                               for k in range(max(idx - 12, 0), idx))
        return Signature(RANK.sub("", text), [], None, lines[idx].location, idx, idx) if below_recipients else None
    return None


def _scribble(text: str) -> bool:
    """A scanned signature or seal read as a few stray characters between the title and the name (``lŠ``,
    ``` : c``, ``FHẾ \\ b``): short, no position, no word of a name."""
    if len(text) > 10 or is_position(text) or text.startswith("-") or _AUTHORITY.match(text):
        return False
    letters = sum(ch.isalpha() for ch in text)
    return letters < 3 or bool(re.search(r"[`'^~|\\{}\[\]<>@#$%&*_=+!?]", text)) \
        or any(a.islower() and b.isupper() for a, b in zip(text, text[1:]))  # "lŠ", "FlÀ": no written word


def _after_position(lines: list[Line], idx: int) -> bool:
    """The nearest non-noise line above is a position (``CHỦ TỊCH``): a one-column layout put the
    signature under ``Nơi nhận:``, so a reader may have labelled it as part of the recipients."""
    for j in range(idx - 1, max(idx - 5, -1), -1):
        prev = clean(lines[j].text)
        if not prev or _SIGN_NOISE.match(prev):
            continue
        return is_position(prev)
    return False


# --------------------------------------------------------------------------- labelled fields and tasks


def _field_labels() -> list[tuple[str, str, re.Pattern[str]]]:
    rows = sorted(lexicon.table("field_labels"), key=lambda r: -len(r[0]))
    return [(r[0], lexicon.cell(r, 1), re.compile(lexicon.word_regex(r[0]), _F)) for r in rows]


_LABELS = _field_labels()
_LABEL_ALT = lexicon.alternation(r[0] for r in lexicon.table("field_labels"))
#: A label at the start of a paragraph (after its marker): ``Đơn vị chủ trì thực hiện: …``, ``c) Thời gian …:``.
_FIELD_AT_START = re.compile(r"^(?P<label>" + _LABEL_ALT + r")(?P<qual>(?:\s+[^\s:]+){0,4}?)\s*:\s*", _F)
#: A label inside a paragraph, after a sentence or clause break or in brackets: ``…; thời gian hoàn thành: …``.
_FIELD_INLINE = re.compile(r"(?:(?<=[.;])|(?<=[.;]\s)|\(\s*|(?<=\s-\s))(?P<label>" + _LABEL_ALT + r")\s*:\s*", _F)
_VALUE_END = re.compile(r"\s*[;)]|\.\s+(?=[A-ZĐÀ-Ỹ])|\.?\s*$")


def label_role(label: str) -> Optional[str]:
    """The role a label or a column header names (``Cơ quan chủ trì`` → ``lead``), None if none."""
    key = match_key(clean(label)).strip(" :.*")
    key = re.sub(r"\s*\([^)]*\)", "", key).strip()
    for text, role, rx in _LABELS:
        m = rx.match(key)
        if m and (m.end() == len(key) or key[m.end()] in " ,/("):
            rest = key[m.end():].strip(" ,/")
            # "Thời gian hoàn thành", "Cơ quan chủ trì thực hiện", "Thời gian thực hiện (dự kiến)"
            if not rest or len(rest.split()) <= 4:
                return role
    return None


@dataclass
class FieldValue:
    """A labelled field: its role (``lead``, ``due`` …), the label as written, its value and where.

    ``inline``: written after the task's own sentence (``…; thời gian hoàn thành: Quý I/2026``) rather than
    as a paragraph of its own."""

    role: str
    label: str
    value: str
    location: Location
    para: Optional[int] = None  # index in Structure.body
    offset: int = 0  # where the value starts in that paragraph's text
    inline: bool = False
    start: int = 0  # where the label starts in that paragraph's text


@dataclass
class Task:
    """A task of a plan with its labelled fields, from prose or from a task-table row.

    ``text`` is the task statement; ``fields`` maps a role to its field (the first of each role);
    ``heading`` is the section or sub-heading it sits under; ``paras`` the body paragraphs it spans
    (statement and fields) when it comes from prose; ``table``/``row`` when it comes from a table.
    """

    text: str
    location: Location
    fields: dict[str, FieldValue] = field(default_factory=dict)
    heading: Optional[str] = None
    paras: list[int] = field(default_factory=list)
    table: Optional[int] = None
    row: Optional[int] = None
    confidence: Optional[float] = None  # OCR confidence (0..100) of a table row read from a scan

    def value(self, role: str) -> Optional[str]:
        f = self.fields.get(role)
        return f.value if f else None

    @property
    def responsible(self) -> Optional[str]:
        """The body in charge: the ``chủ trì`` field, else the ``thực hiện`` one (never ``phối hợp``)."""
        return self.value("lead") or self.value("executor")


def fields_in(para: Para) -> list[FieldValue]:
    """The labelled fields a paragraph holds: one at its start, or inline after the task's sentence."""
    out: list[FieldValue] = []
    body = para.body
    offset = len(para.text) - len(body) if para.text.endswith(body) else 0
    m = _FIELD_AT_START.match(body)
    scan_from = 0
    if m:
        role = label_role(m.group("label") + m.group("qual"))
        if role is not None:
            value = body[m.end():].strip()
            out.append(FieldValue(role, clean(m.group("label") + m.group("qual")), value.rstrip(" .;"),
                                  para.location_at(offset + m.end()), para.index, offset + m.end(), start=offset))
            scan_from = m.end()
    for im in _FIELD_INLINE.finditer(body, scan_from):
        role = label_role(im.group("label"))
        if role is None:
            continue
        end = _VALUE_END.search(body, im.end())
        value = body[im.end():end.start() if end else len(body)].strip()
        if value:
            out.append(FieldValue(role, clean(im.group("label")), value.rstrip(" .;"),
                                  para.location_at(offset + im.end()), para.index, offset + im.end(), inline=True,
                                  start=offset + im.start("label")))
    if out and not out[0].inline and out[0].value and len(out) > 1:
        first = out[0]  # the first field's value ends where an inline one begins
        cut = body.find(out[1].label, first.offset - offset)
        if cut > 0:
            first.value = body[first.offset - offset:cut].strip(" .;,(-")
    return out


def _tasks_from_prose(body: list[Para]) -> list[Task]:
    """Group labelled-field paragraphs with the task they describe.

    A run of field paragraphs (``Đơn vị chủ trì: …``, ``Thời gian thực hiện: …``; a label left open,
    ``a) Nhiệm vụ:`` or ``b) Cơ quan thực hiện:``, takes the items under it as its value) belongs to the
    content right above it: the paragraphs since the previous run, back to the nearest heading — unless
    a ``Nhiệm vụ:`` field names the task itself. A role met twice in one run starts the next task.
    Fields written inline at the end of a paragraph belong to that paragraph.
    """
    tasks: list[Task] = []
    fields_of = {p.index: fields_in(p) for p in body}
    i = 0
    last_end = -1
    while i < len(body):
        para = body[i]
        found = fields_of[para.index]
        if not found:
            i += 1
            continue
        if found[0].inline:
            task = Task(para.text[len(para.text) - len(para.body):found[0].start].strip(" (;.-"), para.location,
                        heading=_heading_of(body, para), paras=[para.index])
            for f in found:
                task.fields.setdefault(f.role, f)
            tasks.append(task)
            last_end = i
            i += 1
            continue
        statement_paras = _task_statement(body, i, last_end)
        anchor = body[statement_paras[0]] if statement_paras else para
        heading = anchor.body.rstrip(" :") if anchor.heading else _heading_of(body, anchor)
        current = Task("", anchor.location, heading=heading, paras=list(statement_paras))
        run_tasks = [current]
        open_field: Optional[FieldValue] = None
        open_level = LEVEL_TEXT
        j = i
        while j < len(body):
            fs = fields_of[body[j].index]
            if fs and not fs[0].inline:
                for f in fs:
                    if f.value and f.role in current.fields and current.fields[f.role].value and f.role != "executor":
                        current = Task("", body[j].location, heading=current.heading)
                        run_tasks.append(current)
                    if f.role not in current.fields or not current.fields[f.role].value:
                        current.fields[f.role] = f
                open_field = fs[0] if not fs[0].value else None
                open_level = body[j].level
            elif open_field is not None and body[j].level > open_level and not body[j].heading:
                value = body[j].body.rstrip(" .;")
                open_field.value = f"{open_field.value}; {value}" if open_field.value else value
            else:
                break
            current.paras.append(body[j].index)
            j += 1
        for task in run_tasks:
            task.fields = {r: f for r, f in task.fields.items() if f.value}
            stated = task.value("task")
            if stated:
                task.text = stated
            elif task is run_tasks[0] and statement_paras:
                task.text = " ".join(body[k].body for k in statement_paras)
            if task.fields and task.text:
                tasks.append(task)
        last_end = j - 1
        i = max(j, i + 1)
    return tasks


def _task_statement(body: list[Para], run_start: int, last_end: int) -> list[int]:
    """The paragraphs above a field run that state its task: after the previous run, back to the nearest
    heading (kept only when nothing else states the task)."""
    out: list[int] = []
    k = run_start - 1
    while k > last_end and len(out) < 4:
        p = body[k]
        if p.heading:
            if not out:
                out.insert(0, k)
            break
        out.insert(0, k)
        k -= 1
    return out


def _heading_of(body: list[Para], para: Para) -> Optional[str]:
    """The nearest heading above a paragraph in its outline (its section's title): a paragraph passing the
    heading test, or a numbered one opening the section (``1.6. Trách nhiệm của các cơ quan … :``)."""
    k = para.parent
    while k is not None:
        if body[k].heading or body[k].level <= LEVEL_LETTER:
            return body[k].body.rstrip(" :")
        k = body[k].parent
    return None


# --------------------------------------------------------------------------- task tables


@dataclass
class TaskTable:
    """A table of tasks: which column holds which role, from its header row(s)."""

    table: int
    columns: dict[str, int]  # role -> column
    header_rows: int
    labels: dict[int, str]  # column -> header text
    location: Location


_NUMBERING_ROW = re.compile(r"^\(?\d{1,2}\)?$")


def _row_roles(cells: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for c, text in enumerate(cells):
        role = label_role(text) if text and len(text) <= 80 else None
        if role and role not in roles:
            roles[role] = c
    return roles


_REGISTRATION_HEADER = re.compile(lexicon.pattern("registration_headers"), _F)


def _is_task_header(roles: dict[str, int], cells: list[str]) -> bool:
    """A task table's header: a task column and a column saying who or when; never a registration list."""
    return "task" in roles and bool({"lead", "executor", "due", "period", "support", "product"} & set(roles)) \
        and not any(_REGISTRATION_HEADER.search(c) for c in cells)


def _rows_of(units: list[Para], tables: dict[int, Table]) -> Iterator[tuple[Optional[Table], int, list[str], Para]]:
    """Table rows in document order — real tables and text lines written as rows — plus the short
    paragraphs between them (a table split at its sub-heading rows by a reader)."""
    for unit in units:
        if unit.table is not None:
            table = tables[unit.table]
            yield table, unit.row or 0, table.text_rows()[unit.row or 0], unit
        elif is_table_row(unit.text):
            cells = [c.strip() for c in re.split(r"\s\|\s|\t|(?<=\S)\|(?=\S)", unit.text.strip().strip("|"))]
            yield None, 0, cells, unit
        else:
            yield None, -1, [unit.text], unit


def _task_tables(units: list[Para], tables: dict[int, Table]) -> tuple[list[TaskTable], list[Task]]:
    """Tasks from task tables: a header naming a task column and a lead/time column; repeated header
    rows, numbering rows and sub-heading rows (``I. NÂNG CAO NHẬN THỨC``) are not tasks, sub-headings set
    the rows' ``heading``. A table continued on the next page (or split by a reader) keeps its header."""
    found: list[TaskTable] = []
    tasks: list[Task] = []
    current: Optional[TaskTable] = None
    width = 0
    heading: Optional[str] = None
    for table, row, cells, unit in _rows_of(units, tables):
        if row < 0:  # a paragraph between rows
            text = clean(unit.text)
            if current is not None and (is_heading(text) or len(text) < 120) and not _RECIPIENTS.match(text):
                if is_heading(text):
                    heading = strip_marker(text).rstrip(" :")
                continue
            current = None
            continue
        roles = _row_roles(cells)
        if current is not None and [c for c in cells if c] == list(current.labels.values()):
            continue  # the header repeated on the next page
        if _is_task_header(roles, cells):
            loc = unit.location
            current = TaskTable(table.index if table is not None else -1, roles, 1,
                                {c: t for c, t in enumerate(cells) if t}, loc)
            found.append(current)
            width = len(cells)
            heading = None
            continue
        if current is None:
            continue
        if table is not None and table.n_columns != width and len(cells) != width:
            current = None
            continue
        if all(not c or _NUMBERING_ROW.match(c) for c in cells):
            continue  # the "(1) (2) (3)" row
        filled = [c for c in cells if c.strip()]
        task_col = current.columns["task"]
        task_text = cells[task_col].strip() if task_col < len(cells) else ""
        others = [c for k, c in enumerate(cells) if c.strip() and k != task_col and not re.fullmatch(r"[\dIVXLC.]+", c)]
        if len(filled) == 1 or (len(set(filled)) == 1) or (not others and re.match(r"^\s*[IVXLC]+[.)]?\s", filled[0])):
            heading = strip_marker(clean(filled[0])).rstrip(" :") if filled else heading  # a sub-heading row
            continue
        if not task_text:
            continue
        fields: dict[str, FieldValue] = {}
        for role, col in current.columns.items():
            if col < len(cells) and cells[col].strip() and role != "task":
                fields[role] = FieldValue(role, current.labels.get(col, role), re.sub(r"\s+", " ", cells[col]).strip(),
                                          unit.location)
        loc = unit.location
        tasks.append(Task(re.sub(r"\s+", " ", task_text), Location(page=loc.page, line=loc.line,
                                                                    table=loc.table, row=loc.row),
                          fields, heading, [], unit.table, unit.row, unit.confidence))
    return found, tasks


# --------------------------------------------------------------------------- the view


@dataclass
class Structure:
    """The document read once: header, title, body paragraphs, tasks, closing (see the module doc)."""

    lines: list[Line]
    header: Header
    title: Optional[Title]
    body: list[Para]
    tasks: list[Task]
    task_tables: list[TaskTable]
    signature: Optional[Signature]
    recipients: list[Para]
    addressees: list[str]
    header_end: int  # index in ``lines`` of the first line after the header
    tables: dict[int, Table] = field(default_factory=dict)
    units: list[Para] = field(default_factory=list)
    table_rows: list[Para] = field(default_factory=list)  # rows of data tables (``a | b | c``), in order

    def parents(self, para: Para) -> list[Para]:
        """The paragraphs enclosing ``para`` in the outline, nearest first."""
        out = []
        k = para.parent
        while k is not None:
            out.append(self.body[k])
            k = self.body[k].parent
        return out

    def heading_of(self, para: Para) -> Optional[str]:
        return _heading_of(self.body, para)

    def text_paragraphs(self) -> list[Para]:
        """Title, ``V/v`` subject, body paragraphs and table rows, in document order: every paragraph that
        can cite or require something (the header's own number, the closing lists are left out)."""
        out = []
        if self.title is not None and self.title.text:
            out.append(Para(self.title.text, [Piece(0, self.title.location)], "title", order=self.title.index))
        if self.header.subject:
            out.append(Para(self.header.subject, [Piece(0, self.header.subject_location or Location())], "subject",
                            order=0))
        return sorted(out + self.body + self.table_rows, key=lambda p: p.order)


_CACHE: dict[int, tuple["weakref.ref[Document]", "Structure"]] = {}


def _forget(ref: "weakref.ref[Document]", key: int, cache: dict = _CACHE) -> None:
    if cache.get(key, (None,))[0] is ref:
        cache.pop(key, None)


def structure_of(doc: Document) -> Structure:
    """The structural view of ``doc``, built on first use and kept while the Document lives (the view
    holds no reference to the Document, so the cache never keeps one alive)."""
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0]() is doc:
        return hit[1]
    built = build(doc)
    key = id(doc)
    _CACHE[key] = (weakref.ref(doc, lambda ref, key=key, forget=_forget: forget(ref, key)), built)
    return built


def _date_after_heading(lines: list[Line], heading: Optional[tuple[int, str, str]], head_end: int) -> Optional[int]:
    """The place-and-date line read just after the type heading, when none stands above it: OCR and some text
    layers order lines by height, and the right column's date sits lower than a title that starts higher."""
    if heading is None or heading[1] == "registration_form" \
            or any(_is_date_line(clean(line.text)) for line in lines[:head_end]):
        return None  # a form's place and date close it, under the table
    for k in range(heading[0] + 1, min(len(lines), heading[0] + 4)):
        if lines[k].location.table is not None or "|" in lines[k].text:
            return None
        if _is_date_line(clean(lines[k].text)):
            return k
    return None


def build(doc: Document) -> Structure:
    units, tables = _units(doc)
    units = _summary_apart(units)
    for k, unit in enumerate(units):
        unit.order = k
        if doc.format == "txt" and unit.region in ("recipients", "signature"):
            unit.region = "body"  # a text reader's guess ("- Phụ" is no recipient): read from the text below
    recipients = _recipient_ids(units)
    for unit in units:
        if id(unit) in recipients:
            unit.region = "recipients"
    lines = [Line(u.text, u.location, u.region, u.bold, u.centered, u.confidence, []) for u in units]
    heading = find_type_heading(lines)
    # the header: lines before the type heading when it stands near the top, else the header zone
    zone = header_zone_end(lines)
    head_end = heading[0] if heading is not None and heading[0] <= zone + 3 else zone
    header_units = [u if u.table is None else _cells_apart(u) for u in units[:head_end]]
    header_units += [u for u in units[head_end:] if u.region.startswith("header")]
    late_date = _date_after_heading(lines, heading, head_end)
    if late_date is not None and units[late_date] not in header_units:
        header_units.append(units[late_date])
    header = _read_header(header_units, trust_columns=doc.format != "txt")
    title = None
    title_lines: set[int] = set()
    if heading is not None:
        text, taken = title_text(lines, heading)
        title = Title(heading[0], heading[1], lines[heading[0]].text, text, lines[heading[0]].location, taken)
        title_lines = {heading[0], *taken}
    signature = find_signature(lines)
    closing: set[int] = set()
    if signature is not None:
        closing.update(k for k in range(signature.start, signature.end + 1)
                       if lines[k].region != "recipients" or k == signature.end)
    addressees = _addressees(units)
    closing.update(k for k, u in enumerate(units) if u.region == "recipients")
    skip = set(range(head_end)) | title_lines | closing | ({late_date} if late_date is not None else set())
    body_units = [u for k, u in enumerate(units) if k not in skip and u.table is None
                  and not u.region.startswith("header") and u.region not in ("page-header", "page-footer",
                                                                                "signature", "recipients")]
    body_units = [u for u in body_units if id(u) not in addressees[1]]
    body = join_lines(body_units)
    _outline(body)
    task_tables, table_tasks = _task_tables([u for k, u in enumerate(units) if k not in skip
                                             and u.region not in ("page-header", "page-footer")], tables)
    tasks = _tasks_from_prose(body) + table_tasks
    table_rows = [u for k, u in enumerate(units) if u.table is not None and k not in skip
                  and not u.region.startswith("header") and u.region not in ("signature", "recipients")]
    return Structure(lines, header, title, body, tasks, task_tables, signature,
                     [u for u in units if u.region == "recipients"], addressees[0], head_end, tables, units, table_rows)


def _summary_apart(units: list[Para]) -> list[Para]:
    """A reader that re-flowed hard-wrapped text may glue the summary's last line to the preamble under it
    (``9 tháng đầu năm; phương hướng … năm 2025 Thực hiện Nghị quyết số …``): the source line opening on a body
    opener (``Căn cứ``, ``Thực hiện`` …) starts the body, the lines before it stay with the title."""
    lines = [Line(u.text, u.location, u.region) for u in units]
    heading = find_type_heading(lines)
    if heading is None:
        return units
    for k in range(heading[0] + 1, min(len(units), heading[0] + 4)):
        unit = units[k]
        if _OPENER.match(unit.text) or LIST_START.match(unit.text):
            break  # the body starts here: nothing glued above it
        cut = next((p.offset for p in unit.pieces[1:] if unit.text[p.offset:p.offset + 1].isupper()
                    and _OPENER.match(unit.text[p.offset:])), None)  # "… nhằm" inside a summary goes on
        if cut is None or unit.table is not None:
            continue
        head = Para(unit.text[:cut].rstrip(), [p for p in unit.pieces if p.offset < cut], unit.region, unit.bold,
                    unit.centered, unit.confidence, unit.block)
        tail = Para(unit.text[cut:], [Piece(p.offset - cut, p.location) for p in unit.pieces if p.offset >= cut],
                    unit.region, unit.bold, unit.centered, unit.confidence, unit.block)
        return units[:k] + [head, tail] + units[k + 1:]
    return units


def _cells_apart(unit: Para) -> Para:
    """A sheet's header row (``ĐẢNG ỦY XÃ X |  |  | ĐẢNG CỘNG SẢN VIỆT NAM``) with its cells kept apart."""
    return Para(re.sub(r"(?:\s*\|\s*)+", "   ", unit.text).strip(), list(unit.pieces), "header-left", unit.bold,
                unit.centered, unit.confidence, unit.block)


def _recipient_ids(units: list[Para]) -> set[int]:
    """The ``Nơi nhận`` list (ids of its units): the label and the items under it, up to the signature's
    title, a name, a long sentence, a table or an annex heading."""
    recipients: set[int] = set()
    in_recipients = False
    for unit in units:
        text = unit.text.strip()
        if _RECIPIENTS.match(text):
            in_recipients = True
            recipients.add(id(unit))
            continue
        if in_recipients:
            if _ANNEX.match(text) or unit.table is not None or (not text.startswith(("-", "+", "•"))
                                                                 and len(text) > 60) \
                    or _AUTHORITY.match(clean(text)) or is_position(clean(text)) \
                    or (is_name(text) and not text.startswith(("-", "+", "•"))):
                in_recipients = False
            else:
                recipients.add(id(unit))
    return recipients


def _addressees(units: list[Para]) -> tuple[list[str], set[int]]:
    """A letter's ``Kính gửi`` addressees: the names and the ids of the units holding them."""
    names: list[str] = []
    ids: set[int] = set()
    for k, unit in enumerate(units):
        m = _KINH_GUI.match(unit.text)
        if not m:
            continue
        ids.add(id(unit))
        if m.group(1).strip(" *"):
            names.append(m.group(1))
        else:
            for nxt in units[k + 1:k + 12]:
                if not re.match(r"^\s*[-–•+]\s*", nxt.text):
                    if names and _starts_lower(nxt.text) and len(names[-1]) > 30:
                        names[-1] += " " + nxt.text.strip()  # a wrapped addressee line
                        ids.add(id(nxt))
                        continue
                    break
                names.append(nxt.text)
                ids.add(id(nxt))
        break
    clean_names = [re.sub(r"^[-–•+*\s]+", "", n).rstrip(" ;.,*") for n in names]
    return [n for n in clean_names if n and len(n.split()) <= 24], ids


def _outline(body: list[Para]) -> None:
    """Markers, levels, the heading test and parents for the body paragraphs.

    A plain paragraph (no marker) right under a heading sits one level below it; a heading in
    capitals without a marker opens a top-level section."""
    stack: list[int] = []
    for i, para in enumerate(body):
        para.index = i
        marker, level = outline(clean(para.text))
        para.marker = marker
        para.heading = is_heading(para.text, para.bold)
        if marker is None and para.heading and is_caps_text(clean(para.text)):
            level = LEVEL_PART
        para.level = level
        while stack and body[stack[-1]].level >= level:
            stack.pop()
        para.parent = stack[-1] if stack else None
        if level < LEVEL_TEXT:
            stack.append(i)
