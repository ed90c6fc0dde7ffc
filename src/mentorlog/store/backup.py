"""Backups and restores through SQLite's backup API, safe while another mentorlog writes."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from mentorlog import landed
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
    from mentorlog.paths import free_name

    return free_name(journal.parent / f"{journal.stem}-backup-{utcnow():%Y%m%dT%H%M%SZ}.db")


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

    An encrypted journal stays encrypted: a plain backup restored onto it is encrypted with the
    journal's passphrase on the way in (restoring must never quietly take the protection away). An
    encrypted backup gives back an encrypted journal, whatever the journal was. A restore that
    changes the journal's form is built beside it, checked, then written over the journal in one
    step (store/crypto.py's swap_in); a failure leaves the journal as it was and every error names
    the copy kept first. `notify` hears schema upgrades and a change of form."""
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
    replaced = False
    try:
        replaced = _restore_into(source, journal, notify)
        journal.chmod(0o600)
        # an older backup is brought up to date (with its own pre-migrate copy)
        open_store(journal, notify=notify)
    except (MentorlogError, sqlite3.Error, OSError, KeyboardInterrupt) as exc:
        if isinstance(exc, MentorlogError):
            why = exc.message
        elif isinstance(exc, sqlite3.Error):
            why = explain_sqlite_error(exc, journal).message
        elif isinstance(exc, OSError):
            why = f"can't write {exc.filename or journal}: {exc.strerror}"
        else:
            why = "interrupted"
        if kept is None:
            state = f"{journal} holds the backup as it was" if replaced else "no journal was made"
        elif replaced:
            state = f"the journal it replaced is kept at {kept}"
        else:
            state = f"the journal was left as it was; a copy of it is also kept at {kept}"
        why = why.replace("; nothing was saved", "").rstrip(".")
        raise StoreError(f"restore from {source} failed ({why}); {state}") from None
    landed.note()
    return kept


def _restore_into(source: Path, journal: Path, notify: Callable[[str], None] | None) -> bool:
    """Copy the checked backup into the journal; True once the journal's content was replaced."""
    source_encrypted = is_encrypted(source)
    if journal.exists():
        journal_encrypted = is_encrypted(journal)
        if journal_encrypted == source_encrypted:  # same form: the backup API, in one transaction
            if source_encrypted:
                _restore_encrypted(source, journal)
            else:
                _restore_plain(source, journal)
            return True
        _restore_across(source, journal, encrypted_source=source_encrypted)
        if notify is not None:
            notify(
                "The journal stays encrypted (with its passphrase); the plain backup file itself "
                f"is not: delete {source} when you no longer need it"
                if journal_encrypted
                else "The journal is encrypted now, as the backup was (same passphrase); "
                "run 'mentorlog db decrypt' for a plain one"
            )
        return True
    temp = _beside(journal)
    try:
        if source_encrypted:
            from mentorlog.store import crypto

            secret, _ = crypto.passphrase(source)
            crypto.backup_encrypted(source, temp, secret)
            _wal_mode(temp, secret)
        else:
            _restore_plain(source, temp)
        os.replace(temp, journal)
    finally:
        _discard(temp)
    return True


def _beside(journal: Path) -> Path:
    """A new empty 0600 file next to the journal for a restore to be built in."""
    temp = journal.with_name(journal.name + ".restoring")
    _discard(temp)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    return temp


def _discard(temp: Path) -> None:
    for path in (temp, *(temp.with_name(temp.name + s) for s in ("-journal", "-wal", "-shm"))):
        path.unlink(missing_ok=True)


def _restore_plain(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=BUSY_TIMEOUT_S)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        dst.close()
        src.close()


def _wal_mode(path: Path, secret: str) -> None:
    from mentorlog.store import crypto

    conn = crypto.connect(path, secret=secret)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def _restore_across(source: Path, journal: Path, encrypted_source: bool) -> None:
    """A plain backup onto an encrypted journal, or an encrypted one onto a plain journal: the
    restored file (encrypted either way) is built and checked beside the journal, then swapped in."""
    from mentorlog.store import crypto

    secret, _ = crypto.passphrase(journal if not encrypted_source else source)
    temp = _beside(journal)
    try:
        if encrypted_source:
            crypto.backup_encrypted(source, temp, secret)
        else:
            temp.unlink()
            crypto.encrypted_copy(source, temp, secret)
        crypto.check_copy(temp, encrypted=True, secret=secret)
        crypto.swap_in(journal, temp, secret, BUSY_TIMEOUT_S)
    finally:
        _discard(temp)


def _restore_encrypted(source: Path, journal: Path) -> None:
    """Backup API from an encrypted backup into the encrypted journal (same passphrase)."""
    from mentorlog.store import crypto

    secret, _ = crypto.passphrase(source)
    dst = crypto.connect(journal, secret=secret, timeout=BUSY_TIMEOUT_S)
    try:
        src = crypto.connect(source, readonly=True, secret=secret)
        try:
            src.backup(dst)
        finally:
            src.close()
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        dst.close()
