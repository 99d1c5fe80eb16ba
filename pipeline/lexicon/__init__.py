"""Every word list the rules use, defined once, as readable UTF-8 data files beside this module.

Why data: adding a document kind, a body or a trigger word must not mean editing rule code, and a
word list written in two modules drifts apart. The rule modules ask for a list by its section name.

File format (``*.txt`` here)::

    # a comment
    [section_name]          # a list: one entry per line
    trước
    chậm nhất
    [other_section]         # a table: cells separated by " | " (trailing cells may be empty)
    Kế hoạch | plan | KH

Section names are unique across all files (the loader refuses a repeated one). Entries are
normalized once — NFC and the new tone-mark style (``uỷ`` → ``ủy``) through
:func:`pipeline.textnorm.new_style_tones` — and cached; case is kept as written (display forms).

API
---
``words(name)``          entries (first cell of each line), as written
``keys(name)``           their :func:`~pipeline.textnorm.match_key` forms (a frozenset, for lookups)
``table(name)``          every line as a tuple of cells (missing trailing cells are ``""``)
``mapping(name)``        first cell → second cell
``pattern(name)``        a regex alternation of the entries, longest first, that accepts either tone-mark
                         style and any run of spaces between words (compile it with ``re.I`` for case)
``alternation(words)``   the same for any iterable of words
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Iterable

from ..textnorm import match_key, new_style_tones

DATA = Path(__file__).resolve().parent
_HEADER = re.compile(r"^\[([a-z0-9_]+)\]\s*(?:#.*)?$")


class LexiconError(ValueError):
    """A data file breaks the format (a repeated section, a line outside any section)."""


def _sections() -> dict[str, tuple[tuple[str, ...], ...]]:
    return load(DATA)


@functools.lru_cache(maxsize=4)
def load(directory: Path) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Every section of the ``*.txt`` files of ``directory`` (the package's own data by default)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    where: dict[str, str] = {}
    for path in sorted(Path(directory).glob("*.txt")):
        current = None
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            head = _HEADER.match(line)
            if head:
                current = head.group(1)
                if current in out:
                    raise LexiconError(f"{path.name}:{number}: section [{current}] already defined in {where[current]}")
                out[current] = []
                where[current] = path.name
                continue
            if current is None:
                raise LexiconError(f"{path.name}:{number}: entry outside any [section]")
            cells = tuple(new_style_tones(c.strip()) for c in line.split(" | "))
            out[current].append(cells)
    return {name: tuple(rows) for name, rows in out.items()}


def sections() -> tuple[str, ...]:
    """Every section name (for tests and for listing what the lexicon holds)."""
    return tuple(_sections())


def table(name: str) -> tuple[tuple[str, ...], ...]:
    """All lines of a section, as tuples of cells."""
    try:
        return _sections()[name]
    except KeyError:
        raise KeyError(f"no lexicon section [{name}]") from None


def cell(row: tuple[str, ...], index: int) -> str:
    """A row's cell, ``""`` when the line left it out."""
    return row[index] if index < len(row) else ""


@functools.lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    return tuple(row[0] for row in table(name))


@functools.lru_cache(maxsize=None)
def keys(name: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in words(name))


@functools.lru_cache(maxsize=None)
def mapping(name: str) -> dict[str, str]:
    return {row[0]: cell(row, 1) for row in table(name)}


def _tone_variants() -> dict[str, str]:
    """New-style syllable-final diphthong (``òa``, ``ủy``) → a class accepting the old style too."""
    from ..textnorm import _OLD_TO_NEW  # the one table of tone placements

    return {new: old for old, new in _OLD_TO_NEW.items()}


@functools.lru_cache(maxsize=4096)
def word_regex(word: str) -> str:
    """A regex for one entry: either tone-mark style, any whitespace between words, any dash, literal otherwise."""
    variants = _tone_variants()
    out: list[str] = []
    i = 0
    text = new_style_tones(word)
    while i < len(text):
        dash = re.match(r"\s*[-‐-―]\s*", text[i:])
        if dash and dash.group().strip():
            out.append(r"\s*[-‐-―]\s*")  # "Độc lập - Tự do", "Độc lập–Tự do"
            i += dash.end()
            continue
        pair = text[i:i + 2]
        if pair in variants:
            out.append(f"(?:{re.escape(pair)}|{re.escape(variants[pair])})")
            i += 2
            continue
        ch = text[i]
        out.append(r"\s+" if ch == " " else re.escape(ch))
        i += 1
    return "".join(out)


def alternation(entries: Iterable[str]) -> str:
    """``(?:a|b|…)`` of the entries, longest first (so ``chậm nhất là`` wins over ``chậm nhất``)."""
    uniq = sorted({e for e in entries if e}, key=lambda e: (-len(e), e))
    return "(?:" + "|".join(word_regex(e) for e in uniq) + ")"


@functools.lru_cache(maxsize=None)
def pattern(name: str) -> str:
    return alternation(words(name))
