"""A stdout that can't be written: full (`> /dev/full`), closed (`>&-`), or a reader gone (EPIPE).

Real processes, on both paths (the fast one every valid command line takes, and Typer's). A write
that committed before its confirmation could be printed says on stderr what landed, so nobody
runs it again; a read is one `Error:` line. Never a traceback, never "nothing was changed" after a
commit, exit 1. (A closed pipe, EPIPE, stays a quiet exit 141, as git does: see test_completion.)
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

MAIN = "import sys; sys.argv = ['mentorlog', *sys.argv[1:]]; from mentorlog.cli.entry import main; main()"  # fmt: skip
TYPER_ONLY = "import mentorlog.cli.fast as fast; fast.run = lambda argv: None; " + MAIN
PATHS = {"fast": MAIN, "typer": TYPER_ONLY}


def run(db_file, path: str, argv: list[str], stdout: str) -> subprocess.CompletedProcess:
    """`mentorlog argv` with stdout on /dev/full ("full") or closed ("closed")."""
    env = {**os.environ, "MENTORLOG_DB": str(db_file)}
    command = [sys.executable, "-c", PATHS[path], *argv]
    if stdout == "full":
        with open("/dev/full", "w") as full:
            return subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True,
                                  stdin=subprocess.DEVNULL, env=env)  # fmt: skip
    # >&- : fd 1 closed in the child before Python starts
    return subprocess.run(command, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL,
                          env=env, pass_fds=(), preexec_fn=lambda: os.close(1))  # fmt: skip


def one_error_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    return lines[0]


def actions(db_file) -> list[str]:
    conn = sqlite3.connect(db_file)
    try:
        return [r[0] for r in conn.execute("SELECT text FROM action ORDER BY id")]
    finally:
        conn.close()


REASON = {"full": "No space left on device", "closed": "Bad file descriptor"}


@pytest.mark.parametrize("stdout", ["full", "closed"])
@pytest.mark.parametrize("path", ["fast", "typer"])
def test_a_write_whose_confirmation_cant_be_printed_says_what_landed(
    journal, db_file, path, stdout
):
    before = actions(db_file)
    line = one_error_line(run(db_file, path, ["action", "add", "Book the offsite"], stdout))
    assert actions(db_file) == [*before, "Book the offsite"]  # it landed, once
    new_id = len(before) + 1
    assert line == (
        f"Error: could not write to stdout ({REASON[stdout]}), but the change was saved: "
        f"Added action #{new_id}: Book the offsite."
    )
    assert "nothing was changed" not in line


@pytest.mark.parametrize("stdout", ["full", "closed"])
@pytest.mark.parametrize("path", ["fast", "typer"])
@pytest.mark.parametrize(
    "argv",
    [[], ["status"], ["action", "list"], ["action", "list", "--json"], ["export"],
     ["prep", "alex"], ["--version"], ["action", "--help"], ["timeline"]],
)  # fmt: skip
def test_a_read_into_a_full_or_closed_stdout_is_one_error_line(
    journal, db_file, path, stdout, argv
):
    line = one_error_line(run(db_file, path, argv, stdout))
    assert line == f"Error: could not write to stdout ({REASON[stdout]})"


@pytest.mark.parametrize("path", ["fast", "typer"])
def test_a_write_into_a_closed_stdout_never_writes_into_another_file(journal, db_file, path):
    """With fd 1 closed, the next file opened would get fd 1: the journal must not be it."""
    run(db_file, path, ["action", "add", "Fd one"], "closed")
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert actions(db_file)[-1] == "Fd one"


@pytest.mark.parametrize("path", ["fast", "typer"])
def test_an_error_into_a_full_stdout_keeps_its_own_message(journal, db_file, path):
    line = one_error_line(run(db_file, path, ["action", "done", "99"], "full"))
    assert line.startswith("Error: no action #99")


def test_an_internal_error_after_a_commit_does_not_claim_nothing_changed(journal, monkeypatch):
    """The guard's other messages tell the truth about a commit too."""
    from mentorlog.render import output

    def broken(message: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(output, "say", broken)
    line = journal.fails("action", "add", "Landed anyway")
    assert "the change was saved" in line and "nothing was changed" not in line
    line = journal.fails("action", "done", "99")
    assert line.startswith("Error: no action #99")
    assert journal("action", "list").stdout.count("Landed anyway") == 1
