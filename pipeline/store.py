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

from .atomic import atomic_write

log = logging.getLogger(__name__)

#: Alembic head revision this code writes; the migration check on open compares against it
#: without importing Alembic (keeps the unchanged-inbox run fast). A test keeps it in sync.
SCHEMA_REVISION = "0001"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"

metadata = MetaData()

files = Table(
    "files", metadata,
    Column("id", Integer, primary_key=True),
    Column("path", Text, nullable=False),          # path relative to the inbox, as dropped
    Column("name", Text, nullable=False),          # base name
    Column("sha256", String(64), nullable=False),
    Column("size", BigInteger),
    Column("format", String(16)),
    Column("status", String(16), nullable=False),  # processed | quarantined | superseded
    Column("reason", Text),                        # quarantine reason
    Column("arrived_at", String(32)),
    Column("processed_at", String(32)),
    Column("run_id", Integer),
    Column("document_id", Integer),
    Column("version", Integer, nullable=False, server_default="1"),  # n-th content under this path
    Column("stored_path", Text),                   # where the file is now, relative to the data folder
    Index("ix_files_sha256", "sha256"),
    Index("ix_files_path", "path"),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("file_id", Integer, ForeignKey("files.id")),
    Column("sha256", String(64), nullable=False, unique=True),  # the no-duplicate guarantee
    Column("kind", String(32)),
    Column("issuer", Text),
    Column("number", Text),
    Column("place", Text),
    Column("issued_on", String(10)),
    Column("title", Text),
    Column("subject", Text),
    Column("signer_name", Text),
    Column("signer_title", Text),
    Column("unit", Text),
    Column("unit_key", Text),
    Column("pages", Integer),
    Column("ocr", Boolean, nullable=False, server_default="0"),
    Column("format", String(16)),
    Column("warnings", Text),
    Column("path", Text),
    Column("arrived_at", String(32)),
    Column("record", Text),                        # the full extraction record (schema JSON)
    Column("superseded", Boolean, nullable=False, server_default="0"),
    Column("superseded_by", Integer),
    Column("superseded_reason", String(16)),       # version | resubmitted
    Index("ix_documents_unit_key", "unit_key"),
    Index("ix_documents_kind", "kind"),
)


def _child(name: str, *columns: Column, **indexes: Any) -> Table:
    return Table(name, metadata,
                 Column("id", Integer, primary_key=True),
                 Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
                 *columns,
                 Index(f"ix_{name}_document_id", "document_id"))


deadlines = _child(
    "deadlines",
    Column("due", String(10)), Column("precision", String(16)), Column("text", Text), Column("action", Text),
    Column("responsible", Text), Column("recipient", Text),
    Column("year_inferred", Boolean, nullable=False, server_default="0"),
    Column("recurring", String(16)), Column("time", String(32)), Column("page", Integer), Column("line", Integer),
)
milestones = _child(
    "milestones",
    Column("start", String(10)), Column("end", String(10)), Column("precision", String(16)), Column("text", Text),
    Column("year_inferred", Boolean, nullable=False, server_default="0"),
    Column("page", Integer), Column("line", Integer),
)
quotas = _child(
    "quotas",
    Column("subject", Text), Column("minimum", Float), Column("maximum", Float), Column("unit", String(16)),
    Column("exclusive", Boolean, nullable=False, server_default="0"),
    Column("exact", Boolean, nullable=False, server_default="0"),
    Column("item", Text), Column("text", Text), Column("page", Integer), Column("line", Integer),
)
references = _child(
    "references",
    Column("kind", Text), Column("number", Text), Column("date", String(10)), Column("issuer", Text),
    Column("text", Text),
)
registrations = _child(
    "registrations",
    Column("unit", Text), Column("unit_key", Text), Column("section", String(16)), Column("seq", Integer),
    Column("name", Text), Column("leader", Text), Column("address", Text), Column("field", String(32)),
    Column("field_raw", Text), Column("period_start", String(10)), Column("period_end", String(10)),
    Column("period_text", Text), Column("page", Integer), Column("table_no", Integer), Column("row_no", Integer),
    Column("line", Integer), Column("extra", Text),
    Column("superseded", Boolean, nullable=False, server_default="0"),
    Column("superseded_by", Integer),
)
Index("ix_registrations_unit_key", registrations.c.unit_key)

units = Table(
    "units", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False, unique=True),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("status", String(16), nullable=False),  # running | ok | partial | failed | interrupted
    Column("exit_code", Integer),
    Column("new", Integer, nullable=False, server_default="0"),
    Column("unchanged", Integer, nullable=False, server_default="0"),
    Column("superseded", Integer, nullable=False, server_default="0"),
    Column("quarantined", Integer, nullable=False, server_default="0"),
    Column("warnings", Integer, nullable=False, server_default="0"),
    Column("summary", Text),
    Column("inbox", Text),
)

CHILD_TABLES = {"deadlines": deadlines, "milestones": milestones, "quotas": quotas, "references": references,
                "registrations": registrations}
TABLES = {t.name: t for t in metadata.sorted_tables}


class StoreError(Exception):
    """The store cannot be opened or written (bad URL, server down, disk full); one-line reason."""


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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
    superseded: int  # documents newly marked superseded by this commit
    duplicate: bool = False


def commit_quarantine(engine: Engine, file_info: dict[str, Any], reason: str, run_id: Optional[int],
                      stored_path: Optional[str]) -> Committed:
    with engine.begin() as conn:
        file_id = conn.execute(files.insert().values(
            **file_info, status="quarantined", reason=reason, processed_at=now_iso(), run_id=run_id,
            stored_path=stored_path, version=_next_version(conn, file_info["path"]),
        ).returning(files.c.id)).scalar_one()
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
        if doc_row.get("unit_key") and doc_row.get("kind") == "registration_form":
            superseded += recompute_unit_supersede(conn, doc_row["unit_key"])
    return Committed(file_id, doc_id, version, superseded)


def set_stored_path(engine: Engine, file_id: int, stored_path: Optional[str]) -> None:
    with engine.begin() as conn:
        conn.execute(update(files).where(files.c.id == file_id).values(stored_path=stored_path))


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


def _newer(a: Any, b: Any) -> bool:
    """Is form ``a`` newer than form ``b``? Newer issued date, else newer arrival, else later id."""
    if a.issued_on and b.issued_on and a.issued_on != b.issued_on:
        return a.issued_on > b.issued_on
    if (a.arrived_at or "") != (b.arrived_at or ""):
        return (a.arrived_at or "") > (b.arrived_at or "")
    return a.id > b.id


def recompute_unit_supersede(conn: Connection, unit_key: str) -> int:
    """Mark each registration form of a unit superseded by its newest resubmission (same year or undated).

    Returns how many forms became superseded. Forms replaced as a new version of the same file
    keep that mark; only resubmission marks are recomputed here.
    """
    forms = conn.execute(
        select(documents.c.id, documents.c.issued_on, documents.c.arrived_at, documents.c.superseded,
               documents.c.superseded_by, documents.c.superseded_reason)
        .where(documents.c.unit_key == unit_key, documents.c.kind == "registration_form",
               (documents.c.superseded_reason.is_(None)) | (documents.c.superseded_reason == "resubmitted"))
    ).all()
    newly = 0
    for form in forms:
        winner = None
        for other in forms:
            if other.id == form.id or not _newer(other, form):
                continue
            ya, yb = _year(other.issued_on), _year(form.issued_on)
            if ya and yb and ya != yb:
                continue  # another year's campaign, not a resubmission
            if winner is None or _newer(other, winner):
                winner = other
        target = winner.id if winner is not None else None
        if target != form.superseded_by:
            _mark(conn, [form.id], target, "resubmitted" if target is not None else None)
            if target is not None and not form.superseded:
                newly += 1
    return newly


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
    """One whole table as a DataFrame, ordered by id (what the outputs build from)."""
    import pandas as pd

    if table not in TABLES:
        raise StoreError(f"unknown table {table!r}; tables: {', '.join(sorted(TABLES))}")
    engine = _open_existing(url)
    try:
        with engine.connect() as conn:
            return pd.read_sql_query(select(TABLES[table]).order_by(TABLES[table].c.id), conn)
    except Exception as exc:  # noqa: BLE001 - server gone, damaged file: one line, not a traceback
        raise StoreError(f"cannot read table {table}: {_first_line(exc)}") from exc


def export_table(url: str, table: str, fmt: str, path: Optional[Path] = None) -> Path:
    """Write one table as csv (UTF-8 with BOM, opens right in Excel), parquet or xlsx."""
    if fmt not in ("csv", "parquet", "xlsx"):
        raise StoreError(f"unknown export format {fmt!r} (csv, parquet, xlsx)")
    frame = read_table(url, table)
    target = Path(path) if path else Path("out") / f"{table}.{fmt}"
    def write(tmp: Path) -> None:
        if fmt == "csv":
            frame.to_csv(tmp, index=False, encoding="utf-8-sig")
        elif fmt == "parquet":
            frame.to_parquet(tmp, index=False)
        else:
            frame.to_excel(tmp, index=False, sheet_name=table[:31], engine="openpyxl")

    try:
        atomic_write(target, write)  # a full disk leaves the previous export, never half a file
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target
