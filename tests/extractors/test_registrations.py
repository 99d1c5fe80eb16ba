"""Registration rows from model Tables: header by meaning, sections, joins, skips and bad input."""
from __future__ import annotations

import time

import pytest

from pipeline.extractors.registrations import classify_header, extract_registrations
from registrations_helpers import (CONTINUING_ROWS, HEADER, NEW_ROWS, form_document, grid_table, meta,
                                   template_rows)


def rows_of(regs):
    return [(r.section, r.seq, r.name, r.field) for r in regs]


EXPECTED = [
    ("new", 1, "Thắp sáng đường quê thôn Bình An", "economy"),
    ("new", 2, "Tổ tự quản vệ sinh môi trường", "culture_society"),
    ("continuing", 1, "Tổ an ninh tự quản liên gia", "defense_security"),
]


def test_template_form_gives_rows_with_sections_fields_periods_and_locations():
    doc = form_document([grid_table(template_rows(), first_line=10)])
    warnings: list[str] = []
    regs = extract_registrations(doc, meta(unit="Đoàn Thanh niên xã Tân Lập"), warnings)
    assert rows_of(regs) == EXPECTED
    assert warnings == []
    first = regs[0]
    assert first.leader == "Chi đoàn thôn Bình An" and first.address == "Thôn Bình An"
    assert first.field_raw == "KT"
    assert (first.period.start, first.period.end) == ("2025-03-01", "2025-09-30")
    assert regs[2].period.start == "2025-04-01" and regs[2].period.end == "2025-06-30"
    assert regs[1].field_raw == "Văn hoá - xã hội"  # old-style tone kept for display
    assert all(r.unit == "Đoàn Thanh niên xã Tân Lập" for r in regs)
    assert [r.location.row for r in regs] == [1, 2, 3]
    assert [r.location.line for r in regs] == [12, 13, 15]
    assert all(r.location.table == 0 for r in regs)


def test_other_column_order_is_read_by_header_meaning():
    order = [5, 4, 0, 3, 1, 2]  # Thời gian, Lĩnh vực, TT, Địa chỉ, Tên, Tập thể
    rows = [[row[i] for i in order] for row in template_rows()]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert rows_of(regs) == EXPECTED
    assert regs[0].leader == "Chi đoàn thôn Bình An" and regs[0].period.text == "Tháng 3 - 9/2025"


def test_missing_address_column_and_synonym_headers():
    header = ["STT", "Tên mô hình", "Chủ thể", "Lĩnh vực", "Thời gian"]
    rows = [header] + [[r[0], r[1], r[2], r[4], r[5]] for r in NEW_ROWS]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert [(r.seq, r.name, r.leader, r.address, r.field) for r in regs] == [
        (1, NEW_ROWS[0][1], NEW_ROWS[0][2], None, "economy"),
        (2, NEW_ROWS[1][1], NEW_ROWS[1][2], None, "culture_society"),
    ]
    assert all(r.section is None for r in regs)  # no section rows in this form


@pytest.mark.parametrize("text, role", [
    ("TT", "seq"), ("STT", "seq"), ("Số TT", "seq"), ("Số thứ tự", "seq"),
    ("Tên mô hình", "name"), ("TÊN MÔ HÌNH", "name"),
    ("Tập thể (cá nhân) chỉ đạo xây dựng mô hình", "leader"), ("Chủ thể", "leader"),
    ("Người phụ trách", "leader"), ("Đơn vị thực hiện", "leader"),
    ("Địa chỉ", "address"), ("Địa bàn", "address"), ("Địa chỉ mô hình", "address"),
    ("Lĩnh vực (KT, VH-XH, QP-AN, Xây dựng hệ thống chính trị)", "field"),
    ("Thời gian thực hiện", "period"), ("Thời gian", "period"),
    ("Ghi chú", None), ("Kết quả", None), ("", None),
])
def test_header_synonyms(text, role):
    assert classify_header(text) == role


def test_two_row_header_with_merged_cells_and_extra_columns():
    rows = [
        [("TT", 2, 1), ("Tên mô hình", 2, 1), ("Chủ thể", 2, 1), ("Thời gian thực hiện", 1, 2), None,
         ("Ghi chú", 2, 1)],
        [None, None, None, "Bắt đầu", "Kết thúc", None],
        ["1", "Cổng trường an toàn giao thông", "Chi đoàn trường THCS Tân Lập", "01/3/2025", "31/12/2025",
         "Phối hợp Công an xã"],
        ["2", "Sân chơi thiếu nhi thôn Đông", "Chi đoàn thôn Đông", "01/6/2025", "31/8/2025", ""],
    ]
    warnings: list[str] = []
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), warnings)
    assert [r.name for r in regs] == ["Cổng trường an toàn giao thông", "Sân chơi thiếu nhi thôn Đông"]
    assert regs[0].extra == {"Ghi chú": "Phối hợp Công an xã"}
    assert regs[1].extra == {}
    assert (regs[0].period.start, regs[0].period.end) == ("2025-03-01", "2025-12-31")
    assert (regs[1].period.start, regs[1].period.end) == ("2025-06-01", "2025-08-31")
    assert warnings == []


def test_merged_section_row_and_numbering_row_and_totals_and_blank_template_rows():
    rows = [
        HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [("I. MÔ HÌNH MỚI NĂM 2025", 1, 6), None, None, None, None, None],
        NEW_ROWS[0],
        ["2", "", "", "", "", ""],  # an empty template row
        [("II. MÔ HÌNH TIẾP TỤC THỰC HIỆN", 1, 6), None, None, None, None, None],
        CONTINUING_ROWS[0],
        ["", "Tổng cộng: 02 mô hình", "", "", "", ""],
    ]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert rows_of(regs) == [EXPECTED[0], EXPECTED[2]]


def test_multiline_cells_are_joined_with_one_space():
    rows = [HEADER, ["1", "Phụ nữ phân loại rác\nthải tại nguồn", "Chi hội Phụ nữ\n  thôn Đông", "Thôn Đông",
                     "Văn hóa -\nxã hội", "Tháng 3 -\n11/2025"]]
    (reg,) = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert reg.name == "Phụ nữ phân loại rác thải tại nguồn"
    assert reg.leader == "Chi hội Phụ nữ thôn Đông"
    assert reg.field == "culture_society" and reg.period.end == "2025-11-30"


def test_form_continuing_over_two_pages_with_a_split_row():
    page1 = grid_table(template_rows()[:3] + [["2", "Tổ tự quản vệ sinh", "Chi hội Nông dân", "Thôn Hòa",
                                                "Văn hoá - xã hội", "Năm 2025"]], index=0, page=1)
    page2 = grid_table([
        HEADER,  # the header printed again on the next page
        ["", "môi trường", "thôn Hòa Lạc", "Lạc", "", ""],  # the rest of row 2
        ["II", "Mô hình tiếp tục thực hiện", "", "", "", ""],
        CONTINUING_ROWS[0],
    ], index=1, page=2)
    regs = extract_registrations(form_document([page1, page2]), meta(unit="X"), [])
    assert rows_of(regs) == EXPECTED
    assert regs[1].leader == "Chi hội Nông dân thôn Hòa Lạc" and regs[1].address == "Thôn Hòa Lạc"
    assert [(r.location.page, r.location.table, r.location.row) for r in regs] == [(1, 0, 1), (1, 0, 2), (2, 1, 3)]


def test_second_page_without_repeated_header_continues_the_form():
    page1 = grid_table(template_rows()[:4], index=0, page=1)
    page2 = grid_table(template_rows()[4:], index=1, page=2)
    regs = extract_registrations(form_document([page1, page2]), meta(unit="X"), [])
    assert rows_of(regs) == EXPECTED


def test_old_style_tone_marks_in_headers_and_cells():
    header = ["TT", "Tên mô hình", "Tập thể chỉ đạo", "Địa bàn", "Lĩnh vực", "Thời gian thực hiện"]
    rows = [header, ["I", "Mô hình mới", "", "", "", ""],
            ["1", "Dân vận khéo trong hoà giải", "Đảng uỷ xã", "Xã Tân Lập", "Văn hoá - Xã hội", "Năm 2025"],
            ["2", "Khu dân cư an toàn", "Đảng uỷ xã", "Thôn Đông", "Quốc phòng - An ninh", "Năm 2025"]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="Đảng uỷ xã Tân Lập"), [])
    assert [(r.section, r.field, r.leader) for r in regs] == [
        ("new", "culture_society", "Đảng uỷ xã"), ("new", "defense_security", "Đảng uỷ xã")]
    assert regs[0].unit == "Đảng uỷ xã Tân Lập"


def test_unit_column_of_a_consolidated_list_gives_each_row_its_unit():
    header = ["STT", "Đơn vị", "Tên mô hình", "Người phụ trách", "Lĩnh vực"]
    rows = [header, ["1", "Chi bộ thôn Đông", "Đường hoa", "Đ/c Hà", "VH-XH"],
            ["2", "", "Tủ sách", "Đ/c Lan", "VH-XH"]]
    doc = form_document([grid_table(rows)], unit_line=None)
    regs = extract_registrations(doc, meta(unit="Đảng ủy xã"), [])
    assert [r.unit for r in regs] == ["Chi bộ thôn Đông", "Đảng ủy xã"]
    assert [r.leader for r in regs] == ["Đ/c Hà", "Đ/c Lan"]


def test_unit_column_of_a_one_unit_form_without_leader_column_is_the_leader():
    rows = [["STT", "Tên mô hình", "Đơn vị", "Lĩnh vực"], ["1", "Đường hoa", "Chi hội Phụ nữ thôn Đông", "VH-XH"]]
    (reg,) = extract_registrations(form_document([grid_table(rows)]), meta(unit="Hội LHPN xã"), [])
    assert (reg.unit, reg.leader) == ("Hội LHPN xã", "Chi hội Phụ nữ thôn Đông")


def test_several_units_forms_in_one_file_take_the_unit_written_above_each():
    from pipeline.model import Location, Paragraph

    doc = form_document([], unit_line=None)
    doc.blocks.append(Paragraph("Đơn vị: Chi bộ thôn Đông", Location(line=3)))
    doc.blocks.append(grid_table([HEADER] + NEW_ROWS, index=0))
    doc.blocks.append(Paragraph("Đơn vị: Chi bộ thôn Tây", Location(line=8)))
    doc.blocks.append(grid_table([HEADER] + CONTINUING_ROWS, index=1))
    regs = extract_registrations(doc, meta(unit="Chi bộ thôn Đông"), [])
    assert [r.unit for r in regs] == ["Chi bộ thôn Đông", "Chi bộ thôn Đông", "Chi bộ thôn Tây"]


def test_placeholder_dots_count_as_empty_and_tên_mô_hình_beats_nội_dung_mô_hình():
    header = ["TT", "Nội dung mô hình", "Tên mô hình", "Chủ thể", "Lĩnh vực"]
    rows = [header, ["1", "Vận động người dân hiến đất", "Đường hoa", "Chi bộ thôn", "KT"],
            ["2", "……………", "……………", "………", "……"]]
    (reg,) = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert reg.name == "Đường hoa"
    assert reg.extra == {"Nội dung mô hình": "Vận động người dân hiến đất"}


def test_unit_falls_back_to_the_unit_line_when_metadata_has_none():
    regs = extract_registrations(form_document([grid_table(template_rows())]), meta(unit=None), [])
    assert {r.unit for r in regs} == {"Đoàn Thanh niên xã Tân Lập"}
    blank = form_document([grid_table(template_rows())], unit_line="Đơn vị:………………………..")
    assert {r.unit for r in extract_registrations(blank, meta(unit=None), [])} == {None}


def test_blank_template_gives_no_rows_and_no_warning():
    rows = [HEADER, ["I", "Mô hình mới năm 2024", "", "", "", ""], ["1", "", "", "", "", ""],
            ["2", "", "", "", "", ""], ["II", "Mô hình tiếp tục thực hiện (đã đăng ký năm 2023)", "", "", "", ""],
            ["1", "", "", "", "", ""], ["2", "", "", "", "", ""]]
    warnings: list[str] = []
    assert extract_registrations(form_document([grid_table(rows)]), meta(), warnings) == []
    assert warnings == []


def test_layout_tables_and_unrelated_tables_are_ignored():
    header_table = grid_table([["ĐẢNG ỦY XÃ TÂN LẬP", "ĐẢNG CỘNG SẢN VIỆT NAM"], ["Số: 12-DS/ĐU", "ngày 10/2/2025"]],
                              layout=True)
    budget = grid_table([["Khoản", "Số tiền"], ["Văn phòng phẩm", "2.000.000"]], index=1)
    doc = form_document([header_table, budget], paragraphs=("KẾ HOẠCH", "Tổ chức hội nghị"))
    warnings: list[str] = []
    assert extract_registrations(doc, meta(), warnings) == []
    assert warnings == []


def test_ragged_rows_warn_and_still_read():
    rows = [HEADER, ["1", "Đường hoa", "Chi bộ", "Thôn Đông"],  # short row
            ["2", "Tủ sách", "Chi đoàn", "Thôn Tây", "VH-XH", "Năm 2025", "thừa", "thừa nữa"]]
    warnings: list[str] = []
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), warnings)
    assert [r.name for r in regs] == ["Đường hoa", "Tủ sách"]
    assert regs[0].field is None and regs[1].field == "culture_society"
    assert any("do not have the header's 6 columns" in w for w in warnings)


def test_table_without_header_warns_in_a_form():
    rows = [["1", "Đường hoa", "Chi bộ thôn Đông", "Thôn Đông", "KT"],
            ["2", "Mô hình tủ sách", "Chi đoàn", "Thôn Tây", "VH-XH"]]
    warnings: list[str] = []
    assert extract_registrations(form_document([grid_table(rows)]), meta(), warnings) == []
    assert len(warnings) == 1 and "no recognisable header" in warnings[0]


def test_ten_thousand_row_sheet_is_bounded_and_warned():
    rows = [HEADER] + [[str(i), f"Mô hình số {i}", "Chi bộ", "Thôn", "KT", "Năm 2025"] for i in range(1, 10001)]
    table = grid_table(rows)
    warnings: list[str] = []
    t0 = time.perf_counter()
    regs = extract_registrations(form_document([table]), meta(unit="X"), warnings)
    assert time.perf_counter() - t0 < 30
    assert len(regs) == 4999  # header + rows up to the 5000-row cap
    assert any("10001 rows" in w and "only the first 5000" in w for w in warnings)


def test_garbage_cells_never_raise():
    rows = [HEADER, [None, "Tên", None, None, None, None], ["1", "\x00\ufeff", "", "", "??", "31/02/2025"],
            ["x" * 5000, "y" * 5000, "", "", "", ""]]
    warnings: list[str] = []
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), warnings)
    assert isinstance(regs, list)


def test_section_headings_written_as_paragraphs_between_two_tables():
    from pipeline.model import Paragraph, Location

    doc = form_document([])
    doc.blocks.append(Paragraph("I. Mô hình mới năm 2025", Location(line=5)))
    doc.blocks.append(grid_table([HEADER] + NEW_ROWS, index=0))
    doc.blocks.append(Paragraph("II. Mô hình tiếp tục thực hiện", Location(line=9)))
    doc.blocks.append(grid_table([HEADER] + CONTINUING_ROWS, index=1))
    regs = extract_registrations(doc, meta(unit="X"), [])
    assert rows_of(regs) == EXPECTED
    assert [r.location.table for r in regs] == [0, 0, 1]


def test_page_ending_on_a_section_row_continues_without_header():
    rows = template_rows()
    page1 = grid_table(rows[:5], index=0, page=1)  # header, I, two rows, the II heading
    page2 = grid_table(rows[5:], index=1, page=2)
    regs = extract_registrations(form_document([page1, page2]), meta(unit="X"), [])
    assert rows_of(regs) == EXPECTED


def test_schedule_table_of_a_plan_is_not_a_registration_table():
    rows = [["TT", "Nội dung công việc", "Đơn vị chủ trì", "Địa điểm", "Thời gian"],
            ["1", "Đăng ký mô hình", "Các chi bộ", "Đảng ủy xã", "Tháng 02/2025"],
            ["2", "Sơ kết 6 tháng", "Ban Dân vận", "Hội trường xã", "Tháng 7/2025"]]
    warnings: list[str] = []
    doc = form_document([grid_table(rows)], unit_line=None, paragraphs=("KẾ HOẠCH", "Phát động phong trào"))
    plan = meta()
    plan.kind = "plan"
    assert extract_registrations(doc, plan, warnings) == []
    assert warnings == []


def test_first_data_row_is_not_taken_for_a_second_header_row():
    header = ["Tên mô hình", "Tập thể chỉ đạo", "Địa chỉ", "Lĩnh vực", "Thời gian"]
    rows = [header, ["Mô hình tổ tự quản", "Tập thể chi bộ thôn", "Địa bàn thôn Đông", "KT", "Năm 2025"],
            ["Đường hoa", "Chi hội Phụ nữ", "Thôn Tây", "VH-XH", "Năm 2025"]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert [(r.seq, r.name) for r in regs] == [(None, "Mô hình tổ tự quản"), (None, "Đường hoa")]


def test_leader_cell_merged_over_two_model_rows_belongs_to_both():
    rows = [HEADER, ["1", "Đường hoa", ("Chi bộ thôn Đông", 2, 1), "Thôn Đông", "KT", "Năm 2025"],
            ["2", "Tủ sách", None, "Thôn Đông", "VH-XH", "Năm 2025"]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert [(r.name, r.leader) for r in regs] == [("Đường hoa", "Chi bộ thôn Đông"), ("Tủ sách", "Chi bộ thôn Đông")]


def test_very_wide_junk_table_is_cut_with_a_warning():
    header = HEADER + [f"Cột {i}" for i in range(500)]
    rows = [header, NEW_ROWS[0] + ["x"] * 500]
    warnings: list[str] = []
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), warnings)
    assert [r.name for r in regs] == [NEW_ROWS[0][1]]
    assert any("506 columns" in w for w in warnings)


def test_section_row_whose_roman_numeral_was_read_as_a_digit():
    # OCR often reads "I" as "1" or "l": a numbered row that only says "Mô hình mới …" is a heading
    rows = [HEADER, ["1", "Mô hình mới năm 2025", "", "", "", ""], NEW_ROWS[0],
            ["11", "Mô hình tiếp tục thực hiện (đã đăng ký năm 2024)", "", "", "", ""], CONTINUING_ROWS[0]]
    regs = extract_registrations(form_document([grid_table(rows)]), meta(unit="X"), [])
    assert rows_of(regs) == [EXPECTED[0], EXPECTED[2]]
