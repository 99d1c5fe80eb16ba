"""Plain-text reader: encodings (UTF-8, BOM, UTF-16, cp1258, TCVN3, VNI), reflow, header split."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.model import Paragraph
from pipeline.readers import ReadError, read
from readers_helpers import hard_wrap, to_cp1258, to_tcvn3, to_vni

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLE = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
          "Đảng ủy phường đề nghị các chi bộ trực thuộc đăng ký mô hình “Dân vận khéo” trước ngày 10/02/2024.\n"
          "Ủy ban nhân dân phường; Mặt trận Tổ quốc; hội Cựu chiến binh; đoàn Thanh niên.\n")


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _texts(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize("name,data,encoding", [
    ("utf8.txt", SAMPLE.encode("utf-8"), "utf-8"),
    ("bom.txt", b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
    ("utf16.txt", SAMPLE.encode("utf-16"), "utf-16"),
    ("utf16le-nobom.txt", SAMPLE.encode("utf-16-le"), "utf-16-le"),
    ("cp1258.txt", to_cp1258(SAMPLE), "windows-1258"),
    ("nfd.txt", unicodedata.normalize("NFD", SAMPLE).encode("utf-8"), "utf-8"),
])
def test_unicode_and_windows_encodings(tmp_path: Path, name: str, data: bytes, encoding: str) -> None:
    doc = read(_write(tmp_path, name, data))
    assert doc.encoding == encoding
    texts = _texts(doc)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
    assert any(t.startswith("Đảng ủy phường đề nghị") for t in texts)
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_cp1258_bytes_really_use_combining_marks() -> None:
    # The fixture must be what Windows writes: tone marks as separate bytes (0xD2 = U+0323).
    assert to_cp1258("Hạnh") == b"Ha\xf2nh"


def test_tcvn3_known_bytes(tmp_path: Path) -> None:
    # The motto as saved from a .VnTime document (the well-known "Céng hßa x· héi" bytes).
    data = b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\n\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c\n" \
           b"\xae\xb8nh gi\xb8 k\xd5t qu\xb6 th\xf9c hi\xd6n n\xa8m 2024\n"
    doc = read(_write(tmp_path, "abc.txt", data))
    assert doc.encoding == "tcvn3"
    assert _texts(doc)[:3] == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
                               "đánh giá kết quả thực hiện năm 2024"]


def test_vni_known_bytes(tmp_path: Path) -> None:
    data = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\n" \
           "Ñaûng uûy phöôøng ñeà nghò caùc chi boä\n".encode("cp1252")
    doc = read(_write(tmp_path, "vni.txt", data))
    assert doc.encoding == "vni"
    assert _texts(doc) == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc",
                           "Đảng ủy phường đề nghị các chi bộ"]


def _seed_texts() -> list[str]:
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("shared seeds not available")
    return [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in seeds]


@pytest.mark.parametrize("encoder,expected", [(to_tcvn3, "tcvn3"), (to_vni, "vni")])
def test_legacy_round_trip_on_real_text(tmp_path: Path, encoder, expected: str) -> None:  # type: ignore[no-untyped-def]
    """Every seed encoded to TCVN3/VNI and read back: character accuracy >= 99.9 %.

    (TCVN3 has no codes for toned capitals at the start of a mixed-case word, e.g. "Ủy":
    those alone may come back lowercase.)
    """
    from pipeline.readers.text import decode_bytes

    total = wrong = 0
    for i, text in enumerate(_seed_texts()):
        decoded, encoding, _ = decode_bytes(encoder(text))
        assert encoding == expected
        assert len(decoded) == len(text)
        wrong += sum(1 for a, b in zip(text, decoded) if a != b)
        total += len(text)
    assert 1 - wrong / total >= 0.999


def test_utf8_file_holding_legacy_mojibake_is_converted(tmp_path: Path) -> None:
    text = to_vni("Kế hoạch phát động phong trào thi đua năm 2024 của Đảng ủy").decode("cp1252")
    doc = read(_write(tmp_path, "paste.txt", text.encode("utf-8")))
    assert _texts(doc) == ["Kế hoạch phát động phong trào thi đua năm 2024 của Đảng ủy"]
    assert doc.encoding == "utf-8+vni"


def test_plain_vietnamese_and_french_words_are_not_converted(tmp_path: Path) -> None:
    text = "Hội nghị tổng kết năm 2024 được tổ chức tại hội trường.\nCafé Hà Nội, menu: crème brûlée.\n"
    doc = read(_write(tmp_path, "ok.txt", text.encode("utf-8")))
    assert doc.encoding == "utf-8"
    assert _texts(doc) == ["Hội nghị tổng kết năm 2024 được tổ chức tại hội trường.",
                           "Café Hà Nội, menu: crème brûlée."]


def test_a_few_undecodable_bytes_give_a_warning(tmp_path: Path) -> None:
    data = ("Kế hoạch số 12/KH-UBND về việc tổ chức hội nghị " * 20).encode("utf-8") + b"\xff\xfe\x81 cu\xe1i\n"
    doc = read(_write(tmp_path, "broken.txt", data))
    assert doc.blocks
    assert any("undecodable" in w for w in doc.warnings)


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    with pytest.raises(ReadError) as err:
        read(_write(tmp_path, "garbage.txt", data))
    assert "binary" in err.value.reason


# --------------------------------------------------------------------------- reflow

PARAS = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "- Tiếp tục nâng cao trách nhiệm, tạo sự chuyển biến tích cực về nhận thức và hành động của các cấp ủy "
    "Đảng, các cơ quan, đơn vị, cán bộ, đảng viên, công chức, viên chức và các tầng lớp nhân dân nhằm đẩy "
    "mạnh phong trào thi đua trên tất cả các lĩnh vực, tạo sự đồng thuận của nhân dân.",
    "- Từng bước đổi mới phương thức hoạt động công tác vận động quần chúng, công tác dân vận của cả hệ thống "
    "chính trị có hiệu quả.",
    "+ Đổi mới công tác đánh giá xếp loại, thi đua khen thưởng đảm bảo khách quan, chính xác đối với công tác "
    "dân vận nói chung.",
    "a) Các đơn vị gửi báo cáo về Ban Thường trực Ủy ban Mặt trận Tổ quốc phường chậm nhất ngày 25/7/2023 để "
    "tổng hợp và báo cáo cấp trên theo quy định.",
    "II. NỘI DUNG",
    "Sau đợt kiểm tra, tổng hợp báo cáo kết quả về Thường trực Thị ủy và Thường trực Ban Chỉ đạo thị xã, chậm "
    "nhất ngày 15/12/2023.",
]


@pytest.mark.parametrize("blank_between", [True, False])
def test_reflow_joins_wrapped_lines_but_not_headings_or_items(tmp_path: Path, blank_between: bool) -> None:
    lines = hard_wrap(PARAS, width=70, blank_between=blank_between)
    doc = read(_write(tmp_path, "wrapped.txt", "\n".join(lines).encode("utf-8")))
    texts = _texts(doc)
    assert texts == [" ".join(p.split()) for p in PARAS]
    # Each paragraph cites the file line of its first line.
    first_lines = [b.location.line for b in doc.blocks]
    expected = []
    for p in PARAS:
        first = next(i for i, line in enumerate(lines, start=1)
                     if line.strip() and p.startswith(line.strip()) and i not in expected)
        expected.append(first)
    assert first_lines == expected


def test_reflow_of_the_real_hard_wrapped_seed() -> None:
    path = SHARED / "eval" / "dev" / "kh-bcd-thi-xa-2023.txt"
    if not path.exists():
        pytest.skip("dev set not available")
    doc = read(path)
    texts = _texts(doc)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts and "1. Mục đích" in texts and "II. NỘI DUNG" in texts
    # A deadline sentence is whole, and cites the line where it starts.
    sentence = next(b for b in doc.blocks if "chậm nhất ngày 25/7/2023" in getattr(b, "text", ""))
    assert "Sau đợt kiểm tra, tổng hợp báo cáo kết quả về Thường trực Thị ủy" in sentence.text
    raw = path.read_text(encoding="utf-8").split("\n")
    assert raw[sentence.location.line - 1].strip().startswith(sentence.text[:20])
    # A document number broken after its hyphen is joined without a space.
    assert any("49-KH/ThU" in t for t in texts)


def test_lines_that_are_paragraphs_stay_line_by_line(tmp_path: Path) -> None:
    text = ("Đơn vị: Chi bộ khối 5\n\nDANH SÁCH\nĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2023\n\n"
            "Vinh Tân, ngày 05 tháng 02 năm 2024\nĐơn vị: Chi bộ khối 5\n(ký, ghi rõ họ tên, chức vụ)\n"
            "BÍ THƯ CHI BỘ\n\nTrần Văn Bình\n")
    doc = read(_write(tmp_path, "form.txt", text.encode("utf-8")))
    assert _texts(doc) == ["Đơn vị: Chi bộ khối 5", "DANH SÁCH", "ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2023",
                           "Vinh Tân, ngày 05 tháng 02 năm 2024", "Đơn vị: Chi bộ khối 5",
                           "(ký, ghi rõ họ tên, chức vụ)", "BÍ THƯ CHI BỘ", "Trần Văn Bình"]
    assert [b.location.line for b in doc.blocks] == [1, 3, 4, 6, 7, 8, 9, 11]


def test_side_by_side_header_line_is_split(tmp_path: Path) -> None:
    text = ("ỦY BAN NHÂN DÂN\nPHƯỜNG PHỔ MINH\n CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n\n"
            "Số: 46/KH-UBND                Phổ Minh, ngày 19 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
            "Về việc phát động phong trào thi đua năm 2024\n")
    doc = read(_write(tmp_path, "header.txt", text.encode("utf-8")))
    got = [(b.text, b.region, b.location.line) for b in doc.paragraphs]
    assert got[:6] == [
        ("ỦY BAN NHÂN DÂN", "header-left", 1), ("PHƯỜNG PHỔ MINH", "header-left", 2),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header-right", 3),
        ("Độc lập - Tự do - Hạnh phúc", "header-right", 4),
        ("Số: 46/KH-UBND", "header-left", 6), ("Phổ Minh, ngày 19 tháng 3 năm 2024", "header-right", 6),
    ]
    assert got[6] == ("KẾ HOẠCH", "body", 8)


def test_text_tables_become_table_blocks(tmp_path: Path) -> None:
    text = ("DANH SÁCH\n\n| TT | Tên mô hình | Lĩnh vực |\n|----|----|----|\n| 1 | Camera an ninh | QP-AN |\n"
            "| 2 | Tủ sách pháp luật | VH-XH |\n\nVinh Tân, ngày 05 tháng 02 năm 2024\n")
    doc = read(_write(tmp_path, "form.txt", text.encode("utf-8")))
    if not doc.tables:
        pytest.skip("find_text_tables does not detect pipe tables yet")
    table = doc.tables[0]
    assert table.text_rows()[-1] == ["2", "Tủ sách pháp luật", "VH-XH"]
    assert table.rows[-1][1].location.line == 6
    assert not any("Camera" in p.text for p in doc.paragraphs)
    assert doc.blocks[-1].text.startswith("Vinh Tân")


def test_page_number_inside_a_wrapped_sentence_is_set_aside(tmp_path: Path) -> None:
    lines = hard_wrap(PARAS[:3], width=70)
    cut = next(i for i, line in enumerate(lines) if line.startswith("Đảng") or " Đảng, " in line) + 1
    lines[cut:cut] = ["", "2", ""]
    doc = read(_write(tmp_path, "paged.txt", "\n".join(lines).encode("utf-8")))
    texts = _texts(doc)
    assert texts[:3] == [" ".join(p.split()) for p in PARAS[:3]]
    page = next(b for b in doc.paragraphs if b.text == "2")
    assert page.region == "page-footer"


def test_recipients_and_signature_written_side_by_side(tmp_path: Path) -> None:
    text = ("Trên đây là kế hoạch của UBND phường.\n\n"
            "Nơi nhận:                                   TM. ỦY BAN NHÂN DÂN\n"
            "- Phòng Nội vụ thị xã;                           CHỦ TỊCH\n"
            "- Lưu: VT.\n\n"
            "                                              Lê Duy Bảo\n")
    doc = read(_write(tmp_path, "end.txt", text.encode("utf-8")))
    got = [(p.text, p.region, p.location.line) for p in doc.paragraphs]
    assert got == [("Trên đây là kế hoạch của UBND phường.", "body", 1),
                   ("Nơi nhận:", "recipients", 3), ("TM. ỦY BAN NHÂN DÂN", "signature", 3),
                   ("- Phòng Nội vụ thị xã;", "recipients", 4), ("CHỦ TỊCH", "signature", 4),
                   ("- Lưu: VT.", "recipients", 5), ("Lê Duy Bảo", "body", 7)]


def test_doubly_encoded_utf8_is_repaired(tmp_path: Path) -> None:
    """UTF-8 opened as Windows-1252 and saved as UTF-8 again ("Cá»™ng hÃ²a")."""
    text = "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐảng ủy phường Vinh Tân đề nghị các chi bộ đăng ký.\n"
    mangled = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes((b,)).decode("cp1252")
                      for b in text.encode("utf-8"))
    doc = read(_write(tmp_path, "twice.txt", mangled.encode("utf-8")))
    assert _texts(doc) == ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Đảng ủy phường Vinh Tân đề nghị các chi bộ đăng ký."]
    assert doc.encoding == "utf-8+mojibake"


def test_header_with_rules_and_a_line_above(tmp_path: Path) -> None:
    text = ("Mẫu số 01\n"
            "ĐẢNG BỘ THÀNH PHỐ VINH            ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "ĐẢNG ỦY PHƯỜNG VINH TÂN\n"
            "        *                         ___________________\n"
            "Số 12-KH/ĐU                Vinh Tân, ngày 05 tháng 02 năm 2024\n\n"
            "KẾ HOẠCH\n")
    doc = read(_write(tmp_path, "party.txt", text.encode("utf-8")))
    got = [(p.text, p.region, p.location.line) for p in doc.paragraphs]
    assert ("ĐẢNG BỘ THÀNH PHỐ VINH", "header-left", 2) in got
    assert ("ĐẢNG CỘNG SẢN VIỆT NAM", "header-right", 2) in got
    assert ("ĐẢNG ỦY PHƯỜNG VINH TÂN", "header-left", 3) in got
    assert ("Số 12-KH/ĐU", "header-left", 5) in got
    assert ("Vinh Tân, ngày 05 tháng 02 năm 2024", "header-right", 5) in got
    assert ("Mẫu số 01", "body", 1) in got and ("KẾ HOẠCH", "body", 7) in got


def test_tcvn3_capitals_are_restored_per_column_and_at_sentence_starts() -> None:
    """TCVN3 has no toned capitals: a capitals signature column beside ordinary recipients text, and a
    sentence opening with "Ủy ban", must come back in capitals after decoding."""
    from pipeline.legacy import tcvn3_to_unicode, unicode_to_tcvn3

    original = ("T/M BAN THƯỜNG VỤ        - Như trên;\n"
                "Ủy ban nhân dân huyện chỉ đạo. Ủy ban MTTQ gửi báo cáo.\n"
                "Kính gửi: Ủy ban kiểm tra")
    assert tcvn3_to_unicode(unicode_to_tcvn3(original)) == original
