"""Deadlines and milestones: the role of each date found in the text."""
from __future__ import annotations

from .model import Deadline, Document, DocumentMeta, Milestone


def extract_timeline(doc: Document, meta: DocumentMeta, warnings: list[str]) -> tuple[list[Deadline], list[Milestone]]:
    return [], []
