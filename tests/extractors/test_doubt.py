"""Doubt is shown, not hidden: confidence (0–1) and Vietnamese review reasons on extracted values.

Run: ``.venv/bin/pytest -q tests/extractors/test_doubt.py``
"""
from __future__ import annotations

from pipeline.extract import extract
from pipeline.extractors.doubt import Doubt, ocr_low
from pipeline.model import REVIEW_THRESHOLD, Document, Location, Paragraph


def record_of(lines: list[str], confidence: float | None = None):
    doc = Document(path="t.txt", sha256="0", format="txt", ocr=confidence is not None)
    for i, text in enumerate(lines):
        if text:
            doc.blocks.append(Paragraph(text, Location(line=1 + i), confidence=confidence))
    return extract(doc)


HEAD = ["ỦY BAN NHÂN DÂN", "XÃ PHÚ AN", "Số: 21/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Phú An, ngày 10 tháng 3 năm 2025", "KẾ HOẠCH", "Tổ chức ngày hội văn hóa", "Căn cứ tình hình thực tế."]
TAIL = ["Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Trần Văn Bảy"]


def test_a_plain_cut_off_is_sure():
    rec = record_of(HEAD + ["Các thôn gửi báo cáo về Ủy ban nhân dân xã trước ngày 30/4/2025."] + TAIL)
    (d,) = rec.deadlines
    assert d.confidence >= REVIEW_THRESHOLD and d.review == []
    assert rec.meta.confidence["issuer"] >= REVIEW_THRESHOLD and "issuer" not in rec.meta.review


def test_inferred_year_and_a_missing_owner_are_reasons():
    rec = record_of(HEAD + ["Thời hạn nộp hồ sơ trước ngày 15/4."] + TAIL)
    (d,) = rec.deadlines
    assert d.year_inferred and d.responsible is None
    assert d.confidence < REVIEW_THRESHOLD
    assert set(d.review) >= {"năm được suy ra từ văn bản", "không tìm thấy đơn vị chủ trì"}


def test_a_cut_off_before_the_document_date_is_a_reason():
    rec = record_of(HEAD + ["Các thôn gửi báo cáo về Ủy ban nhân dân xã trước ngày 01/3/2025."] + TAIL)
    (d,) = rec.deadlines
    assert "hạn chót sớm hơn ngày ban hành" in d.review and d.confidence < REVIEW_THRESHOLD


def test_low_ocr_confidence_is_a_reason_with_its_figure():
    rec = record_of(HEAD + ["Các thôn gửi báo cáo về Ủy ban nhân dân xã trước ngày 30/4/2025."] + TAIL,
                    confidence=54.0)
    (d,) = rec.deadlines
    assert "độ tin cậy OCR thấp (54%)" in d.review and d.confidence < REVIEW_THRESHOLD
    assert rec.meta.review.get("number") == [ocr_low(54.0)]


def test_blank_number_and_date_and_guessed_issuer_are_flagged_per_field():
    head = ["Số:      /KH-UBND", "Phú An, ngày    tháng 3 năm 2025", "KẾ HOẠCH", "Tổ chức ngày hội văn hóa", "",
            "Ủy ban nhân dân xã Phú An ban hành kế hoạch tổ chức ngày hội như sau:"]
    rec = record_of(head + ["Các thôn đăng ký trước ngày 30/4/2025."] + TAIL)
    meta = rec.meta
    assert meta.number is None and meta.review["number"] == ["số văn bản để trống"]
    assert meta.issued_on is None and meta.review["issued_on"] == ["ngày ban hành để trống hoặc không đọc được"]
    assert meta.issuer == "Ủy ban nhân dân xã Phú An"
    assert meta.review["issuer"] == ["cơ quan ban hành suy ra từ nội dung văn bản"]
    assert meta.confidence["issuer"] < REVIEW_THRESHOLD
    data = rec.to_dict()["document"]
    assert data["review"]["number"] == ["số văn bản để trống"] and 0 <= data["confidence"]["number"] <= 1


def test_doubts_add_up_once_each():
    doubt = Doubt(0.9).add(True, "a", 0.2).add(True, "a", 0.2).add(False, "b", 0.5)
    assert doubt.reasons == ["a"] and doubt.confidence == 0.7
    assert Doubt(0.9).add(True, "x", 5.0).confidence == 0.05
