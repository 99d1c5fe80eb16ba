"""Vietnamese text normalization: NFC for storage, a tone-mark-folded key for matching.

Why two forms: reviewers must see the text as written (``Đảng uỷ``), but rules and joins must
treat ``uỷ``/``ủy`` and ``hoà``/``hòa`` as the same word. ``nfc`` keeps the display text;
``match_key`` is only ever used for comparing.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# Old-style ("hoà", "uỷ") -> new-style ("hòa", "ủy") tone placement, for the diphthongs
# oa, oe, uy at the end of a syllable. "hoàn", "toàn", "khoẻo" are left alone: the vowel is
# not syllable-final there, and both styles put the mark on the same letter.
_TONES = {
    "\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot",
}


def _build_old_to_new() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for upper_first in (False, True):
            for upper_second in (False, True):
                f = first.upper() if upper_first else first
                s = second.upper() if upper_second else second
                for mark in _TONES:
                    old = unicodedata.normalize("NFC", f + s + mark)
                    new = unicodedata.normalize("NFC", f + mark + s)
                    table[old] = new
    return table


_OLD_TO_NEW = _build_old_to_new()
_OLD_TONE_RE = re.compile(
    "(" + "|".join(sorted(map(re.escape, _OLD_TO_NEW), key=len, reverse=True)) + r")(?![^\W\d_])"
)
# Preceded by "q" the "u" is part of the consonant ("quý", "quà"): both styles agree there.
_Q_BEFORE = re.compile(r"[qQ]$")

_QUOTES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": "", "\ufeff": "",
})
_SPACES = re.compile(r"[ \t\f\v]+")


def nfc(text: str) -> str:
    """Unicode NFC, the only form we store (some PDFs give decomposed NFD text)."""
    return unicodedata.normalize("NFC", text)


def new_style_tones(text: str) -> str:
    """Move old-style tone marks to the new-style position (``hoà``→``hòa``, ``uỷ``→``ủy``)."""
    text = nfc(text)

    def repl(m: re.Match[str]) -> str:
        start = m.start(1)
        if start and _Q_BEFORE.search(text[max(0, start - 1):start]):
            return m.group(1)
        return _OLD_TO_NEW[m.group(1)]

    return _OLD_TONE_RE.sub(repl, text)


def clean_spaces(text: str) -> str:
    """Fold runs of spaces/tabs and strip each line; keep line breaks."""
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def display(text: str) -> str:
    """What we show and store: NFC, invisible characters removed, spaces folded."""
    text = nfc(text).replace("\u200b", "").replace("\ufeff", "").replace("\u00a0", " ")
    return clean_spaces(text)


@functools.lru_cache(maxsize=16384)  # rules ask for the key of the same headings and words over and over
# (pipeline.extract clears it per document)
def match_key(text: str) -> str:
    """Comparison key: NFC, new-style tones, straight quotes, ASCII dashes, casefold, one space."""
    text = new_style_tones(text).translate(_QUOTES).replace("*", "")
    return _SPACES.sub(" ", text.replace("\n", " ")).strip().casefold()


def strip_diacritics(text: str) -> str:
    """ASCII-ish fold (``Đảng ủy`` → ``dang uy``), for file names and last-resort matching."""
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
