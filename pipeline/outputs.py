"""The orchestrator of the reports: read the store once, build the model, write every output.

* ``tong-hop-dang-ky-mo-hinh.xlsx`` — the consolidated workbook (``reports/workbook.py``), including the
  review queue the reviewers answer in place;
* ``lich-han-chot.ics`` — the deadline calendar (``reports/calendar.py``);
* ``lich-han-chot.html`` — the readable, printable page (``reports/page.py``);
* ``exports/<table>.csv|.parquet`` — the store's tables for people and for tools (``reports/exports.py``).

The review queue is also written to the store's ``review_items`` table, so SQL users see what the
reviewers see. One broken output never costs the others.
"""
from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

from . import store
from .reports.calendar import write_calendar
from .reports.compliance import UnitsFileError
from .reports.exports import write_exports
from .reports.model import TABLES, Model, build_model
from .reports.page import write_html
from .reports.summary import ReportPaths
from .reports.workbook import write_workbook

log = logging.getLogger(__name__)

XLSX_NAME = "tong-hop-dang-ky-mo-hinh.xlsx"
ICS_NAME = "lich-han-chot.ics"
HTML_NAME = "lich-han-chot.html"
EXPORT_DIR = "exports"


class ReportError(Exception):
    """Some outputs could not be written (the others were); one-line reason."""


def load_model(store_url: str, units_csv: Optional[Path] = None, year: Optional[int] = None,
               today: Optional[date] = None) -> tuple[dict[str, list[dict[str, Any]]], Model]:
    """The store's tables (one query each) and the report model built from them."""
    tables = store.read_tables(store_url, TABLES + ("review_items", "runs"))
    try:
        model = build_model(tables, Path(units_csv) if units_csv else None, year=year, today=today)
    except UnitsFileError as exc:
        raise ReportError(str(exc)) from exc
    return tables, model


def write_reports(store_url: str, out_dir: Path, units_csv: Optional[Path] = None, today: Optional[date] = None,
                  year: Optional[int] = None) -> ReportPaths:
    """Write the workbook, calendar, HTML page and exports; return the paths written (and what they show).

    ``today`` (default: today in the office's time zone) sets the overdue marks; an unchanged store gives
    byte-identical files on the same day.
    """
    out_dir = Path(out_dir)
    tables, model = load_model(store_url, units_csv, year, today)
    for w in model.warnings:
        log.warning("%s", w)
    queue = model.review.store_rows()
    try:
        store.replace_review_items(store.store_engine(store_url), queue)
        tables["review_items"] = [dict(row, id=n) for n, row in enumerate(queue, start=1)]
    except Exception as exc:  # noqa: BLE001 - the files still get written; the table is a convenience
        log.warning("review_items not written to the store: %s", store._first_line(exc))
    steps: list[tuple[str, Callable[[], Any]]] = [
        (XLSX_NAME, lambda: [write_workbook(model, out_dir / XLSX_NAME)]),
        (ICS_NAME, lambda: [write_calendar(model, out_dir / ICS_NAME)]),
        (HTML_NAME, lambda: [write_html(model, out_dir / HTML_NAME, model.today)]),
        (EXPORT_DIR, lambda: write_exports(tables, model, out_dir / EXPORT_DIR)),
    ]
    paths = ReportPaths()
    failed: list[str] = []
    for name, step in steps:  # one broken output must not cost the reviewers the others
        try:
            paths.extend(step())
        except OSError:
            raise  # disk full / folder not writable: the same for every output, say it once
        except Exception as exc:  # noqa: BLE001 - reported in one line; the traceback only at debug level
            log.debug("writing %s failed", name, exc_info=True)
            failed.append(f"{name} ({type(exc).__name__}: {str(exc)[:120]})")
    written = {p.name for p in paths}
    paths.workbook = out_dir / XLSX_NAME if XLSX_NAME in written else None
    paths.calendar = out_dir / ICS_NAME if ICS_NAME in written else None
    paths.page = out_dir / HTML_NAME if HTML_NAME in written else None
    paths.review_open, paths.review_answered = len(model.review.open), len(model.review.answered)
    paths.orphans, paths.campaign = len(model.review.orphans), model.year
    paths.missing_units = model.submissions.count("missing")
    paths.late_units = model.submissions.count("late")
    paths.empty_files = [i.value for i in model.review.open if i.item_kind == "file" and i.doc is not None]
    if failed:
        raise ReportError("not written: " + "; ".join(failed))
    return paths
