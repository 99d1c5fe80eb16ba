"""Rules added after the fourth held-out round (tests/heldout4/), each on invented sentences that are NOT
taken from the held-out documents (other bodies, places, numbers, dates).

Run: ``.venv/bin/pytest -q tests/test_heldout4_rules.py`` (real underthesea/spaCy).
"""
from __future__ import annotations

from pipeline.extractors.metadata import compose_issuer, readable_case
from pipeline.model import Document, DocumentMeta, Location, Paragraph
from pipeline.extractors.quotas import extract_quotas, quotas_in_sentence
from pipeline.extractors.references import find_references
from pipeline.extractors.timeline import _recipient, extract_timeline


def _doc(lines: list[str]) -> Document:
    doc = Document(path="t.txt", sha256="0", format="txt")
    for i, line in enumerate(lines, start=1):
        doc.blocks.append(Paragraph(line, Location(line=i * 2)))  # a blank line between paragraphs
    return doc


def _q(sentence: str, target: bool = True):
    return [(q.subject, q.minimum, q.maximum, q.unit) for q in quotas_in_sentence(sentence, target_context=target)]


def test_share_of_units_opening_a_target_item():
    """Under ``Chỉ tiêu``, ``- 100% trường học củng cố …`` is a share of units even with an unlisted verb."""
    got = _q("- 100% trường học trên địa bàn thị xã củng cố thư viện xanh.")
    assert got and got[0][1:] == (100, None, "percent") and got[0][0].startswith("trường học")
    assert _q("- 100% trường học trên địa bàn thị xã củng cố thư viện xanh.", target=False) == []


def test_each_subject_ends_at_its_verb():
    got = _q("- Mỗi khu phố thực hiện tuyên truyền từ 4 - 6 buổi trong năm.")
    assert got == [("Mỗi khu phố", 4, 6, "count")]
    got = _q("- Mỗi tổ hòa giải tiếp xúc, đối thoại không dưới 03 lần/quý với người dân.")
    assert got == [("Mỗi tổ hòa giải", 3, None, "count")]


def test_cap_before_each_and_bands_are_not_quotas():
    assert _q("- Kiểm tra không quá 02 đợt đối với mỗi doanh nghiệp trong một năm.") == []
    assert _q("- Học viên trong độ tuổi từ 16 đến 35, chiều cao trên 1,55 m.") == []


def test_count_per_unit_under_a_target_label():
    got = _q("2. Chỉ tiêu: 03 câu lạc bộ/phường “Gia đình hạnh phúc”.", target=False)
    assert [(s, m) for s, m, _, _ in got] == [("Mỗi phường", 3)]
    assert _q("Duy trì 4 buổi/tháng sinh hoạt câu lạc bộ.", target=False) == []


def test_table_row_subject_is_its_first_cell():
    got = _q("Mỗi chi đoàn tổ chức hoạt động tình nguyện | hoạt động | ít nhất 04")
    assert got == [("Mỗi chi đoàn", 4, None, "count")]


def test_short_label_after_a_comma_line_opens_a_list():
    """``Mục tiêu:`` after a paragraph ending on a comma is a label, so ``100% …`` below it is a target."""
    doc = _doc(["Căn cứ Hướng dẫn số 07/HD-SYT ngày 02/3/2027 của Sở Y tế,",
                "Mục tiêu:",
                "- 100% trạm y tế xã có bác sĩ làm việc."])
    got = extract_quotas(doc, DocumentMeta(), [])
    assert [(q.minimum, q.unit) for q in got] == [(100, "percent")]


def test_lower_case_kind_word_with_a_count_is_not_a_citation():
    assert find_references("Năm 2026 đã xử lý kỷ luật 04 cán bộ vi phạm.") == []
    refs = find_references("Thực hiện Kế hoạch số 19 của Ban Thường vụ Thị ủy.")
    assert [r.number for _, _, r in refs] == ["19"]


def test_milestone_sentence_repeating_a_short_title():
    """A short title recurring inside a scheduled item does not make the item a title."""
    doc = _doc(["KẾ HOẠCH", "Tuyên truyền phòng chống ma túy năm 2027",
                "1. Ban Chỉ đạo sơ kết công tác tuyên truyền phòng chống ma túy năm 2027, dự kiến tổ chức vào "
                "giữa tháng 8/2027."])
    meta = DocumentMeta(kind="plan", issued_on="2027-02-01", title="Tuyên truyền phòng chống ma túy năm 2027")
    _, milestones = extract_timeline(doc, meta, [])
    assert ("2027-08-01", "2027-08-31") in [(m.start, m.end) for m in milestones]


def test_recipient_before_a_purpose_clause():
    got = _recipient("Các phường gửi báo cáo về Phòng Văn hóa và Thông tin trước ngày 12/5/2027 để tổng hợp, "
                     "báo cáo Ủy ban nhân dân quận.")
    assert got == "Phòng Văn hóa và Thông tin"


def test_header_bodies_with_wrapped_names():
    assert readable_case(compose_issuer(["SỞ XÂY DỰNG TỈNH NGHỆ AN", "BAN QUẢN LÝ DỰ ÁN",
                                         "CÁC CÔNG TRÌNH GIAO THÔNG"])).startswith(
        "Ban Quản lý dự án các công trình giao thông")
    assert readable_case(compose_issuer(["LĐLĐ HUYỆN THANH OAI", "CÔNG ĐOÀN CƠ SỞ",
                                         "TRƯỜNG THCS CAO VIÊN"])) == "Công đoàn cơ sở Trường THCS Cao Viên"
