"""Behaviour kept or added by the clean-up: atomic writes, one-line CLI errors, --help examples."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.atomic import atomic_write
from pipeline.cli import build_parser, main


def test_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "lich.html"
    atomic_write(target, lambda tmp: tmp.write_text("mới", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "mới"
    assert [p.name for p in target.parent.iterdir()] == ["lich.html"]


def test_atomic_write_failure_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "tong-hop.xlsx"
    target.write_text("old", encoding="utf-8")

    def half_then_fail(tmp: Path) -> None:
        tmp.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        atomic_write(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["tong-hop.xlsx"]


def test_every_command_help_has_an_example() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert "example" in parser.format_help()
    for name, sub in subparsers.choices.items():
        assert "example" in sub.format_help(), name


def test_an_unexpected_error_in_a_command_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.outputs as outputs

    def broken(**_kwargs: object) -> list[Path]:
        raise ValueError("bad value in the store")

    monkeypatch.setattr(outputs, "write_reports", broken)
    status = main(["report", "--data", str(tmp_path), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert "Traceback" not in err and err.count("\n") == 1
    assert "ValueError: bad value in the store" in err


def test_export_of_a_damaged_store_is_one_line(tmp_path: Path) -> None:
    damaged = tmp_path / "pipeline.sqlite"
    damaged.write_text("not a database", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline", "export", "--table", "documents", "--data", str(tmp_path),
                           "-o", str(tmp_path / "documents.csv")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.strip().count("\n") == 0
    assert not (tmp_path / "documents.csv").exists()
