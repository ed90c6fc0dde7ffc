"""The rest of the loop through the CLI: feedback, gave, resources, introductions and check-ins.

JSON keys, state rules, several ids in one transaction, --pending filters, bad input, export/import.
The clock is frozen on Sunday 2026-11-22 (conftest.FROZEN).
"""

from __future__ import annotations

import json
import os
import shutil

import pytest

from mentorlog.cli import fast
from support import build_journal, dump

# One shape per kind for `list --json` rows and `show --json`: the keys DESIGN documents ("The rest
# of the loop"), the date under its column's name too, then what every other kind's rows carry.
DETAIL_EXTRA = ["uuid", "mentor_id", "created_at", "updated_at"]
FEEDBACK_KEYS = ["id", "text", "direction", "mentor", "kind", "on", "goal_id", "acted_on",
                 "acted_note", "given_on", *DETAIL_EXTRA]  # fmt: skip
GAVE_KEYS = ["id", "text", "mentor", "kind", "on", "given_on", *DETAIL_EXTRA]
RESOURCE_KEYS = ["id", "title", "url", "kind", "status", "mentor", "goal_id", "advice_id",
                 "takeaway", "done_on", *DETAIL_EXTRA]  # fmt: skip
INTRO_KEYS = ["id", "person", "mentor", "context", "introduced_on", "met_on", "met_note",
              "thanked_on", *DETAIL_EXTRA]  # fmt: skip
CHECKIN_KEYS = ["id", "mentor", "on", "rating", "working", "change", "checked_on", *DETAIL_EXTRA]


def documented(row: dict) -> dict:
    """A row without what every kind adds (checked in the key lists above)."""
    return {k: v for k, v in row.items() if k not in {*DETAIL_EXTRA, "given_on", "checked_on"}}


# On top of conftest's journal (Alex Chen, Sam Rivera; goal #1 is Alex's, goal #2 nobody's).
LOOP_STEPS = [
    ["feedback", "add", "Lead with the decision", "--from", "alex", "--kind", "constructive",
     "--on", "2026-11-10", "--goal", "1"],                                       # feedback #1
    ["feedback", "add", "Great demo", "--from", "sam", "--kind", "praise"],     # feedback #2
    ["feedback", "add", "Your notes helped", "--to", "alex"],                    # feedback #3
    ["feedback", "add", "Talk less in standups", "--from", "alex"],              # feedback #4
    ["gave", "add", "Sent the queueing paper", "--mentor", "alex", "--kind", "resource"],
    ["resource", "add", "DDIA", "--kind", "book", "--mentor", "alex", "--url", "https://dataintensive.net"],
    ["resource", "add", "The Staff Engineer's Path", "--goal", "2"],             # nobody's
    ["resource", "add", "Scope talk", "--kind", "talk", "--goal", "1"],          # Alex's, via goal
    ["intro", "add", "Jordan Lee", "--by", "alex", "--on", "2026-11-01", "--context", "staff eng"],
    ["intro", "add", "Priya N", "--by", "sam"],
    ["checkin", "add", "alex", "--rating", "4", "--on", "2026-10-01"],
    ["checkin", "add", "alex", "--rating", "3", "--working", "honest", "--change", "more async",
     "--on", "2026-11-20"],
]  # fmt: skip


@pytest.fixture(scope="session")
def loop_template(journal_template, tmp_path_factory):
    """conftest's journal plus one or more of each record kind, built once through the CLI."""
    home = tmp_path_factory.mktemp("loop")
    shutil.copyfile(journal_template, home / "journal.db")
    os.chmod(home / "journal.db", 0o600)
    return build_journal(home, LOOP_STEPS)


@pytest.fixture
def loop(journal, db_file, loop_template):
    shutil.copyfile(loop_template, db_file)
    return journal


# ---------------------------------------------------------------- feedback


def test_feedback_add_prints_the_id_and_lists_with_exact_keys(journal):
    cli = journal
    out = cli("feedback", "add", "Lead with the decision", "--from", "al", "--kind", "constructive")
    assert out.stdout.startswith("Recorded feedback #1 from Alex Chen.")
    assert cli("feedback", "add", "Thanks", "--to", "sam").stdout == (
        "Recorded feedback #2 to Sam Rivera.\n"
    )
    rows = cli.json("feedback", "list")
    assert [list(r) for r in rows] == [FEEDBACK_KEYS, FEEDBACK_KEYS]
    first = next(r for r in rows if r["id"] == 1)
    assert documented(first) == {
        "id": 1,
        "text": "Lead with the decision",
        "direction": "received",
        "mentor": "Alex Chen",
        "kind": "constructive",
        "on": "2026-11-22",
        "goal_id": None,
        "acted_on": None,
        "acted_note": None,
    }
    given = next(r for r in rows if r["id"] == 2)
    assert given["direction"] == "given" and given["kind"] is None
    shown = cli.json("feedback", "show", "#1")
    assert list(shown) == FEEDBACK_KEYS
    assert {k: shown[k] for k in FEEDBACK_KEYS} == first


def test_feedback_filters(loop):
    cli = loop
    ids = lambda *args: [r["id"] for r in cli.json("feedback", "list", *args)]  # noqa: E731
    assert ids() == [4, 3, 2, 1]  # newest first
    assert ids("--from", "alex") == [4, 1]
    assert ids("--to", "alex") == [3]
    assert ids("--kind", "praise") == [2]
    assert ids("--pending") == [1]
    assert ids("--from", "sam", "--pending") == []
    cli("feedback", "act", "1", "--note", "RFCs open with the decision")
    assert ids("--pending") == []


def test_feedback_act_and_reopen(loop):
    cli = loop
    out = cli("feedback", "act", "1", "--note", "RFCs open with the decision", "--on", "yesterday")
    assert out.stdout.startswith("Acted on 1 piece of feedback: #1.")
    row = cli.json("feedback", "show", "1")
    assert (row["acted_on"], row["acted_note"]) == ("2026-11-21", "RFCs open with the decision")
    line = cli.fails("feedback", "act", "1")
    assert "already acted on" in line and "reopen" in line
    assert cli("feedback", "reopen", "1").stdout == "Reopened 1 piece of feedback: #1.\n"
    row = cli.json("feedback", "show", "1")
    assert row["acted_on"] is None and row["acted_note"] is None
    assert "not been acted on" in cli.fails("feedback", "reopen", "1")


def test_only_received_constructive_feedback_is_acted_on(loop):
    cli = loop
    assert "praise" in cli.fails("feedback", "act", "2")
    assert "gave" in cli.fails("feedback", "act", "3")
    # uncategorised received feedback counts as constructive: it can be acted on as it is
    out = cli("feedback", "act", "4", "1")
    assert out.stdout.startswith("Acted on 2 pieces of feedback: #4, #1.")
    # acted-on feedback keeps its kind and direction until reopened
    assert "reopen" in cli.fails("feedback", "edit", "1", "--kind", "praise")
    assert "reopen" in cli.fails("feedback", "edit", "1", "--to", "alex")


def test_feedback_edit(loop):
    cli = loop
    assert cli(
        "feedback", "edit", "3", "--text", "Your notes helped a lot", "--from", "sam"
    ).stdout == ("Updated feedback #3.\n")
    row = cli.json("feedback", "show", "3")
    assert (row["text"], row["direction"], row["mentor"]) == (
        "Your notes helped a lot",
        "received",
        "Sam Rivera",
    )
    cli("feedback", "edit", "3", "--on", "2026-11-01", "--goal", "2")
    row = cli.json("feedback", "show", "3")
    assert (row["on"], row["goal_id"]) == ("2026-11-01", 2)
    cli("feedback", "act", "1", "--note", "first")
    cli("feedback", "edit", "1", "--note", "second")
    assert cli.json("feedback", "show", "1")["acted_note"] == "second"


# ---------------------------------------------------------------- gave


def test_gave(loop):
    cli = loop
    assert cli("gave", "add", "Thank-you note", "--mentor", "sam", "--on", "2026-11-15").stdout == (
        "Recorded contribution #2 to Sam Rivera.\n"
    )
    rows = cli.json("gave", "list")
    assert [list(r) for r in rows] == [GAVE_KEYS, GAVE_KEYS]
    assert documented(rows[0]) == {
        "id": 1,
        "text": "Sent the queueing paper",
        "mentor": "Alex Chen",
        "kind": "resource",
        "on": "2026-11-22",
    }
    assert rows[1]["kind"] == "other"  # the default
    assert [r["id"] for r in cli.json("gave", "list", "--mentor", "sam")] == [2]
    assert list(cli.json("gave", "show", "2")) == GAVE_KEYS
    cli("gave", "edit", "2", "--kind", "thanks", "--text", "Thank-you card")
    assert cli.json("gave", "show", "2")["kind"] == "thanks"
    assert "Deleted contribution #2." in cli("gave", "delete", "2", "--yes").stdout
    assert [r["id"] for r in cli.json("gave", "list")] == [1]


def test_thanks_can_follow_the_end_of_a_mentorship(loop):
    cli = loop
    cli("mentor", "end", "sam")
    cli("gave", "add", "A last thank-you", "--mentor", "sam", "--kind", "thanks")
    cli("feedback", "add", "You grew a lot", "--from", "sam", "--kind", "praise")
    cli("checkin", "add", "sam", "--rating", "5")
    assert cli.json("gave", "list", "--mentor", "sam")[0]["text"] == "A last thank-you"


# ---------------------------------------------------------------- resources


def test_resource_list_keys_default_and_status(loop):
    cli = loop
    assert cli("resource", "add", "Pragmatic Programmer").stdout == (
        "Added resource #4: Pragmatic Programmer.\n"
    )
    rows = cli.json("resource", "list")
    assert all(list(r) == RESOURCE_KEYS for r in rows)
    assert documented(rows[0]) == {
        "id": 1,
        "title": "DDIA",
        "url": "https://dataintensive.net",
        "kind": "book",
        "status": "queued",
        "mentor": "Alex Chen",
        "goal_id": None,
        "advice_id": None,
        "takeaway": None,
        "done_on": None,
    }
    assert {r["id"]: r["mentor"] for r in rows} == {
        1: "Alex Chen",
        2: None,
        3: "Alex Chen",
        4: None,
    }
    assert rows[3]["kind"] == "other"
    assert [r["id"] for r in cli.json("resource", "list", "--mentor", "alex")] == [1, 3]
    cli("resource", "start", "3")
    cli("resource", "done", "1", "--takeaway", "logs are the truth", "--on", "2026-11-20")
    cli("resource", "drop", "2")
    ids = lambda *args: [r["id"] for r in cli.json("resource", "list", *args)]  # noqa: E731
    assert ids() == [3, 4]  # started first; done and dropped hidden
    assert ids("--status", "done") == [1]
    assert ids("--status", "dropped") == [2]
    assert ids("--all") == [3, 4, 1, 2]
    done = cli.json("resource", "show", "1")
    assert list(done) == RESOURCE_KEYS
    assert (done["status"], done["done_on"], done["takeaway"]) == (
        "done",
        "2026-11-20",
        "logs are the truth",
    )


def test_resource_states_and_several_ids(loop, db_file):
    cli = loop
    out = cli("resource", "done", "1", "2", "--takeaway", "good").stdout
    assert out == "Finished 2 resources: #1 DDIA, #2 The Staff Engineer's Path.\n"
    assert cli("resource", "done", "3").stdout.startswith("Finished 1 resource: #3 Scope talk.")
    assert "already done" in cli.fails("resource", "done", "1")
    assert "reopen" in cli.fails("resource", "start", "1")
    assert cli("resource", "reopen", "1", "2").stdout == (
        "Requeued 2 resources: #1 DDIA, #2 The Staff Engineer's Path.\n"
    )
    row = cli.json("resource", "show", "1")
    assert (row["status"], row["done_on"], row["takeaway"]) == ("queued", None, "good")
    assert "already queued" in cli.fails("resource", "reopen", "1")
    cli("resource", "start", "1")
    assert "already started" in cli.fails("resource", "start", "1")
    cli("resource", "drop", "1")
    assert cli.json("resource", "show", "1")["status"] == "dropped"
    # all or nothing: #2 could start, #3 is done, so neither changes
    before = dump(db_file)
    cli.fails("resource", "start", "2", "3")
    assert dump(db_file) == before
    assert cli("resource", "start", "2", "2").stdout == (
        "Started 1 resource: #2 The Staff Engineer's Path.\n"
    )


def test_resource_edit_and_links(loop):
    cli = loop
    cli("resource", "edit", "2", "--url", "https://example.org", "--advice", "1", "--kind", "book")
    row = cli.json("resource", "show", "2")
    assert (row["url"], row["advice_id"], row["kind"], row["mentor"]) == (
        "https://example.org",
        1,
        "book",
        "Alex Chen",  # through the advice
    )
    cli("resource", "edit", "2", "--url", "", "--mentor", "sam")
    row = cli.json("resource", "show", "2")
    assert (row["url"], row["mentor"]) == (None, "Sam Rivera")
    assert "1 resource unlinked" in cli("goal", "delete", "1", "--yes").stdout
    assert cli.json("resource", "show", "3")["goal_id"] is None


# ---------------------------------------------------------------- introductions


def test_intro_lifecycle_and_pending(loop):
    cli = loop
    rows = cli.json("intro", "list")
    assert [list(r) for r in rows] == [INTRO_KEYS, INTRO_KEYS]
    assert documented(rows[1]) == {
        "id": 1,
        "person": "Jordan Lee",
        "mentor": "Alex Chen",
        "context": "staff eng",
        "introduced_on": "2026-11-01",
        "met_on": None,
        "met_note": None,
        "thanked_on": None,
    }
    pending = lambda *args: [r["id"] for r in cli.json("intro", "list", "--pending", *args)]  # noqa: E731
    assert pending() == [2, 1]
    assert cli("intro", "thanked", "2").stdout == "Thanked for 1 introduction: #2 Priya N.\n"
    assert pending() == [2, 1]  # thanked but not met is still pending
    out = cli("intro", "met", "1", "2", "--note", "coffee").stdout
    assert (
        out
        == "Met 2 introductions: #1 Jordan Lee, #2 Priya N. Thank your mentor: mentorlog intro thanked 1\n"
    )
    assert pending() == [1]
    assert pending("--mentor", "sam") == []
    cli("intro", "thanked", "1")
    assert pending() == []
    shown = cli.json("intro", "show", "1")
    assert list(shown) == INTRO_KEYS
    assert (shown["met_on"], shown["met_note"], shown["thanked_on"]) == (
        "2026-11-22",
        "coffee",
        "2026-11-22",
    )
    assert "already met" in cli.fails("intro", "met", "1")
    assert "already thanked" in cli.fails("intro", "thanked", "1")
    assert [r["id"] for r in cli.json("intro", "list", "--mentor", "alex")] == [1]
    cli("intro", "edit", "1", "--context", "", "--person", "Jordan A. Lee", "--by", "sam")
    shown = cli.json("intro", "show", "1")
    assert (shown["person"], shown["context"], shown["mentor"]) == (
        "Jordan A. Lee",
        None,
        "Sam Rivera",
    )


def test_intro_several_ids_are_all_or_nothing(loop, db_file):
    cli = loop
    cli("intro", "met", "2")
    before = dump(db_file)
    assert "already met" in cli.fails("intro", "met", "1", "2")
    assert dump(db_file) == before
    cli("intro", "met", "1", "--on", "2026-11-10")
    assert "met on 2026-11-10" in cli.fails("intro", "edit", "1", "--on", "2026-11-20")


# ---------------------------------------------------------------- check-ins


def test_checkins_and_mentor_show(loop):
    cli = loop
    assert cli.json("mentor", "show", "sam")["last_checkin"] is None
    assert cli.json("mentor", "show", "alex")["last_checkin"] == {"on": "2026-11-20", "rating": 3}
    shown = cli("mentor", "show", "alex").stdout.splitlines()
    assert any(line.split() == ["Last", "check-in", "3/5", "on", "2026-11-20"] for line in shown)
    assert cli("checkin", "add", "sam", "--rating", "5", "--working", "clarity").stdout == (
        "Recorded check-in #3 with Sam Rivera: 5/5.\n"
    )
    rows = cli.json("checkin", "list")
    assert [list(r) for r in rows] == [CHECKIN_KEYS] * 3
    assert [r["id"] for r in rows] == [3, 2, 1]
    assert documented(rows[1]) == {
        "id": 2,
        "mentor": "Alex Chen",
        "on": "2026-11-20",
        "rating": 3,
        "working": "honest",
        "change": "more async",
    }
    assert [r["id"] for r in cli.json("checkin", "list", "al")] == [2, 1]
    assert list(cli.json("checkin", "show", "2")) == CHECKIN_KEYS
    cli("checkin", "edit", "2", "--rating", "2", "--change", "")
    assert cli.json("checkin", "show", "2")["change"] is None
    assert cli.json("mentor", "show", "alex")["last_checkin"] == {"on": "2026-11-20", "rating": 2}
    assert cli("checkin", "delete", "2", "--yes").stdout == "Deleted check-in #2.\n"
    assert cli.json("mentor", "show", "alex")["last_checkin"] == {"on": "2026-10-01", "rating": 4}


# ---------------------------------------------------------------- everything else


HUMAN = [
    (["feedback", "list"], "Lead with the decision"),
    (["feedback", "show", "1"], "Lead with the decision"),
    (["gave", "list"], "Sent the queueing paper"),
    (["gave", "show", "1"], "Sent the queueing paper"),
    (["resource", "list", "--all"], "dataintensive.net"),
    (["resource", "show", "1"], "dataintensive.net"),
    (["intro", "list"], "Jordan Lee"),
    (["intro", "show", "1"], "staff eng"),
    (["checkin", "list"], "more async"),
    (["checkin", "show", "1"], "4/5"),
]


@pytest.mark.parametrize(("args", "expected"), HUMAN, ids=[" ".join(a) for a, _ in HUMAN])
def test_human_output_shows_the_records(loop, args, expected):
    out = loop(*args).stdout
    assert expected in out and "#1" in out


def test_empty_lists_say_how_to_add(cli):
    for group in ("feedback", "gave", "resource", "intro", "checkin"):
        assert f"mentorlog {group} add" in cli(group, "list").stdout
        assert cli.json(group, "list") == []


def test_deleting_a_mentor_lists_and_removes_their_records(loop):
    cli = loop
    out = cli("mentor", "delete", "1", "--yes").stdout
    for part in ("3 pieces of feedback deleted", "1 contribution deleted", "1 resource deleted",
                 "1 introduction deleted", "2 check-ins deleted"):  # fmt: skip
        assert part in out, out
    assert [r["mentor"] for r in cli.json("feedback", "list")] == ["Sam Rivera"]


def test_every_add_runs_on_the_fast_path():
    for argv in (
        ["feedback", "add", "F", "--from", "alex", "--kind", "constructive"],
        ["gave", "add", "G", "--mentor", "alex"],
        ["resource", "add", "R", "--kind", "book"],
        ["intro", "add", "P", "--by", "alex"],
        ["checkin", "add", "alex", "--rating", "4"],
        ["feedback", "list", "--pending"],
    ):
        assert fast.plan(argv) is not None, argv
    planned = fast.plan(["resource", "done", "3", "#4", "--on", "2026-11-20"])
    assert planned.target == "mentorlog.cli.resource:done"
    assert planned.kwargs["resource_ids"] == [3, 4]


def test_export_import_round_trip_keeps_the_new_records(loop, tmp_path):
    cli = loop
    cli("feedback", "act", "1", "--note", "ünïcødé ✓")
    cli("resource", "done", "1", "--takeaway", "t")
    cli("intro", "met", "1")
    first = cli("export").stdout
    records = json.loads(first)["records"]
    assert {t: len(records[t]) for t in
            ("feedback", "contribution", "resource", "introduction", "checkin")} == {
        "feedback": 4, "contribution": 1, "resource": 3, "introduction": 2, "checkin": 2,
    }  # fmt: skip
    assert records["feedback"][0]["mentor_uuid"] and records["resource"][2]["goal_uuid"]
    path = tmp_path / "e.json"
    path.write_text(first)
    target = tmp_path / "other.db"
    cli("--db", str(target), "import", str(path))
    assert cli("--db", str(target), "export").stdout == first
    assert cli.json("--db", str(target), "feedback", "show", "1")["acted_note"] == "ünïcødé ✓"


# ---------------------------------------------------------------- bad input

BAD = [
    (["feedback", "add", "", "--from", "alex"], 2),
    (["feedback", "add", "F"], 2),  # neither --from nor --to
    (["feedback", "add", "F", "--from", "alex", "--to", "sam"], 2),
    (["feedback", "add", "F", "--from", "zed"], 1),
    (["feedback", "add", "F", "--from", "alex", "--on", "nope"], 2),
    (["feedback", "add", "F", "--from", "alex", "--on", "tomorrow"], 2),
    (["feedback", "add", "F", "--from", "alex", "--goal", "99"], 1),
    (["feedback", "add", "F", "--from", "alex", "--kind", "meh"], 2),
    (["feedback", "act", "99"], 1),
    (["feedback", "act", "2"], 1),  # praise
    (["feedback", "act", "3"], 1),  # given
    (["feedback", "act", "1", "--on", "tomorrow"], 2),
    (["feedback", "act", "1", "--on", "2026-11-01"], 1),  # before the feedback
    (["feedback", "act", "1", "2"], 1),  # one bad id: none acted on
    (["feedback", "act", "1", "99"], 1),
    (["feedback", "act", "#x"], 2),
    (["feedback", "reopen", "1"], 1),  # not acted on
    (["feedback", "list", "--from", "alex", "--to", "sam"], 2),
    (["feedback", "list", "--to", "alex", "--pending"], 2),
    (["feedback", "list", "--from", "zed"], 1),
    (["feedback", "show", "99"], 1),
    (["feedback", "edit", "1"], 2),
    (["feedback", "edit", "1", "--text", ""], 2),
    (["feedback", "edit", "99", "--text", "x"], 1),
    (["feedback", "edit", "1", "--note", "x"], 1),  # not acted on
    (["feedback", "edit", "1", "--on", "tomorrow"], 2),
    (["feedback", "edit", "1", "--from", "zed"], 1),
    (["feedback", "delete", "99", "--yes"], 1),
    (["gave", "add", "G"], 2),  # no --mentor
    (["gave", "add", "", "--mentor", "alex"], 2),
    (["gave", "add", "G", "--mentor", "zed"], 1),
    (["gave", "add", "G", "--mentor", "alex", "--kind", "cash"], 2),
    (["gave", "add", "G", "--mentor", "alex", "--on", "tomorrow"], 2),
    (["gave", "add", "G", "--mentor", "alex", "--on", "2024-02-30"], 2),
    (["gave", "add", "G\x00", "--mentor", "alex"], 2),
    (["gave", "list", "--mentor", "zed"], 1),
    (["gave", "show", "99"], 1),
    (["gave", "edit", "1"], 2),
    (["gave", "edit", "1", "--text", "  "], 2),
    (["gave", "edit", "1", "--on", "+1d"], 2),
    (["resource", "add", ""], 2),
    (["resource", "add", "R", "--kind", "zine"], 2),
    (["resource", "add", "R", "--mentor", "zed"], 1),
    (["resource", "add", "R", "--goal", "99"], 1),
    (["resource", "add", "R", "--advice", "99"], 1),
    (["resource", "start", "99"], 1),
    (["resource", "start", "1", "99"], 1),
    (["resource", "done", "1", "--on", "tomorrow"], 2),
    (["resource", "done", "1", "--on", "nope"], 2),
    (["resource", "reopen", "1"], 1),  # already queued
    (["resource", "list", "--status", "finished"], 2),
    (["resource", "list", "--status", "done", "--all"], 2),
    (["resource", "list", "--mentor", "zed"], 1),
    (["resource", "show", "99"], 1),
    (["resource", "edit", "1", "--title", ""], 2),
    (["resource", "edit", "1", "--goal", "99"], 1),
    (["intro", "add", "P"], 2),  # no --by
    (["intro", "add", "", "--by", "alex"], 2),
    (["intro", "add", "P", "--by", "zed"], 1),
    (["intro", "add", "P", "--by", "alex", "--on", "tomorrow"], 2),
    (["intro", "met", "99"], 1),
    (["intro", "met", "1", "99"], 1),
    (["intro", "met", "1", "--on", "tomorrow"], 2),
    (["intro", "met", "1", "--on", "2026-10-01"], 1),  # before the introduction
    (["intro", "thanked", "1", "--on", "+1w"], 2),
    (["intro", "list", "--mentor", "zed"], 1),
    (["intro", "show", "99"], 1),
    (["intro", "edit", "1", "--person", ""], 2),
    (["intro", "edit", "1"], 2),
    (["checkin", "add", "alex", "--rating", "0"], 2),
    (["checkin", "add", "alex", "--rating", "6"], 2),
    (["checkin", "add", "alex", "--rating", "-1"], 2),
    (["checkin", "add", "alex", "--rating", "x"], 2),
    (["checkin", "add", "alex"], 2),  # no rating
    (["checkin", "add", "zed", "--rating", "3"], 1),
    (["checkin", "add", "alex", "--rating", "3", "--on", "tomorrow"], 2),
    (["checkin", "list", "zed"], 1),
    (["checkin", "show", "99"], 1),
    (["checkin", "edit", "1", "--rating", "9"], 2),
    (["checkin", "delete", "99", "--yes"], 1),
]


@pytest.mark.parametrize(("args", "code"), BAD, ids=[" ".join(a)[:60] for a, _ in BAD])
def test_bad_input_is_one_clean_error_and_writes_nothing(loop, db_file, args, code):
    before = dump(db_file)
    loop.fails(*args, code=code)
    assert dump(db_file) == before


def test_intro_reopen_undoes_met_and_thanked(journal):
    journal("intro", "add", "Dana Lee", "--by", "alex", "--on", "2026-11-01")
    intro = json.loads(journal("intro", "list", "--json").stdout)[-1]["id"]
    journal("intro", "met", str(intro), "--on", "2026-11-05", "--note", "coffee")
    journal("intro", "thanked", str(intro))
    assert "Reopened 1 introduction: #1 Dana Lee." in journal("intro", "reopen", str(intro)).stdout
    row = json.loads(journal("intro", "show", str(intro), "--json").stdout)
    assert (row["met_on"], row["met_note"], row["thanked_on"]) == (None, None, None)
    assert "nothing to reopen" in journal.fails("intro", "reopen", str(intro))
