"""DOCX reader on real files written by python-docx."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from pipeline.model import Document, Paragraph
from pipeline.readers import read
from readers_helpers import set_cell_borders_none


@pytest.fixture(scope="module")
def official(tmp_path_factory: pytest.TempPathFactory) -> Document:
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "Văn phòng Đảng ủy phường"
    section.footer.paragraphs[0].text = "Trang 1"
    head = d.add_table(rows=3, cols=2)
    set_cell_borders_none(head)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nPHƯỜNG MỸ PHƯỚC"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    head.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    head.cell(1, 0).text = "Số: 344/KH-UBND"
    head.cell(1, 1).text = "Mỹ Phước, ngày 20 tháng 3 năm 2024"
    head.cell(2, 0).text = "V/v phát động phong trào thi đua"
    title = d.add_paragraph("KẾ HOẠCH")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.runs[0].bold = True
    d.add_paragraph("Căn cứ Kế hoạch số 03-KH/BDVTU, ngày 29/01/2021 của Ban Dân vận Thành ủy Long Xuyên.")
    d.add_paragraph("")
    d.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    grid = d.add_table(rows=4, cols=4)
    grid.style = "Table Grid"
    for i, h in enumerate(["TT", "Tên mô hình", "Lĩnh vực", "Thời gian"]):
        grid.cell(0, i).text = h
    grid.cell(1, 0).text = "I"
    grid.cell(1, 1).merge(grid.cell(1, 3)).text = "Mô hình mới năm 2024"
    grid.cell(2, 0).text = "1"
    grid.cell(2, 1).text = "Camera an ninh"
    grid.cell(3, 0).text = "2"
    grid.cell(3, 1).text = "Tủ sách pháp luật"
    grid.cell(2, 2).merge(grid.cell(3, 2)).text = "QP-AN"
    grid.cell(2, 3).text = "Tháng 3 - 12/2024"
    grid.cell(3, 3).text = "Năm 2024"
    inner = grid.cell(3, 3).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "ghi chú 1"
    inner.cell(0, 1).text = "ghi chú 2"
    d.add_paragraph("Sau bảng là đoạn văn cuối.")
    sign = d.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    sign.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thanh Tuấn"
    path = tmp_path_factory.mktemp("docx") / "kh.docx"
    d.save(str(path))
    return read(path)


def test_blocks_in_body_order(official: Document) -> None:
    kinds = [(type(b).__name__, getattr(b, "region", None)) for b in official.blocks]
    assert kinds[0] == ("Paragraph", "page-header")
    assert kinds[1] == ("Table", None)
    assert kinds[-1] == ("Paragraph", "page-footer")
    body = [b.text for b in official.blocks if isinstance(b, Paragraph) and b.region == "body"]
    assert body == ["KẾ HOẠCH", "Căn cứ Kế hoạch số 03-KH/BDVTU, ngày 29/01/2021 của Ban Dân vận Thành ủy Long Xuyên.",
                    "I. MỤC ĐÍCH, YÊU CẦU", "Sau bảng là đoạn văn cuối."]
    # Paragraph index (1-based, empty paragraphs counted) is the line.
    assert [b.location.line for b in official.blocks if isinstance(b, Paragraph) and b.region == "body"] == [1, 2, 4, 5]


def test_header_table_is_layout_and_read_column_by_column(official: Document) -> None:
    head = official.tables[0]
    assert head.layout
    lines = [(ln.text, ln.region) for ln in official.lines() if ln.region.startswith("header")]
    assert lines == [("ỦY BAN NHÂN DÂN", "header-left"), ("PHƯỜNG MỸ PHƯỚC", "header-left"),
                     ("Số: 344/KH-UBND", "header-left"), ("V/v phát động phong trào thi đua", "header-left"),
                     ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header-right"),
                     ("Độc lập - Tự do - Hạnh phúc", "header-right"),
                     ("Mỹ Phước, ngày 20 tháng 3 năm 2024", "header-right")]


def test_merged_cells_read_once_with_spans(official: Document) -> None:
    table = official.tables[1]
    assert not table.layout
    assert table.text_rows()[:3] == [["TT", "Tên mô hình", "Lĩnh vực", "Thời gian"],
                                     ["I", "Mô hình mới năm 2024", "", ""],
                                     ["1", "Camera an ninh", "QP-AN", "Tháng 3 - 12/2024"]]
    assert table.text_rows()[3][:3] == ["2", "Tủ sách pháp luật", ""]
    texts = [c.text for row in table.rows for c in row]
    assert texts.count("Mô hình mới năm 2024") == 1 and texts.count("QP-AN") == 1
    spans = {c.text: (c.rowspan, c.colspan) for row in table.rows for c in row}
    assert spans["Mô hình mới năm 2024"] == (1, 3)
    assert spans["QP-AN"] == (2, 1)
    cell = table.rows[2][1]
    assert (cell.location.table, cell.location.row, cell.location.column) == (1, 2, 1)


def test_nested_table(official: Document) -> None:
    nested = official.tables[2]
    assert nested.text_rows() == [["ghi chú 1", "ghi chú 2"]]
    assert "ghi chú" not in official.tables[1].text_rows()[3][3]


def test_signature_table_becomes_recipients_and_signature(official: Document) -> None:
    tail = [(b.text, b.region) for b in official.blocks
            if isinstance(b, Paragraph) and b.region in ("recipients", "signature")]
    assert tail == [("Nơi nhận:", "recipients"), ("- Như trên;", "recipients"), ("- Lưu: VT.", "recipients"),
                    ("TM. ỦY BAN NHÂN DÂN", "signature"), ("CHỦ TỊCH", "signature"),
                    ("Nguyễn Thanh Tuấn", "signature")]


def test_formatting_hints(official: Document) -> None:
    title = next(b for b in official.blocks if isinstance(b, Paragraph) and b.text == "KẾ HOẠCH")
    assert title.bold and title.centered
    other = next(b for b in official.blocks if isinstance(b, Paragraph) and b.text.startswith("Căn cứ"))
    assert not other.bold and not other.centered


def test_data_table_at_top_is_not_layout(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    t.style = "Table Grid"
    for i, h in enumerate(["TT", "Tên mô hình", "Lĩnh vực"]):
        t.cell(0, i).text = h
    for i, h in enumerate(["1", "Camera an ninh", "QP-AN"]):
        t.cell(1, i).text = h
    path = tmp_path / "form.docx"
    d.save(str(path))
    doc = read(path)
    assert len(doc.tables) == 1 and not doc.tables[0].layout
    assert doc.text().splitlines() == ["TT | Tên mô hình | Lĩnh vực", "1 | Camera an ninh | QP-AN"]


def test_pdf_named_docx_is_read_as_pdf(tmp_path: Path) -> None:
    from readers_helpers import HEADER_OPS, make_pdf

    path = make_pdf(tmp_path / "really-a-pdf.docx", [HEADER_OPS])
    doc = read(path)
    assert doc.format == "pdf"
    assert any(isinstance(b, Paragraph) and b.text == "KẾ HOẠCH" for b in doc.blocks)


def test_legacy_font_text_is_converted_and_unicode_text_kept(tmp_path: Path) -> None:
    from readers_helpers import to_tcvn3

    d = docx.Document()
    legacy = ["Kế hoạch phát động phong trào thi đua “Dân vận khéo” năm 2024",
              "Các chi bộ gửi đăng ký về Đảng ủy phường trước ngày 10/02/2024."]
    for text in legacy:  # typed with the .VnTime font: the glyph codes are stored as Latin-1 characters
        d.add_paragraph(to_tcvn3(text).decode("cp1252"))
    d.add_paragraph("Ghi chú: bản Unicode đã được kiểm tra, ngày 05/02/2024.")
    path = tmp_path / "vntime.docx"
    d.save(str(path))
    doc = read(path)
    assert [p.text for p in doc.paragraphs] == legacy + ["Ghi chú: bản Unicode đã được kiểm tra, ngày 05/02/2024."]
    assert any("TCVN3" in w for w in doc.warnings)


def test_automatic_numbering_labels_are_rendered(tmp_path: Path) -> None:
    """Word list numbers live in numbering.xml, not in the text; readers must show them."""
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    numbered("MỤC ĐÍCH, YÊU CẦU", 0)
    numbered("Mục đích", 1)
    numbered("Nâng cao nhận thức của cán bộ.", 2)
    numbered("Yêu cầu", 1)
    numbered("NỘI DUNG", 0)
    numbered("Đăng ký mô hình", 1)
    path = tmp_path / "numbered.docx"
    d.save(str(path))
    assert [p.text for p in read(path).paragraphs] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Nâng cao nhận thức của cán bộ.", "2. Yêu cầu", "II. NỘI DUNG",
        "1. Đăng ký mô hình"]
