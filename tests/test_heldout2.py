"""Second held-out round (tests/heldout2/): 12 invented documents as TXT, DOCX and PDF.

Written after the first held-out set had been tuned to 1.000, in other authoring styles: a Tỉnh ủy
Chỉ thị, a Sở letter with a task table, a Hội Nông dân plan in old tone marks, an NFD-decomposed Hội
CCB notice, a UBND quận decision with its plan attached, a LĐLĐ guide, a Đảng ủy Khối half-year report
(results that are not quotas), school and hospital plans, a Ban Dân vận letter spanning the new year,
and two filled forms (DOCX with a 2-row header, PDF grid with wrapped cells). Inputs come from
``tools/make_heldout2.py`` (python-docx / reportlab); each ``NAME.gold.json`` was written by hand from
the text. BEFORE the round-2 fixes the set scored deadlines 0.919, quotas 0.968, metadata 0.966 (first
10 documents); the bars below sit slightly under the figures after the fixes.

Run: ``.venv/bin/pytest -q tests/test_heldout2.py``
Full figures: ``.venv/bin/python ../shared/eval/score.py --gold tests/heldout2
--cmd ".venv/bin/pipeline extract {file} --format json" -v``
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
HELDOUT = ROOT / "tests" / "heldout2"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

# Minimum figures; all measured 1.000 on 2026-11-22 after the round-2 fixes.
BARS = {
    "--min-deadlines-f1": "0.95",
    "--min-milestones-f1": "0.95",
    "--min-quotas-f1": "0.90",
    "--min-references-f1": "0.95",
    "--min-registrations-f1": "0.95",
    "--min-metadata-acc": "0.95",
    "--max-failed-files": "0",
}


def gold_files() -> list[Path]:
    return sorted(HELDOUT.glob("*.gold.json"))


def input_of(gold: Path) -> Path:
    stem = gold.name[: -len(".gold.json")]
    found = [p for p in HELDOUT.iterdir() if p.name.startswith(stem + ".") and not p.name.endswith(".gold.json")]
    assert len(found) == 1, (gold.name, found)
    return found[0]


def plain_text(path: Path) -> str:
    """The input's text through independent libraries (not the pipeline's readers), NFC, one space."""
    if path.suffix == ".txt":
        text = path.read_text(encoding="utf-8")
    elif path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts += [c.text for c in row.cells]
        text = "\n".join(parts)
    else:
        pdfplumber = pytest.importorskip("pdfplumber")
        with pdfplumber.open(str(path)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_heldout2_set_is_complete():
    """Every gold has exactly one input, formats are mixed, and there are enough documents."""
    golds = gold_files()
    assert len(golds) >= 10
    suffixes = {input_of(g).suffix for g in golds}
    assert {".txt", ".docx", ".pdf"} <= suffixes


@pytest.mark.parametrize("gold", gold_files(), ids=lambda p: p.name[: -len(".gold.json")])
def test_gold_is_determinable_from_the_input(gold: Path):
    """Right hash; every quoted text, reference number and registration name occurs in the input."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    path = input_of(gold)
    assert data["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    text = plain_text(path)
    squashed = "".join(text.split())
    for kind in ("deadlines", "milestones", "quotas"):
        for item in data[kind]:
            want = " ".join(item["text"].split())
            if path.suffix == ".txt":
                assert want in text, (kind, want)
            else:  # table cells and wrapped lines: compare without spaces
                assert "".join(want.split()).strip("|") in squashed or all(w in text for w in want.split()), (kind, want)
    for ref in data["references"]:
        assert ref["number"] in squashed, ref["number"]
    number = data["document"]["number"]
    if number:
        assert number in squashed
    for reg in data["registrations"]:
        assert all(word in text for word in reg["name"].split()), reg["name"]


def test_heldout2_scores_stay_above_bars():
    """Runs the shared scorer over the set; exit status 1 means a bar was missed."""
    if not SCORER.exists():
        pytest.skip(f"shared scorer not found at {SCORER} (needs the ../shared checkout)")
    cmd = f"{shlex.quote(sys.executable)} -m pipeline extract {{file}} --format json"
    args = [sys.executable, str(SCORER), "--gold", str(HELDOUT), "--cmd", cmd, "--timeout", "120"]
    for flag, value in BARS.items():
        args += [flag, value]
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=900)
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-2000:]
    assert proc.returncode == 0, f"held-out-2 bars missed ({BARS}):\n{summary}\n{proc.stdout[-4000:]}"
