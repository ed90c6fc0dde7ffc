"""Alembic environment: runs on the connection the store hands over, inside its BEGIN IMMEDIATE."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from mentorlog.store import schema

config = context.config


def render_item(type_, obj, autogen_context):
    """Render SQLModel's own column types as plain SQLAlchemy so revisions never import sqlmodel."""
    if type_ == "type" and type(obj).__name__ == "AutoString":
        return "sa.String()"
    if type_ == "type" and type(obj).__name__ == "UTCDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # `alembic` CLI during development: a throwaway engine
        from sqlalchemy import create_engine

        connection = create_engine(config.get_main_option("sqlalchemy.url")).connect()
    context.configure(
        connection=connection,
        target_metadata=schema.SQLModel.metadata,
        render_as_batch=True,
        render_item=render_item,
        include_object=schema.include_object,
        compare_type=True,
        # SQLite's DDL is transactional; Alembic assumes not and would commit after each revision,
        # leaving a journal between two revisions when killed. One transaction for the whole run.
        transactional_ddl=True,
        transaction_per_migration=False,
    )
    with context.begin_transaction():
        context.run_migrations()
        broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
        if broken:
            raise RuntimeError(f"migration left {len(broken)} rows with broken links; rolled back")


if context.is_offline_mode():
    raise SystemExit("mentorlog migrations run online only")
run_migrations_online()
