"""A misfiled record can be fixed (issue 18, item 2): every record kind has `edit` for every
field a user typed — mentor, goal and text included — and moving a meeting moves what came from
it."""

from __future__ import annotations

import pytest

from mentorlog.cli.registry import GROUPS


def test_every_kind_that_is_added_can_be_edited(cli):
    from mentorlog.cli.app import build_group  # noqa: F401 - the groups as the CLI builds them

    for group in GROUPS:
        out = cli(group, "--help").stdout
        commands = out.split("Commands:")[1].split() if "Commands:" in out else []
        if "add" in commands:
            assert "edit" in commands, group
    assert "edit" in cli("agenda", "--help").stdout  # questions are added with `ask`


def test_meeting_edit_mentor_moves_the_meeting_and_what_came_from_it(journal, clock):
    # meeting #1 (the template's) is Sam's: advice #2 "Find a sponsor", action #3
    journal("log", "sam", "--on", "2026-11-20 15:00", "--notes", "design chat",
            "--advice", "Write it down", "--action", "Draft the doc", "--feedback", "Be brief",
            "--resource", "The Pyramid Principle", "--intro", "Dana Lee")  # fmt: skip
    clock.shift(60)  # added a minute after the log: not part of that meeting
    journal("feedback", "add", "Older feedback", "--from", "sam", "--on", "2026-11-20")
    out = journal("meeting", "edit", "2", "--mentor", "alex")
    assert out.stdout.startswith("Moved meeting #2 to Alex Chen with ")
    for what in (
        "1 piece of advice",
        "1 action",
        "1 piece of feedback",
        "1 resource",
        "1 introduction",
    ):
        assert what in out.stdout, out.stdout
    meeting = journal.json("meeting", "show", "2")
    assert meeting["mentor"] == "Alex Chen"
    assert journal.json("advice", "show", "3")["mentor"] == "Alex Chen"
    assert journal.json("action", "show", "4")["mentor"] == "Alex Chen"
    feedback = {f["text"]: f["mentor"] for f in journal.json("feedback", "list")}
    assert feedback == {"Be brief": "Alex Chen", "Older feedback": "Sam Rivera"}
    assert journal.json("mentor", "show", "alex")["last_met"] == "2026-11-20"
    assert journal.json("mentor", "show", "sam")["last_met"] == "2026-11-15"
    alex = journal.json("prep", "alex")
    assert alex["last_time"]["meeting_id"] == 2
    assert [i["person"] for i in alex["introductions"]] == ["Dana Lee"]


def test_meeting_edit_mentor_to_an_unknown_name_changes_nothing(journal):
    before = journal.json("meeting", "show", "1")
    assert "nobody" in journal.fails("meeting", "edit", "1", "--mentor", "nobody")
    assert journal.json("meeting", "show", "1") == before
    assert journal.json("advice", "show", "2")["mentor"] == "Sam Rivera"


def test_advice_edit_changes_every_field_typed(journal):
    journal("advice", "edit", "1", "--text", "Write the decision log first, always",
            "--why", "reviews go faster", "--goal", "1", "--on", "2026-10-30")  # fmt: skip
    advice = journal.json("advice", "show", "1")
    assert (advice["text"], advice["why"], advice["goal_id"], advice["given_on"]) == (
        "Write the decision log first, always", "reviews go faster", 1, "2026-10-30")  # fmt: skip
    journal("advice", "edit", "1", "--meeting", "1")  # a meeting brings its mentor
    advice = journal.json("advice", "show", "1")
    assert (advice["meeting_id"], advice["mentor"]) == (1, "Sam Rivera")
    journal("advice", "edit", "1", "--mentor", "alex", "--why", "")
    advice = journal.json("advice", "show", "1")
    assert (advice["mentor"], advice["why"]) == ("Alex Chen", None)


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (("advice", "edit", "1"), 2, "nothing to change"),
        (("advice", "edit", "1", "--text", "  "), 2, "empty"),
        (("advice", "edit", "1", "--on", "tomorrow"), 2, "future"),
        (("advice", "edit", "1", "--goal", "99"), 1, "no goal #99"),
        (("advice", "edit", "1", "--meeting", "99"), 1, "no meeting #99"),
        (("advice", "edit", "99", "--text", "x"), 1, "no advice #99"),
        (("agenda", "edit", "1", "--mentor", "nobody"), 1, "nobody"),
        (("win", "edit", "1", "--on", "tomorrow"), 2, "future"),
        (("milestone", "edit", "1", "--goal", "99"), 1, "no goal #99"),
    ],
)
def test_bad_edits_are_one_clean_error_and_change_nothing(journal, args, code, needle):
    journal("win", "add", "Gave the talk")
    before = journal("export").stdout
    assert needle in journal.fails(*args, code=code)
    assert journal("export").stdout == before


def test_advice_applied_cannot_be_given_after_it_was_applied(journal):
    journal("advice", "apply", "1", "--on", "2026-11-10")
    assert "applied on 2026-11-10" in journal.fails("advice", "edit", "1", "--on", "2026-11-12")


def test_question_win_milestone_and_action_edits(journal):
    journal(
        "agenda",
        "edit",
        "1",
        "--text",
        "How do I say no to scope?",
        "--mentor",
        "sam",
        "--goal",
        "2",
    )
    question = journal.json("agenda", "list", "sam")[0]
    assert (question["text"], question["goal_id"]) == ("How do I say no to scope?", 2)
    assert journal.json("agenda", "list", "alex") == []
    journal("win", "add", "Gave the talk")
    journal("win", "edit", "1", "--text", "Gave the team talk", "--goal", "2", "--on", "2026-11-20")
    win = journal.json("win", "list")[0]
    assert (win["text"], win["goal_id"], win["won_on"]) == ("Gave the team talk", 2, "2026-11-20")
    journal("milestone", "edit", "1", "--goal", "2")  # to the end of goal #2's milestones
    journal("milestone", "add", "2", "Ask for criteria")
    assert [m["title"] for m in journal.json("milestone", "list", "2")] == [
        "Shadow a review", "Ask for criteria"]  # fmt: skip
    journal("action", "done", "2")
    journal("action", "edit", "2", "--result", "read it twice")
    assert journal.json("action", "show", "2")["result"] == "read it twice"
