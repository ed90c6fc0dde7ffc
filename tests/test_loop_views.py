"""The rest of the loop in the views: feedback, giving back, resources, introductions, check-ins.

Every suggestion rule of DESIGN's table has a test that it fires (naming what to act on) and that
it stops once acted on. Records of the new kinds go in with rows.insert, as the feedback, gave,
resource, intro and checkin commands would write them. The journal fixture's clock stands at
2026-11-22 10:00 UTC: Alex Chen (since 2026-09-01, biweekly, never met), Sam Rivera (since
2026-10-01, monthly, met 2026-11-15), goal #1 (Alex's, SMART), goal #2 (unlinked, shapeless),
advice #1 from Alex given 2026-11-01.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from support import dump

# ------------------------------------------------------------------ helpers


def _db():
    from mentorlog.paths import db_path

    return db_path()


def put(table: str, **values) -> int:
    """Insert one record the way the write path does (defaults, uuid, timestamps)."""
    from mentorlog.store import rows
    from mentorlog.store.db import write_connection

    with write_connection(_db()) as conn:
        return rows.insert(conn, table, values)


def change(table: str, record_id: int, **values) -> None:
    from mentorlog.store import rows
    from mentorlog.store.db import write_connection

    with write_connection(_db()) as conn:
        rows.update(conn, table, record_id, values)


def query(sql: str, params=()) -> list[dict]:
    conn = sqlite3.connect(_db())
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def prep(cli, *args) -> dict:
    return json.loads(cli("prep", *args, "--json").stdout)


def suggestions(cli, mentor: str) -> list[str]:
    return prep(cli, mentor)["suggestions"]


def having(items: list[str], *words: str) -> list[str]:
    """The suggestions that contain every one of `words`."""
    return [s for s in items if all(w in s for w in words)]


def at(clock, day: str, hour: int = 10) -> None:
    clock.move_to(datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC))


ALEX, SAM = 1, 2


# ------------------------------------------------------------------ suggestion rules


def test_meet_fires_when_overdue_and_when_lapsed(journal, clock):
    journal("log", "alex", "--on", "2026-11-01 10:00", "--notes", "Kick-off")  # next due 11-15
    assert having(
        suggestions(journal, "alex"),
        "Your meeting with Alex Chen",
        "was due 2026-11-15",
        "7 days overdue",
    )
    at(clock, "2026-12-01")  # past twice the cadence since Nov 1
    assert prep(journal, "alex")["mentor"]["status"] == "lapsed"
    assert having(
        suggestions(journal, "alex"), "30 days since you met Alex Chen", "16 days past due"
    )
    assert not having(suggestions(journal, "sam"), "Sam Rivera", "due")  # Sam's is on 12-13


def test_meet_stops_once_the_meeting_is_logged(journal, clock):
    journal("log", "alex", "--on", "2026-11-01 10:00", "--notes", "Kick-off")
    assert having(suggestions(journal, "alex"), "overdue")
    journal("log", "alex", "--notes", "Back on track")
    s = suggestions(journal, "alex")
    assert not having(s, "overdue") and not having(s, "past due")


def test_smart_fires_for_a_goal_without_milestones_measure_or_target(journal):
    s = suggestions(journal, "alex")
    assert having(s, "Break goal #2 'Get promoted' into milestones")
    assert having(s, "Make goal #2 SMART", "a measure and a target date", "'Get promoted'")
    assert not having(s, "goal #1")  # measured, dated, with milestones


def test_smart_stops_once_the_goal_is_smart(journal):
    journal("goal", "edit", "2", "--measure", "senior title", "--by", "2027-06-30")
    s = suggestions(journal, "alex")
    assert not having(s, "SMART") and having(s, "Break goal #2")
    journal("milestone", "add", "2", "Write the promotion case")
    assert not having(suggestions(journal, "alex"), "goal #2")


def test_advice_follow_up_fires_after_30_days_of_new_or_trying(journal, clock):
    assert not having(suggestions(journal, "alex"), "advice #1")  # 21 days old
    at(clock, "2026-12-03")
    assert having(
        suggestions(journal, "alex"),
        "Report back on advice #1 'Write the decision log first' (32 days old)",
    )
    journal("advice", "try", "1")
    assert having(suggestions(journal, "alex"), "advice #1")  # trying is still pending
    assert not having(suggestions(journal, "alex"), "advice #2")  # Sam's, and recent


def test_advice_follow_up_stops_once_applied(journal, clock):
    at(clock, "2026-12-03")
    journal("advice", "apply", "1", "--outcome", "decisions made in the doc, not the meeting")
    assert not having(suggestions(journal, "alex"), "advice #1")


def _three_meetings_with_alex(journal) -> None:
    for day in ("2026-10-25", "2026-11-08", "2026-11-15"):
        journal("log", "alex", "--on", f"{day} 10:00", "--notes", "n")


def test_ask_for_feedback_fires_after_three_meetings_without_feedback(journal):
    journal("log", "alex", "--on", "2026-10-25 10:00", "--notes", "n")
    journal("log", "alex", "--on", "2026-11-08 10:00", "--notes", "n")
    assert not having(suggestions(journal, "alex"), "for feedback")  # two meetings only
    journal("log", "alex", "--on", "2026-11-15 10:00", "--notes", "n")
    assert having(
        suggestions(journal, "alex"), "Ask Alex Chen for feedback", "no feedback recorded yet"
    )
    # Older than the third-last meeting, from someone else, or given rather than received: no help
    put("feedback", text="Good start", given_on="2026-10-20", mentor_id=ALEX)
    put("feedback", text="Nice", given_on="2026-11-20", mentor_id=SAM)
    put("feedback", text="Thanks Alex", direction="given", given_on="2026-11-20", mentor_id=ALEX)
    assert having(suggestions(journal, "alex"), "Ask Alex Chen for feedback", "since 2026-10-20")


def test_ask_for_feedback_stops_once_feedback_is_received(journal, clock):
    _three_meetings_with_alex(journal)
    put("feedback", text="Speak up earlier", given_on="2026-10-25", mentor_id=ALEX)
    assert not having(suggestions(journal, "alex"), "for feedback")  # at the third-last meeting
    clock.shift(timedelta(days=1))
    journal("log", "alex", "--notes", "n")  # a fourth meeting: the Oct 25 feedback is too old
    assert having(suggestions(journal, "alex"), "Ask Alex Chen for feedback")
    journal("log", "alex", "--on", "2026-11-23 09:00", "--feedback", "Shorter updates")
    assert not having(suggestions(journal, "alex"), "for feedback")


def test_give_back_fires_after_90_days_with_nothing_given(journal, clock):
    assert not having(suggestions(journal, "alex"), "Give something back")  # 82 days old
    clock.shift(timedelta(days=10))
    assert having(
        suggestions(journal, "alex"), "Give something back to Alex Chen", "nothing recorded"
    )
    assert not having(suggestions(journal, "sam"), "Give something back")  # 62 days old
    put("contribution", text="Sent a paper", given_on="2026-09-01", mentor_id=ALEX)
    assert having(suggestions(journal, "alex"), "Give something back to Alex Chen", "2026-09-01")


def test_give_back_stops_once_something_is_given(journal, clock):
    clock.shift(timedelta(days=10))
    put(
        "contribution",
        text="Intro to our SRE lead",
        kind="intro",
        given_on="2026-11-30",
        mentor_id=ALEX,
    )
    assert not having(suggestions(journal, "alex"), "Give something back")


def test_check_in_fires_after_90_days_without_one(journal, clock):
    assert not having(suggestions(journal, "alex"), "Check in")
    clock.shift(timedelta(days=10))
    assert having(
        suggestions(journal, "alex"), "Check in on how the mentorship with Alex Chen", "never"
    )
    assert not having(suggestions(journal, "sam"), "Check in")


def test_check_in_stops_once_checked_in_and_returns_after_180_days(journal, clock):
    clock.shift(timedelta(days=10))
    put("checkin", rating=4, working="honest", checked_on="2026-09-02", mentor_id=ALEX)
    assert not having(suggestions(journal, "alex"), "Check in")
    assert prep(journal, "alex")["last_checkin"] == {"on": "2026-09-02", "rating": 4}
    at(clock, "2027-03-05")  # 184 days later
    assert having(suggestions(journal, "alex"), "Check in", "last on 2026-09-02")


def test_intro_follow_up_fires_to_reach_out_then_to_thank(journal):
    dana = put("introduction", person="Dana Lee", introduced_on="2026-11-01", mentor_id=ALEX)
    put("introduction", person="Eve Stone", introduced_on="2026-11-15", mentor_id=ALEX)  # 7 days
    put("introduction", person="Fay Wu", introduced_on="2026-10-01", mentor_id=SAM)
    s = suggestions(journal, "alex")
    assert having(s, f"Intro #{dana}", "reach out to Dana Lee", "21 days ago")
    assert not having(s, "Eve Stone") and not having(s, "Fay Wu")
    assert having(suggestions(journal, "sam"), "reach out to Fay Wu")
    change("introduction", dana, met_on="2026-11-20")
    s = suggestions(journal, "alex")
    assert not having(s, "reach out to Dana Lee")
    assert having(s, "thank Alex Chen for introducing Dana Lee")


def test_intro_follow_up_stops_once_met_and_thanked(journal):
    dana = put("introduction", person="Dana Lee", introduced_on="2026-11-01", mentor_id=ALEX)
    change("introduction", dana, met_on="2026-11-20", thanked_on="2026-11-21")
    assert not having(suggestions(journal, "alex"), "Dana Lee")
    assert prep(journal, "alex")["introductions"] == []


def test_act_on_feedback_fires_for_old_constructive_feedback(journal):
    old = put("feedback", text="Lead with the decision", kind="constructive",
              given_on="2026-10-15", mentor_id=ALEX)  # fmt: skip
    put("feedback", text="Great doc", kind="praise", given_on="2026-10-01", mentor_id=ALEX)
    put(
        "feedback",
        text="Too many slides",
        kind="constructive",
        given_on="2026-11-10",
        mentor_id=ALEX,
    )
    put("feedback", text="Be brief", kind="constructive", given_on="2026-10-01", mentor_id=SAM)
    s = having(suggestions(journal, "alex"), "Act on feedback")
    assert s == having(
        s, f"Act on feedback #{old} from Alex Chen (38 days ago)", "'Lead with the decision'"
    )
    assert len(s) == 1  # not the praise, not the recent one, not Sam's
    assert having(suggestions(journal, "sam"), "Act on feedback", "'Be brief'")


def test_act_on_feedback_stops_once_acted_on(journal):
    old = put("feedback", text="Lead with the decision", kind="constructive",
              given_on="2026-10-15", mentor_id=ALEX)  # fmt: skip
    change("feedback", old, acted_on="2026-11-21", acted_note="decision first in every doc")
    assert not having(suggestions(journal, "alex"), "Act on feedback")
    assert prep(journal, "alex")["report_back"]["feedback_acted"] == [
        {"id": old, "text": "Lead with the decision", "note": "decision first in every doc"}
    ]


def test_celebrate_fires_for_a_milestone_or_goal_since_the_last_meeting(journal):
    journal("log", "alex", "--on", "2026-11-10 10:00", "--notes", "n")
    journal("milestone", "done", "1")
    assert having(suggestions(journal, "alex"), "Celebrate: you reached 'Shadow a review'")
    journal("goal", "done", "1")
    assert having(
        suggestions(journal, "alex"), "Celebrate: you achieved goal #1 'Lead a design review'"
    )
    assert not having(suggestions(journal, "sam"), "Lead a design review")  # Alex's goal


def test_celebrate_stops_once_reported_at_a_meeting(journal, clock):
    journal("log", "alex", "--on", "2026-11-10 10:00", "--notes", "n")
    journal("milestone", "done", "1")
    journal("goal", "done", "1")
    clock.shift(timedelta(hours=1))
    journal("log", "alex", "--notes", "Celebrated")
    assert not having(suggestions(journal, "alex"), "Celebrate")


def test_new_goals_or_conclude_fires_when_every_goal_is_done(journal):
    assert not having(suggestions(journal, "alex"), "Every goal")
    assert not having(suggestions(journal, "sam"), "Every goal")  # Sam has no goals at all
    journal("goal", "done", "1")
    assert having(
        suggestions(journal, "alex"),
        "Every goal with Alex Chen is achieved:",
        "mentor end 'Alex Chen'",
    )
    journal("goal", "add", "Mentor a new hire", "--mentor", "alex")
    journal("goal", "drop", "3")
    assert having(suggestions(journal, "alex"), "Every goal with Alex Chen is achieved or dropped")


def test_new_goals_or_conclude_stops_with_a_new_goal_or_the_end(journal):
    journal("goal", "done", "1")
    journal("goal", "add", "Mentor a new hire", "--mentor", "alex")
    assert not having(suggestions(journal, "alex"), "Every goal")
    journal("goal", "drop", "3")
    journal("mentor", "end", "alex")
    assert not having(suggestions(journal, "alex"), "Every goal")  # concluded: prep by name


# ------------------------------------------------------------------ prep


PREP_KEYS = ["mentor", "since", "report_back", "open_actions", "goals", "questions",
             "pending_advice", "resources", "introductions", "last_checkin", "suggestions"]  # fmt: skip
REPORT_KEYS = ["milestones_done", "actions_done", "advice_applied", "wins", "resources_done",
               "feedback_acted", "intros_met"]  # fmt: skip


def test_prep_json_keys_are_the_designs(journal):
    """DESIGN's keys in DESIGN's order; what was added since comes after them."""
    data = prep(journal, "alex")
    assert list(data) == [*PREP_KEYS, "last_time", "feedback_pending", "totals"]
    assert list(data["report_back"]) == [*REPORT_KEYS, "goals_achieved"]
    assert list(data["mentor"]) == ["id", "name", "focus", "cadence", "last_met",
                                    "days_since_last", "next_due", "status"]  # fmt: skip
    assert data["resources"] == data["introductions"] == [] and data["last_checkin"] is None


def test_report_back_has_resources_feedback_and_intros_since_the_last_meeting(journal):
    journal("log", "alex", "--on", "2026-11-10 10:00", "--notes", "n")
    done = put("resource", title="The Staff Engineer's Path", status="done", done_on="2026-11-12",
               takeaway="decisions over designs", mentor_id=ALEX)  # fmt: skip
    put("resource", title="Old book", status="done", done_on="2026-11-05", mentor_id=ALEX)
    put("resource", title="Sam's book", status="done", done_on="2026-11-12", mentor_id=SAM)
    acted = put("feedback", text="Lead with the decision", kind="constructive", given_on="2026-10-01",
                acted_on="2026-11-15", acted_note="docs open with it", mentor_id=ALEX)  # fmt: skip
    put("feedback", text="Earlier", kind="constructive", given_on="2026-10-01",
        acted_on="2026-11-02", mentor_id=ALEX)  # fmt: skip
    met = put("introduction", person="Dana Lee", introduced_on="2026-11-01", met_on="2026-11-18",
              mentor_id=ALEX)  # fmt: skip
    put(
        "introduction",
        person="Fay Wu",
        introduced_on="2026-11-01",
        met_on="2026-11-18",
        mentor_id=SAM,
    )
    report = prep(journal, "alex")["report_back"]
    assert report["resources_done"] == [
        {"id": done, "title": "The Staff Engineer's Path", "takeaway": "decisions over designs"}
    ]
    assert report["feedback_acted"] == [
        {"id": acted, "text": "Lead with the decision", "note": "docs open with it"}
    ]
    assert report["intros_met"] == [{"id": met, "person": "Dana Lee", "met_on": "2026-11-18"}]


def test_prep_lists_open_resources_pending_intros_and_the_last_checkin(journal):
    direct = put("resource", title="DDIA", status="started", mentor_id=ALEX)
    by_goal = put("resource", title="Review checklists", goal_id=1)
    by_advice = put("resource", title="Decision records", kind="article", advice_id=1)
    unlinked = put("resource", title="Any good talk", kind="talk")
    put("resource", title="Sam's pick", mentor_id=SAM)
    put("resource", title="Finished", status="done", done_on="2026-11-01", mentor_id=ALEX)
    put("resource", title="Gave up", status="dropped", mentor_id=ALEX)
    unmet = put("introduction", person="Dana Lee", introduced_on="2026-11-20", mentor_id=ALEX)
    unthanked = put("introduction", person="Eve Stone", introduced_on="2026-11-01",
                    met_on="2026-11-05", mentor_id=ALEX)  # fmt: skip
    put("introduction", person="Done Deal", introduced_on="2026-10-01", met_on="2026-10-05",
        thanked_on="2026-10-06", mentor_id=ALEX)  # fmt: skip
    put("introduction", person="Fay Wu", introduced_on="2026-11-01", mentor_id=SAM)
    put("checkin", rating=3, checked_on="2026-10-01", mentor_id=ALEX)
    put("checkin", rating=5, checked_on="2026-11-01", mentor_id=ALEX)
    put("checkin", rating=1, checked_on="2026-11-20", mentor_id=SAM)
    data = prep(journal, "alex")
    assert data["resources"] == [
        {"id": direct, "title": "DDIA", "status": "started"},
        {"id": by_goal, "title": "Review checklists", "status": "queued"},
        {"id": by_advice, "title": "Decision records", "status": "queued"},
        {"id": unlinked, "title": "Any good talk", "status": "queued"},
    ]
    assert data["introductions"] == [
        {"id": unthanked, "person": "Eve Stone", "introduced_on": "2026-11-01",
         "met_on": "2026-11-05", "thanked_on": None},
        {"id": unmet, "person": "Dana Lee", "introduced_on": "2026-11-20", "met_on": None,
         "thanked_on": None},
    ]  # fmt: skip
    assert data["last_checkin"] == {"on": "2026-11-01", "rating": 5}
    sam = prep(journal, "sam")
    assert [r["title"] for r in sam["resources"]] == ["Any good talk", "Sam's pick"]
    assert [i["person"] for i in sam["introductions"]] == ["Fay Wu"]


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_prep_text_and_markdown_show_the_new_sections(journal):
    journal("log", "alex", "--on", "2026-11-10 10:00", "--notes", "n")
    put("resource", title="The Staff Engineer's Path", status="done", done_on="2026-11-12",
        takeaway="decisions over designs", mentor_id=ALEX)  # fmt: skip
    put("resource", title="DDIA", status="started", mentor_id=ALEX)
    put("feedback", text="Lead with the decision", kind="constructive", given_on="2026-10-01",
        acted_on="2026-11-15", acted_note="docs open with it", mentor_id=ALEX)  # fmt: skip
    put(
        "introduction",
        person="Dana Lee",
        introduced_on="2026-11-01",
        met_on="2026-11-18",
        mentor_id=ALEX,
    )
    put("introduction", person="Eve Stone", introduced_on="2026-11-20", mentor_id=ALEX)
    put("checkin", rating=4, checked_on="2026-11-01", mentor_id=ALEX)
    out = _lines(journal("prep", "alex").stdout)
    headings = [line for line in out[2:] if line and not line.startswith(" ")]
    assert headings == ["Last time", "Report back (since 2026-11-10)", "Open commitments", "Goals",
                        "Questions", "Advice still pending", "Resources", "Introductions", "Last check-in",
                        "Suggestions"]  # fmt: skip
    for line in (
        "  meeting #2 on 2026-11-10",
        "  n",
        "  ✓ Finished #1 The Staff Engineer's Path → decisions over designs",
        "  ✓ Acted on feedback #1 'Lead with the decision' → docs open with it",
        "  ✓ Met Dana Lee (intro #1, 2026-11-18)",
        "  #2 DDIA (started)",
        "  #2 Eve Stone — not met yet (introduced 2026-11-20)",
        "  #1 Dana Lee — met 2026-11-18, not thanked yet",
        "  2026-11-01: rated the mentorship 4/5",
    ):
        assert line in out, line
    markdown = journal("prep", "alex", "--format", "markdown").stdout
    for line in (
        "- Finished *The Staff Engineer's Path* — decisions over designs",
        '- Acted on your feedback "Lead with the decision" — docs open with it',
        "- Met Dana Lee on 2026-11-18",
        "## Reading and learning",
        "- *DDIA* (started)",
        "- Eve Stone (introduced 2026-11-20): not met yet",
        "- Thank you for introducing me to Dana Lee: we met on 2026-11-18.",
    ):
        assert line in markdown, line
    assert "check-in" not in markdown.lower() and "4/5" not in markdown  # private
    assert "Suggestions" not in markdown and "[bold]" not in markdown


def test_user_text_in_the_new_sections_is_not_markup(journal):
    put("resource", title="[bold]Not markup[/bold]", mentor_id=ALEX)
    put("introduction", person="[red]Rex[/red]", introduced_on="2026-11-20", mentor_id=ALEX)
    out = journal("prep", "alex").stdout
    assert "[bold]Not markup[/bold]" in out and "[red]Rex[/red]" in out


# ------------------------------------------------------------------ review


REVIEW_KEYS = ["period", "actions_done", "actions_overdue", "actions_due_next", "milestones_done",
               "goals", "meetings", "advice_received", "advice_applied", "wins", "feedback",
               "gave", "resources_done", "intros_met", "checkins", "mentors", "streak_weeks",
               "reflection", "prompts"]  # fmt: skip


def test_review_json_keys_and_the_loop_in_the_period(journal):
    received = put("feedback", text="Lead with the decision", kind="constructive",
                   given_on="2026-11-18", goal_id=1, mentor_id=ALEX)  # fmt: skip
    given = put("feedback", text="Thanks for the intro", direction="given", kind="praise",
                given_on="2026-11-20", mentor_id=SAM)  # fmt: skip
    put("feedback", text="Too old", given_on="2026-11-01", mentor_id=ALEX)
    gave = put(
        "contribution", text="Sent a paper", kind="insight", given_on="2026-11-19", mentor_id=ALEX
    )
    put("contribution", text="Too old", given_on="2026-11-01", mentor_id=ALEX)
    read = put("resource", title="DDIA", status="done", done_on="2026-11-21", takeaway="logs",
               goal_id=1)  # fmt: skip
    put("resource", title="Still reading", status="started", mentor_id=ALEX)
    met = put("introduction", person="Dana Lee", introduced_on="2026-11-01", met_on="2026-11-17",
              met_note="great chat", mentor_id=SAM)  # fmt: skip
    put("introduction", person="Not yet", introduced_on="2026-11-18", mentor_id=SAM)
    check = put("checkin", rating=4, working="honest", change="more async", checked_on="2026-11-16",
                mentor_id=ALEX)  # fmt: skip
    put("checkin", rating=2, checked_on="2026-11-15", mentor_id=ALEX)  # before the period
    data = journal.json("review")
    assert list(data) == [*REVIEW_KEYS, "totals", "activity"]  # DESIGN's keys, then what was added
    assert data["feedback"] == [
        {"id": received, "text": "Lead with the decision", "direction": "received",
         "mentor": "Alex Chen", "kind": "constructive", "on": "2026-11-18", "goal_id": 1,
         "acted_on": None, "acted_note": None},
        {"id": given, "text": "Thanks for the intro", "direction": "given", "mentor": "Sam Rivera",
         "kind": "praise", "on": "2026-11-20", "goal_id": None, "acted_on": None,
         "acted_note": None},
    ]  # fmt: skip
    assert data["gave"] == [
        {
            "id": gave,
            "text": "Sent a paper",
            "mentor": "Alex Chen",
            "kind": "insight",
            "on": "2026-11-19",
        }
    ]
    assert data["resources_done"] == [
        {
            "id": read,
            "title": "DDIA",
            "kind": "other",
            "mentor": "Alex Chen",
            "takeaway": "logs",
            "done_on": "2026-11-21",
        }
    ]  # fmt: skip  (Alex's through goal #1)
    assert data["intros_met"] == [
        {"id": met, "person": "Dana Lee", "mentor": "Sam Rivera", "met_on": "2026-11-17",
         "met_note": "great chat"}
    ]  # fmt: skip
    assert data["checkins"] == [
        {"id": check, "mentor": "Alex Chen", "on": "2026-11-16", "rating": 4, "working": "honest",
         "change": "more async"}
    ]  # fmt: skip
    assert any("Lead with the decision" in p for p in data["prompts"])


def test_review_lists_only_active_mentors(journal):
    assert [m["name"] for m in journal.json("review")["mentors"]] == ["Alex Chen", "Sam Rivera"]
    journal("mentor", "end", "sam")
    assert [m["name"] for m in journal.json("review")["mentors"]] == ["Alex Chen"]
    assert "Sam Rivera" not in journal("review").stdout.split("Mentors")[1]


def test_review_text_and_markdown_show_the_loop(journal):
    put("feedback", text="Lead with the decision", kind="constructive", given_on="2026-11-18",
        mentor_id=ALEX)  # fmt: skip
    put("contribution", text="Sent a paper", kind="insight", given_on="2026-11-19", mentor_id=ALEX)
    put(
        "resource",
        title="DDIA",
        status="done",
        done_on="2026-11-21",
        takeaway="logs",
        mentor_id=ALEX,
    )
    put(
        "introduction",
        person="Dana Lee",
        introduced_on="2026-11-01",
        met_on="2026-11-17",
        mentor_id=SAM,
    )
    put("checkin", rating=4, working="honest", checked_on="2026-11-16", mentor_id=ALEX)
    out = _lines(journal("review").stdout)
    for line in (
        "Feedback",
        "  #1 Lead with the decision (from Alex Chen, constructive)",
        "Gave back",
        "  #1 Sent a paper (to Alex Chen, insight)",
        "Resources finished",
        "  ✓ #1 DDIA → logs",
        "Introductions met",
        "  #1 Dana Lee (via Sam Rivera, 2026-11-17)",
        "Check-ins",
        "  Alex Chen 4/5 on 2026-11-16 — works: honest",
    ):
        assert line in out, line
    markdown = journal("review", "--format", "markdown").stdout
    for line in (
        "## Feedback",
        "- Lead with the decision (from Alex Chen, constructive)",
        "## Gave back",
        "- *DDIA* — logs",
        "- Dana Lee (via Sam Rivera, 2026-11-17)",
        "- Alex Chen 4/5 on 2026-11-16 — works: honest",
    ):
        assert line in markdown, line


# ------------------------------------------------------------------ status


def test_status_shows_reading_and_pending_introductions(journal):
    started = put("resource", title="DDIA", status="started", mentor_id=ALEX)
    put("resource", title="Queued", mentor_id=ALEX)
    unmet = put("introduction", person="Dana Lee", introduced_on="2026-11-01", mentor_id=ALEX)
    put("introduction", person="Eve Stone", introduced_on="2026-11-01", met_on="2026-11-05",
        mentor_id=SAM)  # fmt: skip
    put("introduction", person="Done", introduced_on="2026-11-01", met_on="2026-11-05",
        thanked_on="2026-11-06", mentor_id=SAM)  # fmt: skip
    data = journal.json("status")
    assert data["resources_in_progress"] == [
        {"id": started, "title": "DDIA", "mentor": "Alex Chen"}
    ]
    assert [(i["id"], i["person"]) for i in data["introductions_pending"]] == [
        (unmet + 1, "Eve Stone"), (unmet, "Dana Lee")
    ]  # fmt: skip
    out = _lines(journal("status").stdout)
    assert len(out) <= 24
    assert "Reading and introductions" in out
    assert "  reading #1 DDIA (Alex Chen)" in out
    assert "  intro #1 Dana Lee (via Alex Chen): not met yet" in out
    assert "  intro #2 Eve Stone (via Sam Rivera): met 2026-11-05, not thanked yet" in out


def test_status_still_fits_24_lines_when_everything_is_busy(journal, monkeypatch):
    for n in range(4):
        journal("mentor", "add", f"Mentor {n}", "--since", "2026-10-01")
    for n in range(8):
        put("action", text=f"Overdue {n}", due_date="2026-11-10")
        put("action", text=f"This week {n}", due_date="2026-11-22")
        put("goal", title=f"Goal {n}")
        put("resource", title=f"Book {n}", status="started")
        put("introduction", person=f"Person {n}", introduced_on="2026-11-01", mentor_id=ALEX)
    out = _lines(journal("status").stdout)
    assert len(out) <= 24, "\n".join(out)
    for heading in ("Meetings", "Overdue", "Due this week", "Goals", "Reading and introductions"):
        assert heading in out
    assert sum("more" in line for line in out) == 5
    monkeypatch.setenv("COLUMNS", "60")  # items wrap: fewer of them fit
    narrow = _lines(journal("status").stdout)
    assert len(narrow) <= 24 and "  Alex Chen: no-meetings" in narrow, "\n".join(narrow)


# ------------------------------------------------------------------ mentor end and reopen


CLOSING_KEYS = ["mentor", "meetings", "goals_achieved", "advice_applied", "actions_done", "wins",
                "feedback_received", "gave", "open_actions"]  # fmt: skip


def test_mentor_end_returns_the_closing_summary(journal):
    journal(
        "log", "alex", "--on", "2026-10-01 10:00", "--notes", "n", "--advice", "Timebox reviews"
    )
    journal("log", "alex", "--on", "2026-11-01 10:00", "--notes", "n", "--feedback", "Lead with it")
    journal("advice", "apply", "3", "--outcome", "45 minutes is enough")
    journal("action", "done", "1", "--result", "RFC approved")
    journal("milestone", "done", "1")
    journal("goal", "done", "1")
    journal("action", "add", "Thank-you lunch", "--mentor", "alex")
    journal("action", "add", "Unlinked chore")  # belongs to no single mentorship
    put("contribution", text="Sent a paper", kind="insight", given_on="2026-11-02", mentor_id=ALEX)
    put("feedback", text="Thanks!", direction="given", given_on="2026-11-02", mentor_id=ALEX)
    put("feedback", text="Sam's", given_on="2026-11-02", mentor_id=SAM)
    data = journal.json("mentor", "end", "alex", "--on", "2026-11-21", "--note", "All done")
    assert list(data) == CLOSING_KEYS
    assert data["mentor"] == {
        "name": "Alex Chen",
        "started_on": "2026-09-01",
        "ended_on": "2026-11-21",
    }
    assert data["meetings"] == 2
    assert [g["title"] for g in data["goals_achieved"]] == ["Lead a design review"]
    assert data["advice_applied"] == [
        {"id": 3, "text": "Timebox reviews", "outcome": "45 minutes is enough"}
    ]
    assert [(a["id"], a["result"]) for a in data["actions_done"]] == [(1, "RFC approved")]
    assert [w["text"] for w in data["wins"]] == [
        "Reached milestone: Shadow a review", "Achieved goal: Lead a design review"
    ]  # fmt: skip
    assert [f["text"] for f in data["feedback_received"]] == ["Lead with it"]
    assert [c["text"] for c in data["gave"]] == ["Sent a paper"]
    assert data["open_actions"] == [{"id": 4, "text": "Thank-you lunch"}]
    assert journal.json("mentor", "show", "alex")["closing_note"] == "All done"


def test_mentor_end_text_summary(journal):
    journal("action", "add", "Thank-you lunch", "--mentor", "alex")
    out = journal("mentor", "end", "alex").stdout
    assert "Concluded the mentorship with Alex Chen (2026-09-01 → 2026-11-22) · 0 meetings" in out
    assert "Still open: finish, drop or move them" in out and "#1 Draft the RFC" in out
    assert "#4 Thank-you lunch" in out and "thank-you note" in out


def test_an_ended_mentor_leaves_the_defaults_until_reopened(journal, db_file):
    journal("log", "alex", "--on", "2026-11-01 10:00", "--notes", "n")  # Alex is due before Sam
    assert prep(journal)["mentor"]["name"] == "Alex Chen"
    journal("mentor", "end", "alex")
    ended = prep(journal, "alex")  # still reachable by name, for a last thank-you
    assert ended["mentor"]["status"] == "ended" and ended["mentor"]["next_due"] is None
    assert not having(ended["suggestions"], "overdue")
    assert journal.json("mentor", "show", "alex")["next_due"] is None
    assert [m["next_due"] for m in journal.json("mentor", "list", "--all")] == ["2026-12-13", None]
    assert prep(journal)["mentor"]["name"] == "Sam Rivera"
    journal.fails("log", "alex", "--notes", "x")
    assert "Alex Chen" not in [m["name"] for m in journal.json("status")["mentors"]]
    assert "Reopened the mentorship with Alex Chen" in journal("mentor", "reopen", "alex").stdout
    assert prep(journal)["mentor"]["name"] == "Alex Chen"
    assert prep(journal, "alex")["mentor"]["next_due"] == "2026-11-15"
    before = dump(db_file)
    assert "has not ended" in journal.fails("mentor", "reopen", "alex")
    journal.fails("mentor", "reopen", "nobody")
    assert dump(db_file) == before


def test_mentor_end_refuses_impossible_days(journal, db_file):
    before = dump(db_file)
    assert "future" in journal.fails("mentor", "end", "alex", "--on", "tomorrow", code=2)
    assert "started on 2026-09-01" in journal.fails("mentor", "end", "alex", "--on", "2026-08-01")
    assert dump(db_file) == before


def test_reopen_clears_the_closing_note_and_prints_it(journal):
    journal("mentor", "end", "alex", "--note", "Thank you for everything")
    result = journal("mentor", "reopen", "alex")
    assert "cleared the closing note" in result.stderr
    assert "Thank you for everything" in result.stderr  # shown, not lost
    assert journal.json("mentor", "show", "alex")["closing_note"] is None
    journal("mentor", "end", "alex", "--note", "Thanks again")
    assert journal.json("mentor", "show", "alex")["closing_note"] == "Thanks again"


# ------------------------------------------------------------------ log


def test_log_records_feedback_resources_and_intros_with_the_meeting(journal):
    result = journal(
        "log", "alex", "--on", "2026-11-20 15:00", "--notes", "n", "--action", "Read it",
        "--feedback", "Lead with the decision", "--feedback", "Fewer slides",
        "--resource", "The Staff Engineer's Path", "--intro", "Dana Lee",
    )  # fmt: skip
    assert result.stdout.strip() == (
        "Logged meeting #2 with Alex Chen on 2026-11-20 15:00: action #4, feedback #1, #2, "
        "resource #1, intro #1."
    )
    feedback = query("SELECT text, direction, kind, given_on, mentor_id FROM feedback ORDER BY id")
    assert feedback == [
        {"text": "Lead with the decision", "direction": "received", "kind": "constructive",
         "given_on": "2026-11-20", "mentor_id": ALEX},
        {"text": "Fewer slides", "direction": "received", "kind": "constructive", "given_on": "2026-11-20",
         "mentor_id": ALEX},
    ]  # fmt: skip
    assert query("SELECT title, status, kind, mentor_id FROM resource") == [
        {
            "title": "The Staff Engineer's Path",
            "status": "queued",
            "kind": "other",
            "mentor_id": ALEX,
        }
    ]
    assert query("SELECT person, introduced_on, met_on, mentor_id FROM introduction") == [
        {"person": "Dana Lee", "introduced_on": "2026-11-20", "met_on": None, "mentor_id": ALEX}
    ]
    data = prep(journal, "alex")
    assert [r["title"] for r in data["resources"]] == ["The Staff Engineer's Path"]
    assert [i["person"] for i in data["introductions"]] == ["Dana Lee"]


@pytest.mark.parametrize(
    "bad",
    [
        ["--discussed", "99"],
        ["--discussed", "1", "--discussed", "1"],
        ["--feedback", " "],
        ["--resource", ""],
        ["--intro", "\x00"],
    ],
)
def test_log_with_the_loop_is_all_or_nothing(journal, db_file, bad):
    before = dump(db_file)
    result = journal(
        "log", "alex", "--notes", "n", "--advice", "a", "--feedback", "f", "--resource", "r",
        "--intro", "Dana Lee", *bad, code=None,
    )  # fmt: skip
    assert result.exit_code in (1, 2) and result.stderr.startswith("Error: ")
    assert dump(db_file) == before


def test_template_round_trip_with_the_new_sections():
    from mentorlog.core.template import build_template, parse_template

    when = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    template = build_template("Alex Chen", when, {})
    for heading in ("## Feedback", "## Resources", "## Introductions"):
        assert heading in template
    untouched = parse_template(template)
    assert untouched.feedback == untouched.resources == untouched.intros == []
    filled = (
        template.replace("## Feedback\n", "## Feedback\n- Lead with the decision\n* Fewer slides\n")
        .replace("## Resources\n", "## Resources\n- The Staff Engineer's Path\nDDIA\n")
        .replace("## Introductions\n", "## Introductions\n- Dana Lee\n-\n")
        .replace("## Advice\n", "## Advice\n- Timebox reviews\n")
    )
    parsed = parse_template(filled)
    assert parsed.feedback == ["Lead with the decision", "Fewer slides"]
    assert parsed.resources == ["The Staff Engineer's Path", "DDIA"]
    assert parsed.intros == ["Dana Lee"]
    assert parsed.advice == ["Timebox reviews"]
    assert parsed.held_at.strftime("%Y-%m-%d %H:%M") == "2026-11-20 15:00"


# ------------------------------------------------------------------ demo


def test_the_demo_journal_uses_every_record_kind(cli, tmp_path):
    target = tmp_path / "demo.db"
    cli("demo", "--db", str(target))
    conn = sqlite3.connect(target)
    try:
        counts = {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in (
                "feedback",
                "contribution",
                "resource",
                "introduction",
                "checkin",
                "reflection",
            )
        }
        statuses = {r[0] for r in conn.execute("SELECT status FROM resource")}
        kinds = {
            r for r in conn.execute("SELECT direction, kind, acted_on IS NOT NULL FROM feedback")
        }
    finally:
        conn.close()
    assert all(counts.values()), counts
    assert statuses == {"queued", "started", "done", "dropped"}
    assert {("received", "constructive", 1), ("received", "constructive", 0),
            ("received", "praise", 0)} <= kinds and any(k[0] == "given" for k in kinds)  # fmt: skip

    def view(*args):
        return json.loads(cli("--db", str(target), *args, "--json").stdout)

    alex, priya = view("prep", "alex"), view("prep", "priya")
    assert alex["report_back"]["resources_done"] and alex["report_back"]["intros_met"]
    assert alex["resources"] and alex["introductions"] and alex["last_checkin"]
    assert having(alex["suggestions"], "thank Alex Chen for introducing Maya Brooks")
    for words in ("reach out to Lee Park", "Act on feedback", "Check in on how the mentorship"):
        assert having(priya["suggestions"], words), words
    review = view("review")
    for key in ("feedback", "gave", "resources_done", "intros_met", "checkins"):
        assert review[key], key
    status = view("status")
    assert status["resources_in_progress"] and status["introductions_pending"]
