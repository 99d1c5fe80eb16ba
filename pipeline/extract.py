"""The extract stage: a Document in, a Record out (document metadata, time, quotas, citations, forms).

This module only orchestrates; each kind of fact has its own small module so its rules can be
read and tested alone:

* :mod:`pipeline.extractors.metadata`      issuer, number, place and date, kind, title, signer, unit
* :mod:`pipeline.extractors.timeline`      deadlines and milestones (roles of the dates found by
  :mod:`pipeline.extractors.dates`)
* :mod:`pipeline.extractors.quotas`        minimum counts imposed on kinds of units
* :mod:`pipeline.extractors.references`    cited documents
* :mod:`pipeline.extractors.registrations` rows of filled registration tables

It imports no reader: reading a file is the caller's business (:mod:`pipeline.files`, the batch).

Each extractor is a function ``(doc, meta) -> list`` that never raises for odd input: anything
it saw but could not understand becomes a line in ``record.warnings``.
"""
from __future__ import annotations

import logging
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
    from .extractors import dates, metadata, quotas, references, registrations, timeline
    from .textnorm import match_key

    # The rules ask for the same keys and dates over and over within a document; the caches hold one
    # document's (they never grow with the inbox, and a benchmark that repeats files gains nothing).
    match_key.cache_clear()
    dates.clear_cache()
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
