"""Variant registration forms as REAL files (python-docx, reportlab, openpyxl) through the whole
read + extract path: merged and two-row headers, other column orders, a missing column, a form
over two pages, old-style tone marks, extra columns, a ragged sheet and a 10,000-row sheet."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.files import extract_file
from pipeline.model import DocumentMeta
from pipeline.readers import read
from pipeline.extractors.registrations import extract_registrations

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
UNIT = "Đoàn Thanh niên xã Tân Lập"


def _rows(record):
    return [(r.section, r.seq, r.name, r.field) for r in record.registrations]


# --------------------------------------------------------------------------- DOCX


def _docx_form(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph(f"Đơn vị: {UNIT}")
    d.add_paragraph("DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025")
    # columns: Tên | TT | Chủ thể | Lĩnh vực | Thời gian (Bắt đầu, Kết thúc) | Ghi chú  — no Địa chỉ
    t = d.add_table(rows=8, cols=7)
    t.style = "Table Grid"
    top = ["Tên mô hình", "STT", "Tập thể (cá nhân) chỉ đạo xây dựng mô hình", "Lĩnh vực",
           "Thời gian thực hiện", None, "Ghi chú"]
    for c, text in enumerate(top):
        if text is not None:
            t.cell(0, c).text = text
    for c in (0, 1, 2, 3, 6):
        t.cell(0, c).merge(t.cell(1, c))  # vertical merge over the two header rows
    t.cell(0, 4).merge(t.cell(0, 5))
    t.cell(1, 4).text, t.cell(1, 5).text = "Bắt đầu", "Kết thúc"
    # the merged section row carries the text of its first cell only
    sec1 = t.cell(2, 0).merge(t.cell(2, 6))
    sec1.text = "I. MÔ HÌNH MỚI NĂM 2025"
    data = [
        ["Thanh niên hoà giải\nở cơ sở", "1", "Đoàn xã; Đảng uỷ xã", "Xây dựng hệ thống chính trị",
         "01/3/2025", "31/12/2025", "Phối hợp MTTQ"],
        ["Tuyến đường thanh niên tự quản", "2", "Chi đoàn thôn Đông", "Văn hoá - Xã hội", "01/4/2025",
         "30/9/2025", ""],
    ]
    for r, row in enumerate(data, start=3):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    sec2 = t.cell(5, 0).merge(t.cell(5, 6))
    sec2.text = "II. MÔ HÌNH TIẾP TỤC THỰC HIỆN"
    for c, text in enumerate(["Cổng trường an toàn", "1", "Chi đoàn trường THCS", "QP-AN", "01/01/2025",
                              "31/12/2025", ""]):
        t.cell(6, c).text = text
    for c, text in enumerate(["Tổng cộng: 03 mô hình", "", "", "", "", "", ""]):
        t.cell(7, c).text = text
    d.add_paragraph("Tân Lập, ngày 10 tháng 02 năm 2025")
    d.save(str(path))
    return path


def test_docx_two_row_merged_header_other_order_no_address_extra_column(tmp_path):
    rec = extract_file(_docx_form(tmp_path / "dang-ky.docx"))
    assert _rows(rec) == [
        ("new", 1, "Thanh niên hoà giải ở cơ sở", "political_system"),
        ("new", 2, "Tuyến đường thanh niên tự quản", "culture_society"),
        ("continuing", 1, "Cổng trường an toàn", "defense_security"),
    ]
    first, second, third = rec.registrations
    assert first.leader == "Đoàn xã; Đảng uỷ xã" and first.address is None
    assert first.extra == {"Ghi chú": "Phối hợp MTTQ"}
    assert (first.period.start, first.period.end) == ("2025-03-01", "2025-12-31")
    assert (second.period.start, second.period.end) == ("2025-04-01", "2025-09-30")
    assert second.field_raw == "Văn hoá - Xã hội"
    assert all(r.unit == UNIT for r in rec.registrations)
    assert [r.location.row for r in rec.registrations] == [1, 2, 3]


# --------------------------------------------------------------------------- PDF


def _pdf_form(path: Path, n_new: int, repeat_header: bool = True) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT)))
    style = ParagraphStyle("v", fontName="DejaVuSerif", fontSize=10, leading=13)
    header = ["Số TT", "Tên mô hình", "Người phụ trách", "Địa bàn", "Lĩnh vực", "Thời gian"]
    rows = [header, ["I", "Mô hình mới năm 2025", "", "", "", ""]]
    fields = ["KT", "VH-XH", "QP-AN", "XDHTCT"]
    for i in range(1, n_new + 1):
        rows.append([str(i), f"Mô hình thanh niên số {i}", f"Chi đoàn thôn {i}", f"Thôn {i}",
                     fields[i % 4], "Năm 2025"])
    rows += [["II", "Mô hình tiếp tục thực hiện", "", "", "", ""],
             ["1", "Ngày chủ nhật xanh", "Đoàn xã", "Toàn xã", "Văn hóa - xã hội", "Tháng 3 - 12/2025"]]
    table = Table(rows, repeatRows=1 if repeat_header else 0, colWidths=[45, 220, 150, 90, 80, 110])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DejaVuSerif", 10),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    pdf = SimpleDocTemplate(str(path), pagesize=landscape(A4))
    pdf.build([Paragraph(f"Đơn vị: {UNIT}", style), Paragraph("DANH SÁCH ĐĂNG KÝ MÔ HÌNH", style),
               Spacer(1, 12), table, Spacer(1, 12), Paragraph("Tân Lập, ngày 10 tháng 02 năm 2025", style)])
    return path


@pytest.mark.parametrize("repeat_header", [True, False])
def test_pdf_form_over_two_pages(tmp_path, repeat_header):
    rec = extract_file(_pdf_form(tmp_path / "dang-ky.pdf", n_new=30, repeat_header=repeat_header))
    assert rec.document.pages >= 2
    regs = rec.registrations
    assert [r.seq for r in regs] == list(range(1, 31)) + [1]
    assert [r.name for r in regs[:30]] == [f"Mô hình thanh niên số {i}" for i in range(1, 31)]
    assert {r.section for r in regs[:30]} == {"new"} and regs[30].section == "continuing"
    assert regs[30].period.start == "2025-03-01"
    assert regs[3].field == "economy" and regs[4].field == "culture_society"
    assert regs[0].address == "Thôn 1" and regs[0].leader == "Chi đoàn thôn 1"
    assert regs[0].location.page == 1 and regs[-1].location.page >= 2
    assert all(r.unit == UNIT for r in regs)


# --------------------------------------------------------------------------- XLSX


def _xlsx(path: Path, rows, merges=()) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Đăng ký"
    ws.append([f"Đơn vị: {UNIT}"])
    ws.append(["DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025"])
    ws.append([])
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(str(path))
    return path


def test_xlsx_merged_section_rows_extra_and_ragged_columns(tmp_path):
    rows = [
        ["TT", "Tên mô hình", "Chủ thể", "Địa chỉ", "Lĩnh vực", "Thời gian thực hiện", "Kết quả dự kiến"],
        ["I. Mô hình mới năm 2025"],
        [1, "Chợ không dùng tiền mặt", "Chi đoàn chợ", "Chợ xã", "Chuyển đổi số", "Quý II - Quý IV/2025",
         "100 tiểu thương"],
        [2, "Hướng dẫn dịch vụ công", "Đoàn xã", "Bộ phận một cửa", "Cải cách hành chính", "Năm 2025"],
        ["II. Mô hình tiếp tục thực hiện"],
        [1, "Tủ sách thanh niên", "Chi đoàn thôn Tây", "Nhà văn hoá thôn Tây", "VH-XH", "Năm 2025", "", "thừa"],
    ]
    rec = extract_file(_xlsx(tmp_path / "dang-ky.xlsx", rows, merges=("A5:G5", "A8:G8")))
    assert _rows(rec) == [
        ("new", 1, "Chợ không dùng tiền mặt", "digital_transformation"),
        ("new", 2, "Hướng dẫn dịch vụ công", "administrative_reform"),
        ("continuing", 1, "Tủ sách thanh niên", "culture_society"),
    ]
    assert rec.registrations[0].extra == {"Kết quả dự kiến": "100 tiểu thương"}
    assert rec.registrations[0].period.end == "2025-12-31"


def test_xlsx_ten_thousand_rows_warn_in_bounded_time(tmp_path):
    rows = [["STT", "Tên mô hình", "Chủ thể", "Lĩnh vực", "Thời gian"]]
    rows += [[i, f"Mô hình {i}", "Chi đoàn", "KT", "Năm 2025"] for i in range(1, 10001)]
    doc = read(_xlsx(tmp_path / "lon.xlsx", rows))  # the real reader; only this stage is timed
    warnings: list[str] = []
    t0 = time.perf_counter()
    regs = extract_registrations(doc, DocumentMeta(unit=UNIT), warnings)
    assert time.perf_counter() - t0 < 20
    assert regs[:2] and [r.name for r in regs[:2]] == ["Mô hình 1", "Mô hình 2"]
    assert len(regs) < 10000
    assert any("rows; only the first" in w for w in warnings)


def test_xlsx_sheet_without_header_warns(tmp_path):
    rows = [[1, "Mô hình tủ sách", "Chi đoàn", "VH-XH"], [2, "Mô hình đường hoa", "Chi hội", "KT"]]
    rec = extract_file(_xlsx(tmp_path / "khong-tieu-de.xlsx", rows))
    assert rec.registrations == []
    assert any("no recognisable header" in w for w in rec.warnings)
