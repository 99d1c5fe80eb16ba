"""Registration rows in real-shaped documents: a filled table inside a long report (DOCX and PDF, over two
pages, among statistics, score, task, budget and people tables), sub-headings that group rows or name their
unit or field, the leader written in brackets after the name, a table typed with tab stops (DOCX and PDF),
and the confidence and review reasons of every row. The documents are built here, at test time.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import report_builders as rb
from pipeline.extractors import doubt
from pipeline.extractors.registrations import extract_registrations, leader_in_name
from pipeline.files import extract_file
from pipeline.model import REVIEW_THRESHOLD, DocumentMeta
from registrations_helpers import form_document, grid_table, meta


def _report_rows(record):
    return [(r.section, r.seq, r.name, r.leader, r.unit, r.period.start if r.period else None,
             r.period.end if r.period else None) for r in record.registrations]


# --------------------------------------------------------------------------- the long report as files


@pytest.fixture(scope="module")
def report_docx(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return extract_file(rb.report_docx(tmp_path_factory.mktemp("report") / "bao-cao.docx"))


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    return extract_file(rb.report_pdf(tmp_path_factory.mktemp("report") / "bao-cao.pdf"))


def test_report_docx_gives_the_registration_rows_and_nothing_from_the_other_tables(report_docx):
    # the header row typed again inside the table, the "Khối …" rows merged across it and the totals row are
    # no models; the statistics, score, task, budget and people tables give nothing
    assert _report_rows(report_docx) == rb.EXPECTED_ROWS
    assert {r.location.table for r in report_docx.registrations} == {5}  # the sixth table: the annex


def test_report_pdf_over_two_pages_with_its_header_repeated_gives_the_same_rows(report_pdf):
    assert report_pdf.document.pages >= 2
    assert _report_rows(report_pdf) == rb.EXPECTED_ROWS
    pages = [r.location.page for r in report_pdf.registrations]
    assert pages == sorted(pages) and pages[0] < pages[-1]  # the table runs over a page break


@pytest.mark.parametrize("fixture", ["report_docx", "report_pdf"])
def test_report_without_a_field_column_leaves_field_null_and_rows_carry_no_doubt(fixture, request):
    record = request.getfixturevalue(fixture)
    assert all(r.field is None and r.field_raw is None for r in record.registrations)
    assert all(r.confidence is not None and r.confidence >= REVIEW_THRESHOLD and r.review == []
               for r in record.registrations)
    assert not any("registrations" in w for w in record.warnings)


# --------------------------------------------------------------------------- tables that are not registrations


def test_statistics_table_whose_model_column_holds_counts_gives_no_rows():
    rows = [["TT", "Đơn vị", "Mô hình", "Hoàn thành"], ["1", "Xã Tân An", "4", "4"], ["2", "Xã Tân Hòa", "3", "2"]]
    assert extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), []) == []


def test_a_table_of_counts_beside_the_names_is_statistics():
    rows = [["STT", "Tên mô hình", "Số hộ tham gia", "Kinh phí (triệu đồng)"],
            ["1", "Đường hoa thôn Đông", "45", "12,5"], ["2", "Tủ sách thôn Tây", "30", "4"]]
    assert extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), []) == []


def test_a_registration_table_keeps_a_count_column_in_extra():
    rows = [["STT", "Tên mô hình", "Chủ thể", "Lĩnh vực", "Thời gian", "Số hộ tham gia"],
            ["1", "Đường hoa thôn Đông", "Chi hội Phụ nữ", "KT", "Năm 2025", "45"]]
    (reg,) = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert (reg.name, reg.leader, reg.extra) == ("Đường hoa thôn Đông", "Chi hội Phụ nữ", {"Số hộ tham gia": "45"})


def test_a_score_table_and_a_list_of_people_give_no_rows():
    doc = form_document([grid_table(rb.SCORES, index=0), grid_table(rb.PEOPLE, index=1)])
    warnings: list[str] = []
    assert extract_registrations(doc, meta(unit="X"), warnings) == []
    assert warnings == []


def test_a_statistics_table_between_two_pages_of_a_form_does_not_continue_it():
    form = grid_table([rb.REGISTRATION_HEADER, ["1", "Tủ sách thôn Tây", "Chi đoàn thôn Tây", "Năm 2024", ""]], 0)
    stats = grid_table(rb.grid_specs(rb.STATISTICS), 1)
    tail = grid_table([["2", "45", "12", "40", ""]], 2)  # a headerless table after the statistics
    regs = extract_registrations(form_document([form, stats, tail]), meta(unit=None), [])
    assert [r.name for r in regs] == ["Tủ sách thôn Tây"]


# --------------------------------------------------------------------------- sub-headings


HEADER = ["TT", "Tên mô hình", "Tập thể (cá nhân) chỉ đạo", "Địa bàn", "Thời gian thực hiện"]


def test_unit_sub_headings_give_the_rows_below_their_unit_and_are_not_rows():
    rows = [HEADER,
            [("Đảng bộ xã Tân An", 1, 5), None, None, None, None],
            ["1", "Đường hoa kiểu mẫu", "Chi bộ thôn Đông", "Thôn Đông", "Năm 2025"],
            ["2", "Tủ sách pháp luật", "Chi bộ thôn Tây", "Thôn Tây", "Năm 2025"],
            [("Đảng bộ xã Tân Hòa", 1, 5), None, None, None, None],
            ["1", "Camera an ninh", "Công an xã", "Toàn xã", "Quý II/2025"]]
    regs = extract_registrations(form_document([grid_table(rows)], unit_line=None), meta(unit=None), [])
    assert [(r.seq, r.name, r.unit) for r in regs] == [(1, "Đường hoa kiểu mẫu", "Đảng bộ xã Tân An"),
                                                       (2, "Tủ sách pháp luật", "Đảng bộ xã Tân An"),
                                                       (1, "Camera an ninh", "Đảng bộ xã Tân Hòa")]
    assert all(r.review == [] for r in regs)  # numbering starts again under each unit: no gap


def test_group_sub_heading_in_the_tt_column_of_a_table_without_merged_cells_is_not_a_row():
    rows = [HEADER, ["Khối Mặt trận và các đoàn thể", "", "", "", ""],
            ["1", "Đường hoa kiểu mẫu", "Chi hội Phụ nữ", "Thôn Đông", "Năm 2025"],
            ["KHỐI CHÍNH QUYỀN", "", "", "", ""],
            ["2", "Một cửa thân thiện", "UBND xã", "Trụ sở xã", "Năm 2025"]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="Đảng ủy xã Tân An"), [])
    assert [(r.seq, r.name, r.leader, r.unit) for r in regs] == [
        (1, "Đường hoa kiểu mẫu", "Chi hội Phụ nữ", "Đảng ủy xã Tân An"),
        (2, "Một cửa thân thiện", "UBND xã", "Đảng ủy xã Tân An")]


def test_group_heading_in_the_name_column_of_a_table_without_tt_is_not_appended_to_the_row_above():
    rows = [["Tên mô hình", "Người phụ trách", "Thời gian"],
            ["Đường hoa kiểu mẫu", "Chi hội Phụ nữ", "Năm 2025"],
            ["Khối các đoàn thể", "", ""],
            ["Tủ sách thanh niên", "Chi đoàn", "Năm 2025"]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert [r.name for r in regs] == ["Đường hoa kiểu mẫu", "Tủ sách thanh niên"]


def test_field_sub_headings_give_the_field_when_the_table_has_no_field_column():
    rows = [HEADER, ["I", "Lĩnh vực kinh tế", "", "", ""],
            ["1", "Cánh đồng mẫu", "Hội Nông dân", "Thôn Đông", "Năm 2025"],
            ["II", "Lĩnh vực quốc phòng - an ninh", "", "", ""],
            ["1", "Camera an ninh", "Công an xã", "Toàn xã", "Năm 2025"]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert [(r.name, r.field, r.section) for r in regs] == [("Cánh đồng mẫu", "economy", None),
                                                           ("Camera an ninh", "defense_security", None)]


def test_a_lone_name_without_heading_marks_is_still_a_model_row():
    # (names that open like a unit — "Tổ …", "Hội …" — alone on their row, in a table without TT)
    rows = [["Tên mô hình", "Địa bàn", "Ghi chú"], ["Tổ tự quản vệ sinh môi trường", "", ""],
            ["Hội quán nông dân", "Thôn Đông", ""]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert [r.name for r in regs] == ["Tổ tự quản vệ sinh môi trường", "Hội quán nông dân"]


# --------------------------------------------------------------------------- the leader in brackets


@pytest.mark.parametrize("cell, expected", [
    ("Mô hình “Dân vận khéo” (Chi hội trưởng Nguyễn Văn An)", ("Mô hình “Dân vận khéo”", "Chi hội trưởng Nguyễn Văn An")),
    ("Tổ hòa giải giỏi (đ/c Lê Thị Hoa - Tổ trưởng)", ("Tổ hòa giải giỏi", "đ/c Lê Thị Hoa - Tổ trưởng")),
    ("Một cửa thân thiện (Bí thư Đảng ủy Trần Văn Nam)", ("Một cửa thân thiện", "Bí thư Đảng ủy Trần Văn Nam")),
    ("Đường cờ Tổ quốc (đã đăng ký năm 2023)", None),
    ("Camera an ninh (tiếp tục thực hiện)", None),
    ("Tủ sách pháp luật (50 đầu sách)", None),
    ("Chợ văn minh (chợ trung tâm)", None),
])
def test_leader_in_brackets_after_the_name(cell, expected):
    assert leader_in_name(cell) == expected


def test_bracketed_leader_fills_an_empty_leader_only():
    rows = [["TT", "Tên mô hình", "Người phụ trách", "Lĩnh vực"],
            ["1", "Đường hoa (Chi hội trưởng Nguyễn Thị Lan)", "", "VH-XH"],
            ["2", "Tủ sách (Chi hội trưởng Nguyễn Thị Lan)", "Chi đoàn thôn Tây", "VH-XH"]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert [(r.name, r.leader) for r in regs] == [("Đường hoa", "Chi hội trưởng Nguyễn Thị Lan"),
                                                 ("Tủ sách (Chi hội trưởng Nguyễn Thị Lan)", "Chi đoàn thôn Tây")]


# --------------------------------------------------------------------------- confidence and review reasons


def test_review_reasons_name_what_a_reviewer_should_check():
    rows = [["TT", "Tên mô hình", "Chủ thể", "Lĩnh vực", "Thời gian thực hiện"],
            ["I", "Mô hình mới năm 2025", "", "", ""],
            ["1", "Đường hoa", "Chi bộ thôn Đông", "KT", "Năm 2025"],
            ["3", "Tủ sách", "", "VH-XH", "Năm 2025"],           # 2 is missing; no leader
            ["3", "Camera an ninh", "Công an xã", "QP-AN", "Năm 2026"],  # 3 again; another year
            ["4", "Chợ văn minh", "Ban quản lý chợ", "Du lịch", "sau Tết"]]  # a field outside the list; no date
    doc = form_document([grid_table(rows)], unit_line=None)
    regs = extract_registrations(doc, DocumentMeta(kind="registration_form", issued_on="2025-02-10"), [])
    reviews = {r.name: r.review for r in regs}
    assert reviews["Đường hoa"] == [doubt.UNIT_MISSING]
    assert doubt.reg_seq_gap(1, 3) in reviews["Tủ sách"] and doubt.REG_LEADER_MISSING in reviews["Tủ sách"]
    assert doubt.REG_SEQ_REPEATED in reviews["Camera an ninh"]
    assert doubt.REG_PERIOD_OTHER_YEAR in reviews["Camera an ninh"]
    assert doubt.REG_FIELD_UNKNOWN in reviews["Chợ văn minh"] and doubt.REG_PERIOD_UNREAD in reviews["Chợ văn minh"]
    assert all(r.confidence < REVIEW_THRESHOLD for r in regs)


def test_the_new_models_heading_gives_the_forms_year_over_an_older_title():
    rows = [["TT", "Tên mô hình", "Chủ thể", "Thời gian thực hiện"],
            ["I", "Mô hình mới năm 2025", "", ""], ["1", "Đường hoa", "Chi bộ", "Tháng 3 - 9/2025"],
            ["II", "Mô hình tiếp tục thực hiện (đã đăng ký năm 2024)", "", ""], ["1", "Tủ sách", "Chi bộ", "Năm 2025"]]
    form = DocumentMeta(kind="registration_form", unit="Chi bộ thôn Đông", issued_on="2025-02-10",
                        title="DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2024")
    regs = extract_registrations(form_document([grid_table(rows)]), form, [])
    assert [(r.name, r.review, r.confidence) for r in regs] == [("Đường hoa", [], 0.9), ("Tủ sách", [], 0.9)]


def test_low_ocr_confidence_of_a_cell_is_a_review_reason():
    table = grid_table([HEADER, ["1", "Đường hoa kiểu mẫu", "Chi bộ thôn Đông", "Thôn Đông", "Năm 2025"]])
    for cell in table.rows[1]:
        cell.confidence = 91.0
    table.rows[1][1].confidence = 48.0
    (reg,) = extract_registrations(form_document([table]), meta(unit="X"), [])
    assert reg.review == [doubt.ocr_low(48.0)] and reg.confidence < REVIEW_THRESHOLD


# --------------------------------------------------------------------------- tables typed with tab stops


def _tab_rows(record):
    return [(r.section, r.seq, r.name, r.leader, r.address, r.field) for r in record.registrations]


@pytest.mark.parametrize("build", [rb.tab_form_docx, rb.tab_form_pdf], ids=["docx", "pdf"])
def test_form_typed_with_tab_stops_is_read_as_a_table(tmp_path: Path, build):
    record = extract_file(build(tmp_path / f"dang-ky.{build.__name__[-4:]}"))
    assert _tab_rows(record) == rb.TAB_EXPECTED
    assert all(r.unit == "Chi đoàn thôn Bình An" for r in record.registrations)
    assert record.registrations[0].period.end == "2025-11-30"
    assert record.registrations[0].location.line is not None


# --------------------------------------------------------------------------- ticks under merged headers


def test_ticks_under_merged_field_and_kind_headers_give_field_and_section():
    rows = [
        [("TT", 2, 1), ("Tên mô hình", 2, 1), ("Lĩnh vực", 1, 4), None, None, None, ("Loại mô hình", 1, 2), None],
        [None, None, "KT", "VH-XH", "QP-AN", "XDHTCT", "Mới", "Tiếp tục"],
        ["1", "Cánh đồng mẫu", "x", "", "", "", "x", ""],
        ["2", "Camera an ninh", "", "", "x", "", "", "x"],
        ["3", "Tủ sách pháp luật", "", "x", "", "x", "x", ""],
    ]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert [(r.name, r.field, r.field_raw, r.section, r.extra) for r in regs] == [
        ("Cánh đồng mẫu", "economy", "KT", "new", {}),
        ("Camera an ninh", "defense_security", "QP-AN", "continuing", {}),
        ("Tủ sách pháp luật", "culture_society", "VH-XH, XDHTCT", "new", {}),
    ]


def test_numbered_unit_heading_over_sub_numbered_rows_is_not_a_model():
    rows = [["STT", "Tên mô hình", "Người phụ trách", "Thời gian"],
            ["1", "Đảng bộ xã Tân An", "", ""],
            ["1.1", "Đường hoa kiểu mẫu", "Chi bộ thôn Đông", "Năm 2025"],
            ["1.2", "Tủ sách pháp luật", "Chi bộ thôn Tây", "Năm 2025"],
            ["2", "Hội Nông dân xã Tân An", "", ""],
            ["-", "Cánh đồng mẫu", "Chi hội thôn Đông", "Năm 2025"],
            ["3", "Hội quán nông dân", "", ""],  # a model with an empty row around it: still a model
            ["4", "Sân chơi thiếu nhi", "Chi đoàn", "Năm 2025"]]
    regs = extract_registrations(form_document([grid_table(rows)], unit_line=None), meta(unit=None), [])
    assert [(r.name, r.unit) for r in regs] == [("Đường hoa kiểu mẫu", "Đảng bộ xã Tân An"),
                                               ("Tủ sách pháp luật", "Đảng bộ xã Tân An"),
                                               ("Cánh đồng mẫu", "Hội Nông dân xã Tân An"),
                                               ("Hội quán nông dân", "Hội Nông dân xã Tân An"),
                                               ("Sân chơi thiếu nhi", "Hội Nông dân xã Tân An")]


def test_in_a_list_of_many_units_the_body_carrying_a_model_out_is_its_unit():
    rows = [["STT", "Tên mô hình", "Đơn vị thực hiện", "Thời gian"],
            ["1", "Đường hoa kiểu mẫu", "Chi bộ thôn Đông", "Năm 2025"]]
    consolidated = DocumentMeta(kind="report", issued_on="2025-12-01")
    (reg,) = extract_registrations(form_document([grid_table(rows)], unit_line=None), consolidated, [])
    assert (reg.leader, reg.unit) == ("Chi bộ thôn Đông", "Chi bộ thôn Đông")
    (own,) = extract_registrations(form_document([grid_table(rows)]), meta(unit="Đảng ủy xã Tân An"), [])
    assert (own.leader, own.unit) == ("Chi bộ thôn Đông", "Đảng ủy xã Tân An")


def test_a_page_starting_with_a_group_heading_continues_the_form():
    page1 = grid_table([HEADER, ["1", "Đường hoa kiểu mẫu", "Chi hội Phụ nữ", "Thôn Đông", "Năm 2025"]], 0, page=1)
    page2 = grid_table([[("Khối các đoàn thể", 1, 5), None, None, None, None],
                        ["2", "Tủ sách thanh niên", "Chi đoàn", "Thôn Tây", "Năm 2025"]], 1, page=2)
    regs = extract_registrations(form_document([page1, page2]), meta(unit="X"), [])
    assert [(r.seq, r.name, r.location.page) for r in regs] == [(1, "Đường hoa kiểu mẫu", 1),
                                                               (2, "Tủ sách thanh niên", 2)]


# --------------------------------------------------------------------------- the vocabularies, once


def test_registration_vocabularies_are_the_lexicons_and_agree_with_each_other():
    from pipeline import lexicon, normalize
    from pipeline.extractors.registrations import ROLES, classify_header
    from pipeline.reports.labels import FIELD_LABELS, SECTION_LABELS

    assert {lexicon.cell(r, 1) for r in lexicon.table("registration_columns")} == set(ROLES)
    assert set(normalize.FIELD_CODES) == set(FIELD_LABELS) == {lexicon.cell(r, 1) for r in lexicon.table("field_words")} | {"other"}
    assert {lexicon.cell(r, 1) for r in lexicon.table("form_sections")} == set(SECTION_LABELS)
    # every header word of the lexicon is read as its own role (an earlier, broader entry would shadow it)
    assert [(w, classify_header(w)) for w, role, *_ in lexicon.table("registration_columns")
            if classify_header(w) != role] == []


def test_a_two_row_header_printed_again_on_every_page_gives_no_rows(tmp_path: Path):
    rows = [["TT", "Tên mô hình", "Chủ thể", ("Thời gian thực hiện", 2), None], ["", "", "", "Bắt đầu", "Kết thúc"]]
    rows += [[str(i), f"Mô hình số {i}", f"Chi bộ thôn {i}", "01/3/2025", "31/12/2025"] for i in range(1, 41)]
    pdf = rb.write_pdf(tmp_path / "dang-ky.pdf", ["Đơn vị: Đảng ủy xã Tân An", "DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2025",
                                                 rows], repeat_rows=2)
    record = extract_file(pdf)
    assert record.document.pages >= 2
    assert [(r.seq, r.name) for r in record.registrations] == [(i, f"Mô hình số {i}") for i in range(1, 41)]
    assert all(r.review == [] for r in record.registrations) and record.warnings == []
