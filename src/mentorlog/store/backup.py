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
from mentorlog.store.sqlite import apply_pragmas


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

    The copy of the current journal is taken while the restore holds the journal's write lock, and
    that lock is kept until the backup is in: a write another mentorlog makes meanwhile waits,
    then lands in the restored journal, and one made before is in the copy; none falls between.

    An encrypted journal stays encrypted: a plain backup restored onto it is encrypted with the
    journal's passphrase on the way in (restoring must never quietly take the protection away). An
    encrypted backup gives back an encrypted journal, whatever the journal was. A restore of the
    same form goes through SQLite's backup API, in one transaction; one that changes the journal's
    form is built beside it, checked, then renamed over it (store/sqlite.py's replace_held). A
    failure leaves the journal as it was and every error names the copy kept first. `notify`
    hears schema upgrades and a change of form."""
    _check_source(source)
    if source.resolve() == journal.resolve():
        raise MentorlogError("that file is the journal itself; pick a backup")
    if not journal.exists():
        journal.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _finish(source, journal, None, lambda: _restore_new(source, journal), notify)
        return None
    if not force:
        raise ConflictError(f"{journal} exists; add --force to replace it (a copy is kept)")
    kept = timestamped_backup_path(journal, "pre-restore")
    _finish(source, journal, kept, lambda: _restore_onto(source, journal, kept, notify), notify)
    return kept


def _restore_onto(
    source: Path, journal: Path, kept: Path, notify: Callable[[str], None] | None
) -> bool:
    """Keep a copy of the journal, then put the backup in its place; True once it is there."""
    source_encrypted = is_encrypted(source)
    secret = None
    if is_encrypted(journal):
        from mentorlog.store import crypto

        secret, _ = crypto.passphrase(journal)
    if source_encrypted == (secret is not None):
        _restore_same_form(source, journal, kept, secret)
        return True
    from mentorlog.store import crypto
    from mentorlog.store.sqlite import hold_exclusive

    if secret is not None:
        holder = crypto.hold_exclusive(journal, True, secret, BUSY_TIMEOUT_S)
    else:
        holder = hold_exclusive(
            journal, lambda p: sqlite3.connect(p, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        )
    try:
        _keep(holder, kept, secret)
        _restore_across(source, journal, holder, encrypted_source=source_encrypted)
    finally:
        holder.close()
    if notify is not None:
        notify(
            "The journal stays encrypted (with its passphrase); the plain backup file itself "
            f"is not: delete {source} when you no longer need it"
            if secret is not None
            else "The journal is encrypted now, as the backup was (same passphrase); "
            "run 'mentorlog db decrypt' for a plain one"
        )
    return True


def _restore_same_form(source: Path, journal: Path, kept: Path, secret: str | None) -> None:
    """SQLite's backup API from the backup into the live journal, one page per step.

    The first step takes the journal's write lock and keeps it until the last one commits; right
    after that first step (nothing committed yet) the journal's last committed state is copied
    to `kept` through a second connection. Readers go on reading the old content meanwhile.

    While these connections are open nothing opens and closes the journal by another descriptor
    (that would drop this process's locks on it): an encrypted one's header is read first."""
    head = None
    if secret is None:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(journal, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    else:
        from mentorlog.store import crypto

        head = crypto.header(journal)
        src = crypto.connect(source, readonly=True, secret=secret)
        dst = crypto.connect(journal, secret=secret, timeout=BUSY_TIMEOUT_S, head=head)
    done: list[bool] = []

    def progress(status: int, remaining: int, total: int) -> None:
        if done:
            return
        if status != 0 or remaining == 0:  # not SQLITE_OK: the lock is not ours (or all copied)
            raise StoreError(f"the journal {journal} is busy in another mentorlog; try again")
        _keep(None, kept, secret, journal=journal, head=head)
        done.append(True)

    try:
        if src.execute("PRAGMA page_count").fetchone()[0] < 2:
            raise StoreError(f"{source} is not a mentorlog journal; pick another backup")
        apply_pragmas(dst)
        src.backup(dst, pages=1, progress=progress)
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        dst.close()
        src.close()


def _why(exc: BaseException, journal: Path) -> str:
    if isinstance(exc, MentorlogError):
        why = exc.message
    elif isinstance(exc, sqlite3.Error):
        why = explain_sqlite_error(exc, journal).message
    elif isinstance(exc, OSError):
        why = f"can't write {exc.filename or journal}: {exc.strerror}"
    else:
        why = "interrupted"
    return why.replace("; nothing was saved", "").rstrip(".")


def _finish(
    source: Path,
    journal: Path,
    kept: Path | None,
    replace: Callable[[], bool],
    notify: Callable[[str], None] | None,
) -> None:
    """Run `replace` (True once the journal's content was replaced), make the journal 0600 and
    bring it to the current schema; any failure says what state everything was left in."""
    replaced = False
    try:
        replaced = replace()
        journal.chmod(0o600)
        # an older backup is brought up to date (with its own pre-migrate copy)
        open_store(journal, notify=notify)
    except (MentorlogError, sqlite3.Error, OSError, KeyboardInterrupt) as exc:
        if kept is None:
            state = f"{journal} holds the backup as it was" if replaced else "no journal was made"
        elif replaced:
            state = f"the journal it replaced is kept at {kept}"
        elif kept.exists():
            state = f"the journal was left as it was; a copy of it is also kept at {kept}"
        else:
            state = "the journal was left as it was"
        raise StoreError(f"restore from {source} failed ({_why(exc, journal)}); {state}") from None
    landed.note()


def _keep(
    holder, kept: Path, secret: str | None, journal: Path | None = None, head: bytes | None = None
) -> None:
    """The journal as last committed, into a new 0600 file (encrypted as it is): through
    `holder`, the connection keeping it locked, or else a new connection to `journal` (`head`:
    crypto.connect's)."""
    fd = os.open(kept, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        if secret is None:
            source = holder or sqlite3.connect(f"file:{journal}?mode=ro", uri=True)
            copy = sqlite3.connect(kept)
        else:
            from mentorlog.store import crypto

            source = holder or crypto.connect(journal, readonly=True, secret=secret, head=head)
            copy = crypto.connect_new(kept, secret)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
            if source is not holder:
                source.close()
    except BaseException:
        kept.unlink(missing_ok=True)
        raise
    os.chmod(kept, 0o600)
    landed.note()


def _restore_new(source: Path, journal: Path) -> bool:
    """The checked backup as a new journal where there was none: built beside, renamed in."""
    from mentorlog.store.sqlite import fsync_file, fsync_folder

    temp = _beside(journal)
    try:
        if is_encrypted(source):
            from mentorlog.store import crypto

            secret, _ = crypto.passphrase(source)
            crypto.backup_encrypted(source, temp, secret)
            _wal_mode(temp, secret)
        else:
            _restore_plain(source, temp)
        fsync_file(temp)
        os.replace(temp, journal)
        fsync_folder(journal.parent)
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


def _restore_across(source: Path, journal: Path, holder, encrypted_source: bool) -> None:
    """A plain backup onto an encrypted journal, or an encrypted one onto a plain journal: the
    restored file (encrypted either way) is built and checked beside the journal, then renamed
    over it while `holder` keeps the journal locked."""
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
        crypto.swap_in(journal, temp, holder)
    finally:
        _discard(temp)
