"""The review round trip on real files: run → a reviewer answers in the workbook → drop it back → run.

One sai, one Sửa thành, one đúng and one deadline marked done must appear in the workbook, the calendar
and the store, and stay after a rerun and after a re-extraction of the same files (new row ids, same
stable item ids).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import reports_helpers as rh
from batch_helpers import REPO

FILES = ["form-chi-bo-khoi-2-scan.jpg", "form-chi-bo-khoi-5.docx", "kh-344-my-phuoc.docx"]

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None,
                                reason="Tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-vie)")


def _store(tmp: Path):  # type: ignore[no-untyped-def]
    return create_engine(f"sqlite:///{tmp / 'data' / 'pipeline.sqlite'}")


def _queue(tmp: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    import openpyxl

    return rh.rows_by_id(rh.review_sheet(openpyxl.load_workbook(tmp / "out" / rh.XLSX)))


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    """Run, answer four things in the workbook, drop it into the inbox, run again."""
    import openpyxl

    tmp = tmp_path_factory.mktemp("roundtrip")
    rh.copy_corpus(tmp / "inbox", FILES)
    first = rh.run(tmp)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "Cần kiểm tra:" in first.stdout  # the Vietnamese closing summary
    queue = _queue(tmp)
    ocr = next(i for i, r in queue.items() if "bản quét" in str(r["Lý do cần kiểm tra"]) and i.endswith("/thoigian"))
    year = next(i for i, r in queue.items() if i.endswith("/nam"))
    before_doc = next(i for i, r in queue.items() if i.startswith("M-") and "trước ngày ban hành" in
                      str(r["Lý do cần kiểm tra"]))
    deadlines = rh.rows_by_id(openpyxl.load_workbook(tmp / "out" / rh.XLSX)["Hạn chót"])
    overdue = next(i for i, r in deadlines.items() if i.startswith("H-") and str(r["Tình trạng"]).startswith("Quá hạn"))
    answers = {ocr: ("sai", "Tháng 5 - 11/2024"), year: ("đúng", ""), before_doc: ("sai", "")}
    rh.answer(tmp / "out" / rh.XLSX, tmp / "inbox" / "tong-hop-da-tra-loi.xlsx", answers, [overdue])
    second = rh.run(tmp)
    assert second.returncode == 0, second.stderr[-3000:]
    return {"tmp": tmp, "ocr": ocr, "year": year, "rejected": before_doc, "done": overdue, "second": second}


def test_answers_are_stored_keyed_by_stable_ids(answered: dict) -> None:  # type: ignore[type-arg]
    tmp = answered["tmp"]
    with _store(tmp).connect() as conn:
        fixes = {r.item_id: (r.verdict, r.value) for r in conn.execute(text("select * from corrections"))}
        marks = {r.item_id: bool(r.done) for r in conn.execute(text("select * from done_marks"))}
        status = conn.execute(text("select status, stored_path from files where name = 'tong-hop-da-tra-loi.xlsx'")).one()
        forms = conn.execute(text("select count(*) from documents where path like 'tong-hop%'")).scalar()
    assert fixes == {answered["ocr"]: ("corrected", "Tháng 5 - 11/2024"), answered["year"]: ("confirmed", None),
                     answered["rejected"]: ("rejected", None)}
    assert marks == {answered["done"]: True}
    assert status.status == "answers" and status.stored_path.startswith("processed/")  # archived, not a form
    assert forms == 0
    assert not (tmp / "inbox" / "tong-hop-da-tra-loi.xlsx").exists()
    assert "Đã nhận trả lời kiểm tra từ tong-hop-da-tra-loi.xlsx: 3 câu trả lời, 1 đánh dấu hoàn thành" in \
        answered["second"].stdout


def check_applied(tmp: Path, ids: dict) -> None:  # type: ignore[type-arg]
    """The answers show in the workbook, the calendar, the page and the review_items table."""
    import openpyxl
    from lxml import html

    wb = openpyxl.load_workbook(tmp / "out" / rh.XLSX)
    queue = rh.rows_by_id(rh.review_sheet(wb))
    assert queue[ids["ocr"]]["Tình trạng"] == "Đã sửa" and queue[ids["ocr"]]["Sửa thành"] == "Tháng 5 - 11/2024"
    assert queue[ids["year"]]["Tình trạng"] == "Đã xác nhận đúng" and queue[ids["year"]]["Xác nhận (đúng/sai)"] == "đúng"
    assert queue[ids["rejected"]]["Tình trạng"] == "Đã loại (sai)"
    summary = wb.worksheets[0]
    row_id = ids["ocr"].split("/")[0]
    rows = rh.rows_by_id(summary)
    assert rows[row_id]["Thời gian thực hiện"] == "Tháng 5 - 11/2024"  # the correction replaces the value read
    cell = summary.cell(row=rows[row_id]["_row"], column=rh.header(summary)[1]["Thời gian thực hiện"])
    assert cell.fill.fgColor.rgb.endswith("E2EFDA") and "Tháng 5 - E" in cell.comment.text  # marked, value read kept
    deadlines = rh.rows_by_id(wb["Hạn chót"])
    rejected = deadlines[ids["rejected"].split("/")[0]]  # its date answered "sai": the date is gone, not the item
    assert rejected["Thời hạn"] == "không có ngày cụ thể" and rejected["Từ ngày / Hạn"] is None
    assert deadlines[ids["done"]]["Đã hoàn thành"] == "x" and deadlines[ids["done"]]["Tình trạng"].startswith(
        "Đã hoàn thành")
    events = rh.calendar_events(tmp / "out" / rh.ICS)
    assert ids["rejected"].split("/")[0] not in events
    done = events[ids["done"]]
    assert str(done["summary"]).startswith("[Đã xong] Hạn chót:") and not [c for c in done.walk() if c.name == "VALARM"]
    page = html.fromstring((tmp / "out" / rh.HTML).read_bytes())
    overdue = page.get_element_by_id("qua-han").getnext()
    assert ids["done"] not in overdue.text_content()
    assert ids["done"] in page.get_element_by_id("da-xong").getnext().text_content()
    with _store(tmp).connect() as conn:
        stored = {r.item_id: r.status for r in conn.execute(text("select item_id, status from review_items"))}
    assert stored[ids["ocr"]] == "corrected" and stored[ids["rejected"]] == "rejected"
    assert stored[ids["year"]] == "confirmed"
    assert "orphaned" not in stored.values()


def test_answers_appear_in_workbook_calendar_page_and_store(answered: dict) -> None:  # type: ignore[type-arg]
    check_applied(answered["tmp"], answered)


def test_a_rerun_keeps_them(answered: dict) -> None:  # type: ignore[type-arg]
    tmp = answered["tmp"]
    again = rh.run(tmp)
    assert again.returncode == 0, again.stderr[-2000:]
    check_applied(tmp, answered)


def test_a_re_extraction_of_the_same_files_keeps_them(answered: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    """Every document row is dropped and the same files are read again (new row ids, as after an extractor
    upgrade): the answers, keyed by content-derived ids, still apply and none is orphaned."""
    tmp = answered["tmp"]
    with _store(tmp).begin() as conn:
        for table in ("deadlines", "milestones", "quotas", '"references"', "registrations", "review_items"):
            conn.execute(text(f"delete from {table}"))
        conn.execute(text("update files set document_id = null"))
        conn.execute(text("delete from documents"))
        conn.execute(text("delete from files where status != 'answers'"))
    for path in (tmp / "data" / "processed").rglob("*"):
        if path.is_file() and path.name in FILES:
            shutil.move(str(path), str(tmp / "inbox" / path.name))
    again = rh.run(tmp)
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"Tệp mới {len(FILES)}" in again.stdout  # every file read again from scratch
    check_applied(tmp, answered)


def test_dropping_the_same_answers_again_adds_nothing(answered: dict) -> None:  # type: ignore[type-arg]
    tmp = answered["tmp"]
    copy = tmp / "inbox" / "ban-sao.xlsx"
    shutil.copy(next((tmp / "data" / "processed").rglob("tong-hop-da-tra-loi.xlsx")), copy)
    copy.write_bytes(copy.read_bytes())  # same bytes under another name: recognised as already read
    again = rh.run(tmp)
    assert again.returncode == 0
    with _store(tmp).connect() as conn:
        assert conn.execute(text("select count(*) from corrections")).scalar() == 3
        assert conn.execute(text("select count(*) from done_marks")).scalar() == 1


def test_review_apply_and_done_commands(answered: dict, tmp_path: Path) -> None:  # type: ignore[type-arg]
    """The same answers given on the command line; an old workbook cannot undo what it did not change."""
    from batch_helpers import run_cli

    tmp = answered["tmp"]
    data = ["--data", str(tmp / "data"), "--out", str(tmp / "out2"), "--units", str(rh.UNITS)]
    stale = tmp / "stale.xlsx"
    shutil.copy(tmp / "out" / rh.XLSX, stale)  # shows the deadline done ("x") and the three answers
    undo = run_cli(["done", answered["done"], "--undo", *data], cwd=tmp)
    assert undo.returncode == 0, undo.stderr

    def last_mark() -> bool:
        with _store(tmp).connect() as conn:
            return bool(conn.execute(text("select done from done_marks order by id desc limit 1")).scalar())

    assert last_mark() is False
    applied = run_cli(["review", "apply", str(stale), *data], cwd=tmp)
    assert applied.returncode == 0, applied.stderr
    assert last_mark() is False  # the stale workbook showed "x" and nobody changed that cell: no answer
    redo = run_cli(["done", answered["done"].lower(), *data], cwd=tmp)  # ids are typed in any case
    assert redo.returncode == 0 and "đánh dấu hoàn thành 1 hạn chót" in redo.stdout
    assert last_mark() is True
    wrong = run_cli(["done", "H-0000000000", *data], cwd=tmp)
    assert wrong.returncode == 2 and "no deadline with id H-0000000000" in wrong.stderr
    not_ours = run_cli(["review", "apply", str(REPO / "corpus" / "form-chi-bo-khoi-5.xlsx"), *data], cwd=tmp)
    assert not_ours.returncode == 2 and "not a workbook written by pipeline" in not_ours.stderr
