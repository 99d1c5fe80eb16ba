"""The house rules of the extract stage: extract.py orchestrates and reads no file; extractors import no reader.

Run: ``.venv/bin/pytest -q tests/extractors/test_layout.py``
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PIPELINE = Path(__file__).resolve().parents[2] / "pipeline"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_extract_and_the_extractors_import_no_reader_store_or_report():
    for path in [PIPELINE / "extract.py", *sorted((PIPELINE / "extractors").glob("*.py"))]:
        bad = {n for n in _imports(path) if any(part in n for part in ("readers", "store", "outputs", "reports",
                                                                       "batch"))}
        assert bad == set(), f"{path.name} imports {bad}"


def test_extracting_a_document_loads_no_reader():
    code = ("import sys\n"
            "from pipeline.model import Document, Location, Paragraph\n"
            "from pipeline.extract import extract\n"
            "doc = Document(path='t.txt', sha256='0', format='txt', blocks=[Paragraph('KẾ HOẠCH', Location(line=1)), Paragraph('Kiểm tra năm 2025', Location(line=2)),"
            " Paragraph('Các xã báo cáo trước ngày 15/3/2025.', Location(line=4))])\n"
            "record = extract(doc)\n"
            "assert record.deadlines and record.deadlines[0].due == '2025-03-15', record.deadlines\n"
            "print(sorted(m for m in sys.modules if m.startswith('pipeline.readers')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PIPELINE.parent, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "[]"
