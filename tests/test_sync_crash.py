"""Crash order (DESIGN "Sync across devices"): `sync` killed at each step, or failing as a full disk
there, then run again: both journals converge, nothing is duplicated, nothing is lost."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from mentorlog.store.sync.engine import STEPS
from sync_support import KEY, Device

SCALE = float(os.environ.get("MENTORLOG_STRESS", "0.5"))


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("MENTORLOG_SYNC_KEY", KEY)


@pytest.fixture
def pair(tmp_path, monkeypatch, clock):
    """Two devices on one journal, each with offline changes of its own and to shared records."""
    url = (tmp_path / "remote.git").as_uri()
    a, b = Device(tmp_path / "a", monkeypatch, "a"), Device(tmp_path / "b", monkeypatch, "b")
    a("mentor", "add", "Alex Chen", "--since", "2026-09-01")
    a("action", "add", "Shared action")
    a("goal", "add", "Shared goal", "--milestone", "Step one")
    a("sync", "init", url)
    b("sync", "join", url)
    a("log", "alex", "--notes", "meeting from A")
    a("action", "edit", "1", "--text", "Shared action, renamed on A")
    a("milestone", "done", "1")
    b("log", "alex", "--notes", "meeting from B")
    b("action", "done", "1")
    b("milestone", "done", "1")
    b("action", "add", "B's own action")
    b("sync")  # B's changes are on the remote: A has something to merge at every step
    a.remote = tmp_path / "remote.git"
    return a, b


def _converged(a: Device, b: Device) -> None:
    a("sync")
    b("sync")
    a("sync")
    ra, rb = a.records(), b.records()
    assert ra == rb
    assert sorted(m["notes"] for m in ra["meeting"].values()) == [
        "meeting from A",
        "meeting from B",
    ]
    actions = {r["text"]: r for r in ra["action"].values()}
    assert set(actions) == {"Shared action, renamed on A", "B's own action"}
    assert actions["Shared action, renamed on A"]["status"] == "done"
    assert len(ra["win"]) == 1 and len(ra["mentor"]) == 1 and len(ra["goal"]) == 1
    for device in (a, b):
        assert "ok:" in device("db", "check").stdout
        assert device.json("sync", "status")["waiting"]["total"] == 0
    if shutil.which("git"):
        fsck = subprocess.run(
            ["git", "--git-dir", str(a.remote), "fsck", "--full"], capture_output=True, text=True
        )
        assert fsck.returncode == 0, fsck.stdout + fsck.stderr


@pytest.mark.parametrize("step", STEPS)
def test_killed_at_each_step_the_next_sync_finishes_the_job(pair, step):
    a, b = pair
    result = a.run("sync", "run", env={"MENTORLOG_SYNC_FAULT": step})
    assert result.returncode == 75, (step, result.stdout, result.stderr)
    _converged(a, b)


@pytest.mark.parametrize("step", ["committing", "fetched", "merged", "applying"])
def test_a_full_disk_at_a_step_is_one_error_and_nothing_lost(pair, step):
    a, b = pair
    result = a.run("sync", "run", env={"MENTORLOG_SYNC_FAULT": f"enospc:{step}"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: the disk holding"), result.stderr
    assert "nothing was lost" in lines[0] and "Traceback" not in result.stderr
    _converged(a, b)


def test_killed_at_random_moments_the_next_sync_finishes_the_job(pair):
    """Real SIGKILLs, at moments spread over how long a sync takes here."""
    a, b = pair
    env = {**os.environ, "MENTORLOG_HOME": str(a.home)}
    started = time.monotonic()
    probe = a.run("sync", "status")
    took = max(0.2, time.monotonic() - started)
    rng = random.Random(20)
    for _ in range(max(2, int(6 * SCALE))):
        child = subprocess.Popen(
            [sys.executable, "-m", "mentorlog", "sync", "run"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.0, 2.5 * took))
        child.send_signal(signal.SIGKILL)
        child.wait()
        a("action", "add", f"added after kill {child.pid}")
    assert probe.returncode == 0
    a("sync")
    b("sync")
    a("sync")
    ra = a.records()
    assert ra == b.records()
    assert sum(1 for r in ra["action"].values() if r["text"].startswith("added after kill")) == max(
        2, int(6 * SCALE)
    )
