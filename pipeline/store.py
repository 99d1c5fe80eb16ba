"""The tabular store: schema, migrations on open, one writer API, pandas read-back.

One code path for SQLite (the embedded default, ``<data>/pipeline.sqlite`` in WAL mode) and
PostgreSQL (``postgresql://…``), through SQLAlchemy Core. The schema is versioned with Alembic
(``pipeline/migrations``); :func:`open_store` upgrades a store automatically, after copying an
existing SQLite file aside, so an upgrade never loses a store.

Conventions (the outputs read these): dates (``issued_on``, ``due``, ``start`` …) are ISO
strings ``YYYY-MM-DD`` (NULL when unknown); timestamps (``arrived_at``, ``processed_at``,
``started_at`` …) are ISO-8601 UTC strings ``YYYY-MM-DDTHH:MM:SS+00:00``; booleans are
BOOLEAN (0/1 in SQLite); ``warnings``, ``extra`` and ``summary`` are JSON text. Superseded
rows are kept and marked (``superseded``, ``superseded_by`` = id of the newer document).

Every column carries its Vietnamese label in ``Column.info["vi"]`` (people's exports read it): the
schema of each table — names, types and labels — is written here once. Reviewers' answers
(``corrections``, ``done_marks``) are keyed by the stable ``item_id`` of what they answer, never
by row ids, so they survive reruns, re-extraction and migrations (see ``normalize.item_id``).

``store_state.revision`` counts the commits that change what the reports show (a file's rows, a
quarantined file, where a file was put, reviewers' answers and done marks); runs, the derived review
queue and migrations do not count. The reports record the revision they were built from, so a run
that committed nothing rewrites no output (``pipeline/outputs.py``).
"""
from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Optional

from sqlalchemy import (
    BigInteger, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text, create_engine,
    event, func, inspect, select, text, update,
)
from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)

#: Alembic head revision this code writes; the migration check on open compares against it
#: without importing Alembic (keeps the unchanged-inbox run fast). A test keeps it in sync.
SCHEMA_REVISION = "0003"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"

metadata = MetaData()


def col(name: str, type_: Any, label: str, *args: Any, **kwargs: Any) -> Column:
    """A column with its Vietnamese label (exports for people show ``label``; ``--raw`` the name)."""
    return Column(name, type_, *args, info={"vi": label}, **kwargs)


def _id() -> Column:
    return col("id", Integer, "Mã dòng", primary_key=True)


files = Table(
    "files", metadata,
    _id(),
    col("path", Text, "Đường dẫn trong hộp thư đến", nullable=False),  # path relative to the inbox, as dropped
    col("name", Text, "Tên tệp", nullable=False),                      # base name
    col("sha256", String(64), "Mã băm SHA-256", nullable=False),
    col("size", BigInteger, "Dung lượng (byte)"),
    col("format", String(16), "Định dạng"),
    col("status", String(16), "Trạng thái", nullable=False),  # processed | quarantined | superseded | answers
    col("reason", Text, "Lý do không đọc được"),               # quarantine reason
    col("arrived_at", String(32), "Thời điểm nhận"),
    col("processed_at", String(32), "Thời điểm xử lý"),
    col("run_id", Integer, "Lần chạy"),
    col("document_id", Integer, "Mã văn bản"),
    col("version", Integer, "Phiên bản", nullable=False, server_default="1"),  # n-th content under this path
    col("stored_path", Text, "Nơi lưu tệp"),                   # where the file is now, relative to the data folder
    Index("ix_files_sha256", "sha256"),
    Index("ix_files_path", "path"),
)

documents = Table(
    "documents", metadata,
    _id(),
    col("file_id", Integer, "Mã tệp", ForeignKey("files.id")),
    col("sha256", String(64), "Mã băm SHA-256", nullable=False, unique=True),  # the no-duplicate guarantee
    col("kind", String(32), "Loại văn bản"),
    col("issuer", Text, "Cơ quan ban hành"),
    col("number", Text, "Số văn bản"),
    col("place", Text, "Địa danh"),
    col("issued_on", String(10), "Ngày văn bản"),
    col("title", Text, "Trích yếu"),
    col("subject", Text, "V/v"),
    col("signer_name", Text, "Người ký"),
    col("signer_title", Text, "Chức vụ người ký"),
    col("unit", Text, "Đơn vị"),
    col("unit_key", Text, "Khóa đơn vị"),
    col("pages", Integer, "Số trang"),
    col("ocr", Boolean, "Đọc bằng OCR", nullable=False, server_default="0"),
    col("format", String(16), "Định dạng"),
    col("warnings", Text, "Cảnh báo khi đọc"),
    col("path", Text, "Tệp"),
    col("arrived_at", String(32), "Thời điểm nhận"),
    col("record", Text, "Bản ghi trích xuất (JSON)"),  # the full extraction record (schema JSON)
    col("superseded", Boolean, "Đã bị thay thế", nullable=False, server_default="0"),
    col("superseded_by", Integer, "Thay thế bởi văn bản"),
    col("superseded_reason", String(16), "Lý do thay thế"),  # version | resubmitted | duplicate
    # 0002: doubt, campaign, identity
    col("campaign", Integer, "Năm (đợt)"),                # campaign year (normalize.campaign_year)
    col("content_key", String(64), "Khóa nội dung"),      # same registration rows -> same key (duplicates)
    col("unit_source", String(16), "Nguồn tên đơn vị"),   # header | footer | signature | filename
    col("item_id", String(32), "Mã mục"),                 # stable id of the document (normalize.item_id)
    col("confidence", Text, "Độ tin cậy (JSON)"),         # {field: 0..1} from extraction
    col("review", Text, "Lý do cần kiểm tra (JSON)"),     # {field: [reasons]} from extraction
    col("ocr_confidence", Text, "Độ tin cậy OCR (JSON)"),  # {field: 0..100} of the scanned text a field came from
    Index("ix_documents_unit_key", "unit_key"),
    Index("ix_documents_kind", "kind"),
)


def _child(name: str, *columns: Column, **indexes: Any) -> Table:
    """A table of extracted items: the document it came from, its own columns, then the doubt columns."""
    return Table(name, metadata,
                 _id(),
                 col("document_id", Integer, "Mã văn bản", ForeignKey("documents.id", ondelete="CASCADE"),
                     nullable=False),
                 *columns,
                 col("item_id", String(32), "Mã mục"),
                 col("confidence", Float, "Độ tin cậy"),
                 col("review", Text, "Lý do cần kiểm tra (JSON)"),
                 col("ocr_confidence", Text, "Độ tin cậy OCR (JSON)"),
                 Index(f"ix_{name}_document_id", "document_id"))


deadlines = _child(
    "deadlines",
    col("due", String(10), "Hạn"), col("precision", String(16), "Độ chính xác"), col("text", Text, "Trích văn bản"),
    col("action", Text, "Nội dung"), col("responsible", Text, "Đơn vị thực hiện"), col("recipient", Text, "Gửi về"),
    col("year_inferred", Boolean, "Năm suy ra", nullable=False, server_default="0"),
    col("recurring", String(16), "Lặp lại"), col("time", String(32), "Giờ"), col("page", Integer, "Trang"),
    col("line", Integer, "Dòng"),
)
milestones = _child(
    "milestones",
    col("start", String(10), "Từ ngày"), col("end", String(10), "Đến ngày"),
    col("precision", String(16), "Độ chính xác"), col("text", Text, "Trích văn bản"),
    col("year_inferred", Boolean, "Năm suy ra", nullable=False, server_default="0"),
    col("page", Integer, "Trang"), col("line", Integer, "Dòng"),
)
quotas = _child(
    "quotas",
    col("subject", Text, "Đối tượng"), col("minimum", Float, "Tối thiểu"), col("maximum", Float, "Tối đa"),
    col("unit", String(16), "Đơn vị tính"),
    col("exclusive", Boolean, "Phải vượt mức", nullable=False, server_default="0"),
    col("exact", Boolean, "Đúng số lượng", nullable=False, server_default="0"),
    col("item", Text, "Nội dung chỉ tiêu"), col("text", Text, "Trích văn bản"), col("page", Integer, "Trang"),
    col("line", Integer, "Dòng"),
    col("campaign", Integer, "Năm (đợt)"),
)
references = _child(
    "references",
    col("kind", Text, "Loại văn bản"), col("number", Text, "Số văn bản"), col("date", String(10), "Ngày"),
    col("issuer", Text, "Cơ quan ban hành"), col("text", Text, "Trích văn bản"),
    col("page", Integer, "Trang"), col("line", Integer, "Dòng"),
)
registrations = _child(
    "registrations",
    col("unit", Text, "Đơn vị"), col("unit_key", Text, "Khóa đơn vị"), col("section", String(16), "Loại mô hình"),
    col("seq", Integer, "Số thứ tự"), col("name", Text, "Tên mô hình"),
    col("leader", Text, "Tập thể (cá nhân) chỉ đạo"), col("address", Text, "Địa chỉ"),
    col("field", String(32), "Lĩnh vực"), col("field_raw", Text, "Lĩnh vực (ghi trên biểu)"),
    col("period_start", String(10), "Bắt đầu"), col("period_end", String(10), "Kết thúc"),
    col("period_text", Text, "Thời gian thực hiện"), col("page", Integer, "Trang"),
    col("table_no", Integer, "Bảng"), col("row_no", Integer, "Hàng"),
    col("line", Integer, "Dòng"), col("extra", Text, "Cột khác"),
    col("superseded", Boolean, "Đã bị thay thế", nullable=False, server_default="0"),
    col("superseded_by", Integer, "Thay thế bởi văn bản"),
    col("campaign", Integer, "Năm (đợt)"),
)
Index("ix_registrations_unit_key", registrations.c.unit_key)

units = Table(
    "units", metadata,
    _id(),
    col("name", Text, "Đơn vị", nullable=False),
    col("key", Text, "Khóa đơn vị", nullable=False, unique=True),
    col("first_seen", String(32), "Lần đầu thấy"),
    col("last_seen", String(32), "Lần cuối thấy"),
)

runs = Table(
    "runs", metadata,
    _id(),
    col("started_at", String(32), "Bắt đầu", nullable=False),
    col("finished_at", String(32), "Kết thúc"),
    col("status", String(16), "Trạng thái", nullable=False),  # running | ok | partial | failed | interrupted
    col("exit_code", Integer, "Mã thoát"),
    col("new", Integer, "Tệp mới", nullable=False, server_default="0"),
    col("unchanged", Integer, "Tệp không đổi", nullable=False, server_default="0"),
    col("superseded", Integer, "Bản cũ bị thay thế", nullable=False, server_default="0"),
    col("quarantined", Integer, "Tệp không đọc được", nullable=False, server_default="0"),
    col("warnings", Integer, "Cảnh báo", nullable=False, server_default="0"),
    col("summary", Text, "Tóm tắt (JSON)"),
    col("inbox", Text, "Hộp thư đến"),
    col("duplicates", Integer, "Bản trùng", nullable=False, server_default="0"),
)

# --- 0002: the reviewers' answers (append-only: the latest answer per item wins, none is ever deleted)

corrections = Table(
    "corrections", metadata,
    _id(),
    col("item_id", String(48), "Mã mục", nullable=False),   # review id: item id, or item id + "/" + field
    col("verdict", String(16), "Xác nhận", nullable=False),  # confirmed | rejected | corrected
    col("value", Text, "Sửa thành"),
    col("shown", Text, "Giá trị đã đọc"),                     # what the reviewer saw when answering
    col("item_kind", String(16), "Loại mục"),
    col("answered_at", String(32), "Thời điểm trả lời", nullable=False),
    col("source", Text, "Nguồn trả lời"),                     # workbook file name, or "pipeline review"
    col("run_id", Integer, "Lần chạy"),
    Index("ix_corrections_item_id", "item_id"),
)

done_marks = Table(
    "done_marks", metadata,
    _id(),
    col("item_id", String(48), "Mã mục", nullable=False),   # a deadline's item id
    col("done", Boolean, "Đã hoàn thành", nullable=False),
    col("marked_at", String(32), "Thời điểm đánh dấu", nullable=False),
    col("source", Text, "Nguồn"),
    col("run_id", Integer, "Lần chạy"),
    Index("ix_done_marks_item_id", "item_id"),
)

# Derived: rewritten by every report (the queue as the reviewers last saw it, for SQL users).
review_items = Table(
    "review_items", metadata,
    _id(),
    col("item_id", String(48), "Mã mục", nullable=False),
    col("item_kind", String(16), "Loại mục"),
    col("field", String(32), "Trường"),
    col("document_id", Integer, "Mã văn bản"),
    col("file_id", Integer, "Mã tệp"),
    col("campaign", Integer, "Năm (đợt)"),
    col("value", Text, "Giá trị đọc được"),
    col("reason", Text, "Lý do cần kiểm tra"),
    col("source", Text, "Nguồn"),
    col("confidence", Float, "Độ tin cậy"),
    col("status", String(16), "Tình trạng"),  # open | confirmed | corrected | rejected | orphaned
    col("answer", Text, "Xác nhận"),
    col("correction", Text, "Sửa thành"),
)

# --- 0003: the revision the reports are built from (one row; bumped by every commit they would show)

store_state = Table(
    "store_state", metadata,
    col("id", Integer, "Mã dòng", primary_key=True),
    col("store_id", String(32), "Mã kho dữ liệu", nullable=False),  # random, set once: tells two stores apart
    col("revision", Integer, "Phiên bản dữ liệu", nullable=False, server_default="1"),
    col("changed_at", String(32), "Thời điểm thay đổi"),
)

CHILD_TABLES = {"deadlines": deadlines, "milestones": milestones, "quotas": quotas, "references": references,
                "registrations": registrations}
TABLES = {t.name: t for t in metadata.sorted_tables}


class StoreError(Exception):
    """The store cannot be opened or written (bad URL, server down, disk full); one-line reason."""


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _bump(conn: Connection) -> None:
    """One revision more, in the caller's transaction: reports built before this commit are out of date."""
    conn.execute(update(store_state).where(store_state.c.id == 1).values(
        revision=store_state.c.revision + 1, changed_at=now_iso()))


def revision(engine: Engine) -> tuple[str, int]:
    """(store id, revision) of the store: what the reports compare with what they were built from."""
    with engine.connect() as conn:
        row = conn.execute(select(store_state.c.store_id, store_state.c.revision)
                           .where(store_state.c.id == 1)).first()
    return (str(row.store_id), int(row.revision)) if row is not None else ("", 0)


def default_store_url(data_dir: Path) -> str:
    return f"sqlite:///{Path(data_dir).resolve() / 'pipeline.sqlite'}"


def _sqlite_path(url: str) -> Optional[Path]:
    if not url.startswith("sqlite:///"):
        return None
    raw = url[len("sqlite:///"):].split("?", 1)[0]
    return Path(raw) if raw and raw != ":memory:" else None


def redact(url: str) -> str:
    """URL for logs: the password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


_ENGINES: dict[str, Engine] = {}


def engine_url(url: str) -> str:
    """Plain ``postgresql://`` (or ``postgres://``) means the installed psycopg2 driver.

    SQLAlchemy 2.1 would pick psycopg 3 for a bare ``postgresql://``; we ship psycopg2-binary.
    """
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            try:
                import psycopg  # noqa: F401
                return url
            except ImportError:
                return "postgresql+psycopg2://" + url[len(prefix):]
    return url


def _make_engine(url: str) -> Engine:
    url = engine_url(url)
    if url.startswith("sqlite"):
        path = _sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:  # WAL: readers never block the nightly writer
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=60000")
            cur.close()
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_store(url: str) -> Engine:
    """An engine for ``url`` with the schema at head (migrating, with a backup, when it is older)."""
    if url in _ENGINES:
        return _ENGINES[url]
    try:
        engine = _make_engine(url)
        with engine.connect() as conn:
            current = _current_revision(conn)
        if current != SCHEMA_REVISION:
            _migrate(engine, url, current)
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - bad URL, server down, permission: one clear line
        raise StoreError(f"cannot open store {redact(url)}: {_first_line(exc)}") from exc
    _ENGINES[url] = engine
    return engine


def close_store(url: str) -> None:
    """Forget and dispose the cached engine (tests, benchmarks, a dropped database)."""
    engine = _ENGINES.pop(url, None)
    if engine is not None:
        engine.dispose()


def _first_line(exc: BaseException) -> str:
    msg = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__


def _current_revision(conn: Connection) -> Optional[str]:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _migrate(engine: Engine, url: str, current: Optional[str]) -> None:
    """Run Alembic to head; an existing SQLite store is first copied aside (VACUUM INTO)."""
    from alembic import command
    from alembic.config import Config

    path = _sqlite_path(url)
    if current is not None and path is not None and path.exists():
        backup = path.with_name(f"{path.stem}.before-{SCHEMA_REVISION}-{time.strftime('%Y%m%d%H%M%S')}.sqlite")
        with engine.connect() as conn:
            conn.exec_driver_sql(f"VACUUM INTO '{backup}'")
        log.warning("store schema %s -> %s; backup written to %s", current, SCHEMA_REVISION, backup)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


# --------------------------------------------------------------------------- writer API

#: pg_advisory_lock key of the nightly job ("pipeline" in ASCII, folded into a bigint).
_PG_LOCK_KEY = 0x706970656C696E65 & 0x7FFFFFFFFFFFFFFF


@contextmanager
def server_lock(engine: Engine) -> Iterator[bool]:
    """On PostgreSQL, one run per database even from several machines (each with its own data folder).

    Yields False when another session holds the lock; SQLite needs nothing beyond the file lock.
    """
    if engine.dialect.name != "postgresql":
        yield True
        return
    conn = engine.connect()
    try:
        got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _PG_LOCK_KEY}).scalar())
        conn.commit()
        try:
            yield got
        finally:
            if got:
                try:
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
                    conn.commit()
                except Exception:  # noqa: BLE001 - the server drops the lock with the session anyway
                    conn.invalidate()
    finally:
        conn.close()



@dataclass
class KnownFile:
    id: int
    path: str
    status: str
    stored_path: Optional[str]
    document_id: Optional[int]
    reason: Optional[str] = None


def known_files(engine: Engine) -> dict[str, list[KnownFile]]:
    """sha256 -> files rows, loaded once per run (the unchanged check is a dict lookup)."""
    out: dict[str, list[KnownFile]] = {}
    with engine.connect() as conn:
        for row in conn.execute(select(files.c.id, files.c.sha256, files.c.path, files.c.status,
                                       files.c.stored_path, files.c.document_id, files.c.reason)
                                .order_by(files.c.id)):
            out.setdefault(row.sha256, []).append(KnownFile(row.id, row.path, row.status, row.stored_path,
                                                            row.document_id, row.reason))
    return out


def mark_interrupted_runs(engine: Engine) -> list[dict[str, Any]]:
    """Runs still ``running`` become ``interrupted``. Call only while holding the run lock (then none is alive)."""
    with engine.begin() as conn:
        stale = conn.execute(select(runs.c.id, runs.c.started_at).where(runs.c.status == "running")).all()
        if stale:
            note = json.dumps({"status": "interrupted", "note": "the run ended without finishing (crash, kill -9 "
                               "or power cut); marked by the next run"})
            conn.execute(update(runs).where(runs.c.id.in_([r.id for r in stale]))
                         .values(status="interrupted", summary=note))
    return [{"id": r.id, "started_at": r.started_at} for r in stale]


def start_run(engine: Engine, inbox: str) -> int:
    with engine.begin() as conn:
        return conn.execute(runs.insert().values(started_at=now_iso(), status="running", inbox=inbox)
                            .returning(runs.c.id)).scalar_one()


def finish_run(engine: Engine, run_id: int, status: str, exit_code: int, counts: dict[str, int],
               summary: dict[str, Any]) -> None:
    with engine.begin() as conn:
        conn.execute(update(runs).where(runs.c.id == run_id).values(
            finished_at=now_iso(), status=status, exit_code=exit_code,
            summary=json.dumps(summary, ensure_ascii=False), **counts))


@dataclass
class Committed:
    file_id: int
    document_id: Optional[int]
    version: int
    superseded: int  # documents newly marked superseded by this commit (a newer version or resubmission)
    duplicate: bool = False  # this very content was already committed
    duplicates: int = 0  # documents newly recorded as copies of the same form (same rows, other bytes)


def commit_quarantine(engine: Engine, file_info: dict[str, Any], reason: str, run_id: Optional[int],
                      stored_path: Optional[str]) -> Committed:
    with engine.begin() as conn:
        file_id = conn.execute(files.insert().values(
            **file_info, status="quarantined", reason=reason, processed_at=now_iso(), run_id=run_id,
            stored_path=stored_path, version=_next_version(conn, file_info["path"]),
        ).returning(files.c.id)).scalar_one()
        _bump(conn)
    return Committed(file_id, None, 0, 0)


def _next_version(conn: Connection, path: str) -> int:
    current = conn.execute(select(func.max(files.c.version)).where(
        files.c.path == path, files.c.status != "quarantined")).scalar()
    return (current or 0) + 1


def commit_document(engine: Engine, file_info: dict[str, Any], rows: dict[str, Any], run_id: Optional[int],
                    stored_path: Optional[str]) -> Committed:
    """Files row, document, child rows, units and supersede marks, in ONE transaction.

    Keyed by sha256 (unique on documents): committing the same content twice is refused, so a
    rerun after a crash can never duplicate rows.
    """
    doc_row = dict(rows["documents"])
    sha = file_info["sha256"]
    stamp = now_iso()
    with engine.begin() as conn:
        existing = conn.execute(select(documents.c.id, documents.c.file_id)
                                .where(documents.c.sha256 == sha)).first()
        if existing is not None:
            return Committed(existing.file_id, existing.id, 0, 0, duplicate=True)
        version = _next_version(conn, file_info["path"])
        file_id = conn.execute(files.insert().values(
            **file_info, status="processed", processed_at=stamp, run_id=run_id, version=version,
            stored_path=stored_path, format=doc_row.get("format") or file_info.get("format"),
        ).returning(files.c.id)).scalar_one()
        doc_row.update(file_id=file_id, sha256=sha, arrived_at=file_info.get("arrived_at"))
        doc_id = conn.execute(documents.insert().values(**doc_row).returning(documents.c.id)).scalar_one()
        conn.execute(update(files).where(files.c.id == file_id).values(document_id=doc_id))
        for name, table in CHILD_TABLES.items():
            items = rows.get(name) or []
            if items:
                conn.execute(table.insert(), [dict(item, document_id=doc_id) for item in items])
        for unit in rows.get("units") or []:
            _touch_unit(conn, unit["key"], unit["name"], stamp)
        superseded = _supersede_versions(conn, doc_id, file_info["path"], doc_row)
        copies = 0
        if doc_row.get("unit_key") and doc_row.get("kind") == "registration_form":
            newly = recompute_unit_supersede(conn, doc_row["unit_key"])
            superseded += newly["resubmitted"]
            copies = newly["duplicate"]
        _bump(conn)
    return Committed(file_id, doc_id, version, superseded, duplicates=copies)


def set_stored_path(engine: Engine, file_id: int, stored_path: Optional[str]) -> None:
    with engine.begin() as conn:
        conn.execute(update(files).where(files.c.id == file_id).values(stored_path=stored_path))
        _bump(conn)


def _touch_unit(conn: Connection, key: str, name: str, stamp: str) -> None:
    found = conn.execute(select(units.c.id).where(units.c.key == key)).scalar()
    if found is None:
        conn.execute(units.insert().values(name=name, key=key, first_seen=stamp, last_seen=stamp))
    else:
        conn.execute(update(units).where(units.c.id == found).values(last_seen=stamp))


def _same_identity(a: dict[str, Any], b: Any) -> bool:
    """Two contents of one file name are versions of one document unless their numbers or units differ."""
    for key in ("number", "unit_key"):
        x, y = a.get(key), getattr(b, key)
        if x and y and x != y:
            return False
    return True


def _mark(conn: Connection, doc_ids: Iterable[int], by: Optional[int], reason: Optional[str]) -> None:
    ids = list(doc_ids)
    if not ids:
        return
    conn.execute(update(documents).where(documents.c.id.in_(ids)).values(
        superseded=by is not None, superseded_by=by, superseded_reason=reason))
    conn.execute(update(registrations).where(registrations.c.document_id.in_(ids)).values(
        superseded=by is not None, superseded_by=by))
    conn.execute(update(files).where(files.c.document_id.in_(ids)).values(
        status="superseded" if by is not None else "processed"))


def _supersede_versions(conn: Connection, doc_id: int, path: str, doc_row: dict[str, Any]) -> int:
    """A changed file under the same name replaces the earlier content of that document."""
    older = conn.execute(
        select(documents.c.id, documents.c.number, documents.c.unit_key)
        .join(files, files.c.id == documents.c.file_id)
        .where(files.c.path == path, documents.c.id != doc_id, documents.c.superseded.is_(False))
    ).all()
    ids = [row.id for row in older if _same_identity(doc_row, row)]
    _mark(conn, ids, doc_id, "version")
    return len(ids)


def _year(iso: Optional[str]) -> Optional[str]:
    return iso[:4] if iso and len(iso) >= 4 and iso[:4].isdigit() else None


def _campaign_overrides(conn: Connection, item_ids: list[str]) -> dict[str, Optional[int]]:
    """Campaign years reviewers corrected (answers on ``<document item id>/nam``), latest answer first."""
    wanted = [f"{i}/nam" for i in item_ids if i]
    if not wanted:
        return {}
    out: dict[str, Optional[int]] = {}
    for row in conn.execute(select(corrections.c.item_id, corrections.c.verdict, corrections.c.value)
                            .where(corrections.c.item_id.in_(wanted)).order_by(corrections.c.id)):
        doc_item = row.item_id[: -len("/nam")]
        if row.verdict == "corrected" and row.value and str(row.value).strip()[:4].isdigit():
            out[doc_item] = int(str(row.value).strip()[:4])
        elif row.verdict == "confirmed":
            out.pop(doc_item, None)
    return out


def _form_date(form: Any) -> str:
    """The date that orders forms: the date written on the form, else the day it arrived."""
    return form.issued_on or (form.arrived_at or "")[:10]


def recompute_unit_supersede(conn: Connection, unit_key: str) -> dict[str, int]:
    """Decide, for one unit, which registration form of each campaign is current. Returns newly marked counts.

    The rule (documented in the README, independent of the order files were read in):

    1. Forms belong together when they are of the same unit and the same campaign year (a reviewer's
       correction of the year counts). Forms of other campaigns never replace each other.
    2. Forms with the same registration rows (``content_key``: the same form as DOCX, PDF and XLSX)
       are one submission; its first arrival is the kept copy, the others are ``duplicate``.
    3. Of the submissions, the current one has the latest date written on the form (else its arrival
       day), then the latest arrival, then the file name and content hash as the last, stable tie-break.
       The others are ``resubmitted`` (replaced by the current one).

    Forms replaced as a new version of the same file name keep that mark; only resubmission and
    duplicate marks are recomputed here.
    """
    forms = conn.execute(
        select(documents.c.id, documents.c.issued_on, documents.c.arrived_at, documents.c.superseded,
               documents.c.superseded_by, documents.c.superseded_reason, documents.c.campaign,
               documents.c.content_key, documents.c.sha256, documents.c.path, documents.c.item_id)
        .where(documents.c.unit_key == unit_key, documents.c.kind == "registration_form",
               (documents.c.superseded_reason.is_(None)) | (documents.c.superseded_reason.in_(
                   ("resubmitted", "duplicate"))))
    ).all()
    overrides = _campaign_overrides(conn, [f.item_id for f in forms])
    groups: dict[Any, list[Any]] = {}
    for form in forms:
        campaign = overrides.get(form.item_id, form.campaign)
        groups.setdefault(campaign, []).append(form)
    target: dict[int, tuple[Optional[int], Optional[str]]] = {}
    for members in groups.values():
        clusters: dict[str, list[Any]] = {}
        for form in members:
            clusters.setdefault(form.content_key or f"sha:{form.sha256}", []).append(form)
        kept = []
        for cluster in clusters.values():
            cluster.sort(key=lambda f: (f.arrived_at or "", f.path or "", f.sha256))
            first = cluster[0]
            kept.append(first)
            for copy in cluster[1:]:
                target[copy.id] = (first.id, "duplicate")
        kept.sort(key=lambda f: (_form_date(f), f.arrived_at or "", f.path or "", f.sha256))
        current = kept[-1]
        target[current.id] = (None, None)
        for older in kept[:-1]:
            target[older.id] = (current.id, "resubmitted")
    newly = {"resubmitted": 0, "duplicate": 0}
    for form in forms:
        by, reason = target[form.id]
        if (by, reason) != (form.superseded_by, form.superseded_reason if by is not None else None):
            _mark(conn, [form.id], by, reason)
            if by is not None and not form.superseded:
                newly[reason or "resubmitted"] += 1
    return newly


def recompute_all_supersede(conn: Connection) -> None:
    """Every unit again (after a migration, or after a reviewer corrected a form's campaign)."""
    keys = conn.execute(select(documents.c.unit_key).where(
        documents.c.kind == "registration_form", documents.c.unit_key.is_not(None)).distinct()).scalars().all()
    for key in keys:
        recompute_unit_supersede(conn, key)


# --------------------------------------------------------------------------- reviewers' answers


@dataclass
class Answers:
    """What one workbook (or one command) answered: review verdicts and done marks."""

    corrections: list[dict[str, Any]]  # item_id, verdict, value, shown, item_kind
    done: list[dict[str, Any]]         # item_id, done
    source: str


def latest_answers(conn: Connection) -> tuple[dict[str, Any], dict[str, Any]]:
    """The latest correction and the latest done mark per item id (append-only tables, latest wins)."""
    fixes: dict[str, Any] = {}
    for row in conn.execute(select(corrections).order_by(corrections.c.id)):
        fixes[row.item_id] = row
    marks: dict[str, Any] = {}
    for row in conn.execute(select(done_marks).order_by(done_marks.c.id)):
        marks[row.item_id] = row
    return fixes, marks


def _record_answers(conn: Connection, answers: Answers, run_id: Optional[int]) -> dict[str, int]:
    """Append the answers that change something (re-reading the same workbook adds nothing)."""
    fixes, marks = latest_answers(conn)
    stamp = now_iso()
    added = {"corrections": 0, "done": 0, "campaign": 0}
    for a in answers.corrections:
        last = fixes.get(a["item_id"])
        value = (a.get("value") or None)
        if last is not None and last.verdict == a["verdict"] and (last.value or None) == value:
            continue
        conn.execute(corrections.insert().values(
            item_id=a["item_id"], verdict=a["verdict"], value=value, shown=a.get("shown"),
            item_kind=a.get("item_kind"), answered_at=stamp, source=answers.source, run_id=run_id))
        added["corrections"] += 1
        if a["item_id"].endswith("/nam"):
            added["campaign"] += 1
    for m in answers.done:
        last = marks.get(m["item_id"])
        if (last is not None and bool(last.done) == bool(m["done"])) or (last is None and not m["done"]):
            continue
        conn.execute(done_marks.insert().values(item_id=m["item_id"], done=bool(m["done"]), marked_at=stamp,
                                                source=answers.source, run_id=run_id))
        added["done"] += 1
    if added["campaign"]:
        recompute_all_supersede(conn)
    return added


def record_answers(engine: Engine, answers: Answers, run_id: Optional[int] = None) -> dict[str, int]:
    """Store answers given outside the inbox (``pipeline review apply``, ``pipeline done``), in one transaction."""
    with engine.begin() as conn:
        added = _record_answers(conn, answers, run_id)
        if any(added.values()):
            _bump(conn)
        return added


def commit_answers(engine: Engine, file_info: dict[str, Any], answers: Answers, run_id: Optional[int],
                   stored_path: Optional[str]) -> dict[str, int]:
    """An answered workbook dropped into the inbox: its files row and its answers in ONE transaction.

    The files row (status ``answers``) makes a re-dropped copy "unchanged"; a crash before the move
    leaves a committed workbook the next run just moves (answering twice would add nothing anyway).
    """
    with engine.begin() as conn:
        conn.execute(files.insert().values(
            **file_info, status="answers", processed_at=now_iso(), run_id=run_id, stored_path=stored_path,
            version=_next_version(conn, file_info["path"]), format="xlsx"))
        _bump(conn)
        return _record_answers(conn, answers, run_id)


def replace_review_items(engine: Engine, rows: list[dict[str, Any]]) -> None:
    """The review queue as the latest report computed it (derived data: replaced as a whole)."""
    with engine.begin() as conn:
        conn.execute(review_items.delete())
        if rows:
            conn.execute(review_items.insert(), rows)


# --------------------------------------------------------------------------- read back


def _open_existing(url: str) -> Engine:
    """Readers must not create an empty store by mistake (a wrong --data folder)."""
    path = _sqlite_path(url)
    if path is not None and not path.exists():
        raise StoreError(f"no store at {path}: run `pipeline run` first, or pass --data/--store")
    return open_store(url)


def query(url: str, sql: str) -> "Any":
    """One reading SQL statement as a pandas DataFrame, on a connection that cannot write.

    A statement that would write is refused (:class:`pipeline.readonly.QueryRefused`, a StoreError);
    a bad query is a StoreError with the database's one-line reason.
    """
    from .readonly import query as read_only_query

    return read_only_query(url, sql)


def read_table(url: str, table: str) -> "Any":
    """One whole table as a DataFrame, ordered by id (raw rows; exports for people label them)."""
    import pandas as pd

    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; tables: {', '.join(sorted(TABLES))}")
    engine = _open_existing(url)
    try:
        with engine.connect() as conn:
            return pd.read_sql_query(select(TABLES[table]).order_by(TABLES[table].c.id), conn)
    except Exception as exc:  # noqa: BLE001 - server gone, damaged file: one line, not a traceback
        raise StoreError(f"cannot read table {table}: {_first_line(exc)}") from exc


#: Columns the reports never need (the full extraction record is for re-processing and debugging).
HEAVY_COLUMNS = {"documents": ("record",)}


def read_tables(url: str, names: Optional[Iterable[str]] = None,
                skip: dict[str, tuple[str, ...]] = HEAVY_COLUMNS) -> dict[str, list[dict[str, Any]]]:
    """Tables as lists of rows, ONE query per table whatever the number of files (what reports build from).

    Read in one transaction, so the tables agree with each other even while a run is writing. Each row is
    a read-only mapping (``row["unit"]``, ``row.get("unit")``): a third of the memory of a dict per row.
    """
    engine = _open_existing(url)
    out: dict[str, list[dict[str, Any]]] = {}
    try:
        with engine.connect() as conn, conn.begin():
            for name in names or TABLES:
                table = TABLES[name]
                cols = [c for c in table.c if c.name not in skip.get(name, ())]
                out[name] = [r._mapping for r in conn.execute(select(*cols).order_by(table.c.id))]
    except Exception as exc:  # noqa: BLE001
        raise StoreError(f"cannot read the store: {_first_line(exc)}") from exc
    return out


def column_labels(table: str) -> dict[str, str]:
    """Column name -> Vietnamese label, from the schema (the one place both are written)."""
    return {c.name: c.info.get("vi", c.name) for c in TABLES[table].c}


def store_engine(url: str) -> Engine:
    """The engine of an existing store (writers of answers and of the review queue use it)."""
    return _open_existing(url)
