"""Every test: its own data dir, no colour, fixed width, UTC, and a frozen clock."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
import time_machine

from support import FROZEN, JOURNAL_STEPS, Cli, build_journal


@pytest.fixture(autouse=True)
def private_env(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("MENTORLOG_HOME", str(home))
    for name in ("MENTORLOG_DB", "VISUAL", "EDITOR", "MENTORLOG_DEBUG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield home
    time.tzset()


@pytest.fixture
def clock():
    with time_machine.travel(FROZEN, tick=False) as traveller:
        yield traveller


@pytest.fixture
def cli(clock) -> Cli:
    return Cli()


@pytest.fixture
def db_file(private_env) -> Path:
    return private_env / "journal.db"


@pytest.fixture(scope="session")
def journal_template(tmp_path_factory) -> Path:
    """The small journal, built once through the CLI; each test gets a private copy."""
    home = tmp_path_factory.mktemp("template")
    build_journal(home, JOURNAL_STEPS)
    assert not (home / "journal.db-wal").exists()
    return home / "journal.db"


@pytest.fixture
def journal(cli, private_env, journal_template):
    """Two mentors, goals with milestones, a meeting, advice, actions and a queued question."""
    private_env.mkdir(mode=0o700, exist_ok=True)
    shutil.copyfile(journal_template, private_env / "journal.db")
    os.chmod(private_env / "journal.db", 0o600)
    return cli
