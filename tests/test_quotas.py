"""Quotas: the shapes listed in vietnamese-time-expressions.md, on invented sentences and documents."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.model import Document, DocumentMeta, Location, Paragraph
from pipeline.quotas import extract_quotas, quotas_in_sentence


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


DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"


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
