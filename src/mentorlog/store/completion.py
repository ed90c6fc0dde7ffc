"""What shell completion offers from the journal: mentor names and the open ids of each kind.

Read-only and forgiving: no journal, a locked, encrypted or broken file all mean no suggestions,
never an error, a prompt or a write (completion runs on every Tab).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# What "open" means for each kind, and the text shown beside an id. Newest last, at most LIMIT.
OPEN = {
    "action": ("text", "status = 'open'"),
    "advice": ("text", "status NOT IN ('applied', 'skipped')"),
    "goal": ("title", "status IN ('active', 'paused')"),
    "milestone": ("title", "done_on IS NULL"),
    "topic": ("text", "status = 'queued'"),
    "feedback": ("text", "acted_on IS NULL"),
    "resource": ("title", "status IN ('queued', 'started')"),
    "introduction": ("person", "met_on IS NULL OR thanked_on IS NULL"),
    "win": ("text", "1"),
    "contribution": ("text", "1"),
    "mentor": ("name", "1"),
    "meeting": (
        "substr(held_at, 1, 10) || ' ' || (SELECT name FROM mentor m WHERE m.id = mentor_id)",
        "1",
    ),
    "checkin": (
        "checked_on || ' ' || (SELECT name FROM mentor m WHERE m.id = mentor_id)",
        "1",
    ),
}
LIMIT = 200


def _rows(path: Path, sql: str) -> list[tuple]:
    if not path.is_file():
        return []
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            conn.execute("PRAGMA query_only = ON")
            return conn.execute(sql, (LIMIT,)).fetchall()
        finally:
            conn.close()
    except (
        sqlite3.Error,
        OSError,
        ValueError,
    ):  # a locked, foreign, encrypted or broken file: just no suggestions
        return []


def mentor_names(path: Path) -> list[tuple]:
    """(name, focus), active mentors first."""
    return _rows(
        path,
        "SELECT name, coalesce(focus, '') FROM mentor ORDER BY ended_on IS NOT NULL, name LIMIT ?",
    )


def open_ids(path: Path, table: str) -> list[tuple]:
    """(id, its text) of the open records of `table`, newest last."""
    column, where = OPEN[table]
    sql = f"SELECT id, {column} FROM {table} WHERE {where} ORDER BY id DESC LIMIT ?"
    return _rows(path, sql)[::-1]
