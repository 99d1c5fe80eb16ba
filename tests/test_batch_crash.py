"""Crashes, locks, read-only inboxes, full disks and the watcher: real processes, real mounts."""
from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from batch_helpers import (fresh_postgres_database, letter_text, popen_cli, remount_readonly, run_cli, sqlite_url,
                           tmpfs, write_letters)
from pipeline import store

RUN = ["run", "--inbox", "inbox", "--no-report", "--workers", "1"]


def committed(tmp: Path) -> int:
    db = tmp / "data" / "pipeline.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("select count(*) from files").fetchone()[0]
    except sqlite3.Error:
        return 0


def wait_for(predicate, timeout: float = 120.0, step: float = 0.1) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return False


def kill_group(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes, like a power cut
    proc.wait(timeout=30)


def assert_exactly_once(tmp: Path, originals: dict[str, bytes]) -> None:
    """Every file committed once, archived once, nothing left, nothing extra."""
    url = sqlite_url(tmp / "data")
    files = store.query(url, "select path, sha256, status, stored_path from files")
    docs = store.query(url, "select sha256 from documents")
    assert sorted(files["path"]) == sorted(originals)
    assert files["sha256"].is_unique and docs["sha256"].is_unique and len(docs) == len(originals)
    archived = sorted(p for p in (tmp / "data" / "processed").rglob("*") if p.is_file())
    assert sorted(p.name for p in archived) == sorted(originals)
    assert sorted(p.read_bytes() for p in archived) == sorted(originals.values())
    for stored in files["stored_path"]:
        assert (tmp / "data" / stored).is_file()
    assert [p for p in (tmp / "inbox").rglob("*") if p.is_file()] == []


def test_kill_9_in_the_middle_then_rerun_processes_every_file_exactly_once(tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 10)
    originals = {p.name: p.read_bytes() for p in paths}
    proc = popen_cli(RUN, cwd=tmp_path, env={"PIPELINE_TEST_SLOW_SECONDS": "0.4"})
    try:
        assert wait_for(lambda: committed(tmp_path) >= 3), "the run never committed 3 files"
    finally:
        kill_group(proc)
    done_before = committed(tmp_path)
    assert 3 <= done_before < 10
    rerun = run_cli(RUN, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert_exactly_once(tmp_path, originals)


def test_kill_9_between_commit_and_move_is_finished_by_the_next_run(tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 4)
    originals = {p.name: p.read_bytes() for p in paths}
    crashed = run_cli(RUN, cwd=tmp_path, env={"PIPELINE_TEST_KILL_AFTER_COMMIT": "2"})
    assert crashed.returncode == -signal.SIGKILL
    assert committed(tmp_path) == 2
    left = [p.name for p in (tmp_path / "inbox").iterdir()]
    assert len(left) == 3  # one moved, one committed but not moved, two untouched
    rerun = run_cli(RUN, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert "finishing an interrupted move" in rerun.stderr
    assert_exactly_once(tmp_path, originals)


def test_two_runs_never_overlap(tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 4)
    first = popen_cli(RUN, cwd=tmp_path, env={"PIPELINE_TEST_SLOW_SECONDS": "0.7"})
    try:
        assert wait_for(lambda: committed(tmp_path) >= 1)
        second = run_cli(RUN, cwd=tmp_path)
        assert second.returncode == 3
        assert "another pipeline run" in second.stderr and "Traceback" not in second.stderr
        _, err = first.communicate(timeout=120)
    finally:
        if first.poll() is None:
            kill_group(first)
    assert first.returncode == 0, err
    assert committed(tmp_path) == 4


def test_read_only_inbox_commits_rows_warns_and_never_duplicates(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    with tmpfs(inbox, "4m"):
        paths = write_letters(inbox, 3)
        remount_readonly(inbox)
        first = run_cli(RUN, cwd=tmp_path)
        assert first.returncode == 0, first.stderr
        assert "could not be moved out of the inbox" in first.stderr and "Traceback" not in first.stderr
        assert sorted(p.name for p in inbox.iterdir()) == sorted(p.name for p in paths)
        second = run_cli(RUN, cwd=tmp_path)
        assert second.returncode == 0, second.stderr
        assert "new 0, unchanged 3" in second.stderr
    url = sqlite_url(tmp_path / "data")
    assert store.query(url, "select count(*) as n from documents")["n"][0] == 3
    assert store.query(url, "select count(*) as n from files")["n"][0] == 3
    # a copy of each was archived once (the originals could not be removed)
    assert len([p for p in (tmp_path / "data" / "processed").rglob("*") if p.is_file()]) == 3


def test_full_disk_fails_cleanly_and_the_next_run_finishes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with tmpfs(data, "1m"):
        write_letters(tmp_path / "inbox", 1, prefix="dau-tien")
        assert run_cli(RUN, cwd=tmp_path).returncode == 0
        filler = data / "filler.bin"
        with open(filler, "wb", buffering=0) as fh:  # fill the disk to the last byte
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError:
                pass
        paths = write_letters(tmp_path / "inbox", 3)
        full = run_cli(RUN, cwd=tmp_path)
        assert full.returncode == 2, full.stderr
        assert "Traceback" not in full.stderr
        assert "is full" in full.stderr
        assert sorted(p.name for p in (tmp_path / "inbox").iterdir()) == sorted(p.name for p in paths)
        filler.unlink()
        again = run_cli(RUN, cwd=tmp_path)
        assert again.returncode == 0, again.stderr
        url = sqlite_url(data)
        assert store.query(url, "select count(*) as n from documents")["n"][0] == 4
        assert store.query(url, "select count(*) as n, count(distinct sha256) as d from files").iloc[0].tolist() == [4, 4]
        store.close_store(url)


def test_watch_processes_files_once_they_stop_growing(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    proc = popen_cli(["watch", "--inbox", "inbox", "--settle", "0.5", "--workers", "1"], cwd=tmp_path)
    try:
        time.sleep(1.0)
        growing = tmp_path / "inbox" / "dang-ghi.txt"
        with open(growing, "w", encoding="utf-8") as fh:  # written in pieces, like a slow copy
            for part in letter_text(3, tag="watch").splitlines(keepends=True):
                fh.write(part)
                fh.flush()
                time.sleep(0.05)
        processed = tmp_path / "data" / "processed"
        assert wait_for(lambda: any(processed.rglob("dang-ghi.txt")) if processed.exists() else False, 120)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            kill_group(proc)
    assert proc.returncode == 0
    url = sqlite_url(tmp_path / "data")
    shas = list(store.query(url, "select sha256 from documents")["sha256"])
    assert shas == [hashlib.sha256(letter_text(3, tag="watch").encode("utf-8")).hexdigest()]  # the whole file, read once


def test_batch_on_postgresql(tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 3)
    with fresh_postgres_database() as url:
        first = run_cli(RUN + ["--store", url], cwd=tmp_path)
        assert first.returncode == 0, first.stderr
        for i, p in enumerate(paths):  # every file comes back with changed content: version 2
            p.write_text(letter_text(50 + i), encoding="utf-8")
        second = run_cli(RUN + ["--store", url], cwd=tmp_path)
        assert second.returncode == 0, second.stderr
        counts = store.query(url, "select count(*) as n, max(version) as v from files").iloc[0].tolist()
        runs = store.query(url, "select status, new from runs order by id")
        store.close_store(url)
    assert counts == [6, 2]
    assert list(runs["new"]) == [3, 3] and list(runs["status"]) == ["ok", "ok"]
    assert not (tmp_path / "data" / "pipeline.sqlite").exists()


def test_a_file_changed_while_being_read_is_left_for_the_next_run(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    target = inbox / "dang-sua.txt"
    target.write_text(letter_text(1, tag="v1"), encoding="utf-8")
    proc = popen_cli(RUN, cwd=tmp_path, env={"PIPELINE_TEST_SLOW_SECONDS": "2"})
    try:
        for line in proc.stderr:  # hashed and handed to a worker, which now sleeps 2 s
            if "extracting 1 file" in line:
                break
        target.write_text(letter_text(1, tag="v2 (sửa lại)"), encoding="utf-8")
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            kill_group(proc)
    assert proc.returncode == 0
    assert "changed while it was being read" in err
    assert target.exists() and committed(tmp_path) == 0
    rerun = run_cli(RUN, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    url = sqlite_url(tmp_path / "data")
    shas = list(store.query(url, "select sha256 from documents")["sha256"])
    assert shas == [hashlib.sha256(letter_text(1, tag="v2 (sửa lại)").encode("utf-8")).hexdigest()]


def test_postgresql_store_allows_one_run_even_from_another_data_folder(tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 1)
    with fresh_postgres_database() as url:
        engine = store.open_store(url)
        with store.server_lock(engine) as got:  # a run on another machine holds the store
            assert got
            blocked = run_cli(RUN + ["--store", url, "--data", "other-data"], cwd=tmp_path)
        assert blocked.returncode == 3 and "another pipeline run" in blocked.stderr
        free = run_cli(RUN + ["--store", url, "--data", "other-data"], cwd=tmp_path)
        assert free.returncode == 0, free.stderr
        assert store.query(url, "select count(*) as n from documents")["n"][0] == 1
        store.close_store(url)


def test_a_worker_that_dies_costs_only_its_own_file(tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 5)
    done = run_cli(["run", "--inbox", "inbox", "--no-report", "--workers", "2"], cwd=tmp_path,
                   env={"PIPELINE_TEST_CRASH_NAME": paths[2].name})
    assert done.returncode == 1, done.stderr
    assert "worker process died" in done.stderr and "Traceback" not in done.stderr
    url = sqlite_url(tmp_path / "data")
    files = store.query(url, "select path, status from files order by path")
    assert dict(zip(files["path"], files["status"])) == {
        p.name: ("quarantined" if p == paths[2] else "processed") for p in paths}
    assert (tmp_path / "data" / "quarantine" / f"{paths[2].name}.reason.txt").is_file()
