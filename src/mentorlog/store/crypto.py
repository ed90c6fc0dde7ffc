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

from mentorlog.errors import DamagedJournal, StoreError, UsageProblem

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


# ------------------------------------------------------------------ connections


def _open(ns: Any, path: Path, readonly: bool, timeout: float, immutable: bool = False) -> Any:
    from mentorlog.store.sqlite import file_uri

    uri = readonly or immutable
    target = file_uri(path, "mode=ro&immutable=1" if immutable else "mode=ro") if uri else str(path)
    conn = ns.module.connect(
        target,
        timeout=timeout,
        isolation_level=None,
        uri=uri,
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
    path: Path,
    readonly: bool = False,
    timeout: float = 15.0,
    secret: str | None = None,
    head: bytes | None = None,
    immutable: bool = False,
) -> Any:
    """A keyed connection to an encrypted file in autocommit mode, or one clear StoreError.

    `immutable` opens it read-only without locks or side files (store/db.py's read_session, for a
    journal where nothing can be written).

    `head` is the file's first bytes (header()), for a caller that already has a connection to
    the file open: reading them here would open and close the file, and closing any descriptor
    of it drops every SQLite lock this process holds on it."""
    global _raw_keys_work
    try:
        if head is None:
            head = header(path)
    except OSError as exc:
        raise StoreError(f"can't read the journal {path}: {exc.strerror}") from None
    if damaged_plain_header(head):
        raise DamagedJournal(
            f"{path} is damaged: it is a plain SQLite file whose first line was overwritten, not "
            "an encrypted journal; restore a backup with 'mentorlog restore'"
        )
    ns = driver(f"{path} is encrypted and opening it needs SQLCipher")
    if secret is None:
        secret, _ = passphrase(path)
    _check(secret)
    try:
        conn = _open(ns, path, readonly, timeout, immutable)
        if _raw_keys_work:
            raw = _raw_key(secret, head[:SALT_BYTES])
            conn.execute(f"PRAGMA key = \"x'{raw.hex()}'\"")  # before anything touches the file
            if _works(conn):
                return conn
            conn.close()
            conn = _open(ns, path, readonly, timeout, immutable)
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
    raise StoreError(
        f"wrong passphrase for the encrypted journal {path} (or it is not a mentorlog journal); "
        "nothing was changed"
    )


def header(path: Path) -> bytes:
    """The file's first 24 bytes: the salt, and what tells a damaged plain file apart."""
    with open(path, "rb") as handle:
        return handle.read(24)


def damaged_plain_header(head: bytes) -> bool:
    """True when bytes 16-23 are SQLite's header fields in the clear (a page size, file format
    versions 1 or 2, the fixed payload fractions 64, 32, 32): a plain file whose first line was
    overwritten, since SQLCipher encrypts everything after its 16-byte salt (an encrypted file
    matches by chance about once in 2**40)."""
    if len(head) < 24:
        return False
    page_size = int.from_bytes(head[16:18], "big")
    return (
        (page_size == 1 or (512 <= page_size <= 32768 and page_size & (page_size - 1) == 0))
        and head[18] in (1, 2)
        and head[19] in (1, 2)
        and head[21:24] == b"\x40\x20\x20"
    )


def codec_error(exc: BaseException) -> bool:
    """SQLCipher reports a page that fails its HMAC check (damaged or altered) as SQLITE_ERROR,
    "SQL logic error", on the statement that read it."""
    return isinstance(exc, sqlite3.Error) and "sql logic error" in str(exc).lower()


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
# (how, and why it is safe for other mentorlogs: store/sqlite.py, "putting a new file in place")


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def hold_exclusive(path: Path, encrypted: bool, secret: str | None, timeout: float) -> Any:
    """store/sqlite.py's hold_exclusive with a SQLCipher connection: keyed for an encrypted file,
    unkeyed on a plain one (so that an encrypted copy can be ATTACHed to it)."""
    from mentorlog.store.sqlite import hold_exclusive as hold

    if encrypted:
        return hold(path, lambda p: connect(p, secret=secret, timeout=timeout))
    ns = driver("converting the journal needs SQLCipher")
    return hold(path, lambda p: _open(ns, p, False, timeout))


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


def swap_in(path: Path, replacement: Path, holder: Any) -> None:
    """Put the checked file `replacement` in the place of the live journal `path` (plain or
    encrypted), which `holder` (from hold_exclusive) keeps locked; closes `holder`."""
    from mentorlog.store.sqlite import replace_held

    replace_held(path, holder, replacement)
    os.chmod(path, 0o600)


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
        from mentorlog.store.sqlite import replace_held

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
