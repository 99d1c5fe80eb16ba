"""Round-5 rules, each checked on invented sentences other than the held-out-5 documents."""
from __future__ import annotations

from pipeline.extractors.structure import is_name as _is_name
from pipeline.model import Document, DocumentMeta, Location, Paragraph
from pipeline.extractors.quotas import quotas_in_sentence
from pipeline.extractors.timeline import extract_timeline


def quotas(sentence: str) -> list[tuple]:
    return [(q.subject, q.minimum, q.unit) for q in quotas_in_sentence(sentence)]


def test_share_opening_the_sentence_counts_the_units_after_it():
    """``Ít nhất 70% đoàn viên …``: nothing before the minimum word, so the units after the share are the subject."""
    assert quotas("- Ít nhất 70% đoàn viên tham gia hoạt động tình nguyện hè.") == [("đoàn viên", 70, "percent")]
    assert quotas("Tối thiểu 60% giáo viên được bồi dưỡng kỹ năng số.") == [("giáo viên", 60, "percent")]


def test_aim_verb_before_the_share_keeps_no_subject_from_the_units():
    """``Phấn đấu trên 95% hộ …``: the one striving is the issuer (left empty here), not the households."""
    assert quotas("Phấn đấu trên 95% hộ dân được sử dụng nước sạch.") == [(None, 95, "percent")]


def test_comparison_word_after_a_semicolon_is_not_a_subject():
    got = quotas("Chỉ tiêu: mỗi tổ dân phố có ít nhất 01 tổ hòa giải; trên 85% hộ dân ký cam kết giữ gìn vệ sinh.")
    assert ("mỗi tổ dân phố", 1, "count") in got
    assert ("hộ dân", 85, "percent") in got
    assert all(s != "trên" for s, _, _ in got)


def test_danh_is_a_surname_unless_it_opens_a_noun():
    assert _is_name("Danh Út")
    assert _is_name("Danh Thị Kim Phượng")
    assert not _is_name("Danh Sách Đăng Ký")
    assert not _is_name("DANH SÁCH ĐĂNG KÝ", strict_caps=False)


def _deadlines(lines: list[str]):
    doc = Document(path="t.txt", sha256="0", format="txt")
    for i, text in enumerate(lines):
        doc.blocks.append(Paragraph(text, Location(line=i + 1)))
    deadlines, _ = extract_timeline(doc, DocumentMeta(kind="plan", issued_on="2026-02-01"), [])
    return deadlines


def test_co_so_hoi_or_doan_is_a_responsible_body():
    got = _deadlines(["- Các cơ sở Đoàn gửi báo cáo sơ kết về Văn phòng Huyện đoàn trước ngày 20/6/2026."])
    assert [(d.due, d.responsible) for d in got] == [("2026-06-20", "Các cơ sở Đoàn")]


def test_co_so_alone_is_not_a_body():
    """``cơ sở vật chất`` is equipment, not a unit: no responsible body is read from it."""
    got = _deadlines(["- Cơ sở vật chất được sửa chữa xong trước ngày 15/8/2026."])
    assert [d.responsible for d in got] in ([None], [])


def test_deadline_label_names_the_task_when_no_verb_is_written():
    got = _deadlines(["Hạn chót tiếp nhận bài dự thi: 30/9/2026."])
    assert [(d.due, d.action) for d in got] == [("2026-09-30", "tiếp nhận bài dự thi")]


def test_share_with_tro_len_opening_the_sentence_counts_the_units_after_it():
    assert quotas("- 85% trở lên số thôn đạt danh hiệu Thôn văn hóa.") == [("số thôn", 85, "percent")]
    assert quotas("Phấn đấu 85% trở lên số thôn đạt danh hiệu Thôn văn hóa.") == [(None, 85, "percent")]


def test_more_verbs_end_an_each_subject():
    assert quotas("- Mỗi đoàn viên trồng ít nhất 05 cây xanh.") == [("Mỗi đoàn viên", 5, "count")]
    assert quotas("- Mỗi chi hội đóng góp tối thiểu 20 ngày công.") == [("Mỗi chi hội", 20, "count")]
