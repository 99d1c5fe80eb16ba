"""The store on real SQLite and real PostgreSQL: schema = migrations, one-transaction commits, supersede rules."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterator, Optional

import pandas as pd
import pytest
from sqlalchemy import select, text

from batch_helpers import fresh_postgres_database, sqlite_url
from pipeline import store
from pipeline.model import (Deadline, Document, DocumentMeta, Location, Period, Quota, Record, Reference, Registration,
                            Signer)
from pipeline.normalize import record_rows


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        u = sqlite_url(tmp_path)
        yield u
        store.close_store(u)
    else:
        with fresh_postgres_database() as u:
            yield u


def _sha(tag: str) -> str:
    return hashlib.sha256(tag.encode()).hexdigest()


def form(tag: str, unit: Optional[str], issued_on: Optional[str], names: list[str], number: Optional[str] = None,
         kind: str = "registration_form") -> Record:
    doc = Document(path=f"{tag}.docx", sha256=_sha(tag), format="docx")
    meta = DocumentMeta(kind=kind, unit=unit, issued_on=issued_on, number=number, title="Danh sách đăng ký",
                        signer=Signer("Lê Thị Hoà", "Bí thư"))
    y = (issued_on or "2025")[:4]  # the rows are carried out in the form's year (its campaign)
    regs = [Registration(unit=unit, section="new", seq=i + 1, name=n, field="economy", field_raw="KT",
                         period=Period(f"{y}-03-01", f"{y}-12-31", f"Tháng 3 - 12/{y}"),
                         extra={"ghi chú": "x"}, location=Location(page=1, table=0, row=i + 2))
            for i, n in enumerate(names)]
    return Record(document=doc, meta=meta, registrations=regs,
                  deadlines=[Deadline("2025-04-10", "day", "Trước ngày 10/4/2025 gửi về", location=Location(1, 9))],
                  references=[Reference("Kế hoạch", "12-KH/ĐU", "2025-01-02", "Đảng ủy")])


def commit(engine, rec: Record, path: Optional[str] = None, arrived: str = "2025-03-01T08:00:00+00:00"):
    info = {"path": path or rec.document.path, "name": Path(path or rec.document.path).name,
            "sha256": rec.document.sha256, "size": 100, "arrived_at": arrived}
    return store.commit_document(engine, info, record_rows(rec), run_id=None, stored_path=None)


def doc_state(engine) -> dict[str, tuple[bool, Optional[int], Optional[str]]]:
    with engine.connect() as conn:
        rows = conn.execute(select(store.documents.c.path, store.documents.c.superseded,
                                   store.documents.c.superseded_by, store.documents.c.superseded_reason)).all()
    return {r.path: (bool(r.superseded), r.superseded_by, r.superseded_reason) for r in rows}


def ids(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {r.path: r.id for r in conn.execute(select(store.documents.c.path, store.documents.c.id))}


# --------------------------------------------------------------------------- schema


def test_schema_revision_constant_is_alembic_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(store.__file__).parent / "migrations"))
    assert ScriptDirectory.from_config(cfg).get_current_head() == store.SCHEMA_REVISION


def test_migrated_schema_equals_table_definitions(url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = store.open_store(url)
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), store.metadata)
        version = conn.execute(text("select version_num from alembic_version")).scalar()
    assert diffs == []
    assert version == store.SCHEMA_REVISION


def test_reopening_a_store_keeps_its_rows(url: str) -> None:
    engine = store.open_store(url)
    commit(engine, form("a", "Chi bộ khu phố 1", "2025-03-01", ["Mô hình A"]))
    store.close_store(url)
    engine = store.open_store(url)
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from registrations")).scalar() == 1


NEXT_REVISION = '''
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("kind", sa.Text))


def downgrade():
    with op.batch_alter_table("units") as batch:
        batch.drop_column("kind")
'''


def test_an_upgrade_keeps_every_row_and_backs_up_a_sqlite_store(url: str, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    engine = store.open_store(url)
    commit(engine, form("a", "Chi bộ khu phố 1", "2025-03-01", ["Mô hình A", "Mô hình B"]))
    store.close_store(url)
    migrations = tmp_path / "migrations"
    shutil.copytree(store.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "9999_units_kind.py").write_text(
        NEXT_REVISION.replace("{head}", store.SCHEMA_REVISION), encoding="utf-8")
    monkeypatch.setattr(store, "MIGRATIONS_DIR", migrations)
    monkeypatch.setattr(store, "SCHEMA_REVISION", "9999")
    engine = store.open_store(url)
    with engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "9999"
        assert conn.execute(text("select count(*) from registrations")).scalar() == 2
        assert conn.execute(text("select name, kind from units")).all() == [("Chi bộ khu phố 1", None)]
    store.close_store(url)
    if url.startswith("sqlite"):
        backups = list(tmp_path.glob("pipeline.before-9999-*.sqlite"))
        assert len(backups) == 1
        import sqlite3
        with sqlite3.connect(backups[0]) as old:
            assert old.execute("select count(*) from registrations").fetchone()[0] == 2


def test_bad_url_is_a_one_line_store_error(tmp_path: Path) -> None:
    with pytest.raises(store.StoreError, match="cannot open store postgresql://u:\\*\\*\\*@127.0.0.1:1/x"):
        store.open_store("postgresql://u:secret@127.0.0.1:1/x")


# --------------------------------------------------------------------------- commits


def test_commit_writes_every_table_and_refuses_the_same_content_twice(url: str) -> None:
    engine = store.open_store(url)
    rec = form("a", "Hội Liên hiệp Phụ nữ phường An Hòa", "2025-03-01", ["Mô hình “Xanh”", "Tổ tự quản"])
    first = commit(engine, rec)
    again = commit(engine, rec)
    assert not first.duplicate and again.duplicate and again.document_id == first.document_id
    counts = {t: store.query(url, f'select count(*) as n from "{t}"')["n"][0]
              for t in ("files", "documents", "registrations", "deadlines", "references", "units")}
    assert counts == {"files": 1, "documents": 1, "registrations": 2, "deadlines": 1, "references": 1, "units": 1}
    regs = store.read_table(url, "registrations")
    assert list(regs["name"]) == ["Mô hình “Xanh”", "Tổ tự quản"]
    assert regs["period_start"][0] == "2025-03-01" and json.loads(regs["extra"][0]) == {"ghi chú": "x"}
    docs = store.read_table(url, "documents")
    assert docs["issued_on"][0] == "2025-03-01" and docs["signer_name"][0] == "Lê Thị Hoà"
    assert json.loads(docs["record"][0])["document"]["unit"] == "Hội Liên hiệp Phụ nữ phường An Hòa"
    files = store.read_table(url, "files")
    assert files["status"][0] == "processed" and files["document_id"][0] == first.document_id


def test_units_join_tone_styles_and_track_first_and_last_seen(url: str) -> None:
    engine = store.open_store(url)
    commit(engine, form("a", "Chi bộ Khu phố Hoà Bình", "2025-03-01", ["A"]))
    commit(engine, form("b", "Chi bộ khu phố Hòa Bình", "2025-03-05", ["B"]))
    units = store.read_table(url, "units")
    assert len(units) == 1
    assert units["name"][0] == "Chi bộ Khu phố Hoà Bình"  # display name as first seen
    assert units["first_seen"][0] <= units["last_seen"][0]


# --------------------------------------------------------------------------- supersede


def test_resubmitted_form_with_newer_date_supersedes_and_old_rows_stay_marked(url: str) -> None:
    engine = store.open_store(url)
    commit(engine, form("old", "Chi bộ khu phố 3", "2025-03-01", ["A", "B"]), arrived="2025-03-02T00:00:00+00:00")
    done = commit(engine, form("new", "Chi bộ Khu Phố 3", "2025-03-20", ["A", "C", "D"]),
                  arrived="2025-03-21T00:00:00+00:00")
    assert done.superseded == 1
    new_id = ids(engine)["new.docx"]
    assert doc_state(engine) == {"old.docx": (True, new_id, "resubmitted"), "new.docx": (False, None, None)}
    regs = store.query(url, "select name, superseded, superseded_by from registrations order by id")
    assert [bool(x) for x in regs["superseded"]] == [True, True, False, False, False]
    assert list(regs["superseded_by"][:2]) == [new_id, new_id]
    status = store.query(url, "select path, status from files order by id")
    assert list(status["status"]) == ["superseded", "processed"]


def test_date_beats_arrival_order(url: str) -> None:
    """A form dated earlier but dropped later does not replace the newer-dated one."""
    engine = store.open_store(url)
    commit(engine, form("march20", "Công an phường", "2025-03-20", ["A"]), arrived="2025-03-21T00:00:00+00:00")
    done = commit(engine, form("march01", "Công an phường", "2025-03-01", ["B"]), arrived="2025-03-25T00:00:00+00:00")
    assert done.superseded == 1
    assert doc_state(engine)["march01.docx"] == (True, ids(engine)["march20.docx"], "resubmitted")
    assert doc_state(engine)["march20.docx"] == (False, None, None)


def test_undated_forms_fall_back_to_arrival(url: str) -> None:
    engine = store.open_store(url)
    commit(engine, form("first", "Đoàn phường", None, ["A"]), arrived="2025-03-01T00:00:00+00:00")
    commit(engine, form("second", "Đoàn phường", None, ["B"]), arrived="2025-03-02T00:00:00+00:00")
    assert doc_state(engine)["first.docx"][0] is True
    assert doc_state(engine)["second.docx"][0] is False


def test_other_units_other_years_and_plans_are_never_superseded(url: str) -> None:
    engine = store.open_store(url)
    commit(engine, form("u1", "Chi bộ khu phố 1", "2025-03-01", ["A"]))
    commit(engine, form("u2", "Chi bộ khu phố 2", "2025-03-02", ["A"]))
    commit(engine, form("u1-2024", "Chi bộ khu phố 1", "2024-03-01", ["A"]))
    commit(engine, form("plan-a", "Chi bộ khu phố 1", "2025-01-01", [], kind="plan"))
    commit(engine, form("plan-b", "Chi bộ khu phố 1", "2025-05-01", [], kind="plan"))
    assert all(not s[0] for s in doc_state(engine).values())


def test_changed_file_under_the_same_name_is_a_new_version(url: str) -> None:
    engine = store.open_store(url)
    v1 = commit(engine, form("kh-v1", None, "2025-03-01", [], number="12/KH-UBND", kind="plan"), path="ke-hoach.pdf")
    v2 = commit(engine, form("kh-v2", None, "2025-03-01", [], number="12/KH-UBND", kind="plan"), path="ke-hoach.pdf")
    other = commit(engine, form("kh-other", None, "2025-04-01", [], number="15/KH-UBND", kind="plan"),
                   path="ke-hoach.pdf")
    assert (v1.version, v2.version, other.version) == (1, 2, 3)
    state = doc_state(engine)
    assert state["kh-v1.docx"] == (True, v2.document_id, "version")
    assert state["kh-v2.docx"][0] is False  # a different number is another document, not a new version
    assert state["kh-other.docx"][0] is False


def test_decimal_quota_targets_survive_the_store(url: str) -> None:
    """A 92,5% target must come back as 92.5 from SQLite and PostgreSQL alike, not rounded."""
    engine = store.open_store(url)
    rec = form("bc-92", None, "2025-03-01", [], number="92/BC-UBND", kind="report")
    rec.quotas = [Quota("Các ấp", 92.5, "hộ gia đình văn hóa", "phấn đấu đạt 92,5% hộ gia đình văn hóa",
                        unit="percent"),
                  Quota("Mỗi ấp", 2, "mô hình", "mỗi ấp ít nhất 02 mô hình")]
    commit(engine, rec)
    quotas = store.read_table(url, "quotas").sort_values("minimum")
    assert list(quotas["minimum"]) == [2, 92.5]


def test_quarantine_rows_record_the_reason(url: str) -> None:
    engine = store.open_store(url)
    info = {"path": "hỏng.pdf", "name": "hỏng.pdf", "sha256": _sha("bad"), "size": 5, "arrived_at": store.now_iso()}
    store.commit_quarantine(engine, info, "corrupt PDF: no xref", run_id=None, stored_path="quarantine/hỏng.pdf")
    files = store.read_table(url, "files")
    assert list(files[["status", "reason", "stored_path"]].iloc[0]) == [
        "quarantined", "corrupt PDF: no xref", "quarantine/hỏng.pdf"]
    assert store.known_files(engine)[_sha("bad")][0].document_id is None


# --------------------------------------------------------------------------- read back


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_raw_export_reads_back_with_pandas(tmp_path: Path, fmt: str) -> None:
    from pipeline.reports.exports import export_table

    url = sqlite_url(tmp_path)
    commit(store.open_store(url), form("a", "Chi bộ khu phố 1", "2025-03-01", ["Mô hình “Dân vận khéo”", "B"]))
    out = export_table(url, "registrations", fmt, tmp_path / f"r.{fmt}", raw=True)
    back = {"csv": lambda p: pd.read_csv(p, encoding="utf-8-sig"), "parquet": pd.read_parquet,
            "xlsx": pd.read_excel}[fmt](out)
    assert list(back["name"]) == ["Mô hình “Dân vận khéo”", "B"]
    assert list(back["unit"]) == ["Chi bộ khu phố 1"] * 2
    if fmt == "csv":
        assert out.read_bytes()[:3] == b"\xef\xbb\xbf"  # Excel opens UTF-8 with a BOM correctly


def test_query_and_export_errors_are_store_errors(tmp_path: Path) -> None:
    from pipeline.reports.exports import export_table

    url = sqlite_url(tmp_path)
    with pytest.raises(store.StoreError, match="no store at"):
        store.query(url, "select 1")
    assert not (tmp_path / "pipeline.sqlite").exists()  # a wrong --data never creates an empty store
    store.open_store(url)
    with pytest.raises(store.StoreError, match="query failed"):
        store.query(url, "select * from no_such_table")
    with pytest.raises(store.StoreError, match="unknown table"):
        export_table(url, "nope", "csv")
