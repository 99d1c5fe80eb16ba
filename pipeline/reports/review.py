"""The review queue: every value a reviewer should check, why, where it came from, and the answer given.

What goes in (each with its reason in Vietnamese, the value read, its source and a stable id):

* what extraction doubts — an item's ``confidence`` below ``model.REVIEW_THRESHOLD`` or its ``review``
  reasons, per document field too;
* text read from a scan with a low OCR confidence (the cell or line each value came from);
* consistency checks done here: a form titled for one year whose rows are of another; a row carried
  out outside its form's year; a deadline or milestone before the date of its own document; a year
  the text did not write; a unit guessed from the file name, or none at all; a form without rows;
* files: every quarantined file with its reason, every file from which nothing was extracted, and
  reader warnings no item above already covers.

Answers come back keyed by the item's stable id (``<item id>`` for the whole item, ``<item id>/<field>``
for one value); the queue shows each with its status, and lists answers whose item has disappeared
(orphaned) instead of dropping them.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Optional

from ..model import REVIEW_THRESHOLD
from ..normalize import file_item_id, title_year
from .labels import FIELD_CODES, ITEM_KIND_LABELS, KIND_LABELS, REVIEW_FIELDS, STATUS_LABELS
from .model import Answers, DocInfo, Model, RegRow, TimeItem, campaign_label, parse_json, unit_key
from .text import as_local, as_number, dmy, fold, parse_day, shown, vi_order

OCR_THRESHOLD = 100 * REVIEW_THRESHOLD  # Tesseract's 0..100 confidence, the same bar as extraction's 0..1
#: Fields whose correction must be a date (or a year, a number) to be applied.
DATE_FIELDS = {"han", "ngay"}
RANGE_FIELDS = {"thoigian"}


@dataclass
class ReviewItem:
    review_id: str
    item_kind: str
    field: str  # review field code; "" for the whole item
    value: str
    reasons: list[str]
    source: str
    doc: Optional[DocInfo] = None
    file_id: Any = None
    campaign: Optional[int] = None
    confidence: Optional[float] = None  # 0..1
    status: str = "open"  # open | confirmed | corrected | rejected
    answer: str = ""  # what the "Xác nhận" cell shows: đúng | sai | ""
    correction: str = ""
    answered_at: Optional[datetime] = None
    answerable: bool = True  # files: an answer only acknowledges
    order: tuple[Any, ...] = ()

    @property
    def kind_label(self) -> str:
        return ITEM_KIND_LABELS.get(self.item_kind, self.item_kind)

    @property
    def field_label(self) -> str:
        return REVIEW_FIELDS.get(self.field.split("-")[0], self.field)

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def document_label(self) -> str:
        return self.doc.full if self.doc else ""


@dataclass
class Orphan:
    """An answer whose item is no longer in the store (the file was replaced, or re-read differently)."""

    review_id: str
    kind: str  # correction | done
    answer: str
    shown: str
    answered_at: Optional[datetime]
    source: str


@dataclass
class Queue:
    items: list[ReviewItem]
    orphans: list[Orphan] = field(default_factory=list)

    @property
    def open(self) -> list[ReviewItem]:
        return [i for i in self.items if i.status == "open"]

    @property
    def answered(self) -> list[ReviewItem]:
        return [i for i in self.items if i.status != "open"]

    def store_rows(self) -> list[dict[str, Any]]:
        """Rows of the store's ``review_items`` table."""
        rows = [{"item_id": i.review_id, "item_kind": i.item_kind, "field": i.field or None,
                 "document_id": i.doc.id if i.doc else None, "file_id": i.file_id, "campaign": i.campaign,
                 "value": i.value, "reason": i.reason, "source": i.source, "confidence": i.confidence,
                 "status": i.status, "answer": i.answer or None, "correction": i.correction or None}
                for i in self.items]
        rows += [{"item_id": o.review_id, "item_kind": None, "field": None, "document_id": None, "file_id": None,
                  "campaign": None, "value": o.shown, "reason": "Mục đã trả lời không còn trong dữ liệu",
                  "source": o.source, "confidence": None, "status": "orphaned", "answer": o.answer,
                  "correction": None} for o in self.orphans]
        return rows


def _pct(conf: float) -> str:
    return f"{conf:.0f}%"


def ocr_reason(conf: float) -> str:
    return f"Chữ đọc từ bản quét, độ tin cậy thấp ({_pct(conf)}) — đối chiếu với bản gốc"


def doubt_reasons(confidence: Optional[float], reasons: list[str]) -> list[str]:
    """Extraction's own doubt: its reasons, or its low confidence when it gave none."""
    if reasons:
        return list(reasons)
    if confidence is not None and confidence < REVIEW_THRESHOLD:
        return [f"Độ tin cậy khi trích xuất thấp ({_pct(100 * confidence)})"]
    return []


class _Collector:
    def __init__(self, answers: Answers) -> None:
        self.answers = answers
        self.items: dict[str, ReviewItem] = {}

    def add(self, review_id: str, kind: str, fld: str, value: str, reason: str, source: str,
            doc: Optional[DocInfo], confidence: Optional[float] = None, **kw: Any) -> None:
        if not review_id or review_id.startswith("/"):
            return
        item = self.items.get(review_id)
        if item is None:
            file_id = kw.pop("file_id", doc.file_id if doc else None)
            item = ReviewItem(review_id, kind, fld, value, [], source, doc, file_id,
                              doc.campaign if doc else None, confidence, **kw)
            self.items[review_id] = item
        if reason and reason not in item.reasons:
            item.reasons.append(reason)
        if confidence is not None and (item.confidence is None or confidence < item.confidence):
            item.confidence = confidence


def build_queue(model: Model, tables: dict[str, list[dict[str, Any]]], answers: Answers) -> Queue:
    c = _Collector(answers)
    for doc in sorted(model.docs.values(), key=lambda d: (d.file_name, d.id)):
        if doc.superseded_reason == "duplicate":
            continue  # its copy (same rows, same ids) is checked
        _document_checks(c, doc, model)
    _unit_checks(c, model)
    current_rows = [r for rows in model.rows.values() for r in rows] + model.rejected_rows
    for r in current_rows:
        _row_checks(c, r)
    for it in model.items + model.rejected_items:
        _time_checks(c, it)
    for q in model.quotas:
        reasons = doubt_reasons(q.confidence, q.review)
        value = q.text or f"{q.subject}: {q.minimum}"
        for reason in reasons:
            c.add(q.item_id, "quota", "", value, reason, q.source, q.doc, q.confidence)
        conf = q.ocr.get("text")
        if conf is not None and conf < OCR_THRESHOLD:
            c.add(f"{q.item_id}/chitieu", "quota", "chitieu", value, ocr_reason(conf), q.source, q.doc, conf / 100)
    for ref in tables.get("references", []):
        doc = model.docs.get(ref.get("document_id"))
        if doc is None or doc.superseded:
            continue
        for reason in doubt_reasons(as_number(ref.get("confidence")), [shown(x) for x in parse_json(ref.get("review"), [])]):
            c.add(shown(ref.get("item_id")), "reference", "", shown(ref.get("text")) or shown(ref.get("number")),
                  reason, doc.file_name, doc, as_number(ref.get("confidence")))
    for doc in sorted(model.docs.values(), key=lambda d: (d.file_name, d.id)):
        if doc.superseded_reason != "duplicate":
            _warning_checks(c, doc)
    for f in model.files:
        if f.status == "quarantined":
            c.add(f.item_id, "file", "", f.name, quarantine_reason(f.reason), f.path or f.name, None,
                  answerable=False, file_id=f.id)
    _answered_elsewhere(c, model, answers)
    for item in c.items.values():
        _answer(item, answers)
    items = list(c.items.values())
    kind_order = {"file": 0, "document": 1, "registration": 2, "deadline": 3, "milestone": 4, "quota": 5,
                  "reference": 6}
    items.sort(key=lambda i: (i.status != "open", kind_order.get(i.item_kind, 9),
                              vi_order(i.doc.file_name if i.doc else i.value), i.source, i.review_id))
    return Queue(items, _orphans(model, tables, answers))


# --------------------------------------------------------------------------- checks


def _document_checks(c: _Collector, doc: DocInfo, model: Model) -> None:
    if doc.superseded:
        return
    base = doc.item_id
    value_of = {"so": doc.corrected.get("so", doc.number), "ngay": doc.corrected.get("ngay", dmy(doc.issued_on)),
                "donvi": doc.corrected.get("donvi", doc.unit), "trichyeu": doc.title, "loai": KIND_LABELS.get(doc.kind, doc.kind),
                "nam": doc.corrected.get("nam", str(doc.stored_campaign or "")),
                "coquan": doc.corrected.get("coquan", doc.issuer), "diadanh": doc.corrected.get("diadanh", doc.place),
                "nguoiky": doc.corrected.get("nguoiky", doc.signer)}
    fields = set(doc.review) | {k for k, v in doc.confidence.items() if v is not None and v < REVIEW_THRESHOLD}
    for name in sorted(fields):
        code = FIELD_CODES.get(name, name)
        for reason in doubt_reasons(doc.confidence.get(name), doc.review.get(name, [])):
            c.add(f"{base}/{code}" if code else base, "document", code, value_of.get(code, ""), reason,
                  doc.file_name, doc, doc.confidence.get(name))
    for name, conf in doc.ocr_confidence.items():
        code = FIELD_CODES.get(name)
        if code in ("so", "ngay", "donvi", "trichyeu") and conf < OCR_THRESHOLD:
            c.add(f"{base}/{code}", "document", code, value_of.get(code, ""), ocr_reason(conf), doc.file_name, doc,
                  conf / 100)
    if doc.kind == "registration_form":
        if doc.unit_source == "filename":
            c.add(f"{base}/donvi", "document", "donvi", value_of["donvi"],
                  f"Tên đơn vị đoán từ tên tệp «{doc.file_name}», văn bản không ghi — xác nhận hoặc sửa",
                  doc.file_name, doc)
        if not doc.unit:
            c.add(f"{base}/donvi", "document", "donvi", "",
                  "Không xác định được đơn vị gửi biểu — ghi tên đơn vị vào cột «Sửa thành»", doc.file_name, doc)
        stated = title_year(doc.title)
        if stated and doc.stored_campaign and stated != doc.stored_campaign:
            c.add(f"{base}/nam", "document", "nam", str(doc.stored_campaign),
                  f"Tiêu đề biểu ghi năm {stated} nhưng các dòng thực hiện năm {doc.stored_campaign} — đã xếp vào "
                  f"năm {doc.stored_campaign}; sửa nếu biểu thuộc năm {stated}", doc.file_name, doc)
        if doc.items == 0:
            c.add(doc.item_id, "document", "", doc.file_name,
                  "Biểu đăng ký không có dòng nào đọc được — kiểm tra tệp", doc.file_name, doc)
    elif doc.items == 0 and (doc.kind == "other" or not (doc.number or doc.issued_on)):
        c.add(_file_id(doc), "file", "", doc.file_name,
              "Không trích xuất được gì từ tệp (không có số, ngày, hạn chót, chỉ tiêu hay dòng đăng ký) — "
              "kiểm tra tệp có phải văn bản cần xử lý không", doc.file_name, doc, answerable=False)


def _warning_checks(c: _Collector, doc: DocInfo) -> None:
    """Reader and extraction warnings no other item already shows (run after every other check)."""
    if doc.superseded:
        return
    for warning in doc.warnings:
        reason = warning_reason(warning)
        if reason is None or _covered(warning, c, doc):
            continue
        tag = hashlib.sha256(warning.encode("utf-8")).hexdigest()[:6]
        c.add(f"{doc.item_id}/canhbao-{tag}", "document", f"canhbao-{tag}", "", reason, doc.file_name, doc,
              answerable=False)


def _unit_checks(c: _Collector, model: Model) -> None:
    """A form whose unit is not in units.csv: often a misread tone mark ("Chỉ bộ" for "Chi bộ")."""
    listed = [u for u in (model.compliance.units if model.compliance else []) if u.from_csv]
    if not listed:
        return
    keys = {u.key for u in listed}
    by_fold = {fold(u.name): u for u in listed}
    for doc in model.docs.values():
        read = doc.corrected.get("donvi", doc.unit)  # the unit as read: the question stays after its answer
        if doc.kind != "registration_form" or doc.superseded or not read or unit_key(read) in keys:
            continue
        near = by_fold.get(fold(read))
        if near is not None:
            reason = (f"Đơn vị «{read}» không có trong danh sách đơn vị; gần giống «{near.name}» (có thể đọc sai "
                      f"dấu) — ghi «{near.name}» vào cột «Sửa thành» nếu đúng")
        else:
            reason = "Đơn vị không có trong danh sách đơn vị (units.csv) — xác nhận đúng, hoặc sửa tên"
        c.add(f"{doc.item_id}/donvi", "document", "donvi", read, reason, doc.file_name, doc)


def _file_id(doc: DocInfo) -> str:
    return file_item_id(doc.sha256)


_LOW_OCR = re.compile(r"low OCR confidence \((\d+)%\)[^\"]*\"([^\"]*)\"")


def _covered(warning: str, c: _Collector, doc: DocInfo) -> bool:
    """A low-confidence warning about a value an OCR review item of this document already shows."""
    m = _LOW_OCR.search(warning)
    if not m:
        return False
    quoted = m.group(2).rstrip("…").strip().casefold()
    return any(i.doc is doc and i.value.casefold().startswith(quoted[:20]) for i in c.items.values()
               if any("bản quét" in r for r in i.reasons))


#: Reader and extraction warnings, in Vietnamese (None: informational, or already shown by a check above).
WARNING_REASONS: list[tuple[re.Pattern[str], Optional[str]]] = [(re.compile(p, re.IGNORECASE), r) for p, r in (
    (r"converted (to unicode|to docx|with libreoffice)|legacy (tcvn3|vni)|^(windows-125\d|utf-16|vni|tcvn3)", None),
    (r"unit taken from the footer|consolidated list|guessed from the file name|without a filled 'đơn vị:'", None),
    (r"is blank|found no text", "Có trang trống hoặc không đọc được chữ nào — kiểm tra bản quét"),
    (r"needs ocr|without a text layer|not installed", "Có trang là ảnh quét nhưng chưa đọc được (chưa cài OCR)"),
    (r"only the first|stopped after|limit", "Tệp quá lớn: chỉ đọc được một phần"),
    (r"could not be read|cannot be rendered|ocr failed|extraction failed|not detected",
     "Một phần của tệp không đọc được"),
    (r"undecodable|encoding unclear", "Một số ký tự có thể sai do bảng mã của tệp"),
    (r"deadline-like sentence whose date could not be read", "Câu có vẻ là hạn chót nhưng không đọc được ngày"),
    (r"without a calendar date", "Thời hạn không có ngày cụ thể (tính từ một sự kiện) — theo dõi riêng"),
    (r"no recognisable header row|without a model name|do not have the header",
     "Bảng trong biểu không đọc hết được (thiếu dòng tiêu đề, dòng lệch cột hoặc thiếu tên mô hình)"),
)]


def warning_reason(warning: str) -> Optional[str]:
    """A reader warning for the reviewer: Vietnamese first, the technical detail after it; None to leave out."""
    m = _LOW_OCR.search(warning)
    if m:
        return (f"Số hoặc ngày đọc từ bản quét với độ tin cậy thấp ({m.group(1)}%): «{m.group(2)}» — đối chiếu "
                f"với bản gốc (chi tiết: {warning})")
    for rx, reason in WARNING_REASONS:
        if rx.search(warning):
            return f"{reason} (chi tiết: {warning})" if reason else None
    return f"Cảnh báo khi đọc tệp (chi tiết kỹ thuật: {warning})"


def quarantine_reason(reason: str) -> str:
    """The stored reason, prefixed in Vietnamese when the reader gave only English."""
    text = shown(reason) or "không rõ lý do"
    if re.search(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", text.lower()):
        return f"Không đọc được tệp: {text}"
    return f"Không đọc được tệp — cần lưu lại hoặc gửi bản khác (chi tiết kỹ thuật: {text})"


def _row_checks(c: _Collector, r: RegRow) -> None:
    kind = "registration"
    value = r.corrected.get("ten", r.name)
    for reason in doubt_reasons(r.confidence, r.review):
        c.add(r.item_id, kind, "", value, reason, r.source, r.doc, r.confidence)
    for name, conf in sorted(r.ocr.items()):
        code = FIELD_CODES.get(name)
        if code and conf < OCR_THRESHOLD:
            c.add(f"{r.item_id}/{code}", kind, code, r.corrected.get(code, r.value(code)), ocr_reason(conf), r.source,
                  r.doc, conf / 100)
    if r.campaign and r.doc is not None and r.period_start:
        start, end = r.period_start[:4], (r.period_end or r.period_start)[:4]
        if start.isdigit() and end.isdigit() and not int(start) <= r.campaign <= int(end):
            c.add(f"{r.item_id}/thoigian", kind, "thoigian", r.corrected.get("thoigian", r.period),
                  f"Thời gian thực hiện không thuộc {campaign_label(r.campaign)} của biểu", r.source, r.doc)


def _time_checks(c: _Collector, it: TimeItem) -> None:
    kind = it.kind
    date_code = "han" if kind == "deadline" else "thoigian"
    shown_date = it.corrected.get(date_code, it.date_label)
    for reason in doubt_reasons(it.confidence, it.review):
        c.add(it.item_id, kind, "", it.text or it.summary, reason, it.source, it.doc, it.confidence)
    conf = it.ocr.get("text")
    if conf is not None and conf < OCR_THRESHOLD:
        c.add(f"{it.item_id}/{date_code}", kind, date_code, shown_date, ocr_reason(conf), it.source, it.doc,
              conf / 100)
    doc = it.doc
    if doc is None:
        return
    start, last = it.read_start, it.read_end or it.read_start  # the dates as read, whatever the answers
    if doc.issued_on and last and not it.recurring and last < doc.issued_on:
        what = "Hạn chót" if kind == "deadline" else "Mốc thời gian"
        c.add(f"{it.item_id}/{date_code}", kind, date_code, shown_date,
              f"{what} ({shown_date}) trước ngày ban hành văn bản ({dmy(doc.issued_on)})", it.source, doc)
    if it.year_inferred and start and not it.recurring:
        c.add(f"{it.item_id}/{date_code}", kind, date_code, shown_date,
              f"Năm không ghi trong câu, được suy ra ({start.year})", it.source, doc)


# --------------------------------------------------------------------------- answers


def _answered_elsewhere(c: _Collector, model: Model, answers: Answers) -> None:
    """An answered item stays in the queue (as answered) even when no check raises it any more — its value
    was corrected, or a newer extractor no longer doubts it — as long as the item itself is current."""
    where: dict[str, tuple[str, str, Optional[DocInfo]]] = {}  # item id -> (kind, source, document)
    for doc in model.docs.values():
        if not doc.superseded and doc.item_id:
            where[doc.item_id] = ("document", doc.file_name, doc)
    for rows in list(model.rows.values()) + [model.rejected_rows]:
        for r in rows:
            where[r.item_id] = ("registration", r.source, r.doc)
    for it in model.items + model.rejected_items:
        for i in it.ids:
            where[i] = (it.kind, it.source, it.doc)
    for q in model.quotas:
        where[q.item_id] = ("quota", q.source, q.doc)
    for review_id, row in answers.fixes.items():
        base, _, code = review_id.partition("/")
        if review_id in c.items or base not in where or row["verdict"] not in ("confirmed", "rejected", "corrected"):
            continue
        kind, source, doc = where[base]
        c.add(review_id, kind, code, shown(row.get("shown")),
              "Đã trả lời trước đây (lần đọc này không còn đánh dấu mục này)", source, doc)


def _answer(item: ReviewItem, answers: Answers) -> None:
    row = answers.fixes.get(item.review_id)
    if row is None or row["verdict"] not in ("confirmed", "rejected", "corrected"):
        return
    value = shown(row.get("value"))
    if row["verdict"] == "corrected" and not _understood(item, value):
        item.reasons.append(f"Không hiểu câu trả lời «{value}»: "
                            + ("nhập ngày dạng dd/mm/yyyy" if item.field in DATE_FIELDS else
                               "nhập dạng dd/mm/yyyy - dd/mm/yyyy" if item.field in RANGE_FIELDS else
                               "nhập năm, ví dụ 2025" if item.field == "nam" else "nhập một số"))
        item.correction = value
        return
    item.status = row["verdict"]
    item.answer = "đúng" if item.status == "confirmed" else "sai"
    item.correction = value if item.status == "corrected" else ""
    item.answered_at = as_local(row.get("answered_at"))


def _understood(item: ReviewItem, value: str) -> bool:
    """Can the model apply this correction? Dates must read as dates, years as years, numbers as numbers."""
    code = item.field
    if code in DATE_FIELDS:
        return parse_day(value) is not None
    if code in RANGE_FIELDS and item.item_kind == "milestone":
        return all(parse_day(p) for p in value.replace("–", "-").split(" - "))
    if code == "nam":
        return value.strip()[:4].isdigit()
    if code == "chitieu":
        try:
            float(value.replace(",", "."))
            return True
        except ValueError:
            return False
    return True


def _orphans(model: Model, tables: dict[str, list[dict[str, Any]]], answers: Answers) -> list[Orphan]:
    known: set[str] = {d.item_id for d in model.docs.values() if d.item_id}
    for name in ("deadlines", "milestones", "quotas", "references", "registrations"):
        known.update(shown(r.get("item_id")) for r in tables.get(name, []) if r.get("item_id"))
    known.update(f.item_id for f in model.files)
    out = []
    for review_id, row in answers.fixes.items():
        if review_id.split("/")[0] not in known:
            out.append(Orphan(review_id, "correction", _answer_words(row), shown(row.get("shown")),
                              as_local(row.get("answered_at")), shown(row.get("source"))))
    deadline_ids = {shown(r.get("item_id")) for r in tables.get("deadlines", [])}
    for item, row in answers.marks.items():
        if item not in deadline_ids:
            out.append(Orphan(item, "done", "đã hoàn thành" if row.get("done") else "chưa hoàn thành", "",
                              as_local(row.get("marked_at")), shown(row.get("source"))))
    out.sort(key=lambda o: o.review_id)
    return out


def _answer_words(row: dict[str, Any]) -> str:
    verdict = row.get("verdict")
    if verdict == "corrected":
        return f"sửa thành «{shown(row.get('value'))}»"
    return {"confirmed": "đúng", "rejected": "sai", "open": "rút lại"}.get(verdict, str(verdict))
