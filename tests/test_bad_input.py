"""Bad input never hurts: one `Error:` line, exit 1 (journal says no) or 2 (command line wrong),
no traceback, and the journal byte-for-byte unchanged."""

from __future__ import annotations

import pytest

from support import dump

# (arguments, exit code): every command with unknown ids, unknown/ambiguous mentors, bad dates, empty text.
BAD = [
    (["mentor", "add", ""], 2),
    (["mentor", "add", "alex chen"], 1),  # duplicate, case-insensitive
    (["mentor", "add", "New", "--cadence", "sometimes"], 2),
    (["mentor", "add", "New", "--since", "fooday"], 2),
    (["mentor", "show", "zed"], 1),
    (["mentor", "show", ""], 1),
    (["mentor", "edit", "zed", "--focus", "x"], 1),
    (["mentor", "edit", "alex"], 2),  # nothing to change
    (["mentor", "edit", "alex", "--name", "Sam Rivera"], 1),
    (["mentor", "end", "zed"], 1),
    (["mentor", "end", "alex", "--on", "2024-02-30"], 2),
    (["goal", "add", ""], 2),
    (["goal", "add", "G", "--mentor", "zed"], 1),
    (["goal", "add", "G", "--by", "someday"], 2),
    (["goal", "add", "G", "--horizon", "medium"], 2),
    (["goal", "add", "G", "--milestone", ""], 2),
    (["goal", "show", "99"], 1),
    (["goal", "show", "abc"], 2),
    (["goal", "edit", "99", "--title", "x"], 1),
    (["goal", "edit", "1", "--title", ""], 2),
    (["goal", "done", "99"], 1),
    (["goal", "drop", "99"], 1),
    (["goal", "pause", "99"], 1),
    (["goal", "resume", "1"], 1),  # active already
    (["goal", "list", "--mentor", "zed"], 1),
    (["milestone", "add", "99", "M"], 1),
    (["milestone", "add", "1", ""], 2),
    (["milestone", "add", "1", "M", "--due", "32/13"], 2),
    (["milestone", "done", "99"], 1),
    (["milestone", "done", "1", "--on", "nope"], 2),
    (["milestone", "list", "99"], 1),
    (["milestone", "edit", "99", "--title", "x"], 1),
    (["action", "add", ""], 2),
    (["action", "add", "   "], 2),
    (["action", "add", "A", "--due", "fooday"], 2),
    (["action", "add", "A due:fooday"], 2),
    (["action", "add", "A due:fri", "--due", "sat"], 2),
    (["action", "add", "A", "--goal", "99"], 1),
    (["action", "add", "A", "--milestone", "99"], 1),
    (["action", "add", "A", "--advice", "99"], 1),
    (["action", "add", "A", "--mentor", "zed"], 1),
    (["action", "add", "A", "--goal", "2", "--milestone", "1"], 1),
    (["action", "add", "A\x00B"], 2),
    (["action", "list", "--open", "--done"], 2),
    (["action", "list", "--mentor", "zed"], 1),
    (["action", "list", "--goal", "99"], 1),
    (["action", "show", "99"], 1),
    (["action", "done", "99"], 1),
    (["action", "done", "#x"], 2),
    (["action", "done", "1", "--on", "whenever"], 2),
    (["action", "drop", "99"], 1),
    (["action", "edit", "99", "--text", "x"], 1),
    (["action", "edit", "1"], 2),
    (["action", "edit", "1", "--goal", "99"], 1),
    (["advice", "add", ""], 2),
    (["advice", "add", "A", "--mentor", "zed"], 1),
    (["advice", "add", "A", "--meeting", "99"], 1),
    (["advice", "add", "A", "--goal", "99"], 1),
    (["advice", "add", "A", "--on", "nope"], 2),
    (["advice", "list", "--status", "maybe"], 2),
    (["advice", "list", "--mentor", "zed"], 1),
    (["advice", "show", "99"], 1),
    (["advice", "try", "99"], 1),
    (["advice", "apply", "99"], 1),
    (["advice", "apply", "1", "--outcome", ""], 2),
    (["advice", "skip", "99"], 1),
    (["ask", ""], 2),
    (["ask", "Q", "--mentor", "zed"], 1),
    (["ask", "Q", "--goal", "99"], 1),
    (["agenda", "list", "zed"], 1),
    (["agenda", "drop", "99"], 1),
    (["meeting", "list", "zed"], 1),
    (["meeting", "show", "99"], 1),
    (["meeting", "edit", "99", "--minutes", "5"], 1),
    (["meeting", "edit", "1", "--on", "nope"], 2),
    (["meeting", "edit", "1"], 2),
    (["log", "zed", "--notes", "x"], 1),
    (["log", "alex", "--on", "yesterday 25:00", "--notes", "x"], 2),
    (["log", "alex", "--next", "nope", "--notes", "x"], 2),
    (["log", "alex", "--discussed", "99", "--notes", "x"], 1),
    (["log", "alex", "--action", "A due:nope"], 2),
    (["log", "alex", "--advice", ""], 2),
    (["log", "alex", "--mode", "telepathy", "--notes", "x"], 2),
    (["log", "alex", "--minutes", "-5", "--notes", "x"], 2),
    (["log", "alex", "--notes", "x\x00y"], 2),
    (["log", "alex", "--resume", "--notes", "x"], 2),
    (["log", "alex", "--on", "tomorrow", "--notes", "x"], 2),
    (["nosuchcommand"], 2),
    (["action", "list", "--bogus"], 2),
]


def _ambiguous(cli):
    cli("mentor", "add", "Sasha Grey")
    return ["log", "sa", "--notes", "x"]


@pytest.mark.parametrize(("args", "code"), BAD, ids=[" ".join(a)[:60] for a, _ in BAD])
def test_bad_input_is_one_clean_error_and_writes_nothing(journal, db_file, args, code):
    before = dump(db_file)
    journal.fails(*args, code=code)
    assert dump(db_file) == before


def test_ambiguous_mentor_lists_the_matches(journal, db_file):
    args = _ambiguous(journal)
    before = dump(db_file)
    line = journal.fails(*args, code=1)
    assert "Sam Rivera" in line and "Sasha Grey" in line
    assert dump(db_file) == before


def test_half_valid_log_writes_nothing(journal, db_file):
    """The meeting, its advice and its actions land together or not at all."""
    before = dump(db_file)
    journal.fails(
        "log", "alex", "--notes", "n", "--advice", "ok", "--discussed", "1", "--discussed", "99"
    )
    assert dump(db_file) == before
    journal("log", "alex", "--notes", "n", "--discussed", "1")
    journal.fails("log", "alex", "--notes", "again", "--discussed", "1")  # already discussed


def test_ended_mentor_cannot_get_new_meetings(journal):
    journal("mentor", "end", "sam")
    journal.fails("log", "sam", "--notes", "x", code=1)
    journal.fails("mentor", "end", "sam", code=1)


def test_errors_never_show_a_traceback_even_for_internal_failures(journal, monkeypatch):
    from mentorlog.store import writes

    def explode(*args, **kwargs):
        raise RuntimeError("secret canary text")

    monkeypatch.setattr(writes, "add_action", explode)
    result = journal("action", "add", "anything", code=1)
    assert "Traceback" not in result.output and "secret canary" not in result.output
    assert result.stderr.startswith("Error: unexpected internal error (RuntimeError)")
