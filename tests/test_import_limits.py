"""`import` reads a regular file of bounded size, never waits on a pipe or reads a device forever;
`demo --db` prints its path as typed."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

import pytest

from support import dump

MENTORLOG = [sys.executable, "-m", "mentorlog"]


def _run(args, home, timeout=20, **env):
    """mentorlog as a process, bounded in time and memory (so /dev/zero can't take the machine)."""

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))  # 2 GiB of address space

    return subprocess.run(
        [*MENTORLOG, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "MENTORLOG_HOME": str(home), **env},
    )


def _one_error(result) -> str:
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]


def test_import_of_a_fifo_is_refused_at_once(journal, db_file, private_env, tmp_path):
    fifo = tmp_path / "export.fifo"
    os.mkfifo(fifo)
    before = dump(db_file)
    line = _one_error(_run(["import", str(fifo)], private_env, timeout=10))
    assert "not a regular file" in line and str(fifo) in line, line
    assert dump(db_file) == before


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_import_of_a_device_is_refused_without_reading_it(journal, private_env, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    line = _one_error(_run(["import", device], private_env, timeout=10))
    assert "not a regular file" in line, line


def test_import_of_a_folder_says_so(journal, private_env, tmp_path):
    line = _one_error(_run(["import", str(tmp_path)], private_env))
    assert "is a folder" in line, line


def test_a_file_over_the_cap_is_refused_before_it_is_read(journal, db_file, private_env, tmp_path):
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: 2 GiB that take no disk (and must not be read)
    before = dump(db_file)
    line = _one_error(_run(["import", str(huge)], private_env, timeout=10))
    assert "is 2 GiB, over the 1 GiB" in line and "MENTORLOG_IMPORT_MAX_MB" in line, line
    assert dump(db_file) == before


def test_the_cap_is_set_in_the_environment(journal, tmp_path, monkeypatch):
    export = json.loads(journal("export").stdout)
    export["records"]["meeting"][0]["notes"] = "x" * 2 * 1024**2  # a 2 MiB export
    path = tmp_path / "big.json"
    path.write_text(json.dumps(export))
    target = tmp_path / "t.db"
    monkeypatch.setenv("MENTORLOG_IMPORT_MAX_MB", "1")
    line = journal.fails("--db", str(target), "import", str(path))
    assert "2.0 MiB" in line and "over the 1 MiB" in line, line
    monkeypatch.setenv("MENTORLOG_IMPORT_MAX_MB", "3")
    assert "Added:" in journal("--db", str(target), "import", str(path)).stdout
    monkeypatch.setenv("MENTORLOG_IMPORT_MAX_MB", "lots")
    assert "MENTORLOG_IMPORT_MAX_MB" in journal.fails("--db", str(target), "import", str(path))


def test_import_still_follows_a_link_to_an_export(journal, tmp_path):
    real = tmp_path / "real.json"
    real.write_text(journal("export").stdout)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert "Added:" in journal("--db", str(tmp_path / "t.db"), "import", str(link)).stdout


def test_demo_prints_a_path_with_brackets_as_typed(cli, tmp_path):
    target = tmp_path / "[bold]demo[/bold] [x].db"
    out = cli("demo", "--db", str(target)).stdout
    assert f"This sample journal is at {target}" in out
    assert f"mentorlog --db '{target}' prep priya" in out  # quoted: it can be pasted back
    assert target.exists()
