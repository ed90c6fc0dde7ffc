"""Where views go: conflicting formats refused, files never replaced by surprise, the demo tidy."""

from __future__ import annotations

import os

import pytest


@pytest.mark.parametrize("view", [["prep", "alex"], ["review"]])
def test_json_and_markdown_together_are_a_usage_error(journal, view):
    line = journal.fails(*view, "--json", "--format", "markdown", code=2)
    assert "--json" in line and "markdown" in line


@pytest.mark.parametrize("view", [["prep", "alex"], ["review"], ["brag"]])
def test_output_file_is_not_replaced_without_force(journal, tmp_path, view):
    target = tmp_path / "agenda.md"
    target.write_text("my notes added by hand\n")
    line = journal.fails(*view, "-o", str(target))
    assert "already exists" in line and "--force" in line
    assert target.read_text() == "my notes added by hand\n"
    journal(*view, "-o", str(target), "--force")
    assert target.read_text() != "my notes added by hand\n"
    assert (os.stat(target).st_mode & 0o777) == 0o600


def test_output_into_a_folder_is_one_clear_error(journal, tmp_path):
    line = journal.fails("prep", "alex", "-o", str(tmp_path))
    assert "folder" in line


def test_demo_leaves_no_temporary_folder(cli, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    out = cli("demo").stdout
    assert "mentorlog prep" in out and "--db" in out
    assert list(scratch.iterdir()) == []


def test_demo_with_db_keeps_the_journal(cli, tmp_path):
    target = tmp_path / "kept.db"
    cli("demo", "--db", str(target))
    assert target.exists()


def test_a_command_opens_the_journal_once(journal, private_env):
    """delete reads what it will remove, then writes: one open, so one warning, not two."""
    os.chmod(private_env, 0o755)
    result = journal("agenda", "delete", "1", "--yes")
    assert result.stderr.count("Warning:") == 1, result.stderr
