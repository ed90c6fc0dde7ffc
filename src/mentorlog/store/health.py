"""Integrity checks on a journal file, without changing it."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from mentorlog.errors import StoreError
from mentorlog.store.db import (
    BUSY_TIMEOUT_S,
    connect,
    explain_sqlite_error,
    is_encrypted,
    read_session,
)
from mentorlog.store.sqlite import unwritable_place

SEARCH_INDEX = "search_index"


def check_journal(path: Path) -> list[str]:
    """SQLite's integrity_check and foreign_key_check, then the search index's own integrity check;
    an empty list means healthy."""
    if not path.is_file():
        raise StoreError(f"no journal at {path}; check --db or MENTORLOG_DB")

    def start(conn) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA schema_version")  # the first read: where it waits, or fails

    try:
        conn = read_session(path, start, opener=lambda p: connect(p, readonly=True))
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            has_index = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (SEARCH_INDEX,)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if not is_encrypted(path):
            raise explain_sqlite_error(exc, path) from None
        from mentorlog.store import crypto

        if not crypto.codec_error(exc):
            raise explain_sqlite_error(exc, path) from None
        return ["a page fails its authentication check (damaged or altered)"]
    problems = [] if integrity == ["ok"] else integrity
    problems += [
        f"{table} row {rowid} links to a missing {parent}" for table, rowid, parent, _ in broken
    ]
    if has_index and not problems:
        problems += check_search_index(path)
    return problems


def check_search_index(path: Path) -> list[str]:
    """FTS5's 'integrity-check' of the search index against its stored text.

    FTS5 runs it as an INSERT, so it needs a writable connection even though it writes nothing;
    it runs inside a transaction that is always rolled back. A file this user can't write is
    skipped (SQLite's own checks above still ran), and so is one in a folder or on a disk where
    nothing can be written.
    """
    if unwritable_place(path) is not None:
        return []  # skipped, as for a file this user can't write
    try:
        conn = connect(path, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise explain_sqlite_error(exc, path) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("BEGIN")
        conn.execute(f"INSERT INTO {SEARCH_INDEX}({SEARCH_INDEX}) VALUES('integrity-check')")
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            return []
        raise explain_sqlite_error(exc, path) from None
    except sqlite3.DatabaseError as exc:  # SQLITE_CORRUPT_VTAB: the index and its text disagree
        return [f"the search index is damaged ({exc})"]
    finally:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        conn.close()
    return []
