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
from support import needs_sqlcipher

PASSPHRASE = "tr0ub4dor & 3 'quoted' \"twice\""
CANARY = "CANARY-93be-encrypted-note"
HEADER = b"SQLite format 3\x00"
STORE = Path(crypto.__file__).parent
FIXTURES = Path(__file__).parent / "data"


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


# ------------------------------------------------------------------ conversions and other writers

WRITER_LOOP = r"""
import json, subprocess, sys, time
from pathlib import Path
stop, log = Path(sys.argv[1]), Path(sys.argv[2])
runs, i = [], 0
while not stop.exists() and i < 200:
    i += 1
    args = (["mentor", "edit", "alex", "--focus", f"LOOP-CANARY focus {i}"] if i % 2
            else ["action", "add", f"LOOP-CANARY action {i}"])
    r = subprocess.run([sys.executable, "-m", "mentorlog", *args], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    runs.append([i, r.returncode, r.stderr])
log.write_text(json.dumps(runs))
"""


def _env(db_file: Path) -> dict[str, str]:
    return {**os.environ, "MENTORLOG_DB": str(db_file), "MENTORLOG_PASSPHRASE": PASSPHRASE}


def _mentorlog(db_file: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mentorlog", *args],
        capture_output=True,
        text=True,
        env=_env(db_file),
        stdin=subprocess.DEVNULL,
    )


def _no_plaintext(db_file: Path, marker: bytes) -> None:
    for side in ("", "-wal"):
        path = db_file.with_name(db_file.name + side)
        if path.exists():
            assert marker not in path.read_bytes(), path.name


@needs_sqlcipher
@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_a_writer_waiting_during_a_conversion_never_reaches_the_old_file(
    journal, db_file, secret, monkeypatch, direction
):
    """The review's race: an update that adds no row, made while the copy is taken, used to sit in
    journal.db-wal and be replayed (plaintext) into the new file after the rename."""
    if direction == "decrypt":
        crypto.convert(db_file, encrypt=True, secret=secret)
    real_export = crypto._export
    writers: list[subprocess.Popen] = []

    def racing_export(*args, **kwargs):
        writers.append(
            subprocess.Popen(
                [sys.executable, "-m", "mentorlog", "mentor", "edit", "alex", "--focus",
                 "RACE-CANARY career: staff promotion"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                env=_env(db_file), stdin=subprocess.DEVNULL,
            )
        )  # fmt: skip
        import time

        time.sleep(1.5)  # the writer is waiting for the lock (or, unlocked, has written)
        return real_export(*args, **kwargs)

    monkeypatch.setattr(crypto, "_export", racing_export)
    crypto.convert(db_file, encrypt=direction == "encrypt", secret=secret)
    _, err = writers[0].communicate(timeout=60)
    assert is_encrypted(db_file) == (direction == "encrypt")
    assert _mentorlog(db_file, "db", "check").returncode == 0
    if direction == "encrypt":
        _no_plaintext(db_file, b"RACE-CANARY")
    focus = json.loads(_mentorlog(db_file, "mentor", "show", "alex", "--json").stdout)["focus"]
    if writers[0].returncode == 0:
        assert focus == "RACE-CANARY career: staff promotion"
    else:  # a clean one-line refusal, and nothing of it in the journal
        assert err.count("\n") == 1 and err.startswith("Error: "), err
        assert focus != "RACE-CANARY career: staff promotion"


@needs_sqlcipher
def test_a_writer_loop_during_encrypt_and_decrypt_loses_nothing(journal, db_file, tmp_path, secret):
    stop, log = tmp_path / "stop", tmp_path / "runs.json"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER_LOOP, str(stop), str(log)], env=_env(db_file)
    )
    try:
        import time

        time.sleep(0.8)
        encrypted = _mentorlog(db_file, "db", "encrypt")
        assert encrypted.returncode == 0, encrypted.stderr
        _no_plaintext(db_file, b"LOOP-CANARY")
        time.sleep(0.5)
        decrypted = _mentorlog(db_file, "db", "decrypt")
        assert decrypted.returncode == 0, decrypted.stderr
        time.sleep(0.5)
    finally:
        stop.touch()
        writer.wait(timeout=120)
    runs = json.loads(log.read_text())
    assert len(runs) >= 3
    for _, code, err in runs:
        assert code == 0 or (err.count("\n") == 1 and err.startswith("Error: ")), err
    assert _mentorlog(db_file, "db", "check").returncode == 0
    actions = {
        a["text"] for a in json.loads(_mentorlog(db_file, "action", "list", "--json").stdout)
    }
    for i, code, _ in runs:
        if i % 2 == 0 and code == 0:
            assert f"LOOP-CANARY action {i}" in actions
    edits = [i for i, code, _ in runs if i % 2 and code == 0]
    focus = json.loads(_mentorlog(db_file, "mentor", "show", "alex", "--json").stdout)["focus"]
    assert not edits or focus == f"LOOP-CANARY focus {edits[-1]}"


# ------------------------------------------------------------------ restores between the two forms


@needs_sqlcipher
@pytest.mark.parametrize("failure", ["disk full", "ctrl-c"])
def test_a_failed_restore_across_forms_leaves_the_journal_and_names_the_kept_copy(
    journal, db_file, tmp_path, secret, monkeypatch, failure
):
    cli = journal
    plain = tmp_path / "plain.db"
    cli("backup", str(plain))
    cli("db", "encrypt")
    cli("action", "add", "written while encrypted")
    before = db_file.read_bytes()

    def failing(*args, **kwargs):
        if failure == "ctrl-c":
            raise KeyboardInterrupt
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(crypto, "swap_in", failing, raising=False)
    line = cli.fails("restore", str(plain), "--force")
    kept = sorted(db_file.parent.glob("journal.db.*.pre-restore.bak"))
    assert len(kept) == 1 and str(kept[0]) in line
    assert "left as it was" in line and "nothing was saved" not in line
    assert db_file.read_bytes() == before
    texts = [a["text"] for a in cli.json("action", "list", "--all")]
    assert "written while encrypted" in texts


@needs_sqlcipher
def test_restores_across_forms_never_take_the_encryption_away(
    journal, db_file, tmp_path, secret, clock
):
    cli = journal
    plain = tmp_path / "plain.db"
    cli("backup", str(plain))
    cli("db", "encrypt")
    cli("action", "add", "written while encrypted")
    result = cli("restore", str(plain), "--force")
    assert "kept at" in result.stdout and "stays encrypted" in result.stderr
    assert str(plain) in result.stderr  # the plain file itself is named
    assert is_encrypted(db_file) and cli("db", "check").stdout.startswith("ok:")
    texts = [a["text"] for a in cli.json("action", "list", "--all")]
    assert "written while encrypted" not in texts and "Read DDIA chapter 1" in texts
    secret_backup = tmp_path / "encrypted.db"
    cli("backup", str(secret_backup))
    cli("db", "decrypt")
    clock.shift(60)  # a second pre-restore copy gets a name of its own
    result = cli("restore", str(secret_backup), "--force")
    assert "encrypted now" in result.stderr and is_encrypted(db_file)
    assert cli("db", "check").stdout.startswith("ok:")
    assert sorted(p.name for p in db_file.parent.glob("journal.db.restoring*")) == []


# ------------------------------------------------------------------ plaintext left behind


@needs_sqlcipher
def test_encrypt_names_the_plain_copies_and_drafts_it_cannot_reach(journal, db_file, secret, clock):
    cli = journal
    cli("backup")  # journal-backup-<time>.db beside the journal, plain
    plain = sorted(db_file.parent.glob("journal-backup-*.db"))
    assert len(plain) == 1
    drafts = db_file.parent / "drafts"
    drafts.mkdir()
    (drafts / "meeting-1-20261120T100000000000.md").write_text("notes\n")
    result = cli("db", "encrypt")
    assert f"hold the journal UNENCRYPTED: {plain[0]}." in result.stdout
    assert f"Unsaved drafts in {drafts} (from 'log -e' or 'review --edit', 1 now)" in result.stdout
    assert "pre-encrypt" not in result.stdout.split("UNENCRYPTED")[1]  # that copy is encrypted
    cli("db", "decrypt")
    for leftover in plain:
        leftover.unlink()
    for draft in drafts.iterdir():
        draft.unlink()
    clock.shift(60)  # a second pre-encrypt copy gets a name of its own
    result = cli("db", "encrypt")
    assert "UNENCRYPTED" not in result.stdout and "drafts" not in result.stdout


@needs_sqlcipher
def test_a_plain_file_with_a_damaged_header_is_called_damaged(journal, db_file, secret):
    with open(db_file, "r+b") as handle:
        handle.write(b"X" * 16)  # SQLite's first line gone; now it looks encrypted by its header
    assert is_encrypted(db_file)
    line = journal.fails("action", "list")
    assert "damaged" in line and "restore" in line
