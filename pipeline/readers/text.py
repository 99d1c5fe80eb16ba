"""Plain-text reader: decoding, legacy encodings, reflow of hard-wrapped PDF text, text tables.

Why reflow: text copied out of a PDF has a hard break at every printed line (often with a blank
line after each), so one sentence spans several lines; extraction wants whole sentences. Headings
(``I. MỤC ĐÍCH``, ``1. Mục đích``, capital lines) and list items (``- …``, ``+ …``, ``a) …``) are
never merged into their neighbours. Text whose lines are already paragraphs stays line by line.
Every paragraph keeps the 1-based file line number of its first line, and a reflowed one the
line where each merged line starts (``Paragraph.line_starts``), so a date can be traced to its line.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..legacy import convert_legacy, describe, non_ascii_words, tcvn3_to_unicode, vietnamese_score, vni_to_unicode
from ..model import Cell, Document, Location, Paragraph, Table
from ..textnorm import display
from . import ReadError
from .layout import (DOC_TYPE, LEFT_HEADER, LIST_START, PAGE_NUMBER, RIGHT_HEADER, TERMINAL, is_heading,
                     starts_block, starts_lower)

# --------------------------------------------------------------------------- decoding

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f\x7f]")


_CP1252_UNDEFINED = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))


def _latin_glyphs(raw: bytes) -> str:
    """Bytes as the glyph characters a legacy font would show (Windows-1252 code page).

    The five bytes cp1252 leaves undefined are kept as their Latin-1 characters.
    """
    if not _CP1252_UNDEFINED.intersection(raw):
        return raw.decode("cp1252")
    return "".join(chr(b) if b in _CP1252_UNDEFINED else bytes((b,)).decode("cp1252") for b in raw)


def decode_bytes(raw: bytes) -> tuple[str, str, list[str]]:
    """(text, encoding name, warnings) for the bytes of a text file; ReadError for binary data."""
    warnings: list[str] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        return _utf8_or_replace(raw[3:], "utf-8-sig", warnings)
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        codec = "utf-32"
        return raw.decode(codec, errors="replace"), codec, warnings
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
        if "\ufffd" in text:
            warnings.append(f"{text.count(chr(0xFFFD))} undecodable UTF-16 code units replaced")
        return text, "utf-16", warnings
    sample = raw[:65536]
    nuls = sample.count(0)
    if nuls > len(sample) * 0.2:
        # UTF-16 without a byte-order mark: the NULs sit on one parity.
        even = sample[0::2].count(0)
        odd = sample[1::2].count(0)
        if odd > 0.9 * nuls and odd > len(sample) * 0.3:
            return raw.decode("utf-16-le", errors="replace"), "utf-16-le", warnings
        if even > 0.9 * nuls and even > len(sample) * 0.3:
            return raw.decode("utf-16-be", errors="replace"), "utf-16-be", warnings
    if nuls > max(2, len(sample) * 0.01):
        raise ReadError(f"binary data, not text ({nuls} NUL bytes in the first {len(sample)} bytes)", "unsupported")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _guess_8bit(raw, warnings)
    _check_controls(text)
    converted, legacy = convert_legacy(text)
    if legacy:
        warnings.append(describe(legacy) + " (in a UTF-8 file)")
        return converted, f"utf-8+{legacy}", warnings
    return text, "utf-8", warnings


def _check_controls(text: str) -> None:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if controls > max(4, len(sample) * 0.02):
        raise ReadError(f"binary data, not text ({controls} control characters in the first {len(sample)})",
                        "unsupported")


def _utf8_or_replace(raw: bytes, name: str, warnings: list[str]) -> tuple[str, str, list[str]]:
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad:
        warnings.append(f"{bad} undecodable bytes replaced (file is not valid {name})")
    _check_controls(text)
    return text, name, warnings


def _guess_8bit(raw: bytes, warnings: list[str]) -> tuple[str, str, list[str]]:
    """Not UTF-8: choose among damaged UTF-8, Windows-1258, TCVN3 and VNI by how Vietnamese each reads."""
    as_utf8 = raw.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    multibyte = sum(1 for ch in as_utf8 if ord(ch) > 0x7F and ch != "\ufffd")
    if bad and multibyte >= 20 * bad:
        # Mostly valid UTF-8 with a few broken bytes (a truncated or spliced file).
        warnings.append(f"{bad} undecodable bytes replaced (file is mostly UTF-8)")
        _check_controls(as_utf8)
        return as_utf8, "utf-8", warnings
    glyphs = _latin_glyphs(raw)
    candidates = {
        "windows-1258": unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace")),
        "tcvn3": tcvn3_to_unicode(glyphs),
        "vni": vni_to_unicode(glyphs),
    }
    if non_ascii_words(glyphs) == 0:
        return candidates["windows-1258"], "windows-1258", warnings
    scored = sorted(((vietnamese_score(t), name) for name, t in candidates.items()), reverse=True)
    best_score, best = scored[0]
    text = candidates[best]
    _check_controls(text)
    if best_score < 0:
        warnings.append(f"text encoding unclear (best guess {best}); some characters may be wrong")
    elif best != "windows-1258":
        warnings.append(describe(best))
    return text, best, warnings


# --------------------------------------------------------------------------- reflow

_HYPHEN_END = re.compile(r"[\w/]-$")  # "49-" + "KH/ThU": a number cut after its hyphen
_MIN_WRAP_PAIRS = 4  # mid-sentence line breaks needed before a file counts as hard-wrapped


@dataclass
class _Item:
    line: int  # 1-based line number
    text: str  # stripped display text
    gap: int  # blank lines before this one (within the segment)
    region: str = "body"
    indent: bool = False  # the raw line starts with white space
    last: str = ""  # the last physical line merged into this paragraph
    starts: list[tuple[int, int]] | None = None  # (offset in text, file line) of each merged line


def _wrap_stats(items: list[_Item]) -> tuple[bool, int, float]:
    """(looks hard-wrapped, the gap between wrapped lines, the usual full line width)."""
    pairs = evidence = 0
    gaps: dict[int, int] = {}
    for a, b in zip(items, items[1:]):
        if b.gap > 2 or "\t" in a.text or "|" in a.text:
            continue
        pairs += 1
        if not TERMINAL.search(a.text) and starts_lower(b.text):
            evidence += 1
            gaps[b.gap] = gaps.get(b.gap, 0) + 1
    lengths = sorted(len(i.text) for i in items if len(i.text) > 20)
    width = float(lengths[int(len(lengths) * 0.9)]) if lengths else 80.0
    wrapped = evidence >= _MIN_WRAP_PAIRS and evidence >= 0.12 * pairs and width <= 160
    gap = max(gaps, key=lambda g: gaps[g]) if gaps else 0
    return wrapped, gap, width


def _should_join(a: str, b: _Item, wrapped: bool, wrap_gap: int, width: float) -> bool:
    """Is line ``b`` the continuation of the physical line ``a``?"""
    btext = b.text
    if is_heading(a):
        # A capital heading wrapped over two lines ("… BIỂU DƯƠNG MÔ" / "HÌNH, ĐIỂN HÌNH …").
        return (wrapped and b.gap <= wrap_gap and is_heading(btext) and not starts_block_marker(btext)
                and not TERMINAL.search(a) and len(a) >= 0.6 * width)
    if a.startswith("Nơi nhận"):
        return False
    if starts_block(btext):
        # "- xã hội" after "chính trị" is the hyphenated phrase "chính trị - xã hội", not an item.
        return bool(re.match(r"^[-–]\s+[a-zđ]", btext)) and not TERMINAL.search(a) and b.gap <= max(wrap_gap, 1)
    if not wrapped:
        # Lines are paragraphs already; only an obvious break mid-sentence (a page break) is mended.
        return b.gap <= 1 and len(a) >= 40 and not TERMINAL.search(a) and starts_lower(btext)
    if b.gap > wrap_gap:
        return False
    if starts_lower(btext):
        return not a.endswith(":") or len(a) >= 0.8 * width
    if TERMINAL.search(a):
        # A full-width line that happens to end a sentence: the paragraph may go on (unless indented).
        return a.endswith(".") and len(a) >= 0.88 * width and not btext[:1].isdigit() and not b.indent
    return len(a) >= 0.7 * width


def starts_block_marker(text: str) -> bool:
    """A list or numbering marker at the start (capital headings aside)."""
    return bool(LIST_START.match(text))


def reflow(items: list[_Item], wrapped: bool, wrap_gap: int, width: float) -> list[_Item]:
    """Merge wrapped lines into paragraphs; a paragraph keeps its first line's number.

    In hard-wrapped text a page number between two lines of one sentence is set aside (emitted
    after the paragraph, region page-footer) so it does not end up inside the sentence.
    """
    out: list[_Item] = []
    aside: list[_Item] = []
    # A paragraph being joined keeps its pieces in a list, joined once at the end: re-building the
    # text (and searching it) at every merged line made long hard-wrapped files quadratic.
    pieces: dict[int, list[str]] = {}
    sizes: dict[int, int] = {}
    for i, item in enumerate(items):
        prev = out[-1] if out else None
        following = items[i + 1] if i + 1 < len(items) else None
        if (wrapped and PAGE_NUMBER.match(item.text) and prev is not None and prev.region == "body"
                and following is not None and following.region == "body"
                and _should_join(prev.last or prev.text, following, wrapped, wrap_gap + 2, width)):
            aside.append(_Item(item.line, item.text, item.gap, "page-footer", item.indent, item.text))
            continue
        if (prev is not None and prev.region == "body" and item.region == "body"
                and _should_join(prev.last or prev.text, item, wrapped, wrap_gap + (2 if aside else 0), width)):
            parts = pieces.setdefault(id(prev), [prev.text])
            size = sizes.get(id(prev), len(prev.text))
            glue = "" if _HYPHEN_END.search(_tail(parts, 2)) else " "
            if prev.starts is None:
                prev.starts = [(0, prev.line)]
            prev.starts.append((size + len(glue), item.line))
            parts += [glue, item.text]
            sizes[id(prev)] = size + len(glue) + len(item.text)
            prev.last = item.text
            continue
        out.extend(aside)
        aside = []
        out.append(_Item(item.line, item.text, item.gap, item.region, item.indent, item.text))
    out.extend(aside)
    for joined in out:
        if id(joined) in pieces:
            joined.text = "".join(pieces[id(joined)])
    return out


def _tail(parts: list[str], n: int) -> str:
    """The last ``n`` characters of ``"".join(parts)`` without joining them all."""
    tail = ""
    for part in reversed(parts):
        tail = part + tail
        if len(tail) >= n:
            break
    return tail[-n:]


# --------------------------------------------------------------------------- official header

_SIDE_GAP = re.compile(r"\S(\s{3,}|\t+)\S")
_HEADER_SCAN = 24  # non-empty lines at the top that may hold the header
_DECOR = re.compile(r"[\s_\-–—=*.~]+")  # rules drawn under the issuer and the motto


def _split_side_by_side(raw: str) -> tuple[str, str] | None:
    m = _SIDE_GAP.search(raw.strip())
    if not m:
        return None
    s = raw.strip()
    left, right = s[:m.start(1)].strip(), s[m.end(1):].strip()
    return (left, right) if left and right else None


def _header_items(lines: list[tuple[int, str]]) -> list[_Item] | None:
    """Regions for the official header when the top of the file holds one, else None.

    Left column: issuer lines, ``Số: …``, ``V/v …``; right column: the motto or Party name and the
    place-and-date line. Lines written side by side (``Số: 46/KH-UBND      Phổ Minh, ngày …``)
    are split at the run of spaces.
    """
    out: list[_Item] = []
    seen_right = False
    skipped = 0
    for n, (lineno, raw) in enumerate(lines[:_HEADER_SCAN]):
        text = display(raw)
        if DOC_TYPE.match(text) or (len(text) > 110 and not _split_side_by_side(raw)):
            break
        split = _split_side_by_side(raw)
        if split and (RIGHT_HEADER.search(split[1]) or LEFT_HEADER.match(display(split[0]))
                      or is_heading(split[0]) and is_heading(split[1])
                      or _DECOR.fullmatch(split[0]) and _DECOR.fullmatch(split[1])):
            left, right = display(split[0]), display(split[1])
            out.append(_Item(lineno, left, 0, "header-left"))
            out.append(_Item(lineno, right, 0, "header-right"))
            seen_right = True
            continue
        if RIGHT_HEADER.search(text):
            out.append(_Item(lineno, text, 0, "header-right"))
            seen_right = True
        elif LEFT_HEADER.match(text) or is_heading(text) or _DECOR.fullmatch(text):
            out.append(_Item(lineno, text, 0, "header-left"))
        elif not out and skipped < 2:
            skipped += 1  # a line above the header ("Mẫu số 01") stays a body line
        else:
            break
    return out if seen_right else None


class _EndBlock:
    """The end of a document: ``Nơi nhận:`` and its list on the left, the signature on the right.

    Text exports keep the two columns on one line separated by spaces
    (``Nơi nhận:      CHỦ TỊCH``, ``- Lưu: VT.        Lê Duy Bảo``): split them, left part first.
    """

    def __init__(self) -> None:
        self.active = False

    def split(self, item: _Item, raw: str) -> list[_Item]:
        if not self.active and re.match(r"^\s*Nơi\s+nhận", raw, re.IGNORECASE):
            self.active = True
            m = re.match(r"^\s*(Nơi\s+nhận\s*:?)\s{2,}(\S.*)$", raw, re.IGNORECASE)
            if m:
                return [_Item(item.line, display(m.group(1)), item.gap, "recipients"),
                        _Item(item.line, display(m.group(2)), 0, "signature")]
            return [_Item(item.line, item.text, item.gap, "recipients")]
        if not self.active:
            return [item]
        parts = _split_side_by_side(raw)
        if parts and parts[0].lstrip()[:1] in "-+•":
            return [_Item(item.line, display(parts[0]), item.gap, "recipients"),
                    _Item(item.line, display(parts[1]), 0, "signature")]
        if item.text[:1] in "-+•":
            return [_Item(item.line, item.text, item.gap, "recipients")]
        return [item]


# --------------------------------------------------------------------------- reader


def split_lines(text: str) -> list[str]:
    """Lines as an editor counts them (CR LF, CR or LF), so line numbers match what people see."""
    return re.split(r"\r\n|\r|\n", text)


def read(path: Path, doc: Document) -> None:
    raw = path.read_bytes()
    text, encoding, warnings = decode_bytes(raw)
    doc.encoding = encoding
    doc.warnings.extend(warnings)
    fill_from_text(text, doc)


def fill_from_text(text: str, doc: Document) -> None:
    """Blocks for decoded text: text tables, the official header, reflowed paragraphs."""
    lines = [unicodedata.normalize("NFC", line) for line in split_lines(text.lstrip("\ufeff"))]
    tables = _find_tables(lines, doc)
    table_at = {t.first_line: t for t in tables}
    in_table: set[int] = set()
    for t in tables:
        in_table.update(range(t.first_line, t.last_line + 1))

    # Segments of non-table lines, separated by tables (a paragraph never crosses a table).
    segments: list[list[tuple[int, str]]] = [[]]
    order: list[object] = []
    for lineno, line in enumerate(lines, start=1):
        if lineno in table_at:
            order.append(segments[-1])
            order.append(table_at[lineno])
            segments.append([])
        if lineno in in_table:
            continue
        segments[-1].append((lineno, line))
    order.append(segments[-1])

    all_items = [item for seg in order if isinstance(seg, list) for item in _items(seg)]
    wrapped, wrap_gap, width = _wrap_stats(all_items)
    doc.metadata["text_reflowed"] = wrapped

    first = True
    end_block = _EndBlock()
    for part in order:
        if isinstance(part, list):
            if not part:
                continue
            header: list[_Item] | None = None
            nonblank = [(n, l) for n, l in part if l.strip()]
            if first and nonblank:
                header = _header_items(nonblank)
            first = False if nonblank else first
            skip = {i.line for i in header} if header else set()
            for item in header or []:
                doc.blocks.append(Paragraph(item.text, Location(line=item.line), region=item.region,
                                            centered=False))
            body: list[_Item] = []
            raw_by_line = dict(part)
            for item in _items([(n, l) for n, l in part if n not in skip]):
                body.extend(end_block.split(item, raw_by_line[item.line]))
            for item in reflow(body, wrapped, wrap_gap, width):
                doc.blocks.append(Paragraph(item.text, Location(line=item.line), region=item.region,
                                            bold=False, line_starts=list(item.starts or [])))
        else:
            doc.blocks.append(_table_block(part, len(doc.tables)))
            first = False


def _items(segment: list[tuple[int, str]]) -> list[_Item]:
    out: list[_Item] = []
    gap = 0
    for lineno, line in segment:
        text = display(line)
        if not text:
            gap += 1
            continue
        out.append(_Item(lineno, text, gap, indent=line[:1] in (" ", "\t")))
        gap = 0
    return out


def _find_tables(lines: list[str], doc: Document) -> list:
    try:
        from .texttables import find_text_tables

        found = find_text_tables(lines)
    except Exception as exc:  # noqa: BLE001 - a table finder bug must not lose the text
        doc.warnings.append(f"text tables not detected ({type(exc).__name__}: {str(exc)[:100]})")
        return []
    ok = []
    last = 0
    for t in sorted(found, key=lambda t: t.first_line):
        if t.first_line > last and t.last_line >= t.first_line and t.rows:
            ok.append(t)
            last = t.last_line
    return ok


def _table_block(t, index: int) -> Table:  # type: ignore[no-untyped-def]
    rows: list[list[Cell]] = []
    for r, cells in enumerate(t.rows):
        line = t.row_lines[r] if r < len(t.row_lines) else t.first_line
        rows.append([Cell(display(c), r, col, location=Location(line=line, table=index, row=r, column=col))
                     for col, c in enumerate(cells)])
    return Table(rows, Location(line=t.first_line, table=index), index=index)
