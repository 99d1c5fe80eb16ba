"""Review queue, answers, campaigns and stable item ids.

Adds the doubt columns (``confidence``, ``review``, ``ocr_confidence``) and the stable ``item_id`` to every table of
extracted items; ``campaign`` (year) to documents, registrations and quotas; ``content_key`` and
``unit_source`` to documents; page/line to references; ``duplicates`` to runs; and the tables
``corrections``, ``done_marks`` (reviewers' answers, append-only) and ``review_items`` (the queue).

Existing rows are kept and backfilled from what they hold (campaign, content key, item ids; the unit's
source from the stored extraction record), then every unit's current registration form is decided
again with the documented rule, so copies of one form become duplicates instead of replacements.
No row is deleted.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""
import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

CHILDREN = ("deadlines", "milestones", "quotas", "references", "registrations")


def _doubt_columns() -> list:
    return [sa.Column("item_id", sa.String(32)), sa.Column("confidence", sa.Float),
            sa.Column("review", sa.Text), sa.Column("ocr_confidence", sa.Text)]


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("campaign", sa.Integer))
        batch.add_column(sa.Column("content_key", sa.String(64)))
        batch.add_column(sa.Column("unit_source", sa.String(16)))
        batch.add_column(sa.Column("item_id", sa.String(32)))
        batch.add_column(sa.Column("confidence", sa.Text))
        batch.add_column(sa.Column("review", sa.Text))
        batch.add_column(sa.Column("ocr_confidence", sa.Text))
    for name in CHILDREN:
        with op.batch_alter_table(name) as batch:
            if name == "references":
                batch.add_column(sa.Column("page", sa.Integer))
                batch.add_column(sa.Column("line", sa.Integer))
            if name in ("registrations", "quotas"):  # the schema's order: own columns, then the doubt columns
                batch.add_column(sa.Column("campaign", sa.Integer))
            for column in _doubt_columns():
                batch.add_column(column)
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("duplicates", sa.Integer, nullable=False, server_default="0"))

    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.String(48), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("shown", sa.Text),
        sa.Column("item_kind", sa.String(16)),
        sa.Column("answered_at", sa.String(32), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("run_id", sa.Integer),
    )
    op.create_index("ix_corrections_item_id", "corrections", ["item_id"])
    op.create_table(
        "done_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.String(48), nullable=False),
        sa.Column("done", sa.Boolean, nullable=False),
        sa.Column("marked_at", sa.String(32), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("run_id", sa.Integer),
    )
    op.create_index("ix_done_marks_item_id", "done_marks", ["item_id"])
    op.create_table(
        "review_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("item_id", sa.String(48), nullable=False),
        sa.Column("item_kind", sa.String(16)),
        sa.Column("field", sa.String(32)),
        sa.Column("document_id", sa.Integer),
        sa.Column("file_id", sa.Integer),
        sa.Column("campaign", sa.Integer),
        sa.Column("value", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("status", sa.String(16)),
        sa.Column("answer", sa.Text),
        sa.Column("correction", sa.Text),
    )
    _backfill(op.get_bind())


def _backfill(conn) -> None:
    """Derived values of existing rows, computed by the same functions new records use.

    Why the application's functions and not a frozen copy: item ids must equal the ids new records get,
    or answers could not find old rows. They read only columns that exist from this revision on; a later
    migration that renames one of them must keep this backfill working (or freeze a copy then).
    """
    from pipeline.normalize import fill_derived  # the one definition of campaigns and item ids
    from pipeline.store import recompute_all_supersede

    meta = sa.MetaData()
    tables = {name: sa.Table(name, meta, autoload_with=conn) for name in ("documents",) + CHILDREN}
    docs = [dict(r._mapping) for r in conn.execute(sa.select(tables["documents"]).order_by(tables["documents"].c.id))]
    children = {name: {} for name in CHILDREN}
    for name in CHILDREN:
        t = tables[name]
        for r in conn.execute(sa.select(t).order_by(t.c.id)):
            children[name].setdefault(r.document_id, []).append(dict(r._mapping))
    for doc in docs:
        own = {name: children[name].get(doc["id"], []) for name in CHILDREN}
        before = {name: [dict(r) for r in rows] for name, rows in own.items()}
        fill_derived(doc, own)
        unit_source = None
        try:
            unit_source = (json.loads(doc.get("record") or "{}").get("document") or {}).get("unit_source")
        except ValueError:
            pass
        d = tables["documents"]
        conn.execute(sa.update(d).where(d.c.id == doc["id"]).values(
            campaign=doc["campaign"], content_key=doc["content_key"], item_id=doc["item_id"], unit_source=unit_source))
        for name, rows in own.items():
            t = tables[name]
            for row, old in zip(rows, before[name]):
                values = {k: row[k] for k in ("item_id", "campaign") if k in row and row[k] != old.get(k)}
                if values:
                    conn.execute(sa.update(t).where(t.c.id == row["id"]).values(**values))
    recompute_all_supersede(conn)


def downgrade() -> None:
    for name in ("review_items", "done_marks", "corrections"):
        op.drop_table(name)
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("duplicates")
    for name in CHILDREN:
        with op.batch_alter_table(name) as batch:
            for column in ("item_id", "confidence", "review", "ocr_confidence"):
                batch.drop_column(column)
            if name == "references":
                batch.drop_column("page")
                batch.drop_column("line")
            if name in ("registrations", "quotas"):
                batch.drop_column("campaign")
    with op.batch_alter_table("documents") as batch:
        for column in ("campaign", "content_key", "unit_source", "item_id", "confidence", "review", "ocr_confidence"):
            batch.drop_column(column)
