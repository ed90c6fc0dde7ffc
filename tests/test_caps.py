"""The views a mentee reads every day fit a screen (issue 19): each section of prep and review
shows the items that matter most first and at most prep_items (default 7), then one line naming
the command that lists the rest — which, run, lists exactly them; --all shows everything; JSON
keeps every item and says how many each section holds; Markdown follows the terminal."""

from __future__ import annotations

import json
import re
import shlex

import pytest

ALEX = 1


def _many(table: str, count: int, **values) -> None:
    from mentorlog.paths import db_path
    from mentorlog.store import rows
    from mentorlog.store.db import write_connection

    with write_connection(db_path()) as conn:
        for n in range(count):
            rows.insert(conn, table, {key: (v.format(n=n) if isinstance(v, str) else v)
                                      for key, v in values.items()})  # fmt: skip


def _more(text: str) -> tuple[int, list[str]]:
    """The '… and N more — command' line: N and the command's arguments (without 'mentorlog')."""
    # a long command may wrap: join the wrapped line back before reading it
    joined = re.sub(r"\n\s{2,}(?=\S)", " ", text)
    found = re.search(r"… and (\d+) more — (mentorlog [^\n]+)", joined)
    assert found, text
    return int(found[1]), shlex.split(found[2])[1:]


def _items(text: str, marker: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip().startswith(marker)]


@pytest.fixture
def fifty_actions(journal):
    # 50 open actions for Alex, due one per day from 2026-12-01 (alex already has #1, overdue)
    _many("action", 50, text="Open loop {n:02d}", mentor_id=ALEX, due_date=None)
    return journal


def test_prep_shows_seven_and_the_command_that_lists_exactly_the_rest(fifty_actions):
    journal = fifty_actions
    data = json.loads(journal("prep", "alex", "--json").stdout)
    total = data["totals"]["open_actions"]
    assert total == len(data["open_actions"]) == 51  # JSON keeps every item
    out = journal("prep", "alex").stdout
    section = out.split("Open commitments")[1].split("\n\n")[0]
    shown = _items(section, ("!", "·"))
    assert len(shown) == 7
    assert shown[0].strip().startswith("! #1 Draft the RFC")  # overdue first
    left, command = _more(section)
    assert left == total - 7
    full = journal(*command).stdout
    listed = _items(full, ("!", "·"))
    assert len(listed) == total
    assert "… and" not in full and "Goals" not in full  # that section, in full, alone
    assert len(_items(journal("prep", "alex", "--all").stdout, ("!", "·"))) == total


def test_prep_items_is_configurable(fifty_actions):
    journal = fifty_actions
    journal("config", "set", "prep_items", "3")
    section = journal("prep", "alex").stdout.split("Open commitments")[1].split("\n\n")[0]
    assert len(_items(section, ("!", "·"))) == 3 and _more(section)[0] == 48


def test_prep_markdown_follows_the_terminal(fifty_actions):
    journal = fifty_actions
    md = journal("prep", "alex", "--format", "markdown").stdout
    commitments = md.split("## Open commitments")[1].split("## ")[0]
    assert len(_items(commitments, "- [ ]")) == 7 and "- … and 44 more" in commitments
    md_all = journal("prep", "alex", "--format", "markdown", "--all").stdout
    assert len(_items(md_all.split("## Open commitments")[1].split("## ")[0], "- [ ]")) == 51


def test_review_caps_each_section_and_names_the_period(journal):
    _many("action", 50, text="Done thing {n:02d}", status="done", done_on="2026-11-20")
    out = journal("review").stdout
    section = out.split("Done (50)")[1].split("\n\n")[0]
    assert len(_items(section, "✓")) == 7
    left, command = _more(section)
    assert left == 43
    assert command[:5] == ["review", "--since", "2026-11-16", "--until", "2026-11-22"]
    assert len(_items(journal(*command).stdout, "✓")) == 50
    data = json.loads(journal("review", "--json").stdout)
    assert len(data["actions_done"]) == 50 and data["totals"]["actions_done"] == 50


def test_section_names_are_checked(journal):
    assert "sections:" in journal.fails("prep", "alex", "--section", "nope", code=2)
    assert "--json has every item" in journal.fails(
        "prep", "alex", "--section", "goals", "--json", code=2
    )


def test_status_cut_sections_name_status_all(journal):
    _many("action", 30, text="Late {n:02d}", mentor_id=ALEX, due_date="2026-11-01")
    out = journal("status").stdout
    assert len(out.splitlines()) <= 24
    _, command = _more(out)
    assert command == ["status", "--all"]
    full = journal(*command).stdout
    assert len(_items(full, "!")) == 31  # every overdue action


def test_a_small_journal_is_shown_whole(journal):
    assert "… and" not in journal("prep", "alex").stdout
    assert "… and" not in journal("review").stdout


def test_prep_fits_sixty_lines_however_full_the_sections(journal, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    _many("action", 40, text="Open loop {n:02d} with a longer text that wraps onto a second line",
          mentor_id=ALEX)  # fmt: skip
    _many("topic", 30, text="Question {n:02d} that also takes more than one line when it is shown",
          mentor_id=ALEX)  # fmt: skip
    _many("advice", 30, text="Advice {n:02d} given at length so that it wraps in the agenda view",
          mentor_id=ALEX, given_on="2026-11-01")  # fmt: skip
    _many("feedback", 30, text="Feedback {n:02d} that waits to be acted on, long enough to wrap",
          mentor_id=ALEX, direction="received", given_on="2026-11-02")  # fmt: skip
    out = journal("prep", "alex").stdout
    assert len(out.splitlines()) <= 60
    for heading in ("Open commitments", "Questions", "Feedback to act on", "Advice still pending"):
        section = out.split(heading)[1].split("\n\n")[0]
        left, command = _more(section)
        assert left > 0 and command[-2] == "--section"
    assert len(journal("prep", "alex", "--all").stdout.splitlines()) > 150
