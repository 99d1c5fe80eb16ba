"""The inbox job end to end on real files, a real SQLite store and real processes."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from batch_helpers import letter_text, run_cli, sqlite_url, write_letters
from pipeline import batch, store


@pytest.fixture(scope="module", autouse=True)
def warm_extraction(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load the extraction stack once in this process: forked workers inherit it (fast tests)."""
    from pipeline.files import extract_file

    sample = tmp_path_factory.mktemp("warm") / "warm.txt"
    sample.write_text(letter_text(1), encoding="utf-8")
    extract_file(sample)


def run(tmp: Path, **kwargs: object) -> batch.RunResult:
    kwargs.setdefault("workers", 1)
    kwargs.setdefault("report", False)
    return batch.run_batch(tmp / "inbox", data_dir=tmp / "data", out_dir=tmp / "out", **kwargs)  # type: ignore[arg-type]


def q(tmp: Path, sql: str):
    return store.query(sqlite_url(tmp / "data"), sql)


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def test_run_fills_the_store_moves_files_and_writes_a_summary(tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 3)
    result = run(tmp_path)
    assert result.exit_code == 0
    assert result.counts == {"new": 3, "unchanged": 0, "superseded": 0, "quarantined": 0,
                             "warnings": result.counts["warnings"], "duplicates": 0}
    assert files_under(tmp_path / "inbox") == []
    day = time.strftime("%Y-%m-%d")
    assert files_under(tmp_path / "data" / "processed") == [f"{day}/ke-hoach-{i:03d}.txt" for i in range(3)]
    files = q(tmp_path, "select path, status, stored_path, version from files order by path")
    assert list(files["status"]) == ["processed"] * 3
    assert list(files["stored_path"]) == [f"processed/{day}/ke-hoach-{i:03d}.txt" for i in range(3)]
    assert q(tmp_path, "select count(*) as n from documents")["n"][0] == 3
    summary = json.loads(result.summary_path.read_text(encoding="utf-8"))
    assert result.summary_path.name.startswith("run-") and summary["new"] == 3 and summary["exit_code"] == 0
    runs = q(tmp_path, "select status, exit_code, new, quarantined from runs")
    assert list(runs.iloc[0]) == ["ok", 0, 3, 0]


def test_unchanged_files_are_never_extracted_again(tmp_path: Path) -> None:
    originals = write_letters(tmp_path / "src", 4)
    (tmp_path / "inbox").mkdir()
    for p in originals:
        (tmp_path / "inbox" / p.name).write_bytes(p.read_bytes())
    assert run(tmp_path).exit_code == 0
    for p in originals:  # the clerk drops the same files again
        (tmp_path / "inbox" / p.name).write_bytes(p.read_bytes())
    os.environ["PIPELINE_TEST_SLOW_SECONDS"] = "30"  # any extraction would now take 30 s per file
    try:
        started = time.monotonic()
        result = run(tmp_path)
        elapsed = time.monotonic() - started
    finally:
        del os.environ["PIPELINE_TEST_SLOW_SECONDS"]
    assert elapsed < 10
    assert result.exit_code == 0 and result.counts["unchanged"] == 4 and result.counts["new"] == 0
    assert q(tmp_path, "select count(*) as n from documents")["n"][0] == 4
    # the re-dropped copies are archived beside the first ones, never overwriting them
    assert files_under(tmp_path / "inbox") == []
    assert len(files_under(tmp_path / "data" / "processed")) == 8


def test_keep_inbox_leaves_files_and_reruns_report_them_unchanged(tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 2)
    assert run(tmp_path, move=False).counts["new"] == 2
    again = run(tmp_path, move=False)
    assert again.counts["unchanged"] == 2 and again.counts["new"] == 0
    assert len(files_under(tmp_path / "inbox")) == 2
    assert not (tmp_path / "data" / "processed").exists()


def test_keep_inbox_records_a_bad_file_or_link_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_letters(inbox, 1)
    (inbox / "rỗng.txt").write_bytes(b"")
    (inbox / "link.txt").symlink_to(tmp_path)
    assert run(tmp_path, move=False).exit_code == 1
    again = run(tmp_path, move=False)
    assert again.exit_code == 0 and again.counts["quarantined"] == 0
    assert q(tmp_path, "select count(*) as n from files")["n"][0] == 3


def test_vietnamese_names_spaces_dots_and_subfolders(tmp_path: Path) -> None:
    names = ["Kế hoạch số 12 .. năm 2025.txt", "Chi bộ khối 5/Danh sách đăng ký ..txt", "a..b..c.txt",
             "Hội LHPN/ Báo cáo  quý I.txt"]
    for i, name in enumerate(names):
        p = tmp_path / "inbox" / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(letter_text(i), encoding="utf-8")
    result = run(tmp_path)
    assert result.exit_code == 0 and result.counts["new"] == 4
    day = time.strftime("%Y-%m-%d")
    assert files_under(tmp_path / "data" / "processed") == sorted(f"{day}/{n}" for n in names)
    assert sorted(q(tmp_path, "select path from files")["path"]) == sorted(names)


def test_a_name_taken_in_processed_gets_a_suffix_never_an_overwrite(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "bao-cao.txt").write_text(letter_text(1), encoding="utf-8")
    run(tmp_path)
    (tmp_path / "inbox" / "bao-cao.txt").write_text(letter_text(2), encoding="utf-8")  # a changed version
    result = run(tmp_path)
    assert result.counts["new"] == 1
    day = time.strftime("%Y-%m-%d")
    assert files_under(tmp_path / "data" / "processed") == [f"{day}/bao-cao (2).txt", f"{day}/bao-cao.txt"]
    assert list(q(tmp_path, "select version from files order by id")["version"]) == [1, 2]


def test_unreadable_files_go_to_quarantine_with_a_reason_and_exit_1(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_letters(inbox, 1)
    (inbox / "trống.pdf").write_bytes(b"")
    (inbox / "nén.docx").write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(64))  # a gzip under a .docx name
    result = run(tmp_path)
    assert result.exit_code == 1
    assert result.counts["new"] == 1 and result.counts["quarantined"] == 2
    quarantine = tmp_path / "data" / "quarantine"
    assert files_under(quarantine) == ["nén.docx", "nén.docx.reason.txt", "trống.pdf", "trống.pdf.reason.txt"]
    assert "empty file" in (quarantine / "trống.pdf.reason.txt").read_text(encoding="utf-8")
    reasons = q(tmp_path, "select path, reason from files where status = 'quarantined' order by path")
    assert "archive" in reasons["reason"][0] and "empty" in reasons["reason"][1]
    assert json.loads(result.summary_path.read_text(encoding="utf-8"))["quarantined"] == 2


def test_temporary_and_hidden_files_are_skipped(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_letters(inbox, 1)
    for name in ("~$Danh sách.docx", "tai-ve.pdf.part", ".an.txt", "dang-chep.crdownload"):
        (inbox / name).write_text(letter_text(9), encoding="utf-8")
    result = run(tmp_path)
    assert result.exit_code == 0 and result.counts["new"] == 1
    assert files_under(inbox) == sorted([".an.txt", "dang-chep.crdownload", "tai-ve.pdf.part", "~$Danh sách.docx"])


def test_symlinks_pointing_outside_the_inbox_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "bi-mat.txt"
    write_letters(secret.parent, 0)
    secret.write_text(letter_text(77, tag="nội dung ngoài inbox"), encoding="utf-8")
    inbox = tmp_path / "inbox"
    write_letters(inbox, 1)
    (inbox / "lien-ket.txt").symlink_to(secret)
    (inbox / "thu-muc-lien-ket").symlink_to(secret.parent, target_is_directory=True)
    result = run(tmp_path)
    assert result.exit_code == 1 and result.counts["new"] == 1 and result.counts["quarantined"] == 2
    assert secret.read_text(encoding="utf-8").endswith("\n") and secret.is_file()  # untouched, still there
    record_json = " ".join(q(tmp_path, "select record from documents")["record"])
    assert "nội dung ngoài inbox" not in record_json
    quarantine = tmp_path / "data" / "quarantine"
    assert (quarantine / "lien-ket.txt").is_symlink()  # the link itself was moved, not its target
    assert "symbolic link" in (quarantine / "lien-ket.txt.reason.txt").read_text(encoding="utf-8")


def test_same_bytes_twice_in_one_drop_are_read_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(letter_text(5, tag="same"), encoding="utf-8")
    (inbox / "b.txt").write_text(letter_text(5, tag="same"), encoding="utf-8")
    result = run(tmp_path)
    assert result.counts["new"] == 1 and result.counts["unchanged"] == 1
    assert q(tmp_path, "select count(*) as n from documents")["n"][0] == 1
    assert files_under(inbox) == []


def test_a_copy_of_an_unreadable_file_is_quarantined_too(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("hỏng.docx", "hỏng - bản sao.docx"):
        (inbox / name).write_bytes(b"PK\x03\x04 not really a zip")
    result = run(tmp_path)
    assert result.exit_code == 1 and result.counts["quarantined"] == 2
    assert files_under(tmp_path / "data" / "quarantine") == [
        "hỏng - bản sao.docx", "hỏng - bản sao.docx.reason.txt", "hỏng.docx", "hỏng.docx.reason.txt"]


def test_data_folder_inside_the_inbox_is_not_scanned(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_letters(inbox, 2)
    first = batch.run_batch(inbox, data_dir=inbox / "data", out_dir=inbox / "out", workers=1, report=False)
    assert first.counts["new"] == 2
    second = batch.run_batch(inbox, data_dir=inbox / "data", out_dir=inbox / "out", workers=1, report=False)
    assert second.counts == {"new": 0, "unchanged": 0, "superseded": 0, "quarantined": 0, "warnings": 0,
                             "duplicates": 0}


def test_two_workers_commit_every_file_once(tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 6)
    result = run(tmp_path, workers=2)
    assert result.exit_code == 0 and result.counts["new"] == 6
    assert q(tmp_path, "select count(distinct sha256) as n, count(*) as m from files").iloc[0].tolist() == [6, 6]


def test_reports_are_written_at_the_end(tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 1)
    result = run(tmp_path, report=True)
    assert result.exit_code == 0 and result.counts["new"] == 1
    written = {p.suffix for p in (tmp_path / "out").rglob("*")}
    assert {".json", ".xlsx", ".ics"} <= written


def test_a_missing_outputs_module_is_a_warning_not_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pipeline.outputs", None)  # import now raises ImportError
    write_letters(tmp_path / "inbox", 1)
    result = run(tmp_path, report=True)
    assert result.exit_code == 0 and result.counts["new"] == 1
    assert "reports not written" in caplog.text


def test_cli_run_twice_second_reports_unchanged(tmp_path: Path) -> None:
    write_letters(tmp_path / "inbox", 2)
    first = run_cli(["run", "--inbox", "inbox", "--no-report", "--workers", "1", "--keep-inbox"], cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = run_cli(["run", "--inbox", "inbox", "--no-report", "--keep-inbox"], cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "new 0, unchanged 2" in second.stderr
    assert (tmp_path / "data" / "pipeline.sqlite").is_file()  # default data folder: ./data
    listing = run_cli(["query", "select count(*) as n from documents", "--format", "csv"], cwd=tmp_path)
    assert listing.stdout.split() == ["n", "2"]
