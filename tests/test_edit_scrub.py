"""An edit that takes words away leaves no copy of them in the journal's files, as a delete doesn't.

The old words used to stay in the FTS5 index's segments (and the WAL's pages) after `action edit
--text`, `review --reflect --replace` and every other edit. Each edit path here stores a canary, edits
it away, and then looks for the canary in the raw bytes of the journal and its WAL.
"""

from __future__ import annotations

import re

import pytest

CANARY = "zqxcanaryword"

# (what stores the canary, the edit that takes it away); {id} is the id the first command printed.
EDITS = {
    "action text": (["action", "add", f"Plan the {CANARY} thing"], ["action", "edit", "{id}", "--text", "Plan it"]),
    "action result reopened": (["action", "add", "Ship it"], None),
    "goal title": (["goal", "add", f"Learn {CANARY}"], ["goal", "edit", "{id}", "--title", "Learn Go"]),
    "goal why": (["goal", "add", "Learn Go", "--why", f"because {CANARY}"], ["goal", "edit", "{id}", "--why", "because"]),
    "goal measure": (["goal", "add", "Learn Go", "--measure", f"a {CANARY} app"], ["goal", "edit", "{id}", "--measure", "an app"]),
    "milestone title": (["milestone", "add", "1", f"Draft {CANARY}"], ["milestone", "edit", "{id}", "--title", "Draft"]),
    "meeting notes": (["log", "alex", "--on", "2026-11-20 10:00", "--notes", f"talked {CANARY}"],
                      ["meeting", "edit", "{id}", "--notes", "talked"]),
    "mentor focus": (["mentor", "add", "Kim", "--focus", f"the {CANARY} stack"], ["mentor", "edit", "kim", "--focus", "backend"]),
    "mentor name": (["mentor", "add", f"Kim {CANARY}"], ["mentor", "edit", "kim", "--name", "Kim Lee"]),
    "feedback text": (["feedback", "add", f"Too {CANARY}", "--from", "alex"], ["feedback", "edit", "{id}", "--text", "Too long"]),
    "gave text": (["gave", "add", f"Sent {CANARY}", "--mentor", "alex"], ["gave", "edit", "{id}", "--text", "Sent a paper"]),
    "resource title": (["resource", "add", f"The {CANARY} book"], ["resource", "edit", "{id}", "--title", "The book"]),
    "resource url": (["resource", "add", "A talk", "--url", f"https://example.org/{CANARY}"],
                     ["resource", "edit", "{id}", "--url", "https://example.org/talk"]),
    "intro context": (["intro", "add", "Priya", "--by", "alex", "--context", f"knows {CANARY}"],
                      ["intro", "edit", "{id}", "--context", "knows Go"]),
    "checkin working": (["checkin", "add", "alex", "--rating", "4", "--working", f"the {CANARY}"],
                        ["checkin", "edit", "{id}", "--working", "the calls"]),
    "reflection replaced": (["review", "--reflect", f"A {CANARY} week"], ["review", "--reflect", "A good week", "--replace"]),
    "advice text": (["advice", "add", f"Try {CANARY}", "--mentor", "alex"], ["advice", "edit", "{id}", "--text", "Try Go"]),
    "advice why": (["advice", "add", "Try Go", "--why", f"{CANARY} is slow"], ["advice", "edit", "{id}", "--why", "it is fast"]),
    "question text": (["ask", f"What about {CANARY}?"], ["agenda", "edit", "{id}", "--text", "What about Go?"]),
    "win text": (["win", "add", f"Shipped {CANARY}"], ["win", "edit", "{id}", "--text", "Shipped it"]),
}  # fmt: skip


def _holding(db_file) -> list[str]:
    files = sorted(db_file.parent.glob("journal.db*"))
    return [p.name for p in files if CANARY.encode() in p.read_bytes()]


@pytest.mark.parametrize("case", sorted(EDITS))
def test_an_edit_leaves_no_copy_of_the_words_it_removed(journal, db_file, case):
    store, edit = EDITS[case]
    if edit is None:  # a result recorded, then taken back by reopen
        added = journal(*store).stdout
        record = re.search(r"#(\d+)", added).group(1)
        journal("action", "done", record, "--result", f"{CANARY} shipped", "--on", "2026-11-21")
        edit = ["action", "reopen", record]
    else:
        found = re.search(r"#(\d+)", journal(*store).stdout)
        record = found.group(1) if found else ""
    assert _holding(db_file), "the canary was never stored"
    journal(*[part.replace("{id}", record) for part in edit])
    assert _holding(db_file) == []
    assert journal.json("search", CANARY) == []


def test_an_edit_that_only_adds_words_does_not_rewrite_the_index(journal, db_file, monkeypatch):
    from mentorlog.store import scrub

    calls = []
    real = scrub.before_commit
    monkeypatch.setattr(scrub, "before_commit", lambda conn: calls.append(real(conn)) or calls[-1])
    journal("action", "done", "1", "--result", "merged", "--on", "2026-11-21")
    journal("review", "--reflect", "A week")
    journal("review", "--reflect", "more", "--append")
    assert calls and not any(calls)
