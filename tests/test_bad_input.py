"""Bad input: each file gives a one-line reason (ReadError / warning), fast, never a traceback."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from pipeline.readers import ReadError, read
from readers_helpers import HEADER_OPS, make_pdf, make_zip

PIPELINE = Path(sys.executable).parent / "pipeline"


def _reason(path: Path) -> ReadError:
    started = time.monotonic()
    with pytest.raises(ReadError) as err:
        read(path)
    assert time.monotonic() - started < 10
    reason = err.value.reason
    assert reason and "\n" not in reason and "Traceback" not in reason
    return err.value


def _docx_bytes(tmp_path: Path) -> bytes:
    d = docx.Document()
    d.add_paragraph("Kế hoạch phát động phong trào thi đua")
    p = tmp_path / "ok.docx"
    d.save(str(p))
    return p.read_bytes()


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    err = _reason(path)
    assert err.kind == "empty"


def test_file_over_the_size_limit_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: no disk used
    started = time.monotonic()
    err = _reason(path)
    assert time.monotonic() - started < 1
    assert err.kind == "too_large" and "100 MB" in err.reason


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(4000))
    err = _reason(path)
    assert err.kind == "corrupt"


def test_truncated_docx(tmp_path: Path) -> None:
    data = _docx_bytes(tmp_path)
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    err = _reason(path)
    assert err.kind == "corrupt"


def test_docx_zip_bomb(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "bomb.docx", {
        "[Content_Types].xml": b"<Types/>",
        "word/document.xml": b"<w:document>" + b" " * (40 * 1024 * 1024) + b"</w:document>",
    })
    assert path.stat().st_size < 1024 * 1024
    err = _reason(path)
    assert err.kind == "unsafe" and "ZIP bomb" in err.reason


def test_docx_with_xml_entities(tmp_path: Path) -> None:
    data = _docx_bytes(tmp_path)
    src = tmp_path / "src.docx"
    src.write_bytes(data)
    evil = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
            '<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "entities.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, evil.encode() if info.filename == "word/document.xml" else zin.read(info.filename))
    err = _reason(path)
    assert err.kind == "unsafe" and "DTD" in err.reason


def test_zip_without_a_document_part(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "nodoc.docx", {"[Content_Types].xml": b"<Types/>", "word/styles.xml": b"<styles/>"})
    err = _reason(path)
    assert err.kind == "unsupported"


def test_text_file_named_pdf_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "note.pdf"
    path.write_text("Thông báo: họp chi bộ lúc 8 giờ 00 ngày 05/02/2024.\n", encoding="utf-8")
    doc = read(path)
    assert doc.format == "txt"
    assert [p.text for p in doc.paragraphs] == ["Thông báo: họp chi bộ lúc 8 giờ 00 ngày 05/02/2024."]


def test_xlsx_named_pdf_is_read_as_xlsx(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Tên mô hình"
    path = tmp_path / "sheet.pdf"
    wb.save(str(path))
    assert read(path).format == "xlsx"


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(os.urandom(20000))
    err = _reason(path)
    assert err.kind in ("unsupported", "corrupt")


def test_undecodable_bytes_are_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Kế hoạch tổ chức hội nghị tổng kết năm 2024 của Ủy ban nhân dân phường.\n".encode() * 10
                     + b"\x80\x81 h\xe9t\n")
    doc = read(path)
    assert doc.paragraphs
    assert any("undecodable" in w for w in doc.warnings)


# --------------------------------------------------------------------------- through the CLI


def _cli(path: Path) -> tuple[int, dict, str]:
    proc = subprocess.run([str(PIPELINE), "extract", str(path), "--format", "json"], capture_output=True, text=True,
                          timeout=120)
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_cli_reports_unreadable_files_with_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    pdf = make_pdf(tmp_path / "full.pdf", [HEADER_OPS])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(pdf.read_bytes()[:800])
    encrypted = make_pdf(tmp_path / "locked.pdf", [HEADER_OPS], encrypt="bi-mat")
    for path, needle in ((empty, "empty file"), (truncated, "PDF"), (encrypted, "encrypted PDF")):
        code, record, stderr = _cli(path)
        assert code == 1, path
        assert record["source"]["path"] == str(path)
        assert len(record["warnings"]) == 1 and needle in record["warnings"][0]
        assert "Traceback" not in stderr


def test_cli_reads_a_pdf_with_a_docx_name(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "misnamed.docx", [HEADER_OPS])
    code, record, stderr = _cli(path)
    assert code == 0, stderr
    assert record["source"]["format"] == "pdf" and record["source"]["pages"] == 1


def test_text_starting_with_bm_is_not_taken_for_a_bitmap(tmp_path: Path) -> None:
    path = tmp_path / "bm01.txt"
    path.write_text("BM 01 mẫu đăng ký mô hình\nDanh sách mô hình năm 2024 của các chi bộ trực thuộc\n", encoding="utf-8")
    doc = read(path)
    assert doc.format == "txt" and doc.paragraphs[0].text == "BM 01 mẫu đăng ký mô hình"


@pytest.mark.parametrize("kind", ["pdf", "docx", "xlsx"])
def test_damaged_files_never_escape_as_other_errors(tmp_path: Path, kind: str) -> None:
    """Flip bytes in real files: the reader returns a Document or a ReadError, in bounded time."""
    import random

    if kind == "pdf":
        data = make_pdf(tmp_path / "src.pdf", [HEADER_OPS]).read_bytes()
    elif kind == "docx":
        data = _docx_bytes(tmp_path)
    else:
        wb = openpyxl.Workbook()
        wb.active.append(["TT", "Tên mô hình"])
        wb.save(str(tmp_path / "src.xlsx"))
        data = (tmp_path / "src.xlsx").read_bytes()
    rng = random.Random(20240205)
    for i in range(5 if kind == "pdf" else 12):  # PDFs that lose their text go on to OCR: slower
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            pos = rng.randrange(64, len(damaged))
            damaged[pos] = rng.randrange(256)
        path = tmp_path / f"damaged-{i}.{kind}"
        path.write_bytes(bytes(damaged))
        started = time.monotonic()
        try:
            read(path)
        except ReadError as err:
            assert err.reason and "\n" not in err.reason
        assert time.monotonic() - started < 20
