"""The joins behind every output, on hand-made store rows (no database needed)."""
from __future__ import annotations

from datetime import date

from pipeline.reports.model import build_model
from pipeline.reports.page import page_context


def _data(**tables: list[dict]) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    names = ("files", "documents", "deadlines", "milestones", "quotas", "references", "registrations", "units")
    return {n: tables.get(n, []) for n in names}


def _doc(i: int, kind: str, issued_on: str | None, unit: str | None = None, superseded: bool = False,
         campaign: int | None = None) -> dict:
    return {"id": i, "file_id": i, "sha256": f"{i:064d}", "kind": kind, "issued_on": issued_on, "unit": unit,
            "number": f"{i}/KH" if kind == "plan" else None, "title": "Kế hoạch thi đua", "path": f"doc-{i}.pdf",
            "superseded": superseded, "campaign": campaign, "item_id": f"V-{i:010d}"}


def _file(i: int) -> dict:
    return {"id": i, "name": f"doc-{i}.pdf", "document_id": i, "processed_at": "2025-03-01T10:00:00+00:00"}


def _reg(i: int, doc: int, unit: str, name: str) -> dict:
    return {"id": i, "document_id": doc, "unit": unit, "section": "new", "seq": 1, "name": name, "field": "economy",
            "superseded": False}


def test_copies_of_one_plan_give_one_deadline() -> None:
    text = "Trước ngày 20/4/2025 các chi bộ gửi báo cáo về Đảng ủy"
    deadlines = [{"id": n, "document_id": n, "due": "2025-04-20", "precision": "day", "text": text,
                  "action": "gửi báo cáo", "page": 1, "line": 9} for n in (1, 2)]
    model = build_model(_data(files=[_file(1), _file(2)], documents=[_doc(1, "plan", "2025-03-01"),
                                                                       _doc(2, "plan", "2025-03-01")],
                              deadlines=deadlines))
    assert len(model.dated_deadlines) == 1
    only = model.dated_deadlines[0]
    assert only.source.startswith("doc-1.pdf") and "bản sao: doc-2.pdf" in only.source


def test_superseded_documents_leave_calendar_and_summary() -> None:
    model = build_model(_data(
        files=[_file(1), _file(2)],
        documents=[_doc(1, "plan", "2025-01-01", superseded=True), _doc(2, "registration_form", "2025-02-01",
                                                                         unit="Chi bộ A")],
        deadlines=[{"id": 1, "document_id": 1, "due": "2025-04-20", "text": "bản cũ"}],
        registrations=[_reg(1, 2, "Chi bộ A", "Mô hình 1"), dict(_reg(2, 2, "Chi bộ A", "Mô hình cũ"), superseded=1)]))
    assert model.items == []
    assert [r.name for r in model.current] == ["Mô hình 1"]
    assert [r.name for r in model.superseded] == ["Mô hình cũ"]
    assert model.as_of.isoformat() == "2025-03-01T17:00:00+07:00"  # newest processed_at, in Vietnam time


def test_forms_from_another_campaign_year_do_not_count() -> None:
    quota = {"id": 1, "document_id": 1, "subject": "Mỗi chi bộ", "minimum": 1, "item": "mô hình", "unit": "count",
             "text": "Mỗi chi bộ đăng ký ít nhất 01 mô hình"}
    tables = _data(
        files=[_file(i) for i in (1, 2, 3)],
        documents=[_doc(1, "plan", "2023-01-10", campaign=2023),
                   _doc(2, "registration_form", "2023-02-01", unit="Chi bộ Đông", campaign=2023),
                   _doc(3, "registration_form", "2024-02-05", unit="Chi bộ Tây", campaign=2024)],
        quotas=[quota],
        registrations=[_reg(1, 2, "Chi bộ Đông", "Mô hình A"), _reg(2, 3, "Chi bộ Tây", "Mô hình B")])
    latest = build_model(tables)
    assert latest.year == 2024 and latest.compliance.checks == []  # the 2023 quota is not checked against 2024
    assert [r.name for r in latest.current] == ["Mô hình B"] and [r.name for r in latest.rows[2023]] == ["Mô hình A"]
    model = build_model(tables, year=2023)
    (check,) = model.compliance.checks
    status = {u.unit.name: (u.count, u.status) for u in check.units}
    assert status == {"Chi bộ Đông": (1, "ok"), "Chi bộ Tây": (0, "missing")}
    assert "năm 2023" in check.note


def test_multi_month_milestone_is_listed_once_in_its_first_month() -> None:
    model = build_model(_data(files=[_file(1)], documents=[_doc(1, "plan", "2025-01-01")],
                              milestones=[{"id": 1, "document_id": 1, "start": "2025-03-01", "end": "2025-05-31",
                                           "precision": "month", "text": "Từ tháng 3 đến tháng 5/2025 triển khai"}]))
    context = page_context(model, date(2025, 4, 2))
    months = context["months"]
    assert [m["label"] for m in months] == ["Tháng 03/2025"]
    (entry,) = months[0]["entries"]
    assert entry.status == "ongoing" and entry.item.date_label == "tháng 03/2025 – tháng 05/2025"
    assert [e.item.text for e in context["upcoming"]] == ["Từ tháng 3 đến tháng 5/2025 triển khai"]


def test_percent_quota_reports_share_of_units() -> None:
    quota = {"id": 1, "document_id": 1, "subject": "100% chi bộ", "minimum": 100, "item": "chi bộ đăng ký mô hình",
             "unit": "percent", "text": "100% chi bộ đăng ký mô hình"}
    model = build_model(_data(
        files=[_file(1), _file(2)],
        documents=[_doc(1, "plan", None), _doc(2, "registration_form", None, unit="Chi bộ Đông")],
        units=[{"id": 1, "name": "Chi bộ Tây", "key": "chi bộ tây"}],
        quotas=[quota], registrations=[_reg(1, 2, "Chi bộ Đông", "Mô hình A")]))
    (check,) = model.compliance.checks
    assert check.share_label.startswith("1/2 đơn vị có đăng ký (50%)") and "chưa đạt" in check.share_label


def test_garbage_values_never_crash_the_writers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Odd rows (bad dates, text in number columns, blanks, control characters) still give every output."""
    from pipeline.outputs import write_calendar, write_html, write_workbook

    weird = "ô\x0bô\x00 =HYPERLINK(\"http://x\") " + "x" * 40000
    model = build_model(_data(
        files=[{"id": 1, "name": None, "processed_at": "garbage"}],
        documents=[{"id": 1, "file_id": 1, "kind": None, "issued_on": "2024-02-30", "superseded": "no"}],
        deadlines=[{"id": 1, "document_id": 1, "due": "30/02/2024", "text": weird},
                   {"id": 2, "document_id": 9, "due": "2024-05-01", "text": None, "line": "abc"}],
        milestones=[{"id": 1, "document_id": 1, "start": "2024-06-30", "end": "2024-06-01", "text": "đảo ngược"},
                    {"id": 2, "document_id": 1, "start": None, "end": None, "text": "không ngày"}],
        quotas=[{"id": 1, "document_id": 1, "subject": None, "minimum": "ba", "item": "mô hình", "text": weird}],
        registrations=[{"id": 1, "document_id": 7, "unit": None, "name": weird, "seq": "x", "field": "???"}]))
    assert len(model.dated_deadlines) == 1 and len(model.undated_deadlines) == 1
    flipped = next(i for i in model.milestones if i.text == "đảo ngược")
    assert flipped.start == date(2024, 6, 1) and flipped.end == date(2024, 6, 30)
    write_workbook(model, tmp_path / "a.xlsx")
    write_calendar(model, tmp_path / "a.ics")
    write_html(model, tmp_path / "a.html", date(2024, 1, 1))
    import openpyxl

    ws = openpyxl.load_workbook(tmp_path / "a.xlsx").worksheets[0]
    longest = max(len(str(c.value or "")) for row in ws.iter_rows() for c in row)
    assert longest <= 32767
