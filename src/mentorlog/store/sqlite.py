"""What every connection shares, plain or encrypted: its settings and how its errors read.

Below store/db.py and store/crypto.py, which both open connections; imports nothing of theirs.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mentorlog.errors import StoreError

BUSY_TIMEOUT_S = 15.0

PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",  # deleted text is zeroed, not left in free pages
    f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}",
)


def apply_pragmas(conn: sqlite3.Connection, foreign_keys: bool = True) -> None:
    """The settings every connection gets; WAL is a property of the file, set once at creation."""
    for pragma in PRAGMAS:
        conn.execute(pragma)
    if not foreign_keys:
        conn.execute("PRAGMA foreign_keys = OFF")


def explain_sqlite_error(exc: sqlite3.Error, path: Path) -> StoreError:
    """One clear sentence naming the path for the failures a user can act on."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return StoreError(f"the journal {path} is read-only; check its permissions (chmod u+w)")
    if "disk is full" in text or "disk i/o" in text:
        return StoreError(f"could not write {path}: the disk is full or failing; nothing was saved")
    if "locked" in text or "busy" in text:
        return StoreError(f"the journal {path} is busy in another mentorlog; try again")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            f"{path} is damaged or not a mentorlog journal; run 'mentorlog db check' "
            "or restore a backup with 'mentorlog restore'"
        )
    if "unable to open" in text:
        return StoreError(f"can't open the journal {path}; check the folder exists and is yours")
    return StoreError(f"database error on {path} ({type(exc).__name__}); run 'mentorlog db check'")


SQLITE_HEADER = b"SQLite format 3\x00"


def is_encrypted(path: Path) -> bool:
    """True for an SQLCipher file: whole pages that don't start with SQLite's header.

    One 16-byte read. An empty or missing file is plain (a new journal); so is a file that is not
    a whole number of pages, which is junk SQLite itself will call damaged.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
            size = os.fstat(handle.fileno()).st_size
    except OSError:
        return False
    return len(head) == len(SQLITE_HEADER) and head != SQLITE_HEADER and size % 512 == 0


def file_identity(path: Path) -> tuple[int, int] | None:
    """Which file the name points at (device, inode): one stat, no descriptor opened (closing a
    descriptor of the journal would drop this process's SQLite locks on it)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def open_session(path: Path, opener: Callable[[Path], Any], start: Callable[[Any], None]) -> Any:
    """`opener(path)` with `start(conn)` run on it (pragmas, BEGIN, a first read: where a command
    waits for another's lock), opened again once if the journal was replaced meanwhile.

    `db encrypt`/`db decrypt` and a restore put a new file in the journal's place while holding
    the old one's lock (store/crypto.py, "putting a new file in place"). A command that opened the
    old file and waited for that lock then meets a file that reads as damaged or encrypted with
    another key; it starts over, once, on the file the name now points at. And its connection
    never goes on with a file that is no longer the journal: after the first read, the name must
    still point at the file it had opened."""
    for last in (False, True):
        before = (file_identity(path), is_encrypted(path))
        conn = None
        try:
            conn = opener(path)
            start(conn)
        except (sqlite3.Error, StoreError) as exc:
            if conn is not None:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            if not last and (file_identity(path), is_encrypted(path)) != before:
                continue
            if isinstance(exc, sqlite3.Error):
                raise explain_sqlite_error(exc, path) from None
            raise
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        if file_identity(path) == before[0]:
            return conn
        conn.close()  # it may hold the file that was replaced: never read or write that one
        if last:
            raise StoreError(f"the journal {path} was replaced twice while waiting; try again")
    raise AssertionError("unreachable")
