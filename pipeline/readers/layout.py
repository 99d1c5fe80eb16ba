"""What a line of an official document is: heading, list item, page number, header part.

Shared by the text and PDF readers so both cut paragraphs and spot the official header the same way.
"""
from __future__ import annotations

import re

#: Line begins a list item or a numbered heading.
LIST_START = re.compile(
    r"^(?:[-+•*–—·▪►❖✓]\s*\S"                       # - item, + item, • item
    r"|\(?[a-zđ]\)\s"                              # a) item, (b) item
    r"|[a-zđ]\.\s"                                 # a. item
    r"|\(?\d{1,2}\)\s"                             # 1) item
    r"|\d{1,2}(?:\.\d{1,2})*\.?\s*[.)]?\s+\S"      # 1. item, 2.1. item, 2.1 item
    r"|[IVXLC]{1,6}\s*[.)/-]\s*\S"                 # II. NỘI DUNG
    r"|(?:Điều|Chương|Mục|Phần)\s+[\dIVXLC]+\b"     # Điều 3
    r")"
)
#: Line ends a sentence or a clause (closing quotes and brackets allowed after the mark).
TERMINAL = re.compile(r"[.!?;:…](?:[\"”’)\]*]*)$")


def is_heading(text: str) -> bool:
    """A capital line (``I. MỤC ĐÍCH``, ``KẾ HOẠCH``); numbered titles are list starts (``starts_block``)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def starts_block(text: str) -> bool:
    """A line that begins a list item or a heading: never a continuation of the previous line."""
    if LIST_START.match(text):
        # "2024 và những năm tiếp theo" is a wrapped year, not item 2024.
        m = re.match(r"^(\d+)", text)
        return not (m and len(m.group(1)) > 2)
    return is_heading(text)


def starts_lower(text: str) -> bool:
    """The first letter (after opening quotes/brackets) is lowercase: the line goes on a sentence."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
        if ch in "“\"'‘(«":
            continue
        return False
    return False


#: A line that is only a page number ("2", "- 2 -", "Trang 2", "2/5").
PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$", re.IGNORECASE)
#: The right column of the official header: national motto, Party name, place-and-date line.
RIGHT_HEADER = re.compile(
    r"CỘNG\s+H[OÒ]À|C[OỘ]NG\s+HÒA\s+XÃ|ĐẢNG\s+CỘNG\s+SẢN|Độc\s+lập\s*[-–]\s*Tự\s+do|,\s*ngày\s.{0,12}tháng",
    re.IGNORECASE)
#: Left-column lines of the official header besides the issuer: number, subject, the Party "*".
LEFT_HEADER = re.compile(r"^(?:Số\b|V/v\b|\*$)", re.IGNORECASE)
#: The document type word that follows the header (the header zone ends there).
DOC_TYPE = re.compile(
    r"^(?:KẾ\s+HOẠCH|HƯỚNG\s+DẪN|THÔNG\s+BÁO|QUYẾT\s+ĐỊNH|CHƯƠNG\s+TRÌNH|BÁO\s+CÁO|NGHỊ\s+QUYẾT|CHỈ\s+THỊ|"
    r"TỜ\s+TRÌNH|DANH\s+SÁCH|GIẤY\s+MỜI|CÔNG\s+VĂN|QUY\s+CHẾ|QUY\s+ĐỊNH|ĐỀ\s+ÁN|PHƯƠNG\s+ÁN|THÔNG\s+TRI|"
    r"BIÊN\s+BẢN|KẾT\s+LUẬN|CÔNG\s+ĐIỆN)\b")
