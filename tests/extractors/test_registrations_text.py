"""Forms arriving as text (pipe, tab, fixed-width) through the real text reader and extract stage."""
from __future__ import annotations

from pathlib import Path

from pipeline.files import extract_file

TOP = "Đơn vị: Chi đoàn thôn Bình An\n\nDANH SÁCH\nĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025\n\n"
FOOT = "\nTân Lập, ngày 10 tháng 02 năm 2025\nBÍ THƯ CHI ĐOÀN\n\nNguyễn Văn An\n"


def _extract(tmp_path: Path, body: str, name: str = "form.txt"):
    path = tmp_path / name
    path.write_text(TOP + body + FOOT, encoding="utf-8")
    return extract_file(path)


def _rows(record):
    return [(r.section, r.seq, r.name, r.leader, r.address, r.field) for r in record.registrations]


def test_pipe_form_in_another_column_order_without_address(tmp_path):
    body = (
        "STT | Lĩnh vực | Tên mô hình | Người phụ trách | Thời gian\n"
        "I | Mô hình mới năm 2025 | | |\n"
        "1 | KT | Thắp sáng đường quê | Chi đoàn thôn | Tháng 3 - 9/2025\n"
        "2 | Văn hoá - xã hội | Sân chơi thiếu nhi | Đ/c Lê Thị Hoa | Năm 2025\n"
        "II | Mô hình tiếp tục thực hiện | | |\n"
        "1 | QP-AN | Tổ an ninh tự quản | Chi đoàn thôn | Quý II/2025\n"
    )
    rec = _extract(tmp_path, body)
    assert _rows(rec) == [
        ("new", 1, "Thắp sáng đường quê", "Chi đoàn thôn", None, "economy"),
        ("new", 2, "Sân chơi thiếu nhi", "Đ/c Lê Thị Hoa", None, "culture_society"),
        ("continuing", 1, "Tổ an ninh tự quản", "Chi đoàn thôn", None, "defense_security"),
    ]
    assert [r.location.line for r in rec.registrations] == [8, 9, 11]
    assert rec.registrations[0].period.start == "2025-03-01"
    assert all(r.unit == "Chi đoàn thôn Bình An" for r in rec.registrations)


def test_tab_form_with_wrapped_cells_and_extra_column(tmp_path):
    body = (
        "TT\tTên mô hình\tChủ thể\tĐịa bàn\tLĩnh vực\tThời gian thực hiện\tGhi chú\n"
        "I\tMô hình mới\t\t\t\t\t\n"
        "1\tPhụ nữ phân loại rác\tChi hội Phụ nữ\tThôn Đông\tVăn hóa - Xã hội\tTháng 3 - 11/2025\tMới\n"
        "\tthải tại nguồn\tthôn Đông\tvà thôn Tây\t\t\t\n"
        "2\tChợ không tiền mặt\tChi hội Phụ nữ thôn Tây\tChợ Tây\tChuyển đổi số\tQuý II - Quý IV/2025\t\n"
    )
    rec = _extract(tmp_path, body)
    assert _rows(rec) == [
        ("new", 1, "Phụ nữ phân loại rác thải tại nguồn", "Chi hội Phụ nữ thôn Đông", "Thôn Đông và thôn Tây",
         "culture_society"),
        ("new", 2, "Chợ không tiền mặt", "Chi hội Phụ nữ thôn Tây", "Chợ Tây", "digital_transformation"),
    ]
    assert rec.registrations[0].extra == {"Ghi chú": "Mới"}
    assert rec.registrations[1].period.end == "2025-12-31"


def test_fixed_width_form(tmp_path):
    body = (
        "TT  Tên mô hình                 Chủ thể                Lĩnh vực   Thời gian\n"
        "I   Mô hình mới năm 2025\n"
        "1   Tuyến đường thanh niên      Chi đoàn thôn          VH-XH      Tháng 3 - 12/2025\n"
        "    tự quản                     Bình An\n"
        "2   Vườn cây thanh niên         Chi đoàn thôn Đông     KT         Năm 2025\n"
    )
    rec = _extract(tmp_path, body)
    assert _rows(rec) == [
        ("new", 1, "Tuyến đường thanh niên tự quản", "Chi đoàn thôn Bình An", None, "culture_society"),
        ("new", 2, "Vườn cây thanh niên", "Chi đoàn thôn Đông", None, "economy"),
    ]


def test_blank_template_in_a_plan_gives_no_rows_and_no_warning(tmp_path):
    # The blank form at the end of a plan, as PDF text extraction leaves it (cells on separate lines).
    body = (
        "TT Tên mô hình \nTập thể (cá nhân) chỉ \n\nđạo xây dựng mô hình \nĐịa chỉ mô hình \n\n"
        "Lĩnh vực  \n\n( KT, VH-XH, QP-AN, \n\nXây dựng hệ thống chính \n\ntrị) \n\nThời \n\ngian thực \n\nhiện \n\n"
        "I Mô hình mới năm 2024  \n \n\n \n\n \n \n\n1      \n\n2      \n\nII \nMô hình tiếp tục thực hiện (đã \n\n"
        "đăng ký năm 2023) \n \n\n  \n \n\n1      \n\n2      \n\n \n\n"
        "Vinh Tân, ngày      tháng 02 năm 2024                                                         \n\n"
        "                          Đơn vị:……………………….. \n"
    )
    rec = _extract(tmp_path, body)
    assert rec.registrations == []
    assert not [w for w in rec.warnings if w.startswith("registrations")]


def test_pipe_blank_template_rows_are_skipped(tmp_path):
    body = (
        "| TT | Tên mô hình | Tập thể (cá nhân) chỉ đạo xây dựng mô hình | Địa chỉ mô hình | Lĩnh vực | Thời gian thực hiện |\n"
        "| I | Mô hình mới năm 2025 | | | | |\n"
        "| 1 | | | | | |\n"
        "| 2 | | | | | |\n"
        "| II | Mô hình tiếp tục thực hiện (đã đăng ký năm 2024) | | | | |\n"
        "| 1 | | | | | |\n"
    )
    rec = _extract(tmp_path, body)
    assert rec.registrations == []
    assert not [w for w in rec.warnings if w.startswith("registrations")]
