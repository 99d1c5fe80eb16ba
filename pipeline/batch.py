"""The inbox job (`pipeline run` / `pipeline watch`): inbox -> extraction -> store, nothing lost.

Why it is shaped this way:

* **Content hash first.** Every file is hashed and looked up before anything heavy is imported,
  so an unchanged inbox costs a directory walk, some SHA-256 and one SELECT.
* **Commit, then move.** A file's rows and its ``files`` row are written in ONE transaction keyed
  by sha256 (unique on ``documents``); only then is the file moved to ``processed/YYYY-MM-DD/``
  (or ``quarantine/``). A kill -9 anywhere leaves either nothing (the file is redone) or a
  committed file still in the inbox, which the next run recognises by its hash and just moves.
* **Many readers, one writer.** Worker processes extract and return plain row dicts; the parent
  alone talks to the store, so SQLite never sees two writers.
* **One run at a time.** A POSIX lock on ``<data>/pipeline.lock`` (not inherited by workers);
  a second run exits with status 3.
* **One file never stops the run.** Each file is read under a time and memory limit enforced by
  its worker process (:mod:`pipeline.workers`); a failure to read, extract, store or move it
  quarantines that file with a reason (Vietnamese first, :mod:`pipeline.reasons`) and the run
  goes on. Only a store that cannot be written at all (disk full, server gone) stops the run.
  A file over the limits is not read again until it changes (or the limits grow).
* **Names kept exactly.** Names that are not UTF-8, too long or full of control characters are
  stored, logged and noted in the forms of :mod:`pipeline.names`; pipes, sockets and devices are
  never opened.
* **Runs end honestly.** SIGTERM/SIGINT finish the files in hand, write the summary with status
  ``interrupted`` and exit 4; a run left ``running`` by a crash is marked ``interrupted`` by the
  next run (which holds the lock, so it knows no run is alive).

* **One executor seam.** Files are read by tasks (:mod:`pipeline.tasks`) handed to a
  ``concurrent.futures.Executor``: the local bounded pool (:class:`pipeline.workers.BoundedPool`)
  or a Dask cluster (:mod:`pipeline.cluster`, ``--cluster``). Either way the task returns rows and
  this process alone commits and moves, so every guarantee above holds unchanged on a cluster.

Test hooks (environment): ``PIPELINE_TEST_KILL_AFTER_COMMIT=N`` SIGKILLs the run right after its
N-th commit, before the move; the workers' hooks are listed in :mod:`pipeline.tasks`.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import logging
import os
import shutil
import signal
import stat
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Optional

from . import store
from .atomic import atomic_write
from .cluster import ClusterError
from .names import NAME_MAX, disk_form, fit_name, fs_len, needs_escape, shown, store_form
from .readers import sha256_of  # light: stdlib + model only; the readers themselves load lazily
from .reasons import clerk_reason, limits_detail, recorded_limits
from .workers import BoundedPool, Limits, StopFlags

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED, EXIT_LOCKED, EXIT_INTERRUPTED = 0, 1, 2, 3, 4

#: Names clerks' tools leave while a file is still being written or is open: never read them.
TEMP_PREFIXES = ("~$", ".~lock.", "~lock.")
TEMP_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".swp", ".filepart", "~")
JUNK_NAMES = {"thumbs.db", "desktop.ini", ".ds_store"}
REASON_SUFFIX = ".reason.txt"


@dataclass
class RunResult:
    exit_code: int
    run_id: Optional[int] = None
    counts: dict[str, int] = field(default_factory=dict)
    summary_path: Optional[Path] = None
    summary: dict[str, Any] = field(default_factory=dict)
    reports: Any = None  # outputs.ReportPaths when the reports were written (for the closing summary)


class LockHeld(Exception):
    """Another run holds the data folder's lock."""


class StoreWriteFailed(Exception):
    """The store refused a write (disk full, server gone): the run stops, the inbox keeps the rest."""


# --------------------------------------------------------------------------- lock


@contextmanager
def run_lock(data_dir: Path, name: str = "pipeline.lock") -> Iterator[Path]:
    """Hold ``<data>/pipeline.lock`` for the run (lockf: released on exit, not inherited by forks)."""
    path = data_dir / name
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
            raise LockHeld(f"another pipeline run (pid {holder}) is working on {data_dir}; "
                           f"try again when it has finished (lock: {path})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing releases the lock; the file stays (deleting it would race)


# --------------------------------------------------------------------------- inbox scan


@dataclass
class Candidate:
    path: Path          # absolute
    rel: str            # relative to the inbox, posix style, as on disk (may hold undecodable bytes)
    size: int = 0
    arrived_at: str = ""
    sha256: str = ""
    symlink: bool = False
    mtime_ns: int = 0
    special: str = ""   # "pipe", "socket", "device": never opened, only renamed

    @property
    def stored(self) -> str:
        """The name as the store, the summary and the reports keep it (see :mod:`pipeline.names`)."""
        return store_form(self.rel)

    @property
    def shown(self) -> str:
        """The name as a log line or a note shows it (control characters escaped)."""
        return shown(self.rel)

    def changed_since_scan(self) -> bool:
        try:
            st = os.lstat(self.path)
        except OSError:
            return True
        return (st.st_size, st.st_mtime_ns) != (self.size, self.mtime_ns)


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds")


def _is_temp(name: str) -> bool:
    low = name.lower()
    return (name.startswith(".") or low.startswith(TEMP_PREFIXES) or low.endswith(TEMP_SUFFIXES)
            or low in JUNK_NAMES or low.endswith(REASON_SUFFIX))


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def scan_inbox(inbox: Path, exclude: list[Path], warnings: list[str], min_age: float = 0.0,
               deferred: Optional[list[str]] = None) -> list[Candidate]:
    """Regular files, symlinks and special files under the inbox, in a stable order; temp/hidden skipped.

    Nothing is opened here (``lstat`` only). ``min_age`` (watch mode) defers files modified less
    than that many seconds ago.
    """
    now = time.time()
    excluded = {os.path.normcase(str(p)) for p in exclude}
    found: list[Candidate] = []
    def unreadable_folder(exc: OSError) -> None:  # os.walk would skip it without a word
        warnings.append(f"{shown(exc.filename or '?')}: cannot list this folder ({exc.strerror}); "
                        "its files were left where they are")

    for root, dirnames, filenames in os.walk(inbox, followlinks=False, onerror=unreadable_folder):
        keep = []
        for d in sorted(dirnames):
            full = os.path.join(root, d)
            if os.path.normcase(os.path.abspath(full)) in excluded:
                continue
            if os.path.islink(full):
                filenames.append(d)  # a symlinked folder: quarantined like a symlinked file
            elif d.startswith("."):
                log.info("skipped hidden folder: %s", shown(os.path.relpath(full, inbox)))
            else:
                keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            full = Path(root, name)
            rel = full.relative_to(inbox).as_posix()
            try:
                st = os.lstat(full)
            except OSError as exc:
                warnings.append(f"{shown(rel)}: cannot stat ({exc.strerror}); left in the inbox")
                continue
            if stat.S_ISLNK(st.st_mode):
                found.append(Candidate(full, rel, 0, _iso(st.st_ctime), symlink=True))
                continue
            if _is_temp(name):
                log.info("skipped temporary or hidden file: %s", shown(rel))
                continue
            if not stat.S_ISREG(st.st_mode):
                found.append(Candidate(full, rel, 0, _iso(st.st_ctime), mtime_ns=st.st_mtime_ns,
                                       special=_special_kind(st.st_mode)))
                continue
            # ctime: when the file landed here (a copy keeps its old mtime, never its ctime)
            if min_age and now - st.st_mtime < min_age:
                if deferred is not None:
                    deferred.append(store_form(rel))
                continue
            found.append(Candidate(full, rel, st.st_size, _iso(max(st.st_ctime, st.st_mtime)),
                                   mtime_ns=st.st_mtime_ns))
    return found


# --------------------------------------------------------------------------- moving files


def note_path(target: Path) -> Path:
    """Where the reason note of ``target`` goes: ``NAME.reason.txt``, or a shortened name when that is too long."""
    return target.with_name(fit_name(target.name, REASON_SUFFIX, whole=target.name))


def _taken(candidate: Path) -> bool:
    return os.path.lexists(candidate) or os.path.lexists(note_path(candidate))


def unique_destination(target: Path) -> Path:
    """``target`` or, if taken, ``stem (2).ext``, ``stem (3).ext`` … (never overwrite; always a creatable name)."""
    if fs_len(target.name) <= NAME_MAX and not _taken(target):
        return target
    suffix = "".join(target.suffixes[-1:])
    if fs_len(suffix) > 16 or " " in suffix:
        suffix = ""  # "a.b c d" has no real extension
    stem = target.name[: len(target.name) - len(suffix)] if suffix else target.name
    n = 2
    while True:
        candidate = target.with_name(fit_name(stem, f" ({n}){suffix}", whole=target.name))
        if not _taken(candidate):
            return candidate
        n += 1


def move_file(src: Path, dest: Path, rename_only: bool = False) -> None:
    """Rename within a filesystem; across filesystems copy+fsync+rename, then remove the source.

    ``rename_only`` (pipes, sockets, devices): never opened, so never copied either.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(dest):
        raise FileExistsError(errno.EEXIST, "destination exists", str(dest))
    try:
        os.rename(src, dest)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV or rename_only:
            raise
    tmp = dest.with_name(f".incoming-{os.getpid()}-{time.monotonic_ns()}")  # short: the name may be 255 bytes
    if os.path.islink(src):
        os.symlink(os.readlink(src), tmp)
    else:
        shutil.copy2(src, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
    os.rename(tmp, dest)
    try:
        os.unlink(src)
    except OSError:
        os.unlink(dest)  # our own fresh copy: the source could not be removed, so it was no move
        raise


def store_safe(value: Any) -> Any:
    """Rows as every store accepts them: no NUL characters (PostgreSQL refuses them), no lone surrogates."""
    if isinstance(value, str):
        if "\x00" in value:
            value = value.replace("\x00", "")
        return store_form(value) if needs_escape(value) else value
    if isinstance(value, dict):
        return {k: store_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [store_safe(v) for v in value]
    return value


def _store_down(exc: BaseException) -> bool:
    """Is this store error about the store itself (disk, server, connection) rather than one file's rows?"""
    from sqlalchemy import exc as sa_exc

    return isinstance(exc, (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.DisconnectionError, OSError))


# --------------------------------------------------------------------------- the run


class _Run:
    def __init__(self, inbox: Path, url: str, data_dir: Path, out_dir: Path, workers: Optional[int],
                 move: bool, min_age: float = 0.0, limits: Optional[Limits] = None,
                 flags: Optional[StopFlags] = None, executor: Any = None) -> None:
        self.executor = executor  # a cluster's (pipeline.cluster); None: a local pool per run
        self.min_age = min_age
        self.deferred: list[str] = []
        self.inbox, self.url, self.data_dir, self.out_dir = inbox, url, data_dir, out_dir
        self.workers = workers
        self.move = move
        self.limits = limits or Limits.resolve()
        self.flags = flags or StopFlags()
        self.interrupted = False
        self.read_shas: set[str] = set()  # contents whose extraction ended this run
        self.day = time.strftime("%Y-%m-%d")
        self.counts = {"new": 0, "unchanged": 0, "superseded": 0, "quarantined": 0, "warnings": 0, "duplicates": 0}
        self.warnings: list[str] = []
        self.file_warnings: list[str] = []  # extraction warnings of committed files, "path: message"
        self.answer_files: list[Candidate] = []  # our own workbooks dropped back with reviewers' answers
        self.outcomes: list[dict[str, Any]] = []
        self.commits = 0
        self.kill_after = int(os.environ.get("PIPELINE_TEST_KILL_AFTER_COMMIT", "0") or 0)
        self.engine: Any = None
        self.run_id: Optional[int] = None
        self.file_log_level = logging.INFO  # DEBUG while a progress bar is on screen

    # -- helpers

    def warn(self, message: str) -> None:
        message = shown(message)
        log.warning("%s", message)
        self.warnings.append(message)

    def _rel_to_data(self, p: Path) -> str:
        return store_form(p.relative_to(self.data_dir).as_posix())

    def _on_disk(self, stored: str, escaped: bool) -> Path:
        return self.data_dir / disk_form(stored, escaped)

    def _dest(self, folder: str, cand: Candidate) -> Path:
        return unique_destination(self.data_dir / folder / self.day / cand.rel if folder == "processed"
                                  else self.data_dir / folder / cand.rel)

    def _file_info(self, cand: Candidate) -> dict[str, Any]:
        return {"path": cand.stored, "name": store_form(cand.path.name), "sha256": cand.sha256, "size": cand.size,
                "arrived_at": cand.arrived_at}

    def _stopping(self) -> bool:
        """A stop was asked for (SIGTERM, Ctrl-C): say so once; the caller starts nothing new."""
        if self.flags.stop and not self.interrupted:
            self.interrupted = True
            log.warning("stop requested: finishing the file(s) in hand, then writing the summary; "
                        "files not yet read stay in the inbox for the next run")
        return self.flags.stop

    # -- outcomes

    def _place(self, cand: Candidate, dest: Path, file_id: Optional[int], what: str) -> None:
        """Move a committed file out of the inbox; a read-only inbox leaves a copy and a warning."""
        if not cand.symlink and not cand.special and cand.changed_since_scan():
            self.warn(f"{cand.shown}: changed while it was being processed; left in the inbox "
                      "(the new content is read next run, as a new version)")
            if file_id is not None:
                try:
                    store.set_stored_path(self.engine, file_id, None)
                except Exception:  # noqa: BLE001
                    pass
            return
        try:
            move_file(cand.path, dest, rename_only=bool(cand.special))
            return
        except OSError as exc:
            reason = exc.strerror or str(exc)
        copied = False
        if not cand.symlink and not cand.special:
            try:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(cand.path, dest)
                copied = True
            except OSError:
                pass
        if copied:
            self.warn(f"{cand.shown}: committed but could not be moved out of the inbox ({reason}); "
                      f"a copy is in {self._rel_to_data(dest)} and the original is left in place")
        else:
            self.warn(f"{cand.shown}: committed but could not be moved to {what}/ ({reason}); left in the inbox")
            if file_id is not None:
                try:
                    store.set_stored_path(self.engine, file_id, None)
                except Exception:  # noqa: BLE001 - the warning above already tells the story
                    pass

    def _write_reason(self, dest: Path, cand: Candidate, reason: str) -> None:
        """``NAME.reason.txt`` beside the quarantined file (a shortened name when NAME is too long)."""
        note = note_path(dest)
        lines = [f"Tệp: {cand.shown}"]
        if note.name != dest.name + REASON_SUFFIX or dest.name != cand.path.name:
            lines.append(f"Tên tệp trong thư mục này: {shown(dest.name)}")
        lines += [f"Lý do không đọc được: {shown(reason)}",
                  f"Thời điểm: {time.strftime('%Y-%m-%d %H:%M:%S')}",
                  "Cách xử lý: sửa hoặc lưu lại tệp (PDF, DOCX, XLSX) rồi thả lại vào thư mục inbox."]
        try:
            atomic_write(note, lambda tmp: tmp.write_text("\n".join(lines) + "\n", encoding="utf-8"))
        except OSError as exc:
            self.warn(f"{cand.shown}: could not write the quarantine note ({exc.strerror})")

    def quarantine(self, cand: Candidate, reason: str) -> None:
        """Record and set aside one file. ``reason`` is the clerk's text (:func:`pipeline.reasons.clerk_reason`)."""
        reason = shown(reason)
        dest = self._dest("quarantine", cand) if self.move else None
        try:
            committed = store.commit_quarantine(self.engine, self._file_info(cand), reason, self.run_id,
                                                self._rel_to_data(dest) if dest else None)
        except Exception as exc:  # noqa: BLE001 - a store that takes not even this row is down
            raise StoreWriteFailed(f"store write failed on {cand.shown}: {store._first_line(exc)}") from exc
        self._after_commit()
        self.counts["quarantined"] += 1
        self.outcomes.append({"path": cand.stored, "status": "quarantined", "reason": reason})
        log.warning("quarantined %s: %s", cand.shown, reason)
        if dest is not None:
            self._write_reason(dest, cand, reason)
            self._place(cand, dest, committed.file_id, "quarantine")

    def _refused(self, cand: Candidate, exc: Exception, what: str) -> None:
        """A commit that failed: a store that is down stops the run; content it refuses puts the file aside."""
        if _store_down(exc):
            raise StoreWriteFailed(f"store write failed on {cand.shown}: {store._first_line(exc)}") from exc
        log.debug("store refused the %s of %s", what, cand.shown, exc_info=True)
        self.quarantine(cand, clerk_reason("store", f"{type(exc).__name__}: {store._first_line(exc)}"))

    def commit(self, cand: Candidate, rows: dict[str, Any]) -> None:
        dest = self._dest("processed", cand) if self.move else None
        try:
            committed = store.commit_document(self.engine, self._file_info(cand), store_safe(rows), self.run_id,
                                              self._rel_to_data(dest) if dest else None)
        except Exception as exc:  # noqa: BLE001
            self._refused(cand, exc, "rows")
            return
        if committed.duplicate:  # same content committed meanwhile: the unchanged path handles it
            self.unchanged(cand, None)
            return
        self._after_commit()
        self.counts["new"] += 1
        self.counts["superseded"] += committed.superseded
        self.counts["duplicates"] += committed.duplicates
        file_warnings = [shown(w) for w in rows.get("warnings") or []]
        self.counts["warnings"] += len(file_warnings)
        self.file_warnings.extend(f"{cand.shown}: {w}" for w in file_warnings)
        self.outcomes.append({"path": cand.stored, "status": "processed", "document_id": committed.document_id,
                              "version": committed.version, "warnings": file_warnings[:20],
                              **{k: len(rows.get(k) or []) for k in store.CHILD_TABLES}})
        log.log(self.file_log_level, "new: %s (%s)", cand.shown,
                ", ".join(f"{len(rows.get(k) or [])} {k}" for k in store.CHILD_TABLES))
        if dest is not None:
            self._place(cand, dest, committed.file_id, "processed")

    def take_answers(self, cand: Candidate) -> None:
        """A reviewer's answered workbook: store its answers and the file in one transaction, then archive it."""
        from .reports.answers import read_answers

        try:
            answers, notes = read_answers(cand.path, cand.stored)
        except Exception as exc:  # noqa: BLE001 - a damaged workbook is a bad file like any other
            self.quarantine(cand, f"bảng tổng hợp có trả lời nhưng không đọc được ({type(exc).__name__}: "
                                  f"{str(exc)[:160]})")
            return
        dest = self._dest("processed", cand) if self.move else None
        try:
            added = store.commit_answers(self.engine, self._file_info(cand), answers, self.run_id,
                                         self._rel_to_data(dest) if dest else None)
        except Exception as exc:  # noqa: BLE001
            self._refused(cand, exc, "answers")
            return
        self._after_commit()
        for note in notes:
            self.warn(note)
        self.outcomes.append({"path": cand.stored, "status": "answers", **added})
        log.info("answers: %s (%d corrections, %d done marks)", cand.shown, added["corrections"], added["done"])
        if dest is not None:
            self._place(cand, dest, None, "processed")

    def _after_commit(self) -> None:
        self.commits += 1
        if self.kill_after and self.commits >= self.kill_after:
            os.kill(os.getpid(), signal.SIGKILL)  # test hook: a crash between commit and move

    def finish_interrupted(self, cand: Candidate, rows: list[Any]) -> bool:
        """A crash after a commit, before the move: finish the move that commit planned (note: the store's reason)."""
        for row in rows:
            if row.path != cand.stored or not row.stored_path:
                continue
            planned = self._on_disk(row.stored_path, needs_escape(cand.rel))
            if os.path.lexists(planned):
                continue
            log.info("finishing an interrupted move: %s -> %s", cand.shown, shown(row.stored_path))
            if row.status == "quarantined":
                self._write_reason(planned, cand, row.reason or clerk_reason("unreadable", "reason not recorded"))
            self._place(cand, planned, row.id, "quarantine" if row.status == "quarantined" else "processed")
            return True
        return False

    def _archived(self, rows: list[Any]) -> list[str]:
        found = []
        for r in rows:
            if r.stored_path and any(os.path.lexists(self._on_disk(r.stored_path, esc)) for esc in (False, True)):
                found.append(r.stored_path)
        return found

    def unchanged(self, cand: Candidate, known: Optional[list[Any]]) -> None:
        """Known content: never re-extracted; archive the re-dropped copy by a plain move (never a copy)."""
        self.counts["unchanged"] += 1
        log.debug("unchanged: %s", cand.shown)
        if not self.move:
            return
        rows = known if known is not None else store.known_files(self.engine).get(cand.sha256, [])
        if self.finish_interrupted(cand, rows):
            return
        try:
            move_file(cand.path, self._dest("processed", cand))
        except OSError as exc:
            archived = self._archived(rows)
            if archived:
                log.info("%s: already archived as %s; could not be moved (%s), left in the inbox",
                         cand.shown, shown(archived[0]), exc.strerror or exc)
            else:
                self.warn(f"{cand.shown}: already in the store but could not be moved ({exc.strerror or exc}); "
                          "left in the inbox")

    def over_limits_before(self, rows: list[Any]) -> Optional[str]:
        """The stored reason when this content already went over limits at least as large as today's."""
        for row in rows:
            if row.status != "quarantined":
                continue
            figures = recorded_limits(row.reason)
            if figures is not None and figures[0] >= self.limits.seconds and figures[1] >= self.limits.memory_mb:
                return row.reason
        return None

    # -- main

    def execute(self) -> RunResult:
        self.engine = store.open_store(self.url)
        with store.server_lock(self.engine) as got:
            if not got:
                raise LockHeld(f"another pipeline run is writing to {store.redact(self.url)}; "
                               "try again when it has finished")
            return self._execute()

    def _execute(self) -> RunResult:
        started, started_at = time.monotonic(), store.now_iso()
        try:
            # We hold the lock: a run still marked `running` is one a crash (kill -9, power cut) left behind.
            for stale in store.mark_interrupted_runs(self.engine):
                log.warning("run %s (started %s) never finished (crash or kill -9); marked interrupted",
                            stale["id"], stale["started_at"])
            self.run_id = store.start_run(self.engine, store_form(str(self.inbox)))
        except Exception as exc:  # noqa: BLE001 - disk full or server gone before anything happened
            raise store.StoreError(f"cannot record the run in the store: {store._first_line(exc)}") from exc
        status, failure = "ok", None
        try:
            self._process()
        except StoreWriteFailed as exc:
            status, failure = "failed", str(exc)
            log.error("run failed: %s%s; files not yet committed stay in the inbox for the next run", exc,
                      _disk_hint(self.data_dir))
        except Exception as exc:  # noqa: BLE001 - the nightly log must say what happened, then exit 2
            status, failure = "failed", f"{type(exc).__name__}: {exc}"
            log.error("run failed: %s (rerun with -vv for the traceback)", shown(failure))
            log.debug("run failed", exc_info=True)
        self._stopping()
        self.counts["warnings"] += len(self.warnings)
        exit_code = EXIT_FAILED if status == "failed" else EXIT_PARTIAL if self.counts["quarantined"] else EXIT_OK
        if status == "ok" and self.interrupted:
            status, exit_code = "interrupted", EXIT_INTERRUPTED
        elif status == "ok" and self.counts["quarantined"]:
            status = "partial"
        summary = {
            "run_id": self.run_id, "status": status, "exit_code": exit_code, "inbox": store_form(str(self.inbox)),
            "store": store.redact(self.url), "started_at": started_at, "finished_at": store.now_iso(),
            "seconds": 0.0, **self.counts, "deferred": self.deferred, "failure": failure and shown(failure),
            "limits": {"seconds": self.limits.seconds, "memory_mb": self.limits.memory_mb},
            "warning_messages": (self.warnings + self.file_warnings)[:500], "files": self.outcomes,
        }
        summary["seconds"] = round(time.monotonic() - started, 3)
        try:
            store.finish_run(self.engine, self.run_id, status, exit_code, self.counts, summary)
        except Exception as exc:  # noqa: BLE001
            log.error("could not record the run summary in the store: %s", store._first_line(exc))
            exit_code = EXIT_FAILED
        log.info("run %s %s: new %d, unchanged %d, superseded %d, quarantined %d, warnings %d (%.1f s)",
                 self.run_id, status, self.counts["new"], self.counts["unchanged"], self.counts["superseded"],
                 self.counts["quarantined"], self.counts["warnings"], summary["seconds"])
        if status == "interrupted":
            log.warning("run %s interrupted: exit status %d; the next run goes on with the files left in the inbox",
                        self.run_id, exit_code)
        path = write_summary(self.out_dir, summary)
        return RunResult(exit_code, self.run_id, dict(self.counts), path, summary)

    def _fingerprint(self, cand: Candidate) -> bool:
        """Set ``cand.sha256``; quarantine links and special files on the spot. False when nothing more to do."""
        if cand.symlink or cand.special:
            try:
                target = os.readlink(cand.path) if cand.symlink else ""
            except OSError:
                target = "?"
            what = f"symlink:{cand.rel}->{target}" if cand.symlink else f"{cand.special}:{cand.rel}"
            cand.sha256 = hashlib.sha256(os.fsencode(what)).hexdigest()
            return True
        try:
            cand.sha256 = sha256_of(cand.path)
        except OSError as exc:
            self.warn(f"{cand.shown}: cannot read ({exc.strerror or exc}); left in the inbox")
            return False
        return True

    def _process(self) -> None:
        exclude = [self.data_dir, self.out_dir.resolve()]
        candidates = scan_inbox(self.inbox, exclude, self.warnings, self.min_age, self.deferred)
        for w in self.warnings:
            log.warning("%s", w)
        known = store.known_files(self.engine)
        todo: list[Candidate] = []
        first_of: dict[str, Candidate] = {}
        repeats: list[Candidate] = []
        for cand in candidates:
            if self._stopping():
                break
            try:
                if not self._fingerprint(cand):
                    continue
                rows = known.get(cand.sha256)
                if cand.symlink or cand.special:
                    if rows and not self.move:
                        continue  # --keep-inbox: reported once, not every run
                    self.quarantine(cand, self._link_reason(cand))
                elif rows and any(r.document_id is not None or r.status == "answers" for r in rows):
                    self.unchanged(cand, rows)
                elif rows and not self.move:
                    self.unchanged(cand, rows)  # --keep-inbox: a file known to be unreadable is not retried
                elif rows and self.finish_interrupted(cand, rows):
                    continue
                elif rows and self.over_limits_before(rows):
                    log.info("%s: went over the limits before; not read again until it changes", cand.shown)
                    self.quarantine(cand, self.over_limits_before(rows) or "")
                elif cand.sha256 in first_of:
                    repeats.append(cand)  # same bytes twice in one drop: read once
                elif _answer_workbook(cand.path):
                    first_of[cand.sha256] = cand
                    self.answer_files.append(cand)  # our workbook, answered: answers, not a form
                else:
                    first_of[cand.sha256] = cand
                    todo.append(cand)
            except StoreWriteFailed:
                raise
            except Exception as exc:  # noqa: BLE001 - one file's bad luck never stops the run
                self._file_failed(cand, exc)
        if todo and not self._stopping():
            self._extract(todo)
        for cand in self.answer_files:
            self.take_answers(cand)
        if repeats:
            known = store.known_files(self.engine)
        for cand in repeats:
            if cand.sha256 not in self.read_shas:
                continue  # its first copy was never read (stopped): both wait for the next run
            rows = known.get(cand.sha256, [])
            try:
                if any(r.document_id is not None for r in rows) or not rows:
                    self.unchanged(cand, rows)
                else:
                    self.quarantine(cand, clerk_reason("duplicate", f"same content as {first_of[cand.sha256].shown}, "
                                                                    "which could not be read"))
            except StoreWriteFailed:
                raise
            except Exception as exc:  # noqa: BLE001
                self._file_failed(cand, exc)

    def _link_reason(self, cand: Candidate) -> str:
        if cand.symlink:
            try:
                target = shown(os.readlink(cand.path))
            except OSError:
                target = "?"
            return clerk_reason("symlink", f"symbolic link (to {target}): not followed, the file it points to "
                                           "was not read; drop the file itself")
        return clerk_reason("special", f"not a regular file ({cand.special}): never opened; drop a real file")

    def _file_failed(self, cand: Candidate, exc: BaseException) -> None:
        """Something unexpected on one file (a bug, an odd filesystem): quarantine it and go on."""
        log.debug("unexpected failure on %s", cand.shown, exc_info=True)
        self.quarantine(cand, clerk_reason("internal", f"{type(exc).__name__}: {str(exc)[:200]}"))

    def _outcome(self, cand: Candidate, kind: str, payload: Any, detail: str) -> None:
        if kind == "ok":
            self.commit(cand, payload)
        elif kind == "quarantine":
            self.quarantine(cand, clerk_reason(detail, str(payload)))
        elif kind == "limits":
            what = "time limit exceeded" if payload == "time" else "memory limit exceeded"
            self.quarantine(cand, clerk_reason("limits", limits_detail(what, self.limits.seconds,
                                                                       self.limits.memory_mb)))
        elif kind == "crash":  # detail: "crash", or "crash_twice" when it was tried again (another worker)
            self.quarantine(cand, clerk_reason(detail if detail == "crash_twice" else "crash", str(payload)))
        elif kind == "changed":
            self.warn(f"{cand.shown}: {payload}")
        else:
            raise RuntimeError(payload)

    def _extract(self, todo: list[Candidate]) -> None:
        from .tasks import extract_all, warm_up

        executor = self.executor
        if executor is None:
            executor = BoundedPool(max(1, min(self.workers or _cpu_count(), len(todo))), self.limits, warm_up)
        log.info("extracting %d file(s) with %s (limits per file: %g s, %d MB)", len(todo), executor,
                 self.limits.seconds, self.limits.memory_mb)
        bar, step = None, max(1, len(todo) // 10)
        if sys.stderr.isatty():
            from tqdm import tqdm
            bar = tqdm(total=len(todo), unit="file", desc="pipeline run", file=sys.stderr)
            self.file_log_level = logging.DEBUG
        try:
            results = extract_all(executor, todo, lambda c: (str(c.path), c.stored, c.sha256), self.flags,
                                  on_stop=self._stopping)
            for i, (cand, (kind, payload, detail)) in enumerate(results, start=1):
                self.read_shas.add(cand.sha256)
                self._stopping()
                try:
                    self._outcome(cand, kind, payload, detail)
                except StoreWriteFailed:
                    raise
                except Exception as exc:  # noqa: BLE001 - one file's bad luck never stops the run
                    if kind == "error":
                        raise
                    self._file_failed(cand, exc)
                if bar is not None:
                    bar.update(1)
                elif i % step == 0 or i == len(todo):
                    log.info("progress %d/%d", i, len(todo))
        finally:
            if bar is not None:
                bar.close()
            if executor is not self.executor:
                executor.shutdown(wait=not self.flags.abort, cancel_futures=True)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def write_summary(out_dir: Path, summary: dict[str, Any]) -> Optional[Path]:
    """out/run-YYYYMMDD-HHMM.json (a second run in the same minute gets -2, -3 …)."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        base = f"run-{time.strftime('%Y%m%d-%H%M')}"
        path = out_dir / f"{base}.json"
        n = 2
        while path.exists():
            path = out_dir / f"{base}-{n}.json"
            n += 1
        return atomic_write(path, lambda tmp: tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2),
                                                             encoding="utf-8"))
    except OSError as exc:
        log.warning("could not write the run summary to %s: %s", out_dir, exc.strerror or exc)
        return None


def _one_line(exc: BaseException) -> str:
    """An exception as one log line (our own errors already are; others get their type name)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if type(exc).__name__ in ("ReportError", "StoreError"):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _disk_hint(folder: Path) -> str:
    """' (disk full: …)' when the folder's filesystem is (nearly) full; SQLite only says 'disk I/O error'."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return ""
    return f" (the disk holding {folder} is full: {free} bytes free)" if free < 256 * 1024 else ""


def _ensure_info_logging() -> None:
    """The nightly log should show progress and the summary without -v."""
    if not log.isEnabledFor(logging.INFO):
        log.setLevel(logging.INFO)


def _answer_workbook(path: Path) -> bool:
    from .reports.answers import is_answer_workbook

    return is_answer_workbook(path)
@contextmanager
def _stop_on_signals(flags: StopFlags) -> Iterator[None]:
    """SIGTERM/SIGINT during a run: the first asks to stop after the files in hand, the second to stop now.

    A handler installed before (``watch``'s) is still called, so the watcher stops too.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[int, Any] = {}

    def handler(signum: int, frame: Any) -> None:
        if flags.stop:
            flags.abort = True
        flags.stop = True
        before = previous.get(signum)
        if callable(before) and before is not signal.default_int_handler:
            before(signum, frame)

    for sig in (signal.SIGTERM, signal.SIGINT):
        previous[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, before in previous.items():
            signal.signal(sig, before)


@contextmanager
def _store_file_lock(url: str, data_dir: Path) -> Iterator[None]:
    """A SQLite store outside the data folder gets a lock of its own: two data folders, one store, one run.

    (PostgreSQL has its advisory lock.) Only then may a run mark rows left ``running`` as interrupted.
    """
    path = store._sqlite_path(url)
    if path is None or path.parent.resolve() == data_dir.resolve():
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with run_lock(path.parent, path.name + ".lock"):
        yield


def run_batch(inbox: Path, store_url: Optional[str] = None, data_dir: Path = Path("data"),
              out_dir: Path = Path("out"), workers: Optional[int] = None, report: bool = True,
              units_csv: Optional[str | Path] = None, move: bool = True, min_age: float = 0.0,
              year: Optional[int] = None, limits: Optional[Limits] = None, cluster: Optional[str] = None,
              shared_inbox: Optional[Path] = None) -> RunResult:
    """Process every new or changed file of ``inbox``; see the module docstring for the guarantees.

    ``cluster``: a Dask scheduler's address (:mod:`pipeline.cluster`); ``shared_inbox``: the inbox as
    the cluster's workers mount it (else each file travels as bytes).
    """
    _ensure_info_logging()
    inbox = Path(inbox).absolute()
    data_dir = Path(data_dir).absolute()
    out_dir = Path(out_dir).absolute()
    if not inbox.is_dir():
        log.error("inbox %s is not a folder", shown(inbox))
        return RunResult(EXIT_FAILED)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.error("cannot create the data folder %s: %s", shown(data_dir), exc.strerror or exc)
        return RunResult(EXIT_FAILED)
    url = store_url or store.default_store_url(data_dir)
    flags = StopFlags()
    limits = limits or Limits.resolve()
    try:
        with _stop_on_signals(flags), run_lock(data_dir), _store_file_lock(url, data_dir), \
                _cluster(cluster, limits, inbox, shared_inbox) as executor:
            result = _Run(inbox, url, data_dir, out_dir, workers, move, min_age, limits, flags, executor).execute()
    except LockHeld as exc:
        log.error("%s", exc)
        return RunResult(EXIT_LOCKED)
    except store.StoreError as exc:
        log.error("%s%s", exc, _disk_hint(data_dir))
        return RunResult(EXIT_FAILED)
    except ClusterError as exc:
        log.error("%s; nothing was read or moved", exc)
        return RunResult(EXIT_FAILED)
    except OSError as exc:
        log.error("run failed: %s", exc)
        return RunResult(EXIT_FAILED)
    if report and result.exit_code != EXIT_FAILED and not flags.abort:
        _write_reports(url, out_dir, units_csv, result, year)
    return result


@contextmanager
def _cluster(address: Optional[str], limits: Limits, inbox: Path, shared: Optional[Path]) -> Iterator[Any]:
    """The cluster's executor for this run (connected and checked before any file moves), or None."""
    if not address:
        yield None
        return
    from .cluster import connect

    executor = connect(address, limits, inbox, Path(shared) if shared else None)
    try:
        yield executor
    finally:
        executor.shutdown()


def _write_reports(url: str, out_dir: Path, units_csv: Optional[str | Path], result: RunResult,
                   year: Optional[int] = None) -> None:
    try:
        from .outputs import write_reports
    except ImportError as exc:
        log.warning("reports not written: pipeline.outputs is not available (%s)", exc)
        return
    try:
        result.reports = write_reports(store_url=url, out_dir=out_dir, units_csv=Path(units_csv) if units_csv else None,
                                       year=year, if_changed=True)  # nothing committed, same day: nothing rewritten
        if not result.reports.rebuilt:
            log.info("reports up to date (store revision %s): nothing rewritten in %s", result.reports.revision,
                     shown(out_dir))
    except OSError as exc:  # disk full / folder not writable: the store is fine, the reports are not
        log.error("reports not written to %s: %s%s", out_dir, exc.strerror or exc, _disk_hint(out_dir))
        result.exit_code = EXIT_FAILED
    except Exception as exc:  # noqa: BLE001 - the store is fine; say so in one line and fail the nightly status
        log.error("writing the reports failed: %s", _one_line(exc))
        log.debug("writing the reports failed", exc_info=True)
        result.exit_code = EXIT_FAILED


# --------------------------------------------------------------------------- watch


def _snapshot(inbox: Path, exclude: list[Path]) -> dict[str, tuple[int, int]]:
    state: dict[str, tuple[int, int]] = {}
    for cand in scan_inbox(inbox, exclude, []):
        try:
            st = os.lstat(cand.path)
            state[cand.rel] = (st.st_size, st.st_mtime_ns)
        except OSError:
            pass
    return state


def watch(inbox: Path, store_url: Optional[str] = None, data_dir: Path = Path("data"), out_dir: Path = Path("out"),
          workers: Optional[int] = None, settle_seconds: float = 2.0, units_csv: Optional[str | Path] = None,
          stop: Optional[threading.Event] = None, move: bool = True, limits: Optional[Limits] = None,
          cluster: Optional[str] = None, shared_inbox: Optional[Path] = None) -> int:
    """Run the job at start and whenever files arrive, once the inbox has been quiet for ``settle`` s.

    Stops on SIGTERM/SIGINT (or when ``stop`` is set) and returns 0.
    """
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    _ensure_info_logging()
    inbox = Path(inbox).absolute()
    data_dir, out_dir = Path(data_dir).absolute(), Path(out_dir).absolute()
    if not inbox.is_dir():
        log.error("inbox %s is not a folder", inbox)
        return EXIT_FAILED
    stop = stop or threading.Event()
    dirty = threading.Event()
    dirty.set()
    ignored = [str(data_dir) + os.sep, str(out_dir) + os.sep]

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event: Any) -> None:
            if event.event_type not in ("created", "modified", "moved", "closed"):
                return
            where = getattr(event, "dest_path", "") or event.src_path
            where = os.fsdecode(where)
            if not where.startswith(str(inbox)) or any(where.startswith(p) for p in ignored):
                return
            dirty.set()

    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
    observer = Observer()
    observer.schedule(Handler(), str(inbox), recursive=True)
    observer.start()
    log.info("watching %s (settle %.1f s); stop with Ctrl-C", inbox, settle_seconds)
    exclude = [data_dir, out_dir]
    try:
        while not stop.is_set():
            if not dirty.wait(0.5):
                continue
            dirty.clear()
            before = _snapshot(inbox, exclude)
            while not stop.wait(settle_seconds):  # wait until nothing grows any more
                after = _snapshot(inbox, exclude)
                if after == before:
                    break
                before = after
            if stop.is_set() or not before:
                continue
            result = run_batch(inbox, store_url, data_dir, out_dir, workers, True, units_csv, move,
                               min_age=settle_seconds, limits=limits, cluster=cluster, shared_inbox=shared_inbox)
            if result.exit_code == EXIT_LOCKED:  # the nightly run is busy: try again shortly
                dirty.set()
                stop.wait(max(settle_seconds, 5.0))
            elif result.summary.get("deferred"):  # files still too fresh: look again after settling
                dirty.set()
    finally:
        observer.stop()
        observer.join(timeout=5)
    return EXIT_OK
