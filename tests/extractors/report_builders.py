"""Test documents built at test time: a long report holding a filled registration table among tables that
are not registrations, and forms whose tables are typed with tabs, as real DOCX and PDF files.

Every name, unit and person here is invented. A table is a list of rows; a cell is a string, ``None`` for a
position covered by a merged cell, or ``(text, colspan)`` for a cell merged across columns.
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence, Union

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

Spec = Union[str, tuple, None]

PROSE = [
    "Thực hiện Kế hoạch số 12-KH/BDVHU ngày 15/01/2024 của Ban Dân vận Huyện ủy về phong trào thi đua "
    "“Dân vận khéo” năm 2024, các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể đã triển khai "
    "đăng ký, xây dựng mô hình gắn với nhiệm vụ chính trị của địa phương, đơn vị.",
    "Công tác tuyên truyền được quan tâm thực hiện thường xuyên bằng nhiều hình thức phù hợp, qua đó nâng "
    "cao nhận thức của cán bộ, đảng viên và nhân dân về vị trí, vai trò của công tác dân vận trong tình hình mới.",
    "Các mô hình được xây dựng đa dạng trên các lĩnh vực, nhiều mô hình mang lại hiệu quả thiết thực, được "
    "nhân dân đồng tình, hưởng ứng và có khả năng nhân rộng trên địa bàn huyện.",
]

STATISTICS = [
    ["TT", "Đơn vị", "Số mô hình đăng ký", "Số mô hình hoàn thành", "Tỷ lệ (%)"],
    ["1", "Đảng bộ xã Tân An", "4", "4", "100"],
    ["2", "Đảng bộ xã Tân Hòa", "3", "2", "66,7"],
    ["3", "Đảng bộ xã Tân Phú", "3", "3", "100"],
    [("Tổng cộng", 2), None, "10", "9", "90"],
]
SCORES = [
    ["TT", "Tên mô hình", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Xếp loại"],
    ["1", "Một cửa thân thiện, người dân hài lòng", "UBND xã Tân An", "95", "92", "Xuất sắc"],
    ["2", "Tuyến đường cựu chiến binh tự quản", "Hội Cựu chiến binh xã Tân Phú", "90", "88", "Tốt"],
]
TASKS = [
    ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
    ["1", "Sơ kết 6 tháng phong trào thi đua “Dân vận khéo”", "Ban Dân vận Huyện ủy", "Các xã", "Tháng 6/2025"],
    ["2", "Lựa chọn mô hình tiêu biểu đề nghị khen thưởng", "Ban Dân vận Huyện ủy", "Ủy ban MTTQ huyện",
     "Tháng 11/2025"],
]
BUDGET = [
    ["TT", "Nội dung chi", "Số tiền (đồng)"],
    ["1", "Khen thưởng mô hình tiêu biểu", "15.000.000"],
    ["2", "Hội nghị sơ kết", "5.000.000"],
    [("Cộng", 2), None, "20.000.000"],
]
PEOPLE = [
    ["TT", "Họ và tên", "Chức vụ", "Đơn vị", "Mô hình tham gia"],
    ["1", "Lê Văn Bình", "Phó Chủ tịch UBND xã", "Xã Tân An", "Một cửa thân thiện, người dân hài lòng"],
    ["2", "Trần Thị Mai", "Chi hội trưởng", "Thôn Đông", "Chi hội phụ nữ tiết kiệm vì người nghèo"],
]

REGISTRATION_HEADER = ["STT", "Tên mô hình", "Đơn vị", "Thời gian thực hiện", "Ghi chú"]
#: The registration table of the report: no Lĩnh vực column, a unit column, sub-headings, a totals row.
REGISTRATIONS = [
    REGISTRATION_HEADER,
    ["I", "MÔ HÌNH MỚI", "", "", ""],
    [("Khối Đảng, chính quyền", 5), None, None, None, None],
    ["1", "Một cửa thân thiện, người dân hài lòng (Phó Chủ tịch UBND xã Lê Văn Bình)", "UBND xã Tân An",
     "Tháng 3 - 12/2024", ""],
    ["2", "Dân vận khéo trong giải phóng\nmặt bằng", "Đảng ủy xã Tân Hòa", "Năm 2024", ""],
    ["3", "Tiếp dân lưu động tại thôn", "UBND xã Tân Phú", "Quý II - Quý IV/2024", ""],
    [("Khối Mặt trận và các đoàn thể", 5), None, None, None, None],
    ["4", "Chi hội phụ nữ tiết kiệm vì người nghèo (Chi hội trưởng Trần Thị Mai)", "Hội LHPN xã Tân An",
     "Năm 2024", ""],
    ["5", "Thanh niên xung kích giữ gìn an ninh trật tự", "Đoàn Thanh niên xã Tân Hòa", "Tháng 4 - 11/2024", ""],
    ["6", "Tuyến đường cựu chiến binh tự quản", "Hội Cựu chiến binh xã Tân Phú", "Năm 2024", ""],
    ["7", "Nông dân chung tay xây dựng cánh đồng mẫu", "Hội Nông dân xã Tân An", "Năm 2024", ""],
    ["II", "MÔ HÌNH TIẾP TỤC THỰC HIỆN", "", "", ""],
    ["1", "Tổ hòa giải ở cơ sở giỏi (đ/c Phạm Văn Cường - Tổ trưởng)", "Ủy ban MTTQ xã Tân Phú", "Năm 2024", ""],
    ["2", "Khu dân cư không có tội phạm", "Công an xã Tân Hòa", "Năm 2024", "Nhân rộng"],
    ["3", "Sân chơi an toàn cho thiếu nhi", "Đoàn Thanh niên xã Tân An", "Tháng 5 - 8/2024", ""],
    [("Tổng cộng: 10 mô hình", 5), None, None, None, None],
]
#: What the registration table says, row by row: (section, seq, name, leader, unit, period start, period end).
EXPECTED_ROWS = [
    ("new", 1, "Một cửa thân thiện, người dân hài lòng", "Phó Chủ tịch UBND xã Lê Văn Bình", "UBND xã Tân An",
     "2024-03-01", "2024-12-31"),
    ("new", 2, "Dân vận khéo trong giải phóng mặt bằng", None, "Đảng ủy xã Tân Hòa", "2024-01-01", "2024-12-31"),
    ("new", 3, "Tiếp dân lưu động tại thôn", None, "UBND xã Tân Phú", "2024-04-01", "2024-12-31"),
    ("new", 4, "Chi hội phụ nữ tiết kiệm vì người nghèo", "Chi hội trưởng Trần Thị Mai", "Hội LHPN xã Tân An",
     "2024-01-01", "2024-12-31"),
    ("new", 5, "Thanh niên xung kích giữ gìn an ninh trật tự", None, "Đoàn Thanh niên xã Tân Hòa", "2024-04-01",
     "2024-11-30"),
    ("new", 6, "Tuyến đường cựu chiến binh tự quản", None, "Hội Cựu chiến binh xã Tân Phú", "2024-01-01",
     "2024-12-31"),
    ("new", 7, "Nông dân chung tay xây dựng cánh đồng mẫu", None, "Hội Nông dân xã Tân An", "2024-01-01",
     "2024-12-31"),
    ("continuing", 1, "Tổ hòa giải ở cơ sở giỏi", "đ/c Phạm Văn Cường - Tổ trưởng", "Ủy ban MTTQ xã Tân Phú",
     "2024-01-01", "2024-12-31"),
    ("continuing", 2, "Khu dân cư không có tội phạm", None, "Công an xã Tân Hòa", "2024-01-01", "2024-12-31"),
    ("continuing", 3, "Sân chơi an toàn cho thiếu nhi", None, "Đoàn Thanh niên xã Tân An", "2024-05-01",
     "2024-08-31"),
]

HEAD = ["HUYỆN ỦY TÂN LẬP", "BAN DÂN VẬN", "Số 45-BC/BDVHU", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Tân Lập, ngày 15 tháng 12 năm 2024", "BÁO CÁO",
        "Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2024"]
CLOSING = ["Nơi nhận:", "- Thường trực Huyện ủy,", "- Lưu VT.", "T/M BAN DÂN VẬN", "TRƯỞNG BAN", "Nguyễn Văn Hùng"]


def grid_specs(rows: Sequence[Sequence[Spec]]) -> list[list]:
    """The rows in the cell specs of ``registrations_helpers.grid_table`` (``(text, rowspan, colspan)``)."""
    return [[(c[0], 1, c[1]) if isinstance(c, tuple) else c for c in row] for row in rows]


def report_blocks(repeat_header_in_table: bool = False) -> list:
    """The report in reading order: strings are paragraphs, lists are tables; ``"<page>"`` breaks the page.

    With ``repeat_header_in_table`` the registration table carries its header row again after its sixth row,
    as a table pasted page by page does."""
    regs = [list(r) for r in REGISTRATIONS]
    if repeat_header_in_table:
        regs = regs[:6] + [list(REGISTRATION_HEADER)] + regs[6:]
    return (HEAD + ["I. KẾT QUẢ THỰC HIỆN"] + PROSE[:2] + ["1. Kết quả đăng ký mô hình", STATISTICS]
            + PROSE[2:] + ["2. Kết quả chấm điểm, thẩm định", SCORES]
            + ["II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", TASKS, "III. KINH PHÍ", BUDGET,
               "Danh sách cá nhân tiêu biểu:", PEOPLE]
            + CLOSING + ["<page>", "Phụ lục", "DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO” ĐĂNG KÝ NĂM 2024", "<space>", regs])


# --------------------------------------------------------------------------- DOCX


def write_docx(path: Path, blocks: Sequence) -> Path:
    import docx
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    for block in blocks:
        if block == "<page>":
            d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block == "<space>":
            continue
        elif isinstance(block, str):
            d.add_paragraph(block)
        else:
            _docx_table(d, block)
    d.save(str(path))
    return path


def _docx_table(d, rows: Sequence[Sequence[Spec]]) -> None:  # type: ignore[no-untyped-def]
    width = len(rows[0])
    table = d.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, spec in enumerate(row):
            if spec is None:
                continue
            text, span = (spec, 1) if isinstance(spec, str) else spec
            cell = table.cell(r, c)
            if span > 1:
                cell = cell.merge(table.cell(r, c + span - 1))
            cell.text = text


def report_docx(path: Path, repeat_header_in_table: bool = True) -> Path:
    return write_docx(path, report_blocks(repeat_header_in_table))


# --------------------------------------------------------------------------- PDF


def _pdf_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSerif", str(FONT)))


def write_pdf(path: Path, blocks: Sequence, repeat_rows: int = 1) -> Path:
    """A PDF as Word exports it: ruled tables whose header row the printer repeats on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _pdf_fonts()
    style = ParagraphStyle("v", fontName="DejaVuSerif", fontSize=11, leading=15)
    cell_style = ParagraphStyle("c", fontName="DejaVuSerif", fontSize=9, leading=11)
    story: list = []
    for block in blocks:
        if block == "<page>":
            story.append(PageBreak())
        elif block == "<space>":
            story.append(Spacer(1, 520))  # the table starts low on the page and runs onto the next one
        elif isinstance(block, str):
            story.append(Paragraph(block, style))
        else:
            data, spans = [], []
            for r, row in enumerate(block):
                out = []
                for c, spec in enumerate(row):
                    if spec is None:
                        out.append("")
                        continue
                    text, span = (spec, 1) if isinstance(spec, str) else spec
                    if span > 1:
                        spans.append(("SPAN", (c, r), (c + span - 1, r)))
                    out.append(Paragraph(text.replace("\n", "<br/>"), cell_style))
                data.append(out)
            widths = [480 / len(block[0])] * len(block[0])
            widths[1] = widths[1] * 1.6
            rest = (480 - widths[1]) / (len(widths) - 1)
            widths = [rest if i != 1 else widths[1] for i in range(len(widths))]
            table = Table(data, colWidths=widths, repeatRows=repeat_rows)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
                                      + spans))
            story += [table, Spacer(1, 8)]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=60, rightMargin=50).build(story)
    return path


def report_pdf(path: Path) -> Path:
    return write_pdf(path, report_blocks(repeat_header_in_table=False))


# --------------------------------------------------------------------------- tables typed with tabs

TAB_FORM_TOP = ["Đơn vị: Chi đoàn thôn Bình An", "DANH SÁCH", "ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025"]
TAB_ROWS = [
    ["TT", "Tên mô hình", "Chủ thể", "Địa bàn", "Lĩnh vực", "Thời gian thực hiện"],
    ["I", "Mô hình mới", "", "", "", ""],
    ["1", "Phụ nữ phân loại rác", "Chi hội Phụ nữ", "Thôn Đông", "VH-XH", "Tháng 3 - 11/2025"],
    ["", "thải tại nguồn", "thôn Đông", "", "", ""],
    ["2", "Chợ không dùng tiền mặt", "Chi hội Phụ nữ thôn Tây", "", "CĐS", "Quý II/2025"],
    ["II", "Mô hình tiếp tục thực hiện", "", "", "", ""],
    ["1", "Tủ sách thanh niên", "Chi đoàn thôn Tây", "Nhà văn hóa", "VH-XH", "Năm 2025"],
]
TAB_FORM_FOOT = ["Các chi hội đã thống nhất đăng ký các mô hình trên và cam kết thực hiện đúng tiến độ, báo cáo "
                 "kết quả về Đoàn xã trước ngày 15/12/2025.", "Bình An, ngày 10 tháng 02 năm 2025",
                 "BÍ THƯ CHI ĐOÀN", "Nguyễn Văn An"]
#: (section, seq, name, leader, address, field) of the tab-typed form.
TAB_EXPECTED = [
    ("new", 1, "Phụ nữ phân loại rác thải tại nguồn", "Chi hội Phụ nữ thôn Đông", "Thôn Đông", "culture_society"),
    ("new", 2, "Chợ không dùng tiền mặt", "Chi hội Phụ nữ thôn Tây", None, "digital_transformation"),
    ("continuing", 1, "Tủ sách thanh niên", "Chi đoàn thôn Tây", "Nhà văn hóa", "culture_society"),
]


def tab_form_docx(path: Path) -> Path:
    """The form typed in Word with tab stops: one paragraph a row, cells apart by tab characters."""
    import docx

    d = docx.Document()
    for text in TAB_FORM_TOP:
        d.add_paragraph(text)
    for row in TAB_ROWS:
        d.add_paragraph("\t".join(row))
    for text in TAB_FORM_FOOT:
        d.add_paragraph(text)
    d.save(str(path))
    return path


#: Tab stops of the PDF form (points from the left edge of the page).
TAB_STOPS = [60, 85, 225, 345, 425, 480]


def tab_form_pdf(path: Path) -> Path:
    """The same form exported to PDF: each cell printed where its tab stop is, no ruling lines."""
    from printed_pdf import printed_pdf

    prose = TAB_FORM_FOOT[0]
    cut = prose.rfind(" ", 0, 95)
    lines = ([[(60 if t.startswith("Đơn vị") else 200, t)] for t in TAB_FORM_TOP] + [[]]
             + [list(zip(TAB_STOPS, row)) for row in TAB_ROWS] + [[]]
             + [[(60, prose[:cut])], [(60, prose[cut + 1:])], []] + [[(330, t)] for t in TAB_FORM_FOOT[1:]])
    return printed_pdf(path, lines, size=9)
