"""Tesseract inside this process, through its C library (libtesseract, via ctypes).

Why: the ``tesseract FILE stdout tsv`` command spends 0.07 s of every page starting and loading the
Vietnamese model, and its TSV writer another 0.11 s walking the page one letter at a time (measured
on 300 dpi A4 pages: 12 % on top of recognition itself). Here the model is loaded once per thread and
the words are read a word at a time. The result is built exactly as the command's TSV is (same rows,
numbers, confidences, text; ``tests/test_ocr.py`` compares the two on real pages), so nothing
downstream changes. Without the library (or with ``PIPELINE_OCR_ENGINE=cli``) the command is used.

One engine per page at a time: a TessBaseAPI is not thread-safe, and pages are read by a small thread
pool (the library releases the GIL while it recognizes, like a subprocess would). Idle engines are kept
for the next page (23 MB each, as many as pages were read at once) and deleted at exit, before the
library's own clean-up, which otherwise warns about the model still in use.
"""
from __future__ import annotations

import atexit
import ctypes
import ctypes.util
import os
import threading
from contextlib import contextmanager
import time
from functools import lru_cache
from typing import Any, Iterator, Optional

#: Page iterator levels (tesseract/publictypes.h): block, paragraph, text line, word.
_BLOCK, _PARA, _LINE, _WORD = 0, 1, 2, 3
_OEM_LSTM_ONLY = 1
_COLUMNS = ("level", "page_num", "block_num", "par_num", "line_num", "word_num",
            "left", "top", "width", "height", "conf", "text")

_idle: dict[tuple[str, int], list["_Engine"]] = {}
_idle_lock = threading.Lock()


@lru_cache(maxsize=1)
def _library() -> Optional[ctypes.CDLL]:
    """libtesseract with the functions we call typed, or None when it cannot be loaded."""
    if os.environ.get("PIPELINE_OCR_ENGINE", "").lower() == "cli" or os.environ.get("TESSERACT_CMD"):
        return None
    names = [n for n in ("libtesseract.so.5", ctypes.util.find_library("tesseract")) if n]
    lib = None
    for name in names:
        try:
            lib = ctypes.CDLL(name)
            break
        except OSError:
            continue
    if lib is None:
        return None
    v, i, s = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    pi = ctypes.POINTER(ctypes.c_int)
    try:
        for name, args, result in (
                ("TessBaseAPICreate", [], v), ("TessBaseAPIDelete", [v], None),
                ("TessBaseAPIInit2", [v, s, s, i], i), ("TessBaseAPISetVariable", [v, s, s], i),
                ("TessBaseAPISetPageSegMode", [v, i], None), ("TessBaseAPISetImage", [v, v, i, i, i, i], None),
                ("TessBaseAPIRecognize", [v, v], i), ("TessBaseAPIClear", [v], None),
                ("TessBaseAPIGetIterator", [v], v), ("TessResultIteratorDelete", [v], None),
                ("TessResultIteratorGetPageIterator", [v], v), ("TessResultIteratorNext", [v, i], i),
                ("TessResultIteratorGetUTF8Text", [v, i], v), ("TessResultIteratorConfidence", [v, i], ctypes.c_float),
                ("TessPageIteratorIsAtBeginningOf", [v, i], i), ("TessMonitorCreate", [], v),
                ("TessMonitorSetDeadlineMSecs", [v, i], None), ("TessMonitorDelete", [v], None),
                ("TessPageIteratorBoundingBox", [v, i, pi, pi, pi, pi], i), ("TessDeleteText", [v], None)):
            fn = getattr(lib, name)
            fn.argtypes, fn.restype = args, result
    except AttributeError:  # an older library without one of these calls
        return None
    return lib


def available() -> bool:
    return _library() is not None


class _Engine:
    """One initialised TessBaseAPI (model loaded) for one language, used by one thread at a time."""

    def __init__(self, lib: ctypes.CDLL, lang: str, dpi: int) -> None:
        self.lib, self.handle = lib, lib.TessBaseAPICreate()
        if lib.TessBaseAPIInit2(self.handle, None, lang.encode(), _OEM_LSTM_ONLY) != 0:
            lib.TessBaseAPIDelete(self.handle)
            raise RuntimeError(f"Tesseract cannot load the language data '{lang}'")
        lib.TessBaseAPISetVariable(self.handle, b"user_defined_dpi", str(dpi).encode())  # = --dpi

    def delete(self) -> None:
        self.lib.TessBaseAPIDelete(self.handle)


@contextmanager
def _engine(lang: str, dpi: int) -> Iterator[_Engine]:
    """An idle engine for this language, or a new one; back to the idle ones after use."""
    key = (lang, dpi)
    with _idle_lock:
        engine = _idle[key].pop() if _idle.get(key) else None
    if engine is None:
        engine = _Engine(_library(), lang, dpi)  # type: ignore[arg-type]
    try:
        yield engine
    finally:
        with _idle_lock:
            _idle.setdefault(key, []).append(engine)


@atexit.register
def _delete_engines() -> None:
    with _idle_lock:
        for engine in {id(e): e for engines in _idle.values() for e in engines}.values():  # each once
            engine.delete()
        _idle.clear()


def read_pages(images: list[Any], lang: str, psm: int, dpi: int, timeout: Optional[float]) -> dict[str, list[Any]]:
    """Each grey image (uint8 numpy array) read as one page; the columns the command's TSV gives.

    Several images give page_num 1, 2, … as the pages of a multi-page TIFF do.
    """
    import numpy as np

    out: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
    started = time.monotonic()
    with _engine(lang, dpi) as engine:
        lib, api = engine.lib, engine.handle
        for number, image in enumerate(images, start=1):
            pixels = np.ascontiguousarray(image, dtype=np.uint8)
            height, width = pixels.shape[:2]
            lib.TessBaseAPISetPageSegMode(api, psm)
            lib.TessBaseAPISetImage(api, pixels.ctypes.data, width, height, 1, width)
            # The deadline stops recognition part-way (the command was killed after ``timeout``).
            monitor = lib.TessMonitorCreate() if timeout else None
            try:
                if monitor:
                    left = timeout - (time.monotonic() - started)  # type: ignore[operator]
                    lib.TessMonitorSetDeadlineMSecs(monitor, max(1, int(1000 * left)))
                failed = lib.TessBaseAPIRecognize(api, monitor) != 0
                if timeout and time.monotonic() - started > timeout:
                    raise RuntimeError(f"Tesseract took longer than {timeout} s")
                if failed:
                    raise RuntimeError("Tesseract failed to recognize the page")
                _add_rows(lib, api, number, width, height, out)
            finally:
                lib.TessBaseAPIClear(api)
                if monitor:
                    lib.TessMonitorDelete(monitor)
    return out


def _add_rows(lib: ctypes.CDLL, api: int, page: int, width: int, height: int, out: dict[str, list[Any]]) -> None:
    """The TSV rows of one recognized page (tesseract's GetTSVText, word text taken whole)."""
    def row(level: int, numbers: tuple[int, int, int, int], box: tuple[int, int, int, int], conf: Any,
            text: str) -> None:
        for name, value in zip(_COLUMNS, (level, page, *numbers, *box, conf, text)):
            out[name].append(value)

    row(1, (0, 0, 0, 0), (0, 0, width, height), -1, "")
    it = lib.TessBaseAPIGetIterator(api)
    if not it:
        return
    try:
        pit = lib.TessResultIteratorGetPageIterator(it)
        coords = [ctypes.c_int() for _ in range(4)]
        refs = [ctypes.byref(c) for c in coords]

        def box(level: int) -> tuple[int, int, int, int]:
            lib.TessPageIteratorBoundingBox(pit, level, *refs)
            left, top, right, bottom = (c.value for c in coords)
            return left, top, right - left, bottom - top

        text_of, starts, conf_of, next_word = (lib.TessResultIteratorGetUTF8Text, lib.TessPageIteratorIsAtBeginningOf,
                                               lib.TessResultIteratorConfidence, lib.TessResultIteratorNext)
        block = par = line = word = 0
        while True:
            raw = text_of(it, _WORD)
            if raw:  # None: not a word (an image region) — the TSV skips it too
                text = ctypes.string_at(raw).decode("utf-8", "replace")
                lib.TessDeleteText(raw)
                if starts(pit, _LINE):  # a block or paragraph starts only where a line does
                    if starts(pit, _BLOCK):
                        block, par, line, word = block + 1, 0, 0, 0
                        row(2, (block, 0, 0, 0), box(_BLOCK), -1, "")
                    if starts(pit, _PARA):
                        par, line, word = par + 1, 0, 0
                        row(3, (block, par, 0, 0), box(_PARA), -1, "")
                    line, word = line + 1, 0
                    row(4, (block, par, line, 0), box(_LINE), -1, "")
                word += 1
                # The TSV prints the confidence with 6 decimals, and its reader keeps the whole part.
                conf = int(float(f"{conf_of(it, _WORD):.6f}"))
                row(5, (block, par, line, word), box(_WORD), conf, text)
            if not next_word(it, _WORD):
                break
    finally:
        lib.TessResultIteratorDelete(it)
