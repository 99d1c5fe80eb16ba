"""The orchestrator of the reports: read the store once, build the model, write every output.

* ``tong-hop-dang-ky-mo-hinh.xlsx`` — the consolidated workbook (``reports/workbook.py``), including the
  review queue the reviewers answer in place;
* ``lich-han-chot.ics`` — the deadline calendar (``reports/calendar.py``);
* ``lich-han-chot.html`` — the readable, printable page (``reports/page.py``);
* ``exports/<table>.csv|.parquet`` — the store's tables for people and for tools (``reports/exports.py``).

The review queue is also written to the store's ``review_items`` table, so SQL users see what the
reviewers see. One broken output never costs the others.

**Reports that are up to date are not written again** (``pipeline run`` and ``watch``; ``pipeline
report`` always writes). ``out/.built-from.json`` records what the outputs were built from: the store
(its id and revision, see ``store.store_state``), the code, ``units.csv``'s content, ``--year``, the time
zone, every file written (size and modification time) and the office-local day they were built on,
with the last day they stay true. A run rebuilds when any of these differ: a commit (new, changed or
quarantined file, answers, done marks), a missing or edited output, another units list or year — or a
day that changes what the status columns say. "Today" is the office's day (``PIPELINE_TIMEZONE``); the
*Tình trạng* of a deadline counts days ("Còn 3 ngày", "Quá hạn 2 ngày"), so outputs holding an open dated
deadline or an upcoming milestone are true for the day they were built on only; an ongoing milestone
turns "Đã kết thúc" the day after it ends; the page marks the current month. Outputs with none of these
(every deadline done or undated, every milestone over) stay true until the month ends. The record is
removed before writing and written last, so an interrupted build is rebuilt by the next run. The runs
export (``exports/runs.*``) lists the runs up to the last build; every run is in the store and in its
own ``run-*.json``.
"""
from __future__ import annotations

import calendar as _calendar
import functools
import hashlib
import json
import logging
import os
from datetime import date, timedelta
from pathlib import Path
from importlib import import_module
from typing import TYPE_CHECKING, Any, Callable, Optional

from . import store
from .reports.summary import ReportPaths
from .reports.text import local_today

if TYPE_CHECKING:
    from .reports.model import Model

#: The report builders, imported when first used: a run whose outputs are up to date never needs them
#: (importing them was an eighth of such a run's time).
_BUILDERS = {"write_calendar": "calendar", "UnitsFileError": "compliance", "write_exports": "exports",
             "TABLES": "model", "Model": "model", "build_model": "model", "write_html": "page",
             "item_status": "workbook", "write_workbook": "workbook"}


def __getattr__(name: str) -> Any:  # ``outputs.TABLES``, ``from pipeline.outputs import write_html`` as before
    if name in _BUILDERS:
        return getattr(import_module(f".reports.{_BUILDERS[name]}", __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _builder(name: str) -> Any:
    """A report builder: the module's own name when one was set on it (tests put a broken writer there)."""
    return globals()[name] if name in globals() else __getattr__(name)

log = logging.getLogger(__name__)

XLSX_NAME = "tong-hop-dang-ky-mo-hinh.xlsx"
ICS_NAME = "lich-han-chot.ics"
HTML_NAME = "lich-han-chot.html"
EXPORT_DIR = "exports"
STAMP_NAME = ".built-from.json"  # what the outputs in the folder were built from (see the module docstring)


class ReportError(Exception):
    """Some outputs could not be written (the others were); one-line reason."""


def load_model(store_url: str, units_csv: Optional[Path] = None, year: Optional[int] = None,
               today: Optional[date] = None) -> tuple[dict[str, list[dict[str, Any]]], Model]:
    """The store's tables (one query each) and the report model built from them."""
    TABLES, build_model, UnitsFileError = (_builder(n) for n in ("TABLES", "build_model", "UnitsFileError"))
    tables = store.read_tables(store_url, TABLES + ("review_items", "runs", "store_state"))
    try:
        model = build_model(tables, Path(units_csv) if units_csv else None, year=year, today=today)
    except UnitsFileError as exc:
        raise ReportError(str(exc)) from exc
    return tables, model


def write_reports(store_url: str, out_dir: Path, units_csv: Optional[Path] = None, today: Optional[date] = None,
                  year: Optional[int] = None, if_changed: bool = False) -> ReportPaths:
    """Write the workbook, calendar, HTML page and exports; return the paths written (and what they show).

    ``today`` (default: today in the office's time zone) sets the overdue marks; an unchanged store gives
    byte-identical files on the same day. ``if_changed``: leave outputs that are up to date as they are
    (see the module docstring) and return what they show, from their record.
    """
    out_dir = Path(out_dir)
    today = today or local_today()
    if if_changed:
        kept = up_to_date(store_url, out_dir, units_csv, year, today)
        if kept is not None:
            return kept
    write_workbook, write_calendar, write_html, write_exports = (
        _builder(n) for n in ("write_workbook", "write_calendar", "write_html", "write_exports"))
    forget_stamp(out_dir)  # from here until the stamp is written again, the folder is "being built"
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
    _write_stamp(out_dir, paths, _inputs(store_url, units_csv, year, tables), today, valid_through(model, today),
                 model.warnings)
    return paths


# --------------------------------------------------------------------------- up to date?


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """The code that builds the outputs (the whole package: reports, model, labels, lexicon, templates)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files = sorted([*root.rglob("*.py"), *root.glob("templates/*"), *root.glob("lexicon/*.txt")])
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def _units_digest(units_csv: Optional[Path]) -> Optional[str]:
    if units_csv is None:
        return None
    try:
        return hashlib.sha256(Path(units_csv).read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


def _inputs(store_url: str, units_csv: Optional[Path], year: Optional[int],
            tables: Optional[dict[str, list[dict[str, Any]]]] = None) -> dict[str, Any]:
    """Everything the outputs depend on besides the day. ``tables``: the store as read for this build
    (its revision read in the same transaction as the rows); else the store's revision now."""
    if tables is not None:
        state = (tables.get("store_state") or [{}])[0]
        store_id, revision = str(state.get("store_id") or ""), int(state.get("revision") or 0)
    else:
        store_id, revision = store.revision(store.store_engine(store_url))
    return {"store": store_id, "revision": revision, "schema": store.SCHEMA_REVISION, "code": code_fingerprint(),
            "units": _units_digest(units_csv), "year": year, "timezone": os.environ.get("PIPELINE_TIMEZONE") or ""}


def valid_through(model: Model, today: date) -> date:
    """The last day the outputs built ``today`` still say what is true (see the module docstring)."""
    item_status = _builder("item_status")
    last = today.replace(day=_calendar.monthrange(today.year, today.month)[1])  # the page marks this month
    for item in model.items:
        code, _ = item_status(item, today)
        if code in ("overdue", "soon", "upcoming"):
            return today  # "Còn N ngày" / "Quá hạn N ngày" change every day
        if code == "ongoing":
            last = min(last, item.end or item.start or today)  # "Đã kết thúc" the day after
    return max(today, last)


def forget_stamp(out_dir: Path) -> None:
    """The folder's outputs are about to change: until a build finishes, they are not known to be up to date."""
    try:
        (Path(out_dir) / STAMP_NAME).unlink()
    except FileNotFoundError:
        pass


def _file_facts(out_dir: Path, paths: list[Path]) -> dict[str, list[int]]:
    facts = {}
    for p in paths:
        st = os.stat(p)
        facts[Path(p).relative_to(out_dir).as_posix()] = [st.st_size, st.st_mtime_ns]
    return facts


def _write_stamp(out_dir: Path, paths: ReportPaths, inputs: dict[str, Any], today: date, through: date,
                 warnings: list[str]) -> None:
    from .atomic import atomic_write

    record = {**inputs, "built_on": today.isoformat(), "valid_through": through.isoformat(),
              "outputs": _file_facts(out_dir, list(paths)), "warnings": list(warnings),
              "shows": {"review_open": paths.review_open, "review_answered": paths.review_answered,
                        "orphans": paths.orphans, "campaign": paths.campaign, "missing_units": paths.missing_units,
                        "late_units": paths.late_units, "empty_files": list(paths.empty_files),
                        "workbook": paths.workbook is not None, "calendar": paths.calendar is not None,
                        "page": paths.page is not None}}
    atomic_write(out_dir / STAMP_NAME, lambda tmp: tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                                                  encoding="utf-8"))


def up_to_date(store_url: str, out_dir: Path, units_csv: Optional[Path], year: Optional[int],
               today: date) -> Optional[ReportPaths]:
    """What the outputs in ``out_dir`` show, when they are up to date; None when they must be built."""
    out_dir = Path(out_dir)
    try:
        record = json.loads((out_dir / STAMP_NAME).read_text(encoding="utf-8"))
        if not record["built_on"] <= today.isoformat() <= record["valid_through"]:
            return None
        for name, (size, mtime_ns) in record["outputs"].items():
            st = os.stat(out_dir / name)
            if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
                return None
        inputs = _inputs(store_url, units_csv, year)
        if any(record.get(key) != value for key, value in inputs.items()):
            return None
        shows = record["shows"]
    except (OSError, ValueError, KeyError, TypeError, store.StoreError):
        return None  # no record, a damaged one, a missing output, an unreadable store: build (and say why there)
    paths = ReportPaths(out_dir / name for name in record["outputs"])
    paths.workbook = out_dir / XLSX_NAME if shows.get("workbook") else None
    paths.calendar = out_dir / ICS_NAME if shows.get("calendar") else None
    paths.page = out_dir / HTML_NAME if shows.get("page") else None
    for key in ("review_open", "review_answered", "orphans", "campaign", "missing_units", "late_units"):
        setattr(paths, key, shows.get(key))
    paths.empty_files = list(shows.get("empty_files") or [])
    paths.rebuilt = False
    paths.revision = record["revision"]
    for w in record.get("warnings") or []:
        log.warning("%s", w)
    log.debug("reports in %s up to date (store revision %s, built %s)", out_dir, record["revision"],
              record["built_on"])
    return paths
