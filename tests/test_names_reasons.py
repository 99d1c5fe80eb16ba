"""Names as stored / shown / fitted, quarantine reasons in Vietnamese, and the whole-part DTD check."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.batch import note_path, unique_destination
from pipeline.names import NAME_MAX, disk_form, fit_name, fs_len, needs_escape, shown, store_form
from pipeline.reasons import KINDS, clerk_reason, limits_detail, recorded_limits
from pipeline.readers import ReadError
from pipeline.readers.ooxml import check_container, declares_dtd


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(st.binary(min_size=1, max_size=80).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_any_name_has_a_store_form_that_utf8_holds_and_that_leads_back_to_it(raw: bytes) -> None:
    name = os.fsdecode(raw)
    stored = store_form(name)
    stored.encode("utf-8")  # SQLite, PostgreSQL and JSON can hold it
    assert disk_form(stored, needs_escape(name)) == name
    if not needs_escape(name):
        assert stored == name  # valid names are kept exactly, backslashes included


def test_undecodable_bytes_are_shown_as_visible_escapes() -> None:
    name = os.fsdecode(b"b\xe1o c\xe1o \\ 3.txt")
    assert store_form(name) == "b\\xe1o c\\xe1o \\\\ 3.txt"


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(st.text(max_size=60))
def test_shown_text_is_one_line_without_control_or_invisible_characters(text: str) -> None:
    out = shown(text)
    assert "\n" not in out and "\r" not in out
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u200b\u2066\u2028\ufeff" for c in out)


def test_shown_escapes_a_forged_log_line_and_direction_overrides() -> None:
    assert shown("a\n2026-01-01 INFO x") == "a\\n2026-01-01 INFO x"
    assert shown("\u202etxt.exe") == "\\u202etxt.exe"
    assert shown("Kế hoạch 12-KH/CB") == "Kế hoạch 12-KH/CB"  # Vietnamese stays readable


def test_fit_name_keeps_the_tail_and_the_byte_limit() -> None:
    stem = "Đ" * 200
    fitted = fit_name(stem, ".reason.txt")
    assert fs_len(fitted) <= NAME_MAX and fitted.endswith(".reason.txt") and fitted.startswith("Đ" * 50)
    assert fit_name(stem, ".reason.txt", whole="a") != fit_name(stem, ".reason.txt", whole="b")
    assert fit_name("ngắn", ".txt") == "ngắn.txt"


def test_a_255_byte_name_gets_a_creatable_destination_and_note(tmp_path: Path) -> None:
    name = ("Kế hoạch " * 40).encode()[:251].decode(errors="ignore")
    name += "x" * (251 - fs_len(name)) + ".pdf"
    assert fs_len(name) == 255
    (tmp_path / name).write_bytes(b"first")  # taken: the next one needs " (2)", which must still fit
    dest = unique_destination(tmp_path / name)
    assert dest != tmp_path / name and fs_len(dest.name) <= NAME_MAX and dest.name.endswith(").pdf")
    dest.write_bytes(b"second")
    note = note_path(dest)
    assert fs_len(note.name) <= NAME_MAX and note.name.endswith(".reason.txt")
    note.write_text("ok", encoding="utf-8")
    assert unique_destination(tmp_path / name) not in (dest, tmp_path / name)


@pytest.mark.parametrize("detail, vietnamese", [
    ("cannot read PDF file: Invalid dictionary construct: [/b'\\xaf', /'Type', /b'Page']", "Tệp PDF bị hỏng"),
    ("corrupt DOCX: Maximum entity amplification factor exceeded, line 1, column 40", "Tệp chứa khai báo thực thể XML"),
    ("DOCX refused as a ZIP bomb: word/document.xml inflates 1028x to 60 MB", "Tệp nén phình to bất thường"),
    ("encrypted PDF: a password is needed to open it", "Tệp có mật khẩu"),
    ("corrupt or truncated PDF: Unexpected EOF", "Tệp bị cắt cụt"),
    ("compressed archive (gzip/rar/7z): unpack it and drop the files themselves", "Tệp nén (zip/rar/7z/gzip)"),
])
def test_library_messages_become_clerk_readable_vietnamese_with_the_detail_after(detail: str,
                                                                                 vietnamese: str) -> None:
    reason = clerk_reason("corrupt", detail)
    assert reason.startswith(vietnamese)
    assert reason.endswith(f"(chi tiết kỹ thuật: {detail})")


def test_a_limits_reason_says_qua_thoi_gian_bo_nho_and_remembers_its_limits() -> None:
    reason = clerk_reason("limits", limits_detail("time limit exceeded", 60, 1024))
    assert "quá thời gian/bộ nhớ" in reason and reason.startswith(KINDS["limits"])
    assert recorded_limits(reason) == (60, 1024)
    assert recorded_limits(clerk_reason("corrupt", "x")) is None
    assert "\n" not in clerk_reason("corrupt", "line one\nline two")


# --------------------------------------------------------------------------- whole-part DTD check

DTD = b'<!DOCTYPE d [<!ENTITY a "b">]>'


@pytest.mark.parametrize("xml", [
    b'<?xml version="1.0"?>' + DTD + b"<d>&a;</d>",
    b'<?xml version="1.0"?><!--' + b"c" * 5000 + b"-->" + DTD + b"<d>&a;</d>",
    b'<?xml version="1.0"?><!--' + b"c" * (3 << 20) + b"-->" + DTD + b"<d/>",  # past several read chunks
    ('<?xml version="1.0" encoding="UTF-16"?>' + DTD.decode() + "<d>&a;</d>").encode("utf-16"),
    b'<?xml version="1.0"?><!doctype d><d/>',
    b"<d>" + b"x" * 10000 + b"</d>" + DTD,  # after the root: not XML any more, still refused
])
def test_a_dtd_anywhere_in_a_part_is_found(xml: bytes) -> None:
    assert declares_dtd(io.BytesIO(xml))


def test_ordinary_parts_pass() -> None:
    assert not declares_dtd(io.BytesIO(b'<?xml version="1.0"?><d>&lt;!DOCTYPE is text here</d>'))
    assert not declares_dtd(io.BytesIO(b"<d>" + b"<p>xin ch\xc3\xa0o</p>" * 200000 + b"</d>"))


def test_a_docx_with_a_dtd_late_in_a_secondary_part_is_refused(tmp_path: Path) -> None:
    import docx

    good = tmp_path / "good.docx"
    d = docx.Document()
    d.add_paragraph("Kế hoạch")
    d.save(str(good))
    check_container(good, "word/document.xml", "DOCX")  # passes
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/styles.xml":
                head, rest = data.split(b"?>", 1)
                data = head + b"?><!--" + b"x" * 6000 + b"-->" + DTD + rest
            zout.writestr(info, data)
    with pytest.raises(ReadError) as err:
        check_container(bad, "word/document.xml", "DOCX")
    assert err.value.kind == "unsafe" and "word/styles.xml" in err.value.reason
