"""Backups and restores through SQLite's backup API, safe while another mentorlog writes."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from mentorlog import landed
from mentorlog.errors import ConflictError, DamagedJournal, MentorlogError, StoreError
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
from mentorlog.store.sqlite import apply_pragmas, file_uri


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
    """Keep a copy of the journal, then put the backup in its place; True once it is there.

    A journal SQLite can't open (damaged, or not a database at all: what the "damaged" error
    sends users here for) is copied aside byte for byte instead, and the backup replaces it."""
    try:
        return _restore_readable(source, journal, kept, notify)
    except DamagedJournal as exc:
        if kept.exists():  # the copy was made: this is not about the journal as it was
            raise
        damage = exc.message
    return _restore_damaged(source, journal, kept, damage, notify)


class _PagesUnreadable(Exception):
    """The backup API can't write over the journal's damaged pages (SQLCipher checks each one)."""


def _restore_readable(
    source: Path, journal: Path, kept: Path, notify: Callable[[str], None] | None
) -> bool:
    source_encrypted = is_encrypted(source)
    secret = None
    if is_encrypted(journal):
        from mentorlog.store import crypto

        if crypto.damaged_plain_header(crypto.header(journal)):
            raise DamagedJournal(f"{journal} is a plain SQLite file whose first line is gone")
        secret, _ = crypto.passphrase(journal)
    if source_encrypted == (secret is not None):
        try:
            _restore_same_form(source, journal, kept, secret)
            return True
        except _PagesUnreadable:  # rolled back; the copy is taken again, under the next lock
            _discard_copy(kept)
    _restore_by_rename(source, journal, kept, secret)
    if notify is not None and source_encrypted != (secret is not None):
        notify(
            "The journal stays encrypted (with its passphrase); the plain backup file itself "
            f"is not: delete {source} when you no longer need it"
            if secret is not None
            else "The journal is encrypted now, as the backup was (same passphrase); "
            "run 'mentorlog db decrypt' for a plain one"
        )
    return True


def _restore_by_rename(source: Path, journal: Path, kept: Path, secret: str | None) -> None:
    """Under the journal's exclusive lock (no other connection at all: the file is replaced),
    keep a copy of it, build the restored journal beside it (encrypted if either is), check it,
    and rename it over the journal (store/sqlite.py's replace_held)."""
    from mentorlog.store import crypto
    from mentorlog.store.sqlite import hold_exclusive

    if secret is not None:
        holder = crypto.hold_exclusive(journal, True, secret, BUSY_TIMEOUT_S)
    else:
        holder = hold_exclusive(
            journal, lambda p: sqlite3.connect(p, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        )
    held: list[int] = []
    try:
        try:
            _keep(holder, kept, secret)
        except (sqlite3.Error, StoreError) as exc:
            if not _unreadable(exc, journal, secret):
                raise
            held.extend(_copy_bytes(journal, kept))
        _build_and_swap(source, journal, holder, secret)
    finally:
        holder.close()
        for fd in held:  # only now: closing them drops this process's locks on the journal
            os.close(fd)


def _discard_copy(kept: Path) -> None:
    for suffix in ("", "-wal", "-journal"):
        kept.with_name(kept.name + suffix).unlink(missing_ok=True)


def _restore_same_form(source: Path, journal: Path, kept: Path, secret: str | None) -> None:
    """SQLite's backup API from the backup into the live journal, one page per step.

    The first step takes the journal's write lock and keeps it until the last one commits; right
    after that first step (nothing committed yet) the journal's last committed state is copied
    to `kept` through a second connection, or byte for byte if SQLite can't read all of it.
    Readers go on reading the old content meanwhile.

    While these connections are open nothing opens and closes the journal by another descriptor
    (that would drop this process's locks on it): an encrypted one's header is read first, and
    the descriptors of a byte-for-byte copy are closed after the connections."""
    head = None
    if secret is None:
        src = sqlite3.connect(file_uri(source, "mode=ro"), uri=True)
        dst = sqlite3.connect(journal, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    else:
        from mentorlog.store import crypto

        head = crypto.header(journal)
        src = crypto.connect(source, readonly=True, secret=secret)
        dst = crypto.connect(journal, secret=secret, timeout=BUSY_TIMEOUT_S, head=head)
    done: list[bool] = []
    held: list[int] = []

    def progress(status: int, remaining: int, total: int) -> None:
        if done:
            return
        if status != 0 or remaining == 0:  # not SQLITE_OK: the lock is not ours (or all copied)
            raise StoreError(f"the journal {journal} is busy in another mentorlog; try again")
        try:
            _keep(None, kept, secret, journal=journal, head=head)
        except (sqlite3.Error, StoreError) as exc:
            if not _unreadable(exc, journal, secret):
                raise
            held.extend(_copy_bytes(journal, kept))
        done.append(True)

    try:
        if src.execute("PRAGMA page_count").fetchone()[0] < 2:
            raise StoreError(f"{source} is not a mentorlog journal; pick another backup")
        try:
            apply_pragmas(dst)
            src.backup(dst, pages=1, progress=progress)
        except sqlite3.Error as exc:
            if not done:  # the journal's side, before anything was copied: it can't be opened
                raise explain_sqlite_error(exc, journal) from None
            if _unreadable(exc, journal, secret):
                raise _PagesUnreadable from None
            raise
        dst.execute("PRAGMA journal_mode = WAL")
    finally:
        dst.close()
        src.close()
        for fd in held:
            os.close(fd)


def _unreadable(exc: BaseException, journal: Path, secret: str | None) -> bool:
    """The copy failed on the journal's content itself (damaged pages), not busy or disk full."""
    if isinstance(exc, DamagedJournal):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    if isinstance(explain_sqlite_error(exc, journal), DamagedJournal):
        return True
    if secret is not None:
        from mentorlog.store import crypto

        return crypto.codec_error(exc)
    return False


def _copy_bytes(journal: Path, kept: Path) -> list[int]:
    """Byte-for-byte copies (0600, fsynced) of the journal and of its non-empty -wal and -journal
    files, the latter beside `kept` under the same suffixes so SQLite reads them together.

    Returns the descriptors opened on the journal's files, for the caller to close only after
    any connection that holds the journal's lock."""
    from mentorlog.paths import create_private

    held: list[int] = []
    made: list[Path] = []
    try:
        for suffix in ("", "-wal", "-journal"):
            original = journal.with_name(journal.name + suffix)
            if suffix and not (original.exists() and original.stat().st_size):
                continue
            held.append(os.open(original, os.O_RDONLY))
            target = kept.with_name(kept.name + suffix)
            out = create_private(target)
            made.append(target)
            try:
                while chunk := os.read(held[-1], 1 << 20):
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(out, view) :]
                os.fsync(out)
            finally:
                os.close(out)
    except BaseException:
        for target in made:
            target.unlink(missing_ok=True)
        for fd in held:
            os.close(fd)
        raise
    landed.note()
    return held


def _restore_damaged(
    source: Path,
    journal: Path,
    kept: Path,
    damage: str,
    notify: Callable[[str], None] | None,
) -> bool:
    """The journal can't be opened at all, so no other mentorlog can use it either: its bytes
    are copied to `kept` as they are (its -wal too), and the backup, in its own form, is built
    beside it and renamed over it."""
    from mentorlog.store.sqlite import fsync_folder

    for fd in _copy_bytes(journal, kept):
        os.close(fd)
    fsync_folder(kept.parent)
    _restore_new(source, journal, drop_side_files=True)
    if notify is not None:
        notify(
            f"The journal could not be read ({damage.rstrip('.')}); its bytes are kept as they "
            f"were at {kept}"
        )
    return True


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
            source = holder or sqlite3.connect(file_uri(journal, "mode=ro"), uri=True)
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


def _restore_new(source: Path, journal: Path, drop_side_files: bool = False) -> bool:
    """The checked backup as a new journal where there was none (or only a damaged file, whose
    side files go first with `drop_side_files`: their frames would be replayed into the new
    file): built beside, renamed in."""
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
        if drop_side_files:
            for suffix in ("-wal", "-shm", "-journal"):
                journal.with_name(journal.name + suffix).unlink(missing_ok=True)
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
    src = sqlite3.connect(file_uri(source, "mode=ro"), uri=True)
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


def _build_and_swap(source: Path, journal: Path, holder, secret: str | None) -> None:
    """The restored journal built and checked beside the journal, then renamed over it while
    `holder` keeps the journal locked: encrypted when the backup or the journal is (a plain
    backup with the journal's passphrase `secret`, an encrypted one with its own)."""
    from mentorlog.store import crypto

    source_encrypted = is_encrypted(source)
    temp = _beside(journal)
    try:
        if source_encrypted:
            key, _ = crypto.passphrase(source)
            crypto.backup_encrypted(source, temp, key)
            crypto.check_copy(temp, encrypted=True, secret=key)
        elif secret is not None:
            temp.unlink()
            crypto.encrypted_copy(source, temp, secret)
            crypto.check_copy(temp, encrypted=True, secret=secret)
        else:
            _restore_plain(source, temp)
            crypto.check_copy(temp, encrypted=False, secret="")
        crypto.swap_in(journal, temp, holder)
    finally:
        _discard(temp)
