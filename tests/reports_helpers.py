"""Helpers for the review tests: real runs of `pipeline`, a reviewer answering the workbook with openpyxl."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Optional

from batch_helpers import REPO, run_cli

CORPUS = REPO / "corpus"
UNITS = REPO / "examples" / "units.csv"
XLSX = "tong-hop-dang-ky-mo-hinh.xlsx"
ICS = "lich-han-chot.ics"
HTML = "lich-han-chot.html"


def copy_corpus(inbox: Path, names: list[str]) -> None:
    inbox.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(CORPUS / name, inbox / name)


def run(tmp: Path, *extra: str, env: Optional[dict[str, str]] = None, units: bool = True) -> Any:
    args = ["run", "--inbox", str(tmp / "inbox"), "--data", str(tmp / "data"), "--out", str(tmp / "out"),
            "--workers", "2", *extra]
    if units:
        args += ["--units", str(UNITS)]
    return run_cli(args, cwd=tmp, env=env, timeout=400)


def header(ws: Any, first: str = "Mã") -> tuple[int, dict[str, int]]:
    """(row number, column of each header label) of a sheet's header row."""
    for row in ws.iter_rows(min_row=1, max_row=8):
        labels = {str(c.value): c.column for c in row if c.value is not None}
        if first in labels:
            return row[0].row, labels
    raise AssertionError(f"no header in {ws.title}")


def rows_by_id(ws: Any) -> dict[str, dict[str, Any]]:
    """Every data row of a sheet with a 'Mã' column, as {id: {header: value}}."""
    head, cols = header(ws)
    out = {}
    for r in range(head + 1, ws.max_row + 1):
        ident = ws.cell(row=r, column=cols["Mã"]).value
        if isinstance(ident, str) and len(ident) > 2 and ident[1] == "-":
            out[ident] = {label: ws.cell(row=r, column=c).value for label, c in cols.items()} | {"_row": r}
    return out


def review_sheet(wb: Any) -> Any:
    return wb["Cần kiểm tra"]


def answer(workbook: Path, target: Path, answers: dict[str, tuple[str, str]], done: list[str]) -> None:
    """What a reviewer does in Excel: fill 'Xác nhận' / 'Sửa thành' for some ids, 'x' in 'Đã hoàn thành'."""
    import openpyxl

    wb = openpyxl.load_workbook(workbook)
    ws = review_sheet(wb)
    head, cols = header(ws)
    confirm = next(c for label, c in cols.items() if label.startswith("Xác nhận"))
    rows = rows_by_id(ws)
    for review_id, (verdict, value) in answers.items():
        r = rows[review_id]["_row"]
        ws.cell(row=r, column=confirm).value = verdict or None
        ws.cell(row=r, column=cols["Sửa thành"]).value = value or None
    ws = wb["Hạn chót"]
    _, cols = header(ws)
    rows = rows_by_id(ws)
    for item in done:
        ws.cell(row=rows[item]["_row"], column=cols["Đã hoàn thành"]).value = "x"
    wb.save(target)


def calendar_events(path: Path) -> dict[str, Any]:
    from icalendar import Calendar

    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk() if e.name == "VEVENT"}
