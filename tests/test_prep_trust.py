"""An agenda a mentee can trust (issue 18, items 3, 7 and 10): no noise, no gaps — one celebrate
line per goal, an outcome once, flags that say what is due, achievements first, what was said
last time, feedback still waiting, and linked work keeping a goal from 'stalled'."""

from __future__ import annotations

import json


def prep(cli, *args) -> dict:
    return json.loads(cli("prep", *args, "--json").stdout)


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_one_celebrate_line_per_goal(journal):
    journal("log", "alex", "--on", "2026-11-10 10:00", "--notes", "kick-off")
    journal("milestone", "done", "1", "2", "--on", "2026-11-20")
    cheers = [s for s in prep(journal, "alex")["suggestions"] if s.startswith("Celebrate")]
    assert cheers == [
        "Celebrate: you reached 'Shadow a review', 'Co-lead one' on goal #1 'Lead a design "
        "review' since you last met — lead with it."
    ]
    journal("goal", "done", "1", "--on", "2026-11-21")
    cheers = [s for s in prep(journal, "alex")["suggestions"] if s.startswith("Celebrate")]
    assert len(cheers) == 1 and "achieved goal #1 'Lead a design review'" in cheers[0]


def test_an_achieved_goal_leads_the_report_back_and_its_win_is_not_repeated(journal):
    journal("log", "alex", "--on", "2026-11-10 10:00", "--notes", "kick-off")
    journal("action", "done", "1", "--on", "2026-11-12")
    journal("goal", "done", "1", "--on", "2026-11-21")
    data = prep(journal, "alex")
    assert data["report_back"]["goals_achieved"] == [
        {"id": 1, "title": "Lead a design review", "achieved_on": "2026-11-21"}
    ]
    out = _lines(journal("prep", "alex").stdout)
    start = out.index("Report back (since 2026-11-10)")
    assert out[start + 1] == "  ★ Achieved goal #1 Lead a design review"
    assert not any("Achieved goal: " in line for line in out)  # its automatic win
    markdown = journal("prep", "alex", "--format", "markdown").stdout
    assert "- Achieved my goal **Lead a design review**" in markdown


def test_advice_applied_together_prints_the_outcome_once(journal):
    journal("log", "alex", "--on", "2026-11-10 10:00", "--notes", "kick-off")
    journal("advice", "add", "Timebox the review", "--mentor", "alex", "--on", "2026-11-10")
    journal(
        "advice", "apply", "1", "3", "--outcome", "the review ended on time", "--on", "2026-11-18"
    )
    out = journal("prep", "alex").stdout
    assert out.count("the review ended on time") == 1
    assert (
        "✓ Applied advice #3 Timebox the review; #1 Write the decision log first → the review "
        "ended on time" in " ".join(out.split())
    )


def test_flags_say_what_is_due(journal):
    journal("milestone", "edit", "2", "--due", "2026-11-30")
    journal("milestone", "add", "1", "Write it up", "--due", "2026-11-01")
    goal = prep(journal, "alex")["goals"][0]
    assert goal["flags"][:2] == ["overdue-milestone", "due-soon"]
    assert goal["flag_details"]["due-soon"] == "milestone #2 'Co-lead one' due 2026-11-30"
    assert goal["flag_details"]["overdue-milestone"] == (
        "milestone #3 'Write it up' was due 2026-11-01"
    )
    text = " ".join(journal("prep", "alex").stdout.split())
    assert "due-soon: milestone #2 'Co-lead one' due 2026-11-30" in text


def test_last_time_brings_the_previous_meetings_notes_and_what_the_mentor_said(journal):
    # the template's meeting with Sam (2026-11-15) is the last one
    data = prep(journal, "sam")
    last = data["last_time"]
    assert last["meeting_id"] == 1 and last["on"] == "2026-11-15"
    assert last["notes"] == "Career chat"
    assert [a["text"] for a in last["advice"]] == ["Find a sponsor"]
    assert [a["text"] for a in last["actions"]] == ["Ask about promo criteria"]
    out = _lines(journal("prep", "sam").stdout)
    at = out.index("Last time")
    assert out[at + 1 : at + 4] == [
        "  meeting #1 on 2026-11-15",
        "  Career chat",
        "  Sam Rivera advised: #2 Find a sponsor",
    ]
    assert prep(journal, "alex")["last_time"] is None  # never met Alex


def test_last_time_shows_at_most_three_lines_of_notes(journal):
    notes = "\n".join(f"line {n}" for n in range(1, 9))
    journal("log", "alex", "--on", "2026-11-20 10:00", "--notes", notes)
    out = _lines(journal("prep", "alex").stdout)
    at = out.index("Last time")
    assert out[at + 2 : at + 5] == ["  line 1", "  line 2", "  line 3 …"]
    assert "line 4" not in "\n".join(out)
    assert prep(journal, "alex")["last_time"]["notes"] == notes  # JSON keeps all of it


def test_feedback_without_a_kind_waits_in_prep_until_acted_on(journal, clock):
    journal("feedback", "add", "Say no more often", "--from", "sam", "--on", "2026-10-01")
    journal(
        "feedback", "add", "Great demo", "--from", "sam", "--kind", "praise", "--on", "2026-10-02"
    )
    data = prep(journal, "sam")
    assert [f["text"] for f in data["feedback_pending"]] == ["Say no more often"]
    assert any(s.startswith("Act on feedback #1") for s in data["suggestions"])
    assert "Feedback to act on" in journal("prep", "sam").stdout
    journal("feedback", "act", "1", "--note", "declined two meetings")
    data = prep(journal, "sam")
    assert data["feedback_pending"] == []
    assert not any(s.startswith("Act on feedback") for s in data["suggestions"])


def test_no_nag_about_a_first_meeting_while_preparing_it(cli):
    cli("mentor", "add", "Dee")
    assert not any("haven't met" in s for s in prep(cli, "dee")["suggestions"])


def test_recent_linked_work_keeps_a_goal_from_stalled(journal, clock):
    clock.move_to("2027-01-20 10:00Z")
    assert "stalled" in prep(journal, "alex")["goals"][0]["flags"]
    journal("advice", "add", "Pair with the reviewer", "--mentor", "alex", "--goal", "1")
    goal = prep(journal, "alex")["goals"][0]
    assert "stalled" not in goal["flags"] and "stalled" not in goal["flag_details"]
    clock.move_to("2027-03-01 10:00Z")
    journal("ask", "Who decides on the review?", "--goal", "1")
    assert "stalled" not in prep(journal, "alex")["goals"][0]["flags"]
