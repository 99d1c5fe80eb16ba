"""Tables typed with tab stops in DOCX and PDF bodies come out of the readers as Table blocks, found by the
text-table finder text files use (readers/texttables.py); tabs that only indent, number a list or lay out
the official header and the signature leave their paragraphs alone. Files are built here, at test time.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.files import extract_file
from printed_pdf import printed_pdf
from pipeline.model import Document, Location, Paragraph, Table
from pipeline.readers import read
from pipeline.readers.texttables import tables_from_layout

ROWS = [["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Rà soát dữ liệu dân cư", "Công an xã", "Tháng 6/2025"],
        ["2", "Số hóa hồ sơ một cửa", "Văn phòng UBND xã", "Quý III/2025"]]
TOP = ["ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ TÂN LẬP\t\tĐộc lập - Tự do - Hạnh phúc",
       "Số: 12/KH-UBND\t\tTân Lập, ngày 10 tháng 3 năm 2025", "KẾ HOẠCH", "Chuyển đổi số năm 2025",
       "Căn cứ tình hình thực tế, Ủy ban nhân dân xã xây dựng kế hoạch chuyển đổi số năm 2025 như sau:",
       "1.\tMục đích", "2.\tYêu cầu", "\tCác ngành thực hiện nghiêm túc kế hoạch này.", "I. NHIỆM VỤ CỤ THỂ"]
END = ["Nơi nhận:\t\tTM. ỦY BAN NHÂN DÂN", "- Như trên;\t\tCHỦ TỊCH", "- Lưu: VT.\t\tLê Văn Bình"]
ANNEX = [["TT", "Khoản chi", "Số tiền (đồng)"], ["1", "Tập huấn", "5.000.000"], ["2", "In tài liệu", "2.000.000"]]


def _plan_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    for text in TOP + ["\t".join(r) for r in ROWS] + END + ["Phụ lục: KINH PHÍ"] + ["\t".join(r) for r in ANNEX]:
        d.add_paragraph(text)
    grid = d.add_table(rows=2, cols=2)  # a real table after the typed one: numbered after it
    grid.style = "Table Grid"
    for r, row in enumerate([["Khoản", "Số tiền"], ["Tập huấn", "5.000.000"]]):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    d.save(str(path))
    return path


def test_docx_rows_typed_with_tabs_become_tables_and_other_tabs_stay_text(tmp_path: Path):
    doc = read(_plan_docx(tmp_path / "ke-hoach.docx"))
    typed, annex, real = doc.tables  # an annex after the signature is read again
    assert typed.text_rows() == ROWS and annex.text_rows() == ANNEX
    assert [c.location.line for c in typed.rows[1]] == [12] * 4  # the paragraph each row was typed in
    assert (typed.index, typed.rows[2][3].location.table, typed.rows[2][3].location.row) == (0, 0, 2)
    assert real.index == 2 and real.rows[1][1].location.table == 2
    texts = [p.text for p in doc.paragraphs]
    # the header, the numbered headings, an indented sentence and the closing keep their paragraphs
    assert texts[:3] == ["ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                         "XÃ TÂN LẬP Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND Tân Lập, ngày 10 tháng 3 năm 2025"]
    assert "1. Mục đích" in texts and "Các ngành thực hiện nghiêm túc kế hoạch này." in texts
    assert "- Lưu: VT. Lê Văn Bình" in texts
    assert not any("Rà soát" in t for t in texts)


def test_a_task_table_typed_with_tabs_gives_deadlines_with_their_lead(tmp_path: Path):
    record = extract_file(_plan_docx(tmp_path / "ke-hoach.docx"))
    assert [(d.due, d.responsible) for d in record.deadlines] == [("2025-06-30", "Công an xã"),
                                                                 ("2025-09-30", "Văn phòng UBND xã")]


def _pdf(path: Path, stops: list[float], rows: list[list[str]], prose: list[str]) -> Path:
    """Running text wrapped at the margin, a blank line, then the rows printed at their tab stops."""
    return printed_pdf(path, [[(70, line)] for line in prose] + [[]] + [list(zip(stops, row)) for row in rows],
                       size=11)


PROSE = ["Ủy ban nhân dân xã Tân Lập xây dựng kế hoạch chuyển đổi số năm 2025 với các nhiệm vụ",
         "cụ thể sau đây, giao các cơ quan, đơn vị chủ trì thực hiện và báo cáo kết quả đúng hạn."]


def test_pdf_rows_printed_at_tab_stops_become_a_table_and_running_text_stays_one_paragraph(tmp_path: Path):
    doc = read(_pdf(tmp_path / "ke-hoach.pdf", [70, 100, 290, 420], ROWS, PROSE))
    (table,) = doc.tables
    assert table.text_rows() == ROWS
    assert table.rows[1][0].location.page == 1 and table.rows[1][0].location.line is not None
    assert [p.text for p in doc.paragraphs] == [" ".join(PROSE)]


def test_pdf_two_runs_side_by_side_are_no_table(tmp_path: Path):
    rows = [["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"], ["- Như trên;", "CHỦ TỊCH"]]
    doc = read(_pdf(tmp_path / "ky.pdf", [70, 330], rows, PROSE))
    assert doc.tables == []


def test_a_table_taking_some_lines_of_a_paragraph_leaves_the_others_as_its_text():
    doc = Document(path="t.docx", sha256="0", format="docx")
    typed = "Các nhiệm vụ:\n" + "\n".join("\t".join(r) for r in ROWS)
    doc.blocks = [Paragraph(typed.replace("\t", " "), Location(line=1), layout=typed),
                  Paragraph("Tổ chức thực hiện.", Location(line=2), layout="Tổ chức thực hiện.")]
    tables_from_layout(doc)
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    assert doc.blocks[0].text == "Các nhiệm vụ:" and doc.blocks[2].text == "Tổ chức thực hiện."
    assert isinstance(doc.blocks[1], Table) and doc.blocks[1].text_rows() == ROWS
