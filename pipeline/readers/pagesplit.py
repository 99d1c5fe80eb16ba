"""Scans split per page: one task per OCR page, the pages put back in order by a last task.

Why here and why so small: OCR (1–2 s per page and core) is what makes one scanned file hold one
worker for minutes. The batch (:mod:`pipeline.tasks`) reads such a file in three kinds of task —
a *probe* that stops as soon as OCR of two or more pages is about to start, one *page* task per
page, and an *assemble* task that reads the file again with the page results given — while the
readers stay exactly as they are: :func:`pipeline.readers.ocr.ocr_pages`, which every OCR of
several pages goes through, asks :func:`current` for a plan and lets it decide. Assembling goes
through the same reader code as a whole read, so the Document (and every row) is the same.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, Optional


class SplitPages(BaseException):
    """Raised by a probe: these pages need OCR; read them one task each.

    A BaseException so that no reader's ``except Exception`` turns it into "cannot read this file".
    """

    def __init__(self, pages: list[int]) -> None:
        super().__init__(f"{len(pages)} pages to OCR")
        self.pages = pages


class Plan:
    """``probe`` (``min_pages``), ``page`` (OCR only ``page``, keep its result) or ``assemble`` (``results``)."""

    def __init__(self, mode: str, *, min_pages: int = 2, page: int = 0,
                 results: Optional[dict[int, Any]] = None) -> None:
        self.mode, self.min_pages, self.page = mode, min_pages, page
        self.results: dict[int, Any] = dict(results or {})

    def run(self, sources: Iterable[tuple[int, Callable[[], Any]]],
            ocr: Callable[[list[tuple[int, Callable[[], Any]]]], Iterator[Any]]) -> Iterator[Any]:
        """Stand in for ``ocr_pages(sources)``; ``ocr`` is the real thing (the plan is off while it runs)."""
        global _active
        _active = None
        try:
            if self.mode == "probe":
                listed = list(sources)  # nothing is loaded or rendered yet
                if len(listed) >= self.min_pages:
                    raise SplitPages([page for page, _ in listed])
                yield from ocr(listed)
            elif self.mode == "page":
                for result in ocr([(p, load) for p, load in sources if p == self.page]):
                    self.results[result.page] = result
                    yield result
            else:
                for page, load in sources:  # in the reader's order; a page not given is read here
                    if page in self.results:
                        yield self.results[page]
                    else:
                        yield from ocr([(page, load)])
        finally:
            _active = self


_active: Optional[Plan] = None


def current() -> Optional[Plan]:
    return _active


@contextmanager
def planned(plan: Plan) -> Iterator[Plan]:
    """Read under ``plan`` (one task at a time per process: worker processes read one file each)."""
    global _active
    before, _active = _active, plan
    try:
        yield plan
    finally:
        _active = before
