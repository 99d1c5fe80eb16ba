"""Document metadata from the official layout (issuer, number, place and date, kind, title, signer, unit)."""
from __future__ import annotations

from .model import Document, DocumentMeta


def extract_metadata(doc: Document, warnings: list[str]) -> DocumentMeta:
    return DocumentMeta()
