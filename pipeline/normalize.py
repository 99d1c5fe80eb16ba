"""Canonical values for what forms write freely: fields (lĩnh vực), periods, unit names, sections.

Why: units write the same thing many ways (``KT`` / ``Kinh tế``; ``VH - XH`` / ``Văn hoá-Xã hội``;
``Hội LHPN`` / ``Hội Liên hiệp Phụ nữ``). The consolidated list groups and filters on the
canonical value while the raw text is kept for display.
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Optional

from .model import Period
from .textnorm import match_key, strip_diacritics

# --------------------------------------------------------------------------- fields (lĩnh vực)

FIELD_CODES = ("economy", "culture_society", "defense_security", "political_system",
               "administrative_reform", "digital_transformation", "other")

# Patterns run on an ASCII fold of the match key, so tone style, case and missing diacritics
# do not matter. Codes first (a cell holding just ``KT``), then words. Order inside each list
# is priority: the earliest match in the text wins, ties go to the earlier pattern.
_CODE_PATTERNS: list[tuple[str, str]] = [
    ("administrative_reform", r"\bcchc\b"),
    ("digital_transformation", r"\bcds\b"),
    ("political_system", r"\b(?:xd\s*)?htct\b|\bxdhtct\b|\bxd\s*dang\b|\bxdd\b"),
    ("defense_security", r"\bqp\s*-?\s*an\b|\bqpan\b|\bantt\b|\banqp\b|\ban\s*-\s*qp\b"),
    ("culture_society", r"\bvh\s*-?\s*xh\b|\bvhxh\b|\bxh\s*-\s*vh\b"),
    ("economy", r"\bkt\b|\bktxh\b"),
    # single-area codes of narrower forms: "VH" (văn hóa), "XH", "QP", "QS"
    ("culture_society", r"^(?:vh|xh|vh\s*,\s*xh)$"),
    ("defense_security", r"^(?:qp|an|qs|qp\s*,\s*an)$"),
]
_WORD_PATTERNS: list[tuple[str, str]] = [
    ("administrative_reform", r"cai cach hanh chinh|thu tuc hanh chinh"),
    ("digital_transformation", r"chuyen doi so|\bso hoa\b|cong nghe thong tin"),
    ("political_system", r"he thong chinh tri|xay dung dang|chinh quyen"),
    ("defense_security", r"quoc phong|an ninh|trat tu|phong chay"),
    ("economy", r"kinh te|san xuat|giam ngheo|nong nghiep|nong thon moi|khoi nghiep|thuong mai"),
    ("culture_society", r"van hoa|xa hoi|giao duc|\by te\b|moi truong|an sinh"),
]
_FIELD_RES = [(code, re.compile(p)) for code, p in _CODE_PATTERNS + _WORD_PATTERNS]


def _fold(text: str) -> str:
    """ASCII, lower-case, one space, dashes unified: the key field patterns run on."""
    key = strip_diacritics(match_key(text))
    key = re.sub(r"[\u2010-\u2015]", "-", key)
    return re.sub(r"\s+", " ", key).strip()


def normalize_field(raw: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """``(code, raw)`` for a Lĩnh vực cell; ``(None, None)`` for an empty cell, ``other`` when unknown."""
    if raw is None or not str(raw).strip():
        return None, None
    raw = " ".join(str(raw).split())
    return _field_code(raw), raw


@lru_cache(maxsize=2048)
def _field_code(raw: str) -> str:
    key = _fold(raw)
    best: Optional[tuple[int, int, str]] = None
    for prio, (code, rx) in enumerate(_FIELD_RES):
        m = rx.search(key)
        if m and (best is None or (m.start(), prio) < best[:2]):
            best = (m.start(), prio, code)
    return best[2] if best else "other"


# --------------------------------------------------------------------------- periods


def normalize_period(text: Optional[str], default_year: Optional[int] = None) -> Optional[Period]:
    """A Thời gian thực hiện cell as a Period (first and last day), via the shared date grammar.

    An unreadable but non-empty cell keeps its text with null dates, so the reviewer still sees it.
    """
    if text is None or not str(text).strip():
        return None
    text = " ".join(str(text).split())
    start, end = _period_bounds(text, default_year)
    return Period(start, end, text)


# Scans: after "Quý" only a roman numeral can follow, so "Quý TV" / "Quý lI" are OCR slips for IV / II.
_OCR_QUARTER = re.compile(r"((?:^|\b)[Qq]u[ýỳy]\s+)([IVXTl|1]{1,4})(?![\w])")
_OCR_ROMAN = str.maketrans({"T": "I", "l": "I", "|": "I", "1": "I"})
# "T3 - T12/2024": forms abbreviate "tháng" to "T" in narrow cells.
_SHORT_MONTH = re.compile(r"(?<![\w/])[Tt]\.?\s?(\d{1,2})(?![\d\w])")


@lru_cache(maxsize=2048)
def _period_bounds(text: str, default_year: Optional[int]) -> tuple[Optional[str], Optional[str]]:
    """(first day, last day) as ISO strings; cached because a sheet repeats the same few periods."""
    start = end = None
    try:
        from .extractors.dates import parse_time_expression

        text = _OCR_QUARTER.sub(lambda m: m.group(1) + m.group(2).translate(_OCR_ROMAN), text)
        expr = parse_time_expression(text, default_year)
        if expr is None and _SHORT_MONTH.search(text):
            expr = parse_time_expression(_SHORT_MONTH.sub(r"tháng \1", text), default_year)
    except Exception:  # noqa: BLE001 - a grammar bug must not lose the row
        expr = None
    if expr is not None:
        start = _iso(getattr(expr, "first", None))
        end = _iso(getattr(expr, "last", None))
    return start, end


def _iso(value: object) -> Optional[str]:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return None


# --------------------------------------------------------------------------- sections


_CONTINUING = re.compile(r"tiep tuc|chuyen tiep|duy tri|da dang ky|nam truoc|\bmo hinh cu\b|nhan rong")
_NEW = re.compile(r"\bmoi\b")


def section_from_text(text: Optional[str]) -> Optional[str]:
    """``new`` for "Mô hình mới …", ``continuing`` for "Mô hình tiếp tục thực hiện …", else None."""
    if not text:
        return None
    key = _fold(text)
    if _CONTINUING.search(key):
        return "continuing"
    if _NEW.search(key):
        return "new"
    return None


# --------------------------------------------------------------------------- unit names

# Abbreviation -> words, applied to whole tokens of the match key (after tone folding).
_ABBREVIATIONS: dict[str, str] = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "ubmttqvn": "mặt trận tổ quốc",
    "ubmttq": "mặt trận tổ quốc",
    "mttqvn": "mặt trận tổ quốc",
    "mttq": "mặt trận tổ quốc",
    "hlhpn": "hội liên hiệp phụ nữ",
    "lhpn": "liên hiệp phụ nữ",
    "hccb": "hội cựu chiến binh",
    "ccb": "cựu chiến binh",
    "đtncs": "đoàn thanh niên",
    "đtn": "đoàn thanh niên",
    "tncs": "thanh niên cộng sản",
    "đoàn tn": "đoàn thanh niên",
    "hnd": "hội nông dân",
    "bdv": "ban dân vận",
    "đu": "đảng ủy",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "tp": "thành phố",
    "tx": "thị xã",
}
_ABBR_RE = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, _ABBREVIATIONS), key=len, reverse=True))
                      + r")(?![\w])")
_UNIT_NOISE = [
    (re.compile(r"^(?:đơn vị|tên đơn vị)\s*:\s*"), ""),
    (re.compile(r"ủy ban mặt trận tổ quốc"), "mặt trận tổ quốc"),
    (re.compile(r"(mặt trận tổ quốc|liên hiệp phụ nữ|nông dân|cựu chiến binh)\s+việt nam"), r"\1"),
    (re.compile(r"đoàn thanh niên(?: cộng sản)?(?: hồ chí minh)?"), "đoàn thanh niên"),
    (re.compile(r"hội hội"), "hội"),
]


def unit_key(name: Optional[str]) -> str:
    """A grouping key for a unit name: tone style, case, punctuation and common abbreviations folded.

    ``Hội LHPN phường Vinh Tân`` and ``Hội Liên hiệp Phụ nữ phường Vinh Tân`` share one key.
    """
    if not name:
        return ""
    key = match_key(name)
    key = re.sub(r"[\"'“”‘’().,;:!?…]+", " ", key.replace(":", ": "))
    key = re.sub(r"^\s*(?:đơn vị|tên đơn vị)\s+", "", key)
    key = re.sub(r"\s+", " ", key).strip()
    key = _ABBR_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)], key)
    for rx, repl in _UNIT_NOISE:
        key = rx.sub(repl, key)
    key = re.sub(r"\s*-\s*", " ", key)
    return re.sub(r"\s+", " ", key).strip()


# ---- records -> store rows
#
# Records -> plain row dicts for pipeline.store.commit_document (owned by the store/batch side).
# Why here: the batch extracts in worker processes and ships picklable dicts to the single
# writer; values are str/int/bool/None, dates stay ISO strings exactly as the record has them.
import json as _jsonlib  # noqa: E402
from typing import Any  # noqa: E402

from .model import Record  # noqa: E402
from .textnorm import display  # noqa: E402

#: Tables a record fills (besides ``documents`` itself); keys of :func:`record_rows`.
CHILD_TABLES = ("deadlines", "milestones", "quotas", "references", "registrations")


def _row_unit_key(name: Optional[str]) -> Optional[str]:
    """The unit grouping key as stored (NULL rather than '' for a blank name)."""
    return (unit_key(name) or None) if name and name.strip() else None


def _json_text(value: Any) -> Optional[str]:
    if value in (None, [], {}):
        return None
    return _jsonlib.dumps(value, ensure_ascii=False, sort_keys=True)


def _loc(location: Any) -> dict[str, Any]:
    return {"page": getattr(location, "page", None), "line": getattr(location, "line", None)}


def record_rows(record: Record) -> dict[str, Any]:
    """One ``documents`` row plus child rows for every table, without ids (the writer assigns them)."""
    meta, doc = record.meta, record.document
    unit = display(meta.unit) if meta.unit else None
    warnings = list(doc.warnings) + list(record.warnings)
    out: dict[str, Any] = {
        "documents": {
            "sha256": doc.sha256, "kind": meta.kind, "issuer": meta.issuer, "number": meta.number,
            "place": meta.place, "issued_on": meta.issued_on, "title": meta.title, "subject": meta.subject,
            "signer_name": meta.signer.name, "signer_title": meta.signer.title,
            "unit": unit, "unit_key": _row_unit_key(unit), "pages": doc.pages, "ocr": bool(doc.ocr),
            "format": doc.format, "warnings": _json_text(warnings), "path": doc.path,
            "record": _jsonlib.dumps(record.to_dict(), ensure_ascii=False),
        },
        "warnings": warnings,
    }
    out["deadlines"] = [
        {"due": d.due, "precision": d.precision, "text": d.text, "action": d.action,
         "responsible": d.responsible, "recipient": d.recipient, "year_inferred": bool(d.year_inferred),
         "recurring": d.recurring, "time": d.time, **_loc(d.location)}
        for d in record.deadlines
    ]
    out["milestones"] = [
        {"start": m.start, "end": m.end, "precision": m.precision, "text": m.text,
         "year_inferred": bool(m.year_inferred), **_loc(m.location)}
        for m in record.milestones
    ]
    out["quotas"] = [
        {"subject": q.subject, "minimum": q.minimum, "maximum": q.maximum, "unit": q.unit,
         "exclusive": bool(q.exclusive), "exact": bool(q.exact), "item": q.item, "text": q.text,
         **_loc(q.location)}
        for q in record.quotas
    ]
    out["references"] = [
        {"kind": r.kind, "number": r.number, "date": r.date, "issuer": r.issuer, "text": r.text}
        for r in record.references
    ]
    regs = []
    for r in record.registrations:
        r_unit = display(r.unit) if r.unit else unit
        period = r.period
        regs.append({
            "unit": r_unit, "unit_key": _row_unit_key(r_unit), "section": r.section, "seq": r.seq, "name": r.name,
            "leader": r.leader, "address": r.address, "field": r.field, "field_raw": r.field_raw,
            "period_start": period.start if period else None, "period_end": period.end if period else None,
            "period_text": period.text if period else None,
            "page": r.location.page, "table_no": r.location.table, "row_no": r.location.row,
            "line": r.location.line, "extra": _json_text(r.extra),
        })
    out["registrations"] = regs
    # Every unit named anywhere in the record, for the units table (display name kept as first seen).
    names = [unit] + [r["unit"] for r in regs]
    seen: dict[str, str] = {}
    for name in names:
        key = _row_unit_key(name)
        if key and key not in seen:
            seen[key] = name  # type: ignore[assignment]
    out["units"] = [{"key": k, "name": v} for k, v in seen.items()]
    return out
