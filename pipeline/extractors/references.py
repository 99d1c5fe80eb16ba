"""Cited documents ("Căn cứ Kế hoạch số 03-KH/BDVTU, ngày 29/01/2021 của …").

Citations are read from the structural view's paragraphs (:mod:`.structure`), whose joiner re-joins a
number split over a line break (``Kế hoạch số 49-`` / ``KH/ThU``) and keeps where each piece came from.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from .. import lexicon
from ..model import Document, DocumentMeta, Reference
from ..textnorm import match_key
from .doubt import NUMBER_WITHOUT_SYMBOL, Doubt
from .shapes import NUMBER_RE, normalize_number, number_type, parse_date  # noqa: F401 (parse_date re-exported)

# --------------------------------------------------------------------------- references

#: Cited-document kinds (the lexicon's kinds used in citations), longest first; the canonical spelling is
#: what we report.
_CITED = [r for r in lexicon.table("document_kinds") if lexicon.cell(r, 3) in ("both", "cited")]
KINDS = [r[0] for r in _CITED]
_KIND_KEYS = sorted(((match_key(k), k) for k in KINDS), key=lambda kv: -len(kv[0]))
_KIND_ALT = "|".join(re.escape(k) for k, _ in _KIND_KEYS)

#: Type abbreviation → kind, for numbers cited without their kind word (a kind used as a heading first).
ABBREVIATIONS: dict[str, str] = {}
for _row in sorted(_CITED, key=lambda r: lexicon.cell(r, 3) != "both"):
    for _abbr in lexicon.cell(_row, 2).split():
        ABBREVIATIONS.setdefault(_abbr.upper(), _row[0])

# kind word, optional "số", then a full number or short numbers ("217, 218"); works on match_key text
_CITE = re.compile(
    r"(?<![\w])(" + _KIND_ALT + r")\s*(?:số\s*:?\s*)?"
    r"(\d{1,5}(?:\s*[-/]\s*(?:\d{4}(?=\s*[-/])|[a-zđ][a-zđ0-9.]*(?:\s?&\s?[a-zđ][a-zđ0-9.]*)*))+"
    r"|\d{1,5}(?:\s*(?:,|và)\s*\d{1,5})*)(?![\w/&])"
)
_ISSUER_END = re.compile(r"\s+(?:về|v/v|thực hiện|ban hành|nhằm|để|trong|năm\s+\d{4})\b|[,;)(“\"]|\.\s|\.$"
                         r"|\s+(?:và|cùng)\s+(?:các\s+)?(?=(?:Nghị|Quyết|Chỉ|Kế|Thông|Hướng|Chương|Kết|Luật|Quy|Công|"
                         r"Đề|Báo|Pháp)\S*\s)")


_ORG_NEXT = re.compile(r"\s*(?:Ban|Đảng|Ủy|Uỷ|UBND|HĐND|Thường trực|Thường vụ|BTV|BCH|Hội|Mặt trận|MTTQ|Bộ|"
                       r"Chính phủ|Thủ tướng|Văn phòng|Tỉnh ủy|Thành ủy|Huyện ủy|Thị ủy|Quận ủy)\b")


def _kind_of(key_text: str) -> str:
    for key, canonical in _KIND_KEYS:
        if key_text.startswith(key):
            return canonical
    return key_text


def _tail_info(orig: str, start: int) -> tuple[Optional[str], Optional[str]]:
    """Date and issuer written right after a citation's number (``, ngày 29/01/2021 của Ban …``)."""
    window = orig[start:start + 220]
    date = None
    dm = re.match(r"\s*,?\s*(?:\(?\s*)?(?:ban hành\s+)?ngày\s*(\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}"
                  r"|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})", window, re.I)
    pos = 0
    if dm:
        date = parse_date(dm.group(1)) or parse_date("ngày " + dm.group(1))
        pos = dm.end()
    issuer = None
    im = re.match(r"\s*,?\s*của\s+", window[pos:], re.I)
    if im:
        rest = window[pos + im.end():]
        offset = 0
        end = _ISSUER_END.search(rest)
        # "của Ban Chấp hành Đảng bộ, Ban Thường vụ Thị ủy": a comma followed by another body continues
        while end and rest[end.start()] == "," and _ORG_NEXT.match(rest, end.end()):
            offset = end.end()
            end = _ISSUER_END.search(rest, offset)
        cand = rest[: end.start()] if end else rest[:120]
        cand = cand.strip(" ,.;:*")
        if cand and len(cand.split()) <= 16:
            issuer = cand
    return date, issuer


#: ``Đảng uỷ ban hành Kế hoạch số …``: the issuer stands before an issuing verb right before the kind.
_ISSUING_VERB = re.compile(r"(?:^|[.;:(]\s*|,\s+|\s(?:và|khi|sau khi|đồng thời)\s+)"
                           r"((?:Ban|Đảng|Ủy|Uỷ|UBND|HĐND|Thường trực|Thường vụ|BTV|BCH|Hội|Mặt trận|MTTQ|Bộ|"
                           r"Chính phủ|Thủ tướng|Văn phòng|Tỉnh|Thành|Huyện|Thị|Quận|Sở|Phòng|Chi bộ|Đoàn|"
                           r"Liên đoàn|Công an|Trung ương)[^.;:,()]{0,90}?)\s+"
                           r"(?:đã\s+|vừa\s+|cũng\s+)?(?:ban\s+hành|xây\s+dựng|ký\s+ban\s+hành|phát\s+hành)"
                           r"(?:\s+(?:và\s+)?(?:triển\s+khai|thực\s+hiện))?\s*$")


def _issuer_before(text: str, start: int) -> Optional[str]:
    """The body named before ``ban hành``/``xây dựng`` immediately preceding a citation's kind word."""
    window = text[max(0, start - 140):start]
    m = _ISSUING_VERB.search(window)
    if not m:
        return None
    cand = m.group(1).strip(" ,")
    return cand if 1 <= len(cand.split()) <= 14 else None


def find_references(text: str, own_number: Optional[str] = None) -> list[tuple[int, int, Reference]]:
    """Every cited document in ``text`` with its span (start, end)."""
    key = match_key_same_length(text)
    own = normalize_number(own_number).upper() if own_number else None
    found: list[tuple[int, int, Reference]] = []
    for m in _CITE.finditer(key):
        kind = _kind_of(m.group(1))
        raw = text[m.start(2):m.end(2)]
        date, issuer = _tail_info(text, m.end(2))
        issuer = issuer or _issuer_before(text, m.start())
        if re.search(r"[A-Za-zĐđ]", raw):
            numbers = [normalize_number(raw)]
        else:
            numbers = re.findall(r"\d+", raw)
            if len(numbers) > 1:
                date = None  # a date after "217, 218" belongs to neither with certainty
        for number in numbers:
            if own and number.upper() == own:
                continue
            if re.fullmatch(r"\d+", number) and "số" not in key[m.start():m.start(2)] and not text[m.start()].isupper():
                continue  # "thi hành kỷ luật 02 đảng viên": a lower-case kind word with a bare count
            if re.fullmatch(r"\d+", number) and (_looks_like_count(text, m.end(2)) or (
                    re.fullmatch(r"(19|20)\d\d", number) and "số" not in key[m.start():m.start(2)])):
                continue  # "Kế hoạch 5 năm", "Chương trình 2024": not citations
            found.append((m.start(), m.end(2), Reference(kind=kind, number=number, date=date, issuer=issuer,
                                                         text=text[m.start():m.end(2)].strip())))
    # numbers cited without a kind word ("theo 10-NQ/TU"): kind from the type abbreviation
    covered = [(s, e) for s, e, _ in found]
    for m in NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        number = normalize_number(m.group(0))
        abbrev = number_type(number)
        law_style = bool(re.match(r"\d+/\d{4}/[A-ZĐ]", number))
        if not law_style and (not abbrev or abbrev.upper() not in ABBREVIATIONS):
            continue
        # kind: the nearest kind word written shortly before ("Luật … số 85/2015/QH13"), else the abbreviation
        before = key[max(0, m.start() - 100):m.start()]
        kinds_before = [km for km in re.finditer(r"(?<![\w])(" + _KIND_ALT + r")(?![\w])", before)]
        kind = _kind_of(kinds_before[-1].group(1)) if kinds_before else ABBREVIATIONS.get((abbrev or "").upper())
        if own and number.upper() == own:
            continue
        if re.search(r"(?:^|\n)\s*Số\s*:?\s*$", text[max(0, m.start() - 12):m.start()]):
            continue  # the document's own "Số:" line
        date, issuer = _tail_info(text, m.end())
        if issuer is None and kinds_before:
            issuer = _issuer_before(text, m.start() - (len(before) - kinds_before[-1].start()))
        found.append((m.start(), m.end(), Reference(kind=kind, number=number, date=date,
                                                    issuer=issuer, text=m.group(0))))
    return found


def _looks_like_count(text: str, end: int) -> bool:
    """``Kế hoạch 03 năm`` or ``Quy định 05 điều`` are counts, not short citations."""
    nxt = text[end:end + 12].strip().lower()
    return bool(re.match(r"(năm|tháng|ngày|điều|khoản|nội dung|mô hình|%|lần|bước)\b", nxt))


@functools.lru_cache(maxsize=4096)
def _char_key(ch: str) -> str:
    """One character's match key, or its lower case when the key would change the length."""
    k = match_key(ch) if ch.strip() else ch
    return k if len(k) == 1 else ch.lower()


def match_key_same_length(text: str) -> str:
    """A lower-case, tone-folded view of ``text`` with the SAME length, so offsets carry over."""
    folded = "".join(_char_key(ch) for ch in text)
    # old→new tone placement may move a mark across two letters; do it pairwise keeping length
    from ..textnorm import new_style_tones

    moved = new_style_tones(folded)
    return moved if len(moved) == len(folded) else folded


def extract_references(doc: Document, meta: DocumentMeta, warnings: list[str]) -> list[Reference]:
    """Cited documents, one entry per distinct number (short numbers folded into full ones)."""
    from .structure import structure_of

    refs: list[Reference] = []
    for para in structure_of(doc).text_paragraphs():
        for start, _end, ref in find_references(para.text, meta.number):
            ref.location = para.location_at(start)
            ref.issuer = _complete_issuer(ref.issuer, meta.issuer)
            Doubt(0.9).add(bool(ref.number) and ref.number.isdigit(), NUMBER_WITHOUT_SYMBOL, 0.3) \
                .ocr(para.confidence).apply(ref)
            refs.append(ref)
    return _merge(refs)


def _complete_issuer(issuer: Optional[str], own: Optional[str]) -> Optional[str]:
    """A bare body (``Đảng uỷ``) that begins the document's own issuer (``Đảng ủy xã Vọng Thê``) is that
    issuer: a document names its own body without the place."""
    if not issuer or not own:
        return issuer
    key, own_key = match_key(issuer), match_key(own)
    if key != own_key and own_key.startswith(key + " ") and not re.search(r"\d", key):
        level_words = r"(?:xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố)\b"
        if not re.search(level_words, key):
            return own
    return issuer


def _merge(refs: list[Reference]) -> list[Reference]:
    """One entry per number; keep the first citation but fill date/issuer from later ones; drop a short
    number (``Kế hoạch 03``) when a full number of the same kind starts with it."""
    by_number: dict[str, Reference] = {}
    for ref in refs:
        key = (ref.number or "").upper()
        if key in by_number:
            kept = by_number[key]
            kept.date = kept.date or ref.date
            kept.issuer = kept.issuer or ref.issuer
            continue
        by_number[key] = ref
    out = []
    for key, ref in by_number.items():
        if key.isdigit():
            fuller = [r for k, r in by_number.items() if not k.isdigit()
                      and re.match(r"0*" + str(int(key)) + r"\b", k) and r.kind == ref.kind]
            if fuller:
                continue
        out.append(ref)
    return out
