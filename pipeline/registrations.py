"""Registration rows from filled "Danh sách đăng ký mô hình" tables."""
from __future__ import annotations

from .model import Document, DocumentMeta, Registration


def extract_registrations(doc: Document, meta: DocumentMeta, warnings: list[str]) -> list[Registration]:
    return []
