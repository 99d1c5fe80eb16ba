"""`pipeline query` cannot change the store; `pipeline tables` lists it. SQLite and PostgreSQL, through the CLI.

Every statement the issue reported as kept (drop/alter table, create trigger, pragma user_version=…)
or as writing files anywhere (vacuum into, attach database), and their friends, must be refused
with one line and exit status 2, the store byte-for-byte (SQLite) or row-for-row (PostgreSQL)
unchanged, no file written, and the next nightly run must still work.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from batch_helpers import fresh_postgres_database, run_cli, sqlite_url, write_letters
from pipeline import store
from pipeline.cli import main as cli_main
from pipeline.readonly import QueryRefused, split_statements

WRITES = [
    "drop table files",
    "alter table files add column x integer",
    "alter table files rename to f2",
    "create trigger t after insert on files begin delete from runs; end",
    "create table x(a)",
    "create view v as select 1",
    "create index i on files(name)",
    "delete from documents",
    "update files set status = 'x'",
    "insert into runs(started_at, status) values ('x', 'y')",
    "replace into units(name, key) values ('a', 'b')",
    "select 1; drop table files",
]
SQLITE_WRITES = WRITES + [
    "pragma user_version = 7",
    "pragma journal_mode = delete",
    "pragma writable_schema = 1",
    "vacuum",
    "vacuum into '{tmp}/copy.sqlite'",
    "attach database '{tmp}/other.sqlite' as other",
    "create temp table t(a)",
    "reindex",
    "analyze",
    "begin immediate",
    "savepoint s",
    "select load_extension('/tmp/x')",
]
PG_WRITES = WRITES + [
    "with d as (delete from files returning id) select * from d",
    "commit; drop table files",
    "select 1; commit; drop table files",
    "set default_transaction_read_only = off",
    "select set_config('default_transaction_read_only', 'off', false)",
    "copy files to '{tmp}/files.csv'",
    "copy (select 1) to program 'touch {tmp}/pwned'",
    "select lo_export(1, '{tmp}/lo')",
    "do $$ begin drop table files; end $$",
    "vacuum",
    "select * from files for update",
    "select nextval('files_id_seq')",
    "truncate files",
    "lock table files",
    "prepare p as delete from files",
    "grant all on files to public",
    "select pg_terminate_backend(pg_backend_pid())",
    "/* ; */ drop table files -- select",
    "select 'a' ; ; drop table files",
]
#: (statement, the first cell of its answer): "%" and ":x" are text, not parameters.
READS = [
    ("select count(*) as n from files where path like '%.txt' and path <> ':x'", 2),
    ("with recursive c(x) as (select 1 union all select x + 1 from c where x < 3) select max(x) from c", 3),
    ("select 'a;b' as s", "a;b"),
]


def refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI in this process (start-up costs a second a command): exit 2, one line, nothing printed."""
    code = cli_main(args)
    out, err = capsys.readouterr()
    assert code == 2, (args, out)
    assert out == "" and err.startswith("pipeline: query refused"), (args, err)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def _digest(folder: Path) -> dict[str, str]:
    """The store's files; a read-only reader of a WAL store may add an empty -wal and its -shm index, no more."""
    out = {}
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.name.endswith("-shm") or (p.name.endswith("-wal") and p.stat().st_size == 0):
            continue
        out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store for the module's tests: none of them may change it (that is the point)."""
    tmp = tmp_path_factory.mktemp("readonly")
    write_letters(tmp / "inbox", 2)
    done = run_cli(["run", "--inbox", "inbox", "--no-report"], cwd=tmp)
    assert done.returncode == 0, done.stderr
    return tmp


def test_sqlite_query_refuses_every_write_and_the_store_is_unchanged(sqlite_store: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    tmp = sqlite_store
    before = _digest(tmp / "data")
    done = run_cli(["query", "drop table files"], cwd=tmp)  # once through a real process
    assert done.returncode == 2 and done.stdout == "" and done.stderr.startswith("pipeline: query refused")
    for sql in SQLITE_WRITES:
        refused(["query", sql.format(tmp=tmp), "--data", str(tmp / "data")], capsys)
    assert _digest(tmp / "data") == before
    assert not (tmp / "copy.sqlite").exists() and not (tmp / "other.sqlite").exists()
    for sql, first in READS:
        assert store.query(sqlite_url(tmp / "data"), sql).iloc[0, 0] == first, sql
    assert len(store.query(sqlite_url(tmp / "data"), "pragma table_info(files)")) == len(store.files.columns)
    assert store.query(sqlite_url(tmp / "data"), "pragma user_version").iloc[0, 0] == 0
    assert _digest(tmp / "data") == before
    again = run_cli(["run", "--inbox", "inbox", "--no-report"], cwd=tmp)  # the nightly run still works
    assert again.returncode == 0, again.stderr


def test_query_never_creates_or_migrates_a_store(tmp_path: Path) -> None:
    done = run_cli(["query", "select 1", "--data", "nowhere"], cwd=tmp_path)
    assert done.returncode == 2 and "no store at" in done.stderr
    assert not (tmp_path / "nowhere").exists()


def test_a_bad_query_is_a_one_line_failure_not_a_refusal(sqlite_store: Path) -> None:
    done = run_cli(["query", "select * from no_such_table"], cwd=sqlite_store)
    assert done.returncode == 2 and done.stderr.startswith("pipeline: query failed: no such table")


def test_tables_lists_every_table_and_column_of_the_schema(sqlite_store: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = _digest(sqlite_store / "data")
    done = run_cli(["tables", "--json"], cwd=sqlite_store)
    assert done.returncode == 0, done.stderr
    listed = {t["table"]: t for t in json.loads(done.stdout)}
    assert set(listed) == set(store.TABLES)  # alembic_version only with --all
    for name, table in store.TABLES.items():
        assert [c["name"] for c in listed[name]["columns"]] == [c.name for c in table.columns]
        assert [c["name"] for c in listed[name]["columns"] if c["primary_key"]] == ["id"]
    assert listed["files"]["rows"] == 2 and listed["documents"]["rows"] == 2
    text = run_cli(["tables"], cwd=sqlite_store).stdout
    assert "files  (2 rows)" in text and "  sha256" in text
    assert cli_main(["tables", "--json", "--all", "--data", str(sqlite_store / "data")]) == 0
    assert "alembic_version" in {t["table"] for t in json.loads(capsys.readouterr().out)}
    assert _digest(sqlite_store / "data") == before


def test_statement_splitter_knows_quotes_comments_and_dollar_quotes() -> None:
    assert len(split_statements("select 'a;b', \"c;d\", $$e;f$$, $t$g;h$t$ -- ;\n /* ; /* ; */ */ ")) == 1
    assert len(split_statements("select E'it\\'s; fine'")) == 1
    assert len(split_statements("select 1; select 2;")) == 2
    assert len(split_statements("select 'it''s'; drop table x")) == 2
    for broken in ("select 'open", "select $$open", "select /* open"):
        with pytest.raises(QueryRefused):
            split_statements(broken)


def _pg_snapshot(url: str) -> list:
    tables = store.query(url, "select table_name from information_schema.tables where table_schema = 'public' "
                              "order by table_name")
    counts = [store.query(url, f'select count(*) as n from "{t}"')["n"][0] for t in tables["table_name"]]
    files = store.query(url, "select md5(string_agg(id || path || status || coalesce(reason, ''), ',' order by id)) "
                             "as h from files")["h"][0]
    return [list(tables["table_name"]), counts, files]


def test_postgresql_query_refuses_every_write_and_the_store_is_unchanged(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    with fresh_postgres_database() as url:
        write_letters(tmp_path / "inbox", 2)
        done = run_cli(["run", "--inbox", "inbox", "--no-report", "--store", url], cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        before = _pg_snapshot(url)
        for sql in PG_WRITES:
            refused(["query", sql.format(tmp=tmp_path), "--store", url], capsys)
        assert _pg_snapshot(url) == before
        assert not (tmp_path / "files.csv").exists() and not (tmp_path / "pwned").exists()
        for sql, first in READS:
            assert store.query(url, sql).iloc[0, 0] == first, sql
        assert len(store.query(url, "show server_version")) == 1
        assert len(store.query(url, "explain select * from files")) >= 1
        assert cli_main(["tables", "--json", "--store", url]) == 0
        assert {t["table"] for t in json.loads(capsys.readouterr().out)} == set(store.TABLES)
        assert _pg_snapshot(url) == before
        store.close_store(url)
