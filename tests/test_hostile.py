"""One inbox, ~90 kinds of bad, odd and hostile files dropped among the good corpus: the nightly run survives.

What must hold (issue 11): the run ends with exit 1 and no traceback; every file that was in the
inbox is now in processed/ or quarantine/, each quarantined one with a reason note whose reason
is the store's, Vietnamese first; files past the time or memory limit are quarantined with
"quá thời gian/bộ nhớ"; names are kept (escaped where they are not UTF-8) and cannot forge log
lines; the good files' rows are exactly those of a clean run of the same good files. The same
inbox goes through SQLite and PostgreSQL. The files are generated at test time (hostile_files.py).
"""
from __future__ import annotations

import json
import math
import os
import shutil
import time
from pathlib import Path
from typing import Any, Iterable, Optional

import pytest

from batch_helpers import REPO, fresh_postgres_database, postgres_base_url, run_cli, sqlite_url
from hostile_files import EITHER, HOOKS, READABLE, REFUSED, SPECIAL, build_cache, populate
from pipeline import store
from pipeline.batch import REASON_SUFFIX, note_path
from pipeline.names import disk_form, store_form
from pipeline.reasons import KINDS, PATTERNS

VIETNAMESE = tuple(set(KINDS.values()) | {text for _, text in PATTERNS})

#: Small limits keep the suite fast; the real defaults are 120 s and 1024 MB.
LIMITS = ["--time-limit", "10", "--memory-limit", "1024"]
# The corpus's born-digital files. Its photographed form is left out: OCR of a photo can take longer than this
# suite's short per-file limit on a loaded machine, and scans have tests of their own (test_ocr.py).
GOOD = sorted(p.name for p in (REPO / "corpus").iterdir()
              if p.is_file() and p.suffix.lower() not in {".jpg", ".jpeg", ".png", ".tif", ".tiff"})
CHILD = ("deadlines", "milestones", "quotas", "references", "registrations")
#: Columns that depend on when and in which order files arrived, not on their content.
VOLATILE = {"id", "file_id", "document_id", "arrived_at", "superseded", "superseded_by", "superseded_reason"}


@pytest.fixture(scope="module")
def hostile_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    folder = tmp_path_factory.mktemp("hostile-cache")
    return folder, build_cache(folder)


def _inbox_with_good_files(inbox: Path) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    for name in GOOD:
        shutil.copyfile(REPO / "corpus" / name, inbox / name)


def good_rows(url: str) -> dict[str, list[tuple]]:
    """Every row extracted from the good corpus files, without ids, times and supersede marks."""
    return extracted_rows(url, GOOD)


def extracted_rows(url: str, paths: Optional[Iterable[str]] = None) -> dict[str, list[tuple]]:
    """Every extracted row (of the files at ``paths``, or all), without ids, times and supersede marks."""
    where = ""
    if paths is not None:
        where = " where f.path in (" + ", ".join("'" + n.replace("'", "''") + "'" for n in paths) + ")"
    out: dict[str, list[tuple]] = {}
    queries = {"documents": f"select d.* from documents d join files f on f.id = d.file_id{where}"}
    for table in CHILD:
        queries[table] = (f'select c.*, f.path as file_path from "{table}" c join documents d on d.id = c.document_id '
                          f"join files f on f.id = d.file_id{where}")
    for table, sql in queries.items():
        frame = store.query(url, sql)
        columns = [c for c in frame.columns if c not in VOLATILE]
        out[table] = sorted((tuple(_plain(v) for v in row) for row in frame[columns].itertuples(index=False)),
                            key=repr)
    return out


def _plain(value: Any) -> Any:
    """One value as both stores give it back (booleans, integral floats, NaN for NULL)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "item"):  # numpy scalars
        return _plain(value.item())
    return value


@pytest.fixture(scope="module")
def clean_rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    tmp = tmp_path_factory.mktemp("clean")
    _inbox_with_good_files(tmp / "inbox")
    done = run_cli(["run", "--inbox", "inbox", "--no-report", "--workers", "2", *LIMITS], cwd=tmp)
    assert done.returncode in (0, 1), done.stderr
    rows = good_rows(sqlite_url(tmp / "data"))
    assert rows["documents"], "the clean run extracted nothing"
    return rows


def _entries(inbox: Path) -> list[bytes]:
    """Everything in the inbox that is not a folder (regular files, links, pipes, sockets, devices)."""
    found = []
    for root, dirs, files in os.walk(os.fsencode(inbox)):
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            found.append(os.path.relpath(os.path.join(root, name), os.fsencode(inbox)))
    return sorted(found)


def run_hostile(tmp: Path, cache: Path, store_args: list[str], report: bool) -> tuple[Any, list[bytes], float]:
    inbox = tmp / "inbox"
    _inbox_with_good_files(inbox)
    populate(inbox, cache)
    before = _entries(inbox)
    started = time.monotonic()
    done = run_cli(["run", "--inbox", "inbox", "--workers", "2", *LIMITS, *store_args]
                   + ([] if report else ["--no-report"]), cwd=tmp, env=dict(HOOKS), timeout=600)
    return done, before, time.monotonic() - started


def check_hostile_run(tmp: Path, url: str, done: Any, before: list[bytes], all_kinds: list[Any],
                      clean: dict[str, list[tuple]]) -> None:
    assert len(all_kinds) + len(SPECIAL) >= 60
    assert done.returncode == 1, done.stderr[-3000:]
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    # a name with a newline is one (escaped) log line, never a forged one
    assert not any(line.startswith("2026-01-01 00:00:00,000 INFO") for line in done.stderr.splitlines())
    assert "gia mao\\n2026-01-01" in done.stderr

    # nothing left in the inbox; everything that was there is in processed/ or quarantine/
    assert _entries(tmp / "inbox") == []
    data = tmp / "data"
    placed = [e for e in _entries(data / "processed") + _entries(data / "quarantine")
              if not e.endswith(REASON_SUFFIX.encode())]
    assert len(placed) == len(before)

    files = store.query(url, "select path, status, reason, stored_path from files")
    assert not files["path"].duplicated().any()
    by_path = {row.path: row for row in files.itertuples(index=False)}
    for row in files.itertuples(index=False):
        assert row.stored_path, row.path
        on_disk = next((data / disk_form(row.stored_path, escaped) for escaped in (False, True)
                        if os.path.lexists(data / disk_form(row.stored_path, escaped))), None)
        assert on_disk is not None, row.stored_path
        if row.status == "quarantined":
            assert row.reason.startswith(VIETNAMESE), row.reason  # Vietnamese first …
            assert "(chi tiết kỹ thuật: " in row.reason and "\n" not in row.reason  # … the detail after
            assert f"Lý do không đọc được: {row.reason}\n" in note_path(on_disk).read_text(encoding="utf-8")
    for entry in _entries(data / "quarantine"):
        if not entry.endswith(REASON_SUFFIX.encode()):
            assert note_path(Path(os.fsdecode(os.path.join(os.fsencode(data / "quarantine"), entry)))).is_file(), entry

    # each kind where it belongs
    for kind in all_kinds:
        stored = store_form(os.fsdecode(kind.name))
        row = by_path.get(stored)
        if row is None:  # a repeat of another file's bytes: archived without a row of its own
            assert kind.name.startswith(b"ban-sao") or kind.name.startswith(b"pdf-cat-cut"), kind.name
            continue
        if kind.expect == READABLE:
            assert row.status in ("processed", "superseded"), (kind.name, kind.note, row.reason)
        elif kind.expect == REFUSED:
            assert row.status == "quarantined", (kind.name, kind.note)
        else:
            assert kind.expect == EITHER
    for hook in (HOOKS["PIPELINE_TEST_HANG_NAME"], HOOKS["PIPELINE_TEST_HOG_NAME"]):
        assert "quá thời gian/bộ nhớ" in by_path[hook].reason
    assert by_path[HOOKS["PIPELINE_TEST_CRASH_NAME"]].reason.startswith(KINDS["crash"])
    for special in SPECIAL:
        if os.fsdecode(special) in by_path:
            assert by_path[os.fsdecode(special)].status == "quarantined"
    assert by_path["b\\xe1o c\\xe1o th\\xe1ng 3.txt"].status == "processed"  # shown escaped, kept
    assert by_path["th\\xf0 m\\xfcc/con/s\\xe2u/tep.txt"].status == "processed"

    # the stale-dimension form yields all its rows
    stale = store.query(url, "select count(*) as n from registrations r join documents d on d.id = r.document_id "
                             "join files f on f.id = d.file_id where f.path = 'xlsx-kich-thuoc-cu.xlsx'")
    assert stale["n"][0] == 5

    # the good files' rows are those of a clean run of the same files
    assert good_rows(url) == clean

    runs = store.query(url, "select status, exit_code, summary from runs")
    assert list(runs["status"]) == ["partial"]
    summary = json.loads(runs["summary"][0])
    assert summary["limits"] == {"seconds": 10.0, "memory_mb": 1024}


def test_hostile_inbox_on_sqlite(tmp_path: Path, hostile_cache: tuple[Path, list[Any]],
                                 clean_rows: dict[str, list[tuple]], record_property: Any) -> None:
    cache, all_kinds = hostile_cache
    done, before, seconds = run_hostile(tmp_path, cache, [], report=True)
    record_property("hostile_run_seconds", round(seconds, 1))
    print(f"hostile run on SQLite: {len(before)} inbox entries, {seconds:.1f} s")
    check_hostile_run(tmp_path, sqlite_url(tmp_path / "data"), done, before, all_kinds, clean_rows)
    assert (tmp_path / "out" / "tong-hop-dang-ky-mo-hinh.xlsx").is_file()  # the reports survive it too
    # the next run finds nothing to do and changes nothing
    again = run_cli(["run", "--inbox", "inbox", "--no-report", *LIMITS], cwd=tmp_path, env=dict(HOOKS))
    assert again.returncode == 0, again.stderr
    assert list(store.query(sqlite_url(tmp_path / "data"), "select status from runs order by id")["status"]) == [
        "partial", "ok"]


@pytest.mark.skipif(not postgres_base_url(), reason="PostgreSQL tests need PIPELINE_TEST_POSTGRES_URL "
                                                    "(bash .ci/postgres.sh ENV; source ENV)")
def test_hostile_inbox_on_postgresql(tmp_path: Path, hostile_cache: tuple[Path, list[Any]],
                                     clean_rows: dict[str, list[tuple]], record_property: Any) -> None:
    cache, all_kinds = hostile_cache
    with fresh_postgres_database() as url:
        done, before, seconds = run_hostile(tmp_path, cache, ["--store", url], report=False)
        record_property("hostile_run_seconds", round(seconds, 1))
        print(f"hostile run on PostgreSQL: {len(before)} inbox entries, {seconds:.1f} s")
        check_hostile_run(tmp_path, url, done, before, all_kinds, clean_rows)
