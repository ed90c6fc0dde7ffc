"""Backups and restores through SQLite's backup API, safe while another mentorlog writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from mentorlog.errors import ConflictError, MentorlogError, StoreError
from mentorlog.store.db import (
    BUSY_TIMEOUT_S,
    REVISIONS,
    backup_to,
    connect,
    explain_sqlite_error,
    is_encrypted,
    open_store,
    timestamped_backup_path,
)
from mentorlog.store.health import check_journal


def default_backup_path(journal: Path) -> Path:
    from mentorlog.core.clock import utcnow

    return journal.parent / f"{journal.stem}-backup-{utcnow():%Y%m%dT%H%M%SZ}.db"


def backup(journal: Path, target: Path | None = None) -> Path:
    """A consistent single-file copy of the journal (0600); never overwrites an existing file."""
    from mentorlog.paths import journal_files

    target = target or default_backup_path(journal)
    if target.expanduser().resolve() in journal_files(journal):
        raise ConflictError(f"{target} is your journal; write the backup to another file")
    if target.exists():
        raise ConflictError(f"{target} already exists; choose a new backup path")
    if not target.parent.is_dir():
        raise MentorlogError(f"can't write {target}: folder {target.parent} does not exist")
    try:
        return backup_to(journal, target)
    except FileExistsError:
        raise ConflictError(f"{target} already exists; choose a new backup path") from None
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise explain_sqlite_error(exc, target) from None
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise MentorlogError(f"can't write {target}: {exc.strerror}") from None


def _check_source(source: Path) -> str:
    """The revision of a restorable journal, or an error saying why it is not one."""
    if not source.is_file():
        raise MentorlogError(f"no backup file at {source}; check the path")
    problems = check_journal(source)
    if problems:
        raise StoreError(f"{source} is damaged ({problems[0]}); pick another backup")
    try:
        conn = connect(source, readonly=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        raise StoreError(
            f"{source} is not a mentorlog journal; pick a backup made by 'mentorlog backup'"
        ) from None
    if row is None or row[0] not in REVISIONS:
        raise StoreError(
            f"{source} comes from a newer mentorlog (schema {row and row[0]}); upgrade first"
        )
    return row[0]


def restore(
    source: Path,
    journal: Path,
    force: bool = False,
    notify: Callable[[str], None] | None = None,
) -> Path | None:
    """Replace the journal with a checked backup; what it replaces is kept. Returns that copy's path.

    The journal comes back in the backup's form: an encrypted backup restores an encrypted journal
    (same passphrase), a plain one a plain journal. `notify` is open_store's (schema upgrades)."""
    _check_source(source)
    if source.resolve() == journal.resolve():
        raise MentorlogError("that file is the journal itself; pick a backup")
    kept = None
    if journal.exists():
        if not force:
            raise ConflictError(f"{journal} exists; add --force to replace it (a copy is kept)")
        kept = backup_to(journal, timestamped_backup_path(journal, "pre-restore"))
    else:
        journal.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    encrypted = is_encrypted(source)
    if journal.exists() and is_encrypted(journal) != encrypted:
        _remove_journal(journal)  # SQLite copies pages between files of one kind only; kept above
    try:
        if encrypted:
            _restore_encrypted(source, journal)
        else:
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            dst = sqlite3.connect(journal, timeout=BUSY_TIMEOUT_S)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = WAL")
            finally:
                dst.close()
                src.close()
    except sqlite3.Error as exc:
        raise explain_sqlite_error(exc, journal) from None
    journal.chmod(0o600)
    # an older backup is brought up to date (with its own pre-migrate copy)
    open_store(journal, notify=notify)
    return kept


def _remove_journal(journal: Path) -> None:
    """Fold in and delete the journal and its side files (a copy was kept by the caller)."""
    from mentorlog.store.db import checkpoint

    checkpoint(journal)
    for path in (journal, *(journal.with_name(journal.name + s) for s in ("-wal", "-shm"))):
        path.unlink(missing_ok=True)


def _restore_encrypted(source: Path, journal: Path) -> None:
    """Backup API from an encrypted backup into the journal, keyed by the same passphrase."""
    from mentorlog.store import crypto

    secret, _ = crypto.passphrase(source)
    if journal.exists():
        dst = crypto.connect(journal, secret=secret, timeout=BUSY_TIMEOUT_S)
    else:
        journal.touch(mode=0o600)
        dst = crypto.connect_new(journal, secret, timeout=BUSY_TIMEOUT_S)
    try:
        src = crypto.connect(source, readonly=True, secret=secret)
        try:
            src.backup(dst)
        finally:
            src.close()
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        dst.close()
