"""OCR: post-correction, preprocessing, grid detection, hostile images, PDF hook, scanned forms.

Fast tests use OpenCV and PIL on images drawn here; tests marked ``slow`` run the real
Tesseract on one page each (a few seconds).
"""
from __future__ import annotations

import io
import random
import resource
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.model import Document, Paragraph, Table
from pipeline.readers import ReadError, read
from pipeline.readers import ocr
from pipeline.readers.ocr import OcrLine, correct, correct_digits, group_paragraphs, restore_trigger_diacritics
from pipeline.readers.ocr_tables import _cells_of, find_grids, fix_short_cell
from ocr_helpers import font_path, huge_png, text_page

SCANS = Path(__file__).parent / "data" / "scans"
HAS_TESSERACT = ocr.tesseract_available()
needs_tesseract = pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract-ocr (+ tesseract-ocr-vie) not installed")
needs_font = pytest.mark.skipif(font_path() is None, reason="no Vietnamese TTF font (fonts-liberation2/dejavu)")


# --------------------------------------------------------------------------- post-correction


@pytest.mark.parametrize("raw, fixed", [
    ("Trước ngày 1O/02/2O24 gửi về", "Trước ngày 10/02/2024 gửi về"),
    ("hạn chót l5/3/2024", "hạn chót 15/3/2024"),
    ("năm 2O24", "năm 2024"),
    ("Số: O3-KH/BDVTU", "Số: 03-KH/BDVTU"),
    ("ngày 1I/12/2023", "ngày 11/12/2023"),
    ("trước ngày 10 / 02 / 2024", "trước ngày 10/02/2024"),
    ("Tháng D1 - 12/2024", "Tháng 01 - 12/2024"),
    ("Căn cứ Kế hoạch số 03-KH/BDV TU, ngày 29/01/2021", "Căn cứ Kế hoạch số 03-KH/BDVTU, ngày 29/01/2021"),
    ("ngày O5 tháng O2 năm 2O24", "ngày 05 tháng 02 năm 2024"),
    # a symbol's term number: I read for 1, or a 1 read as "I1"; a speck between the letters of a symbol
    ("Nghị quyết số 76/2025/UBTVQHI5 ngày 14/4/2025", "Nghị quyết số 76/2025/UBTVQH15 ngày 14/4/2025"),
    ("Nghị quyết số 199/2025/QHI15;", "Nghị quyết số 199/2025/QH15;"),
    ("Tờ trình số 40/T'Tr-UBND ngày 17/4/2026", "Tờ trình số 40/TTr-UBND ngày 17/4/2026"),
    ("Công văn số 15972/SXD-QLN& TTBĐS ngày 14", "Công văn số 15972/SXD-QLN&TTBĐS ngày 14"),
    ("Tờ trình số 1934/TTr-PVHXH ngày 3] tháng 12 năm 2025", "Tờ trình số 1934/TTr-PVHXH ngày 31 tháng 12 năm 2025"),
])
def test_digit_lookalikes_are_fixed_inside_numbers(raw: str, fixed: str) -> None:
    assert correct_digits(raw) == fixed


@pytest.mark.parametrize("text", [
    "Mục II và III", "IO", "lO người", "Chi bộ khối 5", "Tháng 3 - 12/2024", "3D", "Quý II - Quý IV/2024",
    "Đồng chí Lê Văn Oanh", "KH-UBND", "Ban Dân vận Thành ủy", "Tháng Dân vận", "3D",
    "Kế hoạch số 44/KH-UBND ngày 19/3/2024", "số 10-NQ/TU, ngày 01/12/2023", "Số: 46/KH-UBND PHỔ MINH.",
    "Luật số 80/2025/QH15", "Báo cáo số 426/BC-UBPLTP15", "Số 12/2024/TT-BTC", "Công văn số 15972/SXD-QLN&TTBĐS",
])
def test_digit_correction_leaves_words_and_roman_numerals_alone(text: str) -> None:
    assert correct_digits(text) == text


@pytest.mark.parametrize("raw, fixed", [
    ("truoc ngay 10/02/2024", "trước ngày 10/02/2024"),
    ("Truoc ngay 15/3", "Trước ngày 15/3"),
    ("cham nhat ngay 20/5/2024", "chậm nhất ngày 20/5/2024"),
    ("HAN CHOT 01/8/2024", "HẠN CHÓT 01/8/2024"),
    ("nộp ngay 05/02/2024", "nộp ngày 05/02/2024"),
    ("Mỹ Phước, ngày 20 thang 3 nam 2024", "Mỹ Phước, ngày 20 tháng 3 năm 2024"),
    ("tại Tờ trình sô 40/TTr-UBND ngày 17/4/2026", "tại Tờ trình số 40/TTr-UBND ngày 17/4/2026"),
    ("Sổ 12-KH/ĐU", "Số 12-KH/ĐU"),
])
def test_lost_diacritics_restored_in_trigger_words(raw: str, fixed: str) -> None:
    assert restore_trigger_diacritics(raw) == fixed


@pytest.mark.parametrize("text", [
    "triển khai ngay trong tháng", "Việt Nam 2024", "Miền Nam 1975", "trước ngày 10/02/2024", "so với năm trước",
    "ghi vào sổ 2 trang", "sổ tay 2025",
])
def test_diacritics_restoration_is_conservative(text: str) -> None:
    assert restore_trigger_diacritics(text) == text


def test_correct_runs_both_steps() -> None:
    assert correct("han chot ngay 1O/8/2O24") == "hạn chót ngày 10/8/2024"


@pytest.mark.parametrize("raw, fixed", [("|", "I"), ("||", "II"), ("H", "II"), ("]", "I"), ("|V", "IV"),
                                        ("2 `", "2"), ("H -", "II"), ("Ngõ 27, khối 5 _.", "Ngõ 27, khối 5"), ("12", "12"), ("Tên mô hình", "Tên mô hình"), ("KT", "KT")])
def test_numbering_cells(raw: str, fixed: str) -> None:
    assert fix_short_cell(raw) == fixed


# --------------------------------------------------------------------------- layout helpers


def _line(text: str, x0: int, y0: int, x1: int, block: int = 1, par: int = 1) -> OcrLine:
    words = text.split()
    step = (x1 - x0) / max(1, len(words))
    boxes = [(int(x0 + i * step), y0, int(x0 + (i + 1) * step - 10), y0 + 30) for i in range(len(words))]
    return OcrLine(text, 90.0, (x0, y0, x1, y0 + 30), block, par, [(w, 90.0) for w in words], boxes)


def test_wrapped_lines_join_but_list_items_and_centred_lines_do_not() -> None:
    lines = [
        _line("3. Trước ngày 10/02/2024 tổng hợp đăng ký các mô hình gửi", 200, 100, 2300),
        _line("về Khối Vận phường.", 150, 140, 700),
        _line("4. Từ tháng 06 - 07/2024 khảo sát", 200, 180, 2300),
        _line("- Lưu: VT.", 150, 220, 2300),
        _line("Vinh Tân, ngày 05 tháng 02 năm 2024", 1300, 400, 2300, block=2),
        _line("Đơn vị: Chi bộ khối 5", 1330, 440, 2270, block=2),
        _line("BÍ THƯ CHI BỘ", 1600, 480, 1950, block=2),
        _line("Vinh Tân, ngày 05 tháng 02 năm 2024", 1300, 700, 2300, block=3),
        _line("Đơn vị: Công an phường Vinh Tân", 1300, 740, 2290, block=3),
    ]
    groups = group_paragraphs(lines, 2480)
    texts = [" ".join(ln.text for ln in g) for g in groups]
    assert texts[0] == "3. Trước ngày 10/02/2024 tổng hợp đăng ký các mô hình gửi về Khối Vận phường."
    assert "4. Từ tháng 06 - 07/2024 khảo sát" in texts and "- Lưu: VT." in texts
    assert "BÍ THƯ CHI BỘ" in texts  # centred signature lines kept on their own
    assert "Đơn vị: Chi bộ khối 5" in texts
    assert "Đơn vị: Công an phường Vinh Tân" in texts  # same width, but a narrow block: no wrap


def test_side_by_side_zones_read_left_column_first_and_keep_titles_out() -> None:
    from pipeline.readers.ocr import _columns_in_order

    lines = [
        _line("ỦY BAN NHÂN DÂN", 200, 100, 800), _line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1200, 100, 2300),
        _line("PHƯỜNG PHỔ MINH", 220, 150, 780), _line("Độc lập - Tự do - Hạnh phúc", 1350, 150, 2150),
        _line("Số: 46/KH-UBND", 300, 230, 700), _line("Phổ Minh, ngày 19 tháng 3 năm 2024", 1300, 230, 2250),
        _line("KẾ HOẠCH", 1150, 330, 1450),
        _line("Nơi nhận:", 200, 2000, 450), _line("CHỦ TỊCH", 1600, 2000, 1900),
        _line("- Phòng Nội vụ thị xã;", 200, 2050, 800),
        _line("- Lưu: VT.", 200, 2100, 500),
        _line("ˆ", 1700, 2150, 1710),
        _line("Lê Duy Bảo", 1620, 2250, 1880),
    ]
    ordered = _columns_in_order(lines)
    texts = [ln.text for ln in ordered]
    assert texts == ["ỦY BAN NHÂN DÂN", "PHƯỜNG PHỔ MINH", "Số: 46/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Phổ Minh, ngày 19 tháng 3 năm 2024", "KẾ HOẠCH",
                     "Nơi nhận:", "- Phòng Nội vụ thị xã;", "- Lưu: VT.", "CHỦ TỊCH", "Lê Duy Bảo"]
    zones = {ln.text: (ln.zone, ln.column) for ln in ordered}
    assert zones["Số: 46/KH-UBND"] == ("header", 0) and zones["Phổ Minh, ngày 19 tháng 3 năm 2024"] == ("header", 1)
    assert zones["KẾ HOẠCH"] == (None, 0)
    assert zones["- Lưu: VT."] == ("closing", 0) and zones["Lê Duy Bảo"] == ("closing", 1)


@pytest.mark.parametrize("raw, fixed", [("DANH SÁCH -", "DANH SÁCH"), ("BÍ THƯ CHI BỘ _.", "BÍ THƯ CHI BỘ"),
                                        ("kinh tế - xã hội", "kinh tế - xã hội"), ("theo quy định./.", "theo quy định./."),
                                        ("Tháng 3 - 12/2024", "Tháng 3 - 12/2024")])
def test_speck_after_last_word_is_dropped(raw: str, fixed: str) -> None:
    from pipeline.readers.ocr import _END_SPECK

    assert _END_SPECK.sub("", raw) == fixed


def test_check_size_refuses_tiny_and_huge() -> None:
    assert "too small" in ocr.check_size(1, 1)
    assert "refused" in ocr.check_size(20_000, 20_000)
    assert ocr.check_size(2480, 3508) is None


def test_transparent_image_is_flattened_on_white() -> None:
    img = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    gray = ocr.to_gray_array(img)
    assert gray.shape == (40, 40) and int(gray.min()) == 255


def _grid_image(merged_header: bool) -> np.ndarray:
    import cv2

    img = np.full((1200, 1700), 255, np.uint8)
    xs, ys = [100, 300, 900, 1600], [200, 320, 440, 560, 680]
    for y in ys:
        cv2.line(img, (xs[0], y), (xs[-1], y), 0, 3)
    for i, x in enumerate(xs):
        # With a merged header the ruling between columns 1 and 2 stops below the first row.
        top = ys[1] if merged_header and i == 2 else ys[0]
        cv2.line(img, (x, top), (x, ys[-1]), 0, 3)
    cv2.putText(img, "TT", (130, 280), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 0, 3)
    return img


def test_grid_found_with_rows_columns_and_merged_cell() -> None:
    grids = find_grids(_grid_image(merged_header=True))
    assert len(grids) == 1
    grid = grids[0]
    assert len(grid["xs"]) == 4 and len(grid["ys"]) == 5
    cells = _cells_of(grid)
    assert (0, 1, 1, 2) in cells  # header cell spanning columns 1-2
    assert (1, 1, 1, 1) in cells and (1, 2, 1, 1) in cells
    assert len(cells) == 4 * 3 - 1


def test_text_without_rulings_is_not_a_table() -> None:
    if font_path() is None:
        pytest.skip("no font")
    page = np.asarray(text_page(["Căn cứ Kế hoạch số 03-KH/BDVTU", "I. MỤC ĐÍCH, YÊU CẦU"] * 4, size=(1240, 1000)))
    assert find_grids(page) == []


@needs_font
def test_skew_is_estimated_within_a_few_tenths_of_a_degree() -> None:
    page = text_page(["Thực hiện Kế hoạch số 344/KH-UBND ngày 20/3/2024 của UBND phường"] * 8, size=(1600, 1000))
    rotated = np.asarray(page.rotate(2.0, resample=Image.BICUBIC, expand=True, fillcolor=255))
    angle = ocr.estimate_skew(rotated)
    assert abs(abs(angle) - 2.0) <= 0.3
    straightened = ocr.rotate(rotated, angle)
    assert abs(ocr.estimate_skew(straightened)) <= 0.3


# --------------------------------------------------------------------------- hostile images


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_20000_pixel_square_image_is_refused_quickly_without_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    huge_png(path)
    assert path.stat().st_size < 2_000_000
    before = _peak_rss_mb()
    started = time.perf_counter()
    with pytest.raises(ReadError) as err:
        read(path)
    assert time.perf_counter() - started < 5
    assert err.value.kind == "too_large"
    assert "20000×20000" in err.value.reason or "too large" in err.value.reason
    assert _peak_rss_mb() - before < 200  # decoding it would take 50 MB (1-bit) to 1.2 GB (RGB)


def test_garbage_image_gives_a_clear_reason(tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    rng = random.Random(7)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000)))
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.kind == "corrupt"
    assert "image" in err.value.reason and "\n" not in err.value.reason


def test_truncated_jpeg_gives_a_clear_reason(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.effect_noise((600, 800), 40).save(buf, "JPEG")
    path = tmp_path / "photo.jpg"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 3])
    try:
        doc = read(path)
    except ReadError as err:
        assert "image" in err.reason
    else:  # Pillow may decode the readable part: then a warning, no crash
        assert doc.warnings


def test_one_pixel_image_warns(tmp_path: Path) -> None:
    path = tmp_path / "dot.png"
    Image.new("L", (1, 1), 0).save(path)
    doc = read(path)
    assert doc.format == "image" and doc.blocks == []
    assert any("too small" in w for w in doc.warnings) or any("tesseract is not installed" in w for w in doc.warnings)


@needs_tesseract
def test_blank_page_warns_without_running_tesseract(tmp_path: Path) -> None:
    path = tmp_path / "blank.png"
    Image.new("L", (1240, 1754), 250).save(path, dpi=(150, 150))
    started = time.perf_counter()
    doc = read(path)
    assert time.perf_counter() - started < 3
    assert doc.blocks == [] and doc.ocr is False
    assert any("blank" in w for w in doc.warnings)


@needs_tesseract
def test_multipage_tiff_reports_each_page_in_order(tmp_path: Path) -> None:
    path = tmp_path / "pages.tif"
    pages = [Image.new("L", (900, 1200), 255), Image.new("L", (900, 1200), 255), Image.new("L", (900, 1200), 255)]
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_lzw")
    doc = read(path)
    assert doc.pages == 3
    blank = [w for w in doc.warnings if "blank" in w]
    assert blank == [f"page {n} is blank: no text found" for n in (1, 2, 3)]


def test_pages_come_back_in_page_order_with_two_workers() -> None:
    def loader(width: int):  # type: ignore[no-untyped-def]
        return lambda: (np.full((max(1, width), 50), 255, np.uint8), 300.0, 1.0)

    sources = [(1, loader(3000)), (2, loader(1)), (3, loader(800)), (4, loader(2))]
    results = list(ocr.ocr_pages(iter(sources), {"workers": 2}))
    assert [r.page for r in results] == [1, 2, 3, 4]
    assert "too small" in results[1].warnings[0]


def test_without_tesseract_a_clear_warning_and_no_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TESSERACT_CMD", str(tmp_path / "no-such-tesseract"))
    ocr.tesseract_status.cache_clear()
    try:
        path = tmp_path / "scan.png"
        Image.new("L", (800, 600), 255).save(path)
        doc = read(path)
        assert doc.format == "image" and doc.blocks == [] and not doc.ocr
        assert doc.warnings == [ocr.NOT_INSTALLED]
        pdf_doc = Document(path="x.pdf", sha256="", format="pdf", pages=2,
                           warnings=["page 2 has no text layer: needs OCR"], metadata={"pages_without_text": [2]})
        ocr.ocr_pdf_pages(tmp_path / "missing.pdf", pdf_doc)
        assert len(pdf_doc.warnings) == 1 and "tesseract is not installed" in pdf_doc.warnings[0]
        assert "page 2" in pdf_doc.warnings[0]
    finally:
        monkeypatch.delenv("TESSERACT_CMD")
        ocr.tesseract_status.cache_clear()


# --------------------------------------------------------------------------- real OCR (slow)


@needs_tesseract
@pytest.mark.slow
def test_orientation_upside_down_and_sideways_detected() -> None:
    page = np.asarray(Image.open(SCANS / "form-chi-bo-khoi-5-bw150.png").convert("L"))
    page = np.ascontiguousarray(np.kron(page, np.ones((2, 2), np.uint8)))  # 300 dpi, like preprocess would
    assert ocr.detect_orientation(page, ocr.DEFAULTS) == 0
    assert ocr.detect_orientation(np.ascontiguousarray(np.rot90(page, 2)), ocr.DEFAULTS) == 180
    assert ocr.detect_orientation(np.ascontiguousarray(np.rot90(page, 1)), ocr.DEFAULTS) in (90, 270)


def _mixed_pdf(path: Path) -> None:
    """Page 1 with a text layer; page 2 only a picture of text (a scanned page)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("OcrTestSerif", font_path()))  # type: ignore[arg-type]
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("OcrTestSerif", 13)
    c.drawString(72, 760, "KẾ HOẠCH phát động phong trào thi đua năm 2024")
    c.showPage()
    scan = text_page(["3. Trước ngày 15/3/2024 các chi bộ gửi đăng ký", "về Ban Dân vận Đảng ủy phường."],
                     size=(1240, 400), font_px=30)
    buf = io.BytesIO()
    scan.save(buf, "PNG")
    buf.seek(0)
    c.drawImage(ImageReader(buf), 0, A4[1] - 400 * 72 / 150, width=1240 * 72 / 150, height=400 * 72 / 150)
    c.showPage()
    c.save()


@needs_tesseract
@needs_font
@pytest.mark.slow
def test_mixed_pdf_ocrs_only_the_scanned_page_and_keeps_page_order(tmp_path: Path) -> None:
    pytest.importorskip("reportlab")
    path = tmp_path / "mixed.pdf"
    _mixed_pdf(path)
    doc = read(path)
    assert doc.ocr is True
    assert doc.metadata.get("ocr_pages") == [2]
    assert not any("needs OCR" in w for w in doc.warnings)
    pages = [b.location.page for b in doc.blocks]
    assert pages == sorted(pages) and 1 in pages and 2 in pages
    scanned = [b for b in doc.blocks if isinstance(b, Paragraph) and b.location.page == 2]
    text = " ".join(p.text for p in scanned)
    assert "15/3/2024" in text and "Trước ngày" in text
    assert all(p.confidence is not None and p.location.bbox is not None for p in scanned)
    assert all(p.confidence is None for p in doc.blocks if isinstance(p, Paragraph) and p.location.page == 1)


@needs_tesseract
@pytest.mark.slow
def test_scanned_registration_form_comes_out_as_a_table() -> None:
    doc = read(SCANS / "form-chi-bo-khoi-5-bw150.png")
    assert doc.format == "image" and doc.ocr is True and doc.pages == 1
    assert len(doc.tables) == 1
    table: Table = doc.tables[0]
    assert table.n_columns == 6 and table.n_rows >= 5
    rows = table.text_rows()
    names = [r[1] for r in rows]
    from difflib import SequenceMatcher

    assert any(SequenceMatcher(None, n, "Tuyến đường hoa kiểu mẫu khối 5").ratio() > 0.85 for n in names)
    assert [r[0] for r in rows[:3]] == ["TT", "I", "1"]
    assert any("12/2024" in r[5] for r in rows)
    cell = table.rows[2][1]
    assert cell.confidence is not None and cell.location.page == 1 and cell.location.bbox is not None
    assert cell.location.table == 0 and cell.location.row == 2 and cell.location.column == 1
    # The table's text is not read a second time as paragraphs.
    assert not any("Tuyến đường hoa" in p.text for p in doc.paragraphs)


@needs_tesseract
@pytest.mark.slow
def test_character_error_rate_of_a_200_dpi_page_is_low() -> None:
    rapidfuzz = pytest.importorskip("rapidfuzz")
    import re

    # Reference: the born-digital PDF's text layer (tools/make_scans.py), pages separated by \f.
    reference = (SCANS / "ref" / "kh-46-pho-minh-scan200.txt").read_text(encoding="utf-8").split("\f")[0]
    doc = Document(path="scan.pdf", sha256="", format="pdf", metadata={"pages_without_text": [1]})
    ocr.ocr_pdf_pages(SCANS / "kh-46-pho-minh-scan200.pdf", doc)

    def norm(t: str) -> str:
        return re.sub(r"\s+", " ", t.replace("|", " ")).strip()

    distance = rapidfuzz.distance.Levenshtein.distance(norm(reference), norm(doc.text()))
    assert distance / len(norm(reference)) < 0.02


# --------------------------------------------------------------------------- one Tesseract pass per page


def _scan_page(name: str, index: int = 0) -> np.ndarray:
    """A page of the scanned test set, rendered at 300 dpi as the reader renders it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(SCANS / name))
    try:
        gray, _, _ = ocr._render_pdf_page(pdf, index, 300)
    finally:
        pdf.close()
    return gray


@pytest.mark.parametrize("turned", [0, 90, 180, 270])
def test_orientation_from_the_marks_over_letters(turned: int) -> None:
    """A page turned by any quarter is recognised without Tesseract, and the answer is sure."""
    page = _scan_page("kh-344-my-phuoc-scan300.pdf")
    shown = np.ascontiguousarray(np.rot90(page, -turned // 90)) if turned else page  # np.rot90 turns counter-clockwise
    rotation, sure = ocr.estimate_orientation(shown)
    assert sure and rotation == (360 - turned) % 360


def test_orientation_is_not_guessed_from_too_few_marks() -> None:
    page = np.full((1200, 900), 255, np.uint8)
    page[100:130, 100:400] = 0  # one bar, no letters
    assert ocr.estimate_orientation(page) == (0, False)


@needs_tesseract
@pytest.mark.slow
def test_upside_down_page_with_little_text_is_turned_by_osd() -> None:
    """Too few marks to be sure: the page is read as it is, the reading fails, Tesseract's OSD turns it."""
    page = _scan_page("hd-bdvtu-hai-phong-2024-scan200.pdf", 5)  # the short last page
    assert not ocr.estimate_orientation(page)[1]
    upright = ocr.ocr_page(page, 1, dpi=300.0)
    turned = ocr.ocr_page(np.ascontiguousarray(np.rot90(page, 2)), 1, dpi=300.0)
    assert upright.rotation == 0 and turned.rotation == 180
    assert turned.text() == upright.text() and len(upright.text()) > 20


@needs_tesseract
def test_tesseract_reads_the_page_as_pytesseract_did() -> None:
    """Same pixels through an uncompressed TIFF file: the same words, boxes and confidences."""
    import pytesseract

    if font_path() is None:
        pytest.skip("no font")
    page = np.asarray(text_page(["Trước ngày 15/3/2024 các chi bộ gửi đăng ký", "về Ban Dân vận Đảng ủy phường."]))
    expected = pytesseract.image_to_data(page, lang=ocr._language(ocr.DEFAULTS), config="--oem 1 --psm 3 --dpi 300",
                                         output_type=pytesseract.Output.DICT)
    assert ocr.tesseract_data(page, ocr.DEFAULTS) == expected


@needs_tesseract
def test_in_process_tesseract_reads_a_scan_as_the_command_does() -> None:
    """libtesseract in this process: the words, boxes, numbers and confidences of the command's TSV."""
    from pipeline.readers import tesslib

    if not tesslib.available():
        pytest.skip("libtesseract cannot be loaded: the command is used")
    page = _scan_page("kh-46-pho-minh-scan200.pdf", 1)
    cells = [np.asarray(text_page([t], size=(320, 170), font_px=40)) for t in ("12", "KT")] if font_path() else []
    for images, psm in (([page], 3), (cells, 7)):
        if not images:
            continue
        ours = tesslib.read_pages(images, ocr._language(ocr.DEFAULTS), psm, 300, 120)
        command = ocr._run_tesseract_cli(images, ocr.DEFAULTS, psm)
        assert set(ours) == set(command)
        # The command's TSV loses the last word's trailing space (the file is stripped): texts compared stripped.
        ours["text"], command["text"] = [t.strip() for t in ours["text"]], [t.strip() for t in command["text"]]
        assert ours == command
        assert sum(1 for t in ours["text"] if t) >= (100 if psm == 3 else 2)


def test_the_command_is_used_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.readers import tesslib

    monkeypatch.setenv("PIPELINE_OCR_ENGINE", "cli")
    tesslib._library.cache_clear()
    try:
        assert not tesslib.available()
    finally:
        monkeypatch.delenv("PIPELINE_OCR_ENGINE")
        tesslib._library.cache_clear()


@needs_tesseract
def test_many_cells_in_one_run_read_as_each_alone() -> None:
    if font_path() is None:
        pytest.skip("no font")
    cells = [np.asarray(text_page([t], size=(320, 170), font_px=40)) for t in ("12", "II", "KT", "3")]
    together = ocr.tesseract_pages(cells, ocr.DEFAULTS, 7)
    alone = [ocr.tesseract_data(c, ocr.DEFAULTS, 7) for c in cells]
    words = lambda d: [(t, c, b) for t, c, b in zip(d["text"], d["conf"], zip(d["left"], d["top"])) if t.strip()]  # noqa: E731
    assert [words(d) for d in together] == [words(d) for d in alone]
    assert [" ".join(t for t, _, _ in words(d)) for d in together][0] == "12"


def test_quick_grid_test_never_hides_a_grid() -> None:
    """The half-size test says "maybe" wherever the full search finds a grid, and "no" on a text page."""
    from pipeline.readers.ocr_tables import may_hold_grid

    assert may_hold_grid(_grid_image(merged_header=True))
    for name in ("form-chi-bo-khoi-5-scan300.pdf", "kh-vinh-tan-dang-uy-scan300.pdf"):
        page = _scan_page(name, 0 if name.startswith("form") else 2)
        assert find_grids(page) and may_hold_grid(page)
    text = _scan_page("kh-344-my-phuoc-scan300.pdf")
    assert not find_grids(text) and not may_hold_grid(text)
