"""The optional encrypted journal (SQLCipher): encrypt/decrypt, keys, what stays protected, and
that a plain journal never pays for any of it. Also: the store never prints (issue 11)."""

from __future__ import annotations

import ast
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mentorlog.store import crypto
from mentorlog.store.db import is_encrypted

PASSPHRASE = "tr0ub4dor & 3 'quoted' \"twice\""
CANARY = "CANARY-93be-encrypted-note"
HEADER = b"SQLite format 3\x00"
STORE = Path(crypto.__file__).parent
FIXTURES = Path(__file__).parent / "data"

try:
    import sqlcipher3  # noqa: F401

    HAS_SQLCIPHER = True
except ImportError:
    HAS_SQLCIPHER = False
needs_sqlcipher = pytest.mark.skipif(not HAS_SQLCIPHER, reason="needs mentorlog[encrypted]")


@pytest.fixture
def secret(monkeypatch):
    monkeypatch.setenv("MENTORLOG_PASSPHRASE", PASSPHRASE)
    crypto.forget_process_cache()
    yield PASSPHRASE
    crypto.forget_process_cache()


@pytest.fixture
def encrypted(journal, db_file, secret):
    """The small journal, encrypted through the CLI."""
    result = journal("db", "encrypt")
    assert result.stdout.startswith(f"Encrypted {db_file}")
    assert is_encrypted(db_file)
    return journal


def _bytes_everywhere(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# ------------------------------------------------------------------ the common path


def test_plain_journal_never_loads_sqlcipher_or_keyring(journal, db_file):
    code = """
import contextlib, io, sys
from mentorlog.cli import fast
for argv in (["action", "add", "probe"], ["action", "list"], ["prep", "alex", "--json"],
             ["db", "check"], ["backup"]):
    with contextlib.redirect_stdout(io.StringIO()):
        assert fast.run(argv) == 0, argv
print(sorted(m for m in sys.modules
             if m.split(".")[0] in ("sqlcipher3", "keyring") or m == "mentorlog.store.crypto"))
"""
    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    env.pop("MENTORLOG_PASSPHRASE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_encrypted_file_is_told_apart_by_its_header(tmp_path):
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.close()
    assert not is_encrypted(plain)
    assert not is_encrypted(tmp_path / "missing.db")
    (tmp_path / "empty.db").write_bytes(b"")
    assert not is_encrypted(tmp_path / "empty.db")
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 50)  # not whole pages
    assert not is_encrypted(tmp_path / "junk.db")
    (tmp_path / "pages.db").write_bytes(os.urandom(4096))
    assert is_encrypted(tmp_path / "pages.db")


# ------------------------------------------------------------------ encrypt, use, decrypt


@needs_sqlcipher
def test_commands_work_on_an_encrypted_journal_and_the_canary_stays_hidden(
    encrypted, db_file, tmp_path, secret
):
    cli = encrypted
    holder = crypto.connect(db_file)  # keeps the -wal file in place while the next writes run
    try:
        holder.execute("SELECT count(*) FROM mentor").fetchone()
        cli("log", "alex", "--notes", f"a private note {CANARY}", "--advice", CANARY)
        cli("action", "add", f"follow up {CANARY}")
        wal = db_file.with_name(db_file.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        for name, data in _bytes_everywhere(db_file.parent).items():
            assert CANARY.encode() not in data, name
    finally:
        holder.close()
    briefing = cli.json("prep", "alex")
    assert CANARY in json.dumps(briefing)
    assert CANARY in cli("search", "CANARY").stdout
    assert cli("db", "check").stdout.startswith("ok:")
    backup = tmp_path / "backup.db"
    cli("backup", str(backup))
    assert backup.read_bytes()[:16] != HEADER and CANARY.encode() not in backup.read_bytes()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    export = tmp_path / "export.json"
    cli("export", "-o", str(export))
    assert CANARY in export.read_text()  # an export is plain by nature: asking for one is asking
    export.unlink()
    cli("action", "add", "written after the backup")
    result = cli("restore", str(backup), "--force")
    assert "kept at" in result.stdout
    assert is_encrypted(db_file)
    texts = [a["text"] for a in cli.json("action", "list", "--all")]
    assert "written after the backup" not in texts and f"follow up {CANARY}" in texts
    for name, data in _bytes_everywhere(db_file.parent).items():
        assert CANARY.encode() not in data, name  # journal, side files, every backup


@needs_sqlcipher
def test_decrypt_gives_back_the_same_plain_journal(journal, db_file, secret):
    before = journal("export").stdout
    journal("db", "encrypt")
    assert "already encrypted" in journal.fails("db", "encrypt")
    assert journal("export").stdout == before
    result = journal("db", "decrypt")
    assert "plain SQLite file" in result.stdout and "pre-decrypt" in result.stdout
    assert db_file.read_bytes()[:16] == HEADER
    assert "not encrypted" in journal.fails("db", "decrypt")
    assert journal("export").stdout == before
    kept = sorted(db_file.parent.glob("journal.db.*.bak"))
    assert sorted(p.name.split(".")[-2] for p in kept) == ["pre-decrypt", "pre-encrypt"]
    assert all(p.read_bytes()[:16] != HEADER for p in kept)  # no plain copy was left behind
    assert sorted(p.name for p in db_file.parent.glob("journal.db-*")) == []


@needs_sqlcipher
def test_wrong_or_missing_passphrase_is_one_error_and_changes_nothing(
    encrypted, db_file, monkeypatch
):
    before = _bytes_everywhere(db_file.parent)
    monkeypatch.setenv("MENTORLOG_PASSPHRASE", "not it")
    crypto.forget_process_cache()
    for args in (["action", "list"], ["action", "add", "x"], ["db", "check"], ["backup"]):
        assert "wrong passphrase" in encrypted.fails(*args)
    monkeypatch.delenv("MENTORLOG_PASSPHRASE")
    monkeypatch.setattr(crypto, "_from_keyring", lambda: None)
    line = encrypted.fails("action", "list")
    assert "MENTORLOG_PASSPHRASE" in line and "keyring" in line
    assert _bytes_everywhere(db_file.parent) == before  # no new journal, no backup, nothing


@needs_sqlcipher
def test_wrong_passphrase_in_a_new_process_prints_one_line(encrypted, db_file):
    env = {**os.environ, "MENTORLOG_DB": str(db_file), "MENTORLOG_PASSPHRASE": "nope"}
    result = subprocess.run(
        [sys.executable, "-m", "mentorlog", "action", "list"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: wrong passphrase for the encrypted journal {db_file} (or it is not a mentorlog "
        "journal); nothing was changed"
    ]


@needs_sqlcipher
def test_prompt_asks_twice_and_the_keyring_remembers(journal, db_file, monkeypatch):
    import getpass

    monkeypatch.delenv("MENTORLOG_PASSPHRASE", raising=False)
    crypto.forget_process_cache()
    vault: dict[tuple[str, str], str] = {}

    class FakeKeyring:
        @staticmethod
        def get_password(service, user):
            return vault.get((service, user))

        @staticmethod
        def set_password(service, user, value):
            vault[(service, user)] = value

    monkeypatch.setitem(sys.modules, "keyring", FakeKeyring)
    monkeypatch.setattr(crypto, "_terminal", lambda: True)
    answers = iter(["first", "second"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    assert "differ" in journal.fails("db", "encrypt", code=2)
    assert not is_encrypted(db_file) and not list(db_file.parent.glob("*.bak"))
    answers = iter(["s3cret", "s3cret"])
    result = journal("db", "encrypt")
    assert "saved in your OS keyring" in result.stdout
    assert vault == {("mentorlog", "journal"): "s3cret"}
    crypto.forget_process_cache()
    monkeypatch.setattr(crypto, "_terminal", lambda: False)  # no prompt: the keyring must do
    assert journal.json("action", "list")


@needs_sqlcipher
def test_a_broken_keyring_falls_through_silently(encrypted, monkeypatch):
    class Broken:
        @staticmethod
        def get_password(service, user):
            raise RuntimeError("no backend")

    monkeypatch.setitem(sys.modules, "keyring", Broken)
    crypto.forget_process_cache()
    result = encrypted("action", "list")  # MENTORLOG_PASSPHRASE still set
    assert result.stderr == ""


def test_without_the_extra_encrypt_and_open_say_how_to_install(journal, db_file, monkeypatch):
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # import fails as if not installed
    monkeypatch.setenv("MENTORLOG_PASSPHRASE", PASSPHRASE)
    before = db_file.read_bytes()
    line = journal.fails("db", "encrypt")
    assert "pip install 'mentorlog[encrypted]'" in line
    assert db_file.read_bytes() == before
    fake = db_file.parent / "encrypted.db"
    fake.write_bytes(os.urandom(4096))
    line = journal.fails("--db", str(fake), "action", "list")
    assert "is encrypted" in line and "pip install 'mentorlog[encrypted]'" in line


# ------------------------------------------------------------------ migrations


@needs_sqlcipher
def test_an_encrypted_journal_migrates_with_a_keyed_engine(tmp_path, secret, capsys):
    from mentorlog.store.db import HEAD, open_store, schema_revision, write_connection

    path = tmp_path / "journal.db"
    shutil.copyfile(FIXTURES / "schema-0001.db", path)
    crypto.convert(path, encrypt=True, secret=secret)
    heard: list[str] = []
    open_store(path, notify=heard.append)
    assert schema_revision(path) == HEAD and is_encrypted(path)
    assert len(heard) == 1 and heard[0].startswith(f"Upgraded the journal schema to {HEAD}")
    assert capsys.readouterr() == ("", "")  # the store told the callback, never the terminal
    backups = list(tmp_path.glob("journal.db.*.pre-migrate.bak"))
    assert len(backups) == 1 and is_encrypted(backups[0])
    with write_connection(path) as conn:  # keyed first, then the same pragmas as a plain one
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 15000


def test_open_store_never_prints_an_upgrade(tmp_path, capsys):
    from mentorlog.store.db import open_store

    path = tmp_path / "journal.db"
    shutil.copyfile(FIXTURES / "schema-0001.db", path)
    open_store(path)  # no callback: nothing is said at all
    assert capsys.readouterr() == ("", "")


# ------------------------------------------------------------------ the store never prints


def _prints(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("print", "input", "breakpoint"):
                found.append(f"line {node.lineno}: {node.func.id}()")
        elif isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr", "__stdout__"):
            if isinstance(node.value, ast.Name) and node.value.id == "sys":
                found.append(f"line {node.lineno}: sys.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "sys":
            names = {alias.name for alias in node.names}
            if names & {"stdout", "stderr"}:
                found.append(f"line {node.lineno}: from sys import {sorted(names)}")
    return found


# Build-time generators under store/ (run by `make schema`, never imported by a command): their
# one "wrote FILE" line is the build's log, not the journal talking.
GENERATORS = {"codegen.py"}


def test_no_module_under_store_prints_or_writes_to_the_terminal():
    offenders = {}
    modules = sorted(STORE.rglob("*.py"))
    assert len(modules) > 10
    for module in modules:
        if module.name in GENERATORS and module.parent == STORE:
            continue
        found = _prints(ast.parse(module.read_text(encoding="utf-8")))
        if found:
            offenders[str(module.relative_to(STORE))] = found
    assert offenders == {}


def test_the_scan_catches_each_way_of_printing():
    source = "import sys\nprint(1)\nsys.stderr.write('x')\nfrom sys import stdout\n"
    assert len(_prints(ast.parse(source))) == 3
