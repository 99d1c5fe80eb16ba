"""Deadlines and milestones (pipeline.extractors.timeline) on invented documents of several kinds.

Run: ``.venv/bin/pytest -q tests/extractors/test_timeline.py``. The documents below are made up (other
provinces, bodies and campaigns than the dev set) and go through the real underthesea/spaCy
pipeline; one also goes through the real text reader from a file.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Cell, Document, DocumentMeta, Location, Paragraph, Table
from pipeline.extractors.timeline import extract_timeline
from pipeline.extractors.timeline import _recipient
from pipeline.extractors.timeline import _sentences
from pipeline.files import extract_file
import sys
from doc_helpers import lines_doc, sheet


def make_doc(lines: list[str], start_line: int = 1, step: int = 1) -> Document:
    doc = Document(path="t.txt", sha256="0", format="txt")
    for i, text in enumerate(lines):
        if text:
            doc.blocks.append(Paragraph(text, Location(line=start_line + i * step)))
    return doc


def run(lines: list[str], issued_on: str | None = "2025-04-05", kind: str = "plan", **kw):
    warnings: list[str] = []
    meta = DocumentMeta(kind=kind, issued_on=issued_on)
    deadlines, milestones = extract_timeline(make_doc(lines, **kw), meta, warnings)
    return deadlines, milestones, warnings


PLAN = [
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
    "SỞ NỘI VỤ",
    "Số: 123/KH-SNV",
    "Tam Kỳ, ngày 05 tháng 4 năm 2025",
    "KẾ HOẠCH",
    "Tổ chức phong trào thi đua năm 2025",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ; Quyết định số 12/QĐ-UBND ngày 10/01/2025 "
    "của UBND tỉnh về việc ban hành Kế hoạch công tác năm 2025.",
    "Kỷ niệm 80 năm Cách mạng tháng Tám thành công (19/8/1945 - 19/8/2025) và 50 năm giải phóng (1975 - 2025).",
    "I. THỜI GIAN THỰC HIỆN",
    "1. Tháng 5/2025, các sở, ngành tổ chức phát động phong trào thi đua năm 2025.",
    "2. Giữa tháng 9/2025 Hội đồng thẩm định các mô hình tiêu biểu.",
    "3. Hội nghị tổng kết tổ chức lúc 8 giờ 00, thứ Sáu, ngày 19/12/2025 tại Hội trường UBND tỉnh.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. UBND các huyện, thị xã, thành phố",
    "- Gửi báo cáo kết quả về Sở Nội vụ (qua Ban Thi đua - Khen thưởng) chậm nhất là ngày 30/6/2025.",
    "- Định kỳ hằng năm, trước ngày 10/12 gửi danh sách đề nghị khen thưởng về Sở Nội vụ.",
    "- Báo cáo nhanh vào ngày 05 hằng tháng.",
    "2. Các sở, ban, ngành cấp tỉnh hoàn thành việc rà soát hồ sơ; hạn nộp hồ sơ: 15/8/2025.",
    "3. Sở Nội vụ tổng hợp kết quả, trình UBND tỉnh không muộn hơn ngày 31 tháng 8 năm 2025.",
    "Trong vòng 05 ngày làm việc kể từ ngày nhận hồ sơ, Sở Nội vụ thẩm định và trả lời bằng văn bản.",
    "Các phòng chuyên môn gửi hồ sơ trước ngày 31/2/2025.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, TĐKT.",
    "GIÁM ĐỐC",
    "Trần Văn An",
]


@pytest.fixture(scope="module")
def plan():
    return run(PLAN)


def by_due(deadlines):
    return {d.due: d for d in deadlines}


def test_deadline_triggers_give_exactly_the_cut_offs(plan):
    deadlines, _, _ = plan
    assert sorted(d.due for d in deadlines if d.due) == ["2025-06-30", "2025-08-15", "2025-08-31", "2025-12-10"]


def test_own_date_cited_dates_and_anniversaries_are_neither_deadlines_nor_milestones(plan):
    deadlines, milestones, _ = plan
    dates = {d.due for d in deadlines} | {m.start for m in milestones} | {m.end for m in milestones}
    for not_an_event in ("2025-04-05", "2023-12-31", "2025-01-10", "1945-08-19", "2025-08-19", "1975-01-01"):
        assert not_an_event not in dates


def test_deadline_fields(plan):
    d = by_due(plan[0])["2025-06-30"]
    assert d.responsible == "UBND các huyện, thị xã, thành phố"  # the heading the bullet sits under
    assert d.recipient == "Sở Nội vụ (qua Ban Thi đua - Khen thưởng)"
    assert d.action.startswith("gửi báo cáo kết quả")
    assert d.precision == "day" and not d.year_inferred and d.recurring is None
    assert d.text.startswith("Gửi báo cáo kết quả") and d.location.line == PLAN.index(PLAN[14]) + 1


def test_subject_before_the_verb_is_responsible(plan):
    d = by_due(plan[0])
    assert d["2025-08-15"].responsible == "Các sở, ban, ngành cấp tỉnh"
    assert d["2025-08-31"].responsible == "Sở Nội vụ"
    assert d["2025-08-31"].recipient == "UBND tỉnh"


def test_yearly_recurring_deadline_takes_the_document_year(plan):
    d = by_due(plan[0])["2025-12-10"]
    assert d.recurring == "yearly" and d.year_inferred
    assert d.recipient == "Sở Nội vụ"


def test_milestones_are_scheduled_periods(plan):
    _, milestones, _ = plan
    got = {(m.start, m.end, m.precision) for m in milestones}
    assert got == {("2025-05-01", "2025-05-31", "month"), ("2025-09-01", "2025-09-30", "month"),
                   ("2025-12-19", "2025-12-19", "day")}


def test_monthly_and_relative_limits_are_dateless_deadlines_an_unreadable_date_a_warning(plan):
    """Decision (spec: relative deadlines, recurring dates): a duty with no calendar date is a deadline with
    ``due: null`` and a Vietnamese reason — never a guessed date, never on the calendar; a date written but
    impossible to read (31/2) is a warning."""
    deadlines, _, warnings = plan
    dateless = {d.text: d for d in deadlines if d.due is None}
    monthly = dateless["Báo cáo nhanh vào ngày 05 hằng tháng."]
    assert (monthly.recurring, monthly.precision) == ("monthly", "month")
    assert monthly.responsible == "UBND các huyện, thị xã, thành phố"
    relative = next(d for t, d in dateless.items() if "05 ngày làm việc" in t)
    assert relative.responsible == "Sở Nội vụ" and relative.recurring is None
    assert all(d.confidence < 0.7 and d.review for d in dateless.values())
    assert len(dateless) == 2
    text = "\n".join(warnings)
    assert "could not be read" in text and "31/2/2025" in text


def test_hard_wrapped_lines_are_joined_and_the_date_line_is_located():
    lines = [
        "Căn cứ Chương trình công tác năm 2025, Ban Thường vụ Huyện ủy đề nghị các chi bộ, đảng bộ cơ",
        "sở đăng ký các mô hình “Dân vận khéo” năm 2025.",
        "Thời gian đăng ký mô hình gửi về Ban Dân vận Huyện ủy (qua Văn",
        "phòng) trước ngày 20/3/2025. Ban Dân vận Huyện ủy thẩm định các mô hình",
        "vào cuối tháng 10/2025.",
    ]
    deadlines, milestones, _ = run(lines, issued_on=None, start_line=11, step=2)
    assert len(deadlines) == 1
    d = deadlines[0]
    assert d.due == "2025-03-20" and d.location.line == 17  # the line holding the date
    assert d.recipient == "Ban Dân vận Huyện ủy (qua Văn phòng)"
    assert d.responsible == "các chi bộ, đảng bộ cơ sở"  # the bodies asked to register, earlier on
    assert [(m.start, m.end) for m in milestones] == [("2025-10-01", "2025-10-31")]
    assert milestones[0].location.line == 19


def test_year_is_inferred_from_the_body_when_the_date_line_is_missing():
    lines = ["Kế hoạch công tác năm 2026 của Hội Cựu chiến binh xã.",
             "Các chi hội báo cáo kết quả năm 2026 về Thường trực Hội trước ngày 15/11."]
    deadlines, _, _ = run(lines, issued_on=None)
    assert [(d.due, d.year_inferred) for d in deadlines] == [("2026-11-15", True)]
    assert deadlines[0].responsible == "Các chi hội" and deadlines[0].recipient == "Thường trực Hội"


@pytest.mark.parametrize("sentence, due", [
    ("Hạn chót nộp báo cáo là ngày 15/10/2025.", "2025-10-15"),
    ("Các xã hoàn thành trước 30/11/2025.", "2025-11-30"),
    ("Thời gian thực hiện: từ ngày ký đến hết ngày 31/12/2025.", "2025-12-31"),
    ("Các trường gửi hồ sơ không quá ngày 05/6/2025.", "2025-06-05"),
    ("Đoàn Thanh niên hoàn thành đến ngày 20/7/2025.", "2025-07-20"),
    ("Hạn cuối: 10/9/2025.", "2025-09-10"),
    ("Chậm nhất vào ngày 01/10/2025 các đơn vị phải gửi báo cáo.", "2025-10-01"),
])
def test_trigger_shapes(sentence, due):
    deadlines, milestones, _ = run([sentence])
    assert [d.due for d in deadlines] == [due]
    assert milestones == []


@pytest.mark.parametrize("sentence", [
    "Thực hiện Thông báo số 194-TB/ĐU ngày 05/2/2025 của Ban Thường vụ Đảng ủy.",
    "Căn cứ Kế hoạch số 03-KH/BDVTU, ngày 29/01/2025 của Ban Dân vận Thành ủy.",
    "Hà Nội, ngày 12 tháng 3 năm 2025",
    "Phong trào thi đua “Dân vận khéo” năm 2025 được triển khai sâu rộng.",
    "Trong năm 2025 các đơn vị đăng ký thực hiện mô hình.",
    "Từ ngày 01/3/2025 đến ngày 31/5/2025 tổ chức tuyên truyền kỷ niệm 95 năm thành lập (03/02/1930 - 03/02/2025).",
])
def test_sentences_without_deadlines(sentence):
    deadlines, milestones, _ = run([sentence])
    assert deadlines == []
    if "Từ ngày" in sentence:
        assert [(m.start, m.end) for m in milestones] == [("2025-03-01", "2025-05-31")]
    else:
        assert milestones == []


def test_registration_table_periods_are_not_milestones():
    doc = make_doc(["DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2025"])
    rows = [["TT", "Tên mô hình", "Thời gian thực hiện"], ["1", "Mô hình A", "Tháng 3 - 12/2025"],
            ["2", "Mô hình B", "Quý II - III/2025"]]
    cells = [[Cell(t, r, c, location=Location(line=10 + r)) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    doc.blocks.append(Table(cells, Location(line=10), index=0))
    doc.blocks.append(Paragraph("Vinh Tân, ngày 05 tháng 02 năm 2025", Location(line=20)))
    for kind in ("registration_form", "other"):
        deadlines, milestones = extract_timeline(doc, DocumentMeta(kind=kind), [])
        assert deadlines == [] and milestones == []


def test_text_file_through_the_reader(tmp_path: Path):
    from pipeline.readers import read

    text = ("UBND XÃ AN PHÚ\n\nSố: 15/KH-UBND\n\nAn Phú, ngày 02 tháng 01 năm 2025\n\nKẾ HOẠCH\n\n"
            "Triển khai công tác chuyển đổi số năm 2025\n\n"
            "1. Quý I/2025: các thôn rà soát dữ liệu dân cư.\n\n"
            "2. Các thôn gửi báo cáo về UBND xã trước ngày 25/3/2025.\n\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nLê Văn Bình\n")
    path = tmp_path / "kh.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    deadlines, milestones = extract_timeline(doc, DocumentMeta(kind="plan", issued_on="2025-01-02"), [])
    assert [(d.due, d.responsible, d.recipient) for d in deadlines] == [("2025-03-25", "Các thôn", "UBND xã")]
    assert [(m.start, m.end, m.precision) for m in milestones] == [("2025-01-01", "2025-03-31", "quarter")]


def test_empty_and_odd_documents_do_not_crash():
    assert extract_timeline(Document(path="x", sha256="0", format="txt"), DocumentMeta(), []) == ([], [])
    odd = ["", "   ", "****", "ngày ngày tháng năm", "- - -", "12/12/12/12/12", "trước ngày"]
    deadlines, milestones, _ = run(odd, issued_on="not a date")
    assert isinstance(deadlines, list) and isinstance(milestones, list)


PARTY_LETTER = [
    "ĐẢNG BỘ TỈNH BÌNH ĐỊNH", "HUYỆN ỦY PHÙ CÁT", "*", "Số 245-CV/HU", "V/v tổ chức sơ kết 6 tháng đầu năm 2025",
    "ĐẢNG CỘNG SẢN VIỆT NAM", "Phù Cát, ngày 02 tháng 6 năm 2025",
    "Kính gửi: Các chi, đảng bộ cơ sở trực thuộc Huyện ủy.",
    "Thực hiện Hướng dẫn số 12-HD/BTGTU, ngày 15/5/2025 của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Huyện ủy "
    "đề nghị các chi, đảng bộ cơ sở thực hiện một số nội dung sau:",
    "1. Tổ chức hội nghị sơ kết 6 tháng đầu năm 2025, hoàn thành trước ngày 15/7/2025.",
    "2. Báo cáo sơ kết gửi về Ban Tuyên giáo Huyện ủy trước ngày 20/7/2025 (qua email: btg@phucat.gov.vn, "
    "điện thoại 0256.3850.123).",
    "3. Kỷ niệm 95 năm Ngày thành lập Đảng bộ tỉnh (1930 - 2025): các cơ sở đảng xây dựng kế hoạch trong tháng 7/2025.",
    "a) Đảng ủy các xã, thị trấn: chỉ đạo các chi bộ thôn đăng ký mô hình điểm, gửi Ban Dân vận Huyện ủy "
    "chậm nhất ngày 30/9/2025.",
    "Nơi nhận:", "- Như kính gửi,", "- Lưu Văn phòng Huyện ủy.", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Hùng",
]


def test_party_letter_actor_is_the_body_asked_to_act():
    deadlines, milestones, _ = run(PARTY_LETTER, issued_on="2025-06-02", kind="official_letter")
    got = {d.due: (d.responsible, d.recipient, d.action) for d in deadlines}
    assert got == {
        "2025-07-15": ("các chi, đảng bộ cơ sở", None, "tổ chức hội nghị sơ kết 6 tháng đầu năm 2025"),
        "2025-07-20": ("các chi, đảng bộ cơ sở", "Ban Tuyên giáo Huyện ủy", "báo cáo sơ kết"),
        "2025-09-30": ("Đảng ủy các xã, thị trấn", "Ban Dân vận Huyện ủy", got["2025-09-30"][2]),
    }
    spans = {(m.start, m.end) for m in milestones}
    assert ("2025-07-01", "2025-07-31") in spans and not any(s.startswith("1930") for s, _ in spans)


def test_reflowed_paragraph_keeps_the_line_of_the_date_when_the_reader_says_where_lines_start():
    first = "Các xã gửi báo cáo về UBND huyện"
    text = first + " trước ngày 15/3/2025 để tổng hợp."
    doc = Document(path="t.txt", sha256="0", format="txt")
    doc.blocks.append(Paragraph(text, Location(line=40), line_starts=[(0, 40), (len(first) + 1, 42)]))
    deadlines, _ = extract_timeline(doc, DocumentMeta(kind="plan", issued_on="2025-01-01"), [])
    assert [(d.due, d.location.line) for d in deadlines] == [("2025-03-15", 42)]


SCHEDULE = [
    "ỦY BAN MTTQ HUYỆN ĐỨC PHỔ", "Số: 56/KH-MTTQ-BTT", "Đức Phổ, ngày 10 tháng 3 năm 2025", "KẾ HOẠCH",
    "III. TIẾN ĐỘ THỰC HIỆN",
    "- Tháng 3/2025: Ban Thường trực xây dựng kế hoạch, hướng dẫn.",
    "- Từ 15/4 - 30/4/2025: Các khu dân cư tổ chức tuyên truyền.",
    "- Trước 30/5/2025: Ban Công tác Mặt trận các thôn gửi báo cáo về Ủy ban MTTQ xã.",
    "- Quý III/2025: Ban Thường trực kiểm tra tại cơ sở.",
    "- Ngày 18/11/2025: Tổ chức Ngày hội tại các khu dân cư.",
    "- Đầu tháng 12/2025: Tổng kết, khen thưởng.",
    "Kế hoạch này thay thế Kế hoạch số 12/KH-MTTQ-BTT ngày 02/3/2024 và được phổ biến trong năm 2025.",
]


def test_schedule_list_gives_milestones_and_one_cut_off():
    deadlines, milestones, _ = run(SCHEDULE, issued_on="2025-03-10")
    assert [(d.due, d.responsible, d.recipient) for d in deadlines] == [
        ("2025-05-30", "Ban Công tác Mặt trận các thôn", "Ủy ban MTTQ xã")]
    assert [(m.start, m.end, m.precision) for m in milestones] == [
        ("2025-03-01", "2025-03-31", "month"), ("2025-04-15", "2025-04-30", "day"),
        ("2025-07-01", "2025-09-30", "quarter"), ("2025-11-18", "2025-11-18", "day"),
        ("2025-12-01", "2025-12-31", "month")]
    assert milestones[0].text == "Tháng 3/2025: Ban Thường trực xây dựng kế hoạch, hướng dẫn."


@pytest.mark.parametrize("sentence, dues", [
    ("Các đơn vị báo cáo trước ngày 15/6/2025 và ngày 15/12/2025.", ["2025-06-15", "2025-12-15"]),
    ("Ngày 30/6/2025 là hạn cuối nộp hồ sơ.", ["2025-06-30"]),
    ("Thời gian hoàn thành: 30/9/2025.", ["2025-09-30"]),
    ("Các xã hoàn thành trong tháng 10/2025.", ["2025-10-31"]),
    ("Trước 17 giờ ngày 20/3/2025, các xã nộp hồ sơ về Phòng Nội vụ.", ["2025-03-20"]),
])
def test_more_cut_off_shapes(sentence, dues):
    deadlines, milestones, _ = run([sentence])
    assert [d.due for d in deadlines] == dues and milestones == []


def test_start_of_a_relative_window_is_a_dateless_deadline_and_an_open_start_a_milestone():
    deadlines, milestones, warnings = run(["Trong thời hạn 05 ngày kể từ ngày 15/3/2025, các đơn vị gửi ý kiến.",
                                           "Từ tháng 3/2025, các đơn vị triển khai thực hiện."])
    assert [(d.due, d.responsible) for d in deadlines] == [(None, "các đơn vị")]
    assert [(m.start, m.end) for m in milestones] == [("2025-03-01", None)]  # an open start


def test_a_december_plan_puts_undated_january_cut_offs_in_the_next_year():
    deadlines, _, _ = run(["Các xã gửi báo cáo về UBND huyện trước ngày 15/01."], issued_on="2024-12-20")
    assert [(d.due, d.year_inferred) for d in deadlines] == [("2025-01-15", True)]


def test_number_and_place_date_on_one_line_and_text_tables_are_skipped():
    lines = ["Số: 46/KH-UBND Phổ Minh, ngày 19 tháng 3 năm 2024",
             "| TT | Tên mô hình | Thời gian thực hiện |",
             "| 1 | Đường hoa khối 5 | Tháng 01 - 12/2024 |",
             "2\tCamera an ninh\tQuý II - III/2024",
             "Hội nghị tổ chức tại Hà Nội, ngày 20 tháng 5 năm 2024."]
    deadlines, milestones, _ = run(lines, issued_on="2024-03-19")
    assert deadlines == []
    assert [(m.start, m.end) for m in milestones] == [("2024-05-20", "2024-05-20")]


def _table(rows: list[list[str]], index: int = 0) -> Table:
    cells = [[Cell(t, r, c, location=Location(line=50 + r)) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    return Table(cells, Location(line=50), index=index)


def test_a_plan_timetable_gives_deadlines_and_milestones_per_row():
    doc = make_doc(["KẾ HOẠCH", "Triển khai chuyển đổi số năm 2025"])
    doc.blocks.append(_table([
        ["STT", "Nội dung công việc", "Thời gian", "Đơn vị chủ trì"],
        ["1", "Xây dựng kế hoạch chi tiết", "Tháng 4/2025", "Văn phòng UBND"],
        ["2", "Báo cáo kết quả về UBND huyện", "Trước 30/6/2025", "Các thôn"],
        ["3", "Tổng kết", "Quý IV/2025", "UBND xã"],
        ["4", "Thường xuyên cập nhật", "Thường xuyên", "Các ban"],
    ]))
    deadlines, milestones = extract_timeline(doc, DocumentMeta(kind="plan", issued_on="2025-03-01"), [])
    assert [(d.due, d.responsible, d.recipient, d.location.table, d.location.row) for d in deadlines] == [
        ("2025-06-30", "Các thôn", "UBND huyện", 0, 2)]
    assert [(m.start, m.end, m.text) for m in milestones] == [
        ("2025-04-01", "2025-04-30", "Xây dựng kế hoạch chi tiết"), ("2025-10-01", "2025-12-31", "Tổng kết")]


def test_completion_column_makes_every_row_a_cut_off():
    doc = make_doc(["KẾ HOẠCH"])
    doc.blocks.append(_table([["TT", "Nhiệm vụ", "Thời gian hoàn thành", "Cơ quan thực hiện"],
                              ["1", "Rà soát hồ sơ", "15/5/2025", "Phòng Nội vụ"]]))
    deadlines, milestones = extract_timeline(doc, DocumentMeta(kind="plan", issued_on="2025-03-01"), [])
    assert [(d.due, d.responsible) for d in deadlines] == [("2025-05-15", "Phòng Nội vụ")] and milestones == []


NOTICE = [
    "UBND HUYỆN NÚI THÀNH", "VĂN PHÒNG", "Số: 45/TB-VP", "Núi Thành, ngày 14 tháng 3 năm 2025", "THÔNG BÁO",
    "Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban ngày 10/3/2025",
    "Ngày 10/3/2025, Chủ tịch UBND huyện chủ trì cuộc họp giao ban tháng 3/2025.",
    "1. Phòng Tài chính - Kế hoạch tham mưu phương án phân bổ vốn, trình UBND huyện trước ngày 25/3/2025.",
    "2. UBND các xã, thị trấn đẩy nhanh tiến độ giải ngân, hoàn thành trước 30/6/2025; báo cáo kết quả về "
    "UBND huyện (qua Phòng Tài chính - Kế hoạch) định kỳ vào ngày 20 hằng tháng.",
    "3. Trước 15/4/2025: Gửi báo cáo sơ kết quý I về Văn phòng.",
    "4. Cuộc họp giao ban tháng 4/2025 tổ chức vào lúc 14 giờ 00, thứ Hai, ngày 07/4/2025.",
]


def test_notice_of_conclusions():
    deadlines, milestones, warnings = run(NOTICE, issued_on="2025-03-14", kind="notice")
    got = {d.due: (d.responsible, d.recipient, d.action) for d in deadlines if d.due}
    assert got["2025-03-25"][:2] == ("Phòng Tài chính - Kế hoạch", "UBND huyện")
    assert got["2025-06-30"] == ("UBND các xã, thị trấn", "UBND huyện (qua Phòng Tài chính - Kế hoạch)",
                                 "đẩy nhanh tiến độ giải ngân")
    assert got["2025-04-15"][1:] == ("Văn phòng", "gửi báo cáo sơ kết quý I")
    assert got["2025-03-25"][2] == "tham mưu phương án phân bổ vốn"
    assert len(got) == 3
    # the past meeting is not scheduled; the next one is, on its day (not the whole month)
    assert [(m.start, m.end) for m in milestones] == [("2025-04-07", "2025-04-07")]
    # "báo cáo … định kỳ vào ngày 20 hằng tháng": a monthly duty, kept without a date
    assert [(d.recurring, d.responsible) for d in deadlines if d.due is None] == [("monthly", "UBND các xã, thị trấn")]


@pytest.mark.parametrize("sentence, recipient", [
    ("Các chi bộ nộp danh sách qua Văn phòng Đảng ủy trước ngày 10/4/2025.", "Văn phòng Đảng ủy"),
    ("Các chi bộ gửi qua Văn phòng Đảng ủy trước ngày 10/4/2025.", "Văn phòng Đảng ủy"),
    ("Các trường nộp hồ sơ về Phòng Giáo dục và Đào tạo huyện trước ngày 10/4/2025.",
     "Phòng Giáo dục và Đào tạo huyện"),
    ("Các xã báo cáo Thường trực Huyện ủy chậm nhất ngày 10/4/2025.", "Thường trực Huyện ủy"),
    ("Các xã hoàn thành việc rà soát trước ngày 10/4/2025.", None),
])
def test_recipients(sentence, recipient):
    deadlines, _, _ = run([sentence])
    assert [d.recipient for d in deadlines] == [recipient]


# --------------------------------------------------------------------------- responsible bodies, recipients and sentences

def timeline(lines: list[str], issued_on: str = "2024-09-02", kind: str = "plan"):
    return run(lines, issued_on=issued_on, kind=kind)


FORM_HEAD = ["TT", "Tên mô hình", "Tập thể, cá nhân chỉ đạo xây dựng mô hình", "Địa chỉ thực hiện", "Lĩnh vực",
             "Thời gian thực hiện"]


def _deadlines(lines: list[str]):
    doc = Document(path="t.txt", sha256="0", format="txt")
    for i, text in enumerate(lines):
        doc.blocks.append(Paragraph(text, Location(line=i + 1)))
    deadlines, _ = extract_timeline(doc, DocumentMeta(kind="plan", issued_on="2026-02-01"), [])
    return deadlines


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
    doc = lines_doc(["Các tổ dân phố gửi danh sách hộ nghèo về Phòng Lao động qua thư điện tử pld@quan7.gov.vn "
                "trước ngày 09/10/2025."])
    deadlines, _ = extract_timeline(doc, DocumentMeta(kind="official_letter", issued_on="2025-09-20"), [])
    assert [d.due for d in deadlines] == ["2025-10-09"]
    assert deadlines[0].recipient == "Phòng Lao động"


def test_xlsx_form_notes_below_the_grid_carry_a_deadline(tmp_path: Path):
    path = sheet(tmp_path / "mau.xlsx", [
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


def test_milestone_sentence_repeating_a_short_title():
    """A short title recurring inside a scheduled item does not make the item a title."""
    doc = lines_doc(["KẾ HOẠCH", "Tuyên truyền phòng chống ma túy năm 2027",
                "1. Ban Chỉ đạo sơ kết công tác tuyên truyền phòng chống ma túy năm 2027, dự kiến tổ chức vào "
                "giữa tháng 8/2027."], step=2)
    meta = DocumentMeta(kind="plan", issued_on="2027-02-01", title="Tuyên truyền phòng chống ma túy năm 2027")
    _, milestones = extract_timeline(doc, meta, [])
    assert ("2027-08-01", "2027-08-31") in [(m.start, m.end) for m in milestones]


def test_recipient_before_a_purpose_clause():
    got = _recipient("Các phường gửi báo cáo về Phòng Văn hóa và Thông tin trước ngày 12/5/2027 để tổng hợp, "
                     "báo cáo Ủy ban nhân dân quận.")
    assert got == "Phòng Văn hóa và Thông tin"


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


def test_the_body_assigned_by_giao_before_a_comma_is_responsible():
    """"Giao Sở Xây dựng, căn cứ …, tổ chức … trước ngày …": the body named right after "Giao" acts."""
    deadlines, _, _ = run(["Giao Sở Xây dựng, căn cứ vào Kế hoạch này và tình hình thực tế, tổ chức rà soát "
                           "toàn bộ số nhà và báo cáo kết quả trước ngày 30/9/2025."])
    assert [(d.due, d.responsible) for d in deadlines] == [("2025-09-30", "Sở Xây dựng")]


def test_a_past_verb_only_dates_its_own_clause():
    """"đã" makes a date a past event in its own clause (or the main clause of a date opening the sentence),
    not in every clause of a long sentence."""
    _, milestones, _ = run(["Đề nghị UBND xã căn cứ các vị trí việc làm đã được phê duyệt để ban hành bộ tiêu chí, "
                            "thực hiện từ ngày 01/06/2025."])
    assert [(m.start, m.end) for m in milestones] == [("2025-06-01", None)]
    _, milestones, _ = run(["Ngày 28 tháng 3 năm 2025, Chủ tịch UBND tỉnh đã ban hành Công văn về việc cập nhật "
                            "dữ liệu cán bộ."])
    assert milestones == []


def test_the_body_asked_before_its_legal_basis_is_responsible():
    deadlines, _, _ = run(["Sở Nội vụ đề nghị UBND xã Phú Lộc căn cứ Quyết định số 12/QĐ-UBND ngày 15/5/2025 của UBND "
                           "tỉnh và chức năng, nhiệm vụ được giao để rà soát, hoàn thiện và ban hành quyết định trước "
                           "ngày 30/6/2025."])
    assert [(d.due, d.responsible) for d in deadlines] == [("2025-06-30", "UBND xã Phú Lộc")]
