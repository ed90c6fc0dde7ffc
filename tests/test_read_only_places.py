"""Reading a journal that sits where nothing can be written: a read-only folder or mount, a full
disk (issue 17). A WAL-mode journal needs its -shm file to be read; SQLite documents that a
read-only WAL file can still be opened when it is immutable, which it is when nothing can write
beside it and its -wal holds nothing (https://www.sqlite.org/wal.html#readonly).

Real file systems, not mocks: a read-only bind mount and a tiny full tmpfs, each in a private
mount namespace (`unshare -m`, as root), and a 0500 folder for a user without root's powers
(`setpriv` drops them when the tests run as root)."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from support import FLAVORS, MENTORLOG

READS = [["status"], ["action", "list", "--json"], ["db", "check"], ["prep", "alex", "--json"]]
DROP_ROOT_POWERS = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
]


PASSPHRASE = "read-only test passphrase"


@pytest.fixture(params=FLAVORS)
def flavor(request, monkeypatch, journal, db_file) -> str:
    """The small journal, plain or encrypted (the passphrase in the environment)."""
    from mentorlog.store import crypto

    crypto.forget_process_cache()
    if request.param == "encrypted":
        monkeypatch.setenv("MENTORLOG_PASSPHRASE", PASSPHRASE)
        crypto.convert(db_file, encrypt=True, secret=PASSPHRASE)
    else:
        monkeypatch.delenv("MENTORLOG_PASSPHRASE", raising=False)
    yield request.param
    crypto.forget_process_cache()


def _can_mount() -> str | None:
    """Why private mounts can't be made here, or None when they can."""
    if os.geteuid() != 0:
        return "mounting needs root"
    if not shutil.which("unshare"):
        return "no unshare(1)"
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt || exit 3"],
        capture_output=True,
    )
    if probe.returncode:
        return f"unshare -m / mount -t tmpfs refused here ({probe.stderr.decode().strip()})"
    return None


CANT_MOUNT = _can_mount()
needs_mounts = pytest.mark.skipif(CANT_MOUNT is not None, reason=str(CANT_MOUNT))


def _in_namespace(setup: str, args: list[str], home: Path) -> subprocess.CompletedProcess:
    """`mentorlog args` run after the shell commands `setup`, in a mount namespace of its own."""
    command = f"{setup} && exec {shlex.join([*MENTORLOG, *args])}"
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", command],
        capture_output=True,
        text=True,
        env={**os.environ, "MENTORLOG_HOME": str(home)},
        stdin=subprocess.DEVNULL,
    )


def _expected(journal, home: Path) -> dict[tuple[str, ...], str]:
    """What each read prints where the journal can be written, the reference."""
    results = {}
    for args in READS:
        result = subprocess.run(
            [*MENTORLOG, *args],
            capture_output=True,
            text=True,
            env={**os.environ, "MENTORLOG_HOME": str(home)},
        )
        assert result.returncode == 0, result.stderr
        results[tuple(args)] = result.stdout.replace(str(home), "HOME")
    return results


def _same_reads(run, home: Path, shown_home: Path, expected: dict) -> None:
    for args in READS:
        result = run(args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stderr == "", (args, result.stderr)
        assert result.stdout.replace(str(shown_home), "HOME") == expected[tuple(args)], args
    assert json.loads(run(["action", "list", "--json"]).stdout)


def _side_files(home: Path) -> list[str]:
    return sorted(p.name for p in home.glob("journal.db-*"))


@needs_mounts
def test_reads_work_on_a_read_only_mount_and_writes_say_why_not(journal, private_env, flavor):
    home = private_env
    expected = _expected(journal, home)
    assert _side_files(home) == []
    view = home.parent / "readonly-view"
    view.mkdir()
    setup = f"mount --bind {home} {view} && mount -o remount,bind,ro {view}"

    def run(args):
        return _in_namespace(setup, args, view)

    _same_reads(run, home, view, expected)
    written = run(["action", "add", "not on a read-only mount"])
    assert written.returncode == 1
    lines = written.stderr.strip().splitlines()
    assert len(lines) == 1 and "read-only" in lines[0] and str(view) in lines[0], lines
    assert "nothing was saved" in lines[0]
    assert _side_files(home) == []


@needs_mounts
def test_a_read_only_mount_with_changes_waiting_in_the_wal_is_not_read_stale(journal, private_env):
    """Read as immutable, a journal would hide what its -wal holds: refuse, saying why."""
    import sqlite3

    home = private_env
    db = home / "journal.db"
    holder = sqlite3.connect(db)  # keeps the -wal (and what it holds) after the write below
    holder.execute("SELECT count(*) FROM action").fetchone()
    try:
        journal("action", "add", "only in the wal")
        shutil.copyfile(db, home.parent / "snapshot.db")
        shutil.copyfile(db.with_name("journal.db-wal"), home.parent / "snapshot.db-wal")
    finally:
        holder.close()
    frozen = home.parent / "frozen"
    frozen.mkdir()
    shutil.move(home.parent / "snapshot.db", frozen / "journal.db")
    shutil.move(home.parent / "snapshot.db-wal", frozen / "journal.db-wal")  # no -shm
    view = home.parent / "frozen-view"
    view.mkdir()
    setup = f"mount --bind {frozen} {view} && mount -o remount,bind,ro {view}"
    result = _in_namespace(setup, ["action", "list", "--json"], view)
    if result.returncode == 0:  # SQLite read the -wal itself: then it must show the new action
        assert "only in the wal" in result.stdout
    else:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "journal.db-wal" in lines[0] and "read-only" in lines[0]


@needs_mounts
def test_reads_work_on_a_full_disk_and_only_writes_say_it_is_full(journal, private_env, flavor):
    home = private_env
    expected = _expected(journal, home)
    full = home.parent / "full"
    full.mkdir()
    setup = (
        f"mount -t tmpfs -o size=2m,mode=0700 tmpfs {full} && cp -p {home}/journal.db {full}/ "
        f"&& (dd if=/dev/zero of={full}/filler bs=4k 2>/dev/null; true)"
    )

    def run(args):
        return _in_namespace(setup, args, full)

    _same_reads(run, home, full, expected)
    for args in READS:
        assert "full" not in run(args).stderr
    written = run(["action", "add", "no room for this"])
    assert written.returncode == 1
    assert "disk is full" in written.stderr and "nothing was saved" in written.stderr


def test_reads_work_in_a_folder_its_owner_can_not_write(journal, private_env, flavor):
    home = private_env
    expected = _expected(journal, home)
    prefix = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: folder modes can't be enforced")
        prefix = DROP_ROOT_POWERS
    os.chmod(home, 0o500)
    try:

        def run(args):
            return subprocess.run(
                [*prefix, *MENTORLOG, *args],
                capture_output=True,
                text=True,
                env={**os.environ, "MENTORLOG_HOME": str(home)},
                stdin=subprocess.DEVNULL,
            )

        _same_reads(run, home, home, expected)
        written = run(["action", "add", "not here"])
        assert written.returncode == 1 and "read-only" in written.stderr, written.stderr
    finally:
        os.chmod(home, 0o700)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert _side_files(home) == []
