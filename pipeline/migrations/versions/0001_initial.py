"""Initial schema: files, documents, deadlines, milestones, quotas, references, registrations, units, runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""
from alembic import op
import sqlalchemy as sa

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _child(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        *columns,
    )
    op.create_index(f"ix_{name}_document_id", name, ["document_id"])


def upgrade() -> None:
    op.create_table(
        "files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger),
        sa.Column("format", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("arrived_at", sa.String(32)),
        sa.Column("processed_at", sa.String(32)),
        sa.Column("run_id", sa.Integer),
        sa.Column("document_id", sa.Integer),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("stored_path", sa.Text),
    )
    op.create_index("ix_files_sha256", "files", ["sha256"])
    op.create_index("ix_files_path", "files", ["path"])
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("file_id", sa.Integer, sa.ForeignKey("files.id")),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("kind", sa.String(32)),
        sa.Column("issuer", sa.Text),
        sa.Column("number", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("issued_on", sa.String(10)),
        sa.Column("title", sa.Text),
        sa.Column("subject", sa.Text),
        sa.Column("signer_name", sa.Text),
        sa.Column("signer_title", sa.Text),
        sa.Column("unit", sa.Text),
        sa.Column("unit_key", sa.Text),
        sa.Column("pages", sa.Integer),
        sa.Column("ocr", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("format", sa.String(16)),
        sa.Column("warnings", sa.Text),
        sa.Column("path", sa.Text),
        sa.Column("arrived_at", sa.String(32)),
        sa.Column("record", sa.Text),
        sa.Column("superseded", sa.Boolean, nullable=False, server_default="0"),
        sa.Column("superseded_by", sa.Integer),
        sa.Column("superseded_reason", sa.String(16)),
    )
    op.create_index("ix_documents_unit_key", "documents", ["unit_key"])
    op.create_index("ix_documents_kind", "documents", ["kind"])
    _child("deadlines",
           sa.Column("due", sa.String(10)), sa.Column("precision", sa.String(16)), sa.Column("text", sa.Text),
           sa.Column("action", sa.Text), sa.Column("responsible", sa.Text), sa.Column("recipient", sa.Text),
           sa.Column("year_inferred", sa.Boolean, nullable=False, server_default="0"),
           sa.Column("recurring", sa.String(16)), sa.Column("time", sa.String(32)),
           sa.Column("page", sa.Integer), sa.Column("line", sa.Integer))
    _child("milestones",
           sa.Column("start", sa.String(10)), sa.Column("end", sa.String(10)), sa.Column("precision", sa.String(16)),
           sa.Column("text", sa.Text), sa.Column("year_inferred", sa.Boolean, nullable=False, server_default="0"),
           sa.Column("page", sa.Integer), sa.Column("line", sa.Integer))
    _child("quotas",
           sa.Column("subject", sa.Text), sa.Column("minimum", sa.Float), sa.Column("maximum", sa.Float),
           sa.Column("unit", sa.String(16)),
           sa.Column("exclusive", sa.Boolean, nullable=False, server_default="0"),
           sa.Column("exact", sa.Boolean, nullable=False, server_default="0"),
           sa.Column("item", sa.Text), sa.Column("text", sa.Text),
           sa.Column("page", sa.Integer), sa.Column("line", sa.Integer))
    _child("references",
           sa.Column("kind", sa.Text), sa.Column("number", sa.Text), sa.Column("date", sa.String(10)),
           sa.Column("issuer", sa.Text), sa.Column("text", sa.Text))
    _child("registrations",
           sa.Column("unit", sa.Text), sa.Column("unit_key", sa.Text), sa.Column("section", sa.String(16)),
           sa.Column("seq", sa.Integer), sa.Column("name", sa.Text), sa.Column("leader", sa.Text),
           sa.Column("address", sa.Text), sa.Column("field", sa.String(32)), sa.Column("field_raw", sa.Text),
           sa.Column("period_start", sa.String(10)), sa.Column("period_end", sa.String(10)),
           sa.Column("period_text", sa.Text), sa.Column("page", sa.Integer), sa.Column("table_no", sa.Integer),
           sa.Column("row_no", sa.Integer), sa.Column("line", sa.Integer), sa.Column("extra", sa.Text),
           sa.Column("superseded", sa.Boolean, nullable=False, server_default="0"),
           sa.Column("superseded_by", sa.Integer))
    op.create_index("ix_registrations_unit_key", "registrations", ["unit_key"])
    op.create_table(
        "units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False, unique=True),
        sa.Column("first_seen", sa.String(32)),
        sa.Column("last_seen", sa.String(32)),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("exit_code", sa.Integer),
        sa.Column("new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("unchanged", sa.Integer, nullable=False, server_default="0"),
        sa.Column("superseded", sa.Integer, nullable=False, server_default="0"),
        sa.Column("quarantined", sa.Integer, nullable=False, server_default="0"),
        sa.Column("warnings", sa.Integer, nullable=False, server_default="0"),
        sa.Column("summary", sa.Text),
        sa.Column("inbox", sa.Text),
    )


def downgrade() -> None:
    for name in ("runs", "units", "registrations", "references", "quotas", "milestones", "deadlines",
                 "documents", "files"):
        op.drop_table(name)
