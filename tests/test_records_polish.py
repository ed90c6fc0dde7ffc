"""The record commands (action, goal, milestone, advice, win, mentor, meeting, ask/agenda): ids
printed, several ids at once, reopen, no future dates for what already happened, mentor names with
accents, typed list filters, and the messages they print."""

from __future__ import annotations

import ast
import json
from datetime import date
from pathlib import Path

import pytest

from mentorlog.core.cadence import Cadence, meeting_health
from mentorlog.core.rules import fold_name
from support import dump

SRC = Path(__file__).resolve().parent.parent / "src" / "mentorlog"


# ---------------------------------------------------------------- creating commands print ids


def test_goal_add_prints_the_ids_of_its_milestones(journal):
    out = journal(
        "goal", "add", "Speak at a meetup", "--milestone", "Pick a talk", "--milestone", "Submit"
    )
    assert "Added goal #3 Speak at a meetup with milestones #3, #4." in out.stdout
    one = journal("goal", "add", "Write a post", "--milestone", "Draft")
    assert "with milestone #5." in one.stdout


def test_milestone_and_goal_done_print_the_win_they_record(journal):
    out = journal("milestone", "done", "1")
    assert "Milestone #1 reached: Shadow a review (win #1)." in out.stdout
    out = journal("goal", "done", "2")
    assert "Goal #2 Get promoted achieved (win #2)" in out.stdout
    assert [w["id"] for w in journal.json("win", "list")] == [2, 1]


def test_every_add_prints_the_new_id(journal):
    for args, expected in [
        (("action", "add", "Book the room"), "Added action #4: Book the room."),
        (("advice", "add", "Ask for the why", "--mentor", "alex"), "Recorded advice #3."),
        (("win", "add", "Gave the talk"), "Win #1 recorded"),
        (("mentor", "add", "Priya"), "Added mentor #3 Priya"),
        (("milestone", "add", "2", "Ask for criteria"), "Added milestone #3 to goal #2"),
        (("ask", "What next?"), "Queued question #2."),
    ]:
        assert expected in journal(*args).stdout, args


# ---------------------------------------------------------------- several ids, reopen


def test_action_done_takes_several_ids_and_reopen_undoes_it(journal):
    out = journal("action", "done", "1", "#2", "--result", "shipped", "--on", "yesterday")
    assert "Done: #1 Draft the RFC; #2 Read DDIA chapter 1." in out.stdout
    done = {a["id"]: a for a in journal.json("action", "list", "--done")}
    assert set(done) == {1, 2} and done[1]["done_on"] == "2026-11-21"
    out = journal("action", "reopen", "1", "2")
    assert "Reopened: #1 Draft the RFC; #2 Read DDIA chapter 1." in out.stdout
    assert "shipped" in out.stderr  # the cleared result is shown, not silently lost
    reopened = journal.json("action", "show", "1")
    assert (reopened["status"], reopened["done_on"], reopened["result"]) == ("open", None, None)
    journal("action", "drop", "1", "3", "--reason", "moot")
    journal("action", "reopen", "3")
    assert journal.json("action", "show", "3")["status"] == "open"
    assert "nothing" not in journal.fails("action", "reopen", "2")  # open: nothing to reopen
    assert "action reopen 1" in journal.fails("action", "done", "1")  # dropped: says how to undo


def test_one_unknown_id_changes_nothing(journal, db_file):
    before = dump(db_file)
    for args in [
        ("action", "done", "1", "99"),
        ("action", "drop", "1", "99"),
        ("milestone", "done", "1", "99"),
        ("advice", "apply", "1", "99"),
        ("advice", "try", "1", "99"),
        ("goal", "done", "1", "99"),
        ("goal", "pause", "1", "99"),
        ("agenda", "drop", "1", "99"),
    ]:
        assert "#99" in journal.fails(*args), args
    assert dump(db_file) == before


def test_milestone_done_several_and_reopen_removes_its_win(journal):
    out = journal("milestone", "done", "1", "2", "--on", "2026-11-20")
    assert "#1" in out.stdout and "#2" in out.stdout and "That was the last one" in out.stdout
    assert journal.json("goal", "show", "1")["progress"] == 1.0
    out = journal("milestone", "reopen", "2")
    assert "Reopened milestone #2 Co-lead one (its win #2 is gone)." in out.stdout
    assert journal.json("milestone", "list", "1")[1]["done_on"] is None
    assert [w["milestone_id"] for w in journal.json("win", "list")] == [1]
    assert "not done" in journal.fails("milestone", "reopen", "2")


def test_goal_done_on_a_day_and_reopen(journal):
    journal("goal", "done", "1", "2", "--on", "2026-11-20")
    goals = {g["id"]: g for g in journal.json("goal", "list", "--status", "achieved")}
    assert set(goals) == {1, 2}
    assert journal.json("goal", "show", "1")["achieved_on"] == "2026-11-20"
    assert [w["won_on"] for w in journal.json("win", "list")] == ["2026-11-20", "2026-11-20"]
    out = journal("goal", "reopen", "1")
    assert "Reopened goal #1 Lead a design review" in out.stdout and "win #1 is gone" in out.stdout
    shown = journal.json("goal", "show", "1")
    assert (shown["status"], shown["achieved_on"]) == ("active", None)
    assert [w["goal_id"] for w in journal.json("win", "list")] == [2]
    assert "achieved" in journal.fails("goal", "drop", "2")
    journal("goal", "reopen", "2")
    journal("goal", "drop", "2")
    journal("goal", "reopen", "2")
    assert journal.json("goal", "show", "2")["status"] == "active"
    assert "active" in journal.fails("goal", "reopen", "2")


def test_advice_apply_several_on_a_day(journal):
    out = journal("advice", "apply", "1", "2", "--on", "2026-11-16", "--outcome", "worked")
    assert "Applied advice #1, #2." in out.stdout
    rows = {a["id"]: a for a in journal.json("advice", "list", "--status", "applied")}
    assert {a["status_on"] for a in rows.values()} == {"2026-11-16"}
    # advice #2 was given at the 2026-11-15 meeting: it can't be applied before that
    journal("advice", "add", "Later advice", "--mentor", "alex", "--on", "2026-11-20")
    assert "before" in journal.fails("advice", "apply", "3", "--on", "2026-11-19")


def test_agenda_drop_several(journal):
    journal("ask", "Second question")
    out = journal("agenda", "drop", "1", "2")
    assert "Dropped 2 questions: #1, #2." in out.stdout
    assert journal.json("agenda", "list") == []


# ---------------------------------------------------------------- no future dates


@pytest.mark.parametrize(
    "args",
    [
        ("action", "done", "1", "--on", "tomorrow"),
        ("milestone", "done", "1", "--on", "tomorrow"),
        ("win", "add", "Not yet", "--on", "tomorrow"),
        ("advice", "add", "Not yet", "--mentor", "alex", "--on", "+3d"),
        ("advice", "apply", "1", "--on", "tomorrow"),
        ("goal", "done", "1", "--on", "tomorrow"),
        ("mentor", "add", "Priya", "--since", "next week"),
        ("mentor", "edit", "alex", "--since", "tomorrow"),
    ],
)
def test_a_future_day_for_what_already_happened_is_refused(journal, db_file, args):
    before = dump(db_file)
    assert "in the future" in journal.fails(*args, code=2)
    assert dump(db_file) == before


# ---------------------------------------------------------------- mentors: deleted, ended, names


def test_deleting_a_mentor_takes_their_advice_out_of_every_prep(journal):
    # Sam's advice: #2 came from Sam's meeting, and one more given directly
    journal("advice", "add", "Keep a brag doc", "--mentor", "sam")
    prompt = journal("mentor", "delete", "2", code=None)
    assert "2 pieces of advice deleted" in prompt.stderr
    journal("mentor", "delete", "2", "--yes")
    pending = journal.json("prep", "alex")["pending_advice"]
    assert [a["text"] for a in pending] == ["Write the decision log first"]
    assert [a["id"] for a in journal.json("advice", "list")] == [1]


def test_an_ended_mentor_has_no_next_meeting(journal):
    journal("mentor", "end", "sam")  # Sam met on 2026-11-15 and planned 2026-12-13
    for row in (journal.json("mentor", "show", "sam"), journal.json("prep", "sam")["mentor"]):
        assert (row["status"], row["next_due"]) == ("ended", None)
    assert "next due" not in journal("prep", "sam").stdout.splitlines()[1]


def test_the_ended_rule_lives_in_core():
    health = meeting_health(
        Cadence(2, "w"), date(2026, 11, 1), date(2026, 11, 15), date(2026, 11, 22), "2026-11-20"
    )
    assert (health.status, health.next_due, health.days_since_last) == ("ended", None, 21)


def test_names_with_accents_match_whatever_the_case_or_accents(cli):
    cli("mentor", "add", "Émile Zola", "--since", "2026-10-01")
    for typed in ("émile", "ÉMILE", "emile", "EMILE zo", "Emile Zola"):
        assert cli.json("mentor", "show", typed)["name"] == "Émile Zola", typed
    assert cli.json("prep", "émile")["mentor"]["name"] == "Émile Zola"
    assert "already exists" in cli.fails("mentor", "add", "emile zola")
    assert fold_name("  Ångström  ÉCOLE ") == "angstrom ecole"


def test_an_exact_spelling_wins_over_a_folded_one(cli):
    cli("mentor", "add", "Rene")
    cli("mentor", "add", "Renée")
    assert cli.json("mentor", "show", "rene")["name"] == "Rene"
    assert cli.json("mentor", "show", "renée")["name"] == "Renée"


# ---------------------------------------------------------------- typed list filters


@pytest.mark.parametrize(
    ("args", "choices"),
    [
        (("action", "list", "--status", "opne"), "'open', 'done', 'dropped', 'overdue', 'all'"),
        (("goal", "list", "--status", "actve"), "'active', 'achieved', 'paused', 'dropped'"),
        (("advice", "list", "--status", "nwe"), "'new', 'trying'"),
    ],
)
def test_a_typo_in_a_status_is_a_usage_error_listing_the_choices(journal, args, choices):
    assert choices in journal.fails(*args, code=2)


def test_action_list_status(journal):
    journal("action", "done", "1")
    journal("action", "drop", "2")
    assert [a["id"] for a in journal.json("action", "list", "--status", "dropped")] == [2]
    assert [a["id"] for a in journal.json("action", "list", "--status", "done")] == [1]
    assert len(journal.json("action", "list", "--status", "all")) == 3
    journal.fails("action", "list", "--status", "done", "--open", code=2)


# ---------------------------------------------------------------- messages and code shape


def test_delete_messages_use_the_users_words(journal):
    out = journal("goal", "delete", "1", "--yes").stdout
    assert "2 milestones deleted" in out and "1 action unlinked" in out
    out = journal("mentor", "delete", "1", "--yes").stdout
    assert "1 question deleted" in out and "1 piece of advice deleted" in out
    assert "Delete an action for good" in journal("action", "delete", "--help").stdout
    assert "Delete an introduction for good" in journal("intro", "delete", "--help").stdout


OWNED = ("action", "goal", "milestone", "advice", "win", "mentor", "meeting", "questions")


def test_list_and_show_commands_print_through_one_helper():
    """cli/common.show_view reads in one snapshot and prints JSON or the renderer: the commands
    don't repeat that dance (no `reading()` + `output.emit` copies)."""
    for name in OWNED:
        text = (SRC / "cli" / f"{name}.py").read_text()
        assert "output.emit(" not in text, name


def test_no_unused_functions_in_the_record_store():
    """A vulture-like check: every top-level function of these modules is used somewhere."""
    everything = "\n".join(
        path.read_text()
        for root in (SRC, SRC.parent.parent / "tests")
        for path in root.rglob("*.py")
    )
    for module in ("store/queries.py", "store/facts.py", "store/writes.py", "core/rules.py",
                   "core/cadence.py", "core/status.py"):  # fmt: skip
        tree = ast.parse((SRC / module).read_text())
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                uses = everything.count(node.name)
                assert uses > 1, f"{module}: {node.name} is never used"


def test_advice_reopen_undoes_apply_and_keeps_the_outcome_visible(journal):
    cli = journal
    cli("advice", "apply", "1", "--outcome", "decision log cut review time")
    result = cli("advice", "reopen", "1")
    assert "Reopened advice #1" in result.stdout
    assert "decision log cut review time" in result.stderr  # shown, not silently lost
    shown = cli.json("advice", "show", "1")
    assert shown["status"] == "new" and shown["outcome"] is None
    assert "new" in cli.fails("advice", "reopen", "1")  # already new: nothing to undo


def test_deleting_a_mentor_takes_what_was_theirs_out_of_every_prep(journal):
    cli = journal
    cli("ask", "Question for Alex only", "--mentor", "alex")
    cli("resource", "add", "Alex's book", "--mentor", "alex")
    cli("log", "alex", "--notes", "chat", "--action", "Follow up with Alex")
    cli("action", "add", "My own thing")  # nobody's: stays, and shows for everyone
    result = cli("mentor", "delete", "1", "--yes")
    assert "question" in result.stdout and "action" in result.stdout, result.stdout
    prep = json.dumps(cli.json("prep", "sam"))
    for text in ("Question for Alex only", "Alex's book", "Follow up with Alex"):
        assert text not in prep, text
    assert "My own thing" in prep


def test_meeting_edit_refuses_a_future_day(journal):
    line = journal.fails("meeting", "edit", "1", "--on", "next fri", code=2)
    assert "future" in line
    assert journal.json("meeting", "show", "1")["held_at"].startswith("2026-11-15")
