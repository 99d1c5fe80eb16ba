"""Deadlines and milestones read from the structure's tasks (labelled fields and task-table columns).

A date in a "Thời gian hoàn thành" field or column is that task's cut-off (the latest end it names); the task's
chủ trì is responsible (never a phối hợp body, never the label); a "Thời gian thực hiện" period is a milestone
unless it opens on a cut-off word. Run: ``.venv/bin/pytest -q tests/extractors/test_tasks.py``
"""
from __future__ import annotations

import pytest

from pipeline.extractors.timeline import extract_timeline, heading_bodies
from pipeline.model import Cell, Document, DocumentMeta, Location, Paragraph, Table


def doc_of(lines: list[str], blocks: tuple = ()) -> Document:
    doc = Document(path="t.txt", sha256="0", format="txt")
    for i, text in enumerate(lines):
        if text:
            doc.blocks.append(Paragraph(text, Location(line=1 + i)))
    doc.blocks.extend(blocks)
    return doc


def timeline(lines: list[str], blocks: tuple = (), issued_on: str = "2025-10-01"):
    return extract_timeline(doc_of(["KẾ HOẠCH", "Chuyển đổi số năm 2026", "Căn cứ tình hình thực tế."] + lines,
                                   blocks), DocumentMeta(kind="plan", issued_on=issued_on), [])


@pytest.mark.parametrize("value,due,precision", [
    ("Quý I/2026.", "2026-03-31", "quarter"),
    ("tháng 11/2025.", "2025-11-30", "month"),
    ("Dự kiến tháng 12/2025.", "2025-12-31", "month"),
    ("Xong trong quý II/2026.", "2026-06-30", "quarter"),
    ("Quý II/2027 và Quý III/2027.", "2027-09-30", "quarter"),
    ("Tháng 11 - 12/2025.", "2025-12-31", "month"),
    ("Trước ngày 15/11/2025.", "2025-11-15", "day"),
])
def test_completion_field_is_the_task_cut_off_at_its_latest_end(value: str, due: str, precision: str):
    deadlines, milestones = timeline(["1. Xây dựng cơ sở dữ liệu cán bộ", "Đơn vị chủ trì: Sở Nội vụ.",
                                      "Đơn vị phối hợp: Sở Tài chính.", f"Thời gian hoàn thành: {value}"])
    assert [(d.due, d.precision, d.responsible) for d in deadlines] == [(due, precision, "Sở Nội vụ")]
    assert deadlines[0].text == f"Thời gian hoàn thành: {value}"
    assert milestones == []


def test_execution_period_is_a_milestone_and_a_cut_off_word_makes_it_a_deadline():
    deadlines, milestones = timeline([
        "1. Tập huấn cán bộ", "Cơ quan chủ trì: Sở Nội vụ.", "Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc.",
        "2. Ra mắt cổng dữ liệu", "Cơ quan chủ trì: Sở Khoa học và Công nghệ.",
        "Thời gian thực hiện: Hoàn thành trong năm 2026.",
        "3. Duy trì cổng dữ liệu", "Cơ quan chủ trì: Sở Khoa học và Công nghệ.", "Thời gian thực hiện: Thường xuyên."])
    assert [(m.start, m.end) for m in milestones] == [("2025-11-01", None)]  # an open start: no end written
    assert [(d.due, d.responsible) for d in deadlines] == [("2026-12-31", "Sở Khoa học và Công nghệ")]


def test_inline_completion_field_after_a_long_task():
    deadlines, _ = timeline(["1.2. Sở Tài chính - cơ quan thường trực",
                             "- Tổng hợp kết quả kiểm kê, báo cáo Bộ Tài chính. Thời gian hoàn thành: Trước ngày "
                             "31/5/2026."])
    assert [(d.due, d.responsible, d.recipient) for d in deadlines] == [("2026-05-31", "Sở Tài chính", "Bộ Tài chính")]
    assert deadlines[0].text == "Thời gian hoàn thành: Trước ngày 31/5/2026."


@pytest.mark.parametrize("heading,actor", [
    ("Ủy ban nhân dân các phường, xã", "Ủy ban nhân dân các phường, xã"),
    ("Trách nhiệm của đối tượng thực hiện kiểm kê:", "Đối tượng thực hiện kiểm kê"),
    ("Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo", "Sở Tài chính"),
    ("Nâng cao chất lượng nguồn nhân lực", None),
    (None, None),
])
def test_a_section_heading_names_the_owner_only_when_it_names_bodies(heading, actor):
    assert heading_bodies(heading) == actor


def test_owner_is_never_the_cooperating_body_nor_the_label():
    deadlines, _ = timeline(["1. Rà soát quy hoạch", "Đơn vị phối hợp: Sở Xây dựng.",
                             "Thời gian hoàn thành: Tháng 3/2026."])
    assert [(d.due, d.responsible) for d in deadlines] == [("2026-03-31", None)]
    assert "không tìm thấy đơn vị chủ trì" in deadlines[0].review


def _table(rows: list[list[str]]) -> Table:
    return Table([[Cell(t, r, c, location=Location(line=40 + r)) for c, t in enumerate(row)] for r, row in
                  enumerate(rows)], Location(line=40), index=0)


def test_task_table_columns_give_deadlines_and_milestones_per_row():
    table = _table([["STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
                    ["1", "Ban hành bộ tiêu chí", "Sở Khoa học và Công nghệ", "Các sở", "Quí IV-2025"],
                    ["2", "Tôn vinh doanh nghiệp", "Sở Nội vụ", "Sở Công Thương", "Hằng năm"]])
    deadlines, _ = timeline([], blocks=(table,))
    assert [(d.due, d.responsible, d.text, d.location.row) for d in deadlines] == [
        ("2025-12-31", "Sở Khoa học và Công nghệ", "Ban hành bộ tiêu chí", 1)]
    table = _table([["TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian thực hiện"],
                    ["1", "Tổ chức ngày hội", "Ủy ban MTTQ", "2026"]])
    deadlines, milestones = timeline([], blocks=(table,))
    assert deadlines == [] and [(m.start, m.end) for m in milestones] == [("2026-01-01", "2026-12-31")]
