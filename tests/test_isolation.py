"""One file never stops the run: a store that refuses one file's rows, limits remembered by hash,
255-byte names moved across filesystems, and `pipeline extract` on a pipe."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import exc as sa_exc

from batch_helpers import letter_text, run_cli, sqlite_url, tmpfs, write_letters
from pipeline import batch, store
from pipeline.names import fs_len
from pipeline.reasons import KINDS

PIPELINE = Path(sys.executable).parent / "pipeline"


def test_rows_the_store_refuses_quarantine_only_that_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = write_letters(tmp_path / "inbox", 3)
    real_commit = store.commit_document

    def refusing(engine, file_info, rows, run_id, stored_path):  # type: ignore[no-untyped-def]
        if file_info["path"] == paths[1].name:
            raise sa_exc.DataError("INSERT INTO deadlines …", {}, ValueError("value too long for type varchar(16)"))
        return real_commit(engine, file_info, rows, run_id, stored_path)

    monkeypatch.setattr(store, "commit_document", refusing)
    result = batch.run_batch(tmp_path / "inbox", data_dir=tmp_path / "data", out_dir=tmp_path / "out", workers=1,
                             report=False)
    assert result.exit_code == 1 and result.counts["new"] == 2 and result.counts["quarantined"] == 1
    files = store.query(sqlite_url(tmp_path / "data"), "select path, status, reason from files order by path")
    assert list(files["status"]) == ["processed", "quarantined", "processed"]
    assert files["reason"][1].startswith(KINDS["store"]) and "value too long" in files["reason"][1]
    assert (tmp_path / "data" / "quarantine" / f"{paths[1].name}.reason.txt").is_file()


def test_a_store_that_is_down_stops_the_run_and_keeps_the_files(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    write_letters(tmp_path / "inbox", 3)

    def down(*_args: object, **_kwargs: object) -> None:
        raise sa_exc.OperationalError("INSERT …", {}, Exception("database or disk is full"))

    monkeypatch.setattr(store, "commit_document", down)
    result = batch.run_batch(tmp_path / "inbox", data_dir=tmp_path / "data", out_dir=tmp_path / "out", workers=1,
                             report=False)
    assert result.exit_code == 2 and result.summary["status"] == "failed"
    assert len(list((tmp_path / "inbox").iterdir())) == 3  # nothing quarantined for the store's fault


def test_a_file_over_the_limits_is_not_read_again_until_it_changes_or_the_limits_grow(tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    content = letter_text(7)
    (tmp_path / "inbox" / "treo.txt").write_text(content, encoding="utf-8")
    first = run_cli(["run", "--inbox", "inbox", "--no-report", "--time-limit", "2"], cwd=tmp_path,
                    env={"PIPELINE_TEST_HANG_NAME": "treo.txt"})
    assert first.returncode == 1, first.stderr
    reason = store.query(sqlite_url(tmp_path / "data"), "select reason from files")["reason"][0]
    assert "quá thời gian/bộ nhớ" in reason and "time limit 2 s" in reason

    # dropped again: if it were read, the crash hook would fire and the reason would change
    (tmp_path / "inbox" / "treo.txt").write_text(content, encoding="utf-8")
    second = run_cli(["run", "--inbox", "inbox", "--no-report", "--time-limit", "2"], cwd=tmp_path,
                     env={"PIPELINE_TEST_CRASH_NAME": "treo.txt"})
    assert second.returncode == 1 and "not read again until it changes" in second.stderr
    reasons = list(store.query(sqlite_url(tmp_path / "data"), "select reason from files order by id")["reason"])
    assert reasons == [reason, reason]

    # a larger limit: read again (and this time the reader dies)
    (tmp_path / "inbox" / "treo.txt").write_text(content, encoding="utf-8")
    third = run_cli(["run", "--inbox", "inbox", "--no-report", "--time-limit", "3"], cwd=tmp_path,
                    env={"PIPELINE_TEST_CRASH_NAME": "treo.txt"})
    assert third.returncode == 1
    last = store.query(sqlite_url(tmp_path / "data"), "select reason from files order by id desc")["reason"][0]
    assert last.startswith(KINDS["crash"])

    # changed content under the first limits: read again (the reader dies at once, so no limit is reached)
    (tmp_path / "inbox" / "treo.txt").write_text(content + "\nđã sửa\n", encoding="utf-8")
    fourth = run_cli(["run", "--inbox", "inbox", "--no-report", "--time-limit", "2"], cwd=tmp_path,
                     env={"PIPELINE_TEST_CRASH_NAME": "treo.txt"})
    assert fourth.returncode == 1 and "not read again" not in fourth.stderr
    last = store.query(sqlite_url(tmp_path / "data"), "select reason from files order by id desc")["reason"][0]
    assert last.startswith(KINDS["crash"])


def _long(suffix: str) -> str:
    name = ("Báo cáo kết quả " * 30).encode()[:255 - len(suffix)].decode(errors="ignore")
    return name + "x" * (255 - len(suffix) - fs_len(name)) + suffix


def test_255_byte_names_are_moved_across_filesystems_with_their_notes(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with tmpfs(data, size="32m"):
        (tmp_path / "inbox").mkdir()
        good, bad = _long(".txt"), _long(".pdf")
        (tmp_path / "inbox" / good).write_text(letter_text(1), encoding="utf-8")
        (tmp_path / "inbox" / bad).write_bytes(b"%PDF-1.4\n%broken")
        done = run_cli(["run", "--inbox", "inbox", "--no-report"], cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert list((tmp_path / "inbox").iterdir()) == []
        processed = [p for p in (data / "processed").rglob("*") if p.is_file()]
        assert [p.name for p in processed] == [good]
        quarantined = sorted(p.name for p in (data / "quarantine").iterdir())
        assert bad in quarantined and len(quarantined) == 2
        note = next(data / "quarantine" / n for n in quarantined if n != bad)
        assert note.name.endswith(".reason.txt") and fs_len(note.name) <= 255
        text = note.read_text(encoding="utf-8")
        assert f"Tên tệp trong thư mục này: {bad}" in text and "Lý do không đọc được: " in text


def test_extract_never_waits_on_a_pipe_and_escapes_odd_names(tmp_path: Path) -> None:
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)
    done = subprocess.run([str(PIPELINE), "extract", str(fifo)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "not a regular file" in done.stderr
    odd = os.path.join(os.fsencode(tmp_path), b"b\xe1o\nc\xe1o.txt")
    with open(odd, "wb") as fh:
        fh.write(letter_text(2).encode())
    done = subprocess.run([os.fsencode(PIPELINE), b"extract", odd], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.decode("utf-8"))
    assert record["source"]["path"].endswith("b\\xe1o\nc\\xe1o.txt")
