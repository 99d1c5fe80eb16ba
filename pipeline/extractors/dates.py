"""The Vietnamese time-expression grammar: find dates, months, quarters, halves, years and ranges.

Interface (used by timeline, registrations/normalize and the outputs):

    find_time_expressions(text, default_year=None) -> list[TimeExpr]   # every expression, exact spans
    parse_time_expression(text, default_year=None) -> TimeExpr | None  # a whole cell such as "Tháng 3 - 12/2024"

How it works (see ``shared/spec/vietnamese-time-expressions.md``):

1. *Atoms*: one small regex per written shape (``16/02/2024``, ``ngày 20 tháng 3 năm 2024``,
   ``tháng 02/2024``, ``quý II/2024``, ``6 tháng đầu năm``, ``năm 2024`` …) built from shared
   pieces. Each hit is a candidate with the parts it wrote (day, month, year, quarter, half).
   Candidates that are ambiguous on their own (``15/3``, ``02/2024`` without ``ngày``/``tháng``)
   are *weak*: kept only with a date word in front, inside a range, or when parsing a cell.
2. *Selection*: longest non-overlapping candidates win (``tháng 3 - 12/2024`` beats ``12/2024``).
3. *Ranges*: two atoms joined by ``-``, ``đến``, ``tới`` (optionally opened by ``từ``) become one
   range; the start borrows the parts it left out from the end (``từ ngày 01/3 đến ngày 31/5/2024``).
4. *Decoration*: a weekday or a clock time in front (``thứ Sáu, ngày …``, ``lúc 8 giờ 00 ngày …``)
   joins the span; ``hàng năm`` / ``hằng tháng`` mark recurrences.

Counts (``94 năm``, ``trong 07 ngày``), document numbers (``30/2020/NĐ-CP``), percentages and
impossible dates (31/2) never become expressions. dateparser is not used: it misreads counts.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Optional


@dataclass
class TimeExpr:
    """One time expression found in a text.

    ``first``/``last`` are the first and last calendar day the expression covers (a month
    covers its whole month; a range from its start to its end). ``precision`` is the coarsest
    written unit: day | month | quarter | half | year.
    """

    text: str
    start: int  # character span in the searched text
    end: int
    first: Optional[_dt.date]
    last: Optional[_dt.date]
    precision: str
    is_range: bool = False
    year_inferred: bool = False
    position: Optional[str] = None  # "early" | "mid" | "late" for đầu/giữa/cuối tháng
    time_of_day: Optional[str] = None  # "8 giờ 00", "8h30"
    recurring: Optional[str] = None  # "yearly" | "monthly" | "weekly"


# --------------------------------------------------------------------------- building blocks

_F = re.IGNORECASE | re.UNICODE
_B = r"(?<![\w./\-])"                 # nothing number-like glued in front
_E = r"(?![\w/%]|[.,\-]\d)"          # nothing number-like glued behind (no 30/2020/NĐ-CP, 5/3%)
_DAY = r"\d{1,2}"
_MON = r"\d{1,2}"
_Y4 = r"(?:1[5-9]|2[01])\d{2}"        # a plausible written year
_ROMAN = r"(?:IV|I{1,3}|[1-4])"
_YEAR_TAIL = r"(?:\s*(?:/|-|,?\s*năm)\s*(?P<y>" + _Y4 + r"))"     # "/2024", " năm 2024", "-2024"
_POS = r"(?:(?P<pos>đầu|giữa|cuối)\s+)"
_NGAY = r"(?:(?P<kw>ngày)\s+)"
_DASH = r"[-–—]"
_BLANK = r"[\s….·_\-]*"                # a day or month left blank in a form

_POSITIONS = {"đầu": "early", "giữa": "mid", "cuối": "late"}
_ROMANS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Words that make a bare "15/3" or "02/2024" a date when written just before it.
_DATE_CUE = re.compile(
    r"(?:ngày|trước|từ|đến|tới|hết|vào|lúc|hạn|nhất|(?:nhất|chót|cuối|hạn)\s+là|chót|cuối|đầu|giữa|tháng|kể từ|"
    r"thứ\s+\w+|chủ\s+nhật)[\s,:*]*$", _F)
# Words that make a number an address or a count, never a date.
_NOT_DATE_CUE = re.compile(r"(?:ngõ|ngách|hẻm|kiệt|số nhà|nhà số|số|lô|phòng|tổ|khu|km)\s*$", _F)


@dataclass
class _Atom:
    start: int
    end: int
    precision: str
    d: Optional[int] = None
    m: Optional[int] = None
    y: Optional[int] = None
    q: Optional[int] = None
    h: Optional[int] = None  # 1 | 2 (half year)
    pos: Optional[str] = None
    weak: bool = False
    # for composite ranges written in one shape ("tháng 3 - 12/2024", "Quý II - III/2024")
    end_atom: Optional["_Atom"] = None
    blank: bool = False
    recurring: Optional[str] = None
    partial: bool = False  # "ngày 10" of "từ ngày 10 đến ngày 15/3": only valid inside a range


def _year(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    value = int(text)
    if len(text) == 2:
        value += 2000 if value <= 69 else 1900
    return value


def _int(text: Optional[str]) -> Optional[int]:
    return int(text) if text else None


# Each entry: (name, compiled regex, builder(match) -> _Atom | None)
_SHAPES: list[tuple[str, re.Pattern[str], object]] = []


def _shape(name: str, pattern: str):
    regex = re.compile(pattern, _F)

    def register(builder):
        _SHAPES.append((name, regex, builder))
        return builder

    return register


# --- calendar days

@_shape("dmy", _B + _NGAY + r"?(?P<d>" + _DAY + r")\s?(?P<s>[/.\-])\s?(?P<m>" + _MON + r")\s?(?P=s)\s?"
        r"(?P<y>\d{4}|\d{2})" + _E)
def _dmy(m: re.Match[str]) -> Optional[_Atom]:
    if len(m["y"]) == 2 and m["s"] == ".":  # "1.2.10" is a section number, not a date
        return None
    return _Atom(m.start(), m.end(), "day", d=int(m["d"]), m=int(m["m"]), y=_year(m["y"]))


@_shape("dm", _B + _NGAY + r"?(?P<d>" + _DAY + r")\s?/\s?(?P<m>" + _MON + r")" + _E)
def _dm(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "day", d=int(m["d"]), m=int(m["m"]), weak=not m["kw"])


@_shape("dm_dash", _B + r"(?P<kw>ngày)\s+(?P<d>" + _DAY + r")[.\-](?P<m>" + _MON + r")" + _E)
def _dm_dash(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "day", d=int(m["d"]), m=int(m["m"]))


@_shape("spelled", r"(?<!\w)" + _NGAY + r"(?P<d>" + _DAY + r")\s+tháng\s+(?P<m>" + _MON + r")"
        r"(?:\s*,?\s*năm\s+(?P<y>" + _Y4 + r")|\s*/\s*(?P<y2>" + _Y4 + r"))?" + r"(?![\w/])")
def _spelled(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "day", d=int(m["d"]), m=int(m["m"]), y=_int(m["y"] or m["y2"]))


@_shape("blank_day", r"(?<!\w)ngày" + _BLANK + r"tháng\s+(?P<m>" + _MON + r")\s*,?\s*năm\s+(?P<y>" + _Y4 + r")")
def _blank_day(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "month", m=int(m["m"]), y=int(m["y"]), blank=True)


@_shape("blank_all", r"(?<!\w)ngày" + _BLANK + r"tháng" + _BLANK + r"năm\s+(?P<y>" + _Y4 + r")")
def _blank_all(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "year", y=int(m["y"]), blank=True)


@_shape("day_monthly", r"(?<!\w)(?P<kw>ngày)\s+(?P<d>" + _DAY + r")\s+(?:hàng|hằng)\s+tháng(?!\w)")
def _day_monthly(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "day", d=int(m["d"]), recurring="monthly")


@_shape("day_only", r"(?<!\w)(?P<kw>ngày)\s+(?P<d>" + _DAY + r")(?![\w/.\-]|\s+tháng)")
def _day_only(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "day", d=int(m["d"]), weak=True, partial=True)


@_shape("weekly", r"(?<!\w)(?:(?:ngày\s+)?thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s+(?:hàng|hằng)\s+tuần(?!\w)")
def _weekly(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "day", recurring="weekly")


# --- months

@_shape("month", r"(?<!\w)" + _POS + r"?tháng\s+(?P<m>" + _MON + r")" + _YEAR_TAIL + r"?(?![\w/]|\s*" + _DASH + r"\s*\d)")
def _month(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "month", m=int(m["m"]), y=_int(m["y"]), pos=_POSITIONS.get((m["pos"] or "").lower()))


@_shape("month_year_bare", _B + r"T?(?P<m>" + _MON + r")\s?/\s?(?P<y>" + _Y4 + r")" + _E)
def _month_year_bare(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "month", m=int(m["m"]), y=int(m["y"]), weak=True)


@_shape("month_range", r"(?<!\w)(?:(?P<from>từ)\s+)?(?:(?P<kw>tháng)\s+|T(?=\d))?(?P<m1>" + _MON + r")(?:\s?/\s?(?P<y1>" + _Y4 + r"))?"
        r"\s*(?:" + _DASH + r"|đến|tới|(?P<and>và))\s*(?:tháng\s+|T(?=\d))?(?P<m2>" + _MON + r")\s*(?:/|,?\s*năm\s+)\s*(?P<y>" + _Y4 + r")" + _E)
def _month_range(m: re.Match[str]) -> Optional[_Atom]:
    if m["and"] and (m["y1"] or int(m["m2"]) != int(m["m1"]) + 1):
        return None  # "tháng 11 và tháng 12/2026" is one stretch; "tháng 6 và tháng 12" two separate months
    weak = not (m["kw"] or m["y1"])
    a = _Atom(m.start(), m.end(), "month", m=int(m["m1"]), y=_int(m["y1"]), weak=weak)
    a.end_atom = _Atom(m.start("m2"), m.end(), "month", m=int(m["m2"]), y=int(m["y"]))
    return a


# --- quarters, halves, years

@_shape("quarter", r"(?<!\w)" + _POS + r"?qu[ýí]\s+(?P<q>" + _ROMAN + r")(?!\w)" + _YEAR_TAIL + r"?(?![\w/])")
def _quarter(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "quarter", q=_ROMANS[m["q"].lower()], y=_int(m["y"]),
                 pos=_POSITIONS.get((m["pos"] or "").lower()))


@_shape("quarter_range", r"(?<!\w)(?:từ\s+)?qu[ýí]\s+(?P<q1>" + _ROMAN + r")\s*(?:" + _DASH + r"|đến|tới|và)\s*(?:qu[ýí]\s+)?"
        r"(?P<q2>" + _ROMAN + r")(?!\w)" + _YEAR_TAIL + r"?(?![\w/])")
def _quarter_range(m: re.Match[str]) -> _Atom:
    y = _int(m["y"])
    a = _Atom(m.start(), m.end(), "quarter", q=_ROMANS[m["q1"].lower()], y=y)
    a.end_atom = _Atom(m.start("q2"), m.end(), "quarter", q=_ROMANS[m["q2"].lower()], y=y)
    return a


_MONTH_COUNTS = {"ba": 3, "sáu": 6, "chín": 9}


@_shape("half", r"(?<!\w)(?:(?P<n>0?[1-9]|1[01]|ba|sáu|chín)\s+tháng|nửa)\s+(?P<h>đầu|cuối)\s+năm"
        r"(?:\s+(?P<y>" + _Y4 + r"))?(?![\w/])")
def _half(m: re.Match[str]) -> _Atom:
    """The first or last N months of a year: ``6 tháng đầu năm`` (a half), ``3 tháng cuối năm 2025`` (the fourth
    quarter), ``9 tháng đầu năm`` (January to September)."""
    n = 6 if not m["n"] else _MONTH_COUNTS.get(m["n"].lower()) or int(m["n"])
    first = m["h"].lower() == "đầu"
    y = _int(m["y"])
    if n == 6:
        return _Atom(m.start(), m.end(), "half", h=1 if first else 2, y=y)
    if n == 3:
        return _Atom(m.start(), m.end(), "quarter", q=1 if first else 4, y=y)
    a = _Atom(m.start(), m.end(), "month", m=1 if first else 13 - n, y=y)
    a.end_atom = _Atom(m.start(), m.end(), "month", m=n if first else 12, y=y)
    return a


@_shape("half_review", r"(?<=sơ kết\s)(?:0?6|sáu)\s+tháng(?:\s+năm\s+(?P<y>" + _Y4 + r"))?(?!\s*(?:đầu|cuối))(?![\w/])")
def _half_review(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "half", h=1, y=_int(m["y"]))


@_shape("year", r"(?<!\w)" + _POS + r"?năm\s+(?P<y>" + _Y4 + r")(?![\w/]|\s*" + _DASH + r"\s*\d)")
def _year_atom(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "year", y=int(m["y"]), pos=_POSITIONS.get((m["pos"] or "").lower()))


@_shape("year_pos", r"(?<!\w)(?P<pos>đầu|giữa|cuối)\s+năm(?!\s*\d)(?!\w)")
def _year_pos(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "year", pos=_POSITIONS[m["pos"].lower()])


@_shape("year_range", r"(?<![\w/.\-])(?:(?P<kw>giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|(?P<school>năm\s+học)|năm)\s+)?(?P<y1>" + _Y4 + r")\s*"
        + _DASH + r"\s*(?P<y2>" + _Y4 + r")(?![\w/]|[.,\-]\d)")
def _year_range(m: re.Match[str]) -> Optional[_Atom]:
    y1, y2 = int(m["y1"]), int(m["y2"])
    if y2 <= y1:
        return None
    if m["school"] and y2 == y1 + 1:
        # "năm học 2025 - 2026": a school year runs from September to May
        a = _Atom(m.start(), m.end(), "month", m=9, y=y1)
        a.end_atom = _Atom(m.start("y2"), m.end(), "month", m=5, y=y2)
        return a
    weak = not m["kw"] and not m.string[max(0, m.start() - 1):m.start()] == "("
    a = _Atom(m.start(), m.end(), "year", y=y1, weak=weak)
    a.end_atom = _Atom(m.start("y2"), m.end(), "year", y=y2)
    return a


@_shape("bare_year", r"(?<![\w/.\-])(?P<y>(?:19|20)\d{2})(?![\w/]|[.,\-]\d)")
def _bare_year(m: re.Match[str]) -> _Atom:
    return _Atom(m.start(), m.end(), "year", y=int(m["y"]), weak=True)


# --- decoration around a day

_WEEKDAY_BEFORE = re.compile(
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7]))|chủ\s+nhật)\s*(?P<sep>,|\(|-)?\s*$", _F)
_TIME = r"\d{1,2}\s*(?:giờ|h|g)(?:\s*\d{2}(?:\s*phút)?)?"
_TIME_BEFORE = re.compile(r"(?:(?:vào\s+)?lúc\s+)?(?P<t>" + _TIME + r")\s*,?\s*$", _F)
_TIME_AFTER = re.compile(r"^\s*,?\s*(?:vào\s+)?lúc\s+(?P<t>" + _TIME + r")(?!\w)", _F)
_AND_NEXT = re.compile(r"^\s*(?:,|và|hoặc)\s*(?:ngày\s+|tháng\s+)?$", _F)
_LIST_NEXT = re.compile(r"^\s*(?:và|hoặc)\s*$", _F)  # not a comma: "Trước ngày 15/3, 2/3 số xã …" is a fraction
_CONNECTOR = re.compile(r"^\s*(?:" + _DASH + r"|đến\s+hết|đến|tới|cho\s+đến)\s*$", _F)
_FROM_BEFORE = re.compile(r"(?:(?<=[\s(*\"“])|^)(?:từ|kể\s+từ)\s+$", _F)
_YEARLY = re.compile(r"(?:hàng|hằng)\s+năm\b", _F)


# --------------------------------------------------------------------------- conversion

def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _bounds(a: _Atom, year: Optional[int]) -> Optional[tuple[_dt.date, _dt.date]]:
    """First and last day an atom covers, or None when it is not a real date."""
    if year is None:
        return None
    try:
        if a.precision == "day":
            if a.d is None or a.m is None:
                return None
            d = _dt.date(year, a.m, a.d)
            return d, d
        if a.precision == "month":
            if not 1 <= (a.m or 0) <= 12:
                return None
            return _dt.date(year, a.m, 1), _dt.date(year, a.m, _last_day(year, a.m))  # type: ignore[arg-type]
        if a.precision == "quarter":
            m1 = 3 * (a.q - 1) + 1  # type: ignore[operator]
            return _dt.date(year, m1, 1), _dt.date(year, m1 + 2, _last_day(year, m1 + 2))
        if a.precision == "half":
            return (_dt.date(year, 1, 1), _dt.date(year, 6, 30)) if a.h == 1 else (_dt.date(year, 7, 1), _dt.date(year, 12, 31))
        if a.precision == "year":
            return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    except (ValueError, TypeError):
        return None
    return None


_RANK = {"day": 0, "month": 1, "quarter": 2, "half": 3, "year": 4}


def _coarser(p1: str, p2: str) -> str:
    return p1 if _RANK[p1] >= _RANK[p2] else p2


def _valid_shape(a: _Atom) -> bool:
    """Reject impossible parts early (month 13, 31/2 is checked once the year is known)."""
    if a.m is not None and not 1 <= a.m <= 12:
        return False
    if a.d is not None and not 1 <= a.d <= 31:
        return False
    if a.d is not None and a.m is not None:
        try:
            _dt.date(2024, a.m, a.d)  # leap year: 29/2 possible, 31/4 never
        except ValueError:
            return False
    if a.end_atom is not None and not _valid_shape(a.end_atom):
        return False
    return True


# --------------------------------------------------------------------------- the finder

_NO_DIGIT_SHAPES = {"half", "half_review", "year_pos", "quarter", "quarter_range", "weekly"}


def _candidates(text: str, cell: bool) -> list[_Atom]:
    found: list[_Atom] = []
    digits = any(c.isdigit() for c in text)
    for name, regex, builder in _SHAPES:
        if name == "bare_year" and not cell:
            continue
        if not digits and name not in _NO_DIGIT_SHAPES:
            continue  # every other shape writes a number
        for m in regex.finditer(text):
            atom = builder(m)  # type: ignore[operator]
            if atom is None or not _valid_shape(atom):
                continue
            found.append(atom)
    return found


def _select(cands: list[_Atom]) -> list[_Atom]:
    """Longest first, no overlaps; strong beats weak at equal length."""
    chosen: list[_Atom] = []
    taken: list[tuple[int, int]] = []
    for a in sorted(cands, key=lambda a: (-(a.end - a.start), a.weak, a.start)):
        if any(a.start < e and s < a.end for s, e in taken):
            continue
        chosen.append(a)
        taken.append((a.start, a.end))
    return sorted(chosen, key=lambda a: a.start)


def _cued(text: str, a: _Atom) -> bool:
    before = text[max(0, a.start - 24):a.start]
    if _NOT_DATE_CUE.search(before):
        return False
    return bool(_DATE_CUE.search(before))


def _fill(start: _Atom, end: _Atom) -> tuple[Optional[int], Optional[int]]:
    """Month and year the start of a range borrows from its end (01/3 - 31/5/2024)."""
    y, m = start.y, start.m
    if start.precision == "day" and m is None:
        m = end.m
    if y is None and end.y is not None:
        y = end.y
        # "từ 01/11 đến 31/3/2025": the start is in the year before
        s_m = m if m is not None else (3 * (start.q - 1) + 1 if start.q else None)
        e_m = end.m if end.m is not None else (3 * (end.q - 1) + 1 if end.q else None)
        if s_m is not None and e_m is not None and s_m > e_m:
            y -= 1
    return m, y


def _build(text: str, a: _Atom, b: Optional[_Atom], start: int, end: int,
           default_year: Optional[int]) -> Optional[TimeExpr]:
    inferred = False
    if b is None:
        year = a.y
        if year is None and a.recurring is None:
            year, inferred = default_year, True
        span = _bounds(a, year)
        if span is None and not (a.recurring or (year is None and inferred)):
            return None
        first, last = span if span else (None, None)
        return TimeExpr(text[start:end], start, end, first, last, a.precision, False, inferred,
                        a.pos, None, a.recurring)
    # a range a .. b
    end_year = b.y
    if end_year is None:
        end_year, inferred = default_year, True
    m, y = _fill(a, replace(b, y=end_year))
    start_atom = replace(a, m=m)
    s = _bounds(start_atom, y)
    e = _bounds(b, end_year)
    if s is None or e is None or s[0] > e[1]:
        return None
    precision = _coarser(a.precision, b.precision)
    return TimeExpr(text[start:end], start, end, s[0], e[1], precision, True, inferred, None, None, None)


def _decorate(text: str, expr: TimeExpr, lower_bound: int) -> TimeExpr:
    """Pull a weekday or clock time written around a day into the span."""
    if expr.precision != "day" or expr.is_range:
        return expr
    start, end, tod = expr.start, expr.end, None
    had_weekday = False
    for _ in range(2):  # "8 giờ 00, thứ Sáu, ngày 15/3" : time then weekday, either order
        before = text[lower_bound:start]
        w = _WEEKDAY_BEFORE.search(before) if not had_weekday else None
        if w:
            start = lower_bound + w.start()
            had_weekday = True
            if w["sep"] == "(" and text[end:end + 1] == ")":
                end += 1
            continue
        t = _TIME_BEFORE.search(before)
        if t and tod is None and (text[start:start + 4].lower() == "ngày" or had_weekday):
            start = lower_bound + t.start()
            tod = t["t"]
            continue
        break
    after = _TIME_AFTER.match(text[end:])
    if after and tod is None:
        tod = after["t"]
        end += after.end()
    return replace(expr, text=text[start:end], start=start, end=end, time_of_day=tod)


def find_time_expressions(text: str, default_year: Optional[int] = None, *, cell: bool = False) -> list[TimeExpr]:
    """Every time expression in ``text`` with exact character spans.

    ``default_year`` completes expressions written without a year (``year_inferred``);
    ``cell=True`` also accepts shapes that are only dates inside a table cell (``02 - 6/2024``, ``2024``).
    """
    if not text:
        return []
    return list(_find(text, default_year, cell))


def clear_cache() -> None:
    """Forget the expressions found so far (:func:`pipeline.extract.extract` does, per document)."""
    _find.cache_clear()


@functools.lru_cache(maxsize=4096)  # a paragraph is searched again by later rules; no caller changes the results
def _find(text: str, default_year: Optional[int], cell: bool) -> tuple[TimeExpr, ...]:
    atoms = _select(_candidates(text, cell))
    out: list[TimeExpr] = []
    i = 0
    prev_end = 0  # decorations and "từ" never reach back into the previous expression
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        expr, used = _as_range(text, a, b, prev_end, default_year, cell)
        listed = bool(out) and out[-1].precision == a.precision == "day" and not out[-1].is_range \
            and bool(_LIST_NEXT.match(text[out[-1].end:a.start]))  # "trước ngày 01/6 và 15/11": a list of dates
        if expr is None and a.end_atom is None and not a.partial and (not a.weak or cell or listed or _cued(text, a)):
            year = default_year
            if a.y is None and b is not None and b.y is not None and b.precision == a.precision \
                    and b.end_atom is None and _AND_NEXT.match(text[a.end:b.start]):
                year = b.y  # "tháng 6 và tháng 12/2026", "ngày 05 và 20/3/2025": the year written once at the end
            expr, used = _as_single(text, a, prev_end, year), 1
        if expr is not None:
            expr = _day_list(text, expr, prev_end)
            out.append(expr)
            prev_end = expr.end
        i += used or 1
    return tuple(_share_recurrence(text, out))


def _share_recurrence(text: str, exprs: list[TimeExpr]) -> list[TimeExpr]:
    """Dates listed together share a recurrence written once (``trước ngày 01/6 và 15/11 hằng năm``)."""
    for _ in range(2):  # forwards, then backwards
        for i in range(1, len(exprs)):
            a, b = exprs[i - 1], exprs[i]
            if a.recurring == b.recurring or not _AND_NEXT.match(text[a.end:b.start]):
                continue
            if a.recurring == "yearly" and b.year_inferred and b.precision == "day" and b.recurring is None:
                exprs[i] = replace(b, recurring="yearly")
            elif b.recurring == "yearly" and a.year_inferred and a.precision == "day" and a.recurring is None:
                exprs[i - 1] = replace(a, recurring="yearly")
    return exprs


#: Bare days listed before a full date that gives their month: ``các ngày 14, 15/6/2026``,
#: ``ngày 05 và ngày 20/3/2026``, ``ngày 7, 8 và 9/10``.
_DAY_LIST = re.compile(r"(?<!\w)(?:các\s+)?ngày\s+(\d{1,2})((?:\s*,\s*(?:ngày\s+)?\d{1,2})*)\s*(?:,|và|&)\s*"
                       r"(?:ngày\s*)?$", _F)


def _day_list(text: str, expr: TimeExpr, prev_end: int) -> TimeExpr:
    """A list of days sharing one month covers the first listed day to the written date."""
    if expr.precision != "day" or expr.is_range or expr.first is None:
        return expr
    before = text[max(prev_end, expr.start - 40):expr.start]
    m = _DAY_LIST.search(before)
    if not m:
        return expr
    days = [int(m.group(1))] + [int(d) for d in re.findall(r"\d{1,2}", m.group(2))]
    if not all(1 <= d < expr.first.day for d in days) or days != sorted(days):
        return expr
    start = expr.start - len(before) + m.start()
    return replace(expr, first=expr.first.replace(day=days[0]), start=start, text=text[start:expr.end])


def _as_range(text: str, a: _Atom, b: Optional[_Atom], prev_end: int, default_year: Optional[int],
              cell: bool) -> tuple[Optional[TimeExpr], int]:
    """A range written in one shape (``tháng 3 - 12/2024``) or two atoms joined by ``-``/``đến``.

    Returns the expression and how many atoms it used (0 when it is not a range)."""
    if a.end_atom is not None:
        pair, used, end = (a, a.end_atom), 1, a.end
    elif b is not None and b.end_atom is None and a.recurring is None and b.recurring is None \
            and _CONNECTOR.match(text[a.end:b.start]):
        pair, used, end = (a, b), 2, b.end
        if not cell and not _FROM_BEFORE.search(text[max(prev_end, a.start - 8):a.start]) \
                and re.search(r"đến", text[a.end:b.start], _F) and a.precision == "year" and b.precision == "day":
            return None, 0  # "thu hội phí năm 2025 đến hết ngày 31/12/2025": a year naming the task, then a cut-off
    else:
        return None, 0
    start = a.start
    lookback = max(prev_end, start - 8)
    fb = _FROM_BEFORE.search(text[lookback:start])
    if fb:
        start = lookback + fb.start()
    first, second = pair
    if a.end_atom is not None:  # a composite shape: trusted unless it is a bare "02 - 6/2024" in running text
        strong = cell or not first.weak or bool(fb) or _cued(text, first)
    else:  # two atoms: at least one must be a date on its own (or two written months "02/2024 - 12/2024")
        strong = cell or not (first.weak and second.weak) or _cued(text, first) \
            or (first.precision == second.precision == "month" and bool(first.y and second.y))
    if not strong:
        return None, 0
    expr = _build(text, first, second, start, end, default_year)
    return (expr, used) if expr is not None else (None, 0)


def _as_single(text: str, a: _Atom, prev_end: int, default_year: Optional[int]) -> Optional[TimeExpr]:
    expr = _build(text, a, None, a.start, a.end, default_year)
    if expr is None:
        return None
    expr = _decorate(text, expr, prev_end)
    if expr.recurring is None and expr.year_inferred and expr.precision == "day":
        # "hàng năm, trước ngày 10/12" / "ngày 15/12 hằng năm": a yearly date
        if _YEARLY.search(text[max(prev_end, expr.start - 40):expr.start]) \
                or _YEARLY.match(text[expr.end:expr.end + 16].lstrip(" ,")):
            expr = replace(expr, recurring="yearly")
    return expr


#: "từ ngày X", "bắt đầu từ tháng 4/2026", "có hiệu lực kể từ ngày …": a start with no end written.
_OPEN_START = re.compile(r"(?<!\w)(?:bắt\s+đầu\s+)?(?:kể\s+)?từ[\s*]*$", _F)


def opens_period(before: str, expr: TimeExpr) -> bool:
    """Is this single date, written after ``before``, the open start of a period ("áp dụng từ ngày 01/01/2026",
    a form's "Từ tháng 01/2026")? Its end is then unknown, not the end of the month or day written."""
    return not expr.is_range and bool(_OPEN_START.search(before))


def parse_time_expression(text: str, default_year: Optional[int] = None) -> Optional[TimeExpr]:
    """Read a whole cell (a registration's period column) as one expression.

    Several expressions in one cell (``Tháng 3/2024, tháng 5/2024``) give one span from the
    first day of the first to the last day of the last; None when nothing is a date.
    """
    if not text or not text.strip():
        return None
    found = [e for e in find_time_expressions(text, default_year, cell=True) if e.first is not None]
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    first = min(e.first for e in found if e.first)
    last = max(e.last for e in found if e.last)
    precision = found[0].precision
    for e in found[1:]:
        precision = _coarser(precision, e.precision)
    start, end = found[0].start, found[-1].end
    return TimeExpr(text[start:end], start, end, first, last, precision, True,
                    any(e.year_inferred for e in found))
