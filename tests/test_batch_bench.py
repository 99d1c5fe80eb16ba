"""The benchmark's inputs and its table (the full 500-file run is `pipeline bench`, not a test)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pdfplumber

from pipeline import bench


def test_inputs_are_distinct_readable_pdfs(tmp_path: Path) -> None:
    origin = bench.make_inputs(tmp_path, 4)
    files = sorted(tmp_path.glob("*.pdf"))
    assert len(files) == 4 and origin
    assert len({hashlib.sha256(f.read_bytes()).hexdigest() for f in files}) == 4
    for f in files:
        with pdfplumber.open(f) as pdf:
            assert pdf.pages and (pdf.pages[0].extract_text() or "").strip()
    assert bench.bare_pdfplumber(files) > 0


def test_table_shows_ratio_rerun_and_memory_against_goals() -> None:
    results = {"files": 500, "bare_seconds": 20.0, "rerun_seconds": 3.5, "peak_child_mb": 250.0,
               "peak_self_mb": 120.0,
               "runs": {1: {"seconds": 50.0, "exit_code": 0}, 2: {"seconds": 30.0, "exit_code": 0}}}
    table = bench.format_table(results)
    lines = table.splitlines()
    one = next(line for line in lines if "1 worker" in line)
    two = next(line for line in lines if "2 worker" in line)
    assert "2.50x" in one and "10.0" in one and "met" in one   # 500 files / 50 s, 50/20 = 2.5x
    assert "1.50x" in two and "16.7" in two
    assert "MISSED" in next(line for line in lines if "unchanged rerun" in line)
    assert "250 MB" in next(line for line in lines if "peak memory" in line)
