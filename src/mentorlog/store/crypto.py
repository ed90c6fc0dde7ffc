"""The optional encrypted journal: SQLCipher through sqlcipher3 (the `encrypted` extra).

Imported only when a file is encrypted (store/db.py's `is_encrypted`: one 16-byte read) or the
command is `db encrypt`/`db decrypt`; a plain journal never loads sqlcipher3 or keyring.

Keys: MENTORLOG_PASSPHRASE, then the OS keyring (service "mentorlog", user "journal"; no usable
backend falls through silently), then a prompt on a terminal. SQLCipher stretches a passphrase
with PBKDF2-HMAC-SHA512 on every connection (~0.15 s); this module derives the same key once per
process with hashlib and keys each connection with the raw key, so a command that opens the file
three times pays for one derivation. A raw key that SQLCipher rejects falls back to the
passphrase itself, so a future change of SQLCipher's defaults costs time, never the journal.

Connections are subclasses whose errors come out as the standard library's sqlite3 exceptions and
whose `sqlite3.Row` row factory means SQLCipher's own Row, so the store's code (which catches
sqlite3 errors and asks for sqlite3.Row) works unchanged on either kind of file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from mentorlog.errors import StoreError, UsageProblem

ENV = "MENTORLOG_PASSPHRASE"
KEYRING_SERVICE = "mentorlog"
KEYRING_USER = "journal"
INSTALL = "pip install 'mentorlog[encrypted]'"

# SQLCipher 4's defaults (cipher_compatibility = 4): what the raw-key shortcut reproduces.
KDF_ITERATIONS = 256_000
KEY_BYTES = 32
SALT_BYTES = 16

_remembered: str | None = None  # a passphrase read from the keyring or typed, for this process
_derived: dict[tuple[str, bytes], bytes] = {}
_raw_keys_work = True


# ------------------------------------------------------------------ the driver


def driver(why: str = "") -> Any:
    """sqlcipher3's DB-API module, or one line saying how to install it."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise StoreError(f"{why or 'this needs SQLCipher'}; install it with: {INSTALL}") from None
    return _classes(dbapi2)


def _translate(exc: Exception) -> sqlite3.Error:
    """The standard library's exception of the same name, so `except sqlite3.X` catches it."""
    cls = getattr(sqlite3, type(exc).__name__, sqlite3.DatabaseError)
    if not (isinstance(cls, type) and issubclass(cls, sqlite3.Error)):
        cls = sqlite3.DatabaseError
    new = cls(*exc.args)
    for attr in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, attr):
            setattr(new, attr, getattr(exc, attr))
    return new


_CLASSES: dict[int, Any] = {}


def _classes(dbapi2: Any) -> Any:
    """A namespace with Connection/Cursor subclasses that speak sqlite3's exceptions and Row."""
    if id(dbapi2) in _CLASSES:
        return _CLASSES[id(dbapi2)]
    error = dbapi2.Error

    def row_factory_for(value: Any) -> Any:
        return dbapi2.Row if value is sqlite3.Row else value

    class Cursor(dbapi2.Cursor):
        @property
        def row_factory(self) -> Any:
            return dbapi2.Cursor.row_factory.__get__(self)

        @row_factory.setter
        def row_factory(self, value: Any) -> None:
            dbapi2.Cursor.row_factory.__set__(self, row_factory_for(value))

        def execute(self, sql: str, parameters: Any = (), /) -> Cursor:
            try:
                return super().execute(sql, parameters)
            except error as exc:
                raise _translate(exc) from None

        def executemany(self, sql: str, seq: Any, /) -> Cursor:
            try:
                return super().executemany(sql, seq)
            except error as exc:
                raise _translate(exc) from None

        def executescript(self, script: str, /) -> Cursor:
            try:
                return super().executescript(script)
            except error as exc:
                raise _translate(exc) from None

        def fetchone(self) -> Any:
            try:
                return super().fetchone()
            except error as exc:
                raise _translate(exc) from None

        def fetchmany(self, size: int = 1) -> list:
            try:
                return super().fetchmany(size)
            except error as exc:
                raise _translate(exc) from None

        def fetchall(self) -> list:
            try:
                return super().fetchall()
            except error as exc:
                raise _translate(exc) from None

        def __next__(self) -> Any:
            try:
                return super().__next__()
            except error as exc:
                raise _translate(exc) from None

    class Connection(dbapi2.Connection):
        @property
        def row_factory(self) -> Any:
            return dbapi2.Connection.row_factory.__get__(self)

        @row_factory.setter
        def row_factory(self, value: Any) -> None:
            dbapi2.Connection.row_factory.__set__(self, row_factory_for(value))

        def cursor(self, factory: Any = Cursor) -> Any:
            try:
                return super().cursor(factory)
            except error as exc:
                raise _translate(exc) from None

        def execute(self, sql: str, parameters: Any = (), /) -> Any:
            return self.cursor().execute(sql, parameters)

        def executemany(self, sql: str, seq: Any, /) -> Any:
            return self.cursor().executemany(sql, seq)

        def executescript(self, script: str, /) -> Any:
            return self.cursor().executescript(script)

        def commit(self) -> None:
            try:
                super().commit()
            except error as exc:
                raise _translate(exc) from None

        def rollback(self) -> None:
            try:
                super().rollback()
            except error as exc:
                raise _translate(exc) from None

        def backup(self, target: Any, **kwargs: Any) -> None:
            try:
                super().backup(target, **kwargs)
            except error as exc:
                raise _translate(exc) from None

    class Namespace:
        module = dbapi2

    Namespace.Connection = Connection  # type: ignore[attr-defined]
    Namespace.Cursor = Cursor  # type: ignore[attr-defined]
    _CLASSES[id(dbapi2)] = Namespace
    return Namespace


# ------------------------------------------------------------------ the passphrase


def _from_keyring() -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, KEYRING_USER) or None
    except Exception:  # not installed, no usable backend, a locked or broken one: fall through
        return None


def passphrase(path: Path, confirm: bool = False, fresh: bool = False) -> tuple[str, str]:
    """(passphrase, where it came from: "env", "keyring" or "prompt").

    `fresh` skips the keyring and what this process already holds (a new passphrase for
    `db encrypt`); `confirm` asks twice at a prompt.
    """
    global _remembered
    value = os.environ.get(ENV)
    if value:
        return value, "env"
    if not fresh:
        if _remembered is not None:
            return _remembered, "keyring"
        stored = _from_keyring()
        if stored:
            _remembered = stored
            return stored, "keyring"
    if not _terminal():
        raise StoreError(
            f"{path} is encrypted and no passphrase was given: set {ENV}, save it in the OS "
            f"keyring (service '{KEYRING_SERVICE}', user '{KEYRING_USER}'), or run in a terminal"
            if not fresh
            else f"no passphrase for encrypting {path}: set {ENV} or run in a terminal"
        )
    import getpass

    typed = getpass.getpass("New journal passphrase: " if fresh else "Journal passphrase: ")
    if not typed:
        raise UsageProblem("the passphrase is empty; nothing was changed")
    if confirm and getpass.getpass("Repeat the passphrase: ") != typed:
        raise UsageProblem("the two passphrases differ; nothing was changed")
    _remembered = typed
    return typed, "prompt"


def _terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def remember(secret: str) -> bool:
    """Save the passphrase in the OS keyring; False when there is no usable one."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, KEYRING_USER, secret)
    except Exception:
        return False
    return True


def forget_process_cache() -> None:
    global _remembered
    _remembered = None
    _derived.clear()


def _check(secret: str) -> str:
    if "\x00" in secret:
        raise UsageProblem("a passphrase can't contain a NUL character")
    return secret


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _raw_key(secret: str, salt: bytes) -> bytes:
    key = (secret, salt)
    if key not in _derived:
        _derived[key] = hashlib.pbkdf2_hmac(
            "sha512", secret.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES
        )
    return _derived[key]


def new_key_clause(secret: str) -> str:
    """The KEY text for a new file: a raw key with its own fresh salt, openable by the passphrase."""
    salt = os.urandom(SALT_BYTES)
    return f"x'{_raw_key(_check(secret), salt).hex()}{salt.hex()}'"


def _salt(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(SALT_BYTES)


# ------------------------------------------------------------------ connections


def _open(ns: Any, path: Path, readonly: bool, timeout: float) -> Any:
    target = f"file:{path}?mode=ro" if readonly else str(path)
    conn = ns.module.connect(
        target,
        timeout=timeout,
        isolation_level=None,
        uri=readonly,
        factory=ns.Connection,
        check_same_thread=True,
    )
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our one error, not C's log
    return conn


def _works(conn: Any) -> bool:
    """False when the key is wrong (SQLite then calls the file "not a database")."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            return False
        raise  # busy, unreadable...: explained by the caller, never called a wrong passphrase
    return True


def connect(
    path: Path, readonly: bool = False, timeout: float = 15.0, secret: str | None = None
) -> Any:
    """A keyed connection to an encrypted file in autocommit mode, or one clear StoreError."""
    global _raw_keys_work
    ns = driver(f"{path} is encrypted and opening it needs SQLCipher")
    if secret is None:
        secret, _ = passphrase(path)
    _check(secret)
    try:
        conn = _open(ns, path, readonly, timeout)
        if _raw_keys_work:
            raw = _raw_key(secret, _salt(path))
            conn.execute(f"PRAGMA key = \"x'{raw.hex()}'\"")  # before anything touches the file
            if _works(conn):
                return conn
            conn.close()
            conn = _open(ns, path, readonly, timeout)
        conn.execute(f"PRAGMA key = {_literal(secret)}")
        if _works(conn):
            _raw_keys_work = False  # SQLCipher's defaults differ from ours: use the passphrase
            return conn
        conn.close()
    except sqlite3.Error as exc:
        from mentorlog.store.sqlite import explain_sqlite_error

        raise explain_sqlite_error(exc, path) from None
    except OSError as exc:
        raise StoreError(f"can't read the journal {path}: {exc.strerror}") from None
    if _damaged_plain_header(path):
        raise StoreError(
            f"can't open {path}: wrong passphrase, or the file is damaged (it looks like a plain "
            "SQLite file whose header was overwritten, not an encrypted journal); "
            "restore a backup with 'mentorlog restore'"
        )
    raise StoreError(
        f"wrong passphrase for the encrypted journal {path} (or it is not a mentorlog journal); "
        "nothing was changed"
    )


def _damaged_plain_header(path: Path) -> bool:
    """True when bytes 21-23 hold SQLite's fixed payload fractions (64, 32, 32) in the clear: a
    plain file with a damaged first line, since SQLCipher encrypts everything after the salt."""
    try:
        with open(path, "rb") as handle:
            return handle.read(24)[21:24] == b"\x40\x20\x20"
    except OSError:
        return False


def connect_new(path: Path, secret: str, timeout: float = 15.0) -> Any:
    """A connection to a new (empty) file, keyed so it will be encrypted with `secret`."""
    ns = driver(f"writing the encrypted file {path} needs SQLCipher")
    conn = _open(ns, path, False, timeout)
    conn.execute(f'PRAGMA key = "{new_key_clause(secret)}"')
    return conn


# ------------------------------------------------------------------ copies and conversions


def _private_new_file(target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def backup_encrypted(source: Path, target: Path, secret: str | None = None) -> Path:
    """SQLite's backup API from an encrypted journal into a new file keyed by the same passphrase
    (with a salt of its own), in rollback-journal mode like every backup; target exists (0600)."""
    if secret is None:
        secret, _ = passphrase(source)
    src = connect(source, secret=secret)
    try:
        dst = connect_new(target, secret)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    return target


def encrypted_copy(source: Path, target: Path, secret: str) -> Path:
    """An encrypted single-file copy of a plain journal (sqlcipher_export), made 0600."""
    ns = driver("encrypting the journal needs SQLCipher")
    _private_new_file(target)
    try:
        conn = _open(ns, source, False, 15.0)  # ATTACH needs a writable connection
        try:
            _export(conn, target, new_key_clause(_check(secret)))
        finally:
            conn.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _export(source_conn: Any, target: Path, key_clause: str) -> None:
    """sqlcipher_export: schema and rows, search index included, into a new file."""
    source_conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), key_clause))
    try:
        source_conn.execute("BEGIN")
        source_conn.execute("SELECT sqlcipher_export('converted')")
        source_conn.execute("COMMIT")
    finally:
        if source_conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                source_conn.execute("ROLLBACK")
        source_conn.execute("DETACH DATABASE converted")


def _counts(conn: Any) -> dict[str, int]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name"
        )
    ]
    return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


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
# still points at the file it opened (store/sqlite.py's open_session), and starts over on the new
# one; and before the lock is let go, the old file's first page is zeroed (once it has no name
# left), so anything else that reads it stops with "not a database" and writes nothing.
#
# POSIX locks belong to the process, and closing ANY descriptor of the file drops all of them:
# while the lock is held nothing here opens and closes the old file by another path, and the
# descriptor its first page is zeroed through is closed only after the holding connection.


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def hold_exclusive(path: Path, encrypted: bool, secret: str | None, timeout: float) -> Any:
    """A connection that keeps every other process out of `path` until it is closed, its WAL
    folded into the file and emptied; or an error with nothing changed.

    Waits (`timeout`) for other connections to close: in WAL mode each one holds a shared lock on
    the file for as long as it is open."""
    if encrypted:
        return hold(path, lambda p: connect(p, secret=secret, timeout=timeout))
    ns = driver("converting the journal needs SQLCipher")
    return hold(path, lambda p: _open(ns, p, False, timeout))


def hold(path: Path, opener: Any) -> Any:
    """hold_exclusive with any connection `opener(path)` makes (plain sqlite3 or SQLCipher)."""
    from mentorlog.store.sqlite import apply_pragmas, open_session

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
        for side in (
            "-wal",
            "-shm",
        ):  # the old file's (the -wal is empty): the new one starts afresh
            _side(path, side).unlink(missing_ok=True)
        os.replace(replacement, path)
        fsync_folder(path.parent)
        if os.fstat(fd).st_nlink == 0:  # another name may still need it: leave that file alone
            with contextlib.suppress(OSError):
                os.pwrite(fd, bytes(4096), 0)
    finally:
        holder.close()
        os.close(fd)  # only now: closing it drops this process's locks on the old file


def check_copy(copy_path: Path, encrypted: bool, secret: str, expect: dict | None = None) -> None:
    """A WAL-mode file that passes integrity_check (and has `expect`'s row counts), or an error."""
    copy = connect(copy_path, secret=secret) if encrypted else sqlite3.connect(copy_path)
    try:
        copy.isolation_level = None
        copy.execute("PRAGMA journal_mode = WAL")
        ok = copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if not ok or (expect is not None and _counts(copy) != expect):
            raise StoreError(f"the converted copy {copy_path} did not check out")
    finally:
        copy.close()


def swap_in(path: Path, replacement: Path, secret: str | None, timeout: float) -> None:
    """Replace the live journal `path` (plain or encrypted) by the checked file `replacement`,
    safely for other mentorlogs: see "putting a new file in place" above."""
    from mentorlog.store.sqlite import is_encrypted

    holder = hold_exclusive(path, is_encrypted(path), secret, timeout)
    replace_held(path, holder, replacement)


def convert(path: Path, encrypt: bool, secret: str) -> None:
    """Rewrite the journal encrypted (or plain): copy it beside itself, check the copy, rename it
    over the journal.

    From before the copy until the new file has the journal's name, one connection holds the
    journal's exclusive lock with its WAL emptied, so no other mentorlog reads or writes in between
    (they wait, then open the new file). A failure or a kill before the rename leaves the journal
    as it was; after it, the new journal is complete.
    """
    from mentorlog.store.sqlite import BUSY_TIMEOUT_S

    driver(("encrypting" if encrypt else "decrypting") + " the journal needs SQLCipher")
    _check(secret)
    temp = path.with_name(path.name + (".encrypting" if encrypt else ".decrypting"))
    for leftover in (temp, _side(temp, "-journal"), _side(temp, "-wal"), _side(temp, "-shm")):
        leftover.unlink(missing_ok=True)
    _private_new_file(temp)
    holder = None
    try:
        holder = hold_exclusive(path, not encrypt, secret, BUSY_TIMEOUT_S)
        before = _counts(holder)
        _export(holder, temp, new_key_clause(secret) if encrypt else "")
        check_copy(temp, encrypt, secret, before)
        replace_held(path, holder, temp)
    except sqlite3.Error as exc:
        from mentorlog.store.sqlite import explain_sqlite_error

        raise explain_sqlite_error(exc, path) from None
    except OSError as exc:  # before the rename: nothing after it raises
        raise StoreError(
            f"can't write {exc.filename or temp}: {exc.strerror}; the journal was left as it was"
        ) from None
    finally:
        if holder is not None:
            holder.close()
        for leftover in (temp, _side(temp, "-wal"), _side(temp, "-shm")):
            leftover.unlink(missing_ok=True)
    os.chmod(path, 0o600)
    from mentorlog import landed

    landed.note()


def plain_copies(journal: Path) -> list[Path]:
    """Unencrypted copies of the journal that mentorlog made beside it: `backup`'s default
    `journal-backup-*.db` files and the `journal.db.*.bak` copies (pre-migrate, pre-restore...)."""
    from mentorlog.store.sqlite import SQLITE_HEADER

    found = []
    candidates = {
        *journal.parent.glob(f"{journal.stem}-backup-*.db"),
        *journal.parent.glob(f"{journal.name}.*.bak"),
    }
    for candidate in sorted(candidates):
        try:
            with open(candidate, "rb") as handle:
                if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
                    found.append(candidate)
        except OSError:
            continue
    return found
