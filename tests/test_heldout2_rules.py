"""Rules added after the second held-out round (tests/heldout2/), each on invented sentences that
are NOT taken from the held-out documents (other bodies, places, numbers).

Run: ``.venv/bin/pytest -q tests/test_heldout2_rules.py`` (real underthesea/spaCy, no mocks).
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from pipeline.extractors.dates import find_time_expressions
from pipeline.extractors.metadata import compose_issuer, extract_metadata
from pipeline.model import Document, DocumentMeta, Location, Paragraph
from pipeline.normalize import normalize_field, normalize_period
from pipeline.extractors.quotas import quotas_in_sentence
from pipeline.readers import read
from pipeline.extractors.timeline import extract_timeline


def timeline(lines: list[str], issued_on: str = "2024-09-02", kind: str = "plan"):
    doc = Document(path="t.txt", sha256="0", format="txt")
    for i, line in enumerate(lines, start=1):
        doc.blocks.append(Paragraph(line, Location(line=i)))
    warnings: list[str] = []
    deadlines, milestones = extract_timeline(doc, DocumentMeta(kind=kind, issued_on=issued_on), warnings)
    return deadlines, milestones, warnings


def spans(text: str, year: int = 2024):
    return [(e.text, str(e.first), str(e.last)) for e in find_time_expressions(text, year)]


# ---------------------------------------------------------------- dates


def test_year_naming_the_task_does_not_open_a_range_to_the_cut_off():
    """"thu quỹ năm 2024 đến hết ngày 30/11/2024": the year qualifies the task; the day is the cut-off."""
    got = spans("Các tổ dân phố hoàn thành thu quỹ khuyến học năm 2024 đến hết ngày 30 tháng 11 năm 2024.")
    assert ("ngày 30 tháng 11 năm 2024", "2024-11-30", "2024-11-30") in got
    assert not any(first == "2024-01-01" and last == "2024-11-30" for _, first, last in got)


def test_range_opened_by_tu_still_spans_from_a_year():
    assert spans("từ năm 2023 đến ngày 31/5/2024") == [("từ năm 2023 đến ngày 31/5/2024", "2023-01-01", "2024-05-31")]


def test_consecutive_months_joined_by_va_are_one_stretch():
    assert spans("Trong tháng 9 và tháng 10/2024, Đoàn kiểm tra làm việc tại các xã.") == [
        ("tháng 9 và tháng 10/2024", "2024-09-01", "2024-10-31")]


def test_months_far_apart_joined_by_va_are_not_a_range():
    got = spans("Hội nghị giao ban vào tháng 3 và tháng 9/2024.")
    assert not any(first.endswith("-03-01") and last.endswith("-09-30") for _, first, last in got)


def test_month_without_year_borrows_the_year_written_after_va():
    got = spans("Tập huấn vào tháng 4 và tháng 10/2026 cho cán bộ cơ sở.", 2025)
    assert [(first, last) for _, first, last in got] == [("2026-04-01", "2026-04-30"), ("2026-10-01", "2026-10-31")]


@pytest.mark.parametrize("text,first,last", [
    ("năm học 2024 - 2025", "2024-09-01", "2025-05-31"),
    ("Năm học 2023-2024", "2023-09-01", "2024-05-31"),
])
def test_school_year_runs_september_to_may(text, first, last):
    period = normalize_period(text)
    assert (period.start, period.end) == (first, last)


def test_plain_year_range_is_still_whole_years():
    period = normalize_period("2024 - 2025")
    assert (period.start, period.end) == ("2024-01-01", "2025-12-31")


# ---------------------------------------------------------------- deadlines: who and where


def test_lower_case_team_names_are_responsible():
    """"Các tổ …", "các khoa, phòng", "Tổng phụ trách …" are bodies/roles that act."""
    d, _, _ = timeline([
        "1. Các tổ công tác nộp biên bản kiểm tra về Văn phòng chậm nhất vào ngày 14/10/2024.",
        "2. Trước 16 giờ 30 ngày 21/10/2024, các khoa, phòng gửi bảng chấm công về Phòng Kế toán.",
        "3. Tổng phụ trách Đội nộp sổ theo dõi về Ban Giám hiệu trước ngày 28/10/2024.",
    ])
    assert {x.due: x.responsible for x in d} == {
        "2024-10-14": "Các tổ công tác", "2024-10-21": "các khoa, phòng", "2024-10-28": "Tổng phụ trách Đội"}


def test_lower_case_recipient_after_a_sending_verb():
    d, _, _ = timeline(["Giáo viên bộ môn nộp sổ điểm về bộ phận giáo vụ không quá ngày 08/11/2024."])
    assert [(x.due, x.recipient) for x in d] == [("2024-11-08", "bộ phận giáo vụ")]


def test_lower_case_noun_after_ve_without_sending_is_not_a_recipient():
    d, _, _ = timeline(["Các chi hội tổ chức sinh hoạt chuyên đề về phòng chống ma túy trước ngày 15/11/2024."])
    assert [x.recipient for x in d] == [None]


def test_document_noun_phrase_with_a_list_names_no_sender():
    """"Hồ sơ … các hộ, cá nhân … gửi về …": the people listed belong to the document, they do not send it."""
    d, _, _ = timeline(["Hồ sơ đề nghị hỗ trợ các hộ, cá nhân bị thiệt hại gửi về UBND xã trước ngày 30/10/2024."])
    assert len(d) == 1 and d[0].responsible is None


def test_clause_after_the_cut_off_does_not_give_the_sender():
    d, _, _ = timeline(["Bài dự thi gửi về Ban Tổ chức trước ngày 20/11/2024; sau thời hạn trên, Ban Tổ chức không nhận."])
    assert len(d) == 1 and d[0].responsible != "Ban Tổ chức không" and d[0].recipient == "Ban Tổ chức"


def test_spelled_deadline_after_a_year_in_the_task():
    d, _, _ = timeline(["- Các chi đoàn hoàn thành việc thu đoàn phí năm 2024 đến hết ngày 20 tháng 12 năm 2024."])
    assert [(x.due, x.responsible) for x in d] == [("2024-12-20", "Các chi đoàn")]


# ---------------------------------------------------------------- quotas


def test_minimum_after_a_comma_is_its_own_quota_with_the_unit_after_moi():
    qs = quotas_in_sentence("Phấn đấu 80% hội viên tham gia, mỗi chi hội ít nhất 02 công trình.")
    assert [(q.subject, q.minimum, q.unit) for q in qs] == [("hội viên", 80, "percent"), ("mỗi chi hội", 2, "count")]


def test_distributive_requirement_after_a_reported_result_is_a_quota():
    qs = quotas_in_sentence("Đến nay đã có 9/11 phường đạt chuẩn; năm 2025 mỗi phường xây dựng ít nhất 03 tuyến phố văn minh.")
    assert [(q.subject, q.minimum) for q in qs] == [("mỗi phường", 3)]


def test_new_and_more_after_the_verb_leave_the_subject():
    qs = quotas_in_sentence("Toàn huyện kết nạp mới không dưới 300 hội viên.")
    assert [(q.subject, q.minimum) for q in qs] == [("Toàn huyện", 300)]


def test_reported_distributive_result_stays_a_result():
    assert quotas_in_sentence("Đến nay mỗi xã đã có ít nhất 02 mô hình được công nhận.") == []


# ---------------------------------------------------------------- metadata


@pytest.mark.parametrize("block,issuer", [
    (["UBND TỈNH BÌNH ĐỊNH", "SỞ KHOA HỌC", "VÀ CÔNG NGHỆ"], "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH BÌNH ĐỊNH"),
    (["UBND TỈNH NAM ĐỊNH", "SỞ LAO ĐỘNG, THƯƠNG BINH", "VÀ XÃ HỘI"], "SỞ LAO ĐỘNG, THƯƠNG BINH VÀ XÃ HỘI TỈNH NAM ĐỊNH"),
    (["SỞ Y TẾ HÀ TĨNH", "TRUNG TÂM Y TẾ", "KHU VỰC HƯƠNG SƠN"], "TRUNG TÂM Y TẾ KHU VỰC HƯƠNG SƠN"),
    (["HUYỆN ỦY CHÂU ĐỨC", "BAN TUYÊN GIÁO"], "BAN TUYÊN GIÁO HUYỆN ỦY CHÂU ĐỨC"),
])
def test_wrapped_issuer_lines_are_joined(block, issuer):
    assert compose_issuer(block) == issuer


def test_signer_name_with_apostrophe(tmp_path: Path):
    text = textwrap.dedent("""
        HỘI LHPN HUYỆN KRÔNG BÔNG                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                  Độc lập - Tự do - Hạnh phúc
        Số: 31/TB-HLHPN                           Krông Bông, ngày 04 tháng 11 năm 2024

                                    THÔNG BÁO
                      Lịch sinh hoạt chuyên đề quý IV năm 2024

        Các chi hội tổ chức sinh hoạt trước ngày 30/11/2024.

                                                  CHỦ TỊCH


                                                  H' Bluôk Niê
        """).lstrip("\n")
    path = tmp_path / "tb.txt"
    path.write_text(text, encoding="utf-8")
    meta = extract_metadata(read(path), [])
    assert meta.signer is not None and meta.signer.name == "H' Bluôk Niê"


# ---------------------------------------------------------------- registration field codes


@pytest.mark.parametrize("raw,code", [
    ("VH", "culture_society"), ("XH", "culture_society"), ("QP", "defense_security"),
    ("KT-XH", "economy"), ("KTXH", "economy"), ("ANQP", "defense_security"), ("CĐS", "digital_transformation"),
    ("CCHC", "administrative_reform"), ("Văn hóa", "culture_society"),
])
def test_short_field_codes(raw, code):
    assert normalize_field(raw)[0] == code


def test_unknown_short_code_stays_other():
    assert normalize_field("ZZ")[0] == "other"
