"""Tables found inside plain text: pipe, tab and fixed-width layouts, and prose left alone."""
from __future__ import annotations

import random
import time

from pipeline.readers.texttables import find_text_tables

HEADER = "TT | Tên mô hình | Chủ thể | Lĩnh vực | Thời gian thực hiện"


def test_markdown_table_with_separator_and_outer_pipes():
    lines = [
        "Đơn vị: Chi bộ khối 2",
        "",
        "| TT | Tên mô hình | Lĩnh vực |",
        "|----|:-----------:|---------|",
        "| 1 | Đường hoa | KT |",
        "| 2 | Tủ sách | VH-XH |",
        "",
        "Ghi chú cuối trang.",
    ]
    tables = find_text_tables(lines)
    assert len(tables) == 1
    t = tables[0]
    assert (t.first_line, t.last_line, t.style) == (3, 6, "pipe")
    assert t.rows == [["TT", "Tên mô hình", "Lĩnh vực"], ["1", "Đường hoa", "KT"], ["2", "Tủ sách", "VH-XH"]]
    assert t.row_lines == [3, 5, 6]  # the separator line is not a row


def test_plain_pipe_lines_without_outer_pipes_are_padded_to_one_width():
    lines = ["Danh sách", HEADER, "I | Mô hình mới năm 2025 | | |", "1 | Camera an ninh | Công an xã | QP-AN | Năm 2025"]
    (t,) = find_text_tables(lines)
    assert t.row_lines == [2, 3, 4]
    assert t.rows[1] == ["I", "Mô hình mới năm 2025", "", "", ""]
    assert all(len(r) == 5 for r in t.rows)


def test_tab_rows_with_continuation_lines_are_joined_with_one_space():
    lines = [
        "TT\tTên mô hình\tChủ thể\tĐịa chỉ\tLĩnh vực",
        "1\tPhân loại rác\tChi hội Phụ nữ\tKhối 2\tVH-XH",
        "\ttại nguồn\t(đ/c Lan)\tvà khối 3\t\t",
        "2\tChợ văn minh\tBan quản lý chợ\tChợ khối 9\tKT",
    ]
    (t,) = find_text_tables(lines)
    assert t.style == "tab"
    assert t.rows[1] == ["1", "Phân loại rác tại nguồn", "Chi hội Phụ nữ (đ/c Lan)", "Khối 2 và khối 3", "VH-XH"]
    assert t.row_lines == [1, 2, 4]
    assert t.last_line == 4


def test_fixed_width_columns_with_a_wrapped_cell():
    lines = [
        "TT  Tên mô hình                 Chủ thể              Lĩnh vực",
        "1   Tuyến đường thanh niên      Đoàn Thanh niên      VH-XH",
        "    tự quản                     phường",
        "2   Thắp sáng đường quê         Chi đoàn khối 7      KT",
    ]
    (t,) = find_text_tables(lines)
    assert t.style == "fixed"
    assert t.rows == [
        ["TT", "Tên mô hình", "Chủ thể", "Lĩnh vực"],
        ["1", "Tuyến đường thanh niên tự quản", "Đoàn Thanh niên phường", "VH-XH"],
        ["2", "Thắp sáng đường quê", "Chi đoàn khối 7", "KT"],
    ]
    assert t.row_lines == [1, 2, 4]


def test_official_header_lines_are_not_a_table():
    lines = [
        "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHƯỜNG PHỔ MINH                    Độc lập - Tự do - Hạnh phúc",
        "Số: 46/KH-UBND                     Phổ Minh, ngày 19 tháng 3 năm 2024",
        "",
        "Số: 46/KH-UBND        Phổ Minh, ngày 19 tháng 3 năm 2024",
        "",
        "Nơi nhận:  CHỦ TỊCH",
    ]
    assert find_text_tables(lines) == []


def test_prose_with_double_spaces_and_stray_bars_is_not_a_table():
    lines = [
        "Căn cứ Kế hoạch số 12, các  đơn vị thực hiện tốt phong trào. Đây là  một đoạn văn",
        "bình thường với hai  dấu cách ở vài  chỗ trong câu và một dòng nữa  cho đủ.",
        "Trang 1 | 5",
        "",
        "Nội dung tiếp theo của văn bản, không có bảng nào.",
        "a | b",
    ]
    assert find_text_tables(lines) == []


def test_single_pipe_row_is_not_a_table():
    assert find_text_tables([HEADER]) == []


def test_two_tables_are_kept_apart_and_in_line_order():
    lines = ["a\tb\tc", "1\t2\t3", "", "text", "", "x | y", "1 | 2"]
    tables = find_text_tables(lines)
    assert [(t.style, t.first_line, t.last_line) for t in tables] == [("tab", 1, 2), ("pipe", 6, 7)]


def test_large_input_is_fast():
    lines = [f"{i} | Mô hình {i} | Đơn vị {i} | KT | Năm 2024" for i in range(20000)]
    rng = random.Random(7)
    words = "các đơn vị thực hiện tốt phong trào thi đua dân vận khéo năm 2024 trên địa bàn phường".split()
    for _ in range(5000):  # prose with a stray double space somewhere in most lines
        picked = [rng.choice(words) for _ in range(rng.randint(8, 16))]
        cut = rng.randint(1, len(picked) - 1)
        lines.append(" ".join(picked[:cut]) + "  " + " ".join(picked[cut:]))
    t0 = time.perf_counter()
    tables = find_text_tables(lines)
    assert time.perf_counter() - t0 < 10
    assert len(tables) == 1 and len(tables[0].rows) == 20000


def test_fixed_width_ruling_lines_are_not_rows():
    lines = [
        "TT  Tên mô hình          Chủ thể           Lĩnh vực",
        "--  -------------------  ----------------  --------",
        "1   Đường hoa            Chi bộ thôn       KT",
        "==================================================",
        "2   Tủ sách              Chi đoàn          VH-XH",
    ]
    (t,) = find_text_tables(lines)
    assert t.rows == [["TT", "Tên mô hình", "Chủ thể", "Lĩnh vực"], ["1", "Đường hoa", "Chi bộ thôn", "KT"],
                      ["2", "Tủ sách", "Chi đoàn", "VH-XH"]]
    assert t.row_lines == [1, 3, 5] and (t.first_line, t.last_line) == (1, 5)


def test_indented_line_after_a_tab_table_is_not_a_continuation():
    lines = ["TT\tTên mô hình\tLĩnh vực", "1\tĐường hoa\tKT", "\tsản thoát nghèo\t", "\tVinh Tân, ngày 05 tháng 02"]
    (t,) = find_text_tables(lines)
    assert t.rows == [["TT", "Tên mô hình", "Lĩnh vực"], ["1", "Đường hoa sản thoát nghèo", "KT"]]
    assert t.last_line == 3


def test_excel_copy_with_a_quoted_multiline_cell():
    lines = [
        'TT\tTên mô hình\t"Tập thể (cá nhân)',
        'chỉ đạo xây dựng mô hình"\tLĩnh vực',
        '1\t"Tổ hòa giải ""Nói để dân hiểu""',
        'khối 5"\tChi bộ khối 5\tXDHTCT',
        '2\tĐường hoa\tChi bộ\tKT',
    ]
    (t,) = find_text_tables(lines)
    assert t.rows == [
        ["TT", "Tên mô hình", "Tập thể (cá nhân) chỉ đạo xây dựng mô hình", "Lĩnh vực"],
        ["1", 'Tổ hòa giải "Nói để dân hiểu" khối 5', "Chi bộ khối 5", "XDHTCT"],
        ["2", "Đường hoa", "Chi bộ", "KT"],
    ]
    assert t.row_lines == [1, 3, 5] and t.last_line == 5
