"""Automatic list numbers of Word paragraphs (``I.``, ``1.``, ``a)``, ``-``), which python-docx omits.

Why: headings such as ``I. MỤC ĐÍCH, YÊU CẦU`` and items such as ``- Mỗi phường …`` are often Word
auto-numbering, stored in ``numbering.xml``, not in the paragraph text. Extraction relies on those
labels (section structure, list items), so we render them the way Word displays them.
"""
from __future__ import annotations

from typing import Any, Optional

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLETS = "-+–•*o▪"


def _val(el: Any, path: str) -> Optional[str]:
    found = el.find(path)
    return None if found is None else found.get(f"{_W}val")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter after z: a … z, aa … zz.
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Renders list labels in document order (counters advance as paragraphs are visited)."""

    def __init__(self, document: Any):
        self.levels: dict[str, dict[int, dict[str, Any]]] = {}  # numId -> ilvl -> {fmt, text, start}
        self.style_num: dict[str, tuple[str, int]] = {}  # styleId -> (numId, ilvl)
        self.counters: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part: no labels
            numbering = None
        if numbering is not None:
            self._load(numbering)
        try:
            for style in document.styles.element.iter(f"{_W}style"):
                num_id = _val(style, f"{_W}pPr/{_W}numPr/{_W}numId")
                if num_id:
                    ilvl = _val(style, f"{_W}pPr/{_W}numPr/{_W}ilvl")
                    self.style_num[style.get(f"{_W}styleId")] = (num_id, int(ilvl or 0))
        except Exception:  # noqa: BLE001
            pass

    def _load(self, numbering: Any) -> None:
        abstract: dict[str, dict[int, dict[str, Any]]] = {}
        for an in numbering.iter(f"{_W}abstractNum"):
            levels: dict[int, dict[str, Any]] = {}
            for lvl in an.iter(f"{_W}lvl"):
                try:
                    ilvl = int(lvl.get(f"{_W}ilvl") or 0)
                    start = int(_val(lvl, f"{_W}start") or 1)
                except ValueError:
                    continue
                levels[ilvl] = {"fmt": _val(lvl, f"{_W}numFmt") or "decimal",
                                "text": _val(lvl, f"{_W}lvlText") or "", "start": start}
            abstract[an.get(f"{_W}abstractNumId")] = levels
        for num in numbering.iter(f"{_W}num"):
            num_id = num.get(f"{_W}numId")
            base = abstract.get(_val(num, f"{_W}abstractNumId") or "", {})
            levels = {k: dict(v) for k, v in base.items()}
            for override in num.iter(f"{_W}lvlOverride"):
                try:
                    ilvl = int(override.get(f"{_W}ilvl") or 0)
                    start = _val(override, f"{_W}startOverride")
                    if start is not None and ilvl in levels:
                        levels[ilvl]["start"] = int(start)
                except ValueError:
                    continue
            self.levels[num_id] = levels

    def label(self, p_el: Any) -> str:
        """The label Word shows before this paragraph ('' when it is not numbered)."""
        num_id = _val(p_el, f"{_W}pPr/{_W}numPr/{_W}numId")
        ilvl_text = _val(p_el, f"{_W}pPr/{_W}numPr/{_W}ilvl")
        if num_id is None:
            style_id = _val(p_el, f"{_W}pPr/{_W}pStyle")
            if style_id in self.style_num:
                num_id, style_lvl = self.style_num[style_id]
                ilvl_text = ilvl_text or str(style_lvl)
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        try:
            ilvl = int(ilvl_text or 0)
        except ValueError:
            ilvl = 0
        levels = self.levels[num_id]
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, level["start"] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level["fmt"] == "bullet":
            text = level["text"].strip()
            return f"{text} " if text and text in _BULLETS else "- "
        text = level["text"]
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                lv = levels.get(k, {"fmt": "decimal", "start": 1})
                n = counters.get(k, lv["start"])
                text = text.replace(token, _format(n, lv["fmt"]))
        return f"{text} " if text.strip() else ""
