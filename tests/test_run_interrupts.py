"""Runs that end honestly: SIGTERM, a second signal, kill -9, and notes finished after a crash.

Real processes: `pipeline run` is started as a subprocess and signalled the way systemd does it
(SIGTERM to the whole control group, i.e. the run and its workers), or killed with SIGKILL like a
power cut. The next run must resume with nothing lost, nothing duplicated and no run left
``running``.
"""
from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from batch_helpers import letter_text, popen_cli, run_cli, sqlite_url, write_letters
from pipeline import store
from pipeline.reasons import KINDS
from test_batch_crash import assert_exactly_once, committed, kill_group, wait_for

RUN = ["run", "--inbox", "inbox", "--workers", "2"]


def sigterm_like_systemd(pid: int) -> None:
    """SIGTERM to the run and every process under it (systemd's control group), workers included."""
    os.killpg(pid, signal.SIGTERM)
    for child in descendants(pid):
        try:
            os.kill(child, signal.SIGTERM)
        except ProcessLookupError:
            pass


def descendants(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == current]
        found += kids
        frontier += kids
    return found


def runs(tmp: Path) -> list[tuple]:
    frame = store.query(sqlite_url(tmp / "data"), "select id, status, exit_code from runs order by id")
    return [tuple(None if v != v else v for v in row) for row in frame.itertuples(index=False)]


def test_sigterm_finishes_the_files_in_hand_writes_the_summary_and_exits_4(tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 10)
    originals = {p.name: p.read_bytes() for p in paths}
    proc = popen_cli(RUN + ["--no-report"], cwd=tmp_path, env={"PIPELINE_TEST_SLOW_SECONDS": "0.6"})
    try:
        assert wait_for(lambda: committed(tmp_path) >= 2), "the run never committed 2 files"
        assert descendants(proc.pid), "no worker process to signal"
        sigterm_like_systemd(proc.pid)  # workers ignore it; the run finishes the files in hand
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            kill_group(proc)
    assert proc.returncode == 4, err
    assert "stop requested" in err and "interrupted" in err and "Traceback" not in err
    done = committed(tmp_path)
    assert 2 <= done < 10
    left = sorted(p.name for p in (tmp_path / "inbox").iterdir())
    assert len(left) == 10 - done  # the files in hand were finished (committed and moved), the rest wait
    assert runs(tmp_path) == [(1, "interrupted", 4)]
    summary = json.loads(sorted((tmp_path / "out").glob("run-*.json"))[0].read_text(encoding="utf-8"))
    assert summary["status"] == "interrupted" and summary["exit_code"] == 4 and summary["new"] == done

    rerun = run_cli(RUN + ["--no-report"], cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert_exactly_once(tmp_path, originals)
    assert [r[1] for r in runs(tmp_path)] == ["interrupted", "ok"]


def test_a_second_signal_stops_at_once_and_the_file_in_hand_waits_for_the_next_run(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "treo.txt").write_text(letter_text(1), encoding="utf-8")
    proc = popen_cli(RUN + ["--no-report", "--time-limit", "300"], cwd=tmp_path,
                     env={"PIPELINE_TEST_HANG_NAME": "treo.txt"})
    try:
        assert wait_for(lambda: _started(tmp_path), timeout=60)
        time.sleep(1.0)  # the worker has the file by now
        sigterm_like_systemd(proc.pid)
        time.sleep(1.0)
        assert proc.poll() is None  # still finishing the file in hand (which hangs)
        sigterm_like_systemd(proc.pid)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            kill_group(proc)
    assert proc.returncode == 4, err
    assert (tmp_path / "inbox" / "treo.txt").is_file()  # not read, not lost
    assert runs(tmp_path) == [(1, "interrupted", 4)]
    assert store.query(sqlite_url(tmp_path / "data"), "select count(*) as n from files")["n"][0] == 0


def _started(tmp: Path) -> bool:
    return _started_on(sqlite_url(tmp / "data"))


def _started_on(url: str) -> bool:
    """The run has recorded itself in the store (so it holds the lock and is about to read)."""
    try:
        return len(store.query(url, "select id from runs")) > 0
    except store.StoreError:  # no store yet
        return False


def test_kill_9_leaves_no_run_running_and_the_next_run_resumes(tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 8)
    originals = {p.name: p.read_bytes() for p in paths}
    proc = popen_cli(RUN + ["--no-report"], cwd=tmp_path, env={"PIPELINE_TEST_SLOW_SECONDS": "0.5"})
    try:
        assert wait_for(lambda: committed(tmp_path) >= 2), "the run never committed 2 files"
    finally:
        kill_group(proc)
    assert [r[1] for r in runs(tmp_path)] == ["running"]  # what a crash leaves behind
    rerun = run_cli(RUN + ["--no-report"], cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert "never finished (crash or kill -9); marked interrupted" in rerun.stderr
    assert_exactly_once(tmp_path, originals)
    assert [r[1] for r in runs(tmp_path)] == ["interrupted", "ok"]


def test_a_note_finished_after_a_crash_carries_the_reason_the_store_holds(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "hong.pdf").write_bytes(b"%PDF-1.4\n%truncated")
    crashed = run_cli(RUN + ["--no-report"], cwd=tmp_path, env={"PIPELINE_TEST_KILL_AFTER_COMMIT": "1"})
    assert crashed.returncode == -signal.SIGKILL
    assert not (tmp_path / "data" / "quarantine" / "hong.pdf.reason.txt").exists()  # killed before the note
    rerun = run_cli(RUN + ["--no-report"], cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    reason = store.query(sqlite_url(tmp_path / "data"), "select reason from files")["reason"][0]
    assert reason.startswith(KINDS["corrupt"]) or reason.startswith("Tệp")
    note = (tmp_path / "data" / "quarantine" / "hong.pdf.reason.txt").read_text(encoding="utf-8")
    assert f"Lý do không đọc được: {reason}\n" in note and "interrupted run" not in note


def test_one_sqlite_store_shared_by_two_data_folders_takes_one_run_at_a_time(tmp_path: Path) -> None:
    """Otherwise the second run would mark the first, still alive, as interrupted."""
    url = f"sqlite:///{tmp_path / 'shared' / 'store.sqlite'}"
    write_letters(tmp_path / "inbox", 4)
    first = popen_cli(RUN + ["--no-report", "--store", url, "--data", "a"], cwd=tmp_path,
                      env={"PIPELINE_TEST_SLOW_SECONDS": "0.7"})
    try:
        assert wait_for(lambda: _started_on(url), timeout=60)
        blocked = run_cli(RUN + ["--no-report", "--store", url, "--data", "b"], cwd=tmp_path)
        assert blocked.returncode == 3 and "another pipeline run" in blocked.stderr
        _out, err = first.communicate(timeout=120)
    finally:
        if first.poll() is None:
            kill_group(first)
    assert first.returncode == 0, err
    assert list(store.query(url, "select status from runs")["status"]) == ["ok"]
