"""Notes piped into `log` can't be typed again: they are kept, as the bytes came, before anything
checks the command line, and every refusal names where. (Journal: Alex Chen #1, Sam Rivera #2;
clock: Sunday 2026-11-22 10:00 UTC.)"""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from support import dump

NOTES = b"Notes I can't type again\nsecond line\n"


def _kept(home):
    folder = home / "drafts"
    return sorted(folder.glob("notes-*.md")) if folder.exists() else []


def _refused_and_kept(journal, db_file, home, args, code, data=NOTES):
    """`log ARGS` with `data` piped in is refused with one line that names the draft holding
    exactly `data` (0600); the journal is unchanged. The line, for more checks."""
    before = dump(db_file)
    line = journal.fails("log", *args, code=code, input=data)
    (kept,) = _kept(home)
    assert kept.read_bytes() == data
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    assert str(kept) in line and "piped notes are kept" in line, line
    assert dump(db_file) == before
    return line


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["alxe"], 1, "no active mentor matches 'alxe'"),
        (["alex", "--on", "garbage"], 2, "can't read 'garbage'"),
        (["alex", "--on", "2026-12-01"], 2, "is in the future"),
        (["alex", "--next", "blah"], 2, "can't read 'blah' as a date"),
        (["alex", "--action", "Book it due:blah"], 2, "can't read 'blah' as a date"),
        (["alex", "--discussed", "999"], 1, "999"),
        (["alex", "--discussed", "abc"], 2, "'abc' is not a record id"),
        (["alex", "--minutes", "0"], 2, "--minutes"),
        (["alex", "--mode", "pigeon"], 2, "--mode"),
        (["alex", "--advice", "x", "--notse", "y"], 2, "--notse"),
    ],
    ids=["mentor-typo", "bad-on", "future-on", "bad-next", "bad-due", "unknown-question", "bad-id",
         "minutes", "mode", "unknown-option"],
)  # fmt: skip
def test_every_early_refusal_keeps_the_piped_notes(journal, db_file, private_env, args, code, says):
    line = _refused_and_kept(journal, db_file, private_env, args, code)
    assert says in line, line


def test_notes_that_are_not_utf8_are_kept_byte_for_byte_and_refused(journal, db_file, private_env):
    data = b"Caf\xe9 with Alex\n\xff\xfe the end\n"
    line = _refused_and_kept(journal, db_file, private_env, ["alex"], 1, data)
    assert "not UTF-8" in line and "0xe9" in line and "iconv" in line, line
    assert "internal error" not in line


def test_a_journal_that_cannot_be_opened_keeps_the_piped_notes(journal, tmp_path, private_env):
    folder = tmp_path / "a-folder"
    folder.mkdir()
    line = journal.fails("--db", str(folder), "log", "alex", input=NOTES)
    (kept,) = sorted((tmp_path / "drafts").glob("notes-*.md"))  # beside the journal asked for
    assert kept.read_bytes() == NOTES and str(kept) in line


def test_a_logged_meeting_leaves_no_copy_of_its_notes(journal, private_env):
    journal("log", "alex", "--advice", "Timebox", input=NOTES)
    journal("log", "sam", input="just notes\r\nover CRLF\r\n")
    assert not _kept(private_env)
    notes = [m["notes"] for m in journal.json("meeting", "list")]
    assert "just notes\nover CRLF" in notes  # newlines read as text mode read them


def test_notes_from_a_file_are_not_copied(journal, private_env, tmp_path):
    """`< notes.md` is still there: the error says nothing is kept, and nothing is."""
    notes = tmp_path / "notes.md"
    notes.write_bytes(b"caf\xe9\n")
    with open(notes, "rb") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "mentorlog", "log", "alex"],
            stdin=handle,
            capture_output=True,
            text=True,
            env={**os.environ, "MENTORLOG_HOME": str(private_env)},
        )
    assert result.returncode == 1 and "not UTF-8" in result.stderr, result.stderr
    assert "kept" not in result.stderr and not _kept(private_env)
    assert len(result.stderr.strip().splitlines()) == 1


def test_piped_notes_prefill_the_editor_and_leave_no_copy(
    journal, private_env, tmp_path, monkeypatch
):
    script = tmp_path / "editor.py"
    script.write_text("import sys\n")  # saves the template unchanged
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    journal("log", "alex", "-e", input=NOTES)
    assert not _kept(private_env) and not list((private_env / "drafts").glob("*.md"))


def test_the_notes_are_on_disk_before_log_touches_the_journal(journal, db_file, private_env):
    """A real `kill -9` while log waits for a journal another writer holds: the notes are there;
    released instead, log records them and removes the copy."""
    env = {**os.environ, "MENTORLOG_HOME": str(private_env)}
    for kill in (True, False):
        holder = sqlite3.connect(db_file, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        log = subprocess.Popen(
            [sys.executable, "-m", "mentorlog", "log", "alex", "--advice", "Hold on"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        log.stdin.write(NOTES)
        log.stdin.close()
        log.stdin = None
        deadline = time.monotonic() + 10
        while not _kept(private_env) and time.monotonic() < deadline:
            time.sleep(0.01)
        (kept,) = _kept(private_env)
        time.sleep(0.2)  # log is now waiting on the lock
        assert log.poll() is None
        if kill:
            log.send_signal(signal.SIGKILL)
            log.wait()
            holder.execute("ROLLBACK")
            assert kept.read_bytes() == NOTES
            kept.unlink()
        else:
            holder.execute("ROLLBACK")
            _out, err = log.communicate(timeout=20)
            assert log.returncode == 0, err
            assert not _kept(private_env)
        holder.close()
