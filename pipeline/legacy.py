"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI-Windows) to Unicode, and a detector.

Why: offices still receive text typed in the 1990s fonts (.VnTime = TCVN3, VNI-Times = VNI).
Saved as plain text, those bytes look like ``Céng hßa x· héi`` or ``Coäng hoøa xaõ hoäi`` when read
as Latin-1. Both encodings map each font glyph to a Latin-1 code point, so conversion works on
characters (``ord(ch) <= 0xFF``): it applies equally to raw bytes decoded as Latin-1 and to
mojibake already pasted into a UTF-8 file.

TCVN3 has no code points for capital letters with a tone mark (the ``.VnTimeH`` fonts draw the
lowercase codes as capitals), so such capitals come back lowercase; :func:`tcvn3_to_unicode`
restores the case inside words that are otherwise written in capitals.

The encoders (:func:`unicode_to_tcvn3`, :func:`unicode_to_vni`) exist to measure the decoders on
real text and to build test files.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# --------------------------------------------------------------------------- TCVN3 (ABC)

_TCVN3_LOWER = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "đ": 0xAE,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}
_TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}

_TCVN3_DECODE = {chr(code): ch for ch, code in {**_TCVN3_LOWER, **_TCVN3_UPPER}.items()}
_TCVN3_ENCODE = {ch: chr(code) for ch, code in {**_TCVN3_LOWER, **_TCVN3_UPPER}.items()}
for _ch, _code in _TCVN3_LOWER.items():  # toned capitals share the lowercase codes
    _TCVN3_ENCODE.setdefault(_ch.upper(), chr(_code))

# --------------------------------------------------------------------------- VNI-Windows

# Base letter followed by a modifier glyph; the modifier's case follows the base's case.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRC = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Single glyphs: horn vowels, đ, and the i/ỵ family (VNI gives them one code each).
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    decode: dict[str, str] = {}
    for mods, bases, mark in ((_VNI_TONES, "aeouy", ""), (_VNI_CIRC, "aeo", "\u0302"),
                              (_VNI_BREVE, "a", "\u0306")):
        for mod, tone in mods.items():
            for base in bases:
                composed = unicodedata.normalize("NFC", base + mark + tone)
                for b, m in ((base, mod), (base.upper(), mod.upper()), (base.upper(), mod)):
                    decode.setdefault(b + m, composed.upper() if b.isupper() else composed)
    for mod, tone in _VNI_TONES.items():  # ơ/ư with a tone: horn glyph + tone glyph
        for horn_glyph, horn in (("ô", "ơ"), ("ö", "ư")):
            composed = unicodedata.normalize("NFC", horn + tone)
            decode[horn_glyph + mod] = composed
            decode[horn_glyph.upper() + mod.upper()] = composed.upper()
            decode[horn_glyph.upper() + mod] = composed.upper()
    for glyph, ch in _VNI_SINGLE.items():
        decode[glyph] = ch
        decode[glyph.upper()] = ch.upper()
    encode: dict[str, str] = {}
    for seq, ch in decode.items():
        lower_form = seq == seq.lower() or ch.isupper() and seq == seq.upper()
        if lower_form:
            encode.setdefault(ch, seq)
    return decode, encode


_VNI_DECODE, _VNI_ENCODE = _build_vni()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, _VNI_DECODE), key=len, reverse=True)))

# --------------------------------------------------------------------------- conversion


def tcvn3_to_unicode(text: str) -> str:
    """TCVN3 glyph codes (as Latin-1 characters) to Unicode; capitals restored within capital words."""
    out = "".join(_TCVN3_DECODE.get(ch, ch) for ch in text)
    return _restore_caps(out)


def vni_to_unicode(text: str) -> str:
    """VNI-Windows glyph sequences (as Latin-1 characters) to Unicode NFC."""
    return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: _VNI_DECODE[m.group(0)], text))


def unicode_to_tcvn3(text: str) -> str:
    """Unicode to TCVN3 glyph codes (Latin-1 characters); ``.encode('latin-1')`` gives the file bytes."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TCVN3_ENCODE.get(ch, ch) for ch in text)


def unicode_to_vni(text: str) -> str:
    """Unicode to VNI-Windows glyph sequences (Latin-1 characters)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_VNI_ENCODE.get(ch, ch) for ch in text)


_WORD = re.compile(r"[^\W\d_]+")


def _restore_caps(text: str) -> str:
    """``KÕ HO¹CH`` decodes to ``Kế HOạCH``: letters inside capital words or lines become capitals.

    TCVN3 has no capitals with tone marks, so the decision is made per column segment (a run of 3+
    spaces or a tab separates the two columns of a header or signature line, which often mix a
    capitals block with ordinary text), and a toned letter opening a sentence is capitalised.
    """
    out = []
    for line in text.split("\n"):
        parts = _COLUMN_GAP.split(line)
        fixed = []
        for i, part in enumerate(parts):
            if i % 2:  # the gap itself
                fixed.append(part)
                continue
            ascii_letters = [c for c in part if c.isascii() and c.isalpha()]
            capital = len(ascii_letters) >= 3 and sum(c.isupper() for c in ascii_letters) >= 0.85 * len(ascii_letters)
            part = _WORD.sub(lambda m, cap=capital: _upper_word(m.group(0), cap), part)
            fixed.append(_SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), part))
        out.append("".join(fixed))
    return "\n".join(out)


_COLUMN_GAP = re.compile(r"( {3,}|\t+)")
# A toned lower-case letter that opens a segment or follows ". " / "- " / "+ ": TCVN3 could not write it as a
# capital, so "ủy ban nhân dân" at the start of a sentence was "Ủy ban nhân dân" in the original.
_SENTENCE_START = re.compile(
    "(^\\s*(?:[-+•]\\s+)?|[.!?:]\\s+)([" + "".join(sorted(set("ảãạằẳẵặắấầẩẫậẻẽẹèéếềểễệỉĩịìíỏõọòóốồổỗộớờởỡợủũụùúứừửữựỳỷỹỵý"))) + "])"
)


def _upper_word(word: str, capital_line: bool) -> str:
    if not any(c in _TCVN3_LOWER_CHARS for c in word) or any(c.isascii() and c.islower() for c in word):
        return word
    if capital_line:
        return word.upper()
    uppers = [i for i, c in enumerate(word) if c.isupper()]
    if len(uppers) >= 2 or (uppers and uppers[-1] > 0):
        return word.upper()
    return word


_TCVN3_LOWER_CHARS = frozenset(_TCVN3_LOWER)

# --------------------------------------------------------------------------- detection

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi "
    "ưu ươ yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu ưo"
).split()
_CODA = r"(?:ch|ng|nh|[cmnpt])?"
_SYLLABLE = re.compile(f"^{_ONSET}(?:{'|'.join(sorted(_NUCLEI, key=len, reverse=True))}){_CODA}$")
_VIET_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")


@functools.lru_cache(maxsize=8192)  # the same few thousand words fill every document
def is_vietnamese_syllable(word: str) -> bool:
    """A loose phonotactic check: onset + vowel nucleus + coda, at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tones = sum(1 for c in decomposed if c in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    if any(unicodedata.normalize("NFD", c)[0] not in _VIET_LETTERS for c in bare):
        return False
    return bool(_SYLLABLE.match(bare))


def vietnamese_score(text: str, limit: int = 20000) -> float:
    """How Vietnamese a text reads: valid accented syllables minus invalid non-ASCII words, per word.

    Only words with a non-ASCII letter count (ASCII words are the same in every candidate decoding).
    """
    good = bad = 0
    for m in _WORD.finditer(text[:limit]):
        word = m.group(0)
        if word.isascii():
            continue
        if is_vietnamese_syllable(word):
            good += 1
        else:
            bad += 1
    total = good + bad
    return (good - 2 * bad) / total if total else 0.0


def non_ascii_words(text: str, limit: int = 20000) -> int:
    return sum(1 for m in _WORD.finditer(text[:limit]) if not m.group(0).isascii())


_CP1252_BYTES = {bytes((b,)).decode("cp1252"): b for b in range(0x80, 0xA0)
                 if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _undo_double_utf8(text: str) -> str:
    """``Cá»™ng hÃ²a`` is UTF-8 read as Windows-1252 and saved again: encode back and decode right.

    Windows keeps the five bytes cp1252 leaves undefined as U+0081 … U+009D, so those map back too.
    """
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 0x100:
            out.append(code)
        elif ch in _CP1252_BYTES:
            out.append(_CP1252_BYTES[ch])
        else:
            return text
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return text


SAMPLE_CHARS = 20000


def convert_legacy(text: str) -> tuple[str, str | None]:
    """Convert text that is TCVN3 or VNI (or doubly encoded UTF-8) mojibake.

    Returns (text, 'tcvn3'|'vni'|'mojibake'|None).

    Only characters up to U+00FF are legacy glyphs; the conversion is kept only when it reads
    clearly more Vietnamese than the input.
    """
    if non_ascii_words(text) < 3:
        return text, None
    # Decide on a sample (scores only look at the start), then convert the whole text once.
    sample = text[:SAMPLE_CHARS]
    best_name, best_score = None, vietnamese_score(sample)
    if best_score >= 0.8:  # no decoding can beat it by 0.2 (scores are at most 1): skip trying them
        return text, None
    for name, fn in (("tcvn3", tcvn3_to_unicode), ("vni", vni_to_unicode), ("mojibake", _undo_double_utf8)):
        score = vietnamese_score(fn(sample))
        if score > best_score + 0.2 and score >= 0.3:
            best_name, best_score = name, score
    if best_name is None:
        return text, None
    return _CONVERTERS[best_name](text), best_name


_CONVERTERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode, "mojibake": _undo_double_utf8}


def describe(name: str) -> str:
    """Words for a warning about what was converted."""
    return "doubly encoded UTF-8 text repaired" if name == "mojibake" else \
        f"legacy {name.upper()} text converted to Unicode"


def fix_document(doc) -> str | None:  # type: ignore[no-untyped-def]
    """Convert legacy-font text (.VnTime, VNI-Times) inside a PDF/DOCX/XLSX Document, block by block.

    Why per block: a document may mix Unicode paragraphs with ones typed in an old font, and
    converting Unicode text would damage it (``á`` is a TCVN3 code). A block is converted when that
    reads more Vietnamese; short blocks follow the document's majority. Returns the encoding found.
    """
    from .model import Paragraph, Table

    holders: list[tuple[object, str]] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            holders.append((block, block.text))
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    holders.append((cell, cell.text))
    sample = "\n".join(text for _, text in holders)[:40000]
    _, doc_name = convert_legacy(sample)
    if doc_name is None:
        return None
    convert = _CONVERTERS[doc_name]
    changed = 0
    for holder, text in holders:
        new, name = convert_legacy(text)
        if name is None and non_ascii_words(text) < 3:
            candidate = convert(text)
            if candidate != text and vietnamese_score(candidate) >= vietnamese_score(text):
                new = candidate
        if new != text:
            holder.text = new  # type: ignore[attr-defined]
            changed += 1
    if changed:
        doc.warnings.append(f"{describe(doc_name)} ({changed} blocks; written in a legacy font or code page)")
        doc.encoding = doc.encoding or doc_name
    return doc_name
