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


def _first_read(conn) -> None:
    """How the checks open the journal: wait for writers, then the first read (where it fails)."""
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA schema_version")


def check_journal(path: Path) -> list[str]:
    """SQLite's integrity_check and foreign_key_check, then the search index's own integrity check;
    an empty list means healthy."""
    if not path.is_file():
        raise StoreError(f"no journal at {path}; check --db or MENTORLOG_DB")

    try:
        conn = read_session(path, _first_read, opener=lambda p: connect(p, readonly=True))
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


def check_values(path: Path, limit: int = 20) -> tuple[list[str], int]:
    """Values the journal holds that the rules of the commands refuse (core/fields.py): a day
    stored as a number, a cadence no command would write, an id past MAX_ID, a mentorship ending
    before it began... The first `limit` problems as 'table #id: what', and how many in all.

    SQLite's checks can't see these (its columns take any type); the commands would trip on them
    later, so `db check` names the record to fix."""
    from mentorlog.core.fields import FIELDS, MAX_ID, stored_problems

    found: list[str] = []
    count = 0

    try:
        # read_session: a read-only folder or mount, or a full disk, is read as immutable
        conn = read_session(path, _first_read, opener=lambda p: connect(p, readonly=True))
        try:
            conn.row_factory = sqlite3.Row
            present = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            for table in FIELDS:
                if table not in present:
                    continue
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY id"):
                    for problem in stored_problems(table, dict(row)):
                        count += 1
                        if len(found) < limit:
                            found.append(f"{table} #{row['id']}: {problem}")
            if "sqlite_sequence" in present:
                for name, seq in conn.execute("SELECT name, seq FROM sqlite_sequence"):
                    if name in FIELDS and isinstance(seq, int) and seq > MAX_ID:
                        count += 1
                        if len(found) < limit:
                            found.append(f"the next {name} id would be {seq + 1}, past {MAX_ID}")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise explain_sqlite_error(exc, path) from None
    return found, count


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
