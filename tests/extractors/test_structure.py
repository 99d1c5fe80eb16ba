"""The structural view (pipeline.extractors.structure): one reading of a document's anatomy in every format.

The documents are invented (other bodies and places than the real set). Format tests go through the real
readers on real files: the same layout typed as text, as an office DOCX (header and closing in tables) and
as a two-column PDF (reportlab) must give the same header, title, signature and tasks.
Run: ``.venv/bin/pytest -q tests/extractors/test_structure.py``
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.extractors.structure import (LEVEL_DASH, LEVEL_NUM, LEVEL_NUM2, LEVEL_ROMAN, is_heading, join_lines,
                                           label_role, outline, structure_of)
from pipeline.model import Cell, Document, Location, Paragraph, Table
from pipeline.readers import read

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from real_formats import Layout, layout_of, render_docx, render_pdf  # noqa: E402


def doc_of(lines: list[str], fmt: str = "txt", step: int = 1) -> Document:
    """Lines as a reader would give them: one Paragraph per non-empty line, line numbers kept."""
    doc = Document(path=f"t.{fmt}", sha256="0", format=fmt)
    for i, text in enumerate(lines):
        if text:
            doc.blocks.append(Paragraph(text, Location(line=1 + i * step)))
    return doc


def bodies(doc: Document) -> list[str]:
    return [p.text for p in structure_of(doc).body]


# --------------------------------------------------------------------------- header

#: A header typed in a narrow text column: the issuer and the motto wrapped into each other's lines.
WRAPPED_HEADER = """ỦY BAN NHÂN
DÂN
TỈNH AN HÒA
--------
CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 87/KH-UBND
Thành phố Tân
Hưng, ngày 03 tháng 10 năm 2025

KẾ HOẠCH

TRIỂN KHAI THÍ ĐIỂM SỔ TAY ĐIỆN TỬ
CHO CÁN BỘ CẤP XÃ

Căn cứ Quyết định số 15/QĐ-UBND ngày 02/01/2025 của UBND tỉnh;

I. NHIỆM VỤ

1. Xây dựng phần mềm sổ tay điện tử

Đơn vị chủ trì: Sở Khoa học
và Công nghệ.

Đơn vị phối hợp: Văn phòng UBND tỉnh.

Thời gian hoàn thành: Quý I/2026.

2. Tập huấn sử dụng

Đơn vị chủ trì: Sở Nội vụ.

Thời gian thực hiện: Tháng 3 - 4/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Mai Hương
"""


def test_wrapped_text_header_gives_the_issuer_lines_without_the_motto(tmp_path: Path):
    path = tmp_path / "kh.txt"
    path.write_text(WRAPPED_HEADER, encoding="utf-8")
    st = structure_of(read(path))
    header = st.header
    assert " ".join(p.text for p in header.issuer_lines) == "ỦY BAN NHÂN DÂN TỈNH AN HÒA"
    assert header.number == "87/KH-UBND"
    assert header.place == "Thành phố Tân Hưng" and header.issued_on == "2025-10-03"
    assert header.motto == "state"
    assert st.title is not None and st.title.kind == "plan"
    assert st.title.text == "TRIỂN KHAI THÍ ĐIỂM SỔ TAY ĐIỆN TỬ CHO CÁN BỘ CẤP XÃ"


def _rendered(tmp_path: Path, fmt: str, bordered: bool = False) -> Document:
    lay = layout_of(WRAPPED_HEADER)
    if fmt == "txt":
        path = tmp_path / "kh.txt"
        path.write_text(WRAPPED_HEADER, encoding="utf-8")
    elif fmt == "docx":
        path = tmp_path / "kh.docx"
        render_docx(lay, path, bordered_closing=bordered)
    else:
        pytest.importorskip("reportlab")
        path = tmp_path / "kh.pdf"
        render_pdf(lay, path)
    return read(path)


@pytest.mark.parametrize("fmt,bordered", [("txt", False), ("docx", False), ("docx", True), ("pdf", False)])
def test_same_anatomy_from_text_docx_and_pdf(tmp_path: Path, fmt: str, bordered: bool):
    """Header, title, signature and tasks come out the same whatever the format (the closing in a
    borderless table, a bordered one, or two PDF columns)."""
    st = structure_of(_rendered(tmp_path, fmt, bordered))
    assert st.header.number == "87/KH-UBND" and st.header.issued_on == "2025-10-03"
    assert st.header.place == "Thành phố Tân Hưng"
    assert "CỘNG HÒA" not in " ".join(p.text for p in st.header.issuer_lines)
    assert st.title is not None and st.title.kind == "plan"
    assert st.signature is not None
    assert (st.signature.name, st.signature.authority) == ("Lê Thị Mai Hương", "KT. CHỦ TỊCH")
    assert [p.text.strip() for p in st.recipients][:1] == ["Nơi nhận:"]
    tasks = {t.text: t for t in st.tasks}
    assert set(tasks) == {"Xây dựng phần mềm sổ tay điện tử", "Tập huấn sử dụng"}
    first = tasks["Xây dựng phần mềm sổ tay điện tử"]
    assert first.value("lead") == "Sở Khoa học và Công nghệ"
    assert first.value("support") == "Văn phòng UBND tỉnh"
    assert first.value("due") == "Quý I/2026"
    assert tasks["Tập huấn sử dụng"].value("period") == "Tháng 3 - 4/2026"


def test_glued_pdf_columns_are_split_by_what_the_right_column_says():
    """A PDF text layer gives both columns on one line; the motto and the place-and-date are removed."""
    doc = doc_of(["UBND HUYỆN ĐÔNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "PHÒNG VĂN HÓA VÀ THÔNG TIN Độc lập - Tự do - Hạnh phúc",
                  "Số: 41/KH-VHTT Đông Sơn, ngày 7 tháng 8 năm 2025",
                  "KẾ HOẠCH", "Tuyên truyền kỷ niệm ngày thành lập huyện",
                  "Căn cứ Kế hoạch số 12/KH-UBND ngày 01/8/2025 của UBND huyện."], fmt="pdf")
    header = structure_of(doc).header
    assert [p.text for p in header.issuer_lines] == ["UBND HUYỆN ĐÔNG SƠN", "PHÒNG VĂN HÓA VÀ THÔNG TIN"]
    assert (header.number, header.place, header.issued_on) == ("41/KH-VHTT", "Đông Sơn", "2025-08-07")


@pytest.mark.parametrize("number_line,date_line", [
    ("Số:      /KH-UBND", "Bình Minh, ngày      tháng 6 năm 2026"),
    ("Số: ... /KH-UBND", "Bình Minh, ngày ... tháng ... năm 2026"),
])
def test_blank_number_and_day_are_null_never_guessed(number_line: str, date_line: str):
    st = structure_of(doc_of(["ỦY BAN NHÂN DÂN", "XÃ BÌNH MINH", number_line, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                              date_line, "KẾ HOẠCH", "Tổ chức ngày hội", "Căn cứ tình hình thực tế của xã."]))
    assert st.header.number is None and st.header.number_raw is not None
    assert st.header.issued_on is None and st.header.place == "Bình Minh"


def test_party_header_and_the_star_closing_the_issuer_block():
    st = structure_of(doc_of(["ĐẢNG BỘ HUYỆN CHÂU THÀNH", "ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ HÒA AN", "*",
                              "Số 12-KH/ĐU", "Hòa An, ngày 02 tháng 3 năm 2026", "KẾ HOẠCH",
                              "Thực hiện phong trào thi đua năm 2026", "Căn cứ Nghị quyết số 05-NQ/ĐU."]))
    assert [p.text for p in st.header.issuer_lines] == ["ĐẢNG BỘ HUYỆN CHÂU THÀNH", "ĐẢNG ỦY XÃ HÒA AN"]
    assert st.header.motto == "party" and st.header.number == "12-KH/ĐU"


def test_letter_subject_wrapped_under_the_number_and_a_wrapped_place():
    st = structure_of(doc_of(["ỦY BAN NHÂN DÂN", "TỈNH AN HÒA", "Số: 512/UBND-VX", "V/v rà soát danh sách",
                              "hộ nghèo năm 2025", "Thành", "phố Tân Hưng, ngày 04 tháng 9 năm 2025", "Kính gửi:",
                              "- Sở Y tế;", "- Ủy ban nhân dân các xã, phường.",
                              "Đề nghị các đơn vị báo cáo trước ngày 20/9/2025."]))
    assert st.header.subject == "rà soát danh sách hộ nghèo năm 2025"
    assert st.header.place == "Thành phố Tân Hưng" and st.header.issued_on == "2025-09-04"
    assert st.addressees == ["Sở Y tế", "Ủy ban nhân dân các xã, phường"]
    assert bodies(doc_of([])) == []
    assert [p.text for p in st.body] == ["Đề nghị các đơn vị báo cáo trước ngày 20/9/2025."]


# --------------------------------------------------------------------------- signature


@pytest.mark.parametrize("closing,name,authority", [
    (["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Trần Văn Sáu"], "Trần Văn Sáu", "T/M ĐẢNG ỦY"),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Võ Thị", "Ngọc Lan"], "Võ Thị Ngọc Lan", "KT. CHỦ TỊCH"),
    (["Q. GIÁM ĐỐC", "Đinh Quang Vũ"], "Đinh Quang Vũ", "Q. GIÁM ĐỐC"),
    (["TRƯỞNG BAN", "NGUYỄN VĂN TÁM"], "NGUYỄN VĂN TÁM", None),
    # a scanned signature read as stray characters between the title and the name
    (["TM. TỔ XUNG KÍCH", "TỔ TRƯỞNG", "lŠ", "Nguyễn Trọng Nghĩa"], "Nguyễn Trọng Nghĩa", "TM. TỔ XUNG KÍCH"),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "` : c", "Huỳnh Minh Tuấn"], "Huỳnh Minh Tuấn",
     "KT. CHỦ TỊCH"),
])
def test_signer_under_authority_and_title_lines(closing: list[str], name: str, authority):
    st = structure_of(doc_of(["Các đơn vị thực hiện nghiêm túc./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT."]
                             + closing))
    assert st.signature is not None and st.signature.name == name and st.signature.authority == authority


def test_a_name_under_a_seal_that_hid_the_title_is_the_signer_without_a_title():
    """OCR of a stamped scan: the seal's capitals stand where the title was; the name ending the document under
    the recipients list is still the signer's, shown with no title (and doubted, see test_metadata)."""
    st = structure_of(doc_of(["Các đơn vị thực hiện nghiêm túc./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
                              "TRUNG TÂM", ". PHỤC VỤ", "HÀNH CHÍNH CN6", "Nguyễn Thị Mỹ Công"]))
    assert st.signature is not None and (st.signature.name, st.signature.titles) == ("Nguyễn Thị Mỹ Công", [])
    body_end = structure_of(doc_of(["Danh sách thành viên tổ công tác gồm:", "- Trưởng tổ: Lê Văn Hai;",
                                    "Nguyễn Thị Mỹ Công"]))
    assert body_end.signature is None  # a name ending a list in the body, with no recipients above, is no signer


def test_signature_cell_read_as_one_line_is_split():
    """A PDF table reader may join a cell's lines: ``GIÁM ĐỐC Nguyễn Thị Hồng`` is a title and a name."""
    table = Table([[Cell("Nơi nhận: - Như trên; - Lưu: VT.", 0, 0), Cell("GIÁM ĐỐC Nguyễn Thị Hồng", 0, 1)]],
                  Location(page=3), index=0)
    doc = Document(path="t.pdf", sha256="0", format="pdf",
                   blocks=[Paragraph("Trung tâm thông báo để các bộ phận biết, thực hiện./.", Location(page=3, line=1)),
                           table])
    st = structure_of(doc)
    assert st.signature is not None and (st.signature.name, st.signature.titles) == ("Nguyễn Thị Hồng", ["GIÁM ĐỐC"])
    assert [p.text for p in st.recipients] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]


def test_a_summary_line_a_reader_glued_to_the_preamble_goes_back_to_the_title():
    """A text reader re-flowing hard-wrapped lines may join the summary's last line with the preamble under it:
    the source line opening on a body opener starts the body again."""
    tail = "6 tháng đầu năm; nhiệm vụ trọng tâm, giải pháp chủ yếu 6 tháng cuối năm 2026"
    preamble = ("Căn cứ Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân phường về cải cách hành chính "
                "năm 2026; Ủy ban nhân dân phường báo cáo kết quả thực hiện như sau:")
    doc = doc_of(["ỦY BAN NHÂN DÂN", "PHƯỜNG AN HỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "Số: 31/BC-UBND", "An Hội, ngày 03 tháng 7 năm 2026", "BÁO CÁO",
                  "Tình hình thực hiện công tác cải cách hành chính, chuyển đổi số của phường trong"])
    doc.blocks.append(Paragraph(f"{tail} {preamble}", Location(line=9),
                                line_starts=[(0, 9), (len(tail) + 1, 10), (len(tail) + 1 + 96, 11)]))
    doc.blocks.append(Paragraph("I. KẾT QUẢ ĐẠT ĐƯỢC", Location(line=12)))
    st = structure_of(doc)
    assert st.title is not None and st.title.text.endswith(tail)
    assert st.body[0].text == preamble and st.body[0].location.line == 10
    assert st.body[0].location_at(preamble.index("như sau")).line == 11


# --------------------------------------------------------------------------- the paragraph joiner


def test_hard_wrapped_lines_are_joined_and_keep_their_lines():
    doc = doc_of(["Căn cứ Nghị quyết số", "21/2025/NQ-HĐND ngày 10/7/2025 của Hội đồng nhân dân tỉnh về", "kế hoạch năm;",
                  "", "Thực hiện Công văn số 33/UBND-VX."])
    st = structure_of(doc)
    assert [p.text for p in st.body] == [
        "Căn cứ Nghị quyết số 21/2025/NQ-HĐND ngày 10/7/2025 của Hội đồng nhân dân tỉnh về kế hoạch năm;",
        "Thực hiện Công văn số 33/UBND-VX."]
    para = st.body[0]
    assert para.location_at(para.text.index("kế hoạch")).line == 3


def test_a_blank_line_before_a_label_ends_the_paragraph():
    assert bodies(doc_of(["Căn cứ tình hình thực tế của xã,", "", "Chỉ tiêu:", "", "- Mỗi thôn 01 mô hình."])) == [
        "Căn cứ tình hình thực tế của xã,", "Chỉ tiêu:", "- Mỗi thôn 01 mô hình."]


@pytest.mark.parametrize("lines,joined", [
    (["1.2.", "Sở Tài chính - cơ quan thường trực"], "1.2. Sở Tài chính - cơ quan thường trực"),
    (["- Phụ", "trách chung công tác tuyên truyền."], "- Phụ trách chung công tác tuyên truyền."),
    (["-", "Tuyên truyền trên hệ thống loa."], "- Tuyên truyền trên hệ thống loa."),
    (["4. Trong giai đoạn 2026", "- 2030 phấn đấu có ít nhất 10% cán bộ trẻ."],
     "4. Trong giai đoạn 2026 - 2030 phấn đấu có ít nhất 10% cán bộ trẻ."),
    (["III. TỔ CHỨC", "THỰC HIỆN"], "III. TỔ CHỨC THỰC HIỆN"),
    (["Thời", "gian hoàn thành: Tháng 12/2025."], "Thời gian hoàn thành: Tháng 12/2025."),
    (["c) Đến hết năm 2030: 100%", "HTX, THT trên địa bàn có sổ sách điện tử."],
     "c) Đến hết năm 2030: 100% HTX, THT trên địa bàn có sổ sách điện tử."),
    (["1. Sở", "Khoa học và Công nghệ"], "1. Sở Khoa học và Công nghệ"),
    (["- Tổng hợp kết quả, gửi Bộ Tài chính. Thời gian hoàn thành:", "Trước ngày 31/5/2026."],
     "- Tổng hợp kết quả, gửi Bộ Tài chính. Thời gian hoàn thành: Trước ngày 31/5/2026."),
])
def test_pieces_of_one_paragraph_are_joined(lines: list[str], joined: str):
    assert bodies(doc_of(["Căn cứ tình hình thực tế."] + lines))[1:] == [joined]


@pytest.mark.parametrize("lines", [
    ["1. Mục đích", "Nâng cao nhận thức của cán bộ."],
    ["Các đơn vị thực hiện.", "Trưởng các ban theo dõi."],
    ["- Tổ chức hội nghị;", "- Báo cáo kết quả."],
    ["II. NỘI DUNG", "Triển khai đồng bộ các giải pháp."],
    ["Đơn vị thực hiện:", "- Phòng Nội vụ;"],
    ["2. Quốc phòng", "Tăng cường công tác giáo dục quốc phòng."],
    ["Kết quả đạt được như sau:", "Toàn xã có 12 mô hình."],
])
def test_separate_paragraphs_stay_apart(lines: list[str]):
    assert bodies(doc_of(lines)) == lines


def test_docx_paragraphs_are_never_joined_except_a_lone_marker():
    doc = Document(path="t.docx", sha256="0", format="docx", blocks=[
        Paragraph("Các ban ngành phối hợp thực hiện", Location()),
        Paragraph("Ủy ban nhân dân các xã báo cáo kết quả", Location()),
        Paragraph("2.", Location()), Paragraph("Kinh phí thực hiện", Location())])
    assert bodies(doc) == ["Các ban ngành phối hợp thực hiện", "Ủy ban nhân dân các xã báo cáo kết quả",
                           "2. Kinh phí thực hiện"]


def test_joiner_keeps_provenance_of_every_piece():
    units = structure_of(doc_of(["Đơn vị chủ trì: Sở Khoa học", "và Công nghệ."], step=2)).body
    assert len(units) == 1 and [p.location.line for p in units[0].pieces] == [1, 3]
    assert join_lines([]) == []


# --------------------------------------------------------------------------- headings and outline


@pytest.mark.parametrize("text,heading", [
    ("II. NHIỆM VỤ, GIẢI PHÁP", True), ("2. Về các nền tảng số", True), ("1. Mục đích:", True),
    ("PHỤ LỤC", True), ("214/NQ-CP).", False),
    ("1. Đẩy mạnh tuyên truyền, vận động nhân dân tham gia xây dựng nông thôn mới, đô thị văn minh.", False),
    ("- Các chi bộ đăng ký trước ngày 10/3.", False),
])
def test_one_heading_test(text: str, heading: bool):
    assert is_heading(text) is heading


@pytest.mark.parametrize("text,level", [
    ("II. NHIỆM VỤ", LEVEL_ROMAN), ("Mục II. Nhóm chuyên môn", LEVEL_ROMAN), ("1. Về dữ liệu", LEVEL_NUM),
    ("1.2. Triển khai", LEVEL_NUM2), ("Điều 3. Hiệu lực", LEVEL_NUM), ("- Tổ chức", LEVEL_DASH),
])
def test_outline_levels(text: str, level: int):
    assert outline(text)[1] == level


def test_items_know_the_heading_of_their_section():
    st = structure_of(doc_of(["IV. NHIỆM VỤ CỤ THỂ", "1.4. Ủy ban nhân dân các xã", "- Thành lập tổ kiểm kê.",
                              "Thời gian hoàn thành: Trước ngày 15/11/2025."]))
    item = st.body[2]
    assert [p.text for p in st.parents(item)] == ["1.4. Ủy ban nhân dân các xã", "IV. NHIỆM VỤ CỤ THỂ"]
    assert st.heading_of(item) == "Ủy ban nhân dân các xã"


# --------------------------------------------------------------------------- labelled fields and tasks


@pytest.mark.parametrize("label,role", [
    ("Thời gian hoàn thành", "due"), ("Thời hạn hoàn thành", "due"), ("Thời gian thực hiện", "period"),
    ("Cơ quan chủ trì", "lead"), ("Đơn vị chủ trì tham mưu thực hiện", "lead"), ("Đơn vị phối hợp", "support"),
    ("Cơ quan phối hợp", "support"), ("Sản phẩm", "product"), ("Tên nhiệm vụ", "task"), ("STT", None),
    ("Ghi chú", None),
])
def test_label_roles_come_from_the_lexicon(label: str, role):
    assert label_role(label) == role


def test_group_label_takes_its_items_and_a_task_field_names_the_task():
    st = structure_of(doc_of([
        "1.1. Xây dựng dữ liệu dân cư:", "a) Nhiệm vụ:", "- Rà soát dữ liệu;", "- Chuẩn hóa dữ liệu.",
        "b) Cơ quan thực hiện:", "- Đơn vị chủ trì: Công an tỉnh.", "- Đơn vị phối hợp: Sở Tư pháp.",
        "c) Thời gian thực hiện: Hoàn thành trong năm 2025."]))
    (task,) = st.tasks
    assert task.text == "Rà soát dữ liệu; Chuẩn hóa dữ liệu"
    assert (task.value("lead"), task.value("support"), task.value("period")) == (
        "Công an tỉnh", "Sở Tư pháp", "Hoàn thành trong năm 2025")
    assert task.heading == "Xây dựng dữ liệu dân cư"


def test_inline_field_after_the_task_sentence():
    st = structure_of(doc_of(["- Tổng hợp kết quả kiểm kê, báo cáo Bộ Tài chính. Thời gian hoàn thành: Trước ngày "
                              "31/5/2026."]))
    (task,) = st.tasks
    assert task.text == "Tổng hợp kết quả kiểm kê, báo cáo Bộ Tài chính"
    assert task.value("due") == "Trước ngày 31/5/2026" and task.fields["due"].inline


def test_a_role_met_twice_starts_the_next_task():
    st = structure_of(doc_of(["Nhiệm vụ: Mở lớp tập huấn", "Chủ trì: Sở Nội vụ", "Nhiệm vụ: In tài liệu",
                              "Chủ trì: Văn phòng"]))
    assert [(t.text, t.responsible) for t in st.tasks] == [("Mở lớp tập huấn", "Sở Nội vụ"),
                                                          ("In tài liệu", "Văn phòng")]


def _table(rows: list[list[str]], index: int = 0) -> Table:
    return Table([[Cell(t, r, c, location=Location(page=1 + r // 4)) for c, t in enumerate(row)]
                  for r, row in enumerate(rows)], Location(page=1), index=index)


def test_task_table_header_roles_repeated_header_numbering_and_sub_heading_rows():
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    doc = Document(path="t.pdf", sha256="0", format="pdf", blocks=[
        Paragraph("PHỤ LỤC", Location(page=1, line=1)),
        _table([header, ["(1)", "(2)", "(3)", "(4)", "(5)"], ["I. HOÀN THIỆN THỂ CHẾ", "", "", "", ""],
                ["1", "Ban hành quy chế", "Sở Tư pháp", "Các sở", "Quý II/2026"], header,
                ["2", "Sửa đổi quy định", "Sở Nội vụ", "", "Tháng 9/2026"]])])
    st = structure_of(doc)
    (table,) = st.task_tables
    assert table.columns == {"task": 1, "lead": 2, "support": 3, "due": 4}
    assert [(t.text, t.responsible, t.value("due"), t.heading, t.row) for t in st.tasks] == [
        ("Ban hành quy chế", "Sở Tư pháp", "Quý II/2026", "HOÀN THIỆN THỂ CHẾ", 3),
        ("Sửa đổi quy định", "Sở Nội vụ", "Tháng 9/2026", "HOÀN THIỆN THỂ CHẾ", 5)]


def test_text_table_split_at_its_sub_headings_keeps_its_header():
    st = structure_of(doc_of(["STT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành",
                              "I. NÂNG CAO NHẬN THỨC", "1 | Mở chuyên mục | Đài phát thanh | Quý IV-2025",
                              "II. HẠ TẦNG", "2 | Lắp đặt camera | Công an | 2026"]))
    assert [(t.text, t.responsible, t.value("due"), t.heading) for t in st.tasks] == [
        ("Mở chuyên mục", "Đài phát thanh", "Quý IV-2025", "NÂNG CAO NHẬN THỨC"),
        ("Lắp đặt camera", "Công an", "2026", "HẠ TẦNG")]


def test_a_registration_list_is_no_task_table():
    st = structure_of(doc_of(["TT | Tên mô hình | Nội dung | Địa chỉ | Thời gian thực hiện",
                              "1 | Đường hoa | Trồng hoa | Thôn 2 | Tháng 3 - 12/2026"]))
    assert st.task_tables == [] and st.tasks == []


def test_view_is_built_once_per_document():
    doc = doc_of(["KẾ HOẠCH", "Tổ chức hội thi", "Căn cứ tình hình thực tế."])
    assert structure_of(doc) is structure_of(doc)
    assert layout_of("") == Layout()


def test_issuer_capitals_glued_before_the_place_leave_the_header_whole():
    """OCR or a text layer glues the issuer column's last line to the place: the line is still the header's
    place and date, and the number and subject under it stay in the header."""
    st = structure_of(doc_of(["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "THÀNH PHỐ HỒ CHÍ MINH Thành phố Hồ Chí Minh, ngày 25 tháng 11 năm 2025",
                              "Số: 4085/UBND-ĐT", "V/v rà soát dữ liệu số nhà", "Kính gửi: Sở Xây dựng",
                              "Ủy ban nhân dân Thành phố đề nghị Sở Xây dựng rà soát."], fmt="pdf"))
    assert (st.header.number, st.header.place, st.header.issued_on) == ("4085/UBND-ĐT", "Thành phố Hồ Chí Minh",
                                                                        "2025-11-25")
    assert st.header.subject and st.header.subject.startswith("rà soát")


def test_place_and_date_read_after_the_type_heading_belong_to_the_header():
    """OCR orders lines by height: the right column's date can come after a title that starts higher. It is the
    header's date, not the summary and not a line of the body."""
    st = structure_of(doc_of(["ỦY BAN THƯỜNG VỤ QUỐC HỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                              "Số: 1670/NQ-UBTVQH15", "Độc lập - Tự do - Hạnh phúc", "NGHỊ QUYẾT",
                              "Hà Nội, ngày 16 tháng 6 năm 2025", "VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ",
                              "Căn cứ Luật Tổ chức chính quyền địa phương;", "Điều 1. Sắp xếp các đơn vị."], fmt="pdf"))
    assert (st.header.place, st.header.issued_on) == ("Hà Nội", "2025-06-16")
    assert st.title is not None and "ngày 16" not in (st.title.text or "")
    assert not any("ngày 16 tháng 6" in p.text for p in st.body)


def test_an_ocr_heading_with_a_misread_tone_mark_is_still_the_type_word():
    """OCR read ``THÔNG BÁO`` as ``THÔNG BẢO`` (a heading alone on its line): still a notice. Typed text must
    spell the word; a wrong mark there is no heading guess."""
    lines = ["UBND XÃ NGHĨA LÂM", "Số: 04/TB-TTPVHCC", "THÔNG BẢO", "Phân công nhiệm vụ của cán bộ",
             "Căn cứ Quyết định số 02/QĐ-UBND ngày 02/07/2025."]
    scanned = doc_of(lines, fmt="image")
    for block in scanned.blocks:
        block.confidence = 88.0
    assert structure_of(scanned).title is not None and structure_of(scanned).title.kind == "notice"
    assert structure_of(doc_of(lines)).title is None
