"""What the tests share besides fixtures: the frozen moment, the in-process CLI runner, a journal dump.

Tests import these from here (`from support import dump`), never from conftest.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mentorlog.cli.app import app

FROZEN = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)  # a Sunday

# mentorlog as a separate process (-B: no .pyc written next to the sources mid-test)
MENTORLOG = [sys.executable, "-B", "-m", "mentorlog"]

# The families that run on a plain and on an encrypted journal (SQLCipher, MENTORLOG_PASSPHRASE).
try:
    import sqlcipher3  # noqa: F401

    HAS_SQLCIPHER = True
except ImportError:
    HAS_SQLCIPHER = False
needs_sqlcipher = pytest.mark.skipif(not HAS_SQLCIPHER, reason="needs mentorlog[encrypted]")
FLAVORS = ["plain", pytest.param("encrypted", marks=needs_sqlcipher)]


JOURNAL_STEPS = [
    ["mentor", "add", "Alex Chen", "--focus", "system design", "--cadence", "biweekly", "--since", "2026-09-01"],
    ["mentor", "add", "Sam Rivera", "--cadence", "monthly", "--since", "2026-10-01"],
    ["goal", "add", "Lead a design review", "--mentor", "alex", "--by", "2026-12-31",
     "--measure", "one review led", "--milestone", "Shadow a review", "--milestone", "Co-lead one"],
    ["goal", "add", "Get promoted", "--horizon", "long"],
    ["action", "add", "Draft the RFC due:2026-11-20", "--goal", "1"],
    ["action", "add", "Read DDIA chapter 1", "--mentor", "sam", "--due", "2026-11-30"],
    ["ask", "How do I push back on scope?", "--mentor", "alex"],
    ["advice", "add", "Write the decision log first", "--mentor", "alex", "--on", "2026-11-01"],
    ["log", "sam", "--on", "2026-11-15 14:00", "--notes", "Career chat", "--advice", "Find a sponsor",
     "--action", "Ask about promo criteria due:2026-12-05", "--next", "2026-12-13"],
]  # fmt: skip


# A journal for the pictures (tests/test_pictures.py, test_charts.py); the clock: Sunday 2026-11-22
PICTURE_STEPS = [
    ["mentor", "add", "Alex Chen", "--cadence", "weekly", "--since", "2026-01-05"],
    ["mentor", "add", "Sam Rivera", "--cadence", "monthly", "--since", "2026-10-01"],
    ["log", "alex", "--on", "2026-04-01 10:00", "--notes", "long ago"],  # before the window
    ["log", "alex", "--on", "2026-11-02 10:00", "--notes", "one"],
    ["log", "alex", "--on", "2026-11-02 16:00", "--notes", "same day again"],
    ["log", "alex", "--on", "2026-11-20 09:00", "--notes", "two"],
    ["log", "sam", "--on", "2026-11-20 15:00", "--notes", "sam"],
    ["action", "add", "A", "--mentor", "alex"],
    ["action", "add", "B", "--mentor", "sam"],
    ["action", "add", "C"],
    ["action", "done", "1", "2", "--on", "2026-11-03"],
    ["action", "done", "3", "--on", "2026-11-10"],
    ["win", "add", "Shipped it", "--on", "2026-11-10"],
    ["goal", "add", "Lead a review", "--mentor", "alex", "--by", "2027-01-31",
     "--milestone", "Shadow", "--milestone", "Co-lead", "--milestone", "Lead", "--milestone", "Write up"],
    ["milestone", "done", "1", "--on", "2026-11-04"],
    ["milestone", "done", "2", "--on", "2026-11-17"],
]  # fmt: skip


class Cli:
    """Runs mentorlog in-process the way a user would, through the real entry group."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, code: int | None = 0):
        result = self.runner.invoke(app, list(args), input=input)
        if code is not None:
            assert result.exit_code == code, (args, result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str):
        result = self(*args, "--json")
        return json.loads(result.stdout)

    def fails(self, *args: str, code: int = 1, input: str | None = None):
        result = self(*args, input=input, code=None)
        assert result.exit_code == code, (args, result.exit_code, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
        assert "Traceback" not in result.output
        return lines[0]


def dump(path: Path) -> str:
    """The whole journal as SQL text, to prove a failed command wrote nothing."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@contextmanager
def frozen_outside_tests(home: Path):
    """The journal in `home`, on the frozen clock in UTC, outside any test's environment: how
    session fixtures build their templates, so a template never depends on the real date."""
    import os
    import time

    import time_machine

    saved = {k: os.environ.get(k) for k in ("MENTORLOG_HOME", "MENTORLOG_DB", "TZ")}
    os.environ.update(MENTORLOG_HOME=str(home), TZ="UTC")
    os.environ.pop("MENTORLOG_DB", None)
    time.tzset()
    try:
        with time_machine.travel(FROZEN, tick=False):
            yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        time.tzset()


def build_journal(home: Path, steps: list[list[str]]) -> Path:
    """Run `steps` through the CLI on the journal in `home` on the frozen clock; its path."""
    with frozen_outside_tests(home):
        cli = Cli()
        for step in steps:
            cli(*step)
    return home / "journal.db"


def build_sample_journal(home: Path) -> Path:
    """The demo's sample journal in `home`, built on the frozen clock; its path."""
    from mentorlog.store.sample import build_sample

    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    with frozen_outside_tests(home):
        build_sample(home / "journal.db")
    return home / "journal.db"
