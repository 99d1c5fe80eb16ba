"""Written shapes every extractor reads: document numbers, capitals lines, plain dates, emphasis marks.

Kept apart so the structural view, metadata and references share one definition of each.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

_LETTERS = re.compile(r"[^\W\d_]")


def is_upper_line(text: str) -> bool:
    """True for a line written in capitals (headings, header blocks, signature titles)."""
    letters = _LETTERS.findall(text)
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)


def mostly_upper(text: str) -> bool:
    """At least 4 letters and at most one lower-case letter in five: a capitals line with damaged case."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.islower() for c in letters) * 5 <= len(letters)


def clean(text: str) -> str:
    """Markdown emphasis and stray spaces removed (``**K/T TRƯỞNG BAN`` → ``K/T TRƯỞNG BAN``)."""
    return re.sub(r"\s+", " ", text.replace("**", "").replace("__", "")).strip().strip("*").strip()


def strip_marks(text: str) -> str:
    """Markdown emphasis marks deleted, nothing else touched (``**Bước 1**: …`` → ``Bước 1: …``)."""
    return text.replace("**", "").replace("*", "") if "*" in text else text


def parse_date(text: str) -> Optional[str]:
    """ISO date from ``29/01/2021``, ``5-2-2024``, ``ngày 20 tháng 3 năm 2024``; None if blank/invalid."""
    m = re.search(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})", text, re.I)
    if not m:
        m = re.search(r"(?<![\d/])(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?![\d/])", text)
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 2000
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


#: ``344/KH-UBND``, ``03-KH/BDVTU``, ``367 - QĐ/TWĐTN-VP``, ``01-NQ/Th.U``, ``30/2020/NĐ-CP``, ``515/KH-BCA-BNN&MT``.
NUMBER_RE = re.compile(
    r"(?<![\w/])(\d{1,5})((?:\s*[-/]\s*(?:\d{4}(?=\s*[-/])|[A-ZĐ][A-Za-zĐđ0-9.]*(?:\s?&\s?[A-ZĐ][A-Za-zĐđ0-9.]*)*))+)"
)


def normalize_number(raw: str) -> str:
    """Spaces deleted, trailing dots dropped: ``344 /KH-UBND`` → ``344/KH-UBND``."""
    return re.sub(r"\s+", "", raw).rstrip(".")


def number_type(number: str) -> Optional[str]:
    """The type abbreviation of a number (``344/KH-UBND`` → ``KH``, ``03-KH/BDVTU`` → ``KH``)."""
    parts = [p for p in re.split(r"[-/]", number) if p]
    if len(parts) < 2:
        return None
    for part in parts[1:]:
        if not part.isdigit():
            return part
    return None
