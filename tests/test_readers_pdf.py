"""PDF reader on real PDFs drawn with reportlab (DejaVu Serif, Vietnamese text)."""
from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest

from pipeline.model import Document, Paragraph
from pipeline.readers import ReadError, read
from readers_helpers import HEADER_OPS, make_pdf, table_ops, wrap_ops

SHARED = Path(__file__).resolve().parents[2] / "shared"
P1 = ("Căn cứ kế hoạch số 44/KH-UBND ngày 19/3/2024 của UBND phường về thực hiện Quy chế dân chủ ở cơ sở và "
      "công tác dân vận chính quyền năm 2024. Để triển khai thực hiện công tác dân vận chính quyền năm 2024 đạt "
      "hiệu quả, UBND phường xây dựng kế hoạch như sau:")
P2 = ("1. Các ban, ngành, cơ quan đơn vị thực hiện Kế hoạch phát động phong trào thi đua “Dân vận khéo” trên địa "
      "bàn phường, gửi báo cáo về UBND phường trước ngày 10/02/2024.")
P3 = "- Lựa chọn ưu tiên những lĩnh vực khó, trọng tâm."
XS = [70, 100, 300, 420, 525]
ROWS = [["TT", "Tên mô hình", "Lĩnh vực", "Thời gian"],
        ["I", "Mô hình mới năm 2024", None, None],
        ["1", "Camera an ninh", "QP-AN", "Tháng 3 - 12/2024"],
        ["2", "Tủ sách pháp luật", "^", "Năm 2024"]]


@pytest.fixture(scope="module")
def official(tmp_path_factory: pytest.TempPathFactory) -> Document:
    ops = list(HEADER_OPS)
    o, y = wrap_ops(P1, 200)
    ops += o
    ops.append(("text", 70, y + 6, "I. MỤC ĐÍCH, YÊU CẦU", "bold", 12))
    y += 24
    for para in (P2, P3):
        o, y = wrap_ops(para, y)
        ops += o
    ops += table_ops(XS, y + 10, 20, ROWS)
    page2 = [("text", 70, 80, "Nơi nhận:", "bold", 11), ("center", 420, 80, "CHỦ TỊCH", "bold", 12),
             ("text", 70, 96, "- Phòng Nội vụ thị xã;", "", 10), ("text", 70, 110, "- Lưu: VT.", "", 10),
             ("center", 420, 160, "Lê Duy Bảo", "bold", 12)]
    path = make_pdf(tmp_path_factory.mktemp("pdf") / "kh.pdf", [ops, page2])
    return read(path)


def _paras(doc: Document) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def test_pages_and_format(official: Document) -> None:
    assert official.format == "pdf"
    assert official.pages == 2


def test_two_column_header_is_read_column_by_column(official: Document) -> None:
    head = [(p.text, p.region, p.location.line) for p in _paras(official)[:6]]
    assert head == [
        ("ỦY BAN NHÂN DÂN", "header-left", 1), ("PHƯỜNG PHỔ MINH", "header-left", 2),
        ("Số: 46/KH-UBND", "header-left", 3),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header-right", 1), ("Độc lập - Tự do - Hạnh phúc", "header-right", 2),
        ("Phổ Minh, ngày 19 tháng 3 năm 2024", "header-right", 3),
    ]
    date_line = _paras(official)[5]
    assert date_line.italic and not date_line.bold
    assert _paras(official)[3].bold


def test_title_then_reflowed_paragraphs_with_first_line_numbers(official: Document) -> None:
    body = [p for p in _paras(official) if p.region == "body"]
    assert [p.text for p in body] == [
        "KẾ HOẠCH", "Về việc phát động phong trào thi đua “Dân vận khéo” năm 2024", P1, "I. MỤC ĐÍCH, YÊU CẦU", P2, P3]
    assert body[0].centered and body[0].bold
    assert [p.location.line for p in body] == [4, 5, 6, 10, 11, 14]
    assert all(p.location.page == 1 for p in body)


def test_table_with_merged_cells_and_no_duplicate_body_text(official: Document) -> None:
    assert len(official.tables) == 1
    table = official.tables[0]
    assert table.text_rows() == [
        ["TT", "Tên mô hình", "Lĩnh vực", "Thời gian"],
        ["I", "Mô hình mới năm 2024", "", ""],
        ["1", "Camera an ninh", "QP-AN", "Tháng 3 - 12/2024"],
        ["2", "Tủ sách pháp luật", "", "Năm 2024"],
    ]
    spans = {c.text: (c.rowspan, c.colspan) for row in table.rows for c in row}
    assert spans["Mô hình mới năm 2024"] == (1, 3)
    assert spans["QP-AN"] == (2, 1)
    assert sum(len(r) for r in table.rows) == 13  # merged cells read once
    assert table.rows[2][1].location.page == 1 and table.rows[2][1].location.row == 2
    assert not any("Camera" in p.text for p in _paras(official))


def test_recipients_and_signature_side_by_side(official: Document) -> None:
    tail = [(p.text, p.region, p.location.page) for p in _paras(official) if p.location.page == 2]
    assert tail == [("Nơi nhận:", "recipients", 2), ("- Phòng Nội vụ thị xã;", "recipients", 2),
                    ("- Lưu: VT.", "recipients", 2), ("CHỦ TỊCH", "signature", 2), ("Lê Duy Bảo", "signature", 2)]


def test_party_header(tmp_path: Path) -> None:
    ops = [("center", 150, 60, "ĐẢNG BỘ THÀNH PHỐ VINH", "", 11), ("center", 420, 60, "ĐẢNG CỘNG SẢN VIỆT NAM", "bold", 12),
           ("center", 150, 76, "ĐẢNG ỦY PHƯỜNG VINH TÂN", "bold", 11), ("center", 150, 90, "*", "", 11),
           ("center", 150, 106, "Số 12-KH/ĐU", "", 11),
           ("center", 420, 106, "Vinh Tân, ngày 05 tháng 02 năm 2024", "italic", 11),
           ("center", 297, 145, "KẾ HOẠCH", "bold", 13)]
    doc = read(make_pdf(tmp_path / "party.pdf", [ops]))
    got = [(p.text, p.region) for p in _paras(doc)]
    assert got == [("ĐẢNG BỘ THÀNH PHỐ VINH", "header-left"), ("ĐẢNG ỦY PHƯỜNG VINH TÂN", "header-left"),
                   ("*", "header-left"), ("Số 12-KH/ĐU", "header-left"),
                   ("ĐẢNG CỘNG SẢN VIỆT NAM", "header-right"),
                   ("Vinh Tân, ngày 05 tháng 02 năm 2024", "header-right"), ("KẾ HOẠCH", "body")]


def _long_table_pdf(path: Path, repeat_header: bool, second_xs: list[float] | None = None) -> Path:
    head = ["TT", "Tên mô hình", "Lĩnh vực", "Thời gian"]
    rows1 = [head] + [[str(i), f"Mô hình số {i}", "KT", "Năm 2024"] for i in range(1, 30)]
    rows2 = ([head] if repeat_header else []) + [[str(i), f"Mô hình số {i}", "KT", "Năm 2024"] for i in range(30, 36)]
    p1 = [("text", 70, 60, "DANH SÁCH ĐĂNG KÝ MÔ HÌNH", "bold", 12)] + table_ops(XS, 80, 24, rows1)
    p2 = [("center", 297, 40, "2", "", 10)] + table_ops(second_xs or XS, 60, 24, rows2) + [
        ("text", 70, 60 + 24 * 7 + 30, "Vinh Tân, ngày 05 tháng 02 năm 2024", "italic", 12)]
    return make_pdf(path, [p1, p2])


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_continuing_on_next_page_is_joined(tmp_path: Path, repeat_header: bool) -> None:
    doc = read(_long_table_pdf(tmp_path / "long.pdf", repeat_header))
    assert len(doc.tables) == 1
    rows = doc.tables[0].text_rows()
    assert rows[0] == ["TT", "Tên mô hình", "Lĩnh vực", "Thời gian"]
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(1, 36)]
    last = doc.tables[0].rows[-1][0]
    assert last.location.page == 2 and last.location.row == 35 and last.location.table == 0
    assert _paras(doc)[-1].text == "Vinh Tân, ngày 05 tháng 02 năm 2024"


def test_tables_with_other_columns_are_not_joined(tmp_path: Path) -> None:
    doc = read(_long_table_pdf(tmp_path / "two.pdf", False, second_xs=[70, 200, 525, 530, 540]))
    assert len(doc.tables) == 2
    assert doc.tables[1].index == 1


def test_image_only_page_is_reported(tmp_path: Path) -> None:
    from pipeline.readers import pdf

    path = make_pdf(tmp_path / "scan.pdf", [[("image", 50, 50, 400, 300)], HEADER_OPS])
    doc = Document(path=str(path), sha256="", format="pdf")
    pdf.read(path, doc)  # the reader alone: OCR is a later stage
    assert doc.metadata["pages_without_text"] == [1]
    assert "page 1 has no text layer: needs OCR" in doc.warnings
    assert any(isinstance(b, Paragraph) and b.location.page == 2 for b in doc.blocks)


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "enc.pdf", [HEADER_OPS], encrypt="mat-khau")
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.kind == "encrypted"
    assert err.value.reason.startswith("encrypted PDF")


@pytest.mark.parametrize("fraction", [0.3, 0.9])
def test_truncated_pdf(tmp_path: Path, fraction: float) -> None:
    full = make_pdf(tmp_path / "full.pdf", [HEADER_OPS, HEADER_OPS])
    data = full.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(ReadError) as err:
        read(cut)
    assert "\n" not in err.value.reason and "PDF" in err.value.reason


def test_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.readers import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    path = make_pdf(tmp_path / "many.pdf", [[("text", 70, 80, f"Trang nội dung {i}", "", 12)] for i in range(4)])
    doc = read(path)
    assert doc.pages == 4
    assert [p.text for p in _paras(doc)] == ["Trang nội dung 0", "Trang nội dung 1"]
    assert any("first 2 of 4 pages" in w for w in doc.warnings)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def test_seed_rendered_as_pdf_reads_back_faithfully(tmp_path: Path) -> None:
    """A real seed drawn as a multi-page PDF (wrapped paragraphs) reads back with similarity >= 0.98."""
    seed = next(iter(sorted((SHARED / "seeds").glob("002_*.txt"))), None)
    if seed is None:
        pytest.skip("seeds not available")
    paragraphs = [ln.strip() for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]
    pages, ops, y = [], [], 60.0
    for para in paragraphs:
        o, y2 = wrap_ops(para, y, indent=0)
        if y2 > 780:
            pages.append(ops)
            ops, y = [], 60.0
            o, y2 = wrap_ops(para, y, indent=0)
        ops += o
        y = y2 + 4
    pages.append(ops)
    doc = read(make_pdf(tmp_path / "seed.pdf", pages))
    assert doc.pages == len(pages) >= 2
    a, b = _squash("".join(paragraphs)), _squash(doc.text())
    assert difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.98


def test_pdf_made_from_a_vni_font_document_is_converted(tmp_path: Path) -> None:
    from readers_helpers import to_vni

    text = "Đảng ủy phường đề nghị các chi bộ đăng ký mô hình trước ngày 16/02/2024."
    glyphs = to_vni(text).decode("cp1252")
    doc = read(make_pdf(tmp_path / "vni.pdf", [[("text", 70, 80, glyphs, "", 12)]]))
    assert [p.text for p in _paras(doc)] == [text]
    assert doc.encoding == "vni"


def test_header_columns_close_together(tmp_path: Path) -> None:
    """Word exports often leave only a few points between the issuer and the motto."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from readers_helpers import register_fonts

    font = register_fonts()[0]
    left = "UBND THÀNH PHỐ LONG XUYÊN"
    end = 70 + stringWidth(left, font, 11)
    ops = [("text", 70, 60, left, "", 11), ("text", end + 12, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "bold", 11),
           ("text", 80, 76, "UBND PHƯỜNG MỸ PHƯỚC", "bold", 11),
           ("text", end + 40, 76, "Độc lập - Tự do - Hạnh phúc", "bold", 11),
           ("text", 90, 100, "Số: 344 /KH-UBND", "", 11),
           ("text", end + 20, 100, "Mỹ Phước, ngày 20 tháng 3 năm 2024", "italic", 11),
           ("center", 297, 140, "KẾ HOẠCH", "bold", 13)]
    doc = read(make_pdf(tmp_path / "close.pdf", [ops]))
    assert [(p.text, p.region) for p in _paras(doc)] == [
        ("UBND THÀNH PHỐ LONG XUYÊN", "header-left"), ("UBND PHƯỜNG MỸ PHƯỚC", "header-left"),
        ("Số: 344 /KH-UBND", "header-left"), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header-right"),
        ("Độc lập - Tự do - Hạnh phúc", "header-right"), ("Mỹ Phước, ngày 20 tháng 3 năm 2024", "header-right"),
        ("KẾ HOẠCH", "body")]


def test_quotes_around_italic_words_are_not_spaced(tmp_path: Path) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from readers_helpers import register_fonts

    regular, _, italic = register_fonts()
    x = 70 + stringWidth("phong trào “", regular, 12)
    x2 = x + stringWidth("Dân vận khéo", italic, 12)
    ops = [("text", 70, 80, "phong trào “", "", 12), ("text", x, 80, "Dân vận khéo", "italic", 12),
           ("text", x2, 80, "” năm 2024", "", 12)]
    doc = read(make_pdf(tmp_path / "quotes.pdf", [ops]))
    assert [p.text for p in _paras(doc)] == ["phong trào “Dân vận khéo” năm 2024"]


def test_text_layer_without_unicode_mapping_counts_as_no_text(tmp_path: Path) -> None:
    from pipeline.readers import pdf
    from readers_helpers import make_unmapped_font_pdf

    path = make_unmapped_font_pdf(tmp_path / "cid.pdf")
    doc = Document(path=str(path), sha256="", format="pdf")
    pdf.read(path, doc)
    assert doc.metadata["pages_without_text"] == [1]
    assert not any("cid:" in getattr(b, "text", "") for b in doc.blocks)
    assert "page 1 has no text layer: needs OCR" in doc.warnings


def test_line_above_the_header_does_not_hide_it(tmp_path: Path) -> None:
    ops = [("center", 297, 36, "Mẫu số 01 - Ban hành kèm theo Hướng dẫn số 12-HD/BDVTU", "italic", 9)] + list(HEADER_OPS)
    doc = read(make_pdf(tmp_path / "stamp.pdf", [ops]))
    got = [(p.text, p.region) for p in _paras(doc)]
    assert got[0] == ("Mẫu số 01 - Ban hành kèm theo Hướng dẫn số 12-HD/BDVTU", "body")
    assert got[1:4] == [("ỦY BAN NHÂN DÂN", "header-left"), ("PHƯỜNG PHỔ MINH", "header-left"),
                        ("Số: 46/KH-UBND", "header-left")]
    assert ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header-right") in got


# --------------------------------------------------------------------------- pdfium-specific reading


def _raw_pdf(path: Path, content: bytes, rotate: int = 0) -> Path:
    """A one-page PDF around a hand-written content stream (font /F1 = Times-Roman, WinAnsi)."""
    from readers_helpers import write_raw_pdf

    return write_raw_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>" % rotate,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"])


def test_numbers_stamped_as_widget_appearances_are_read(tmp_path: Path) -> None:
    """Signing software stamps the number and the day as widget appearances: they print, so they are read.

    A hidden widget is not read.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from readers_helpers import register_fonts

    regular = register_fonts()[0]
    height = A4[1]
    path = tmp_path / "signed.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(regular, 11)
    c.drawCentredString(150, height - 60, "ỦY BAN NHÂN DÂN")
    c.drawCentredString(410, height - 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    c.drawCentredString(150, height - 76, "PHƯỜNG PHỔ MINH")
    c.drawCentredString(410, height - 76, "Độc lập - Tự do - Hạnh phúc")
    c.drawString(100, height - 106, "Số:")
    c.drawString(150, height - 106, "/KH-UBND")
    c.drawString(320, height - 106, "Phổ Minh, ngày")
    x = 320 + stringWidth("Phổ Minh, ngày", regular, 11)
    c.drawString(x + 22, height - 106, "tháng 3 năm 2024")
    c.drawCentredString(297, height - 145, "KẾ HOẠCH")
    for name, value, left, width, flags in (("Signature2", "46", 122, 26, "print"), ("Signature3", "19", x + 3, 18, "print"),
                                            ("Hidden", "999", 300, 40, "hidden")):
        c.acroForm.textfield(value=value, x=left, y=height - 109, width=width, height=14, borderWidth=0, fontSize=11,
                             name=name, annotationFlags=flags, fillColor=None, borderColor=None)
    c.save()
    doc = read(path)
    got = [(p.text, p.region) for p in _paras(doc)]
    assert ("Số: 46 /KH-UBND", "header-left") in got
    assert ("Phổ Minh, ngày 19 tháng 3 năm 2024", "header-right") in got
    assert "999" not in doc.text()
    assert doc.metadata["pdf_widgets_read"] == [1]


def test_real_signed_letter_gives_its_stamped_number() -> None:
    """The real letter whose number and day exist only as signature-widget appearances (real set, r41)."""
    path = SHARED / "eval" / "real" / "r41-nghean-snv-cv-3743-tham-dinh-danh-muc-san-pham.pdf"
    if not path.exists():
        pytest.skip("real set not available")
    got = [(p.text, p.region) for p in _paras(read(path))[:12]]
    assert ("Số: 3743 /SNV-CCVC", "header-left") in got
    assert ("Nghệ An, ngày 22 tháng 5 năm 2026", "header-right") in got


def test_space_left_out_by_pdfium_still_separates_words(tmp_path: Path) -> None:
    """A space drawn as a text run of its own: pdfium drops it (and puts its own in); the words stay apart
    even though the glyphs are closer than 2 points."""
    path = _raw_pdf(tmp_path / "space.pdf", b"BT /F1 6 Tf 72 700 Td (Vu) Tj ET BT /F1 6 Tf 79.6 700 Td ( ) Tj ET "
                                              b"BT /F1 6 Tf 80.9 700 Td (Noi) Tj ET")
    assert [p.text for p in _paras(read(path))] == ["Vu Noi"]


def test_kerning_gap_inside_a_word_does_not_split_it(tmp_path: Path) -> None:
    """pdfium puts a space at a small kerning gap inside one text run; a word is only split where pdfplumber
    split it (a real space, or a gap over 2 points)."""
    path = _raw_pdf(tmp_path / "kern.pdf", b"BT /F1 12 Tf 72 700 Td [(Q) -140 (uy ho) -140 (ach)] TJ ET")
    assert [p.text for p in _paras(read(path))] == ["Quy hoach"]


def test_hyphen_ending_a_line_is_kept(tmp_path: Path) -> None:
    """pdfium marks a line-ending hyphen with a control character; the text keeps the hyphen."""
    path = _raw_pdf(tmp_path / "hyphen.pdf", b"BT /F1 12 Tf 72 700 Td (Nghi dinh so 335/2025/ND-) Tj ET "
                                               b"BT /F1 12 Tf 72 686 Td (CP ngay 10/3/2025.) Tj ET")
    text = read(path).text()
    assert "335/2025/ND-" in text and "\x02" not in text and "\ufffe" not in text


def test_rotated_page_reads_upright(tmp_path: Path) -> None:
    """A landscape page stored as portrait with /Rotate 90: lines in reading order, boxes on the shown page."""
    path = _raw_pdf(tmp_path / "landscape.pdf",
                    b"BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Cac chi bo gui bao cao truoc ngay 10/3/2025.) Tj ET "
                    b"BT /F1 12 Tf 0 1 -1 0 260 100 Tm (Ke hoach so 12) Tj ET", rotate=90)
    paras = _paras(read(path))
    assert [p.text for p in paras] == ["Ke hoach so 12", "Cac chi bo gui bao cao truoc ngay 10/3/2025."]
    x0, top, x1, bottom = paras[0].location.bbox
    # On the shown (842 wide) page the first line starts 100 pt from the left, about 260 pt from the top.
    assert x0 == pytest.approx(100, abs=1) and 245 < top < bottom < 266


def test_text_drawn_glyph_by_glyph_is_read_as_words(tmp_path: Path) -> None:
    """Each glyph placed on its own (no space characters): words come from the gaps between glyphs."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from readers_helpers import register_fonts

    regular = register_fonts()[0]
    text = "Đảng ủy phường đề nghị các chi bộ đăng ký trước ngày 16/02/2024."
    ops, x = [], 70.0
    for ch in text:
        if ch != " ":
            ops.append(("text", x, 80, ch, "", 12))
        x += stringWidth(ch, regular, 12)
    doc = read(make_pdf(tmp_path / "glyphs.pdf", [ops]))
    assert [p.text for p in _paras(doc)] == [text]


def test_decomposed_tone_marks_are_composed(tmp_path: Path) -> None:
    """Text drawn as base letters plus combining marks reads back in NFC."""
    text = "Ủy ban nhân dân phường Hòa Khánh Bắc"
    doc = read(make_pdf(tmp_path / "nfd.pdf", [[("text", 70, 80, unicodedata.normalize("NFD", text), "", 12)]]))
    assert [p.text for p in _paras(doc)] == [text]


def test_ruled_grid_is_told_from_rules_and_frames(tmp_path: Path) -> None:
    """Only a page whose rulings can make two cells goes to the table finder: an underline or a frame does not."""
    import pypdfium2 as pdfium

    from pipeline.readers.pdf_chars import has_ruling_grid

    underline = [("text", 110, 60, "PHƯỜNG PHỔ MINH", "", 12), ("line", 110, 66, 220, 66)]
    framed = [("text", 110, 100, "Ghi chú", "", 12), ("line", 100, 85, 400, 85), ("line", 100, 120, 400, 120),
              ("line", 100, 85, 100, 120), ("line", 400, 85, 400, 120)]
    path = make_pdf(tmp_path / "grid.pdf", [underline, framed, table_ops(XS, 100, 20, ROWS)])
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert [has_ruling_grid(pdf[i]) for i in range(3)] == [False, False, True]
    finally:
        pdf.close()


def test_page_with_too_many_rulings_keeps_its_text_without_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.readers import pdf

    monkeypatch.setattr(pdf, "MAX_PAGE_EDGES", 10)
    doc = read(_long_table_pdf(tmp_path / "dense.pdf", repeat_header=False))
    assert "page 1: more than 10 ruling lines, tables not detected" in doc.warnings
    # the ruled finder gave up; what table remains was found from the text's columns, as in a text file
    assert all(cell.location.bbox is None for table in doc.tables for row in table.rows for cell in row)
    assert "Mô hình số 12" in doc.text()


def test_subject_wrapped_over_three_lines_stays_in_the_left_column(tmp_path: Path) -> None:
    ops = list(HEADER_OPS[:5]) + [HEADER_OPS[5],
           ("center", 150, 122, "V/v thẩm định danh mục sản", "", 11),
           ("center", 150, 136, "phẩm/công việc; sản phẩm/công", "", 11),
           ("center", 150, 150, "việc chuẩn và danh mục sản", "", 11),
           ("center", 150, 164, "phẩm/công việc quy đổi", "", 11),
           ("center", 297, 210, "Kính gửi: Ủy ban nhân dân xã Nghĩa Lâm", "", 12)]
    doc = read(make_pdf(tmp_path / "subject.pdf", [ops]))
    left = [p.text for p in _paras(doc) if p.region == "header-left"]
    assert left[-4:] == ["V/v thẩm định danh mục sản", "phẩm/công việc; sản phẩm/công", "việc chuẩn và danh mục sản",
                         "phẩm/công việc quy đổi"]
    assert ("Kính gửi: Ủy ban nhân dân xã Nghĩa Lâm", "body") in [(p.text, p.region) for p in _paras(doc)]
