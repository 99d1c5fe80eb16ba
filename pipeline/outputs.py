"""The outputs reviewers open every morning, made from the store alone.

* ``tong-hop-dang-ky-mo-hinh.xlsx`` — consolidated registrations (grouped by unit and section),
  statistics, superseded rows, deadlines and the compliance check (XlsxWriter, deterministic bytes);
* ``lich-han-chot.ics`` — one all-day event per dated deadline, milestones as multi-day events,
  UIDs derived from content so a re-import updates instead of duplicating;
* ``lich-han-chot.html`` — month-by-month and upcoming-first views plus the compliance section
  (jinja2, autoescaped, inline CSS, no JavaScript);
* ``exports/<table>.csv|.parquet`` — every store table for people who use their own tools.

Everything is read in :func:`load_store` (one place to change when the schema grows); the rest
works on plain dicts. User-facing text is Vietnamese; identifiers and logs are English.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import json
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path, PurePath
from typing import Any, Callable, Iterable, Optional

from .atomic import atomic_write
from .normalize import unit_key as normalize_unit_key
from .textnorm import display, match_key, strip_diacritics

log = logging.getLogger(__name__)

XLSX_NAME = "tong-hop-dang-ky-mo-hinh.xlsx"
ICS_NAME = "lich-han-chot.ics"
HTML_NAME = "lich-han-chot.html"
EXPORT_DIR = "exports"

#: Used for document properties / DTSTAMP when the store has no processing time (keeps bytes stable).
FALLBACK_TIMESTAMP = datetime(2000, 1, 1, 0, 0, 0)
ALARM_DAYS_BEFORE = 3
EXCEL_CELL_LIMIT = 32767

# --------------------------------------------------------------------------- labels (Vietnamese)

FIELD_LABELS = {
    "economy": "Kinh tế",
    "culture_society": "Văn hóa - xã hội",
    "defense_security": "Quốc phòng - an ninh",
    "political_system": "Xây dựng hệ thống chính trị",
    "administrative_reform": "Cải cách hành chính",
    "digital_transformation": "Chuyển đổi số",
    "other": "Khác",
}
UNKNOWN_FIELD = "Chưa phân loại"
SECTION_LABELS = {"new": "Mô hình mới", "continuing": "Mô hình tiếp tục thực hiện"}
UNKNOWN_SECTION = "Chưa xác định (mới/tiếp tục)"
KIND_LABELS = {
    "plan": "Kế hoạch", "guide": "Hướng dẫn", "notice": "Thông báo", "program": "Chương trình",
    "decision": "Quyết định", "report": "Báo cáo", "official_letter": "Công văn",
    "registration_form": "Biểu đăng ký", "other": "Văn bản",
}
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]

# Organisation kinds recognised at the start of a unit name when units.csv does not give one.
# Generic Vietnamese administrative / Party / mass-organisation vocabulary, longest match wins.
BUILTIN_KINDS = (
    "chi bộ", "đảng bộ", "đảng ủy", "chi hội", "hội", "chi đoàn", "đoàn thanh niên", "đoàn",
    "mặt trận tổ quốc", "ủy ban mặt trận tổ quốc", "ban công tác mặt trận", "công an", "ban chỉ huy quân sự",
    "quân sự", "trường", "phường", "xã", "thị trấn", "quận", "huyện", "thị xã", "thành phố", "tỉnh",
    "tổ dân phố", "khu phố", "khối", "ấp", "thôn", "bản", "tổ", "ban", "phòng", "sở", "ủy ban nhân dân", "ubnd",
    "cơ quan", "doanh nghiệp", "công ty", "bệnh viện", "trạm y tế", "trung tâm", "liên đoàn lao động",
    "công đoàn", "hợp tác xã",
)
# Words that only quantify or join the subject of a quota ("Mỗi phường", "các chi bộ", "quận, huyện").
QUANTIFIER_WORDS = {"mỗi", "các", "từng", "tất cả", "toàn bộ", "những", "mọi", "100%", "của", "thuộc", "trực thuộc"}
CONNECTOR_WORDS = {"và", "hoặc", ",", ";", "/", "-", "(", ")", ":", "."}


# --------------------------------------------------------------------------- store reading

KNOWN_TABLES: dict[str, tuple[str, ...]] = {
    "files": ("id", "path", "name", "sha256", "size", "format", "status", "reason", "arrived_at", "processed_at",
              "run_id", "document_id", "version"),
    "documents": ("id", "file_id", "sha256", "kind", "issuer", "number", "place", "issued_on", "title",
                  "signer_name", "signer_title", "unit", "unit_key", "pages", "ocr", "warnings", "path",
                  "superseded", "superseded_by"),
    "deadlines": ("id", "document_id", "due", "precision", "text", "action", "responsible", "recipient",
                  "year_inferred", "recurring", "page", "line"),
    "milestones": ("id", "document_id", "start", "end", "precision", "text", "page", "line"),
    "quotas": ("id", "document_id", "subject", "minimum", "maximum", "unit", "exclusive", "exact", "item", "text",
               "page", "line"),
    "references": ("id", "document_id", "kind", "number", "date", "issuer", "text"),
    "registrations": ("id", "document_id", "unit", "unit_key", "section", "seq", "name", "leader", "address",
                      "field", "field_raw", "period_start", "period_end", "period_text", "page", "table_no",
                      "row_no", "line", "extra", "superseded", "superseded_by"),
    "units": ("id", "name", "key", "first_seen", "last_seen"),
    "runs": ("id",),
}



def _vn_number(value: Optional[float]) -> str:
    """3.0 -> "3", 92.5 -> "92,5": how a Vietnamese reader writes a target."""
    if value is None:
        return ""
    number = float(value)
    if number.is_integer():
        return str(int(number))
    return f"{number:g}".replace(".", ",")

@dataclass
class StoreData:
    """Every table of the store as a list of row dicts (missing tables are empty, missing columns None)."""

    tables: dict[str, list[dict[str, Any]]]
    columns: dict[str, list[str]]

    def rows(self, name: str) -> list[dict[str, Any]]:
        return self.tables.get(name, [])


def load_store(store_url: str) -> StoreData:
    """Read the whole store once. The only function that knows table and column names on disk."""
    import sqlalchemy as sa

    from .store import StoreError, open_store  # same engine settings and schema version as the writer

    url = sa.engine.make_url(store_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
            and not Path(url.database).exists():  # a typo in --data must not yield empty reports
        raise StoreError(f"no store at {url.database} (run `pipeline run` first, or check --data/--store)")
    tables: dict[str, list[dict[str, Any]]] = {}
    columns: dict[str, list[str]] = {}
    engine = open_store(store_url)  # shared and cached by the store module: not disposed here
    with engine.connect() as conn:
        for name in sorted(sa.inspect(conn).get_table_names()):
            if name.startswith("alembic") or name.startswith("sqlite_"):
                continue
            table = sa.Table(name, sa.MetaData(), autoload_with=conn)
            stmt = sa.select(table).order_by(table.c.id if "id" in table.c else list(table.c)[0])
            tables[name] = [dict(r._mapping) for r in conn.execute(stmt)]
            columns[name] = [c.name for c in table.c]
    for name, expected in KNOWN_TABLES.items():
        if name not in tables:
            log.warning("store has no %r table; treating it as empty", name)
            tables[name], columns[name] = [], list(expected)
        for row in tables[name]:
            for col in expected:
                row.setdefault(col, None)
    return StoreData(tables, columns)


# --------------------------------------------------------------------------- small value helpers


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip())


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: Any) -> str:
    """Display text of a store value ('' for null); control characters (invalid in XML) become spaces."""
    if _blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return display(_CONTROL.sub(" ", str(value)))


def _truthy(value: Any) -> bool:
    if _blank(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "t", "yes", "y"}
    return bool(value)


def _int(value: Any) -> Optional[int]:
    if _blank(value):
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _number(value: Any) -> Optional[float]:
    """A quota bound: counts are whole, but a target such as 92.5% must not be truncated."""
    if _blank(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _as_date(value: Any) -> Optional[date]:
    """ISO string / date / datetime → date; anything unreadable → None."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _as_datetime(value: Any) -> Optional[datetime]:
    if _blank(value):
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
    if dt.tzinfo is not None:
        dt = dt.astimezone(timezone.utc).replace(tzinfo=None)
    return dt.replace(microsecond=0)


def _dmy(d: Optional[date]) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def _date_label(d: Optional[date], precision: Optional[str]) -> str:
    """How a reviewer would write the date at its precision ("tháng 02/2024", "quý I/2024")."""
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
    return _dmy(d)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _vi_order(text: str) -> tuple[str, str]:
    """Sort key close to Vietnamese dictionary order ("Đảng bộ" among the D's, not after "Xã")."""
    key = match_key(text)
    return strip_diacritics(key.replace("đ", "d{")), key


@functools.lru_cache(maxsize=4096)
def _unit_key(name: str) -> str:
    """Key of a unit name: the normalize stage's key, so store and units.csv agree.

    Cached because the report builder asks for the same few unit names once per row.
    """
    return normalize_unit_key(name) or match_key(name)


# --------------------------------------------------------------------------- the model the outputs share


@dataclass
class DocInfo:
    id: Any
    kind: str
    number: str
    title: str
    issuer: str
    issued_on: Optional[date]
    unit: str
    file_name: str
    sha256: str
    superseded: bool

    @property
    def label(self) -> str:
        """"Kế hoạch số 344/KH-UBND" — what a reviewer calls the document."""
        kind = KIND_LABELS.get(self.kind, "Văn bản")
        if self.number:
            return f"{kind} số {self.number}"
        if self.kind == "registration_form" and self.unit:
            return f"{kind} của {self.unit}"
        return f"{kind} {self.title}" if self.title else f"{kind} ({self.file_name})"


def _source(file_name: str, page: Any = None, line: Any = None, table: Any = None, row: Any = None) -> str:
    parts = [file_name or "?"]
    if _int(page) is not None:
        parts.append(f"trang {_int(page)}")
    if _int(table) is not None:
        parts.append(f"bảng {_int(table) + 1}")
    if _int(row) is not None:
        parts.append(f"hàng {_int(row) + 1}")
    if _int(line) is not None:
        parts.append(f"dòng {_int(line)}")
    return ", ".join(parts)


@dataclass
class RegRow:
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
    source: str
    doc: Optional[DocInfo]
    superseded: bool
    replaced_by: str = ""

    @property
    def field_label(self) -> str:
        if self.field in FIELD_LABELS:
            return FIELD_LABELS[self.field]
        return self.field_raw or UNKNOWN_FIELD


@dataclass
class TimeItem:
    """A deadline or a milestone, ready for the calendar, the sheet and the page."""

    kind: str  # "deadline" | "milestone"
    start: Optional[date]
    end: Optional[date]  # inclusive; == start for deadlines
    precision: str
    summary: str
    text: str
    responsible: str
    recipient: str
    recurring: str
    year_inferred: bool
    doc: Optional[DocInfo]
    source: str

    @property
    def date_label(self) -> str:
        if self.kind == "milestone" and self.start and self.end and self.start != self.end:
            if self.precision == "month":
                a, b = self.start, self.end
                if (a.year, a.month) == (b.year, b.month):
                    return f"tháng {a.month:02d}/{a.year}"
                return f"tháng {a.month:02d}/{a.year} – tháng {b.month:02d}/{b.year}"
            return f"{_dmy(self.start)} – {_dmy(self.end)}"
        label = _date_label(self.start or self.end, self.precision)
        return label + " (hằng năm)" if self.recurring == "yearly" and self.start else label

    @property
    def kind_label(self) -> str:
        return "Hạn chót" if self.kind == "deadline" else "Mốc thời gian"

    def uid(self) -> str:
        """Stable across runs: same document, kind, dates and text → same UID (re-import updates)."""
        digest = hashlib.sha256(match_key(self.text).encode("utf-8")).hexdigest()[:16]
        basis = "|".join([self.doc.sha256 if self.doc else "", self.kind, str(self.start), str(self.end), digest])
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32] + "@pipeline"


@dataclass
class Model:
    """What every output shows, computed once from the store."""

    as_of: datetime
    docs: dict[Any, DocInfo]
    current: list[RegRow]
    superseded: list[RegRow]
    items: list[TimeItem]  # deadlines (dated or not) and milestones, in display order
    compliance: "Compliance"
    warnings: list[str] = field(default_factory=list)

    @property
    def dated_deadlines(self) -> list[TimeItem]:
        return [i for i in self.items if i.kind == "deadline" and i.start]

    @property
    def undated_deadlines(self) -> list[TimeItem]:
        return [i for i in self.items if i.kind == "deadline" and not i.start]

    @property
    def milestones(self) -> list[TimeItem]:
        return [i for i in self.items if i.kind == "milestone"]


def _period_text(row: dict[str, Any]) -> str:
    text = _text(row.get("period_text"))
    if text:
        return text
    start, end = _as_date(row.get("period_start")), _as_date(row.get("period_end"))
    if start and end:
        return f"{start.month:02d}/{start.year} - {end.month:02d}/{end.year}"
    return _dmy(start or end)


def build_model(data: StoreData, units_csv: Optional[Path] = None) -> Model:
    """Join the store's tables into the shapes the outputs need."""
    warnings: list[str] = []
    files = {f["id"]: f for f in data.rows("files")}
    file_by_doc = {f["document_id"]: f for f in data.rows("files") if not _blank(f.get("document_id"))}
    docs: dict[Any, DocInfo] = {}
    for d in data.rows("documents"):
        f = files.get(d.get("file_id")) or file_by_doc.get(d["id"]) or {}
        path = _text(f.get("name")) or _text(f.get("path")) or _text(d.get("path"))
        docs[d["id"]] = DocInfo(
            id=d["id"], kind=_text(d.get("kind")) or "other", number=_text(d.get("number")),
            title=_text(d.get("title")), issuer=_text(d.get("issuer")), issued_on=_as_date(d.get("issued_on")),
            unit=_text(d.get("unit")), file_name=PurePath(path.replace("\\", "/")).name if path else "",
            sha256=_text(d.get("sha256")) or _text(f.get("sha256")), superseded=_truthy(d.get("superseded")))

    stamps = [_as_datetime(f.get("processed_at")) for f in data.rows("files")]
    stamps = [s for s in stamps if s]
    as_of = max(stamps) if stamps else FALLBACK_TIMESTAMP

    regs_by_id: dict[Any, RegRow] = {}
    current: list[RegRow] = []
    superseded: list[RegRow] = []
    raw_regs = data.rows("registrations")
    for r in raw_regs:
        doc = docs.get(r.get("document_id"))
        unit = _text(r.get("unit")) or (doc.unit if doc else "") or "(không rõ đơn vị)"
        row = RegRow(
            unit=unit, unit_key=_unit_key(unit), section=_text(r.get("section")) or None, seq=_int(r.get("seq")),
            name=_text(r.get("name")), leader=_text(r.get("leader")), address=_text(r.get("address")),
            field=_text(r.get("field")) or None, field_raw=_text(r.get("field_raw")), period=_period_text(r),
            source=_source(doc.file_name if doc else "", r.get("page"), None, r.get("table_no"), r.get("row_no")),
            doc=doc, superseded=_truthy(r.get("superseded")) or bool(doc and doc.superseded))
        regs_by_id[r["id"]] = row
        (superseded if row.superseded else current).append(row)
    for r in raw_regs:
        row = regs_by_id[r["id"]]
        if row.superseded:
            row.replaced_by = _replacement_label(r, docs)

    unit_order = lambda x: (_vi_order(x.unit), x.section or "~", x.seq if x.seq is not None else 10**9,  # noqa: E731
                            x.source, match_key(x.name))
    current.sort(key=unit_order)
    superseded.sort(key=unit_order)

    items = _time_items(data, docs)
    expected, csv_warnings = read_units_csv(units_csv) if units_csv else ([], [])
    warnings.extend(csv_warnings)
    compliance = check_compliance(data, docs, current, expected)
    return Model(as_of=as_of, docs=docs, current=current, superseded=superseded, items=items,
                 compliance=compliance, warnings=warnings)


def _replacement_label(raw: dict[str, Any], docs: dict[Any, DocInfo]) -> str:
    """Where the newer version lives (the newer document), else the raw value."""
    ref = raw.get("superseded_by")
    if _blank(ref):
        doc = docs.get(raw.get("document_id"))
        return "văn bản đã được thay thế" if doc and doc.superseded else ""
    key = _int(ref) if _int(ref) is not None else ref
    if key in docs:  # the store's contract: superseded_by is the id of the newer document
        return f"{docs[key].label} ({docs[key].file_name})"
    return _text(ref)


def _time_items(data: StoreData, docs: dict[Any, DocInfo]) -> list[TimeItem]:
    """Deadlines and milestones of current documents, in date order (undated last)."""
    items: list[TimeItem] = []
    for d in data.rows("deadlines"):
        doc = docs.get(d.get("document_id"))
        if doc and doc.superseded:
            continue
        due = _as_date(d.get("due"))
        text = _text(d.get("text"))
        items.append(TimeItem(
            kind="deadline", start=due, end=due, precision=_text(d.get("precision")) or "day",
            summary=_short(_text(d.get("action")) or text), text=text, responsible=_text(d.get("responsible")),
            recipient=_text(d.get("recipient")), recurring=_text(d.get("recurring")),
            year_inferred=_truthy(d.get("year_inferred")), doc=doc,
            source=_source(doc.file_name if doc else "", d.get("page"), d.get("line"))))
    for m in data.rows("milestones"):
        doc = docs.get(m.get("document_id"))
        if doc and doc.superseded:
            continue
        start, end = _as_date(m.get("start")), _as_date(m.get("end"))
        if start and end and end < start:
            start, end = end, start
        start, end = start or end, end or start
        text = _text(m.get("text"))
        items.append(TimeItem(
            kind="milestone", start=start, end=end, precision=_text(m.get("precision")) or "day",
            summary=_short(text), text=text, responsible="", recipient="", recurring="",
            year_inferred=_truthy(m.get("year_inferred")), doc=doc,
            source=_source(doc.file_name if doc else "", m.get("page"), m.get("line"))))
    items = _merge_copies(items)
    items.sort(key=lambda i: (i.start is None, i.start or date.max, i.kind, i.end or date.max,
                              match_key(i.text), i.source))
    return items


def _merge_copies(items: list[TimeItem]) -> list[TimeItem]:
    """One entry per obligation: the same dated sentence from two copies of a plan (PDF and text, say)
    is kept once — the earliest stored copy, so its calendar UID does not change — with the other
    sources listed."""
    kept: dict[tuple[Any, ...], TimeItem] = {}
    out: list[TimeItem] = []
    for it in items:
        key = (it.kind, it.start, it.end, match_key(it.text))
        first = kept.get(key) if it.start else None
        if first is None:
            kept[key] = it
            out.append(it)
        elif it.source not in first.source:
            first.source += f"; bản sao: {it.source}"
    return out


# --------------------------------------------------------------------------- units.csv and compliance


@dataclass
class ExpectedUnit:
    name: str
    kind: str


def read_units_csv(path: Path) -> tuple[list[ExpectedUnit], list[str]]:
    """Read ``don_vi,loai`` rows (UTF-8, optional BOM, ``,`` or ``;``); bad input → warnings, never a crash."""
    warnings: list[str] = []
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        return [], [f"units.csv: cannot read {path}: {err.strerror or err}"]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1258", errors="replace")
        warnings.append(f"units.csv: {path} is not UTF-8; read as Windows-1258, check the names")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        return [], warnings + [f"units.csv: {path} is empty"]
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    header = [match_key(c) for c in rows[0]]
    name_col = next((i for i, h in enumerate(header) if h in {"don_vi", "đơn vị", "don vi", "ten_don_vi"}), None)
    kind_col = next((i for i, h in enumerate(header) if h in {"loai", "loại", "loai_don_vi", "loại đơn vị"}), None)
    body = rows[1:]
    if name_col is None:  # no recognised header: take the first line as data, columns in order
        warnings.append(f"units.csv: {path} has no 'don_vi,loai' header; reading columns as name, kind")
        name_col, kind_col, body = 0, 1, rows
    out: list[ExpectedUnit] = []
    seen: set[str] = set()
    for n, row in enumerate(body, start=2):
        name = display(row[name_col]) if name_col < len(row) else ""
        kind = display(row[kind_col]) if kind_col is not None and kind_col < len(row) else ""
        if not name:
            warnings.append(f"units.csv: line {n} has no unit name; skipped")
            continue
        key = _unit_key(name)
        if key in seen:
            continue
        seen.add(key)
        out.append(ExpectedUnit(name=name, kind=kind))
    return out, warnings


@dataclass
class UnitInfo:
    name: str
    key: str
    kind: str  # display form; "" when unknown
    from_csv: bool
    sent: bool  # a form of this unit is in the store
    count: int  # current registrations
    regs: list[RegRow] = field(default_factory=list)
    forms: list[DocInfo] = field(default_factory=list)  # current registration forms of this unit


@dataclass
class UnitStatus:
    unit: UnitInfo
    count: int
    status: str  # ok | below | missing | over | mismatch
    label: str


@dataclass
class QuotaCheck:
    doc: Optional[DocInfo]
    subject: str
    text: str
    item: str
    minimum: Optional[float]
    maximum: Optional[float]
    percent: bool
    exclusive: bool
    exact: bool
    source: str
    mapping: str  # named | kind | none | unmeasurable
    note: str
    units: list[UnitStatus] = field(default_factory=list)
    share_label: str = ""  # percent quotas: "3/4 đơn vị (75%)"

    @property
    def requirement(self) -> str:
        if self.minimum is None and self.maximum is None:
            return self.text
        if self.percent:
            sign = "trên" if self.exclusive else "ít nhất"
            return f"{sign} {_vn_number(self.minimum)}% đơn vị có đăng ký"
        if self.exact:
            return f"đúng {_vn_number(self.minimum)}"
        if self.maximum is not None and self.minimum is not None:
            return f"từ {_vn_number(self.minimum)} đến {_vn_number(self.maximum)}"
        if self.maximum is not None:
            return f"tối đa {_vn_number(self.maximum)}"
        return f"{'trên' if self.exclusive else 'ít nhất'} {_vn_number(self.minimum)}"

    def count_of(self, status: str) -> int:
        return sum(1 for u in self.units if u.status == status)

    @property
    def summary(self) -> str:
        if self.mapping in ("none", "unmeasurable"):
            return "Chưa đối chiếu được"
        if not self.units:
            return "Chưa có đơn vị để đối chiếu"
        parts = [f"{self.count_of('ok')}/{len(self.units)} đơn vị đạt"]
        short = self.count_of("below") + self.count_of("over") + self.count_of("mismatch")
        if short:
            parts.append(f"{short} chưa đạt")
        if self.count_of("missing"):
            parts.append(f"{self.count_of('missing')} chưa gửi đăng ký")
        if self.share_label:
            parts.append(self.share_label)
        return "; ".join(parts)


@dataclass
class Compliance:
    units: list[UnitInfo]
    checks: list[QuotaCheck]
    missing_units: list[UnitInfo]  # expected (units.csv) but nothing received


def _kind_of(name_key: str, vocab: list[str]) -> str:
    """The longest kind word the unit name starts with ("chi bộ khối 5" → "chi bộ")."""
    for kind in vocab:  # sorted longest first
        if name_key == kind or name_key.startswith(kind + " "):
            return kind
    return ""


def _word_spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    if not needle:
        return []
    pattern = r"(?<![\w%])" + re.escape(needle) + r"(?![\w%])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, haystack)]


def _contains_word(haystack: str, needle: str) -> bool:
    return bool(_word_spans(haystack, needle))


def _gap_words(text: str) -> list[str]:
    """Words between two kind words, multi-word fillers ("tất cả") kept whole."""
    text = text.replace(",", " , ").replace(";", " ; ")
    for phrase in sorted((f for f in QUANTIFIER_WORDS if " " in f), key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", phrase.replace(" ", "\x00"), text)
    return [w.replace("\x00", " ") for w in text.split()]


def check_compliance(data: StoreData, docs: dict[Any, DocInfo], current: list[RegRow],
                     expected: list[ExpectedUnit]) -> Compliance:
    """Each quota of each current plan against the registrations of the units it falls on."""
    units: dict[str, UnitInfo] = {}
    for e in expected:
        units[_unit_key(e.name)] = UnitInfo(e.name, _unit_key(e.name), e.kind, True, False, 0)
    for u in data.rows("units"):
        name = _text(u.get("name"))
        if name and _unit_key(name) not in units:
            units[_unit_key(name)] = UnitInfo(name, _unit_key(name), "", False, False, 0)
    for doc in docs.values():
        if doc.kind == "registration_form" and doc.unit and not doc.superseded:
            info = units.setdefault(_unit_key(doc.unit), UnitInfo(doc.unit, _unit_key(doc.unit), "", False, False, 0))
            info.sent = True
            info.forms.append(doc)
    for reg in current:
        info = units.setdefault(reg.unit_key, UnitInfo(reg.unit, reg.unit_key, "", False, False, 0))
        info.sent = True
        info.count += 1
        info.regs.append(reg)
        if reg.doc and all(f.id != reg.doc.id for f in info.forms):
            info.forms.append(reg.doc)

    vocab = sorted({match_key(k) for k in BUILTIN_KINDS} | {match_key(e.kind) for e in expected if e.kind},
                   key=lambda k: (-len(k), k))
    for info in units.values():
        if not info.kind:  # "UBND phường X" is read through its expanded key too
            info.kind = _kind_of(match_key(info.name), vocab) or _kind_of(info.key, vocab)
    ordered = sorted(units.values(), key=lambda u: _vi_order(u.name))

    checks = []
    for q in data.rows("quotas"):
        doc = docs.get(q.get("document_id"))
        if doc and doc.superseded:
            continue
        checks.append(_check_quota(q, doc, ordered, vocab))
    checks.sort(key=lambda c: (c.doc.issued_on or date.min if c.doc else date.min, c.doc.label if c.doc else "",
                               c.source))
    missing = [u for u in ordered if u.from_csv and not u.sent]
    return Compliance(units=ordered, checks=checks, missing_units=missing)


def _measurable(item: str, text: str) -> bool:
    """Registrations count "mô hình"; a quota on anything else (voters, members …) is not measured here."""
    return "mô hình" in match_key(item) or (not item and "mô hình" in match_key(text))


def _check_quota(q: dict[str, Any], doc: Optional[DocInfo], units: list[UnitInfo], vocab: list[str]) -> QuotaCheck:
    subject, item, text = _text(q.get("subject")), _text(q.get("item")), _text(q.get("text"))
    check = QuotaCheck(
        doc=doc, subject=subject, text=text, item=item, minimum=_number(q.get("minimum")), maximum=_number(q.get("maximum")),
        percent=_text(q.get("unit")) == "percent", exclusive=_truthy(q.get("exclusive")), exact=_truthy(q.get("exact")),
        source=_source(doc.file_name if doc else "", q.get("page"), q.get("line")), mapping="none", note="")
    if not _measurable(item, text):
        check.mapping = "unmeasurable"
        check.note = (f"Chỉ tiêu về «{item or text}» không đo được từ các biểu đăng ký mô hình — "
                      "cần theo dõi riêng.")
        return check
    matched, note = map_subject(subject, units, vocab)
    if matched is None:
        check.note = note
        return check
    check.mapping, check.note = ("named" if note.startswith("=") else "kind"), note.lstrip("=")
    for info in matched:
        count = sum(1 for r in info.regs if _counts_for(r.doc, doc))
        answered = info.sent and (not info.forms or any(_counts_for(f, doc) for f in info.forms))
        check.units.append(_unit_status(check, info, count, answered))
    if doc and doc.issued_on:
        check.note += (f" Chỉ tính biểu đăng ký lập từ ngày {_dmy(doc.issued_on)} đến 12 tháng sau"
                       " (hoặc không ghi ngày).")
    if check.percent and check.units and check.minimum is not None:
        having = sum(1 for u in check.units if u.count > 0)
        share = 100.0 * having / len(check.units)
        ok = share > check.minimum if check.exclusive else share >= check.minimum
        check.share_label = (f"{having}/{len(check.units)} đơn vị có đăng ký ({share:.0f}%) — "
                             f"{'đạt' if ok else 'chưa đạt'} chỉ tiêu {_vn_number(check.minimum)}%")
    return check


#: A form answers a plan when dated from the plan's date to this many days later (one campaign year).
ANSWER_WINDOW_DAYS = 366


def _counts_for(form: Optional[DocInfo], plan: Optional[DocInfo]) -> bool:
    """A form dated before the plan, or more than a year after it, answers another campaign."""
    if plan is None or plan.issued_on is None or form is None or form.issued_on is None:
        return True
    return plan.issued_on <= form.issued_on <= plan.issued_on + timedelta(days=ANSWER_WINDOW_DAYS)


def _unit_status(check: QuotaCheck, info: UnitInfo, count: int, answered: bool = True) -> UnitStatus:
    if not info.sent or not answered:
        return UnitStatus(info, 0, "missing", "Chưa gửi đăng ký")
    if check.percent or (check.minimum is None and check.maximum is None):
        return UnitStatus(info, count, "ok" if count > 0 else "below", "Có đăng ký" if count > 0 else "Chưa có mô hình")
    lo, hi = check.minimum, check.maximum
    if check.exact and lo is not None:
        if count == lo:
            return UnitStatus(info, count, "ok", "Đạt")
        return UnitStatus(info, count, "mismatch", f"Chưa đúng số lượng (yêu cầu {lo})")
    if lo is not None:
        need = lo + 1 if check.exclusive else lo
        if count < need:
            return UnitStatus(info, count, "below", f"Chưa đạt (còn thiếu {need - count})")
    if hi is not None and count > hi:
        return UnitStatus(info, count, "over", f"Vượt mức tối đa {hi}")
    return UnitStatus(info, count, "ok", "Đạt")


def map_subject(subject: str, units: list[UnitInfo], vocab: list[str]) -> tuple[Optional[list[UnitInfo]], str]:
    """Units a quota's subject falls on, or ``(None, why not)``; never a guess.

    Units named in the subject win. Otherwise the subject's head kind words ("Mỗi quận, huyện",
    "Đảng bộ, chi bộ") select units of that kind; kind words after a gap ("Đảng bộ *các phường, xã*")
    narrow them to units whose name carries one of those words. Words left over are conditions we
    cannot check; the note says so (the notes starting with ``=`` mean "named units").
    """
    skey = match_key(subject)
    if not skey:
        return None, "Chỉ tiêu không nêu đối tượng áp dụng — chưa đối chiếu được."
    named = [u for u in units if len(match_key(u.name).split()) >= 2 and match_key(u.name) not in vocab
             and _contains_word(skey, match_key(u.name))]
    if named:
        return named, "=Đơn vị được nêu tên trong chỉ tiêu."
    filler = QUANTIFIER_WORDS | CONNECTOR_WORDS
    if [w for w in _gap_words(skey) if w not in filler] == ["đơn", "vị"]:  # "các đơn vị", "mỗi đơn vị"
        chosen = [u for u in units if u.sent or u.from_csv]
        if chosen:
            return chosen, "Áp dụng cho mọi đơn vị đã biết (từ biểu đăng ký và units.csv)."
    taken = [False] * len(skey)
    hits: list[tuple[int, int, str]] = []
    for kind in vocab:  # longest first, no overlaps
        for a, b in _word_spans(skey, kind):
            if not any(taken[a:b]):
                hits.append((a, b, kind))
                for i in range(a, b):
                    taken[i] = True
    if not hits:
        return None, (f"Không xác định được loại đơn vị của đối tượng «{subject}» — chưa đối chiếu "
                      "(khai báo đơn vị và cột «loai» trong units.csv).")
    hits.sort()
    heads, modifiers = [hits[0][2]], []
    prev_end = hits[0][1]
    for n, (a, b, kind) in enumerate(hits[1:], start=1):
        gap = _gap_words(skey[prev_end:a])
        if not modifiers and all(w in CONNECTOR_WORDS for w in gap):
            heads.append(kind)  # "quận, huyện": coordinated heads
        elif gap and all(w in filler for w in gap):
            modifiers.append(kind)  # "đảng bộ các phường, xã": narrows the head
        else:  # "xã xây dựng nông thôn …": a clause we cannot read; the rest is a condition
            for a2, b2, _ in hits[n:]:
                for i in range(a2, b2):
                    taken[i] = False
            break
        prev_end = b
    residue = [w for w in _gap_words("".join(" " if taken[i] else ch for i, ch in enumerate(skey)))
               if w not in filler]
    chosen = [u for u in units if u.kind and match_key(u.kind) in heads]
    if modifiers:
        chosen = [u for u in chosen
                  if any(_contains_word(match_key(u.name) + " " + match_key(u.kind), m) for m in modifiers)]
    kinds_txt = ", ".join(heads) + (f" (thuộc: {', '.join(modifiers)})" if modifiers else "")
    if not chosen:
        return None, (f"Đối tượng «{subject}» ứng với loại đơn vị «{kinds_txt}», nhưng chưa biết đơn vị nào thuộc "
                      "loại này — chưa đối chiếu (khai báo trong units.csv).")
    note = f"Đối chiếu theo loại đơn vị «{kinds_txt}»."
    if residue:
        note += (f" Lưu ý: điều kiện «{' '.join(residue)}» chưa kiểm tra được — danh sách gồm mọi đơn vị "
                 "thuộc loại trên, cần rà soát.")
    return chosen, note


# --------------------------------------------------------------------------- workbook

SUMMARY_COLUMNS = [("TT", 5), ("Đơn vị", 20), ("Tên mô hình", 36), ("Tập thể (cá nhân) chỉ đạo", 26),
                   ("Địa chỉ", 20), ("Lĩnh vực", 14), ("Thời gian thực hiện", 14), ("Nguồn", 22)]


class _Sheet:
    """A worksheet where every text goes through write_string (no formula, URL or number guessing)."""

    def __init__(self, wb: Any, name: str, formats: dict[str, Any]):
        self.ws = wb.add_worksheet(name)
        self.f = formats
        self.texts: dict[int, list[tuple[int, str]]] = defaultdict(list)

    def text(self, row: int, col: int, value: Any, fmt: str = "cell") -> None:
        s = _text(value)
        if len(s) > EXCEL_CELL_LIMIT:
            s = s[: EXCEL_CELL_LIMIT - 1] + "…"
        if s:
            self.ws.write_string(row, col, s, self.f[fmt])
            self.texts[row].append((col, s))
        else:
            self.ws.write_blank(row, col, None, self.f[fmt])

    def number(self, row: int, col: int, value: Optional[float], fmt: str = "num") -> None:
        if value is None:
            self.ws.write_blank(row, col, None, self.f[fmt])
        else:
            self.ws.write_number(row, col, value, self.f[fmt])

    def day(self, row: int, col: int, value: Optional[date], fmt: str = "date") -> None:
        if value is None:
            self.ws.write_blank(row, col, None, self.f[fmt])
        else:
            self.ws.write_datetime(row, col, datetime(value.year, value.month, value.day), self.f[fmt])

    def table_setup(self, title: str, headers: list[tuple[str, int]], last_row: int, subtitle: str = "",
                    header_row: int = 2) -> None:
        """Title, header, frozen header, autofilter, widths, print set-up (A4 landscape, fit to width)."""
        ws, n = self.ws, len(headers)
        ws.merge_range(0, 0, 0, n - 1, title, self.f["title"])
        ws.set_row(0, 24)
        if subtitle:
            ws.merge_range(1, 0, 1, n - 1, subtitle, self.f["subtitle"])
        for col, (label, width) in enumerate(headers):
            ws.write_string(header_row, col, label, self.f["head"])
            ws.set_column(col, col, width)
        self._row_heights([w for _, w in headers], header_row)
        ws.freeze_panes(header_row + 1, 0)
        ws.autofilter(header_row, 0, max(last_row, header_row), n - 1)
        ws.repeat_rows(header_row)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
        ws.set_footer("&CTrang &P/&N")

    def _row_heights(self, widths: list[int], header_row: int) -> None:
        """Explicit heights for wrapped rows: not every viewer grows rows itself (LibreOffice's PDF export doesn't)."""
        for row, cells in self.texts.items():
            if row <= header_row:
                continue
            lines = 1
            for col, text in cells:
                if col >= len(widths):
                    continue
                per_line = max(4, int(widths[col] * 1.2))
                lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")))
            if lines > 1:
                self.ws.set_row(row, min(409, 15 * lines + 3))


def write_workbook(model: Model, path: Path) -> Path:
    """The consolidated workbook; same store → same bytes (fixed properties, no today-relative values)."""
    import xlsxwriter

    def build(tmp: Path) -> None:
        wb = xlsxwriter.Workbook(str(tmp), {"strings_to_formulas": False, "strings_to_urls": False,
                                            "strings_to_numbers": False})
        wb.set_properties({"title": "Tổng hợp đăng ký mô hình", "subject": "Tổng hợp đăng ký mô hình",
                           "author": "pipeline", "company": "", "created": model.as_of,
                           "comments": "Tạo tự động từ kho dữ liệu; không sửa tay."})
        wb.set_calc_mode("manual")
        base = {"font_name": "Times New Roman", "font_size": 12, "valign": "top", "text_wrap": True, "border": 1}
        formats = {
            "cell": wb.add_format(base),
            "center": wb.add_format({**base, "align": "center"}),
            "num": wb.add_format({**base, "align": "center"}),
            "date": wb.add_format({**base, "align": "center", "num_format": "dd/mm/yyyy"}),
            "head": wb.add_format({**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#DDEBF7"}),
            "title": wb.add_format({"font_name": "Times New Roman", "font_size": 14, "bold": True, "align": "center",
                                    "valign": "vcenter"}),
            "subtitle": wb.add_format({"font_name": "Times New Roman", "font_size": 11, "italic": True,
                                       "align": "center", "text_wrap": True}),
            "group": wb.add_format({**base, "bold": True, "bg_color": "#F2F2F2"}),
            "section": wb.add_format({**base, "bold": True, "italic": True}),
            "bad": wb.add_format({**base, "font_color": "#9C0006", "bg_color": "#FFC7CE"}),
            "good": wb.add_format({**base, "font_color": "#006100", "bg_color": "#C6EFCE"}),
            "total": wb.add_format({**base, "bold": True, "align": "center"}),
        }
        _sheet_summary(_Sheet(wb, "Tổng hợp", formats), model)
        _sheet_statistics(_Sheet(wb, "Thống kê", formats), model)
        _sheet_superseded(_Sheet(wb, "Đã thay thế", formats), model)
        _sheet_deadlines(_Sheet(wb, "Hạn chót", formats), model)
        _sheet_compliance(_Sheet(wb, "Chỉ tiêu", formats), model)
        wb.close()

    return atomic_write(path, build)


def _group_rows(rows: list[RegRow]) -> list[tuple[str, list[tuple[str, list[RegRow]]]]]:
    """Rows grouped by unit, then by section (new, continuing, unknown) — the reviewers' layout."""
    by_unit: dict[str, list[RegRow]] = {}
    names: dict[str, str] = {}
    for r in rows:
        by_unit.setdefault(r.unit_key, []).append(r)
        names.setdefault(r.unit_key, r.unit)
    out = []
    for key in sorted(by_unit, key=lambda k: _vi_order(names[k])):
        sections = []
        for sec in ("new", "continuing", None):
            part = [r for r in by_unit[key] if (r.section if r.section in SECTION_LABELS else None) == sec]
            if part:
                sections.append((SECTION_LABELS.get(sec or "", UNKNOWN_SECTION), part))
        out.append((names[key], sections))
    return out


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _write_reg_rows(sh: _Sheet, start: int, rows: list[RegRow], extra: Optional[Callable[[RegRow], str]] = None,
                    grouped: bool = True) -> int:
    row = start
    seq = 0
    ncols = len(SUMMARY_COLUMNS) + (1 if extra else 0)
    groups = _group_rows(rows) if grouped else [("", [("", rows)])]
    for u_index, (unit, sections) in enumerate(groups, start=1):
        if grouped:
            count = sum(len(p) for _, p in sections)
            sh.text(row, 0, _roman(u_index), "group")
            sh.ws.merge_range(row, 1, row, ncols - 1, f"{unit} ({count} mô hình)", sh.f["group"])
            row += 1
        for label, part in sections:
            if grouped:
                sh.text(row, 0, "", "section")
                sh.ws.merge_range(row, 1, row, ncols - 1, f"{label} ({len(part)})", sh.f["section"])
                row += 1
            for r in part:
                seq += 1
                sh.number(row, 0, seq)
                values = [r.unit, r.name, r.leader, r.address, r.field_label, r.period, r.source]
                for col, value in enumerate(values, start=1):
                    sh.text(row, col, value)
                if extra:
                    sh.text(row, len(values) + 1, extra(r))
                row += 1
    return row


def _sheet_summary(sh: _Sheet, model: Model) -> None:
    units = {r.unit_key for r in model.current}
    forms = {r.doc.id for r in model.current if r.doc}
    subtitle = (f"{len(model.current)} mô hình của {len(units)} đơn vị, từ {len(forms)} biểu đăng ký "
                f"(dữ liệu đến {model.as_of:%d/%m/%Y %H:%M} UTC)")
    end = _write_reg_rows(sh, 3, model.current)
    sh.table_setup("BẢN TỔNG HỢP ĐĂNG KÝ MÔ HÌNH", SUMMARY_COLUMNS, end - 1, subtitle)
    if not model.current:
        sh.ws.merge_range(3, 0, 3, len(SUMMARY_COLUMNS) - 1, "Chưa có biểu đăng ký nào trong kho dữ liệu.",
                          sh.f["cell"])


def _sheet_superseded(sh: _Sheet, model: Model) -> None:
    headers = SUMMARY_COLUMNS + [("Được thay thế bởi", 30)]
    end = _write_reg_rows(sh, 3, model.superseded, extra=lambda r: r.replaced_by)
    sh.table_setup("CÁC DÒNG ĐĂNG KÝ ĐÃ ĐƯỢC THAY THẾ (BẢN CŨ)", headers, end - 1,
                   f"{len(model.superseded)} dòng — không tính vào bản tổng hợp")


def _sheet_statistics(sh: _Sheet, model: Model) -> None:
    """Counts per unit × field, then per unit × section; totals computed here (no formulas)."""
    fields = [c for c in FIELD_LABELS if any(r.field == c for r in model.current)]
    extra_fields = sorted({r.field_label for r in model.current if r.field not in FIELD_LABELS})
    columns = [FIELD_LABELS[c] for c in fields] + extra_fields
    headers = [("TT", 6), ("Đơn vị", 30)] + [(c, 14) for c in columns] + [("Tổng", 10)]
    groups = _group_rows(model.current)
    row = 3
    totals = defaultdict(int)
    for i, (unit, sections) in enumerate(groups, start=1):
        regs = [r for _, part in sections for r in part]
        sh.number(row, 0, i)
        sh.text(row, 1, unit)
        for col, label in enumerate(columns, start=2):
            n = sum(1 for r in regs if r.field_label == label)
            totals[label] += n
            sh.number(row, col, n)
        sh.number(row, len(columns) + 2, len(regs), "total")
        row += 1
    last = row - 1
    sh.text(row, 0, "", "total")
    sh.text(row, 1, "Tổng cộng", "total")
    for col, label in enumerate(columns, start=2):
        sh.number(row, col, totals[label], "total")
    sh.number(row, len(columns) + 2, len(model.current), "total")
    sh.table_setup("THỐNG KÊ MÔ HÌNH THEO ĐƠN VỊ VÀ LĨNH VỰC", headers, last,
                   f"dữ liệu đến {model.as_of:%d/%m/%Y %H:%M} UTC")
    row += 3
    sections = [SECTION_LABELS["new"], SECTION_LABELS["continuing"]]
    if any(r.section not in SECTION_LABELS for r in model.current):
        sections.append(UNKNOWN_SECTION)
    sh.ws.merge_range(row, 0, row, len(sections) + 2, "THỐNG KÊ THEO ĐƠN VỊ VÀ LOẠI MÔ HÌNH", sh.f["title"])
    row += 1
    for col, label in enumerate(["TT", "Đơn vị"] + sections + ["Tổng"]):
        sh.ws.write_string(row, col, label, sh.f["head"])
    row += 1
    sec_totals = defaultdict(int)
    for i, (unit, parts) in enumerate(groups, start=1):
        counts = dict((label, len(part)) for label, part in parts)
        sh.number(row, 0, i)
        sh.text(row, 1, unit)
        for col, label in enumerate(sections, start=2):
            sh.number(row, col, counts.get(label, 0))
            sec_totals[label] += counts.get(label, 0)
        sh.number(row, len(sections) + 2, sum(counts.values()), "total")
        row += 1
    sh.text(row, 0, "", "total")
    sh.text(row, 1, "Tổng cộng", "total")
    for col, label in enumerate(sections, start=2):
        sh.number(row, col, sec_totals[label], "total")
    sh.number(row, len(sections) + 2, len(model.current), "total")


def _doc_text(doc: Optional[DocInfo]) -> str:
    if doc is None:
        return ""
    return f"{doc.label}: {doc.title}" if doc.title and doc.number else doc.label


def _sheet_deadlines(sh: _Sheet, model: Model) -> None:
    headers = [("TT", 5), ("Loại", 10), ("Từ ngày / Hạn", 12), ("Đến ngày", 12), ("Thời hạn", 14),
               ("Nội dung", 30), ("Đơn vị thực hiện", 18), ("Gửi về", 16), ("Văn bản", 26), ("Trích văn bản", 40),
               ("Nguồn", 20)]
    row = 3
    for i, it in enumerate(model.items, start=1):
        sh.number(row, 0, i)
        sh.text(row, 1, it.kind_label)
        sh.day(row, 2, it.start)
        sh.day(row, 3, it.end if it.kind == "milestone" else None)
        sh.text(row, 4, it.date_label)
        sh.text(row, 5, it.summary)
        sh.text(row, 6, it.responsible)
        sh.text(row, 7, it.recipient)
        sh.text(row, 8, _doc_text(it.doc))
        sh.text(row, 9, it.text)
        sh.text(row, 10, it.source)
        row += 1
    sh.table_setup("HẠN CHÓT VÀ MỐC THỜI GIAN", headers, row - 1,
                   f"{len(model.dated_deadlines)} hạn chót có ngày, {len(model.undated_deadlines)} hạn không có ngày "
                   f"cụ thể, {len(model.milestones)} mốc thời gian")


def _sheet_compliance(sh: _Sheet, model: Model) -> None:
    headers = [("TT", 5), ("Văn bản", 26), ("Đối tượng", 22), ("Yêu cầu", 12), ("Nội dung chỉ tiêu", 26),
               ("Đơn vị", 24), ("Loại đơn vị", 12), ("Số mô hình", 9), ("Tình trạng", 20), ("Ghi chú", 40)]
    row = 3
    n = 0
    for check in model.compliance.checks:
        rows = check.units or [None]
        for us in rows:
            n += 1
            sh.number(row, 0, n)
            sh.text(row, 1, _doc_text(check.doc))
            sh.text(row, 2, check.subject)
            sh.text(row, 3, check.requirement)
            sh.text(row, 4, check.item or check.text)
            if us is None:
                sh.text(row, 5, "")
                sh.text(row, 6, "")
                sh.number(row, 7, None)
                sh.text(row, 8, check.summary, "bad")
            else:
                sh.text(row, 5, us.unit.name)
                sh.text(row, 6, us.unit.kind)
                sh.number(row, 7, us.count)
                sh.text(row, 8, us.label, "good" if us.status == "ok" else "bad")
            sh.text(row, 9, check.note + (f" {check.share_label}" if check.share_label else ""))
            row += 1
    for u in model.compliance.missing_units:
        n += 1
        sh.number(row, 0, n)
        for col in (1, 2, 3, 4):
            sh.text(row, col, "")
        sh.text(row, 5, u.name)
        sh.text(row, 6, u.kind)
        sh.number(row, 7, 0)
        sh.text(row, 8, "Chưa gửi đăng ký", "bad")
        sh.text(row, 9, "Đơn vị có trong units.csv nhưng chưa có biểu đăng ký nào.")
        row += 1
    if n == 0:
        sh.ws.merge_range(3, 0, 3, len(headers) - 1,
                          "Chưa có chỉ tiêu nào trong các văn bản đã nhận.", sh.f["cell"])
    sh.table_setup("ĐỐI CHIẾU CHỈ TIÊU ĐĂNG KÝ", headers, max(row - 1, 3),
                   f"{len(model.compliance.checks)} chỉ tiêu; {len(model.compliance.units)} đơn vị đã biết")


# --------------------------------------------------------------------------- calendar


def write_calendar(model: Model, path: Path) -> Path:
    """All-day events for dated deadlines (3-day reminder) and multi-day events for milestones."""
    from icalendar import Alarm, Calendar, Event, vRecur

    cal = Calendar()
    cal.add("prodid", "-//pipeline//Lich han chot//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Lịch hạn chót")
    stamp = model.as_of.replace(tzinfo=timezone.utc)
    seen: set[str] = set()
    for it in model.items:
        if it.start is None:
            continue  # no calendar date: listed in the HTML page instead
        uid = it.uid()
        if uid in seen:
            continue
        seen.add(uid)
        ev = Event()
        ev.add("uid", uid)
        ev.add("dtstamp", stamp)
        ev.add("summary", ("Hạn chót: " if it.kind == "deadline" else "") + it.summary)
        ev.add("dtstart", it.start)
        ev.add("dtend", (it.end or it.start) + timedelta(days=1))  # exclusive end of an all-day event
        ev.add("description", _event_description(it))
        ev.add("transp", "TRANSPARENT")
        ev.add("categories", [it.kind_label])
        if it.kind == "deadline":
            if it.recurring == "yearly":
                ev.add("rrule", vRecur(freq="YEARLY"))
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Còn {ALARM_DAYS_BEFORE} ngày: {it.summary}")
            alarm.add("trigger", timedelta(days=-ALARM_DAYS_BEFORE))
            ev.add_component(alarm)
        cal.add_component(ev)
    payload = cal.to_ical()
    return atomic_write(path, lambda tmp: tmp.write_bytes(payload))


def _event_description(it: TimeItem) -> str:
    lines = []
    if it.kind == "deadline":
        lines.append(f"Thời hạn: {it.date_label}" + (" (năm suy ra từ văn bản)" if it.year_inferred else ""))
    else:
        lines.append(f"Thời gian: {it.date_label}")
    if it.responsible:
        lines.append(f"Đơn vị thực hiện: {it.responsible}")
    if it.recipient:
        lines.append(f"Gửi về: {it.recipient}")
    if it.doc:
        lines.append(f"Văn bản: {_doc_text(it.doc)}")
    lines.append(f"Nguồn: {it.source}")
    if it.text:
        lines.append(f"Trích: {it.text}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- HTML page


@dataclass
class PageEntry:
    item: TimeItem
    status: str  # overdue | soon | upcoming | ongoing | done
    status_label: str
    continued: bool = False  # a multi-month milestone, in a month after its first: shown compactly


def _status(it: TimeItem, today: date) -> PageEntry:
    if it.kind == "deadline":
        assert it.start is not None
        days = (it.start - today).days
        if days < 0:
            return PageEntry(it, "overdue", f"Quá hạn {-days} ngày")
        if days == 0:
            return PageEntry(it, "soon", "Hạn hôm nay")
        if days <= 7:
            return PageEntry(it, "soon", f"Còn {days} ngày")
        return PageEntry(it, "upcoming", f"Còn {days} ngày")
    start, end = it.start or today, it.end or it.start or today
    if end < today:
        return PageEntry(it, "done", "Đã kết thúc")
    if start <= today:
        return PageEntry(it, "ongoing", "Đang diễn ra")
    return PageEntry(it, "upcoming", f"Còn {(start - today).days} ngày")


def _months_between(a: date, b: date) -> Iterable[tuple[int, int]]:
    y, m = a.year, a.month
    while (y, m) <= (b.year, b.month):
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def page_context(model: Model, today: date) -> dict[str, Any]:
    """Everything the template shows, computed here so the template stays dumb."""
    dated = [i for i in model.items if i.start]
    entries = [_status(i, today) for i in dated]
    upcoming = sorted([e for e in entries if e.status in ("soon", "upcoming", "ongoing")],
                      key=lambda e: (e.item.start if e.status != "ongoing" else today, e.item.kind))
    overdue = sorted([e for e in entries if e.status == "overdue"], key=lambda e: e.item.start, reverse=True)
    done = sorted([e for e in entries if e.status == "done"], key=lambda e: e.item.end or e.item.start, reverse=True)
    months: dict[tuple[int, int], list[PageEntry]] = {}
    for e in entries:
        for n, ym in enumerate(_months_between(e.item.start, e.item.end or e.item.start)):
            months.setdefault(ym, []).append(e if n == 0 else PageEntry(e.item, e.status, e.status_label, True))
    month_list = [{"label": f"Tháng {m:02d}/{y}", "id": f"thang-{y}-{m:02d}", "entries": months[(y, m)],
                   "current": (y, m) == (today.year, today.month)} for y, m in sorted(months)]
    return {
        "today": today, "today_label": _dmy(today), "as_of": f"{model.as_of:%d/%m/%Y %H:%M} UTC",
        "upcoming": upcoming, "overdue": overdue, "done": done, "months": month_list,
        "undated": model.undated_deadlines, "compliance": model.compliance,
        "n_deadlines": len(model.dated_deadlines), "n_milestones": len(model.milestones),
        "n_regs": len(model.current), "n_units": len({r.unit_key for r in model.current}),
        "warnings": model.warnings, "doc_text": _doc_text,
    }


def render_html(model: Model, today: date) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(str(Path(__file__).with_name("templates"))), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("lich-han-chot.html.j2").render(**page_context(model, today))


def write_html(model: Model, path: Path, today: date) -> Path:
    html = render_html(model, today)
    return atomic_write(path, lambda tmp: tmp.write_text(html, encoding="utf-8"))


# --------------------------------------------------------------------------- exports


def _plain(value: Any) -> Any:
    """Values pandas/pyarrow can store in one column type: dates as ISO text, containers as JSON."""
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


def write_exports(data: StoreData, out_dir: Path) -> list[Path]:
    """Every store table as CSV (UTF-8 with BOM, for Excel) and Parquet."""
    import pandas as pd

    written: list[Path] = []
    for name in sorted(data.tables):
        cols = data.columns.get(name) or list(KNOWN_TABLES.get(name, ()))
        frame = pd.DataFrame([{c: _plain(r.get(c)) for c in cols} for r in data.rows(name)], columns=cols)
        for col in frame.columns:  # mixed object columns break Parquet: store them as text
            if frame[col].dtype == object:
                kinds = {type(v) for v in frame[col] if v is not None and not (isinstance(v, float) and math.isnan(v))}
                if len(kinds) > 1:
                    frame[col] = frame[col].map(lambda v: None if v is None else str(v))
        written.append(atomic_write(out_dir / f"{name}.csv",
                                     lambda tmp, f=frame: f.to_csv(tmp, index=False, encoding="utf-8-sig")))
        try:
            written.append(atomic_write(out_dir / f"{name}.parquet",
                                         lambda tmp, f=frame: f.to_parquet(tmp, index=False)))
        except Exception as err:  # noqa: BLE001 - CSV still written; one line for the operator
            log.warning("export %s.parquet failed: %s", name, err)
    return written


# --------------------------------------------------------------------------- entry point


def write_reports(store_url: str, out_dir: Path, units_csv: Optional[Path] = None,
                  today: Optional[date] = None) -> list[Path]:
    """Write the workbook, calendar, HTML page and exports; return the paths written.

    ``today`` only affects the HTML page (overdue marks); the workbook and calendar depend on the
    store alone, so an unchanged store gives byte-identical files.
    """
    out_dir = Path(out_dir)
    data = load_store(store_url)
    model = build_model(data, Path(units_csv) if units_csv else None)
    for w in model.warnings:
        log.warning("%s", w)
    steps: list[tuple[str, Callable[[], Any]]] = [
        (XLSX_NAME, lambda: [write_workbook(model, out_dir / XLSX_NAME)]),
        (ICS_NAME, lambda: [write_calendar(model, out_dir / ICS_NAME)]),
        (HTML_NAME, lambda: [write_html(model, out_dir / HTML_NAME, today or date.today())]),
        (EXPORT_DIR, lambda: write_exports(data, out_dir / EXPORT_DIR)),
    ]
    paths: list[Path] = []
    failed: list[str] = []
    for name, step in steps:  # one broken output must not cost the reviewers the others
        try:
            paths.extend(step())
        except OSError:
            raise  # disk full / folder not writable: the same for every output, say it once
        except Exception as exc:  # noqa: BLE001 - reported in one line; the traceback only at debug level
            log.debug("writing %s failed", name, exc_info=True)
            failed.append(f"{name} ({type(exc).__name__}: {str(exc)[:120]})")
    if failed:
        raise ReportError("not written: " + "; ".join(failed))
    return paths


class ReportError(Exception):
    """Some outputs could not be written (the others were); one-line reason."""
