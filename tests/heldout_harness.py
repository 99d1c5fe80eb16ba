"""What every held-out set's test needs: its files and an independent reading of an input.

The held-out sets (tests/heldout*/) are invented documents with hand-written gold, kept as regression
tests once the rules were fixed on them. Reading inputs here uses python-docx, openpyxl and pdfplumber
directly — never the pipeline's own readers — so a gold value's presence is checked independently.
"""
from __future__ import annotations

import hashlib
import json
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.gold.json"))


def input_of(folder: Path, gold: Path) -> Path:
    """The one input beside ``NAME.gold.json`` (``NAME.<ext>``)."""
    stem = gold.name[: -len(".gold.json")]
    found = [p for p in folder.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".gold.json")]
    assert len(found) == 1, (gold.name, found)
    return found[0]


def plain_text(path: Path) -> str:
    """The input's text through independent libraries, NFC, whitespace folded to one space."""
    if path.suffix == ".txt":
        text = path.read_bytes().decode("utf-8", errors="replace")
    elif path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts += [c.text for c in row.cells]
        text = "\n".join(parts)
    elif path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(str(path))
        text = "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    else:
        pdfplumber = pytest.importorskip("pdfplumber")
        with pdfplumber.open(str(path)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def quoted(data: dict) -> list[str]:
    """What a gold quotes from its input: the document number, cited numbers, the text of every deadline,
    milestone and quota, and registration names (a deadline's ``action`` is the annotator's wording)."""
    wanted = [r["number"] for r in data["references"]]
    wanted += [item["text"] for kind in ("deadlines", "milestones", "quotas") for item in data[kind]]
    wanted += [r["name"] for r in data["registrations"]] + [data["document"]["number"]]
    return [" ".join(w for w in want.split() if w != "|") for want in wanted if want]


def _legacy_occurs(want: str, raw: bytes, encoding: str) -> bool:
    """A gold string occurs in a legacy-encoded input: encode it the way the file was encoded."""
    if encoding == "TCVN3":
        sys.path.insert(0, str(ROOT / "tools"))
        from tcvn3 import encode

        return encode(want) in raw
    from pipeline.legacy import unicode_to_vni

    return unicode_to_vni(want).encode("cp1252") in raw


def assert_gold_determinable(folder: Path, gold: Path) -> None:
    """Right hash, and everything the gold quotes occurs in the input (read by independent libraries; word by
    word, as table cells and wrapped lines split a phrase). A scan's text is reachable only through OCR."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    path = input_of(folder, gold)
    raw = path.read_bytes()
    assert data["source"]["sha256"] == hashlib.sha256(raw).hexdigest()
    if path.suffix == ".png":
        return
    if data.get("encoding") in ("TCVN3", "VNI"):
        for want in quoted(data):
            assert _legacy_occurs(want, raw, data["encoding"]), want
        return
    text = plain_text(path)
    squashed = "".join(text.split())
    for want in quoted(data):
        assert want in text or "".join(want.split()) in squashed or all(w in text for w in want.split()), want
