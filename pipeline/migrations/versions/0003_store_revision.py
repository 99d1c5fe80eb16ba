"""The store's revision: one row counting the commits that change what the reports show.

Why: an unchanged nightly run should rewrite no output. The outputs record the revision they were
built from (``out/.built-from.json``, see ``pipeline/outputs.py``); a run that committed nothing
finds the same revision and leaves the reports as they are. ``store_id`` tells two stores apart
(a fresh store also starts at revision 1). Existing rows are untouched.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08
"""
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table(
        "store_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("store_id", sa.String(32), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False, server_default="1"),
        sa.Column("changed_at", sa.String(32)),
    )
    op.bulk_insert(state, [{"id": 1, "store_id": uuid.uuid4().hex, "revision": 1,
                            "changed_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}])


def downgrade() -> None:
    op.drop_table("store_state")
