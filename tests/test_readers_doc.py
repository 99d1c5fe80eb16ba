"""Legacy OLE2 files: .doc through LibreOffice (when installed), .xls and missing LibreOffice explained."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from pipeline.readers import ReadError, read

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice not installed")


def _convert(src: Path, fmt: str, outdir: Path) -> Path:
    """Make a real legacy file with LibreOffice (the tool offices use to save .doc/.xls)."""
    profile = (outdir / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=180)
    return outdir / f"{src.stem}.{fmt}"


@pytest.fixture(scope="module")
def legacy_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice not installed")
    tmp = tmp_path_factory.mktemp("doc")
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Các chi bộ gửi đăng ký về Đảng ủy trước ngày 10/02/2024.")
    t = d.add_table(rows=2, cols=3)
    t.style = "Table Grid"
    for i, h in enumerate(["TT", "Tên mô hình", "Lĩnh vực"]):
        t.cell(0, i).text = h
    t.cell(1, 0).text = "1"
    t.cell(1, 1).merge(t.cell(1, 2)).text = "Camera an ninh khu dân cư"
    d.add_paragraph("Nơi nhận: như trên.")  # Word never ends a body with a table
    src = tmp / "kh.docx"
    d.save(str(src))
    return _convert(src, "doc", tmp)


@needs_soffice
def test_legacy_doc_is_converted_and_read(legacy_doc: Path) -> None:
    doc = read(legacy_doc)
    assert doc.format == "doc"
    assert [p.text for p in doc.paragraphs][:2] == ["KẾ HOẠCH", "Các chi bộ gửi đăng ký về Đảng ủy trước ngày 10/02/2024."]
    table = doc.tables[0]
    assert table.text_rows() == [["TT", "Tên mô hình", "Lĩnh vực"], ["1", "Camera an ninh khu dân cư", ""]]
    assert table.rows[1][1].colspan == 2
    assert any("LibreOffice" in w for w in doc.warnings)


@needs_soffice
def test_legacy_doc_without_libreoffice_gives_a_clear_reason(legacy_doc: Path) -> None:
    exe = Path(sys.executable).parent / "pipeline"
    env = {k: v for k, v in os.environ.items() if k != "PATH"}
    env["PATH"] = str(exe.parent)  # the venv only: no soffice on PATH
    proc = subprocess.run([str(exe), "extract", str(legacy_doc), "--format", "json"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    record = json.loads(proc.stdout)
    assert record["warnings"] == ["legacy .doc needs LibreOffice to convert; save it as DOCX"]
    assert "Traceback" not in proc.stderr


@needs_soffice
def test_legacy_xls_is_named(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Danh sách"
    src = tmp_path / "ds.xlsx"
    wb.save(str(src))
    xls = _convert(src, "xls", tmp_path)
    with pytest.raises(ReadError) as err:
        read(xls)
    assert err.value.reason == "legacy Excel 97-2003 (.xls) workbook: save it as XLSX"
