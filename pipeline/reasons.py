"""Why a file was set aside, in words a clerk can act on: Vietnamese first, the technical detail after.

Readers and the batch give a *kind* (``corrupt``, ``encrypted``, ``limits`` …) and a technical
detail in English (the library's own message: "Invalid dictionary construct …"). The note beside
a quarantined file, the store's ``files.reason`` and the run summary carry
``"<Vietnamese sentence> (chi tiết kỹ thuật: <detail>)"``. A few library messages say something
more precise than their kind (an entity attack, a ZIP bomb, a truncated download): those are
recognised by the patterns below. Both tables are data: add a line, not code.
"""
from __future__ import annotations

import re
from typing import Optional

from .names import shown

#: Kind -> what the clerk reads first.
KINDS: dict[str, str] = {
    "empty": "Tệp rỗng (không có nội dung)",
    "whitespace": "Tệp chỉ có khoảng trắng, không có nội dung",
    "too_large": "Tệp quá lớn để xử lý",
    "corrupt": "Tệp bị hỏng hoặc bị cắt cụt, không đọc được",
    "encrypted": "Tệp có mật khẩu (bị mã hóa), không đọc được; hãy gửi bản không đặt mật khẩu",
    "unsupported": "Định dạng tệp không được hỗ trợ",
    "unsafe": "Tệp có cấu trúc bất thường, có thể gây hại, nên bị từ chối",
    "unreadable": "Không mở được tệp",
    "memory": "Đọc tệp quá thời gian/bộ nhớ cho phép",
    "limits": "Đọc tệp quá thời gian/bộ nhớ cho phép",
    "crash": "Bộ đọc bị dừng đột ngột khi đọc tệp này",
    "crash_twice": "Bộ đọc bị dừng đột ngột khi đọc tệp này, cả ở lần đọc lại (hai lần); tệp được để riêng",
    "internal": "Lỗi nội bộ của chương trình khi đọc tệp này; xin báo lại kèm tệp",
    "symlink": "Đây là một liên kết (symbolic link), không phải tệp thật; không đi theo liên kết",
    "special": "Không phải tệp thông thường (pipe, socket hay thiết bị); không mở",
    "store": "Không lưu được kết quả đọc vào kho dữ liệu",
    "duplicate": "Cùng nội dung với một tệp khác không đọc được",
}

#: (pattern over the technical detail, Vietnamese text) — checked in order, the first match wins.
PATTERNS: list[tuple[re.Pattern[str], str]] = [(re.compile(p, re.IGNORECASE), vi) for p, vi in (
    (r"entity amplification|DTD|entit(y|ies)|billion laughs", "Tệp chứa khai báo thực thể XML (DTD), "
     "một kiểu tấn công; tệp bị từ chối"),
    (r"ZIP bomb|inflates \d+x|uncompressed \(limit", "Tệp nén phình to bất thường (bom nén); tệp bị từ chối"),
    (r"decompression ?bomb|image (is )?too (large|big)|pixels", "Ảnh quá lớn (có thể là bom giải nén); tệp bị từ chối"),
    (r"encrypt|password", "Tệp có mật khẩu (bị mã hóa), không đọc được; hãy gửi bản không đặt mật khẩu"),
    (r"compressed archive|ZIP archive that is neither", "Tệp nén (zip/rar/7z/gzip): hãy giải nén rồi thả từng tệp"),
    (r"\bRTF\b", "Tệp RTF chưa được hỗ trợ: hãy lưu lại thành DOCX hoặc PDF"),
    (r"PowerPoint", "Tệp PowerPoint không phải văn bản cần xử lý"),
    (r"binary data|undecodable binary", "Không phải văn bản (dữ liệu nhị phân)"),
    (r"truncated|unexpected end|EOF|startxref|incomplete", "Tệp bị cắt cụt (có thể tải về chưa xong), không đọc được"),
    (r"Invalid dictionary construct|PDFSyntaxError|No /Root|xref|PSEOF|PDF", "Tệp PDF bị hỏng, không đọc được"),
)]

_LIMIT_FIGURES = re.compile(r"time limit (\d+) s, memory limit (\d+) MB")


def clerk_reason(kind: str, detail: str) -> str:
    """``"<Vietnamese> (chi tiết kỹ thuật: <detail>)"`` on one line; the detail is escaped and shortened."""
    vietnamese = KINDS.get(kind, KINDS["unreadable"])
    if kind not in ("limits", "memory", "symlink", "special", "store", "duplicate", "crash", "crash_twice",
                    "internal"):
        for pattern, text in PATTERNS:
            if pattern.search(detail):
                vietnamese = text
                break
    detail = shown(" ".join(str(detail).split()), limit=400)
    return f"{vietnamese} (chi tiết kỹ thuật: {detail})" if detail else vietnamese


def limits_detail(what: str, seconds: float, memory_mb: int) -> str:
    """The technical half of a limits reason; :func:`recorded_limits` reads the figures back."""
    return f"{what}; time limit {int(seconds)} s, memory limit {int(memory_mb)} MB"


def recorded_limits(reason: Optional[str]) -> Optional[tuple[int, int]]:
    """(seconds, MB) of a stored limits reason, else None: such a file is retried only under larger limits."""
    if not reason or not reason.startswith(KINDS["limits"]):
        return None
    m = _LIMIT_FIGURES.search(reason)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)
