"""Deadline rules that must not depend on how underthesea segments the words around a trigger.

Run: ``.venv/bin/pytest -q tests/extractors/test_timeline_general.py``. Invented sentences (other bodies,
provinces and campaigns than the dev and held-out sets) through the real underthesea/spaCy
pipeline; provenance through the real text reader and a real PDF (reportlab + pdfplumber).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Document, DocumentMeta, Location, Paragraph
from pipeline.readers import text as text_reader
from pipeline.extractors.timeline import extract_timeline
from doc_helpers import lines_doc


def run(lines: list[str], issued_on: str | None = "2024-09-02", kind: str = "plan"):
    warnings: list[str] = []
    deadlines, milestones = extract_timeline(lines_doc(lines), DocumentMeta(kind=kind, issued_on=issued_on), warnings)
    return deadlines, milestones, warnings


# ---------------------------------------------------------------- item 1/2: triggers

BODIES = ["Ban Tuyên giáo Đảng uỷ", "Ban Tổ chức Đảng ủy", "Văn phòng Thị uỷ", "Ủy ban Kiểm tra Tỉnh ủy",
          "Ban Dân vận Huyện ủy", "Hội Nông dân xã", "Phòng Văn hóa - Thông tin", "Ban Chấp hành Đoàn phường",
          "Liên đoàn Lao động huyện", "Ban Dân vận Quận ủy"]
TRIGGERS = ["chậm nhất ngày", "chậm nhất là ngày", "trước ngày", "hạn chót ngày", "không muộn hơn ngày"]


@pytest.mark.parametrize("trigger", TRIGGERS)
@pytest.mark.parametrize("body", BODIES)
def test_trigger_after_any_body_name_is_a_deadline(body, trigger):
    sentence = f"Các chi hội gửi báo cáo sơ kết về {body} {trigger} 12/10/2024."
    deadlines, milestones, _ = run([sentence])
    assert [d.due for d in deadlines] == ["2024-10-12"], sentence
    assert milestones == []
    assert deadlines[0].recipient == body


@pytest.mark.parametrize("sentence, due", [
    ("- Hạn chót nộp bản đăng ký thi đua của các chi đoàn trực thuộc là ngày 20/10/2024.", "2024-10-20"),
    ("Thời hạn gửi hồ sơ đề nghị khen thưởng tập thể, cá nhân tiêu biểu về Hội đồng Thi đua: 05/11/2024.",
     "2024-11-05"),
    ("Hạn cuối tiếp nhận bài dự thi viết về gương người tốt việc tốt là ngày 30 tháng 11 năm 2024.",
     "2024-11-30"),
    ("Hạn nộp sản phẩm tham gia cuộc thi sáng tác ảnh nghệ thuật là ngày 15/12/2024; ban tổ chức trả "
     "kết quả sau đó.", "2024-12-15"),
])
def test_deadline_noun_reaches_the_date_across_its_clause(sentence, due):
    deadlines, milestones, _ = run([sentence])
    assert [d.due for d in deadlines] == [due]
    assert milestones == []


def test_deadline_noun_does_not_reach_across_another_date_or_sentence():
    deadlines, milestones, _ = run([
        "Thời hạn triển khai từ ngày 01/10/2024 và tổ chức hội thi vào ngày 10/11/2024.",
        "Hạn chót đăng ký đã được thông báo. Hội nghị tổng kết tổ chức ngày 20/12/2024.",
    ])
    assert deadlines == []
    assert {m.start for m in milestones} >= {"2024-11-10", "2024-12-20"}


# ---------------------------------------------------------------- item 3: responsible / recipient

def test_possessive_list_is_not_the_actor_the_heading_is():
    deadlines, _, _ = run([
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Ban Tuyên giáo Thị uỷ",
        "- Tổng hợp kết quả học tập của các đảng bộ, chi bộ, báo cáo Thường trực Thị uỷ trước ngày 25/11/2024.",
    ])
    assert [(d.responsible, d.recipient) for d in deadlines] == [("Ban Tuyên giáo Thị uỷ", "Thường trực Thị uỷ")]


def test_a_subject_after_a_possessive_clause_is_still_the_subject():
    deadlines, _, _ = run(["Căn cứ kế hoạch của Thị ủy, các chi bộ khu phố báo cáo kết quả về Đảng ủy phường "
                           "trước ngày 25/11/2024."])
    assert [(d.responsible, d.recipient) for d in deadlines] == [("các chi bộ khu phố", "Đảng ủy phường")]


def test_bodies_after_a_directive_verb_are_addressees_not_the_actor():
    deadlines, _, _ = run([
        "III. TỔ CHỨC THỰC HIỆN",
        "2. Phòng Giáo dục và Đào tạo",
        "- Chỉ đạo các trường tiểu học, trung học cơ sở đăng ký mô hình, gửi danh sách về UBND huyện "
        "trước ngày 18/10/2024.",
    ])
    assert [d.responsible for d in deadlines] == ["Phòng Giáo dục và Đào tạo"]
    assert deadlines[0].recipient == "UBND huyện"


def test_a_document_noun_is_not_an_actor_in_a_letter_the_addressees_are():
    deadlines, _, _ = run([
        "Kính gửi:",
        "- Hội Liên hiệp Phụ nữ xã;",
        "- Các chi hội phụ nữ ấp.",
        "Thực hiện chỉ đạo của Hội cấp trên, Hội Liên hiệp Phụ nữ xã hướng dẫn như sau:",
        "1. Mỗi ấp chọn ít nhất 01 mô hình tiêu biểu.",
        "2. Báo cáo tổng hợp (theo mẫu) gửi về Văn phòng Đảng ủy xã chậm nhất ngày 22/10/2024.",
    ], kind="official_letter")
    assert len(deadlines) == 1
    assert deadlines[0].responsible == "Hội Liên hiệp Phụ nữ xã và Các chi hội phụ nữ ấp"
    assert deadlines[0].recipient == "Văn phòng Đảng ủy xã"


def test_inline_addressees_are_read_too():
    deadlines, _, _ = run([
        "Kính gửi: Ủy ban nhân dân các xã, thị trấn",
        "Hồ sơ đề nghị công nhận gửi về Phòng Nội vụ trước ngày 08/11/2024.",
    ], kind="official_letter")
    assert [d.responsible for d in deadlines] == ["Ủy ban nhân dân các xã, thị trấn"]


@pytest.mark.parametrize("sentence, recipient", [
    ("Phòng Tư pháp tổng hợp, báo cáo UBND huyện kết quả rà soát trước ngày 14/11/2024.", "UBND huyện"),
    ("Ban Thường trực Ủy ban MTTQ thị trấn báo cáo về Ban Thường trực Ủy ban MTTQ huyện, tỉnh trước ngày "
     "14/11/2024.", "Ban Thường trực Ủy ban MTTQ huyện, tỉnh"),
    ("Các chi đoàn gửi về Ban Thường vụ Đoàn phường, xã danh sách đoàn viên trước ngày 14/11/2024.",
     "Ban Thường vụ Đoàn phường, xã"),
    ("Các trường gửi hồ sơ về Hội đồng thẩm định huyện trước ngày 14/11/2024.", "Hội đồng thẩm định huyện"),
    ("Các khu phố gửi về Văn phòng HĐND-UBND phường, Ban Dân vận Đảng ủy phường trước ngày 14/11/2024.",
     "Văn phòng HĐND-UBND phường"),
])
def test_recipient_stops_before_objects_and_keeps_place_lists(sentence, recipient):
    deadlines, _, _ = run([sentence])
    assert [d.recipient for d in deadlines] == [recipient]


def test_responsible_stops_before_the_verbs():
    deadlines, _, _ = run(["Văn phòng Huyện đoàn theo dõi, đôn đốc, báo cáo kết quả về Ban Thường vụ "
                           "Tỉnh đoàn trước ngày 03/12/2024."])
    assert [(d.responsible, d.recipient) for d in deadlines] == [("Văn phòng Huyện đoàn", "Ban Thường vụ Tỉnh đoàn")]


# ---------------------------------------------------------------- item 4: relative limits

@pytest.mark.parametrize("sentence", [
    "Trong vòng 07 ngày làm việc kể từ ngày nhận được hồ sơ, Phòng Nội vụ thẩm định và trả lời bằng văn bản.",
    "Các đơn vị gửi báo cáo chậm nhất sau 02 tháng kể từ khi kết thúc đợt thi đua.",
    "Chậm nhất 10 ngày sau hội nghị, các chi bộ báo cáo kết quả về Đảng ủy.",
])
def test_relative_limits_are_dateless_deadlines_never_a_guessed_date(sentence):
    deadlines, milestones, warnings = run([sentence])
    assert [d.due for d in deadlines] == [None] and milestones == []
    assert deadlines[0].review[0] == "hạn tính từ một sự việc, chưa có ngày cụ thể"
    assert deadlines[0].responsible is not None


# ---------------------------------------------------------------- item 5: provenance

WRAPPED = """UBND XÃ HÒA PHONG
Số: 77/KH-UBND

KẾ HOẠCH
Triển khai phong trào thi đua năm 2024

Thực hiện chỉ đạo của UBND huyện về phong trào thi đua năm 2024, UBND xã
ban hành kế hoạch triển khai như sau và đề nghị các thôn thực hiện tốt các
nội dung được giao, bảo đảm thiết thực, hiệu quả, tránh hình thức trong
quá trình triển khai thực hiện tại cơ sở.

1. Các thôn lựa chọn mô hình, điển hình tiên tiến để đăng ký thi đua, gửi
bản đăng ký về Văn phòng HĐND và UBND xã để tổng hợp, chậm nhất là ngày
25/10/2024 để kịp trình Hội đồng Thi đua - Khen thưởng xã xem xét.

2. Văn phòng HĐND và UBND xã tổng hợp danh sách các mô hình đăng ký của
các thôn, báo cáo UBND huyện (qua Phòng Nội vụ) kết quả thực hiện trước
ngày 05/11/2024 theo đúng quy định của UBND huyện.
"""


def test_text_reader_records_where_each_wrapped_line_starts(tmp_path: Path):
    path = tmp_path / "kh.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    doc = Document(path=str(path), sha256="0", format="txt")
    text_reader.read(path, doc)
    para = next(b for b in doc.blocks if isinstance(b, Paragraph) and b.text.startswith("1. Các thôn"))
    assert [n for _, n in para.line_starts] == [12, 13, 14]
    for offset, number in para.line_starts:  # each offset is where that file line's text begins
        assert para.text[offset:].startswith(WRAPPED.splitlines()[number - 1].strip())
    warnings: list[str] = []
    deadlines, _ = extract_timeline(doc, DocumentMeta(kind="plan", issued_on="2024-10-10"), warnings)
    lines = {d.due: d.location.line for d in deadlines}
    assert lines == {"2024-10-25": 14, "2024-11-05": 18}  # the line holding the date, not the paragraph's first


def test_pdf_reader_records_page_relative_line_starts(tmp_path: Path):
    from pipeline.readers import pdf as pdf_reader
    from readers_helpers import HEADER_OPS, make_pdf, wrap_ops

    text = ("Các chi hội nông dân lựa chọn mô hình sản xuất giỏi, đăng ký thi đua và gửi bản đăng ký về "
            "Văn phòng Hội Nông dân xã để tổng hợp, báo cáo Ban Thường vụ Hội Nông dân huyện chậm nhất là "
            "ngày 28/10/2024 theo đúng mẫu hướng dẫn.")
    ops, _ = wrap_ops(text, 220)
    path = make_pdf(tmp_path / "kh.pdf", [HEADER_OPS + ops])
    doc = Document(path=str(path), sha256="0", format="pdf")
    pdf_reader.read(path, doc)
    para = next(b for b in doc.blocks if isinstance(b, Paragraph) and "28/10/2024" in b.text)
    assert len(para.line_starts) >= 2 and para.line_starts[0] == (0, para.location.line)
    numbers = [n for _, n in para.line_starts]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    at = para.text.index("28/10/2024")
    expected = max(n for off, n in para.line_starts if off <= at)
    warnings: list[str] = []
    deadlines, _ = extract_timeline(doc, DocumentMeta(kind="plan", issued_on="2024-10-10"), warnings)
    assert [(d.due, d.location.page, d.location.line) for d in deadlines] == [("2024-10-28", 1, expected)]
    assert expected > para.location.line


# ---------------------------------------------------------------- a fronted "Đến ngày X," that measures a state

@pytest.mark.parametrize("sentence, issued_on", [
    ("Đến ngày 30/6/2024, toàn huyện đã có 214/260 hộ hoàn thành chỉnh trang hàng rào.", "2024-09-02"),
    ("Đến ngày 15/8/2024, có 41 chi hội nộp bản đăng ký, đạt 87%.", "2024-09-02"),
    ("Đến ngày 20/9/2024, các xã đã bàn giao 12 ha mặt bằng cho nhà đầu tư.", "2024-09-02"),
])
def test_fronted_until_telling_a_state_reached_is_no_deadline(sentence, issued_on):
    deadlines, milestones, _ = run([sentence], issued_on=issued_on)
    assert deadlines == [] and milestones == []


def test_fronted_until_ahead_of_the_document_still_closes_the_clause():
    deadlines, _, _ = run(["Đến ngày 31/12/2024, 100% hồ sơ đất đai được số hóa, cập nhật vào cơ sở dữ liệu."])
    assert [d.due for d in deadlines] == ["2024-12-31"]
