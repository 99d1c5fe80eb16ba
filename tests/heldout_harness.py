"""What every held-out set's test needs: its files, an independent reading of an input, the scorer run.

The held-out sets (tests/heldout*/) are invented documents with hand-written gold, kept as regression
tests once the rules were fixed on them. Reading inputs here uses python-docx, openpyxl and pdfplumber
directly — never the pipeline's own readers — so a gold value's presence is checked independently.
"""
from __future__ import annotations

import hashlib
import json
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


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


def assert_scores_above(folder: Path, bars: dict[str, str], label: str) -> None:
    """Run the shared scorer over ``folder`` with ``bars`` (its --min-… flags); exit 1 means a bar was missed."""
    if not SCORER.exists():
        pytest.skip(f"shared scorer not found at {SCORER} (needs the ../shared checkout)")
    cmd = f"{shlex.quote(sys.executable)} -m pipeline extract {{file}} --format json"
    args = [sys.executable, str(SCORER), "--gold", str(folder), "--cmd", cmd, "--timeout", "120"]
    for flag, value in bars.items():
        args += [flag, value]
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-2000:]
    assert proc.returncode == 0, f"{label} bars missed ({bars}):\n{summary}\n{proc.stdout[-4000:]}"


def assert_numbers_and_actions_occur(folder: Path, gold: Path) -> None:
    """Right hash; the document number, cited numbers and deadline actions occur in the input (word by word)."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    path = input_of(folder, gold)
    assert data["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    text = plain_text(path)
    wanted = [r["number"] for r in data["references"]] + [d["action"] for d in data["deadlines"]]
    wanted.append(data["document"]["number"])
    for want in wanted:
        assert all(w in text for w in want.split()), want
