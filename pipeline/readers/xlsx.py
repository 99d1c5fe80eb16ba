"""XLSX reader (openpyxl, read-only): every sheet as one Table, merged ranges as spans.

Why read-only plus our own merge scan: read-only mode streams rows (bounded memory) but does not
expose merged ranges, and a normal load of a sheet that declares a billion-row dimension would hang.
Merged ranges are read by scanning the sheet XML for ``<mergeCell ref=…>`` in chunks. The sheet's
``<dimension>`` is ignored (``reset_dimensions``): tools that write XLSX without Excel often leave a
stale one that understates the sheet, and read-only openpyxl would stop at it, silently losing rows.
We read the cells that exist. Rows are capped, and a long run of empty rows ends the sheet. Values are shown the way a Vietnamese clerk reads them: dates
``dd/mm/yyyy``, whole numbers without ``.0``, formulas by their cached value.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from pathlib import Path
from typing import Any

from ..legacy import fix_document as fix_legacy_fonts
from ..model import Cell, Document, Location, Table
from ..textnorm import display
from . import ReadError
from .ooxml import check_container

MAX_ROWS = int(os.environ.get("PIPELINE_XLSX_MAX_ROWS", 20000))
MAX_COLUMNS = 200
#: This many empty rows in a row end a sheet.
MAX_EMPTY_RUN = 500
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}\d{1,7}):([A-Za-z]{1,3}\d{1,7})"')
_REF = re.compile(r"([A-Za-z]+)(\d+)")


def read(path: Path, doc: Document) -> None:
    check_container(path, "xl/workbook.xml", "XLSX")
    import openpyxl

    # A file object, not the name: openpyxl refuses names without an Excel extension (clerks rename files).
    fh = open(path, "rb")
    try:
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
    except (KeyError, zipfile.BadZipFile) as exc:
        fh.close()
        raise ReadError(f"corrupt XLSX: {exc}", "corrupt") from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types on broken files
        fh.close()
        first = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise ReadError(f"corrupt XLSX: {first}", "corrupt") from None
    try:
        names = []
        for ws in wb.worksheets:
            names.append(ws.title)
            try:
                _read_sheet(path, wb, ws, doc)
            except ReadError:
                raise
            except Exception as exc:  # noqa: BLE001 - one bad sheet must not lose the others
                doc.warnings.append(f"sheet {ws.title!r} could not be read: {type(exc).__name__}: {str(exc)[:120]}")
        doc.metadata["sheets"] = names
        fix_legacy_fonts(doc)
    finally:
        wb.close()
        fh.close()


def _read_sheet(path: Path, wb: Any, ws: Any, doc: Document) -> None:
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()  # the cells that exist, not the ones <dimension> claims
    max_col = MAX_COLUMNS
    wide = False
    values: dict[int, dict[int, str]] = {}  # row -> column -> text
    empty_run = 0
    last_row = 0
    for r, row in enumerate(ws.iter_rows(min_row=1), start=1):
        if r > MAX_ROWS:
            doc.warnings.append(f"sheet {ws.title!r}: stopped after {MAX_ROWS} rows (row limit)")
            break
        if len(row) > MAX_COLUMNS:
            row, wide = row[:MAX_COLUMNS], True
        texts = {c: _format(cell.value, getattr(cell, "number_format", None))
                 for c, cell in enumerate(row, start=1) if cell.value is not None and cell.value != ""}
        texts = {c: t for c, t in texts.items() if t}
        if texts:
            values[r] = texts
            empty_run = 0
            last_row = r
        else:
            empty_run += 1
            if empty_run >= MAX_EMPTY_RUN:
                break
    if wide:
        doc.warnings.append(f"sheet {ws.title!r} has rows wider than {MAX_COLUMNS} columns: only the first "
                            f"{MAX_COLUMNS} were read")
    if not values:
        return
    merges = _merged_ranges(path, ws, last_row, max_col)
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in merges:
        r1 = min(r1, last_row)
        c1 = min(c1, max_col)
        if r1 < r0 or c1 < c0:
            continue
        spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        for rr in range(r0, r1 + 1):
            for cc in range(c0, c1 + 1):
                if (rr, cc) != (r0, c0):
                    covered.add((rr, cc))
    first_row = min(values)
    first_col = min(min(cols) for cols in values.values())
    index = len(doc.tables)
    rows: list[list[Cell]] = []
    for r in range(first_row, last_row + 1):
        row_cells: list[Cell] = []
        for c, text in sorted(values.get(r, {}).items()):
            if (r, c) in covered:
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            ri, ci = r - first_row, c - first_col
            row_cells.append(Cell(text, ri, ci, rowspan, colspan,
                                  Location(line=r, table=index, row=ri, column=ci, sheet=ws.title)))
        rows.append(row_cells)
    doc.blocks.append(Table(rows, Location(table=index, sheet=ws.title, line=first_row), index=index))


def _format(value: Any, number_format: str | None = None) -> str:
    """A cell value as the text a clerk sees."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and number_format and "%" in number_format:
        percent = value * 100
        return f"{int(round(percent))}%" if abs(percent - round(percent)) < 1e-9 else f"{percent:g}%"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.hour or value.minute or value.second:
            return value.strftime("%d/%m/%Y %H:%M")
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text.startswith("#") and text.upper() in ("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"):
        return ""
    return display(text)


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _merged_ranges(path: Path, ws: Any, last_row: int, max_col: int) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of each merged range, scanned from the sheet XML in chunks."""
    part = getattr(ws, "_worksheet_path", None)
    if not part:
        return []
    out: list[tuple[int, int, int, int]] = []
    try:
        with zipfile.ZipFile(path) as zf, zf.open(part.lstrip("/")) as fh:
            tail = b""
            while True:
                chunk = fh.read(1 << 20)
                if not chunk:
                    break
                data = tail + chunk
                last_end = 0
                for m in _MERGE.finditer(data):
                    a = _REF.fullmatch(m.group(1).decode())
                    b = _REF.fullmatch(m.group(2).decode())
                    if a and b:
                        r0, c0 = int(a.group(2)), _col_number(a.group(1))
                        r1, c1 = int(b.group(2)), _col_number(b.group(1))
                        if r0 <= last_row and c0 <= max_col and len(out) < 100000:
                            out.append((min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)))
                    last_end = m.end()
                tail = data[max(last_end, len(data) - 512):]
    except (KeyError, zipfile.BadZipFile, OSError):
        return []
    return out
