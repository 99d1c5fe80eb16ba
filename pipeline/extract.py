"""The extract stage: a Document in, a Record out (document metadata, time, quotas, citations, forms).

This module only orchestrates; each kind of fact has its own small module so its rules can be
read and tested alone:

* :mod:`pipeline.metadata`      issuer, number, place and date, kind, title, signer, unit
* :mod:`pipeline.timeline`      deadlines and milestones (roles of the dates found by :mod:`pipeline.dates`)
* :mod:`pipeline.quotas`        minimum counts imposed on kinds of units
* :mod:`pipeline.references`    cited documents
* :mod:`pipeline.registrations` rows of filled registration tables

Each extractor is a function ``(doc, meta) -> list`` that never raises for odd input: anything
it saw but could not understand becomes a line in ``record.warnings``.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from .model import Document, DocumentMeta, Record

log = logging.getLogger(__name__)


def _safe(record: Record, what: str, fn: Callable[[], object], default: object) -> object:
    """Run one extractor; a bug in one must not cost the reviewer the others."""
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - reported in the record's warnings, not hidden
        log.warning("%s extraction failed on %s: %s: %s", what, record.document.path, type(exc).__name__, exc)
        log.debug("traceback of the %s failure", what, exc_info=True)
        record.warnings.append(f"{what}: extraction failed ({type(exc).__name__}: {str(exc)[:120]})")
        return default


def extract(doc: Document) -> Record:
    """Every fact the schema asks for, from one document."""
    from . import metadata, quotas, references, registrations, timeline

    record = Record(document=doc)
    record.meta = _safe(record, "metadata", lambda: metadata.extract_metadata(doc, record.warnings),
                        DocumentMeta())  # type: ignore[assignment]
    meta = record.meta
    record.registrations = _safe(record, "registrations",
                                 lambda: registrations.extract_registrations(doc, meta, record.warnings), [])  # type: ignore[assignment]
    if record.registrations and meta.kind == "other":
        meta.kind = "registration_form"
    deadlines_milestones = _safe(record, "timeline", lambda: timeline.extract_timeline(doc, meta, record.warnings),
                                 ([], []))
    record.deadlines, record.milestones = deadlines_milestones  # type: ignore[misc]
    record.quotas = _safe(record, "quotas", lambda: quotas.extract_quotas(doc, meta, record.warnings), [])  # type: ignore[assignment]
    record.references = _safe(record, "references",
                              lambda: references.extract_references(doc, meta, record.warnings), [])  # type: ignore[assignment]
    return record


def extract_file(path: str | Path, display_path: str | None = None) -> Record:
    """Read then extract; raises :class:`pipeline.readers.ReadError` for unreadable input."""
    from .readers import read

    return extract(read(path, display_path=display_path))


def unreadable_record(path: str | Path, display_path: str, reason: str) -> dict:
    """The record of a file that could not be read: the same shape, empty parts, the reason in warnings.

    Checks and the store read every record the same way, so an unreadable file must not have a
    shape of its own.
    """
    from .readers import sha256_of

    try:
        digest = sha256_of(Path(path))
    except OSError:
        digest = ""
    record = Record(document=Document(path=display_path, sha256=digest, format="unknown"))
    record.warnings.append(reason)
    data = record.to_dict()
    data["source"]["format"] = None  # not sniffed: nothing could be read
    return data
