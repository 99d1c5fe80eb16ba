"""The nightly job on a Dask cluster: the same tasks, other machines, one coordinator.

``pipeline run --cluster tcp://HOST:8786`` (or ``PIPELINE_CLUSTER``) connects to a Dask scheduler
(``dask scheduler``; workers: ``dask worker tcp://HOST:8786``, see ``deploy/``) and hands the
run's tasks (:mod:`pipeline.tasks`) to :class:`ClusterExecutor`, a ``concurrent.futures.Executor``
with the contract of the local :class:`pipeline.workers.BoundedPool`: ``submit(fn, path, *args)``
resolves to ``fn``'s result tuple. Decisions, and why:

* **The file travels, not the inbox.** A task gets the file's bytes (written to a private temp file
  on the worker), or with ``--shared-inbox DIR`` its path under ``DIR`` as the workers mount the
  inbox. The worker checks the content's SHA-256 as it reads, so a stale mount is caught
  ("changed"), never stored. Only the coordinator writes the store and moves files.
* **Bounds on the worker too.** The Dask task runs the reader in a bounded child process of the
  Dask worker (:func:`pipeline.workers.bounded_call`: time limit from outside, ``RLIMIT_AS``, the
  child's process group killed) — the Dask worker itself never parses a file, so a hostile file
  costs a child, never the worker.
* **Faults.** A Dask worker that dies mid-task: the scheduler gives the task to another worker. The
  scheduler's ``allowed-failures`` is set to 1 (the units set it; :func:`connect` checks and sets it),
  so a file on which two workers died comes back as ``KilledWorker`` and is quarantined. A bounded
  child that dies (the reader crashed) is retried once by the coordinator, like locally.
* **Refuse rather than differ.** Before any file moves, :func:`connect` fails (exit 2) when the
  scheduler cannot be reached in ``PIPELINE_CLUSTER_TIMEOUT`` seconds (default 10), has no worker,
  or a worker runs other pipeline code (:func:`code_fingerprint`), cannot see the shared inbox or
  cannot OCR. Workers declared ``--resources ocr=N`` get every task that may OCR (PDFs and
  images, by their first bytes); without such workers every worker must have Tesseract.
  A worker that joins later and does not fit fails its task, and the run stops (exit 2).
"""
from __future__ import annotations

import concurrent.futures as cf
import hashlib
import logging
import os
import shutil
import tempfile
import time
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

from .tasks import warm_up
from .workers import Limits, Result, bounded_call

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 10.0
#: Dask resource name of the workers that have Tesseract (``dask worker … --resources ocr=2``).
OCR_RESOURCE = "ocr"


class ClusterError(Exception):
    """The cluster cannot run this job as it is (unreachable, no workers, a worker unfit): exit 2."""


class WorkerUnfit(Exception):
    """Raised on a worker that must not read this file (other code, no shared inbox, no Tesseract)."""


# --------------------------------------------------------------------------- on the worker


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Version + SHA-256 of the code and word lists that read and extract (not the migrations or report
    templates, which only the coordinator uses): workers must read files as the coordinator would."""
    from . import __version__

    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.suffix in (".py", ".txt") and not rel.startswith(("migrations/", "templates/")) and path.is_file():
            digest.update(rel.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _ocr_ready() -> tuple[bool, str]:
    from .readers.ocr import tesseract_status

    usable, detail = tesseract_status()
    return usable and not detail, detail or ("" if usable else "tesseract is not installed")


def worker_facts(shared: Optional[str] = None) -> dict[str, Any]:
    """What the coordinator checks on every worker before a run (``client.run``)."""
    from .readers.doc import soffice

    ready, detail = _ocr_ready()
    return {"fingerprint": code_fingerprint(), "ocr": ready, "ocr_detail": detail, "office": bool(soffice()),
            "shared": os.path.isdir(shared) if shared else None, "host": os.uname().nodename}


def run_on_worker(limits: Limits, fingerprint: str, may_ocr: bool, fn: Callable[..., Result], source: Any,
                  *args: Any) -> Result:
    """The Dask task: check this worker fits, put the file where the reader can open it, read it bounded."""
    if fingerprint != code_fingerprint():
        raise WorkerUnfit(f"worker on {os.uname().nodename} runs pipeline {code_fingerprint()}, "
                          f"the coordinator {fingerprint}: install the same version on every worker")
    if may_ocr and not _ocr_ready()[0]:
        raise WorkerUnfit(f"worker on {os.uname().nodename} cannot OCR ({_ocr_ready()[1]}): install "
                          "tesseract-ocr and tesseract-ocr-vie there, or start OCR workers with --resources ocr=N")
    if isinstance(source, str):
        if not os.path.lexists(source):  # not mounted, or the share has not caught up: nothing is lost
            return ("changed", f"not visible on the worker {os.uname().nodename} (is the shared inbox mounted "
                               "there?); it will be read next run", "changed")
        return bounded_call(limits, fn, source, *args, _warm=warm_up)
    folder = tempfile.mkdtemp(prefix="pipeline-task-")
    try:
        path = os.path.join(folder, "input")
        with open(path, "wb") as fh:
            fh.write(source)
        return bounded_call(limits, fn, path, *args, _warm=warm_up)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --------------------------------------------------------------------------- on the coordinator


def may_ocr(head: bytes) -> bool:
    """Could reading this file need Tesseract? PDFs (scanned pages) and images, by their first bytes."""
    return (b"%PDF-" in head[:1024] or head[:8] == b"\x89PNG\r\n\x1a\n" or head[:3] == b"\xff\xd8\xff"
            or head[:4] in (b"II*\x00", b"MM\x00*") or head[:6] in (b"GIF87a", b"GIF89a") or head[:2] == b"BM"
            or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"))


class ClusterExecutor(cf.Executor):
    """Tasks on a Dask cluster, each bounded on its worker; ``submit(fn, path, *args)`` like the local pool."""

    def __init__(self, client: Any, address: str, limits: Limits, inbox: Path, shared: Optional[Path],
                 ocr_routing: bool, timeout: float) -> None:
        self.client, self.address, self.limits = client, address, limits
        self.inbox, self.shared, self.timeout = inbox, shared, timeout
        self.fingerprint = code_fingerprint()
        self._plain = client.get_executor(pure=False)
        self._ocr = client.get_executor(pure=False, resources={OCR_RESOURCE: 1}) if ocr_routing else self._plain
        self._slots, self._slots_at, self._empty_since = 0, 0.0, 0.0

    def __str__(self) -> str:
        return f"the Dask cluster at {self.address} ({self.slots()} worker thread(s))"

    def _source(self, path: str) -> tuple[Any, bool]:
        if self.shared is not None:
            rel = Path(path).relative_to(self.inbox)
            with open(path, "rb") as fh:
                head = fh.read(1024)
            return os.fsdecode(self.shared / rel), may_ocr(head)
        with open(path, "rb") as fh:  # the coordinator hashed it already: a regular file, under the size cap
            data = fh.read()
        return data, may_ocr(data[:1024])

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future:  # type: ignore[override]
        path, rest = args[0], args[1:]
        try:
            source, ocr = self._source(path)
        except OSError as exc:  # gone or unreadable since the scan: the file's own problem, said as such
            future: cf.Future = cf.Future()
            future.set_result(("quarantine", f"cannot read the file to send it: {exc.strerror or exc}", "unreadable"))
            return future
        executor = self._ocr if ocr else self._plain
        return executor.submit(run_on_worker, self.limits, self.fingerprint, ocr, fn, source, *rest)

    def result_of(self, future: cf.Future) -> Result:
        """The task's result; a task two workers died on is a result too (``KilledWorker``)."""
        from distributed.scheduler import KilledWorker

        try:
            return future.result()
        except KilledWorker as exc:
            return ("crash", f"two cluster workers died while reading this file ({exc})", "crash_twice")
        except WorkerUnfit as exc:
            raise ClusterError(str(exc)) from None
        except cf.CancelledError:
            raise ClusterError("the scheduler dropped a task (it restarted, or lost the task's data)") from None
        except Exception as exc:  # noqa: BLE001 - the task itself never raises: the worker or the link failed
            raise ClusterError(f"a task failed on the cluster ({type(exc).__name__}: {str(exc)[:300]})") from None

    def slots(self) -> int:
        """Worker threads on the cluster now (asked at most once a second); no worker for too long: an error."""
        now = time.monotonic()
        if now - self._slots_at >= 1.0:
            try:
                self._slots = sum(self.client.nthreads().values())
            except Exception as exc:  # noqa: BLE001 - scheduler gone: the run cannot go on
                raise ClusterError(f"lost the Dask scheduler at {self.address}: {type(exc).__name__}: {exc}") from None
            self._slots_at = now
            if self._slots:
                self._empty_since = 0.0
            elif not self._empty_since:
                self._empty_since = now
            elif now - self._empty_since > self.timeout:
                raise ClusterError(f"no Dask worker left on {self.address} for {self.timeout:g} s")
        return max(1, self._slots)

    def ahead(self) -> int:
        """Two tasks queued per worker thread: a worker never waits for the round trip to the coordinator."""
        return 2 * self._slots

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        for executor in {id(e): e for e in (self._plain, self._ocr)}.values():
            try:
                executor.shutdown(wait=False)
            except Exception:  # noqa: BLE001 - the client may be gone already
                pass
        try:
            self.client.close(timeout=5)
        except Exception:  # noqa: BLE001
            pass


def cluster_address(flag: Optional[str]) -> Optional[str]:
    """``--cluster`` or ``PIPELINE_CLUSTER``; ``local`` or empty: the local pool."""
    address = flag if flag is not None else os.environ.get("PIPELINE_CLUSTER", "")
    address = address.strip()
    return None if address in ("", "local") else address


def connect(address: str, limits: Limits, inbox: Path, shared: Optional[Path] = None,
            timeout: Optional[float] = None) -> ClusterExecutor:
    """Connect and check the cluster (see the module docstring); :class:`ClusterError` with one line otherwise."""
    timeout = timeout if timeout is not None else float(os.environ.get("PIPELINE_CLUSTER_TIMEOUT") or DEFAULT_TIMEOUT)
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--cluster needs the 'distributed' package (pip install 'pipeline[cluster]')") from None
    warnings.filterwarnings("ignore", message=".*Large object of size.*")  # files travel as task arguments
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, ValueError for a bad address
        raise ClusterError(f"cannot reach the Dask scheduler at {address} within {timeout:g} s "
                           f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})") from None
    try:
        return _checked(client, address, limits, inbox, shared, timeout)
    except BaseException:
        client.close(timeout=5)
        raise


def _checked(client: Any, address: str, limits: Limits, inbox: Path, shared: Optional[Path],
             timeout: float) -> ClusterExecutor:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except Exception:  # noqa: BLE001 - dask's TimeoutError
        raise ClusterError(f"the Dask scheduler at {address} has no worker (waited {timeout:g} s)") from None
    try:
        facts = client.run(worker_facts, os.fsdecode(shared) if shared else None)
    except Exception as exc:  # noqa: BLE001 - pipeline not installed on a worker, among others
        raise ClusterError(f"cannot check the workers ({type(exc).__name__}: {exc}); is the project installed "
                           "on every worker?") from None
    resources = {addr: info.get("resources") or {} for addr, info in client.scheduler_info()["workers"].items()}
    ours = code_fingerprint()
    problems = []
    for addr, fact in sorted(facts.items()):
        if fact["fingerprint"] != ours:
            problems.append(f"{addr} runs pipeline {fact['fingerprint']}, this machine {ours}")
        if shared and not fact["shared"]:
            problems.append(f"{addr} cannot see the shared inbox {shared}")
    ocr_workers = [a for a, r in resources.items() if r.get(OCR_RESOURCE)]
    must_ocr = ocr_workers or list(facts)
    for addr in must_ocr:
        if addr in facts and not facts[addr]["ocr"]:
            problems.append(f"{addr} cannot OCR ({facts[addr]['ocr_detail']})"
                            + ("" if ocr_workers else "; or start the OCR workers with --resources ocr=N"))
    if problems:
        raise ClusterError("the cluster does not fit this run: " + "; ".join(problems))
    for addr in sorted(a for a, fact in facts.items() if not fact["office"]):
        log.warning("worker %s has no LibreOffice: a legacy .doc file read there is quarantined "
                    "(install libreoffice-writer-nogui on every worker)", addr)
    _one_retry_on_worker_death(client)
    log.info("connected to the Dask cluster at %s: %d worker(s), %d thread(s)%s", address, len(facts),
             sum(client.nthreads().values()), f", {len(ocr_workers)} with OCR" if ocr_workers else "")
    return ClusterExecutor(client, address, limits, inbox, shared, bool(ocr_workers), timeout)


def _set_allowed_failures(dask_scheduler: Any = None, value: int = 1) -> int:
    before = dask_scheduler.allowed_failures
    dask_scheduler.allowed_failures = value
    return before


def _one_retry_on_worker_death(client: Any) -> None:
    """A file on which two workers died is quarantined: the scheduler's ``allowed-failures`` must be 1."""
    try:
        before = client.run_on_scheduler(_set_allowed_failures, value=1)
    except Exception as exc:  # noqa: BLE001 - a scheduler that refuses remote calls
        log.warning("could not set the scheduler's allowed-failures to 1 (%s); start it with "
                    "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=1 (see deploy/)", exc)
        return
    if before != 1:
        log.info("scheduler allowed-failures was %s, set to 1: a file on which two workers die is quarantined",
                 before)
