"""`log` files a meeting under the right mentor and the right goal (issue 18, items 1 and 7):
with several active mentors and no name it takes the one whose meeting is planned today, or
refuses naming them, and always says whom it picked; `--goal` / `Goal:` link the meeting's
advice, actions and feedback to a goal, and `goal show` lists what is linked."""

from __future__ import annotations

import sys
import textwrap


def _editor(tmp_path, body: str) -> str:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\npath = sys.argv[1]\ntext = open(path).read()\n" + textwrap.dedent(body)
    )
    return f"{sys.executable} {script}"


def test_the_meeting_planned_today_is_picked_and_said(journal, clock):
    # Sam's next meeting was planned for 2026-12-13; Alex (biweekly) has never met
    clock.move_to("2026-12-13 16:00Z")
    out = journal("log", "--notes", "promo talk")
    assert "Logging with Sam Rivera (the meeting planned for 2026-12-13)." in out.stderr
    assert journal.json("meeting", "list")[0]["mentor"] == "Sam Rivera"


def test_a_past_meeting_day_counts_for_the_plan(journal, clock):
    clock.move_to("2026-12-14 09:00Z")
    journal("log", "--on", "2026-12-13 15:00", "--notes", "caught up late")
    assert journal.json("meeting", "list")[0]["mentor"] == "Sam Rivera"


def test_no_plan_today_refuses_and_writes_nothing(journal):
    before = journal.json("meeting", "list")
    line = journal.fails("log", "--notes", "which one?", code=2)
    assert "2 active mentors (Alex Chen, Sam Rivera)" in line and "none has" in line
    assert journal.json("meeting", "list") == before


def test_piped_notes_are_kept_when_the_mentor_is_not_picked(journal, private_env):
    line = journal.fails("log", input="notes I can't type again\n", code=2)
    assert "Your piped notes are kept at" in line
    kept = list((private_env / "drafts").glob("notes-*.md"))
    assert len(kept) == 1 and kept[0].read_text() == "notes I can't type again\n"


def test_the_only_active_mentor_is_picked_and_said(journal):
    journal("mentor", "end", "sam")
    out = journal("log", "--notes", "1:1")
    assert "Logging with Alex Chen (your only active mentor)." in out.stderr


def test_default_mentor_is_said_too(journal, private_env):
    journal("config", "set", "default_mentor", "sam")
    out = journal("log", "--notes", "1:1")
    assert "Logging with Sam Rivera (your default_mentor)." in out.stderr


def test_a_named_mentor_needs_no_note(journal):
    assert "Logging with" not in journal("log", "alex", "--notes", "1:1").stderr


def test_log_goal_links_advice_actions_and_feedback(journal):
    journal("log", "alex", "--goal", "1", "--notes", "review prep", "--advice", "Pair with a reviewer",
            "--action", "Book the review due:fri", "--feedback", "Slow down")  # fmt: skip
    goal = journal.json("goal", "show", "1")
    assert "Pair with a reviewer" in [a["text"] for a in goal["advice"]]
    assert "Book the review" in [a["text"] for a in goal["actions"]]
    assert [f["text"] for f in goal["feedback"]] == ["Slow down"]
    assert [m["id"] for m in goal["meetings"]] == [2]
    out = journal("goal", "show", "1").stdout
    assert "Meetings" in out and "#2 2026-11-22 with Alex Chen" in out


def test_log_goal_that_does_not_exist_writes_nothing(journal):
    assert "no goal #9" in journal.fails("log", "alex", "--goal", "9", "--notes", "x")
    assert len(journal.json("meeting", "list")) == 1


def test_template_goal_line_links_the_meeting(journal, tmp_path, monkeypatch):
    seen = tmp_path / "seen.md"
    fill = f"""
open({str(seen)!r}, "w").write(text)
text = text.replace("Goal:", "Goal: #1", 1)
text = text.replace("## Advice\\n", "## Advice\\n- Timebox it\\n")
open(path, "w").write(text)
"""
    monkeypatch.setenv("EDITOR", _editor(tmp_path, fill))
    journal("log", "alex", "--edit")
    assert "#1 Lead a design review" in seen.read_text()  # the goals to choose from
    assert "Timebox it" in [a["text"] for a in journal.json("goal", "show", "1")["advice"]]


def test_template_goal_line_that_is_not_an_id_keeps_the_draft(journal, tmp_path, monkeypatch):
    fill = """
text = text.replace("Goal:", "Goal: the big one", 1)
text = text.replace("## Notes\\n", "## Notes\\nwe talked\\n")
open(path, "w").write(text)
"""
    monkeypatch.setenv("EDITOR", _editor(tmp_path, fill))
    result = journal("log", "alex", "--edit", code=None)
    assert result.exit_code != 0 and "is not a goal id" in result.stderr
    assert list((tmp_path / "home" / "drafts").glob("*.md"))  # the draft is kept


def test_log_praise_is_praise(journal):
    journal(
        "log",
        "alex",
        "--notes",
        "demo day",
        "--praise",
        "Clear demo",
        "--feedback",
        "Shorter slides",
    )
    kinds = {f["text"]: f["kind"] for f in journal.json("feedback", "list")}
    assert kinds == {"Clear demo": "praise", "Shorter slides": "constructive"}


def test_log_next_without_a_year_is_the_next_one(journal):
    journal("log", "alex", "--notes", "x", "--next", "jan 10")
    assert journal.json("meeting", "list")[0]["next_date"] == "2027-01-10"


def test_prep_without_a_name_prefers_the_meeting_planned_today(journal, clock):
    assert journal.json("prep")["mentor"]["name"] == "Alex Chen"  # due soonest (never met)
    clock.move_to("2026-12-13 09:00Z")  # Sam's planned day; Alex is overdue by then
    assert journal.json("prep")["mentor"]["name"] == "Sam Rivera"
