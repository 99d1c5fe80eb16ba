"""Nothing a reviewer answered is lost: answers, done marks and replaced rows survive a kill -9 mid-run, and an
answered workbook killed between its commit and its move is finished — not applied twice — by the next run."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, text

import reports_helpers as rh
from batch_helpers import write_letters

FORM = (rh.CORPUS / "form-hoi-lhpn-phuong.txt").read_text(encoding="utf-8")


def _form(folder: Path, name: str, title_year: str, date: str, first_row: str) -> None:
    """The Hội LHPN form as a text file, its title year and date and first model name changed."""
    text_ = FORM.replace("KHÉO NĂM 2024", f"KHÉO NĂM {title_year}").replace("ngày 05 tháng 02 năm 2024", date)
    text_ = text_.replace("Hướng dẫn hội viên thanh toán không dùng tiền mặt", first_row)
    (folder / name).write_text(text_, encoding="utf-8")


def _state(tmp: Path) -> dict:  # type: ignore[type-arg]
    engine = create_engine(f"sqlite:///{tmp / 'data' / 'pipeline.sqlite'}")
    with engine.connect() as conn:
        out = {
            "corrections": [tuple(r) for r in conn.execute(text("select item_id, verdict, value from corrections"))],
            "done": [tuple(r) for r in conn.execute(text("select item_id, done from done_marks"))],
            "superseded": conn.execute(text("select count(*) from registrations where superseded")).scalar(),
        }
    engine.dispose()
    return out


def test_answers_done_marks_and_replaced_rows_survive_kill_9(tmp_path: Path) -> None:
    import openpyxl

    inbox = tmp_path / "inbox"
    write_letters(inbox, 2, prefix="ke-hoach")
    _form(inbox, "hoi-phu-nu.txt", "2023", "ngày 05 tháng 02 năm 2024", "Hướng dẫn hội viên thanh toán không dùng tiền mặt")
    first = rh.run(tmp_path, units=False)
    assert first.returncode == 0, first.stderr[-2000:]
    wb = openpyxl.load_workbook(tmp_path / "out" / rh.XLSX)
    year = next(i for i in rh.rows_by_id(rh.review_sheet(wb)) if i.endswith("/nam"))
    deadline = next(iter(rh.rows_by_id(wb["Hạn chót"])))
    rh.answer(tmp_path / "out" / rh.XLSX, inbox / "tra-loi.xlsx", {year: ("đúng", "")}, [deadline])
    _form(inbox, "hoi-phu-nu-bo-sung.txt", "2023", "ngày 20 tháng 02 năm 2024", "Ví điện tử cho hội viên")
    write_letters(inbox, 3, prefix="cong-van")
    killed = rh.run(tmp_path, env={"PIPELINE_TEST_KILL_AFTER_COMMIT": "2"}, units=False)
    assert killed.returncode == -9  # killed after two commits, before the answers were read
    resumed = rh.run(tmp_path, units=False)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    state = _state(tmp_path)
    assert state["corrections"] == [(year, "confirmed", None)]
    assert state["done"] == [(deadline, 1)]
    assert state["superseded"] == 4  # the first form's rows, replaced by the resubmission, kept and marked
    assert not [p for p in inbox.rglob("*") if p.is_file()]  # everything read, nothing left behind
    events = rh.calendar_events(tmp_path / "out" / rh.ICS)
    assert str(events[deadline]["summary"]).startswith("[Đã xong]")
    wb = openpyxl.load_workbook(tmp_path / "out" / rh.XLSX)
    assert rh.rows_by_id(rh.review_sheet(wb))[year]["Tình trạng"] == "Đã xác nhận đúng"

    # a kill right after the answers' commit, before the workbook is moved: finished next run, applied once
    rh.answer(tmp_path / "out" / rh.XLSX, inbox / "tra-loi-2.xlsx", {year: ("", "2023")}, [])
    killed = rh.run(tmp_path, env={"PIPELINE_TEST_KILL_AFTER_COMMIT": "1"}, units=False)
    assert killed.returncode == -9 and (inbox / "tra-loi-2.xlsx").exists()
    again = rh.run(tmp_path, units=False)
    assert again.returncode == 0, again.stderr[-2000:]
    assert not (inbox / "tra-loi-2.xlsx").exists()
    state = _state(tmp_path)
    assert state["corrections"] == [(year, "confirmed", None), (year, "corrected", "2023")]
    assert state["done"] == [(deadline, 1)]
    # the campaign corrected to 2023: the form's rows now count in 2023, in their own sheet
    wb = openpyxl.load_workbook(tmp_path / "out" / rh.XLSX)
    assert "Tổng hợp 2023" in wb.sheetnames
    summary = json.loads(sorted((tmp_path / "out").glob("run-*.json"))[-1].read_text(encoding="utf-8"))
    assert summary["status"] == "ok"
