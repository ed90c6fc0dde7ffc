"""A terminal or pipe that can't write every character (PYTHONIOENCODING=ascii, LANG=C) still
gets the output: escapes for what it can't show, valid JSON, one-line errors; no internal error."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

COMMANDS = [["status"], ["action", "list", "--all"], ["prep", "alex"], ["review"], ["mentor", "list"],
            ["search", "review"], ["timeline"], ["brag"], ["goal", "show", "1"]]  # fmt: skip


def _run(db_file, *args, encoding="ascii"):
    env = {**os.environ, "MENTORLOG_DB": str(db_file), "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "mentorlog", *args], capture_output=True,
                          env=env, stdin=subprocess.DEVNULL)  # fmt: skip


@pytest.fixture
def accented(journal, db_file):
    journal("mentor", "add", "Émile Zoë")
    journal("action", "add", "Résumé → café ✓", "--mentor", "émile")
    return db_file


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_human_output_on_an_ascii_stream(accented, argv):
    result = _run(accented, *argv)
    assert result.returncode == 0, result.stderr
    result.stdout.decode("ascii")  # nothing but ASCII reached the stream
    assert b"internal error" not in result.stderr


def test_json_on_an_ascii_stream_is_valid_json_with_the_same_text(accented):
    result = _run(accented, "action", "list", "--json")
    assert result.returncode == 0, result.stderr
    assert "Résumé → café ✓" in [row["text"] for row in json.loads(result.stdout.decode("ascii"))]


def test_an_error_naming_accented_text_is_one_line(accented):
    result = _run(accented, "prep", "Zoë")
    assert result.returncode == 1
    lines = result.stderr.decode("ascii").splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "Zo\\xeb" in lines[0]
