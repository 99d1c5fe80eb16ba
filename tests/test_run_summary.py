"""The clerk's and the operator's view of `pipeline run`: a Vietnamese closing summary, English logs, the run JSON
listing its warnings, and a mistyped --units refused before anything is read."""
from __future__ import annotations

import json
from pathlib import Path

from batch_helpers import run_cli, write_letters


def _run(tmp: Path, *extra: str):  # type: ignore[no-untyped-def]
    return run_cli(["run", "--inbox", str(tmp / "inbox"), "--data", str(tmp / "data"), "--out", str(tmp / "out"),
                    "--workers", "1", *extra], cwd=tmp)


def test_mistyped_units_is_an_error_and_nothing_is_read(tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 1)
    done = _run(tmp_path, "--units", str(tmp_path / "unit.csv"))
    assert done.returncode == 2
    assert "--units" in done.stderr and "no such file" in done.stderr and done.stderr.count("\n") == 1
    assert len(list((tmp_path / "inbox").iterdir())) == 1 and not (tmp_path / "data").exists()
    report = run_cli(["report", "--data", str(tmp_path / "data"), "--units", "nope.csv"], cwd=tmp_path)
    assert report.returncode == 2 and "no such file" in report.stderr


def test_closing_summary_in_vietnamese_and_warnings_in_the_run_json(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_letters(inbox, 2)
    (inbox / "hỏng.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (inbox / "ghi-chu.txt").write_text("Xin chào.\n", encoding="utf-8")  # read fine, but nothing in it
    (inbox / "bang-ma-la.txt").write_bytes("Kế hoạch số 5/KH gửi trước ngày 10/4/2025".encode("utf-8") + b"\xff\xfe\x00")
    done = _run(tmp_path)
    assert done.returncode == 1  # a file quarantined
    out = done.stdout
    assert out.startswith("Kết quả lần chạy số 1")
    assert "Tệp mới 4; không đổi 0; thay thế bản cũ 0; bản trùng 0; không đọc được 1." in out
    assert "Đọc được nhưng không trích xuất được gì: ghi-chu.txt" in out
    assert "Không đọc được (đã chuyển vào thư mục quarantine/" in out and "hỏng.pdf" in out
    assert "Cần kiểm tra:" in out and "Bảng tổng hợp: " in out and "tong-hop-dang-ky-mo-hinh.xlsx" in out
    assert "Lịch hạn chót: " in out and "lich-han-chot.ics" in out
    assert " INFO " in done.stderr and "quarantined" in done.stderr  # logs stay English, on stderr
    summary = json.loads(next((tmp_path / "out").glob("run-*.json")).read_text(encoding="utf-8"))
    assert summary["warnings"] == len(summary["warning_messages"]) > 0
    assert any(m.startswith("bang-ma-la.txt: ") for m in summary["warning_messages"])
    again = _run(tmp_path)
    assert "Tệp mới 0; không đổi 0" in again.stdout  # quarantined files left the inbox: nothing to do
