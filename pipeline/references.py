"""Cited documents ("Căn cứ Kế hoạch số 03-KH/BDVTU, ngày 29/01/2021 của …")."""
from __future__ import annotations

from .model import Document, DocumentMeta, Reference


def extract_references(doc: Document, meta: DocumentMeta, warnings: list[str]) -> list[Reference]:
    return []
