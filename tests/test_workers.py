"""The bounded workers themselves: time and memory limits enforced from outside the code they run.

These functions stand in for a parser gone wrong (they run in real forked worker processes).
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from pipeline.workers import Limits, StopFlags, run_bounded


def task(kind: str, arg: Any = None) -> tuple[str, Any, str]:
    if kind == "ok":
        return ("ok", arg * 2, "")
    if kind == "sleep":
        child = subprocess.Popen(["sleep", "600"])  # like Tesseract or LibreOffice started by a reader
        Path(arg).write_text(str(child.pid))
        time.sleep(600)
    if kind == "hog":
        hoard = []
        while True:
            hoard.append(bytearray(16 * 1024 * 1024))
    if kind == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    if kind == "memory_error_caught":  # a parser that swallows MemoryError and returns half a result
        try:
            hoard = []
            while True:
                hoard.append(bytearray(16 * 1024 * 1024))
        except MemoryError:
            hoard.clear()
            return ("ok", "partial", "")
    raise AssertionError(kind)


def run(items: list[tuple[str, Any]], limits: Limits, workers: int = 2,
        flags: StopFlags | None = None) -> dict[Any, tuple[str, Any, str]]:
    return {item: result for item, result in run_bounded(items, lambda i: i, task, workers, limits, flags)}


def test_results_come_back_and_each_call_is_bounded_in_time(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    results = run([("ok", 1), ("sleep", str(pid_file)), ("ok", 2), ("ok", 3)], Limits(seconds=2, memory_mb=512))
    assert results[("ok", 1)] == ("ok", 2, "") and results[("ok", 3)] == ("ok", 6, "")
    assert results[("sleep", str(pid_file))] == ("limits", "time", "limits")
    child = int(pid_file.read_text())
    time.sleep(0.2)
    assert not alive(child)  # the reader's own child went with it (process group)


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper that this container may not have counts as dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_memory_past_the_limit_is_reported_even_when_the_code_swallows_it() -> None:
    results = run([("hog", None), ("memory_error_caught", None), ("ok", 5)], Limits(seconds=60, memory_mb=256))
    assert results[("hog", None)] == ("limits", "memory", "limits")
    assert results[("memory_error_caught", None)] == ("limits", "memory", "limits")
    assert results[("ok", 5)] == ("ok", 10, "")


def test_a_worker_that_dies_costs_only_its_item() -> None:
    results = run([("die", None), ("ok", 1), ("ok", 2)], Limits(seconds=30, memory_mb=512), workers=1)
    assert results[("die", None)][0] == "crash" and "SIGKILL" in results[("die", None)][1]
    assert results[("ok", 1)] == ("ok", 2, "") and results[("ok", 2)] == ("ok", 4, "")


def test_a_stop_finishes_the_items_in_hand_and_starts_no_other() -> None:
    flags = StopFlags()
    seen = []
    for item, result in run_bounded([("ok", i) for i in range(20)], lambda i: i, task, 1,
                                    Limits(seconds=30, memory_mb=512), flags):
        seen.append(item)
        flags.stop = True
    # the one answered, and the one the worker had already started while the caller was busy
    assert 1 <= len(seen) <= 2


def test_limits_come_from_flags_then_environment_then_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PIPELINE_TIME_LIMIT", raising=False)
    monkeypatch.delenv("PIPELINE_MEMORY_LIMIT_MB", raising=False)
    assert Limits.resolve() == Limits(120.0, 1024)
    monkeypatch.setenv("PIPELINE_TIME_LIMIT", "30")
    monkeypatch.setenv("PIPELINE_MEMORY_LIMIT_MB", "600")
    assert Limits.resolve() == Limits(30.0, 600)
    assert Limits.resolve(5, 100) == Limits(5.0, 100)
    with pytest.raises(ValueError):
        Limits.resolve(0, 100)


def raising(kind: str) -> tuple[str, Any, str]:
    if kind == "raise":
        raise RuntimeError("a bug in a reader")
    return ("ok", lambda: None, "")  # an answer that cannot be pickled


def test_a_task_that_raises_or_answers_the_unpicklable_costs_its_item_and_prints_no_traceback(
        capfd: pytest.CaptureFixture[str]) -> None:
    results = dict(run_bounded(["raise", "unpicklable"], lambda k: (k,), raising, 1, Limits(30, 512)))
    assert results["raise"][0] == "quarantine" and "RuntimeError: a bug in a reader" in results["raise"][1]
    assert results["unpicklable"][0] == "quarantine" and "could not be passed on" in results["unpicklable"][1]
    assert "Traceback" not in capfd.readouterr().err
