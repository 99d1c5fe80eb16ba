"""Bounded extraction: every file is read in a worker process that is killed when it runs too long.

Why not trust the parsers: a hostile or merely unlucky file (a 15,000-paragraph DOCX, a PDF whose
content stream inflates to gigabytes, a regular expression gone quadratic) must cost at most its own
time and memory budget, then be set aside — never hold the lock all night. So the limits are
enforced from outside the parser:

* **Time**: the parent gives each file a wall-clock deadline; past it, the worker's whole process
  group (the worker and any Tesseract or LibreOffice it started) is SIGKILLed and a fresh worker
  takes its place.
* **Memory**: before each file the worker sets ``RLIMIT_AS`` to what it already holds plus the
  budget, so an allocation beyond it fails inside the worker (``MemoryError``, or a C library that
  gives up). A file that came within reach of the limit is reported as over it, and the worker is
  replaced so the next file starts clean.

Workers are forked (they inherit whatever the parent already imported), ignore SIGINT/SIGTERM
(the parent decides when to stop), die with the parent (``PR_SET_PDEATHSIG``) and write no core
files. A worker that dies costs only the file it held.
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Generic, Iterable, Iterator, Optional, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
Result = tuple[str, Any, str]  # (status, payload, kind): ("ok", rows, ""), ("quarantine", detail, kind) …

#: How close to the memory limit a file may come before it counts as over it (allocations come in chunks).
_NEAR_LIMIT = 48 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Per-file budget. Defaults: 120 s (a 50-page scan OCRs in about that on 2 cores) and 1024 MB."""

    seconds: float = 120.0
    memory_mb: int = 1024

    @classmethod
    def resolve(cls, seconds: Optional[float] = None, memory_mb: Optional[int] = None) -> "Limits":
        """Flags first, then ``PIPELINE_TIME_LIMIT`` / ``PIPELINE_MEMORY_LIMIT_MB``, then the defaults."""
        if seconds is None:
            seconds = float(os.environ.get("PIPELINE_TIME_LIMIT") or cls.seconds)
        if memory_mb is None:
            memory_mb = int(os.environ.get("PIPELINE_MEMORY_LIMIT_MB") or cls.memory_mb)
        if seconds <= 0 or memory_mb <= 0:
            raise ValueError("time and memory limits must be positive")
        return cls(float(seconds), int(memory_mb))


@dataclass
class StopFlags:
    """Set by signal handlers: ``stop`` = finish the files in hand, start no other; ``abort`` = now."""

    stop: bool = False
    abort: bool = False


# --------------------------------------------------------------------------- inside the worker


def _status_kb(field: str, pid: str = "self") -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _init_worker(parent_pid: int) -> None:
    """Own process group (a kill takes its children too), die with the parent, no signals, no cores."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        os.setpgid(0, 0)
    except OSError:
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
            libc.mallopt(-8, 2)  # M_ARENA_MAX: per-thread malloc arenas would eat the address-space budget
        except (OSError, AttributeError):
            pass
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _set_memory_limit(budget: int) -> int:
    """RLIMIT_AS = what the worker holds now + ``budget``; returns the limit (0 when unavailable)."""
    try:
        import resource

        limit = _status_kb("VmSize") + budget
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
        return limit
    except (ImportError, ValueError, OSError):
        return 0


def _lift_memory_limit() -> None:
    try:
        import resource

        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    except (ImportError, ValueError, OSError):
        pass


def _worker_main(conn: Any, parent_pid: int, limits: Limits, fn: Callable[..., Result]) -> None:
    _init_worker(parent_pid)
    budget = limits.memory_mb * 1024 * 1024
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        if args is None:
            return
        peak_before = _status_kb("VmPeak")
        limit = _set_memory_limit(budget)
        try:
            result = fn(*args)
        except MemoryError:
            result = ("limits", "memory", "memory")
        except Exception as exc:  # noqa: BLE001 - fn should not raise; a traceback must not reach the log
            result = ("quarantine", f"internal error in the reader's worker ({type(exc).__name__}: "
                                    f"{str(exc)[:200]}); please report this file", "internal")
        _lift_memory_limit()  # sending the result must not fail for want of memory
        peak = _status_kb("VmPeak")
        near = bool(limit) and peak > peak_before and peak >= limit - _NEAR_LIMIT
        if near and result[0] != "limits":
            result = ("limits", "memory", "memory")
        try:
            conn.send(result)
        except (OSError, ValueError):  # the parent is gone
            return
        except Exception as exc:  # noqa: BLE001 - an answer that cannot be pickled
            try:
                conn.send(("quarantine", f"internal error: the reader's answer could not be passed on "
                                         f"({type(exc).__name__})", "internal"))
            except Exception:  # noqa: BLE001
                return
        if near:
            return  # a fresh worker for the next file: this one's heap may be fragmented or broken


# --------------------------------------------------------------------------- the parent's side


@dataclass
class _Slot(Generic[T]):
    proc: Any
    conn: Any
    item: Optional[T] = None
    deadline: float = 0.0
    base_vm: int = 0
    seen_vm: int = 0


def _kill(slot: _Slot[Any]) -> None:
    pid = slot.proc.pid
    try:
        os.killpg(pid, signal.SIGKILL)  # the worker and its Tesseract/LibreOffice children
    except OSError:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    slot.proc.join(10)
    slot.conn.close()


def run_bounded(items: Iterable[T], args_of: Callable[[T], tuple[Any, ...]], fn: Callable[..., Result],
                workers: int, limits: Limits, flags: Optional[StopFlags] = None,
                on_stop: Optional[Callable[[], Any]] = None) -> Iterator[tuple[T, Result]]:
    """Yield ``(item, fn(*args_of(item)))`` as workers finish, each call under ``limits``.

    A call past the time limit yields ``("limits", "time", "limits")``; past the memory limit
    ``("limits", "memory", "limits")``; a worker that died ``("crash", detail, "crash")``.
    With ``flags.stop`` set no new item is started (the ones in hand finish); with ``flags.abort``
    the ones in hand are killed and not yielded. Items never started are simply not yielded.
    ``on_stop`` is called once, as soon as a stop is seen (to say so in the log).
    """
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context("fork")
    pending = deque(items)
    slots: list[_Slot[T]] = []
    flags = flags or StopFlags()
    budget = limits.memory_mb * 1024 * 1024

    def spawn() -> _Slot[T]:
        parent_end, child_end = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, args=(child_end, os.getpid(), limits, fn), daemon=False,
                           name="pipeline-worker")
        proc.start()
        child_end.close()
        slot: _Slot[T] = _Slot(proc, parent_end)
        slots.append(slot)
        return slot

    def retire(slot: _Slot[T]) -> None:
        _kill(slot)
        slots.remove(slot)

    def dispatch() -> None:
        """Give every idle worker (spawning up to ``workers``) its next item, unless asked to stop."""
        while pending and not flags.stop:
            idle = next((s for s in slots if s.item is None), None)
            if idle is None and len(slots) >= max(1, workers):
                return
            slot = idle or spawn()
            item = pending.popleft()
            try:
                slot.base_vm = slot.seen_vm = _status_kb("VmSize", str(slot.proc.pid))
                slot.conn.send(args_of(item))
            except (OSError, ValueError):  # the idle worker died meanwhile: a fresh one
                retire(slot)
                pending.appendleft(item)
                continue
            slot.item, slot.deadline = item, time.monotonic() + limits.seconds

    def outcome(slot: _Slot[T], ready: set[Any]) -> Optional[Result]:
        """The slot's result if its call ended (answer, death or deadline); the slot is freed or retired."""
        slot.seen_vm = max(slot.seen_vm, _status_kb("VmSize", str(slot.proc.pid)))
        result: Optional[Result] = None
        if slot.conn in ready or slot.proc.sentinel in ready:
            try:
                if slot.conn.poll():
                    result = slot.conn.recv()
            except (EOFError, OSError):
                result = None
            if result is None:  # died without an answer
                slot.proc.join(5)
                code = slot.proc.exitcode
                if slot.seen_vm >= slot.base_vm + budget - _NEAR_LIMIT:
                    result = ("limits", "memory", "limits")
                else:
                    how = (f"killed by signal {signal.Signals(-code).name}" if code and code < 0
                           else f"exit status {code}")
                    result = ("crash", f"the reader's worker process died ({how})", "crash")
                retire(slot)
            elif not slot.proc.is_alive() or result[0] == "limits":
                retire(slot)  # it asked to be replaced
        elif time.monotonic() >= slot.deadline:
            result = ("limits", "time", "limits")
            retire(slot)
        if result is not None:
            slot.item = None
            if result[0] == "limits":
                result = ("limits", result[1], "limits")
        return result

    stop_seen = False
    try:
        while True:
            if flags.stop and not stop_seen:
                stop_seen = True
                if on_stop is not None:
                    on_stop()
            if flags.abort:
                return
            dispatch()
            busy = [s for s in slots if s.item is not None]
            if not busy:
                return
            timeout = max(0.0, min(0.25, min(s.deadline for s in busy) - time.monotonic()))
            ready = set(wait([s.conn for s in busy] + [s.proc.sentinel for s in busy], timeout))
            finished = []
            for slot in busy:
                item = slot.item
                result = outcome(slot, ready)
                if result is not None:
                    finished.append((item, result))
            dispatch()  # the workers start their next file while the caller handles these results
            for item, result in finished:
                yield item, result
    finally:
        for slot in list(slots):
            if slot.item is None and slot.proc.is_alive():
                try:
                    slot.conn.send(None)
                    slot.proc.join(2)
                except (OSError, ValueError):
                    pass
            if slot.proc.is_alive() or slot.item is not None:
                _kill(slot)
            else:
                slot.conn.close()
