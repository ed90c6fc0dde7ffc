"""Opening the journal safely: pragmas, version check, backup-then-migrate, read and write sessions.

Reads and writes use the standard library's sqlite3 (no SQLAlchemy import: start-up is what users
feel, writes included); a write is one BEGIN IMMEDIATE transaction. Checking the schema version reads
one row with sqlite3, so Alembic and SQLAlchemy are imported only when a migration is needed.

An encrypted journal (SQLCipher, `mentorlog db encrypt`) is told apart by its first 16 bytes: only
then is store/crypto.py (sqlcipher3, keyring) imported, and its connections behave like sqlite3's.
This module never prints: what a user should hear (a schema upgrade) goes to the `notify` callback
the CLI passes in.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from mentorlog import landed
from mentorlog.errors import StoreError
from mentorlog.paths import ensure_private_dir
from mentorlog.store import scrub
from mentorlog.store.sqlite import BUSY_TIMEOUT_S as BUSY_TIMEOUT_S
from mentorlog.store.sqlite import PRAGMAS as PRAGMAS
from mentorlog.store.sqlite import SQLITE_HEADER as SQLITE_HEADER
from mentorlog.store.sqlite import apply_pragmas as apply_pragmas
from mentorlog.store.sqlite import explain_sqlite_error as explain_sqlite_error
from mentorlog.store.sqlite import file_uri, open_session, unwritable_place
from mentorlog.store.sqlite import is_encrypted as is_encrypted

# Every released schema revision, oldest first; a test keeps this equal to Alembic's history.
REVISIONS = ("0001", "0002", "0003", "0004")
HEAD = REVISIONS[-1]


def connect(
    path: Path, readonly: bool = False, timeout: float = BUSY_TIMEOUT_S, immutable: bool = False
):
    """A connection in autocommit mode (we issue BEGIN ourselves), keyed when the file is encrypted.

    `immutable`: read-only, without locks or side files (read_session's way to read a journal
    where nothing can be written beside it)."""
    if is_encrypted(path):
        from mentorlog.store import crypto

        return crypto.connect(path, readonly=readonly, timeout=timeout, immutable=immutable)
    if readonly or immutable:
        return sqlite3.connect(
            file_uri(path, "mode=ro&immutable=1" if immutable else "mode=ro"),
            uri=True,
            timeout=timeout,
            isolation_level=None,
        )
    return sqlite3.connect(path, timeout=timeout, isolation_level=None)


def _connect(path: Path) -> sqlite3.Connection:
    """The read/write sessions' connection (a seam tests replace to simulate a failing disk)."""
    return connect(path)


def schema_revision(path: Path) -> str | None:
    """The revision stamped in the file, None for a brand-new empty file; errors if not ours."""

    def start(conn) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("BEGIN")
        conn.execute("PRAGMA schema_version")  # reads the file now: waits here, fails here

    conn = read_session(path, start, opener=lambda p: connect(p, readonly=True))
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables:
            if tables:
                raise StoreError(f"{path} is not a mentorlog journal; choose another --db path")
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        raise explain_sqlite_error(exc, path) from None
    finally:
        conn.close()
    return row[0] if row else None


def session(path: Path, start: Callable, opener: Callable | None = None):
    """A connection on which `start(conn)` ran, opened again once if the journal was replaced
    meanwhile (store/sqlite.py's open_session); sqlite3 errors come out explained."""
    return open_session(path, opener or (lambda p: _connect(p)), start)


def read_session(path: Path, start: Callable, opener: Callable | None = None):
    """session() for reading, which also works where nothing can be written beside the journal.

    A WAL journal is read with the help of its -shm file, which SQLite makes beside it. In a
    read-only folder or mount, or on a full disk, it can't; SQLite documents that such a file can
    still be read when it is immutable (https://www.sqlite.org/wal.html#readonly), which it is:
    nobody can write it there, and a file whose -wal holds nothing is all there is to read. With
    changes waiting in its -wal, reading the file alone would show a stale journal: an error says
    so instead."""
    try:
        return session(path, start, opener)
    except StoreError as exc:
        if exc.cause not in ("read-only", "full", "cant-open"):
            raise
        place = unwritable_place(path)
        if place is None:
            raise
    for suffix in ("-wal", "-journal"):
        waiting = path.with_name(path.name + suffix)
        if waiting.exists() and waiting.stat().st_size:
            raise StoreError(
                f"can't read the journal {path}: {place} and {waiting} holds changes not yet "
                f"in the journal file, which SQLite can read only with room for {path.name}-shm "
                "beside it; open it once where it can be written (or free some space)"
            ) from None
    return session(path, start, opener=lambda p: connect(p, readonly=True, immutable=True))


def backup_to(source: Path, target: Path) -> Path:
    """Copy a live journal with SQLite's backup API into a new 0600 file.

    An encrypted journal's copy is encrypted with the same passphrase (and a salt of its own)."""
    ensure_private_dir(target.parent)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    if is_encrypted(source):
        from mentorlog.store import crypto

        try:
            crypto.backup_encrypted(source, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        os.chmod(target, 0o600)
        landed.note()
        return target
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()
    os.chmod(target, 0o600)
    landed.note()
    return target


def timestamped_backup_path(path: Path, label: str) -> Path:
    from mentorlog.core.clock import utcnow
    from mentorlog.paths import free_name

    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    return free_name(path.with_name(f"{path.name}.{stamp}.{label}.bak"))


def migrate(path: Path, backup: bool = True) -> Path | None:
    """Back up, then bring the file to HEAD in one transaction; returns the backup's path."""
    from alembic import command
    from alembic.config import Config

    saved = timestamped_backup_path(path, "pre-migrate") if backup else None
    if saved is not None:
        backup_to(path, saved)
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except sqlite3.Error as exc:
        raise explain_sqlite_error(exc, path) from None
    except Exception as exc:
        orig = getattr(exc, "orig", None)
        if isinstance(orig, sqlite3.Error):
            raise explain_sqlite_error(orig, path) from None
        raise
    finally:
        engine.dispose()
    landed.note()
    return saved


def _create_file(path: Path) -> None:
    """A new journal file, 0600, in WAL mode, before any table exists."""
    ensure_private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    conn = _connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def open_store(
    path: Path,
    create: bool = True,
    make_folder: bool = True,
    notify: Callable[[str], None] | None = None,
) -> Path:
    """Make sure `path` is a journal at the current schema: create, migrate, or refuse.

    A file that exists but can't be read is an error, never replaced by a new empty journal.
    `notify` hears the one thing worth telling a user (a schema upgrade and where its backup is);
    the store itself never prints.
    """
    if not path.exists():
        if not create:
            raise StoreError(f"no journal at {path}; record something first or check --db")
        if path.parent.exists() and not path.parent.is_dir():
            raise StoreError(f"can't create the journal: {path.parent} is not a folder")
        if not make_folder and not path.parent.is_dir():
            raise StoreError(
                f"can't create the journal {path}: folder {path.parent} does not exist"
            )
        try:
            _create_file(path)
        except FileExistsError:
            pass  # another mentorlog created it a moment ago
        except OSError as exc:
            raise StoreError(f"can't create the journal {path}: {exc.strerror}") from None
    elif path.is_dir():
        raise StoreError(f"{path} is a folder, not a journal file; pass a file path to --db")
    elif not os.access(path, os.R_OK):
        raise StoreError(
            f"can't read the journal {path}: permission denied; check its owner and mode"
        )
    revision = schema_revision(path)
    if revision == HEAD:
        return path
    if revision is not None and revision not in REVISIONS:
        raise StoreError(
            f"{path} was written by a newer mentorlog (schema {revision}); this version knows "
            f"up to {HEAD}. Upgrade mentorlog; the file was left untouched"
        )
    saved = migrate(path, backup=revision is not None)
    if saved is not None and notify is not None:
        notify(upgrade_message(saved))
    return path


def upgrade_message(saved: Path) -> str:
    return f"Upgraded the journal schema to {HEAD}; backup at {saved}"


@contextlib.contextmanager
def read_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A query-only connection in one read transaction, so a view sees one consistent snapshot."""

    def start(conn) -> None:
        apply_pragmas(conn)
        conn.execute("PRAGMA query_only = ON")
        conn.row_factory = sqlite3.Row
        conn.execute("BEGIN")
        conn.execute("PRAGMA schema_version")  # the snapshot starts here, at the first read

    conn = read_session(path, start)
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        raise explain_sqlite_error(exc, path) from None
    finally:
        conn.close()


def make_engine(path: Path, foreign_keys: bool = True):
    """SQLAlchemy engine (migrations only) with its documented pysqlite recipe for BEGIN IMMEDIATE."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool

    if is_encrypted(path):  # the keyed SQLCipher connection, speaking sqlite3's exceptions
        engine = create_engine(
            "sqlite://", poolclass=NullPool, creator=lambda: connect(path, readonly=False)
        )
    else:
        engine = create_engine(
            f"sqlite:///{path}",
            poolclass=NullPool,
            connect_args={"timeout": BUSY_TIMEOUT_S},
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # stop pysqlite's own BEGIN handling
        apply_pragmas(dbapi_connection, foreign_keys=foreign_keys)

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


@contextlib.contextmanager
def write_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """One BEGIN IMMEDIATE transaction: all of it lands or none of it (rolled back on any error)."""

    def start(conn) -> None:
        apply_pragmas(conn)
        conn.row_factory = sqlite3.Row
        conn.execute("BEGIN IMMEDIATE")

    conn = session(path, start)
    try:
        try:
            yield conn
            scrub_wal = scrub.before_commit(conn)
            conn.execute("COMMIT")
            landed.note()
            if scrub_wal:  # committed: a busy checkpoint is left to the next one, not an error
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except BaseException:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):  # keep the first error, not the rollback's
                    conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise explain_sqlite_error(exc, path) from None
    finally:
        scrub.forget(conn)
        conn.close()


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file and empty it, so deleted text is gone from the -wal file too."""
    conn = _connect(path)
    try:
        apply_pragmas(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
