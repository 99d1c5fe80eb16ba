"""A file in, a record out: the readers, then the extract stage.

The one place (besides the batch) where reading and extraction meet, so that
:mod:`pipeline.extract` stays a pure Document → Record stage and imports no reader.
"""
from __future__ import annotations

from pathlib import Path

from .extract import extract
from .model import Document, Record


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
