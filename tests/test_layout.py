"""Human lists at 100, 80 and 60 columns: whole words, no trailing spaces, the right date column."""

from __future__ import annotations

import re

import pytest

LONG = "Draft the request for comments document about the billing migration plan"


@pytest.fixture
def lists(journal):
    cli = journal
    cli("action", "add", f"{LONG} due:2026-11-01", "--mentor", "alex")
    cli("action", "add", "Close the loop", "--mentor", "sam")
    cli("action", "done", "4", "--result", "done well")
    cli("intro", "add", "Dana Lee", "--by", "alex", "--context", "staff engineer on payments")
    cli("feedback", "add", "Lead with the decision", "--from", "alex", "--kind", "constructive")
    cli("resource", "add", "Designing Data-Intensive Applications", "--kind", "book")
    return cli


COMMANDS = [
    ("action", "list", "--all"),
    ("mentor", "list"),
    ("goal", "list"),
    ("advice", "list"),
    ("meeting", "list"),
    ("agenda", "list"),
    ("intro", "list"),
    ("feedback", "list"),
    ("resource", "list"),
]


@pytest.mark.parametrize("width", [100, 80, 60])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_lists_fit_the_terminal_without_breaking_words(lists, monkeypatch, width, args):
    monkeypatch.setenv("COLUMNS", str(width))
    out = lists(*args).stdout
    lines = out.splitlines()
    assert lines, args
    assert all(line == line.rstrip() for line in lines), "trailing spaces in piped output"
    assert max(len(line) for line in lines) <= width
    assert "…" not in out, "a column was cut short"
    monkeypatch.setenv("COLUMNS", "200")
    headers = set(lists(*args).stdout.splitlines()[0].split())
    assert set(lines[0].split()) <= headers, f"a header was cut: {lines[0]!r}"
    if args[0] == "action":
        cells = " ".join(out.split())
        for word in LONG.split():
            assert re.search(rf"(^| ){re.escape(word)}( |$)", cells), (word, out)


def test_done_actions_show_done_dates_under_done(lists):
    out = lists("action", "list", "--done").stdout
    header = out.splitlines()[0].split()
    assert "Done" in header and "Due" not in header, out
    mixed = lists("action", "list", "--all").stdout.splitlines()[0]
    assert "Due / done" in mixed


def test_overdue_rows_are_red(lists, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    out = lists("action", "list").stdout
    overdue = [line for line in out.splitlines() if "Draft the" in line]
    assert overdue and re.search(r"\x1b\[31m[^\x1b]*Draft the", overdue[0]), repr(out)
    calm = [line for line in out.splitlines() if "Close the loop" in line]
    assert calm and "\x1b[31m" not in calm[0]
