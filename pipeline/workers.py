"""Bounded extraction: every task runs in a worker process that is killed when it runs too long.

Why not trust the parsers: a hostile or merely unlucky file (a 15,000-paragraph DOCX, a PDF whose
content stream inflates to gigabytes, a regular expression gone quadratic) must cost at most its own
time and memory budget, then be set aside — never hold the lock all night. So the limits are
enforced from outside the parser:

* **Time**: the caller gives each task a wall-clock deadline; past it, the worker's whole process
  group (the worker and any Tesseract or LibreOffice it started) is SIGKILLed and a fresh worker
  takes its place.
* **Memory**: before each task the worker sets ``RLIMIT_AS`` to what it already holds plus the
  budget, so an allocation beyond it fails inside the worker (``MemoryError``, or a C library that
  gives up). A task that came within reach of the limit is reported as over it, and the worker is
  replaced so the next task starts clean.

Why the workers are started as fresh interpreters (not forked): the same bounded call runs in the
local pool and inside a Dask worker (:mod:`pipeline.cluster`), which is a multi-threaded, daemonic
process — forking it could deadlock on a lock another thread held, and ``multiprocessing`` refuses
children of daemonic processes. A fresh ``python`` costs ~0.1 s once per worker, not per file.

Workers ignore SIGINT/SIGTERM (the caller decides when to stop), die with the thread that started
them (``PR_SET_PDEATHSIG``) and write no core files. A worker that dies costs only its task.

The seam: :class:`BoundedPool` is a :class:`concurrent.futures.Executor` whose ``submit(fn, *args)``
runs ``fn(*args)`` in such a worker and resolves to ``fn``'s result tuple — or to a ``limits`` /
``crash`` tuple when the worker had to be killed or died. :mod:`pipeline.cluster` offers the same
contract on a Dask cluster; :class:`Dispatcher` hands tasks to either.
"""
from __future__ import annotations

import concurrent.futures as cf
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Iterable, Iterator, Optional, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")
Result = tuple[str, Any, str]  # (status, payload, kind): ("ok", rows, ""), ("quarantine", detail, kind) …

#: How close to the memory limit a task may come before it counts as over it (allocations come in chunks).
_NEAR_LIMIT = 48 * 1024 * 1024
_MB = 1024 * 1024


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


class WorkerStartError(RuntimeError):
    """No worker process could be started (no memory, no processes left): the run cannot go on."""


# --------------------------------------------------------------------------- inside the worker


def _status_kb(field_name: str, pid: str = "self") -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith(field_name + ":"):
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
        pass  # already a group (and session) leader
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


def _worker_main(conn: Any) -> None:
    """Answer ``(fn, args, budget)`` messages with ``fn(*args)`` run under ``budget`` bytes, until None."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        except Exception as exc:  # noqa: BLE001 - a task this interpreter cannot unpickle (code missing here)
            result: Result = ("error", f"the worker cannot load the task ({type(exc).__name__}: {exc})", "internal")
            message, near = None, False
        else:
            if message is None:
                return
            fn, args, budget = message
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
            return  # a fresh worker for the next task: this one's heap may be fragmented or broken


def child_main() -> None:
    """Entry point of a worker interpreter: ``python -c '…child_main()' FD PARENT_PID``."""
    from multiprocessing.connection import Connection

    fd, parent_pid = int(sys.argv[1]), int(sys.argv[2])
    _init_worker(parent_pid)
    conn = Connection(fd)
    try:
        path, level = conn.recv()  # the parent's import path (tests, plug-ins) and log level
        sys.path[:] = path
        warm = conn.recv()
    except (EOFError, OSError):
        return
    from .names import one_line_formatter

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(one_line_formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))  # type: ignore[arg-type]
    logging.basicConfig(level=level, handlers=[handler])
    problem = ""
    if warm is not None:
        try:
            warm()
        except Exception as exc:  # noqa: BLE001 - the tasks will say what is wrong, file by file
            problem = f"{type(exc).__name__}: {exc}"
    try:
        conn.send(("ready", problem))
    except (OSError, ValueError):
        return
    _worker_main(conn)


# --------------------------------------------------------------------------- the caller's side


#: Seconds a fresh worker may take to load the extraction stack (its ``warm`` call) before its first task.
WARM_UP_SECONDS = float(os.environ.get("PIPELINE_WARM_UP_SECONDS") or 300)


class BoundedChild:
    """One worker process, used by one thread at a time; started on first use, replaced after a kill.

    ``warm`` (a picklable function) runs in each fresh worker before its first task — loading the
    readers and language models once, so a file's time limit measures the file, not the imports.
    """

    def __init__(self, warm: Optional[Callable[[], Any]] = None) -> None:
        self.warm = warm
        self.proc: Optional[subprocess.Popen[bytes]] = None
        self.conn: Any = None

    def _start(self, abort: Optional[threading.Event] = None) -> None:
        from multiprocessing import Pipe

        ours, theirs = Pipe()
        env = dict(os.environ)
        env.setdefault("PIPELINE_OCR_WORKERS", "1")  # the pool is the parallelism: one core per task
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", "from pipeline.workers import child_main; child_main()",
                 str(theirs.fileno()), str(os.getpid())],
                pass_fds=[theirs.fileno()], env=env, stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            ours.close()
            raise WorkerStartError(f"cannot start a worker process: {exc.strerror or exc}") from exc
        finally:
            theirs.close()
        self.conn = ours
        try:
            ours.send((list(sys.path), logging.getLogger().getEffectiveLevel()))
            ours.send(self.warm)
            deadline = time.monotonic() + WARM_UP_SECONDS
            while not ours.poll(0.25):
                if (abort is not None and abort.is_set()) or time.monotonic() > deadline:
                    raise TimeoutError
            ready, problem = ours.recv()
        except (OSError, EOFError, TimeoutError, ValueError):
            code = self.proc.poll()
            self.kill()
            if abort is not None and abort.is_set():
                return  # stopped on purpose: the caller sees the abort
            raise WorkerStartError("a worker process did not get ready "
                                   + (f"(exit status {code})" if code is not None
                                      else f"within {WARM_UP_SECONDS:g} s")) from None
        if problem:
            log.warning("a worker could not load the extraction stack: %s", problem)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def terminate(self) -> None:
        """SIGKILL the worker and everything it started (its own process group); safe from any thread."""
        proc = self.proc
        if proc is None:
            return
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            try:
                proc.kill()
            except OSError:
                pass

    def kill(self) -> None:
        """:meth:`terminate`, then reap it and drop the connection (by the thread that uses this worker)."""
        proc, conn = self.proc, self.conn
        if proc is None:
            return
        self.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            pass
        conn.close()
        self.proc = self.conn = None

    def close(self) -> None:
        """Ask an idle worker to leave; kill it if it does not."""
        if self.proc is None:
            return
        try:
            self.conn.send(None)
            self.proc.wait(2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()

    def call(self, fn: Callable[..., Result], args: tuple[Any, ...], limits: Limits,
             abort: Optional[threading.Event] = None) -> Result:
        """``fn(*args)`` in the worker under ``limits``; never raises except :class:`WorkerStartError`.

        Past the time limit: ``("limits", "time", "limits")``; past the memory limit
        ``("limits", "memory", "limits")``; the worker died: ``("crash", how, "crash")``;
        ``abort`` set meanwhile: ``("aborted", None, "aborted")``.
        """
        budget = limits.memory_mb * _MB
        for attempt in (1, 2):
            if not self.alive():
                if self.proc is not None:
                    self.kill()
                self._start(abort)
                if self.proc is None:
                    return ("aborted", None, "aborted")
            try:
                self.conn.send((fn, args, budget))
                break
            except (OSError, ValueError):  # died while idle: a fresh one
                self.kill()
                if attempt == 2:
                    raise WorkerStartError("worker processes die as soon as they start") from None
            except Exception as exc:  # noqa: BLE001 - arguments that cannot be pickled: nothing was sent
                return ("quarantine", f"internal error: the task could not be passed to a worker "
                                      f"({type(exc).__name__}: {str(exc)[:160]})", "internal")
        assert self.proc is not None
        pid = str(self.proc.pid)
        base_vm = seen_vm = _status_kb("VmSize", pid)
        deadline = time.monotonic() + limits.seconds
        result: Optional[Result] = None
        while True:
            seen_vm = max(seen_vm, _status_kb("VmSize", pid))
            if abort is not None and abort.is_set():
                self.kill()
                return ("aborted", None, "aborted")
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                return ("limits", "time", "limits")
            try:
                if not self.conn.poll(min(0.25, remaining)):
                    continue
                result = self.conn.recv()
            except (EOFError, OSError):
                result = None
            break
        if result is None and abort is not None and abort.is_set():
            self.kill()  # killed on purpose (a second signal)
            return ("aborted", None, "aborted")
        if result is None:  # died without an answer
            try:
                code = self.proc.wait(5)
            except subprocess.TimeoutExpired:
                code = None
            self.kill()
            if seen_vm >= base_vm + budget - _NEAR_LIMIT:
                return ("limits", "memory", "limits")
            how = (f"killed by signal {signal.Signals(-code).name}" if code is not None and code < 0
                   else f"exit status {code}")
            return ("crash", f"the reader's worker process died ({how})", "crash")
        if result[0] == "limits":
            self.kill()  # it asked to be replaced (a broken heap must not read the next file)
            return ("limits", result[1], "limits")
        return result


_local = threading.local()
_every_child: "weakref.WeakSet[BoundedChild]" = weakref.WeakSet()  # of this process, for close_all_children


def close_all_children() -> int:
    """Ask every idle worker of this process to leave (the next task starts a fresh one, loading the
    extraction stack again). For a Dask worker: ``client.run(close_all_children)``. Returns how many."""
    closed = 0
    for child in list(_every_child):
        if child.alive():
            child.close()
            closed += 1
    return closed


def bounded_call(limits: Limits, fn: Callable[..., Result], *args: Any, _abort: Optional[threading.Event] = None,
                 _registry: Optional[set] = None, _warm: Optional[Callable[[], Any]] = None) -> Result:
    """Run ``fn(*args)`` in the calling thread's own bounded worker (kept for the thread's next call).

    This is the body of every task, in the local pool as on a Dask worker.
    """
    child = getattr(_local, "child", None)
    if child is None:
        child = _local.child = BoundedChild(_warm)
        _every_child.add(child)
        if _registry is not None:
            _registry.add(child)
    return child.call(fn, args, limits, _abort)


class BoundedPool(cf.Executor):
    """The local executor: ``workers`` tasks at a time, each in its own bounded worker process.

    ``submit(fn, *args)`` returns a future of ``fn(*args)``'s result tuple (see :meth:`BoundedChild.call`).
    """

    def __init__(self, workers: int, limits: Limits, warm: Optional[Callable[[], Any]] = None) -> None:
        self.limits, self.warm = limits, warm
        self.workers = max(1, workers)
        self._threads = cf.ThreadPoolExecutor(self.workers, thread_name_prefix="pipeline-worker")
        self._abort = threading.Event()
        self._children: set[BoundedChild] = set()

    def slots(self) -> int:
        return self.workers

    def __str__(self) -> str:
        return f"{self.workers} local worker(s)"

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future:  # type: ignore[override]
        return self._threads.submit(bounded_call, self.limits, fn, *args, _abort=self._abort,
                                    _registry=self._children, _warm=self.warm)

    def abort(self) -> None:
        """Kill the tasks in hand now (a second SIGTERM)."""
        self._abort.set()
        for child in list(self._children):
            child.terminate()  # the thread waiting on it sees it die, and reaps it

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._threads.shutdown(wait=wait, cancel_futures=cancel_futures)
        for child in list(self._children):
            child.close()
        self._children.clear()


# --------------------------------------------------------------------------- handing tasks out


@dataclass
class Task(Generic[T]):
    """One call for one job (a file): ``fn(*args)``; ``tag`` tells the caller which step it was."""

    job: T
    fn: Callable[..., Result]
    args: tuple[Any, ...]
    tag: Any = None
    attempts: int = 0
    key: int = 0           # which job: set by the Dispatcher


@dataclass
class Step:
    """What the caller makes of a task's result: the job's final result, more tasks, or wait for others."""

    done: Optional[Result] = None
    more: list[Task[Any]] = field(default_factory=list)


class Dispatcher(Generic[T]):
    """Keep an Executor's slots busy with tasks of many jobs; yield ``(job, result)`` as jobs finish.

    * A task whose worker died (``crash``) is tried once more; a second death ends the job with
      ``("crash", detail, "crash_twice")``. (On a cluster, Dask itself retries a task whose Dask
      worker died, once: see :mod:`pipeline.cluster`.)
    * ``flags.stop``: no new task is started; the tasks in hand finish and their jobs are yielded
      when complete; jobs not complete are not yielded (their files stay in the inbox).
      ``flags.abort``: the executor's tasks in hand are killed and nothing more is yielded.
    * The next task is handed out before the caller sees a result, so workers never wait on commits.
    """

    def __init__(self, executor: cf.Executor, flags: Optional[StopFlags] = None,
                 on_stop: Optional[Callable[[], Any]] = None, retries: int = 1) -> None:
        self.executor = executor
        self.flags = flags or StopFlags()
        self.on_stop = on_stop
        self.retries = retries

    def _slots(self) -> int:
        """Tasks to keep in flight: the executor's workers, plus what it asks to have queued (a cluster:
        the next task is already there when a worker finishes, instead of a round trip later)."""
        slots, ahead = getattr(self.executor, "slots", None), getattr(self.executor, "ahead", None)
        return max(1, slots() if callable(slots) else 1) + (ahead() if callable(ahead) else 0)

    def _submit(self, task: Task[T]) -> cf.Future:
        return self.executor.submit(task.fn, *task.args)

    def _result(self, fut: cf.Future) -> Result:
        result_of = getattr(self.executor, "result_of", None)
        return result_of(fut) if callable(result_of) else fut.result()

    def run(self, jobs: Iterable[T], start: Callable[[T], list[Task[T]]],
            step: Callable[[Task[T], Result], Step]) -> Iterator[tuple[T, Result]]:
        waiting = iter(jobs)
        ready: deque[Task[T]] = deque()   # follow-up tasks of jobs already started: they go first
        flying: dict[cf.Future, Task[T]] = {}
        finished: set[int] = set()        # jobs already yielded (their late tasks are ignored)
        exhausted = stop_seen = False
        counter = 0

        def fill() -> None:
            nonlocal exhausted, counter
            while not self.flags.stop and len(flying) < self._slots():
                if not ready:
                    if exhausted:
                        return
                    try:
                        job = next(waiting)
                    except StopIteration:
                        exhausted = True
                        return
                    counter += 1
                    for task in start(job):
                        task.key = counter
                        ready.append(task)
                    continue
                task = ready.popleft()
                if task.key in finished:
                    continue
                flying[self._submit(task)] = task

        try:
            while True:
                if self.flags.stop and not stop_seen:
                    stop_seen = True
                    if self.on_stop is not None:
                        self.on_stop()
                if self.flags.abort:
                    return
                fill()
                if not flying:
                    return
                done, _ = cf.wait(list(flying), timeout=0.25, return_when=cf.FIRST_COMPLETED)
                outcomes: list[tuple[T, Result]] = []
                for fut in done:
                    task = flying.pop(fut)
                    if fut.cancelled() or task.key in finished:
                        continue
                    result = self._result(fut)
                    if result[0] == "aborted":
                        continue
                    if result[0] == "crash" and result[2] == "crash" and task.attempts < self.retries:
                        task.attempts += 1  # stopping: not tried again now, but not held against the file
                        log.info("a worker died on a task (%s); %s", result[1],
                                 "the file waits for the next run" if self.flags.stop else "trying it once more")
                        ready.appendleft(task)
                        continue
                    if result[0] == "crash" and task.attempts:
                        result = (result[0], f"{result[1]}; the same happened on the second try", "crash_twice")
                    outcome = step(task, result)
                    if outcome.done is not None:
                        finished.add(task.key)
                        for other, t in list(flying.items()):  # the job's other tasks are of no use now
                            if t.key == task.key:
                                other.cancel()
                        outcomes.append((task.job, outcome.done))
                    else:
                        for t in outcome.more:
                            t.key = task.key
                        ready.extendleft(reversed(outcome.more))
                fill()  # the workers start their next task while the caller handles these results
                yield from outcomes
        finally:
            for fut in flying:
                fut.cancel()
            abort = getattr(self.executor, "abort", None)
            if flying and callable(abort):  # aborted, or the caller stopped listening: kill the tasks in hand
                abort()


def run_bounded(items: Iterable[T], args_of: Callable[[T], tuple[Any, ...]], fn: Callable[..., Result],
                workers: int, limits: Limits, flags: Optional[StopFlags] = None,
                on_stop: Optional[Callable[[], Any]] = None) -> Iterator[tuple[T, Result]]:
    """Yield ``(item, fn(*args_of(item)))`` as workers finish, each call under ``limits`` (local pool)."""
    pool = BoundedPool(workers, limits)
    try:
        yield from Dispatcher(pool, flags, on_stop).run(
            items, lambda item: [Task(item, fn, args_of(item))], lambda task, result: Step(done=result))
    finally:
        pool.shutdown(wait=not (flags and flags.abort), cancel_futures=True)
