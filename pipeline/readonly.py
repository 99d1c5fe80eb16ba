"""Read-only access to the store for people: ``pipeline query`` and ``pipeline tables``.

Why so many locks on one door: ``pipeline query`` takes any SQL a person types, and a store that a
query changed (a dropped table, a trigger, ``PRAGMA user_version``) breaks the next nightly run;
``VACUUM INTO`` and ``ATTACH`` would even write files anywhere. So the store is opened in a way
that cannot write, and every statement is checked before it runs:

* **SQLite**: ``file:…?mode=ro`` (the file is opened read-only), ``PRAGMA query_only``, and an
  authorizer that allows reading (SELECT, read-only PRAGMAs, functions) and denies everything else
  — writes, schema changes, ATTACH, VACUUM, triggers, PRAGMA assignments.
* **PostgreSQL**: one statement only (checked with a small lexer that knows strings, quoted names,
  comments and dollar quotes, so ``select 1; commit; drop table files`` is refused before it is
  sent), starting with SELECT/WITH/VALUES/TABLE/SHOW/EXPLAIN, run in a ``READ ONLY`` transaction
  on a session whose ``default_transaction_read_only`` is on, then rolled back. Functions that act
  outside the data (``lo_export``, ``pg_terminate_backend`` …) are refused by name.

Any refusal is a :class:`QueryRefused` with one line for the person; the store is never opened for
writing here, so it is never migrated or created either.
"""
from __future__ import annotations

import re
import sqlite3
import urllib.parse
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

from .store import StoreError, _first_line, _sqlite_path, engine_url, redact


class QueryRefused(StoreError):
    """A statement that would change the store or reach outside it: refused, nothing ran."""


REFUSAL = ("query refused: the store is read-only here; pipeline query runs one SELECT "
           "(or a read-only PRAGMA/SHOW) and never changes the store")

# --------------------------------------------------------------------------- SQLite

_SQLITE_ALLOWED = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                   getattr(sqlite3, "SQLITE_RECURSIVE", 33)}
#: PRAGMAs that only read; the first group takes a table or index name as argument.
_PRAGMAS_WITH_NAME = {"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
                      "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check"}
_PRAGMAS_QUERY_ONLY = {"database_list", "collation_list", "function_list", "module_list", "pragma_list",
                       "compile_options", "user_version", "schema_version", "application_id", "page_count",
                       "page_size", "freelist_count", "encoding", "journal_mode", "data_version",
                       "read_uncommitted", "foreign_keys", "query_only", "busy_timeout", "max_page_count"}
_SQLITE_DENIED_FUNCTIONS = {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"}


def _authorizer(action: int, arg1: Optional[str], arg2: Optional[str], _db: Optional[str],
                _source: Optional[str]) -> int:
    if action in _SQLITE_ALLOWED:
        if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _SQLITE_DENIED_FUNCTIONS:
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA:
        name = (arg1 or "").lower()
        if name in _PRAGMAS_WITH_NAME or (name in _PRAGMAS_QUERY_ONLY and arg2 is None):
            return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def _sqlite_connect(path: Path) -> sqlite3.Connection:
    uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=60, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")  # before the authorizer, which refuses PRAGMA assignments
    conn.set_authorizer(_authorizer)
    return conn


_SQLITE_REFUSALS = ("not authorized", "authorization denied", "readonly database", "read-only", "one statement at a time",
                    "prohibited", "attempt to write")

# --------------------------------------------------------------------------- PostgreSQL

_PG_FIRST_WORDS = {"select", "with", "values", "table", "show", "explain"}
_PG_DENIED_FUNCTIONS = re.compile(
    r"\b(lo_export|lo_import|lo_unlink|lo_create|lo_put|lo_from_bytea|pg_terminate_backend|pg_cancel_backend|"
    r"pg_reload_conf|pg_rotate_logfile|pg_promote|pg_switch_wal|pg_create_restore_point|pg_file_write|"
    r"pg_file_rename|pg_file_unlink|pg_logdir_ls|set_config|dblink\w*|pg_advisory\w*|pg_try_advisory\w*|"
    r"pg_stat_reset\w*|pg_notify|txid_current|pg_current_xact_id|nextval|setval|"
    r"pg_read_file|pg_read_binary_file|pg_ls_dir|pg_stat_file)\s*\(", re.IGNORECASE)
_DOLLAR_TAG = re.compile(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$")


def split_statements(sql: str, dollar_quotes: bool = True) -> list[str]:
    """The statements of ``sql`` with comments and quoted text blanked out (so only code words remain).

    Knows ``'…'`` (``''`` inside), ``E'…'`` (backslash escapes), ``"…"``, ``-- …``, nested
    ``/* … */`` and ``$tag$ … $tag$``. Raises QueryRefused for text it cannot close.
    """
    out: list[str] = []
    code: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        nxt = sql[i + 1] if i + 1 < n else ""
        if ch == "-" and nxt == "-":
            end = sql.find("\n", i)
            i = n if end < 0 else end
            code.append(" ")
        elif ch == "/" and nxt == "*":
            depth, i = 1, i + 2
            while i < n and depth:
                if sql.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif sql.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            if depth:
                raise QueryRefused("query refused: an unterminated /* comment")
            code.append(" ")
        elif ch in "'\"":
            escapes = ch == "'" and i > 0 and sql[i - 1] in "eE" and (i < 2 or not (sql[i - 2].isalnum() or sql[i - 2] == "_"))
            j = i + 1
            while True:
                if j >= n:
                    raise QueryRefused("query refused: an unterminated quoted text")
                if escapes and sql[j] == "\\":
                    j += 2
                    continue
                if sql[j] == ch:
                    if j + 1 < n and sql[j + 1] == ch:
                        j += 2
                        continue
                    break
                j += 1
            code.append(" '' " if ch == "'" else ' "x" ')
            i = j + 1
        elif ch == "$" and dollar_quotes and (m := _DOLLAR_TAG.match(sql, i)) and not (i and (sql[i - 1].isalnum() or sql[i - 1] == "_")):
            tag = m.group(0)
            end = sql.find(tag, m.end())
            if end < 0:
                raise QueryRefused("query refused: an unterminated $-quoted text")
            code.append(" '' ")
            i = end + len(tag)
        elif ch == ";":
            out.append("".join(code))
            code = []
            i += 1
        else:
            code.append(ch)
            i += 1
    out.append("".join(code))
    return [s for s in out if s.strip()]


def check_pg_statement(sql: str) -> None:
    """Refuse anything but one reading statement (see the module docstring)."""
    statements = split_statements(sql)
    if len(statements) != 1:
        raise QueryRefused(f"{REFUSAL} (found {len(statements)} statements)" if statements
                           else "query refused: no statement")
    code = statements[0]
    first = re.match(r"[\s(]*([A-Za-z]+)", code)
    if not first or first.group(1).lower() not in _PG_FIRST_WORDS:
        word = first.group(1).upper() if first else "?"
        raise QueryRefused(f"{REFUSAL} ({word} is not a reading statement)")
    bad = _PG_DENIED_FUNCTIONS.search(code)
    if bad:
        raise QueryRefused(f"{REFUSAL} ({bad.group(1)} acts outside the data)")


# --------------------------------------------------------------------------- one read-only engine


@contextmanager
def read_only_connection(url: str) -> Iterator[Any]:
    """A SQLAlchemy connection that cannot write (see the module docstring); rolled back at the end."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    path = _sqlite_path(url)
    if url.startswith("sqlite"):
        if path is None:
            raise StoreError("pipeline query needs a store file (an in-memory SQLite store has nothing to read)")
        if not path.exists():
            raise StoreError(f"no store at {path}: run `pipeline run` first, or pass --data/--store")
        engine = create_engine("sqlite://", creator=lambda: _sqlite_connect(path), poolclass=NullPool)
    else:
        engine = create_engine(engine_url(url), poolclass=NullPool,
                               connect_args={"options": "-c default_transaction_read_only=on"})

        @event.listens_for(engine, "begin")
        def _read_only(conn: Any) -> None:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
    try:
        conn = engine.connect()
    except Exception as exc:  # noqa: BLE001
        engine.dispose()
        raise StoreError(f"cannot open store {redact(url)}: {_first_line(exc)}") from exc
    try:
        yield conn
    finally:
        try:
            conn.rollback()
        finally:
            conn.close()
            engine.dispose()


def _refusal(exc: BaseException, sqlite: bool) -> Optional[str]:
    orig = getattr(exc, "orig", None) or exc
    message = str(orig).lower()
    if sqlite:
        return REFUSAL + f" ({_first_line(exc)})" if any(r in message for r in _SQLITE_REFUSALS) else None
    if getattr(orig, "pgcode", None) == "25006" or "read-only transaction" in message:
        return REFUSAL + f" ({_first_line(exc)})"
    return None


def query(url: str, sql: str) -> Any:
    """One reading statement as a pandas DataFrame; QueryRefused for anything that would write."""
    import pandas as pd

    sqlite = url.startswith("sqlite")
    if not sqlite:
        check_pg_statement(sql)
    with read_only_connection(url) as conn:
        try:
            conn.exec_driver_sql("SELECT 1")  # begins the (read-only) transaction
            # the driver's own cursor, no parameters: a "%" or ":name" in the text is just text
            cursor = conn.connection.dbapi_connection.cursor()
            try:
                cursor.execute(sql)
                if cursor.description is None:
                    return pd.DataFrame()
                columns = [d[0] for d in cursor.description]
                return pd.DataFrame.from_records(cursor.fetchall(), columns=columns)
            finally:
                cursor.close()
        except Exception as exc:  # noqa: BLE001 - the database's own one-line reason
            refused = _refusal(exc, sqlite)
            if refused:
                raise QueryRefused(refused) from exc
            raise StoreError(f"query failed: {_first_line(exc)}") from exc


def describe_tables(url: str, internal: bool = False) -> list[dict[str, Any]]:
    """Every table of the store with its columns and row count (``alembic_version`` only if ``internal``)."""
    from sqlalchemy import inspect, text

    out: list[dict[str, Any]] = []
    with read_only_connection(url) as conn:
        try:
            insp = inspect(conn)
            for name in sorted(insp.get_table_names()):
                if name == "alembic_version" and not internal:
                    continue
                keys = set(insp.get_pk_constraint(name).get("constrained_columns") or [])
                quoted = conn.dialect.identifier_preparer.quote(name)
                rows = conn.execute(text(f"SELECT count(*) FROM {quoted}")).scalar()
                out.append({"table": name, "rows": int(rows or 0), "columns": [
                    {"name": c["name"], "type": str(c["type"]), "nullable": bool(c.get("nullable", True)),
                     "primary_key": c["name"] in keys} for c in insp.get_columns(name)]})
        except Exception as exc:  # noqa: BLE001
            raise StoreError(f"cannot list the tables: {_first_line(exc)}") from exc
    return out
