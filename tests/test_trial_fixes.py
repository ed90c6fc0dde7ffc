"""What a new-user trial on a fresh clone found: stdin in loops and cron, meetings later today,
reflection drafts, ended mentors, review prompts, exit codes and when a mentorship started.
(The journal: Alex Chen #1 since 2026-09-01, Sam Rivera #2; the clock: Sunday 2026-11-22 10:00 UTC.)"""

from __future__ import annotations

import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

from support import dump

MENTORLOG = [sys.executable, "-m", "mentorlog"]


def _editor(tmp_path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\npath = sys.argv[1]\ntext = open(path).read()\n" + textwrap.dedent(body)
    )
    return f"{sys.executable} {script}"


def _drafts(home: Path, pattern: str = "reflection-*.md") -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.glob(pattern)) if folder.exists() else []


# ------------------------------------------------------------------ 1. when log reads stdin


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    """The real program in a child process, with real pipes (not the test runner's stdin)."""
    kw.setdefault("timeout", 60)
    return subprocess.run(MENTORLOG + args, capture_output=True, text=True, **kw)


def test_an_idle_inherited_pipe_does_not_hang_a_log_with_flags(journal):
    """`(sleep 30) | mentorlog log alex --action x` (cron, ssh): log doesn't wait for stdin."""
    import os

    read_end, write_end = os.pipe()  # the write end stays open, and silent, until the end
    try:
        result = _run(["log", "alex", "--action", "Book the room"], stdin=read_end, timeout=20)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert result.returncode == 0, result.stderr
    assert "Logged meeting" in result.stdout


def test_piped_notes_with_other_flags_are_still_kept(journal):
    """Issue 11: `echo notes | mentorlog log alex --action x` keeps the notes."""
    result = _run(["log", "alex", "--action", "Book the room"], input="Talked about RFCs\n")
    assert result.returncode == 0, result.stderr
    assert journal.json("meeting", "show", "2")["notes"] == "Talked about RFCs"


def test_a_file_redirect_is_read_with_other_flags(journal, tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("From a file\n")
    with notes.open() as stdin:
        result = _run(["log", "alex", "--action", "Book the room"], stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert journal.json("meeting", "show", "2")["notes"] == "From a file"


def test_notes_dash_waits_for_a_slow_pipe(journal):
    """--notes - always reads, however late the notes come."""
    script = "import time; time.sleep(1.5); print('Slow notes')"
    writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE)
    try:
        result = _run(["log", "alex", "--notes", "-", "--action", "x"], stdin=writer.stdout)
    finally:
        writer.stdout.close()
        writer.wait()
    assert result.returncode == 0, result.stderr
    assert journal.json("meeting", "show", "2")["notes"] == "Slow notes"


def test_a_loop_with_dev_null_logs_every_meeting(journal, db_file):
    """The README's loop: with < /dev/null each run leaves the loop's input alone."""
    script = (
        "printf 'a\\nb\\nc\\n' | while read l; do "
        f'{shlex.join(MENTORLOG)} log alex --action "m-$l" --force < /dev/null; done'
    )
    subprocess.run(["sh", "-c", script], check=True, timeout=120, capture_output=True)
    texts = [a["text"] for a in journal.json("action", "list", "--all")]
    assert {"m-a", "m-b", "m-c"} <= set(texts)


def test_log_help_says_when_stdin_is_read(journal):
    text = " ".join(journal("log", "--help").stdout.split())
    assert "half a second" in text and "/dev/null" in text and "--notes -" in text


# ------------------------------------------------------------------ 2. later today is the future


def test_a_meeting_later_today_is_refused(journal, db_file):
    before = dump(db_file)  # the clock: 10:00
    line = journal.fails("log", "alex", "--on", "today 23:59", "--notes", "x", code=2)
    assert "2026-11-22 23:59 is in the future" in line and "15 minutes" in line
    assert dump(db_file) == before


def test_a_meeting_a_few_minutes_ahead_is_allowed(journal):
    journal("log", "alex", "--on", "today 10:10", "--notes", "Logged as it ends")
    journal.fails("log", "alex", "--on", "today 10:16", "--notes", "x", code=2)


def test_a_later_time_typed_in_the_template_is_refused(journal, tmp_path, monkeypatch):
    body = (
        'text = text.replace("When: 2026-11-22 10:00", "When: 2026-11-22 18:00")\n'
        'open(path, "w").write(text.replace("## Notes\\n", "## Notes\\nLater\\n"))\n'
    )
    monkeypatch.setenv("EDITOR", _editor(tmp_path, body))
    line = journal.fails("log", "alex", "-e", code=2)
    assert "18:00 is in the future" in line and "draft is kept" in line


# ------------------------------------------------------------------ 3. reflection drafts


def test_a_refused_reflection_hint_gives_a_command_that_works(journal, private_env):
    journal("review", "--week", "--reflect", "First thoughts")
    line = journal.fails("review", "--week", "--reflect", "Second thoughts")
    (kept,) = _drafts(private_env)
    command = f"mentorlog review --week --reflect - --append < {kept}"
    assert command in line
    result = journal(*shlex.split(command.split("<")[0])[1:], input=kept.read_text())
    assert journal.json("review", "--week")["reflection"]["text"] == (
        "First thoughts\n\nSecond thoughts"
    )
    assert not _drafts(private_env)  # used: removed once its text is saved
    assert f"Removed the draft {kept}" in result.stdout


def test_an_unrelated_draft_is_not_removed(journal, private_env):
    journal("review", "--reflect", "First")
    journal.fails("review", "--reflect", "Kept for later")
    journal("review", "--replace", "--reflect", "Something else")
    assert len(_drafts(private_env)) == 1


def test_review_edit_with_no_changes_is_not_an_error(journal, tmp_path, monkeypatch):
    journal("review", "--reflect", "Saved before")
    monkeypatch.setenv("EDITOR", _editor(tmp_path, ""))  # closes without a change
    result = journal("review", "--edit")
    assert "unchanged; nothing to save" in result.stdout and not result.stderr
    assert journal.json("review")["reflection"]["text"] == "Saved before"
    assert not _drafts(tmp_path / "home")


def test_a_failed_edit_of_a_saved_reflection_says_to_replace(journal, tmp_path, monkeypatch):
    journal("review", "--reflect", "Saved before")
    body = 'open(path, "w").write(text + "Half a thought\\n")\nsys.exit(1)\n'
    monkeypatch.setenv("EDITOR", _editor(tmp_path, body))
    line = journal.fails("review", "--edit")
    (kept,) = _drafts(tmp_path / "home")
    assert f"mentorlog review --reflect - --replace < {kept}" in line
    assert "<!--" not in kept.read_text()  # only the text: reading it back saves just that
    monkeypatch.delenv("EDITOR")
    journal("review", "--reflect", "-", "--replace", input=kept.read_text())
    assert journal.json("review")["reflection"]["text"] == "Saved before\nHalf a thought"
    assert not _drafts(tmp_path / "home")


# ------------------------------------------------------------------ 4. ended mentors


def test_logging_with_an_ended_mentor_says_how_to_reopen(journal, db_file):
    journal("mentor", "end", "alex", "--on", "2026-11-20")
    before = dump(db_file)
    line = journal.fails("log", "alex", "--notes", "x")
    assert "the mentorship with Alex Chen ended on 2026-11-20" in line
    assert "'mentorlog mentor reopen alex' allows logging again" in line
    assert dump(db_file) == before
    assert "no active mentor matches 'zed'" in journal.fails("log", "zed", "--notes", "x")


def test_with_every_mentor_ended_prep_and_log_say_so(journal):
    journal("mentor", "end", "alex")
    journal("mentor", "end", "sam")
    for args in (("prep",), ("log", "--notes", "x")):
        line = journal.fails(*args)
        assert "all your mentorships have ended" in line
        assert "mentor reopen" in line and "mentor add" in line


def test_a_fresh_journal_still_says_add_one(cli):
    assert "no active mentor yet" in cli.fails("prep")


def test_reopen_clears_the_closing_note_from_show_and_export(journal, tmp_path):
    journal("mentor", "end", "alex", "--note", "Goals reached")
    result = journal("mentor", "reopen", "alex")
    assert "Goals reached" in result.stderr
    assert "Closing note" not in journal("mentor", "show", "alex").stdout
    out = tmp_path / "export.md"
    journal("export", "--format", "markdown", "-o", str(out))
    assert "Goals reached" not in out.read_text()


# ------------------------------------------------------------------ 5. review prompts


def test_review_does_not_ask_which_applied_advice_to_try_first(cli):
    cli("mentor", "add", "Alex Chen")
    cli("advice", "add", "Say no with a trade-off", "--mentor", "alex")
    prompts = cli.json("review")["prompts"]
    assert "Which advice will you try first: 'Say no with a trade-off'?" in prompts
    cli("advice", "apply", "1")
    assert not [p for p in cli.json("review")["prompts"] if "try first" in p]


# ------------------------------------------------------------------ 6. nothing to log


def test_nothing_to_log_is_a_usage_error(journal):
    assert "nothing to log" in journal.fails("log", "alex", input="", code=2)


# ------------------------------------------------------------------ 7. when a mentorship started


def test_a_meeting_before_since_moves_the_start_in_show_and_the_closing_summary(cli):
    cli("mentor", "add", "Priya Shah")  # since today, 2026-11-22
    cli("log", "priya", "--on", "2026-11-01 10:00", "--notes", "Kick-off")
    cli("log", "priya", "--on", "2026-11-15 10:00", "--notes", "Second")
    assert cli.json("mentor", "show", "priya")["started_on"] == "2026-11-01"
    out = cli("mentor", "end", "priya").stdout
    assert "(2026-11-01 → 2026-11-22) · 2 meetings" in out


def test_since_stays_when_the_meetings_came_later(journal):
    assert journal.json("mentor", "show", "sam")["started_on"] == "2026-10-01"


def test_a_pipe_left_unread_is_said_not_silent(journal):
    """Notes that come later than the wait would be lost without a word: log says how to keep them."""
    import os

    read_end, write_end = os.pipe()
    try:
        result = _run(["log", "alex", "--action", "Book the room"], stdin=read_end, timeout=20)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert "--notes -" in result.stderr and "not read" in result.stderr
