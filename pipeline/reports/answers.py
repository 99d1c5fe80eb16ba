"""Reading a reviewer's answers back from our own workbook (dropped into the inbox, or ``pipeline review apply``).

Our workbook is recognised by its custom document property ``pipeline-workbook`` (or its very hidden
``_pipeline`` sheet), never by its name, and is read as answers — not as a registration form. Only cells
the reviewer changed count: the hidden sheet records what each *Xác nhận* / *Sửa thành* / *Đã hoàn thành*
cell showed when the workbook was written, so an old workbook dropped late cannot undo newer answers it
never touched, and dropping the same workbook twice adds nothing. Rows are found by their *Mã* (stable
id) cell, so sorting or filtering the sheet does not matter.
"""
from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional

from ..normalize import ITEM_PREFIX
from ..store import Answers
from .labels import NO_WORDS, YES_WORDS
from .text import dmy, fold, shown
from .workbook import (CONFIRM_HEADER, CORRECT_HEADER, DEADLINE_SHEET, DONE_HEADER, ID_HEADER, MARKER_PROPERTY,
                       MARKER_SHEET, REVIEW_SHEET)

KIND_OF_PREFIX = {v: k for k, v in ITEM_PREFIX.items()}


class NotOurWorkbook(Exception):
    """The file is not a workbook this program wrote (or lost its marks)."""


def is_answer_workbook(path: Path) -> bool:
    """Cheap test on the zip: our custom property, or our hidden sheet's name. Never raises."""
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            for part in ("docProps/custom.xml", "xl/workbook.xml"):
                if part in names and zf.getinfo(part).file_size < 2_000_000:
                    data = zf.read(part)
                    if MARKER_PROPERTY.encode() in data or f'name="{MARKER_SHEET}"'.encode() in data:
                        return True
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return False
    return False


def _cell(value: Any) -> str:
    """A cell as text; a date Excel made of "05/03/2024" goes back to dd/mm/yyyy, a typed 2023 to "2023"."""
    if isinstance(value, datetime):
        return dmy(value.date())
    if isinstance(value, date):
        return dmy(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return shown(value)


def _state(answer: str, correction: str) -> tuple[str, str]:
    """(verdict, value) the two answer cells mean; ("unknown", text) for words we do not understand."""
    if correction:
        return "corrected", correction
    word = fold(answer)
    if not word:
        return "open", ""
    if word in YES_WORDS or answer.strip() in YES_WORDS:
        return "confirmed", ""
    if word in NO_WORDS or answer.strip() in NO_WORDS:
        return "rejected", ""
    return "unknown", answer


def _done(mark: str) -> bool:
    word = fold(mark)
    return bool(word) and word not in NO_WORDS


def _find_header(rows: list[tuple[Any, ...]], first: str, second: str) -> Optional[tuple[int, dict[str, int]]]:
    for n, row in enumerate(rows[:10]):
        texts = [_cell(v) for v in row]
        if first in texts and any(t.startswith(second) for t in texts):
            return n, {t: i for i, t in enumerate(texts) if t}
    return None


def read_answers(path: Path, source: str) -> tuple[Answers, list[str]]:
    """The answers a workbook holds, and notes (English, for the log) on cells that could not be read."""
    import openpyxl

    if not is_answer_workbook(path):
        raise NotOurWorkbook(f"{source}: not a workbook written by pipeline (no '{MARKER_PROPERTY}' mark)")
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    notes: list[str] = []
    try:
        sheets = {ws.title: ws for ws in wb.worksheets}
        shown_review: dict[str, tuple[str, str]] = {}
        shown_done: dict[str, bool] = {}
        marker = sheets.get(MARKER_SHEET)
        if marker is not None:
            for row in marker.iter_rows(min_row=3, values_only=True):
                cells = [_cell(v) for v in (tuple(row) + ("", "", "", ""))[:4]]
                if cells[1] == "review" and cells[0]:
                    shown_review[cells[0]] = (cells[2], cells[3])
                elif cells[1] == "done" and cells[0]:
                    shown_done[cells[0]] = _done(cells[2])
        else:
            notes.append(f"{source}: the hidden '{MARKER_SHEET}' sheet is missing; every filled answer cell is "
                         "taken as an answer")
        corrections: list[dict[str, Any]] = []
        review = sheets.get(REVIEW_SHEET)
        if review is not None:
            rows = list(review.iter_rows(values_only=True))
            found = _find_header(rows, ID_HEADER, CONFIRM_HEADER.split(" (")[0])
            if found is None:
                notes.append(f"{source}: sheet '{REVIEW_SHEET}' has no '{ID_HEADER}'/'Xác nhận' header; skipped")
            else:
                head, cols = found
                c_id = cols[ID_HEADER]
                c_ok = next(i for t, i in cols.items() if t.startswith(CONFIRM_HEADER.split(" (")[0]))
                c_fix = cols.get(CORRECT_HEADER)
                value_col = cols.get("Giá trị đọc được")
                for n, row in enumerate(rows[head + 1:], start=head + 2):
                    row = tuple(row) + ("",) * 20
                    review_id = _cell(row[c_id])
                    if not review_id or review_id[:2] not in {f"{p}-" for p in KIND_OF_PREFIX}:
                        continue
                    now = _state(_cell(row[c_ok]), _cell(row[c_fix]) if c_fix is not None else "")
                    before = _state(*shown_review.get(review_id, ("", "")))
                    if now[0] == "unknown":
                        notes.append(f"{source}: row {n} ({review_id}): '{now[1]}' in 'Xác nhận' is neither "
                                     "'đúng' nor 'sai'; ignored")
                        continue
                    if now == before:
                        continue
                    if now[0] == "open" and review_id not in shown_review:
                        continue
                    corrections.append({"item_id": review_id, "verdict": now[0], "value": now[1] or None,
                                        "shown": _cell(row[value_col]) if value_col is not None else None,
                                        "item_kind": KIND_OF_PREFIX.get(review_id[0])})
        done: list[dict[str, Any]] = []
        deadlines = sheets.get(DEADLINE_SHEET)
        if deadlines is not None:
            rows = list(deadlines.iter_rows(values_only=True))
            found = _find_header(rows, ID_HEADER, DONE_HEADER)
            if found is not None:
                head, cols = found
                c_id, c_done = cols[ID_HEADER], cols[DONE_HEADER]
                for row in rows[head + 1:]:
                    row = tuple(row) + ("",) * 20
                    item = _cell(row[c_id])
                    if not item.startswith(f"{ITEM_PREFIX['deadline']}-"):
                        continue
                    mark = _done(_cell(row[c_done]))
                    if mark != shown_done.get(item, False):
                        done.append({"item_id": item, "done": mark})
    finally:
        wb.close()
    return Answers(corrections, done, Path(source).name), notes


# --------------------------------------------------------------------------- answers given on the command line


class AnswerError(Exception):
    """Answers that cannot be taken (not our workbook, an unknown id, a damaged file); one-line reason."""


def apply_workbook(url: str, path: Path) -> tuple[dict[str, int], list[str]]:
    """``pipeline review apply``: the answers of one workbook into the store (counts added, notes for the log)."""
    from ..store import record_answers, store_engine

    try:
        answers, notes = read_answers(path, str(path))
    except NotOurWorkbook as exc:
        raise AnswerError(str(exc)) from exc
    except OSError as exc:
        raise AnswerError(f"{path}: {exc.strerror or exc}") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged workbook: one line
        raise AnswerError(f"{path}: cannot read the answers ({type(exc).__name__}: {exc})") from exc
    return record_answers(store_engine(url), answers), notes


def mark_done(url: str, ids: list[str], done: bool = True) -> dict[str, int]:
    """``pipeline done``: deadlines marked done (or not) by id, typed in any case; unknown ids are refused."""
    from ..store import Answers, read_tables, record_answers, store_engine

    wanted = [i.strip()[:1].upper() + i.strip()[1:].lower() for i in ids]
    known = {r["item_id"] for r in read_tables(url, ["deadlines"])["deadlines"]}
    unknown = [i for i in wanted if i not in known]
    if unknown:
        raise AnswerError(f"no deadline with id {', '.join(unknown)} (ids are in the 'Mã' column of the "
                          "'Hạn chót' sheet)")
    return record_answers(store_engine(url), Answers([], [{"item_id": i, "done": done} for i in wanted],
                                                     "pipeline done"))
