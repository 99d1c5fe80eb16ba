"""The nightly job on a real Dask cluster: a ``distributed.LocalCluster`` with worker PROCESSES.

What must hold (issue 14): the corpus through the cluster gives the same store rows as the local
pool (scans split per page on the cluster, read whole locally); a Dask worker killed mid-run loses
and duplicates nothing; a file on which two workers die, a reader that dies twice, one that hangs
and one that allocates without end are quarantined with their reasons while the Dask workers live
on; a kill -9 of the coordinator is finished by the next run; an unreachable scheduler is exit 2
with nothing moved.
Every ``pipeline run`` is a real subprocess; the workers' test hooks come through their environment.
"""
from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest

from batch_helpers import REPO, letter_text, popen_cli, run_cli, sqlite_url, write_letters
from pipeline import store
from pipeline.reasons import KINDS
from test_batch_crash import assert_exactly_once, committed, kill_group, wait_for
from test_hostile import _plain, extracted_rows

distributed = pytest.importorskip("distributed")

#: Two multi-page scans: split per page on the cluster (a PDF without text layer, a two-frame TIFF).
SCANS = [REPO / "tests" / "data" / "scans" / name
         for name in ("kh-46-pho-minh-scan200.pdf", "form-cong-an-phuong-scan200.tiff")]
FILE_COLUMNS = "path, name, sha256, size, format, status, reason, version"


@contextmanager
def local_cluster(env: dict[str, str] | None = None) -> Iterator[Any]:
    """Scheduler + 2 worker processes (1 thread each) on 127.0.0.1, with ``env`` in the workers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                           dashboard_address=None, silence_logs=logging.CRITICAL, env=env or {})
    try:
        yield cluster
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with local_cluster() as c:
        yield c


def store_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of the store by file, without ids, times and supersede marks (as test_hostile compares)."""
    files = sorted(tuple(_plain(v) for v in row) for row in
                   store.query(url, f"select {FILE_COLUMNS} from files").itertuples(index=False))
    return {"files": files, **extracted_rows(url)}


def _inbox(folder: Path, files: list[Path]) -> dict[str, bytes]:
    folder.mkdir(parents=True)
    for path in files:
        shutil.copyfile(path, folder / path.name)
    return {p.name: p.read_bytes() for p in files}


@pytest.mark.slow
def test_the_corpus_through_the_cluster_gives_the_local_pools_rows(cluster: Any, tmp_path: Path) -> None:
    files = sorted(p for p in (REPO / "corpus").iterdir() if p.is_file()) + SCANS
    originals = _inbox(tmp_path / "local" / "inbox", files)
    _inbox(tmp_path / "cluster" / "inbox", files)

    local = run_cli(["run", "--inbox", "inbox", "--no-report", "--workers", "2"], cwd=tmp_path / "local",
                    env={"PIPELINE_SPLIT_PAGES": "0"})  # whole files, one task each
    assert local.returncode == 0, local.stderr
    remote = run_cli(["-v", "run", "--inbox", "inbox", "--no-report", "--cluster", cluster.scheduler_address],
                     cwd=tmp_path / "cluster")
    assert remote.returncode == 0, remote.stderr
    assert "with the Dask cluster at" in remote.stderr and "Traceback" not in remote.stderr
    for scan in SCANS:  # both scans went out page by page
        assert f"{scan.name}: 2 pages to OCR, one task each" in remote.stderr

    cluster_rows = store_rows(sqlite_url(tmp_path / "cluster" / "data"))
    assert cluster_rows == store_rows(sqlite_url(tmp_path / "local" / "data"))
    assert len(cluster_rows["files"]) == len(files) and len(cluster_rows["registrations"]) > 0
    assert_exactly_once(tmp_path / "cluster", originals)


def test_a_kill_9_of_the_coordinator_is_finished_by_the_next_cluster_run(cluster: Any, tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 8)
    originals = {p.name: p.read_bytes() for p in paths}
    run = ["run", "--inbox", "inbox", "--no-report", "--cluster", cluster.scheduler_address]
    crashed = run_cli(run, cwd=tmp_path, env={"PIPELINE_TEST_KILL_AFTER_COMMIT": "3"})
    assert crashed.returncode == -signal.SIGKILL
    assert 3 <= committed(tmp_path) < 8
    again = run_cli(run, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "marked interrupted" in again.stderr
    assert_exactly_once(tmp_path, originals)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_exit_2_before_any_file_moves(tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 3)
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    result = run_cli(["run", "--inbox", "inbox"], cwd=tmp_path,  # the address as the systemd unit gives it
                     env={"PIPELINE_CLUSTER": address, "PIPELINE_CLUSTER_TIMEOUT": "2"})
    assert result.returncode == 2
    assert f"cannot reach the Dask scheduler at {address}" in result.stderr and "nothing was read or moved" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "inbox").iterdir()) == sorted(p.name for p in paths)
    assert not (tmp_path / "data" / "processed").exists() and not (tmp_path / "data" / "quarantine").exists()
    assert not (tmp_path / "data" / "pipeline.sqlite").exists() and not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def hooked_cluster() -> Iterator[Any]:
    """Workers whose readers misbehave on demand (pipeline.tasks' test hooks) and take 0.3 s per task."""
    with local_cluster({"PIPELINE_TEST_SLOW_SECONDS": "0.3", "PIPELINE_TEST_HANG_NAME": "treo.txt",
                        "PIPELINE_TEST_HOG_NAME": "an.txt", "PIPELINE_TEST_CRASH_NAME": "vo.txt",
                        "PIPELINE_TEST_KILL_PARENT_NAME": "chet.txt"}) as c:
        yield c


def _worker_pids(cluster: Any) -> list[int]:
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        return sorted(client.run(os.getpid).values())


def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(hooked_cluster: Any, tmp_path: Path) -> None:
    paths = write_letters(tmp_path / "inbox", 16)
    originals = {p.name: p.read_bytes() for p in paths}
    victim = _worker_pids(hooked_cluster)[0]
    proc = popen_cli(["run", "--inbox", "inbox", "--no-report", "--cluster", hooked_cluster.scheduler_address],
                     cwd=tmp_path)
    try:
        assert wait_for(lambda: committed(tmp_path) >= 2, 120), "the run never committed 2 files"
        os.kill(victim, signal.SIGKILL)  # a Dask worker process lost mid-task (its reader child goes with it)
        _out, err = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            kill_group(proc)
    assert proc.returncode == 0, err
    assert committed(tmp_path) == 16 and "Traceback" not in err
    assert_exactly_once(tmp_path, originals)
    assert victim not in _worker_pids(hooked_cluster)  # it really died (the nanny started another)


def test_files_that_kill_workers_hang_or_hog_are_quarantined_and_the_workers_live_on(hooked_cluster: Any,
                                                                                 tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 4)
    for name in ("treo.txt", "an.txt", "vo.txt", "chet.txt"):
        (tmp_path / "inbox" / name).write_text(letter_text(90, tag=name), encoding="utf-8")
    result = run_cli(["run", "--inbox", "inbox", "--no-report", "--time-limit", "8", "--memory-limit", "512",
                      "--cluster", hooked_cluster.scheduler_address], cwd=tmp_path, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    files = store.query(sqlite_url(tmp_path / "data"), "select path, status, reason from files")
    reasons = {row.path: row.reason for row in files.itertuples() if row.status == "quarantined"}
    assert sorted(reasons) == ["an.txt", "chet.txt", "treo.txt", "vo.txt"]
    assert reasons["treo.txt"].startswith(KINDS["limits"]) and "time limit exceeded" in reasons["treo.txt"]
    assert reasons["an.txt"].startswith(KINDS["limits"]) and "memory limit exceeded" in reasons["an.txt"]
    assert reasons["vo.txt"].startswith(KINDS["crash_twice"])  # the reader died, and again when tried again
    assert reasons["chet.txt"].startswith(KINDS["crash_twice"]) and "two cluster workers died" in reasons["chet.txt"]
    for name in reasons:
        assert (tmp_path / "data" / "quarantine" / f"{name}.reason.txt").is_file()
    assert sorted(p.name for p in (tmp_path / "data" / "processed").rglob("*.txt")) == \
        [f"ke-hoach-{i:03d}.txt" for i in range(4)]
    assert len(_worker_pids(hooked_cluster)) == 2  # the nannies brought the workers back
