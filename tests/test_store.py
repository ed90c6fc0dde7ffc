"""The store: schema through migrations equals the models, pragmas, permissions, version refusal."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlmodel import Session, SQLModel, select

from mentorlog.errors import StoreError
from mentorlog.store import codegen, db, queries, rows, schema
from mentorlog.store.tables import TABLES
from support import FROZEN

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
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": schema.include_object}
        )
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
    with db.write_connection(path) as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 0
        assert conn.in_transaction


def test_write_connection_is_all_or_nothing(tmp_path, clock):
    path = db.open_store(tmp_path / "j.db")
    with pytest.raises(RuntimeError), db.write_connection(path) as conn:
        mentor_id = rows.insert(conn, "mentor", {"name": "Alex", "started_on": clock_today()})
        rows.insert(conn, "goal", {"title": "Lead", "mentor_id": mentor_id})
        assert conn.execute("SELECT COUNT(*) FROM goal").fetchone()[0] == 1
        raise RuntimeError("boom")
    with db.read_connection(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM mentor").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM goal").fetchone()[0] == 0


def test_write_connection_commits_and_explains_sqlite_errors(tmp_path, clock):
    path = db.open_store(tmp_path / "j.db")
    with db.write_connection(path) as conn:
        rows.insert(conn, "mentor", {"name": "Alex", "started_on": clock_today()})
    with (
        pytest.raises(StoreError, match="run 'mentorlog db check'"),
        db.write_connection(path) as conn,
    ):
        rows.insert(conn, "mentor", {"name": "Sam", "started_on": clock_today()})
        rows.insert(conn, "goal", {"title": "Lead", "mentor_id": 99})  # foreign key fails
    with db.read_connection(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM mentor")] == ["Alex"]


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
            assert datetime.fromisoformat(row["held_at"]) == model.held_at.replace(tzinfo=UTC)
        assert meetings == {}
        advice = {a.id: a for a in session.exec(select(schema.Advice))}
        for row in queries.list_advice(conn):
            assert row["text"] == advice.pop(row["id"]).text
        assert advice == {}
    engine.dispose()


# ---------------------------------------------------------------- the sqlite3 runtime and the models


def test_tables_module_is_generated_from_the_current_models():
    """store/tables.py is what `make schema` writes today: change the models, rerun it."""
    assert codegen.TARGET.read_text(encoding="utf-8") == codegen.render(), (
        "store/tables.py is out of date with store/schema.py; run 'make schema'"
    )


MODELS = {
    model.__tablename__: model
    for model in (
        schema.Mentor,
        schema.Goal,
        schema.Milestone,
        schema.Meeting,
        schema.Topic,
        schema.Advice,
        schema.Action,
        schema.Win,
        schema.Reflection,
        schema.Feedback,
        schema.Contribution,
        schema.Resource,
        schema.Introduction,
        schema.Checkin,
    )
}
# One row per table, parents first (each gets id 1); columns with defaults are left out on purpose.
# Moments are UTC, the form writes hand to the store (SQLAlchemy stored a datetime's digits as given).
ROWS = {
    "mentor": {"name": "Alex Chen", "focus": "design", "started_on": date(2026, 9, 1),
               "ended_on": date(2026, 11, 21), "closing_note": "thanks"},
    "goal": {"title": "Lead a review", "target_date": date(2026, 12, 31),
             "achieved_on": date(2026, 11, 20), "mentor_id": 1},
    "milestone": {"goal_id": 1, "title": "Shadow one", "due_date": date(2026, 11, 30),
                  "done_on": date(2026, 11, 19)},
    "meeting": {"mentor_id": 1, "held_at": datetime(2026, 11, 15, 14, 30, 5, 123456, tzinfo=UTC),
                "minutes": 45, "next_date": date(2026, 12, 1)},
    "topic": {"text": "How do I push back?", "mentor_id": 1, "goal_id": 1, "meeting_id": 1},
    "advice": {"text": "Log decisions", "given_on": date(2026, 11, 15),
               "status_on": date(2026, 11, 18), "meeting_id": 1},
    "action": {"text": "Draft the RFC", "due_date": date(2026, 11, 30),
               "done_on": date(2026, 11, 29), "milestone_id": 1, "goal_id": 1, "advice_id": 1},
    "win": {"text": "Shipped", "won_on": date(2026, 11, 20), "milestone_id": 1},
    "reflection": {"period_start": date(2026, 11, 16), "period_end": date(2026, 11, 22),
                   "text": "Good week"},
    "feedback": {"text": "Speak up earlier", "kind": "constructive", "given_on": date(2026, 11, 15),
                 "acted_on": date(2026, 11, 20), "acted_note": "spoke first", "mentor_id": 1,
                 "goal_id": 1},
    "contribution": {"text": "Sent the paper", "kind": "resource", "given_on": date(2026, 11, 16),
                     "mentor_id": 1},
    "resource": {"title": "DDIA", "url": "https://example.org", "kind": "book", "status": "done",
                 "takeaway": "logs", "done_on": date(2026, 11, 21), "mentor_id": 1, "goal_id": 1,
                 "advice_id": 1},
    "introduction": {"person": "Sam", "context": "payments", "introduced_on": date(2026, 11, 1),
                     "met_on": date(2026, 11, 10), "met_note": "good", "thanked_on": date(2026, 11, 11),
                     "mentor_id": 1},
    "checkin": {"rating": 4, "working": "focus", "change": "more time", "checked_on": date(2026, 11, 18),
                "mentor_id": 1},
}  # fmt: skip


def _intended(table: str) -> dict:
    """Every column but id and uuid as the row should read back: given values, else the defaults."""
    spec = TABLES[table]
    values = {column: None for column in spec["columns"] if column not in ("id", "uuid")}
    for column, default in spec["defaults"].items():
        if column != "uuid":
            values[column] = FROZEN if default == "now" else default
    values.update(ROWS[table])
    return values


def _as_aware(value):
    """SQLAlchemy reads SQLite moments back naive; the store's convention says they are UTC."""
    return value.replace(tzinfo=UTC) if isinstance(value, datetime) else value


def _stored(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for table in ROWS:
            cur = conn.execute(f"SELECT * FROM {table} ORDER BY id")
            names = [d[0] for d in cur.description]
            out[table] = [
                tuple((n, v) for n, v in zip(names, r, strict=True) if n != "uuid") for r in cur
            ]
        return out
    finally:
        conn.close()


def test_row_fixtures_cover_every_table_and_every_day_and_moment():
    assert set(ROWS) == set(MODELS) == set(queries.RECORD_TABLES)
    assert set(TABLES) == set(queries.RECORD_TABLES) | set(queries.SYNC_TABLES)
    for table in ROWS:
        spec = TABLES[table]
        assert set(spec["dates"]) <= set(ROWS[table]), table  # every date column is exercised
        assert set(spec["moments"]) - {"created_at", "updated_at"} <= set(ROWS[table]), table


def test_rows_written_by_sqlite3_read_back_through_the_models(tmp_path, clock):
    path = db.open_store(tmp_path / "j.db")
    with db.write_connection(path) as conn:
        for table in ROWS:
            assert rows.insert(conn, table, dict(ROWS[table])) == 1
    engine = create_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            for table, model in MODELS.items():
                record = session.exec(select(model)).one()
                assert uuid.UUID(record.uuid).version == 4, table
                for column, value in _intended(table).items():
                    assert _as_aware(getattr(record, column)) == value, (table, column)
                    assert type(_as_aware(getattr(record, column))) is type(value), (table, column)
    finally:
        engine.dispose()


def test_rows_written_through_the_models_load_through_sqlite3(tmp_path, clock):
    path = db.open_store(tmp_path / "j.db")
    engine = db.make_engine(path)
    try:
        with Session(engine) as session:
            for table, model in MODELS.items():
                session.add(model(**ROWS[table]))
                session.commit()
    finally:
        engine.dispose()
    with db.read_connection(path) as conn:
        for table in ROWS:
            record = rows.load(conn, table, 1)
            assert uuid.UUID(record.uuid).version == 4, table
            assert record.id == 1
            for column, value in _intended(table).items():
                assert record[column] == value, (table, column)
                assert type(record[column]) is type(value), (table, column)
                assert getattr(record, column) == value


def test_sqlite3_and_sqlalchemy_store_the_same_text(tmp_path, clock):
    """Byte-for-byte the same rows (but the random uuid) whichever path wrote them."""
    ours = db.open_store(tmp_path / "ours.db")
    with db.write_connection(ours) as conn:
        for table in ROWS:
            rows.insert(conn, table, dict(ROWS[table]))
    theirs = db.open_store(tmp_path / "theirs.db")
    engine = db.make_engine(theirs)
    try:
        with Session(engine) as session:
            for table, model in MODELS.items():
                session.add(model(**ROWS[table]))
                session.commit()
    finally:
        engine.dispose()
    assert _stored(ours) == _stored(theirs)


def test_rows_update_stamps_and_encodes_like_the_models(tmp_path, clock):
    path = db.open_store(tmp_path / "j.db")
    with db.write_connection(path) as conn:
        rows.insert(conn, "mentor", {"name": "Alex", "started_on": date(2026, 9, 1)})
        rows.insert(conn, "meeting", {"mentor_id": 1, "held_at": FROZEN})
    clock.shift(90)
    with db.write_connection(path) as conn:
        rows.update(conn, "meeting", 1, {"held_at": datetime(2026, 11, 1, 9, 0, tzinfo=UTC)})
        meeting = rows.load(conn, "meeting", 1)
    assert meeting.created_at == FROZEN and meeting.updated_at > FROZEN
    engine = create_engine(f"sqlite:///{path}")
    try:
        with Session(engine) as session:
            model = session.get(schema.Meeting, 1)
            assert (
                _as_aware(model.held_at) == meeting.held_at == datetime(2026, 11, 1, 9, tzinfo=UTC)
            )
            assert _as_aware(model.updated_at) == meeting.updated_at
    finally:
        engine.dispose()


def test_writes_import_no_orm(tmp_path):
    """Every command pays for what it imports: a write must not load SQLAlchemy or its friends."""
    path = db.open_store(tmp_path / "j.db")
    code = f"""
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from mentorlog.store.db import open_store
from mentorlog.store import writes

path = open_store(Path({str(path)!r}))
writes.add_mentor(path, "Alex", "2w")
goal = writes.add_goal(path, "Lead", mentor="alex", milestones=["One"])
action = writes.add_action(path, "Read DDIA", due=date(2026, 12, 1),
                           links=writes.ActionLinks(goal_id=goal.id))
draft = writes.MeetingDraft(mentor="alex", held_at=datetime.now(timezone.utc), notes="n",
                            actions=[("Next", None)], done_actions=[action.id])
writes.log_meeting(path, draft, 1)
writes.complete_milestones(path, [1])
writes.delete_record(path, "goal", goal.id)
print(action.id, action.due_date)
banned = ("sqlalchemy", "sqlmodel", "alembic", "pydantic", "pydantic_core")
print(sorted(m for m in sys.modules if m.split(".")[0] in banned))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["1 2026-12-01", "[]"]


def test_new_uuid_is_a_random_version_4_uuid():
    import uuid

    from mentorlog.store.rows import new_uuid

    made = {new_uuid() for _ in range(200)}
    assert len(made) == 200
    for text in made:
        parsed = uuid.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 4, uuid.RFC_4122)


def test_moments_before_the_year_1000_keep_four_digit_years(tmp_path):
    from datetime import UTC, datetime

    assert rows.encode(datetime(999, 6, 1, 10, 0, tzinfo=UTC)) == "0999-06-01 10:00:00.000000"
    assert (
        rows.encode(datetime(2026, 11, 22, 9, 5, 1, 7, tzinfo=UTC)) == "2026-11-22 09:05:01.000007"
    )


def test_migrations_leave_every_search_trigger_in_place(tmp_path):
    """Alembic's batch mode recreates a table without its triggers: a later revision that alters a
    record table must recreate them, or this fails (search would silently stop following writes)."""
    path = db.open_store(tmp_path / "j.db")
    conn = sqlite3.connect(path)
    triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    conn.close()
    tables = {t for t in queries.RECORD_TABLES if t != "mentor"}
    expected = {f"search_{t}_{event}" for t in tables for event in ("insert", "update", "delete")}
    expected |= {"search_goal_relink", "search_advice_relink"}
    assert triggers == expected


@pytest.mark.parametrize("start", ["0001", "0002", "0003"])
def test_db_migrate_upgrades_an_old_journal_and_says_from_what(cli, db_file, start):
    """The revision is read back from the file: the test fails if migrate did nothing."""
    import shutil
    from pathlib import Path

    db_file.parent.mkdir(mode=0o700, exist_ok=True)
    shutil.copyfile(Path(__file__).parent / "data" / f"schema-{start}.db", db_file)
    db_file.chmod(0o600)
    result = cli("db", "migrate")
    assert f"from schema {start} to {db.HEAD}" in result.stdout
    assert "backup at" in result.stderr
    assert db.schema_revision(db_file) == db.HEAD
    assert "already at schema" in cli("db", "migrate").stdout


def test_two_backups_in_the_same_second_both_land(cli, db_file):
    """The clock is frozen: both backups get the same timestamp, and neither fails."""
    cli("mentor", "add", "Alex")
    first = cli("backup").stdout.split()[-1]
    second = cli("backup").stdout.split()[-1]
    assert first != second and Path(first).exists() and Path(second).exists()
