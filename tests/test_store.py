"""The store: schema through migrations equals the models, pragmas, permissions, version refusal."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlmodel import Session, SQLModel, select

from mentorlog.errors import StoreError
from mentorlog.store import db, queries, schema

MIGRATIONS = Path(db.__file__).parent / "migrations"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_revisions_constant_matches_alembic_history():
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(cfg)
    history = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(history) == db.REVISIONS
    assert script.get_current_head() == db.HEAD


def test_schema_built_by_migrations_matches_models(tmp_path):
    path = db.open_store(tmp_path / "j.db")
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_new_journal_is_private_wal_and_stamped(tmp_path):
    folder = tmp_path / "data"
    path = db.open_store(folder / "journal.db")
    assert _mode(folder) == 0o700
    assert _mode(path) == 0o600
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == db.HEAD
    conn.close()


def test_connections_get_the_pragmas(tmp_path):
    path = db.open_store(tmp_path / "j.db")
    with db.read_connection(path) as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError):
            conn.execute(
                "INSERT INTO mentor (uuid, created_at, updated_at, name, cadence, started_on) "
                "VALUES ('u', 'x', 'x', 'n', '1m', '2026-01-01')"
            )
    with db.write_session(path) as session:
        conn = db.raw(session)
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert conn.in_transaction


def test_write_session_is_all_or_nothing(tmp_path, clock):
    path = db.open_store(tmp_path / "j.db")
    with pytest.raises(RuntimeError), db.write_session(path) as session:
        session.add(schema.Mentor(name="Alex", started_on=clock_today()))
        session.flush()
        raise RuntimeError("boom")
    with db.read_connection(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM mentor").fetchone()[0] == 0


def clock_today():
    from mentorlog.core.clock import today

    return today()


def test_newer_schema_is_refused_and_untouched(tmp_path):
    path = db.open_store(tmp_path / "j.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer mentorlog"):
        db.open_store(path)
    assert path.read_bytes() == before


def test_foreign_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a mentorlog journal"):
        db.open_store(path)


def test_garbage_file_is_refused_not_replaced(tmp_path):
    path = tmp_path / "j.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="damaged or not a mentorlog journal"):
        db.open_store(path)
    assert path.read_bytes() == b"this is not sqlite" * 100


def test_migrate_takes_a_private_backup_first(tmp_path):
    path = db.open_store(tmp_path / "j.db")
    saved = db.migrate(path, backup=True)
    assert saved is not None and saved.exists() and saved.parent == path.parent
    assert _mode(saved) == 0o600
    conn = sqlite3.connect(saved)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_version_check_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    path = db.open_store(tmp_path / "j.db")
    code = (
        "import sys; from pathlib import Path; from mentorlog.store.db import open_store;"
        f"open_store(Path({str(path)!r}));"
        "print('alembic' in sys.modules, 'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_read_queries_agree_with_the_models(journal, db_file):
    """The sqlite3 read path returns the same rows the SQLModel classes see."""
    engine = create_engine(f"sqlite:///{db_file}")
    with Session(engine) as session, db.read_connection(db_file) as conn:
        actions = {a.id: a for a in session.exec(select(schema.Action))}
        for row in queries.list_actions(conn, "all"):
            model = actions.pop(row["id"])
            assert (row["uuid"], row["text"], row["status"]) == (
                model.uuid,
                model.text,
                model.status,
            )
            assert row["due"] == (model.due_date.isoformat() if model.due_date else None)
        assert actions == {}
        goals = {g.id: g for g in session.exec(select(schema.Goal))}
        for row in queries.list_goals(conn, include_all=True):
            model = goals.pop(row["id"])
            assert (row["title"], row["target_date"]) == (
                model.title,
                model.target_date.isoformat() if model.target_date else None,
            )
        assert goals == {}
        mentors = {m.id: m for m in session.exec(select(schema.Mentor))}
        for row in queries.list_mentors(conn, include_ended=True):
            assert row["name"] == mentors.pop(row["id"]).name
        assert mentors == {}
        meetings = {m.id: m for m in session.exec(select(schema.Meeting))}
        for row in queries.list_meetings(conn):
            model = meetings.pop(row["id"])
            assert row["held_at"] == model.held_at.isoformat()
        assert meetings == {}
        advice = {a.id: a for a in session.exec(select(schema.Advice))}
        for row in queries.list_advice(conn):
            assert row["text"] == advice.pop(row["id"]).text
        assert advice == {}
    engine.dispose()
