"""Alembic environment, run programmatically by pipeline.store.open_store (no alembic.ini needed).

Developers can also run ``alembic -x url=sqlite:///data/pipeline.sqlite revision -m "..."`` with
``script_location`` pointing here; ``render_as_batch`` makes ALTERs work on SQLite.
"""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pipeline.store import metadata

config = context.config


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
