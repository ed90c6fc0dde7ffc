"""`log` and `review --reflect` never lose what you typed, never record what didn't happen, and say
what they created. (The journal: Alex Chen #1, Sam Rivera #2; the clock: Sunday 2026-11-22 10:00 UTC.)"""

from __future__ import annotations

import os
import stat
import sys
import textwrap

import pytest

from support import dump


def _editor(tmp_path, body: str, name: str = "editor.py") -> str:
    """A fake editor: a Python script that may rewrite the file it is given (`text`, `path`)."""
    script = tmp_path / name
    script.write_text(
        "import sys\npath = sys.argv[1]\ntext = open(path).read()\n" + textwrap.dedent(body)
    )
    return f"{sys.executable} {script}"


def _drafts(home, pattern: str = "*.md"):
    folder = home / "drafts"
    return sorted(folder.glob(pattern)) if folder.exists() else []


def _meeting(journal, meeting_id: int) -> dict:
    return journal.json("meeting", "show", str(meeting_id))


def _query(db_file, sql: str) -> list[tuple]:
    import sqlite3

    conn = sqlite3.connect(db_file)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


SEE = "open({seen!r}, 'w').write(text)\n"
NOTES = 'open(path, "w").write(text.replace("## Notes\\n", "## Notes\\nTyped in the editor\\n"))\n'


# ------------------------------------------------------------------ 1. flags with -e


def test_edit_prefills_the_template_with_every_flag_and_records_them(
    journal, tmp_path, monkeypatch
):
    seen = tmp_path / "seen.md"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, SEE.format(seen=str(seen))))  # saves unchanged
    result = journal(
        "log", "alex", "-e", "--on", "2026-11-20 15:00", "--mode", "call", "--minutes", "45",
        "--notes", "Went through the RFC", "--advice", "Timebox reviews",
        "--action", "Book the room due:+3d", "--discussed", "1", "--next", "+2w",
        "--feedback", "Lead with it", "--resource", "DDIA", "--intro", "Dana Lee",
    )  # fmt: skip
    template = seen.read_text()
    for line in (
        "When: 2026-11-20 15:00",
        "Mode: call",
        "Minutes: 45",
        "Went through the RFC",
        "- Timebox reviews",
        "- Book the room due:+3d",
        "- [x] #1 How do I push back on scope?",
        "- Lead with it",
        "- DDIA",
        "- Dana Lee",
        "+2w",
        "- [ ] #1 Draft the RFC",  # the agenda is still there
    ):
        assert line in template, line
    assert result.stdout.startswith("Logged meeting #2 with Alex Chen on 2026-11-20 15:00: ")
    meeting = _meeting(journal, 2)
    assert (meeting["mode"], meeting["minutes"], meeting["notes"]) == (
        "call",
        45,
        "Went through the RFC",
    )
    assert meeting["next_date"] == "2026-12-04"  # +2w from the meeting's day
    assert [(a["text"], a["due"]) for a in meeting["actions"]] == [("Book the room", "2026-11-23")]
    assert [a["text"] for a in meeting["advice"]] == ["Timebox reviews"]
    assert meeting["discussed"] == [{"id": 1, "text": "How do I push back on scope?"}]
    assert not _drafts(tmp_path / "home")


def test_mode_and_minutes_given_with_edit_are_not_dropped(journal, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", _editor(tmp_path, NOTES))
    journal("log", "alex", "--edit", "--mode", "in-person", "--minutes", "30")
    meeting = _meeting(journal, 2)
    assert (meeting["mode"], meeting["minutes"], meeting["notes"]) == (
        "in-person",
        30,
        "Typed in the editor",
    )


def test_emptying_a_prefilled_template_records_nothing(journal, db_file, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", _editor(tmp_path, 'open(path, "w").write("")\n'))
    before = dump(db_file)
    line = journal.fails("log", "alex", "-e", "--notes", "typo", "--mode", "call")
    assert "emptied; nothing recorded" in line
    assert dump(db_file) == before and not _drafts(tmp_path / "home")


def test_log_help_says_what_flags_do_with_the_editor(journal):
    help_text = " ".join(journal("log", "--help").stdout.split())
    assert "the other flags given pre-fill it" in help_text
    assert "--resume" in help_text and "relative dates count from the meeting" in help_text.lower()


# ------------------------------------------------------------------ 2. the editor fails


def test_editor_that_fails_after_typing_keeps_the_draft_and_resume_records_it(
    journal, db_file, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, NOTES + "sys.exit(3)\n"))
    before = dump(db_file)
    line = journal.fails("log", "alex", "-e")
    (draft,) = _drafts(home)
    assert "exited with status 3" in line and str(draft) in line and "--resume" in line
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    assert "Typed in the editor" in draft.read_text()
    assert dump(db_file) == before

    monkeypatch.setenv("EDITOR", _editor(tmp_path, "pass\n", "keep.py"))  # save as it is
    result = journal("log", "alex", "--resume")
    assert result.stdout.startswith("Logged meeting #2 with Alex Chen")
    assert _meeting(journal, 2)["notes"] == "Typed in the editor"
    assert not _drafts(home)


def test_editor_killed_by_a_signal_keeps_prefilled_flags(journal, tmp_path, monkeypatch):
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "import os, signal\nos.kill(os.getpid(), 9)\n"))
    line = journal.fails("log", "alex", "-e", "--notes", "Only in the flags")
    (draft,) = _drafts(tmp_path / "home")
    assert "killed by signal 9" in line and str(draft) in line
    assert "Only in the flags" in draft.read_text()


@pytest.mark.parametrize("editor", ["false", "/no/such/editor", "pass"])
def test_a_failed_or_untouched_template_keeps_no_draft(
    journal, db_file, tmp_path, monkeypatch, editor
):
    if editor == "pass":
        editor = _editor(tmp_path, "pass\n")
    monkeypatch.setenv("EDITOR", editor)
    before = dump(db_file)
    journal.fails("log", "alex", "--edit")
    assert dump(db_file) == before and not _drafts(tmp_path / "home")


def test_resume_picks_the_newest_draft_or_the_mentors(journal, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, NOTES + "sys.exit(1)\n"))
    journal.fails("log", "sam", "-e")
    (sams,) = _drafts(home)
    os.utime(sams, (1, 1))  # older
    journal.fails("log", "alex", "-e")
    monkeypatch.setenv("EDITOR", _editor(tmp_path, "pass\n", "keep.py"))
    assert "with Sam Rivera" in journal("log", "sam", "--resume").stdout
    assert "with Alex Chen" in journal("log", "--resume").stdout
    line = journal.fails("log", "--resume")
    assert "no unsaved meeting draft" in line and str(home / "drafts") in line


def test_resume_takes_no_content_flags(journal):
    line = journal.fails("log", "alex", "--resume", "--mode", "call", code=2)
    assert "--resume reopens the kept draft" in line


def test_a_draft_that_cannot_be_read_is_kept_under_the_name_resume_finds(
    journal, tmp_path, monkeypatch
):
    bad = 'open(path, "w").write(text.replace("Mode: video", "Mode: telepathy"))\n'
    monkeypatch.setenv("EDITOR", _editor(tmp_path, bad))
    line = journal.fails("log", "alex", "-e", code=2)
    (draft,) = _drafts(tmp_path / "home")
    assert "telepathy" in line and str(draft) in line and "--resume" in line
    fix = NOTES.replace("text.replace(", 'text.replace("telepathy", "chat").replace(', 1)
    monkeypatch.setenv("EDITOR", _editor(tmp_path, fix, "fix.py"))
    journal("log", "alex", "--resume")
    assert _meeting(journal, 2)["mode"] == "chat"


def test_the_next_edit_session_offers_the_kept_draft(journal, tmp_path, monkeypatch):
    from mentorlog.cli import log

    home = tmp_path / "home"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, NOTES + "sys.exit(1)\n"))
    journal.fails("log", "alex", "-e")
    (draft,) = _drafts(home)
    seen = tmp_path / "seen.md"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, SEE.format(seen=str(seen)), "keep.py"))
    monkeypatch.setattr(log, "_interactive", lambda: True)
    result = journal("log", "alex", "-e", input="y\n")
    assert f"You have an unsaved draft for Alex Chen at {draft}. Resume it?" in result.stdout
    assert "Typed in the editor" in seen.read_text()
    assert _meeting(journal, 2)["notes"] == "Typed in the editor"
    assert not _drafts(home)


def test_a_new_session_says_where_the_kept_draft_is_when_it_cannot_ask(
    journal, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, NOTES + "sys.exit(1)\n"))
    journal.fails("log", "alex", "-e")
    (draft,) = _drafts(home)
    result = journal("log", "alex", "--notes", "A different meeting")
    assert f"an unsaved draft for Alex Chen is kept at {draft}" in result.stderr
    assert "'Alex Chen' --resume" in result.stderr
    assert draft.exists()


# ------------------------------------------------------------------ 3. reflections


def test_a_second_reflection_is_refused_and_its_text_waits_in_a_draft(journal, db_file, tmp_path):
    journal("review", "--reflect", "First thoughts")
    before = dump(db_file)
    line = journal.fails("review", "--reflect", "Second thoughts")
    assert "already has a reflection" in line and "--replace" in line and "--append" in line
    (waiting,) = _drafts(tmp_path / "home", "reflection-*.md")
    assert str(waiting) in line and waiting.read_text() == "Second thoughts\n"
    assert stat.S_IMODE(waiting.stat().st_mode) == 0o600
    assert dump(db_file) == before
    assert journal.json("review")["reflection"]["text"] == "First thoughts"


def test_replace_and_append_say_what_happens_to_the_first(journal):
    journal("review", "--reflect", "First")
    assert "Added to" in journal("review", "--append", "--reflect", "Second").stdout
    assert journal.json("review")["reflection"]["text"] == "First\n\nSecond"
    assert "Replaced" in journal("review", "--replace", "--reflect", "Only").stdout
    assert journal.json("review")["reflection"]["text"] == "Only"
    assert "--replace goes with --reflect" in journal.fails("review", "--replace", code=2)


def test_reflect_dash_reads_stdin(journal):
    journal("review", "--reflect", "-", input="Piped reflection\n")
    assert journal.json("review")["reflection"]["text"] == "Piped reflection"


def test_review_edit_opens_the_saved_reflection(journal, tmp_path, monkeypatch):
    journal("review", "--reflect", "Saved before")
    seen = tmp_path / "seen.md"
    body = SEE.format(seen=str(seen)) + 'open(path, "w").write(text + "And more\\n")\n'
    monkeypatch.setenv("EDITOR", _editor(tmp_path, body))
    journal("review", "--edit")
    assert "Saved before" in seen.read_text()
    assert journal.json("review")["reflection"]["text"] == "Saved before\nAnd more"
    assert not _drafts(tmp_path / "home")


def test_review_edit_that_fails_keeps_what_was_typed(journal, db_file, tmp_path, monkeypatch):
    body = 'open(path, "w").write(text + "Half a thought\\n")\nsys.exit(1)\n'
    monkeypatch.setenv("EDITOR", _editor(tmp_path, body))
    before = dump(db_file)
    line = journal.fails("review", "--edit")
    (waiting,) = _drafts(tmp_path / "home", "reflection-*.md")
    assert str(waiting) in line and "Half a thought" in waiting.read_text()
    assert dump(db_file) == before


# ------------------------------------------------------------------ 4. what did not happen


def test_a_meeting_in_the_future_is_refused(journal, db_file):
    before = dump(db_file)
    line = journal.fails("log", "alex", "--on", "tomorrow", "--notes", "x", code=2)
    assert "2026-11-23 is in the future" in line
    assert dump(db_file) == before


def test_a_future_when_in_the_template_is_refused_and_the_draft_kept(
    journal, db_file, tmp_path, monkeypatch
):
    body = NOTES.replace(
        'text.replace("## Notes',
        'text.replace("When: 2026-11-22", "When: 2026-12-01").replace("## Notes',
    )
    monkeypatch.setenv("EDITOR", _editor(tmp_path, body))
    before = dump(db_file)
    line = journal.fails("log", "alex", "-e", code=2)
    (draft,) = _drafts(tmp_path / "home")
    assert "2026-12-01 is in the future" in line and str(draft) in line
    assert dump(db_file) == before


def test_a_meeting_with_nothing_in_it_is_refused(journal, db_file):
    before = dump(db_file)
    assert "nothing to log" in journal.fails("log", "alex", "--mode", "call", code=2)
    assert "nothing to log" in journal.fails("log", "alex", input="  \n", code=2)  # empty pipe
    assert dump(db_file) == before


def test_the_same_meeting_twice_needs_force_but_a_second_meeting_is_fine(journal, db_file):
    args = ("log", "alex", "--notes", "RFC review", "--advice", "Timebox", "--action", "Book room")
    journal(*args)
    before = dump(db_file)
    line = journal.fails(*args)
    assert "meeting #2 with Alex Chen on 2026-11-22 already has these notes" in line
    assert "--force" in line and dump(db_file) == before
    second = journal("log", "alex", "--notes", "Second chat after lunch")
    assert "Also logged with Alex Chen that day: meeting #2." in second.stdout
    assert "Logged meeting #4" in journal(*args, "--force").stdout
    assert journal("log", "alex", "--on", "yesterday", "--notes", "RFC review", "--advice",
                   "Timebox", "--action", "Book room").exit_code == 0  # fmt: skip


# ------------------------------------------------------------------ 5. relative dates


def test_relative_dates_in_a_backdated_log_count_from_the_meeting(journal):
    journal(
        "log", "alex", "--on", "2026-11-01 10:00", "--notes", "Kick-off",
        "--action", "Draft it due:fri", "--action", "Ship it due:+1w", "--next", "+2w",
    )  # fmt: skip
    meeting = _meeting(journal, 2)
    assert [(a["text"], a["due"]) for a in meeting["actions"]] == [
        ("Draft it", "2026-11-06"),  # the Friday after Sunday Nov 1, not after today
        ("Ship it", "2026-11-08"),
    ]
    assert meeting["next_date"] == "2026-11-15"


def test_relative_due_dates_in_the_template_count_from_when(journal, tmp_path, monkeypatch):
    body = (
        'text = text.replace("When: 2026-11-22 10:00", "When: 2026-11-10 09:00")\n'
        'text = text.replace("## Questions covered", "- Write it up due:+3d\\n\\n## Questions covered")\n'
        'open(path, "w").write(text)\n'
    )
    monkeypatch.setenv("EDITOR", _editor(tmp_path, body))
    journal("log", "alex", "-e")
    assert [a["due"] for a in _meeting(journal, 2)["actions"]] == ["2026-11-13"]


# ------------------------------------------------------------------ 6. the ids it created


def test_log_prints_the_ids_it_created_in_the_designs_order(journal, db_file):
    result = journal(
        "log", "alex", "--on", "2026-11-21 16:00", "--notes", "n", "--advice", "Say no kindly",
        "--action", "One", "--action", "Two",
    )  # fmt: skip
    assert result.stdout.strip() == (
        "Logged meeting #2 with Alex Chen on 2026-11-21 16:00: actions #4, #5, advice #3."
    )
    assert _query(db_file, "SELECT id FROM action WHERE meeting_id = 2 ORDER BY id") == [(4,), (5,)]
    assert _query(db_file, "SELECT id FROM advice WHERE meeting_id = 2") == [(3,)]


# ------------------------------------------------------------------ 7. one journal per invocation


@pytest.mark.parametrize(
    "args",
    [
        ("log", "alex", "--notes", "n"),
        ("review", "--reflect", "A thought"),
    ],
)
def test_a_write_opens_the_journal_once(journal, db_file, monkeypatch, args):
    from mentorlog.store import db

    opened = []
    real = db.open_store

    def counting(*a, **k):
        opened.append(a)
        return real(*a, **k)

    monkeypatch.setattr(db, "open_store", counting)
    os.chmod(db_file, 0o644)
    result = journal(*args)
    assert len(opened) == 1
    warnings = [line for line in result.stderr.splitlines() if f"{db_file} is readable" in line]
    assert len(warnings) == 1, result.stderr


def test_piped_notes_prefill_the_editor_template(journal, tmp_path, monkeypatch):
    """`echo notes | mentorlog log alex -e`: the notes are in the template, not dropped."""
    seen = tmp_path / "seen.md"
    monkeypatch.setenv("EDITOR", _editor(tmp_path, SEE.format(seen=str(seen))))  # saves unchanged
    journal("log", "alex", "-e", input="Notes from the train\n")
    assert "Notes from the train" in seen.read_text()
    assert _meeting(journal, 2)["notes"] == "Notes from the train"


def test_piped_notes_survive_a_refused_log(journal, tmp_path):
    """`echo notes | mentorlog log alex --discussed 999`: refused, and the notes wait in a draft."""
    home = tmp_path / "home"
    line = journal.fails("log", "alex", "--discussed", "999", input="Notes I can't type again\n")
    assert "piped notes are kept at" in line
    (kept,) = _drafts(home, "notes-*.md")
    assert kept.read_text() == "Notes I can't type again\n"
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    assert str(kept) in line
