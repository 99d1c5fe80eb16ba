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

from . import lexicon
from .model import Period
from .textnorm import match_key, strip_diacritics

# --------------------------------------------------------------------------- fields (lĩnh vực)

#: The schema's field codes, in the lexicon's order (``[fields]``: code | label).
FIELD_CODES = tuple(lexicon.words("fields"))


def fold_pattern(entry: str, mode: str) -> str:
    """A regex for a lexicon entry on the ASCII fold (:func:`_fold`) of a cell.

    ``code``: the parts of an abbreviation with optional spaces and dash between them (``QP-AN``, ``QP AN``,
    ``QPAN``), as a whole token; ``cell``: the whole cell (``VH, XH``); ``word``: whole words anywhere;
    ``start``/``end``: whole words at the start/end; ``exact``: the whole text.
    """
    key = _fold(entry)
    if mode in ("code", "cell"):
        parts = re.split(r"\s*([,-])\s*|\s+", key)
        body = ""
        for part in parts:
            if part is None:
                continue
            if part == ",":
                body += r"\s*,\s*"
            elif part == "-":
                body += r"\s*-?\s*"
            elif part:
                if body and not body.endswith(r"\s*"):
                    body += r"\s*-?\s*"
                body += re.escape(part)
        return rf"^{body}$" if mode == "cell" else rf"\b{body}\b"
    body = r"\s+".join(re.escape(w) for w in key.split())
    return {"start": rf"^{body}\b", "end": rf"\b{body}$", "exact": rf"^{body}$"}.get(mode, rf"\b{body}\b")


@lru_cache(maxsize=1)
def _field_res() -> list[tuple[str, re.Pattern[str]]]:
    """(code, pattern) of the lexicon's ``[field_words]`` in priority order (codes first, then words)."""
    return [(lexicon.cell(row, 1), re.compile(fold_pattern(row[0], lexicon.cell(row, 2) or "word")))
            for row in lexicon.table("field_words")]


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
    """The code of the earliest lexicon entry found in the cell. An abbreviation a narrow column broke inside
    (``VH-X H``, ``XDHT CT``) is read again with the spaces inside it removed."""
    code = _first_field(_fold(raw))
    if code is None and " " in raw.strip() and not any(c.islower() for c in raw):
        code = _first_field(_fold(re.sub(r"(?<=\w)\s+(?=\w)", "", raw)))
    return code or "other"


def _first_field(key: str) -> Optional[str]:
    best: Optional[tuple[int, int, str]] = None
    for prio, (code, rx) in enumerate(_field_res()):
        m = rx.search(key)
        if m and (best is None or (m.start(), prio) < best[:2]):
            best = (m.start(), prio, code)
    return best[2] if best else None


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
        from .extractors.dates import opens_period, parse_time_expression

        text = _OCR_QUARTER.sub(lambda m: m.group(1) + m.group(2).translate(_OCR_ROMAN), text)
        expr = parse_time_expression(text, default_year)
        if expr is None and _SHORT_MONTH.search(text):
            text = _SHORT_MONTH.sub(r"tháng \1", text)
            expr = parse_time_expression(text, default_year)
        if expr is not None:
            start = _iso(getattr(expr, "first", None))
            # "Từ tháng 01/2026": an open start, its end unknown (not the end of January)
            end = None if opens_period(text[:expr.start], expr) else _iso(getattr(expr, "last", None))
    except Exception:  # noqa: BLE001 - a grammar bug must not lose the row
        pass
    return start, end


def _iso(value: object) -> Optional[str]:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return None


# --------------------------------------------------------------------------- sections


@lru_cache(maxsize=1)
def _section_res() -> list[tuple[str, re.Pattern[str]]]:
    """(section code, pattern) of the lexicon's ``[form_sections]`` words, in order (continuing first)."""
    return [(lexicon.cell(row, 1), re.compile(fold_pattern(row[0], "word"))) for row in lexicon.table("form_sections")]


def section_from_text(text: Optional[str]) -> Optional[str]:
    """``new`` for "Mô hình mới …", ``continuing`` for "Mô hình tiếp tục thực hiện …", else None."""
    if not text:
        return None
    key = _fold(text)
    for code, rx in _section_res():
        if rx.search(key):
            return code
    return None


# --------------------------------------------------------------------------- unit names

# Abbreviation -> words (the lexicon's [abbreviations]), applied to whole tokens of the match key.
_ABBREVIATIONS = lexicon.mapping("abbreviations")
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


# --------------------------------------------------------------------------- campaigns (năm)

_YEAR_IN_TITLE = re.compile(r"\bnam\s+((?:19|20)\d{2})\b")


def title_year(title: Optional[str]) -> Optional[int]:
    """The year a title states ("Danh sách đăng ký mô hình … năm 2024"); the last one when several."""
    if not title:
        return None
    years = _YEAR_IN_TITLE.findall(_fold(title))
    return int(years[-1]) if years else None


def _iso_year(value: Optional[str]) -> Optional[int]:
    return int(value[:4]) if value and len(value) >= 4 and value[:4].isdigit() else None


def rows_years(periods: list[tuple[Optional[str], Optional[str]]]) -> dict[int, int]:
    """How many rows of a form are carried out in each year (a row counts once for every year it covers)."""
    votes: dict[int, int] = {}
    for start, end in periods:
        a, b = _iso_year(start), _iso_year(end)
        a, b = a or b, b or a
        if a is None or b is None or b < a or b - a > 10:
            continue
        for year in range(a, b + 1):
            votes[year] = votes.get(year, 0) + 1
    return votes


def campaign_year(kind: Optional[str], title: Optional[str], issued_on: Optional[str],
                  periods: list[tuple[Optional[str], Optional[str]]], dates: list[Optional[str]]) -> Optional[int]:
    """The campaign (emulation year) a document belongs to: what its rows, quotas and deadlines count towards.

    A registration form: the year most of its rows are carried out in (``periods``; on a tie, the title's
    year if it is one of them, else the latest), else the title's year, else the form's date. A plan (any
    other document): the title's year, else the year most of its dated deadlines and milestones
    (``dates``) fall in, else its date. ``None`` when nothing tells; the reports then use the plan's campaign.
    """
    stated = title_year(title)
    if kind == "registration_form":
        votes = rows_years(periods)
        if votes:
            best = max(votes.values())
            tied = [y for y, n in votes.items() if n == best]
            return stated if stated in tied else max(tied)
        return stated or _iso_year(issued_on)
    if stated is not None:
        return stated
    years = [y for y in (_iso_year(d) for d in dates) if y]
    if years:
        return max(set(years), key=lambda y: (years.count(y), y))
    return _iso_year(issued_on)


# --------------------------------------------------------------------------- stable item ids
#
# Reviewers' answers (corrections, done marks) are keyed by these ids, so the ids must come out the same
# whenever the same content is read again: after a rerun, after a re-extraction of the same file by a
# newer extractor, and for another copy of the same document (the plan as PDF and as DOCX, the form as
# DOCX and XLSX). Hence ids are built from content only — never from row ids, run ids, arrival times or
# file names:
#
#   document key  = "form:<unit key>:<campaign>"          registration forms with a unit
#                 = "doc:<number key>:<year of its date>"  documents with a number (KH 344/KH-UBND, 2024)
#                 = "sha:<sha256 of the file>"             anything else
#   item id       = <letter>-<10 hex of sha256(document key | kind | text key [| unit key] [#n])>
#
# where the text key is the item's own text folded (case, tone-mark style, punctuation, spaces), the
# registration's model name plus its unit, and #n numbers repeats of one text within one document.
# A review question about one field of an item appends "/<field>" (``D-3f9a2c81b0/thoigian``).

ITEM_PREFIX = {"document": "V", "deadline": "H", "milestone": "M", "quota": "C", "reference": "R",
               "registration": "D", "file": "F"}


def text_key(text: Optional[str]) -> str:
    """Text folded for identity: case, tone-mark style, punctuation and spacing do not matter."""
    key = match_key(str(text or ""))
    return " ".join(re.sub(r"[^\w%]+", " ", key).split())


def document_key(kind: Optional[str], number: Optional[str], issued_on: Optional[str], unit_key_: Optional[str],
                 campaign: Optional[int], sha256: str) -> str:
    if kind == "registration_form" and unit_key_:
        return f"form:{unit_key_}:{campaign or '?'}"
    if number and text_key(number):
        return f"doc:{text_key(number)}:{_iso_year(issued_on) or '?'}"
    return f"sha:{sha256}"


def item_id(kind: str, *parts: Any) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:10]
    return f"{ITEM_PREFIX[kind]}-{digest}"


def file_item_id(sha256: str) -> str:
    """A file with nothing to show (quarantined, or nothing extracted): its bytes are its identity."""
    return item_id("file", sha256)


def _item_text(kind: str, row: dict[str, Any]) -> str:
    if kind == "registration":
        return f"{text_key(row.get('name'))}|{row.get('unit_key') or ''}"
    if kind == "quota":
        return text_key(row.get("text")) or text_key(f"{row.get('subject')} {row.get('minimum')} {row.get('item')}")
    if kind == "reference":
        return text_key(row.get("text")) or text_key(f"{row.get('kind')} {row.get('number')} {row.get('date')}")
    return text_key(row.get("text"))


#: Store table -> item kind.
TABLE_KINDS = {"deadlines": "deadline", "milestones": "milestone", "quotas": "quota", "references": "reference",
               "registrations": "registration"}


def assign_item_ids(doc_row: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> None:
    """Fill ``item_id`` of a documents row and of its child rows (in place), from stored values only.

    Used for new records and by the migration that backfills older stores, so both give the same ids.
    """
    key = document_key(doc_row.get("kind"), doc_row.get("number"), doc_row.get("issued_on"),
                       doc_row.get("unit_key"), doc_row.get("campaign"), doc_row["sha256"])
    doc_row["item_id"] = item_id("document", key)
    for table, rows in children.items():
        kind = TABLE_KINDS[table]
        seen: dict[str, int] = {}
        for row in rows:
            text = _item_text(kind, row)
            seen[text] = seen.get(text, 0) + 1
            n = seen[text]
            row["item_id"] = item_id(kind, key, kind, text, *([f"#{n}"] if n > 1 else []))


def content_key(regs: list[dict[str, Any]]) -> Optional[str]:
    """Same registration rows (whatever the file format) -> same key: how copies of one form are recognised."""
    if not regs:
        return None
    rows = sorted("|".join(text_key(r.get(k)) for k in ("unit_key", "section", "name", "leader", "address",
                                                         "field", "period_text"))
                  for r in regs)
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- OCR confidence per item


def _norm_cell(text: Optional[str]) -> str:
    return " ".join(str(text or "").split()).casefold()


def _ocr_by_line(document: Any) -> dict[tuple[Any, Any], float]:
    """(page, first line) -> confidence of each OCRed paragraph."""
    out: dict[tuple[Any, Any], float] = {}
    for block in document.paragraphs:
        if block.confidence is not None:
            out[(block.location.page, block.location.line)] = float(block.confidence)
    return out


def _line_confidence(lines: dict[tuple[Any, Any], float], page: Any, line: Any) -> Optional[float]:
    """Confidence of the OCRed paragraph holding ``line`` of ``page`` (the one starting at or before it)."""
    if line is None:
        return None
    best = None
    for (p, first), conf in lines.items():
        if p == page and first is not None and first <= line and (best is None or first > best[0]):
            best = (first, conf)
    return best[1] if best else None


#: Registration attribute -> the cell text it was read from.
_REG_FIELDS = {"name": "name", "leader": "leader", "address": "address", "field": "field_raw"}


def _registration_ocr(document: Any, reg: Any) -> dict[str, float]:
    """Per field, the OCR confidence of the table cell the value was read from (found by its text)."""
    table = next((t for t in document.tables if t.index == reg.location.table), None)
    if table is None:
        return {}
    want_name = _norm_cell(reg.name)
    for row in table.rows:
        texts = {_norm_cell(c.text): c for c in row if c.text}
        if want_name and want_name in texts:
            out: dict[str, float] = {}
            values = {f: getattr(reg, attr) for f, attr in _REG_FIELDS.items()}
            values["period"] = reg.period.text if reg.period else None
            for field, value in values.items():
                cell = texts.get(_norm_cell(value)) if value else None
                if cell is not None and cell.confidence is not None:
                    out[field] = round(float(cell.confidence), 1)
            return out
    return {}


# --------------------------------------------------------------------------- records -> store rows
#
# Records -> plain row dicts for pipeline.store.commit_document (owned by the store/batch side).
# Why here: the batch extracts in worker processes and ships picklable dicts to the single
# writer; values are str/int/bool/None, dates stay ISO strings exactly as the record has them.
import hashlib  # noqa: E402
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


def _doubt(item: Any, ocr: Optional[dict[str, float]] = None) -> dict[str, Any]:
    """The doubt columns of a child row: extraction's confidence and reasons, OCR's confidence per field."""
    conf = getattr(item, "confidence", None)
    return {"confidence": None if conf is None else float(conf), "review": _json_text(list(item.review or [])),
            "ocr_confidence": _json_text(ocr or None)}


def record_rows(record: Record) -> dict[str, Any]:
    """One ``documents`` row plus child rows for every table, without ids (the writer assigns them)."""
    meta, doc = record.meta, record.document
    unit = display(meta.unit) if meta.unit else None
    warnings = list(doc.warnings) + list(record.warnings)
    lines = _ocr_by_line(doc) if doc.ocr else {}

    def line_ocr(location: Any) -> Optional[dict[str, float]]:
        if not doc.ocr:
            return None
        if location.table is not None and location.row is not None:
            table = next((t for t in doc.tables if t.index == location.table), None)
            if table is not None and 0 <= location.row < len(table.rows):
                confs = [c.confidence for c in table.rows[location.row] if c.text and c.confidence is not None]
                return {"text": round(float(min(confs)), 1)} if confs else None
        conf = _line_confidence(lines, location.page, location.line)
        return {"text": round(conf, 1)} if conf is not None else None

    doc_ocr: dict[str, float] = {}
    for field_name, where in (meta.location or {}).items():
        if doc.ocr and isinstance(where, dict):
            conf = _line_confidence(lines, where.get("page"), where.get("line"))
            if conf is not None:
                doc_ocr[field_name] = round(conf, 1)
    out: dict[str, Any] = {
        "documents": {
            "sha256": doc.sha256, "kind": meta.kind, "issuer": meta.issuer, "number": meta.number,
            "place": meta.place, "issued_on": meta.issued_on, "title": meta.title, "subject": meta.subject,
            "signer_name": meta.signer.name, "signer_title": meta.signer.title,
            "unit": unit, "unit_key": _row_unit_key(unit), "pages": doc.pages, "ocr": bool(doc.ocr),
            "format": doc.format, "warnings": _json_text(warnings), "path": doc.path,
            "record": _jsonlib.dumps(record.to_dict(), ensure_ascii=False),
            "unit_source": meta.unit_source,
            "confidence": _json_text({k: round(float(v), 2) for k, v in (meta.confidence or {}).items()}),
            "review": _json_text({k: list(v) for k, v in (meta.review or {}).items() if v}),
            "ocr_confidence": _json_text(doc_ocr or None),
        },
        "warnings": warnings,
    }
    out["deadlines"] = [
        {"due": d.due, "precision": d.precision, "text": d.text, "action": d.action,
         "responsible": d.responsible, "recipient": d.recipient, "year_inferred": bool(d.year_inferred),
         "recurring": d.recurring, "time": d.time, **_loc(d.location), **_doubt(d, line_ocr(d.location))}
        for d in record.deadlines
    ]
    out["milestones"] = [
        {"start": m.start, "end": m.end, "precision": m.precision, "text": m.text,
         "year_inferred": bool(m.year_inferred), **_loc(m.location), **_doubt(m, line_ocr(m.location))}
        for m in record.milestones
    ]
    out["quotas"] = [
        {"subject": q.subject, "minimum": q.minimum, "maximum": q.maximum, "unit": q.unit,
         "exclusive": bool(q.exclusive), "exact": bool(q.exact), "item": q.item, "text": q.text,
         **_loc(q.location), **_doubt(q, line_ocr(q.location))}
        for q in record.quotas
    ]
    out["references"] = [
        {"kind": r.kind, "number": r.number, "date": r.date, "issuer": r.issuer, "text": r.text,
         **_loc(r.location), **_doubt(r, line_ocr(r.location))}
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
            **_doubt(r, _registration_ocr(doc, r) if doc.ocr else None),
        })
    out["registrations"] = regs
    fill_derived(out["documents"], out)
    # Every unit named anywhere in the record, for the units table (display name kept as first seen).
    names = [unit] + [r["unit"] for r in regs]
    seen: dict[str, str] = {}
    for name in names:
        key = _row_unit_key(name)
        if key and key not in seen:
            seen[key] = name  # type: ignore[assignment]
    out["units"] = [{"key": k, "name": v} for k, v in seen.items()]
    return out


def fill_derived(doc_row: dict[str, Any], children: dict[str, Any]) -> None:
    """Campaign year, content key and stable item ids, from row values alone (new records and old stores)."""
    regs = children.get("registrations") or []
    dates = [d.get("due") for d in children.get("deadlines") or []] + \
        [m.get("start") for m in children.get("milestones") or []]
    campaign = campaign_year(doc_row.get("kind"), doc_row.get("title"), doc_row.get("issued_on"),
                             [(r.get("period_start"), r.get("period_end")) for r in regs], dates)
    doc_row["campaign"] = campaign
    doc_row["content_key"] = content_key(regs) if doc_row.get("kind") == "registration_form" else None
    for r in regs:
        r["campaign"] = campaign
    for q in children.get("quotas") or []:
        q["campaign"] = campaign
    assign_item_ids(doc_row, {t: children.get(t) or [] for t in CHILD_TABLES})
