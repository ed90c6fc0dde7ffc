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

PASSPHRASE = "swap test passphrase"
MENTORLOG = [sys.executable, "-B", "-m", "mentorlog"]
SCALE = float(os.environ.get("MENTORLOG_STRESS", "0.5"))

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
        time.sleep(1.5)  # they have opened the journal and wait for its lock
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
