"""Deadlines and milestones by SHAPE (shared/spec/vietnamese-time-expressions.md): one behaviour per shape.

Run: ``.venv/bin/pytest -q tests/extractors/test_timeline_shapes.py``. Every sentence is written here from the spec and
from common administrative usage (bodies, places and tasks of our own, not taken from a gold file); they go through
the real structural view and the real underthesea/spaCy pipeline. Each test names the general shape it pins.
"""
from __future__ import annotations

import pytest

from doc_helpers import lines_doc
from pipeline.extractors.timeline import extract_timeline
from pipeline.model import DocumentMeta

TITLE = "Triển khai công tác chuyển đổi số năm 2026"


def run(lines: list[str], issued_on: str = "2026-01-12", kind: str = "plan"):
    warnings: list[str] = []
    deadlines, milestones = extract_timeline(lines_doc(["KẾ HOẠCH", TITLE, "Căn cứ tình hình thực tế."] + lines),
                                             DocumentMeta(kind=kind, issued_on=issued_on, title=TITLE), warnings)
    return deadlines, milestones, warnings


def dated(deadlines):
    return [d for d in deadlines if d.due]


# ------------------------------------------------------------------ deadline triggers

@pytest.mark.parametrize("sentence, due, responsible, recipient", [
    ("Các phòng chuyên môn gửi báo cáo về Văn phòng HĐND và UBND trước ngày 20/02/2026.", "2026-02-20",
     "Các phòng chuyên môn", "Văn phòng HĐND và UBND"),
    ("Ủy ban nhân dân các xã hoàn thành việc rà soát hồ sơ, chậm nhất là ngày 15/3/2026.", "2026-03-15",
     "Ủy ban nhân dân các xã", None),
    ("Chậm nhất ngày 05/3/2026, các trường học nộp hồ sơ về Phòng Giáo dục và Đào tạo.", "2026-03-05",
     "các trường học", "Phòng Giáo dục và Đào tạo"),
    ("Các trạm y tế báo cáo kết quả về Trung tâm Y tế huyện không muộn hơn ngày 25/3/2026.", "2026-03-25",
     "Các trạm y tế", "Trung tâm Y tế huyện"),
    ("Phòng Tài chính - Kế hoạch tham mưu dự thảo quyết định, hoàn thành trước ngày 30/6/2026.", "2026-06-30",
     "Phòng Tài chính - Kế hoạch", None),
    ("Văn phòng UBND xây dựng quy chế làm việc, xong trước 15/4/2026.", "2026-04-15", "Văn phòng UBND", None),
])
def test_a_trigger_before_the_date_makes_it_the_cut_off_of_the_subjects_task(sentence, due, responsible, recipient):
    deadlines, milestones, _ = run([sentence])
    assert [(d.due, d.responsible, d.recipient) for d in deadlines] == [(due, responsible, recipient)]
    assert milestones == []


@pytest.mark.parametrize("sentence, due", [
    ("Hạn chót nhận hồ sơ đăng ký: ngày 30/01/2026.", "2026-01-30"),
    ("Hạn cuối gửi sản phẩm dự thi về Ban Tổ chức là 17 giờ 00 ngày 10/4/2026.", "2026-04-10"),
    ("Thời gian nhận bài dự thi đến hết ngày 31/5/2026.", "2026-05-31"),
])
def test_a_deadline_noun_reaches_its_date_and_the_recipient_stops_before_the_date(sentence, due):
    deadlines, _, _ = run([sentence])
    assert [d.due for d in deadlines] == [due]
    assert deadlines[0].recipient in (None, "Ban Tổ chức")


def test_two_yearly_dates_after_one_trigger_are_both_deadlines_and_both_recurring():
    deadlines, _, _ = run(["Các đơn vị báo cáo kết quả về Phòng Văn hóa trước ngày 01/6 và 15/11 hằng năm."])
    assert [(d.due, d.recurring, d.year_inferred) for d in deadlines] == [
        ("2026-06-01", "yearly", True), ("2026-11-15", "yearly", True)]
    assert {d.recipient for d in deadlines} == {"Phòng Văn hóa"}
    assert all("năm được suy ra từ văn bản" in d.review for d in deadlines)


def test_a_year_less_date_equal_to_the_issue_day_is_not_the_documents_own_date():
    deadlines, _, _ = run(["Định kỳ trước ngày 10/6 và ngày 12/01 hằng năm, UBND các xã báo cáo UBND huyện."])
    assert sorted(d.due for d in deadlines) == ["2026-01-12", "2026-06-10"]


def test_the_recipient_is_read_in_the_clause_of_the_date_before_a_purpose_clause():
    deadlines, _, _ = run(["Các xã xây dựng kế hoạch để triển khai; định kỳ trước ngày 15/11 hằng năm báo cáo kết quả "
                           "về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh."])
    assert [(d.due, d.recipient) for d in deadlines] == [("2026-11-15", "Sở Nội vụ")]


# ------------------------------------------------------------------ windows: task (deadline) or event (milestone)

@pytest.mark.parametrize("sentence, due", [
    ("Trong tháng 02/2026, Phòng Nội vụ hoàn thành việc rà soát vị trí việc làm.", "2026-02-28"),
    ("Các xã, thị trấn hoàn thành việc cập nhật dữ liệu dân cư trong quý I/2026.", "2026-03-31"),
    ("Các đơn vị gửi báo cáo tổng kết về Văn phòng trong tháng 12/2026.", "2026-12-31"),
    ("Sở Tư pháp chủ trì xây dựng kế hoạch kiểm tra, xong trong tháng 5/2026.", "2026-05-31"),
    ("Ban hành quyết định kiện toàn Tổ công tác trong tháng 3/2026.", "2026-03-31"),
])
def test_a_window_closing_a_task_of_producing_sending_or_finishing_is_a_deadline_at_its_end(sentence, due):
    deadlines, milestones, _ = run([sentence])
    assert [d.due for d in deadlines] == [due] and milestones == []


@pytest.mark.parametrize("sentence, start, end", [
    ("Đại hội Hội Nông dân xã nhiệm kỳ 2026 - 2031 tổ chức xong trong tháng 5/2026.", "2026-05-01", "2026-05-31"),
    ("Tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư trong tháng 11/2026.", "2026-11-01", "2026-11-30"),
    ("Trong quý III/2026, Ban Thường vụ tổ chức sơ kết, biểu dương các điển hình.", "2026-07-01", "2026-09-30"),
    ("Trong tháng 6/2026, tổ chức kiểm tra tại 05 xã.", "2026-06-01", "2026-06-30"),
])
def test_a_window_holding_an_event_or_an_activity_is_a_milestone(sentence, start, end):
    deadlines, milestones, _ = run([sentence])
    assert deadlines == [] and [(m.start, m.end) for m in milestones] == [(start, end)]


@pytest.mark.parametrize("sentence, due", [
    ("Các chi bộ tổ chức học tập chuyên đề cho toàn thể đảng viên, hoàn thành trong tháng 4/2026.", "2026-04-30"),
    ("Đoàn Thanh niên tổ chức tập huấn cho cán bộ chi đoàn; hoàn tất trong quý II/2026.", "2026-06-30"),
])
def test_finishing_said_in_a_clause_of_its_own_outranks_the_event_verb_before_it(sentence, due):
    deadlines, milestones, _ = run([sentence])
    assert [d.due for d in deadlines] == [due] and milestones == []


def test_holding_an_event_before_a_cut_off_day_is_still_a_deadline():
    deadlines, milestones, _ = run(["Các chi bộ tổ chức đại hội xong trước ngày 31/5/2026."])
    assert [(d.due, d.responsible) for d in deadlines] == [("2026-05-31", "Các chi bộ")] and milestones == []


# ------------------------------------------------------------------ dateless duties (decision: due null + reason)

@pytest.mark.parametrize("sentence, precision, recurring, responsible, recipient", [
    ("Trong vòng 05 ngày làm việc kể từ ngày nhận được hồ sơ, Phòng Nội vụ thẩm định và trình Chủ tịch UBND.",
     "day", None, "Phòng Nội vụ", "Chủ tịch UBND"),
    ("Định kỳ hằng tháng, các xã báo cáo tiến độ về Văn phòng UBND huyện.", "month", "monthly", "các xã",
     "Văn phòng UBND huyện"),
    ("Định kỳ hằng quý, các phòng báo cáo kết quả thực hiện về Phòng Nội vụ để tổng hợp.", "quarter", "quarterly",
     "các phòng", "Phòng Nội vụ"),
])
def test_a_duty_without_a_calendar_date_is_a_dateless_deadline_with_a_reason(sentence, precision, recurring,
                                                                             responsible, recipient):
    deadlines, milestones, warnings = run([sentence])
    assert [(d.due, d.precision, d.recurring, d.responsible, d.recipient) for d in deadlines] == [
        (None, precision, recurring, responsible, recipient)]
    assert deadlines[0].confidence < 0.7 and deadlines[0].review and milestones == []


def test_a_periodic_activity_that_reports_nothing_is_no_deadline():
    deadlines, _, _ = run(["Hằng tháng, các chi bộ tổ chức sinh hoạt chuyên đề."])
    assert deadlines == []


# ------------------------------------------------------------------ responsible: field, subject, heading

def test_a_separate_time_sentence_after_a_long_task_belongs_to_that_task():
    deadlines, _, _ = run([
        "- Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan nghiên cứu, xây dựng đề án vị trí việc làm trong các "
        "cơ quan hành chính, đơn vị sự nghiệp công lập của tỉnh, bảo đảm đúng quy định. Hoàn thành trước ngày 31/3/2026.",
        "- Ban Tuyên giáo chủ trì biên soạn tài liệu tuyên truyền. Thời hạn: tháng 4/2026.",
        "- Văn phòng tham mưu tổ chức hội nghị sơ kết. Thời gian: trước ngày 15/7/2026."])
    assert sorted((d.due, d.responsible) for d in deadlines) == [
        ("2026-03-31", "Sở Nội vụ"), ("2026-04-30", "Ban Tuyên giáo"), ("2026-07-15", "Văn phòng")]


@pytest.mark.parametrize("lines, responsible", [
    (["IV. TỔ CHỨC THỰC HIỆN", "1. Phòng Nội vụ", "- Chủ trì, phối hợp với các cơ quan, đơn vị tham mưu triển khai.",
      "- Tổng hợp kết quả, báo cáo UBND huyện trước ngày 15/12/2026."], "Phòng Nội vụ"),
    (["2. Phòng Tài chính - Kế hoạch", "Tham mưu bố trí kinh phí, hoàn thành trước ngày 31/01/2026."],
     "Phòng Tài chính - Kế hoạch"),
    (["1.2. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo", "- Tổng hợp, báo cáo trước ngày 31/5/2026."],
     "Sở Tài chính"),
    (["3. Trách nhiệm của Phòng Văn hóa và Thông tin", "- Tổng hợp kết quả, báo cáo UBND huyện trước ngày 15/12/2026."],
     "Phòng Văn hóa và Thông tin"),
    (["Trách nhiệm của các cơ quan, đơn vị:", "- Rà soát, thống kê số liệu, gửi về Sở Nội vụ trước ngày 10/02/2026."],
     "Các cơ quan, đơn vị"),
    (["5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội",
      "Tuyên truyền, vận động đoàn viên, hội viên tham gia; báo cáo kết quả về Ban Chỉ đạo huyện trước ngày 20/11/2026."],
     "Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các tổ chức chính trị - xã hội"),
])
def test_a_section_heading_or_lead_in_naming_bodies_owns_the_items_under_it(lines, responsible):
    deadlines, _, _ = run(lines)
    assert [d.responsible for d in deadlines] == [responsible]
    assert "đơn vị chủ trì suy ra từ đề mục hoặc câu trước" in deadlines[0].review


@pytest.mark.parametrize("sentence, responsible", [
    ("Giao Công an huyện chủ trì, phối hợp với Ban Chỉ huy Quân sự huyện xây dựng phương án, hoàn thành trước ngày "
     "15/01/2026.", "Công an huyện"),
    ("Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai, báo cáo kết quả về UBND huyện trước ngày 30/11/2026.",
     "Thủ trưởng các cơ quan, đơn vị"),
    ("Phòng Nội vụ là cơ quan thường trực, có trách nhiệm tổng hợp, báo cáo Chủ tịch UBND huyện trước ngày 20/12/2026.",
     "Phòng Nội vụ"),
    ("Sở Tài chính đề nghị UBND các xã, phường khẩn trương rà soát, báo cáo về Sở Tài chính trước ngày 15/02/2026.",
     "UBND các xã, phường"),
    ("Thực hiện Kế hoạch số 12/KH-UBND của UBND tỉnh, các xã báo cáo kết quả về UBND huyện trước ngày 20/3/2026.",
     "các xã"),
])
def test_the_subject_is_the_body_named_before_its_role_and_verb(sentence, responsible):
    deadlines, _, _ = run([sentence])
    assert [d.responsible for d in deadlines] == [responsible]


def test_a_body_named_as_an_object_of_an_instruction_is_not_its_subject():
    deadlines, _, _ = run(["Tuyên truyền, vận động đoàn viên, hội viên tham gia; báo cáo kết quả về Huyện đoàn trước "
                           "ngày 20/11/2026."])
    assert deadlines[0].responsible != "hội viên"


# ------------------------------------------------------------------ milestones

@pytest.mark.parametrize("sentence, spans", [
    ("Đợt 1: từ ngày 01/3/2026 đến ngày 31/3/2026; Đợt 2: từ ngày 01/8/2026 đến ngày 31/8/2026.",
     [("2026-03-01", "2026-03-31"), ("2026-08-01", "2026-08-31")]),
    ("Chiến dịch ra quân làm sạch môi trường được phát động từ ngày 15/3/2026 đến ngày 15/4/2026.",
     [("2026-03-15", "2026-04-15")]),
    ("Chương trình được phát sóng trên Đài Truyền thanh huyện vào lúc 19 giờ 00 ngày 02/9/2026.",
     [("2026-09-02", "2026-09-02")]),
    ("Từ tháng 3 đến tháng 5/2026: tổ chức các hoạt động thi đua.", [("2026-03-01", "2026-05-31")]),
    ("Bắt đầu từ tháng 4/2026, các xã triển khai thu gom rác thải theo tuyến.", [("2026-04-01", None)]),
    ("Quy chế áp dụng từ ngày 01/02/2026.", [("2026-02-01", None)]),
    ("Quyết định này có hiệu lực thi hành kể từ ngày 01/02/2026.", [("2026-02-01", None)]),
])
def test_scheduled_periods_are_milestones_and_an_open_start_has_no_end(sentence, spans):
    deadlines, milestones, _ = run([sentence])
    assert deadlines == [] and [(m.start, m.end) for m in milestones] == spans


def test_a_reports_own_periods_are_no_milestone_wherever_they_recur():
    title = "Kết quả công tác dân vận 9 tháng đầu năm; phương hướng, nhiệm vụ 3 tháng cuối năm 2026"
    lines = ["BÁO CÁO", title, "Căn cứ chương trình công tác năm 2026, Ban Dân vận báo cáo như sau:",
             "I. KẾT QUẢ", "Trong 9 tháng đầu năm, các chi bộ đã tổ chức 42 buổi đối thoại với nhân dân.",
             "II. PHƯƠNG HƯỚNG", "1. Trong 3 tháng cuối năm 2026, tiếp tục củng cố các mô hình dân vận khéo.",
             "2. Tổ chức Hội nghị tổng kết vào tháng 12/2026.",
             "Trên đây là báo cáo kết quả công tác dân vận 9 tháng đầu năm của Ban Dân vận."]
    _, milestones = extract_timeline(lines_doc(lines), DocumentMeta(kind="report", issued_on="2026-09-25", title=title),
                                     [])
    assert [(m.start, m.end) for m in milestones] == [("2026-12-01", "2026-12-31")]


def test_a_plans_phases_are_milestones_a_programmes_name_is_not():
    _, milestones, _ = run(["1. Giai đoạn 2026 - 2030", "- Hoàn thiện thể chế, chính sách.",
                            "Gắn với mục tiêu của từng giai đoạn (giai đoạn 2026 - 2030 và giai đoạn 2031 - 2035).",
                            "Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025 tiếp tục "
                            "được lồng ghép."])
    assert sorted({(m.start, m.end) for m in milestones}) == [("2026-01-01", "2030-12-31"), ("2031-01-01", "2035-12-31")]


@pytest.mark.parametrize("sentence, kind", [
    ("Tính đến ngày 30/11/2025, toàn huyện có 1.250 hộ nghèo.", "plan"),
    ("Số liệu tính đến hết ngày 31/3/2026.", "plan"),
    ("Ngày 15/8/2025, UBND xã đã tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm.", "report"),
    ("Thực hiện Kế hoạch số 125/KH-UBND ngày 12/3/2026 của UBND tỉnh về cải cách hành chính.", "plan"),
    ("Kỷ niệm 80 năm Ngày Cách mạng Tháng Tám thành công (19/8/1945 - 19/8/2025).", "plan"),
    ("Báo cáo kết quả công tác 6 tháng đầu năm 2026 và phương hướng nhiệm vụ 6 tháng cuối năm 2026.", "report"),
    ("Kỳ báo cáo: từ ngày 15/12/2025 đến ngày 14/6/2026.", "plan"),
    ("Năm 2025, toàn xã đã hoàn thành 17/20 chỉ tiêu; tháng 9/2025 đã tổ chức thành công Đại hội.", "report"),
])
def test_as_of_dates_past_events_report_periods_cited_documents_and_anniversaries_are_neither(sentence, kind):
    deadlines, milestones, _ = run([sentence], kind=kind)
    assert dated(deadlines) == [] and milestones == []


# ------------------------------------------------------------------ confidence and reasons

def test_every_item_carries_a_confidence_and_low_ones_a_reason():
    deadlines, milestones, _ = run([
        "Rà soát, thống kê hồ sơ trước ngày 15/3.",
        "Các xã gửi báo cáo về UBND huyện trước ngày 20/02/2026.",
        "Ban hành quyết định kiện toàn Tổ công tác trong tháng 3/2026.",
        "Hội nghị triển khai đã được tổ chức từ ngày 05/01/2026 đến ngày 06/01/2026 tại hội trường.",
        "Tổ chức hội thi tìm hiểu pháp luật từ ngày 02/12/2025 đến ngày 05/12/2025."])
    by_due = {d.due: d for d in deadlines}
    assert by_due["2026-02-20"].confidence >= 0.7 and by_due["2026-02-20"].review == []
    assert {"năm được suy ra từ văn bản", "không tìm thấy đơn vị chủ trì"} <= set(by_due["2026-03-15"].review)
    assert by_due["2026-03-15"].confidence < 0.7
    assert "hạn chót hay mốc thời gian được suy ra từ động từ của câu" in by_due["2026-03-31"].review
    assert all(0 < x.confidence <= 1 for x in deadlines + milestones)


def test_a_date_alone_after_a_task_takes_that_tasks_action_and_recipient():
    deadlines, _, _ = run(["1.2. Sở Tài chính", "- Tổng hợp kết quả kiểm kê, báo cáo kết quả gửi Bộ Tài chính.",
                           "Trước ngày 31/5/2026."])
    assert [(d.due, d.responsible, d.recipient) for d in deadlines] == [("2026-05-31", "Sở Tài chính", "Bộ Tài chính")]
    assert deadlines[0].action and deadlines[0].action.startswith("tổng hợp kết quả")


def test_a_label_ending_a_wrapped_line_keeps_its_value_from_the_next_line():
    """A PDF line ending on "Thời gian hoàn thành:" with the date on the next line reads as the text file does."""
    lines = ["1.2. Sở Tài chính", "- Tổng hợp kết quả kiểm kê, báo cáo kết quả gửi Bộ Tài chính. Thời gian hoàn thành:",
             "Trước ngày 31/5/2026."]
    for fmt in ("txt", "pdf"):
        warnings: list[str] = []
        deadlines, _ = extract_timeline(lines_doc(["KẾ HOẠCH", TITLE] + lines, fmt=fmt),
                                        DocumentMeta(kind="plan", issued_on="2026-01-12", title=TITLE), warnings)
        assert [(d.due, d.responsible, d.recipient, d.text) for d in deadlines] == [
            ("2026-05-31", "Sở Tài chính", "Bộ Tài chính", "Thời gian hoàn thành: Trước ngày 31/5/2026.")], fmt


@pytest.mark.parametrize("sentence, due, precision", [
    ("Dự kiến tháng 9/2026 hoàn thành việc lắp đặt hệ thống camera.", "2026-09-30", "month"),
    ("Sở Xây dựng hoàn thành việc điều chỉnh quy hoạch trong Quý II/2027 và Quý III/2027.", "2027-09-30", "quarter"),
    ("Đến ngày 31/12/2026, 100% thủ tục hành chính được cung cấp trực tuyến toàn trình.", "2026-12-31", "day"),
])
def test_a_window_listed_over_periods_or_planned_ends_once_at_its_latest_end(sentence, due, precision):
    deadlines, milestones, _ = run([sentence])
    assert [(d.due, d.precision) for d in deadlines] == [(due, precision)] and milestones == []


def test_a_planned_event_stays_a_milestone():
    deadlines, milestones, _ = run(["Dự kiến tháng 10/2026 tổ chức Hội nghị tổng kết."])
    assert deadlines == [] and [(m.start, m.end) for m in milestones] == [("2026-10-01", "2026-10-31")]


def test_a_monthly_cut_off_day_is_a_dateless_monthly_deadline():
    deadlines, _, warnings = run(["Các xã báo cáo số liệu về Phòng Kinh tế trước ngày 15 hằng tháng."])
    assert [(d.due, d.recurring, d.responsible, d.recipient) for d in deadlines] == [
        (None, "monthly", "Các xã", "Phòng Kinh tế")]
    assert warnings == []


def test_a_document_sent_names_the_action_when_no_sender_is_written():
    deadlines, _, _ = run(["Hồ sơ gửi về Phòng Nội vụ trước 17 giờ ngày 30/3/2026."])
    assert [(d.due, d.action, d.recipient, d.time) for d in deadlines] == [
        ("2026-03-30", "gửi hồ sơ", "Phòng Nội vụ", "17 giờ")]


def test_a_report_recounting_a_past_cut_off_has_no_deadline():
    deadlines, _, _ = run(["Một số chi bộ báo cáo chậm so với thời gian quy định (trước ngày 15/5/2025)."],
                          issued_on="2025-06-28", kind="report")
    assert deadlines == []


@pytest.mark.parametrize("sentence", [
    "Theo Thông báo kết luận của Thường trực Huyện ủy ngày 05/01/2026, các xã rà soát lại danh sách.",
    "Thực hiện ý kiến chỉ đạo của Chủ tịch UBND huyện tại cuộc họp ngày 08/01/2026, Phòng Nội vụ hướng dẫn như sau:",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Tổ chức các hoạt động giáo dục kỹ năng sống cho học sinh năm học 2025 - 2026.",
])
def test_what_a_sentence_rests_on_and_a_school_year_label_are_no_schedule(sentence):
    deadlines, milestones, _ = run([sentence])
    assert deadlines == [] and milestones == []


def test_an_owner_column_naming_both_roles_gives_the_body_in_charge():
    deadlines, _, _ = run([
        "| TT | Nội dung công việc | Đơn vị thực hiện | Thời gian hoàn thành |",
        "| 1 | Rà soát danh mục thủ tục hành chính | Văn phòng HĐND và UBND (chủ trì); các phòng chuyên môn (phối hợp) "
        "| Tháng 3/2026 |",
        "| 2 | Số hóa hồ sơ lưu trữ | Phòng Nội vụ chủ trì, phối hợp với Trung tâm Phục vụ hành chính công | Quý II/2026 |",
        "| 3 | Tập huấn kỹ năng số | Chủ trì: Phòng Văn hóa - Thông tin; phối hợp: Đoàn Thanh niên | Tháng 6/2026 |"])
    assert sorted((d.due, d.responsible) for d in deadlines) == [
        ("2026-03-31", "Văn phòng HĐND và UBND"), ("2026-06-30", "Phòng Nội vụ"),
        ("2026-06-30", "Phòng Văn hóa - Thông tin")]


def test_an_actor_named_paragraphs_ago_does_not_own_a_later_subjectless_deadline():
    deadlines, _, _ = run([
        "1. Đối tượng thi đua",
        "Các cơ quan, đơn vị, doanh nghiệp trên địa bàn tham gia phong trào.",
        "2. Thời gian thi đua",
        "a) Đợt 1 từ ngày 02/3/2026 đến ngày 31/3/2026.",
        "b) Thời gian chấm điểm, xếp hạng thi đua trước ngày 30/4/2026."])
    assert [(d.due, d.responsible) for d in deadlines] == [("2026-04-30", None)]


def test_the_next_schedule_item_keeps_the_actor_of_the_item_just_before():
    deadlines, _, _ = run(["1. Tháng 02/2026 các ngành, các bộ phận đăng ký mô hình.",
                           "2. Trước ngày 10/3/2026 tổng hợp đăng ký gửi về Văn phòng."])
    assert [(d.due, d.responsible) for d in deadlines] == [("2026-03-10", "các ngành, các bộ phận")]


@pytest.mark.parametrize("lead_in, responsible", [
    ("UBND huyện đề nghị Thủ trưởng các cơ quan, đơn vị triển khai một số nội dung sau:",
     "Thủ trưởng các cơ quan, đơn vị"),
    ("1. UBND các xã, thị trấn thực hiện các nội dung sau:", "UBND các xã, thị trấn"),
])
def test_a_lead_in_with_its_verb_names_the_owner_of_its_items(lead_in, responsible):
    deadlines, _, _ = run([lead_in, "- Rà soát, thống kê các thủ tục hành chính.",
                           "- Tuyên truyền trên hệ thống loa.",
                           "- Báo cáo kết quả về UBND huyện trước ngày 20/3/2026."])
    assert [(d.due, d.responsible) for d in deadlines] == [("2026-03-20", responsible)]


@pytest.mark.parametrize("sentence, recipient", [
    ("Các đơn vị báo cáo kết quả kiểm kê cho cơ quan quản lý cấp trên trước ngày 31/3/2026.",
     "cơ quan quản lý cấp trên"),
    ("Các xã tổng hợp số liệu để báo cáo cơ quan thường trực trước ngày 15/4/2026.", "cơ quan thường trực"),
    ("Các xã tuyên truyền về công tác cải cách hành chính trước ngày 10/3/2026.", None),
])
def test_a_lower_case_body_after_a_sending_verb_is_the_recipient(sentence, recipient):
    deadlines, _, _ = run([sentence])
    assert [d.recipient for d in deadlines] == [recipient]


@pytest.mark.parametrize("sentence, recipient", [
    ("Nộp bài dự thi: chậm nhất ngày 20/4/2026, tại Văn phòng Đoàn phường (phòng 3, nhà B).", "Văn phòng Đoàn phường"),
    ("Các chi hội gửi báo cáo trước ngày 20/4/2026, tại Hội nghị giao ban sẽ thông qua kết quả.", None),
    ("Các xã tổ chức tuyên truyền trước ngày 20/4/2026 tại Nhà văn hóa thôn.", None),
])
def test_where_a_submission_is_handed_in_is_its_recipient_a_place_of_anything_else_is_not(sentence, recipient):
    deadlines, _, _ = run([sentence])
    assert [d.recipient for d in deadlines] == [recipient]


def test_a_job_description_mentioning_reports_is_no_duty():
    deadlines, _, _ = run(["- Tham mưu công tác báo cáo tổng hợp hàng tuần, hàng tháng, quý và năm."])
    assert deadlines == []
