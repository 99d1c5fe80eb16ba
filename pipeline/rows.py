"""Compatibility shim: the records -> store rows mapping lives in pipeline.normalize (its last section)."""
from __future__ import annotations

from .normalize import CHILD_TABLES, record_rows, unit_key  # noqa: F401
