"""Integrity checks on a journal file, without changing it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mentorlog.errors import StoreError
from mentorlog.store.db import explain_sqlite_error


def check_journal(path: Path) -> list[str]:
    """SQLite's integrity_check and foreign_key_check; an empty list means healthy."""
    if not path.is_file():
        raise StoreError(f"no journal at {path}; check --db or MENTORLOG_DB")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise explain_sqlite_error(exc, path) from None
    problems = [] if integrity == ["ok"] else integrity
    problems += [
        f"{table} row {rowid} links to a missing {parent}" for table, rowid, parent, _ in broken
    ]
    return problems
