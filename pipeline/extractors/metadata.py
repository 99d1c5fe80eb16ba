"""Document metadata from the official layout (issuer, number, place and date, kind, title, signer, unit).

The layout is fixed by Nghị định 30/2020/NĐ-CP (state bodies) and Hướng dẫn 36-HD/VPTW (Party
bodies): issuer block top left, number under it, place-and-date line top right, the type word and
summary centred, the signature block bottom right beside ``Nơi nhận:``. Text extraction may lose
the columns, so every rule reads lines and tolerates their being interleaved or missing. When a
part is absent we infer only from explicit evidence (the body's own verb phrase, the number's
body abbreviation, the ``T/M`` line) and otherwise leave it null.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..model import Document, DocumentMeta, Line, Location, Signer
from .shapes import NUMBER_RE, clean as _clean, is_upper_line, mostly_upper, number_type
from .doubt import (DATE_BLANK, ISSUER_FROM_BODY, ISSUER_FROM_NUMBER, ISSUER_FROM_SIGNATURE, ISSUER_MISSING,
                    KIND_GUESSED, KIND_UNKNOWN, NUMBER_BLANK, PLACE_MISSING, SIGNER_MISSING, SIGNER_WITHOUT_TITLE,
                    UNIT_FROM_FOOTER, UNIT_FROM_SIGNATURE, UNIT_GUESSED, UNIT_MISSING, Doubt, set_field)
from .structure import PLACE_DATE, RANK, UNIT_LINE, Structure, authority_of, structure_of, tail_date
from .. import lexicon
from ..textnorm import match_key

# --------------------------------------------------------------------------- vocabularies (lexicon)

#: Number type abbreviation → kind (fallback when no type word is seen); ``other`` kinds say nothing.
ABBREV_KIND = {a.upper(): lexicon.cell(r, 1) for r in lexicon.table("document_kinds")
               for a in lexicon.cell(r, 2).split() if lexicon.cell(r, 1) not in ("other", "registration_form")}
#: Type abbreviations (upper case); a number without one belongs to a letter.
TYPE_ABBREVIATIONS = {a.upper() for r in lexicon.table("document_kinds") for a in lexicon.cell(r, 2).split()} \
    | {w.upper() for w in lexicon.words("type_like_codes")}
#: Number body abbreviation → issuer body name (used with the level and place found in the text).
ABBREV_BODY = lexicon.mapping("number_bodies")

LEVELS = list(lexicon.words("levels"))
#: The words of the level names ("thành", "phố", "thị", "xã" …): a place may wrap inside them.
_LEVEL_PARTS = {w for level in LEVELS for w in level.split()}
_LEVEL_KEYS = {match_key(x) for x in LEVELS}

#: Readable spelling of organisation and position words (keys are match keys): (canonical, a proper name follows).
LEXICON: dict[str, tuple[str, bool]] = {
    match_key(r[0]): (r[0], "name" in lexicon.cell(r, 1).split()) for r in lexicon.table("body_words")}
_LEX_MAX = max(len(k.split()) for k in LEXICON)
#: Department heads read as such only at the start (``QUỐC PHÒNG`` is no ``Phòng``).
_OPENING_ONLY = {match_key(r[0]) for r in lexicon.table("body_words") if "first" in lexicon.cell(r, 1).split()}
#: Heads whose own name follows with a capital (``Sở Nội vụ``, ``Ban Dân vận``, ``Phòng Văn hóa``).
_NAMED_HEADS = {r[0] for r in lexicon.table("body_words") if "head" in lexicon.cell(r, 1).split()}
ACRONYMS = set(lexicon.words("acronyms"))
_SCHOOL_TYPES = set(lexicon.words("school_types"))

#: A body's name opening with a capital (``Ban``, ``UBND``): the subject of the issuing verb.
_ORG_START = lexicon.alternation(v for w in lexicon.words("body_heads") for v in (w[:1].upper() + w[1:], w.upper()))
_BODY_VERB = re.compile(
    r"(?:^|[,.;:]\s+|\)\s+)(" + _ORG_START + r"[^,.;:()]{0,90}?)\s+"
    r"(ban\s+hành|xây\s+dựng\s+(?:kế\s+hoạch|chương\s+trình|hướng\s+dẫn)|hướng\s+dẫn|đề\s+nghị|thông\s+báo|"
    r"yêu\s+cầu|triển\s+khai|quyết\s+định|báo\s+cáo|kính\s+đề\s+nghị)\b")
_SELF_KINDS = {match_key(r[0]): lexicon.cell(r, 1) for r in lexicon.table("document_kinds")
               if lexicon.cell(r, 1) not in ("other", "registration_form", "official_letter")
               and lexicon.cell(r, 3) == "both"}
_SELF_KIND = re.compile(r"(?:Trên\s+đây\s+là|ban\s+hành|xây\s+dựng)\s+(" + lexicon.alternation(_SELF_KINDS) + r")", re.I)


def _loc(line) -> dict:
    return line.location.to_dict()


# --------------------------------------------------------------------------- readable case


def readable_case(text: str) -> str:
    """``UBND PHƯỜNG MỸ PHƯỚC`` → ``UBND phường Mỹ Phước``; text already in mixed case is kept."""
    text = _clean(text)
    if not is_upper_line(text):
        return text
    words = text.split(" ")
    out: list[str] = []
    i = 0
    proper = False
    name_next = in_name = False
    while i < len(words):
        # longest lexicon phrase first
        hit = None
        for n in range(min(_LEX_MAX, len(words) - i), 0, -1):
            key = match_key(" ".join(words[i:i + n]))
            if i and f"{match_key(words[i - 1])} {key.split()[0]}" in _SPLIT_COMPOUNDS:
                break  # "MÔI TRƯỜNG": the second syllable of a word, not a body's head ("Trường")
            if key in LEXICON and (i == 0 or key not in _OPENING_ONLY):
                hit = (n, LEXICON[key])
                break
            if n <= 2 and key in _LEVEL_KEYS:
                hit = (n, (key, True))
                break
        if hit:
            n, (canon, after_proper) = hit
            if canon in _LEVEL_KEYS:
                canon = " ".join(words[i:i + n]).lower()
            out.append(canon)
            proper = after_proper
            name_next = canon in _NAMED_HEADS
            in_name = False
            i += n
            continue
        word = words[i]
        bare = word.strip(",.;:()")
        if bare.upper() in ACRONYMS or (len(bare) <= 6 and not re.search(r"[AEIOUYĂÂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ"
                                                                            r"ẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ]", bare)):
            out.append(word)
            if bare.upper() in _SCHOOL_TYPES:
                proper = True  # "TRƯỜNG THPT BẾN CÁT": the school's name follows its type
        elif proper or not out or name_next:
            out.append(word[:1] + word[1:].lower())
        else:
            out.append(word.lower())
        # "Phòng Giáo dục và Đào tạo": each part of a department's name keeps its capital
        was_name = in_name or name_next
        in_name = was_name and word.lower() != "và"
        name_next = was_name and word.lower() == "và"
        i += 1
    result = " ".join(out)
    return result[:1].upper() + result[1:]


# --------------------------------------------------------------------------- main entry


def extract_metadata(doc: Document, warnings: list[str]) -> DocumentMeta:
    """Everything the header, title and signature block say about the document (read from its structure)."""
    meta = DocumentMeta()
    st = structure_of(doc)
    lines = [ln for ln in st.lines if ln.text.strip()]
    if not lines:
        return meta
    title = st.title
    signature = st.signature
    attached_form = False
    if title is not None and title.kind == "registration_form":
        closers = [k for k, ln in enumerate(st.lines[: title.index])
                   if re.match(r"\s*Nơi\s+nhận", _clean(ln.text), re.I) or authority_of(_clean(ln.text))]
        if signature is not None and signature.end < title.index:
            closers.append(signature.start)
        # a signed (or addressed) body before the form: the form is an attachment
        attached_form = bool(closers) and any(len(ln.text) > 80 and not is_upper_line(ln.text)
                                              for ln in st.lines[: min(closers)])
    header = st.header
    head_end = title.index if title is not None and not attached_form else st.header_end

    # number
    if header.number_raw is not None:
        meta.number_raw = header.number_raw
        meta.number = header.number
        meta.location["number"] = header.number_location.to_dict() if header.number_location else {"page": None}

    # kind
    kind, kind_loc = _kind(st, attached_form, meta)
    meta.kind = kind
    if kind_loc is not None:
        meta.location["kind"] = kind_loc.to_dict()

    # place and date: the header's line; a registration form's footer line
    if header.place:
        meta.place, meta.issued_on = header.place, header.issued_on
        meta.location["issued_on"] = meta.location["place"] = (header.date_location or Location()).to_dict()
    elif kind == "registration_form":
        for line in reversed(st.lines[-15:]):
            text = _clean(line.text)
            m = PLACE_DATE.search(text)
            if not m or len(text) - m.end() > 20:
                continue
            place = _place_from(m.group(1))
            if not place:
                continue
            meta.place = place
            meta.issued_on = tail_date(m.groups()[1:])
            meta.location["issued_on"] = meta.location["place"] = _loc(line)
            break

    # title and subject
    if title is not None and not attached_form and title.text:
        meta.title = title.text
        meta.location["title"] = title.location.to_dict()
    if header.subject:
        meta.subject = header.subject
        meta.location["subject"] = (header.subject_location or Location()).to_dict()
        if meta.title is None:
            meta.title = meta.subject
        if meta.kind == "other":
            meta.kind = "official_letter"

    # signer
    if signature is not None:
        name = RANK.sub("", _clean(signature.name))
        if is_upper_line(name):
            name = " ".join(w.capitalize() for w in name.split())  # NGUYỄN THỊ MỸ → Nguyễn Thị Mỹ
        meta.signer = Signer(name=name, title=_signer_title(signature.titles) if signature.titles else None)
        meta.location["signer"] = signature.location.to_dict()

    # issuer
    issuer, issuer_loc, source = _issuer(st, lines, head_end, meta)
    if issuer and (meta.kind != "registration_form" or source == "header"):
        meta.issuer = issuer
        if issuer_loc is not None:
            meta.location["issuer"] = issuer_loc.to_dict()
    else:
        source = None

    if meta.kind == "registration_form":
        _unit(lines, meta, doc, warnings, head_end)
    _judge(meta, st, source, kind_loc is not None)
    return meta


def _judge(meta: DocumentMeta, st: Structure, issuer_source: Optional[str], kind_from_heading: bool) -> None:
    """Per-field confidence and review reasons (see :mod:`.doubt`): where each value came from, what is blank."""
    header = st.header
    head_ocr = min((p.confidence for p in header.lines if p.confidence is not None), default=None)
    number = Doubt(0.95 if meta.number else 0.8)
    number.add(header.number_raw is not None and meta.number is None, NUMBER_BLANK, 0.3)
    number.ocr(head_ocr if meta.number else None)
    set_field(meta, "number", number)
    date = Doubt(0.95 if meta.issued_on else 0.8)
    date.add(meta.place is not None and meta.issued_on is None, DATE_BLANK, 0.3)
    date.ocr(head_ocr if meta.issued_on else None)
    set_field(meta, "issued_on", date)
    place = Doubt(0.95)
    place.add(meta.place is None and meta.kind != "registration_form", PLACE_MISSING, 0.35)
    set_field(meta, "place", place.ocr(head_ocr if meta.place else None))
    issuer = Doubt(0.95)
    issuer.add(meta.issuer is None and meta.kind != "registration_form", ISSUER_MISSING, 0.9)  # a form has a unit
    issuer.add(issuer_source == "number", ISSUER_FROM_NUMBER, 0.3)
    issuer.add(issuer_source == "body", ISSUER_FROM_BODY, 0.3)
    issuer.add(issuer_source == "signature", ISSUER_FROM_SIGNATURE, 0.3)
    issuer.ocr(head_ocr if issuer_source == "header" else None)
    set_field(meta, "issuer", issuer)
    kind = Doubt(0.95)
    kind.add(meta.kind == "other" and not kind_from_heading, KIND_UNKNOWN, 0.4)
    kind.add(meta.kind != "other" and not kind_from_heading, KIND_GUESSED, 0.25)
    set_field(meta, "kind", kind)
    signer = Doubt(0.9)
    signer.add(meta.signer.name is None and meta.kind != "registration_form", SIGNER_MISSING, 0.6)
    signer.add(meta.signer.name is not None and meta.signer.title is None, SIGNER_WITHOUT_TITLE, 0.3)
    set_field(meta, "signer", signer)
    if meta.kind == "registration_form":
        unit = Doubt(0.9)
        unit.add(meta.unit is None, UNIT_MISSING, 0.8)
        unit.add(meta.unit_source == "footer", UNIT_FROM_FOOTER, 0.1)
        unit.add(meta.unit_source == "signature", UNIT_FROM_SIGNATURE, 0.3)
        unit.add(meta.unit_source == "filename", UNIT_GUESSED, 0.5)
        set_field(meta, "unit", unit)


# --------------------------------------------------------------------------- pieces


def _kind(st: Structure, attached_form: bool, meta: DocumentMeta) -> tuple[str, Optional[Location]]:
    title = st.title
    if st.header.subject and (title is None or title.index > st.header_end + 2):
        return "official_letter", st.header.subject_location  # a "V/v" subject in the header: a letter
    if title is not None and not attached_form:
        return title.kind, title.location
    end = st.signature.start if st.signature is not None else len(st.lines)
    body = " ".join(_clean(ln.text) for ln in st.lines[:end])
    m = _SELF_KIND.search(body)
    if m:
        return _SELF_KINDS.get(match_key(re.sub(r"\s+", " ", m.group(1))), "other"), None
    if meta.number:
        abbrev = (number_type(meta.number) or "").upper()
        if abbrev in ABBREV_KIND:
            return ABBREV_KIND[abbrev], None
        if abbrev and abbrev not in TYPE_ABBREVIATIONS and not abbrev.isdigit():
            return "official_letter", None  # "123/UBND-VP": a number without a type is a letter's
    if attached_form:
        # a signed call that circulates a blank registration template launches a campaign: a plan
        return "plan", None
    return "other", None


def _place_from(before: str) -> Optional[str]:
    """The place name ending the text before ``, ngày``: its trailing capitalised words."""
    before = re.sub(r"^.*\bSố\s*:?", " ", before)
    before = NUMBER_RE.sub(" ", before)
    before = re.sub(r"^\s*\d*\s*[/-]\S*", " ", before)
    words = before.split()
    picked: list[str] = []
    for word in reversed(words):
        if re.search(r"/|^[A-ZĐ]+-[A-ZĐ]", word):
            break
        if word[:1].isupper() or re.fullmatch(r"(TP|Tp|tp)\.?", word):
            picked.append(word)
        elif picked and word.lower() in _LEVEL_PARTS:
            picked.append(word)
        else:
            break
        if len(picked) >= 6:
            break
    place = " ".join(reversed(picked)).strip(" ,.:*")
    if not place or is_upper_line(place) and len(place.split()) > 4:
        return None
    return place


def _signer_title(titles: list[str]) -> Optional[str]:
    """``T/M ĐẢNG ỦY`` + ``PHÓ BÍ THƯ THƯỜNG TRỰC`` → ``Phó Bí thư Thường trực`` (the authority line is dropped)."""
    titles = [t.upper() if not is_upper_line(t) and mostly_upper(t) else t for t in titles]
    kept = [t for t in titles if not authority_of(t)]
    if not kept:
        m = authority_of(titles[-1])
        kept = [titles[-1][m.end():] if m else titles[-1]]
    return " ".join(readable_case(t) if is_upper_line(t) else t for t in kept) or None


def _issuer(st: Structure, lines: list[Line], head_end: int,
            meta: DocumentMeta) -> tuple[Optional[str], Optional[Location], Optional[str]]:
    """(issuer, where, source: header | number | body | signature). The header's issuer chain first; else the number's body
    abbreviation with the level and place named in the text; else the body's own verb phrase in the
    opening paragraphs; else the signature's collective body (``T/M ĐẢNG ỦY``)."""
    block = [p.text for p in st.header.issuer_lines]
    if block:
        composed = compose_issuer(block)
        if composed:
            return readable_case(composed), st.header.issuer_lines[-1].location, "header"
    flat = " ".join(_clean(ln.text) for ln in lines)
    if meta.number and meta.place:
        body = meta.number.split("-")[-1].split("/")[-1].upper()
        if body in ABBREV_BODY:
            lm = re.search(r"\b(" + "|".join(LEVELS) + r")\s+" + re.escape(meta.place) + r"\b", flat, re.I)
            if lm:
                return f"{ABBREV_BODY[body]} {lm.group(1).lower()} {meta.place}", None, "number"
    opening = [p for p in st.text_paragraphs() if p.region == "body"][:8]
    for para in opening:
        for m in _BODY_VERB.finditer(para.text):
            cand = _clean(m.group(1))
            if 1 <= len(cand.split()) <= 14:
                return cand, para.location_at(m.start(1)), "body"
    for line in reversed(lines):
        m = authority_of(_clean(line.text))
        if m and re.sub(r"[.\s]", "", m.group(1)).upper() in ("T/M", "TM"):
            return readable_case(_clean(line.text)[m.end():]), line.location, "signature"
    return None, None, None


#: A body named after its level word: ``HUYỆN ỦY TAM NÔNG``, ``TỈNH ĐOÀN QUẢNG NGÃI`` (not a place line).
_LEVEL_BODY = re.compile(r"^(?:thành|tỉnh|huyện|quận|thị|xã|phường)\s+(?:ủy|đoàn|hội)\b")
#: A collective head waiting for its organisation on the next line (``BAN CHẤP HÀNH TRUNG ƯƠNG`` /
#: ``ĐOÀN TNCS HỒ CHÍ MINH``).
_OPEN_HEAD = re.compile("^" + lexicon.pattern("open_heads") + "$")
#: Bodies that are a part of a larger one and carry no place of their own.
_SUB_BODY = re.compile("^" + lexicon.pattern("sub_bodies") + r"\b")
_DEPARTMENT = re.compile("^" + lexicon.pattern("departments") + r"\b")
_LEVEL_WORD = re.compile(r"\b" + lexicon.pattern("levels") + r"\s+\S")
#: Words that open the name of a body (a line starting with one is a body of its own, not a wrapped tail);
#: a level word opens a place line or a level body.
_BODY_HEAD = re.compile("^(?:" + lexicon.pattern("body_heads") + "|" + lexicon.alternation(
    w.split()[0] for w in lexicon.words("levels")) + r")\b")
#: A second body inside one capitals line (``UBND XÃ NGHĨA LÂM TRUNG TÂM PVHCC``, a cell read as one line).
_INNER_HEAD = re.compile(r"\s(?=" + lexicon.pattern("body_heads") + r"\s)")


#: Words a narrow column may break after their first syllable, the second opening a body's name (``MÔI`` /
#: ``TRƯỜNG``).
_SPLIT_COMPOUNDS = lexicon.keys("split_compounds")


def _is_wrapped_tail(key: str, prev_key: str) -> bool:
    """Does the header line ``key`` continue the body named on the line above?

    A narrow column wraps names anywhere: ``ỦY BAN NHÂN`` / ``DÂN`` / ``THÀNH PHỐ HỒ CHÍ MINH``, ``ỦY BAN
    THƯỜNG VỤ`` / ``QUỐC HỘI``, ``TỔ XUNG KÍCH`` / ``PCTT & TKCN``. A line that opens no body of its own
    (no body word, no level word first) continues the line above; so does a line opening on a conjunction
    (``VÀ DU LỊCH``), any line under one ending on a comma or conjunction, a ``KHU VỰC …`` qualifier under a
    body that names no place, a board's name wrapped under ``BAN …``, and a word broken over the two lines
    (``SỞ NÔNG NGHIỆP VÀ MÔI`` / ``TRƯỜNG``) or a lone body word (nothing named after it) under a name with no place."""
    if prev_key.split() and key.split() and f"{prev_key.split()[-1]} {key.split()[0]}" in _SPLIT_COMPOUNDS:
        return True
    if len(key.split()) == 1 and _BODY_HEAD.match(key) and not _names_place(prev_key):
        return True
    if re.match(r"^(?:và|&)\s", key) or re.search(r"(?:,|\s(?:và|&|-))$", prev_key):
        return True
    if re.match(r"^khu vực\s", key) and _BODY_HEAD.match(prev_key) and not _names_place(prev_key):
        return True
    if (not _BODY_HEAD.match(key) and re.match(r"^ban\s", prev_key) and not _names_place(prev_key)
            and len(key.split()) <= 6 and not re.match(r"^(?:v/v|số)\b", key)):
        return True  # "BAN QUẢN LÝ DỰ ÁN" / "ĐẦU TƯ XÂY DỰNG KHU VỰC": a board's name wrapped
    return not _BODY_HEAD.match(key) and not re.match(r"^(?:v/v|số)\b", key)


def _is_place_line(key: str) -> bool:
    """``PHƯỜNG PHỔ MINH``, ``THỊ XÃ BUÔN HỒ``: the level and place completing the line above."""
    return bool(re.match("^" + lexicon.pattern("levels") + r"\b", key)) and not _LEVEL_BODY.match(key)


def _names_place(key: str) -> bool:
    """The line names its own level and place (``UBND PHƯỜNG MỸ PHƯỚC``, ``HUYỆN ỦY TAM NÔNG``) or the
    national level (``TRUNG ƯƠNG``)."""
    if _LEVEL_BODY.search(key) or "trung ương" in key or re.search(r"\bkhu vực\s+[^\d\s]", key):
        return True  # "… KHU VỰC HƯƠNG SƠN": a regional body names its own area
    return any(not _LEVEL_BODY.match(key[m.start():]) for m in _LEVEL_WORD.finditer(key))


def _split_inner_bodies(text: str) -> list[str]:
    """``UBND XÃ NGHĨA LÂM TRUNG TÂM PVHCC`` → the superior and the issuer: a line naming a place and then
    opening another body holds two lines of the block (a reader joined a cell's lines)."""
    key = match_key(text)
    for m in _INNER_HEAD.finditer(key):
        head = key[:m.start()]
        if (_LEVEL_WORD.search(head) or _LEVEL_BODY.search(head)) and not _OPEN_HEAD.match(head):
            return [text[:m.start()].strip(), *_split_inner_bodies(text[m.end():].strip())]
    return [text]


def compose_issuer(block: list[str]) -> str:
    """The issuer from the header block's lines (the superior first, the issuer last).

    Lines that continue a name are joined first (``ỦY BAN NHÂN DÂN`` + ``PHƯỜNG PHỔ MINH``;
    ``BAN CHẤP HÀNH TRUNG ƯƠNG`` + ``ĐOÀN TNCS HỒ CHÍ MINH``). The last body is the issuer when it
    names its own place (``HUYỆN ỦY TAM NÔNG`` under ``ĐẢNG BỘ TỈNH ĐỒNG THÁP``); a part of a body
    without one (``BAN DÂN VẬN``, ``BAN THƯỜNG TRỰC``, ``SỞ NỘI VỤ``) takes its parent's name after it."""
    units: list[str] = []
    for text in (_clean(t) for t in block):
        if not text:
            continue
        key = match_key(text)
        if units and (_is_place_line(key) or _OPEN_HEAD.match(match_key(units[-1]))
                      or _is_wrapped_tail(key, match_key(units[-1]))):
            units[-1] = f"{units[-1]} {text}"
        else:
            units.append(text)
    units = [part for unit in units for part in _split_inner_bodies(unit)]
    if not units:
        return ""
    last = units[-1]
    key = match_key(last)
    if len(units) > 1 and _SUB_BODY.match(key) and not _names_place(key):
        parent = units[-2]
        if _DEPARTMENT.match(key):
            # a department of the People's Committee: "Sở Nội vụ tỉnh Quảng Ngãi"
            parent = re.sub(r"^(?:UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân)\s+", "", parent, flags=re.I)
        return f"{last} {parent}"
    return last


def _unit(lines: list[Line], meta: DocumentMeta, doc: Document, warnings: list[str], head_end: int) -> None:
    """A form's filling unit: header ``Đơn vị:``, else footer, else signature, else file name."""
    found: list[tuple[str, Line, str]] = []
    for idx, line in enumerate(lines):
        m = UNIT_LINE.search(_clean(line.text))
        if not m:
            continue
        value = re.sub(r"\(.*?\)", "", m.group(1))
        value = re.sub(r"[.…_·]{2,}.*$", "", value).strip(" .…_:;-")
        where = "header" if idx <= max(head_end, 3) else "footer"
        if value and re.search(r"[^\W\d_]{2,}", value):
            found.append((value, line, where))
    if found:
        found.sort(key=lambda f: 0 if f[2] == "header" else 1)
        value, line, where = found[0]
        meta.unit, meta.unit_source = value, where
        meta.location["unit"] = _loc(line)
        if where == "footer":
            warnings.append("metadata: unit taken from the footer 'Đơn vị:' line (the header has none)")
        return
    title = meta.signer.title or ""
    tm = re.search(r"(Chi bộ|Công an|Hội|Đoàn|Ban|Khối|Tổ)\b.*$", title)
    if meta.signer.title and tm and len(tm.group(0).split()) >= 2:
        meta.unit, meta.unit_source = tm.group(0), "signature"
        warnings.append(f"metadata: 'Đơn vị:' is blank; unit '{meta.unit}' taken from the signature title")
        return
    if any(re.search(r"(?:^|\|)\s*Đơn\s+vị\s*(?:\||$)", _clean(ln.text), re.I) for ln in lines):
        warnings.append("metadata: consolidated list (a 'Đơn vị' column); no single unit")
        return
    stem = Path(doc.path).stem
    fm = re.match(r"(?:dang[-_ ]?ky|dk|form)[-_ ]+(.+)$", stem, re.I)
    if fm and len(fm.group(1)) > 2:
        meta.unit, meta.unit_source = fm.group(1).replace("-", " ").replace("_", " "), "filename"
        warnings.append(f"metadata: 'Đơn vị:' is blank; unit '{meta.unit}' guessed from the file name")
        return
    warnings.append("metadata: registration form without a filled 'Đơn vị:' line; unit unknown")
