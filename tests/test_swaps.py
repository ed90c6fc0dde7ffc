"""Replacing the whole journal file (db encrypt/decrypt, restore) while other mentorlogs use it, and
being killed while doing so; reading a journal on a read-only or full file system (issue 17).

Tested the way SQLite tests itself: real writer processes racing the swap, real SIGKILLs at every
point the swap changes a file, and a check that nothing acknowledged is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentorlog.store import crypto
from mentorlog.store.db import is_encrypted
from support import MENTORLOG, needs_sqlcipher

PASSPHRASE = "swap test passphrase"
SCALE = float(os.environ.get("MENTORLOG_STRESS", "0.5"))


@pytest.fixture
def secret(monkeypatch):
    monkeypatch.setenv("MENTORLOG_PASSPHRASE", PASSPHRASE)
    crypto.forget_process_cache()
    yield PASSPHRASE
    crypto.forget_process_cache()


def _env(db_file: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "MENTORLOG_DB": str(db_file), "MENTORLOG_PASSPHRASE": PASSPHRASE, **extra}


def _mentorlog(db_file: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MENTORLOG, *args],
        capture_output=True,
        text=True,
        env=_env(db_file),
        stdin=subprocess.DEVNULL,
        **kwargs,
    )


def _spawn(db_file: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*MENTORLOG, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(db_file),
        stdin=subprocess.DEVNULL,
    )


def _actions(db_file: Path) -> list[str]:
    result = _mentorlog(db_file, "action", "list", "--all", "--json")
    assert result.returncode == 0, result.stderr
    return [a["text"] for a in json.loads(result.stdout)]


# ------------------------------------------------------------------ writers waiting on a conversion


@needs_sqlcipher
@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_writers_waiting_during_a_conversion_land_in_the_new_file(
    journal, db_file, secret, monkeypatch, direction
):
    """They used to be told "damaged... restore a backup" (the file changed form under them);
    following that advice would have thrown away the journal. Now each one opens the new file."""
    if direction == "decrypt":
        crypto.convert(db_file, encrypt=True, secret=secret)
    real_export = crypto._export
    writers: list[subprocess.Popen] = []

    def racing_export(*args, **kwargs):
        writers.extend(
            [
                _spawn(db_file, "action", "add", "WAITER action one"),
                _spawn(db_file, "action", "add", "WAITER action two"),
                _spawn(db_file, "mentor", "edit", "alex", "--focus", "WAITER focus"),
            ]
        )
        time.sleep(1.0)  # they have opened the journal and wait for its lock
        return real_export(*args, **kwargs)

    monkeypatch.setattr(crypto, "_export", racing_export)
    crypto.convert(db_file, encrypt=direction == "encrypt", secret=secret)
    outcomes = [(w.wait(timeout=60), w.stderr.read()) for w in writers]
    assert outcomes == [(0, "")] * 3
    assert is_encrypted(db_file) == (direction == "encrypt")
    assert _mentorlog(db_file, "db", "check").returncode == 0
    assert {"WAITER action one", "WAITER action two"} <= set(_actions(db_file))
    shown = json.loads(_mentorlog(db_file, "mentor", "show", "alex", "--json").stdout)
    assert shown["focus"] == "WAITER focus"


# ------------------------------------------------------------------ SIGKILL while replacing the file


def _big_journal(path: Path, rows: int = 400) -> Path:
    """A journal of a couple of MB (long actions, with their search index)."""
    import random

    from mentorlog.store import rows as store_rows
    from mentorlog.store.db import open_store, write_connection

    open_store(path)
    rng = random.Random(17)
    with write_connection(path) as conn:
        for index in range(rows):
            text = f"big {index} " + "".join(rng.choice("abcdefgh ") for _ in range(600))
            store_rows.insert(conn, "action", {"text": text})
    return path


def _content(path: Path) -> list:
    """Every action and the search index's size, read through a keyed connection when the file is
    encrypted, after SQLite's integrity check."""
    from mentorlog.store.db import connect

    conn = connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = conn.execute("SELECT id, uuid, text FROM action ORDER BY id").fetchall()
        return [*rows, conn.execute("SELECT count(*) FROM search_index").fetchone()[0]]
    finally:
        conn.close()


# what changes files from Python: a kill is tried right after each of these calls
FILE_CALLS = ("open", "pwrite", "write", "ftruncate", "fsync", "replace", "rename", "unlink")


def _run_killed_after(work, call: int, only: tuple[str, ...] = FILE_CALLS) -> tuple[bool, int]:
    """Run work() in a forked child that SIGKILLs itself right after its `call`-th file call
    (never, for 0), counting the calls named in `only`; (whether it finished, how many it made)."""
    import signal

    read_fd, write_fd = os.pipe()
    real_write = os.write
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        count = 0

        def counted(real):
            def call_then_maybe_die(*args, **kwargs):
                nonlocal count
                try:
                    return real(*args, **kwargs)
                finally:
                    count += 1
                    if count == call:
                        os.kill(os.getpid(), signal.SIGKILL)

            return call_then_maybe_die

        try:
            for name in only:
                setattr(os, name, counted(getattr(os, name)))
            work()
            real_write(write_fd, f"done {count}\n".encode())
        finally:
            os._exit(0)
    os.close(write_fd)
    _, status = os.waitpid(pid, 0)
    report = b""
    while chunk := os.read(read_fd, 4096):
        report += chunk
    os.close(read_fd)
    if report.startswith(b"done "):
        return True, int(report.split()[1])
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
    return False, call


@needs_sqlcipher
@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_sigkill_at_every_file_call_of_a_conversion_leaves_old_or_new_journal(
    tmp_path, secret, direction, monkeypatch
):
    """`db encrypt`/`db decrypt` used to write the converted bytes over the journal itself: a kill
    in the middle left half of each, a journal nothing could open."""
    salt = bytes(range(16))  # one salt for every new file: its key is derived once, not per run
    monkeypatch.setattr(
        crypto, "new_key_clause", lambda s: f"x'{crypto._raw_key(s, salt).hex()}{salt.hex()}'"
    )
    template = _big_journal(tmp_path / "template.db")
    if direction == "decrypt":
        crypto.convert(template, encrypt=True, secret=secret)
    expected = _content(template)
    path = tmp_path / "journal.db"

    def fresh() -> None:
        for leftover in tmp_path.glob("journal.db*"):
            leftover.unlink()
        path.write_bytes(template.read_bytes())
        os.chmod(path, 0o600)

    def convert() -> None:
        crypto.convert(path, encrypt=direction == "encrypt", secret=secret)

    fresh()
    finished, calls = _run_killed_after(convert, 0)
    assert finished and calls > 3
    forms = []
    for call in range(1, calls + 1):
        fresh()
        finished, _ = _run_killed_after(convert, call)
        forms.append(is_encrypted(path))
        assert _content(path) == expected, f"killed after file call {call} of {calls}"
        if call % 4 == 0:  # and it converts again, either way
            crypto.convert(path, encrypt=not is_encrypted(path), secret=secret)
            assert _content(path) == expected
    assert forms[0] == (direction == "decrypt") and forms[-1] == (direction == "encrypt")
    print(f"\n{direction}: killed after each of {calls} file calls, old or new journal every time")


@needs_sqlcipher
@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_kill_9_of_db_encrypt_and_decrypt_at_timed_points(tmp_path, secret, direction):
    """The real command, killed from outside at moments spread over its run."""
    import random
    import signal

    template = _big_journal(tmp_path / "template.db")
    if direction == "decrypt":
        crypto.convert(template, encrypt=True, secret=secret)
    expected = _content(template)
    path = tmp_path / "journal.db"

    def fresh() -> None:
        for leftover in tmp_path.glob("journal.db*"):
            leftover.unlink()
        path.write_bytes(template.read_bytes())
        os.chmod(path, 0o600)

    fresh()
    started = time.monotonic()
    assert _mentorlog(path, "db", direction).returncode == 0
    took = time.monotonic() - started
    rng = random.Random(5)
    rounds = max(2, int(4 * SCALE))
    forms = []
    for _ in range(rounds):
        fresh()
        process = _spawn(path, "db", direction)
        time.sleep(rng.uniform(0.3, 1.0) * took)  # start-up is ~0.2 s of it
        process.send_signal(signal.SIGKILL)
        process.wait()
        forms.append(is_encrypted(path) == (direction == "encrypt"))
        assert _content(path) == expected
    print(f"\n{direction}: {rounds} kill -9 in {took:.2f} s runs; {sum(forms)} left the new form")


# a writer that has opened the journal (schema checked) and writes once a flag file appears
POISED_WRITER = """
import sys, time
from pathlib import Path
from mentorlog.store.db import open_store
from mentorlog.store.writes import add_action
path, flag = Path(sys.argv[1]), Path(sys.argv[2])
open_store(path)
print("ready", flush=True)
while not flag.exists():
    time.sleep(0.01)
print(add_action(path, "WAITED through a kill").id, flush=True)
"""


@needs_sqlcipher
@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_a_writer_waiting_when_the_conversion_is_killed_after_the_rename_lands_in_the_new_file(
    tmp_path, secret, direction
):
    """Killed between the rename and zeroing the old file's first page, the converter lets go of
    the old file's lock with the old file still whole: the waiting writer must notice the name
    has moved on, or its write would go to the new file's -wal as pages of the old one."""
    path = _big_journal(tmp_path / "journal.db", rows=50)
    if direction == "decrypt":
        crypto.convert(path, encrypt=True, secret=secret)
    before = _content(path)
    flag = tmp_path / "write-now"
    writer = subprocess.Popen(
        [sys.executable, "-B", "-c", POISED_WRITER, str(path), str(flag)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(path),
    )
    assert writer.stdout.readline() == "ready\n"
    real_export = crypto._export

    def racing_export(*args, **kwargs):
        flag.touch()
        time.sleep(1.0)  # the writer has begun its transaction and waits for the lock
        return real_export(*args, **kwargs)

    def convert() -> None:
        crypto._export = racing_export
        crypto.convert(path, encrypt=direction == "encrypt", secret=secret)

    finished, _ = _run_killed_after(convert, 1, only=("replace",))
    assert not finished
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0 and err == "", err
    assert is_encrypted(path) == (direction == "encrypt")  # the new file has the name
    after = _content(path)
    assert after[: len(before) - 1] == before[:-1]
    assert after[len(before) - 1][2] == "WAITED through a kill"
    assert str(after[len(before) - 1][0]) == out.strip()


RAW_WRITER = """
import sqlite3, sys, time
from pathlib import Path
path, flag = Path(sys.argv[1]), Path(sys.argv[2])
conn = sqlite3.connect(path, timeout=30, isolation_level=None)  # opens the file, reads nothing
print("ready", flush=True)
while not flag.exists():
    time.sleep(0.01)
try:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO action (uuid, created_at, updated_at, text, status) "
                 "VALUES ('u', 'now', 'now', 'RAW write', 'open')")
    conn.execute("COMMIT")
    print("written", flush=True)
except sqlite3.DatabaseError as exc:
    print(f"refused: {exc}", flush=True)
"""


@needs_sqlcipher
def test_a_program_left_holding_the_old_file_can_not_write_through_it(tmp_path, secret):
    """Not every connection checks the name after its first read (a migration's, another
    program's): the old file's first page is zeroed before its lock is let go, so such a writer
    stops with "not a database" instead of sending old pages to the new file's -wal."""
    path = _big_journal(tmp_path / "journal.db", rows=50)
    before = _content(path)
    flag = tmp_path / "write-now"
    writer = subprocess.Popen(
        [sys.executable, "-B", "-c", RAW_WRITER, str(path), str(flag)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout.readline() == "ready\n"
    real_export = crypto._export

    def racing_export(*args, **kwargs):
        flag.touch()
        time.sleep(1.0)  # the writer waits for the lock on the file it opened
        return real_export(*args, **kwargs)

    crypto._export = racing_export
    try:
        crypto.convert(path, encrypt=True, secret=secret)
    finally:
        crypto._export = real_export
    out, err = writer.communicate(timeout=60)
    assert out.startswith("refused: file is not a database"), out + err
    assert is_encrypted(path) and _content(path) == before
