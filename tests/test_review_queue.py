"""What goes into the review queue, and what answers do to every list (store built through the real writer)."""
from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from pipeline import outputs, store
from pipeline.model import (Deadline, Document, DocumentMeta, Location, Milestone, Paragraph, Period, Record,
                            Registration, Table, Cell)
from pipeline.normalize import record_rows

TODAY = date(2025, 6, 1)


def _sha(tag: str) -> str:
    return hashlib.sha256(tag.encode()).hexdigest()


def _commit(engine, rec: Record, arrived: str = "2025-02-01T01:00:00+00:00") -> None:  # type: ignore[no-untyped-def]
    info = {"path": rec.document.path, "name": rec.document.path, "sha256": rec.document.sha256, "size": 1,
            "arrived_at": arrived}
    store.commit_document(engine, info, record_rows(rec), run_id=None, stored_path=None)


def _plan() -> Record:
    rec = Record(document=Document(path="kh-9.pdf", sha256=_sha("plan"), format="pdf"))
    rec.meta = DocumentMeta(kind="plan", number="9/KH-ĐU", issued_on="2025-03-01", title="Kế hoạch thi đua năm 2025")
    rec.deadlines = [
        Deadline("2025-02-20", "day", "Trước ngày 20/02/2025 các chi bộ gửi biểu đăng ký mô hình",
                 action="gửi biểu đăng ký mô hình", location=Location(page=1, line=12)),
        Deadline("2025-04-30", "day", "Trước ngày 30/4 gửi báo cáo sơ kết", action="gửi báo cáo sơ kết",
                 year_inferred=True, location=Location(page=2, line=3)),
        Deadline("2025-05-15", "day", "Trước ngày 15/5/2025 gửi danh sách", action="gửi danh sách", confidence=0.4,
                 review=["Không chắc đây là hạn chót (câu có hai ngày)"], location=Location(page=2, line=8)),
    ]
    rec.milestones = [Milestone("2025-03-01", "2025-03-31", "month", "Tháng 3/2025 triển khai",
                                location=Location(page=1, line=20))]
    return rec


def _scanned_form() -> Record:
    """A form read by OCR: its table cells carry Tesseract's confidence (one date cell is stained)."""
    doc = Document(path="dk-khu-pho-2.jpg", sha256=_sha("scan"), format="image", ocr=True)
    cells = [Cell("1", 0, 0, confidence=96.0), Cell("Sân chơi thiếu nhi", 0, 1, confidence=95.0),
             Cell("Chi đoàn", 0, 2, confidence=94.0), Cell("Khu phố 2", 0, 3, confidence=93.0),
             Cell("VH-XH", 0, 4, confidence=92.0), Cell("Tháng 5 - Eị 1)", 0, 5, confidence=58.0)]
    doc.blocks = [Paragraph("Đơn vị: Chỉ bộ khu phố 2", Location(page=1, line=1), confidence=95.0),
                  Table([cells], Location(page=1), index=0)]
    rec = Record(document=doc)
    rec.meta = DocumentMeta(kind="registration_form", unit="Chỉ bộ khu phố 2", issued_on="2025-02-25",
                            title="DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2025", unit_source="header")
    rec.registrations = [Registration("Chỉ bộ khu phố 2", "new", 1, "Sân chơi thiếu nhi", leader="Chi đoàn",
                                      address="Khu phố 2", field="culture_society", field_raw="VH-XH",
                                      period=Period("2025-05-01", None, "Tháng 5 - Eị 1)"),
                                      location=Location(page=1, table=0, row=1))]
    return rec


def _guessed_form() -> Record:
    rec = Record(document=Document(path="chi-bo-khu-pho-7.docx", sha256=_sha("guess"), format="docx"))
    rec.meta = DocumentMeta(kind="registration_form", unit="chi bo khu pho 7", unit_source="filename",
                            issued_on="2025-02-10", title="DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2024")
    rec.registrations = [Registration("chi bo khu pho 7", "new", 1, "Loa truyền thanh", field="other",
                                      period=Period("2025-01-01", "2025-12-31", "Năm 2025"),
                                      location=Location(page=None, table=0, row=1))]
    return rec


def _empty() -> Record:
    rec = Record(document=Document(path="anh-chup-hoa-don.png", sha256=_sha("empty"), format="image", ocr=True))
    rec.meta = DocumentMeta(kind="other")
    return rec


@pytest.fixture()
def made(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'pipeline.sqlite'}"
    engine = store.open_store(url)
    for rec in (_plan(), _scanned_form(), _guessed_form(), _empty()):
        _commit(engine, rec)
    store.commit_quarantine(engine, {"path": "hỏng.pdf", "name": "hỏng.pdf", "sha256": _sha("bad"), "size": 3,
                                     "arrived_at": "2025-02-01T01:00:00+00:00"}, "corrupt PDF: no xref", None, None)
    store.commit_quarantine(engine, {"path": "bieu-chi-bo-khu-pho-3.pdf", "name": "bieu-chi-bo-khu-pho-3.pdf",
                                     "sha256": _sha("bad3"), "size": 3, "arrived_at": "2025-02-02T01:00:00+00:00"},
                            "encrypted PDF: cannot be read without its password", None, None)
    units = tmp_path / "units.csv"
    units.write_text("don_vi,loai\nChi bộ khu phố 2,chi bộ\nChi bộ khu phố 3,chi bộ\nChi bộ khu phố 7,chi bộ\n",
                     encoding="utf-8")
    yield url, engine, units, tmp_path
    store.close_store(url)


def _queue(url: str, units: Path, tmp: Path):  # type: ignore[no-untyped-def]
    tables, model = outputs.load_model(url, units, today=TODAY)
    return model, {i.review_id: i for i in model.review.items}


def test_every_kind_of_doubt_is_queued_with_a_vietnamese_reason(made) -> None:  # type: ignore[no-untyped-def]
    url, _engine, units, tmp = made
    model, q = _queue(url, units, tmp)
    reasons = {rid: item.reason for rid, item in q.items()}
    by = lambda word: [rid for rid, r in reasons.items() if word in r]  # noqa: E731
    (ocr,) = by("bản quét, độ tin cậy thấp (58%)")
    assert ocr.endswith("/thoigian") and q[ocr].value == "Tháng 5 - Eị 1)" and q[ocr].source.startswith(
        "dk-khu-pho-2.jpg, trang 1, bảng 1, hàng 2")
    assert by("trước ngày ban hành văn bản (01/03/2025)")  # the registration deadline of 20/02, plan of 01/03
    assert by("Năm không ghi trong câu, được suy ra (2025)")
    assert by("Không chắc đây là hạn chót")  # extraction's own reason, passed through
    assert by("Tên đơn vị đoán từ tên tệp «chi-bo-khu-pho-7.docx»")
    assert by("Tiêu đề biểu ghi năm 2024 nhưng các dòng thực hiện năm 2025")
    assert by("gần giống «Chi bộ khu phố 2» (có thể đọc sai dấu)")
    assert by("Không trích xuất được gì từ tệp")  # a photo of a receipt is not a document
    bad = next(rid for rid in by("Không đọc được tệp") if q[rid].value == "hỏng.pdf")
    assert "corrupt PDF: no xref" in reasons[bad] and q[bad].item_kind == "file" and q[bad].value == "hỏng.pdf"
    assert all(i.status == "open" for i in q.values())
    html = (tmp / "x.html")
    from pipeline.reports.page import write_html

    write_html(model, html, TODAY)
    assert "bản quét, độ tin cậy thấp (58%)" in html.read_text(encoding="utf-8")


def test_unit_correction_joins_the_expected_unit_and_late_submission_shows(made) -> None:  # type: ignore[no-untyped-def]
    url, engine, units, tmp = made
    model, q = _queue(url, units, tmp)
    subs = {s.unit.name: s for s in model.submissions.rows}
    assert subs["Chi bộ khu phố 2"].status == "missing" and subs["Chỉ bộ khu phố 2"].status == "late"
    unit_item = next(rid for rid, i in q.items() if rid.endswith("/donvi") and i.value == "Chỉ bộ khu phố 2")
    assert "gần giống «Chi bộ khu phố 2»" in q[unit_item].reason
    store.record_answers(engine, store.Answers([{"item_id": unit_item, "verdict": "corrected",
                                                 "value": "Chi bộ khu phố 2"}], [], "test"))
    model, q = _queue(url, units, tmp)
    subs = {s.unit.name: s for s in model.submissions.rows}
    assert "Chỉ bộ khu phố 2" not in subs
    late = subs["Chi bộ khu phố 2"]
    assert late.status == "late" and late.submitted_on == date(2025, 2, 25)
    assert model.submissions.deadline.start == date(2025, 2, 20) and "Sau hạn 20/02/2025 là 5 ngày" in late.note
    assert q[unit_item].status == "corrected" and [r.unit for r in model.current] == ["Chi bộ khu phố 2",
                                                                                      "chi bo khu pho 7"]
    silent = subs["Chi bộ khu phố 3"]  # its PDF could not be read: not the same as sending nothing
    assert silent.status == "missing" and "bieu-chi-bo-khu-pho-3.pdf" in silent.note


def test_answers_not_understood_stay_open_and_lost_items_are_listed(made) -> None:  # type: ignore[no-untyped-def]
    url, engine, units, tmp = made
    model, q = _queue(url, units, tmp)
    due = next(rid for rid in q if rid.startswith("H-") and rid.endswith("/han"))
    store.record_answers(engine, store.Answers([
        {"item_id": due, "verdict": "corrected", "value": "hôm qua"},
        {"item_id": "D-0123456789/ten", "verdict": "corrected", "value": "Tên cũ", "shown": "Tên đọc sai"},
    ], [{"item_id": "H-9999999999", "done": True}], "test"))
    model, q = _queue(url, units, tmp)
    assert q[due].status == "open" and "Không hiểu câu trả lời «hôm qua»" in q[due].reason
    orphans = {o.review_id: o for o in model.review.orphans}
    assert set(orphans) == {"D-0123456789/ten", "H-9999999999"}
    assert orphans["D-0123456789/ten"].shown == "Tên đọc sai" and "Tên cũ" in orphans["D-0123456789/ten"].answer
    paths = outputs.write_reports(url, tmp / "out", units, today=TODAY)
    assert paths.orphans == 2
    import openpyxl

    ws = openpyxl.load_workbook(tmp / "out" / outputs.XLSX_NAME)["Cần kiểm tra"]
    texts = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "Trả lời không còn khớp mục nào (2)" in texts and "D-0123456789/ten" in texts


def test_resubmission_marks_changed_cells_and_lists_old_values(tmp_path: Path) -> None:
    import openpyxl

    url = f"sqlite:///{tmp_path / 'pipeline.sqlite'}"
    engine = store.open_store(url)

    def form(tag: str, issued: str, address: str, names: list[str]) -> Record:
        rec = Record(document=Document(path=f"{tag}.docx", sha256=_sha(tag), format="docx"))
        rec.meta = DocumentMeta(kind="registration_form", unit="Chi bộ khu phố 9", issued_on=issued,
                                title="Danh sách năm 2025")
        rec.registrations = [Registration("Chi bộ khu phố 9", "new", i + 1, n, address=address, field="economy",
                                          period=Period("2025-03-01", "2025-12-31", "Tháng 3 - 12/2025"),
                                          location=Location(page=1, table=0, row=i + 1)) for i, n in enumerate(names)]
        return rec

    _commit(engine, form("v1", "2025-02-01", "Ngõ 5", ["Vườn rau", "Camera"]))
    _commit(engine, form("v2", "2025-02-15", "Ngõ 5, ngõ 7", ["Vườn rau", "Tủ sách"]), "2025-02-16T01:00:00+00:00")
    outputs.write_reports(url, tmp_path / "out", today=TODAY)
    store.close_store(url)
    wb = openpyxl.load_workbook(tmp_path / "out" / outputs.XLSX_NAME)
    ws = wb["Tổng hợp 2025"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    row = cells["Vườn rau"].row  # kept in the resubmission, its address changed
    changed = ws.cell(row=row, column=6)
    assert changed.value == "Ngõ 5, ngõ 7" and changed.fill.fgColor.rgb.endswith("FFF2CC")
    assert "trước đây: «Ngõ 5 (biểu ngày 01/02/2025)»" in changed.comment.text
    assert "Dòng mới thêm" in cells["Tủ sách"].comment.text
    notes = [str(c.value) for c in wb["Đã thay thế"]["L"] if c.value]
    assert "Địa chỉ: «Ngõ 5» → «Ngõ 5, ngõ 7»" in notes and "bỏ ở biểu mới" in notes


def test_doubted_header_fields_are_named_in_vietnamese_show_what_was_read_and_take_corrections(tmp_path: Path) -> None:
    """The issuer, place and signer of a letter read with doubt: the queue names each field in Vietnamese (never
    the record's key), shows the value read, and a «Sửa thành» answer replaces it in the documents list."""
    url = f"sqlite:///{tmp_path / 'pipeline.sqlite'}"
    engine = store.open_store(url)
    try:
        from pipeline.model import Signer

        rec = Record(document=Document(path="cv-12.pdf", sha256=_sha("letter"), format="pdf", ocr=True))
        rec.meta = DocumentMeta(kind="official_letter", number="12/UBND-VX", issued_on="2025-03-02",
                                issuer="Ban Nhân dân ủy", place="Mỹ Phước", signer=Signer("Zuyễn Văn Tâm", None),
                                title="V/v rà soát hộ nghèo")
        rec.meta.confidence = {"issuer": 0.5, "place": 0.6, "signer": 0.6, "kind": 0.55}
        rec.meta.review = {"issuer": ["cơ quan ban hành suy ra từ nội dung văn bản"],
                           "signer": ["không đọc được chức danh người ký (con dấu, chữ ký che khuất?)"],
                           "kind": ["loại văn bản suy ra từ nội dung hoặc ký hiệu số"]}
        _commit(engine, rec)
        tables, model = outputs.load_model(url, None, today=TODAY)
        doc_items = {i.review_id.split("/")[-1]: i for i in model.review.items if i.item_kind == "document"}
        assert {code: (i.field_label, i.value) for code, i in doc_items.items()} == {
            "coquan": ("Cơ quan ban hành", "Ban Nhân dân ủy"), "diadanh": ("Địa danh", "Mỹ Phước"),
            "nguoiky": ("Người ký", "Zuyễn Văn Tâm"), "loai": ("Loại văn bản", "Công văn")}
        store.record_answers(engine, store.Answers([
            {"item_id": doc_items["coquan"].review_id, "verdict": "corrected", "value": "Ủy ban nhân dân phường"},
            {"item_id": doc_items["nguoiky"].review_id, "verdict": "corrected", "value": "Nguyễn Văn Tâm"},
        ], [], "test"))
        tables, model = outputs.load_model(url, None, today=TODAY)
        (doc,) = model.docs.values()
        assert (doc.issuer, doc.signer) == ("Ủy ban nhân dân phường", "Nguyễn Văn Tâm")
    finally:
        store.close_store(url)
