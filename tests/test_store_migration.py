"""Migration 0001 → 0002 on a store written by the previous version, on SQLite and PostgreSQL: every row kept
(superseded ones too), new columns backfilled, copies of one form recognised, answers recorded afterwards."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from sqlalchemy import create_engine, text

from pipeline import store
from test_store import url  # noqa: F401 - the same store on SQLite and on PostgreSQL

TABLES = ("files", "documents", "deadlines", "milestones", "quotas", "references", "registrations", "units", "runs")


def _at_0001(url: str) -> None:
    """A store exactly as the previous version left it: schema 0001, rows written by its rules."""
    from alembic import command
    from alembic.config import Config

    engine = create_engine(store.engine_url(url))
    cfg = Config()
    cfg.set_main_option("script_location", str(store.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    sha = lambda tag: hashlib.sha256(tag.encode()).hexdigest()  # noqa: E731
    rows = [("form-v1.docx", "2024-02-01", "2024-02-02T01:00:00+00:00", ["Camera an ninh", "Đường hoa"], 3, "resubmitted"),
            ("form-v1.pdf", "2024-02-01", "2024-02-02T01:00:01+00:00", ["Camera an ninh", "Đường hoa"], 3, "resubmitted"),
            ("form-v2.docx", "2024-02-20", "2024-02-21T01:00:00+00:00", ["Camera an ninh", "Tủ sách"], None, None)]
    with engine.begin() as conn:
        for n, (path, issued, arrived, names, by, reason) in enumerate(rows, start=1):
            conn.execute(text("insert into files (id, path, name, sha256, status, arrived_at, processed_at, document_id, "
                              "version) values (:i, :p, :p, :s, :st, :a, :a, :i, 1)"),
                         {"i": n, "p": path, "s": sha(path), "st": "superseded" if by else "processed", "a": arrived})
            conn.execute(text("insert into documents (id, file_id, sha256, kind, issued_on, title, unit, unit_key, ocr, "
                              "path, arrived_at, record, superseded, superseded_by, superseded_reason) values "
                              "(:i, :i, :s, 'registration_form', :d, 'DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2024', "
                              "'Chi bộ khối 3', 'chi bộ khối 3', false, :p, :a, :r, :sup, :by, :why)"),
                         {"i": n, "s": sha(path), "d": issued, "p": path, "a": arrived,
                          "r": json.dumps({"document": {"unit_source": "header"}}), "sup": by is not None, "by": by,
                          "why": reason})
            for k, name in enumerate(names):
                conn.execute(text("insert into registrations (document_id, unit, unit_key, section, seq, name, field, "
                                  "field_raw, period_start, period_end, period_text, superseded, superseded_by) values "
                                  "(:d, 'Chi bộ khối 3', 'chi bộ khối 3', 'new', :k, :n, 'economy', 'KT', '2024-03-01', "
                                  "'2024-12-31', 'Tháng 3 - 12/2024', :sup, :by)"),
                             {"d": n, "k": k + 1, "n": name, "sup": by is not None, "by": by})
        conn.execute(text("insert into files (id, path, name, sha256, status, processed_at, document_id, version) "
                          "values (4, 'kh-7.pdf', 'kh-7.pdf', :s, 'processed', '2024-01-11T00:00:00+00:00', 4, 1)"),
                     {"s": sha("kh-7")})
        conn.execute(text("insert into documents (id, file_id, sha256, kind, number, issued_on, title, ocr, path, "
                          "superseded) values (4, 4, :s, 'plan', '7/KH-ĐU', '2024-01-10', "
                          "'Kế hoạch thi đua năm 2024', false, 'kh-7.pdf', false)"), {"s": sha("kh-7")})
        conn.execute(text("insert into deadlines (document_id, due, precision, text, action, year_inferred) values "
                          "(4, '2024-02-15', 'day', 'Trước ngày 15/02/2024 gửi biểu đăng ký', 'gửi biểu đăng ký', false)"))
        conn.execute(text("insert into quotas (document_id, subject, minimum, unit, exclusive, exact, item, text) "
                          "values (4, 'Mỗi chi bộ', 2, 'count', false, false, 'mô hình', "
                          "'Mỗi chi bộ đăng ký ít nhất 02 mô hình')"))
        conn.execute(text("insert into units (name, key) values ('Chi bộ khối 3', 'chi bộ khối 3')"))
        conn.execute(text("insert into runs (started_at, status, new) values ('2024-02-21T01:00:00+00:00', 'ok', 4)"))
    engine.dispose()


def _snapshot(url: str) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    engine = create_engine(store.engine_url(url))
    with engine.connect() as conn:
        out = {t: [tuple(r) for r in conn.execute(text(f'select id from "{t}" order by id'))] for t in TABLES}
    engine.dispose()
    return out


def test_migration_keeps_every_row_and_backfills(url: str, tmp_path: Path) -> None:  # noqa: F811
    _at_0001(url)
    before = _snapshot(url)
    engine = store.open_store(url)  # migrates
    assert _snapshot(url) == before  # no row lost, none added, ids unchanged
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == store.SCHEMA_REVISION
        docs = {r.path: r for r in conn.execute(text("select * from documents"))}
        regs = conn.execute(text("select document_id, name, item_id, campaign, superseded from registrations")).all()
        quota = conn.execute(text("select campaign, item_id from quotas")).one()
        deadline = conn.execute(text("select item_id from deadlines")).scalar()
    # the copy of v1 (same rows, other format) is now a duplicate of v1; v1 is still replaced by v2
    assert (docs["form-v1.pdf"].superseded, docs["form-v1.pdf"].superseded_by,
            docs["form-v1.pdf"].superseded_reason) == (True, 1, "duplicate")
    assert (docs["form-v1.docx"].superseded, docs["form-v1.docx"].superseded_by,
            docs["form-v1.docx"].superseded_reason) == (True, 3, "resubmitted")
    assert not docs["form-v2.docx"].superseded
    assert {d.campaign for d in docs.values()} == {2024} and quota.campaign == 2024
    assert docs["form-v1.docx"].unit_source == "header"  # from the stored extraction record
    assert all(r.item_id and r.campaign == 2024 for r in regs)
    camera = {r.item_id for r in regs if r.name == "Camera an ninh"}
    assert len(camera) == 1  # the same row in every version of the form: one stable id
    assert [bool(r.superseded) for r in regs if r.document_id != 3] == [True] * 4
    assert quota.item_id.startswith("C-") and deadline.startswith("H-")
    # answers after the migration, and reports from the migrated store
    store.record_answers(engine, store.Answers([{"item_id": f"{camera.pop()}/diachi", "verdict": "corrected",
                                                 "value": "Khối 3"}], [{"item_id": deadline, "done": True}], "test"))
    from pipeline import outputs

    paths = outputs.write_reports(url, tmp_path / "out")
    assert paths.workbook is not None and paths.review_open >= 0
    if url.startswith("sqlite"):
        assert list(tmp_path.glob(f"pipeline.before-{store.SCHEMA_REVISION}-*.sqlite"))  # the old store copied aside first


def test_the_head_schema_needs_no_migration_twice(url: str) -> None:  # noqa: F811
    store.open_store(url)
    store.close_store(url)
    engine = store.open_store(url)
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == store.SCHEMA_REVISION
