"""Reruns that do nothing rewrite nothing: the store's revision, the outputs' record of what they were built
from, and every reason to build again (a commit, answers, a missing output, units, year, the day)."""
from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

import pytest

import test_outputs_helpers as h
from batch_helpers import run_cli, write_letters
from pipeline import outputs, store

TODAY = date(2025, 3, 20)


def _mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*")
            if p.is_file() and p.name != outputs.STAMP_NAME}


@pytest.fixture()
def built(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = h.build_store(tmp_path)
    units = h.write_units_csv(tmp_path / "units.csv", h.UNITS_CSV)
    out = tmp_path / "out"
    first = outputs.write_reports(url, out, units, today=TODAY, if_changed=True)
    yield url, units, out, first
    store.close_store(url)


def test_every_commit_that_the_reports_show_bumps_the_revision(tmp_path: Path) -> None:
    url = h.build_store(tmp_path)
    engine = store.open_store(url)
    store_id, rev = store.revision(engine)
    assert len(store_id) == 32 and rev == 1 + 4  # a fresh store, then one commit per document
    info = {"path": "hong.pdf", "name": "hong.pdf", "sha256": "f" * 64, "size": 3}
    bad = store.commit_quarantine(engine, info, "tệp hỏng", None, "quarantine/hong.pdf")
    assert store.revision(engine) == (store_id, rev + 1)
    store.set_stored_path(engine, bad.file_id, None)
    assert store.revision(engine) == (store_id, rev + 2)
    answer = store.Answers([], [{"item_id": "H-0000000000", "done": True}], "test")
    store.record_answers(engine, answer)
    assert store.revision(engine) == (store_id, rev + 3)
    store.record_answers(engine, answer)  # the same answer again changes nothing, so nothing counts
    store.start_run(engine, "inbox")  # nor does a run's own row
    assert store.revision(engine) == (store_id, rev + 3)
    store.close_store(url)
    other = store.open_store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    assert store.revision(other)[0] != store_id  # two stores are told apart, whatever their revisions
    store.close_store(f"sqlite:///{tmp_path / 'other.sqlite'}")


def test_an_unchanged_store_rewrites_nothing_the_same_day(built) -> None:  # type: ignore[no-untyped-def]
    url, units, out, first = built
    assert first.rebuilt and (out / outputs.STAMP_NAME).exists()
    before = _mtimes(out)
    again = outputs.write_reports(url, out, units, today=TODAY, if_changed=True)
    assert not again.rebuilt
    assert _mtimes(out) == before
    # what the closing summary tells comes from the record, the same as when they were built
    assert sorted(map(str, again)) == sorted(map(str, first))
    for key in ("review_open", "review_answered", "orphans", "campaign", "missing_units", "late_units",
                "workbook", "calendar", "page"):
        assert getattr(again, key) == getattr(first, key), key
    # `pipeline report` (no if_changed) always writes
    assert outputs.write_reports(url, out, units, today=TODAY).rebuilt


@pytest.mark.parametrize("change", ["commit", "answer", "missing", "edited", "units", "year", "next day"])
def test_what_makes_a_rerun_build_again(built, change: str) -> None:  # type: ignore[no-untyped-def]
    url, units, out, _ = built
    today, year = TODAY, None
    if change == "commit":
        rec = h.plan_record()
        rec.document.path, rec.document.sha256 = "ke-hoach-13.pdf", "e" * 64
        from pipeline.normalize import record_rows

        store.commit_document(store.open_store(url), {"path": "ke-hoach-13.pdf", "name": "ke-hoach-13.pdf",
                                                      "sha256": "e" * 64, "size": 9}, record_rows(rec), None, None)
    elif change == "answer":
        store.record_answers(store.open_store(url), store.Answers([], [{"item_id": "H-1", "done": True}], "test"))
    elif change == "missing":
        (out / outputs.HTML_NAME).unlink()
    elif change == "edited":
        (out / outputs.EXPORT_DIR / "registrations.csv").write_text("x", encoding="utf-8")
    elif change == "units":
        h.write_units_csv(units, h.UNITS_CSV + "Chi bộ Ấp Mới;chi bộ\n")
    elif change == "year":
        year = 2024
    else:
        today = TODAY + timedelta(days=1)  # the store has open dated deadlines: "Còn N ngày" changes
    paths = outputs.write_reports(url, out, units, today=today, year=year, if_changed=True)
    assert paths.rebuilt
    assert (out / outputs.HTML_NAME).exists()


def test_a_day_change_that_changes_no_status_keeps_the_outputs(built) -> None:  # type: ignore[no-untyped-def]
    url, units, out, _ = built
    engine = store.open_store(url)
    with engine.connect() as conn:
        ids = [r.item_id for r in conn.execute(store.deadlines.select())]
    store.record_answers(engine, store.Answers([], [{"item_id": i, "done": True} for i in ids], "test"))
    late = date(2025, 12, 1)  # every milestone over, every deadline done
    outputs.write_reports(url, out, units, today=late, if_changed=True)
    record = json.loads((out / outputs.STAMP_NAME).read_text(encoding="utf-8"))
    assert record["valid_through"] == "2025-12-31"  # the page marks the current month
    before = _mtimes(out)
    assert not outputs.write_reports(url, out, units, today=late + timedelta(days=5), if_changed=True).rebuilt
    assert _mtimes(out) == before
    assert outputs.write_reports(url, out, units, today=date(2026, 1, 2), if_changed=True).rebuilt


def test_an_ongoing_milestone_keeps_them_until_it_ends(built) -> None:  # type: ignore[no-untyped-def]
    url, units, out, _ = built
    tables, model = outputs.load_model(url, units, today=date(2025, 4, 10))
    for it in model.items:
        it.done = it.kind == "deadline"  # only the milestones count now
    model.items = [it for it in model.items if it.kind == "deadline" or it.end == date(2025, 4, 30)]
    assert outputs.valid_through(model, date(2025, 4, 10)) == date(2025, 4, 30)  # "Đang diễn ra" until it ends


def test_a_build_that_fails_halfway_is_built_again(built, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url, units, out, _ = built
    store.record_answers(store.open_store(url), store.Answers([], [{"item_id": "H-2", "done": True}], "test"))

    def broken(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("calendar writer broke")

    monkeypatch.setattr(outputs, "write_calendar", broken)
    with pytest.raises(outputs.ReportError):
        outputs.write_reports(url, out, units, today=TODAY, if_changed=True)
    assert not (out / outputs.STAMP_NAME).exists()
    monkeypatch.undo()
    assert outputs.write_reports(url, out, units, today=TODAY, if_changed=True).rebuilt


def test_pipeline_run_twice_rewrites_nothing_the_second_time(tmp_path: Path) -> None:
    inbox, data, out = tmp_path / "inbox", tmp_path / "data", tmp_path / "out"
    write_letters(inbox, 3)
    args = ["run", "--inbox", str(inbox), "--data", str(data), "--out", str(out), "--workers", "1"]
    first = run_cli(args, tmp_path)
    assert first.returncode == 0, first.stderr
    before = _mtimes(out)
    assert any(name.endswith(".xlsx") for name in before)
    again = run_cli(args, tmp_path)
    assert again.returncode == 0, again.stderr
    assert "reports up to date" in again.stderr
    assert "không ghi lại" in again.stdout
    after = _mtimes(out)
    assert {k: v for k, v in after.items() if k in before} == before  # only the run's own summary is new
    assert [k for k in after if k not in before] == [k for k in after if k.startswith("run-") and k not in before]
    write_letters(inbox, 1, prefix="moi")  # a new file: built again
    third = run_cli(args, tmp_path)
    assert third.returncode == 0, third.stderr
    assert "reports up to date" not in third.stderr
    assert os.stat(out / outputs.XLSX_NAME).st_mtime_ns != before[outputs.XLSX_NAME]


def test_reports_read_the_store_with_one_query_per_table_whatever_the_files(tmp_path: Path) -> None:
    from sqlalchemy import event

    from pipeline.normalize import record_rows

    def statements(url: str, out: Path) -> list[str]:
        seen: list[str] = []
        engine = store.open_store(url)
        listener = lambda _c, _cur, sql, *_a: seen.append(sql.split()[0].lower())  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            outputs.write_reports(url, out)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
        return seen

    small = h.build_store(tmp_path / "a")
    big = h.build_store(tmp_path / "b")
    engine = store.open_store(big)
    for i in range(20):  # twenty more plans, each with its deadlines, milestones and quotas
        rec = h.plan_record()
        rec.document.path, rec.document.sha256 = f"ke-hoach-{i}.pdf", f"{i:064x}"
        store.commit_document(engine, {"path": rec.document.path, "name": rec.document.path,
                                       "sha256": rec.document.sha256, "size": 9}, record_rows(rec), None, None)
    few, many = statements(small, tmp_path / "out-a"), statements(big, tmp_path / "out-b")
    assert few == many
    assert few.count("select") <= len(outputs.TABLES) + 4  # the model's tables, review_items, runs, store_state
    store.close_store(small)
    store.close_store(big)


def test_up_to_date_outputs_need_no_report_builder(built) -> None:  # type: ignore[no-untyped-def]
    """A fresh process that finds the outputs up to date never imports the workbook, calendar or page writers."""
    import subprocess
    import sys

    url, units, out, _ = built
    code = ("import sys; from datetime import date; from pipeline import outputs; "
            f"kept = outputs.write_reports({url!r}, {str(out)!r}, {str(units)!r}, today=date.fromisoformat("
            f"{TODAY.isoformat()!r}), if_changed=True); "
            "print(kept.rebuilt, sorted(m for m in sys.modules if m.startswith('pipeline.reports.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1])
    rebuilt, loaded = done.stdout.strip().split(" ", 1)
    assert rebuilt == "False"
    assert "workbook" not in loaded and "calendar" not in loaded and "pipeline.reports.page" not in loaded
    assert outputs.TABLES and callable(outputs.write_html)  # the builders are still there, on demand
