"""What every connection shares, plain or encrypted: its settings, how its errors read, how it
waits for a journal that another mentorlog is replacing, and how a journal file is replaced.

Below store/db.py and store/crypto.py, which both open connections; imports nothing of theirs.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mentorlog.errors import DamagedJournal, StoreError

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
    """One clear sentence naming the path for the failures a user can act on.

    Its `cause` ("read-only", "full", "busy", "damaged", "cant-open" or None) lets a reader tell
    a place where SQLite can't make its side files from a journal that can't be used at all."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        folder = unwritable_place(path)
        if folder is not None and os.access(path, os.W_OK):
            return _caused(
                StoreError(f"can't write the journal {path}: {folder}{_SIDE_FILES}"), "read-only"
            )
        return _caused(
            StoreError(f"the journal {path} is read-only; check its permissions (chmod u+w)"),
            "read-only",
        )
    if "disk is full" in text or "disk i/o" in text:
        return _caused(
            StoreError(f"could not write {path}: the disk is full or failing; nothing was saved"),
            "full",
        )
    if "locked" in text or "busy" in text:
        return _caused(
            StoreError(f"the journal {path} is busy in another mentorlog; try again"), "busy"
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return _caused(
            DamagedJournal(
                f"{path} is damaged or not a mentorlog journal; run 'mentorlog db check' "
                "or restore a backup with 'mentorlog restore'"
            ),
            "damaged",
        )
    if "unable to open" in text:
        folder = unwritable_place(path) if path.parent.is_dir() else None
        if folder is not None:
            return _caused(
                StoreError(f"can't write the journal {path}: {folder}{_SIDE_FILES}"), "cant-open"
            )
        return _caused(
            StoreError(f"can't open the journal {path}; check the folder exists and is yours"),
            "cant-open",
        )
    return StoreError(f"database error on {path} ({type(exc).__name__}); run 'mentorlog db check'")


_SIDE_FILES = (
    " (SQLite keeps the journal's -wal and -shm files beside it); nothing was saved. Check the "
    "folder's permissions, the mount, or free space"
)


def _caused(error: StoreError, cause: str) -> StoreError:
    error.cause = cause
    return error


def unwritable_place(path: Path) -> str | None:
    """Why nothing can be written beside `path` (its folder is read-only, its disk full), or
    None: where SQLite can't make a WAL journal's -shm and -wal files."""
    folder = path.parent
    if not os.access(folder, os.W_OK):
        return f"its folder {folder} is read-only"
    try:
        room = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    if room.f_bavail * room.f_frsize < 1 << 20:
        return "the disk is full"
    return None


def file_uri(path: Path, query: str) -> str:
    """An SQLite file: URI for `path` (its %, ? and # escaped: they would end or change it)."""
    text = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{text}?{query}"


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
    the old one's lock ("putting a new file in place", below). A command that opened the
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


# ------------------------------------------------------------------ putting a new file in place
#
# A journal is replaced by building the new file beside it (fsynced), then renaming it over the
# journal's name (and fsyncing the folder): a kill at any moment leaves the name on the old file
# or on the new one, both complete. All of it happens while one connection holds SQLite's
# exclusive lock on the old file (locking_mode = EXCLUSIVE keeps it until close), its WAL folded
# in and emptied.
#
# Another mentorlog waiting for that lock has the OLD file open. SQLite names its -wal and -shm
# files after the path, so once the lock is free that process would read the old file with the
# new one's -wal, and could write frames of the old file into it, which the new file would then
# replay. Two things keep it out: its connection checks, after its first read, that the name
# still points at the file it opened (open_session, above), and starts over on the new one; and
# before the lock is let go, the old file's first page is zeroed (once it has no name left), so
# anything else that reads it stops with "not a database" and writes nothing.
#
# POSIX locks belong to the process, and closing ANY descriptor of the file drops all of them:
# while the lock is held nothing here opens and closes the old file by another path, and the
# descriptor its first page is zeroed through is closed only after the holding connection.


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def hold_exclusive(path: Path, opener: Callable[[Path], Any]) -> Any:
    """A connection (made by `opener`, plain sqlite3 or SQLCipher) that keeps every other process
    out of `path` until it is closed, its WAL folded into the file and emptied; or an error with
    nothing changed.

    Waits (the connection's busy timeout) for other connections to close: in WAL mode each one
    holds a shared lock on the file for as long as it is open."""

    def start(conn: Any) -> None:
        apply_pragmas(conn)
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")  # applies to an ATTACHed copy too
        conn.execute("BEGIN EXCLUSIVE")  # waits for every other connection to let go...
        conn.execute("COMMIT")  # ...and in EXCLUSIVE locking mode keeps the lock until close

    conn = open_session(path, opener, start)
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        wal = _side(path, "-wal")
        if busy or (wal.exists() and wal.stat().st_size):
            raise StoreError(
                f"could not fold {wal} into the journal, so it was left as it was; close other "
                "programs using the journal and run the command again"
            )
    except BaseException:
        conn.close()
        raise
    return conn


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the platform can open a folder at all)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems can't sync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def replace_held(path: Path, holder: Any, replacement: Path) -> None:
    """Rename the checked `replacement` over `path`, then close `holder`.

    `holder` comes from hold_exclusive: nobody else reads or writes `path` meanwhile. The old file
    keeps its lock until `holder` closes; by then its first page is zeroed (when the rename left
    it without a name), so a process still holding it open can't take it for a journal."""
    try:
        if _side(path, "-wal").exists() and _side(path, "-wal").stat().st_size:
            raise StoreError(f"{path}-wal is not empty; the journal was left as it was")
        os.chmod(replacement, 0o600)
        fsync_file(replacement)
        fd = os.open(path, os.O_WRONLY)  # the old file, opened before its name goes
    except BaseException:
        holder.close()
        raise
    try:
        for side in ("-wal", "-shm"):  # the old file's, the -wal empty: the new file starts afresh
            _side(path, side).unlink(missing_ok=True)
        os.replace(replacement, path)
        fsync_folder(path.parent)
        if os.fstat(fd).st_nlink == 0:  # another name may still need it: leave that file alone
            with contextlib.suppress(OSError):
                os.pwrite(fd, bytes(4096), 0)
    finally:
        holder.close()
        os.close(fd)  # only now: closing it drops this process's locks on the old file
