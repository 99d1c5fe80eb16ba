"""How values are shown: display text, numbers, dates and local times — the same in every output.

Why one module: the workbook, the calendar, the HTML page and the exports must agree on what a
reviewer sees. Display text drops what could disguise it (bidi controls, zero-width characters —
the store keeps the original), times are shown in the office's time zone (Asia/Ho_Chi_Minh unless
``PIPELINE_TIMEZONE`` says otherwise), and shortened text never cuts a word.
"""
from __future__ import annotations

import math
import os
import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, Optional

from ..textnorm import display, match_key, strip_diacritics

#: Bidi embeddings/overrides/isolates, the Arabic letter mark, zero-width spaces and joiners, word
#: joiners and invisible operators, the BOM, soft hyphen and interlinear annotation marks: invisible
#: characters that can reorder or hide text. Removed from everything we display, never from the store.
INVISIBLE = re.compile("[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                       "\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
EXCEL_CELL_LIMIT = 32767
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        isinstance(value, str) and not value.strip())


def shown(value: Any) -> str:
    """Display text of a store value ('' for null): invisible and control characters removed, NFC, one space."""
    if blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = INVISIBLE.sub("", str(value))
    return display(_CONTROL.sub(" ", text))


def truthy(value: Any) -> bool:
    if blank(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "t", "yes", "y"}
    return bool(value)


def as_int(value: Any) -> Optional[int]:
    if blank(value):
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def as_number(value: Any) -> Optional[float]:
    """A quota bound: counts are whole, but a target such as 92.5% must not be truncated."""
    if blank(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def vn_number(value: Optional[float]) -> str:
    """3.0 -> "3", 92.5 -> "92,5": how a Vietnamese reader writes a number."""
    if value is None:
        return ""
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return f"{number:g}".replace(".", ",")


# --------------------------------------------------------------------------- dates and times


def local_zone() -> tzinfo:
    """The office's time zone: ``PIPELINE_TIMEZONE`` (an IANA name) or Asia/Ho_Chi_Minh.

    Without the tz database the fixed UTC+7 offset is used (Vietnam has no daylight saving time).
    """
    name = os.environ.get("PIPELINE_TIMEZONE") or DEFAULT_TIMEZONE
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - no tzdata, or a mistyped name: the office's usual offset
        return timezone(timedelta(hours=7), "ICT")


def local_today() -> date:
    return datetime.now(local_zone()).date()


def as_date(value: Any) -> Optional[date]:
    """ISO string / date / datetime → date; anything unreadable → None."""
    if blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def as_local(value: Any) -> Optional[datetime]:
    """A stored timestamp (ISO, UTC) as an aware local datetime; naive values are taken as UTC."""
    if blank(value):
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        try:
            dt = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(local_zone()).replace(microsecond=0)


def dmy(d: Optional[date]) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def stamp(dt: Optional[datetime]) -> str:
    """"06/12/2026 18:37 (giờ Việt Nam)" — a local time as reviewers read it."""
    if dt is None:
        return ""
    return f"{dt:%d/%m/%Y %H:%M} ({zone_label()})"


def zone_label() -> str:
    name = os.environ.get("PIPELINE_TIMEZONE") or DEFAULT_TIMEZONE
    return "giờ Việt Nam" if name in (DEFAULT_TIMEZONE, "Asia/Saigon") else f"giờ {name}"


def date_label(d: Optional[date], precision: Optional[str]) -> str:
    """How a reviewer writes the date at its precision ("tháng 02/2024", "quý I/2024")."""
    if d is None:
        return "không có ngày cụ thể"
    if precision == "month":
        return f"tháng {d.month:02d}/{d.year}"
    if precision == "quarter":
        return f"quý {ROMAN[(d.month - 1) // 3]}/{d.year}"
    if precision == "half":
        return f"{'6 tháng đầu' if d.month <= 6 else '6 tháng cuối'} năm {d.year}"
    if precision == "year":
        return f"năm {d.year}"
    return dmy(d)


_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_YMD = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_WORDS = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})")


def parse_day(text: Any) -> Optional[date]:
    """A date a reviewer typed: 05/03/2024, 5-3-2024, 2024-03-05, "ngày 5 tháng 3 năm 2024" (or a real date cell)."""
    if isinstance(text, (date, datetime)):
        return as_date(text)
    s = shown(text)
    for rx, order in ((_DMY, (3, 2, 1)), (_YMD, (1, 2, 3)), (_WORDS, (3, 2, 1))):
        m = rx.search(match_key(s)) if rx is _WORDS else rx.match(s)
        if m:
            try:
                return date(int(m.group(order[0])), int(m.group(order[1])), int(m.group(order[2])))
            except ValueError:
                return None
    return None


# --------------------------------------------------------------------------- text


def shorten(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters, cut at a word boundary with "…" — never inside a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    if " " in cut and not text[len(cut)].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–-") + "…"


def vi_order(text: str) -> tuple[str, str]:
    """Sort key close to Vietnamese dictionary order ("Đảng bộ" among the D's, not after "Xã")."""
    key = match_key(text)
    return strip_diacritics(key.replace("đ", "d{")), key


def roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def fold(text: str) -> str:
    """ASCII words of a text (file names and unit names compared loosely)."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", strip_diacritics(match_key(text))).split())
