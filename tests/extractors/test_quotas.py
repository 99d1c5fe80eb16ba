"""Quotas: the shapes listed in vietnamese-time-expressions.md, on invented sentences and documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.model import Document, DocumentMeta, Location, Paragraph
from pipeline.extractors.quotas import extract_quotas, quotas_in_sentence
from doc_helpers import lines_doc


def one(sentence: str):
    got = quotas_in_sentence(sentence)
    assert len(got) == 1, [q.to_dict() for q in got]
    return got[0]


def test_minimum_words_subject_before_verbs_and_item_up_to_bracket():
    q = one("- Mỗi xã đạt chuẩn văn hóa đăng ký thực hiện ít nhất 03 mô hình “Dân vận khéo” (theo mục 2.1).")
    assert (q.subject, q.minimum, q.item, q.unit, q.exact) == (
        "Mỗi xã đạt chuẩn văn hóa", 3, "mô hình “Dân vận khéo”", "count", False)


def test_lead_in_before_colon_is_the_subject():
    q = one("- Đảng bộ các xã, thị trấn: Đăng ký xây dựng tối thiểu 4 mô hình.")
    assert (q.subject, q.minimum, q.item) == ("Đảng bộ các xã, thị trấn", 4, "mô hình")


def test_parenthetical_dropped_from_subject():
    q = one("Hội Nông dân, Hội Cựu chiến binh huyện (02 đơn vị có chương trình phối hợp) thực hiện không dưới "
            "02 công trình.")
    assert (q.subject, q.minimum, q.item) == ("Hội Nông dân, Hội Cựu chiến binh huyện", 2, "công trình")


def test_percentage_of_units():
    q = one("100% chi bộ trực thuộc đăng ký xây dựng mô hình.")
    assert (q.minimum, q.unit) == (100, "percent")
    assert "chi bộ" in q.subject


def test_strict_bounds():
    q = one("Hội nghị cử tri phải có trên 50 cử tri tham dự.")
    assert (q.minimum, q.exclusive, q.unit) == (51, False, "count")
    q = one("Tỷ lệ hài lòng của người dân đạt trên 85%.")
    assert (q.minimum, q.exclusive, q.unit) == (85, True, "percent")


def test_fixed_allocation_is_exact_and_range_has_maximum():
    q = one("Mỗi thôn 01 ứng cử viên.")
    assert (q.subject, q.minimum, q.exact, q.item) == ("Mỗi thôn", 1, True, "ứng cử viên")
    q = one("Tổ bầu cử có từ 05 đến 15 thành viên.")
    assert (q.subject, q.minimum, q.maximum) == ("Tổ bầu cử", 5, 15)


def test_target_percentage_of_indicator():
    q = one("Chỉ tiêu tối thiểu 98% hồ sơ được giải quyết đúng hạn.")
    assert (q.minimum, q.unit, q.item) == (98, "percent", "hồ sơ được giải quyết đúng hạn")


@pytest.mark.parametrize("sentence", [
    "Mỗi đơn vị được đề xuất 01 tập thể và 01 cá nhân.",            # a cap, not a minimum
    "Kết hợp hài hòa 03 lợi ích: cá nhân, tập thể và nhà nước.",    # no minimum word
    "Phấn đấu lộ giới đường >=4m, hướng tới xóa ngõ cụt.",          # a road width
    "Duy trì, nâng chất 100% phường lành mạnh không có tệ nạn.",   # a state, not an obligation
    "Mỗi năm tổ chức hội nghị vào ngày 15/3/2024.",                 # a date, not a count
    "Chậm nhất sau 03 tháng đăng ký thực hiện.",                    # a duration
])
def test_not_quotas(sentence):
    assert quotas_in_sentence(sentence) == []


def test_document_level_location_and_list_lead_in():
    doc = Document(path="t.txt", sha256="0", format="txt", blocks=[
        Paragraph("IV. SỐ LƯỢNG", Location(line=1)),
        Paragraph("- Các chi bộ ấp: Đăng ký", Location(line=3)),
        Paragraph("xây dựng ít nhất 02 mô hình.", Location(line=5)),
        Paragraph("Mỗi tổ hội:", Location(line=7)),
        Paragraph("- Đăng ký ít nhất 01 mô hình.", Location(line=8)),
    ])
    got = extract_quotas(doc, DocumentMeta(), [])
    assert [(q.subject, q.minimum, q.location.line) for q in got] == [
        ("Các chi bộ ấp", 2, 3), ("Mỗi tổ hội", 1, 8)]
    assert got[0].text == "- Các chi bộ ấp: Đăng ký xây dựng ít nhất 02 mô hình."


DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"


@pytest.mark.skipif(not DEV.is_dir(), reason="shared dev set not present")
def test_dev_set_quotas_match_gold():
    """Minimum and subject of every dev quota (the scorer's matching rule, written out)."""
    from difflib import SequenceMatcher

    from pipeline.readers import read
    from pipeline.textnorm import match_key

    for gold_path in sorted(DEV.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = read(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")))
        got = extract_quotas(doc, DocumentMeta(), [])
        assert len(got) == len(gold["quotas"]), gold_path.name
        for g, p in zip(gold["quotas"], got):
            assert p.minimum == g["minimum"]
            assert SequenceMatcher(None, match_key(p.subject), match_key(g["subject"])).ratio() >= 0.8


@pytest.mark.parametrize("sentence", [
    "Mô hình được triển khai trên 03 tuyến đường chính.",  # "trên" = on
    "Năm 2023 đã có 95% hộ dân tham gia.",                  # a past result
    "Công dân từ 18 tuổi trở lên.",                          # an age
])
def test_more_non_quotas(sentence):
    assert quotas_in_sentence(sentence) == []


def test_year_label_is_not_the_count_and_leaves_the_subject():
    q = one("Mỗi xã trong năm 2024 đăng ký 02 mô hình.")
    assert (q.subject, q.minimum, q.exact) == ("Mỗi xã", 2, True)


def test_measured_target_subject_is_the_body_and_item_the_measure():
    q = one("UBND xã phấn đấu mức độ hài lòng của người dân đạt tối thiểu 90%.")
    assert (q.subject, q.item, q.minimum, q.unit) == ("UBND xã", "mức độ hài lòng của người dân", 90, "percent")


def test_big_data_table_is_skipped_with_a_warning():
    from pipeline.model import Cell, Table

    rows = [[Cell(str(i), i, 0), Cell(f"Mỗi tổ ít nhất {i} mô hình", i, 1)] for i in range(500)]
    doc = Document(path="x.xlsx", sha256="0", format="xlsx", blocks=[Table(rows, Location(sheet="S"))])
    warnings: list[str] = []
    assert extract_quotas(doc, DocumentMeta(), warnings) == []
    assert any("500 rows" in w for w in warnings)


# --------------------------------------------------------------------------- results are not targets


@pytest.mark.parametrize("sentence", [
    # an achieved count compared with the target
    "Tính đến nay toàn huyện có 87 tổ tự quản được thành lập, đạt 105% so với chỉ tiêu.",
    # a reached level without a target word; the decimal is reported, not a minimum
    "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 91,7%.",
    # a past result of a share of units
    "Năm qua đã có 100% chi đoàn đăng ký công trình thanh niên.",
    # comparison word after the percentage
    "Thu ngân sách đạt 110% so với dự toán.",
])
def test_reported_results_are_not_quotas(sentence):
    assert quotas_in_sentence(sentence) == []


def test_decimal_comma_is_kept_in_a_target_and_a_ceiling_is_no_minimum():
    q = one("Phấn đấu tỷ lệ hộ nghèo giảm còn dưới 2%, tỷ lệ thu gom rác thải đạt 97,5%.")
    assert q.minimum == 97.5 and q.unit == "percent"


def test_results_section_of_a_report_gives_no_quota_but_its_targets_section_does():
    doc = Document(path="r.txt", sha256="0", format="txt", blocks=[
        Paragraph("I. KẾT QUẢ THỰC HIỆN", Location(line=1)),
        Paragraph("Các chi hội đăng ký ít nhất 02 phần việc thiết thực.", Location(line=3)),
        Paragraph("Tỷ lệ hội viên tham gia sinh hoạt đạt trên 90%.", Location(line=4)),
        Paragraph("II. NHIỆM VỤ THỜI GIAN TỚI", Location(line=6)),
        Paragraph("Mỗi chi hội đăng ký ít nhất 01 công trình.", Location(line=8)),
        Paragraph("1. Chỉ tiêu", Location(line=10)),
        Paragraph("Tỷ lệ hội viên được tập huấn kỹ năng số đạt 80%.", Location(line=12)),
    ])
    got = extract_quotas(doc, DocumentMeta(kind="report"), [])
    assert [(q.subject, q.minimum, q.unit) for q in got] == [
        ("Mỗi chi hội", 1, "count"), ("Tỷ lệ hội viên được tập huấn kỹ năng số", 80, "percent")]


def test_above_a_percentage_after_an_aim_word_far_before():
    q = one("Các thôn, tổ dân phố phấn đấu tỷ lệ hộ sử dụng nước sạch theo quy chuẩn quốc gia trên 95%.")
    assert (q.subject, q.minimum, q.unit, q.exclusive) == ("Các thôn, tổ dân phố", 95, "percent", True)
    assert q.item.startswith("tỷ lệ hộ sử dụng nước sạch")
    # but "trên N" counts keep their narrow context: "on three roads" stays no quota
    assert quotas_in_sentence("Phấn đấu lắp đặt camera trên 03 tuyến đường.") == []


@pytest.mark.parametrize("sentence", [
    "Mỗi chi bộ được giới thiệu 02 đảng viên dự lớp bồi dưỡng.",
    "Mỗi trường được chọn 01 học sinh tiêu biểu dự tuyên dương.",
    "Mỗi xã được đề nghị khen thưởng 01 tập thể xuất sắc.",
])
def test_allowances_after_duoc_are_not_quotas(sentence):
    assert quotas_in_sentence(sentence) == []


def test_assigned_count_after_duoc_giao_stays_a_quota():
    q = one("Mỗi xã được giao 02 mô hình điểm.")
    assert (q.subject, q.minimum, q.exact) == ("Mỗi xã", 2, True)


def test_share_of_units_without_a_body_before_takes_the_units_as_subject():
    q = one("Phấn đấu 100% thôn, bản có tổ hòa giải hoạt động hiệu quả.")
    assert (q.subject, q.minimum, q.unit) == ("thôn, bản", 100, "percent")
    q = one("Phấn đấu mỗi tổ dân phố có ít nhất 01 camera an ninh.")
    assert (q.subject, q.minimum) == ("mỗi tổ dân phố", 1)


def test_units_with_a_noun_that_looks_like_a_verb_are_not_cut():
    q = one("100% cơ sở của các tổ chức chính trị - xã hội ở thôn đăng ký thực hiện phần việc.")
    assert q.subject == "cơ sở của các tổ chức chính trị - xã hội ở thôn"
    assert not q.subject.endswith(("của các", "của", "các"))


def test_a_second_count_in_the_sentence_keeps_the_unit_as_subject():
    got = quotas_in_sentence("Mỗi tổ hòa giải có trên 04 hòa giải viên, trong đó có ít nhất 01 nữ.")
    assert [(q.subject, q.minimum) for q in got] == [("Mỗi tổ hòa giải", 5), ("Mỗi tổ hòa giải", 1)]


def test_generic_each_unit_takes_the_units_named_before_it():
    q = one("Các hội đoàn thể: mỗi đơn vị đăng ký tối thiểu 02 phần việc.")
    assert (q.subject, q.minimum) == ("Các hội đoàn thể", 2)


def test_label_lead_in_and_time_phrase_are_not_subjects():
    got = quotas_in_sentence("Chỉ tiêu: 100% chi đoàn đăng ký ít nhất 01 công trình.")
    assert [(q.subject, q.minimum, q.unit) for q in got] == [("chi đoàn", 100, "percent"), ("chi đoàn", 1, "count")]
    q = one("Phấn đấu đến cuối năm 2026, 100% thủ tục được tiếp nhận trực tuyến.")
    assert (q.subject, q.minimum) == ("thủ tục", 100)
    assert quotas_in_sentence("Kết quả: 97% hộ dân được phổ biến quy chế dân chủ.") == []


def test_mobilising_verb_is_stripped_from_the_subject():
    q = one("Các chi hội vận động ít nhất 70% hội viên tham gia bảo hiểm.")
    assert (q.subject, q.minimum, q.item) == ("Các chi hội", 70, "hội viên tham gia bảo hiểm")


# --------------------------------------------------------------------------- subjects, caps and shares

def _q(sentence: str, target: bool = True):
    return [(q.subject, q.minimum, q.maximum, q.unit) for q in quotas_in_sentence(sentence, target_context=target)]


def quotas(sentence: str) -> list[tuple]:
    return [(q.subject, q.minimum, q.unit) for q in quotas_in_sentence(sentence)]


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


def test_quota_subject_is_not_a_list_marker():
    """``c) 100% tổ dân phố …`` under a target heading: the units, not the letter ``c``."""
    got = quotas_in_sentence("c) 100% thôn, buôn tổ chức ký cam kết không có tội phạm ma túy.", target_context=True)
    assert got and got[0].minimum == 100
    assert got[0].subject and got[0].subject.lower().startswith("thôn")


def test_quota_without_subject_falls_on_the_issuer():
    """A chi bộ's resolution lists targets with no subject: they fall on the issuing body."""
    doc = lines_doc(["I. CHỈ TIÊU", "1. Kết nạp ít nhất 03 đảng viên mới trong năm."])
    meta = DocumentMeta(kind="other", issued_on="2027-01-08", issuer="Chi bộ Khu phố Bình An")
    got = extract_quotas(doc, meta, [])
    assert [(q.minimum, q.subject) for q in got] == [(3, "Chi bộ Khu phố Bình An")]


def test_share_of_units_opening_a_target_item():
    """``- 100% trường học … củng cố …`` is a share of units bound to act; in a results section it reports."""
    got = _q("- 100% trường học trên địa bàn thị xã củng cố thư viện xanh.")
    assert got and got[0][1:] == (100, None, "percent") and got[0][0].startswith("trường học")
    assert quotas_in_sentence("- 100% trường học trên địa bàn thị xã củng cố thư viện xanh.",
                              results_context=True) == []


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
    doc = lines_doc(["Căn cứ Hướng dẫn số 07/HD-SYT ngày 02/3/2027 của Sở Y tế,",
                "Mục tiêu:",
                "- 100% trạm y tế xã có bác sĩ làm việc."], step=2)
    got = extract_quotas(doc, DocumentMeta(), [])
    assert [(q.minimum, q.unit) for q in got] == [(100, "percent")]


def test_share_opening_the_sentence_counts_the_units_after_it():
    """``Ít nhất 70% đoàn viên …``: nothing before the minimum word, so the units after the share are the subject."""
    assert quotas("- Ít nhất 70% đoàn viên tham gia hoạt động tình nguyện hè.") == [("đoàn viên", 70, "percent")]
    assert quotas("Tối thiểu 60% giáo viên được bồi dưỡng kỹ năng số.") == [("giáo viên", 60, "percent")]


def test_aim_verb_with_no_body_before_the_share_measures_the_population_after_it():
    """``Phấn đấu trên 95% hộ …``: no body stands before the aim verb, so the target is measured on the
    households; a body before it (``Các chi hội phấn đấu …``) stays the subject."""
    assert quotas("Phấn đấu trên 95% hộ dân được sử dụng nước sạch.") == [("hộ dân", 95, "percent")]
    assert quotas("Phấn đấu có ít nhất 70% số người hưởng trợ cấp nhận tiền qua tài khoản.") == [
        ("người hưởng trợ cấp", 70, "percent")]
    assert quotas("Các chi hội phấn đấu tối thiểu 80% hộ hội viên tham gia bảo hiểm y tế.") == [
        ("Các chi hội", 80, "percent")]


def test_comparison_word_after_a_semicolon_is_not_a_subject():
    got = quotas("Chỉ tiêu: mỗi tổ dân phố có ít nhất 01 tổ hòa giải; trên 85% hộ dân ký cam kết giữ gìn vệ sinh.")
    assert ("mỗi tổ dân phố", 1, "count") in got
    assert ("hộ dân", 85, "percent") in got
    assert all(s != "trên" for s, _, _ in got)


def test_share_with_tro_len_opening_the_sentence_counts_the_units_after_it():
    assert quotas("- 85% trở lên số thôn đạt danh hiệu Thôn văn hóa.") == [("thôn", 85, "percent")]
    assert quotas("Phấn đấu 85% trở lên số thôn đạt danh hiệu Thôn văn hóa.") == [("thôn", 85, "percent")]


def test_more_verbs_end_an_each_subject():
    assert quotas("- Mỗi đoàn viên trồng ít nhất 05 cây xanh.") == [("Mỗi đoàn viên", 5, "count")]
    assert quotas("- Mỗi chi hội đóng góp tối thiểu 20 ngày công.") == [("Mỗi chi hội", 20, "count")]


# --------------------------------------------------------------------------- sections: lead-ins, scoring schemes, reports

def _doc_quotas(lines: list[str], kind: str = "plan", issuer: str | None = None) -> list[tuple]:
    meta = DocumentMeta(kind=kind, issuer=issuer)
    return [(q.subject, q.minimum, q.unit) for q in extract_quotas(lines_doc(lines, step=2), meta, [])]


def test_a_lead_in_speaks_only_for_the_items_of_its_list():
    """``b) Các hội đoàn thể:`` names the units of its items; the next section's subject-less target does not
    inherit it (it falls on the issuer)."""
    got = _doc_quotas(["II. CHỈ TIÊU",
                       "1. Đối với cấp xã",
                       "a) Các hội đoàn thể:",
                       "- Đăng ký ít nhất 02 phần việc thiết thực.",
                       "b) Lĩnh vực văn hóa:",
                       "- Đăng ký ít nhất 03 công trình.",
                       "2. Đối với cấp huyện",
                       "Xây dựng ít nhất 01 mô hình điểm."], issuer="Ủy ban nhân dân huyện Tân Phú")
    assert got == [("Các hội đoàn thể", 2, "count"), ("Ủy ban nhân dân huyện Tân Phú", 3, "count"),
                   ("Ủy ban nhân dân huyện Tân Phú", 1, "count")]


def test_a_long_paragraph_announcing_targets_makes_its_numbered_items_targets():
    got = _doc_quotas(["2. Nội dung thi đua",
                       "Vận động người dân chuyển sang thanh toán điện tử trong các giao dịch hằng ngày, góp phần "
                       "xây dựng xã hội không dùng tiền mặt; các nội dung này được cụ thể hóa thành các chỉ tiêu "
                       "như sau:",
                       "(1) 100% hộ kinh doanh chưa có tài khoản được hướng dẫn mở tài khoản;",
                       "(2) Ít nhất 60% tiểu thương tại chợ sử dụng mã QR để thanh toán;"])
    assert got == [("hộ kinh doanh", 100, "percent"), ("tiểu thương tại chợ", 60, "percent")]


def test_a_scoring_annex_gives_no_quotas():
    got = _doc_quotas(["III. CHỈ TIÊU",
                       "- 100% trường học tổ chức ngày hội đọc sách.",
                       "PHỤ LỤC",
                       "BẢNG ĐIỂM CHUẨN VÀ HƯỚNG DẪN CHẤM ĐIỂM THI ĐUA",
                       "Tiêu chí 1",
                       "Trường đạt tỷ lệ 100% học sinh tham gia ngày hội.",
                       "Trường có tỷ lệ học sinh mượn sách từ 80% trở lên."])
    assert got == [("trường học", 100, "percent")]


def test_a_sentence_that_gives_points_is_no_quota():
    assert quotas_in_sentence("Đơn vị có 100% thôn ký cam kết được cộng 03 điểm.", target_context=True) == []
    assert quotas_in_sentence("Từ 80 - 90% cộng 02 điểm; đạt 100% cộng 05 điểm.", target_context=True) == []


def test_a_report_states_results_outside_its_forward_looking_sections():
    got = _doc_quotas(["I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
                       "Các chi hội đăng ký ít nhất 02 phần việc, 100% hội viên tham gia ký cam kết.",
                       "II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026",
                       "Mỗi chi hội xây dựng ít nhất 01 mô hình mới."], kind="report")
    assert got == [("Mỗi chi hội", 1, "count")]


# --------------------------------------------------------------------------- subjects: what names no units

@pytest.mark.parametrize("sentence,subject,minimum", [
    # a time adverbial opening the clause dates the target; the population after the share is measured
    ("Năm 2026 đạt 70% các trường học có thư viện số.", "các trường học", 70),
    ("b) Đến hết năm 2030: Có ≥ 45% hợp tác xã ứng dụng thương mại điện tử.", "hợp tác xã", 45),
    ("Từ năm 2026 trở đi, 100% trạm y tế xã có bác sĩ.", "trạm y tế xã", 100),
    ("Trong giai đoạn 2026 - 2030 phấn đấu có ít nhất 20% cán bộ trẻ được luân chuyển.", "cán bộ trẻ", 20),
    # a connector names nothing
    ("Trong đó, ít nhất 25% hộ sản xuất có liên kết tiêu thụ.", "hộ sản xuất", 25),
    # an opening verb with a measured share: the population after the share word
    ("Nâng tỷ lệ lao động qua đào tạo đạt 75%.", "lao động qua đào tạo", 75),
])
def test_time_adverbials_connectors_and_opening_verbs_name_no_units(sentence, subject, minimum):
    got = quotas_in_sentence(sentence, target_context=True)
    assert [(q.subject, q.minimum) for q in got] == [(subject, minimum)]


@pytest.mark.parametrize("sentence", [
    "Hình thành ít nhất 15 chuỗi liên kết sản xuất.",
    "Đồng thời, phát triển ít nhất 05 sản phẩm OCOP mới.",
    "Mỗi năm có ít nhất 30 sáng kiến được công nhận.",
])
def test_a_clause_opening_on_a_verb_or_a_period_has_no_subject(sentence):
    (q,) = quotas_in_sentence(sentence, target_context=True)
    assert q.subject is None and q.unit == "count"


def test_the_population_of_a_share_ends_where_its_predicate_starts():
    assert quotas("100% các phòng, ban bố trí cán bộ đầu mối chuyển đổi số.") == [
        ("các phòng, ban", 100, "percent")]
    assert quotas("Phấn đấu 100% số hộ nghèo có nhu cầu được vay vốn ưu đãi.") == [("hộ nghèo", 100, "percent")]
    assert quotas("Ít nhất 90% người nộp thuế nhận thông báo qua ứng dụng.") == [
        ("người nộp thuế", 90, "percent")]


def test_a_completion_verb_before_a_share_sets_a_target_on_that_task():
    got = quotas_in_sentence("- Rà soát dữ liệu và hoàn thành 100% việc số hóa hồ sơ hộ tịch và báo cáo kết quả.")
    assert [(q.subject, q.minimum, q.unit) for q in got] == [("việc số hóa hồ sơ hộ tịch", 100, "percent")]
    assert quotas_in_sentence("Năm qua xã đã hoàn thành 100% việc số hóa hồ sơ hộ tịch.") == []


def test_table_row_first_cell_names_the_population_up_to_its_predicate():
    got = _q("Hội viên đạt danh hiệu “Nông dân sản xuất giỏi” | % | tối thiểu 35%")
    assert got == [("Hội viên", 35, None, "percent")]


# --------------------------------------------------------------------------- bounds written as signs, lists of figures

def test_signs_are_bounds():
    assert quotas("- Có ≥ 50% xã đạt chuẩn nông thôn mới nâng cao.") == [("xã", 50, "percent")]
    (q,) = quotas_in_sentence("- Tỷ lệ hộ dùng nước sạch > 95%.", target_context=True)
    assert (q.minimum, q.exclusive) == (95, True)
    assert quotas_in_sentence("- Tỷ lệ hộ nghèo ≤ 1,5%.", target_context=True) == []


def test_a_minimum_word_governs_every_figure_listed_after_it():
    got = quotas("Thành lập ít nhất 12 tổ hợp tác, 04 hợp tác xã kiểu mới.")
    assert [(m, u) for _, m, u in got] == [(12, "count"), (4, "count")]
    first = quotas_in_sentence("Thành lập ít nhất 12 tổ hợp tác, 04 hợp tác xã kiểu mới.")[0]
    assert first.item == "tổ hợp tác"


@pytest.mark.parametrize("sentence", [
    "Nếu có từ 03 đơn vị trở lên bằng điểm thì xét chỉ số phụ.",                       # the condition of a rule
    "Trường hợp thiếu phòng học thì nhà trường được phép thuê cơ sở từ 2 sao trở lên.",  # a permission
    "Bố trí kinh phí bằng 2,5% tổng kinh phí sự nghiệp văn hóa hằng năm.",              # a share of money
    "Phấn đấu 70% người cao tuổi được tiếp cận ít nhất một trong các dịch vụ chăm sóc.",  # a pick among a set …
    "Khen thưởng với tỷ lệ không quá 15% tập thể, 8% cá nhân tham gia.",                 # a figure under a cap
])
def test_numbers_that_state_no_requirement(sentence):
    assert all(q.minimum not in (3, 2, 2.5, 1, 15, 8) for q in quotas_in_sentence(sentence, target_context=True))


def test_a_web_address_ends_no_sentence():
    doc = lines_doc(["1. Chỉ tiêu",
                     "- Cập nhật dữ liệu trên cổng (https://dichvucong.example.gov.vn) và hoàn thành 100% việc "
                     "đồng bộ hồ sơ trước ngày 30/6/2026."], step=2)
    got = extract_quotas(doc, DocumentMeta(kind="plan"), [])
    assert [(q.subject, q.minimum) for q in got] == [("việc đồng bộ hồ sơ", 100)]


# --------------------------------------------------------------------------- confidence and reasons

def _judged(lines: list[str], kind: str = "plan") -> list:
    meta = DocumentMeta(kind=kind, issuer="Ủy ban nhân dân xã Phú An")
    return extract_quotas(lines_doc(lines, step=2), meta, [])


def test_a_plain_minimum_on_named_units_is_sure_and_doubts_are_reasons():
    from pipeline.model import REVIEW_THRESHOLD

    sure, issuer, shape = _judged(["II. NHIỆM VỤ",
                                   "- Mỗi thôn xây dựng ít nhất 01 tuyến đường hoa.",
                                   "- Hình thành ít nhất 02 tổ hợp tác.",
                                   "- 100% thôn ký cam kết bảo vệ môi trường."])
    assert sure.confidence >= REVIEW_THRESHOLD and sure.review == []
    assert issuer.subject == "Ủy ban nhân dân xã Phú An" and issuer.confidence < REVIEW_THRESHOLD
    assert issuer.review == ["đối tượng của chỉ tiêu lấy từ cơ quan ban hành"]
    assert shape.review == ["không có từ chỉ mức tối thiểu, chỉ tiêu suy ra từ cách viết"]
    assert issuer.confidence < shape.confidence < sure.confidence


def test_a_target_in_a_report_is_queued_for_review():
    (q,) = _judged(["III. PHƯƠNG HƯỚNG NHIỆM VỤ", "Mỗi chi hội phát triển ít nhất 05 hội viên mới."], kind="report")
    assert "chỉ tiêu nằm trong báo cáo, có thể là kết quả đã đạt" in q.review and q.confidence < 0.7


@pytest.mark.parametrize("sentence", [
    "Năm 2024, 100% xã đạt chuẩn nông thôn mới.",                 # dated by a year already over (document: 2025)
    "Người trúng cử phải được trên 50% tổng số phiếu bầu hợp lệ.",  # the threshold of a vote
    "Tỷ lệ = số hồ sơ đúng hạn / tổng số hồ sơ x 100%.",           # a term of a formula
])
def test_past_years_votes_and_formulas_are_no_quotas(sentence):
    assert quotas_in_sentence(sentence, doc_year=2025) == []


def test_a_later_year_or_a_target_word_keeps_the_quota():
    assert quotas_in_sentence("Năm 2026, 100% xã đạt chuẩn nông thôn mới.", doc_year=2025)
    assert quotas_in_sentence("Phấn đấu năm 2024 có 100% xã đạt chuẩn nông thôn mới.", doc_year=2024)


def test_a_body_before_an_action_verb_and_a_time_adverbial_before_a_comma():
    assert quotas("UBND các xã giải quyết 98% hồ sơ đúng hạn.") == [("UBND các xã", 98, "percent")]
    got = quotas_in_sentence("Phấn đấu đến năm 2027, tỷ lệ hộ gia đình sử dụng nước sạch đạt trên 98%.")
    assert [(q.subject, q.minimum, q.exclusive) for q in got] == [("tỷ lệ hộ gia đình sử dụng nước sạch", 98, True)]


# --------------------------------------------------------------------------- allocation tables

def _read_text(tmp_path: Path, lines: list[str]):
    from pipeline.readers import read

    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read(path)


ALLOCATION = ["| STT | Đơn vị | Số lượng đại biểu | Ghi chú |",
              "|---|---|---|---|",
              "| 1 | Khối Đảng, đoàn thể | 05 | |",
              "| 2 | Khối chính quyền | 07 | |",
              "| 3 | Các xã, thị trấn | 12 | mỗi xã 01 |",
              "| | Tổng cộng | 24 | |"]


def test_an_allocation_table_gives_each_unit_its_exact_number(tmp_path: Path):
    doc = _read_text(tmp_path, ["KẾ HOẠCH", "Tổ chức hội nghị đại biểu", "",
                                "II. PHÂN BỔ ĐẠI BIỂU", "", "Số lượng đại biểu được phân bổ như sau:", ""] + ALLOCATION)
    got = [(q.subject, q.minimum, q.exact, q.item) for q in extract_quotas(doc, DocumentMeta(kind="plan"), [])]
    assert got == [("Khối Đảng, đoàn thể", 5, True, "đại biểu"), ("Khối chính quyền", 7, True, "đại biểu"),
                   ("Các xã, thị trấn", 12, True, "đại biểu")]


def test_tables_of_results_or_money_are_no_allocation(tmp_path: Path):
    report = _read_text(tmp_path, ["BÁO CÁO", "Kết quả năm 2025", "", "I. KẾT QUẢ ĐẠT ĐƯỢC", ""] + ALLOCATION)
    assert not [q for q in extract_quotas(report, DocumentMeta(kind="report"), []) if q.location.table is not None]
    money = _read_text(tmp_path, ["KẾ HOẠCH", "Hỗ trợ", "", "II. KINH PHÍ", "",
                                  "| STT | Đơn vị | Số lượng | Kinh phí (đồng) |", "|---|---|---|---|",
                                  "| 1 | Xã An Bình | 10 | 5.000.000 |", "| 2 | Xã An Hòa | 12 | 6.000.000 |"])
    assert not [q for q in extract_quotas(money, DocumentMeta(kind="plan"), []) if q.location.table is not None]


def test_an_allocation_table_reads_the_same_from_docx(tmp_path: Path):
    import docx

    from pipeline.readers import read

    d = docx.Document()
    d.add_paragraph("Căn cứ Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030 và tình hình thực tế của các chi "
                    "bộ trực thuộc, Đảng ủy xã ban hành kế hoạch như sau:")
    d.add_paragraph("II. PHÂN BỔ CHỈ TIÊU")
    d.add_paragraph("Chỉ tiêu kết nạp đảng viên năm 2026 giao cho các chi bộ như sau:")
    t = d.add_table(rows=4, cols=3)
    t.style = "Table Grid"
    for r, row in enumerate([["TT", "Chi bộ", "Số đảng viên kết nạp mới"], ["1", "Chi bộ ấp Tân Hòa", "03"],
                             ["2", "Chi bộ ấp Tân Lợi", "02"], ["", "Cộng", "05"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(str(tmp_path / "kh.docx"))
    got = extract_quotas(read(tmp_path / "kh.docx"), DocumentMeta(kind="plan"), [])
    assert [(q.subject, q.minimum, q.exact) for q in got] == [("Chi bộ ấp Tân Hòa", 3, True),
                                                              ("Chi bộ ấp Tân Lợi", 2, True)]
    assert got[0].item == "đảng viên kết nạp mới" and got[0].location.table is not None


def test_a_heading_that_names_bodies_is_the_subject_of_its_subjectless_items():
    got = extract_quotas(lines_doc(["III. NHIỆM VỤ CỤ THỂ",
                                    "1. Các tổ chức chính trị - xã hội xã",
                                    "- Mỗi tổ chức vận động ít nhất 10 hội viên tham gia bảo hiểm.",
                                    "- Đăng ký xây dựng ít nhất 01 mô hình “Dân vận khéo”.",
                                    "2. Tuyên truyền",
                                    "- Phát hành ít nhất 02 bản tin mỗi quý."], step=2),
                         DocumentMeta(kind="plan", issuer="Ủy ban nhân dân xã Phú An"), [])
    assert [(q.subject, q.minimum) for q in got] == [
        ("Mỗi tổ chức", 10), ("Các tổ chức chính trị - xã hội xã", 1), ("Ủy ban nhân dân xã Phú An", 2)]
    assert got[1].review == ["đối tượng của chỉ tiêu lấy từ đề mục"]


def test_a_clause_with_no_verb_after_it_is_its_own_verb_unless_it_names_units():
    """``Xuất bản ít nhất 04 số`` opens on a verb the lists do not know: with no verb after it and no body's
    name, determiner or share word at its head, the clause names no units."""
    assert quotas("Xuất bản ít nhất 04 số tạp chí chuyên đề.") == [(None, 4, "count")]
    assert quotas("Các xã ít nhất 02 mô hình.") == [("Các xã", 2, "count")]
    assert quotas("Hội Cựu chiến binh không dưới 03 công trình.") == [("Hội Cựu chiến binh", 3, "count")]


def test_a_manner_adverb_after_the_verb_goes_with_it():
    assert quotas("Bộ phận một cửa giải quyết đúng hạn tối thiểu 98% hồ sơ.") == [("Bộ phận một cửa", 98, "percent")]


# --------------------------------------------------------------------------- allocations, criteria, contributions

def _doc_items(lines: list[str], kind: str = "plan") -> list[tuple]:
    meta = DocumentMeta(kind=kind, issuer="Ủy ban nhân dân phường Tân Mai")
    return [(q.subject, q.minimum, q.item, q.exact) for q in extract_quotas(lines_doc(lines, step=2), meta, [])]


def test_counts_under_an_allocation_heading_are_exact_allocations_of_their_items():
    got = _doc_items(["II. CHỈ TIÊU",
                      "1. Chỉ tiêu giao",
                      "Tổng số 25 thanh niên, trong đó: gọi nhập ngũ 20 thanh niên; "
                      "tham gia Công an nhân dân 05 thanh niên."])
    assert got == [("thanh niên", 25, "thanh niên", True),
                   ("thanh niên", 20, "thanh niên gọi nhập ngũ", True),
                   ("thanh niên", 5, "thanh niên tham gia Công an nhân dân", True)]


def test_the_same_counts_under_aims_or_results_allocate_nothing():
    sentence = "Tổng số 25 thanh niên, trong đó: gọi nhập ngũ 20 thanh niên."
    assert _doc_items(["II. MỤC TIÊU", sentence]) == []
    assert quotas_in_sentence(sentence, target_context=True, allocation_context=True, results_context=True) == []


@pytest.mark.parametrize("sentence", [
    "Mỗi tổ dân phố được đề xuất khen thưởng 01 gia đình tiêu biểu.",   # an allowance
    "Mỗi chi hội thực hiện không quá 02 cuộc kiểm tra trong một quý.",  # a cap, read elsewhere
    "- Tiêu chuẩn sức khỏe: đạt loại 1, 2, 3 theo quy định.",           # a criterion listing labels
    "Trong năm 2026 tổ chức 03 đợt ra quân (02 đợt cấp phường).",      # a clause of time opens it
    "Năm 2025, toàn phường đã có 120 hội viên tham gia.",               # a result already reached
])
def test_an_allocation_section_does_not_make_allowances_caps_or_criteria_allocations(sentence):
    got = quotas_in_sentence(sentence, target_context=True, allocation_context=True, doc_year=2026)
    assert not any(q.exact for q in got), [q.to_dict() for q in got]


@pytest.mark.parametrize("sentence", [
    "Đối tượng được hỗ trợ là hộ gia đình có nhà bị hư hỏng từ 50% trở lên.",
    "Điều kiện xét tặng: tập thể có từ 80% thành viên đạt danh hiệu lao động tiên tiến trở lên.",
    "b) Tiêu chuẩn: có thời gian công tác từ 05 năm trở lên; trình độ từ lớp 9 trở lên.",
    # what the ones selected must have (a subject qualified by "được bình xét", "được đề nghị khen thưởng")
    "Hộ được bình xét danh hiệu cấp huyện phải có doanh thu từ 300 triệu đồng trở lên và tạo việc làm cho ít nhất "
    "03 lao động địa phương.",
    "Cá nhân được đề nghị khen thưởng phải có ít nhất 02 năm liên tục hoàn thành xuất sắc nhiệm vụ.",
])
def test_eligibility_criteria_are_no_quotas(sentence):
    assert quotas_in_sentence(sentence, target_context=True) == []


def test_a_days_wage_given_is_a_count_not_a_length_of_time():
    q = one("Mỗi cán bộ, công chức ủng hộ ít nhất 01 ngày lương.")
    assert (q.subject, q.minimum, q.unit) == ("Mỗi cán bộ, công chức", 1, "count")
    assert quotas_in_sentence("Thời gian tập huấn ít nhất 02 ngày.") == []


def test_completing_a_share_of_the_budget_is_a_target_but_a_share_of_money_is_not():
    q = one("Phấn đấu hoàn thành 100% dự toán thu ngân sách nhà nước năm 2026.")
    assert (q.minimum, q.unit) == (100, "percent")
    assert quotas_in_sentence("Chi hỗ trợ bằng 2% tổng kinh phí của dự án.") == []


def test_among_results_the_indicator_word_states_no_target():
    got = quotas_in_sentence("Có 15/20 chỉ tiêu đạt và vượt, trong đó 100% xã đạt chuẩn nông thôn mới.",
                             results_context=True)
    assert got == []


def test_a_threshold_that_picks_units_before_their_predicate_is_no_quota():
    assert quotas_in_sentence("Các chi bộ có từ 30 đảng viên trở lên gửi báo cáo về Đảng ủy.") == []
    q = one("Mỗi chi bộ kết nạp từ 02 đảng viên trở lên.")
    assert (q.subject, q.minimum) == ("Mỗi chi bộ", 2)


# ---------------------------------------------------------------- shapes found blind in held-out 7

_TARGETS_2024 = {"target_context": True, "doc_year": 2024}


@pytest.mark.parametrize("sentence, context, want", [
    # a unit assigned a target still owes its minimum ("được giao" is no selection)
    ("Mỗi chi hội được giao chỉ tiêu phải kết nạp ít nhất 05 hội viên mới.", {}, [(5, "mỗi chi hội")]),
    # points given in another clause do not silence a target; points in its own clause do
    ("Phấn đấu tỷ lệ học viên tốt nghiệp đạt không dưới 90%; không có học viên dưới 2,0 điểm ở môn nào.", {},
     [(90, "tỷ lệ học viên tốt nghiệp")]),
    ("Đơn vị đạt 100% hồ sơ đúng hạn được cộng 03 điểm; đạt dưới 80% bị trừ 02 điểm.", {}, []),
    # a past school year dates a result, even under targets; the current one does not
    ("Năm học 2022 - 2023, tỷ lệ học sinh lên lớp của trường đạt 96,5%.", _TARGETS_2024, []),
    ("Năm học 2023 - 2024, tỷ lệ học sinh lên lớp đạt 98%.", _TARGETS_2024, [(98, "tỷ lệ học sinh lên lớp")]),
    # a deictic year is a time adverbial, not the subject
    ("Năm tới, mỗi chi đoàn thực hiện ít nhất 02 công trình thanh niên.", {}, [(2, "mỗi chi đoàn")]),
    ("Năm nay các chi hội vận động ít nhất 10 hội viên tham gia bảo hiểm xã hội tự nguyện.", {},
     [(10, "các chi hội")]),
])
def test_shapes_found_blind_in_heldout7(sentence, context, want):
    got = quotas_in_sentence(sentence, **context)
    assert [(q.minimum, q.subject.lower()[:len(s)]) for q, (_, s) in zip(got, want)] == want
    assert len(got) == len(want)
