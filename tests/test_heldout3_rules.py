"""Rules added after the third held-out round (tests/heldout3/), each on invented sentences and files
that are NOT taken from the held-out documents (other bodies, places, numbers, dates).

Run: ``.venv/bin/pytest -q tests/test_heldout3_rules.py`` (real openpyxl files, real underthesea/spaCy).
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.files import extract_file
from pipeline.model import Document, DocumentMeta, Location, Paragraph
from pipeline.extractors.quotas import extract_quotas, quotas_in_sentence
from pipeline.extractors.timeline import _recipient, _sentences, extract_timeline

ROOT = Path(__file__).resolve().parents[1]


def _doc(lines: list[str]) -> Document:
    doc = Document(path="t.txt", sha256="0", format="txt")
    for i, line in enumerate(lines, start=1):
        doc.blocks.append(Paragraph(line, Location(line=i)))
    return doc


def test_recipient_after_an_honorific():
    """``gửi về đồng chí Trưởng ban`` names a person in office: that is where it is sent."""
    got = _recipient("Các tổ trưởng nộp bảng chấm công về đồng chí Trưởng Ban Tuyên giáo trước ngày 04/9/2027.")
    assert got == "đồng chí Trưởng Ban Tuyên giáo"


def test_recipient_stops_before_the_channel():
    """``gửi về Văn phòng … qua hộp thư điện tử …``: the mailbox is how, not who."""
    got = _recipient("Đề xuất gửi về Văn phòng Sở Tư pháp qua hộp thư điện tử vpstp@example.org trước ngày 3/11/2025.")
    assert got == "Văn phòng Sở Tư pháp"


def test_sentence_not_split_inside_a_web_address():
    text = "Bản đăng ký gửi qua địa chỉ vanthu@hoiphunu.org.vn chậm nhất ngày 12/8/2027. Mọi vướng mắc liên hệ Văn phòng."
    spans = [text[a:b] for a, b in _sentences(text)]
    assert spans[0].endswith("ngày 12/8/2027.")
    assert len(spans) == 2


def test_deadline_keeps_its_recipient_when_an_address_sits_in_the_sentence():
    doc = _doc(["Các tổ dân phố gửi danh sách hộ nghèo về Phòng Lao động qua thư điện tử pld@quan7.gov.vn "
                "trước ngày 09/10/2025."])
    deadlines, _ = extract_timeline(doc, DocumentMeta(kind="official_letter", issued_on="2025-09-20"), [])
    assert [d.due for d in deadlines] == ["2025-10-09"]
    assert deadlines[0].recipient == "Phòng Lao động"


def test_quota_subject_is_not_a_list_marker():
    """``c) 100% tổ dân phố …`` under a target heading: the units, not the letter ``c``."""
    got = quotas_in_sentence("c) 100% thôn, buôn tổ chức ký cam kết không có tội phạm ma túy.", target_context=True)
    assert got and got[0].minimum == 100
    assert got[0].subject and got[0].subject.lower().startswith("thôn")


def test_quota_without_subject_falls_on_the_issuer():
    """A chi bộ's resolution lists targets with no subject: they fall on the issuing body."""
    doc = _doc(["I. CHỈ TIÊU", "1. Kết nạp ít nhất 03 đảng viên mới trong năm."])
    meta = DocumentMeta(kind="other", issued_on="2027-01-08", issuer="Chi bộ Khu phố Bình An")
    got = extract_quotas(doc, meta, [])
    assert [(q.minimum, q.subject) for q in got] == [(3, "Chi bộ Khu phố Bình An")]


def _sheet(path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(str(path))
    return path


FORM_HEAD = ["TT", "Tên mô hình", "Tập thể, cá nhân chỉ đạo xây dựng mô hình", "Địa chỉ thực hiện", "Lĩnh vực",
             "Thời gian thực hiện"]


def test_xlsx_form_notes_below_the_grid_carry_a_deadline(tmp_path: Path):
    path = _sheet(tmp_path / "mau.xlsx", [
        ["DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2027"], ["Đơn vị: Chi đoàn Khu phố Mỹ Hòa"], [],
        FORM_HEAD,
        [1, "Tuyến đường thanh niên tự quản", "Chi đoàn khu phố", "Khu phố Mỹ Hòa", "VH-XH", "3 - 9/2027"],
        [2, "Sân chơi cuối tuần cho thiếu nhi", "Chi đoàn khu phố", "Nhà văn hóa khu phố", "VH-XH", "6 - 8/2027"],
        [], ["Lưu ý:"], ["- Nộp bản đăng ký về Văn phòng Đoàn xã trước ngày 28/02/2027."],
        [None, None, None, "Mỹ Hòa, ngày 12 tháng 02 năm 2027"], [None, None, None, "BÍ THƯ"], [],
        [None, None, None, "Đinh Quốc Bảo"]])
    record = extract_file(path)
    assert len(record.registrations) == 2
    assert [d.due for d in record.deadlines] == ["2027-02-28"]
    assert record.milestones == []  # the rows' periods stay registrations


def test_xlsx_consolidated_list_issuer_and_no_guessed_unit(tmp_path: Path):
    path = _sheet(tmp_path / "form-tong-hop-khoi-co-quan.xlsx", [
        ["ĐẢNG BỘ KHỐI CƠ QUAN TỈNH", None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["ĐẢNG ỦY CƠ QUAN SỞ Y TẾ"], [],
        ["DANH SÁCH TỔNG HỢP ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2027"], [],
        ["TT", "Đơn vị", "Tên mô hình", "Tập thể, cá nhân chỉ đạo xây dựng mô hình", "Địa chỉ thực hiện",
         "Lĩnh vực", "Thời gian thực hiện"],
        [1, "Chi bộ Phòng Nghiệp vụ", "Tiếp nhận hồ sơ hành nghề trực tuyến", "Phòng Nghiệp vụ", "Trụ sở Sở",
         "CCHC", "01 - 12/2027"],
        [2, "Chi bộ Văn phòng", "Cơ quan không khói thuốc", "Công đoàn cơ quan", "Trụ sở Sở", "VH-XH",
         "01 - 12/2027"]])
    record = extract_file(path)
    assert [r.unit for r in record.registrations] == ["Chi bộ Phòng Nghiệp vụ", "Chi bộ Văn phòng"]
    assert record.meta.issuer and "đảng ủy cơ quan sở y tế" in record.meta.issuer.lower()
    assert record.meta.unit is None  # a consolidated list: no unit guessed from the file name


def test_tcvn3_header_number_and_signature(tmp_path: Path):
    """TCVN3 has no toned capitals: ``SỐ``, ``PHÓ BÍ THƯ`` come back with damaged case; still read."""
    sys.path.insert(0, str(ROOT / "tools"))
    from tcvn3 import encode

    text = ("ĐẢNG BỘ TỈNH NINH BÌNH                  ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "HUYỆN ỦY NHO QUAN\n*                                       Nho Quan, ngày 14 tháng 4 năm 2027\n"
            "Số 88-TB/HU\n\n                THÔNG BÁO\n       Kết luận của Thường trực Huyện ủy\n\n"
            "Các chi bộ nộp báo cáo về Văn phòng Huyện ủy trước ngày 30/4/2027.\n\n"
            "Nơi nhận:                                   T/M BAN THƯỜNG VỤ\n"
            "- Các chi bộ,                               PHÓ BÍ THƯ\n- Lưu VP.\n\n"
            "                                            Đinh Thị Huệ\n")
    path = tmp_path / "tb.txt"
    path.write_bytes(encode(text))
    record = extract_file(path)
    assert record.meta.number == "88-TB/HU"
    assert record.meta.signer.name == "Đinh Thị Huệ"
    assert (record.meta.signer.title or "").lower() == "phó bí thư"
    assert [d.due for d in record.deadlines] == ["2027-04-30"]


def test_list_of_days_sharing_one_month():
    """``các ngày 21, 22/8/2027``: from the first listed day to the written date; due stays the last day."""
    from pipeline.extractors.dates import find_time_expressions

    (expr,) = find_time_expressions("Đoàn công tác làm việc tại các xã vào các ngày 21, 22/8/2027.", 2027)
    assert (expr.first.isoformat(), expr.last.isoformat()) == ("2027-08-21", "2027-08-22")
    (expr,) = find_time_expressions("Tiêm chủng mở rộng vào ngày 03 và ngày 17/11/2025 tại trạm.", 2025)
    assert (expr.first.isoformat(), expr.last.isoformat()) == ("2025-11-03", "2025-11-17")
    (expr,) = find_time_expressions("Nộp hồ sơ trước ngày 19/5/2026.", 2026)
    assert expr.first == expr.last  # a single date is untouched


def test_signature_title_stops_at_the_authority_line():
    """Numbered headings above a signature (``III. TỔ CHỨC THỰC HIỆN``) never join the signer's title."""
    from pipeline.extractors.metadata import extract_metadata

    doc = _doc(["BAN CHẤP HÀNH ĐOÀN XÃ TÂN PHÚ", "Tân Phú, ngày 04 tháng 6 năm 2027", "KẾ HOẠCH",
                "Hè tình nguyện năm 2027", "II. NỘI DUNG", "Các chi đoàn đăng ký chỉ tiêu.",
                "III. TỔ CHỨC THỰC HIỆN", "TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Cao Văn Khải"])
    meta = extract_metadata(doc, [])
    assert meta.signer.name == "Cao Văn Khải"
    assert meta.signer.title == "Phó Bí thư"
