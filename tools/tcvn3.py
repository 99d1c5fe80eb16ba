"""Encode Unicode Vietnamese text as TCVN3 (TCVN 5712:1993 "ABC", the .VnTime fonts).

Why: offices still receive text saved from old .VnTime documents; the corpus needs one such file
so the reader's legacy decoder is exercised on real bytes. This is an *encoder*, kept in tools/
so building the corpus never depends on the pipeline's own decoder.

TCVN3 has codes for the lower-case toned vowels and for Ă Â Ê Ô Ơ Ư Đ only. Capitals with a tone
mark have no code: .VnTime users typed them with an upper-case font (.VnTimeH) on the lower-case
codes, so in a saved text file they arrive as the lower-case letter. We do the same.
Bytes 0x80-0x9F carry the Windows-1252 punctuation (curly quotes, dashes), as in those fonts.
"""
from __future__ import annotations

import unicodedata

# Byte -> Unicode for the letters (TCVN 5712:1993, VN3 / ABC table).
TCVN3_DECODE: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
_ENCODE: dict[str, int] = {ch: code for code, ch in TCVN3_DECODE.items()}
# Punctuation outside ASCII that the .VnTime fonts kept at their Windows-1252 positions.
_CP1252 = {"\u201c": 0x93, "\u201d": 0x94, "\u2018": 0x91, "\u2019": 0x92, "\u2013": 0x96, "\u2014": 0x97,
           "\u2026": 0x85, "\u2022": 0x95}


def encode_char(ch: str) -> bytes:
    """One Unicode character as TCVN3 bytes; raises ValueError for characters TCVN3 cannot hold."""
    if ord(ch) < 0x80:
        return ch.encode("ascii")
    if ch in _ENCODE:
        return bytes([_ENCODE[ch]])
    low = ch.lower()
    if low in _ENCODE:  # a toned capital: no code, typed with the upper-case font on the lower-case code
        return bytes([_ENCODE[low]])
    if ch in _CP1252:
        return bytes([_CP1252[ch]])
    if ch == "\u00a0":
        return b" "
    raise ValueError(f"character {ch!r} (U+{ord(ch):04X}) has no TCVN3 code")


def encode(text: str) -> bytes:
    """Unicode text (any normalization form) as TCVN3 bytes."""
    return b"".join(encode_char(ch) for ch in unicodedata.normalize("NFC", text))


def decode_reference(data: bytes) -> str:
    """Inverse table for the round-trip check in the build (capitals with tones come back lower-case)."""
    inverse = {v: k for k, v in _CP1252.items()}
    return "".join(TCVN3_DECODE.get(b) or inverse.get(b) or chr(b) for b in data)
