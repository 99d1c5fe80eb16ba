"""What a worker does with one file, and how the coordinator hands the files of a run out.

Every task takes the file's path as its first argument and returns a result tuple
``(status, payload, kind)``; it runs in a bounded worker process (:mod:`pipeline.workers`), on
this machine or on a Dask worker (:mod:`pipeline.cluster`, where the path becomes the file's bytes
or its path under a shared folder). Only the coordinator writes the store and moves files.

* :func:`read_file` — the whole file: ``("ok", rows, "")`` (rows = :func:`pipeline.normalize.record_rows`),
  ``("quarantine", detail, kind)``, ``("limits", what, "limits")``, ``("changed", …)`` — or
  ``("split", {"format", "pages"}, "")`` when a scan has ``split_min`` or more pages to OCR.
* :func:`read_page` — OCR of one page of such a scan: ``("page", PageResult, "")``.
* :func:`assemble` — the whole file again with its OCRed pages given, in the reader's page order:
  the same Document as one whole read, so the same rows.

Test hooks (environment): ``PIPELINE_TEST_SLOW_SECONDS`` makes each task sleep first;
``PIPELINE_TEST_CRASH_NAME=x`` SIGKILLs the worker reading a file whose name ends in x;
``PIPELINE_TEST_HANG_NAME=x`` / ``PIPELINE_TEST_HOG_NAME=x`` make it hang / allocate without end;
``PIPELINE_TEST_KILL_PARENT_NAME=x`` SIGKILLs the process the worker belongs to (a Dask worker, or
the run itself when local) — a machine lost under the task. This module is imported by every worker: keep it light (readers load lazily).
"""
from __future__ import annotations

import concurrent.futures as cf
import logging
import os
import signal
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from .names import shown
from .workers import Dispatcher, Result, StopFlags, Step, Task

log = logging.getLogger(__name__)

#: Scans with at least this many pages to OCR are read one page per task (0: never split).
DEFAULT_SPLIT_PAGES = 2


def split_pages() -> int:
    """``PIPELINE_SPLIT_PAGES`` or the default."""
    try:
        return max(0, int(os.environ.get("PIPELINE_SPLIT_PAGES", DEFAULT_SPLIT_PAGES)))
    except ValueError:
        return DEFAULT_SPLIT_PAGES


# --------------------------------------------------------------------------- in the worker

_WARM_UP_TEXT = """UBND PHƯỜNG AN HÒA
Số: 1/KH-UBND
An Hòa, ngày 02 tháng 01 năm 2025

KẾ HOẠCH
Triển khai phong trào thi đua

Căn cứ Kế hoạch số 12-KH/ĐU ngày 02/01/2025 của Đảng ủy phường.
Các tổ dân phố gửi báo cáo kết quả về UBND phường trước ngày 15/4/2025.
Mỗi tổ đăng ký ít nhất 01 mô hình.
"""


def warm_up() -> None:
    """Run in each fresh worker before its first file: load the readers, the lexicon and the language
    models once (1–2 s), so a file's time limit measures reading that file, not the imports."""
    import importlib
    import tempfile

    for name in ("pdf", "docx", "xlsx", "text", "image", "ocr"):
        try:
            importlib.import_module(f"pipeline.readers.{name}")
        except ImportError:
            pass
    from .files import extract_file
    from .normalize import record_rows

    with tempfile.TemporaryDirectory(prefix="pipeline-warm-") as folder:
        path = Path(folder, "ke-hoach.txt")
        path.write_text(_WARM_UP_TEXT, encoding="utf-8")
        record_rows(extract_file(path))



def _test_hooks(display: str) -> None:
    """Misbehaving readers on demand, for the tests of the worker limits (see the module docstring)."""
    slow = os.environ.get("PIPELINE_TEST_SLOW_SECONDS")
    if slow:
        time.sleep(float(slow))
    if os.environ.get("PIPELINE_TEST_CRASH_NAME") and display.endswith(os.environ["PIPELINE_TEST_CRASH_NAME"]):
        os.kill(os.getpid(), signal.SIGKILL)  # a reader that takes its process down
    if os.environ.get("PIPELINE_TEST_KILL_PARENT_NAME") and \
            display.endswith(os.environ["PIPELINE_TEST_KILL_PARENT_NAME"]):
        os.kill(os.getppid(), signal.SIGKILL)  # the worker dies with it (PR_SET_PDEATHSIG)
        time.sleep(60)
    if os.environ.get("PIPELINE_TEST_HANG_NAME") and display.endswith(os.environ["PIPELINE_TEST_HANG_NAME"]):
        while True:  # a reader stuck in a loop
            time.sleep(1)
    if os.environ.get("PIPELINE_TEST_HOG_NAME") and display.endswith(os.environ["PIPELINE_TEST_HOG_NAME"]):
        hoard = []
        while True:  # a reader that never stops allocating (touched, so it is real memory)
            hoard.append(bytearray(32 * 1024 * 1024))


def _read(path: str, display: str, sha256: str, plan: Any = None) -> Result:
    """Read and extract under ``plan`` (see :mod:`pipeline.readers.pagesplit`). Never raises
    (MemoryError and SplitPages aside: the worker and :func:`read_file` handle them)."""
    _test_hooks(display)
    try:
        from .files import extract_file
        from .readers import ReadError
        from .readers.pagesplit import planned
    except Exception as exc:  # noqa: BLE001 - a broken install must not look like a bad file
        return ("error", f"extraction stack failed to import: {type(exc).__name__}: {exc}", "internal")
    try:
        if plan is None:
            record = extract_file(path, display_path=display)
        else:
            with planned(plan):
                record = extract_file(path, display_path=display)
    except ReadError as exc:
        if exc.kind == "memory":
            return ("limits", "memory", "limits")
        return ("quarantine", exc.reason, exc.kind)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001
        return ("quarantine", f"internal error while reading ({type(exc).__name__}: {str(exc)[:200]}); "
                              "please report this file", "internal")
    if record.document.sha256 != sha256:
        return ("changed", "file changed while it was being read; it will be read next run", "changed")
    try:
        from .normalize import record_rows
        return ("ok", record_rows(record), "")
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001
        return ("quarantine", f"internal error while normalizing ({type(exc).__name__}: {str(exc)[:200]}); "
                              "please report this file", "internal")


def read_file(path: str, display: str, sha256: str, split_min: int = 0) -> Result:
    """The whole file — or ``("split", …)`` when OCR of ``split_min`` or more pages is about to start."""
    if not split_min:
        return _read(path, display, sha256)
    from .readers.pagesplit import Plan, SplitPages

    try:
        return _read(path, display, sha256, Plan("probe", min_pages=split_min))
    except SplitPages as split:
        from .readers import sniff

        return ("split", {"format": sniff(Path(path)), "pages": split.pages}, "")


def read_page(path: str, display: str, sha256: str, fmt: str, page: int) -> Result:
    """OCR of one page of a split scan (the page is rendered or decoded exactly as a whole read does)."""
    _test_hooks(display)
    from .model import Document
    from .readers import ReadError
    from .readers.pagesplit import Plan, planned

    doc = Document(path=display, sha256=sha256, format=fmt)
    plan = Plan("page", page=page)
    try:
        with planned(plan):
            if fmt == "pdf":
                from .readers.ocr import ocr_pdf_pages

                doc.metadata["pages_without_text"] = [page]
                ocr_pdf_pages(Path(path), doc)
            else:
                from .readers import image

                image.read(Path(path), doc)
    except ReadError as exc:
        return ("quarantine", f"page {page}: {exc.reason}", exc.kind)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001
        return ("quarantine", f"internal error while reading page {page} ({type(exc).__name__}: "
                              f"{str(exc)[:200]}); please report this file", "internal")
    if page not in plan.results:  # OCR did not run here (Tesseract missing on this worker)
        return ("error", f"page {page} of {display} could not be OCRed on this worker: "
                         f"{'; '.join(doc.warnings) or 'no result'}", "internal")
    return ("page", plan.results[page], "")


def assemble(path: str, display: str, sha256: str, pages: dict[int, Any]) -> Result:
    """The whole file, its OCR pages taken from ``pages`` (page number -> PageResult)."""
    from .readers.pagesplit import Plan

    return _read(path, display, sha256, Plan("assemble", results=pages))


# --------------------------------------------------------------------------- in the coordinator


def extract_all(executor: cf.Executor, files: Iterable[Any], args_of: Callable[[Any], tuple[str, str, str]],
                flags: Optional[StopFlags] = None, on_stop: Optional[Callable[[], Any]] = None,
                split_min: Optional[int] = None) -> Iterator[tuple[Any, Result]]:
    """Yield ``(file, result)`` for every file read to its end; ``args_of(file)`` = (path, display, sha256).

    A scan to split comes back as ``split``: its pages go out as tasks of their own (before any new
    file), then one :func:`assemble` task puts them together. A page over the limits, or whose worker
    died twice, ends the file with that result.
    """
    split_min = split_pages() if split_min is None else split_min
    collected: dict[int, dict[str, Any]] = {}

    def start(item: Any) -> list[Task[Any]]:
        return [Task(item, read_file, (*args_of(item), split_min), tag="file")]

    def step(task: Task[Any], result: Result) -> Step:
        path, display, sha256 = task.args[:3]
        status = result[0]
        if task.tag == "file" and status == "split":
            fmt, pages = result[1]["format"], list(result[1]["pages"])
            log.info("%s: %d pages to OCR, one task each", shown(display), len(pages))
            collected[task.key] = {"pages": pages, "got": {}}
            return Step(more=[Task(task.job, read_page, (path, display, sha256, fmt, p), tag=("page", p))
                              for p in pages])
        if isinstance(task.tag, tuple) and status == "page":
            state = collected[task.key]
            state["got"][task.tag[1]] = result[1]
            if len(state["got"]) < len(state["pages"]):
                return Step()
            got = collected.pop(task.key)["got"]
            return Step(more=[Task(task.job, assemble, (path, display, sha256, got), tag="assemble")])
        collected.pop(task.key, None)
        return Step(done=result)

    yield from Dispatcher(executor, flags, on_stop).run(files, start, step)
