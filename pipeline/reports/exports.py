"""Tables for people and for tools: CSV, XLSX and Parquet exports of the store.

For people (the default): Vietnamese column headers (from the store's schema) and labels instead of
codes, current rows only (not replaced, not answered *sai*; ``--all`` for every row), reviewers'
corrections applied, dates as dd/mm/yyyy and times in the office's time zone, integers as integers,
empty cells instead of ``NaN``, and no cell that Excel would run: a text starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe in CSV, and XLSX is written with the
workbook's writer settings (strings never become formulas). For tools (``--raw``): the stored codes
and values exactly, every row; raw CSV is data, not meant to be opened in Excel as is.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Optional

from .. import store
from ..atomic import atomic_write
from .labels import VALUE_LABEL_TABLES, VALUE_LABELS
from .model import Model
from .text import INVISIBLE, as_local, blank, dmy, as_date

log = logging.getLogger(__name__)

FORMATS = ("csv", "parquet", "xlsx")
#: Columns never worth a person's screen (the full extraction record is for re-processing).
HIDDEN_FOR_PEOPLE = {"documents": ("record",)}
#: Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _kind(column: Any) -> str:
    from sqlalchemy import BigInteger, Boolean, Float, Integer, String

    t = column.type
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, (Integer, BigInteger)):
        return "int"
    if isinstance(t, Float):
        return "float"
    if column.name.endswith("_at"):
        return "stamp"
    if isinstance(t, String) and getattr(t, "length", None) == 10:
        return "date"
    return "text"


def _current(table: str, row: dict[str, Any], model: Optional[Model]) -> bool:
    """Is the row part of today's picture? (not replaced, not answered "sai")."""
    if model is None:
        return True
    if (table, row.get("id")) in model.excluded:
        return False
    if table == "documents":
        return not row.get("superseded")
    if table in store.CHILD_TABLES:
        doc = model.docs.get(row.get("document_id"))
        if doc is not None and doc.superseded:
            return False
        return not (table == "registrations" and row.get("superseded"))
    return True


def frame(table: str, rows: list[dict[str, Any]], model: Optional[Model] = None, raw: bool = False,
          all_rows: bool = False) -> Any:
    """One table as a DataFrame for people (labels, current rows, corrections) or for tools (``raw``)."""
    import pandas as pd

    columns = list(store.TABLES[table].c)
    if not raw:
        columns = [c for c in columns if c.name not in HIDDEN_FOR_PEOPLE.get(table, ())]
    if not raw and not all_rows:
        rows = [r for r in rows if _current(table, r, model)]
    out: dict[str, list[Any]] = {}
    labels = store.column_labels(table)
    for column in columns:
        kind, name = _kind(column), column.name
        values = []
        for r in rows:
            value = r.get(name)
            if not raw and model is not None and (table, r.get("id")) in model.overrides:
                value = model.overrides[(table, r.get("id"))].get(name, value)
            values.append(value if raw else _for_people(table, name, kind, value))
        header = name if raw else labels.get(name, name)
        out[header] = _typed(values, kind if raw else ("int" if kind == "int" else "text"))
    return pd.DataFrame(out)


def _typed(values: list[Any], kind: str) -> Any:
    """A column whose integers stay integers and whose gaps stay gaps (never NaN, never 2.0)."""
    import pandas as pd

    clean = [None if blank(v) else v for v in values]
    if kind == "int":
        return pd.array([None if v is None else int(v) for v in clean], dtype="Int64")
    if kind == "float":
        return pd.array([None if v is None else float(v) for v in clean], dtype="Float64")
    if kind == "bool":
        return pd.array([None if v is None else bool(v) for v in clean], dtype="boolean")
    return pd.array([None if v is None else str(v) for v in clean], dtype=object)


def _for_people(table: str, name: str, kind: str, value: Any) -> Any:
    if blank(value):
        return None
    if kind == "bool":
        return "có" if value in (True, 1, "1", "true", "t") else "không"
    if kind == "float":
        number = float(value)
        return str(int(number)) if number.is_integer() else f"{number:g}".replace(".", ",")
    if kind == "int":
        return int(value)
    if kind == "date":
        d = as_date(value)
        return dmy(d) if d else str(value)
    if kind == "stamp":
        dt = as_local(value)
        return f"{dt:%d/%m/%Y %H:%M}" if dt else str(value)
    text = INVISIBLE.sub("", str(value))
    labels = VALUE_LABELS.get(name)
    if labels and table in VALUE_LABEL_TABLES.get(name, (table,)):
        text = labels.get(text, text)
    if name in ("warnings", "review", "extra", "confidence", "ocr_confidence") and text.startswith(("[", "{")):
        text = _json_for_people(text)
    return text


def _json_for_people(text: str) -> str:
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items())
    return text


def neutralise(value: Any) -> Any:
    """A text Excel would read as a formula gets a leading apostrophe (shown as the text itself)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(df: Any, path: Path, safe: bool = True) -> Path:
    """UTF-8 with BOM (opens right in Excel); ``safe`` neutralises formula-like texts."""
    if safe:
        import pandas as pd

        df = df.copy()
        for col in df.columns:
            if not (pd.api.types.is_numeric_dtype(df[col]) or pd.api.types.is_bool_dtype(df[col])):
                df[col] = df[col].map(neutralise)
    return atomic_write(path, lambda tmp: df.to_csv(tmp, index=False, encoding="utf-8-sig"))


def write_xlsx(df: Any, path: Path, sheet: str) -> Path:
    """The same writer settings as the consolidated workbook: strings never become formulas or links."""
    import numbers

    import pandas as pd
    import xlsxwriter

    from .workbook import WRITER_OPTIONS

    def build(tmp: Path) -> None:
        wb = xlsxwriter.Workbook(str(tmp), WRITER_OPTIONS)
        ws = wb.add_worksheet(sheet[:31])
        head = wb.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7"})
        for col, name in enumerate(df.columns):
            ws.write_string(0, col, str(name), head)
            ws.set_column(col, col, min(40, max(8, len(str(name)) + 2)))
        for r, values in enumerate(df.itertuples(index=False), start=1):
            for c, value in enumerate(values):
                if value is None or value is pd.NA or blank(value):
                    continue
                if isinstance(value, bool) or type(value).__name__ == "bool_":
                    ws.write_boolean(r, c, bool(value))
                elif isinstance(value, numbers.Number):
                    ws.write_number(r, c, float(value) if not float(value).is_integer() else int(value))
                else:
                    ws.write_string(r, c, str(value))
        ws.freeze_panes(1, 0)
        wb.close()

    return atomic_write(path, build)


def write_parquet(df: Any, path: Path) -> Path:
    return atomic_write(path, lambda tmp: df.to_parquet(tmp, index=False))


def write_exports(tables: dict[str, list[dict[str, Any]]], model: Model, out_dir: Path) -> list[Path]:
    """Every store table as CSV for people (Vietnamese, current rows) and Parquet for tools (raw, every row)."""
    written: list[Path] = []
    for name in sorted(store.TABLES):
        rows = tables.get(name, [])
        written.append(write_csv(frame(name, rows, model), out_dir / f"{name}.csv"))
        try:
            written.append(write_parquet(frame(name, rows, raw=True), out_dir / f"{name}.parquet"))
        except Exception as err:  # noqa: BLE001 - CSV still written; one line for the operator
            log.warning("export %s.parquet failed: %s", name, err)
    return written


def export_table(url: str, table: str, fmt: str, path: Optional[Path] = None, raw: bool = False,
                 all_rows: bool = False) -> Path:
    """``pipeline export``: one table, for people unless ``raw``; current rows unless ``all_rows``."""
    from .model import TABLES, build_model

    if fmt not in FORMATS:
        raise store.StoreError(f"unknown export format {fmt!r} ({', '.join(FORMATS)})")
    if table not in store.TABLES:
        raise store.StoreError(f"unknown table {table!r}; tables: {', '.join(sorted(store.TABLES))}")
    names = sorted(set(TABLES) | {table})
    tables = store.read_tables(url, names, skip={} if raw else store.HEAVY_COLUMNS)
    model = None if raw else build_model(tables)
    df = frame(table, tables[table], model, raw=raw, all_rows=all_rows or raw)
    target = Path(path) if path else Path("out") / f"{table}.{fmt}"
    try:
        if fmt == "csv":
            return write_csv(df, target, safe=not raw)
        if fmt == "parquet":
            return write_parquet(df, target)
        return write_xlsx(df, target, table)
    except OSError as exc:  # a full disk leaves the previous export, never half a file
        raise store.StoreError(f"cannot write {target}: {exc.strerror or exc}") from exc
