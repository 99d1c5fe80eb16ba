"""The report model: what every output shows, computed once from the store's tables.

Built from one read of each table (``store.read_tables``), whatever the number of files. The
reviewers' answers are applied here, so every output (workbook, calendar, page, exports) shows the
same corrected values: a correction replaces the value read and is marked as such, an item answered
*sai* leaves the lists, a deadline marked done leaves the overdue list. Campaigns (years) are decided
here too: a form's campaign as stored (its rows' year), corrected by a reviewer, or — when the form
says nothing — the campaign of the latest plan issued before it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any, Optional

from ..normalize import file_item_id, normalize_field, normalize_period, unit_key as normalize_unit_key
from ..textnorm import match_key
from .labels import FIELD_LABELS, KIND_ABBREVIATIONS, KIND_LABELS, UNKNOWN_CAMPAIGN, UNKNOWN_FIELD
from .text import (as_date, as_int, as_local, as_number, blank, date_label, dmy, local_today, parse_day, shown,
                   stamp, truthy, vi_order)

#: Tables the model reads (one query each).
TABLES = ("files", "documents", "deadlines", "milestones", "quotas", "references", "registrations", "units",
          "corrections", "done_marks")


def unit_key(name: str) -> str:
    """Key of a unit name: the normalize stage's key, so store and units.csv agree."""
    return normalize_unit_key(name) or match_key(name)


def campaign_label(year: Optional[int]) -> str:
    return f"năm {year}" if year else UNKNOWN_CAMPAIGN


# --------------------------------------------------------------------------- the shapes


@dataclass
class DocInfo:
    id: Any
    kind: str
    number: str
    title: str
    issuer: str
    issued_on: Optional[date]
    unit: str
    unit_key: str
    file_name: str
    file_id: Any
    sha256: str
    superseded: bool
    superseded_reason: str
    superseded_by: Any
    campaign: Optional[int]
    stored_campaign: Optional[int]
    item_id: str
    arrived: Optional[datetime]
    unit_source: str
    ocr: bool
    warnings: list[str]
    confidence: dict[str, float]
    review: dict[str, list[str]]
    ocr_confidence: dict[str, float]
    items: int = 0  # extracted child rows of any kind
    place: str = ""
    signer: str = ""
    corrected: dict[str, str] = field(default_factory=dict)  # review field -> value read before correction

    @property
    def label(self) -> str:
        """"Kế hoạch số 344/KH-UBND" — what a reviewer calls the document."""
        kind = KIND_LABELS.get(self.kind, "Văn bản")
        if self.number:
            return f"{kind} số {self.number}"
        if self.kind == "registration_form" and self.unit:
            return f"{kind} của {self.unit}"
        return f"{kind} {self.title}" if self.title else f"{kind} ({self.file_name})"

    @property
    def short(self) -> str:
        """"KH 344/KH-UBND", else "KH ngày 20/03/2024", else the kind and the file name: for tight places."""
        abbr = KIND_ABBREVIATIONS.get(self.kind, "VB")
        if self.number:
            return f"{abbr} {self.number}"
        if self.kind == "registration_form" and self.unit:
            return f"Biểu {self.unit}"
        if self.issued_on:
            return f"{abbr} ngày {dmy(self.issued_on)}"
        return f"{abbr} {PurePath(self.file_name).stem}" if self.file_name else abbr

    @property
    def full(self) -> str:
        return f"{self.label}: {self.title}" if self.title and self.number else self.label

    @property
    def submitted_on(self) -> Optional[date]:
        """The date a form counts as sent: the date written on it, else the day it arrived."""
        return self.issued_on or (self.arrived.date() if self.arrived else None)


@dataclass
class FileInfo:
    id: Any
    name: str
    path: str
    sha256: str
    status: str
    reason: str
    arrived: Optional[datetime]
    document_id: Any

    @property
    def item_id(self) -> str:
        return file_item_id(self.sha256)


def source_text(file_name: str, page: Any = None, line: Any = None, table: Any = None, row: Any = None) -> str:
    parts = [file_name or "?"]
    if as_int(page) is not None:
        parts.append(f"trang {as_int(page)}")
    if as_int(table) is not None:
        parts.append(f"bảng {as_int(table) + 1}")
    if as_int(row) is not None:
        parts.append(f"hàng {as_int(row) + 1}")
    if as_int(line) is not None:
        parts.append(f"dòng {as_int(line)}")
    return ", ".join(parts)


#: Registration attributes shown in the lists, with their review field code.
REG_FIELDS = (("donvi", "unit"), ("ten", "name"), ("chidao", "leader"), ("diachi", "address"),
              ("linhvuc", "field_label"), ("thoigian", "period"))


@dataclass
class RegRow:
    row_id: Any
    item_id: str
    unit: str
    unit_key: str
    section: Optional[str]
    seq: Optional[int]
    name: str
    leader: str
    address: str
    field: Optional[str]
    field_raw: str
    period: str
    period_start: Optional[str]
    period_end: Optional[str]
    source: str
    doc: Optional[DocInfo]
    superseded: bool
    campaign: Optional[int]
    confidence: Optional[float] = None
    review: list[str] = field(default_factory=list)
    ocr: dict[str, float] = field(default_factory=dict)
    replaced_by: str = ""
    corrected: dict[str, str] = field(default_factory=dict)  # field code -> value read
    changed: dict[str, str] = field(default_factory=dict)    # field code -> value in the form it replaced
    added: bool = False                                      # not in the form this one replaced
    change_note: str = ""                                    # superseded rows: what the newer form changed
    rejected: bool = False

    @property
    def field_label(self) -> str:
        if self.field in FIELD_LABELS:
            return FIELD_LABELS[self.field]
        return self.field_raw or UNKNOWN_FIELD

    def value(self, code: str) -> str:
        return str(getattr(self, dict(REG_FIELDS)[code]) or "")


@dataclass
class TimeItem:
    """A deadline or a milestone, ready for the calendar, the sheet and the page."""

    kind: str  # "deadline" | "milestone"
    start: Optional[date]
    end: Optional[date]  # inclusive; == start for deadlines
    precision: str
    summary: str  # what is due ("gửi báo cáo kết quả")
    text: str
    responsible: str
    recipient: str
    recurring: str
    year_inferred: bool
    doc: Optional[DocInfo]
    source: str
    row_id: Any = None
    item_id: str = ""
    ids: list[str] = field(default_factory=list)  # the ids of every copy merged into this entry
    row_ids: list[Any] = field(default_factory=list)
    done: bool = False
    done_at: Optional[datetime] = None
    confidence: Optional[float] = None
    review: list[str] = field(default_factory=list)
    ocr: dict[str, float] = field(default_factory=dict)
    corrected: dict[str, str] = field(default_factory=dict)
    read_start: Optional[date] = None  # the dates as read, before any correction (the checks look at these)
    read_end: Optional[date] = None

    @property
    def date_label(self) -> str:
        if self.kind == "milestone" and self.start and self.end and self.start != self.end:
            if self.precision == "month":
                a, b = self.start, self.end
                if (a.year, a.month) == (b.year, b.month):
                    return f"tháng {a.month:02d}/{a.year}"
                return f"tháng {a.month:02d}/{a.year} – tháng {b.month:02d}/{b.year}"
            return f"{dmy(self.start)} – {dmy(self.end)}"
        label = date_label(self.start or self.end, self.precision)
        return label + " (hằng năm)" if self.recurring == "yearly" and self.start else label

    @property
    def kind_label(self) -> str:
        return "Hạn chót" if self.kind == "deadline" else "Mốc thời gian"

    def uid(self) -> str:
        """The calendar UID: the stable item id, so a corrected date moves the event instead of adding one."""
        return f"{self.item_id}@pipeline"


@dataclass
class QuotaRow:
    row_id: Any
    item_id: str
    doc: Optional[DocInfo]
    subject: str
    minimum: Optional[float]
    maximum: Optional[float]
    percent: bool
    exclusive: bool
    exact: bool
    item: str
    text: str
    source: str
    campaign: Optional[int]
    confidence: Optional[float] = None
    review: list[str] = field(default_factory=list)
    ocr: dict[str, float] = field(default_factory=dict)
    corrected: dict[str, str] = field(default_factory=dict)


@dataclass
class Model:
    """What every output shows, computed once from the store."""

    as_of: Optional[datetime]  # local time of the latest processing (None for an empty store)
    today: date
    docs: dict[Any, DocInfo]
    files: list[FileInfo]
    year: Optional[int]  # the campaign the main sheets show
    campaigns: list[Optional[int]]  # every campaign with registrations or documents, latest first
    rows: dict[Optional[int], list[RegRow]]  # current registration rows per campaign
    superseded: list[RegRow]
    rejected_rows: list[RegRow]
    duplicates: list[DocInfo]
    items: list[TimeItem]  # deadlines (dated or not) and milestones, in display order
    rejected_items: list[TimeItem]
    quotas: list[QuotaRow]
    compliance: Any = None  # compliance.Compliance of ``year``
    submissions: Any = None  # compliance.Submissions of ``year``
    review: Any = None  # review.Queue
    warnings: list[str] = field(default_factory=list)
    overrides: dict[tuple[str, Any], dict[str, Any]] = field(default_factory=dict)  # (table, row id) -> values
    excluded: set[tuple[str, Any]] = field(default_factory=set)  # (table, row id) answered "sai"

    @property
    def current(self) -> list[RegRow]:
        """Current rows of the main campaign."""
        return self.rows.get(self.year, [])

    @property
    def dated_deadlines(self) -> list[TimeItem]:
        return [i for i in self.items if i.kind == "deadline" and i.start]

    @property
    def undated_deadlines(self) -> list[TimeItem]:
        return [i for i in self.items if i.kind == "deadline" and not i.start]

    @property
    def milestones(self) -> list[TimeItem]:
        return [i for i in self.items if i.kind == "milestone"]

    @property
    def as_of_label(self) -> str:
        return stamp(self.as_of) if self.as_of else "chưa có dữ liệu"


# --------------------------------------------------------------------------- answers


@dataclass
class Answers:
    """The latest answer per review id and the latest done mark per item id."""

    fixes: dict[str, dict[str, Any]]
    marks: dict[str, dict[str, Any]]
    used: set[str] = field(default_factory=set)  # review ids that found their item

    @classmethod
    def from_tables(cls, tables: dict[str, list[dict[str, Any]]]) -> "Answers":
        fixes: dict[str, dict[str, Any]] = {}
        for row in tables.get("corrections", []):
            fixes[row["item_id"]] = row
        marks: dict[str, dict[str, Any]] = {}
        for row in tables.get("done_marks", []):
            marks[row["item_id"]] = row
        return cls(fixes, marks)

    def get(self, review_id: str) -> Optional[tuple[str, str]]:
        """(verdict, value) of the latest answer, or None (none, or withdrawn)."""
        row = self.fixes.get(review_id)
        self.used.add(review_id)
        if row is None or row["verdict"] not in ("confirmed", "rejected", "corrected"):
            return None
        return row["verdict"], shown(row.get("value"))

    def done(self, ids: list[str]) -> tuple[bool, Optional[datetime]]:
        for i in ids:
            self.used.add(i)
        found = [self.marks[i] for i in ids if i in self.marks]
        if not found:
            return False, None
        last = max(found, key=lambda r: (r.get("marked_at") or "", r.get("id") or 0))
        return truthy(last.get("done")), as_local(last.get("marked_at"))


def parse_json(value: Any, default: Any) -> Any:
    if blank(value):
        return default
    try:
        out = json.loads(value)
    except (TypeError, ValueError):
        return default
    return out if isinstance(out, type(default)) else default


# --------------------------------------------------------------------------- build


def build_model(tables: dict[str, list[dict[str, Any]]], units_csv: Optional[Path] = None,
                year: Optional[int] = None, today: Optional[date] = None) -> Model:
    """Join the store's tables into the shapes the outputs need, with the reviewers' answers applied."""
    from . import compliance, review

    answers = Answers.from_tables(tables)
    files = {f["id"]: f for f in tables.get("files", [])}
    file_by_doc = {f["document_id"]: f for f in tables.get("files", []) if not blank(f.get("document_id"))}
    counts: dict[Any, int] = {}
    for name in ("deadlines", "milestones", "quotas", "references", "registrations"):
        for r in tables.get(name, []):
            counts[r["document_id"]] = counts.get(r["document_id"], 0) + 1
    docs = {d["id"]: _doc(d, files.get(d.get("file_id")) or file_by_doc.get(d["id"]) or {}, counts.get(d["id"], 0))
            for d in tables.get("documents", [])}
    overrides: dict[tuple[str, Any], dict[str, Any]] = {}
    for doc in docs.values():
        _apply_doc_answers(doc, answers, overrides)
    _fallback_campaigns(docs)

    file_infos = [FileInfo(f["id"], shown(f.get("name")) or PurePath(shown(f.get("path"))).name, shown(f.get("path")),
                           shown(f.get("sha256")), shown(f.get("status")), shown(f.get("reason")),
                           as_local(f.get("arrived_at")), f.get("document_id"))
                  for f in tables.get("files", [])]
    stamps = [as_local(f.get("processed_at")) for f in tables.get("files", [])]
    stamps = [s for s in stamps if s]
    as_of = max(stamps) if stamps else None

    excluded: set[tuple[str, Any]] = set()
    current, superseded, rejected = _registrations(tables.get("registrations", []), docs, answers, overrides,
                                                   excluded)
    _mark_changes(current + superseded, docs)
    rows: dict[Optional[int], list[RegRow]] = {}
    for r in current:
        rows.setdefault(r.campaign, []).append(r)
    order = lambda x: (vi_order(x.unit), x.section or "~", x.seq if x.seq is not None else 10**9,  # noqa: E731
                       x.source, match_key(x.name))
    for part in rows.values():
        part.sort(key=order)
    superseded.sort(key=order)

    items, rejected_items = _time_items(tables, docs, answers, overrides, excluded)
    quotas = _quotas(tables.get("quotas", []), docs, answers, overrides, excluded)

    campaigns = {d.campaign for d in docs.values() if not d.superseded and d.kind != "other"} | set(rows)
    campaigns.discard(None)
    ordered = sorted(campaigns, reverse=True)
    if None in rows:
        ordered.append(None)
    main = year if year is not None else (ordered[0] if ordered else None)
    if main not in ordered:
        ordered.insert(0, main)
    model = Model(
        as_of=as_of, today=today or local_today(), docs=docs, files=file_infos, year=main, campaigns=ordered,
        rows=rows, superseded=superseded, rejected_rows=rejected,
        duplicates=sorted([d for d in docs.values() if d.superseded_reason == "duplicate"],
                          key=lambda d: (vi_order(d.unit), d.file_name)),
        items=items, rejected_items=rejected_items, quotas=quotas, overrides=overrides, excluded=excluded)
    expected, csv_warnings = compliance.read_units_csv(units_csv) if units_csv else ([], [])
    model.warnings.extend(csv_warnings)
    model.compliance = compliance.check_compliance(model, tables.get("units", []), expected)
    model.submissions = compliance.submissions(model, expected)
    model.review = review.build_queue(model, tables, answers)
    return model


def _doc(d: dict[str, Any], f: dict[str, Any], items: int) -> DocInfo:
    path = shown(f.get("name")) or shown(f.get("path")) or shown(d.get("path"))
    warnings = parse_json(d.get("warnings"), [])
    return DocInfo(
        id=d["id"], kind=shown(d.get("kind")) or "other", number=shown(d.get("number")), title=shown(d.get("title")),
        issuer=shown(d.get("issuer")), issued_on=as_date(d.get("issued_on")), unit=shown(d.get("unit")),
        unit_key=shown(d.get("unit_key")) or (unit_key(shown(d.get("unit"))) if shown(d.get("unit")) else ""),
        file_name=PurePath(path.replace("\\", "/")).name if path else "", file_id=d.get("file_id") or f.get("id"),
        sha256=shown(d.get("sha256")) or shown(f.get("sha256")), superseded=truthy(d.get("superseded")),
        superseded_reason=shown(d.get("superseded_reason")), superseded_by=d.get("superseded_by"),
        campaign=as_int(d.get("campaign")), stored_campaign=as_int(d.get("campaign")),
        item_id=shown(d.get("item_id")), arrived=as_local(d.get("arrived_at") or f.get("arrived_at")),
        unit_source=shown(d.get("unit_source")), ocr=truthy(d.get("ocr")),
        warnings=[shown(w) for w in warnings if shown(w)], confidence=parse_json(d.get("confidence"), {}),
        review=parse_json(d.get("review"), {}), ocr_confidence=parse_json(d.get("ocr_confidence"), {}), items=items,
        place=shown(d.get("place")), signer=shown(d.get("signer_name")))


def _apply_doc_answers(doc: DocInfo, answers: Answers, overrides: dict[tuple[str, Any], dict[str, Any]]) -> None:
    """Corrections of a document's own fields: number, date, unit, campaign, title, issuer, place, signer."""
    if not doc.item_id:
        return
    for code, attr, column in (("so", "number", "number"), ("ngay", "issued_on", "issued_on"),
                               ("donvi", "unit", "unit"), ("nam", "campaign", "campaign"),
                               ("trichyeu", "title", "title"), ("coquan", "issuer", "issuer"),
                               ("diadanh", "place", "place"), ("nguoiky", "signer", "signer_name")):
        got = answers.get(f"{doc.item_id}/{code}")
        if got is None or got[0] == "confirmed":
            continue
        verdict, value = got
        before = getattr(doc, attr)
        new: Any
        if verdict == "rejected" or not value:
            new = None if attr in ("issued_on", "campaign") else ""
        elif attr == "issued_on":
            new = parse_day(value)
            if new is None:
                continue  # the review queue says the answer was not understood
        elif attr == "campaign":
            new = as_int(value.strip()[:4]) if value.strip()[:4].isdigit() else None
            if new is None:
                continue
        else:
            new = value
        doc.corrected[code] = dmy(before) if isinstance(before, date) else ("" if before is None else str(before))
        setattr(doc, attr, new)
        if attr == "unit":
            doc.unit_key = unit_key(new) if new else ""
        overrides.setdefault(("documents", doc.id), {})[column] = (
            new.isoformat() if isinstance(new, date) else new)


def _fallback_campaigns(docs: dict[Any, DocInfo]) -> None:
    """A form that tells no year belongs to the campaign of the latest plan issued on or before it."""
    plans = sorted((d for d in docs.values() if d.kind != "registration_form" and d.campaign and d.issued_on),
                   key=lambda d: d.issued_on)
    for doc in docs.values():
        if doc.campaign is not None or doc.kind != "registration_form":
            continue
        when = doc.submitted_on
        before = [p for p in plans if when is None or p.issued_on <= when]
        if before:
            doc.campaign = before[-1].campaign


def _registrations(raw: list[dict[str, Any]], docs: dict[Any, DocInfo], answers: Answers,
                   overrides: dict[tuple[str, Any], dict[str, Any]], excluded: set[tuple[str, Any]]
                   ) -> tuple[list[RegRow], list[RegRow], list[RegRow]]:
    current: list[RegRow] = []
    old: list[RegRow] = []
    rejected: list[RegRow] = []
    by_id: dict[Any, RegRow] = {}
    for r in raw:
        doc = docs.get(r.get("document_id"))
        unit = shown(r.get("unit")) or (doc.unit if doc else "") or "(không rõ đơn vị)"
        if doc and "donvi" in doc.corrected and (shown(r.get("unit")) in ("", doc.corrected["donvi"])):
            unit = doc.unit or "(không rõ đơn vị)"  # the form's unit was corrected: its rows follow
        row = RegRow(
            row_id=r["id"], item_id=shown(r.get("item_id")), unit=unit, unit_key=unit_key(unit),
            section=shown(r.get("section")) or None, seq=as_int(r.get("seq")), name=shown(r.get("name")),
            leader=shown(r.get("leader")), address=shown(r.get("address")), field=shown(r.get("field")) or None,
            field_raw=shown(r.get("field_raw")), period=_period_text(r), period_start=shown(r.get("period_start")) or None,
            period_end=shown(r.get("period_end")) or None,
            source=source_text(doc.file_name if doc else "", r.get("page"), None, r.get("table_no"), r.get("row_no")),
            doc=doc, superseded=truthy(r.get("superseded")) or bool(doc and doc.superseded),
            campaign=doc.campaign if doc else as_int(r.get("campaign")),
            confidence=as_number(r.get("confidence")), review=[shown(x) for x in parse_json(r.get("review"), [])],
            ocr=parse_json(r.get("ocr_confidence"), {}))
        _apply_reg_answers(row, answers, overrides)
        by_id[r["id"]] = row
        if row.rejected:
            excluded.add(("registrations", row.row_id))
            if not row.superseded:
                rejected.append(row)
            continue
        (old if row.superseded else current).append(row)
    for r in raw:
        row = by_id[r["id"]]
        if row.superseded:
            row.replaced_by = _replacement_label(r, docs)
    return current, old, rejected


def _period_text(row: dict[str, Any]) -> str:
    text = shown(row.get("period_text"))
    if text:
        return text
    start, end = as_date(row.get("period_start")), as_date(row.get("period_end"))
    if start and end:
        return f"{start.month:02d}/{start.year} - {end.month:02d}/{end.year}"
    return dmy(start or end)


def _apply_reg_answers(row: RegRow, answers: Answers, overrides: dict[tuple[str, Any], dict[str, Any]]) -> None:
    if not row.item_id:
        return
    whole = answers.get(row.item_id)
    if whole is not None and whole[0] == "rejected":
        row.rejected = True
        return
    changes: dict[str, Any] = {}
    for code, attr in REG_FIELDS:
        got = answers.get(f"{row.item_id}/{code}")
        if got is None or got[0] == "confirmed":
            continue
        verdict, value = got
        new = value if verdict == "corrected" else ""
        row.corrected[code] = row.value(code)
        if code == "donvi":
            row.unit, row.unit_key = new or "(không rõ đơn vị)", unit_key(new) if new else ""
            changes.update(unit=new, unit_key=row.unit_key or None)
        elif code == "linhvuc":
            row.field, row.field_raw = normalize_field(new) if new else (None, "")
            changes.update(field=row.field, field_raw=row.field_raw or None)
        elif code == "thoigian":
            row.period = new
            period = normalize_period(new) if new else None
            row.period_start = period.start if period else None
            row.period_end = period.end if period else None
            changes.update(period_text=new or None, period_start=row.period_start, period_end=row.period_end)
        else:
            setattr(row, attr, new)
            changes[attr] = new
    if changes:
        overrides.setdefault(("registrations", row.row_id), {}).update(changes)


def _replacement_label(raw: dict[str, Any], docs: dict[Any, DocInfo]) -> str:
    """Where the newer version lives (the newer document), else the raw value."""
    ref = raw.get("superseded_by")
    doc = docs.get(raw.get("document_id"))
    if blank(ref):
        ref = doc.superseded_by if doc else None
    if blank(ref):
        return "văn bản đã được thay thế" if doc and doc.superseded else ""
    key = as_int(ref) if as_int(ref) is not None else ref
    if key in docs:  # the store's contract: superseded_by is the id of the newer document
        return f"{docs[key].label} ({docs[key].file_name})"
    return shown(ref)


def _final(doc: DocInfo, docs: dict[Any, DocInfo]) -> Optional[DocInfo]:
    """The current document a superseded one was replaced by, following the chain."""
    seen = set()
    while doc.superseded and doc.id not in seen:
        seen.add(doc.id)
        nxt = docs.get(as_int(doc.superseded_by)) if not blank(doc.superseded_by) else None
        if nxt is None:
            return None
        doc = nxt
    return doc


def _mark_changes(rows: list[RegRow], docs: dict[Any, DocInfo]) -> None:
    """A resubmission shows what it changed: changed cells and added rows on the current form, and on each
    replaced row, what became of it. Copies (duplicates) change nothing and are not compared."""
    by_doc: dict[Any, list[RegRow]] = {}
    for r in rows:
        if r.doc is not None:
            by_doc.setdefault(r.doc.id, []).append(r)
    for doc in docs.values():
        if doc.superseded_reason != "resubmitted" or doc.id not in by_doc:
            continue
        newer = _final(doc, docs)
        if newer is None or newer.id not in by_doc:
            continue
        old_rows = {r.item_id: r for r in by_doc[doc.id]}
        new_rows = {r.item_id: r for r in by_doc[newer.id]}
        label = f"biểu ngày {dmy(doc.submitted_on)}" if doc.submitted_on else doc.file_name
        for item, new in new_rows.items():
            old = old_rows.get(item)
            if old is None:
                new.added = True
                continue
            notes = []
            for code, _attr in REG_FIELDS:
                a, b = old.value(code), new.value(code)
                if match_key(a) != match_key(b):
                    new.changed[code] = f"{a} ({label})" if a else f"(trống) ({label})"
                    notes.append(f"{_FIELD_WORDS[code]}: «{a}» → «{b}»")
            old.change_note = "; ".join(notes) if notes else "không đổi"
        for item, old in old_rows.items():
            if item not in new_rows:
                old.change_note = "bỏ ở biểu mới"


_FIELD_WORDS = {"donvi": "Đơn vị", "ten": "Tên", "chidao": "Chỉ đạo", "diachi": "Địa chỉ", "linhvuc": "Lĩnh vực",
                "thoigian": "Thời gian"}


def _time_items(tables: dict[str, list[dict[str, Any]]], docs: dict[Any, DocInfo], answers: Answers,
                overrides: dict[tuple[str, Any], dict[str, Any]], excluded: set[tuple[str, Any]]
                ) -> tuple[list[TimeItem], list[TimeItem]]:
    """Deadlines and milestones of current documents, answers applied, copies merged, in date order."""
    items: list[TimeItem] = []
    for d in tables.get("deadlines", []):
        doc = docs.get(d.get("document_id"))
        if doc and doc.superseded:
            continue
        due = as_date(d.get("due"))
        text = shown(d.get("text"))
        items.append(TimeItem(
            kind="deadline", start=due, end=due, precision=shown(d.get("precision")) or "day",
            summary=shown(d.get("action")) or text, text=text, responsible=shown(d.get("responsible")),
            recipient=shown(d.get("recipient")), recurring=shown(d.get("recurring")),
            year_inferred=truthy(d.get("year_inferred")), doc=doc,
            source=source_text(doc.file_name if doc else "", d.get("page"), d.get("line")),
            row_id=d["id"], item_id=shown(d.get("item_id")), confidence=as_number(d.get("confidence")),
            review=[shown(x) for x in parse_json(d.get("review"), [])], ocr=parse_json(d.get("ocr_confidence"), {})))
    for m in tables.get("milestones", []):
        doc = docs.get(m.get("document_id"))
        if doc and doc.superseded:
            continue
        start, end = as_date(m.get("start")), as_date(m.get("end"))
        if start and end and end < start:
            start, end = end, start
        start, end = start or end, end or start
        text = shown(m.get("text"))
        items.append(TimeItem(
            kind="milestone", start=start, end=end, precision=shown(m.get("precision")) or "day",
            summary=text, text=text, responsible="", recipient="", recurring="",
            year_inferred=truthy(m.get("year_inferred")), doc=doc,
            source=source_text(doc.file_name if doc else "", m.get("page"), m.get("line")),
            row_id=m["id"], item_id=shown(m.get("item_id")), confidence=as_number(m.get("confidence")),
            review=[shown(x) for x in parse_json(m.get("review"), [])], ocr=parse_json(m.get("ocr_confidence"), {})))
    for it in items:
        it.ids = [it.item_id] if it.item_id else []
        it.row_ids = [it.row_id]
        it.read_start, it.read_end = it.start, it.end
    merged = _merge_copies(items)
    kept: list[TimeItem] = []
    rejected: list[TimeItem] = []
    for it in merged:
        if _apply_time_answers(it, answers, overrides):
            kept.append(it)
        else:
            rejected.append(it)
            table = "deadlines" if it.kind == "deadline" else "milestones"
            excluded.update((table, rid) for rid in it.row_ids)
    kept.sort(key=lambda i: (i.start is None, i.start or date.max, i.kind, i.end or date.max,
                             match_key(i.text), i.source))
    return kept, rejected


def _merge_copies(items: list[TimeItem]) -> list[TimeItem]:
    """One entry per obligation: the same dated sentence from two copies of a plan (PDF and text, say)
    is kept once, with the other sources listed. Which copy names the entry does not depend on the
    order the copies were stored in (the smallest item id), so answers and calendar UIDs stay put."""
    groups: dict[tuple[Any, ...], list[TimeItem]] = {}
    order: list[Any] = []
    for it in items:
        if it.start is None:
            order.append(it)
            continue
        key = (it.kind, it.start, it.end, match_key(it.text))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(it)
    result = []
    for entry in order:
        if isinstance(entry, TimeItem):
            result.append(entry)
            continue
        group = sorted(groups[entry], key=lambda i: (i.item_id or "~", i.source))
        head = group[0]
        for other in group[1:]:
            if other.source not in head.source:
                head.source += f"; bản sao: {other.source}"
            head.ids += [i for i in other.ids if i not in head.ids]
            head.row_ids.append(other.row_id)
        result.append(head)
    return result


def _apply_time_answers(it: TimeItem, answers: Answers, overrides: dict[tuple[str, Any], dict[str, Any]]) -> bool:
    """Answers on a deadline or milestone (any of its copies' ids). False when answered "sai" (leaves the lists)."""
    table = "deadlines" if it.kind == "deadline" else "milestones"
    for item in it.ids:
        whole = answers.get(item)
        if whole is not None and whole[0] == "rejected":
            return False
    it.done, it.done_at = answers.done(it.ids) if it.kind == "deadline" else (False, None)
    for item in it.ids:
        for code in ("han", "noidung", "thoigian"):
            got = answers.get(f"{item}/{code}")
            if got is None or got[0] == "confirmed" or code in it.corrected:
                continue
            verdict, value = got
            if code == "noidung":
                it.corrected[code] = it.summary
                it.summary = value if verdict == "corrected" and value else it.summary
                for rid in it.row_ids:
                    overrides.setdefault((table, rid), {})["action"] = it.summary
            elif code == "han":
                new = parse_day(value) if verdict == "corrected" else None
                if verdict == "corrected" and new is None:
                    continue  # not a date: the review queue says so
                it.corrected[code] = it.date_label
                it.start = it.end = new
                it.precision = "day"
                for rid in it.row_ids:
                    overrides.setdefault((table, rid), {}).update(due=new.isoformat() if new else None,
                                                                 precision="day")
            elif code == "thoigian":
                parts = [parse_day(p) for p in value.replace("–", "-").split(" - ")] if verdict == "corrected" else []
                parts = [p for p in parts if p]
                if verdict == "corrected" and not parts:
                    continue
                it.corrected[code] = it.date_label
                it.start, it.end = (parts[0], parts[-1]) if parts else (None, None)
                it.precision = "day"
                for rid in it.row_ids:
                    overrides.setdefault((table, rid), {}).update(
                        start=it.start.isoformat() if it.start else None, end=it.end.isoformat() if it.end else None)
    return True


def _quotas(raw: list[dict[str, Any]], docs: dict[Any, DocInfo], answers: Answers,
            overrides: dict[tuple[str, Any], dict[str, Any]], excluded: set[tuple[str, Any]]) -> list[QuotaRow]:
    out = []
    for q in raw:
        doc = docs.get(q.get("document_id"))
        if doc and doc.superseded:
            continue
        row = QuotaRow(
            row_id=q["id"], item_id=shown(q.get("item_id")), doc=doc, subject=shown(q.get("subject")),
            minimum=as_number(q.get("minimum")), maximum=as_number(q.get("maximum")),
            percent=shown(q.get("unit")) == "percent", exclusive=truthy(q.get("exclusive")),
            exact=truthy(q.get("exact")), item=shown(q.get("item")), text=shown(q.get("text")),
            source=source_text(doc.file_name if doc else "", q.get("page"), q.get("line")),
            campaign=doc.campaign if doc else as_int(q.get("campaign")), confidence=as_number(q.get("confidence")),
            review=[shown(x) for x in parse_json(q.get("review"), [])], ocr=parse_json(q.get("ocr_confidence"), {}))
        whole = answers.get(row.item_id) if row.item_id else None
        if whole is not None and whole[0] == "rejected":
            excluded.add(("quotas", row.row_id))
            continue
        for code, attr in (("chitieu", "minimum"), ("doituong", "subject")):
            got = answers.get(f"{row.item_id}/{code}") if row.item_id else None
            if got is None or got[0] == "confirmed":
                continue
            value = got[1] if got[0] == "corrected" else ""
            new: Any = value
            if attr == "minimum":
                new = as_number(value.replace(",", ".")) if value else None
                if value and new is None:
                    continue
            row.corrected[code] = str(getattr(row, attr) or "")
            setattr(row, attr, new)
            overrides.setdefault(("quotas", row.row_id), {})[attr] = new
        out.append(row)
    return out
